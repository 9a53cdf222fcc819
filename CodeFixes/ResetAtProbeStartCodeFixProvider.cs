using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using ShutdownAnalyzers.Analysis;
using ShutdownAnalyzers.Infrastructure;

namespace ShutdownAnalyzers;

/// <summary>
/// SHD007 fix "Reset the device at the start of Probe": inserts a call of the device's reset
/// (a parameterless <c>[Resets]</c> method, the most derived one: <c>device.FunctionReset()</c> for a
/// PCI function) as Probe's first statement, so a crash kernel's probe starts from a quiet device, as
/// drivers do for kdump (<c>reset_devices</c>). An expression-bodied Probe becomes a block.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ResetAtProbeStartCodeFixProvider))]
[Shared]
public sealed class ResetAtProbeStartCodeFixProvider : CodeFixProvider
{
    /// <summary>Stable across versions: FixAll and <c>dotnet format</c> group the fixes by it.</summary>
    public const string EquivalenceKey = "SHD007.ResetAtProbeStart";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIdentifiers.ProbeStartsDeviceBeforeReset);

    /// <summary>One diagnostic per Probe, so the fixes never touch the same method.</summary>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var semanticModel = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null || !DriverModelSymbols.TryCreate(semanticModel.Compilation, out var symbols) ||
            new EffectAttributes(symbols).Resets is not { } resets)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<MethodDeclarationSyntax>() is
                    { ParameterList.Parameters.Count: 1 } probe &&
                semanticModel.GetDeclaredSymbol(probe.ParameterList.Parameters[0], context.CancellationToken) is { } deviceParameter &&
                DeviceMethods.WithEffect(deviceParameter.Type, resets, method => method.Parameters.IsEmpty).FirstOrDefault() is { } reset)
            {
                var call = deviceParameter.Name + "." + reset.Name + "()";
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Reset the device at the start of Probe ({call})",
                        cancellationToken => InsertResetAsync(document, probe, call, cancellationToken),
                        EquivalenceKey),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> InsertResetAsync(Document document, MethodDeclarationSyntax probe, string call, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var added = new SyntaxAnnotation();
        var newLine = LineEndings.Detect(root);
        var reset = SyntaxFactory.ParseStatement(call + ";");
        var changed = document.WithSyntaxRoot(root.ReplaceNode(probe, MethodBodyEdit.InsertFirst(probe, reset).WithAdditionalAnnotations(added)));
        changed = await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await LineEndings.MatchAsync(changed, added, newLine, cancellationToken).ConfigureAwait(false);
    }
}
