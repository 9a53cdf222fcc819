using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace ShutdownAnalyzers.Infrastructure;

/// <summary>What every edit of a fix goes through last: the imports it asked for, the names it wrote in full simplified, its nodes formatted.</summary>
internal static class EditCleanup
{
    /// <summary>
    /// Adds the usings of names marked <see cref="Simplifier.AddImportsAnnotation"/>, simplifies what is marked
    /// <see cref="Simplifier.Annotation"/> (<c>global::System.TimeSpan</c>, redundant parentheses) and formats
    /// what is marked <see cref="Formatter.Annotation"/>, keeping the file's own line endings.
    /// </summary>
    public static async Task<Document> CleanUpAsync(Document document, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var newLine = root is null ? null : LineEndings.Detect(root);
        document = await ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        document = await Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await FormatAsync(document, newLine, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Formats what is marked <see cref="Formatter.Annotation"/> with <paramref name="newLine"/>, the file's own line ending, when it has one.</summary>
    private static async Task<Document> FormatAsync(Document document, string? newLine, CancellationToken cancellationToken)
    {
        var options = await document.GetOptionsAsync(cancellationToken).ConfigureAwait(false);
        if (newLine is not null)
        {
            options = options.WithChangedOption(FormattingOptions.NewLine, newLine);
        }

        return await Formatter.FormatAsync(document, Formatter.Annotation, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <see cref="CleanUpAsync"/> for every changed document of <paramref name="edited"/>, a step at a time:
    /// each step runs on every document against one solution that holds all of them, so a FixAll builds a
    /// compilation per step instead of one per document (a document changed by one step and then read
    /// semantically by the next would need a compilation of its own). Documents do not see each other's
    /// usings, so this gives what cleaning each up on its own gives.
    /// </summary>
    public static async Task<Solution> CleanUpAllAsync(Solution edited, IEnumerable<DocumentId> changed, CancellationToken cancellationToken)
    {
        var documents = changed.Distinct().ToList();
        var newLines = new Dictionary<DocumentId, string?>();
        foreach (var id in documents)
        {
            var root = await edited.GetDocument(id)!.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            newLines[id] = root is null ? null : LineEndings.Detect(root);
        }

        // The semantic steps run only on documents with something marked for them: a step with nothing to
        // do would still build the edited solution's compilation.
        edited = await CleanUpAllAsync(
            edited,
            await MarkedAsync(edited, documents, Simplifier.AddImportsAnnotation, cancellationToken).ConfigureAwait(false),
            (document, token) => ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: token),
            cancellationToken).ConfigureAwait(false);
        edited = await CleanUpAllAsync(
            edited,
            await MarkedAsync(edited, documents, Simplifier.Annotation, cancellationToken).ConfigureAwait(false),
            (document, token) => Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: token),
            cancellationToken).ConfigureAwait(false);
        return await CleanUpAllAsync(
            edited, documents, (document, token) => FormatAsync(document, newLines[document.Id], token), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The documents of <paramref name="documents"/> that hold a node or token marked with <paramref name="annotation"/>.</summary>
    private static async Task<IReadOnlyList<DocumentId>> MarkedAsync(Solution solution, IEnumerable<DocumentId> documents, SyntaxAnnotation annotation, CancellationToken cancellationToken)
    {
        var marked = new List<DocumentId>();
        foreach (var id in documents)
        {
            var root = await solution.GetDocument(id)!.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is not null && root.GetAnnotatedNodesAndTokens(annotation).Any())
            {
                marked.Add(id);
            }
        }

        return marked;
    }

    /// <summary>
    /// Runs <paramref name="cleanUp"/> on every changed document of <paramref name="edited"/>, each on its
    /// own but all against that one solution, and puts the results together in it.
    /// </summary>
    public static async Task<Solution> CleanUpAllAsync(
        Solution edited, IEnumerable<DocumentId> changed, Func<Document, CancellationToken, Task<Document>> cleanUp, CancellationToken cancellationToken)
    {
        var cleaned = await Task.WhenAll(changed.Distinct().Select(async id =>
        {
            var document = await cleanUp(edited.GetDocument(id)!, cancellationToken).ConfigureAwait(false);
            return (Id: id, Root: await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false));
        })).ConfigureAwait(false);
        foreach (var (id, root) in cleaned)
        {
            edited = edited.WithDocumentSyntaxRoot(id, root!);
        }

        return edited;
    }
}
