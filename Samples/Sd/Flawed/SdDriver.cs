using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.Samples.Sd.Flawed;

/// <summary>
/// sd with the stop made unconditional: Shutdown synchronizes the cache, then spins the disk down
/// and parks its heads even when the system restarts, so after kexec the next kernel's probe
/// finds the disk not ready (SHD002).
/// </summary>
public sealed class SdDriver : ScsiDriver
{
    public override string Name => "sd";

    public override void Probe(ScsiDevice device) => SdDisk.Revalidate(device);

    /// <summary>sd_remove: what is cached goes to the media before the disk goes away.</summary>
    public override void Remove(ScsiDevice device) => SdDisk.SynchronizeCache(device);

    public override void Shutdown(ScsiDevice device)
    {
        SdDisk.SynchronizeCache(device);
        device.StopUnit();
    }
}
