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
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using ShutdownAnalyzers.Infrastructure;
using ShutdownAnalyzers.Rules;

namespace ShutdownAnalyzers;

/// <summary>
/// SHD008 fix "Test IsAdded instead": rewrites a test of <c>device.Driver</c> or <c>device.DriverData</c>
/// in an error handler. A plain null test becomes the IsAdded test it stood in for
/// (<c>device.Driver is null</c> → <c>!device.IsAdded</c>, <c>device.Driver != null</c> →
/// <c>device.IsAdded</c>); any other test keeps what it does and gets IsAdded in front
/// (<c>device.DriverData is State state</c> → <c>device.IsAdded &amp;&amp; device.DriverData is State state</c>,
/// a negated one with <c>!device.IsAdded ||</c>), so a variable it declares is still assigned where it was.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TestIsAddedCodeFixProvider))]
[Shared]
public sealed class TestIsAddedCodeFixProvider : CodeFixProvider
{
    public const string Title = "Test IsAdded instead";

    /// <summary>Stable across versions: FixAll and <c>dotnet format</c> group the fixes by it.</summary>
    public const string EquivalenceKey = "SHD008.TestIsAdded";

    private const string IsAdded = "IsAdded";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIdentifiers.RecoveryTestsBoundDriver);

    /// <summary>
    /// Fixes the document's diagnostics one at a time, analysing again after each, exactly as fixing
    /// them by hand: once a test is rewritten, a later one that the new IsAdded test now guards is no
    /// longer reported and stays as it is.
    /// </summary>
    public override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create(async (context, document, diagnostics) =>
        {
            for (var remaining = diagnostics.Length; remaining > 0; remaining--)
            {
                var next = await FindFirstFixAsync(document, context.CancellationToken).ConfigureAwait(false);
                if (next is not var (test, replacement))
                {
                    break;
                }

                document = await ReplaceAsync(document, test, replacement, context.CancellationToken).ConfigureAwait(false);
            }

            return document;
        });

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null || !DriverModelSymbols.TryCreate(semanticModel.Compilation, out var symbols))
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (IsFixable(diagnostic, root, semanticModel, symbols, context.CancellationToken) is not var (test, replacement))
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(Title, cancellationToken => ReplaceAsync(document, test, replacement, cancellationToken), EquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>The first test of the document the rule reports now and this fix can rewrite.</summary>
    private static async Task<(ExpressionSyntax Test, ExpressionSyntax Replacement)?> FindFirstFixAsync(Document document, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null || !DriverModelSymbols.TryCreate(semanticModel.Compilation, out var symbols))
        {
            return null;
        }

        var analyzer = semanticModel.Compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new RecoveryTestsBoundDriverAnalyzer()), document.Project.AnalyzerOptions);
        var diagnostics = await analyzer.GetAnalyzerSemanticDiagnosticsAsync(semanticModel, filterSpan: null, cancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in diagnostics.Where(d => d.Id == RuleIdentifiers.RecoveryTestsBoundDriver).OrderBy(d => d.Location.SourceSpan.Start))
        {
            if (IsFixable(diagnostic, root, semanticModel, symbols, cancellationToken) is { } fix)
            {
                return fix;
            }
        }

        return null;
    }

    /// <summary>The test a diagnostic reports and its rewrite, when the diagnostic is on a test this fix knows.</summary>
    private static (ExpressionSyntax Test, ExpressionSyntax Replacement)? IsFixable(
        Diagnostic diagnostic, SyntaxNode root, SemanticModel semanticModel, DriverModelSymbols symbols, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(RecoveryTestsBoundDriverAnalyzer.IsTestProperty, out var isTest) || isTest != "true" ||
            !root.FullSpan.Contains(diagnostic.Location.SourceSpan) ||
            root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax test ||
            Rewrite(test, semanticModel, symbols, cancellationToken) is not { } replacement)
        {
            return null;
        }

        return (test, replacement);
    }

    private static async Task<Document> ReplaceAsync(Document document, ExpressionSyntax test, ExpressionSyntax replacement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var changed = document.WithSyntaxRoot(root.ReplaceNode(test, replacement));
        changed = await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The IsAdded form of <paramref name="test"/>, or null when it is not a test of Driver or DriverData this fix knows.</summary>
    private static ExpressionSyntax? Rewrite(ExpressionSyntax test, SemanticModel semanticModel, DriverModelSymbols symbols, CancellationToken cancellationToken)
    {
        MemberAccessExpressionSyntax? proxy;
        bool? exact;
        bool positive;
        switch (test)
        {
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.EqualsExpression) || binary.IsKind(SyntaxKind.NotEqualsExpression):
                var equals = binary.IsKind(SyntaxKind.EqualsExpression);
                proxy = AsProxy(binary.Left, semanticModel, symbols, cancellationToken) ?? AsProxy(binary.Right, semanticModel, symbols, cancellationToken);
                var other = proxy == binary.Left.WithoutParentheses() ? binary.Right : binary.Left;
                exact = other.WithoutParentheses().IsKind(SyntaxKind.NullLiteralExpression);
                positive = exact == true ? !equals : equals;
                break;
            case BinaryExpressionSyntax isType when isType.IsKind(SyntaxKind.IsExpression):
                proxy = AsProxy(isType.Left, semanticModel, symbols, cancellationToken);
                exact = isType.Right is PredefinedTypeSyntax predefined && predefined.Keyword.IsKind(SyntaxKind.ObjectKeyword);
                positive = true;
                break;
            case IsPatternExpressionSyntax isPattern:
                proxy = AsProxy(isPattern.Expression, semanticModel, symbols, cancellationToken);
                (exact, positive) = Classify(isPattern.Pattern);
                break;
            default:
                return null;
        }

        if (proxy is null || (exact != true && !CanRepeat(proxy.Expression)))
        {
            return null;
        }

        var isAdded = SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, proxy.Expression.WithoutTrivia(), SyntaxFactory.IdentifierName(IsAdded));
        ExpressionSyntax notAdded = SyntaxFactory.PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, isAdded);
        ExpressionSyntax replacement = exact == true
            ? positive ? isAdded : notAdded
            : SyntaxFactory.ParenthesizedExpression(SyntaxFactory.BinaryExpression(
                    positive ? SyntaxKind.LogicalAndExpression : SyntaxKind.LogicalOrExpression,
                    positive ? isAdded : notAdded,
                    SyntaxFactory.ParenthesizedExpression(test.WithoutTrivia()).WithAdditionalAnnotations(Simplifier.Annotation)))
                .WithAdditionalAnnotations(Simplifier.Annotation);
        return replacement.WithTriviaFrom(test).WithAdditionalAnnotations(Formatter.Annotation);
    }

    /// <summary>Whether a pattern only tests for null (<c>null</c>, <c>not null</c>, <c>{ }</c>, <c>object</c>), and whether a match means "still there".</summary>
    private static (bool? Exact, bool Positive) Classify(PatternSyntax pattern)
    {
        var negated = false;
        while (true)
        {
            switch (pattern)
            {
                case ParenthesizedPatternSyntax parenthesized:
                    pattern = parenthesized.Pattern;
                    continue;
                case UnaryPatternSyntax unary when unary.OperatorToken.IsKind(SyntaxKind.NotKeyword):
                    negated = !negated;
                    pattern = unary.Pattern;
                    continue;
            }

            break;
        }

        var isNullTest = pattern switch
        {
            ConstantPatternSyntax constant when constant.Expression.WithoutParentheses().IsKind(SyntaxKind.NullLiteralExpression) => (bool?)true,
            RecursivePatternSyntax { Type: null, PositionalPatternClause: null, Designation: null } recursive
                when recursive.PropertyPatternClause is { Subpatterns.Count: 0 } => false,
            TypePatternSyntax { Type: PredefinedTypeSyntax predefined } when predefined.Keyword.IsKind(SyntaxKind.ObjectKeyword) => false,
            _ => null,
        };

        // "is null" matches when the device is gone; "is { }" and "is object" when it is there.
        return isNullTest switch
        {
            true => (true, negated),
            false => (true, !negated),
            _ => (false, !negated),
        };
    }

    /// <summary>The <c>x.Driver</c> or <c>x.DriverData</c> of the bus API that <paramref name="expression"/> is, or null.</summary>
    private static MemberAccessExpressionSyntax? AsProxy(ExpressionSyntax expression, SemanticModel semanticModel, DriverModelSymbols symbols, CancellationToken cancellationToken)
    {
        if (expression.WithoutParentheses() is MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access &&
            semanticModel.GetSymbolInfo(access, cancellationToken).Symbol is IPropertySymbol property &&
            (DriverModelSymbols.Is(property, symbols.DeviceDriver) || DriverModelSymbols.Is(property, symbols.DeviceDriverData)))
        {
            return access;
        }

        return null;
    }

    /// <summary>A receiver that reads the same device when written twice: a name, or names and <c>this</c> joined by dots.</summary>
    private static bool CanRepeat(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax or ThisExpressionSyntax => true,
        MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access => access.Name is IdentifierNameSyntax && CanRepeat(access.Expression),
        ParenthesizedExpressionSyntax parenthesized => CanRepeat(parenthesized.Expression),
        _ => false,
    };
}

