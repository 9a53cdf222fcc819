using System;
using System.Collections.Generic;

namespace ShutdownAnalyzers.Simulation;

/// <summary>
/// One device's result: exactly one <see cref="Outcome"/> with its <see cref="Evidence"/>, the
/// evidence of every other outcome that also applied (mildest last), and the device's timeline.
/// </summary>
public sealed class DeviceReport
{
    public DeviceReport(string device, string driver, Evidence evidence, IReadOnlyList<Evidence>? otherFindings = null, IReadOnlyList<TimelineEvent>? timeline = null)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(driver);
        ArgumentNullException.ThrowIfNull(evidence);
        Device = device;
        Driver = driver;
        Evidence = evidence;
        OtherFindings = otherFindings ?? Array.Empty<Evidence>();
        Timeline = timeline ?? Array.Empty<TimelineEvent>();
    }

    /// <summary>The device's name as the machine declared it (its bus address).</summary>
    public string Device { get; }

    /// <summary>The driver bound when the scenario began, or "" when none was.</summary>
    public string Driver { get; }

    public Outcome Outcome => Evidence.Outcome;

    public Evidence Evidence { get; }

    /// <summary>Outcomes that applied as well but are less severe (see <see cref="OutcomeSeverity"/>).</summary>
    public IReadOnlyList<Evidence> OtherFindings { get; }

    public IReadOnlyList<TimelineEvent> Timeline { get; }

    public bool IsHealthy => Outcome == Outcome.Healthy;

    /// <summary>The evidence line, followed by the other outcomes that applied.</summary>
    public string EvidenceText
    {
        get
        {
            if (OtherFindings.Count == 0)
            {
                return Evidence.Text;
            }

            var also = new List<string>();
            foreach (var other in OtherFindings)
            {
                also.Add($"{other.Outcome}: {other.Text}");
            }

            return $"{Evidence.Text}; also {string.Join("; ", also)}";
        }
    }

    public override string ToString() => $"{Device} ({Driver}): {Outcome}: {EvidenceText}";
}
