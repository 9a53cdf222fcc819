using System.Collections.Generic;
using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.Samples.Storvsc.Flawed;

/// <summary>
/// storvsc posting its channel messages through the VMBus device it looked up in Probe, with nothing
/// that orders the two: suspend walks the device list backwards, and when the VMBus device probed
/// after storvsc it is suspended first, so closing the channel in Suspend sends I/O to a suspended
/// device (SHD009).
/// </summary>
public sealed class StorvscDriver : PlatformDriver
{
    private PlatformDevice? vmbus;

    public override string Name => "hv_storvsc";

    public override IReadOnlyList<string> CompatibleIds => StorvscChannel.Ids;

    public override void Probe(PlatformDevice device)
    {
        vmbus = Vmbus.Find(device.Kernel);
        StorvscChannel.Start(device, vmbus);
    }

    public override void Suspend(PlatformDevice device) => StorvscChannel.Close(device, vmbus!);

    public override void Resume(PlatformDevice device) => StorvscChannel.Open(device, vmbus!);

    public override void Remove(PlatformDevice device) => StorvscChannel.Stop(device, vmbus!);

    public override void Shutdown(PlatformDevice device) => Remove(device);
}
