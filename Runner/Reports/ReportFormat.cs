using System;

namespace ShutdownAnalyzers.Runner.Reports;

/// <summary>How <c>run</c> writes its reports (<c>--format</c>).</summary>
internal enum ReportFormat
{
    /// <summary>A console table per run and a summary line, for people.</summary>
    Table,

    /// <summary>The scenario report's JSON; a sweep wraps its reports in <c>{ "runs": [ … ] }</c>.</summary>
    Json,

    /// <summary>JUnit XML: a test suite per run, a test case per device, for CI.</summary>
    JUnit,

    /// <summary>A self-contained web page: the summary table and a timeline per device, failures marked.</summary>
    Html,
}

internal static class ReportFormats
{
    public static readonly string[] Names = { "table", "json", "junit", "html" };

    public static ReportFormat Parse(string name)
    {
        var index = Array.FindIndex(Names, n => string.Equals(n, name.Trim(), StringComparison.OrdinalIgnoreCase));
        return index >= 0
            ? (ReportFormat)index
            : throw new BadInputException($"unknown format '{name}'; expected one of: {string.Join(", ", Names)}");
    }

    public static string Format(ReportFormat format) => Names[(int)format];
}
