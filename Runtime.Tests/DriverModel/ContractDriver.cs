using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.Runtime.Tests.DriverModel;

// Written only against the public bus-API contract: if this file stops compiling, the contract broke.
public sealed class ContractDriver : PciDriver
{
    public override string Name => "contract";

    public override void Probe(PciDevice device)
    {
        device.EnableDevice();
        device.SetMaster();
    }

    public override void Remove(PciDevice device)
    {
        device.ClearMaster();
        device.DisableDevice();
    }

    public override void Shutdown(PciDevice device)
    {
        if (device.Kernel.SystemState == SystemState.PowerOff)
        {
            device.SetPowerState(PciPowerState.D3Hot);
        }
        else
        {
            Remove(device);
        }
    }

    [PowersOff]
    public static void CutPower(PciDevice device) => device.SetPowerState(PciPowerState.D3Cold);
}
