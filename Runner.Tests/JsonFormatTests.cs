using System.Linq;
using System.Text.Json;
using ShutdownAnalyzers.Runner.Tests.Models;

namespace ShutdownAnalyzers.Runner.Tests;

public class JsonFormatTests
{
    [Fact]
    public void One_run_is_one_scenario_report_in_the_issues_shape()
    {
        var result = ShutdownSim.Run("run", ShutdownSim.ModelsAssembly, "--scenario", "kexec", "--machine", "flawed", "--seed", "7", "--format", "json");

        using var json = JsonDocument.Parse(result.Output);
        var report = json.RootElement;
        Assert.Equal(
            new[] { "machine", "scenario", "policy", "seed", "durationMs", "devices" },
            report.EnumerateObject().Select(p => p.Name));
        Assert.Equal("flawed", report.GetProperty("machine").GetString());
        Assert.Equal("kexec", report.GetProperty("scenario").GetString());
        Assert.Equal("shutdown", report.GetProperty("policy").GetString());
        Assert.Equal(7, report.GetProperty("seed").GetInt32());
        Assert.True(report.GetProperty("durationMs").GetInt64() > 0);

        var device = Assert.Single(report.GetProperty("devices").EnumerateArray().ToList());
        Assert.Equal(new[] { "device", "driver", "outcome", "evidence" }, device.EnumerateObject().Select(p => p.Name));
        Assert.Equal(FlawedMachine.AdapterAddress, device.GetProperty("device").GetString());
        Assert.Equal("careless", device.GetProperty("driver").GetString());
        Assert.Equal("ProbeFailed", device.GetProperty("outcome").GetString());
        Assert.Contains("mbxCmd x88 CONFIG_PORT", device.GetProperty("evidence").GetString());
    }

    [Fact]
    public void Several_runs_are_listed_under_runs_in_run_order()
    {
        var result = ShutdownSim.Run("run", ShutdownSim.ModelsAssembly, "--scenario", "kexec", "--policy", "all", "--machine", "flawed", "--format", "json");

        using var json = JsonDocument.Parse(result.Output);
        var runs = json.RootElement.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(new[] { "shutdown", "shutdown-else-remove", "remove" }, runs.Select(r => r.GetProperty("policy").GetString()));
        Assert.Equal(
            new[] { "ProbeFailed", "Healthy", "Healthy" },
            runs.Select(r => r.GetProperty("devices")[0].GetProperty("outcome").GetString()));
    }

    [Fact]
    public void A_sweep_covers_every_machine_scenario_and_kexec_policy()
    {
        var result = ShutdownSim.Run("run", ShutdownSim.ModelsAssembly, "--scenario", "all", "--policy", "all", "--format", "json");

        using var json = JsonDocument.Parse(result.Output);
        var runs = json.RootElement.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(33, runs.Count);
        Assert.Equal(new[] { "flawed", "healthy", "mixed" }, runs.Select(r => r.GetProperty("machine").GetString()).Distinct());
        Assert.Equal(9, runs.Where(r => r.GetProperty("machine").GetString() == "mixed").Select(r => r.GetProperty("scenario").GetString()).Distinct().Count());
    }

    [Fact]
    public void Ends_with_a_single_line_feed_and_no_carriage_returns()
    {
        var result = ShutdownSim.Run("run", ShutdownSim.ModelsAssembly, "--scenario", "kexec", "--format", "json");

        Assert.EndsWith("}\n", result.Output);
        Assert.DoesNotContain('\r', result.Output);
    }
}
