using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using ShutdownAnalyzers.Package.Tests.Consumer;

namespace ShutdownAnalyzers.Package.Tests;

/// <summary>
/// The rest of the user's loop: the installed <c>shutdown-sim</c> runs the project's machine and
/// shows the kexec failures the warnings predicted; <c>dotnet format analyzers</c> applies the code
/// fixes; the fixed project builds clean and its machine survives kexec.
/// </summary>
[Collection(ConsumerCollection.Name)]
public sealed class ConsumerFixAndSimulateTests
{
    private readonly ConsumerWorkspace workspace;

    public ConsumerFixAndSimulateTests(ConsumerWorkspace workspace) => this.workspace = workspace;

    [Fact]
    public async Task The_installed_shutdown_sim_runs_the_projects_machine_and_reports_both_flaws()
    {
        var project = workspace.CopyProject();

        var run = await project.ShutdownSimAsync("run", ".", "--scenario", "kexec", "--format", "junit", "--output", "kexec.xml");

        Assert.True(run.ExitCode == 1, $"expected exit code 1 (some device unhealthy): {run}");
        Assert.Contains("1 run, 2 devices: 0 healthy, 2 unhealthy", run.Output);
        var suite = Assert.Single(XDocument.Load(project.PathOf("kexec.xml")).Root!.Elements("testsuite"));
        Assert.Equal($"{FlawedDriverModel.MachineName}/kexec/shutdown", suite.Attribute("name")!.Value);
        var failures = suite.Elements("testcase").ToDictionary(c => c.Attribute("name")!.Value, c => c.Element("failure")?.Attribute("type")?.Value);
        Assert.Equal("ProbeFailed", failures[FlawedDriverModel.HbaAddress]);
        Assert.Equal("Unreachable", failures[FlawedDriverModel.NicAddress]);

        var html = await project.ShutdownSimAsync("run", ".", "--scenario", "kexec", "--format", "html", "--output", "kexec.html");
        Assert.True(html.ExitCode == 1, html.ToString());
        var page = project.Read("kexec.html");
        foreach (var device in new[] { FlawedDriverModel.HbaAddress, FlawedDriverModel.NicAddress })
        {
            Assert.Contains($"<h3>{device} ", page);
        }

        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(page, "<svg class=\"timeline\"").Count);
    }

    [Fact]
    public async Task Dotnet_format_fixes_SHD001_and_SHD002_and_the_fixed_project_builds_clean_and_survives_kexec()
    {
        var project = workspace.CopyProject();

        var format = await project.DotnetAsync("format", "analyzers", "--diagnostics", "SHD001", "SHD002");

        Assert.True(format.ExitCode == 0, format.ToString());
        var fixedCode = project.Read(FlawedDriverModel.DriversFile);
        Assert.Contains("public override void Shutdown(PciDevice device)\n    {\n        Remove(device);\n    }", fixedCode);
        Assert.Contains("if (device.Kernel.SystemState == SystemState.PowerOff)", fixedCode);

        var build = await project.BuildAsync("-warnaserror");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain("warning", build.Output);

        var kexec = await project.ShutdownSimAsync("run", ".", "--scenario", "kexec");
        Assert.True(kexec.ExitCode == 0, $"the fixed machine should come through kexec: {kexec}");
        Assert.Contains("1 run, 2 devices: 2 healthy, 0 unhealthy", kexec.Output);
    }
}
