using System.Collections.Generic;
using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.Samples.Pciehp;

/// <summary>
/// What both forms of the PCIe port driver share: the IDs it binds and its hot-plug service, pciehp
/// (drivers/pci/hotplug/pciehp_hpc.c), which owns the port's interrupt.
/// </summary>
public static class HotplugController
{
    public const ushort IntelVendorId = 0x8086;

    /// <summary>Sunrise Point-H PCI Express Root Port #1.</summary>
    public const ushort SunrisePointRootPortId = 0xa110;

    /// <summary>Slot Status (PCI_EXP_SLTSTA) as the model keeps it: the events the port reports, write 1 to clear.</summary>
    public const int SlotStatus = 0x1a;

    public static readonly IReadOnlyList<PciDeviceId> Ids = new[] { new PciDeviceId(IntelVendorId, SunrisePointRootPortId) };

    /// <summary>pcie_isr: read the slot's events and acknowledge them, which deasserts the port's interrupt.</summary>
    public static IrqReturn Isr(Device device)
    {
        var port = (PciDevice)device;
        var events = port.ReadRegister(SlotStatus);
        port.WriteRegister(SlotStatus, events);
        return IrqReturn.Handled;
    }

    /// <summary>
    /// pciehp_probe: pcie_init, pciehp_request_irq, then pcie_enable_notification, which sets the
    /// hot-plug interrupt enable in Slot Control (the port's own interrupt mask).
    /// </summary>
    public static void Init(PciDevice port)
    {
        port.EnableDevice();
        port.RequestIrq(Isr);
        port.UnmaskInterrupts();
    }

    /// <summary>pcie_shutdown_notification: pcie_disable_notification (mask at the port), then pciehp_free_irq.</summary>
    public static void ShutdownNotification(PciDevice port)
    {
        port.MaskInterrupts();
        port.FreeIrq();
    }

    /// <summary>
    /// pciehp_suspend: pcie_disable_interrupt (mask at the port); the PM core keeps the line disabled
    /// until resume (suspend_device_irqs), so the handler never runs while the port is suspended.
    /// </summary>
    public static void Suspend(PciDevice port)
    {
        port.MaskInterrupts();
        port.DisableIrq();
    }

    /// <summary>pciehp_resume: the line back on, then pcie_enable_interrupt.</summary>
    public static void Resume(PciDevice port)
    {
        port.EnableIrq();
        port.UnmaskInterrupts();
    }

    /// <summary>pcie_portdrv_remove: the services' remove (pciehp_remove), then pci_disable_device.</summary>
    public static void Remove(PciDevice port)
    {
        ShutdownNotification(port);
        port.DisableDevice();
    }
}
