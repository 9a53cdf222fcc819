using System;
using System.Linq;
using System.Text;

namespace ShutdownAnalyzers.Runner.Tests;

public class DeterminismTests
{
    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    [InlineData("junit")]
    [InlineData("html")]
    public void The_same_sweep_gives_byte_identical_reports(string format)
    {
        string[] args = { "run", ShutdownSim.ModelsAssembly, "--scenario", "all", "--policy", "all", "--seed", "11", "--format", format };

        var first = ShutdownSim.Run(args);
        var second = ShutdownSim.Run(args);

        Assert.Equal(ExitCodes.SomeUnhealthy, first.ExitCode);
        Assert.Equal(Encoding.UTF8.GetBytes(first.Output), Encoding.UTF8.GetBytes(second.Output));
    }

    [Fact]
    public void A_hundred_runs_of_the_full_sweep_give_byte_identical_json()
    {
        string[] args = { "run", ShutdownSim.ModelsAssembly, "--scenario", "all", "--policy", "all", "--seed", "3", "--format", "json" };
        var first = Encoding.UTF8.GetBytes(ShutdownSim.Run(args).Output);

        var differing = Enumerable.Range(1, 99).Count(_ => !Encoding.UTF8.GetBytes(ShutdownSim.Run(args).Output).AsSpan().SequenceEqual(first));

        Assert.Contains("\"runs\": [", Encoding.UTF8.GetString(first));
        Assert.Equal(0, differing);
    }

    [Fact]
    public void The_seed_is_part_of_the_report()
    {
        var seven = ShutdownSim.Run("run", ShutdownSim.ModelsAssembly, "-s", "kexec", "-m", "healthy", "-f", "json", "--seed", "7");
        var eight = ShutdownSim.Run("run", ShutdownSim.ModelsAssembly, "-s", "kexec", "-m", "healthy", "-f", "json", "--seed", "8");

        Assert.Contains("\"seed\": 7,", seven.Output);
        Assert.Contains("\"seed\": 8,", eight.Output);
    }
}
