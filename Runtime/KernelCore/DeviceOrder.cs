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
    private readonly List<Device> list = new();

    public IReadOnlyList<Device> Forward => list;

    /// <summary>A snapshot of the list tail first, the order of <c>device_shutdown</c> and <c>dpm_suspend</c>.</summary>
    public IReadOnlyList<Device> Backward => Enumerable.Reverse(list).ToList();

    public void Add(Device device) => list.Add(device);

    public void Remove(Device device) => list.Remove(device);

    public void MoveToTail(Device device) => MoveToTail(device, new HashSet<Device>());

    private void MoveToTail(Device device, HashSet<Device> moved)
    {
        if (!moved.Add(device) || !list.Remove(device))
        {
            return;
        }

        list.Add(device);
        foreach (var child in list.Where(d => ReferenceEquals(d.Parent, device)).ToList())
        {
            MoveToTail(child, moved);
        }

        foreach (var consumer in list.Where(d => d.Links.Any(l => ReferenceEquals(l.Supplier, device))).ToList())
        {
            MoveToTail(consumer, moved);
        }
    }
}
