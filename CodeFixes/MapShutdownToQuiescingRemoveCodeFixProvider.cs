using System.Collections.Immutable;
using System.Composition;
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

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var semanticModel = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null || !DriverModelSymbols.TryCreate(semanticModel.Compilation, out var symbols))
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(ShutdownToRemoveMapping.CanMapToRemoveProperty, out var canMap) || canMap != "true" ||
                !diagnostic.Properties.TryGetValue(MissingQuiesce.CallbackProperty, out var callback) || callback != DriverModelSymbols.Shutdown)
            {
                continue;
            }

            switch (root.FindToken(diagnostic.Location.SourceSpan.Start).Parent)
            {
                case MethodDeclarationSyntax { Identifier.ValueText: DriverModelSymbols.Shutdown, ParameterList.Parameters.Count: 1 } shutdown
                    when shutdown.Body is not null || shutdown.ExpressionBody is not null:
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            Title,
                            async cancellationToken => await Formatter.FormatAsync(
                                    document.WithSyntaxRoot(root.ReplaceNode(shutdown, ShutdownToRemove.ReplaceBody(shutdown))),
                                    Formatter.Annotation,
                                    cancellationToken: cancellationToken)
                                .ConfigureAwait(false),
                            EquivalenceKey),
                        diagnostic);
                    break;
                case ClassDeclarationSyntax declaration
                    when semanticModel.GetDeclaredSymbol(declaration, context.CancellationToken) is { } driver &&
                         ShutdownToRemove.TryAdd(driver, declaration, symbols) is { } added:
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            Title,
                            cancellationToken => added.AddAsync(document.Project.Solution, new[] { ShutdownToRemove.CallRemove(added.ParameterName) }, cancellationToken),
                            EquivalenceKey),
                        diagnostic);
                    break;
            }
        }
    }
}
