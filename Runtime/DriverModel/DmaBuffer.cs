using System;
using System.Collections.Generic;
using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.KernelCore;

namespace ShutdownAnalyzers.DriverModel;

/// <summary>Pages mapped for a device's DMA (<c>dma_map_*</c>); valid until unmapped.</summary>
/// <remarks>
/// The mapping is its descriptors, each page with its generation when mapped; <see cref="Pages"/>
/// and <see cref="Generations"/> are made from them each time they are read, and not kept: a
/// simulated machine of thousands of devices maps tens of thousands of pages and almost never reads
/// them back, and two fields for them made every buffer a third bigger.
/// </remarks>
public sealed class DmaBuffer
{
    private readonly PhysicalMemory memory;
    private readonly DmaDescriptor[] descriptors;

    internal DmaBuffer(PhysicalMemory memory, long[] pages)
    {
        this.memory = memory;
        descriptors = new DmaDescriptor[pages.Length];
        for (var i = 0; i < pages.Length; i++)
        {
            descriptors[i] = new DmaDescriptor(pages[i], memory.GenerationOf(pages[i]));
        }
    }

    /// <summary>The pages mapped, as memory's views of them (the same view of a page on every read).</summary>
    public IReadOnlyList<MemoryPage> Pages => Array.ConvertAll(descriptors, d => memory[d.Page]);

    /// <summary>Each page's generation when mapped: a later generation means someone else owns it now.</summary>
    public IReadOnlyList<int> Generations => Array.ConvertAll(descriptors, d => d.Generation);

    /// <summary>What a DMA engine pointed at the buffer is loaded with: each page with its generation when mapped.</summary>
    internal IReadOnlyList<DmaDescriptor> Descriptors => descriptors;

    public bool IsMapped { get; internal set; } = true;

    /// <summary>
    /// The pages changed hands since the mapping was made (a hibernation image was restored over
    /// them): a ring in such memory must be re-created, not restarted.
    /// </summary>
    public bool IsStale => Array.Exists(descriptors, d => memory.GenerationOf(d.Page) != d.Generation);

    /// <summary>Keeps every page of the mapping out of the next kernel's hands across kexec.</summary>
    internal void ReserveAcrossKexec()
    {
        foreach (var descriptor in descriptors)
        {
            memory.SetReservedAcrossKexec(descriptor.Page, reserved: true);
        }
    }

    /// <summary>Frees the pages the device still owns (<c>dma_unmap_*</c>).</summary>
    internal void Unmap(Device owner)
    {
        IsMapped = false;
        memory.FreeOwnedBy(owner, descriptors);
    }
}
