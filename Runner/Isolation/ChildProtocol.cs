using System;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ShutdownAnalyzers.Runner.Reports;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runner.Isolation;

/// <summary>
/// What a child process tells its parent: <c>ready</c> once the model is loaded, then one line per
/// finished run, <c>report {…}</c> with the complete report (<see cref="CompleteReportJson"/>), so the
/// parent renders it exactly as an in-process run would. Bad input is the runner's usual
/// <c>shutdown-sim: error: …</c> line on stderr.
/// </summary>
internal static class ChildProtocol
{
    /// <summary>Runs are timed from here: starting a process and loading the model are not the model's doing.</summary>
    public const string Ready = "ready";

    private const string ReportPrefix = "report ";
    private const string ErrorPrefix = RunnerApp.CommandName + ": error: ";

    private static readonly JsonWriterOptions Compact = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string ReportLine(ScenarioReport report)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Compact))
        {
            CompleteReportJson.Write(json, report);
        }

        return ReportPrefix + Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>The report a line carries, or null for any other line.</summary>
    public static ScenarioReport? TryReadReport(string line)
    {
        if (!line.StartsWith(ReportPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        using var document = JsonDocument.Parse(line.AsMemory(ReportPrefix.Length));
        return CompleteReportJson.Read(document.RootElement);
    }

    /// <summary>The child's bad-input message, if its error output has one.</summary>
    public static string? BadInputMessage(string errorOutput)
    {
        foreach (var line in errorOutput.Split('\n'))
        {
            if (line.StartsWith(ErrorPrefix, StringComparison.Ordinal))
            {
                return line[ErrorPrefix.Length..].Trim();
            }
        }

        return null;
    }
}
