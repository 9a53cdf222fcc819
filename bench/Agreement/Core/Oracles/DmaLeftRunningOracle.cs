using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Agreement.Oracles;

/// <summary>
/// SHD003's twin (seed 002: "All devices doing DMA must be shutdown in the kexec'ing kernel"): kexec
/// shows <c>DmaCorruption</c> in the next kernel under <c>shutdown</c>, and still under
/// <c>shutdown-else-remove</c> — the driver has a Shutdown, it just does not stop the DMA. Asked of the
/// machine and of the same machine on hardware whose DMA ignores the bus-master bit, because the rule
/// does not count the PCI core's clear-master as a stop.
/// </summary>
public sealed class DmaLeftRunningOracle : RuleOracle
{
    public override string RuleId => "SHD003";

    public override string Question =>
        "kexec shows `DmaCorruption` under `shutdown` and `shutdown-else-remove`, on the machine or on the same machine with DMA that ignores the bus-master bit";

    public override Verdict Judge(ScenarioRuns runs) =>
        OnMachineOrTwin(runs, machine => machine.OnDmaIgnoringBusMaster, machine => KexecShowsUnderShutdownAndFallback(machine, Outcome.DmaCorruption));
}
