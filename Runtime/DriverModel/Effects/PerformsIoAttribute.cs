using System;

namespace ShutdownAnalyzers.DriverModel;

/// <summary>The marked method sends I/O to the device it is called on; a suspended device must not get any.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class PerformsIoAttribute : Attribute
{
}
