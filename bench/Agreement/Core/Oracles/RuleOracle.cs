namespace ShutdownAnalyzers.Agreement.Oracles;

/// <summary>A rule's run-time twin as a question to the simulator: does this machine show the rule's bug?</summary>
public abstract class RuleOracle
{
    public abstract string RuleId { get; }

    /// <summary>What the oracle checks, for the benchmark's report.</summary>
    public abstract string Question { get; }

    /// <summary>Whether the machine shows the rule's bug, and the runs that say so either way.</summary>
    public abstract Verdict Judge(ScenarioRuns runs);
}

/// <summary>The oracle's answer and the runs behind it.</summary>
public sealed record Verdict(bool Fails, string Evidence);
