using System;

namespace ShutdownAnalyzers.DriverModel;

/// <summary>The marked method gives back a <see cref="DeviceResource"/> taken by an <see cref="AcquiresAttribute"/> method.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class ReleasesAttribute : Attribute
{
    public ReleasesAttribute(DeviceResource resource) => Resource = resource;

    public DeviceResource Resource { get; }
}
