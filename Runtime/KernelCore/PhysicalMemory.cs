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

    /// <summary>Bumped on every allocation: a page freed and reused is not the old owner's any more.</summary>
    public int Generation { get; internal set; }

    public bool IsAllocated { get; internal set; }
}

/// <summary>The machine's physical memory, page by page, lowest free page first (deterministic).</summary>
public sealed class PhysicalMemory
{
    private readonly List<MemoryPage> pages = new();

    public PhysicalMemory(int pageCount)
    {
        if (pageCount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(pageCount), "Memory needs at least one page.");
        }

        for (var i = 0; i < pageCount; i++)
        {
            pages.Add(new MemoryPage(i));
        }
    }

    public IReadOnlyList<MemoryPage> Pages => pages;

    public MemoryPage this[long number] => pages[checked((int)number)];

    public IReadOnlyList<MemoryPage> Allocate(Device? owner, int count)
    {
        if (count <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), "Allocate at least one page.");
        }

        var taken = new List<MemoryPage>(count);
        foreach (var page in pages)
        {
            if (!page.IsAllocated)
            {
                taken.Add(page);
                if (taken.Count == count)
                {
                    break;
                }
            }
        }

        if (taken.Count < count)
        {
            throw new InvalidOperationException($"Out of memory: {count} pages wanted, {taken.Count} free.");
        }

        foreach (var page in taken)
        {
            page.IsAllocated = true;
            page.Owner = owner;
            page.Generation++;
        }

        return taken;
    }

    public void Free(IEnumerable<MemoryPage> freed)
    {
        foreach (var page in freed)
        {
            page.IsAllocated = false;
            page.Owner = null;
        }
    }
}
