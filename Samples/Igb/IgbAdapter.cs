using System.Collections.Generic;
using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.Samples.Igb;

/// <summary>What both forms of the igb driver share: the IDs they bind and how the NIC is brought up and idled.</summary>
public static class IgbAdapter
{
    public const ushort IntelVendorId = 0x8086;

    /// <summary>82576 Gigabit Ethernet.</summary>
    public const ushort I82576DeviceId = 0x10c9;

    public static readonly IReadOnlyList<PciDeviceId> Ids = new[] { new PciDeviceId(IntelVendorId, I82576DeviceId) };

    /// <summary>The NIC's descriptor rings, mapped for DMA in probe.</summary>
    public sealed class State
    {
        public State(DmaBuffer rings) => Rings = rings;

        public DmaBuffer Rings { get; }
    }

    /// <summary>
    /// Brings the NIC up as igb_probe and igb_open do: enable, claim, reset the MAC into a known state
    /// (<c>reset_hw</c>, whatever a previous kernel left running), map rings, interrupt, bus master, DMA.
    /// </summary>
    public static void Start(PciDevice device)
    {
        device.EnableDevice();
        device.RequestRegions();
        device.RestartFirmware();
        var rings = device.MapDma(pages: 2);
        device.RequestIrq(static _ => IrqReturn.Handled);
        device.UnmaskInterrupts();
        device.SetMaster();
        device.StartDma(rings);
        device.DriverData = new State(rings);
    }

    /// <summary>Idles the NIC as __igb_shutdown does: rings stopped, interrupts off, device disabled. Still powered.</summary>
    public static void Quiesce(PciDevice device)
    {
        device.StopDma();
        device.ClearMaster();
        device.MaskInterrupts();
        device.FreeIrq();
        device.DisableDevice();
    }

    /// <summary>Unbinds as igb_remove does: idle, then give back what probe took.</summary>
    public static void Stop(PciDevice device)
    {
        var state = (State)device.DriverData!;
        Quiesce(device);
        device.UnmapDma(state.Rings);
        device.ReleaseRegions();
    }
}
