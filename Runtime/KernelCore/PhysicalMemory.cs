using System;
using System.Collections.Generic;
using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Hardware;

namespace ShutdownAnalyzers.KernelCore;

/// <summary>
/// One page of physical memory: who owns it now, and how often it has been handed out. A view of
/// the page's entry in <see cref="PhysicalMemory"/>: every property reads the page's current state.
/// </summary>
public sealed class MemoryPage
{
    private readonly PhysicalMemory memory;

    internal MemoryPage(PhysicalMemory memory, long number)
    {
        this.memory = memory;
        Number = number;
    }

    public long Number { get; }

    /// <summary>The device the page is mapped for, or null when free or kernel-owned.</summary>
    public Device? Owner => memory.OwnerOf(Number);

    /// <summary>
    /// Bumped whenever the page changes hands: on every allocation, when the next kernel takes over
    /// memory after kexec, and when a hibernation image is restored. A write that carries an older
    /// generation lands in memory that is not its writer's any more.
    /// </summary>
    public int Generation => memory.GenerationOf(Number);

    public bool IsAllocated => memory.IsAllocated(Number);

    /// <summary>Kept out of the next kernel's hands across kexec (<c>efi_mem_reserve_persistent</c>).</summary>
    public bool IsReservedAcrossKexec
    {
        get => memory.IsReservedAcrossKexec(Number);
        internal set => memory.SetReservedAcrossKexec(Number, value);
    }
}

/// <summary>A range of page numbers, end exclusive.</summary>
public readonly record struct PageRange(long Start, long End)
{
    public long Count => End - Start;

    public bool Contains(long page) => page >= Start && page < End;

    public override string ToString() => $"pages {Start}-{End - 1}";
}

/// <summary>
/// The machine's physical memory, page by page, lowest free page first (deterministic). It belongs
/// to the machine, not to a kernel: after kexec the next kernel reuses the same pages.
/// </summary>
/// <remarks>
/// Each page's state is an entry in three arrays indexed by page number, as the kernel keeps a
/// <c>struct page</c> per frame in one <c>mem_map</c>: a machine of 10,000 NICs has some 84,000
/// pages, and an object per page was that many more objects for every collection to trace. A
/// <see cref="MemoryPage"/> is made only when someone asks for one, and is the same object each time.
/// </remarks>
public sealed class PhysicalMemory
{
    private readonly Device?[] owners;
    private readonly int[] generations;
    private readonly PageState[] states;

    /// <summary>The pages handed out as <see cref="MemoryPage"/> objects so far, by number; null until the first.</summary>
    private MemoryPage?[]? views;

    /// <summary>Every page below this one is allocated: allocations start their scan here, so a boot costs linear time, not quadratic.</summary>
    private long lowestMaybeFree;

    public PhysicalMemory(int pageCount)
    {
        if (pageCount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(pageCount), "Memory needs at least one page.");
        }

