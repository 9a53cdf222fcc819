using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Scenarios;

/// <summary>One lifecycle transition performed on a booted machine, one step per method.</summary>
internal abstract class LifecycleScenario
{
    /// <summary>Performs the transition on the running kernel, up to the last kernel's probes.</summary>
    public abstract void Run(Machine machine, KexecPolicy policy);

    /// <summary>The evidence line of a device nothing went wrong for.</summary>
    public virtual string DescribeHealthy(Machine machine, DeclaredDevice device)
    {
        var driver = machine.DriverAtStart(device);
        var now = machine.Find(device.Name);
        if (driver.Length == 0)
        {
            return $"{device.Name}: no driver bound; nothing went wrong";
        }

        return now?.Driver is { } bound
            ? $"{device.Name}: came through; {bound.Name} is bound in the {machine.Kernel.Label}"
            : $"{device.Name}: came through; no driver is bound in the {machine.Kernel.Label}";
    }
}
