using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Samples.Mlx5;

/// <summary>A server with one ConnectX-4 whose Shutdown leaves the HCA running.</summary>
public sealed class FlawedMlx5Machine : MachineModel
{
    public override string Name => "mlx5-flawed";

    public override string Description => "ConnectX-4 whose DMA ignores the bus-master bit; Shutdown never tears the HCA down";

    public override void Build(MachineBuilder machine) => Mlx5Machines.AddFlawed(machine);
}

/// <summary>The same server with mlx5_core's real shutdown, which unloads like remove.</summary>
public sealed class FixedMlx5Machine : MachineModel
{
    public override string Name => "mlx5-fixed";

    public override string Description => "ConnectX-4 whose DMA ignores the bus-master bit; Shutdown tears the HCA down";

    public override void Build(MachineBuilder machine) => Mlx5Machines.AddFixed(machine);
}

/// <summary>The mlx5 sample's hardware and drivers, for its own machines and for bigger ones.</summary>
public static class Mlx5Machines
{
    public const string HcaAddress = "0000:81:00.0";

    public static MachineBuilder AddFlawed(MachineBuilder machine) =>
        machine.AddPciFunction(HcaAddress, ConnectX4()).AddDriver(() => new Flawed.Mlx5Driver());

    public static MachineBuilder AddFixed(MachineBuilder machine) =>
        machine.AddPciFunction(HcaAddress, ConnectX4()).AddDriver(() => new Fixed.Mlx5Driver());

    /// <summary>
    /// A ConnectX-4 with MSI-X, modelled with the property seed 002 warns about ("the generic pci dma
    /// disable bit doesn't work uniformly across hardware"): its DMA ignores the bus-master bit, so the
    /// PCI core's clear-master on kexec does not stop it and only the driver can.
    /// </summary>
    public static PciFunction ConnectX4() =>
        new(Mlx5Core.MellanoxVendorId, Mlx5Core.ConnectX4DeviceId, InterruptMode.Msi) { HonorsBusMasterDisable = false };
}