        owners = new Device?[pageCount];
        generations = new int[pageCount];
        states = new PageState[pageCount];
    }

    /// <summary>What the kernel knows of a page besides its owner and generation.</summary>
    [Flags]
    private enum PageState : byte
    {
        Free = 0,
        Allocated = 1,
        ReservedAcrossKexec = 2,
    }

    public IReadOnlyList<MemoryPage> Pages => new AllPages(this);

    /// <summary>Changes whenever any page changes hands, is freed or is rewritten: a DMA check done at one version holds until the next.</summary>
    internal long Version { get; private set; }

    public PageRange All => new(0, generations.Length);

    public MemoryPage this[long number] => View(number);

    public IReadOnlyList<MemoryPage> Allocate(Device? owner, int count) => Allocate(owner, count, All);

    /// <summary>Allocates <paramref name="count"/> free pages within <paramref name="range"/>, lowest first.</summary>
    public IReadOnlyList<MemoryPage> Allocate(Device? owner, int count, PageRange range) =>
        Views(AllocatePages(owner, count, range));

    /// <summary>
    /// Allocates <paramref name="count"/> free pages within <paramref name="range"/>, lowest first,
    /// and returns their numbers: what a DMA mapping needs, without a page object each.
    /// </summary>
    internal long[] AllocatePages(Device? owner, int count, PageRange range)
    {
        if (count <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), "Allocate at least one page.");
        }

        var taken = FindFreePages(count, range);
        foreach (var page in taken)
        {
            var index = (int)page;
            states[index] |= PageState.Allocated;
            owners[index] = owner;
            generations[index]++;
        }

        Version++;
        if (range.Start <= lowestMaybeFree)
        {
            // Everything from the old mark up to the last page taken is allocated now.
            lowestMaybeFree = taken[^1] + 1;
        }

        return taken;
    }

    public void Free(IEnumerable<MemoryPage> freed)
    {
        foreach (var page in freed)
        {
            FreePage(page.Number);
        }

        Version++;
    }

    /// <summary>
    /// Frees the pages of a DMA mapping that <paramref name="owner"/> still owns (<c>dma_unmap_*</c>):
    /// a page that changed hands since, after kexec or a restore, is someone else's to free.
    /// </summary>
    internal void FreeOwnedBy(Device owner, IReadOnlyList<DmaDescriptor> mapping)
    {
        for (var i = 0; i < mapping.Count; i++)
        {
            if (ReferenceEquals(OwnerOf(mapping[i].Page), owner))
            {
                FreePage(mapping[i].Page);
            }
        }

        Version++;
    }

    internal Device? OwnerOf(long page) => owners[Index(page)];

    internal int GenerationOf(long page) => generations[Index(page)];

    internal bool IsAllocated(long page) => (states[Index(page)] & PageState.Allocated) != 0;

    internal bool IsReservedAcrossKexec(long page) => (states[Index(page)] & PageState.ReservedAcrossKexec) != 0;

    internal void SetReservedAcrossKexec(long page, bool reserved)
    {
        var index = Index(page);
        states[index] = reserved ? states[index] | PageState.ReservedAcrossKexec : states[index] & ~PageState.ReservedAcrossKexec;
    }

    /// <summary>
    /// A device writes to <paramref name="page"/> with the generation it was given. False when the
    /// write corrupts memory: the page was freed, or has changed hands since.
    /// </summary>
    internal bool DeviceWriteIsSafe(long page, int generation)
    {
        if (page < 0 || page >= generations.Length)
        {
            return false;
        }

        return (states[page] & PageState.Allocated) != 0 && generations[page] == generation;
    }

    /// <summary>
    /// The next kernel takes over <paramref name="range"/> after kexec: every page is its memory now,
    /// with a new generation, except pages reserved across kexec.
    /// </summary>
    internal void HandOver(PageRange range)
    {
        for (var page = (int)range.Start; page < range.End; page++)
        {
            if ((states[page] & PageState.ReservedAcrossKexec) != 0)
            {
                continue;
            }

            states[page] = PageState.Free;
            owners[page] = null;
            generations[page]++;
        }

        lowestMaybeFree = Math.Min(lowestMaybeFree, range.Start);
        Version++;
    }

    /// <summary>Power was lost or the platform reset: every page's old contents are meaningless.</summary>
    internal void ClearAll()
    {
        Array.Clear(owners);
        Array.Clear(states);
        for (var page = 0; page < generations.Length; page++)
        {
            generations[page]++;
        }

        lowestMaybeFree = 0;
        Version++;
    }

    /// <summary>
    /// A hibernation image was loaded back: every allocated page holds its old owner's data again, but
    /// was rewritten by the restore, so mappings a device was given before hibernation are stale.
    /// </summary>
    internal void RestoreImage()
    {
        for (var page = 0; page < generations.Length; page++)
        {
            if ((states[page] & PageState.Allocated) != 0)
            {
                generations[page]++;
            }
        }

        Version++;
    }

    /// <summary>The numbers of the <paramref name="count"/> lowest free pages in <paramref name="range"/>; out of memory if there are fewer.</summary>
    private long[] FindFreePages(int count, PageRange range)
    {
        var taken = new long[count];
        var found = 0;
        for (var page = Math.Max(range.Start, lowestMaybeFree); page < range.End && found < count; page++)
        {
            if ((states[page] & PageState.Allocated) == 0)
            {
                taken[found++] = page;
            }
        }

        if (found < count)
        {
            throw new InvalidOperationException($"Out of memory: {count} pages wanted, {found} free in {range}.");
        }

        return taken;
    }

    private void FreePage(long page)
    {
        var index = Index(page);
        states[index] = PageState.Free;
        owners[index] = null;
        lowestMaybeFree = Math.Min(lowestMaybeFree, page);
    }

    private int Index(long page) =>
        page >= 0 && page < generations.Length ? (int)page : throw new ArgumentOutOfRangeException(nameof(page), $"No page {page}: memory has {generations.Length}.");

    private MemoryPage View(long page)
    {
        var index = Index(page);
        views ??= new MemoryPage?[generations.Length];
        return views[index] ??= new MemoryPage(this, page);
    }

    private MemoryPage[] Views(long[] pages) => Array.ConvertAll(pages, View);

    /// <summary><see cref="Pages"/>: every page, made into a <see cref="MemoryPage"/> as it is read.</summary>
    private sealed class AllPages(PhysicalMemory memory) : IReadOnlyList<MemoryPage>
    {
        public int Count => memory.generations.Length;

        public MemoryPage this[int index] => memory.View(index);

        public IEnumerator<MemoryPage> GetEnumerator()
        {
            for (var page = 0; page < Count; page++)
            {
                yield return memory.View(page);
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
