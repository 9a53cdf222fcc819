using System.Linq;
using ShutdownAnalyzers.Samples.Zpci;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runtime.Tests.Samples;

/// <summary>SHD008's run-time twin: zPCI error recovery racing with a removal of the function.</summary>
public class ZpciSampleTests
{
    [Fact]
    public void The_flawed_driver_re_enables_a_function_a_racing_removal_took_off_the_bus()
    {
        var report = Simulator.Run(new FlawedZpciMachine(), Scenario.ErrorRecovery);

        var function = Assert.Single(report.Devices);
        Assert.Equal(ZpciMachines.FunctionAddress, function.Device);
        Assert.Equal(Outcome.RemovedDuringRecovery, function.Outcome);
        Assert.Equal("SlotReset", function.Evidence.Callback);
        Assert.Equal("zpci-nic", function.Evidence.Driver);
        Assert.Equal("EnableDevice", function.Evidence.Location);
        Assert.Contains("no longer added", function.Evidence.Text);
    }

    [Fact]
    public void The_fixed_driver_recovers_and_then_leaves_the_removed_function_to_the_removal()
    {
        var report = Simulator.Run(new FixedZpciMachine(), Scenario.ErrorRecovery);

        var function = Assert.Single(report.Devices);
        Assert.Equal(Outcome.Healthy, function.Outcome);
        Assert.Contains("recovered from a frozen link, then removed cleanly", function.Evidence.Text);
        Assert.Contains(function.Timeline, e => e.What.StartsWith("zpci-nic SlotReset", System.StringComparison.Ordinal));
        Assert.Contains(function.Timeline, e => e.What == $"zpci-nic Remove({ZpciMachines.FunctionAddress}) returned");
    }

    [Fact]
    public void Without_a_racing_removal_the_flawed_driver_recovers_too()
    {
        var report = Simulator.Run(new FlawedZpciMachine(), Scenario.ErrorRecovery);

        // The liveness check after the first recovery found DMA running again: nothing but the race is reported.
        var function = Assert.Single(report.Devices);
        Assert.Empty(function.OtherFindings);
        Assert.Equal(2, function.Timeline.Count(e => e.What == $"zpci-nic SlotReset({ZpciMachines.FunctionAddress}) returned"));
    }

    [Theory]
    [InlineData(Scenario.Kexec)]
    [InlineData(Scenario.UnbindRebind)]
    [InlineData(Scenario.SuspendResume)]
    [InlineData(Scenario.KexecOnPanic)]
    [InlineData(Scenario.Hibernate)]
    public void Both_forms_come_through_the_other_scenarios(Scenario scenario)
    {
        Assert.True(Simulator.Run(new FlawedZpciMachine(), scenario).AllHealthy);
        Assert.True(Simulator.Run(new FixedZpciMachine(), scenario).AllHealthy);
    }
}
