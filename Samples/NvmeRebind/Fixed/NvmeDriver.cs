using System.Collections.Generic;
using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.Samples.NvmeRebind.Fixed;

/// <summary>
/// nvme whose Remove gives back everything Probe took, the BARs last, as nvme_remove does
/// (<c>nvme_dev_unmap</c> ends with <c>pci_release_mem_regions</c>). What the SHD006 fix
/// "Release it at the end of Remove" writes.
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
        device.ReleaseRegions();
    }

    public override void Shutdown(PciDevice device) => NvmePci.Disable(device);
}
