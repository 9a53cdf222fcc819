using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.Samples.Sd.Fixed;

/// <summary>
/// sd as the kernel has it (<c>sd_shutdown</c>): synchronize the write cache always, and stop the
/// disk (spin down, park the heads) only when the system is not restarting, so kexec and reboot
/// hand the next kernel a spinning disk.
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
        if (device.Kernel.SystemState == SystemState.PowerOff)
        {
            device.StopUnit();
        }
    }
}
