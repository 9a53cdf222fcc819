using System.Collections.Generic;
using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.Samples.Storvsc.Fixed;

/// <summary>
/// storvsc with the ordering expressed as a device link, as the review asked of dependencies beyond
/// parent and child: made in Probe, it suspends (and shuts down) storvsc before the VMBus device and
/// resumes it after, wherever either sits in the device list. The driver core drops the link when
/// storvsc unbinds.
/// </summary>
public sealed class StorvscDriver : PlatformDriver
{
    private PlatformDevice? vmbus;

    public override string Name => "hv_storvsc";

    public override IReadOnlyList<string> CompatibleIds => StorvscChannel.Ids;

    public override void Probe(PlatformDevice device)
    {
        vmbus = Vmbus.Find(device.Kernel);
        device.AddAutoRemoveLink(vmbus);
        StorvscChannel.Start(device, vmbus);
    }

    public override void Suspend(PlatformDevice device) => StorvscChannel.Close(device, vmbus!);

    public override void Resume(PlatformDevice device) => StorvscChannel.Open(device, vmbus!);

    public override void Remove(PlatformDevice device) => StorvscChannel.Stop(device, vmbus!);

    public override void Shutdown(PlatformDevice device) => Remove(device);
}
