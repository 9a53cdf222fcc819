using System;
using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.KernelCore;

namespace ShutdownAnalyzers.DriverModel;

/// <summary>A PCI function as the kernel sees it (<c>struct pci_dev</c>).</summary>
public class PciDevice : MemoryMappedDevice
{
    public PciDevice(Kernel kernel, string name, PciFunction function, Device? parent = null)
        : base(kernel, name, function, parent)
    {
    }

    /// <summary>The function behind the device: its <see cref="MemoryMappedDevice.Hardware"/>, not kept twice on every device.</summary>
    public PciFunction Function => (PciFunction)Hardware;

    public ushort VendorId => Function.VendorId;

    public ushort DeviceId => Function.DeviceId;

    public PciPowerState PowerState => Function.PowerState;

    public bool IsEnabled => Function.MemorySpaceEnabled;

    [IndicatesRunning]
    public bool IsBusMaster => Function.BusMasterEnabled;

    /// <summary>
    /// The kernel knows the power state (<c>pci_dev->current_state != PCI_UNKNOWN</c>): not before a
    /// driver enabled the function, and not after Remove left it in D0 (<c>pci_device_remove</c>).
    /// The PCI core's kexec step leaves functions in an unknown state alone.
    /// </summary>
    internal bool PowerStateKnown { get; set; }

    internal override bool CanAnswer => Function.IsActive;

    /// <summary>Powers the function to D0 and turns memory decoding on (<c>pci_enable_device</c>).</summary>
    public void EnableDevice()
    {
        Access(nameof(EnableDevice), BusAccessKind.Control);
        Function.PowerUp();
        Function.MemorySpaceEnabled = Function.IsPresent;
        PowerStateKnown = true;
    }

    /// <summary>Turns decoding and bus mastering off (<c>pci_disable_device</c>).</summary>
    [QuiescesDma]
    public void DisableDevice()
    {
        Access(nameof(DisableDevice), BusAccessKind.Control);
        Function.BusMasterEnabled = false;
        Function.MemorySpaceEnabled = false;
    }

    /// <summary>Lets the function master the bus (<c>pci_set_master</c>).</summary>
    [EnablesDma]
    public void SetMaster()
    {
        Access(nameof(SetMaster), BusAccessKind.Control);
        Function.BusMasterEnabled = Function.IsPresent;
    }

    /// <summary>Stops the function mastering the bus (<c>pci_clear_master</c>).</summary>
    [QuiescesDma]
    public void ClearMaster()
    {
        Access(nameof(ClearMaster), BusAccessKind.Control);
        Function.BusMasterEnabled = false;
    }

    /// <summary>
    /// Changes the power state (<c>pci_set_power_state</c>); D3Hot and D3Cold power the function off.
    /// In D3cold the function has no power at all: a volatile cache loses its contents, and after
    /// kexec the next kernel does not find the function unless its slot can power it back on.
    /// </summary>
    [PowersOff(WhenArgument = "state", AtLeast = (int)PciPowerState.D3Hot)]
    public void SetPowerState(PciPowerState state)
    {
        if (!Enum.IsDefined(state))
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "Not a PCI power state.");
        }

        Access(nameof(SetPowerState), BusAccessKind.Control);
        var actor = Actor($"SetPowerState({state})");
        Function.EnterPowerState(state, actor);
        PowerStateKnown = true;
        Kernel.Context.Observer?.Note(this, actor);
    }

    /// <summary>How long <c>pcie_flr</c> sleeps before the function may be touched again.</summary>
    public const int ResetRecoveryMs = 100;

    /// <summary>
    /// Function-level reset (<c>pcie_flr</c>): DMA stops, interrupts are masked, firmware restarts;
    /// then the 100 ms the PCIe specification gives the function to come back.
    /// </summary>
    [Resets]
    [QuiescesDma]
    [MasksInterrupt]
    public void FunctionReset()
    {
        Access(nameof(FunctionReset), BusAccessKind.Control);
        if (Function.IsPresent)
        {
            Function.Reset(Actor("FunctionReset()"));
        }

        Kernel.Context.Clock.Advance(ResetRecoveryMs);
    }

    /// <summary>Saves config space, including the command bits (<c>pci_save_state</c>).</summary>
    public void SaveState()
    {
        Access(nameof(SaveState), BusAccessKind.Control);
        Function.SaveCommand();
    }

    /// <summary>Restores config space saved by <see cref="SaveState"/>, command bits included (<c>pci_restore_state</c>).</summary>
    public void RestoreState()
    {
        Access(nameof(RestoreState), BusAccessKind.Control);
        if (!Function.HasSavedState)
        {
            throw new InvalidOperationException($"{Name}: no saved state to restore.");
        }

        Function.RestoreCommand();
    }

    /// <summary>Claims the function's BARs (<c>pci_request_regions</c>); fails while anyone holds them.</summary>
    [Acquires(DeviceResource.Region)]
    public void RequestRegions() => Kernel.Resources.Acquire(this, DeviceResource.Region, this);

    [Releases(DeviceResource.Region)]
    public void ReleaseRegions() => Kernel.Resources.Release(this, DeviceResource.Region, this);

    /// <summary>As <c>pci_device_remove</c>: a function the driver left in D0 is in an unknown state now.</summary>
    internal override void OnDriverRemoved()
    {
        if (Function.PowerState == PciPowerState.D0)
        {
            PowerStateKnown = false;
        }
    }
}
