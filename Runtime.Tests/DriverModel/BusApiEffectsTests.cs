using System;
using System.Linq;
using System.Reflection;
using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Hardware;

namespace ShutdownAnalyzers.Runtime.Tests.DriverModel;

/// <summary>The members the runtime added to the bus API say what they do, so analyzers can read it.</summary>
public class BusApiEffectsTests
{
    [Theory]
    [InlineData(typeof(MemoryMappedDevice), nameof(MemoryMappedDevice.ReadRegister), typeof(PerformsIoAttribute))]
    [InlineData(typeof(MemoryMappedDevice), nameof(MemoryMappedDevice.WriteRegister), typeof(PerformsIoAttribute))]
    [InlineData(typeof(MemoryMappedDevice), nameof(MemoryMappedDevice.IssueMailboxCommand), typeof(PerformsIoAttribute))]
    [InlineData(typeof(MemoryMappedDevice), nameof(MemoryMappedDevice.RestartFirmware), typeof(ResetsAttribute))]
    [InlineData(typeof(MemoryMappedDevice), nameof(MemoryMappedDevice.RestartFirmware), typeof(QuiescesDmaAttribute))]
    [InlineData(typeof(MemoryMappedDevice), nameof(MemoryMappedDevice.RestartFirmware), typeof(MasksInterruptAttribute))]
    [InlineData(typeof(MemoryMappedDevice), nameof(MemoryMappedDevice.FreeIrq), typeof(MasksInterruptAttribute))]
    [InlineData(typeof(ScsiDevice), nameof(ScsiDevice.Read), typeof(PerformsIoAttribute))]
    [InlineData(typeof(ScsiDevice), nameof(ScsiDevice.Write), typeof(PerformsIoAttribute))]
    [InlineData(typeof(ScsiDevice), nameof(ScsiDevice.StopUnit), typeof(PerformsIoAttribute))]
    [InlineData(typeof(ScsiDevice), nameof(ScsiDevice.StartUnit), typeof(PerformsIoAttribute))]
    public void New_members_carry_their_effect(Type type, string member, Type effect)
    {
        Assert.True(type.GetMethod(member)!.IsDefined(effect), $"{type.Name}.{member} should carry {effect.Name}");
    }

    [Theory]
    [InlineData(typeof(PciDevice), nameof(PciDevice.IsBusMaster))]
    [InlineData(typeof(DmaEngine), nameof(DmaEngine.Running))]
    public void Running_state_reads_say_so(Type type, string property)
    {
        Assert.True(type.GetProperty(property)!.IsDefined(typeof(IndicatesRunningAttribute)), $"{type.Name}.{property} should carry IndicatesRunning");
    }

    [Fact]
    public void Both_flushes_flush_the_cache_perform_io_and_wait_and_the_one_with_a_timeout_names_it()
    {
        var flushes = typeof(DeviceWriteCache).GetMethods().Where(m => m.Name == nameof(DeviceWriteCache.Flush)).ToList();

        Assert.Equal(2, flushes.Count);
        Assert.All(flushes, m => Assert.True(m.IsDefined(typeof(FlushesCacheAttribute)) && m.IsDefined(typeof(PerformsIoAttribute))));
        Assert.Null(flushes.Single(m => m.GetParameters().Length == 0).GetCustomAttribute<WaitsOnHardwareAttribute>()!.TimeoutParameter);
        var bounded = flushes.Single(m => m.GetParameters().Length == 1);
        Assert.Equal("timeout", bounded.GetCustomAttribute<WaitsOnHardwareAttribute>()!.TimeoutParameter);
        Assert.Equal("timeout", bounded.GetParameters()[0].Name);
    }

    [Fact]
    public void The_mailbox_wait_names_its_timeout_parameter()
    {
        var method = typeof(MemoryMappedDevice).GetMethod(nameof(MemoryMappedDevice.IssueMailboxCommand))!;

        Assert.Equal("timeout", method.GetCustomAttribute<WaitsOnHardwareAttribute>()!.TimeoutParameter);
        Assert.Contains(method.GetParameters(), p => p.Name == "timeout" && p.ParameterType == typeof(TimeSpan));
    }

    [Fact]
    public void The_register_wait_performs_io_and_names_its_timeout_parameter()
    {
        var method = typeof(MemoryMappedDevice).GetMethod(nameof(MemoryMappedDevice.WaitForRegister))!;

        Assert.True(method.IsDefined(typeof(PerformsIoAttribute)));
        Assert.Equal("timeout", method.GetCustomAttribute<WaitsOnHardwareAttribute>()!.TimeoutParameter);
        Assert.Contains(method.GetParameters(), p => p.Name == "timeout" && p.ParameterType == typeof(TimeSpan));
    }

    [Theory]
    [InlineData(typeof(DeviceWriteCache))]
    [InlineData(typeof(WriteCache))]
    public void A_caches_non_volatility_is_marked_so_a_skipped_flush_can_be_seen_to_depend_on_it(Type cache)
    {
        var property = cache.GetProperty("IsNonVolatile")!;

        Assert.Equal(typeof(bool), property.PropertyType);
        Assert.True(property.IsDefined(typeof(IndicatesNonVolatileCacheAttribute)));
    }

    [Fact]
    public void Restore_state_brings_back_the_saved_command_bits()
    {
        var (_, device) = TestMachine.OnePciFunction();
        device.EnableDevice();
        device.SetMaster();
        device.SaveState();
        device.FunctionReset();
        Assert.False(device.IsBusMaster);

        device.RestoreState();

        Assert.True(device.IsEnabled);
        Assert.True(device.IsBusMaster);
    }

    [Fact]
    public void A_device_that_does_not_answer_reads_as_all_ones()
    {
        var (_, device) = TestMachine.OnePciFunction();
        device.EnableDevice();
        device.WriteRegister(0x10, 7);
        Assert.Equal(7u, device.ReadRegister(0x10));

        device.SetPowerState(PciPowerState.D3Cold);

        Assert.Equal(MemoryMappedDevice.AllOnes, device.ReadRegister(0x10));
    }

    [Fact]
    public void A_stopped_disk_answers_not_ready_until_started()
    {
        var kernel = new Kernel();
        var host = new PciDevice(kernel, "0000:02:00.0", new PciFunction(0x1014, 0x034a));
        var disk = new ScsiDevice(kernel, "0:0:0:0", new ScsiDisk(), host);
        kernel.AddDevice(host);
        kernel.AddDevice(disk);

        disk.StopUnit();
        var error = Assert.Throws<DeviceIoException>(() => disk.Read(0));
        disk.StartUnit();
        disk.Read(0);

        Assert.Contains("Logical unit not ready", error.Message);
    }

    [Fact]
    public void An_engine_that_cannot_be_stopped_keeps_running_and_cannot_be_reprogrammed()
    {
        var kernel = new Kernel();
        var its = new PlatformDevice(kernel, "its@8080000", new PlatformHardware("arm,gic-v3-its") { CannotBeDisabled = true });
        kernel.AddDevice(its);
        var tables = its.MapDma(1);
        its.StartDma(tables);

        its.StopDma();
        its.Hardware.Reset();

        Assert.True(its.Hardware.Dma.Running);
        Assert.Throws<InvalidOperationException>(() => its.StartDma(its.MapDma(1)));
    }
}
