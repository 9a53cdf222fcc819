using System;
using System.Collections.Generic;
using System.Linq;
using ShutdownAnalyzers.KernelCore;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.DriverModel;

/// <summary>
/// One running kernel: its devices, drivers, memory and <see cref="SystemState"/>. After kexec the
/// next kernel is a new <see cref="Kernel"/> that enumerates the same hardware afresh.
/// </summary>
public sealed class Kernel
{
    private readonly List<Device> devices;
    private readonly List<IDriverBinding> drivers = new();
    private readonly List<Device> probeOrder;
    private readonly List<ProbeFailure> probeFailures = new();

    // Indexed by interrupt line: every tick looks up the owner of every signalling line. Sized for
    // the lines below 256 and a vector per device above them, so a machine of thousands does not
    // grow it by copying.
    private MemoryMappedDevice?[] irqOwners;

    // Indexes over the device list, so lookups by name and walks over children stay O(1) per
    // device on machines with thousands of devices.
    private readonly Dictionary<string, Device> firstByName;
    private readonly Dictionary<Device, List<Device>> childrenOf = new(ReferenceEqualityComparer.Instance);

    public Kernel(int memoryPages = 4096)
        : this(KernelContext.Standalone(memoryPages), "kernel", new PageRange(0, memoryPages))
    {
    }

    // expectedDevices: how many devices the machine declares. The device lists and indexes start
    // that big rather than growing (and copying) their way up on a machine of thousands.
    internal Kernel(KernelContext context, string label, PageRange memoryRange, int expectedDevices = 0)
    {
        Context = context;
        Label = label;
        MemoryRange = memoryRange;
        irqOwners = new MemoryMappedDevice?[256 + expectedDevices];
        devices = new List<Device>(expectedDevices);
        probeOrder = new List<Device>(expectedDevices);
        firstByName = new Dictionary<string, Device>(expectedDevices, StringComparer.Ordinal);
        Resources = new ResourceLedger();
        Order = new DeviceOrder(expectedDevices);
    }

    /// <summary>What the system is doing; <see cref="SystemState.Restart"/> during both kexec and reboot.</summary>
    public SystemState SystemState { get; internal set; } = SystemState.Booting;

    /// <summary>The machine's physical memory; this kernel allocates within <see cref="MemoryRange"/>.</summary>
    public PhysicalMemory Memory => Context.Memory;

    /// <summary>The pages this kernel may allocate: all memory, or the reserved region for a crash kernel.</summary>
    public PageRange MemoryRange { get; }

    public ResourceLedger Resources { get; }

    /// <summary>Registered devices, in the order they were added.</summary>
    public IReadOnlyList<Device> Devices => devices;

    public IReadOnlyList<IDriver> Drivers => drivers;

    /// <summary>Bound devices in the order their probes succeeded; shutdown walks it backwards.</summary>
    public IReadOnlyList<Device> ProbeOrder => probeOrder;

    /// <summary>Probes that threw, in order: the driver could not take the device over.</summary>
    public IReadOnlyList<ProbeFailure> ProbeFailures => probeFailures;

    /// <summary>Which kernel of the machine this is, for evidence ("old kernel", "next kernel", "crash kernel").</summary>
    internal string Label { get; }

    internal KernelContext Context { get; }

    /// <summary>The device list shutdown and suspend walk backwards and resume walks forwards.</summary>
    internal DeviceOrder Order { get; }

    /// <summary>Runs after a device's probe succeeded: a SCSI host's driver scans for its disks.</summary>
    internal Action<Device>? DeviceProbed { get; set; }

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
        firstByName.TryAdd(device.Name, device);
        if (device.Parent is { } parentDevice)
        {
            ChildList(parentDevice).Add(device);
        }

