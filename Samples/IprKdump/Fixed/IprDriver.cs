using System.Collections.Generic;
using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.Samples.IprKdump.Fixed;

/// <summary>
/// ipr resetting the adapter before anything else, as the real driver does for a kdump kernel
/// (<c>reset_devices</c>) or an adapter in an unknown state: the crash kernel starts from a quiet IOA.
/// What the SHD007 fix "Reset the device at the start of Probe" writes.
/// </summary>
public sealed class IprDriver : PciDriver
{
    public override string Name => "ipr";

    public override IReadOnlyList<PciDeviceId> IdTable => IprAdapter.Ids;

    public override void Probe(PciDevice device)
    {
        device.FunctionReset();
        IprAdapter.Start(device);
    }

    public override void Remove(PciDevice device) => IprAdapter.Stop(device);

    public override void Shutdown(PciDevice device) => IprAdapter.Quiesce(device);
}
