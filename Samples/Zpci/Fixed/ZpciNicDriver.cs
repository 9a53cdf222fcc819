using System.Collections.Generic;
using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.Samples.Zpci.Fixed;

/// <summary>
/// Automatic error recovery as the s390 thread settled it: to keep recovery from racing with removal,
/// test that the device is still added (pci_dev_is_added), not a stand-in for it. After the slot reset
/// the function is re-initialised only while it is still added; once a racing removal has taken it
/// off the bus, SlotReset votes to disconnect and leaves the function to the removal.
/// </summary>
public sealed class ZpciNicDriver : PciDriver
{
    public override string Name => "zpci-nic";

    public override IReadOnlyList<PciDeviceId> IdTable => ZpciFunction.Ids;

    public override void Probe(PciDevice device) => ZpciFunction.Start(device);

    public override void Remove(PciDevice device) => ZpciFunction.Stop(device);

    public override void Shutdown(PciDevice device) => Remove(device);

    public override void Suspend(PciDevice device) => ZpciFunction.Stop(device);

    public override void Resume(PciDevice device) => ZpciFunction.Start(device);

    public override PciErsResult ErrorDetected(PciDevice device, PciChannelState state) => ZpciFunction.StopIo(device, state);

    public override PciErsResult SlotReset(PciDevice device)
    {
        if (!device.IsAdded)
        {
            return PciErsResult.Disconnect;
        }

        ZpciFunction.Restart(device);
        return PciErsResult.Recovered;
    }
}
