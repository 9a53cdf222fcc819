using System;
using System.Collections.Generic;
using System.Linq;
using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.KernelCore;

/// <summary>A resource a device holds: what kind, and the handle that identifies it.</summary>
public sealed record HeldResource(Device Holder, DeviceResource Kind, object Handle);

/// <summary>
/// Every resource drivers hold, by device: what Remove must have given back. Exclusive resources
/// (interrupt lines, regions) cannot be taken twice.
/// </summary>
public sealed class ResourceLedger
{
    /// <summary>
    /// What each device holds, in the order it took it; devices are compared by reference. Kept as
    /// values: every probe takes several, and <see cref="HeldBy"/> is asked only after a Remove.
    /// </summary>
    private readonly Dictionary<Device, List<Holding>> held;

    public ResourceLedger()
        : this(expectedDevices: 0)
    {
    }

    internal ResourceLedger(int expectedDevices) =>
        held = new Dictionary<Device, List<Holding>>(expectedDevices, ReferenceEqualityComparer.Instance);

    public IReadOnlyList<HeldResource> HeldBy(Device device) =>
        held.TryGetValue(device, out var resources)
            ? resources.Select(r => new HeldResource(device, r.Kind, r.Handle)).ToList()
            : Array.Empty<HeldResource>();

    public bool Holds(Device device, DeviceResource kind) =>
        held.TryGetValue(device, out var resources) && IndexOf(resources, kind, handle: null) >= 0;

    internal void Acquire(Device device, DeviceResource kind, object handle)
    {
        if (IsExclusive(kind) && Holds(device, kind))
        {
            throw new InvalidOperationException($"{device.Name}: {Describe(kind)} is already held (busy).");
        }

        if (!held.TryGetValue(device, out var resources))
        {
            resources = new List<Holding>();
            held.Add(device, resources);
        }

        resources.Add(new Holding(kind, handle));
    }

    internal void Release(Device device, DeviceResource kind, object handle)
    {
        var index = held.TryGetValue(device, out var resources) ? IndexOf(resources, kind, handle) : -1;
        if (index < 0)
        {
            throw new InvalidOperationException($"{device.Name}: releasing {Describe(kind)} that is not held.");
        }

        resources!.RemoveAt(index);
    }

    /// <summary>Where <paramref name="resources"/> holds <paramref name="kind"/> (with <paramref name="handle"/>, unless null); a loop, as every probe and remove asks.</summary>
    private static int IndexOf(List<Holding> resources, DeviceResource kind, object? handle)
    {
        for (var i = 0; i < resources.Count; i++)
        {
            if (resources[i].Kind == kind && (handle is null || Equals(resources[i].Handle, handle)))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsExclusive(DeviceResource kind) => kind is DeviceResource.Interrupt or DeviceResource.Region;

    public static string Describe(DeviceResource kind) => kind switch
    {
        DeviceResource.Interrupt => "the interrupt",
        DeviceResource.DmaBuffer => "a DMA buffer",
        DeviceResource.RegisterMapping => "a register mapping",
        DeviceResource.Region => "the I/O regions",
        DeviceResource.DeviceLink => "a device link",
        _ => kind.ToString(),
    };

    /// <summary>One resource in a device's list: what kind, and the handle that identifies it.</summary>
    private readonly record struct Holding(DeviceResource Kind, object Handle);
}
