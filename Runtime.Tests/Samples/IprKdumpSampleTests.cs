using System.Linq;
using ShutdownAnalyzers.Samples.IprKdump;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runtime.Tests.Samples;

/// <summary>SHD007's run-time twin: a crash kernel meets the adapter still running.</summary>
public class IprKdumpSampleTests
{
    [Fact]
    public void The_flawed_ipr_storms_in_the_crash_kernel_and_its_probe_fails()
    {
        var report = Simulator.Run(new FlawedIprKdumpMachine(), Scenario.KexecOnPanic);

        var adapter = Assert.Single(report.Devices);
        Assert.Equal(IprKdumpMachines.AdapterAddress, adapter.Device);
        Assert.Equal(Outcome.InterruptStorm, adapter.Outcome);
        Assert.Equal("crash kernel", adapter.Evidence.Kernel);
        Assert.Contains("level-triggered", adapter.Evidence.Text);
        Assert.Contains("its handler did not service it", adapter.Evidence.Text);
        var probe = Assert.Single(adapter.OtherFindings);
        Assert.Equal(Outcome.ProbeFailed, probe.Outcome);
        Assert.Contains("IDENTIFY_HOST_RRQ", probe.Text);
    }

    [Fact]
    public void The_fixed_ipr_resets_the_adapter_and_comes_up_in_the_crash_kernel()
    {
        var report = Simulator.Run(new FixedIprKdumpMachine(), Scenario.KexecOnPanic);

        var adapter = Assert.Single(report.Devices);
        Assert.Equal(Outcome.Healthy, adapter.Outcome);
        Assert.Contains("ipr is bound in the crash kernel", adapter.Evidence.Text);
        Assert.Empty(adapter.OtherFindings);
    }

    [Theory]
    [InlineData(Scenario.Kexec)]
    [InlineData(Scenario.Reboot)]
    [InlineData(Scenario.UnbindRebind)]
    public void Where_Shutdown_or_Remove_ran_first_even_the_flawed_ipr_comes_through(Scenario scenario)
    {
        // Its only bug is the crash kernel's: every other hand-over brought the IOA down before the probe.
        Assert.True(Simulator.Run(new FlawedIprKdumpMachine(), scenario).AllHealthy);
        Assert.True(Simulator.Run(new FixedIprKdumpMachine(), scenario).AllHealthy);
    }

    [Fact]
    public void The_adapter_interrupts_only_while_operational_so_a_cold_boot_probe_is_quiet()
    {
        var report = Simulator.Run(new FlawedIprKdumpMachine(), Scenario.KexecOnPanic);

        var adapter = Assert.Single(report.Devices);
        Assert.DoesNotContain(
            adapter.Timeline,
            e => e.Kernel == Simulator.FirstKernel && e.What.Contains("InterruptStorm", System.StringComparison.Ordinal));
    }
}
