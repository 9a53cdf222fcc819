using System.Collections.Generic;
using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.Samples.Zpci.Flawed;

/// <summary>
/// Automatic error recovery with the stand-in first proposed in the s390 thread: after the slot reset
/// the function is re-initialised unless no driver is bound, on the grounds that a removed device has
/// none. A removal racing with recovery has already taken the function off the bus but waits for the
/// device lock recovery holds, so the driver is still bound and SlotReset re-enables a function that
/// is gone (SHD008).
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
        if (device.Driver is null)
        {
            return PciErsResult.Disconnect;
        }

        ZpciFunction.Restart(device);
        return PciErsResult.Recovered;
    }
}
