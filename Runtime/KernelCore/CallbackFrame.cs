using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.KernelCore;

/// <summary>Driver code the kernel is running now: which callback, of which driver, for which device.</summary>
internal sealed record CallbackFrame(Device Device, IDriver? Driver, string Callback, bool IsErrorHandler = false)
{
    public const string InterruptHandler = "interrupt handler";

    public string DriverName => Driver?.Name ?? "(no driver)";

    public override string ToString() => $"{DriverName} {Callback}({Device.Name})";
}
