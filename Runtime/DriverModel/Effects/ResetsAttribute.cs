using System;

namespace ShutdownAnalyzers.DriverModel;

/// <summary>
/// The marked method resets the hardware: DMA stops, interrupts are masked and firmware returns to
/// the state a fresh probe expects. Volatile cached data is lost, so flush first.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class ResetsAttribute : Attribute
{
}
