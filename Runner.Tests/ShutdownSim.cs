using System;
using System.IO;
using System.Linq;
using ShutdownAnalyzers.Runner.Tests.Models;

namespace ShutdownAnalyzers.Runner.Tests;

/// <summary>
/// Runs <c>shutdown-sim</c> in-process with captured output, as a terminal-less CI job would.
/// <see cref="Run"/> simulates in this process too (<c>--in-process</c>), which keeps the suite fast;
/// <see cref="RunIsolated"/> takes the default path of a child process per machine, and
/// <see cref="IsolationTests"/> shows both give the same bytes.
/// </summary>
internal static class ShutdownSim
{
    /// <summary>The test models' assembly, in this test run's output folder beside its dependencies.</summary>
    public static string ModelsAssembly => typeof(HealthyMachine).Assembly.Location;

    public static SimResult Run(params string[] args) =>
        RunIsolated(args.Length > 0 && args[0] == "run" && !args.Contains("--in-process") ? [.. args, "--in-process"] : args);

    public static SimResult RunIsolated(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var exitCode = RunnerApp.Run(args, output, error);
        return new SimResult(exitCode, output.ToString(), error.ToString());
    }
}

internal sealed record SimResult(int ExitCode, string Output, string Error)
{
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Asserts the bad-input contract: exit code 2, nothing on stdout, one error line; returns that line.</summary>
    public string AssertBadInput()
    {
        Assert.True(ExitCode == ExitCodes.BadInput, $"exit code {ExitCode}, stderr: {Error}");
        Assert.Equal("", Output);
        var line = Assert.Single(ErrorLines);
        Assert.StartsWith("shutdown-sim: error: ", line);
        Assert.DoesNotContain("   at ", Error);
        return line;
    }

    /// <summary>Asserts a successful run or listing with nothing on stderr.</summary>
    public SimResult AssertExit(int expected)
    {
        Assert.True(ExitCode == expected, $"exit code {ExitCode}, expected {expected}; stderr: {Error}");
        Assert.Equal("", Error);
        return this;
    }

    public int CountOf(string text) => Output.Split(text).Length - 1;

    public bool HasEscapeCodes => Output.Contains('\u001b') || Output.Split('\n').Any(l => l.Contains("[/]"));
}
