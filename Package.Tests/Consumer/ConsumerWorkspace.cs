using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;

namespace ShutdownAnalyzers.Package.Tests.Consumer;

/// <summary>
/// A temporary folder set up as a user's machine after installing the packages: a local package
/// source with the freshly packed <c>ShutdownAnalyzers</c> and <c>ShutdownAnalyzers.Runner</c>, a
/// NuGet package folder of its own (so nothing stale from the machine's cache is used and nothing
/// lands in it), <c>shutdown-sim</c> installed from that source, and a class library made with
/// <c>dotnet new classlib</c> that references the package and holds a flawed driver model. Every test
/// works on its own copy of that project. The only package source is the local folder: no network.
/// </summary>
public sealed class ConsumerWorkspace : IAsyncLifetime
{
    public const string LibraryPackageId = "ShutdownAnalyzers";

    public const string ToolPackageId = "ShutdownAnalyzers.Runner";

    public const string ProjectName = "Consumer";

    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("shutdownanalyzers-consumer-");

    private int copies;

    public string Root => root.FullName;

    /// <summary>The local package source the packages are packed into.</summary>
    public string PackageSource => Path.Combine(Root, "feed");

    public string LibraryPackage => Path.Combine(PackageSource, $"{LibraryPackageId}.{ThisBuild.PackageVersion}.nupkg");

    public string ToolPackage => Path.Combine(PackageSource, $"{ToolPackageId}.{ThisBuild.PackageVersion}.nupkg");

    /// <summary>The installed <c>shutdown-sim</c> (<c>dotnet tool install --tool-path</c>).</summary>
    public string ShutdownSim => Path.Combine(Root, "tools", OperatingSystem.IsWindows() ? "shutdown-sim.exe" : "shutdown-sim");

    private string PackagesFolder => Path.Combine(Root, "packages");

    private string TemplateProject => Path.Combine(Root, "template", ProjectName);

    private IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["NUGET_PACKAGES"] = PackagesFolder,
        ["NUGET_HTTP_CACHE_PATH"] = Path.Combine(Root, "http-cache"),
    };

    public async Task InitializeAsync()
    {
        if (CommandLine.Dotnet is null)
        {
            throw new InvalidOperationException("dotnet is not on PATH: the consumer tests pack, install and build with the dotnet CLI.");
        }

        WriteMachineSettings();
        await PackAsync("Package").ConfigureAwait(false);
        await PackAsync("Runner").ConfigureAwait(false);
        await CreateProjectAsync().ConfigureAwait(false);
        await Succeed(Root, "tool", "install", ToolPackageId, "--version", ThisBuild.PackageVersion, "--tool-path", "tools").ConfigureAwait(false);
    }

    public Task DisposeAsync()
    {
        try
        {
            root.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }

        return Task.CompletedTask;
    }

    /// <summary>A fresh copy of the consumer project (sources only, no build output), for one test to change and build.</summary>
    public ConsumerProject CopyProject()
    {
        var folder = Path.Combine(Root, $"copy{System.Threading.Interlocked.Increment(ref copies)}", ProjectName);
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(TemplateProject))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return new ConsumerProject(this, folder);
    }

    internal Task<CommandResult> DotnetAsync(string workingDirectory, params string[] arguments) =>
        CommandLine.RunAsync(CommandLine.Dotnet!, workingDirectory, Environment, arguments);

    internal Task<CommandResult> ShutdownSimAsync(string workingDirectory, params string[] arguments) =>
        CommandLine.RunAsync(ShutdownSim, workingDirectory, Environment, arguments);

    /// <summary>
    /// The package source is the local folder only, and the repository's build settings stay out
    /// (the temp folder has nothing above it, but a machine might).
    /// </summary>
    private void WriteMachineSettings()
    {
        File.WriteAllText(Path.Combine(Root, "NuGet.config"), """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="feed" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Packages.props"), "<Project />\n");
    }

    /// <summary>Packs what this build produced, so the packages hold exactly the assemblies under test.</summary>
    private Task PackAsync(string project) =>
        Succeed(Root, "pack", ThisBuild.ProjectFolder(project), "-c", ThisBuild.Configuration, "--no-build", "-o", PackageSource);

    private async Task CreateProjectAsync()
    {
        var parent = Path.GetDirectoryName(TemplateProject)!;
        Directory.CreateDirectory(parent);
        await Succeed(parent, "new", "classlib", "--name", ProjectName, "--output", ProjectName).ConfigureAwait(false);
        File.Delete(Path.Combine(TemplateProject, "Class1.cs"));
        await Succeed(TemplateProject, "add", "package", LibraryPackageId, "--version", ThisBuild.PackageVersion).ConfigureAwait(false);
        foreach (var (file, text) in FlawedDriverModel.Files)
        {
            File.WriteAllText(Path.Combine(TemplateProject, file), text);
        }

        // Build output of the restore that 'dotnet add package' ran stays behind; copies restore their own.
        foreach (var output in new[] { "bin", "obj" })
        {
            var folder = Path.Combine(TemplateProject, output);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private async Task Succeed(string workingDirectory, params string[] arguments)
    {
        var result = await DotnetAsync(workingDirectory, arguments).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"Setting up the consumer workspace failed: {result}");
        }
    }
}

/// <summary>The tests that share one <see cref="ConsumerWorkspace"/>: packed and installed once, run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class ConsumerCollection : ICollectionFixture<ConsumerWorkspace>
{
    public const string Name = "consumer";
}
