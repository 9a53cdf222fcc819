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
}
