using System;
using System.Collections.Generic;
using System.Linq;
using ShutdownAnalyzers.KernelCore;

namespace ShutdownAnalyzers.DriverModel;

/// <summary>
/// One running kernel: its devices, drivers, memory and <see cref="SystemState"/>. After kexec the
/// next kernel is a new <see cref="Kernel"/> that enumerates the same hardware afresh.
/// </summary>
public sealed class Kernel
{
    private readonly List<Device> devices = new();
    private readonly List<IDriverBinding> drivers = new();
    private readonly List<Device> probeOrder = new();
    private readonly List<ProbeFailure> probeFailures = new();

    public Kernel(int memoryPages = 4096)
    {
        Memory = new PhysicalMemory(memoryPages);
    }

    /// <summary>What the system is doing; <see cref="SystemState.Restart"/> during both kexec and reboot.</summary>
    public SystemState SystemState { get; internal set; } = SystemState.Booting;

    public PhysicalMemory Memory { get; }

    public ResourceLedger Resources { get; } = new();

    /// <summary>Registered devices, in the order they were added.</summary>
    public IReadOnlyList<Device> Devices => devices;

    public IReadOnlyList<IDriver> Drivers => drivers;

    /// <summary>Bound devices in the order their probes succeeded; shutdown walks it backwards.</summary>
    public IReadOnlyList<Device> ProbeOrder => probeOrder;

    /// <summary>Probes that threw, in order: the driver could not take the device over.</summary>
    public IReadOnlyList<ProbeFailure> ProbeFailures => probeFailures;

    /// <summary>Registers a device with its bus (<c>device_add</c>) and binds the first driver that matches.</summary>
    public void AddDevice(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        if (!ReferenceEquals(device.Kernel, this))
        {
            throw new ArgumentException($"{device.Name} was created for another kernel.", nameof(device));
        }

        if (device.IsAdded)
        {
            throw new InvalidOperationException($"{device.Name} is already added.");
        }

        if (device.Parent is { IsAdded: false } parent)
        {
            throw new InvalidOperationException($"{device.Name}: parent {parent.Name} is not added.");
        }

        device.IsAdded = true;
        devices.Add(device);
        Attach(device);
    }

    /// <summary>Registers a driver (<c>driver_register</c>) and binds it to every matching unbound device.</summary>
    public void RegisterDriver<TDevice>(Driver<TDevice> driver)
        where TDevice : Device
    {
        ArgumentNullException.ThrowIfNull(driver);
        IDriverBinding binding = driver;
        if (drivers.Contains(binding))
        {
            throw new InvalidOperationException($"Driver {driver.Name} is already registered.");
        }

        drivers.Add(binding);
        foreach (var device in devices.Where(d => d.Binding is null).ToList())
        {
            if (binding.Matches(device))
            {
                TryProbe(device, binding);
            }
        }
    }

    /// <summary>Binds the first matching driver to an unbound device (<c>device_attach</c>). True when one probed.</summary>
    public bool Attach(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        if (device.Binding is not null || !device.IsAdded)
        {
            return false;
        }

        foreach (var driver in drivers)
        {
            if (driver.Matches(device) && TryProbe(device, driver))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Unbinds the driver (<c>device_release_driver</c>): its Remove runs; the device stays added.</summary>
    public void Unbind(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        if (device.Binding is not { } driver)
        {
            return;
        }

        foreach (var child in devices.Where(d => ReferenceEquals(d.Parent, device)).ToList())
        {
            Unbind(child);
        }

        try
        {
            driver.Remove(device);
        }
        finally
        {
            device.Binding = null;
            device.DriverData = null;
            probeOrder.Remove(device);
        }
    }

    /// <summary>Removes a device (<c>device_del</c>): children first, then it is no longer added, then unbound.</summary>
    public void RemoveDevice(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        if (!device.IsAdded)
        {
            return;
        }

        foreach (var child in devices.Where(d => ReferenceEquals(d.Parent, device)).ToList())
        {
            RemoveDevice(child);
        }

        // As pci_stop_and_remove_bus_device: the device stops counting as added before remove runs.
        device.IsAdded = false;
        try
        {
            Unbind(device);
        }
        finally
        {
            devices.Remove(device);
        }
    }

    /// <summary>The driver bound to <paramref name="device"/> implements <paramref name="callback"/>.</summary>
    public static bool Implements(Device device, DriverCallback callback) =>
        device.Binding?.Implements(callback) ?? false;

    internal void EnterState(SystemState state) => SystemState = state;

    private bool TryProbe(Device device, IDriverBinding driver)
    {
        device.Binding = driver;
        try
        {
            driver.Probe(device);
        }
        catch (Exception error)
        {
            // A failed probe leaves the device unbound, as really_probe does.
            device.Binding = null;
            device.DriverData = null;
            probeFailures.Add(new ProbeFailure(device, driver, error));
            return false;
        }

        probeOrder.Add(device);
        return true;
    }
}

/// <summary>A probe that threw: which device, which driver, and why.</summary>
public sealed record ProbeFailure(Device Device, IDriver Driver, Exception Error);
