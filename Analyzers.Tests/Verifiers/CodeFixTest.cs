using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ShutdownAnalyzers.Tests.Verifiers;

/// <summary>
/// A code-fix test. <see cref="RunAsync"/> checks, in order: the diagnostics of <see cref="AnalyzerTest.TestState"/>;
/// the diagnostics of <see cref="FixedState"/> (so the fixed code must compile) and of <see cref="BatchFixedState"/>;
/// that applying fixes one at a time turns the test state into the fixed state; and that FixAll in Document,
/// Project and Solution scope turns it into the batch-fixed state (the fixed state when that is not given).
/// </summary>
public abstract class CodeFixTest : AnalyzerTest
{
    /// <summary>Adds a source file (Test0.cs, Test1.cs...) to <see cref="FixedState"/>.</summary>
    public string FixedCode
    {
        set => FixedState.Sources.Add(value);
    }

    /// <summary>
    /// The sources after the fix, and the diagnostics that remain (<c>FixedState.ExpectedDiagnostics</c> and markup;
    /// none unless given). Without sources, the fix is expected to change nothing.
    /// </summary>
    public SolutionState FixedState { get; } = new();

    /// <summary>Adds a source file to <see cref="BatchFixedState"/>: the result of FixAll when it differs from one-at-a-time fixing.</summary>
    public string BatchFixedCode
    {
        set => BatchFixedState.Sources.Add(value);
    }

    /// <summary>
    /// The sources after FixAll. Without sources, <see cref="FixedState"/>; without expected diagnostics of its own, it
    /// expects <see cref="FixedState"/>'s.
    /// </summary>
    public SolutionState BatchFixedState { get; } = new();

    /// <summary>Applies only the code action with this equivalence key.</summary>
    public string? CodeActionEquivalenceKey { get; set; }

    /// <summary>Applies the code action at this index among those offered for a diagnostic.</summary>
    public int? CodeActionIndex { get; set; }

    public CodeFixTestBehaviors CodeFixTestBehaviors { get; set; }

    /// <summary>The most fixes applied one at a time; by default, the number of fixable diagnostics in the input.</summary>
    public int? MaxIncrementalIterations { get; set; }

    public override async Task RunAsync(CancellationToken cancellationToken = default)
    {
        using var run = CreateRun();
        var testState = run.Resolver.Resolve(nameof(TestState), TestState, TestState, TestState.ExpectedDiagnostics);
        await run.VerifyDiagnosticsAsync(testState, cancellationToken).ConfigureAwait(false);

        var fixedSources = HasSources(FixedState) ? FixedState : TestState;
        var fixedState = run.Resolver.Resolve(nameof(FixedState), TestState, fixedSources, fixedSources.ExpectedDiagnostics);
        await run.VerifyDiagnosticsAsync(fixedState, cancellationToken).ConfigureAwait(false);

        var batchFixedState = fixedState;
        if (HasSources(BatchFixedState))
        {
            var expected = BatchFixedState.ExpectedDiagnostics.Count > 0 ? BatchFixedState.ExpectedDiagnostics : fixedSources.ExpectedDiagnostics;
            batchFixedState = run.Resolver.Resolve(nameof(BatchFixedState), TestState, BatchFixedState, expected);
            await run.VerifyDiagnosticsAsync(batchFixedState, cancellationToken).ConfigureAwait(false);
        }

        var providers = GetCodeFixProviders().ToImmutableArray();
        var fixer = new CodeFixRunner(run.Collector, providers, CodeActionEquivalenceKey, CodeActionIndex);

        var fixedOneByOne = await fixer.FixIncrementallyAsync(run.CreateSolution(testState), MaxIncrementalIterations, CodeFixTestBehaviors.HasFlag(CodeFixTestBehaviors.FixOne), cancellationToken).ConfigureAwait(false);
        await SolutionComparer.AssertSourcesMatchAsync(fixedOneByOne, fixedState, "Applying code fixes one at a time", fixer.DescribeOfferedActions(), cancellationToken).ConfigureAwait(false);

        foreach (var scope in FixAllScopesToCheck())
        {
            var fixedAll = await fixer.FixAllAsync(run.CreateSolution(testState), scope, cancellationToken).ConfigureAwait(false);
            if (fixedAll is null)
            {
                if (HasSources(BatchFixedState))
                {
                    throw TestFailure.Create($"BatchFixedState is given, but the code fix provider has no FixAll provider supporting {scope} scope.");
                }

                continue;
            }

            await SolutionComparer.AssertSourcesMatchAsync(fixedAll, batchFixedState, $"FixAll in {scope} scope", fixer.DescribeOfferedActions(), cancellationToken).ConfigureAwait(false);
        }
    }

    protected abstract IEnumerable<CodeFixProvider> GetCodeFixProviders();

    private IEnumerable<FixAllScope> FixAllScopesToCheck()
    {
        if (!CodeFixTestBehaviors.HasFlag(CodeFixTestBehaviors.SkipFixAllInDocumentCheck))
        {
            yield return FixAllScope.Document;
        }

        if (!CodeFixTestBehaviors.HasFlag(CodeFixTestBehaviors.SkipFixAllInProjectCheck))
        {
            yield return FixAllScope.Project;
        }

        if (!CodeFixTestBehaviors.HasFlag(CodeFixTestBehaviors.SkipFixAllInSolutionCheck))
        {
            yield return FixAllScope.Solution;
        }
    }

    private static bool HasSources(SolutionState state) => state.Sources.Count > 0 || state.AdditionalProjects.Values.Any(p => p.Sources.Count > 0);
}
