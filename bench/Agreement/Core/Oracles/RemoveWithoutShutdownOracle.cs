using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Agreement.Oracles;

/// <summary>
/// SHD001's twin, as the three kexec policies tell it (seeds 000, 003): kexec under <c>shutdown</c>
/// leaves a device broken, and <c>shutdown-else-remove</c> — Remove where Shutdown is missing —
/// hands it over healthy. Remove would have saved it; only Shutdown runs. Asked of the machine and of
/// the same machine on hardware whose DMA ignores the bus-master bit: the PCI core's clear-master
/// saves a driver without Shutdown only where the hardware honours it (seed 002).
/// </summary>
public sealed class RemoveWithoutShutdownOracle : RuleOracle
{
    public override string RuleId => "SHD001";

    public override string Question =>
        "kexec fails under `shutdown` and is healthy under `shutdown-else-remove`, on the machine or on the same machine with DMA that ignores the bus-master bit";

    public override Verdict Judge(ScenarioRuns runs) => OnMachineOrTwin(runs, machine => machine.OnDmaIgnoringBusMaster, JudgeOne);

    private static Verdict JudgeOne(ScenarioRuns runs)
    {
        var shutdown = runs[Scenario.Kexec, KexecPolicy.Shutdown];
        var fallback = runs[Scenario.Kexec, KexecPolicy.ShutdownElseRemove];
        return new Verdict(!shutdown.AllHealthy && fallback.AllHealthy, $"{ScenarioRuns.Describe(shutdown)} | {ScenarioRuns.Describe(fallback)}");
    }
}
