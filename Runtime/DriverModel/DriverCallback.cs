namespace ShutdownAnalyzers.DriverModel;

/// <summary>The lifecycle callbacks a driver may implement.</summary>
public enum DriverCallback
{
    Probe,
    Remove,
    Shutdown,
    Suspend,
    Resume,
}
