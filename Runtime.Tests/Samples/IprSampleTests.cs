using ShutdownAnalyzers.Samples.Ipr;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runtime.Tests.Samples;

/// <summary>SHD005's run-time twin: ipr's fast reboot skipping the flush of a volatile cache loses data on reboot.</summary>
public class IprSampleTests
{
    [Fact]
    public void The_flawed_ipr_loses_acknowledged_writes_to_the_reset_at_reboot()
    {
        var report = Simulator.Run(new FlawedIprMachine(), Scenario.Reboot);

        var adapter = Assert.Single(report.Devices);
        Assert.Equal("ipr", adapter.Driver);
        Assert.Equal(Outcome.DataLost, adapter.Outcome);
        Assert.Equal("write cache", adapter.Evidence.Location);
        Assert.Contains("the platform reset at reboot", adapter.Evidence.Text);
        Assert.True(adapter.Evidence.FlushCostMs > 0);
    }

    [Fact]
    public void The_flawed_ipr_loses_them_across_kexec_too_which_promises_nothing_about_the_next_kernel()
    {
        var report = Simulator.Run(new FlawedIprMachine(), Scenario.Kexec);

        var adapter = Assert.Single(report.Devices);
        Assert.Equal(Outcome.DataLost, adapter.Outcome);
        Assert.Contains("when kexec jumped to the next kernel", adapter.Evidence.Text);
        Assert.Equal("write cache", adapter.Evidence.Location);
    }

    [Fact]
    public void The_fixed_ipr_flushes_a_volatile_cache_and_the_flush_time_shows()
    {
        var report = Simulator.Run(new FixedIprMachine(), Scenario.Reboot);

        var adapter = Assert.Single(report.Devices);
        Assert.Equal(Outcome.Healthy, adapter.Outcome);
        Assert.False(adapter.Evidence.FlushSkipped);
        Assert.True(adapter.Evidence.FlushCostMs > 0);
        Assert.Contains($"its write cache was flushed, which cost {adapter.Evidence.FlushCostMs} ms", adapter.Evidence.Text);
    }

    [Fact]
    public void The_fixed_ipr_skips_the_flush_of_a_non_volatile_cache_and_the_report_shows_the_time_saved()
    {
        var flushed = Simulator.Run(new FixedIprMachine(), Scenario.Reboot);
        var skipped = Simulator.Run(new FixedNonVolatileIprMachine(), Scenario.Reboot);

        var adapter = Assert.Single(skipped.Devices);
        Assert.Equal(Outcome.Healthy, adapter.Outcome);
        Assert.True(adapter.Evidence.FlushSkipped);
        Assert.Contains($"saved the {adapter.Evidence.FlushCostMs} ms a flush would have cost", adapter.Evidence.Text);
        Assert.Equal(flushed.Devices[0].Evidence.FlushCostMs, adapter.Evidence.FlushCostMs);
        Assert.Equal(flushed.DurationMs - adapter.Evidence.FlushCostMs, skipped.DurationMs);
    }

    [Theory]
    [InlineData(Scenario.Kexec)]
    [InlineData(Scenario.PowerOff)]
    [InlineData(Scenario.HotUnplug)]
    [InlineData(Scenario.UnbindRebind)]
    public void The_fixed_ipr_comes_through_the_other_scenarios(Scenario scenario)
    {
        Assert.True(Simulator.Run(new FixedIprMachine(), scenario).AllHealthy);
        Assert.True(Simulator.Run(new FixedNonVolatileIprMachine(), scenario).AllHealthy);
    }

    [Fact]
    public void Powering_off_the_flawed_ipr_flushes_as_the_fast_reboot_only_applies_to_a_restart()
    {
        Assert.True(Simulator.Run(new FlawedIprMachine(), Scenario.PowerOff).AllHealthy);
    }
}
