using System.Collections.Generic;
using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.Samples.Mlx5.Fixed;

/// <summary>
/// mlx5_core as the kernel has it: <c>shutdown()</c> unloads like remove does — drain the health work,
/// tear the HCA down (mlx5_try_fast_unload), free the interrupts, disable the function — and skips only
/// the freeing of kernel memory.
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
        Mlx5Core.FastTeardownHca(device);
        Mlx5Core.FreeEqIrqs(device);
        device.DisableDevice();
    }
}
