namespace ShutdownAnalyzers.Hardware;

/// <summary>
/// A PCIe hot-plug slot (pciehp). With slot power control the next kernel can power a function
/// that was left in D3cold back on and find it; without it such a function is gone until a cold boot.
/// Presence changes are signalled on the port's interrupt, a level interrupt that pciehp must service.
/// </summary>
public sealed class HotplugSlot
{
    public HotplugSlot(bool hasPowerControl, DeviceHardware? port = null)
    {
        HasPowerControl = hasPowerControl;
        Port = port;
    }

    public bool HasPowerControl { get; }

    /// <summary>The downstream port whose interrupt reports presence changes, if modelled.</summary>
    public DeviceHardware? Port { get; }

    /// <summary>The card was pulled out: the port raises its presence-detect-changed interrupt.</summary>
    internal void SignalPresenceChange() => Port?.Interrupt.Raise(Port.CanMasterBus);
}
