using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ShutdownAnalyzers.Simulation;

/// <summary>
/// Writes a <see cref="ScenarioReport"/> as JSON with a hand-ordered writer: no reflection, no
/// dictionary order, no platform line ends, so equal reports give equal bytes.
/// </summary>
internal static class ReportJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(ScenarioReport report)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            WriteObject(json, report);
        }

        // Utf8JsonWriter indents with Environment.NewLine; the report is the same on every platform.
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n";
    }

    /// <summary>Writes the report as one JSON object into <paramref name="json"/>, so a tool can nest it (a sweep's "runs").</summary>
    public static void WriteObject(Utf8JsonWriter json, ScenarioReport report)
    {
        json.WriteStartObject();
        json.WriteString("machine", report.Machine);
        json.WriteString("scenario", ScenarioNames.Format(report.Scenario));
        json.WriteString("policy", ScenarioNames.Format(report.Policy));
        json.WriteNumber("seed", report.Seed);
        json.WriteNumber("durationMs", report.DurationMs);
        json.WriteStartArray("devices");
        foreach (var device in report.Devices)
        {
            json.WriteStartObject();
            json.WriteString("device", device.Device);
            json.WriteString("driver", device.Driver);
            json.WriteString("outcome", device.Outcome.ToString());
            json.WriteString("evidence", device.EvidenceText);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
