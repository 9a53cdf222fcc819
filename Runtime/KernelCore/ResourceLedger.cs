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
    private readonly List<HeldResource> held = new();

    public IReadOnlyList<HeldResource> HeldBy(Device device) => held.Where(r => ReferenceEquals(r.Holder, device)).ToList();

    public bool Holds(Device device, DeviceResource kind) => held.Exists(r => ReferenceEquals(r.Holder, device) && r.Kind == kind);

    internal void Acquire(Device device, DeviceResource kind, object handle)
    {
        if (IsExclusive(kind) && Holds(device, kind))
        {
            throw new InvalidOperationException($"{device.Name}: {Describe(kind)} is already held (busy).");
        }

        held.Add(new HeldResource(device, kind, handle));
    }

    internal void Release(Device device, DeviceResource kind, object handle)
    {
        var index = held.FindIndex(r => ReferenceEquals(r.Holder, device) && r.Kind == kind && Equals(r.Handle, handle));
        if (index < 0)
        {
            throw new InvalidOperationException($"{device.Name}: releasing {Describe(kind)} that is not held.");
        }

        held.RemoveAt(index);
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
}
