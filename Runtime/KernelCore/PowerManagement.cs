using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.KernelCore;

/// <summary>
/// System sleep (drivers/base/power/main.c): <c>dpm_suspend</c> walks the device list backwards —
/// children before parents, consumers before suppliers — and <c>dpm_resume</c> forwards. After a
/// device's suspend no new I/O may reach it (seed 004).
/// </summary>
internal static class PowerManagement
{
    public static void SuspendAll(Kernel kernel, bool forHibernation)
    {
        kernel.EnterState(SystemState.Suspend);
        foreach (var device in kernel.Order.Backward)
        {
            if (device.IsAdded)
            {
                Suspend(device, forHibernation);
            }
        }
    }

    public static void ResumeAll(Kernel kernel)
    {
        foreach (var device in kernel.Order.Forward)
        {
            if (device.IsSuspended)
            {
                Resume(device);
            }
        }

        kernel.EnterState(SystemState.Running);
    }

    private static void Suspend(Device device, bool forHibernation)
    {
        DriverCore.Invoke(device, DriverCallback.Suspend);
        if (device is PciDevice pci && device.Binding is not null)
        {
            PciCore.SuspendLate(pci, forHibernation);
        }

        device.IsSuspended = true;
        device.Kernel.Context.Observer?.Note(device, "suspended");
    }

    private static void Resume(Device device)
    {
        if (device is PciDevice pci)
        {
            PciCore.ResumeEarly(pci);
        }

        device.IsSuspended = false;
        DriverCore.Invoke(device, DriverCallback.Resume);
    }
}
