using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.KernelCore;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Scenarios;

/// <summary>Steps shared by the scenarios that end in another kernel.</summary>
internal static class Handover
{
    /// <summary>Time the firmware takes from reset (or power-on) to starting a kernel.</summary>
    public const long FirmwareBootMs = 100;

    /// <summary>
    /// Boots the next kernel on the same hardware: it enumerates and probes afresh, and whatever it
    /// does not find is unreachable. Outcomes are judged on what this kernel sees.
    /// </summary>
    public static Kernel BootNextKernel(Machine machine, string label, PageRange memory)
    {
        var kernel = machine.Boot(label, memory);
        machine.ReportDevicesNotFound();
        return kernel;
    }
}
