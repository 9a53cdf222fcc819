using System.Linq;
using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.KernelCore;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Scenarios;

/// <summary>
/// Error recovery on every bound PCI device, in probe order: first the link freezes and is
/// recovered (through the driver's error handlers, or by unbind, reset, rebind); then it freezes
/// again while a removal of the device races with the recovery (seed 001). Recovery that acts on a
/// device no longer added, and driver code that touches it after its Remove, are reported.
/// </summary>
internal sealed class ErrorRecoveryScenario : LifecycleScenario
{
    public const long WatchMs = 10;

    public override void Run(Machine machine, KexecPolicy policy)
    {
        var devices = machine.Kernel.ProbeOrder.OfType<PciDevice>().ToList();
        foreach (var device in devices)
        {
            RecoverFromFrozenLink(machine, device);
        }

        Liveness.Check(machine, "recovery from a frozen link");

        foreach (var device in devices)
        {
            RecoverWhileRemoved(machine, device);
        }
    }

    public override string DescribeHealthy(Machine machine, DeclaredDevice device) =>
        machine.DriverAtStart(device).Length > 0 && device.Kind == DeviceKind.Pci
            ? $"{device.Name}: recovered from a frozen link, then removed cleanly during a second recovery"
            : base.DescribeHealthy(machine, device);

    private static void RecoverFromFrozenLink(Machine machine, PciDevice device)
    {
        if (!device.IsAdded)
        {
            return;
        }

        ErrorRecovery.Freeze(device);
        var result = ErrorRecovery.Recover(machine.Kernel, device, concurrentRemoval: false);
        if (result == RecoveryResult.Disconnected)
        {
            machine.Context.Report(Outcome.Unreachable, device, $"{device.Name}: error recovery gave up (the driver voted to disconnect or could not recover); the device stays offline");
        }

        machine.RunFor(WatchMs);
    }

    private static void RecoverWhileRemoved(Machine machine, PciDevice device)
    {
        if (!device.IsAdded)
        {
            return;
        }

        var driver = device.Driver?.Name;
        ErrorRecovery.Freeze(device);
        ErrorRecovery.Recover(machine.Kernel, device, concurrentRemoval: true);
        if (driver is not null)
        {
            LeakCheck.AfterRemove(machine.Kernel, device, driver);
        }

        machine.RunFor(WatchMs);
    }
}
