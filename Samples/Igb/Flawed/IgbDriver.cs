using System.Collections.Generic;
using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.Samples.Igb.Flawed;

/// <summary>
/// igb with the power-off made unconditional: Shutdown idles the NIC and then puts it in D3hot even
/// when the system restarts, so after kexec the next kernel finds it powered off (SHD002).
/// </summary>
public sealed class IgbDriver : PciDriver
{
    public override string Name => "igb";

    public override IReadOnlyList<PciDeviceId> IdTable => IgbAdapter.Ids;

    public override void Probe(PciDevice device) => IgbAdapter.Start(device);

    public override void Remove(PciDevice device) => IgbAdapter.Stop(device);

    public override void Shutdown(PciDevice device)
    {
        IgbAdapter.Quiesce(device);
        PrepareForPowerOff(device);
    }

    /// <summary>pci_wake_from_d3 and pci_set_power_state(pdev, PCI_D3hot).</summary>
    private static void PrepareForPowerOff(PciDevice device) => device.SetPowerState(PciPowerState.D3Hot);
}
