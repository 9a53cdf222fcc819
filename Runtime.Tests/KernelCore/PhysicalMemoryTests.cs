using System.Linq;
using ShutdownAnalyzers.KernelCore;

namespace ShutdownAnalyzers.Runtime.Tests.KernelCore;

public class PhysicalMemoryTests
{
    [Fact]
    public void After_the_hand_over_to_the_next_kernel_an_old_mapping_no_longer_owns_its_pages()
    {
        var memory = new PhysicalMemory(16);
        var page = memory.Allocate(owner: null, count: 1)[0];
        var generation = page.Generation;

        memory.HandOver(memory.All);

        Assert.False(memory.DeviceWriteIsSafe(page.Number, generation));
        Assert.False(page.IsAllocated);
        Assert.Equal(generation + 1, page.Generation);
    }

    [Fact]
    public void Pages_reserved_across_kexec_stay_with_their_owner()
    {
        var memory = new PhysicalMemory(16);
        var page = memory.Allocate(owner: null, count: 1)[0];
        page.IsReservedAcrossKexec = true;

        memory.HandOver(memory.All);

        Assert.True(memory.DeviceWriteIsSafe(page.Number, page.Generation));
        Assert.True(page.IsAllocated);
    }

    [Fact]
    public void Pages_outside_the_handed_over_range_are_untouched()
    {
        var memory = new PhysicalMemory(16);
        var crashRegion = new PageRange(12, 16);
        var oldKernelPage = memory.Allocate(owner: null, count: 1)[0];

        var crashPage = memory.Allocate(owner: null, count: 1, crashRegion)[0];
        memory.HandOver(crashRegion);

        Assert.Equal(12, crashPage.Number);
        Assert.True(memory.DeviceWriteIsSafe(oldKernelPage.Number, oldKernelPage.Generation));
    }

    [Fact]
    public void Restoring_a_hibernation_image_makes_every_earlier_mapping_stale_but_keeps_the_pages_allocated()
    {
        var memory = new PhysicalMemory(16);
        var page = memory.Allocate(owner: null, count: 1)[0];
        var generation = page.Generation;

        memory.RestoreImage();

        Assert.True(page.IsAllocated);
        Assert.False(memory.DeviceWriteIsSafe(page.Number, generation));
    }

    [Fact]
    public void A_write_to_a_freed_page_is_not_safe()
    {
        var memory = new PhysicalMemory(16);
        var page = memory.Allocate(owner: null, count: 1)[0];

        memory.Free(new[] { page });

        Assert.False(memory.DeviceWriteIsSafe(page.Number, page.Generation));
    }

    [Fact]
    public void A_page_freed_below_later_allocations_is_the_next_one_handed_out()
    {
        var memory = new PhysicalMemory(16);
        var first = memory.Allocate(owner: null, count: 4);
        memory.Allocate(owner: null, count: 4);

        memory.Free(new[] { first[1] });
        var again = memory.Allocate(owner: null, count: 2);

        Assert.Equal(new long[] { 1, 8 }, again.Select(p => p.Number));
    }

    [Fact]
    public void Allocating_in_a_range_above_free_pages_leaves_the_free_pages_for_later()
    {
        var memory = new PhysicalMemory(16);
        memory.Allocate(owner: null, count: 2, new PageRange(8, 16));

        var low = memory.Allocate(owner: null, count: 3);

        Assert.Equal(new long[] { 0, 1, 2 }, low.Select(p => p.Number));
    }

    [Fact]
    public void After_a_hand_over_the_next_kernel_allocates_from_the_bottom_again()
    {
        var memory = new PhysicalMemory(16);
        memory.Allocate(owner: null, count: 10);

        memory.HandOver(new PageRange(0, 12));

        Assert.Equal(0, memory.Allocate(owner: null, count: 1)[0].Number);
    }
}
