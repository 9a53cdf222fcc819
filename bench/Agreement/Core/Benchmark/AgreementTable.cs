using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ShutdownAnalyzers.Agreement.Oracles;

namespace ShutdownAnalyzers.Agreement.Benchmark;

/// <summary>One rule's counts over every variant: the analyzer's verdict against the simulator's.</summary>
public sealed record RuleAgreement(string RuleId, string Question, int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives)
{
    /// <summary>Null when the rule reported nothing at all.</summary>
    public double? Precision => TruePositives + FalsePositives == 0 ? null : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>Null when the simulator never showed the rule's bug.</summary>
    public double? Recall => TruePositives + FalseNegatives == 0 ? null : (double)TruePositives / (TruePositives + FalseNegatives);
}

/// <summary>A variant on which a rule's diagnostic and its twin outcome disagree.</summary>
public sealed record Disagreement(string RuleId, VariantResult Result)
{
    public bool IsFalsePositive => Result.IsReported(RuleId);
}

/// <summary>The benchmark's result: a row per rule, the disagreements, and what could not be judged.</summary>
public sealed class AgreementTable
{
    private AgreementTable(IReadOnlyList<VariantResult> results, IReadOnlyList<RuleAgreement> rules, IReadOnlyList<Disagreement> disagreements, IReadOnlyList<string> unmeasured)
    {
        Results = results;
        Rules = rules;
        Disagreements = disagreements;
        Unmeasured = unmeasured;
    }

    public IReadOnlyList<VariantResult> Results { get; }

    public IReadOnlyList<RuleAgreement> Rules { get; }

    public IReadOnlyList<Disagreement> Disagreements { get; }

    /// <summary>Rules the analyzers report that have no oracle yet.</summary>
    public IReadOnlyList<string> Unmeasured { get; }

    public IReadOnlyList<VariantResult> NotCompiled => Results.Where(r => r.CompileErrors is not null).ToList();

    public static AgreementTable Tally(IReadOnlyList<VariantResult> results, IReadOnlyList<RuleOracle> oracles, IEnumerable<string> ruleIds)
    {
        var judged = results.Where(r => r.CompileErrors is null).ToList();
        var rows = new List<RuleAgreement>();
        var disagreements = new List<Disagreement>();
        foreach (var oracle in oracles)
        {
            int tp = 0, fp = 0, fn = 0, tn = 0;
            foreach (var result in judged)
            {
                var reported = result.IsReported(oracle.RuleId);
                var fails = result.Runtime[oracle.RuleId].Fails;
                switch ((reported, fails))
                {
                    case (true, true): tp++; break;
                    case (true, false): fp++; disagreements.Add(new Disagreement(oracle.RuleId, result)); break;
                    case (false, true): fn++; disagreements.Add(new Disagreement(oracle.RuleId, result)); break;
                    default: tn++; break;
                }
            }

            rows.Add(new RuleAgreement(oracle.RuleId, oracle.Question, tp, fp, fn, tn));
        }

        var unmeasured = ruleIds.Where(id => oracles.All(o => o.RuleId != id)).ToList();
        return new AgreementTable(results, rows, disagreements, unmeasured);
    }

    /// <summary>The per-rule table in Markdown.</summary>
    public string SummaryMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| rule | TP | FP | FN | TN | precision | recall | twin (oracle) |");
        text.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var rule in Rules)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {rule.RuleId} | {rule.TruePositives} | {rule.FalsePositives} | {rule.FalseNegatives} | {rule.TrueNegatives} | {Ratio(rule.Precision)} | {Ratio(rule.Recall)} | {rule.Question} |");
        }

        return text.ToString();
    }

    /// <summary>The whole report: counts, the table, and every disagreement with its variant's code and evidence.</summary>
    public string ReportMarkdown(string command)
    {
        var samples = Results.Select(r => r.Variant.Sample).Distinct().ToList();
        var text = new StringBuilder();
        text.AppendLine("# Agreement benchmark");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Produced by `{command}`. {Results.Count} variants of the fixed samples {string.Join(", ", samples)}: each mutation of a rule (or none) combined with every subset of the rewrites that apply ({string.Join(", ", VariantGenerator.Rewrites.Select(r => r.Name))}); mutations: {string.Join(", ", VariantGenerator.Mutations.Select(m => $"{m.RuleId} {m.Name}"))}.");
        text.AppendLine();
        text.AppendLine("A rule's diagnostic (anywhere but Flawed/) is the static verdict; its oracle, run on the sample's `-fixed` machines built from the variant, is the dynamic one.");
        text.AppendLine();
        text.Append(SummaryMarkdown());
        text.AppendLine();
        if (Unmeasured.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Rules without an oracle yet (not measured): {string.Join(", ", Unmeasured)}.");
            text.AppendLine();
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"Variants that did not compile: {NotCompiled.Count}.");
        foreach (var result in NotCompiled)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- `{result.Variant.Id}`: {result.CompileErrors!.Split('\n')[0]}");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"## Disagreements ({Disagreements.Count})");
        foreach (var group in Disagreements.GroupBy(d => (d.RuleId, d.IsFalsePositive)))
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"### {group.Key.RuleId} {(group.Key.IsFalsePositive ? "false positives: reported, runtime healthy" : "false negatives: runtime fails, not reported")} ({group.Count()})");
            foreach (var disagreement in group)
            {
                var result = disagreement.Result;
                text.AppendLine();
                text.AppendLine(CultureInfo.InvariantCulture, $"- `{result.Variant.Id}`");
                foreach (var diagnostic in result.Reported.GetValueOrDefault(disagreement.RuleId) ?? Array.Empty<string>())
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"  - analyzer: {diagnostic}");
                }

                text.AppendLine(CultureInfo.InvariantCulture, $"  - runtime: {result.Runtime[disagreement.RuleId].Evidence}");
                foreach (var (path, code) in result.Variant.DriverFiles)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"  - `{path}`:");
                    text.AppendLine();
                    text.AppendLine("    ```csharp");
                    foreach (var line in code.Split('\n'))
                    {
                        text.AppendLine(line.Length == 0 ? "" : "    " + line);
                    }

                    text.AppendLine("    ```");
                }
            }
        }

        return text.ToString();
    }

    private static string Ratio(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "–";
}
