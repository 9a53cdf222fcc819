using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runner.Reports;

/// <summary>
/// One run: the scenario report's own JSON (<see cref="ScenarioReport.ToJson"/>). Several runs:
/// <c>{ "runs": [ report, … ] }</c> in run order. Indented, "\n" line ends, same bytes every time.
/// </summary>
internal static class JsonReport
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(IReadOnlyList<ScenarioReport> reports)
    {
        if (reports.Count == 1)
        {
            return reports[0].ToJson();
        }

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteStartArray("runs");
            foreach (var report in reports)
            {
                report.WriteJson(json);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        // Utf8JsonWriter indents with Environment.NewLine; reports are the same on every platform.
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n";
    }
}
