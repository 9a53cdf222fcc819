using System.Collections.Generic;

namespace ShutdownAnalyzers.Hardware;

/// <summary>
/// A device's DMA engine: descriptors point at pages of physical memory, and while it runs and
/// the function may master the bus it writes to those pages.
/// </summary>
public sealed class DmaEngine
{
    private readonly List<long> descriptorPages = new();

    public bool Running { get; internal set; }

    /// <summary>Physical page numbers the descriptors point at.</summary>
    public IReadOnlyList<long> DescriptorPages => descriptorPages;

    internal void Load(IEnumerable<long> pages)
    {
        descriptorPages.Clear();
        descriptorPages.AddRange(pages);
    }

    internal void Stop() => Running = false;

    internal void Reset()
    {
        Running = false;
        descriptorPages.Clear();
    }
}
