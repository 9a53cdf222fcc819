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
    /// <summary>One tick of the engine's writes; false when it is stopped or may not master the bus, and wrote nothing.</summary>
    public static bool Tick(KernelContext context, string kernel, DeviceHardware hardware)
    {
        var engine = hardware.Dma;
        if (!engine.Running || !hardware.CanMasterBus)
        {
            return false;
        }

        var check = Check(context.Memory, engine);
        var first = engine.CorruptWrites == 0;
        engine.CorruptWrites += check.CorruptingDescriptors;

        if (first && check.Telling >= 0)
        {
            var corrupted = engine.Descriptors[check.Telling];
            context.Report(Outcome.DmaCorruption, hardware.Name, kernel, DescribeCorruption(context, kernel, hardware, corrupted), location: $"page {corrupted.Page}");
        }

        hardware.Interrupt.Raise(canMasterBus: true);
        return true;
    }

    /// <summary>
    /// Which of the engine's writes this tick corrupt memory. Memory and descriptors change far less
    /// often than the clock ticks, so the answer is kept until either does: a tick of a running
    /// engine costs O(1), not O(descriptors).
    /// </summary>
    private static DmaCheck Check(PhysicalMemory memory, DmaEngine engine)
    {
        if (engine.LastCheck is { } last && last.MemoryVersion == memory.Version && last.DescriptorsVersion == engine.DescriptorsVersion)
        {
            return last;
        }

        var telling = -1;
        var corrupting = 0;
        var descriptors = engine.Descriptors;
        for (var i = 0; i < descriptors.Count; i++)
        {
            var descriptor = descriptors[i];
            if (memory.DeviceWriteIsSafe(descriptor.Page, descriptor.Generation))
            {
                continue;
            }

            corrupting++;

            // The evidence names a page someone owns now if there is one: that is the damage a reader looks for.
            if (telling < 0 || (!memory.IsAllocated(descriptors[telling].Page) && memory.IsAllocated(descriptor.Page)))
            {
                telling = i;
            }
        }

        var check = new DmaCheck(memory.Version, engine.DescriptorsVersion, corrupting, telling);
        engine.LastCheck = check;
        return check;
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
