using System.Collections.Generic;
using System.Linq;
using ShutdownAnalyzers.KernelCore;

namespace ShutdownAnalyzers.DriverModel;

/// <summary>Pages mapped for a device's DMA (<c>dma_map_*</c>); valid until unmapped.</summary>
public sealed class DmaBuffer
{
    internal DmaBuffer(IReadOnlyList<MemoryPage> pages)
    {
        Pages = pages;
        Generations = pages.Select(p => p.Generation).ToArray();
    }

    public IReadOnlyList<MemoryPage> Pages { get; }

    /// <summary>Each page's generation when mapped: a later generation means someone else owns it now.</summary>
    public IReadOnlyList<int> Generations { get; }

    public bool IsMapped { get; internal set; } = true;

    /// <summary>
    /// The pages changed hands since the mapping was made (a hibernation image was restored over
    /// them): a ring in such memory must be re-created, not restarted.
    /// </summary>
    public bool IsStale => Pages.Where((page, i) => page.Generation != Generations[i]).Any();
}
