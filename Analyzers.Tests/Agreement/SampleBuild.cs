using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ShutdownAnalyzers.Simulation;
using ShutdownAnalyzers.Tests.Documentation;
using ShutdownAnalyzers.Tests.Verifiers;

namespace ShutdownAnalyzers.Tests.Agreement;

/// <summary>
/// One sample folder compiled as a user's project would be: every analyzer of the package runs on
/// it, and the emitted assembly is loaded so its machines can run in the simulator.
/// </summary>
internal sealed class SampleBuild
{
    private static readonly ConcurrentDictionary<string, Lazy<SampleBuild>> Cache = new(StringComparer.Ordinal);

    private SampleBuild(string folder, ImmutableArray<Diagnostic> diagnostics, IReadOnlyList<MachineModel> machines)
    {
        Folder = folder;
        Diagnostics = diagnostics;
        Machines = machines;
    }

    /// <summary>The sample folder's full path.</summary>
    public string Folder { get; }

    /// <summary>Every analyzer diagnostic in the sample's sources.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    public IReadOnlyList<MachineModel> Machines { get; }

    /// <summary>Builds <c>Samples/<paramref name="sample"/></c> once per test run.</summary>
    public static SampleBuild Of(string sample) =>
        Cache.GetOrAdd(sample, name => new Lazy<SampleBuild>(() => Build(name), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>Diagnostics of <paramref name="ruleId"/> in the files under the sample's <paramref name="subfolder"/> (Flawed or Fixed).</summary>
    public IReadOnlyList<Diagnostic> DiagnosticsIn(string subfolder, string ruleId)
    {
        var prefix = Path.Combine(Folder, subfolder) + Path.DirectorySeparatorChar;
        return Diagnostics
            .Where(d => d.Id == ruleId && d.Location.SourceTree?.FilePath.StartsWith(prefix, StringComparison.Ordinal) == true)
            .ToList();
    }

    public MachineModel Machine(string name) =>
        Machines.SingleOrDefault(m => m.Name == name)
        ?? throw new InvalidOperationException($"Samples/{Path.GetFileName(Folder)} declares no machine '{name}'; it has: {string.Join(", ", Machines.Select(m => m.Name))}.");

    private static SampleBuild Build(string sample)
    {
        var folder = Path.Combine(RepositoryLayout.Root, "Samples", sample);
        if (!Directory.Exists(folder))
        {
            throw new InvalidOperationException($"No sample folder {folder}.");
        }

        var compilation = Compile(sample, folder);
        var diagnostics = Analyze(compilation);
        var machines = MachineModel.DiscoverIn(Load(compilation));
        return new SampleBuild(folder, diagnostics, machines);
    }

    private static CSharpCompilation Compile(string sample, string folder)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(folder, path))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), parseOptions, path))
            .ToList();
        var compilation = CSharpCompilation.Create(
            "Sample." + sample,
            trees,
            ReferenceAssemblies.Default,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        return errors.Count == 0
            ? compilation
            : throw new InvalidOperationException($"Samples/{sample} does not compile:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
    }

    private static bool IsBuildOutput(string folder, string path)
    {
        var relative = Path.GetRelativePath(folder, path).Split(Path.DirectorySeparatorChar);
        return relative.Contains("bin") || relative.Contains("obj");
    }

    private static ImmutableArray<Diagnostic> Analyze(Compilation compilation)
    {
        var exceptions = new ConcurrentQueue<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name}: {exception}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = compilation
            .WithAnalyzers(RuleCatalog.Analyzers, options)
            .GetAnalyzerDiagnosticsAsync()
            .GetAwaiter()
            .GetResult();
        return exceptions.IsEmpty
            ? diagnostics
            : throw new InvalidOperationException("An analyzer threw on a sample:" + Environment.NewLine + string.Join(Environment.NewLine, exceptions));
    }

    private static Assembly Load(Compilation compilation)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        if (!emitted.Success)
        {
            throw new InvalidOperationException("The sample compiled but did not emit: " + string.Join("; ", emitted.Diagnostics));
        }

        image.Position = 0;

        // The bus API resolves from the test's own context, so the sample's machines are the types the simulator knows.
        return new AssemblyLoadContext(compilation.AssemblyName, isCollectible: false).LoadFromStream(image);
    }
}
