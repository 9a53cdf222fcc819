using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ShutdownAnalyzers.Infrastructure;

/// <summary>
/// FixAll for a fix that adds a callback override (<see cref="CallbackOverride"/>): plans the addition
/// of every diagnostic in the scope against the original code, then makes them all in one
/// <see cref="CallbackOverride.AddAllAsync"/>, each document edited once. <c>BatchFixer</c> would
/// compute one code action per diagnostic, each simplifying its document against a compilation of its own.
/// </summary>
internal sealed class AddCallbackFixAllProvider : FixAllProvider
{
    private readonly string title;
    private readonly string equivalenceKey;
    private readonly Func<Document, Diagnostic, CancellationToken, Task<CallbackOverride.Addition?>> plan;

    /// <param name="plan">The addition that fixes one diagnostic of a document, or null when the fix is not offered for it.</param>
    public AddCallbackFixAllProvider(string title, string equivalenceKey, Func<Document, Diagnostic, CancellationToken, Task<CallbackOverride.Addition?>> plan)
    {
        this.title = title;
        this.equivalenceKey = equivalenceKey;
        this.plan = plan;
    }

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
        new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        if (fixAllContext.CodeActionEquivalenceKey != equivalenceKey)
        {
            return null;
        }

        var diagnostics = new List<Diagnostic>();
        switch (fixAllContext.Scope)
        {
            case FixAllScope.Document when fixAllContext.Document is { } document:
                diagnostics.AddRange(await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false));
                break;
            case FixAllScope.Project:
                diagnostics.AddRange(await fixAllContext.GetAllDiagnosticsAsync(fixAllContext.Project).ConfigureAwait(false));
                break;
            case FixAllScope.Solution:
                foreach (var project in fixAllContext.Solution.Projects)
                {
                    diagnostics.AddRange(await fixAllContext.GetAllDiagnosticsAsync(project).ConfigureAwait(false));
                }

                break;
        }

        var solution = fixAllContext.Solution;
        var fixable = diagnostics.Where(diagnostic => fixAllContext.DiagnosticIds.Contains(diagnostic.Id) && diagnostic.Location.IsInSource).ToList();
        return fixable.Count == 0
            ? null
            : CodeAction.Create(title, cancellationToken => FixAllAsync(solution, fixable, cancellationToken), equivalenceKey);
    }

    private async Task<Solution> FixAllAsync(Solution solution, IReadOnlyList<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var additions = new List<CallbackOverride.Addition>();
        foreach (var diagnostic in diagnostics)
        {
            if (solution.GetDocument(diagnostic.Location.SourceTree) is { } document &&
                await plan(document, diagnostic, cancellationToken).ConfigureAwait(false) is { } addition)
            {
                additions.Add(addition);
            }
        }

        return await CallbackOverride.AddAllAsync(solution, additions, cancellationToken).ConfigureAwait(false);
    }
}
