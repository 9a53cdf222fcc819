using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Xunit.Sdk;

namespace ShutdownAnalyzers.Tests.Verifiers;

/// <summary>
/// Applies code fixes to a solution: one at a time, re-analysing after each, or with the provider's
/// FixAll provider in a scope. The code action is chosen by <c>CodeActionIndex</c> and/or
/// <c>CodeActionEquivalenceKey</c>, else it is the first one offered.
/// </summary>
internal sealed class CodeFixRunner
{
    private readonly DiagnosticCollector collector;
    private readonly ImmutableArray<CodeFixProvider> providers;
    private readonly string? equivalenceKey;
    private readonly int? actionIndex;
    private readonly SortedSet<string> offeredActions = new(StringComparer.Ordinal);

    public CodeFixRunner(DiagnosticCollector collector, ImmutableArray<CodeFixProvider> providers, string? equivalenceKey, int? actionIndex)
    {
        if (actionIndex < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(actionIndex), actionIndex, "CodeActionIndex is not negative.");
        }

        this.collector = collector;
        this.providers = providers;
        this.equivalenceKey = equivalenceKey;
        this.actionIndex = actionIndex;
    }

    /// <summary>Every code action offered so far, described for failure messages.</summary>
    public string DescribeOfferedActions()
    {
        var selection = (actionIndex, equivalenceKey) switch
        {
            (null, null) => "the first action",
            (int i, null) => $"CodeActionIndex {i}",
            (null, string key) => $"CodeActionEquivalenceKey \"{key}\"",
            (int i, string key) => $"CodeActionIndex {i} with CodeActionEquivalenceKey \"{key}\"",
        };
        return offeredActions.Count == 0
            ? $"No code action was offered (selecting {selection})."
            : $"Code actions offered (selecting {selection}): {string.Join(", ", offeredActions)}.";
    }

    /// <summary>
    /// Fixes the first fixable diagnostic, re-analyses, and repeats until none is left. Each fix must make
    /// progress, so by default there are at most as many iterations as fixable diagnostics at the start.
    /// </summary>
    public async Task<Solution> FixIncrementallyAsync(Solution solution, int? maxIterations, bool fixOne, CancellationToken cancellationToken)
    {
        var limit = fixOne ? 1 : maxIterations;
        for (var iteration = 0; ; iteration++)
        {
            var (fix, fixable) = await FindFixAsync(solution, cancellationToken).ConfigureAwait(false);
            limit ??= Math.Max(1, fixable.Length);
            if (fix is null || (fixOne && iteration == limit))
            {
                return solution;
            }

            if (iteration == limit)
            {
                throw TestFailure.Create(
                    $"Code fixes applied one at a time still leave a fixable diagnostic after {limit} iteration(s): " +
                    $"{DiagnosticFormatter.Describe(fix.Diagnostic)}.{Environment.NewLine}" +
                    "Each fix should remove its diagnostic; if a fix rightly causes another, raise MaxIncrementalIterations.");
            }

            solution = await ApplyAsync(fix.Action, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs FixAll in <paramref name="scope"/> from the first fixable diagnostic, repeating while fixable
    /// diagnostics remain: at most once per document (Document scope), project (Project scope), or once.
    /// </summary>
    /// <returns>The fixed solution, or <see langword="null"/> when the provider has no FixAll for this scope.</returns>
    public async Task<Solution?> FixAllAsync(Solution solution, FixAllScope scope, CancellationToken cancellationToken)
    {
        int? limit = null;
        for (var iteration = 0; ; iteration++)
        {
            var (fix, fixable) = await FindFixAsync(solution, cancellationToken).ConfigureAwait(false);
            limit ??= scope switch
            {
                FixAllScope.Document => fixable.Select(d => d.Location.SourceTree).Distinct().Count(),
                FixAllScope.Project => fixable.Select(d => solution.GetDocument(d.Location.SourceTree)?.Project.Id).Distinct().Count(),
                _ => 1,
            };
            if (fix is null)
            {
                return solution;
            }

            var fixAllProvider = fix.Provider.GetFixAllProvider();
            if (fixAllProvider is null || !fixAllProvider.GetSupportedFixAllScopes().Contains(scope))
            {
                return null;
            }

            if (iteration == limit)
            {
                throw TestFailure.Create(
                    $"FixAll in {scope} scope still leaves a fixable diagnostic after {limit} pass(es): {DiagnosticFormatter.Describe(fix.Diagnostic)}.{Environment.NewLine}" +
                    $"One {scope}-scope FixAll should fix every diagnostic in its {scope.ToString().ToLowerInvariant()}.");
            }

            var context = new FixAllContext(
                fix.Document,
                fix.Provider,
                scope,
                fix.Action.EquivalenceKey,
                fix.Provider.FixableDiagnosticIds,
                new FixAllDiagnosticProvider(collector, fix.Provider.FixableDiagnosticIds),
                cancellationToken);
            var action = await Guard($"{fixAllProvider.GetType().Name}.GetFixAsync ({scope} scope)", () => fixAllProvider.GetFixAsync(context)).ConfigureAwait(false);
            if (action is null)
            {
                return solution;
            }

            solution = await ApplyAsync(action, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The fixable diagnostics of <paramref name="solution"/> and the fix for the first one that has a selected action.</summary>
    private async Task<(SelectedFix? Fix, ImmutableArray<Diagnostic> Fixable)> FindFixAsync(Solution solution, CancellationToken cancellationToken)
    {
        var analysis = await collector.AnalyzeAsync(solution, cancellationToken).ConfigureAwait(false);
        var fixable = analysis.All
            .Where(d => d.Location.IsInSource && !d.IsSuppressed && providers.Any(p => p.FixableDiagnosticIds.Contains(d.Id)))
            .ToImmutableArray();

        foreach (var diagnostic in fixable)
        {
            var document = solution.GetDocument(diagnostic.Location.SourceTree)
                ?? throw new InvalidOperationException($"No document holds {DiagnosticFormatter.Describe(diagnostic)}.");
            var offered = new List<(CodeFixProvider Provider, CodeAction Action)>();
            foreach (var provider in providers.Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                foreach (var action in await GetActionsAsync(provider, document, diagnostic, cancellationToken).ConfigureAwait(false))
                {
                    offered.Add((provider, action));
                    offeredActions.Add($"'{action.Title}' (EquivalenceKey \"{action.EquivalenceKey}\")");
                }
            }

            if (Select(offered) is { } selected)
            {
                return (new SelectedFix(diagnostic, document, selected.Provider, selected.Action), fixable);
            }
        }

        return (null, fixable);
    }

    private (CodeFixProvider Provider, CodeAction Action)? Select(List<(CodeFixProvider Provider, CodeAction Action)> offered)
    {
        if (actionIndex is { } index)
        {
            if (index >= offered.Count)
            {
                return null;
            }

            var chosen = offered[index];
            if (equivalenceKey is not null && chosen.Action.EquivalenceKey != equivalenceKey)
            {
                throw TestFailure.Create(
                    $"CodeActionIndex {index} selects '{chosen.Action.Title}' with EquivalenceKey \"{chosen.Action.EquivalenceKey}\", " +
                    $"but CodeActionEquivalenceKey is \"{equivalenceKey}\".");
            }

            return chosen;
        }

        var candidates = equivalenceKey is null ? offered : offered.Where(o => o.Action.EquivalenceKey == equivalenceKey).ToList();
        return candidates.Count > 0 ? candidates[0] : null;
    }

    private static async Task<List<CodeAction>> GetActionsAsync(CodeFixProvider provider, Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
        await Guard($"{provider.GetType().Name}.RegisterCodeFixesAsync", async () =>
        {
            await provider.RegisterCodeFixesAsync(context).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
        return actions;
    }

    private static async Task<Solution> ApplyAsync(CodeAction action, CancellationToken cancellationToken)
    {
        var operations = await Guard($"Code action '{action.Title}'", () => action.GetOperationsAsync(cancellationToken)).ConfigureAwait(false);
        var changes = operations.OfType<ApplyChangesOperation>().ToList();
        return changes.Count == 1
            ? changes[0].ChangedSolution
            : throw TestFailure.Create($"Code action '{action.Title}' produced {changes.Count} ApplyChangesOperation(s); expected exactly one.");
    }

    /// <summary>Runs fix code, turning its exceptions into a test failure that says whose code threw.</summary>
    private static async Task<T> Guard<T>(string what, Func<Task<T>> run)
    {
        try
        {
            return await run().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not XunitException and not OperationCanceledException)
        {
            throw TestFailure.Create($"{what} threw {exception}");
        }
    }

    private sealed record SelectedFix(Diagnostic Diagnostic, Document Document, CodeFixProvider Provider, CodeAction Action);
}
