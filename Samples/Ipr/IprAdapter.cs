using System;
using System.Collections.Generic;
using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.Samples.Ipr;

/// <summary>What both forms of the ipr driver share: the IDs they bind, how the adapter is brought up and down.</summary>
public static class IprAdapter
{
    public const ushort IbmVendorId = 0x1014;

    /// <summary>PCI-E SAS RAID adapter, CROCODILE (sis64), one that <c>ipr_fast_reboot</c> applies to.</summary>
    public const ushort CrocodileDeviceId = 0x034a;

    public static readonly IReadOnlyList<PciDeviceId> Ids = new[] { new PciDeviceId(IbmVendorId, CrocodileDeviceId) };

    /// <summary>How long an adapter shutdown may take (IPR_SHUTDOWN_TIMEOUT with <c>ipr_fastfail</c>: 60 s).</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(60);

    /// <summary>What <c>ipr_initiate_ioa_bringdown</c> asks the adapter for.</summary>
    public enum ShutdownType
    {
        /// <summary>IPR_SHUTDOWN_NORMAL: the adapter writes its cache to the disks, then stops.</summary>
        Normal,

        /// <summary>IPR_SHUTDOWN_QUIESCE: the adapter only stops; the cache stays as it is (fast reboot).</summary>
        Quiesce,
    }

    /// <summary>The adapter's command and response queues, mapped for DMA in probe.</summary>
    public sealed class State
    {
        public State(DmaBuffer queues) => Queues = queues;

        public DmaBuffer Queues { get; }
    }

    /// <summary>
    /// Brings the adapter up as <c>ipr_probe</c> does: the adapter is reset first (ipr initialises it from a
    /// reset), then enabled, claimed, its queues mapped, its interrupt requested and DMA started.
    /// </summary>
    public static void Start(PciDevice device)
    {
        device.FunctionReset();
        device.EnableDevice();
        device.RequestRegions();
        var queues = device.MapDma(pages: 4);
        device.RequestIrq(static _ => IrqReturn.Handled);
        device.SetMaster();
        device.StartDma(queues);
        device.DriverData = new State(queues);
    }

    /// <summary>
    /// <c>ipr_shutdown</c> after the choice of shutdown type: bring the adapter down that way, then free
    /// the interrupt and disable the function, so the next kernel finds it idle.
    /// </summary>
    public static void ShutDown(PciDevice device, ShutdownType type)
    {
        BringDown(device, type);
        device.FreeIrq();
        device.DisableDevice();
    }

    /// <summary><c>ipr_remove</c>: a normal bringdown, which flushes the cache, then everything probe took is given back.</summary>
    public static void Stop(PciDevice device)
    {
        var state = (State)device.DriverData!;
        ShutDown(device, ShutdownType.Normal);
        device.UnmapDma(state.Queues);
        device.ReleaseRegions();
    }

    /// <summary>
    /// The IOA bringdown (<c>ipr_initiate_ioa_bringdown</c>): a normal shutdown has the adapter write its
    /// cache to the disks first; either way it stops its DMA and masks its interrupt.
    /// </summary>
    private static void BringDown(PciDevice device, ShutdownType type)
    {
        if (type == ShutdownType.Normal)
        {
            device.WriteCache?.Flush(ShutdownTimeout);
        }

        device.StopDma();
        device.ClearMaster();
        device.MaskInterrupts();
    }
}
