using System;
using System.Linq;
using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Hardware;

namespace ShutdownAnalyzers.Runtime.Tests.DriverModel;

public class PciDeviceTests
{
    [Fact]
    public void Enable_and_disable_switch_decoding_and_bus_mastering()
    {
        var (_, device) = TestMachine.OnePciFunction();

        device.EnableDevice();
        device.SetMaster();
        Assert.True(device.Function.MemorySpaceEnabled);
        Assert.True(device.Function.BusMasterEnabled);

        device.ClearMaster();
        Assert.False(device.IsBusMaster);
        Assert.True(device.IsEnabled);

        device.SetMaster();
        device.DisableDevice();
        Assert.False(device.IsBusMaster);
        Assert.False(device.IsEnabled);
    }

    [Theory]
    [InlineData(PciPowerState.D0)]
    [InlineData(PciPowerState.D1)]
    [InlineData(PciPowerState.D2)]
    [InlineData(PciPowerState.D3Hot)]
    [InlineData(PciPowerState.D3Cold)]
    public void SetPowerState_moves_the_function_to_that_state(PciPowerState state)
    {
        var (_, device) = TestMachine.OnePciFunction();

        device.SetPowerState(state);

        Assert.Equal(state, device.PowerState);
        Assert.Equal(state, device.Function.PowerState);
    }

    [Fact]
    public void On_a_platform_that_removes_power_in_D3hot_the_function_ends_in_D3cold()
    {
        var kernel = new Kernel();
        var function = new PciFunction(0x8086, 0x10c9) { PlatformRemovesPowerInD3Hot = true };
        var device = new PciDevice(kernel, "0000:03:00.0", function);
        kernel.AddDevice(device);

        device.SetPowerState(PciPowerState.D3Hot);

        Assert.Equal(PciPowerState.D3Cold, device.PowerState);
        Assert.False(function.RespondsToConfig);
    }

    [Fact]
    public void SetPowerState_rejects_a_value_that_is_not_a_power_state()
    {
        var (_, device) = TestMachine.OnePciFunction();

        Assert.Throws<ArgumentOutOfRangeException>(() => device.SetPowerState((PciPowerState)7));
    }

    [Fact]
    public void EnableDevice_brings_a_powered_down_function_back_to_D0()
    {
        var (_, device) = TestMachine.OnePciFunction();
        device.SetPowerState(PciPowerState.D3Hot);

        device.EnableDevice();

        Assert.Equal(PciPowerState.D0, device.PowerState);
    }

    [Fact]
    public void Requesting_an_interrupt_installs_the_handler_and_holds_the_line()
    {
        var (kernel, device) = TestMachine.OnePciFunction(InterruptMode.Intx);
        InterruptHandler handler = static _ => IrqReturn.Handled;

        device.RequestIrq(handler);

        Assert.Same(handler, device.IrqHandler);
        Assert.True(kernel.Resources.Holds(device, DeviceResource.Interrupt));
        Assert.True(device.Hardware.Interrupt.IsLevelTriggered);
        var busy = Assert.Throws<InvalidOperationException>(() => device.RequestIrq(handler));
        Assert.Contains("busy", busy.Message);

        device.FreeIrq();

        Assert.Null(device.IrqHandler);
        Assert.False(kernel.Resources.Holds(device, DeviceResource.Interrupt));
    }

    [Fact]
    public void Freeing_an_interrupt_that_was_never_requested_is_an_error()
    {
        var (_, device) = TestMachine.OnePciFunction();

        Assert.Throws<InvalidOperationException>(device.FreeIrq);
    }

