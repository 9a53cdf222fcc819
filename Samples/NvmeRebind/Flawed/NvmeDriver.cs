using System.Collections.Generic;
using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.Samples.NvmeRebind.Flawed;

/// <summary>
/// nvme whose Remove gives back the interrupt, the admin queue and the BAR mapping, but never the BARs
/// themselves: <c>pci_release_mem_regions</c> is missing from the end of the teardown (SHD006). Unbind
/// leaks the regions, and the next bind finds them busy.
/// </summary>
public sealed class NvmeDriver : PciDriver
{
    public override string Name => "nvme";

    public override IReadOnlyList<PciDeviceId> IdTable => NvmePci.Ids;

    public override void Probe(PciDevice device) => NvmePci.Enable(device);

    public override void Remove(PciDevice device)
    {
        var state = (NvmePci.State)device.DriverData!;
        NvmePci.Disable(device);
        device.FreeIrq();
        device.UnmapDma(state.AdminQueue);
        device.UnmapRegisters(state.Bar);
        device.DisableDevice();
    }

    public override void Shutdown(PciDevice device) => NvmePci.Disable(device);
}
