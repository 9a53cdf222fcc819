using System.Collections.Generic;
using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.Samples.Mlx5.Flawed;

/// <summary>
/// mlx5_core with a Shutdown that prepares for kexec but never tears the HCA down: it stops the health
/// poll and frees the interrupts, and counts on the PCI core's clear-master to stop the DMA. This HCA's
/// DMA ignores the bus-master bit, so it keeps writing into memory the next kernel owns (SHD003).
/// </summary>
public sealed class Mlx5Driver : PciDriver
{
    public override string Name => "mlx5_core";

    public override IReadOnlyList<PciDeviceId> IdTable => Mlx5Core.Ids;

    public override void Probe(PciDevice device) => Mlx5Core.InitOne(device);

    public override void Remove(PciDevice device) => Mlx5Core.RemoveOne(device);

    public override void Suspend(PciDevice device) => Mlx5Core.UnloadOne(device);

    public override void Resume(PciDevice device) => Mlx5Core.LoadOne(device);

    public override void Shutdown(PciDevice device)
    {
        Mlx5Core.DrainHealthWq(device);
        Mlx5Core.FreeEqIrqs(device);
    }
}
