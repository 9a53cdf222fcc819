using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Samples.NvmeRebind;

/// <summary>A host whose NVMe SSD is unbound and bound again (VFIO assignment, a driver reload), with nvme leaking its BARs.</summary>
public sealed class FlawedNvmeRebindMachine : MachineModel
{
    public override string Name => "nvme-rebind-flawed";

    public override string Description => "NVMe SSD with nvme's Remove keeping the BARs claimed";

    public override void Build(MachineBuilder machine) => NvmeRebindMachines.AddFlawed(machine);
}

/// <summary>The same host with nvme's Remove releasing the BARs.</summary>
public sealed class FixedNvmeRebindMachine : MachineModel
{
    public override string Name => "nvme-rebind-fixed";

    public override string Description => "NVMe SSD with nvme's Remove giving back everything Probe took";

    public override void Build(MachineBuilder machine) => NvmeRebindMachines.AddFixed(machine);
}

/// <summary>The nvme sample's hardware and drivers, for its own machines and for bigger ones.</summary>
public static class NvmeRebindMachines
{
    public const string ControllerAddress = "0000:01:00.0";

    public static MachineBuilder AddFlawed(MachineBuilder machine) =>
        machine.AddPciFunction(ControllerAddress, CreateController()).AddDriver(() => new Flawed.NvmeDriver());

    public static MachineBuilder AddFixed(MachineBuilder machine) =>
        machine.AddPciFunction(ControllerAddress, CreateController()).AddDriver(() => new Fixed.NvmeDriver());

    /// <summary>The SSD's controller (the runtime's NVMe model): MSI interrupts, DMA queues.</summary>
    public static PciFunction CreateController() => new NvmeController(NvmePci.SamsungVendorId, NvmePci.Pm981DeviceId);
}
