using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Samples.Pciehp;

/// <summary>A machine whose hot-plug root port signals on a level (INTx) line; Shutdown leaves the interrupt on.</summary>
public sealed class FlawedPciehpMachine : MachineModel
{
    public override string Name => "pciehp-flawed";

    public override string Description => "Hot-plug root port on INTx; Shutdown only disables the port";

    public override void Build(MachineBuilder machine) =>
        machine
            .AddPciFunction(PciehpMachines.RootPortAddress, PciehpMachines.RootPort())
            .AddDriver(() => new Flawed.PcieportDriver());
}

/// <summary>The same machine with pcie_portdrv_shutdown: pciehp masks and frees its interrupt.</summary>
public sealed class FixedPciehpMachine : MachineModel
{
    public override string Name => "pciehp-fixed";

    public override string Description => "Hot-plug root port on INTx; Shutdown masks and frees the hot-plug interrupt";

    public override void Build(MachineBuilder machine) =>
        machine
            .AddPciFunction(PciehpMachines.RootPortAddress, PciehpMachines.RootPort())
            .AddDriver(() => new Fixed.PcieportDriver());
}

/// <summary>What the pciehp machines share.</summary>
public static class PciehpMachines
{
    public const string RootPortAddress = "0000:00:1c.0";

    /// <summary>How often the slot reports a hot-plug event (a presence or link change) on the port's interrupt.</summary>
    public const int EventEveryMs = 7;

    /// <summary>
    /// A root port on a legacy INTx line, level-triggered: each slot event asserts it until pcie_isr
    /// acknowledges the event.
    /// </summary>
    public static PciFunction RootPort() =>
        new(HotplugController.IntelVendorId, HotplugController.SunrisePointRootPortId, InterruptMode.Intx) { InterruptEveryMs = EventEveryMs };
}
