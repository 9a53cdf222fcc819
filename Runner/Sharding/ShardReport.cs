using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ShutdownAnalyzers.Runner.Reports;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runner.Sharding;

/// <summary>
/// What <c>run --shard i/n --format json</c> writes and <c>merge</c> reads: the shard, the sweep it
/// belongs to, and its runs with nothing left out (<see cref="CompleteReportJson"/>), so the merged
/// report is the unsharded run's in any format:
/// <c>{ "shard": { "index", "count", "sweepRuns", "sweep" }, "runs": [ report, … ] }</c>.
/// </summary>
internal sealed class ShardReport
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public ShardReport(Shard shard, string sweep, int sweepRuns, IReadOnlyList<ScenarioReport> runs)
    {
        Shard = shard;
        Sweep = sweep;
        SweepRuns = sweepRuns;
        Runs = runs;
    }

    public Shard Shard { get; }

    /// <summary>What was swept (model, machines, scenarios, policies, seed): shards of one sweep say the same.</summary>
    public string Sweep { get; }

    /// <summary>How many runs the whole sweep has, over all shards.</summary>
    public int SweepRuns { get; }

    public IReadOnlyList<ScenarioReport> Runs { get; }

    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteStartObject("shard");
            json.WriteNumber("index", Shard.Index);
            json.WriteNumber("count", Shard.Count);
            json.WriteNumber("sweepRuns", SweepRuns);
            json.WriteString("sweep", Sweep);
            json.WriteEndObject();
            json.WriteStartArray("runs");
            foreach (var run in Runs)
            {
                CompleteReportJson.Write(json, run);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n";
    }

    /// <summary>Reads a shard report file; anything else is bad input naming the file.</summary>
    public static ShardReport Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new BadInputException($"cannot read '{path}': {e.Message}");
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("shard", out var shard))
            {
                throw new FormatException("it has no \"shard\"; write shards with 'run … --shard <i>/<n> --format json'");
            }

            var reports = root.GetProperty("runs").EnumerateArray().Select(CompleteReportJson.Read).ToList();
            return new ShardReport(
                new Shard(shard.GetProperty("index").GetInt32(), shard.GetProperty("count").GetInt32()),
                shard.GetProperty("sweep").GetString() ?? "",
                shard.GetProperty("sweepRuns").GetInt32(),
                reports);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            throw new BadInputException($"'{path}' is not a shard report: {e.Message}");
        }
    }

    /// <summary>
    /// The whole sweep's reports in the order the unsharded run gives them. Every shard of the sweep
    /// must be there exactly once, all from the same sweep.
    /// </summary>
    public static IReadOnlyList<ScenarioReport> Merge(IReadOnlyList<(string Path, ShardReport Report)> shards)
    {
        var first = shards[0];
        foreach (var (path, shard) in shards)
        {
            if (shard.Shard.Count != first.Report.Shard.Count || shard.Sweep != first.Report.Sweep || shard.SweepRuns != first.Report.SweepRuns)
            {
                throw new BadInputException($"'{path}' is shard {shard.Shard} of {shard.Sweep}, but '{first.Path}' is shard {first.Report.Shard} of {first.Report.Sweep}; merge the shards of one sweep");
            }

            if (shard.Shard.Index < 1 || shard.Shard.Index > shard.Shard.Count || shard.Runs.Count != shard.Shard.RunsOf(shard.SweepRuns))
            {
                throw new BadInputException($"'{path}' is not a shard report: shard {shard.Shard} of a sweep of {shard.SweepRuns} runs cannot hold {shard.Runs.Count}");
            }
        }

        var count = first.Report.Shard.Count;
        if (shards.GroupBy(s => s.Report.Shard.Index).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new BadInputException($"shard {twice.Key}/{count} is given twice: '{string.Join("', '", twice.Select(s => s.Path))}'");
        }

        var missing = Enumerable.Range(1, count).Except(shards.Select(s => s.Report.Shard.Index)).ToList();
        if (missing.Count > 0)
        {
            throw new BadInputException($"shard{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing.Select(i => $"{i}/{count}"))} missing; merge needs all {count}");
        }

        var sweep = new ScenarioReport[first.Report.SweepRuns];
        foreach (var (_, shard) in shards)
        {
            for (var nth = 0; nth < shard.Runs.Count; nth++)
            {
                sweep[shard.Shard.PositionInSweep(nth)] = shard.Runs[nth];
            }
        }

        return sweep;
    }
}
