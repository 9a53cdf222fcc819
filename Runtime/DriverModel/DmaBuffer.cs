using System.Collections.Generic;
using System.Linq;
using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.KernelCore;

namespace ShutdownAnalyzers.DriverModel;

/// <summary>Pages mapped for a device's DMA (<c>dma_map_*</c>); valid until unmapped.</summary>
public sealed class DmaBuffer
{
    private readonly int[] generations;

    internal DmaBuffer(IReadOnlyList<MemoryPage> pages)
    {
        Pages = pages;
        generations = new int[pages.Count];
        var descriptors = new DmaDescriptor[pages.Count];
        for (var i = 0; i < pages.Count; i++)
        {
            generations[i] = pages[i].Generation;
            descriptors[i] = new DmaDescriptor(pages[i].Number, generations[i]);
        }

        Descriptors = descriptors;
    }

    public IReadOnlyList<MemoryPage> Pages { get; }

    /// <summary>Each page's generation when mapped: a later generation means someone else owns it now.</summary>
    public IReadOnlyList<int> Generations => generations;

    /// <summary>What a DMA engine pointed at the buffer is loaded with: each page with its generation when mapped.</summary>
    internal IReadOnlyList<DmaDescriptor> Descriptors { get; }

    public bool IsMapped { get; internal set; } = true;

    /// <summary>
    /// The pages changed hands since the mapping was made (a hibernation image was restored over
    /// them): a ring in such memory must be re-created, not restarted.
    /// </summary>
    public bool IsStale => Pages.Where((page, i) => page.Generation != Generations[i]).Any();
}
