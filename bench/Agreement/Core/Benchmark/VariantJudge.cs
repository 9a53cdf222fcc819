using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using ShutdownAnalyzers.Agreement.Compilation;
using ShutdownAnalyzers.Agreement.Oracles;

namespace ShutdownAnalyzers.Agreement.Benchmark;

/// <summary>
/// Runs one variant through both sides: every analyzer on the compiled sample, and every rule's
/// oracle on the sample's fixed machines (their names end in <c>-fixed</c>), built from the variant.
/// </summary>
public static class VariantJudge
{
    public const string FixedMachineSuffix = "-fixed";

    public static VariantResult Judge(Variant variant, IReadOnlyList<RuleOracle> oracles, int seed = 0)
    {
        var compilation = SampleCompilation.Create(variant.Sources, $"Variant.{variant.Sample}.{Guid.NewGuid():N}");
        var errors = compilation.Errors;
        if (errors.Count > 0)
        {
            return new VariantResult(variant, string.Join(Environment.NewLine, errors.Take(5)), new Dictionary<string, IReadOnlyList<string>>(), new Dictionary<string, Verdict>());
        }

        var reported = compilation.Analyze()
            .Where(d => d.Location.SourceTree is { } tree && !variant.Sources.IsIn(tree, SampleSources.FlawedFolder))
            .GroupBy(d => d.Id, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => (IReadOnlyList<string>)group.Select(Describe).ToList(), StringComparer.Ordinal);

        var machines = compilation.LoadMachines(collectible: true).Where(m => m.Name.EndsWith(FixedMachineSuffix, StringComparison.Ordinal)).ToList();
        if (machines.Count == 0)
        {
            throw new InvalidOperationException($"Samples/{variant.Sample} declares no machine whose name ends in '{FixedMachineSuffix}'.");
        }

        var runs = machines.Select(machine => new ScenarioRuns(machine, seed)).ToList();
        var runtime = oracles.ToDictionary(
            oracle => oracle.RuleId,
            oracle =>
            {
                var verdicts = runs.Select(oracle.Judge).ToList();
                return new Verdict(verdicts.Any(v => v.Fails), string.Join(" || ", verdicts.Select(v => v.Evidence)));
            },
            StringComparer.Ordinal);
        return new VariantResult(variant, null, reported, runtime);
    }

    private static string Describe(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        return $"{System.IO.Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1}): {diagnostic.Id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
