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

        DmaDescriptor? telling = null;
        var first = engine.CorruptWrites == 0;
        foreach (var descriptor in engine.Descriptors)
        {
            if (context.Memory.DeviceWriteIsSafe(descriptor.Page, descriptor.Generation))
            {
                continue;
            }

            engine.CorruptWrites++;

            // The evidence names a page someone owns now if there is one: that is the damage a reader looks for.
            if (telling is null || (!context.Memory[telling.Value.Page].IsAllocated && context.Memory[descriptor.Page].IsAllocated))
            {
                telling = descriptor;
            }
        }

        if (first && telling is { } corrupted)
        {
            context.Report(Outcome.DmaCorruption, hardware.Name, kernel, DescribeCorruption(context, kernel, hardware, corrupted), location: $"page {corrupted.Page}");
        }

        hardware.Interrupt.Raise(hardware.CanMasterBus);
    }

    private static string DescribeCorruption(KernelContext context, string kernel, DeviceHardware hardware, DmaDescriptor descriptor)
    {
        var page = context.Memory[descriptor.Page];
        var now = (page.IsAllocated, page.Owner) switch
        {
            (false, _) => $"free memory the {kernel} will hand out",
            (true, null) => $"the {kernel}'s own memory",
            (true, { } owner) => $"mapped for {owner.Name}",
        };
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

        return $"{hardware.Name}: DMA still running wrote page {descriptor.Page}, mapped at generation {descriptor.Generation}, now at generation {page.Generation} ({now}){why}";
    }
}
