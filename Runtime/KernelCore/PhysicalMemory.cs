using System;
using System.Collections.Generic;
using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.KernelCore;

/// <summary>One page of physical memory: who owns it now, and how often it has been handed out.</summary>
public sealed class MemoryPage
{
    internal MemoryPage(long number) => Number = number;

    public long Number { get; }

    /// <summary>The device the page is mapped for, or null when free or kernel-owned.</summary>
    public Device? Owner { get; internal set; }

    /// <summary>
    /// Bumped whenever the page changes hands: on every allocation, when the next kernel takes over
    /// memory after kexec, and when a hibernation image is restored. A write that carries an older
    /// generation lands in memory that is not its writer's any more.
    /// </summary>
    public int Generation { get; internal set; }

    public bool IsAllocated { get; internal set; }

    /// <summary>Kept out of the next kernel's hands across kexec (<c>efi_mem_reserve_persistent</c>).</summary>
    public bool IsReservedAcrossKexec { get; internal set; }
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
public sealed class PhysicalMemory
{
    private readonly List<MemoryPage> pages;

    /// <summary>Every page below this one is allocated: allocations start their scan here, so a boot costs linear time, not quadratic.</summary>
    private long lowestMaybeFree;

    public PhysicalMemory(int pageCount)
    {
        if (pageCount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(pageCount), "Memory needs at least one page.");
        }

        pages = new List<MemoryPage>(pageCount);
        for (var i = 0; i < pageCount; i++)
        {
            pages.Add(new MemoryPage(i));
        }
    }

    public IReadOnlyList<MemoryPage> Pages => pages;

    /// <summary>Changes whenever any page changes hands, is freed or is rewritten: a DMA check done at one version holds until the next.</summary>
    internal long Version { get; private set; }

    public PageRange All => new(0, pages.Count);

    public MemoryPage this[long number] => pages[checked((int)number)];

    public IReadOnlyList<MemoryPage> Allocate(Device? owner, int count) => Allocate(owner, count, All);

    /// <summary>Allocates <paramref name="count"/> free pages within <paramref name="range"/>, lowest first.</summary>
    public IReadOnlyList<MemoryPage> Allocate(Device? owner, int count, PageRange range)
    {
        if (count <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), "Allocate at least one page.");
        }

        var taken = new List<MemoryPage>(count);
        for (var number = Math.Max(range.Start, lowestMaybeFree); number < range.End && taken.Count < count; number++)
        {
            var page = pages[(int)number];
            if (!page.IsAllocated)
            {
                taken.Add(page);
            }
        }

        if (taken.Count < count)
        {
            throw new InvalidOperationException($"Out of memory: {count} pages wanted, {taken.Count} free in {range}.");
        }

        foreach (var page in taken)
        {
            page.IsAllocated = true;
            page.Owner = owner;
            page.Generation++;
        }

        Version++;
        if (range.Start <= lowestMaybeFree)
        {
            // Everything from the old mark up to the last page taken is allocated now.
            lowestMaybeFree = taken[^1].Number + 1;
        }

        return taken;
    }

    public void Free(IEnumerable<MemoryPage> freed)
    {
        foreach (var page in freed)
        {
            page.IsAllocated = false;
            page.Owner = null;
            page.IsReservedAcrossKexec = false;
            lowestMaybeFree = Math.Min(lowestMaybeFree, page.Number);
        }

        Version++;
    }

    /// <summary>
    /// A device writes to <paramref name="page"/> with the generation it was given. False when the
    /// write corrupts memory: the page was freed, or has changed hands since.
    /// </summary>
    internal bool DeviceWriteIsSafe(long page, int generation)
    {
        if (page < 0 || page >= pages.Count)
        {
            return false;
        }

        var target = pages[(int)page];
        return target.IsAllocated && target.Generation == generation;
    }

    /// <summary>
    /// The next kernel takes over <paramref name="range"/> after kexec: every page is its memory now,
    /// with a new generation, except pages reserved across kexec.
    /// </summary>
    internal void HandOver(PageRange range)
    {
        for (var number = range.Start; number < range.End; number++)
        {
            var page = pages[(int)number];
            if (page.IsReservedAcrossKexec)
            {
                continue;
            }

            page.IsAllocated = false;
            page.Owner = null;
            page.Generation++;
        }

        lowestMaybeFree = Math.Min(lowestMaybeFree, range.Start);
        Version++;
    }

    /// <summary>Power was lost or the platform reset: every page's old contents are meaningless.</summary>
    internal void ClearAll()
    {
        foreach (var page in pages)
        {
            page.IsAllocated = false;
            page.Owner = null;
            page.IsReservedAcrossKexec = false;
            page.Generation++;
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
        foreach (var page in pages)
        {
            if (page.IsAllocated)
            {
                page.Generation++;
            }
        }

        Version++;
    }
}
