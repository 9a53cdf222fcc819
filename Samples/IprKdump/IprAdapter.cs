using System;
using System.Collections.Generic;
using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Hardware;

namespace ShutdownAnalyzers.Samples.IprKdump;

/// <summary>
/// What both forms of the ipr driver share: the IDs they bind, the adapter's per-device state, and how
/// the IOA (I/O adapter) is brought up, quiesced and taken down.
/// </summary>
public static class IprAdapter
{
    public const ushort IbmVendorId = 0x1014;

    /// <summary>PCI_DEVICE_ID_IBM_CROCODILE, a PCIe SAS RAID adapter of IBM Power servers.</summary>
    public const ushort CrocodileDeviceId = 0x034a;

    public static readonly IReadOnlyList<PciDeviceId> Ids = new[] { new PciDeviceId(IbmVendorId, CrocodileDeviceId) };

    /// <summary>
    /// Identify Host Request/Response Queue (<c>IPR_ID_HOST_RR_Q</c>, 0xC4): the bring-up command that
    /// hands the adapter its response queue. The firmware takes it only fresh from a reset.
    /// </summary>
    public static readonly FirmwareCommand IdentifyHostRrq = new(0xc4, "IDENTIFY_HOST_RRQ");

    /// <summary>How long ipr waits for an adapter command during bring-up.</summary>
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The host response queue, and whether the driver takes the adapter's interrupts yet.</summary>
    public sealed class State
    {
        public State(DmaBuffer hostRrq) => HostRrq = hostRrq;

        public DmaBuffer HostRrq { get; }

        /// <summary>ipr's <c>hrrq->allow_interrupts</c>: until bring-up is done, the handler does not service the adapter.</summary>
        public bool AllowInterrupts { get; set; }
    }

    /// <summary>
    /// Brings the IOA up as ipr_probe_ioa and its bring-up job do: enable, claim the BARs, install the
    /// interrupt handler, identify the host response queue to the firmware, then start DMA, let the
    /// handler service the adapter and unmask its interrupt. Firmware that is already operational
    /// rejects the identify, and the probe fails.
    /// </summary>
    public static void Start(PciDevice device)
    {
        device.EnableDevice();
        device.RequestRegions();
        device.RequestIrq(ServiceAdapter);
        var status = device.IssueMailboxCommand(IdentifyHostRrq, CommandTimeout);
        if (status != MailboxStatus.Success)
        {
            device.FreeIrq();
            device.ReleaseRegions();
            device.DisableDevice();
            throw new InvalidOperationException($"ipr: IOA bring-up failed, {IdentifyHostRrq} {status}");
        }

        var hostRrq = device.MapDma(pages: 2);
        device.SetMaster();
        device.StartDma(hostRrq);
        device.DriverData = new State(hostRrq) { AllowInterrupts = true };
        device.UnmaskInterrupts();
    }

    /// <summary>
    /// Brings the IOA down as ipr_shutdown does (ipr_initiate_ioa_bringdown): DMA off, interrupt masked,
    /// and the adapter back in the state a fresh bring-up expects.
    /// </summary>
    public static void Quiesce(PciDevice device)
    {
        device.StopDma();
        device.ClearMaster();
        device.MaskInterrupts();
        device.RestartFirmware();
    }

    /// <summary>Unbinds as ipr_remove does: bring the IOA down, then give back what probe took.</summary>
    public static void Stop(PciDevice device)
    {
        var state = (State)device.DriverData!;
        state.AllowInterrupts = false;
        Quiesce(device);
        device.FreeIrq();
        device.UnmapDma(state.HostRrq);
        device.ReleaseRegions();
        device.DisableDevice();
    }

    /// <summary>
    /// ipr_isr: an interrupt before bring-up finished is not the driver's to service (IRQ_NONE); after
    /// it, reading the response queue deasserts the adapter's interrupt.
    /// </summary>
    private static IrqReturn ServiceAdapter(Device device) =>
        device.DriverData is State { AllowInterrupts: true } ? IrqReturn.Handled : IrqReturn.None;
}
