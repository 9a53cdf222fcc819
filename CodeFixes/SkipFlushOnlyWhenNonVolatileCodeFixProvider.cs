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
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;
using ShutdownAnalyzers.Infrastructure;
using ShutdownAnalyzers.Rules;

namespace ShutdownAnalyzers;

/// <summary>
/// SHD005 fix "Skip the flush only when the write cache is non-volatile": the condition that decides the
/// skip on restart (the analyzer's additional location) also asks the cache. A condition that is true to
/// skip gets <c>&amp;&amp; device.WriteCache is { IsNonVolatile: true }</c>; one that is true to flush gets
/// <c>|| device.WriteCache is not { IsNonVolatile: true }</c>. ipr's fast reboot becomes what seed 000
/// allows: skipping "because the hardware write cache can be trusted". Offered only when the analyzer
/// found such a condition in Shutdown's own body.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SkipFlushOnlyWhenNonVolatileCodeFixProvider))]
[Shared]
public sealed class SkipFlushOnlyWhenNonVolatileCodeFixProvider : CodeFixProvider
{
    public const string Title = "Skip the flush only when the write cache is non-volatile";

    /// <summary>Stable across versions: FixAll and <c>dotnet format</c> group the fixes by it.</summary>
    public const string EquivalenceKey = "SHD005.SkipOnlyWhenNonVolatile";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIdentifiers.ShutdownSkipsCacheFlushOnRestart);

    public override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create(async (context, document, diagnostics) =>
            await GuardSkipsAsync(document, diagnostics.Select(Target).OfType<SkipCondition>(), context.CancellationToken).ConfigureAwait(false));

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (Target(diagnostic) is { } target && Find(root, target) is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, cancellationToken => GuardSkipsAsync(context.Document, new[] { target }, cancellationToken), EquivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>The condition to extend and how, from the diagnostic; null when the analyzer found none.</summary>
    private static SkipCondition? Target(Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(ShutdownSkipsCacheFlushOnRestartAnalyzer.SkipConditionProperty, out var join) ||
            diagnostic.AdditionalLocations.Count != 1 || diagnostic.AdditionalLocations[0].SourceTree != diagnostic.Location.SourceTree)
        {
            return null;
        }

        return new SkipCondition(
            diagnostic.Location.SourceSpan,
            diagnostic.AdditionalLocations[0].SourceSpan,
            join == ShutdownSkipsCacheFlushOnRestartAnalyzer.JoinWithOr);
    }

    private static async Task<Document> GuardSkipsAsync(Document document, IEnumerable<SkipCondition> targets, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var edits = new Dictionary<ExpressionSyntax, (string Device, bool JoinWithOr)>();
        foreach (var target in targets)
        {
            if (Find(root, target) is var (condition, device) && !edits.ContainsKey(condition))
            {
                edits.Add(condition, (device, target.JoinWithOr));
            }
        }

        if (edits.Count == 0)
        {
            return document;
        }

        root = root.ReplaceNodes(edits.Keys, (original, _) => AskTheCache(original, edits[original].Device, edits[original].JoinWithOr));
        return await EditCleanup.CleanUpAsync(document.WithSyntaxRoot(root), cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>condition &amp;&amp; device.WriteCache is { IsNonVolatile: true }</c>, or <c>condition || device.WriteCache is not { IsNonVolatile: true }</c>.</summary>
    private static ExpressionSyntax AskTheCache(ExpressionSyntax condition, string device, bool joinWithOr)
    {
        var test = SyntaxFactory.ParseExpression(device + ".WriteCache is " + (joinWithOr ? "not " : "") + "{ IsNonVolatile: true }");
        var kept = SyntaxFactory.ParenthesizedExpression(condition.WithoutTrivia()).WithAdditionalAnnotations(Simplifier.Annotation);
        return SyntaxFactory.BinaryExpression(joinWithOr ? SyntaxKind.LogicalOrExpression : SyntaxKind.LogicalAndExpression, kept, test)
            .WithTriviaFrom(condition)
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    /// <summary>The condition in the reported Shutdown, with Shutdown's device parameter; null when the code has changed since.</summary>
    private static (ExpressionSyntax Condition, string Device)? Find(SyntaxNode root, SkipCondition target)
    {
        if (!root.FullSpan.Contains(target.Shutdown) || !root.FullSpan.Contains(target.Condition) ||
            root.FindToken(target.Shutdown.Start).Parent is not MethodDeclarationSyntax { ParameterList.Parameters.Count: 1 } shutdown ||
            root.FindNode(target.Condition, getInnermostNodeForTie: true) is not ExpressionSyntax condition ||
            condition.Span != target.Condition || !shutdown.Span.Contains(condition.Span))
        {
            return null;
        }

        return (condition, shutdown.ParameterList.Parameters[0].Identifier.ValueText);
    }

    /// <summary>Where the reported Shutdown's name and the condition are, and how the cache test joins the condition.</summary>
    private sealed class SkipCondition
    {
        public SkipCondition(TextSpan shutdown, TextSpan condition, bool joinWithOr)
        {
            Shutdown = shutdown;
            Condition = condition;
            JoinWithOr = joinWithOr;
        }

        public TextSpan Shutdown { get; }

        public TextSpan Condition { get; }

        public bool JoinWithOr { get; }
    }
}
