using System.Collections.Generic;
using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.Samples.NvmeRebind;

/// <summary>
/// What both forms of the nvme driver share: the IDs they bind, the controller's per-device state, and
/// how it is enabled (nvme_probe and its reset work) and disabled (nvme_dev_disable).
/// </summary>
public static class NvmePci
{
    public const ushort SamsungVendorId = 0x144d;

    /// <summary>NVMe SSD Controller SM981/PM981/PM983.</summary>
    public const ushort Pm981DeviceId = 0xa808;

    public static readonly IReadOnlyList<PciDeviceId> Ids = new[] { new PciDeviceId(SamsungVendorId, Pm981DeviceId) };

    /// <summary>The controller's registers (BAR 0) and its admin queue.</summary>
    public sealed class State
    {
        public State(RegisterMapping bar, DmaBuffer adminQueue)
        {
            Bar = bar;
            AdminQueue = adminQueue;
        }

        public RegisterMapping Bar { get; }

        public DmaBuffer AdminQueue { get; }
    }

    /// <summary>
    /// Enables the controller: PCI enable, the BARs claimed (<c>pci_request_mem_regions</c>) and mapped
    /// (<c>nvme_dev_map</c>), the controller disabled before it is configured (<c>nvme_disable_ctrl</c>,
    /// a controller reset), bus mastering, the admin queue, its interrupt (unmasked once the handler is in), DMA.
    /// </summary>
    public static void Enable(PciDevice device)
    {
        device.EnableDevice();
        device.RequestRegions();
        var bar = device.MapRegisters(bar: 0);
        device.RestartFirmware();
        device.SetMaster();
        var adminQueue = device.MapDma(pages: 2);
        device.RequestIrq(static _ => IrqReturn.Handled);
        device.UnmaskInterrupts();
        device.StartDma(adminQueue);
        device.DriverData = new State(bar, adminQueue);
    }

    /// <summary>Disables the controller as <c>nvme_dev_disable</c> does: queues stopped, DMA off, interrupt masked.</summary>
    public static void Disable(PciDevice device)
    {
        device.StopDma();
        device.ClearMaster();
        device.MaskInterrupts();
    }
}
