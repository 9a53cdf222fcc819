using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Agreement.Oracles;

/// <summary>
/// A sample's machine on hardware whose DMA ignores the bus-master bit (seed 002: "the generic pci dma
/// disable bit doesn't work uniformly across hardware"), where the PCI core's clear-master on kexec
/// stops nothing and only a driver's own DMA stop protects the next kernel.
/// </summary>
public sealed class DmaIgnoringBusMasterMachine : MachineModel
{
    private readonly MachineModel machine;

    public DmaIgnoringBusMasterMachine(MachineModel machine) => this.machine = machine;

    public override string Name => machine.Name + " (DMA ignores bus master)";

    public override string Description => machine.Description;

    public override void Build(MachineBuilder builder) => machine.Build(builder.WithDmaIgnoringBusMaster());
}
