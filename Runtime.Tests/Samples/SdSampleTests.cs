using ShutdownAnalyzers.Samples.Sd;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runtime.Tests.Samples;

public class SdSampleTests
{
    [Fact]
    public void The_flawed_sd_parks_the_disk_so_the_next_kernel_finds_it_not_ready()
    {
        var disk = Simulator.Run(new FlawedSdMachine(), Scenario.Kexec)[SdMachines.DiskAddress]!;

        Assert.Equal(Outcome.ProbeFailed, disk.Outcome);
        Assert.Contains("Logical unit not ready", disk.Evidence.Text);
        Assert.Equal("next kernel", disk.Evidence.Kernel);
    }

    [Theory]
    [InlineData(Scenario.Kexec)]
    [InlineData(Scenario.Reboot)]
    [InlineData(Scenario.PowerOff)]
    [InlineData(Scenario.HotUnplug)]
    public void The_fixed_sd_comes_through_with_its_cache_on_the_platters(Scenario scenario)
    {
        var report = Simulator.Run(new FixedSdMachine(), scenario);

        Assert.True(report.AllHealthy, string.Join("; ", report.Devices));
    }

    [Fact]
    public void Stopping_the_disk_is_harmless_when_the_machine_really_powers_off()
    {
        Assert.True(Simulator.Run(new FlawedSdMachine(), Scenario.PowerOff).AllHealthy);
    }

    [Fact]
    public void Unbinding_first_spares_the_flawed_disk_because_its_remove_only_synchronizes_the_cache()
    {
        Assert.True(Simulator.Run(new FlawedSdMachine(), Scenario.Kexec, KexecPolicy.Remove).AllHealthy);
    }
}
