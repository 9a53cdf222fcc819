using System;

namespace ShutdownAnalyzers.DriverModel;

/// <summary>The marked method writes a device's cached data to media, so acknowledged writes survive a reset.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class FlushesCacheAttribute : Attribute
{
}
