using System;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Agreement.Oracles;

/// <summary>
/// A sample's machine built on different hardware: the same devices and drivers with one property of
/// the hardware changed — the property a rule's doubt is about, which the code cannot show and a
/// sample's own machine may not have.
/// </summary>
public sealed class HardwareTwinMachine : MachineModel
{
    private readonly MachineModel machine;
    private readonly string hardware;
    private readonly Func<MachineBuilder, MachineBuilder> configure;

    private HardwareTwinMachine(MachineModel machine, string hardware, Func<MachineBuilder, MachineBuilder> configure)
    {
        this.machine = machine;
        this.hardware = hardware;
        this.configure = configure;
    }

    public override string Name => $"{machine.Name} ({hardware})";

    public override string Description => machine.Description;

    /// <summary>
    /// DMA that ignores the bus-master bit (seed 002: "the generic pci dma disable bit doesn't work
    /// uniformly across hardware"): the PCI core's clear-master on kexec stops nothing, only the driver can.
    /// </summary>
    public static MachineModel DmaIgnoringBusMaster(MachineModel machine) =>
        new HardwareTwinMachine(machine, "DMA ignores bus master", builder => builder.WithDmaIgnoringBusMaster());

    /// <summary>
    /// Level-triggered interrupts raised by status events (seed 002: "It is the level interrupts that
    /// are more concerning"): an interrupt left enabled storms the next kernel; an MSI would not.
    /// </summary>
    public static MachineModel LevelTriggeredInterrupts(MachineModel machine) =>
        new HardwareTwinMachine(machine, "level-triggered interrupts", builder => builder.WithLevelTriggeredInterrupts());

    /// <summary>
    /// DMA engines that cannot be pointed at new memory while they run (NVMe queues, NIC rings): a crash
    /// kernel's probe that meets one still running must stop or reset it first (seed 002).
    /// </summary>
    public static MachineModel DmaLockedWhileRunning(MachineModel machine) =>
        new HardwareTwinMachine(machine, "DMA locked while running", builder => builder.WithDmaLockedWhileRunning());

    public override void Build(MachineBuilder builder) => machine.Build(configure(builder));
}
