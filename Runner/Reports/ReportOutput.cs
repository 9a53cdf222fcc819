using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using ShutdownAnalyzers.Runner.Reports.Html;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runner.Reports;

/// <summary>
/// Puts finished reports where the user asked: the console (a coloured table on a terminal), or the
/// <c>--output</c> file with the summary line on the console. <c>run</c> and <c>merge</c> end here.
/// </summary>
internal static class ReportOutput
{
    /// <summary>Writes the reports and returns the exit code they add up to.</summary>
    /// <param name="render">The file's content; the format's own rendering when null.</param>
    public static int Deliver(RunnerConsole console, ReportFormat format, IReadOnlyList<ScenarioReport> reports, ReportFile? file, Func<string>? render = null)
    {
        render ??= () => Render(format, reports);
        var summary = new ReportSummary(reports);
        if (file is not null)
        {
            file.Write(render());
            console.Output.WriteLine($"{summary}; {ReportFormats.Format(format)} report written to {file.Argument}");
        }
        else if (format == ReportFormat.Table)
        {
            TableReport.Write(console.CreateOutputConsole(), reports);
        }
        else
        {
            console.Output.Write(render());
        }

        return summary.ExitCode;
    }

    /// <summary>The reports in <paramref name="format"/>; a table is laid out plain, at <see cref="RunnerConsole.PlainWidth"/>.</summary>
    public static string Render(ReportFormat format, IReadOnlyList<ScenarioReport> reports)
    {
        switch (format)
        {
            case ReportFormat.Json:
                return JsonReport.Write(reports);
            case ReportFormat.JUnit:
                return JUnitReport.Write(reports);
            case ReportFormat.Html:
                return HtmlReport.Write(reports);
            default:
                using (var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" })
                {
                    TableReport.Write(RunnerConsole.CreatePlain(text), reports);
                    return text.ToString();
                }
        }
    }
}
