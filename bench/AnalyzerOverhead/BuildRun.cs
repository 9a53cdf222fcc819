using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace ShutdownAnalyzers.Bench.AnalyzerOverhead;

/// <summary>
/// One timed <c>dotnet build</c> of a generated project: wall time, CPU time of the build with its
/// compiler, the Csc task's time, and the analyzer report.
/// </summary>
public sealed partial record BuildRun(double WallSeconds, double CpuSeconds, double CscSeconds, IReadOnlyList<AnalyzerTime> Analyzers, int ShdWarnings)
{
    public double SecondsOf(Func<AnalyzerTime, bool> which) => Analyzers.Where(which).Sum(a => a.Seconds);

    /// <summary>
    /// Rebuilds <paramref name="project"/> (restored already) with <c>/reportanalyzer</c> and MSBuild's
    /// performance summary, at detailed verbosity, where both tables are printed. The build runs in one
    /// process with a csc of its own (no build nodes or compiler server outliving it), so that its CPU
    /// time, the compiler's included, comes back to this process when it exits: on a shared machine the
    /// CPU time tells two configurations apart where wall time cannot.
    /// </summary>
    public static BuildRun Execute(string project, IEnumerable<string> properties)
    {
        var arguments = new List<string>
        {
            "build", project, "-c", "Release", "--no-restore", "--no-incremental", "-m:1", "-nodeReuse:false", "-p:UseSharedCompilation=false",
            "-v:d", "-clp:PerformanceSummary", "-p:ReportAnalyzer=true",
        };
        arguments.AddRange(properties.Select(p => "-p:" + p));
        var cpuBefore = ChildCpu.Seconds();
        var watch = Stopwatch.StartNew();
        var (exitCode, output) = Dotnet.Run(arguments);
        watch.Stop();
        var cpu = ChildCpu.Seconds() - cpuBefore;
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed:\n{string.Join('\n', output.Split('\n').Where(l => l.Contains("error", StringComparison.Ordinal)).Take(20))}");
        }

        var csc = CscTask().Matches(output).Select(m => double.Parse(m.Groups["ms"].Value, CultureInfo.InvariantCulture)).DefaultIfEmpty(double.NaN).Max();
        var warnings = ShdWarning().Matches(output).Select(m => m.Value).Distinct().Count();
        return new BuildRun(watch.Elapsed.TotalSeconds, cpu, csc / 1000, AnalyzerReport.Parse(output), warnings);
    }

    /// <summary>The task line of the performance summary: "     2345 ms  Csc      1 calls".</summary>
    [GeneratedRegex(@"^\s*(?<ms>\d+) ms\s+Csc\s+\d+ calls", RegexOptions.Multiline)]
    private static partial Regex CscTask();

    /// <summary>A SHD warning with its file and position, so the same one printed twice counts once.</summary>
    [GeneratedRegex(@"\S+\.cs\(\d+,\d+\): warning SHD\d+")]
    private static partial Regex ShdWarning();
}
