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
using ShutdownAnalyzers.Analysis;
using ShutdownAnalyzers.Infrastructure;

namespace ShutdownAnalyzers;

/// <summary>
/// SHD003 and SHD004 fix "Map Shutdown to Remove", offered when the driver's Remove does the stop its
/// Shutdown is missing (and neither powers off on the restart path nor calls Shutdown back): a Shutdown
/// the driver declares gets <c>Remove(device)</c> as its body, as SHD002's fix does; a driver without
/// one gets <c>Shutdown(TDevice device) =&gt; Remove(device)</c> right after its Remove, as SHD001's does.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MapShutdownToQuiescingRemoveCodeFixProvider))]
[Shared]
public sealed class MapShutdownToQuiescingRemoveCodeFixProvider : CodeFixProvider
{
    public const string Title = "Map Shutdown to Remove";

    /// <summary>Stable across versions: FixAll and <c>dotnet format</c> group the fixes by it.</summary>
    public const string EquivalenceKey = "MapShutdownToQuiescingRemove";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIdentifiers.DmaNotStoppedOnRestart, RuleIdentifiers.InterruptLeftEnabledOnRestart);

    /// <summary>Every driver of the scope gets its Shutdown mapped, each document edited and cleaned up once.</summary>
    public override FixAllProvider GetFixAllProvider() => new OnePassFixAllProvider(Title, EquivalenceKey, MapAllAsync);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var solution = context.Document.Project.Solution;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (await PlanAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is { } plan)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        Title,
                        cancellationToken => OnePassEdits.ApplyAsync(solution, new[] { plan }, cancellationToken),
                        EquivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>Every mapping planned against the original code, then all made at once, each document edited once.</summary>
    private static Task<Solution> MapAllAsync(Solution solution, IReadOnlyList<Diagnostic> diagnostics, CancellationToken cancellationToken) =>
        OnePassEdits.FixAllAsync(solution, diagnostics, PlanAsync, cancellationToken);

    /// <summary>
    /// What maps the Shutdown of <paramref name="diagnostic"/>'s driver to Remove, as a plan of edits:
    /// its declared Shutdown's body replaced, or a new Shutdown added; null when the fix is not offered.
    /// </summary>
    private static async Task<PlanEdits?> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null || !root.FullSpan.Contains(diagnostic.Location.SourceSpan) ||
            !DriverModelSymbols.TryCreate(semanticModel.Compilation, out var symbols) ||
            !diagnostic.Properties.TryGetValue(ShutdownToRemoveMapping.CanMapToRemoveProperty, out var canMap) || canMap != "true" ||
            !diagnostic.Properties.TryGetValue(MissingQuiesce.CallbackProperty, out var callback) || callback != DriverModelSymbols.Shutdown)
        {
            return null;
        }

        switch (root.FindToken(diagnostic.Location.SourceSpan.Start).Parent)
        {
            case MethodDeclarationSyntax { Identifier.ValueText: DriverModelSymbols.Shutdown, ParameterList.Parameters.Count: 1 } shutdown
                when shutdown.Body is not null || shutdown.ExpressionBody is not null:
                return (_, edits, _) =>
                {
                    edits.TryReplace(shutdown, rewritten => ShutdownToRemove.ReplaceBody((MethodDeclarationSyntax)rewritten).WithAdditionalAnnotations(edits.Written));
                    return Task.CompletedTask;
                };
            case ClassDeclarationSyntax declaration
                when semanticModel.GetDeclaredSymbol(declaration, cancellationToken) is { } driver &&
                     ShutdownToRemove.TryAdd(driver, declaration, symbols) is { } added:
                return (solution, edits, token) => added.PlanAsync(solution, edits, new[] { ShutdownToRemove.CallRemove(added.ParameterName) }, token);
            default:
                return null;
        }
    }
}
