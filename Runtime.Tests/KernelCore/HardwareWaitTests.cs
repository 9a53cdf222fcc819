using System;
using System.Threading;
using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.KernelCore;

namespace ShutdownAnalyzers.Runtime.Tests.KernelCore;

public class HardwareWaitTests
{
    [Fact]
    public void A_mailbox_command_takes_the_firmwares_command_time()
    {
        var (kernel, device) = LightPulse();
        device.EnableDevice();

        var status = device.IssueMailboxCommand(LightPulseAdapter.ConfigPort, Timeout.InfiniteTimeSpan);

        Assert.Equal(MailboxStatus.Success, status);
        Assert.Equal(5, kernel.Context.Clock.NowMs);
        Assert.Equal(LightPulseAdapter.PortConfiguredState, device.Hardware.Firmware!.State);
        Assert.Equal(MailboxStatus.Rejected, device.IssueMailboxCommand(LightPulseAdapter.ConfigPort, Timeout.InfiniteTimeSpan));
    }

    [Fact]
    public void A_reset_puts_the_firmware_back_where_it_accepts_config_port()
    {
        var (_, device) = LightPulse();
        device.EnableDevice();
        device.IssueMailboxCommand(LightPulseAdapter.ConfigPort, Timeout.InfiniteTimeSpan);

        device.RestartFirmware();
        device.EnableDevice();

        Assert.Equal(MailboxStatus.Success, device.IssueMailboxCommand(LightPulseAdapter.ConfigPort, Timeout.InfiniteTimeSpan));
    }

    [Fact]
    public void A_wait_on_gone_hardware_times_out_after_its_timeout()
    {
        var (kernel, device) = LightPulse();
        device.Hardware.IsPresent = false;

        var status = device.IssueMailboxCommand(LightPulseAdapter.ConfigPort, TimeSpan.FromMilliseconds(250));

        Assert.Equal(MailboxStatus.TimedOut, status);
        Assert.Equal(250, kernel.Context.Clock.NowMs);
    }

    [Fact]
    public void A_wait_without_timeout_on_gone_hardware_is_a_hang_after_the_hung_task_timeout_not_a_real_hang()
    {
        var (kernel, device) = LightPulse();
        device.Hardware.IsPresent = false;

        var hang = Assert.Throws<HardwareHangException>(() => device.IssueMailboxCommand(LightPulseAdapter.ConfigPort, Timeout.InfiniteTimeSpan));

        Assert.Contains("never completes", hang.Message);
        Assert.Equal(KernelContext.HungTaskTimeoutMs, kernel.Context.Clock.NowMs);
    }

    [Fact]
    public void A_negative_timeout_is_rejected()
    {
        var (_, device) = LightPulse();

        Assert.Throws<ArgumentOutOfRangeException>(() => device.IssueMailboxCommand(LightPulseAdapter.ConfigPort, TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public void Flushing_takes_the_time_of_every_cached_write_and_puts_them_on_media()
    {
        var kernel = new Kernel();
        var cache = new WriteCache(WriteCacheKind.Volatile, TimeSpan.FromMilliseconds(30));
        var device = new PciDevice(kernel, "0000:03:00.0", new PciFunction(0x1014, 0x034a) { WriteCache = cache });
        kernel.AddDevice(device);
        cache.Acknowledge(1, 0);
        cache.Acknowledge(2, 0);

        Assert.True(device.WriteCache!.Flush(TimeSpan.FromSeconds(1)));

        Assert.Equal(60, kernel.Context.Clock.NowMs);
        Assert.Equal(2, cache.WritesOnMedia);
        Assert.Equal(0, device.WriteCache.UnflushedWrites);
    }

    [Fact]
    public void A_reset_drops_a_volatile_cache_and_keeps_a_non_volatile_one()
    {
        var volatileCache = new WriteCache(WriteCacheKind.Volatile, TimeSpan.FromMilliseconds(1));
        var nonVolatile = new WriteCache(WriteCacheKind.NonVolatile, TimeSpan.FromMilliseconds(1));
        volatileCache.Acknowledge(1, 0);
        nonVolatile.Acknowledge(1, 0);

        new PciFunction(1, 1) { WriteCache = volatileCache }.Reset();
        new PciFunction(1, 2) { WriteCache = nonVolatile }.Reset();

        Assert.Empty(volatileCache.Unflushed);
        Assert.Single(nonVolatile.Unflushed);
    }

    private static (Kernel Kernel, PciDevice Device) LightPulse()
    {
        var kernel = new Kernel();
        var device = new PciDevice(kernel, "0000:01:00.0", LightPulseAdapter.Create());
        kernel.AddDevice(device);
        return (kernel, device);
    }
}
