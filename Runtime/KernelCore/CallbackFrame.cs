using System;
using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.KernelCore;

/// <summary>Driver code the kernel is running now: which callback, of which driver, for which device.</summary>
internal sealed record CallbackFrame(Device Device, IDriver? Driver, string Callback, bool IsErrorHandler = false)
{
    public const string InterruptHandler = "interrupt handler";

    public string DriverName => Driver?.Name ?? "(no driver)";

    // Evidence and timelines name the frame many times over; it is formatted once.
    private string? text;
    private RunningCallback? running;

    /// <summary>The frame as hosts outside the runtime see it.</summary>
    public RunningCallback AsRunningCallback => running ??= new RunningCallback(Device.Name, DriverName, Callback);

    public override string ToString() => text ??= $"{DriverName} {Callback}({Device.Name})";

    public bool Equals(CallbackFrame? other) =>
        other is not null
        && Equals(Device, other.Device)
        && Equals(Driver, other.Driver)
        && Callback == other.Callback
        && IsErrorHandler == other.IsErrorHandler;

    public override int GetHashCode() => HashCode.Combine(Device, Driver, Callback, IsErrorHandler);
}
