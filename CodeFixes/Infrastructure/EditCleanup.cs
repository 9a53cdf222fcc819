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
        var options = await document.GetOptionsAsync(cancellationToken).ConfigureAwait(false);
        if (newLine is not null)
        {
            options = options.WithChangedOption(FormattingOptions.NewLine, newLine);
        }

        return await Formatter.FormatAsync(document, Formatter.Annotation, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Cleans up every changed document of <paramref name="edited"/> (<see cref="CleanUpAsync"/>), each on
    /// its own but all against that one solution, so a FixAll builds one compilation for all of them
    /// instead of one per document.
    /// </summary>
    public static Task<Solution> CleanUpAllAsync(Solution edited, IEnumerable<DocumentId> changed, CancellationToken cancellationToken) =>
        CleanUpAllAsync(edited, changed, CleanUpAsync, cancellationToken);

    /// <inheritdoc cref="CleanUpAllAsync(Solution, IEnumerable{DocumentId}, CancellationToken)"/>
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
