using System;

namespace ShutdownAnalyzers.DriverModel;

/// <summary>A command failed at the device (a SCSI sense error, a gone device).</summary>
public sealed class DeviceIoException : Exception
{
    public DeviceIoException(string message)
        : base(message)
    {
    }
}
