using System.Collections.Generic;
using System.Linq;

namespace ShutdownAnalyzers.Hardware;

/// <summary>
/// The physical side of a memory-mapped device: what survives a kexec, because nothing resets it
/// but the device's own driver (or firmware on a real reboot).
/// </summary>
public abstract class DeviceHardware : HardwareUnit
{
    private readonly bool cannotBeDisabled;
    private int interruptEveryMs;

    // Made when a register is first written or changes: most devices of a big machine never have one.
    private Dictionary<int, uint>? registers;
    private List<RegisterChange>? pendingChanges;

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
    public int InterruptEveryMs
    {
        get => interruptEveryMs;
        init => interruptEveryMs = value;
    }

    /// <summary>
    /// With <see cref="InterruptEveryMs"/>: the device raises that interrupt only while its firmware is
    /// in this state (a RAID adapter posts completions once it is operational, not fresh from a reset);
    /// null for always.
    /// </summary>
    public string? InterruptsInFirmwareState { get; init; }

    /// <summary>The machine gives a device without a periodic interrupt one: a status event every <paramref name="everyMs"/>.</summary>
    internal void RaiseStatusEventsEvery(int everyMs)
    {
        if (interruptEveryMs == 0)
        {
            interruptEveryMs = everyMs;
        }
    }

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

    /// <summary>Reads a register at <paramref name="nowMs"/>: changes the device made by then are visible.</summary>
    internal uint ReadRegister(int offset, long nowMs)
    {
        ApplyChangesUntil(nowMs);
        return registers is not null && registers.TryGetValue(offset, out var value) ? value : 0;
    }

    /// <summary>Writes a register at <paramref name="nowMs"/>; the device may start something that changes other registers later.</summary>
    internal void WriteRegister(int offset, uint value, long nowMs)
    {
        ApplyChangesUntil(nowMs);
        registers ??= new Dictionary<int, uint>();
        var previous = registers.TryGetValue(offset, out var old) ? old : 0;
        registers[offset] = value;
        OnRegisterWritten(offset, previous, value, nowMs);
    }

    /// <summary>
    /// When the bits <paramref name="mask"/> of register <paramref name="offset"/> will read
    /// <paramref name="expected"/>, if nothing else is written: <paramref name="nowMs"/> when they do
    /// already, the time of the change the device has under way that makes them so, or null for never.
    /// </summary>
    internal long? WhenRegisterMatches(int offset, uint mask, uint expected, long nowMs)
    {
        ApplyChangesUntil(nowMs);
        var value = registers is not null && registers.TryGetValue(offset, out var current) ? current : 0;
        if ((value & mask) == (expected & mask))
        {
            return nowMs;
        }

        foreach (var change in pendingChanges ?? Enumerable.Empty<RegisterChange>())
        {
            if (change.Offset != offset)
            {
                continue;
            }

            value = (value & ~change.Mask) | (change.Value & change.Mask);
            if ((value & mask) == (expected & mask))
            {
                return change.AtMs;
            }
        }

        return null;
    }

    /// <summary>
    /// What the device does when a register is written: a controller starts the work the write asks
    /// for and reports it done later through <see cref="ScheduleRegisterChange"/>. Nothing by default.
    /// </summary>
    protected virtual void OnRegisterWritten(int offset, uint previous, uint value, long nowMs)
    {
    }

    /// <summary>
    /// The device itself sets the bits <paramref name="mask"/> of register <paramref name="offset"/> to
    /// <paramref name="value"/> at <paramref name="atMs"/> (a ready or shutdown-complete bit). A reset or
    /// power loss before then cancels it.
    /// </summary>
    protected void ScheduleRegisterChange(int offset, uint mask, uint value, long atMs)
    {
        pendingChanges ??= new List<RegisterChange>();
        var index = pendingChanges.FindLastIndex(c => c.AtMs <= atMs) + 1;
        pendingChanges.Insert(index, new RegisterChange(offset, mask, value, atMs));
    }

    internal override void LosePower(string cause)
    {
        base.LosePower(cause);
        Dma.PowerOff();
    }

    internal override void PowerOn()
    {
        base.PowerOn();
        registers?.Clear();
        pendingChanges?.Clear();
        Interrupt.Asserted = false;
        Interrupt.MaskedAtDevice = false;
        Firmware?.Reset();
    }

    private void ResetInternals()
    {
        registers?.Clear();
        pendingChanges?.Clear();
        Dma.Reset();
        Interrupt.Asserted = false;
        Interrupt.MaskedAtDevice = true;
        Firmware?.Reset();
    }

    private void ApplyChangesUntil(long nowMs)
    {
        if (pendingChanges is null)
        {
            return;
        }

        var due = 0;
        while (due < pendingChanges.Count && pendingChanges[due].AtMs <= nowMs)
        {
            var change = pendingChanges[due++];
            registers ??= new Dictionary<int, uint>();
            var old = registers.TryGetValue(change.Offset, out var current) ? current : 0;
            registers[change.Offset] = (old & ~change.Mask) | (change.Value & change.Mask);
        }

        pendingChanges.RemoveRange(0, due);
    }

    /// <summary>A register change the device has under way: bits, new value, when.</summary>
    private readonly record struct RegisterChange(int Offset, uint Mask, uint Value, long AtMs);
}
