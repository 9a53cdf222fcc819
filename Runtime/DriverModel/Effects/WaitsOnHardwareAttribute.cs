using System;

namespace ShutdownAnalyzers.DriverModel;

/// <summary>
/// The marked method waits until the hardware answers. It waits for ever unless the parameter
/// named by <see cref="TimeoutParameter"/> gets a finite timeout; hardware that is gone never answers.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class WaitsOnHardwareAttribute : Attribute
{
    /// <summary>The parameter that bounds the wait; null or omitted means the method has none.</summary>
    public string? TimeoutParameter { get; set; }
}
