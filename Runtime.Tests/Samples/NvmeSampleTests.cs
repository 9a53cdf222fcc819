using System;
using ShutdownAnalyzers.KernelCore;
using ShutdownAnalyzers.Samples.Nvme;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runtime.Tests.Samples;

/// <summary>SHD010's run-time twin: nvme waiting for CSTS.SHST with no timeout hangs when the SSD is pulled out.</summary>
public class NvmeSampleTests
{
    [Fact]
    public void The_flawed_nvme_hangs_in_Remove_when_the_ssd_is_pulled_out()
    {
        var report = Simulator.Run(new FlawedNvmeMachine(), Scenario.HotUnplug);

        var ssd = Assert.Single(report.Devices);
        Assert.Equal("nvme", ssd.Driver);
        Assert.Equal(Outcome.Hang, ssd.Outcome);
        Assert.Equal("Remove", ssd.Evidence.Callback);
        Assert.Contains("register 0x1c", ssd.Evidence.Text);
        Assert.Contains("with no timeout", ssd.Evidence.Text);
        Assert.True(report.DurationMs >= KernelContext.HungTaskTimeoutMs);
    }

    [Fact]
    public void The_fixed_nvme_gives_up_after_its_shutdown_timeout_and_the_removal_completes()
    {
        var report = Simulator.Run(new FixedNvmeMachine(), Scenario.HotUnplug);

        var ssd = Assert.Single(report.Devices);
        Assert.Equal(Outcome.Healthy, ssd.Outcome);
        Assert.Contains("pulled out and removed cleanly", ssd.Evidence.Text);
        Assert.Contains(ssd.Timeline, e => e.What.Contains("timed out", StringComparison.Ordinal));
        Assert.InRange(report.DurationMs, NvmeCore.ShutdownTimeout.TotalMilliseconds, KernelContext.HungTaskTimeoutMs - 1);
    }

    [Theory]
    [InlineData(Scenario.Kexec)]
    [InlineData(Scenario.Reboot)]
    [InlineData(Scenario.PowerOff)]
    [InlineData(Scenario.UnbindRebind)]
    public void Both_come_through_when_the_controller_answers(Scenario scenario)
    {
        Assert.True(Simulator.Run(new FlawedNvmeMachine(), scenario).AllHealthy);
        Assert.True(Simulator.Run(new FixedNvmeMachine(), scenario).AllHealthy);
    }
}
