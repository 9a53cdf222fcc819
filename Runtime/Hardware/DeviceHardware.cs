using System.Collections.Generic;

namespace ShutdownAnalyzers.Hardware;

/// <summary>
/// The physical side of a memory-mapped device: what survives a kexec, because nothing resets it
/// but the device's own driver (or firmware on a real reboot).
/// </summary>
public abstract class DeviceHardware : HardwareUnit
{
    private readonly SortedDictionary<int, uint> registers = new();
    private readonly bool cannotBeDisabled;

    protected DeviceHardware(InterruptMode interruptMode)
    {
        Interrupt = new InterruptLine(interruptMode);
        Dma = new DmaEngine();
    }

    public InterruptLine Interrupt { get; }

    public DmaEngine Dma { get; }

    /// <summary>Firmware that accepts mailbox commands only in some states, if the device has one.</summary>
    public FirmwareStateMachine? Firmware { get; init; }

    /// <summary>
    /// The device raises its interrupt every this many milliseconds while it is active (a status or
    /// heartbeat interrupt), whether or not anyone services it; 0 for never.
    /// </summary>
    public int InterruptEveryMs { get; init; }

    /// <summary>
    /// With <see cref="InterruptEveryMs"/>: the device raises that interrupt only while its firmware is
    /// in this state (a RAID adapter posts completions once it is operational, not fresh from a reset);
    /// null for always.
    /// </summary>
    public string? InterruptsInFirmwareState { get; init; }

    /// <summary>The device raises its periodic interrupt now: active, and its firmware (if it names a state) in that state.</summary>
    internal bool RaisesPeriodicInterrupt =>
        InterruptEveryMs > 0 && IsActive && (InterruptsInFirmwareState is null || Firmware?.State == InterruptsInFirmwareState);

    /// <summary>
    /// Its DMA cannot be stopped by its driver or by a device reset, only by a platform reset or power
    /// loss: a GICv3 ITS keeps writing its pending tables (seed 002).
    /// </summary>
    public bool CannotBeDisabled
    {
        get => cannotBeDisabled;
        init
        {
            cannotBeDisabled = value;
            Dma.CannotBeStopped = value;
        }
    }

    /// <summary>The device may write to memory now: present, powered, and not stopped by its bus.</summary>
    public virtual bool CanMasterBus => IsPresent;

    /// <summary>The device runs and can raise interrupts.</summary>
    public virtual bool IsActive => IsPresent;

    /// <summary>A reset of the device: DMA stopped, interrupt deasserted and masked, firmware restarted.</summary>
    public override void Reset()
    {
        base.Reset();
        ResetInternals();
    }

    /// <summary>The device restarts its own firmware: as a reset, but the bus (PCI config space) is untouched.</summary>
    internal void RestartFirmware(string cause)
    {
        LoseVolatileCache(cause);
        ResetInternals();
    }

    internal uint ReadRegister(int offset) => registers.TryGetValue(offset, out var value) ? value : 0;

    internal void WriteRegister(int offset, uint value) => registers[offset] = value;

    internal override void LosePower(string cause)
    {
        base.LosePower(cause);
        Dma.PowerOff();
    }

    internal override void PowerOn()
    {
        base.PowerOn();
        registers.Clear();
        Interrupt.Asserted = false;
        Interrupt.MaskedAtDevice = false;
        Firmware?.Reset();
    }

    private void ResetInternals()
    {
        registers.Clear();
        Dma.Reset();
        Interrupt.Asserted = false;
        Interrupt.MaskedAtDevice = true;
        Firmware?.Reset();
    }
}
