using System.Collections.Generic;
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

    /// <summary>FixAll's title; each fix names its call after it.</summary>
    private const string FixAllTitle = "Reset the device at the start of Probe";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIdentifiers.ProbeStartsDeviceBeforeReset);

    /// <summary>Every Probe of the scope gets its reset, each document edited and cleaned up once.</summary>
    public override FixAllProvider GetFixAllProvider() => new OnePassFixAllProvider(FixAllTitle, EquivalenceKey, ResetAllAsync);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var solution = context.Document.Project.Solution;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (await PlanAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is { } reset)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"{FixAllTitle} ({reset.Call})",
                        cancellationToken => OnePassEdits.ApplyAsync(solution, new[] { reset.Plan }, cancellationToken),
                        EquivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>Every reset planned against the original code, then all inserted at once, each document edited once.</summary>
    private static Task<Solution> ResetAllAsync(Solution solution, IReadOnlyList<Diagnostic> diagnostics, CancellationToken cancellationToken) =>
        OnePassEdits.FixAllAsync(solution, diagnostics, async (document, diagnostic, token) => (await PlanAsync(document, diagnostic, token).ConfigureAwait(false))?.Plan, cancellationToken);

    /// <summary>
    /// The reset call that fixes <paramref name="diagnostic"/> (<c>device.FunctionReset()</c>) and the plan
    /// that makes it Probe's first statement; null when the device has no parameterless reset.
    /// </summary>
    private static async Task<(string Call, PlanEdits Plan)?> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null || !root.FullSpan.Contains(diagnostic.Location.SourceSpan) ||
            !DriverModelSymbols.TryCreate(semanticModel.Compilation, out var symbols) ||
            new EffectAttributes(symbols).Resets is not { } resets ||
            root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<MethodDeclarationSyntax>() is not
                { ParameterList.Parameters.Count: 1 } probe ||
            semanticModel.GetDeclaredSymbol(probe.ParameterList.Parameters[0], cancellationToken) is not { } deviceParameter ||
            DeviceMethods.WithEffect(deviceParameter.Type, resets, method => method.Parameters.IsEmpty).FirstOrDefault() is not { } reset)
        {
            return null;
        }

        var call = deviceParameter.Name + "." + reset.Name + "()";
        return (call, (_, edits, _) =>
        {
            // One diagnostic per Probe: a Probe planned already is the same edit.
            edits.TryReplace(probe, rewritten =>
                MethodBodyEdit.InsertFirst((MethodDeclarationSyntax)rewritten, SyntaxFactory.ParseStatement(call + ";")).WithAdditionalAnnotations(edits.Written));
            return Task.CompletedTask;
        });
    }
}
