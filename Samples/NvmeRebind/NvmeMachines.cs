using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Samples.NvmeRebind;

/// <summary>A host whose NVMe SSD is unbound and bound again (VFIO assignment, a driver reload), with nvme leaking its BARs.</summary>
public sealed class FlawedNvmeMachine : MachineModel
{
    public override string Name => "nvme-rebind-flawed";

    public override string Description => "NVMe SSD with nvme's Remove keeping the BARs claimed";

    public override void Build(MachineBuilder machine) =>
        machine
            .AddPciFunction(NvmeMachines.ControllerAddress, NvmeMachines.CreateController())
            .AddDriver(() => new Flawed.NvmeDriver());
}

/// <summary>The same host with nvme's Remove releasing the BARs.</summary>
public sealed class FixedNvmeMachine : MachineModel
{
    public override string Name => "nvme-rebind-fixed";

    public override string Description => "NVMe SSD with nvme's Remove giving back everything Probe took";

    public override void Build(MachineBuilder machine) =>
        machine
            .AddPciFunction(NvmeMachines.ControllerAddress, NvmeMachines.CreateController())
            .AddDriver(() => new Fixed.NvmeDriver());
}

/// <summary>What the nvme machines share.</summary>
public static class NvmeMachines
{
    public const string ControllerAddress = "0000:01:00.0";

    /// <summary>The SSD's controller: MSI-X interrupts, DMA queues.</summary>
    public static PciFunction CreateController() =>
        new(NvmeController.SamsungVendorId, NvmeController.Pm981DeviceId, InterruptMode.Msi);
}
