using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ShutdownAnalyzers.Bench.Generator;

namespace ShutdownAnalyzers.Bench.AnalyzerOverhead;

/// <summary>
/// <c>dotnet run -c Release --project bench/AnalyzerOverhead [-- --sizes 100,1000,5000 --repeat 3]</c>
///
/// Generates driver-model projects of each size and a plain project without the bus API, builds each
/// without the SHD analyzers, with them, with them plus the SDK's CA analyzers at
/// <c>AnalysisMode=All</c>, and with only the body-reading floor (<c>bench/BodyReadingFloor</c>: an
/// analyzer that asks for every method body and does nothing, the least any analyzer reading bodies
/// costs), and prints the medians: build time, what the SHD analyzers and the floor add to the compile,
/// the SHD analyzers' own time (from <c>/reportanalyzer</c>), their share of the compile, time per
/// driver, and how each SHD rule compares with the median CA rule and with CA2213. With
/// <c>--baseline &lt;ShutdownAnalyzers.dll&gt;</c> (another version's analyzers, built elsewhere), each round
/// also builds with those, alternated with the current ones, and a third table compares the two: on a
/// shared machine only builds taken in turn tell two versions apart.
/// </summary>
public static class Program
{
    private const string ShdAssembly = "ShutdownAnalyzers";

