using System;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace ShutdownAnalyzers.Runner.Models;

/// <summary>
/// Builds a model project with <c>dotnet build -c Release</c>, quietly, and asks MSBuild where its
/// assembly went. The build's output is kept and shown only when the build fails.
/// </summary>
internal static class ProjectBuild
{
    public const string Configuration = "Release";

    public static string BuildAndLocate(string projectPath)
    {
        var project = Path.GetFileName(projectPath);
        var build = RunDotNet(project, "build", projectPath, "-c", Configuration, "-nologo", "-v:quiet", "-nodeReuse:false");
        if (build.ExitCode != 0)
        {
            throw new BadInputException($"the build of {project} failed (dotnet build exited with {build.ExitCode})", build.Output);
        }

        var query = RunDotNet(project, "msbuild", projectPath, "-getProperty:TargetPath", $"-p:Configuration={Configuration}", "-nologo");
        var targetPath = query.Output.Trim();
        if (query.ExitCode != 0)
        {
            throw new BadInputException($"MSBuild could not tell where {project} puts its assembly (exit code {query.ExitCode})", query.Output);
        }

        if (targetPath.Length == 0 || targetPath.Contains('\n'))
        {
            throw new BadInputException($"{project} has no single output assembly (several target frameworks?); build it and pass the .dll instead");
        }

        if (!File.Exists(targetPath))
        {
            throw new BadInputException($"{project} built, but its assembly '{targetPath}' is not there");
        }

        return targetPath;
    }

    private static (int ExitCode, string Output) RunDotNet(string project, params string[] arguments)
    {
        var start = new ProcessStartInfo(DotNetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No MSBuild or compiler server outlives the build holding our output pipes open.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Append(output, line.Data);
        process.ErrorDataReceived += (_, line) => Append(output, line.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new BadInputException($"cannot run '{start.FileName}' to build {project}: {e.Message}");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Append(line).Append('\n');
        }
    }

    /// <summary>The SDK's own host when we run under it (dotnet run, dotnet test), else dotnet from PATH.</summary>
    private static string DotNetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
