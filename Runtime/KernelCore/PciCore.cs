using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.KernelCore;

/// <summary>The PCI bus's own steps around the driver's callbacks (drivers/pci/pci-driver.c).</summary>
internal static class PciCore
{
    /// <summary>
    /// <c>pci_device_shutdown</c>, the PCI bus's shutdown, which <c>device_shutdown</c> prefers over the
    /// driver's: the driver's Shutdown if it has one, then, only during kexec, clear bus mastering
    /// "to tell it to not continue to do DMA" — except for functions in D3cold or in an unknown
    /// state. Without kexec, firmware's reset stops DMA anyway.
    /// </summary>
    public static void DeviceShutdown(PciDevice device)
    {
        var context = device.Kernel.Context;
        DriverCore.Invoke(device, DriverCallback.Shutdown);
        if (context.KexecInProgress && device.PowerStateKnown && device.PowerState <= PciPowerState.D3Hot)
        {
            device.Function.BusMasterEnabled = false;
            context.Observer?.Note(device, "pci_device_shutdown cleared bus mastering (kexec)");
        }
    }

    /// <summary>
    /// <c>pci_pm_suspend_noirq</c> and <c>pci_pm_freeze_noirq</c>: unless the driver saved the state
    /// itself, save it; when suspending (not freezing for hibernation) put the function in D3hot.
    /// </summary>
    public static void SuspendLate(PciDevice device, bool forHibernation)
    {
        if (device.Function.HasSavedState || !device.Function.RespondsToConfig)
        {
            return;
        }

        device.Function.SaveCommand();
        if (!forHibernation && device.PowerState == PciPowerState.D0)
        {
            device.Function.EnterPowerState(PciPowerState.D3Hot, "pci_prepare_to_sleep");
            device.Kernel.Context.Observer?.Note(device, "PCI core put it in D3hot");
        }
    }

    /// <summary><c>pci_pm_default_resume_early</c>: power the function up and restore its saved config space.</summary>
    public static void ResumeEarly(PciDevice device)
    {
        if (!device.Function.IsPresent)
        {
            return;
        }

        if (device.PowerState != PciPowerState.D0)
        {
            device.Function.EnterPowerState(PciPowerState.D0, "pci_power_up");
        }

        if (device.Function.HasSavedState)
        {
            device.Function.RestoreCommand();
        }
    }
}
