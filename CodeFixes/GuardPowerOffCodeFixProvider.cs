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
using Microsoft.CodeAnalysis.Text;
using ShutdownAnalyzers.Infrastructure;

namespace ShutdownAnalyzers;

/// <summary>
/// SHD002 fix "Power off only when the system powers off": wraps the statement of Shutdown's body
/// that holds the reported call in <c>if (device.Kernel.SystemState == SystemState.PowerOff)</c>. A
/// statement next to such a guard joins it, so fixing neighbouring calls one by one or all at once
/// gives one guard. An expression-bodied Shutdown becomes a block first.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(GuardPowerOffCodeFixProvider))]
[Shared]
public sealed class GuardPowerOffCodeFixProvider : CodeFixProvider
{
    public const string Title = "Power off only when the system powers off";

    /// <summary>Stable across versions: FixAll and <c>dotnet format</c> group the fixes by it.</summary>
    public const string EquivalenceKey = "SHD002.PowerOffOnlyOnPowerOff";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIdentifiers.ShutdownPowersOffOnRestart);

    /// <summary>The single fix applied to each diagnostic of a document in turn, so the result is the same as fixing them one by one; each document cleaned up once.</summary>
    public override FixAllProvider GetFixAllProvider() => new OnePassFixAllProvider(Title, EquivalenceKey, GuardAllAsync);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (FindCall(root, diagnostic.Location.SourceSpan) is { } call && FindTarget(call) is not null)
            {
                var span = diagnostic.Location.SourceSpan;
                context.RegisterCodeFix(
                    CodeAction.Create(Title, cancellationToken => GuardAsync(context.Document, span, cancellationToken), EquivalenceKey),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> GuardAsync(Document document, TextSpan callSpan, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is not null && GuardEach(root, new[] { callSpan }) is { } guarded
            ? await EditCleanup.CleanUpAsync(document.WithSyntaxRoot(guarded), cancellationToken).ConfigureAwait(false)
            : document;
    }

    /// <summary>Guards every diagnostic's call, each document edited once, then cleans every changed document up against the one edited solution.</summary>
    private static async Task<Solution> GuardAllAsync(Solution solution, IReadOnlyList<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var edited = solution;
        var changed = new List<DocumentId>();
        foreach (var inDocument in diagnostics.GroupBy(diagnostic => diagnostic.Location.SourceTree))
        {
            if (solution.GetDocument(inDocument.Key) is not { } document ||
                await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root ||
                GuardEach(root, inDocument.Select(diagnostic => diagnostic.Location.SourceSpan)) is not { } guarded)
            {
                continue;
            }

            edited = edited.WithDocumentSyntaxRoot(document.Id, guarded);
            changed.Add(document.Id);
        }

        return await EditCleanup.CleanUpAllAsync(edited, changed, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The single fix for each call in turn, in the order of the code, on the syntax tree alone: a call
    /// that an earlier edit already guarded is left alone and a statement next to an earlier guard joins
    /// it, as fixing them one by one does. A new guard's <c>SystemState</c> stays fully qualified until
    /// the clean-up, and <see cref="PowerOffGuard.IsGuard"/> knows it that way too. Null when nothing changed.
    /// </summary>
    private static SyntaxNode? GuardEach(SyntaxNode root, IEnumerable<TextSpan> callSpans)
    {
        // Mark the calls: each edit moves the ones after it, the marks follow.
        var marks = new Dictionary<SyntaxNode, SyntaxAnnotation>();
        foreach (var span in callSpans.Distinct().OrderBy(span => span.Start))
        {
            if (FindCall(root, span) is { } node && !marks.ContainsKey(node))
            {
                marks.Add(node, new SyntaxAnnotation());
            }
        }

        var inOrder = marks.OrderBy(pair => pair.Key.SpanStart).Select(pair => pair.Value).ToList();
        var edited = root.ReplaceNodes(marks.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(marks[original]));
        var changed = false;
        foreach (var mark in inOrder)
        {
            if (edited.GetAnnotatedNodes(mark).FirstOrDefault() is { } call && Guard(edited, call) is var guarded && guarded != edited)
            {
                edited = guarded;
                changed = true;
            }
        }

        return changed ? edited : null;
    }

    /// <summary>The single fix on the current tree: nothing when an earlier edit already guarded the call.</summary>
    private static SyntaxNode Guard(SyntaxNode root, SyntaxNode call)
    {
        if (FindTarget(call) is not var (shutdown, statement, parameter) || PowerOffGuard.IsGuarded(call, parameter))
        {
            return root;
        }

        if (statement is null)
        {
            // => call; becomes { call; } and the statement is guarded like any other.
            var mark = new SyntaxAnnotation();
            var marked = shutdown.ReplaceNode(call, call.WithAdditionalAnnotations(mark));
            var body = SyntaxFactory.Block(SyntaxFactory.ExpressionStatement(marked.ExpressionBody!.Expression.WithoutTrivia()));
            var asBlock = marked
                .WithExpressionBody(null)
                .WithSemicolonToken(default)
                .WithParameterList(marked.ParameterList.WithTrailingTrivia(SyntaxFactory.ElasticMarker))
                .WithBody(body)
                .WithTrailingTrivia(marked.SemicolonToken.TrailingTrivia)
                .WithAdditionalAnnotations(Formatter.Annotation);
            root = root.ReplaceNode(shutdown, asBlock);
            return root.GetAnnotatedNodes(mark).FirstOrDefault() is { } moved ? Guard(root, moved) : root;
        }

        return Wrap(root, statement, parameter);
    }

    private static SyntaxNode Wrap(SyntaxNode root, StatementSyntax statement, string parameter)
    {
        var siblings = statement.Parent switch
        {
            BlockSyntax block => block.Statements,
            SwitchSectionSyntax section => section.Statements,
            _ => default(SyntaxList<StatementSyntax>?),
        };

        if (siblings is not { } list)
        {
            // An embedded statement (if (x) call;): a block keeps any else with the if it belongs to.
            var guarded = statement.Parent is LabeledStatementSyntax
                ? (StatementSyntax)WithTriviaOf(PowerOffGuard.Create(parameter, Detach(statement)), statement)
                : SyntaxFactory.Block(PowerOffGuard.Create(parameter, Detach(statement))).WithTriviaFrom(statement).WithAdditionalAnnotations(Formatter.Annotation);
            return root.ReplaceNode(statement, guarded);
        }

        var index = list.IndexOf(statement);
        var previous = index > 0 && PowerOffGuard.IsGuard(list[index - 1], parameter) ? (IfStatementSyntax)list[index - 1] : null;
        var next = index < list.Count - 1 && PowerOffGuard.IsGuard(list[index + 1], parameter) ? (IfStatementSyntax)list[index + 1] : null;

        if (previous is null && next is null)
        {
            return root.ReplaceNode(statement, WithTriviaOf(PowerOffGuard.Create(parameter, Detach(statement)), statement));
        }

        // Join the neighbouring guard(s): previous's statements, this one, next's statements, in one guard.
        var joined = new List<StatementSyntax>();
        if (previous is not null)
        {
            joined.AddRange(((BlockSyntax)previous.Statement).Statements);
        }

        joined.Add(Detach(statement));
        if (next is not null)
        {
            joined.AddRange(((BlockSyntax)next.Statement).Statements.Select((s, i) => i == 0 ? Detach(s) : s));
        }

        var keeper = previous ?? next!;
        var merged = keeper
            .WithStatement(((BlockSyntax)keeper.Statement).WithStatements(SyntaxFactory.List(joined)))
            .WithAdditionalAnnotations(Formatter.Annotation);
        if (previous is not null && next is not null)
        {
            merged = merged.WithTrailingTrivia(next.GetTrailingTrivia());
        }
        else if (next is not null)
        {
            merged = merged.WithLeadingTrivia(statement.GetLeadingTrivia());
        }

        var first = previous is null ? index : index - 1;
        var last = next is null ? index : index + 1;
        var newList = list;
        for (var i = last; i >= first; i--)
        {
            newList = newList.RemoveAt(i);
        }

        newList = newList.Insert(first, merged);

        return statement.Parent switch
        {
            BlockSyntax block => root.ReplaceNode(block, block.WithStatements(newList)),
            SwitchSectionSyntax section => root.ReplaceNode(section, section.WithStatements(newList)),
            _ => root,
        };
    }

    /// <summary>The statement as it goes inside a guard: its blank lines and indentation stay outside, its comments move in.</summary>
    private static StatementSyntax Detach(StatementSyntax statement)
    {
        var leading = statement.GetLeadingTrivia()
            .SkipWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia) || t.IsKind(SyntaxKind.EndOfLineTrivia))
            .Where(t => !t.IsKind(SyntaxKind.WhitespaceTrivia));
        return statement.WithLeadingTrivia(leading).WithAdditionalAnnotations(Formatter.Annotation);
    }

    /// <summary>The guard takes the blank lines before the statement it replaces, and the line ending after it.</summary>
    private static StatementSyntax WithTriviaOf(StatementSyntax guard, StatementSyntax statement)
    {
        var blankLines = statement.GetLeadingTrivia()
            .TakeWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia) || t.IsKind(SyntaxKind.EndOfLineTrivia))
            .Where(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var lineEnd = statement.GetTrailingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var startsLine = statement.GetFirstToken().GetPreviousToken().TrailingTrivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) ||
                         statement.GetLeadingTrivia().Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        if (!startsLine && statement.Parent is not LabeledStatementSyntax)
        {
            blankLines = blankLines.Prepend(SyntaxFactory.EndOfLine(LineEndings.Detect(statement.SyntaxTree.GetRoot()) ?? "\n"));
        }

        return guard
            .WithLeadingTrivia(blankLines)
            .WithTrailingTrivia(lineEnd.IsKind(SyntaxKind.EndOfLineTrivia) ? lineEnd : SyntaxFactory.ElasticCarriageReturnLineFeed);
    }

    private static SyntaxNode? FindCall(SyntaxNode root, TextSpan span) =>
        root.FullSpan.Contains(span) ? root.FindNode(span, getInnermostNodeForTie: true) : null;

    /// <summary>
    /// The Shutdown holding the call, the statement of its body to guard (null for an expression body),
    /// and its device parameter; null when guarding would change what the code means (a declaration
    /// whose variables later statements use).
    /// </summary>
    private static (MethodDeclarationSyntax Shutdown, StatementSyntax? Statement, string Parameter)? FindTarget(SyntaxNode call)
    {
        var shutdown = call.FirstAncestorOrSelf<MethodDeclarationSyntax>();
        if (shutdown is not { ParameterList.Parameters.Count: 1 })
        {
            return null;
        }

        var parameter = shutdown.ParameterList.Parameters[0].Identifier.Text;
        if (shutdown.ExpressionBody is { } arrow && arrow.Span.Contains(call.Span))
        {
            return (shutdown, null, parameter);
        }

        var statement = call.FirstAncestorOrSelf<StatementSyntax>();
        if (statement is null || statement is BlockSyntax || statement is LocalDeclarationStatementSyntax ||
            statement is LocalFunctionStatementSyntax || !(shutdown.Body?.Span.Contains(statement.Span) ?? false) ||
            statement.Ancestors().TakeWhile(a => a != shutdown).Any(a => a is LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax))
        {
            return null;
        }

        return (shutdown, statement, parameter);
    }
}
