using System;
using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.Hardware;

/// <summary>One PCI function: its config-space command bits, power state and the parts behind them.</summary>
public class PciFunction : DeviceHardware
{
    private bool honorsBusMasterDisable = true;

    public PciFunction(ushort vendorId, ushort deviceId, InterruptMode interruptMode = InterruptMode.Msi)
        : base(interruptMode)
    {
        VendorId = vendorId;
        DeviceId = deviceId;
    }

    public ushort VendorId { get; }

    public ushort DeviceId { get; }

    /// <summary>Command register: memory space decoding on.</summary>
    public bool MemorySpaceEnabled { get; internal set; }

    /// <summary>Command register: the function may master the bus (and so DMA).</summary>
    public bool BusMasterEnabled { get; internal set; }

    public PciPowerState PowerState { get; internal set; } = PciPowerState.D0;

    /// <summary>True while config space saved by the driver waits to be restored.</summary>
    public bool HasSavedState { get; internal set; }

    /// <summary>
    /// False for hardware whose DMA ignores the bus-master bit, so the PCI core's clear-master at
    /// kexec does not stop it (seed 002: "the generic pci dma disable bit doesn't work uniformly").
    /// </summary>
    public bool HonorsBusMasterDisable
    {
        get => honorsBusMasterDisable;
        init => honorsBusMasterDisable = value;
    }

    /// <summary>
    /// True on systems whose platform removes a function's power once it is in D3hot (ACPI power
    /// resources for the slot, _PR3: pci_set_power_state goes on to pci_platform_power_transition),
    /// so D3hot ends in D3cold — seed 000: "switching devices into D3 on some systems".
    /// </summary>
    public bool PlatformRemovesPowerInD3Hot { get; init; }

    /// <summary>The hot-plug slot the function sits in, if any.</summary>
    public HotplugSlot? Slot { get; init; }

    /// <summary>An error froze the link (EEH, zPCI, AER): reads return all ones, DMA is blocked.</summary>
    public bool IsFrozen { get; internal set; }

    public override bool CanMasterBus =>
        IsPresent && !IsFrozen && PowerState == PciPowerState.D0 && (BusMasterEnabled || !HonorsBusMasterDisable);

    public override bool IsActive => IsPresent && !IsFrozen && PowerState == PciPowerState.D0;

    /// <summary>Config space answers: a function in D3cold, or pulled out, reads as all ones and is not found.</summary>
    public bool RespondsToConfig => IsPresent && PowerState != PciPowerState.D3Cold;

    internal (bool Memory, bool Master)? SavedCommand { get; private set; }

    /// <summary>What put the function in D3cold last ("SetPowerState(D3Cold) in igb Shutdown(…)"), for evidence.</summary>
    internal string? PoweredOffBy { get; private set; }

    /// <summary>The machine declares the function on hardware whose DMA ignores the bus-master bit.</summary>
    internal void IgnoreBusMasterDisable() => honorsBusMasterDisable = false;

    /// <summary>Function-level reset: command bits cleared, DMA stopped, interrupts masked.</summary>
    public override void Reset()
    {
        base.Reset();
        MemorySpaceEnabled = false;
        BusMasterEnabled = false;
        PowerState = PciPowerState.D0;
        IsFrozen = false;
    }

    /// <summary>Moves to <paramref name="state"/>: entering D3cold removes power, leaving it powers up afresh.</summary>
    internal void EnterPowerState(PciPowerState state, string cause)
    {
        if (state == PciPowerState.D3Hot && PlatformRemovesPowerInD3Hot)
        {
            state = PciPowerState.D3Cold;
        }

        var previous = PowerState;
        if (state == PciPowerState.D3Cold && previous != PciPowerState.D3Cold)
        {
            LosePower(cause);
            PoweredOffBy = cause;
        }
        else if (previous == PciPowerState.D3Cold && state != PciPowerState.D3Cold)
        {
            PowerOn();
        }

        PowerState = state;
    }

    /// <summary>
    /// Moves to D0, as <see cref="EnterPowerState"/> does: from D3cold it powers up afresh. Nothing is
    /// lost on the way up, so no cause is asked for (every probe enables its function).
    /// </summary>
    internal void PowerUp() => EnterPowerState(PciPowerState.D0, cause: "");

    internal void SaveCommand()
    {
        SavedCommand = (MemorySpaceEnabled, BusMasterEnabled);
        HasSavedState = true;
    }

    internal void RestoreCommand()
    {
        if (!HasSavedState || SavedCommand is not { } saved)
        {
            throw new InvalidOperationException($"{Name}: no saved state to restore.");
        }

        MemorySpaceEnabled = saved.Memory;
        BusMasterEnabled = saved.Master;
        HasSavedState = false;
    }

    internal override void LosePower(string cause)
    {
        base.LosePower(cause);
        MemorySpaceEnabled = false;
        BusMasterEnabled = false;
        IsFrozen = false;
        PowerState = PciPowerState.D3Cold;
    }

    internal override void PowerOn()
    {
        base.PowerOn();
        PowerState = PciPowerState.D0;
    }
}
