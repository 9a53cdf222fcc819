using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using ShutdownAnalyzers.Agreement.Compilation;
using ShutdownAnalyzers.Simulation;
using ShutdownAnalyzers.Tests.Documentation;

namespace ShutdownAnalyzers.Tests.Agreement;

/// <summary>
/// One sample folder compiled as a user's project would be (the agreement benchmark's
/// <see cref="SampleCompilation"/>): every analyzer of the package runs on it, and the emitted
/// assembly is loaded so its machines can run in the simulator.
/// </summary>
internal sealed class SampleBuild
{
    private static readonly ConcurrentDictionary<string, Lazy<SampleBuild>> Cache = new(StringComparer.Ordinal);

    private SampleBuild(SampleSources sources, ImmutableArray<Diagnostic> diagnostics, IReadOnlyList<MachineModel> machines)
    {
        Sources = sources;
        Diagnostics = diagnostics;
        Machines = machines;
    }

    public SampleSources Sources { get; }

    /// <summary>The sample folder's full path.</summary>
    public string Folder => Sources.Folder;

    /// <summary>Every analyzer diagnostic in the sample's sources.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    public IReadOnlyList<MachineModel> Machines { get; }

    /// <summary>Builds <c>Samples/<paramref name="sample"/></c> once per test run.</summary>
    public static SampleBuild Of(string sample) =>
        Cache.GetOrAdd(sample, name => new Lazy<SampleBuild>(() => Build(name), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>Diagnostics of <paramref name="ruleId"/> in the files under the sample's <paramref name="subfolder"/> (Flawed or Fixed).</summary>
    public IReadOnlyList<Diagnostic> DiagnosticsIn(string subfolder, string ruleId) =>
        Diagnostics
            .Where(d => d.Id == ruleId && d.Location.SourceTree is { } tree && Sources.IsIn(tree, subfolder))
            .ToList();

    public MachineModel Machine(string name) =>
        Machines.SingleOrDefault(m => m.Name == name)
        ?? throw new InvalidOperationException($"Samples/{Path.GetFileName(Folder)} declares no machine '{name}'; it has: {string.Join(", ", Machines.Select(m => m.Name))}.");

    private static SampleBuild Build(string sample)
    {
        var sources = SampleSources.Load(Path.Combine(RepositoryLayout.Root, "Samples"), sample);
        var compilation = SampleCompilation.Create(sources);
        var errors = compilation.Errors;
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"Samples/{sample} does not compile:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
        }

        return new SampleBuild(sources, compilation.Analyze(), compilation.LoadMachines());
    }
}
