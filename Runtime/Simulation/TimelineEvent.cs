using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.Simulation;

/// <summary>
/// One moment in a device's life during a scenario, with the hardware state right after it: what
/// a timeline view draws (callbacks invoked, power state, bus mastering, DMA, interrupt line).
/// </summary>
public sealed record TimelineEvent(
    long AtMs,
    string Kernel,
    string What,
    PciPowerState? PowerState,
    bool BusMaster,
    bool DmaRunning,
    bool InterruptAsserted)
{
    /// <summary>
    /// True for a moment of the whole machine (a kernel boots, the scenario begins, kexec jumps),
    /// noted on every device's timeline alike; false for what happened to this device.
    /// </summary>
    public bool MachineWide { get; init; }
}
