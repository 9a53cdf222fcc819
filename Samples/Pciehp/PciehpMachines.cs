using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Samples.Pciehp;

/// <summary>A machine whose hot-plug root port signals on a level (INTx) line; Shutdown leaves the interrupt on.</summary>
public sealed class FlawedPciehpMachine : MachineModel
{
    public override string Name => "pciehp-flawed";

    public override string Description => "Hot-plug root port on INTx; Shutdown only disables the port";

    public override void Build(MachineBuilder machine) => PciehpMachines.AddFlawed(machine);
}

/// <summary>The same machine with pcie_portdrv_shutdown: pciehp masks and frees its interrupt.</summary>
public sealed class FixedPciehpMachine : MachineModel
{
    public override string Name => "pciehp-fixed";

    public override string Description => "Hot-plug root port on INTx; Shutdown masks and frees the hot-plug interrupt";

    public override void Build(MachineBuilder machine) => PciehpMachines.AddFixed(machine);
}

/// <summary>The pciehp sample's hardware and drivers, for its own machines and for bigger ones.</summary>
public static class PciehpMachines
{
    public const string RootPortAddress = "0000:00:1c.0";

    public static MachineBuilder AddFlawed(MachineBuilder machine) =>
        machine.AddPciFunction(RootPortAddress, RootPort()).AddDriver(() => new Flawed.PcieportDriver());

    public static MachineBuilder AddFixed(MachineBuilder machine) =>
        machine.AddPciFunction(RootPortAddress, RootPort()).AddDriver(() => new Fixed.PcieportDriver());

    /// <summary>How often the slot reports a hot-plug event (a presence or link change) on the port's interrupt.</summary>
    public const int EventEveryMs = 7;

    /// <summary>
    /// A root port on a legacy INTx line, level-triggered: each slot event asserts it until pcie_isr
    /// acknowledges the event.
    /// </summary>
    public static PciFunction RootPort() =>
        new(HotplugController.IntelVendorId, HotplugController.SunrisePointRootPortId, InterruptMode.Intx) { InterruptEveryMs = EventEveryMs };
}
