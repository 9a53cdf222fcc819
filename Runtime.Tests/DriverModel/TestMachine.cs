using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Hardware;

namespace ShutdownAnalyzers.Runtime.Tests.DriverModel;

/// <summary>Builds small kernels with PCI functions for the API tests.</summary>
internal static class TestMachine
{
    public static (Kernel Kernel, PciDevice Device) OnePciFunction(InterruptMode mode = InterruptMode.Msi, ushort vendor = 0x10df, ushort device = 0xe200)
    {
        var kernel = new Kernel();
        var pci = new PciDevice(kernel, "0000:01:00.0", new PciFunction(vendor, device, mode));
        kernel.AddDevice(pci);
        return (kernel, pci);
    }
}
