using System.IO;
using System.Text.Json;

namespace ShutdownAnalyzers.Runner.Tests;

public class OutputFileTests
{
    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    [InlineData("junit")]
    [InlineData("html")]
    public void Writes_the_same_report_to_the_file_as_to_the_console(string format)
    {
        using var folder = new TemporaryFolder();
        var file = folder.File($"report.{format}");
        var toConsole = ShutdownSim.Run("run", ShutdownSim.ModelsAssembly, "--scenario", "kexec", "--format", format);

        var toFile = ShutdownSim.Run("run", ShutdownSim.ModelsAssembly, "--scenario", "kexec", "--format", format, "--output", file);

        Assert.Equal(toConsole.ExitCode, toFile.ExitCode);
        Assert.Equal(toConsole.Output, File.ReadAllText(file));
        Assert.Equal(new[] { file }, folder.Entries());
    }

    [Fact]
    public void Prints_only_the_summary_line_when_the_report_goes_to_a_file()
    {
        using var folder = new TemporaryFolder();
        var file = folder.File("report.json");

        var result = ShutdownSim.Run("run", ShutdownSim.ModelsAssembly, "--scenario", "kexec", "--format", "json", "--output", file);

        Assert.Equal($"3 runs, 4 devices: 2 healthy, 2 unhealthy (ProbeFailed 2); json report written to {file}\n", result.Output);
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        Assert.Equal(3, json.RootElement.GetProperty("runs").GetArrayLength());
    }

    [Fact]
    public void Replaces_an_existing_report()
    {
        using var folder = new TemporaryFolder();
        var file = folder.File("report.json");
        File.WriteAllText(file, "an older, longer report than the one about to be written, which must not leave a tail behind");

        ShutdownSim.Run("run", ShutdownSim.ModelsAssembly, "-s", "kexec", "-m", "healthy", "-f", "json", "-o", file).AssertExit(ExitCodes.AllHealthy);

        using var json = JsonDocument.Parse(File.ReadAllText(file));
        Assert.Equal("healthy", json.RootElement.GetProperty("machine").GetString());
    }

    [Fact]
    public void A_failed_run_leaves_no_file()
    {
        using var folder = new TemporaryFolder();
        var file = folder.File("report.json");

        ShutdownSim.Run("run", ShutdownSim.ModelsAssembly, "-s", "kexec", "-m", "lpfc", "-f", "json", "-o", file).AssertBadInput();

        Assert.Empty(folder.Entries());
    }

    [Fact]
    public void A_failed_run_leaves_an_earlier_report_untouched()
    {
        using var folder = new TemporaryFolder();
        var file = folder.File("report.json");
        File.WriteAllText(file, "earlier report");

        ShutdownSim.Run("run", "no/such/Model.dll", "-s", "kexec", "-f", "json", "-o", file).AssertBadInput();

        Assert.Equal("earlier report", File.ReadAllText(file));
        Assert.Equal(new[] { file }, folder.Entries());
    }

    [Fact]
    public void Two_for_an_output_in_a_folder_that_does_not_exist()
    {
        using var folder = new TemporaryFolder();
        var file = Path.Combine(folder.Path, "missing", "report.json");

        var line = ShutdownSim.Run("run", ShutdownSim.ModelsAssembly, "-s", "kexec", "-o", file).AssertBadInput();

        Assert.Equal($"shutdown-sim: error: cannot write the report to '{file}': folder '{Path.GetDirectoryName(file)}' does not exist", line);
    }

    [Fact]
    public void Two_for_an_output_that_is_a_folder()
    {
        using var folder = new TemporaryFolder();

        var line = ShutdownSim.Run("run", ShutdownSim.ModelsAssembly, "-s", "kexec", "-o", folder.Path).AssertBadInput();

        Assert.Equal($"shutdown-sim: error: cannot write the report to '{folder.Path}': it is a folder", line);
    }
}
