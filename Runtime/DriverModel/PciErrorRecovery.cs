namespace ShutdownAnalyzers.DriverModel;

/// <summary>The state of the link to a device with an error (<c>pci_channel_state_t</c>).</summary>
public enum PciChannelState
{
    Normal,
    Frozen,
    PermanentFailure,
}

/// <summary>A driver's vote in error recovery (<c>pci_ers_result_t</c>).</summary>
public enum PciErsResult
{
    /// <summary>The driver has no error handler: recovery falls back to unbind, reset, rebind.</summary>
    None,
    CanRecover,
    NeedReset,
    Disconnect,
    Recovered,
}
