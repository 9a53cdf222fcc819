using System.Collections.Generic;
using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.Samples.Pciehp.Flawed;

/// <summary>
/// The PCIe port driver with a Shutdown that only disables the port (pci_disable_device: bus mastering
/// off). That silences MSI, which is a memory write, but not INTx: pciehp's level interrupt stays
/// enabled at the port and at the interrupt controller, and storms the next kernel (SHD004).
/// </summary>
public sealed class PcieportDriver : PciDriver
{
    public override string Name => "pcieport";

    public override IReadOnlyList<PciDeviceId> IdTable => HotplugController.Ids;

    public override void Probe(PciDevice device) => HotplugController.Init(device);

    public override void Remove(PciDevice device) => HotplugController.Remove(device);

    public override void Suspend(PciDevice device) => HotplugController.Suspend(device);

    public override void Resume(PciDevice device) => HotplugController.Resume(device);

    public override void Shutdown(PciDevice device) => device.DisableDevice();
}
