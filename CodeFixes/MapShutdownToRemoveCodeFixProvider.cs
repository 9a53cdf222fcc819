using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ShutdownAnalyzers.Infrastructure;

namespace ShutdownAnalyzers;

/// <summary>
/// SHD001 fix: adds <c>public override void Shutdown(TDevice device) =&gt; Remove(device);</c> to the
/// driver, as the accepted lpfc patch did (<c>.shutdown = lpfc_pci_remove_one</c>). It goes right
/// after the driver's own Remove (in whichever partial declaration holds it), else at the end of the
/// reported declaration.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MapShutdownToRemoveCodeFixProvider))]
[Shared]
public sealed class MapShutdownToRemoveCodeFixProvider : CodeFixProvider
{
    public const string Title = "Map Shutdown to Remove";

    /// <summary>Stable across versions: FixAll and <c>dotnet format</c> group the fixes by it.</summary>
    public const string EquivalenceKey = "MapShutdownToRemove";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIdentifiers.RemoveWithoutShutdown);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var semanticModel = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null
            || !DriverModelSymbols.TryCreate(semanticModel.Compilation, out var symbols))
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindToken(diagnostic.Location.SourceSpan.Start).Parent is ClassDeclarationSyntax declaration
                && semanticModel.GetDeclaredSymbol(declaration, context.CancellationToken) is { } driver
                && ShutdownToRemove.TryAdd(driver, declaration, symbols) is { } shutdown)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        Title,
                        cancellationToken => shutdown.AddAsync(document.Project.Solution, new[] { ShutdownToRemove.CallRemove(shutdown.ParameterName) }, cancellationToken),
                        EquivalenceKey),
                    diagnostic);
            }
        }
    }
}
