using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace ShutdownAnalyzers.Package.Tests.Consumer;

/// <summary>The repository and configuration these tests were built from, recorded at build time.</summary>
internal static class ThisBuild
{
    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    /// <summary>Debug or Release: the packages are packed from this configuration's build output.</summary>
    public static string Configuration { get; } = Metadata("Configuration");

    /// <summary>The version both packages carry.</summary>
    public static string PackageVersion { get; } = Metadata("PackageVersion");

    public static string ProjectFolder(string name) => Path.Combine(RepositoryRoot, name);

    private static string Metadata(string key) =>
        typeof(ThisBuild).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"The test assembly was built without its '{key}' metadata.");
}
