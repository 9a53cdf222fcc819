using System.IO;
using ShutdownAnalyzers.Runner.Tests.Models;

namespace ShutdownAnalyzers.Runner.Tests;

public class ExitCodeTests
{
    [Fact]
    public void Zero_when_every_device_is_healthy()
    {
        ShutdownSim.Run("run", ShutdownSim.ModelsAssembly, "--scenario", "kexec", "--machine", "healthy").AssertExit(ExitCodes.AllHealthy);
    }

    [Fact]
    public void One_when_a_device_is_unhealthy()
    {
        ShutdownSim.Run("run", ShutdownSim.ModelsAssembly, "--scenario", "kexec", "--machine", "flawed").AssertExit(ExitCodes.SomeUnhealthy);
    }

    [Fact]
    public void The_policy_decides_the_exit_code_of_the_same_model()
    {
        ShutdownSim.Run("run", ShutdownSim.ModelsAssembly, "--scenario", "kexec", "--policy", "remove", "--machine", "flawed").AssertExit(ExitCodes.AllHealthy);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("junit")]
    public void Every_format_gives_the_same_exit_code(string format)
    {
        ShutdownSim.Run("run", ShutdownSim.ModelsAssembly, "--scenario", "kexec", "--format", format).AssertExit(ExitCodes.SomeUnhealthy);
        ShutdownSim.Run("run", ShutdownSim.ModelsAssembly, "--scenario", "kexec", "--format", format, "-m", "healthy").AssertExit(ExitCodes.AllHealthy);
    }

    [Fact]
    public void Two_for_a_model_that_does_not_exist()
    {
        var line = ShutdownSim.Run("run", "no/such/Model.dll", "--scenario", "kexec").AssertBadInput();

        Assert.Equal("shutdown-sim: error: model 'no/such/Model.dll' not found: no such file or folder", line);
    }

    [Fact]
    public void Two_for_a_file_that_is_not_a_dotnet_assembly()
    {
        using var folder = new TemporaryFolder();
        var notAnAssembly = folder.File("Model.dll");
        File.WriteAllText(notAnAssembly, "not a PE file");

        var line = ShutdownSim.Run("run", notAnAssembly, "--scenario", "kexec").AssertBadInput();

        Assert.Equal($"shutdown-sim: error: '{notAnAssembly}' is not a .NET assembly; pass a model assembly (.dll), a project (.csproj) or a folder with one project", line);
    }

    [Fact]
    public void Two_for_an_assembly_that_does_not_reference_the_runtime()
    {
        var spectre = typeof(Spectre.Console.AnsiConsole).Assembly.Location;

        var line = ShutdownSim.Run("list", spectre).AssertBadInput();

        Assert.Equal("shutdown-sim: error: no machines found in Spectre.Console.dll: it does not reference ShutdownAnalyzers.Runtime", line);
    }

    [Fact]
    public void Two_for_an_assembly_that_declares_no_machines()
    {
        // The runner itself references the runtime but declares no machine.
        var runner = typeof(RunnerApp).Assembly.Location;

        var line = ShutdownSim.Run("run", runner, "--scenario", "kexec").AssertBadInput();

        Assert.Equal(
            "shutdown-sim: error: no machines found in ShutdownAnalyzers.Runner.dll: declare a public class deriving from ShutdownAnalyzers.Simulation.MachineModel with a public parameterless constructor",
            line);
    }

    [Theory]
    [InlineData("--scenario", "reboott", "unknown scenario 'reboott'; expected one of: kexec, reboot, power-off, kexec-on-panic, hot-unplug, unbind-rebind, suspend-resume, hibernate, error-recovery, all")]
    [InlineData("--policy", "unbind", "unknown policy 'unbind'; expected one of: shutdown, shutdown-else-remove, remove, all")]
    [InlineData("--machine", "lpfc", "unknown machine 'lpfc'; ShutdownAnalyzers.Runner.Tests.Models.dll declares: flawed, healthy, mixed")]
    [InlineData("--format", "xml", "unknown format 'xml'; expected one of: table, json, junit, html")]
    [InlineData("--seed", "seven", "bad seed 'seven': expected a whole number from -2147483648 to 2147483647")]
    [InlineData("--seed", "99999999999", "bad seed '99999999999': expected a whole number from -2147483648 to 2147483647")]
    public void Two_for_an_unknown_name_or_bad_value(string option, string value, string message)
    {
        var args = option == "--scenario"
            ? new[] { "run", ShutdownSim.ModelsAssembly, option, value }
            : new[] { "run", ShutdownSim.ModelsAssembly, "--scenario", "kexec", option, value };

        var line = ShutdownSim.Run(args).AssertBadInput();

        Assert.Equal($"shutdown-sim: error: {message}", line);
    }

    [Fact]
    public void Two_for_a_missing_scenario()
    {
        var line = ShutdownSim.Run("run", ShutdownSim.ModelsAssembly).AssertBadInput();

        Assert.Equal("shutdown-sim: error: option '--scenario' is required.", line);
    }

    [Fact]
    public void Two_for_a_missing_model()
    {
        var line = ShutdownSim.Run("run", "--scenario", "kexec").AssertBadInput();

        Assert.Contains("required argument missing", line);
    }

    [Fact]
    public void Two_for_an_unknown_command_or_option()
    {
        Assert.Contains("'simulate'", ShutdownSim.Run("simulate", ShutdownSim.ModelsAssembly).AssertBadInput());
        Assert.Contains("'--verbose'", ShutdownSim.Run("run", ShutdownSim.ModelsAssembly, "-s", "kexec", "--verbose").AssertBadInput());
    }

    [Fact]
    public void Two_for_no_command_at_all()
    {
        var line = ShutdownSim.Run().AssertBadInput();

        Assert.Equal("shutdown-sim: error: no command given; use 'shutdown-sim run <model> --scenario <name>', 'shutdown-sim merge <shard reports>' or 'shutdown-sim list [<model>]' (--help for more)", line);
    }

    [Fact]
    public void Help_is_not_an_error()
    {
        var result = ShutdownSim.Run("run", "--help").AssertExit(ExitCodes.AllHealthy);

        Assert.Contains("shutdown-sim run <model> [options]", result.Output);
        Assert.Contains("--scenario", result.Output);
        Assert.Contains("--format", result.Output);
    }

    [Fact]
    public void A_bad_name_is_reported_before_the_model_is_even_looked_for()
    {
        var line = ShutdownSim.Run("run", "no/such/Model.dll", "--scenario", "kexec", "--format", "xml").AssertBadInput();

        Assert.Contains("unknown format 'xml'", line);
    }
}
