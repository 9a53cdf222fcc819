using System.Collections.Generic;
using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.Samples.Pciehp.Fixed;

/// <summary>
/// The PCIe port driver as the kernel has it since 2023: pcie_portdrv_shutdown runs the services'
/// remove — pciehp disables its notifications and frees its interrupt — and leaves bus mastering on.
/// </summary>
public sealed class PcieportDriver : PciDriver
{
    public override string Name => "pcieport";

    public override IReadOnlyList<PciDeviceId> IdTable => HotplugController.Ids;

    public override void Probe(PciDevice device) => HotplugController.Init(device);

    public override void Remove(PciDevice device) => HotplugController.Remove(device);

    public override void Suspend(PciDevice device) => HotplugController.Suspend(device);

    public override void Resume(PciDevice device) => HotplugController.Resume(device);

    public override void Shutdown(PciDevice device) => HotplugController.ShutdownNotification(device);
}
