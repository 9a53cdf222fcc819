using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Agreement.Compilation;

/// <summary>
/// A sample compiled as a user's project would be: every analyzer of the package runs on it, and
/// the emitted assembly is loaded so its machines can run in the simulator.
/// </summary>
public sealed class SampleCompilation
{
    private static readonly CSharpCompilationOptions Options =
        new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);

    private SampleCompilation(SampleSources sources, CSharpCompilation compilation)
    {
        Sources = sources;
        Compilation = compilation;
    }

    public SampleSources Sources { get; }

    public CSharpCompilation Compilation { get; }

    /// <summary>Compiler errors; a sample with any cannot be analyzed or run.</summary>
    public IReadOnlyList<Diagnostic> Errors => Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    public static SampleCompilation Create(SampleSources sources, string? assemblyName = null) =>
        new(sources, CSharpCompilation.Create(assemblyName ?? "Sample." + sources.Name, sources.Trees, SampleReferences.All, Options));

    /// <summary>Every analyzer diagnostic; an analyzer that throws is an error, not a silent miss.</summary>
    public ImmutableArray<Diagnostic> Analyze()
    {
        var exceptions = new ConcurrentQueue<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name}: {exception}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = Compilation
            .WithAnalyzers(PackageAnalyzers.All, options)
            .GetAnalyzerDiagnosticsAsync()
            .GetAwaiter()
            .GetResult();
        return exceptions.IsEmpty
            ? diagnostics
            : throw new InvalidOperationException($"An analyzer threw on {Compilation.AssemblyName}:{Environment.NewLine}{string.Join(Environment.NewLine, exceptions)}");
    }

    /// <summary>
    /// Emits the assembly, loads it into its own context and returns its machines. The bus API
    /// resolves from the host's context, so the machines are the types the simulator knows.
    /// </summary>
    public IReadOnlyList<MachineModel> LoadMachines(bool collectible = false)
    {
        using var image = new MemoryStream();
        var emitted = Compilation.Emit(image);
        if (!emitted.Success)
        {
            throw new InvalidOperationException($"{Compilation.AssemblyName} did not emit: {string.Join("; ", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))}");
        }

        image.Position = 0;
        Assembly assembly = new AssemblyLoadContext(Compilation.AssemblyName, collectible).LoadFromStream(image);
        return MachineModel.DiscoverIn(assembly);
    }
}
