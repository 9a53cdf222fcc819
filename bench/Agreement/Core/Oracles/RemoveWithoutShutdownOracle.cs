using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Agreement.Oracles;

/// <summary>
/// SHD001's twin, as the three kexec policies tell it (seeds 000, 003): kexec under <c>shutdown</c>
/// leaves a device broken, and <c>shutdown-else-remove</c> — Remove where Shutdown is missing —
/// hands it over healthy. Remove would have saved it; only Shutdown runs.
/// </summary>
public sealed class RemoveWithoutShutdownOracle : RuleOracle
{
    public override string RuleId => "SHD001";

    public override string Question => "kexec fails under `shutdown` and is healthy under `shutdown-else-remove`";

    public override Verdict Judge(ScenarioRuns runs)
    {
        var shutdown = runs[Scenario.Kexec, KexecPolicy.Shutdown];
        var fallback = runs[Scenario.Kexec, KexecPolicy.ShutdownElseRemove];
        return new Verdict(!shutdown.AllHealthy && fallback.AllHealthy, $"{ScenarioRuns.Describe(shutdown)} | {ScenarioRuns.Describe(fallback)}");
    }
}
