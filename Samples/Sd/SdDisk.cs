using System;
using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.Samples.Sd;

/// <summary>What both forms of the sd driver share.</summary>
public static class SdDisk
{
    /// <summary>SD_TIMEOUT: how long sd waits for a command such as SYNCHRONIZE CACHE.</summary>
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// sd_revalidate_disk: reads the capacity and partition table. A disk the previous kernel
    /// stopped answers "not ready": the model's probe does not spin disks up.
    /// </summary>
    public static void Revalidate(ScsiDevice device) => device.Read(0);

    /// <summary>sd_sync_cache: what the disk acknowledged goes to the platters; a disk that is gone fails it within the timeout.</summary>
    public static void SynchronizeCache(ScsiDevice device) => device.WriteCache?.Flush(CommandTimeout);
}
