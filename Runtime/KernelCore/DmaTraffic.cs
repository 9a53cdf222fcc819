using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.KernelCore;

/// <summary>
/// What a DMA engine does on one clock tick: while it runs and may master the bus it writes every
/// page its descriptors point at, then signals completion on its interrupt. A write into a page
/// that was freed or changed hands since it was mapped is memory corruption; the first one is
/// reported with its page, the rest are counted.
/// </summary>
internal static class DmaTraffic
{
    public static void Tick(KernelContext context, string kernel, DeviceHardware hardware)
    {
        var engine = hardware.Dma;
        if (!engine.Running || !hardware.CanMasterBus)
        {
            return;
        }

        foreach (var descriptor in engine.Descriptors)
        {
            if (context.Memory.DeviceWriteIsSafe(descriptor.Page, descriptor.Generation))
            {
                continue;
            }

            engine.CorruptWrites++;
            if (engine.CorruptWrites == 1)
            {
                context.Report(Outcome.DmaCorruption, hardware.Name, kernel, DescribeCorruption(context, hardware, descriptor), location: $"page {descriptor.Page}");
            }
        }

        hardware.Interrupt.Raise(hardware.CanMasterBus);
    }

    private static string DescribeCorruption(KernelContext context, DeviceHardware hardware, DmaDescriptor descriptor)
    {
        var page = context.Memory[descriptor.Page];
        var now = page.IsAllocated ? $"owned by {page.Owner?.Name ?? "the kernel"}" : "free memory";
        var why = hardware switch
        {
            PciFunction { BusMasterEnabled: false, HonorsBusMasterDisable: false } => "; bus mastering was cleared, but this device ignores the bus-master bit",
            PciFunction { BusMasterEnabled: true } => "; nothing stopped the engine or cleared bus mastering",
            PlatformHardware => "; the platform bus has no bus-master bit, only the driver can stop this engine",
            _ => "",
        };
        if (hardware.Dma.CannotBeStopped)
        {
            why = "; the engine cannot be stopped and its pages were not reserved across kexec";
        }

        return $"{hardware.Name}: DMA still running wrote page {descriptor.Page}, mapped at generation {descriptor.Generation}, now generation {page.Generation} ({now}){why}";
    }
}
