using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Agreement.Oracles;

/// <summary>
/// SHD002's twin: after kexec a device is gone or not ready (<c>Unreachable</c>, <c>ProbeFailed</c>)
/// because Shutdown ran — under <c>shutdown</c> and under <c>shutdown-else-remove</c> alike — while
/// under <c>remove</c>, where no Shutdown of a bound driver runs, it is healthy.
/// </summary>
public sealed class PowerOffOnRestartOracle : RuleOracle
{
    private static readonly Outcome[] PoweredOff = { Outcome.Unreachable, Outcome.ProbeFailed };

    public override string RuleId => "SHD002";

    public override string Question => "kexec leaves a device `Unreachable` or `ProbeFailed` under `shutdown` and `shutdown-else-remove`, healthy under `remove`";

    public override Verdict Judge(ScenarioRuns runs)
    {
        var shutdown = runs[Scenario.Kexec, KexecPolicy.Shutdown];
        var fallback = runs[Scenario.Kexec, KexecPolicy.ShutdownElseRemove];
        var remove = runs[Scenario.Kexec, KexecPolicy.Remove];
        var fails = ScenarioRuns.Showing(shutdown, PoweredOff).Count > 0
            && ScenarioRuns.Showing(fallback, PoweredOff).Count > 0
            && remove.AllHealthy;
        return new Verdict(fails, $"{ScenarioRuns.Describe(shutdown)} | {ScenarioRuns.Describe(fallback)} | {ScenarioRuns.Describe(remove)}");
    }
}
