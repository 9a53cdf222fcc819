namespace ShutdownAnalyzers.Hardware;

/// <summary>How a device signals: INTx is level-triggered, MSI is an edge (a memory write).</summary>
public enum InterruptMode
{
    /// <summary>Level: stays asserted until the device is serviced; unhandled, it storms.</summary>
    Intx,

    /// <summary>Edge: a message; one left pending is mostly harmless.</summary>
    Msi,
}

/// <summary>The device side of an interrupt: whether it is asserted and whether the device masks it.</summary>
public sealed class InterruptLine
{
    public InterruptLine(InterruptMode mode) => Mode = mode;

    public InterruptMode Mode { get; private set; }

    public bool IsLevelTriggered => Mode == InterruptMode.Intx;

    /// <summary>The interrupt controller line (or MSI vector) this interrupt arrives on; the machine assigns it.</summary>
    public int Irq { get; internal set; }

    /// <summary>The device wants service (for MSI: a message is pending delivery).</summary>
    public bool Asserted { get; internal set; }

    /// <summary>The device's own interrupt-disable bit (INTx disable, MSI mask).</summary>
    public bool MaskedAtDevice { get; internal set; }

    /// <summary>Asserted and not masked: the interrupt reaches the interrupt controller.</summary>
    public bool Signalling => Asserted && !MaskedAtDevice;

    /// <summary>The machine wires the device to a level-triggered line instead (legacy INTx, <c>pci=nomsi</c>).</summary>
    internal void UseLevelTrigger() => Mode = InterruptMode.Intx;

    /// <summary>
    /// The device raises its interrupt. An MSI is a memory write, so without bus mastering it is
    /// never sent; INTx is a wire and needs nothing.
    /// </summary>
    internal void Raise(bool canMasterBus)
    {
        if (IsLevelTriggered || canMasterBus)
        {
            Asserted = true;
        }
    }

    /// <summary>The handler serviced the device: the level drops, the message is consumed.</summary>
    internal void Service() => Asserted = false;
}
