using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace ShutdownAnalyzers.Runner.Tests;

/// <summary>
/// A project as the model: shutdown-sim builds it with dotnet build -c Release and loads its output.
/// These start real builds (several seconds each); the class runs its tests one after another.
/// </summary>
public sealed class ProjectInputTests : IDisposable
{
    private const string MachineSource = """
        using ShutdownAnalyzers.Hardware;
        using ShutdownAnalyzers.Simulation;

        namespace Tiny;

        public sealed class TinyMachine : MachineModel
        {
            public override string Name => "tiny";

            public override void Build(MachineBuilder machine) =>
                machine.AddPciFunction("0000:07:00.0", LightPulseAdapter.Create());
        }
        """;

    private readonly TemporaryFolder folder = new();

    [Fact]
    public void Builds_a_project_and_runs_its_machines()
    {
        var project = WriteProject("Tiny", MachineSource);

        var result = ShutdownSim.Run("run", project, "--scenario", "kexec", "--format", "json");

        result.AssertExit(ExitCodes.AllHealthy);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("tiny", json.RootElement.GetProperty("machine").GetString());
        Assert.Equal("0000:07:00.0", json.RootElement.GetProperty("devices")[0].GetProperty("device").GetString());
        Assert.True(File.Exists(Path.Combine(folder.Path, "bin", "Release", "net10.0", "Tiny.dll")));
    }

    [Fact]
    public void Builds_the_one_project_in_a_folder()
    {
        WriteProject("Tiny", MachineSource);

        var result = ShutdownSim.Run("list", folder.Path).AssertExit(ExitCodes.AllHealthy);

        Assert.Contains("Machines in Tiny.dll", result.Output);
        Assert.Contains(" tiny ", result.Output);
    }

    [Fact]
    public void Two_for_a_project_that_does_not_build_with_the_compiler_errors_shown_first()
    {
        var project = WriteProject("Broken", MachineSource.Replace("machine.AddPciFunction", "machine.AddPciFunktion"));

        var result = ShutdownSim.Run("run", project, "--scenario", "kexec");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Contains(result.ErrorLines, line => line.Contains("error CS1061") && line.Contains("AddPciFunktion"));
        Assert.Equal("shutdown-sim: error: the build of Broken.csproj failed (dotnet build exited with 1)", result.ErrorLines.Last());
        Assert.Single(result.ErrorLines, line => line.StartsWith("shutdown-sim:"));
    }

    [Fact]
    public void Two_for_a_machine_whose_declaration_throws()
    {
        var project = WriteProject("Clashing", MachineSource.Replace(
            "machine.AddPciFunction(\"0000:07:00.0\", LightPulseAdapter.Create());",
            "machine.AddPciFunction(\"0000:07:00.0\", LightPulseAdapter.Create()).AddPciFunction(\"0000:07:00.0\", LightPulseAdapter.Create());"));

        var line = ShutdownSim.Run("run", project, "--scenario", "kexec").AssertBadInput();

        Assert.StartsWith("shutdown-sim: error: machine 'tiny': declaring the machine failed: A device named '0000:07:00.0' is already declared.", line);
    }

    public void Dispose() => folder.Dispose();

    /// <summary>A project that references the runtime the runner runs on, as a user's project references the package.</summary>
    private string WriteProject(string name, string source)
    {
        var runtime = typeof(ShutdownAnalyzers.Simulation.MachineModel).Assembly.Location;
        var project = folder.File($"{name}.csproj");
        File.WriteAllText(project, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="ShutdownAnalyzers.Runtime" HintPath="{runtime}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(folder.File("Machine.cs"), source);
        return project;
    }
}
