namespace ShutdownAnalyzers.DriverModel;

/// <summary>PCI function power states. D3Hot and D3Cold power the function off.</summary>
public enum PciPowerState
{
    D0,
    D1,
    D2,
    D3Hot,
    D3Cold,
}
