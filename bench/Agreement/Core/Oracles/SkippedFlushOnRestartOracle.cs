using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Agreement.Oracles;

/// <summary>
/// SHD005's twin: a reboot loses acknowledged writes (<c>DataLost</c>) that a power-off does not —
/// Shutdown flushes when the system powers off and skips it when it restarts. A driver that never
/// flushes loses them on power-off too, and is not this rule's bug.
/// </summary>
public sealed class SkippedFlushOnRestartOracle : RuleOracle
{
    public override string RuleId => "SHD005";

    public override string Question => "reboot shows `DataLost` and power-off does not";

    public override Verdict Judge(ScenarioRuns runs)
    {
        var reboot = runs[Scenario.Reboot];
        var powerOff = runs[Scenario.PowerOff];
        var fails = ScenarioRuns.Showing(reboot, Outcome.DataLost).Count > 0 && ScenarioRuns.Showing(powerOff, Outcome.DataLost).Count == 0;
        return new Verdict(fails, $"{ScenarioRuns.Describe(reboot)} | {ScenarioRuns.Describe(powerOff)}");
    }
}
