using System.Collections.Generic;
using System.Linq;
using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.KernelCore;

/// <summary>
/// The kernel's device list (<c>devices_kset</c>, and <c>dpm_list</c> which follows the same rules):
/// devices join at the tail when added; a device that probes, and the consumer of a new device
/// link, move to the tail with their children and consumers (<c>device_reorder_to_tail</c> in
/// drivers/base/core.c, called from <c>device_link_add</c>; <c>devices_kset_move_last</c> in
/// really_probe). Shutdown and suspend walk it backwards, resume forwards: reverse probe order,
/// children before parents, consumers before suppliers.
/// </summary>
internal sealed class DeviceOrder
{
    // The list is kept as slots: a device moving to the tail leaves its slot empty and takes a new
    // one at the end, so moving is O(1) and a probe never scans the list. A device's slot number
    // grows with each move, so slot numbers order devices as the list does. Each device keeps its
    // own slot number (Device.OrderSlot): the list belongs to the device's kernel, the only one it joins.
    private readonly List<Device?> slots;
    private readonly Dictionary<Device, List<Device>> children = new(ReferenceEqualityComparer.Instance);

    /// <summary>Devices seen with a link as consumer: the only ones that can move with a supplier.</summary>
    private readonly HashSet<Device> consumers = new(ReferenceEqualityComparer.Instance);
    private int emptySlots;

    /// <summary>A list sized for <paramref name="expectedDevices"/>, each probing once.</summary>
    public DeviceOrder(int expectedDevices = 0)
    {
        slots = new List<Device?>(2 * expectedDevices);
    }

    /// <summary>A snapshot of the list head first, the order of <c>dpm_resume</c>.</summary>
    public IReadOnlyList<Device> Forward => InOrder();

    /// <summary>A snapshot of the list tail first, the order of <c>device_shutdown</c> and <c>dpm_suspend</c>.</summary>
    public IReadOnlyList<Device> Backward
    {
        get
        {
            var list = InOrder();
            list.Reverse();
            return list;
        }
    }

    public void Add(Device device)
    {
        if (IsListed(device))
        {
            return;
        }

        TakeTailSlot(device);
        if (device.Parent is { } parent)
        {
            if (!children.TryGetValue(parent, out var siblings))
            {
                siblings = new List<Device>();
                children.Add(parent, siblings);
            }

            siblings.Add(device);
        }

        NoteLinks(device);
    }

    public void Remove(Device device)
    {
        if (!IsListed(device))
        {
            return;
        }

        EmptySlot(TakeSlotFrom(device));
        consumers.Remove(device);
        if (device.Parent is { } parent && children.TryGetValue(parent, out var siblings))
        {
            siblings.Remove(device);
        }
    }

    public void MoveToTail(Device device)
    {
        // Every probe moves its device; almost none has children or consumers to take along, and
        // those need no walk (and no allocation) to move.
        if (HasNothingToTakeAlong(device))
        {
            MoveAlone(device);
            return;
        }

        MoveToTail(device, new HashSet<Device>(ReferenceEqualityComparer.Instance));
    }

    private void MoveToTail(Device device, HashSet<Device> moved)
    {
        if (!moved.Add(device) || !MoveAlone(device))
        {
            return;
        }

        foreach (var child in InListOrder(children.TryGetValue(device, out var list) ? list : null))
        {
            MoveToTail(child, moved);
        }

        foreach (var consumer in InListOrder(consumers.Where(c => c.Links.Any(l => ReferenceEquals(l.Supplier, device)))))
        {
            MoveToTail(consumer, moved);
        }
    }

    private bool HasNothingToTakeAlong(Device device) =>
        consumers.Count == 0 && !(children.TryGetValue(device, out var list) && list.Count > 0);

    /// <summary>Moves the device itself to the tail; false when it is not in the list.</summary>
    private bool MoveAlone(Device device)
    {
        if (!IsListed(device))
        {
            return false;
        }

        EmptySlot(TakeSlotFrom(device));
        TakeTailSlot(device);
        NoteLinks(device);
        return true;
    }

    private static bool IsListed(Device device) => device.OrderSlot >= 0;

    private void TakeTailSlot(Device device)
    {
        device.OrderSlot = slots.Count;
        slots.Add(device);
    }

    private static int TakeSlotFrom(Device device)
    {
        var slot = device.OrderSlot;
        device.OrderSlot = -1;
        return slot;
    }

    private void EmptySlot(int slot)
    {
        slots[slot] = null;
        emptySlots++;

        // Every probe empties a slot: once most are empty, close the gaps, keeping the order.
        if (emptySlots > 64 && emptySlots > slots.Count / 2)
        {
            var devices = InOrder();
            slots.Clear();
            emptySlots = 0;
            foreach (var device in devices)
            {
                TakeTailSlot(device);
            }
        }
    }

    private List<Device> InOrder()
    {
        var devices = new List<Device>(slots.Count - emptySlots);
        foreach (var device in slots)
        {
            if (device is not null)
            {
                devices.Add(device);
            }
        }

        return devices;
    }

    /// <summary>A device gets its links before it moves to the tail for them (<c>device_link_add</c>), so it is seen here.</summary>
    private void NoteLinks(Device device)
    {
        if (device.Links.Count > 0)
        {
            consumers.Add(device);
        }
    }

    /// <summary>The devices still in the list, in list order, taken before any of them moves.</summary>
    private List<Device> InListOrder(IEnumerable<Device>? devices) =>
        devices is null
            ? new List<Device>()
            : devices.Where(IsListed).OrderBy(d => d.OrderSlot).ToList();
}
