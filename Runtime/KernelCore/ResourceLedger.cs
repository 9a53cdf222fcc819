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
/// <remarks>
/// What a device holds is kept on the device, in the order it took it (<see cref="Device.HeldResources"/>,
/// as the kernel keeps a device's managed resources on <c>dev-&gt;devres_head</c>), not in a table of
/// every device: a kernel's ledger is the only one its devices take resources through.
/// </remarks>
public sealed class ResourceLedger
{
    public IReadOnlyList<HeldResource> HeldBy(Device device) =>
        HoldingsOf(device) is { } resources
            ? resources.Select(r => new HeldResource(device, r.Kind, r.Handle)).ToList()
            : Array.Empty<HeldResource>();

    public bool Holds(Device device, DeviceResource kind) =>
        HoldingsOf(device) is { } resources && IndexOf(resources, kind, handle: null) >= 0;

    internal void Acquire(Device device, DeviceResource kind, object handle)
    {
        if (IsExclusive(kind) && Holds(device, kind))
        {
            throw new InvalidOperationException($"{device.Name}: {Describe(kind)} is already held (busy).");
        }

        if (!KeepsResourcesOf(device))
        {
            throw new InvalidOperationException($"{device.Name}: its resources are kept by its own kernel's ledger.");
        }

        (device.HeldResources ??= new List<Holding>()).Add(new Holding(kind, handle));
    }

    internal void Release(Device device, DeviceResource kind, object handle)
    {
        var resources = HoldingsOf(device);
        var index = resources is not null ? IndexOf(resources, kind, handle) : -1;
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

    /// <summary>What <paramref name="device"/> holds through this ledger: nothing unless it is the device's kernel's.</summary>
    private List<Holding>? HoldingsOf(Device device) => KeepsResourcesOf(device) ? device.HeldResources : null;

    private bool KeepsResourcesOf(Device device) => ReferenceEquals(device.Kernel.Resources, this);

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
    internal readonly record struct Holding(DeviceResource Kind, object Handle);
}
