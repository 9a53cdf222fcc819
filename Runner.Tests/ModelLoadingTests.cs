using System.IO;
using System.Text.Json;
using ShutdownAnalyzers.Runner.Tests.Models;

namespace ShutdownAnalyzers.Runner.Tests;

public class ModelLoadingTests
{
    [Fact]
    public void A_model_beside_its_own_copy_of_the_runtime_runs_on_the_runners_runtime()
    {
        // Were the folder's copy loaded, its MachineModel would be another type and no machine would be found.
        using var folder = new TemporaryFolder();
        var source = Path.GetDirectoryName(ShutdownSim.ModelsAssembly)!;
        foreach (var file in new[] { "ShutdownAnalyzers.Runner.Tests.Models.dll", "ShutdownAnalyzers.Runtime.dll" })
        {
            File.Copy(Path.Combine(source, file), folder.File(file));
        }

        var result = ShutdownSim.Run("run", folder.File("ShutdownAnalyzers.Runner.Tests.Models.dll"), "-s", "kexec", "-m", "healthy", "-f", "json");

        result.AssertExit(ExitCodes.AllHealthy);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(HealthyMachine.AdapterAddress, json.RootElement.GetProperty("devices")[0].GetProperty("device").GetString());
    }

    [Fact]
    public void Two_for_a_folder_without_a_project()
    {
        using var folder = new TemporaryFolder();

        var line = ShutdownSim.Run("list", folder.Path).AssertBadInput();

        Assert.Equal($"shutdown-sim: error: folder '{folder.Path}' has no project file; pass a model assembly (.dll), a project (.csproj) or a folder with one project", line);
    }

    [Fact]
    public void Two_for_a_folder_with_several_projects()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("B.csproj"), "<Project />");
        File.WriteAllText(folder.File("A.csproj"), "<Project />");

        var line = ShutdownSim.Run("run", folder.Path, "-s", "kexec").AssertBadInput();

        Assert.Equal($"shutdown-sim: error: folder '{folder.Path}' has several projects (A.csproj, B.csproj); pass one of them", line);
    }
}
