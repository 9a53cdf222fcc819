using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.Hardware;

/// <summary>One PCI function: its config-space command bits, power state and the parts behind them.</summary>
public class PciFunction : DeviceHardware
{
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

    /// <summary>Function-level reset: command bits cleared, DMA stopped, interrupts masked.</summary>
    public override void Reset()
    {
        base.Reset();
        MemorySpaceEnabled = false;
        BusMasterEnabled = false;
        PowerState = PciPowerState.D0;
    }
}
