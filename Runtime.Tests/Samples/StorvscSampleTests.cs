using System.Linq;
using ShutdownAnalyzers.Samples.Storvsc;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runtime.Tests.Samples;

/// <summary>SHD009's run-time twin: storvsc closing its channel through the VMBus device in Suspend.</summary>
public class StorvscSampleTests
{
    [Theory]
    [InlineData(Scenario.SuspendResume)]
    [InlineData(Scenario.Hibernate)]
    public void The_flawed_storvsc_sends_io_to_the_vmbus_device_after_it_was_suspended(Scenario scenario)
    {
        var report = Simulator.Run(new FlawedStorvscMachine(), scenario);

        var vmbus = report[StorvscMachines.VmbusAddress]!;
        Assert.Equal(Outcome.IoAfterSuspend, vmbus.Outcome);
        Assert.Equal("Suspend", vmbus.Evidence.Callback);
        Assert.Equal("hv_storvsc", vmbus.Evidence.Driver);
        Assert.Equal("WriteRegister", vmbus.Evidence.Location);
        Assert.Equal(new[] { StorvscMachines.ControllerAddress, StorvscMachines.DiskAddress }, report.Devices.Where(d => d.IsHealthy).Select(d => d.Device));
    }

    [Theory]
    [InlineData(Scenario.SuspendResume)]
    [InlineData(Scenario.Hibernate)]
    public void The_fixed_storvsc_is_suspended_before_the_vmbus_device_and_resumed_after_it(Scenario scenario)
    {
        var report = Simulator.Run(new FixedStorvscMachine(), scenario);

        Assert.True(report.AllHealthy, string.Join("\n", report.Devices));
        Assert.Contains(report[StorvscMachines.ControllerAddress]!.Timeline, e => e.What == $"hv_storvsc Suspend({StorvscMachines.ControllerAddress}) returned");
    }

    [Fact]
    public void After_hibernation_the_fixed_storvsc_runs_on_new_rings()
    {
        var report = Simulator.Run(new FixedStorvscMachine(), Scenario.Hibernate);

        var controller = report[StorvscMachines.ControllerAddress]!;
        Assert.Equal(Outcome.Healthy, controller.Outcome);
        Assert.True(controller.Timeline[^1].DmaRunning);
    }

    [Theory]
    [InlineData(Scenario.Kexec)]
    [InlineData(Scenario.Reboot)]
    [InlineData(Scenario.UnbindRebind)]
    public void The_link_leaves_nothing_behind_in_the_other_scenarios(Scenario scenario)
    {
        Assert.True(Simulator.Run(new FixedStorvscMachine(), scenario).AllHealthy);
    }
}
