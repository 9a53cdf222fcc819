using System.Collections.Generic;
using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.Samples.Lpfc.Flawed;

/// <summary>lpfc before the 2017 fix: Remove stops the adapter, but kexec calls only Shutdown, and there is none.</summary>
public sealed class LpfcDriver : PciDriver
{
    public override string Name => "lpfc";

    public override IReadOnlyList<PciDeviceId> IdTable => LpfcAdapter.Ids;

    public override void Probe(PciDevice device) => LpfcAdapter.Start(device);

    public override void Remove(PciDevice device) => LpfcAdapter.Stop(device);

    public override void Suspend(PciDevice device) => LpfcAdapter.Stop(device);

    public override void Resume(PciDevice device) => LpfcAdapter.Start(device);
}
