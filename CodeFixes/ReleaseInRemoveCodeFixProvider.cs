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
using Microsoft.CodeAnalysis.Formatting;
using ShutdownAnalyzers.Analysis;
using ShutdownAnalyzers.Infrastructure;
using ShutdownAnalyzers.Rules;

namespace ShutdownAnalyzers;

/// <summary>
/// SHD006 fix "Release it at the end of Remove": appends the bus API's release of the leaked resource
/// (a <c>[Releases(DeviceResource.X)]</c> method of the device) to Remove — <c>device.FreeIrq()</c>,
/// <c>device.ReleaseRegions()</c>, or for a handle (<c>UnmapDma</c>, <c>UnmapRegisters</c>,
/// <c>RemoveLink</c>) the handle Probe stored where Remove can name it (<see cref="ReleaseHandle"/>).
/// Offered only when Remove releases the resource on no path and has no <c>return</c> of its own, so
/// the new last statement runs exactly once on every path.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReleaseInRemoveCodeFixProvider))]
[Shared]
public sealed class ReleaseInRemoveCodeFixProvider : CodeFixProvider
{
    /// <summary>Stable across versions: FixAll and <c>dotnet format</c> group the fixes by it.</summary>
    public const string EquivalenceKey = "SHD006.ReleaseInRemove";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIdentifiers.RemoveLeaksProbeResource);

    /// <summary>Appends the releases of a document one by one, in the order fixing them one at a time would.</summary>
    public override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create(async (context, document, diagnostics) =>
        {
            var plans = new List<ReleasePlan>();
            var semanticModel = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            var kinds = semanticModel is not null && DriverModelSymbols.TryCreate(semanticModel.Compilation, out var symbols)
                ? new EffectAttributes(symbols).ResourceKinds
                : ImmutableArray<string>.Empty;
            foreach (var diagnostic in Ordered(diagnostics, kinds))
            {
                if (await ReleasePlan.CreateAsync(document, diagnostic, context.CancellationToken).ConfigureAwait(false) is { } plan)
                {
                    plans.Add(plan);
                }
            }

            return await AppendAsync(document, plans, context.CancellationToken).ConfigureAwait(false);
        });

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (await ReleasePlan.CreateAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is { } plan)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Release it at the end of Remove ({plan.Statement.ToString().TrimEnd(';')})",
                        cancellationToken => AppendAsync(context.Document, new[] { plan }, cancellationToken),
                        EquivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>By place, then by resource as the bus API declares them (<paramref name="kinds"/>): the order the analyzer reports them in.</summary>
    private static IEnumerable<Diagnostic> Ordered(ImmutableArray<Diagnostic> diagnostics, ImmutableArray<string> kinds) =>
        diagnostics
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Properties.TryGetValue(RemoveLeaksProbeResourceAnalyzer.ResourceProperty, out var kind) && kind is not null && kinds.IndexOf(kind) is var index and >= 0
                ? index
                : int.MaxValue);

    private static async Task<Document> AppendAsync(Document document, IReadOnlyList<ReleasePlan> plans, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || plans.Count == 0)
        {
            return document;
        }

        // Mark each Remove first: appending to one moves the others.
        var marks = plans.Select(plan => plan.Remove).Distinct().ToDictionary(remove => remove, _ => new SyntaxAnnotation());
        root = root.ReplaceNodes(marks.Keys, (original, _) => original.WithAdditionalAnnotations(marks[original]));
        var added = new SyntaxAnnotation();
        foreach (var plan in plans)
        {
            if (root.GetAnnotatedNodes(marks[plan.Remove]).FirstOrDefault() is MethodDeclarationSyntax remove)
            {
                root = root.ReplaceNode(remove, MethodBodyEdit.Append(remove, plan.Statement).WithAdditionalAnnotations(added));
            }
        }

        var newLine = LineEndings.Detect(root);
        var changed = await Formatter.FormatAsync(document.WithSyntaxRoot(root), Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await LineEndings.MatchAsync(changed, added, newLine, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The statement that releases the leaked resource, and the Remove it goes at the end of.</summary>
    private sealed class ReleasePlan
    {
        private ReleasePlan(MethodDeclarationSyntax remove, StatementSyntax statement)
        {
            Remove = remove;
            Statement = statement;
        }

        public MethodDeclarationSyntax Remove { get; }

        public StatementSyntax Statement { get; }

        public static async Task<ReleasePlan?> CreateAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (!diagnostic.Properties.TryGetValue(RemoveLeaksProbeResourceAnalyzer.NeverReleasedProperty, out var never) || never != "true" ||
                !diagnostic.Properties.TryGetValue(RemoveLeaksProbeResourceAnalyzer.ResourceProperty, out var kind) || kind is null)
            {
                return null;
            }

            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || semanticModel is null || !DriverModelSymbols.TryCreate(semanticModel.Compilation, out var symbols) ||
                new EffectAttributes(symbols).Releases(kind) is not { } releases ||
                root.FindToken(diagnostic.Location.SourceSpan.Start).Parent is not MethodDeclarationSyntax { ParameterList.Parameters.Count: 1 } remove ||
                !MethodBodyEdit.EndIsEveryExit(remove, semanticModel, cancellationToken) ||
                semanticModel.GetDeclaredSymbol(remove.ParameterList.Parameters[0], cancellationToken) is not { } device)
            {
                return null;
            }

            var deviceName = device.Name;
            if (DeviceMethods.WithEffect(device.Type, releases, method => method.Parameters.IsEmpty).FirstOrDefault() is { } release)
            {
                return new ReleasePlan(remove, SyntaxFactory.ParseStatement($"{deviceName}.{release.Name}();"));
            }

            if (await FindHandleAsync(document, diagnostic, remove, semanticModel, deviceName, cancellationToken).ConfigureAwait(false) is not var (expression, handleType))
            {
                return null;
            }

            return DeviceMethods.WithEffect(
                    device.Type,
                    releases,
                    method => method.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, handleType))
                .FirstOrDefault() is { } releaseHandle
                ? new ReleasePlan(remove, SyntaxFactory.ExpressionStatement(SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName(deviceName), SyntaxFactory.IdentifierName(releaseHandle.Name)),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(expression))))))
                : null;
        }

        /// <summary>The handle the acquiring call (the diagnostic's additional location) returned, as Remove can name it.</summary>
        private static async Task<(ExpressionSyntax Expression, ITypeSymbol Type)?> FindHandleAsync(
            Document document, Diagnostic diagnostic, MethodDeclarationSyntax remove, SemanticModel removeModel, string deviceName, CancellationToken cancellationToken)
        {
            if (diagnostic.AdditionalLocations.FirstOrDefault() is not { SourceTree: { } tree } acquireLocation ||
                document.Project.Solution.GetDocument(tree) is not { } acquireDocument ||
                await acquireDocument.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } acquireRoot ||
                await acquireDocument.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } acquireModel)
            {
                return null;
            }

            var acquireCall = acquireRoot.FindNode(acquireLocation.SourceSpan, getInnermostNodeForTie: true);
            if (acquireModel.GetSymbolInfo(acquireCall, cancellationToken).Symbol is not IMethodSymbol { ReturnsVoid: false } acquire ||
                ReleaseHandle.FindStorage(acquireCall, acquireModel, cancellationToken) is not { } storage ||
                !SymbolEqualityComparer.Default.Equals(MemberType(storage.Member), acquire.ReturnType) ||
                ReleaseHandle.NameIn(storage, remove, removeModel, deviceName, cancellationToken) is not { } name)
            {
                return null;
            }

            return (name, acquire.ReturnType);
        }

        private static ITypeSymbol? MemberType(ISymbol member) => member switch
        {
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            _ => null,
        };
    }
}
