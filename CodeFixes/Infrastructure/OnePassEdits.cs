using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace ShutdownAnalyzers.Infrastructure;

/// <summary>Plans one fix's edits into <paramref name="edits"/>, against the original code of <paramref name="solution"/>.</summary>
internal delegate Task PlanEdits(Solution solution, OnePassEdits edits, CancellationToken cancellationToken);

/// <summary>
/// A fix's edits of any number of documents, each planned against the original code: made in one
/// syntax pass per document, then every changed document cleaned up against the one solution that
/// holds them all (<see cref="EditCleanup.CleanUpAllAsync(Solution, IEnumerable{DocumentId}, CancellationToken)"/>),
/// so that FixAll builds a compilation per clean-up step instead of one per driver. One fix is the
/// same with a single edit, so fixing one by one and all at once take the same path.
/// </summary>
internal sealed class OnePassEdits
{
    private readonly Dictionary<SyntaxTree, Dictionary<SyntaxNode, Func<SyntaxNode, SyntaxNode>>> edits = new();

    /// <summary>
    /// Mark what an edit writes with it: its line endings, and those the formatter writes around it,
    /// become the file's own (the formatter writes the host's in a file without <c>end_of_line</c>).
    /// </summary>
    public SyntaxAnnotation Written { get; } = new();

    /// <summary>
    /// Plans replacing <paramref name="original"/> by what <paramref name="edit"/> makes of it, given the
    /// node with the edits inside it already made. False, and nothing planned, when the node has an
    /// edit already: two diagnostics of one node (the driver's Shutdown reported by SHD003 and SHD004)
    /// are fixed by the first, as fixing them one by one leaves nothing for the second.
    /// </summary>
    public bool TryReplace(SyntaxNode original, Func<SyntaxNode, SyntaxNode> edit)
    {
        if (!edits.TryGetValue(original.SyntaxTree, out var inTree))
        {
            edits.Add(original.SyntaxTree, inTree = new Dictionary<SyntaxNode, Func<SyntaxNode, SyntaxNode>>());
        }

        if (inTree.ContainsKey(original))
        {
            return false;
        }

        inTree.Add(original, edit);
        return true;
    }

    /// <summary>
    /// FixAll: <paramref name="planFor"/> each diagnostic (null when its fix is not offered) against the
    /// original code of <paramref name="solution"/>, then every plan made at once.
    /// </summary>
    public static async Task<Solution> FixAllAsync(
        Solution solution, IEnumerable<Diagnostic> diagnostics, Func<Document, Diagnostic, CancellationToken, Task<PlanEdits?>> planFor, CancellationToken cancellationToken)
    {
        var plans = new List<PlanEdits>();
        foreach (var diagnostic in diagnostics)
        {
            if (solution.GetDocument(diagnostic.Location.SourceTree) is { } document &&
                await planFor(document, diagnostic, cancellationToken).ConfigureAwait(false) is { } plan)
            {
                plans.Add(plan);
            }
        }

        return await ApplyAsync(solution, plans, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><paramref name="solution"/> with the edits of every plan made, one document at a time, and cleaned up.</summary>
    public static async Task<Solution> ApplyAsync(Solution solution, IEnumerable<PlanEdits> plans, CancellationToken cancellationToken)
    {
        var edits = new OnePassEdits();
        foreach (var plan in plans)
        {
            await plan(solution, edits, cancellationToken).ConfigureAwait(false);
        }

        return await edits.ApplyAsync(solution, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><paramref name="solution"/> with every planned edit made and the changed documents cleaned up.</summary>
    public async Task<Solution> ApplyAsync(Solution solution, CancellationToken cancellationToken)
    {
        var edited = solution;
        var newLines = new Dictionary<DocumentId, string?>();
        foreach (var inTree in edits)
        {
            if (solution.GetDocument(inTree.Key) is not { } document)
            {
                continue;
            }

            var root = await inTree.Key.GetRootAsync(cancellationToken).ConfigureAwait(false);
            newLines.Add(document.Id, LineEndings.Detect(root));
            edited = edited.WithDocumentSyntaxRoot(document.Id, root.ReplaceNodes(inTree.Value.Keys, (original, rewritten) => inTree.Value[original](rewritten)));
        }

        edited = await EditCleanup.CleanUpAllAsync(edited, newLines.Keys, cancellationToken).ConfigureAwait(false);
        return await EditCleanup.CleanUpAllAsync(
            edited,
            newLines.Keys,
            (document, token) => LineEndings.MatchAsync(document, Written, newLines[document.Id], token),
            cancellationToken).ConfigureAwait(false);
    }
}
