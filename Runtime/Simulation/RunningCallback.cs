namespace ShutdownAnalyzers.Simulation;

/// <summary>Driver code a simulation is running: which callback, of which driver, for which device.</summary>
public sealed record RunningCallback(string Device, string Driver, string Callback)
{
    /// <summary>"igb Shutdown(0000:01:00.0)", as evidence names driver code.</summary>
    public override string ToString() => $"{Driver} {Callback}({Device})";
}
