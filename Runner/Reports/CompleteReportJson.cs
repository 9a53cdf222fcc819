using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runner.Reports;

/// <summary>
/// A <see cref="ScenarioReport"/> with nothing left out, so another process can render it in any
/// format exactly as the run that made it would have: the report's own JSON, and per device every
/// finding in full (<c>"findings"</c>, the device's outcome first) and its <c>"timeline"</c>.
/// <see cref="Read"/> gives back an equal report.
/// </summary>
internal static class CompleteReportJson
{
    public static void Write(Utf8JsonWriter json, ScenarioReport report)
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
            WriteDevice(json, device);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Reads a report written by <see cref="Write"/>; a missing or mistyped property throws <see cref="FormatException"/>.</summary>
    public static ScenarioReport Read(JsonElement report) =>
        new(
            String(report, "machine"),
            ScenarioNames.ParseScenario(String(report, "scenario")),
            ScenarioNames.ParsePolicy(String(report, "policy")),
            Property(report, "seed").GetInt32(),
            Property(report, "durationMs").GetInt64(),
            Array(report, "devices").Select(ReadDevice).ToList());

    private static void WriteDevice(Utf8JsonWriter json, DeviceReport device)
    {
        json.WriteStartObject();
        json.WriteString("device", device.Device);
        json.WriteString("driver", device.Driver);
        json.WriteString("outcome", device.Outcome.ToString());
        json.WriteString("evidence", device.EvidenceText);
        json.WriteStartArray("findings");
        foreach (var evidence in device.OtherFindings.Prepend(device.Evidence))
        {
            WriteEvidence(json, evidence);
        }

        json.WriteEndArray();
        json.WriteStartArray("timeline");
        foreach (var moment in device.Timeline)
        {
            WriteMoment(json, moment);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static DeviceReport ReadDevice(JsonElement device)
    {
        var findings = Array(device, "findings").Select(ReadEvidence).ToList();
        if (findings.Count == 0)
        {
            throw new FormatException($"device '{String(device, "device")}' has no findings");
        }

        return new DeviceReport(
            String(device, "device"),
            String(device, "driver"),
            findings[0],
            findings.Skip(1).ToList(),
            Array(device, "timeline").Select(ReadMoment).ToList());
    }

    private static void WriteEvidence(Utf8JsonWriter json, Evidence evidence)
    {
        json.WriteStartObject();
        json.WriteString("outcome", evidence.Outcome.ToString());
        json.WriteString("device", evidence.Device);
        json.WriteString("text", evidence.Text);
        json.WriteNumber("atMs", evidence.AtMs);
        json.WriteString("kernel", evidence.Kernel);
        WriteOptional(json, "callback", evidence.Callback);
        WriteOptional(json, "driver", evidence.Driver);
        WriteOptional(json, "location", evidence.Location);
        if (evidence.FlushCostMs is { } flush)
        {
            json.WriteNumber("flushCostMs", flush);
        }
        else
        {
            json.WriteNull("flushCostMs");
        }

        json.WriteBoolean("flushSkipped", evidence.FlushSkipped);
        json.WriteEndObject();
    }

    private static Evidence ReadEvidence(JsonElement evidence) =>
        new()
        {
            Outcome = Enum<Outcome>(evidence, "outcome"),
            Device = String(evidence, "device"),
            Text = String(evidence, "text"),
            AtMs = Property(evidence, "atMs").GetInt64(),
            Kernel = String(evidence, "kernel"),
            Callback = OptionalString(evidence, "callback"),
            Driver = OptionalString(evidence, "driver"),
            Location = OptionalString(evidence, "location"),
            FlushCostMs = Property(evidence, "flushCostMs") is { ValueKind: JsonValueKind.Number } flush ? flush.GetInt64() : null,
            FlushSkipped = Property(evidence, "flushSkipped").GetBoolean(),
        };

    private static void WriteMoment(Utf8JsonWriter json, TimelineEvent moment)
    {
        json.WriteStartObject();
        json.WriteNumber("atMs", moment.AtMs);
        json.WriteString("kernel", moment.Kernel);
        json.WriteString("what", moment.What);
        WriteOptional(json, "powerState", moment.PowerState?.ToString());
        json.WriteBoolean("busMaster", moment.BusMaster);
        json.WriteBoolean("dmaRunning", moment.DmaRunning);
        json.WriteBoolean("interruptAsserted", moment.InterruptAsserted);
        json.WriteBoolean("machineWide", moment.MachineWide);
        json.WriteEndObject();
    }

    private static TimelineEvent ReadMoment(JsonElement moment) =>
        new(
            Property(moment, "atMs").GetInt64(),
            String(moment, "kernel"),
            String(moment, "what"),
            OptionalString(moment, "powerState") is { } power ? ParseEnum<PciPowerState>(power, "powerState") : null,
            Property(moment, "busMaster").GetBoolean(),
            Property(moment, "dmaRunning").GetBoolean(),
            Property(moment, "interruptAsserted").GetBoolean())
        {
            MachineWide = Property(moment, "machineWide").GetBoolean(),
        };

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static JsonElement Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value
            : throw new FormatException($"'{name}' is missing");

    private static string String(JsonElement element, string name) =>
        Property(element, name).GetString() ?? throw new FormatException($"'{name}' is null");

    private static string? OptionalString(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.Null } ? null : Property(element, name).GetString();

    private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.Array } array
            ? array.EnumerateArray()
            : throw new FormatException($"'{name}' is not a list");

    private static T Enum<T>(JsonElement element, string name)
        where T : struct, System.Enum =>
        ParseEnum<T>(String(element, name), name);

    private static T ParseEnum<T>(string value, string name)
        where T : struct, System.Enum =>
        System.Enum.TryParse<T>(value, ignoreCase: false, out var parsed) && System.Enum.IsDefined(parsed)
            ? parsed
            : throw new FormatException($"'{name}' has an unknown value '{value}'");
}
