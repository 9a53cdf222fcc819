using System;
using System.Collections.Generic;
using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.KernelCore;

namespace ShutdownAnalyzers.DriverModel;

/// <summary>
/// The kernel's view of one device (<c>struct device</c>): created when a bus enumerates hardware,
/// registered with its <see cref="Kernel"/>, bound to at most one driver.
/// </summary>
public abstract class Device
{
    private List<DeviceLink>? links;
    private IDriverBinding? binding;
    private DeviceWriteCache? writeCache;

    protected Device(Kernel kernel, string name, Device? parent)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (parent is not null && !ReferenceEquals(parent.Kernel, kernel))
        {
            throw new ArgumentException($"Parent '{parent.Name}' belongs to another kernel.", nameof(parent));
        }

        Kernel = kernel;
        Name = name;
        Parent = parent;
    }

    public string Name { get; }

    public Device? Parent { get; }

    /// <summary>The kernel this device is registered with.</summary>
    public Kernel Kernel { get; }

    /// <summary>Still registered with its bus, as <c>pci_dev_is_added</c>: false once removal has begun.</summary>
    public bool IsAdded { get; internal set; }

    /// <summary>The bound driver, if any. Not a test for "the device is still there": use <see cref="IsAdded"/>.</summary>
    public IDriver? Driver => Binding;

    /// <summary>Links in which this device is the consumer: each supplier suspends after and resumes before it.</summary>
    public IReadOnlyList<DeviceLink> Links => (IReadOnlyList<DeviceLink>?)links ?? Array.Empty<DeviceLink>();

    /// <summary>The bound driver's per-device state (<c>dev_get_drvdata</c>); cleared when the driver unbinds.</summary>
    public object? DriverData { get; set; }

    /// <summary>The device's write cache, if its hardware has one: flush it before anything resets the device.</summary>
    public DeviceWriteCache? WriteCache => writeCache ??= Unit?.WriteCache is { } cache ? new DeviceWriteCache(this, cache) : null;

    internal IDriverBinding? Binding
    {
        get => binding;
        set
        {
            binding = value;
            if (value is not null)
            {
                LastDriver = value;
            }
        }
    }

    /// <summary>The driver bound now or last: whose stale code may still run after it was removed.</summary>
    internal IDriverBinding? LastDriver { get; private set; }

    /// <summary>A driver probed the device successfully at least once.</summary>
    internal bool WasBound { get; set; }

    /// <summary>Between its Suspend and its Resume: no new I/O may reach it (seed 004).</summary>
    internal bool IsSuspended { get; set; }

    /// <summary>Error recovery is working on the device.</summary>
    internal bool InErrorRecovery { get; set; }

    /// <summary>
    /// The device's slot in its kernel's device list (<see cref="KernelCore.DeviceOrder"/>), or -1 when
    /// not in it: kept on the device, as the kernel keeps <c>kobj.entry</c> in it, rather than in a
    /// table of every device the list must look it up in.
    /// </summary>
    internal int OrderSlot { get; set; } = -1;

    /// <summary>What the device holds through its kernel's <see cref="ResourceLedger"/>, in the order it took it (a field: the ledger changes it in place).</summary>
    internal ResourceLedger.Holdings HeldResources;

    /// <summary>The physical unit behind the device, if it has one the runtime models.</summary>
    internal virtual HardwareUnit? Unit => null;

    /// <summary>The hardware can answer a command or a wait (present, powered, not frozen).</summary>
    internal virtual bool CanAnswer => Unit?.IsPresent ?? true;

    /// <summary>The bus's step after the driver's Remove (<c>pci_device_remove</c> forgets the power state).</summary>
    internal virtual void OnDriverRemoved()
    {
    }

    /// <summary>The device a command to this one passes through on its way, checked after it: a SCSI disk's host; null for most.</summary>
    internal virtual Device? CommandsPassThrough => null;

    /// <summary>
    /// Lets the kernel check a bus-API call on this device and on the device the command passes
    /// through (see <see cref="KernelContext.OnBusAccess"/>). Every bus call comes here, so it allocates nothing.
    /// </summary>
    internal void Access(string member, BusAccessKind kind)
    {
        Kernel.Context.OnBusAccess(this, member, kind);
        if (CommandsPassThrough is { } through)
        {
            Kernel.Context.OnBusAccess(through, member, kind);
        }
    }

    /// <summary>Who made <paramref name="call"/>, for the evidence of what it did to the hardware: "FunctionReset() in lpfc Shutdown(0000:01:00.0)".</summary>
    internal string Actor(string call) =>
        Kernel.Context.CurrentFrame is { } frame ? $"{call} in {frame}" : $"{call} by the kernel";

    /// <summary>Orders this device before <paramref name="supplier"/> in suspend and shutdown, as <c>device_link_add</c>.</summary>
    [Acquires(DeviceResource.DeviceLink)]
    public DeviceLink AddLink(Device supplier)
    {
        ArgumentNullException.ThrowIfNull(supplier);
        if (ReferenceEquals(supplier, this))
        {
            throw new ArgumentException("A device cannot be linked to itself.", nameof(supplier));
        }

        var link = new DeviceLink(this, supplier, autoRemove: false);
        (links ??= new List<DeviceLink>()).Add(link);
        Kernel.Resources.Acquire(this, DeviceResource.DeviceLink, link);
        Kernel.Order.MoveToTail(this);
        return link;
    }

    /// <summary>
    /// Orders this device before <paramref name="supplier"/> as <see cref="AddLink"/> does, with
    /// <c>DL_FLAG_AUTOREMOVE_CONSUMER</c>: the driver core deletes the link when this device's driver
    /// unbinds or its probe fails, so Remove has nothing to give back.
    /// </summary>
    public DeviceLink AddAutoRemoveLink(Device supplier)
    {
        ArgumentNullException.ThrowIfNull(supplier);
        if (ReferenceEquals(supplier, this))
        {
            throw new ArgumentException("A device cannot be linked to itself.", nameof(supplier));
        }

        var link = new DeviceLink(this, supplier, autoRemove: true);
        (links ??= new List<DeviceLink>()).Add(link);
        Kernel.Order.MoveToTail(this);
        return link;
    }

    /// <summary>Deletes a link made by <see cref="AddLink"/>, as <c>device_link_del</c>.</summary>
    [Releases(DeviceResource.DeviceLink)]
    public void RemoveLink(DeviceLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (link.AutoRemove)
        {
            // As device_link_del on a managed link: only the driver core drops it.
            throw new InvalidOperationException($"The link {link} is deleted by the driver core when {Name}'s driver unbinds.");
        }

        if (links is null || !links.Remove(link))
        {
            throw new InvalidOperationException($"{Name} has no link to {link.Supplier.Name}.");
        }

        Kernel.Resources.Release(this, DeviceResource.DeviceLink, link);
    }

    /// <summary>The driver core's step when this device's driver unbinds or fails to probe (<c>device_links_driver_cleanup</c>).</summary>
    internal void DropAutoRemoveLinks() => links?.RemoveAll(link => link.AutoRemove);

    /// <summary>True when this device is <paramref name="other"/> or one of its descendants.</summary>
    public bool IsDescendantOf(Device other)
    {
        for (Device? d = this; d is not null; d = d.Parent)
        {
            if (ReferenceEquals(d, other))
            {
                return true;
            }
        }

        return false;
    }

    public override string ToString() => Name;
}
