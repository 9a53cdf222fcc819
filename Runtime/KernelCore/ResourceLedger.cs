using System;
using System.Collections.Generic;
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
    public IReadOnlyList<HeldResource> HeldBy(Device device)
    {
        if (!KeepsResourcesOf(device) || device.HeldResources.Count == 0)
        {
            return Array.Empty<HeldResource>();
        }

        var held = new List<HeldResource>(device.HeldResources.Count);
        foreach (var resource in device.HeldResources.AsSpan())
        {
            held.Add(new HeldResource(device, resource.Kind, resource.Handle));
        }

        return held;
    }

    public bool Holds(Device device, DeviceResource kind) =>
        KeepsResourcesOf(device) && device.HeldResources.IndexOf(kind, handle: null) >= 0;

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

        device.HeldResources.Add(new Holding(kind, handle));
    }

    internal void Release(Device device, DeviceResource kind, object handle)
    {
        var index = KeepsResourcesOf(device) ? device.HeldResources.IndexOf(kind, handle) : -1;
        if (index < 0)
        {
            throw new InvalidOperationException($"{device.Name}: releasing {Describe(kind)} that is not held.");
        }

        device.HeldResources.RemoveAt(index);
    }

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

    /// <summary>
    /// A device's resources in the order it took them: an array and a count kept in a field of the
    /// device, where a list was one more object on every device that holds anything.
    /// </summary>
    internal struct Holdings
    {
        private Holding[]? resources;

        public int Count { get; private set; }

        public readonly ReadOnlySpan<Holding> AsSpan() => resources.AsSpan(0, Count);

        public void Add(Holding resource)
        {
            if (resources is null || Count == resources.Length)
            {
                // As a list grows: room for four, then twice as many.
                Array.Resize(ref resources, Math.Max(4, Count * 2));
            }

            resources[Count++] = resource;
        }

        public void RemoveAt(int index)
        {
            Count--;
            Array.Copy(resources!, index + 1, resources!, index, Count - index);
            resources![Count] = default;
        }

        /// <summary>Where <paramref name="kind"/> is held (with <paramref name="handle"/>, unless null); a loop, as every probe and remove asks.</summary>
        public readonly int IndexOf(DeviceResource kind, object? handle)
        {
            var held = AsSpan();
            for (var i = 0; i < held.Length; i++)
            {
                if (held[i].Kind == kind && (handle is null || Equals(held[i].Handle, handle)))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
