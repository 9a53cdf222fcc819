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
}
