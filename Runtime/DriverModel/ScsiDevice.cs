using System;
using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.KernelCore;

namespace ShutdownAnalyzers.DriverModel;

/// <summary>
/// A SCSI disk (<c>struct scsi_device</c>): a child of its host adapter, which is itself a PCI
/// device, so the disk is shut down and suspended before the adapter. Every command to the disk
/// passes through the host.
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

    internal override HardwareUnit Unit => Disk;

    internal override bool CanAnswer => Disk.IsPresent && (Parent?.CanAnswer ?? true);

    /// <summary>A command to the disk goes through its host adapter.</summary>
    internal override Device? CommandsPassThrough => Parent;

    /// <summary>Spins the disk up (START STOP UNIT, start=1).</summary>
    [PerformsIo]
    public void StartUnit()
    {
        Access(nameof(StartUnit), BusAccessKind.Io);
        if (CanAnswer)
        {
            Disk.Spinning = true;
            Disk.HeadsParked = false;
        }
    }

    /// <summary>Spins the disk down and parks the heads (START STOP UNIT, start=0): powered off for the next kernel.</summary>
    [PowersOff]
    [PerformsIo]
    public void StopUnit()
    {
        Access(nameof(StopUnit), BusAccessKind.Io);
        if (CanAnswer)
        {
            Disk.Spinning = false;
            Disk.HeadsParked = true;
            Kernel.Context.Observer?.Note(this, "stopped: spindle down, heads parked");
        }
    }

    /// <summary>Reads a block (READ). A stopped disk answers NOT READY until started.</summary>
    [PerformsIo]
    public void Read(long block)
    {
        Access(nameof(Read), BusAccessKind.Io);
        EnsureReady(block);
    }

    /// <summary>Writes a block (WRITE): acknowledged once it is in the disk's write cache, if it has one.</summary>
    [PerformsIo]
    public void Write(long block)
    {
        Access(nameof(Write), BusAccessKind.Io);
        EnsureReady(block);
        Disk.WriteCache?.Acknowledge(block, Kernel.Context.Clock.NowMs);
    }

    private void EnsureReady(long block)
    {
        if (!CanAnswer)
        {
            throw new DeviceIoException($"{Name}: block {block}: the device does not answer.");
        }

        if (!Disk.Spinning)
        {
            throw new DeviceIoException($"{Name}: block {block}: Logical unit not ready, initializing command required.");
        }
    }
}
