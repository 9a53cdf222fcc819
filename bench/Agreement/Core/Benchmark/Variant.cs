using System.Collections.Generic;
using System.Linq;
using ShutdownAnalyzers.Agreement.Compilation;
using ShutdownAnalyzers.Agreement.Transforms;

namespace ShutdownAnalyzers.Agreement.Benchmark;

/// <summary>
/// A fixed sample after at most one rule's mutation and any number of meaning-preserving rewrites,
/// e.g. <c>Igb: remove-guard + rename + base-class</c>.
/// </summary>
public sealed class Variant
{
    public Variant(SampleSources sources, Mutation? mutation, IReadOnlyList<Rewrite> rewrites)
    {
        Sources = sources;
        Mutation = mutation;
        Rewrites = rewrites;
    }

    /// <summary>The sample with its Fixed/ files replaced by the variant's.</summary>
    public SampleSources Sources { get; }

    public Mutation? Mutation { get; }

    public IReadOnlyList<Rewrite> Rewrites { get; }

    public string Sample => Sources.Name;

    public string Id
    {
        get
        {
            var steps = new[] { Mutation is null ? "fixed" : $"{Mutation.RuleId}:{Mutation.Name}" }.Concat(Rewrites.Select(r => r.Name));
            return $"{Sample}: {string.Join(" + ", steps)}";
        }
    }

    /// <summary>The variant's driver files: path under Samples/ and text.</summary>
    public IReadOnlyList<(string Path, string Text)> DriverFiles =>
        Sources.Trees.Where(tree => Sources.IsIn(tree, SampleSources.FixedFolder)).Select(tree => (Sources.RelativePath(tree), tree.ToString())).ToList();

    public override string ToString() => Id;
}