        Order.Add(device);
        Attach(device);
    }

    /// <summary>Registers a driver (<c>driver_register</c>) and binds it to every matching unbound device.</summary>
    public void RegisterDriver<TDevice>(Driver<TDevice> driver)
        where TDevice : Device
    {
        ArgumentNullException.ThrowIfNull(driver);
        RegisterBinding(driver);
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

        foreach (var child in ChildrenOf(device))
        {
            Unbind(child);
        }

        try
        {
            Context.Invoke(new CallbackFrame(device, driver, nameof(DriverCallback.Remove)), () => driver.Remove(device));
        }
        finally
        {
            device.Binding = null;
            device.DriverData = null;
            device.DropAutoRemoveLinks();

            // Unbinding mostly goes tail first: look from the end.
            var position = probeOrder.LastIndexOf(device);
            if (position >= 0)
            {
                probeOrder.RemoveAt(position);
            }

            device.OnDriverRemoved();
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

        foreach (var child in ChildrenOf(device))
        {
            RemoveDevice(child);
        }

        // As pci_stop_and_remove_bus_device: the device stops counting as added before remove runs.
        device.IsAdded = false;
        FinishRemoval(device);
    }

    /// <summary>The driver bound to <paramref name="device"/> implements <paramref name="callback"/>.</summary>
    public static bool Implements(Device device, DriverCallback callback) =>
        device.Binding?.Implements(callback) ?? false;

    internal void EnterState(SystemState state) => SystemState = state;

    /// <summary>Registers a driver of any bus: the machine's driver factories hand drivers over untyped.</summary>
    internal void RegisterBinding(IDriverBinding binding)
    {
        if (drivers.Contains(binding))
        {
            throw new InvalidOperationException($"Driver {binding.Name} is already registered.");
        }

        drivers.Add(binding);
        foreach (var device in devices.Where(d => d.Binding is null && d.IsAdded).ToList())
        {
            if (binding.Matches(device))
            {
                TryProbe(device, binding);
            }
        }
    }

    /// <summary>
    /// The second half of a removal whose first half (no longer added) happened earlier: unbind, and
    /// take the device off the kernel's lists. A concurrent removal waits here for error recovery.
    /// </summary>
    internal void FinishRemoval(Device device)
    {
        try
        {
            Unbind(device);
        }
        finally
        {
            ForgetDevice(device);
        }
    }

    /// <summary>The registered device named <paramref name="name"/> (the first added, if several share it), or null.</summary>
    internal Device? FindDevice(string name) => firstByName.TryGetValue(name, out var device) ? device : null;

    /// <summary>The registered children of <paramref name="device"/> in the order they were added, as a snapshot.</summary>
    internal List<Device> ChildrenOf(Device device) =>
        childrenOf.TryGetValue(device, out var children) ? children.ToList() : new List<Device>();

    /// <summary>The device whose handler owns interrupt line <paramref name="irq"/> in this kernel, if any.</summary>
    internal MemoryMappedDevice? IrqOwner(int irq) => (uint)irq < (uint)irqOwners.Length ? irqOwners[irq] : null;

    internal void SetIrqOwner(int irq, MemoryMappedDevice? owner)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(irq);
        if (irq >= irqOwners.Length)
        {
            Array.Resize(ref irqOwners, Math.Max(irq + 1, irqOwners.Length * 2));
        }

        irqOwners[irq] = owner;
    }

    private List<Device> ChildList(Device parent)
    {
        if (!childrenOf.TryGetValue(parent, out var children))
        {
            children = new List<Device>();
            childrenOf.Add(parent, children);
        }

        return children;
    }

    private void ForgetDevice(Device device)
    {
        devices.Remove(device);
        Order.Remove(device);
        if (device.Parent is { } parent && childrenOf.TryGetValue(parent, out var siblings))
        {
            siblings.Remove(device);
        }

        if (firstByName.TryGetValue(device.Name, out var named) && ReferenceEquals(named, device))
        {
            firstByName.Remove(device.Name);
            if (devices.Find(d => d.Name == device.Name) is { } next)
            {
                firstByName.Add(next.Name, next);
            }
        }
    }

    private bool TryProbe(Device device, IDriverBinding driver)
    {
        device.Binding = driver;
        Order.MoveToTail(device);
        var frame = new CallbackFrame(device, driver, nameof(DriverCallback.Probe));
        try
        {
            Context.InvokeProbe(frame, driver);
        }
        catch (Exception error)
        {
            // A failed probe leaves the device unbound, as really_probe does.
            device.Binding = null;
            device.DriverData = null;
            device.DropAutoRemoveLinks();
            probeFailures.Add(new ProbeFailure(device, driver, error));
            Context.Report(Outcome.ProbeFailed, device, $"{frame} failed: {error.Message}", frame: frame);
            return false;
        }

        device.WasBound = true;
        probeOrder.Add(device);
        DeviceProbed?.Invoke(device);
        return true;
    }
}

/// <summary>A probe that threw: which device, which driver, and why.</summary>
public sealed record ProbeFailure(Device Device, IDriver Driver, Exception Error);
