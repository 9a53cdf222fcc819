using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Hardware;

namespace ShutdownAnalyzers.Runtime.Tests.Hardware;

/// <summary>The NVMe controller model: clearing CC.EN is a Controller Reset.</summary>
public class NvmeControllerTests
{
    [Fact]
    public void Clearing_cc_en_resets_the_controller_so_its_dma_stops_and_its_interrupt_is_masked()
    {
        var (controller, device) = EnabledControllerDoingDma();

        device.WriteRegister(NvmeController.Cc, 0);

        Assert.False(controller.Dma.Running);
        Assert.True(controller.Interrupt.MaskedAtDevice);
    }

    [Fact]
    public void A_shutdown_notification_leaves_cc_en_set_and_the_dma_to_the_driver()
    {
        var (controller, device) = EnabledControllerDoingDma();

        device.WriteRegister(NvmeController.Cc, NvmeController.CcEnable | NvmeController.CcShutdownNormal);

        Assert.True(controller.Dma.Running);
    }

    /// <summary>A controller its driver has enabled (CC.EN set) with DMA running, as after probe.</summary>
    private static (NvmeController Controller, PciDevice Device) EnabledControllerDoingDma()
    {
        var kernel = new Kernel();
        var controller = new NvmeController();
        var device = new PciDevice(kernel, "0000:5e:00.0", controller);
        kernel.AddDevice(device);
        device.EnableDevice();
        device.SetMaster();
        device.WriteRegister(NvmeController.Cc, NvmeController.CcEnable);
        device.StartDma(device.MapDma(pages: 1));
        return (controller, device);
    }
}
