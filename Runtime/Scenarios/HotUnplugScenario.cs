using System.Collections.Generic;
using System.Linq;
using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.KernelCore;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Scenarios;

/// <summary>
/// Surprise removal of every PCI endpoint, one at a time: the card is gone first, then pciehp
/// removes its device (<c>pci_stop_and_remove_bus_device</c>) and the driver's Remove runs against
/// hardware that answers nothing (seed 000: "by the time you get the event the hardware is gone").
/// A wait on it never ends; resources Remove keeps are leaked in a kernel that lives on.
/// </summary>
internal sealed class HotUnplugScenario : LifecycleScenario
{
    /// <summary>How long each removal is watched for stale handlers.</summary>
    public const long WatchMs = 10;

    public override void Run(Machine machine, KexecPolicy policy)
    {
        foreach (var endpoint in Endpoints(machine))
        {
            if (machine.Find(endpoint.Name) is PciDevice device)
            {
                PullOut(machine, endpoint);
                Remove(machine, device);
                machine.RunFor(WatchMs);
            }
        }
    }

    public override string DescribeHealthy(Machine machine, DeclaredDevice device) =>
        device.Unit.IsPresent
            ? base.DescribeHealthy(machine, device)
            : $"{device.Name}: pulled out and removed cleanly; Remove released everything and nothing touched the device afterwards";

    /// <summary>PCI functions with no PCI function behind them.</summary>
    private static IEnumerable<DeclaredDevice> Endpoints(Machine machine) =>
        machine.Declared.Where(d => d.Kind == DeviceKind.Pci && !machine.Declared.Any(c => c.Kind == DeviceKind.Pci && c.Parent == d.Name)).ToList();

    private static void PullOut(Machine machine, DeclaredDevice endpoint)
    {
        foreach (var unit in machine.Declared.Where(d => d.Name == endpoint.Name || d.Parent == endpoint.Name).Select(d => d.Unit))
        {
            unit.IsPresent = false;
        }

        machine.Note(endpoint.Name, "pulled out of its slot");
        ((PciFunction)endpoint.Unit).Slot?.SignalPresenceChange();
        machine.RunFor(1);
    }

    private static void Remove(Machine machine, PciDevice device)
    {
        var kernel = machine.Kernel;
        var bound = kernel.Devices.Where(d => d.IsDescendantOf(device) && d.Driver is not null).Select(d => (Device: d, Driver: d.Driver!.Name)).ToList();
        kernel.RemoveDevice(device);
        foreach (var (removed, driver) in bound)
        {
            LeakCheck.AfterRemove(kernel, removed, driver);
        }
    }
}
