using System.Collections.Generic;
using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.Samples.Mlx5;

/// <summary>
/// What both forms of mlx5_core share: the IDs they bind and the steps of bringing a ConnectX HCA up
/// and down, named after the functions in drivers/net/ethernet/mellanox/mlx5/core/main.c.
/// </summary>
public static class Mlx5Core
{
    public const ushort MellanoxVendorId = 0x15b3;

    /// <summary>ConnectX-4.</summary>
    public const ushort ConnectX4DeviceId = 0x1013;

    public static readonly IReadOnlyList<PciDeviceId> Ids = new[] { new PciDeviceId(MellanoxVendorId, ConnectX4DeviceId) };

    /// <summary>The HCA's command, event and work queues, mapped for DMA in probe, and the health poll.</summary>
    public sealed class State
    {
        public State(DmaBuffer queues) => Queues = queues;

        public DmaBuffer Queues { get; }

        /// <summary>The periodic firmware health check runs (mlx5_start_health_poll).</summary>
        public bool HealthPollRunning { get; set; } = true;
    }

    /// <summary>init_one: enable the function and claim its BARs, then load the HCA.</summary>
    public static void InitOne(PciDevice device)
    {
        device.EnableDevice();
        device.RequestRegions();
        LoadOne(device);
    }

    /// <summary>
    /// mlx5_load_one: map the queues, request the event-queue interrupt, enable bus mastering and start
    /// the HCA, which then DMAs into the queues on its own.
    /// </summary>
    public static void LoadOne(PciDevice device)
    {
        var queues = device.MapDma(pages: 4);
        device.RequestIrq(static _ => IrqReturn.Handled);
        device.SetMaster();
        device.StartDma(queues);
        device.DriverData = new State(queues);
    }

    /// <summary>mlx5_drain_health_wq: no more health checks. Software only; the HCA keeps running.</summary>
    public static void DrainHealthWq(PciDevice device) => ((State)device.DriverData!).HealthPollRunning = false;

    /// <summary>
    /// mlx5_cmd_fast_teardown_hca, the heart of mlx5_try_fast_unload: the firmware tears the HCA down,
    /// which "will stop the PCI bus communication with the HCA" — its DMA stops.
    /// </summary>
    public static void FastTeardownHca(PciDevice device) => device.StopDma();

    /// <summary>
    /// mlx5_core_eq_free_irqs: "Some platforms requiring freeing the IRQ's in the shutdown flow. If they
    /// aren't freed they can't be allocated after kexec."
    /// </summary>
    public static void FreeEqIrqs(PciDevice device) => device.FreeIrq();

    /// <summary>mlx5_unload_one: tear the HCA down and give back its queues and interrupt.</summary>
    public static void UnloadOne(PciDevice device)
    {
        var state = (State)device.DriverData!;
        DrainHealthWq(device);
        FastTeardownHca(device);
        FreeEqIrqs(device);
        device.UnmapDma(state.Queues);
    }

    /// <summary>remove_one: unload the HCA, then give back the BARs and disable the function.</summary>
    public static void RemoveOne(PciDevice device)
    {
        UnloadOne(device);
        device.ReleaseRegions();
        device.DisableDevice();
    }
}
