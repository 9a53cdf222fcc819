using System;

namespace ShutdownAnalyzers.DriverModel;

/// <summary>The marked method stops the device's interrupt reaching the CPU (disabled, masked at the device, or reset).</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class MasksInterruptAttribute : Attribute
{
}
