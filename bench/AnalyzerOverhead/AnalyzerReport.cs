using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace ShutdownAnalyzers.Bench.AnalyzerOverhead;

/// <summary>One analyzer type's line in the compiler's <c>/reportanalyzer</c> table: its assembly, name, rule ids and seconds.</summary>
public sealed record AnalyzerTime(string Assembly, string Analyzer, IReadOnlyList<string> RuleIds, double Seconds);

/// <summary>
/// Reads the table <c>csc /reportanalyzer</c> prints (MSBuild shows it at detailed verbosity):
/// <code>
///    Time (s)    %   Analyzer
///       0.452   93   ShutdownAnalyzers, Version=0.1.0.0, ...
///       0.349   73      ShutdownAnalyzers.Rules.ShutdownPowersOffOnRestartAnalyzer (SHD002)
/// </code>
/// An assembly line is followed by its analyzers' lines, indented further.
/// </summary>
public static partial class AnalyzerReport
{
    public static IReadOnlyList<AnalyzerTime> Parse(string buildLog)
    {
        var times = new List<AnalyzerTime>();
        var inTable = false;
        var assembly = "";
        foreach (var line in buildLog.Split('\n'))
        {
            if (line.Contains("Time (s)", StringComparison.Ordinal) && line.Contains("Analyzer", StringComparison.Ordinal))
            {
                inTable = true;
                continue;
            }

            if (!inTable)
            {
                continue;
            }

            var row = Row().Match(line);
            if (!row.Success)
            {
                // Generators have a table of their own after a blank line; a line of anything else ends ours.
                inTable = line.Trim().Length == 0 ? inTable : false;
                continue;
            }

            // "<0.001" is below the report's resolution: counted as half of it.
            var secondsText = row.Groups["seconds"].Value;
            var seconds = secondsText.StartsWith('<') ? double.Parse(secondsText[1..], CultureInfo.InvariantCulture) / 2 : double.Parse(secondsText, CultureInfo.InvariantCulture);
            var name = row.Groups["name"].Value.Trim();
            if (name.Contains(", Version=", StringComparison.Ordinal))
            {
                assembly = name[..name.IndexOf(',')];
                continue;
            }

            var ids = Ids().Match(name);
            times.Add(new AnalyzerTime(
                assembly,
                ids.Success ? name[..ids.Index].Trim() : name,
                ids.Success ? ids.Groups["ids"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : Array.Empty<string>(),
                seconds));
        }

        return times;
    }

    [GeneratedRegex(@"^\s+(?<seconds><?\d+\.\d+)\s+(?<percent>\d+|<1)\s+(?<name>\S.*)$")]
    private static partial Regex Row();

    [GeneratedRegex(@"\((?<ids>[A-Za-z]+\d+(\s*,\s*[A-Za-z]+\d+)*)\)\s*$")]
    private static partial Regex Ids();
}
