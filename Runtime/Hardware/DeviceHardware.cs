namespace ShutdownAnalyzers.Hardware;

/// <summary>
/// The physical side of a device: what survives a kexec, because nothing resets it but the
/// device's own driver (or firmware on a real reboot).
/// </summary>
public abstract class DeviceHardware
{
    protected DeviceHardware(InterruptMode interruptMode)
    {
        Interrupt = new InterruptLine(interruptMode);
        Dma = new DmaEngine();
    }

    public InterruptLine Interrupt { get; }

    public DmaEngine Dma { get; }

    /// <summary>A reset of the device: DMA stopped, interrupt deasserted and masked.</summary>
    public virtual void Reset()
    {
        Dma.Reset();
        Interrupt.Asserted = false;
        Interrupt.MaskedAtDevice = true;
    }
}
