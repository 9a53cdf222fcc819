using System;
using System.Collections.Generic;

namespace ShutdownAnalyzers.DriverModel;

/// <summary>
/// The kernel's view of one device (<c>struct device</c>): created when a bus enumerates hardware,
/// registered with its <see cref="Kernel"/>, bound to at most one driver.
/// </summary>
public abstract class Device
{
    private readonly List<DeviceLink> links = new();

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
    public IReadOnlyList<DeviceLink> Links => links;

    /// <summary>The bound driver's per-device state (<c>dev_get_drvdata</c>); cleared when the driver unbinds.</summary>
    public object? DriverData { get; set; }

    internal IDriverBinding? Binding { get; set; }

    /// <summary>Orders this device before <paramref name="supplier"/> in suspend and shutdown, as <c>device_link_add</c>.</summary>
    [Acquires(DeviceResource.DeviceLink)]
    public DeviceLink AddLink(Device supplier)
    {
        ArgumentNullException.ThrowIfNull(supplier);
        if (ReferenceEquals(supplier, this))
        {
            throw new ArgumentException("A device cannot be linked to itself.", nameof(supplier));
        }

        var link = new DeviceLink(this, supplier);
        links.Add(link);
        Kernel.Resources.Acquire(this, DeviceResource.DeviceLink, link);
        return link;
    }

    /// <summary>Deletes a link made by <see cref="AddLink"/>, as <c>device_link_del</c>.</summary>
    [Releases(DeviceResource.DeviceLink)]
    public void RemoveLink(DeviceLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (!links.Remove(link))
        {
            throw new InvalidOperationException($"{Name} has no link to {link.Supplier.Name}.");
        }

        Kernel.Resources.Release(this, DeviceResource.DeviceLink, link);
    }

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
