using System.Linq;
using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.KernelCore;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Scenarios;

/// <summary>
/// Unbind and bind again, device by device in probe order, in one kernel (echo to unbind, then to
/// bind; what rmmod and VFIO assignment do, seed 003). What Remove does not give back is leaked;
/// a leaked exclusive resource (the interrupt line, the I/O regions) makes the rebind's probe fail.
/// A driver with <c>suppress_bind_attrs</c> refuses the unbind and keeps its device.
/// </summary>
internal sealed class UnbindRebindScenario : LifecycleScenario
{
    /// <summary>How long an unbound device is watched before it is bound again.</summary>
    public const long UnboundMs = 10;

    public override void Run(Machine machine, KexecPolicy policy)
    {
        foreach (var device in machine.Kernel.ProbeOrder.ToList())
        {
            if (device.Binding is { SuppressBindAttributes: true } binding)
            {
                machine.Note(device.Name, $"{binding.Name} cannot be unbound through sysfs (suppress_bind_attrs): left bound");
            }
            else if (device.Binding is not null)
            {
                Unbind(machine, device);
                machine.RunFor(UnboundMs);
                Rebind(machine, device);
                machine.RunFor(UnboundMs);
            }
        }

        Liveness.Check(machine, "unbind and rebind");
    }

    private static void Unbind(Machine machine, Device device)
    {
        var kernel = machine.Kernel;
        var bound = kernel.Devices.Where(d => d.IsDescendantOf(device) && d.Driver is not null).Select(d => (Device: d, Driver: d.Driver!.Name)).ToList();
        kernel.Unbind(device);
        foreach (var (unbound, driver) in bound)
        {
            LeakCheck.AfterRemove(kernel, unbound, driver);
        }
    }

    private static void Rebind(Machine machine, Device device)
    {
        if (!machine.Kernel.Attach(device))
        {
            machine.Note(device.Name, "rebind failed");
        }
    }
}
