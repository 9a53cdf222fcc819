using System;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Agreement.Oracles;

/// <summary>A rule's run-time twin as a question to the simulator: does this machine show the rule's bug?</summary>
public abstract class RuleOracle
{
    public abstract string RuleId { get; }

    /// <summary>What the oracle checks, for the benchmark's report.</summary>
    public abstract string Question { get; }

    /// <summary>Whether the machine shows the rule's bug, and the runs that say so either way.</summary>
    public abstract Verdict Judge(ScenarioRuns runs);

    /// <summary>
    /// <paramref name="judge"/>'s verdict on the machine, or, if it comes through, on its
    /// <paramref name="twin"/>: the same machine built with the hardware property the rule's doubt is about.
    /// </summary>
    protected static Verdict OnMachineOrTwin(ScenarioRuns runs, Func<ScenarioRuns, ScenarioRuns> twin, Func<ScenarioRuns, Verdict> judge)
    {
        var verdict = judge(runs);
        if (verdict.Fails)
        {
            return verdict;
        }

        var onTwin = judge(twin(runs));
        return new Verdict(onTwin.Fails, $"{verdict.Evidence} || {onTwin.Evidence}");
    }

    /// <summary>
    /// Whether kexec shows <paramref name="outcome"/> under <c>shutdown</c> and still under
    /// <c>shutdown-else-remove</c>: the driver has a Shutdown, and it does not do what the rule asks.
    /// </summary>
    protected static Verdict KexecShowsUnderShutdownAndFallback(ScenarioRuns runs, Outcome outcome)
    {
        var shutdown = runs[Scenario.Kexec, KexecPolicy.Shutdown];
        var fallback = runs[Scenario.Kexec, KexecPolicy.ShutdownElseRemove];
        var fails = ScenarioRuns.Showing(shutdown, outcome).Count > 0 && ScenarioRuns.Showing(fallback, outcome).Count > 0;
        return new Verdict(fails, $"{ScenarioRuns.Describe(shutdown)} | {ScenarioRuns.Describe(fallback)}");
    }
}

/// <summary>The oracle's answer and the runs behind it.</summary>
public sealed record Verdict(bool Fails, string Evidence);
