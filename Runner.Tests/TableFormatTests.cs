using System.Linq;
using ShutdownAnalyzers.Runner.Tests.Models;

namespace ShutdownAnalyzers.Runner.Tests;

public class TableFormatTests
{
    [Fact]
    public void Shows_each_device_with_its_driver_outcome_and_evidence()
    {
        var result = ShutdownSim.Run("run", ShutdownSim.ModelsAssembly, "--scenario", "kexec", "--machine", MixedMachine.MachineName);

        var careful = Row(result, MixedMachine.CarefulAddress);
        Assert.Equal(new[] { MixedMachine.CarefulAddress, "careful", "Healthy" }, careful.Take(3));
        Assert.Contains("came through; careful is bound in the next", careful[3]);

        var careless = Row(result, MixedMachine.CarelessAddress);
        Assert.Equal(new[] { MixedMachine.CarelessAddress, "careless", "ProbeFailed" }, careless.Take(3));
        Assert.Contains("adapter failed to init, mbxCmd x88", careless[3]);
    }

    [Fact]
    public void Titles_each_run_with_machine_scenario_policy_seed_and_simulated_time()
    {
        var result = ShutdownSim.Run("run", ShutdownSim.ModelsAssembly, "--scenario", "kexec", "--policy", "remove", "--seed", "42", "--machine", "flawed");

        Assert.Matches(@"flawed · kexec · policy remove · seed 42 · \d+ ms simulated", result.Output);
    }

    [Fact]
    public void Leaves_the_policy_out_of_titles_of_scenarios_that_ignore_it()
    {
        var result = ShutdownSim.Run("run", ShutdownSim.ModelsAssembly, "--scenario", "reboot", "--machine", "healthy");

        Assert.Matches(@"healthy · reboot · seed 0 · \d+ ms simulated", result.Output);
        Assert.DoesNotContain("policy", result.Output);
    }

    [Fact]
    public void Ends_with_a_summary_line_counting_runs_devices_and_outcomes()
    {
        var result = ShutdownSim.Run("run", ShutdownSim.ModelsAssembly, "--scenario", "kexec");

        var last = result.Output.TrimEnd().Split('\n').Last();
        Assert.Equal("3 runs, 4 devices: 2 healthy, 2 unhealthy (ProbeFailed 2)", last);
    }

    [Fact]
    public void Shows_one_table_per_run_of_a_sweep()
    {
        var result = ShutdownSim.Run("run", ShutdownSim.ModelsAssembly, "--scenario", "all", "--policy", "all", "--machine", "healthy");

        // Kexec once per policy, the other eight scenarios once each.
        Assert.Equal(11, result.CountOf("ms simulated"));
        Assert.Equal(3, result.CountOf("healthy · kexec · policy"));
        Assert.StartsWith("11 runs, 11 devices: ", result.Output.TrimEnd().Split('\n').Last());
    }

    [Fact]
    public void Output_for_a_log_has_no_escape_codes()
    {
        var result = ShutdownSim.Run("run", ShutdownSim.ModelsAssembly, "--scenario", "kexec");

        Assert.False(result.HasEscapeCodes);
    }

    /// <summary>The cells of the table row that starts with <paramref name="device"/>.</summary>
    private static string[] Row(SimResult result, string device)
    {
        var line = result.Output.Split('\n').Single(l => l.StartsWith($"│ {device} "));
        return line.Trim('│', ' ').Split('│').Select(c => c.Trim()).ToArray();
    }
}
