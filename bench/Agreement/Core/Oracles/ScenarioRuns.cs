using System.Collections.Generic;
using System.Linq;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Agreement.Oracles;

/// <summary>The reports of one machine, each scenario and policy simulated once and kept for every oracle that asks.</summary>
public sealed class ScenarioRuns
{
    private readonly Dictionary<(Scenario, KexecPolicy), ScenarioReport> reports = new();

    public ScenarioRuns(MachineModel machine, int seed = 0)
    {
        Machine = machine;
        Seed = seed;
    }

    public MachineModel Machine { get; }

    public int Seed { get; }

    public ScenarioReport this[Scenario scenario, KexecPolicy policy = KexecPolicy.Shutdown]
    {
        get
        {
            if (!reports.TryGetValue((scenario, policy), out var report))
            {
                report = Simulator.Run(Machine, scenario, policy, Seed);
                reports[(scenario, policy)] = report;
            }

            return report;
        }
    }

    /// <summary>The devices of <paramref name="report"/> that show any of <paramref name="outcomes"/>, as their main outcome or a further finding.</summary>
    public static IReadOnlyList<DeviceReport> Showing(ScenarioReport report, params Outcome[] outcomes) =>
        report.Devices.Where(device => outcomes.Contains(device.Outcome) || device.OtherFindings.Any(finding => outcomes.Contains(finding.Outcome))).ToList();

    /// <summary>One line per unhealthy device, for the benchmark's evidence.</summary>
    public static string Describe(ScenarioReport report)
    {
        var failing = report.Devices.Where(d => !d.IsHealthy).Select(d => d.ToString()).ToList();
        var run = $"{report.Machine} {ScenarioNames.Format(report.Scenario)}/{ScenarioNames.Format(report.Policy)}";
        return failing.Count == 0 ? $"{run}: all healthy" : $"{run}: {string.Join("; ", failing)}";
    }
}
