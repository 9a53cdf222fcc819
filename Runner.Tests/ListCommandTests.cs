using ShutdownAnalyzers.Runner.Tests.Models;

namespace ShutdownAnalyzers.Runner.Tests;

public class ListCommandTests
{
    private static readonly string[] ScenarioNames =
        { "kexec", "reboot", "power-off", "kexec-on-panic", "hot-unplug", "unbind-rebind", "suspend-resume", "hibernate", "error-recovery" };

    private static readonly string[] PolicyNames = { "shutdown", "shutdown-else-remove", "remove" };

    [Fact]
    public void Lists_the_public_machines_of_a_model_with_their_descriptions()
    {
        var result = ShutdownSim.Run("list", ShutdownSim.ModelsAssembly).AssertExit(ExitCodes.AllHealthy);

        Assert.Contains("Machines in ShutdownAnalyzers.Runner.Tests.Models.dll", result.Output);
        Assert.Contains($"{FlawedMachine.MachineName} ", result.Output);
        Assert.Contains($"{HealthyMachine.MachineName} ", result.Output);
        Assert.Contains($"{MixedMachine.MachineName} ", result.Output);
        Assert.Contains(new MixedMachine().Description, result.Output);
    }

    [Fact]
    public void Does_not_list_abstract_internal_or_parameterized_machine_types()
    {
        var result = ShutdownSim.Run("list", ShutdownSim.ModelsAssembly).AssertExit(ExitCodes.AllHealthy);

        Assert.DoesNotContain("never listed", result.Output);
        Assert.DoesNotContain("internal", result.Output);
        Assert.DoesNotContain("0000:05:00.0", result.Output);
    }

    [Fact]
    public void Lists_every_scenario_and_policy_with_or_without_a_model()
    {
        foreach (var args in new[] { new[] { "list" }, new[] { "list", ShutdownSim.ModelsAssembly } })
        {
            var result = ShutdownSim.Run(args).AssertExit(ExitCodes.AllHealthy);

            Assert.All(ScenarioNames, name => Assert.Contains($" {name} ", result.Output));
            Assert.All(PolicyNames, name => Assert.Contains($" {name} ", result.Output));
            Assert.Contains("shutdown (default)", result.Output);
            Assert.Equal(args.Length == 2, result.Output.Contains("Machines in"));
        }
    }

    [Fact]
    public void Output_for_a_log_has_no_escape_codes()
    {
        var result = ShutdownSim.Run("list", ShutdownSim.ModelsAssembly);

        Assert.False(result.HasEscapeCodes);
    }
}
