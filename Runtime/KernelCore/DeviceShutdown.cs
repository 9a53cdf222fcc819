using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.KernelCore;

/// <summary>
/// <c>device_shutdown</c> (drivers/base/core.c): walk the device list backwards — reverse probe
/// order, children before parents, consumers before suppliers — and for each device run the bus's
/// shutdown if the bus has one (<c>dev->bus->shutdown</c>, which for PCI calls the driver's), else
/// the driver's (<c>dev->driver->shutdown</c>). A broken driver does not stop the walk.
/// </summary>
internal static class DeviceShutdown
{
    public static void Run(Kernel kernel, KexecPolicy policy = KexecPolicy.Shutdown)
    {
        if (policy == KexecPolicy.Remove)
        {
            UnbindAll(kernel);
        }

        foreach (var device in kernel.Order.Backward)
        {
            if (policy == KexecPolicy.ShutdownElseRemove && HasRemoveButNoShutdown(device))
            {
                // The fallback proposed for kexec in seed 000: "at the very least we should call remove if shutdown doesn't exist".
                kernel.Unbind(device);
            }

            ShutdownOne(device);
        }
    }

    /// <summary>Unbinds every driver, tail of the list first: rmmod everything before kexec (seed 002).</summary>
    public static void UnbindAll(Kernel kernel)
    {
        foreach (var device in kernel.Order.Backward)
        {
            kernel.Unbind(device);
        }
    }

    private static void ShutdownOne(Device device)
    {
        if (device is PciDevice pci)
        {
            PciCore.DeviceShutdown(pci);
        }
        else
        {
            DriverCore.Invoke(device, DriverCallback.Shutdown);
        }
    }

    private static bool HasRemoveButNoShutdown(Device device) =>
        device.Binding is { } driver && !driver.Implements(DriverCallback.Shutdown) && driver.Implements(DriverCallback.Remove);
}
