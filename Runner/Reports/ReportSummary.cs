using System.Collections.Generic;
using System.Linq;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runner.Reports;

/// <summary>What a set of reports adds up to: runs, device results, and how many of each outcome.</summary>
internal sealed class ReportSummary
{
    public ReportSummary(IReadOnlyList<ScenarioReport> reports)
    {
        Runs = reports.Count;
        var devices = reports.SelectMany(r => r.Devices).ToList();
        Devices = devices.Count;
        Healthy = devices.Count(d => d.IsHealthy);
        UnhealthyByOutcome = devices
            .Where(d => !d.IsHealthy)
            .GroupBy(d => d.Outcome)
            .OrderBy(g => OutcomeSeverity.Rank(g.Key))
            .Select(g => (g.Key, g.Count()))
            .ToList();
    }

    public int Runs { get; }

    /// <summary>Device results: a device counts once per run it was in.</summary>
    public int Devices { get; }

    public int Healthy { get; }

    public int Unhealthy => Devices - Healthy;

    /// <summary>Unhealthy outcomes with their counts, most severe first.</summary>
    public IReadOnlyList<(Outcome Outcome, int Count)> UnhealthyByOutcome { get; }

    public int ExitCode => Unhealthy == 0 ? ExitCodes.AllHealthy : ExitCodes.SomeUnhealthy;

    /// <summary>"3 runs, 4 devices: 2 healthy, 2 unhealthy (DmaCorruption 1, ProbeFailed 1)".</summary>
    public override string ToString()
    {
        var text = $"{Plural(Runs, "run")}, {Plural(Devices, "device")}: {Healthy} healthy, {Unhealthy} unhealthy";
        return UnhealthyByOutcome.Count == 0
            ? text
            : $"{text} ({string.Join(", ", UnhealthyByOutcome.Select(o => $"{o.Outcome} {o.Count}"))})";
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
