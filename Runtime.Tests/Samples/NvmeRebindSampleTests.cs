using ShutdownAnalyzers.Samples.NvmeRebind;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runtime.Tests.Samples;

/// <summary>SHD006's run-time twin: unbind and bind again in one kernel.</summary>
public class NvmeRebindSampleTests
{
    [Fact]
    public void The_flawed_nvme_leaks_its_regions_on_unbind_and_the_rebind_finds_them_busy()
    {
        var report = Simulator.Run(new FlawedNvmeRebindMachine(), Scenario.UnbindRebind);

        var controller = Assert.Single(report.Devices);
        Assert.Equal(NvmeRebindMachines.ControllerAddress, controller.Device);
        Assert.Equal("nvme", controller.Driver);
        Assert.Equal(Outcome.ResourceLeak, controller.Outcome);
        Assert.Contains("nvme Remove(0000:01:00.0) returned still holding the I/O regions", controller.Evidence.Text);
        Assert.Equal("Region", controller.Evidence.Location);
        var rebind = Assert.Single(controller.OtherFindings);
        Assert.Equal(Outcome.ProbeFailed, rebind.Outcome);
        Assert.Contains("busy", rebind.Text);
    }

    [Fact]
    public void The_fixed_nvme_is_bound_again_after_unbind()
    {
        var report = Simulator.Run(new FixedNvmeRebindMachine(), Scenario.UnbindRebind);

        var controller = Assert.Single(report.Devices);
        Assert.Equal(Outcome.Healthy, controller.Outcome);
        Assert.Contains("nvme is bound in the old kernel", controller.Evidence.Text);
    }

    [Theory]
    [InlineData(Scenario.Kexec)]
    [InlineData(Scenario.KexecOnPanic)]
    [InlineData(Scenario.Reboot)]
    public void A_leak_costs_nothing_when_the_kernel_does_not_live_on(Scenario scenario)
    {
        Assert.True(Simulator.Run(new FlawedNvmeRebindMachine(), scenario).AllHealthy);
        Assert.True(Simulator.Run(new FixedNvmeRebindMachine(), scenario).AllHealthy);
    }
}
