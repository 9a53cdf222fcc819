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
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

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

    /// <summary>Applies the single fix to each diagnostic of a document in turn, so the result is the same as fixing them one by one.</summary>
    public override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create(async (context, document, diagnostics) =>
            await GuardAsync(document, diagnostics.Select(d => d.Location.SourceSpan), context.CancellationToken).ConfigureAwait(false));

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
                    CodeAction.Create(Title, cancellationToken => GuardAsync(context.Document, new[] { span }, cancellationToken), EquivalenceKey),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> GuardAsync(Document document, IEnumerable<TextSpan> callSpans, CancellationToken cancellationToken)
    {
        // One call at a time, each edit cleaned up and the text parsed afresh before the next, exactly
        // as fixing them one by one: a call that an earlier edit already guarded is left alone.
        var pending = new Queue<TextSpan>(callSpans.Distinct().OrderBy(span => span.Start));
        while (pending.Count > 0)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            // Mark the remaining calls: the edit moves them, the marks follow.
            var marks = new Dictionary<SyntaxNode, SyntaxAnnotation>();
            foreach (var span in pending)
            {
                if (FindCall(root, span) is { } node && !marks.ContainsKey(node))
                {
                    marks.Add(node, new SyntaxAnnotation());
                }
            }

            var current = pending.Dequeue();
            root = root.ReplaceNodes(marks.Keys, (original, _) => original.WithAdditionalAnnotations(marks[original]));
            var call = FindCall(root, current);
            var guarded = call is null ? root : Guard(root, call);
            if (guarded == root)
            {
                continue;
            }

            var cleaned = await CleanUpAsync(document.WithSyntaxRoot(guarded), cancellationToken).ConfigureAwait(false);
            var cleanedRoot = (await cleaned.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            pending = new Queue<TextSpan>(marks
                .Where(pair => pair.Key.Span != current)
                .Select(pair => cleanedRoot.GetAnnotatedNodes(pair.Value).FirstOrDefault())
                .OfType<SyntaxNode>()
                .Select(node => node.Span)
                .OrderBy(span => span.Start));
            document = cleaned.WithText(await cleaned.GetTextAsync(cancellationToken).ConfigureAwait(false));
        }

        return document;
    }

    /// <summary>Imports <c>ShutdownAnalyzers.DriverModel</c> where <c>SystemState</c> can be written short, else keeps it qualified; formats the edit.</summary>
    private static async Task<Document> CleanUpAsync(Document document, CancellationToken cancellationToken)
    {
        document = await ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        document = await Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        var options = await document.GetOptionsAsync(cancellationToken).ConfigureAwait(false);
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is not null && NewLineOf(root) is { } newLine)
        {
            options = options.WithChangedOption(FormattingOptions.NewLine, newLine);
        }

        return await Formatter.FormatAsync(document, Formatter.Annotation, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The file's own line ending, so the new lines match it whatever the host's default.</summary>
    private static string? NewLineOf(SyntaxNode root) =>
        root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { RawKind: not 0 } newLine ? newLine.ToString() : null;

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
            blankLines = blankLines.Prepend(SyntaxFactory.EndOfLine(NewLineOf(statement.SyntaxTree.GetRoot()) ?? "\n"));
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
