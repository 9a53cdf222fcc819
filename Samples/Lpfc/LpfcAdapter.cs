using System;
using System.Collections.Generic;
using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Hardware;

namespace ShutdownAnalyzers.Samples.Lpfc;

/// <summary>What both forms of the lpfc driver share: the IDs they bind and the per-adapter state.</summary>
public static class LpfcAdapter
{
    public const ushort EmulexVendorId = LightPulseAdapter.EmulexVendorId;

    /// <summary>LPe12000 (Saturn).</summary>
    public const ushort SaturnDeviceId = LightPulseAdapter.SaturnDeviceId;

    public static readonly IReadOnlyList<PciDeviceId> Ids = new[] { new PciDeviceId(EmulexVendorId, SaturnDeviceId) };

    /// <summary>How long lpfc waits for a mailbox command (LPFC_MBOX_TMO, 30 s).</summary>
    public static readonly TimeSpan MailboxTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The adapter's mailbox and I/O rings, mapped for DMA in probe.</summary>
    public sealed class State
    {
        public State(DmaBuffer rings) => Rings = rings;

        public DmaBuffer Rings { get; }
    }

    /// <summary>
    /// Brings the adapter up as lpfc_pci_probe_one does: enable, claim, configure the port through
    /// the firmware mailbox, map rings, interrupt, bus master, DMA. Firmware that was left
    /// configured rejects CONFIG_PORT, and the probe fails as in the seed's log.
    /// </summary>
    public static void Start(PciDevice device)
    {
        device.EnableDevice();
        device.RequestRegions();
        var status = device.IssueMailboxCommand(LightPulseAdapter.ConfigPort, MailboxTimeout);
        if (status != MailboxStatus.Success)
        {
            device.ReleaseRegions();
            device.DisableDevice();
            throw new InvalidOperationException($"0442 Adapter failed to init, {LightPulseAdapter.ConfigPort}, mbxStatus {status}");
        }

        var rings = device.MapDma(pages: 4);
        device.RequestIrq(static _ => IrqReturn.Handled);
        device.SetMaster();
        device.StartDma(rings);
        device.DriverData = new State(rings);
    }

    /// <summary>
    /// Takes the adapter down as lpfc_pci_remove_one does, in reverse order; the board restart
    /// (lpfc_sli_brdrestart) leaves the firmware ready for the next CONFIG_PORT.
    /// </summary>
    public static void Stop(PciDevice device)
    {
        var state = (State)device.DriverData!;
        device.StopDma();
        device.ClearMaster();
        device.FreeIrq();
        device.UnmapDma(state.Rings);
        device.RestartFirmware();
        device.ReleaseRegions();
        device.DisableDevice();
    }
}
