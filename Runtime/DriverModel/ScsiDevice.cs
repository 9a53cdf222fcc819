using System;
using ShutdownAnalyzers.Hardware;

namespace ShutdownAnalyzers.DriverModel;

/// <summary>
/// A SCSI disk (<c>struct scsi_device</c>): a child of its host adapter, which is itself a PCI
/// device, so the disk is shut down and suspended before the adapter.
/// </summary>
public class ScsiDevice : Device
{
    public ScsiDevice(Kernel kernel, string name, ScsiDisk disk, Device host)
        : base(kernel, name, host ?? throw new ArgumentNullException(nameof(host)))
    {
        ArgumentNullException.ThrowIfNull(disk);
        Disk = disk;
    }

    public ScsiDisk Disk { get; }

    /// <summary>Spins the disk up (START STOP UNIT, start=1).</summary>
    public void StartUnit()
    {
        Disk.Spinning = true;
        Disk.HeadsParked = false;
    }

    /// <summary>Spins the disk down and parks the heads (START STOP UNIT, start=0): powered off for the next kernel.</summary>
    [PowersOff]
    public void StopUnit()
    {
        Disk.Spinning = false;
        Disk.HeadsParked = true;
    }
}
