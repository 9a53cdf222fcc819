using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace ShutdownAnalyzers.Simulation;

/// <summary>
/// What one scenario did to every device of a machine. The same machine, scenario, policy and seed
/// always give the same report, byte for byte in <see cref="ToJson"/>.
/// </summary>
public sealed class ScenarioReport
{
    public ScenarioReport(string machine, Scenario scenario, KexecPolicy policy, int seed, long durationMs, IReadOnlyList<DeviceReport> devices)
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(devices);
        Machine = machine;
        Scenario = scenario;
        Policy = policy;
        Seed = seed;
        DurationMs = durationMs;
        Devices = devices;
    }

    public string Machine { get; }

    public Scenario Scenario { get; }

    public KexecPolicy Policy { get; }

    public int Seed { get; }

    /// <summary>
    /// Simulated time the scenario took, from its first step until the last kernel involved finished
    /// probing (waits and flushes included; the quiet period watched afterwards is not).
    /// </summary>
    public long DurationMs { get; }

    /// <summary>One entry per declared device, in declaration order.</summary>
    public IReadOnlyList<DeviceReport> Devices { get; }

    public bool AllHealthy => Devices.All(d => d.IsHealthy);

    /// <summary>The report for <paramref name="device"/>, or null when the machine has no such device.</summary>
    public DeviceReport? this[string device] => Devices.FirstOrDefault(d => d.Device == device);

    /// <summary>
    /// <c>{ "machine", "scenario", "policy", "seed", "durationMs", "devices": [ { "device", "driver",
    /// "outcome", "evidence" } ] }</c>, indented, "\n" line ends, properties always in that order.
    /// </summary>
    public string ToJson() => ReportJson.Write(this);

    /// <summary>Writes the same object as <see cref="ToJson"/> into <paramref name="json"/>, for documents that hold several reports.</summary>
    public void WriteJson(Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(json);
        ReportJson.WriteObject(json, this);
    }
}