    public static Task<int> Main(string[] args)
    {
        var sizesOption = new Option<int[]>("--sizes")
        {
            Description = "The driver projects to generate and build, by number of drivers (comma-separated).",
            DefaultValueFactory = _ => new[] { 100, 1000, 5000 },
            CustomParser = ParseSizes,
        };
        var repeatOption = BenchCommandLine.Count("--repeat", 3, "How many times each configuration is built; the tables show medians.");
        var plainFilesOption = BenchCommandLine.Count("--plain-files", 2000, "How many files the project that never references the bus API has.");
        var workOption = new Option<string>("--work") { Description = "Where the generated projects go (default: artifacts/bench/analyzer-overhead)." };
        var baselineOption = new Option<string>("--baseline")
        {
            Description = "Another version's ShutdownAnalyzers.dll: each round also builds with it, in turn with the current analyzers, and a table compares the two.",
        };
        baselineOption.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 && !File.Exists(result.Tokens[0].Value))
            {
                result.AddError($"--baseline: no file '{result.Tokens[0].Value}'; give the path of another version's ShutdownAnalyzers.dll.");
            }
        });
        var command = new RootCommand("Builds generated driver projects with and without the SHD analyzers, beside the SDK's CA analyzers and the body-reading floor, and prints what they cost.")
        {
            sizesOption, repeatOption, plainFilesOption, workOption, baselineOption,
        };
        return BenchCommandLine.RunAsync(command, args, parse => Task.FromResult(Run(
            parse.GetValue(sizesOption)!,
            parse.GetValue(repeatOption),
            parse.GetValue(plainFilesOption),
            parse.GetValue(workOption),
            parse.GetValue(baselineOption) is { } baseline ? Path.GetFullPath(baseline) : null)));
    }

    private static int[] ParseSizes(ArgumentResult result)
    {
        var sizes = new List<int>();
        foreach (var size in result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.TrimEntries)))
        {
            if (BenchCommandLine.IsCount(size, out var drivers))
            {
                sizes.Add(drivers);
            }
            else
            {
                result.AddError($"--sizes takes whole numbers of at least 1, separated by commas; '{size}' is not one.");
            }
        }

        return sizes.ToArray();
    }

    private static int Run(int[] sizes, int repeat, int plainFiles, string? workOption, string? baseline)
    {
        var root = RepositoryRoot();
        var work = Path.GetFullPath(workOption ?? Path.Combine(root, "artifacts", "bench", "analyzer-overhead"));

        Console.Error.WriteLine("building the bus API and the analyzers (Release)...");
        Require(Dotnet.Run(new[] { "build", Path.Combine(root, "Analyzers"), "-c", "Release", "-v:q", "-nologo" }));
        Require(Dotnet.Run(new[] { "build", Path.Combine(root, "Runtime"), "-c", "Release", "-v:q", "-nologo" }));
        var runtime = Path.Combine(root, "Runtime", "bin", "Release", "net8.0", "ShutdownAnalyzers.Runtime.dll");
        Require(Dotnet.Run(new[] { "build", Path.Combine(root, "bench", "BodyReadingFloor"), "-c", "Release", "-v:q", "-nologo" }));
        var analyzers = Path.Combine(root, "Analyzers", "bin", "Release", "netstandard2.0", "ShutdownAnalyzers.dll");
        var floor = Path.Combine(root, "bench", "BodyReadingFloor", "bin", "Release", "netstandard2.0", "BodyReadingFloor.dll");

        var projects = sizes
            .Select(size => (Name: $"drivers-{size}", Drivers: size, File: DriverProjectGenerator.WriteDriverProject(Path.Combine(work, $"drivers-{size}"), size, runtime)))
            .Append((Name: $"plain-{plainFiles}", Drivers: 0, File: DriverProjectGenerator.WritePlainProject(Path.Combine(work, $"plain-{plainFiles}"), plainFiles)))
            .ToList();

        var results = new List<ProjectResult>();
        foreach (var project in projects)
        {
            Require(Dotnet.Run(new[] { "restore", project.File, "-v:q" }));
            var without = new List<BuildRun>();
            var with = new List<BuildRun>();
            var withCa = new List<BuildRun>();
            var withFloor = new List<BuildRun>();
            var withBaseline = new List<BuildRun>();

            // One build first to warm the compiler server, then the configurations in turn, so drift hits all alike.
            BuildRun.Execute(project.File, new[] { "ShdAnalyzers=" + analyzers });
            for (var i = 0; i < repeat; i++)
            {
                Console.Error.WriteLine($"{project.Name}: round {i + 1} of {repeat}");
                without.Add(BuildRun.Execute(project.File, Array.Empty<string>()));
                with.Add(BuildRun.Execute(project.File, new[] { "ShdAnalyzers=" + analyzers }));
                if (baseline is not null)
                {
                    withBaseline.Add(BuildRun.Execute(project.File, new[] { "ShdAnalyzers=" + baseline }));
                }
                withCa.Add(BuildRun.Execute(project.File, new[] { "ShdAnalyzers=" + analyzers, "EnableNETAnalyzers=true", "AnalysisMode=All" }));
                withFloor.Add(BuildRun.Execute(project.File, new[] { "ShdAnalyzers=" + floor }));
            }

            results.Add(new ProjectResult(project.Name, project.Drivers, without, with, withCa, withFloor, withBaseline));
        }

        PrintOverhead(results);
        PrintPeers(results);
        if (baseline is not null)
        {
            PrintAgainstBaseline(results, baseline);
        }

        return 0;
    }

    private static void PrintOverhead(IReadOnlyList<ProjectResult> results)
    {
        Console.WriteLine();
        Console.WriteLine("Analyzer overhead (medians; SHD time is the sum over the SHD analyzers from /reportanalyzer, share is of the Csc task with them;");
        Console.WriteLine("\"adds\" is the growth over the build without analyzers, of the Csc task's wall time or of the build's CPU time with its csc;");
        Console.WriteLine("the floor is an analyzer that reads every body and does nothing)");
        Console.WriteLine();
        Console.WriteLine("| project | drivers | SHD warnings | build without (s) | build with (s) | csc without (s) | csc with (s) | SHD adds to csc | floor adds to csc | build CPU without (s) | SHD adds CPU | floor adds CPU | SHD analyzers (ms) | share of csc | per driver (µs) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var shdMs = Median(r.With.Select(b => b.SecondsOf(a => a.Assembly == ShdAssembly))) * 1000;
            var cscWithout = Median(r.Without.Select(b => b.CscSeconds));
            var csc = Median(r.With.Select(b => b.CscSeconds));
            var cscFloor = Median(r.WithFloor.Select(b => b.CscSeconds));
            var cpuWithout = Median(r.Without.Select(b => b.CpuSeconds));
            var perDriver = r.Drivers > 0 ? (shdMs * 1000 / r.Drivers).ToString("F1", CultureInfo.InvariantCulture) : "–";
            Console.WriteLine(
                $"| {r.Name} | {r.Drivers:N0} | {r.With[0].ShdWarnings:N0} | {Median(r.Without.Select(b => b.WallSeconds)):F2} | {Median(r.With.Select(b => b.WallSeconds)):F2} | " +
                $"{cscWithout:F2} | {csc:F2} | {Growth(csc, cscWithout)} | {Growth(cscFloor, cscWithout)} | " +
                $"{(double.IsNaN(cpuWithout) ? "–" : cpuWithout.ToString("F1", CultureInfo.InvariantCulture))} | {Growth(Median(r.With.Select(b => b.CpuSeconds)), cpuWithout)} | {Growth(Median(r.WithFloor.Select(b => b.CpuSeconds)), cpuWithout)} | " +
                $"{shdMs:F0} | {shdMs / 10 / csc:F2}% | {perDriver} |");
        }
    }

    private static void PrintPeers(IReadOnlyList<ProjectResult> results)
    {
        Console.WriteLine();
        Console.WriteLine("Against the SDK's analyzers (AnalysisMode=All, same builds plus CA; ms, medians over runs; CA median over the CA analyzer types that ran)");
        Console.WriteLine();
        var shdRules = results.SelectMany(r => r.WithCa.SelectMany(b => b.Analyzers)).Where(a => a.Assembly == ShdAssembly).Select(a => RuleName(a)).Distinct().Order(StringComparer.Ordinal).ToList();
        Console.WriteLine($"| project | csc (s) | CA analyzer types | CA total | SHD total | CA median | CA2213 | {string.Join(" | ", shdRules)} | SHD rules below CA median |");
        Console.WriteLine($"|---|---:|---:|---:|---:|---:|---:|{string.Concat(shdRules.Select(_ => "---:|"))}---|");
        foreach (var r in results)
        {
            var caMedian = Median(r.WithCa.Select(b => Median(b.Analyzers.Where(IsCa).Select(a => a.Seconds)))) * 1000;
            var caTotal = Median(r.WithCa.Select(b => b.SecondsOf(IsCa))) * 1000;
            var shdTotal = Median(r.WithCa.Select(b => b.SecondsOf(a => a.Assembly == ShdAssembly))) * 1000;
            var ca2213 = Median(r.WithCa.Select(b => b.SecondsOf(a => a.RuleIds.Contains("CA2213")))) * 1000;
            var ruleMs = shdRules.Select(rule => Median(r.WithCa.Select(b => b.SecondsOf(a => a.Assembly == ShdAssembly && RuleName(a) == rule))) * 1000).ToList();
            var below = ruleMs.Count(ms => ms <= caMedian);
            Console.WriteLine(
                $"| {r.Name} | {Median(r.WithCa.Select(b => b.CscSeconds)):F2} | {r.WithCa[0].Analyzers.Count(IsCa)} | {caTotal:F0} | {shdTotal:F0} | {caMedian:F1} | {ca2213:F1} | {string.Join(" | ", ruleMs.Select(ms => ms.ToString("F1", CultureInfo.InvariantCulture)))} | {below} of {ruleMs.Count} |");
        }
    }

    private static void PrintAgainstBaseline(IReadOnlyList<ProjectResult> results, string baseline)
    {
        Console.WriteLine();
        Console.WriteLine($"Against the baseline ({baseline}; built in the same rounds, right after the current analyzers; CPU of the build with its csc,");
        Console.WriteLine("medians; \"current − baseline\" is the median of the rounds' differences, then the smallest and largest)");
        Console.WriteLine();
        Console.WriteLine("| project | SHD warnings, baseline / current | build CPU without (s) | baseline adds CPU | current adds CPU | current − baseline, CPU (s) | rounds' differences (s) | baseline's SHD analyzers (ms) | current's (ms) |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---|---:|---:|");
        foreach (var r in results)
        {
            var cpuWithout = Median(r.Without.Select(b => b.CpuSeconds));
            var differences = r.With.Zip(r.WithBaseline, (current, before) => current.CpuSeconds - before.CpuSeconds).Order().ToList();
            var range = differences.Count == 0 || double.IsNaN(differences[0])
                ? "–"
                : string.Create(CultureInfo.InvariantCulture, $"{differences[0]:+0.00;-0.00} … {differences[^1]:+0.00;-0.00}");
            Console.WriteLine(
                $"| {r.Name} | {r.WithBaseline[0].ShdWarnings:N0} / {r.With[0].ShdWarnings:N0} | " +
                $"{(double.IsNaN(cpuWithout) ? "–" : cpuWithout.ToString("F1", CultureInfo.InvariantCulture))} | " +
                $"{Growth(Median(r.WithBaseline.Select(b => b.CpuSeconds)), cpuWithout)} | {Growth(Median(r.With.Select(b => b.CpuSeconds)), cpuWithout)} | " +
                $"{(double.IsNaN(Median(differences)) ? "–" : Median(differences).ToString("+0.00;-0.00", CultureInfo.InvariantCulture))} | {range} | " +
                $"{Median(r.WithBaseline.Select(b => b.SecondsOf(a => a.Assembly == ShdAssembly))) * 1000:F0} | {Median(r.With.Select(b => b.SecondsOf(a => a.Assembly == ShdAssembly))) * 1000:F0} |");
        }
    }

    /// <summary>"+1.23 s (4.5 %)": how much longer the compile took than <paramref name="baseline"/>.</summary>
    private static string Growth(double seconds, double baseline) =>
        double.IsNaN(seconds - baseline)
            ? "–" // no CPU time off Linux
            : string.Create(CultureInfo.InvariantCulture, $"{seconds - baseline:+0.00;-0.00} s ({(seconds - baseline) * 100 / baseline:F1} %)");

    private static bool IsCa(AnalyzerTime a) => a.RuleIds.Any(id => id.StartsWith("CA", StringComparison.Ordinal));

    private static string RuleName(AnalyzerTime a) => a.RuleIds.Count > 0 ? string.Join("+", a.RuleIds) : a.Analyzer;

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return 0;
        }

        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static void Require((int ExitCode, string Output) run)
    {
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException(run.Output);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ShutdownAnalyzers.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run from inside the repository (ShutdownAnalyzers.sln not found above the benchmark).");
    }

    private sealed record ProjectResult(
        string Name, int Drivers, IReadOnlyList<BuildRun> Without, IReadOnlyList<BuildRun> With, IReadOnlyList<BuildRun> WithCa, IReadOnlyList<BuildRun> WithFloor, IReadOnlyList<BuildRun> WithBaseline);
}
