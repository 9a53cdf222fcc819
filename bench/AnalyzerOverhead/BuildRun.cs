using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace ShutdownAnalyzers.Bench.AnalyzerOverhead;

/// <summary>One timed <c>dotnet build</c> of a generated project: wall time, the Csc task's time, and the analyzer report.</summary>
public sealed partial record BuildRun(double WallSeconds, double CscSeconds, IReadOnlyList<AnalyzerTime> Analyzers, int ShdWarnings)
{
    public double SecondsOf(Func<AnalyzerTime, bool> which) => Analyzers.Where(which).Sum(a => a.Seconds);

    /// <summary>
    /// Rebuilds <paramref name="project"/> (restored already) with <c>/reportanalyzer</c> and MSBuild's
    /// performance summary, at detailed verbosity, where both tables are printed.
    /// </summary>
    public static BuildRun Execute(string project, IEnumerable<string> properties)
    {
        var arguments = new List<string> { "build", project, "-c", "Release", "--no-restore", "--no-incremental", "-v:d", "-clp:PerformanceSummary", "-p:ReportAnalyzer=true" };
        arguments.AddRange(properties.Select(p => "-p:" + p));
        var watch = Stopwatch.StartNew();
        var (exitCode, output) = Dotnet.Run(arguments);
        watch.Stop();
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed:\n{string.Join('\n', output.Split('\n').Where(l => l.Contains("error", StringComparison.Ordinal)).Take(20))}");
        }

        var csc = CscTask().Matches(output).Select(m => double.Parse(m.Groups["ms"].Value, CultureInfo.InvariantCulture)).DefaultIfEmpty(double.NaN).Max();
        var warnings = ShdWarning().Matches(output).Select(m => m.Value).Distinct().Count();
        return new BuildRun(watch.Elapsed.TotalSeconds, csc / 1000, AnalyzerReport.Parse(output), warnings);
    }

    /// <summary>The task line of the performance summary: "     2345 ms  Csc      1 calls".</summary>
    [GeneratedRegex(@"^\s*(?<ms>\d+) ms\s+Csc\s+\d+ calls", RegexOptions.Multiline)]
    private static partial Regex CscTask();

    /// <summary>A SHD warning with its file and position, so the same one printed twice counts once.</summary>
    [GeneratedRegex(@"\S+\.cs\(\d+,\d+\): warning SHD\d+")]
    private static partial Regex ShdWarning();
}
