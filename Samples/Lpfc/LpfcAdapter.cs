using System.Collections.Generic;
using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.Samples.Lpfc;

/// <summary>What both forms of the lpfc driver share: the IDs they bind and the per-adapter state.</summary>
public static class LpfcAdapter
{
    public const ushort EmulexVendorId = 0x10df;

    /// <summary>LPe12000 (Saturn).</summary>
    public const ushort SaturnDeviceId = 0xf100;

    public static readonly IReadOnlyList<PciDeviceId> Ids = new[] { new PciDeviceId(EmulexVendorId, SaturnDeviceId) };

    /// <summary>The adapter's mailbox and I/O rings, mapped for DMA in probe.</summary>
    public sealed class State
    {
        public State(DmaBuffer rings) => Rings = rings;

        public DmaBuffer Rings { get; }
    }

    /// <summary>Brings the adapter up as lpfc_pci_probe_one does: enable, claim, map rings, interrupt, bus master, DMA.</summary>
    public static void Start(PciDevice device)
    {
        device.EnableDevice();
        device.RequestRegions();
        var rings = device.MapDma(pages: 4);
        device.RequestIrq(static _ => IrqReturn.Handled);
        device.SetMaster();
        device.StartDma(rings);
        device.DriverData = new State(rings);
    }

    /// <summary>Takes the adapter down as lpfc_pci_remove_one does, in reverse order.</summary>
    public static void Stop(PciDevice device)
    {
        var state = (State)device.DriverData!;
        device.StopDma();
        device.ClearMaster();
        device.FreeIrq();
        device.UnmapDma(state.Rings);
        device.ReleaseRegions();
        device.DisableDevice();
    }
}
