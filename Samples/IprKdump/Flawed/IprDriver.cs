using System.Collections.Generic;
using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.Samples.IprKdump.Flawed;

/// <summary>
/// ipr without its kdump care: Probe requests the adapter's interrupt and sends the bring-up command to
/// whatever state the adapter is in. After a panic the crash kernel finds the IOA still operational,
/// its level interrupt asserted (SHD007).
/// </summary>
public sealed class IprDriver : PciDriver
{
    public override string Name => "ipr";

    public override IReadOnlyList<PciDeviceId> IdTable => IprAdapter.Ids;

    public override void Probe(PciDevice device) => IprAdapter.Start(device);

    public override void Remove(PciDevice device) => IprAdapter.Stop(device);

    public override void Shutdown(PciDevice device) => IprAdapter.Quiesce(device);
}
