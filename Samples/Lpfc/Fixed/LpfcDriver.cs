using System.Collections.Generic;
using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.Samples.Lpfc.Fixed;

/// <summary>lpfc after the fix: <c>.shutdown = lpfc_pci_remove_one</c>, so kexec leaves the adapter idle.</summary>
public sealed class LpfcDriver : PciDriver
{
    public override string Name => "lpfc";

    public override IReadOnlyList<PciDeviceId> IdTable => LpfcAdapter.Ids;

    public override void Probe(PciDevice device) => LpfcAdapter.Start(device);

    public override void Remove(PciDevice device) => LpfcAdapter.Stop(device);

    public override void Suspend(PciDevice device) => LpfcAdapter.Stop(device);

    public override void Resume(PciDevice device) => LpfcAdapter.Start(device);

    public override void Shutdown(PciDevice device) => Remove(device);
}
