using System.Collections.Generic;
using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.Samples.Igb.Fixed;

/// <summary>
/// igb as the kernel has it: igb_shutdown idles the NIC (__igb_shutdown) and enters D3hot only
/// <c>if (system_state == SYSTEM_POWER_OFF)</c>, so kexec and reboot leave it powered for the next kernel.
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
        if (device.Kernel.SystemState == SystemState.PowerOff)
        {
            PrepareForPowerOff(device);
        }
    }

    /// <summary>pci_wake_from_d3 and pci_set_power_state(pdev, PCI_D3hot).</summary>
    private static void PrepareForPowerOff(PciDevice device) => device.SetPowerState(PciPowerState.D3Hot);
}
