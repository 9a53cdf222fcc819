using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ShutdownAnalyzers.Agreement.Benchmark;
using ShutdownAnalyzers.Agreement.Compilation;
using ShutdownAnalyzers.Agreement.Mutations;
using ShutdownAnalyzers.Agreement.Oracles;
using ShutdownAnalyzers.Agreement.Rewrites;
using ShutdownAnalyzers.Agreement.Transforms;
using ShutdownAnalyzers.Tests.Documentation;

namespace ShutdownAnalyzers.Tests.Agreement;

/// <summary>
/// A handful of the agreement benchmark's variants (bench/Agreement runs hundreds): each rule's
/// mutation makes a variant both the rule and its oracle call buggy, and rewrites change neither verdict.
/// </summary>
public sealed class AgreementBenchmarkSmokeTests
{
    public static IEnumerable<object[]> Cases => new[]
    {
        new object[] { "Lpfc", new DropShutdownMutation(), new Rewrite[] { new ExtractHelperRewrite(), new MoveIntoBaseClassRewrite() } },
        new object[] { "Igb", new RemovePowerOffGuardMutation(), new Rewrite[] { new GuardInLocalRewrite(), new RenameRewrite() } },
        new object[] { "Sd", new InsertPowerOffMutation(InsertionPoint.End), new Rewrite[] { new EarlyReturnRewrite() } },
        new object[] { "Ipr", new SkipFlushOnRestartMutation(), new Rewrite[] { new GuardInLocalRewrite(), new ExtractHelperRewrite() } },
        new object[] { "Nvme", new WaitForeverMutation(), new Rewrite[] { new BlockBodyRewrite(), new MoveIntoBaseClassRewrite() } },
        new object[] { "Zpci", new ProxyForIsAddedMutation(), new Rewrite[] { new ExtractHelperRewrite(), new RenameRewrite() } },
        new object[] { "Storvsc", new DropDeviceLinkMutation(), new Rewrite[] { new MoveIntoBaseClassRewrite(), new BlockBodyRewrite() } },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Analyzer_and_runtime_agree_on_the_mutated_sample_and_its_rewrites(string sample, Mutation mutation, Rewrite[] rewrites)
    {
        var sources = SampleSources.Load(Path.Combine(RepositoryLayout.Root, "Samples"), sample);
        var variants = VariantGenerator.Generate(sources, new[] { mutation }, rewrites, maxRewrites: 1).ToList();
        var results = variants.Select(variant => VariantJudge.Judge(variant, RuleOracles.All)).ToList();

        Assert.Empty(results.Where(r => r.CompileErrors is not null).Select(r => $"{r.Variant.Id}: {r.CompileErrors}"));
        var mutated = results.Where(r => r.Variant.Mutation is not null).ToList();
        Assert.NotEmpty(mutated);
        Assert.All(mutated, r => Assert.True(r.IsReported(mutation.RuleId) && r.Runtime[mutation.RuleId].Fails, $"{r.Variant.Id}: not both reported and failing as {mutation.RuleId}"));
        Assert.Contains(results, r => r.Variant.Mutation is null && r.Variant.Rewrites.Count == 1);

        var disagreements = AgreementTable.Tally(results, RuleOracles.All, PackageAnalyzers.RuleIds).Disagreements;
        Assert.True(disagreements.Count == 0, string.Join(Environment.NewLine, disagreements.Select(d => $"{d.RuleId} {(d.IsFalsePositive ? "FP" : "FN")}: {d.Result.Variant.Id}")));
    }

    [Fact]
    public void A_mutation_that_finds_nothing_to_change_makes_no_variant()
    {
        // gic-its has no Remove, so there is no Shutdown to drop in favour of it.
        var sources = SampleSources.Load(Path.Combine(RepositoryLayout.Root, "Samples"), "GicIts");

        Assert.Null(VariantGenerator.Apply(sources, new DropShutdownMutation()));
    }
}
