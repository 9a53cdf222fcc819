using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ShutdownAnalyzers.Tests.Verifiers;

/// <summary>
/// The metadata references test sources compile against: the framework the tests run on and the
/// ShutdownAnalyzers runtime (the bus API). Loaded once per test run; there is no network access.
/// </summary>
public static class ReferenceAssemblies
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> FrameworkReferences = new(LoadFramework);

    private static readonly Lazy<MetadataReference> RuntimeReference =
        new(() => MetadataReference.CreateFromFile(typeof(ShutdownAnalyzers.DriverModel.Device).Assembly.Location));

    private static readonly Lazy<ImmutableArray<MetadataReference>> DefaultReferences =
        new(() => FrameworkReferences.Value.Add(RuntimeReference.Value));

    /// <summary>The shared framework's assemblies of the running .NET.</summary>
    public static ImmutableArray<MetadataReference> Framework => FrameworkReferences.Value;

    /// <summary>ShutdownAnalyzers.Runtime.dll, which holds <c>ShutdownAnalyzers.DriverModel</c>.</summary>
    public static MetadataReference ShutdownRuntime => RuntimeReference.Value;

    /// <summary>What every test project references: <see cref="Framework"/> and <see cref="ShutdownRuntime"/>.</summary>
    public static ImmutableArray<MetadataReference> Default => DefaultReferences.Value;

    private static ImmutableArray<MetadataReference> LoadFramework()
    {
        // The host's trusted platform assemblies also list the test's own dependencies (Roslyn, xunit);
        // only those in the shared framework directory are the framework.
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)
            ?? throw new InvalidOperationException("The location of System.Private.CoreLib is unknown.");
        var trusted = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string
            ?? throw new InvalidOperationException("The host lists no TRUSTED_PLATFORM_ASSEMBLIES.");

        var references = trusted
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal))
            .Where(path => IsFrameworkAssemblyName(Path.GetFileName(path)))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();

        return references.IsEmpty
            ? throw new InvalidOperationException($"No framework assemblies found in '{frameworkDirectory}'.")
            : references;
    }

    private static bool IsFrameworkAssemblyName(string fileName)
    {
        if (!fileName.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return fileName.StartsWith("System.", StringComparison.Ordinal)
            || fileName.StartsWith("Microsoft.", StringComparison.Ordinal)
            || fileName is "netstandard.dll" or "mscorlib.dll";
    }
}
