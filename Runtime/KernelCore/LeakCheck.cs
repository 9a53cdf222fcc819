using System.Linq;
using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.KernelCore;

/// <summary>After a Remove in a kernel that lives on: every resource Probe took must be given back.</summary>
internal static class LeakCheck
{
    /// <summary>Reports what <paramref name="device"/> still holds after its driver's Remove. True when it holds nothing.</summary>
    public static bool AfterRemove(Kernel kernel, Device device, string driverName)
    {
        var held = kernel.Resources.HeldBy(device);
        if (held.Count == 0)
        {
            return true;
        }

        var what = string.Join(", ", held.Select(r => ResourceLedger.Describe(r.Kind)).Distinct());
        kernel.Context.Report(
            Outcome.ResourceLeak,
            device,
            $"{driverName} Remove({device.Name}) returned still holding {what}",
            location: string.Join(", ", held.Select(r => r.Kind.ToString()).Distinct()));
        return false;
    }
}
