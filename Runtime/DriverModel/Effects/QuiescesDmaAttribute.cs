using System;

namespace ShutdownAnalyzers.DriverModel;

/// <summary>The marked method stops the device's DMA (bus mastering off, engine stopped, function reset).</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class QuiescesDmaAttribute : Attribute
{
}
