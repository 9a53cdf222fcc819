using System.IO;
using System.Linq;
using System.Text.Json;
using ShutdownAnalyzers.Runner.Tests.Models;
using ShutdownAnalyzers.Runner.Tests.UnrulyModels;

namespace ShutdownAnalyzers.Runner.Tests;

/// <summary>
/// Each machine runs in a child process with a time limit: driver code that overflows its stack,
/// calls Environment.FailFast or spins without calling the bus API is reported for its device, and
/// the rest of the sweep finishes and is written.
/// </summary>
public class IsolationTests
{
    private static string UnrulyAssembly => typeof(CalmMachine).Assembly.Location;

    [Fact]
    public void A_stack_overflow_a_FailFast_and_a_spin_are_each_reported_for_the_callback_they_were_in_and_the_sweep_is_written()
    {
        using var folder = new TemporaryFolder();
        var report = folder.File("unruly.json");

        var result = ShutdownSim.RunIsolated(
            "run", UnrulyAssembly, "--scenario", "kexec", "--time-limit", "4", "--format", "json", "--output", report,
            "--machine", CalmMachine.MachineName, "--machine", FailFastMachine.MachineName, "--machine", SpinningMachine.MachineName,
            "--machine", StackOverflowMachine.MachineName, "--machine", ThrowingMachine.MachineName);

        result.AssertExit(ExitCodes.SomeUnhealthy);
        var devices = DevicesByMachine(File.ReadAllText(report));
        Assert.Equal(new[] { "calm", "fail-fast", "spinning", "stack-overflow", "throwing" }, devices.Keys.Order());

        Assert.Equal("Healthy", devices[CalmMachine.MachineName].GetProperty("outcome").GetString());

        var overflow = devices[StackOverflowMachine.MachineName];
        Assert.Equal("DriverFault", overflow.GetProperty("outcome").GetString());
        Assert.Equal(UnrulyMachine.AdapterAddress, overflow.GetProperty("device").GetString());
        Assert.Equal(UnrulyDriver.DriverName, overflow.GetProperty("driver").GetString());
        Assert.Contains($"unruly Shutdown({UnrulyMachine.AdapterAddress}) took the simulation down (a stack overflow)", overflow.GetProperty("evidence").GetString());

        var failFast = devices[FailFastMachine.MachineName];
        Assert.Equal("DriverFault", failFast.GetProperty("outcome").GetString());
        Assert.Contains($"unruly Shutdown({UnrulyMachine.AdapterAddress}) took the simulation down (the process was terminated: {FailFastMachine.Message})", failFast.GetProperty("evidence").GetString());

        var spinning = devices[SpinningMachine.MachineName];
        Assert.Equal("Hang", spinning.GetProperty("outcome").GetString());
        Assert.Contains($"unruly Shutdown({UnrulyMachine.AdapterAddress}) did not return within 4 s of real time", spinning.GetProperty("evidence").GetString());

        // A plain exception never needed isolation: the simulated kernel contains it and goes on.
        var throwing = devices[ThrowingMachine.MachineName];
        Assert.Equal("DriverFault", throwing.GetProperty("outcome").GetString());
        Assert.Contains("threw InvalidOperationException: adapter state unknown; the kernel carried on", throwing.GetProperty("evidence").GetString());
    }

    [Fact]
    public void After_a_hang_the_machines_remaining_runs_go_on_in_a_fresh_child()
    {
        var result = ShutdownSim.RunIsolated("run", UnrulyAssembly, "--scenario", "kexec", "--policy", "all", "--machine", SpinningMachine.MachineName, "--time-limit", "3", "--format", "json");

        using var json = JsonDocument.Parse(result.Output);
        var runs = json.RootElement.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(new[] { "shutdown", "shutdown-else-remove", "remove" }, runs.Select(r => r.GetProperty("policy").GetString()));

        // Under policy remove, Shutdown never runs, so the machine comes through.
        Assert.Equal(new[] { "Hang", "Hang", "Healthy" }, runs.Select(r => r.GetProperty("devices")[0].GetProperty("outcome").GetString()));
    }

    [Theory]
    [InlineData("json")]
    [InlineData("table")]
    [InlineData("junit")]
    [InlineData("html")]
    public void A_sweep_in_child_processes_reports_the_same_bytes_as_one_in_process(string format)
    {
        var isolated = ShutdownSim.RunIsolated("run", ShutdownSim.ModelsAssembly, "--scenario", "all", "--policy", "all", "--seed", "3", "--format", format);
        var inProcess = ShutdownSim.Run("run", ShutdownSim.ModelsAssembly, "--scenario", "all", "--policy", "all", "--seed", "3", "--format", format, "--in-process");

        isolated.AssertExit(ExitCodes.SomeUnhealthy);
        inProcess.AssertExit(ExitCodes.SomeUnhealthy);
        Assert.Equal(inProcess.Output, isolated.Output);
    }

    [Fact]
    public void A_machine_whose_declaration_fails_in_its_child_is_bad_input_in_one_line()
    {
        var result = ShutdownSim.RunIsolated("run", UnrulyAssembly, "--scenario", "kexec", "--machine", BrokenDeclarationMachine.MachineName);

        Assert.Contains("machine 'broken-declaration': declaring the machine failed: A device named '0000:07:00.0' is already declared.", result.AssertBadInput());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("NaN")]
    public void A_time_limit_that_is_not_a_positive_number_of_seconds_is_bad_input(string limit)
    {
        var result = ShutdownSim.RunIsolated("run", ShutdownSim.ModelsAssembly, "--scenario", "kexec", "--time-limit", limit);

        Assert.Contains("--time-limit", result.AssertBadInput());
    }

    private static System.Collections.Generic.Dictionary<string, JsonElement> DevicesByMachine(string json)
    {
        var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("runs").EnumerateArray()
            .ToDictionary(r => r.GetProperty("machine").GetString()!, r => r.GetProperty("devices")[0].Clone());
    }
}
