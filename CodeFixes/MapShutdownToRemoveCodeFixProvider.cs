using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
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

    /// <summary>Every driver of the scope gets its Shutdown, each document edited once.</summary>
    public override FixAllProvider GetFixAllProvider() => new OnePassFixAllProvider(Title, EquivalenceKey, MapAllAsync);

    /// <summary>Every Shutdown planned against the original code, then all added at once, each document edited once.</summary>
    private static async Task<Solution> MapAllAsync(Solution solution, IReadOnlyList<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var additions = new List<CallbackOverride.Addition>();
        foreach (var diagnostic in diagnostics)
        {
            if (solution.GetDocument(diagnostic.Location.SourceTree) is { } document &&
                await PlanAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is { } addition)
            {
                additions.Add(addition);
            }
        }

        return await CallbackOverride.AddAllAsync(solution, additions, cancellationToken).ConfigureAwait(false);
    }

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (await PlanAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is { } addition)
            {
                var solution = context.Document.Project.Solution;
                context.RegisterCodeFix(
                    CodeAction.Create(Title, cancellationToken => CallbackOverride.AddAllAsync(solution, new[] { addition }, cancellationToken), EquivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>The Shutdown that fixes <paramref name="diagnostic"/>, reported on a driver's name in <paramref name="document"/>; null when it would not compile.</summary>
    private static async Task<CallbackOverride.Addition?> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null || !root.FullSpan.Contains(diagnostic.Location.SourceSpan)
            || !DriverModelSymbols.TryCreate(semanticModel.Compilation, out var symbols)
            || root.FindToken(diagnostic.Location.SourceSpan.Start).Parent is not ClassDeclarationSyntax declaration
            || semanticModel.GetDeclaredSymbol(declaration, cancellationToken) is not { } driver
            || ShutdownToRemove.TryAdd(driver, declaration, symbols) is not { } shutdown)
        {
            return null;
        }

        return new CallbackOverride.Addition(shutdown, new[] { ShutdownToRemove.CallRemove(shutdown.ParameterName) });
    }
}
