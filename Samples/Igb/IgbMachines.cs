using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Samples.Igb;

/// <summary>A server that boots through kexec, with one 82576 NIC driven by igb with the power-off made unconditional.</summary>
public sealed class FlawedIgbMachine : MachineModel
{
    public override string Name => "igb-flawed";

    public override string Description => "82576 NIC with igb putting it in D3hot on every shutdown";

    public override void Build(MachineBuilder machine) => IgbMachines.AddFlawed(machine);
}

/// <summary>The same server with igb as it is: D3hot only when the system powers off.</summary>
public sealed class FixedIgbMachine : MachineModel
{
    public override string Name => "igb-fixed";

    public override string Description => "82576 NIC with igb entering D3hot only on power-off";

    public override void Build(MachineBuilder machine) => IgbMachines.AddFixed(machine);
}

/// <summary>The igb sample's hardware and drivers, for its own machines and for bigger ones.</summary>
public static class IgbMachines
{
    public const string NicAddress = "0000:03:00.0";

    public static MachineBuilder AddFlawed(MachineBuilder machine) =>
        machine.AddPciFunction(NicAddress, Nic()).AddDriver(() => new Flawed.IgbDriver());

    public static MachineBuilder AddFixed(MachineBuilder machine) =>
        machine.AddPciFunction(NicAddress, Nic()).AddDriver(() => new Fixed.IgbDriver());

    /// <summary>The NIC on a system whose platform cuts a slot's power once its function is in D3hot.</summary>
    public static PciFunction Nic() => new(IgbAdapter.IntelVendorId, IgbAdapter.I82576DeviceId, InterruptMode.Msi)
    {
        PlatformRemovesPowerInD3Hot = true,
    };
}
