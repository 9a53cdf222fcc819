using System;

namespace ShutdownAnalyzers.DriverModel;

/// <summary>How the kernel core calls a driver without knowing its device type.</summary>
internal interface IDriverBinding : IDriver
{
    Type DeviceType { get; }

    /// <summary>The driver cannot be unbound or bound through sysfs.</summary>
    bool SuppressBindAttributes { get; }

    bool Matches(Device device);

    void Probe(Device device);

    void Remove(Device device);

    void Shutdown(Device device);

    void Suspend(Device device);

    void Resume(Device device);

    /// <summary>False when the driver left the callback out (kept the base class's empty body).</summary>
    bool Implements(DriverCallback callback);
}
