using System;
using System.Linq;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runtime.Tests.Simulation;

public class ScenarioNamesTests
{
    [Theory]
    [InlineData(Scenario.Kexec, "kexec")]
    [InlineData(Scenario.Reboot, "reboot")]
    [InlineData(Scenario.PowerOff, "power-off")]
    [InlineData(Scenario.KexecOnPanic, "kexec-on-panic")]
    [InlineData(Scenario.HotUnplug, "hot-unplug")]
    [InlineData(Scenario.UnbindRebind, "unbind-rebind")]
    [InlineData(Scenario.SuspendResume, "suspend-resume")]
    [InlineData(Scenario.Hibernate, "hibernate")]
    [InlineData(Scenario.ErrorRecovery, "error-recovery")]
    public void Scenarios_have_command_line_names_both_ways(Scenario scenario, string name)
    {
        Assert.Equal(name, ScenarioNames.Format(scenario));
        Assert.Equal(scenario, ScenarioNames.ParseScenario(name));
        Assert.Equal(scenario, ScenarioNames.ParseScenario(name.ToUpperInvariant()));
        Assert.NotEmpty(ScenarioNames.Describe(scenario));
    }

    [Theory]
    [InlineData(KexecPolicy.Shutdown, "shutdown")]
    [InlineData(KexecPolicy.ShutdownElseRemove, "shutdown-else-remove")]
    [InlineData(KexecPolicy.Remove, "remove")]
    public void Policies_have_command_line_names_both_ways(KexecPolicy policy, string name)
    {
        Assert.Equal(name, ScenarioNames.Format(policy));
        Assert.Equal(policy, ScenarioNames.ParsePolicy(name));
        Assert.NotEmpty(ScenarioNames.Describe(policy));
    }

    [Fact]
    public void Every_scenario_and_policy_is_listed()
    {
        Assert.Equal(Enum.GetValues<Scenario>(), ScenarioNames.AllScenarios);
        Assert.Equal(Enum.GetValues<KexecPolicy>(), ScenarioNames.AllPolicies);
    }

    [Fact]
    public void An_unknown_name_fails_with_one_line_that_lists_the_valid_ones()
    {
        var error = Assert.Throws<FormatException>(() => ScenarioNames.ParseScenario("kexek"));

        Assert.DoesNotContain('\n', error.Message);
        Assert.Contains("'kexek'", error.Message);
        Assert.Contains("kexec-on-panic", error.Message);
        Assert.False(ScenarioNames.TryParsePolicy("rmmod", out _));
        Assert.False(ScenarioNames.TryParseScenario(null, out _));
        Assert.Contains("shutdown-else-remove", Assert.Throws<FormatException>(() => ScenarioNames.ParsePolicy("rmmod")).Message);
    }

    [Fact]
    public void Formatting_a_value_that_is_not_a_scenario_is_an_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ScenarioNames.Format((Scenario)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => Simulator.Run(new ShutdownAnalyzers.Samples.Lpfc.FixedLpfcMachine(), (Scenario)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => Simulator.Run(new ShutdownAnalyzers.Samples.Lpfc.FixedLpfcMachine(), Scenario.Kexec, (KexecPolicy)7));
    }
}
