using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ShutdownAnalyzers.Tests.Documentation;
using ShutdownAnalyzers.Tests.Headless;

namespace ShutdownAnalyzers.Tests.Reliability;

/// <summary>
/// Bad values of the package's MSBuild properties, in a project that imports the package's build
/// files as NuGet would: one clear error naming the property and the values it takes, a failed build,
/// and no assembly written.
/// </summary>
public class PackagePropertyTests
{
    [Theory]
    [InlineData("loud")]
    [InlineData("strict,none")]
    public async Task An_unknown_ShutdownAnalysisMode_fails_the_build_with_one_clear_error_and_writes_nothing(string mode)
    {
        var folder = Path.Combine(Path.GetTempPath(), "shd-props-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var build = Path.Combine(RepositoryLayout.Root, "Package", "build");
            File.WriteAllText(Path.Combine(folder, "Directory.Build.props"), "<Project />");
            File.WriteAllText(Path.Combine(folder, "Directory.Build.targets"), "<Project />");
            File.WriteAllText(Path.Combine(folder, "Directory.Packages.props"), "<Project />");
            File.WriteAllText(Path.Combine(folder, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <Import Project="{Path.Combine(build, "ShutdownAnalyzers.props")}" />
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <ShutdownAnalysisMode>{mode}</ShutdownAnalysisMode>
                  </PropertyGroup>
                  <Import Project="{Path.Combine(build, "ShutdownAnalyzers.targets")}" />
                </Project>
                """);
            File.WriteAllText(Path.Combine(folder, "Class1.cs"), "public class Class1 { }");

            var result = await DotnetCli.RunAsync(folder, "build", "-nologo", "-v:q");

            Assert.NotEqual(0, result.ExitCode);
            var errors = result.Output.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).Distinct().ToList();
            var error = Assert.Single(errors);
            Assert.Contains($"error SHDCFG001: ShutdownAnalysisMode '{mode}' is not valid: use recommended, strict or none.", error);
            Assert.DoesNotContain("   at ", result.Output);
            Assert.Empty(Directory.GetFiles(folder, "Consumer.dll", SearchOption.AllDirectories));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
