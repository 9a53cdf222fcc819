using System;
using System.Collections.Generic;
using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Hardware;

namespace ShutdownAnalyzers.Samples.Nvme;

/// <summary>
/// What both forms of the nvme driver share (<c>drivers/nvme/host/core.c</c> and <c>pci.c</c>): the IDs,
/// enabling the controller, and taking it down with a shutdown notification.
/// </summary>
public static class NvmeCore
{
    public static readonly IReadOnlyList<PciDeviceId> Ids = new[] { new PciDeviceId(NvmeController.IntelVendorId, NvmeController.P3700DeviceId) };

    /// <summary>How long the controller may take to report CSTS.RDY (CAP.TO; nvme_wait_ready).</summary>
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(2);

    /// <summary>How long the controller may take to report its shutdown complete (the <c>shutdown_timeout</c> module parameter, 5 s).</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The admin and I/O queues, mapped for DMA in probe.</summary>
    public sealed class State
    {
        public State(DmaBuffer queues) => Queues = queues;

        public DmaBuffer Queues { get; }
    }

    /// <summary>
    /// Brings the controller up as <c>nvme_probe</c> and <c>nvme_enable_ctrl</c> do: enable the function,
    /// claim it, map the queues, request the interrupt, set CC.EN and wait for CSTS.RDY, start the queues.
    /// </summary>
    public static void Start(PciDevice device)
    {
        device.EnableDevice();
        device.RequestRegions();
        var queues = device.MapDma(pages: 2);
        device.RequestIrq(static _ => IrqReturn.Handled);
        device.SetMaster();
        device.WriteRegister(NvmeController.Cc, NvmeController.CcEnable);
        if (!device.WaitForRegister(NvmeController.Csts, NvmeController.CstsReady, NvmeController.CstsReady, ReadyTimeout))
        {
            device.FreeIrq();
            device.UnmapDma(queues);
            device.ReleaseRegions();
            device.DisableDevice();
            throw new InvalidOperationException("Device not ready; aborting initialisation, CSTS=0x" + device.ReadRegister(NvmeController.Csts).ToString("x"));
        }

        device.StartDma(queues);
        device.DriverData = new State(queues);
    }

    /// <summary>
    /// <c>nvme_dev_disable(dev, shutdown = true)</c>: a normal shutdown notification (CC.SHN), a wait of at
    /// most <paramref name="shutdownTimeout"/> for CSTS.SHST to report it complete, then the queues stopped,
    /// the interrupt freed and the function disabled. A wait that times out goes on with the teardown.
    /// </summary>
    public static void Disable(PciDevice device, TimeSpan shutdownTimeout)
    {
        device.WriteRegister(NvmeController.Cc, NvmeController.CcEnable | NvmeController.CcShutdownNormal);
        device.WaitForRegister(NvmeController.Csts, NvmeController.CstsShutdownMask, NvmeController.CstsShutdownComplete, shutdownTimeout);
        device.StopDma();
        device.ClearMaster();
        device.FreeIrq();
        device.DisableDevice();
    }

    /// <summary><c>nvme_remove</c> after the controller is disabled: give back the queues and the regions.</summary>
    public static void Release(PciDevice device)
    {
        var state = (State)device.DriverData!;
        device.UnmapDma(state.Queues);
        device.ReleaseRegions();
    }
}