    [Fact]
    public void DisableIrq_and_MaskInterrupts_stop_delivery_at_different_places()
    {
        var (_, device) = TestMachine.OnePciFunction(InterruptMode.Intx);
        device.RequestIrq(static _ => IrqReturn.Handled);

        device.DisableIrq();
        Assert.True(device.IrqDisabled);
        Assert.False(device.Hardware.Interrupt.MaskedAtDevice);
        device.EnableIrq();
        Assert.False(device.IrqDisabled);

        device.MaskInterrupts();
        Assert.True(device.Hardware.Interrupt.MaskedAtDevice);
        device.UnmaskInterrupts();
        Assert.False(device.Hardware.Interrupt.MaskedAtDevice);
    }

    [Fact]
    public void Dma_runs_into_the_mapped_pages_until_stopped()
    {
        var (kernel, device) = TestMachine.OnePciFunction();

        var buffer = device.MapDma(pages: 3);
        device.StartDma(buffer);

        Assert.True(device.Hardware.Dma.Running);
        Assert.Equal(buffer.Pages.Select(p => p.Number), device.Hardware.Dma.DescriptorPages);
        Assert.All(buffer.Pages, p => Assert.Same(device, p.Owner));
        Assert.True(kernel.Resources.Holds(device, DeviceResource.DmaBuffer));

        device.StopDma();

        Assert.False(device.Hardware.Dma.Running);
    }

    [Fact]
    public void Unmapping_a_dma_buffer_frees_its_pages_and_the_next_owner_gets_a_new_generation()
    {
        var (kernel, device) = TestMachine.OnePciFunction();
        var buffer = device.MapDma(pages: 1);
        var page = buffer.Pages[0];
        var generation = page.Generation;

        device.UnmapDma(buffer);

        Assert.False(buffer.IsMapped);
        Assert.False(page.IsAllocated);
        Assert.Null(page.Owner);
        Assert.False(kernel.Resources.Holds(device, DeviceResource.DmaBuffer));
        var reused = kernel.Memory.Allocate(owner: null, count: 1);
        Assert.Same(page, reused[0]);
        Assert.Equal(generation + 1, page.Generation);
        Assert.Throws<InvalidOperationException>(() => device.StartDma(buffer));
    }

    [Fact]
    public void FunctionReset_stops_dma_masks_interrupts_and_clears_the_command_bits()
    {
        var (_, device) = TestMachine.OnePciFunction(InterruptMode.Intx);
        device.EnableDevice();
        device.SetMaster();
        device.StartDma(device.MapDma(1));

        device.FunctionReset();

        Assert.False(device.Hardware.Dma.Running);
        Assert.Empty(device.Hardware.Dma.DescriptorPages);
        Assert.True(device.Hardware.Interrupt.MaskedAtDevice);
        Assert.False(device.IsBusMaster);
        Assert.False(device.IsEnabled);
    }

    [Fact]
    public void Saved_state_is_restored_once()
    {
        var (_, device) = TestMachine.OnePciFunction();
        device.EnableDevice();

        device.SaveState();
        Assert.True(device.Function.HasSavedState);
        device.FunctionReset();
        device.RestoreState();

        Assert.True(device.IsEnabled);
        Assert.False(device.Function.HasSavedState);
        Assert.Throws<InvalidOperationException>(device.RestoreState);
    }

    [Fact]
    public void Regions_are_exclusive_until_released()
    {
        var (kernel, device) = TestMachine.OnePciFunction();

        device.RequestRegions();
        Assert.Throws<InvalidOperationException>(device.RequestRegions);
        device.ReleaseRegions();
        device.RequestRegions();

        Assert.True(kernel.Resources.Holds(device, DeviceResource.Region));
    }

    [Fact]
    public void Register_mappings_are_tracked_per_mapping()
    {
        var (kernel, device) = TestMachine.OnePciFunction();

        var bar0 = device.MapRegisters();
        var bar2 = device.MapRegisters(bar: 2);
        device.UnmapRegisters(bar0);

        Assert.False(bar0.IsMapped);
        Assert.True(bar2.IsMapped);
        Assert.Equal(2, bar2.Bar);
        var held = Assert.Single(kernel.Resources.HeldBy(device));
        Assert.Same(bar2, held.Handle);
    }
}
