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

    [Fact]
    public void A_wait_whose_timeout_outlasts_the_hung_task_detector_on_gone_hardware_is_a_hang_too()
    {
        var (kernel, device) = LightPulse();
        device.Hardware.IsPresent = false;

        Assert.Throws<HardwareHangException>(() => device.IssueMailboxCommand(LightPulseAdapter.ConfigPort, TimeSpan.FromMinutes(10)));
        Assert.Throws<HardwareHangException>(() => device.IssueMailboxCommand(LightPulseAdapter.ConfigPort, TimeSpan.MaxValue));

        Assert.Equal(2 * KernelContext.HungTaskTimeoutMs, kernel.Context.Clock.NowMs);
    }

    [Fact]
    public void A_long_timeout_on_hardware_that_answers_is_no_hang()
    {
        var (kernel, device) = LightPulse();
        device.EnableDevice();

        Assert.Equal(MailboxStatus.Success, device.IssueMailboxCommand(LightPulseAdapter.ConfigPort, TimeSpan.MaxValue));
        Assert.Equal(5, kernel.Context.Clock.NowMs);
    }

    [Fact]
    public void A_register_wait_returns_when_the_controller_sets_the_bit()
    {
        var (kernel, device) = Nvme();
        device.WriteRegister(NvmeController.Cc, NvmeController.CcEnable);

        Assert.Equal(0u, device.ReadRegister(NvmeController.Csts) & NvmeController.CstsReady);
        Assert.True(device.WaitForRegister(NvmeController.Csts, NvmeController.CstsReady, NvmeController.CstsReady, TimeSpan.FromSeconds(1)));

        Assert.Equal(5, kernel.Context.Clock.NowMs);
        Assert.Equal(NvmeController.CstsReady, device.ReadRegister(NvmeController.Csts));
    }

    [Fact]
    public void A_shutdown_notification_reports_occurring_at_once_and_complete_after_the_shutdown_time()
    {
        var (kernel, device) = Nvme();
        device.WriteRegister(NvmeController.Cc, NvmeController.CcEnable);
        device.WaitForRegister(NvmeController.Csts, NvmeController.CstsReady, NvmeController.CstsReady, Timeout.InfiniteTimeSpan);

        device.WriteRegister(NvmeController.Cc, NvmeController.CcEnable | NvmeController.CcShutdownNormal);

        Assert.Equal(NvmeController.CstsShutdownOccurring, device.ReadRegister(NvmeController.Csts) & NvmeController.CstsShutdownMask);
        Assert.True(device.WaitForRegister(NvmeController.Csts, NvmeController.CstsShutdownMask, NvmeController.CstsShutdownComplete, Timeout.InfiniteTimeSpan));
        Assert.Equal(5 + 20, kernel.Context.Clock.NowMs);
    }

    [Fact]
    public void A_register_wait_on_a_pulled_controller_times_out_with_a_timeout_and_hangs_without()
    {
        var (kernel, device) = Nvme();
        device.WriteRegister(NvmeController.Cc, NvmeController.CcEnable | NvmeController.CcShutdownNormal);
        device.Hardware.IsPresent = false;

        Assert.False(device.WaitForRegister(NvmeController.Csts, NvmeController.CstsShutdownMask, NvmeController.CstsShutdownComplete, TimeSpan.FromSeconds(5)));
        Assert.Equal(5000, kernel.Context.Clock.NowMs);
        Assert.Throws<HardwareHangException>(() =>
            device.WaitForRegister(NvmeController.Csts, NvmeController.CstsShutdownMask, NvmeController.CstsShutdownComplete, Timeout.InfiniteTimeSpan));
    }

    [Fact]
    public void A_bit_nobody_asked_for_never_comes_and_a_reset_cancels_what_was_under_way()
    {
        var (_, device) = Nvme();

        Assert.False(device.WaitForRegister(NvmeController.Csts, NvmeController.CstsReady, NvmeController.CstsReady, TimeSpan.FromMilliseconds(50)));

        device.WriteRegister(NvmeController.Cc, NvmeController.CcEnable | NvmeController.CcShutdownNormal);
        device.FunctionReset();
        device.EnableDevice();

        Assert.False(device.WaitForRegister(NvmeController.Csts, NvmeController.CstsShutdownMask, NvmeController.CstsShutdownComplete, TimeSpan.FromMilliseconds(50)));
        Assert.Equal(0u, device.ReadRegister(NvmeController.Cc));
    }

    private static (Kernel Kernel, PciDevice Device) Nvme()
    {
        var kernel = new Kernel();
        var device = new PciDevice(kernel, "0000:05:00.0", new NvmeController());
        kernel.AddDevice(device);
        device.EnableDevice();
        return (kernel, device);
    }

    private static (Kernel Kernel, PciDevice Device) LightPulse()
    {
        var kernel = new Kernel();
        var device = new PciDevice(kernel, "0000:01:00.0", LightPulseAdapter.Create());
        kernel.AddDevice(device);
        return (kernel, device);
    }
}
