using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using ShutdownAnalyzers.Agreement.Benchmark;
using ShutdownAnalyzers.Agreement.Compilation;
using ShutdownAnalyzers.Agreement.Oracles;

namespace ShutdownAnalyzers.Agreement;

/// <summary>
/// Generates the variants of every fixed sample, judges each with the analyzers and the simulator,
/// prints the per-rule table and writes the full report (with every disagreement) to a file.
/// </summary>
public static class Program
{
    private const string Command = "dotnet run --project bench/Agreement -c Release";

    public static int Main(string[] args)
    {
        if (args.Length is not (0 or 2) || (args.Length == 2 && args[0] != "--output"))
        {
            Console.Error.WriteLine("agreement-benchmark: error: usage: agreement-benchmark [--output <file>]  (default bench/Agreement/results.md)");
            return 2;
        }

        var output = args.Length == 2 ? Path.GetFullPath(args[1]) : Path.Combine(Repository.Root, "bench", "Agreement", "results.md");
        var clock = Stopwatch.StartNew();
        var samples = SampleSources.Discover(Repository.SamplesFolder).Select(name => SampleSources.Load(Repository.SamplesFolder, name)).ToList();
        var variants = samples.SelectMany(VariantGenerator.Generate).ToList();
        Console.WriteLine($"{variants.Count} variants of {samples.Count} samples ({string.Join(", ", samples.Select(s => s.Name))})");

        var results = variants.Select(variant => VariantJudge.Judge(variant, RuleOracles.All)).ToList();
        var table = AgreementTable.Tally(results, RuleOracles.All, PackageAnalyzers.RuleIds);

        Console.WriteLine();
        Console.Write(table.SummaryMarkdown());
        Console.WriteLine();
        if (table.Unmeasured.Count > 0)
        {
            Console.WriteLine($"Rules without an oracle yet: {string.Join(", ", table.Unmeasured)}");
        }

        Console.WriteLine($"Variants that did not compile: {table.NotCompiled.Count}");
        Console.WriteLine($"Disagreements: {table.Disagreements.Count}");
        foreach (var disagreement in table.Disagreements)
        {
            Console.WriteLine($"  {disagreement.RuleId} {(disagreement.IsFalsePositive ? "FP" : "FN")}  {disagreement.Result.Variant.Id}");
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            File.WriteAllText(output, table.ReportMarkdown(Command));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"agreement-benchmark: error: cannot write {output}: {error.Message}");
            return 2;
        }

        Console.WriteLine($"Report: {Path.GetRelativePath(Repository.Root, output)} ({clock.Elapsed.TotalSeconds:0} s)");
        return 0;
    }
}
