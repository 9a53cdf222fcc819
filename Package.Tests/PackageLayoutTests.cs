using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using ShutdownAnalyzers.Package.Tests.Consumer;

namespace ShutdownAnalyzers.Package.Tests;

/// <summary>What <c>dotnet pack</c> puts in the two packages, as nuget.org and a consumer's restore see it.</summary>
[Collection(ConsumerCollection.Name)]
public sealed class PackageLayoutTests
{
    private readonly ConsumerWorkspace workspace;

    public PackageLayoutTests(ConsumerWorkspace workspace) => this.workspace = workspace;

    [Fact]
    public void The_library_package_holds_the_runtime_as_its_library_and_the_analyzers_and_fixes_as_analyzers()
    {
        var entries = Entries(workspace.LibraryPackage);

        Assert.Contains("lib/net8.0/ShutdownAnalyzers.Runtime.dll", entries);
        Assert.Contains("lib/net8.0/ShutdownAnalyzers.Runtime.xml", entries);
        Assert.Contains("analyzers/dotnet/cs/ShutdownAnalyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/ShutdownAnalyzers.CodeFixes.dll", entries);
        // Only the runtime is a library: the analyzers never become a compile reference of the consumer.
        Assert.All(entries.Where(e => e.StartsWith("lib/", System.StringComparison.Ordinal)), e => Assert.StartsWith("lib/net8.0/ShutdownAnalyzers.Runtime.", e));
        foreach (var folder in new[] { "build", "buildTransitive" })
        {
            Assert.Contains($"{folder}/ShutdownAnalyzers.props", entries);
            Assert.Contains($"{folder}/ShutdownAnalyzers.targets", entries);
            Assert.Contains($"{folder}/config/ShutdownAnalysisMode.strict.globalconfig", entries);
            Assert.Contains($"{folder}/config/ShutdownAnalysisMode.none.globalconfig", entries);
        }
    }

    [Fact]
    public void The_library_package_is_an_ordinary_dependency_with_readme_license_tags_and_repository()
    {
        var metadata = Metadata(workspace.LibraryPackage);

        Assert.Equal(ConsumerWorkspace.LibraryPackageId, Value(metadata, "id"));
        AssertDescribed(workspace.LibraryPackage, metadata);
        Assert.Contains("analyzers", Value(metadata, "tags").Split(' '));
        // The analyzers must flow to whoever references the package; a development dependency would not.
        Assert.NotEqual("true", metadata.Elements().FirstOrDefault(e => e.Name.LocalName == "developmentDependency")?.Value);
    }

    [Fact]
    public void The_runner_package_is_a_dotnet_tool_named_shutdown_sim_with_the_same_version()
    {
        var metadata = Metadata(workspace.ToolPackage);

        Assert.Equal(ConsumerWorkspace.ToolPackageId, Value(metadata, "id"));
        AssertDescribed(workspace.ToolPackage, metadata);
        var packageType = Assert.Single(metadata.Descendants(), e => e.Name.LocalName == "packageType");
        Assert.Equal("DotnetTool", packageType.Attribute("name")!.Value);

        using var package = ZipFile.OpenRead(workspace.ToolPackage);
        var settings = package.Entries.Single(e => e.FullName.EndsWith("/DotnetToolSettings.xml", System.StringComparison.Ordinal));
        using var stream = settings.Open();
        var command = XDocument.Load(stream).Descendants("Command").Single();
        Assert.Equal("shutdown-sim", command.Attribute("Name")!.Value);
    }

    /// <summary>Version, license, readme, description, tags, project and repository: what nuget.org shows.</summary>
    private static void AssertDescribed(string package, XElement metadata)
    {
        Assert.Equal(ThisBuild.PackageVersion, Value(metadata, "version"));
        Assert.Equal("MIT", Value(metadata, "license"));
        Assert.Equal("README.md", Value(metadata, "readme"));
        Assert.NotEmpty(Value(metadata, "description"));
        Assert.NotEmpty(Value(metadata, "tags"));
        Assert.StartsWith("https://", Value(metadata, "projectUrl"));
        var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
        Assert.Equal("git", repository.Attribute("type")!.Value);
        Assert.StartsWith("https://", repository.Attribute("url")!.Value);
        var entries = Entries(package);
        Assert.Contains("README.md", entries);
        Assert.Contains("LICENSE", entries);
    }

    private static string[] Entries(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        return zip.Entries.Select(e => e.FullName).ToArray();
    }

    private static XElement Metadata(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", System.StringComparison.Ordinal));
        using var stream = nuspec.Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static string Value(XElement metadata, string name) =>
        metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value ?? "";
}
