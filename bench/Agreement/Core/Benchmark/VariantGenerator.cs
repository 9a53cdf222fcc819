using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ShutdownAnalyzers.Agreement.Compilation;
using ShutdownAnalyzers.Agreement.Mutations;
using ShutdownAnalyzers.Agreement.Rewrites;
using ShutdownAnalyzers.Agreement.Transforms;

namespace ShutdownAnalyzers.Agreement.Benchmark;

/// <summary>
/// Makes the variants of a fixed sample: the sample as it is and after each rule's mutation that
/// applies to it, each then in every combination of the rewrites that apply (in list order).
/// Transforms change only the files under Fixed/; the result is laid out by Roslyn's normalizer.
/// </summary>
public static class VariantGenerator
{
    /// <summary>Every rule's mutations; one class per kind of bug, general over samples.</summary>
    public static readonly IReadOnlyList<Mutation> Mutations = new Mutation[]
    {
        new DropShutdownMutation(),
        new InsertPowerOffMutation(InsertionPoint.Start),
        new InsertPowerOffMutation(InsertionPoint.End),
        new RemovePowerOffGuardMutation(),
        new SkipFlushOnRestartMutation(),
        new WaitForeverMutation(),
        new ProxyForIsAddedMutation(),
        new DropDeviceLinkMutation(),
    };

    /// <summary>Rewrites that keep the meaning, in the order they are applied.</summary>
    public static readonly IReadOnlyList<Rewrite> Rewrites = new Rewrite[]
    {
        new GuardInLocalRewrite(),
        new EarlyReturnRewrite(),
        new BlockBodyRewrite(),
        new ExtractHelperRewrite(),
        new RenameRewrite(),
        new MoveIntoBaseClassRewrite(),
    };

    public static IEnumerable<Variant> Generate(SampleSources sample) => Generate(sample, Mutations, Rewrites);

    /// <param name="maxRewrites">The most rewrites combined in one variant.</param>
    public static IEnumerable<Variant> Generate(SampleSources sample, IReadOnlyList<Mutation> mutations, IReadOnlyList<Rewrite> rewrites, int maxRewrites = int.MaxValue)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mutation in new Mutation?[] { null }.Concat(mutations))
        {
            var mutated = mutation is null ? sample : Apply(sample, mutation);
            if (mutated is null)
            {
                continue;
            }

            foreach (var subset in Subsets(rewrites, maxRewrites))
            {
                var rewritten = subset.Aggregate<Rewrite, SampleSources?>(mutated, (current, rewrite) => current is null ? null : Apply(current, rewrite));
                if (rewritten is null)
                {
                    continue;
                }

                var variant = new Variant(Normalized(rewritten), mutation, subset);
                if (seen.Add(string.Concat(variant.DriverFiles.Select(file => file.Text))))
                {
                    yield return variant;
                }
            }
        }
    }

    /// <summary>The sample after <paramref name="transform"/>, or null when it changes none of the Fixed/ files.</summary>
    public static SampleSources? Apply(SampleSources sample, SourceTransform transform)
    {
        var compilation = SampleCompilation.Create(sample).Compilation;
        var changed = new List<SyntaxTree>();
        foreach (var tree in sample.Trees.Where(tree => sample.IsIn(tree, SampleSources.FixedFolder)))
        {
            if (transform.Apply(tree.GetRoot(), compilation.GetSemanticModel(tree)) is { } root)
            {
                changed.Add(Reparse(tree, root.NormalizeWhitespace(eol: "\n")));
            }
        }

        return changed.Count == 0 ? null : sample.With(changed);
    }

    private static SampleSources Normalized(SampleSources sample) =>
        sample.With(sample.Trees.Where(tree => sample.IsIn(tree, SampleSources.FixedFolder)).Select(tree => Reparse(tree, tree.GetRoot().NormalizeWhitespace(eol: "\n"))));

    private static SyntaxTree Reparse(SyntaxTree tree, SyntaxNode root) =>
        CSharpSyntaxTree.ParseText(root.ToFullString(), (CSharpParseOptions)tree.Options, tree.FilePath);

    /// <summary>Subsets of <paramref name="items"/>, smallest first, each in list order.</summary>
    private static IEnumerable<IReadOnlyList<T>> Subsets<T>(IReadOnlyList<T> items, int maxSize)
    {
        var all = Enumerable.Range(0, 1 << items.Count)
            .Select(mask => (IReadOnlyList<T>)items.Where((_, i) => (mask & (1 << i)) != 0).ToList())
            .Where(subset => subset.Count <= maxSize);
        return all.OrderBy(subset => subset.Count);
    }
}
