using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ShutdownAnalyzers.Infrastructure;

/// <summary>
/// Keeps a fix's line endings those of the file it edits. The formatter writes the workspace's
/// newline (the host's default unless .editorconfig sets <c>end_of_line</c>), which in a CRLF file
/// without .editorconfig would leave mixed endings.
/// </summary>
internal static class LineEndings
{
    /// <summary>The first line ending in <paramref name="root"/>, or null for a one-line file.</summary>
    public static string? Detect(SyntaxNode root) =>
        root.DescendantTrivia(descendIntoTrivia: true)
            .FirstOrDefault(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            .ToString() is { Length: > 0 } newLine
            ? newLine
            : null;

    /// <summary>
    /// Rewrites the line endings of the nodes and tokens annotated with <paramref name="annotation"/>,
    /// and of the trivia the formatter touched on either side of them, to <paramref name="newLine"/>.
    /// </summary>
    public static async Task<Document> MatchAsync(Document document, SyntaxAnnotation annotation, string? newLine, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (newLine is null || root is null)
        {
            return document;
        }

        var stale = root.GetAnnotatedNodesAndTokens(annotation)
            .SelectMany(annotated =>
            {
                var first = annotated.IsNode ? annotated.AsNode()!.GetFirstToken() : annotated.AsToken();
                var last = annotated.IsNode ? annotated.AsNode()!.GetLastToken() : annotated.AsToken();
                var start = first.GetPreviousToken();
                var end = last.GetNextToken();
                var from = start.RawKind == 0 ? annotated.FullSpan.Start : start.Span.End;
                var to = end.RawKind == 0 ? annotated.FullSpan.End : end.SpanStart;
                return root.DescendantTrivia(Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(from, to), descendIntoTrivia: true);
            })
            .Where(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia) && trivia.ToString() != newLine)
            .ToList();
        return stale.Count == 0
            ? document
            : document.WithSyntaxRoot(root.ReplaceTrivia(stale, (_, _) => SyntaxFactory.EndOfLine(newLine)));
    }
}
