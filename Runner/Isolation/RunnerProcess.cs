using System;
using System.Diagnostics;
using System.IO;
using System.Reflection;

namespace ShutdownAnalyzers.Runner.Isolation;

/// <summary>How to start this same runner again as a child process, however it was started.</summary>
internal static class RunnerProcess
{
    public static ProcessStartInfo StartInfo(params string[] arguments)
    {
        var runner = typeof(RunnerProcess).Assembly;
        var host = Environment.ProcessPath;
        var info = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };

        if (host is not null && Assembly.GetEntryAssembly() == runner && !IsDotnetHost(host))
        {
            // The tool's own executable (shutdown-sim).
            info.FileName = host;
        }
        else
        {
            // 'dotnet ShutdownAnalyzers.Runner.dll', or a host that runs the runner in-process (tests).
            info.FileName = host is not null && IsDotnetHost(host) ? host : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
            info.ArgumentList.Add(runner.Location);
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // The child's messages (its bad-input line) in English, as the parent's own.
        info.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        return info;
    }

    private static bool IsDotnetHost(string path) =>
        string.Equals(Path.GetFileNameWithoutExtension(path), "dotnet", StringComparison.OrdinalIgnoreCase);
}
