using System;
using ShutdownAnalyzers.Hardware;

namespace ShutdownAnalyzers.DriverModel;

/// <summary>A PCI function as the kernel sees it (<c>struct pci_dev</c>).</summary>
public class PciDevice : MemoryMappedDevice
{
    public PciDevice(Kernel kernel, string name, PciFunction function, Device? parent = null)
        : base(kernel, name, function, parent)
    {
        Function = function;
    }

    public PciFunction Function { get; }

    public ushort VendorId => Function.VendorId;

    public ushort DeviceId => Function.DeviceId;

    public PciPowerState PowerState => Function.PowerState;

    public bool IsEnabled => Function.MemorySpaceEnabled;

    public bool IsBusMaster => Function.BusMasterEnabled;

    /// <summary>Powers the function to D0 and turns memory decoding on (<c>pci_enable_device</c>).</summary>
    public void EnableDevice()
    {
        Function.PowerState = PciPowerState.D0;
        Function.MemorySpaceEnabled = true;
    }

    /// <summary>Turns decoding and bus mastering off (<c>pci_disable_device</c>).</summary>
    [QuiescesDma]
    public void DisableDevice()
    {
        Function.BusMasterEnabled = false;
        Function.MemorySpaceEnabled = false;
    }

    /// <summary>Lets the function master the bus (<c>pci_set_master</c>).</summary>
    [EnablesDma]
    public void SetMaster() => Function.BusMasterEnabled = true;

    /// <summary>Stops the function mastering the bus (<c>pci_clear_master</c>).</summary>
    [QuiescesDma]
    public void ClearMaster() => Function.BusMasterEnabled = false;

    /// <summary>Changes the power state (<c>pci_set_power_state</c>); D3Hot and D3Cold power the function off.</summary>
    [PowersOff(WhenArgument = "state", AtLeast = (int)PciPowerState.D3Hot)]
    public void SetPowerState(PciPowerState state)
    {
        if (!Enum.IsDefined(state))
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "Not a PCI power state.");
        }

        Function.PowerState = state;
    }

    /// <summary>Function-level reset (<c>pcie_flr</c>): DMA stops, interrupts are masked, firmware restarts.</summary>
    [Resets]
    [QuiescesDma]
    [MasksInterrupt]
    public void FunctionReset() => Function.Reset();

    /// <summary>Saves config space (<c>pci_save_state</c>).</summary>
    public void SaveState() => Function.HasSavedState = true;

    /// <summary>Restores config space saved by <see cref="SaveState"/> (<c>pci_restore_state</c>).</summary>
    public void RestoreState()
    {
        if (!Function.HasSavedState)
        {
            throw new InvalidOperationException($"{Name}: no saved state to restore.");
        }

        Function.HasSavedState = false;
        Function.MemorySpaceEnabled = true;
    }

    /// <summary>Claims the function's BARs (<c>pci_request_regions</c>); fails while anyone holds them.</summary>
    [Acquires(DeviceResource.Region)]
    public void RequestRegions() => Kernel.Resources.Acquire(this, DeviceResource.Region, this);

    [Releases(DeviceResource.Region)]
    public void ReleaseRegions() => Kernel.Resources.Release(this, DeviceResource.Region, this);
}
