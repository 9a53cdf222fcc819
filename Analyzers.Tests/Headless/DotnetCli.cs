using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace ShutdownAnalyzers.Tests.Headless;

/// <summary>Runs the <c>dotnet</c> found on PATH, as a user or CI would.</summary>
internal static class DotnetCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>The dotnet executable on PATH, or null.</summary>
    public static string? Path { get; } = Find();

    public sealed record Result(int ExitCode, string Output)
    {
        public override string ToString() => $"exit code {ExitCode}{Environment.NewLine}{Output}";
    }

    public static async Task<Result> RunAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path ?? throw new InvalidOperationException("dotnet is not on PATH."))
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host runs inside an MSBuild-started process; its MSBuild variables would point the
        // child's SDK resolution at the test's build instead of the child's own.
        foreach (var name in start.Environment.Keys.Where(key => key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(exited, Task.Delay(Timeout)).ConfigureAwait(false) != exited)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(" ", arguments)} did not finish within {Timeout.TotalMinutes} minutes.");
        }

        return new Result(process.ExitCode, await output.ConfigureAwait(false) + await error.ConfigureAwait(false));
    }

    private static string? Find()
    {
        var fileName = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => System.IO.Path.Combine(folder, fileName))
            .FirstOrDefault(File.Exists);
    }
}

/// <summary>A fact that needs the dotnet CLI: skipped, saying why, when dotnet is not on PATH.</summary>
public sealed class DotnetFactAttribute : FactAttribute
{
    public DotnetFactAttribute()
    {
        if (DotnetCli.Path is null)
        {
            Skip = "dotnet is not on PATH: this test runs dotnet format and dotnet build on a generated project.";
        }
    }
}
