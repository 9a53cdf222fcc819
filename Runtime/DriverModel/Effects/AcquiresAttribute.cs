using System;

namespace ShutdownAnalyzers.DriverModel;

/// <summary>The marked method takes a <see cref="DeviceResource"/> that Remove must release.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class AcquiresAttribute : Attribute
{
    public AcquiresAttribute(DeviceResource resource) => Resource = resource;

    public DeviceResource Resource { get; }
}
