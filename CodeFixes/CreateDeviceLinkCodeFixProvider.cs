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
using ShutdownAnalyzers.Infrastructure;
using ShutdownAnalyzers.Rules;

namespace ShutdownAnalyzers;

/// <summary>
/// SHD009 fix "Create the device link in Probe": right after the statement of Probe that stores the
/// other device — in a field or property of the driver (<c>vmbus = Vmbus.Find(...)</c>), or in
/// DriverData from a local (<c>device.DriverData = channel</c>) — it adds
/// <c>device.AddAutoRemoveLink(vmbus);</c>. The link orders the driver's device before the other one in
/// suspend and shutdown; the driver core drops it when the driver unbinds, so Remove has nothing more
/// to give back. Not offered for a device looked up in the callback itself, which Probe never sees.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CreateDeviceLinkCodeFixProvider))]
[Shared]
public sealed class CreateDeviceLinkCodeFixProvider : CodeFixProvider
{
    public const string Title = "Create the device link in Probe";

    /// <summary>Stable across versions: FixAll and <c>dotnet format</c> group the fixes by it.</summary>
    public const string EquivalenceKey = "SHD009.CreateLinkInProbe";

    /// <summary>The bus API's link that the driver core removes when the consumer's driver unbinds.</summary>
    private const string AddAutoRemoveLink = "AddAutoRemoveLink";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIdentifiers.UsesUnlinkedDevice);

    public override FixAllProvider GetFixAllProvider() => new LinkAllFixer();

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (await FindLinkAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is { } link)
            {
                var solution = context.Document.Project.Solution;
                context.RegisterCodeFix(
                    CodeAction.Create(Title, cancellationToken => AddLinksAsync(solution, new[] { link }, cancellationToken), EquivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>Adds each link once, after the statement that stores its device, document by document.</summary>
    private static async Task<Solution> AddLinksAsync(Solution solution, IEnumerable<Link> links, CancellationToken cancellationToken)
    {
        foreach (var group in links.GroupBy(link => link.Store.SyntaxTree))
        {
            var document = solution.GetDocument(group.Key);
            var root = document is null ? null : await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (document is null || root is null)
            {
                continue;
            }

            // The links were found on this document's tree: find their statements in it by position.
            var newLine = LineEndings.Detect(root);
            var added = new SyntaxAnnotation();
            var byStore = group
                .GroupBy(link => link.Store.Span)
                .Select(sameStore => (Store: root.FindNode(sameStore.Key).FirstAncestorOrSelf<StatementSyntax>(), Links: sameStore.GroupBy(link => link.Supplier.ToString()).Select(same => same.First()).ToList()))
                .Where(entry => entry.Store is { Parent: BlockSyntax or SwitchSectionSyntax })
                .ToDictionary(entry => entry.Store!, entry => entry.Links);
            var newRoot = root.ReplaceNodes(
                byStore.Keys.Select(store => store.Parent!).Distinct(),
                (original, rewritten) => InsertAfterStores(original, rewritten, byStore, added));
            var changed = document.WithSyntaxRoot(newRoot);
            changed = await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            changed = await LineEndings.MatchAsync(changed, added, newLine, cancellationToken).ConfigureAwait(false);
            solution = changed.Project.Solution;
        }

        return solution;
    }

    /// <summary>The block (or switch section) holding store statements, with each statement's links after it.</summary>
    private static SyntaxNode InsertAfterStores(SyntaxNode original, SyntaxNode rewritten, Dictionary<StatementSyntax, List<Link>> byStore, SyntaxAnnotation added)
    {
        var originalStatements = original switch
        {
            BlockSyntax block => block.Statements,
            SwitchSectionSyntax section => section.Statements,
            _ => default,
        };
        var statements = new List<StatementSyntax>();
        var current = rewritten switch
        {
            BlockSyntax block => block.Statements,
            SwitchSectionSyntax section => section.Statements,
            _ => default,
        };
        for (var i = 0; i < current.Count; i++)
        {
            statements.Add(current[i]);
            if (byStore.TryGetValue(originalStatements[i], out var links))
            {
                statements.AddRange(links.Select(link => CreateLink(link).WithAdditionalAnnotations(Formatter.Annotation, added)));
            }
        }

        return rewritten switch
        {
            BlockSyntax block => block.WithStatements(SyntaxFactory.List(statements)),
            SwitchSectionSyntax section => section.WithStatements(SyntaxFactory.List(statements)),
            _ => rewritten,
        };
    }

    /// <summary><c>device.AddAutoRemoveLink(supplier);</c></summary>
    private static StatementSyntax CreateLink(Link link) =>
        SyntaxFactory.ExpressionStatement(SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName(link.Consumer), SyntaxFactory.IdentifierName(AddAutoRemoveLink)),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(link.Supplier.WithoutTrivia())))));

    /// <summary>Where the link for a diagnostic goes, or null when the fix cannot tell (the device is not stored by a statement of Probe).</summary>
    private static async Task<Link?> FindLinkAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(UsesUnlinkedDeviceAnalyzer.OriginProperty, out var origin) ||
            origin is not ("Member" or "DriverData"))
        {
            return null;
        }

        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null || !DriverModelSymbols.TryCreate(semanticModel.Compilation, out var symbols) ||
            !root.FullSpan.Contains(diagnostic.Location.SourceSpan) ||
            root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } declaration ||
            semanticModel.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol driver ||
            symbols.GetDriverBase(driver) is not { } driverBase ||
            DriverModelSymbols.GetCallback(driverBase, DriverModelSymbols.Probe) is not { } apiProbe ||
            DriverModelSymbols.FindOverride(driver, apiProbe) is not { } probe ||
            probe.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not MethodDeclarationSyntax { Body: { } body, ParameterList.Parameters.Count: 1 } probeSyntax ||
            document.Project.Solution.GetDocument(probeSyntax.SyntaxTree) is not { } probeDocument ||
            await probeDocument.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } probeModel)
        {
            return null;
        }

        var consumer = probeSyntax.ParameterList.Parameters[0].Identifier.ValueText;
        var member = diagnostic.Properties.TryGetValue(UsesUnlinkedDeviceAnalyzer.MemberProperty, out var name) ? name : null;
        foreach (var statement in body.DescendantNodes(node => node is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)).OfType<ExpressionStatementSyntax>())
        {
            if (statement.Parent is not (BlockSyntax or SwitchSectionSyntax) ||
                statement.Expression is not AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment)
            {
                continue;
            }

            var stored = probeModel.GetSymbolInfo(assignment.Left, cancellationToken).Symbol;
            if (origin == "Member" && stored is IFieldSymbol or IPropertySymbol && stored.Name == member &&
                SymbolEqualityComparer.Default.Equals(stored.ContainingType.OriginalDefinition, FindMember(driver, member!)?.ContainingType.OriginalDefinition) &&
                IsOnThis(assignment.Left))
            {
                return new Link(statement, consumer, assignment.Left);
            }

            if (origin == "DriverData" && stored is IPropertySymbol property && DriverModelSymbols.Is(property, symbols.DeviceDriverData) &&
                assignment.Left is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax owner } && owner.Identifier.ValueText == consumer &&
                assignment.Right.WithoutParentheses() is IdentifierNameSyntax value &&
                probeModel.GetSymbolInfo(value, cancellationToken).Symbol is ILocalSymbol or IParameterSymbol or IFieldSymbol &&
                symbols.IsDevice(probeModel.GetTypeInfo(value, cancellationToken).Type))
            {
                return new Link(statement, consumer, value);
            }
        }

        return null;
    }

    private static ISymbol? FindMember(INamedTypeSymbol type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.GetMembers(name).FirstOrDefault(member => member is IFieldSymbol or IPropertySymbol) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary><c>vmbus</c>, <c>this.vmbus</c>: the driver's own member, the one the callbacks read.</summary>
    private static bool IsOnThis(ExpressionSyntax target) =>
        target is IdentifierNameSyntax ||
        target is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax };

    /// <summary>A link to make: after which statement of Probe, from which device to which.</summary>
    private sealed class Link
    {
        public Link(StatementSyntax store, string consumer, ExpressionSyntax supplier)
        {
            Store = store;
            Consumer = consumer;
            Supplier = supplier;
        }

        /// <summary>The statement of Probe that stores the supplier; the link goes right after it.</summary>
        public StatementSyntax Store { get; }

        /// <summary>Probe's device parameter.</summary>
        public string Consumer { get; }

        /// <summary>How Probe names the supplier (the member, or the local it stored in DriverData).</summary>
        public ExpressionSyntax Supplier { get; }
    }

    /// <summary>FixAll: every fixable diagnostic in scope, one link per stored device, as fixing them one by one gives.</summary>
    private sealed class LinkAllFixer : FixAllProvider
    {
        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            var documents = fixAllContext.Scope switch
            {
                FixAllScope.Document when fixAllContext.Document is { } document => new[] { document },
                FixAllScope.Project => fixAllContext.Project.Documents.ToArray(),
                FixAllScope.Solution => fixAllContext.Solution.Projects.SelectMany(project => project.Documents).ToArray(),
                _ => System.Array.Empty<Document>(),
            };

            var links = new List<Link>();
            foreach (var document in documents)
            {
                foreach (var diagnostic in await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false))
                {
                    if (await FindLinkAsync(document, diagnostic, fixAllContext.CancellationToken).ConfigureAwait(false) is { } link)
                    {
                        links.Add(link);
                    }
                }
            }

            var solution = fixAllContext.Solution;
            return links.Count == 0
                ? null
                : CodeAction.Create(Title, cancellationToken => AddLinksAsync(solution, links, cancellationToken), EquivalenceKey);
        }
    }
}
