using System;
using System.Collections.Generic;
using System.Linq;
using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.KernelCore;

namespace ShutdownAnalyzers.Simulation;

/// <summary>
/// Everything a run sees, per declared device: the evidence of each outcome (the first of each
/// kind) and the timeline; and, at the end, the report that ranks them.
/// </summary>
internal sealed class RunRecord : IKernelObserver, IHardwareEvents
{
    private readonly Machine machine;

    /// <summary>Each declared device's record, in declaration order and by name.</summary>
    private readonly DeviceRecord[] records;
    private readonly Dictionary<string, DeviceRecord> recordByName;

    public RunRecord(Machine machine)
    {
        this.machine = machine;
        records = machine.Declared.Select(device => new DeviceRecord(device)).ToArray();
        recordByName = new Dictionary<string, DeviceRecord>(records.Length, StringComparer.Ordinal);
        foreach (var record in records)
        {
            recordByName[record.Declared.Name] = record;
        }
    }

    /// <summary>
    /// Adds a moment to every device's timeline. Devices whose hardware is in the same state share
    /// one event: a machine of 10,000 devices is in a handful of states, and an event per device
    /// was 10,000 more objects for each collection to trace.
    /// </summary>
    public void NoteAll(string what)
    {
        var made = new List<TimelineEvent>(4);
        foreach (var record in records)
        {
            if (!RepeatsLastMoment(record, what))
            {
                record.Timeline.Add(SharedMoment(made, HardwareState.Of(record.Declared), what));
            }
        }
    }

    public void Note(string device, string what)
    {
        if (recordByName.TryGetValue(device, out var record))
        {
            AddTimeline(record, what);
        }
    }

    public ScenarioReport BuildReport(Scenario scenario, KexecPolicy policy, int seed, long durationMs, Func<DeclaredDevice, string> healthy)
    {
        var devices = new List<DeviceReport>();
        foreach (var record in records)
        {
            var device = record.Declared;
            var ranked = Rank(record.Findings);
            var evidence = ranked.Count > 0 ? ranked[0] : HealthyEvidence(device, healthy(device));
            devices.Add(new DeviceReport(device.Name, machine.DriverAtStart(device.Name), evidence, ranked.Count > 1 ? ranked.Skip(1).ToList() : Array.Empty<Evidence>(), record.Timeline.ToArray()));
        }

        return new ScenarioReport(machine.Name, scenario, policy, seed, durationMs, devices);
    }

    /// <summary>A device's findings, most severe first, then earliest; most devices of a big machine have none.</summary>
    private static IReadOnlyList<Evidence> Rank(List<Evidence>? found) =>
        found is null ? Array.Empty<Evidence>()
        : found.Count == 1 ? found.ToArray()
        : found.OrderBy(e => OutcomeSeverity.Rank(e.Outcome)).ThenBy(e => e.AtMs).ToList();

    private Evidence HealthyEvidence(DeclaredDevice device, string summary)
    {
        if (device.Unit.WriteCache is not { } cache)
        {
            return new Evidence { Outcome = Outcome.Healthy, Device = device.Name, Text = summary, AtMs = machine.Clock.NowMs, Kernel = machine.Kernel.Label };
        }

        if (cache.FlushesDone > 0)
        {
            return new Evidence
            {
                Outcome = Outcome.Healthy,
                Device = device.Name,
                Text = $"{summary}; its write cache was flushed, which cost {cache.FlushTimeSpentMs} ms",
                AtMs = cache.LastFlushAtMs ?? machine.Clock.NowMs,
                Kernel = machine.Kernel.Label,
                Location = "write cache",
                FlushCostMs = cache.FlushTimeSpentMs,
            };
        }

        var pending = cache.Unflushed.Count;
        var text = (pending, cache.IsNonVolatile) switch
        {
            (0, _) => $"{summary}; its write cache held nothing that needed flushing",
            (_, true) => $"{summary}; its non-volatile write cache kept {pending} acknowledged writes unflushed, which saved the {cache.FlushCostMs} ms a flush would have cost",
            _ => $"{summary}; its volatile write cache still holds {pending} acknowledged writes, which nothing has reset",
        };
        return new Evidence
        {
            Outcome = Outcome.Healthy,
            Device = device.Name,
            Text = text,
            AtMs = machine.Clock.NowMs,
            Kernel = machine.Kernel.Label,
            Location = "write cache",
            FlushCostMs = cache.FlushCostMs,
            FlushSkipped = pending > 0,
        };
    }

    void IKernelObserver.Found(Evidence evidence)
    {
        if (!recordByName.TryGetValue(evidence.Device, out var record))
        {
            return;
        }

        // The first evidence of each outcome is kept; repeats add nothing a reader needs.
        var list = record.Findings ??= new List<Evidence>();
        if (!list.Exists(e => e.Outcome == evidence.Outcome))
        {
            list.Add(evidence);
            AddTimeline(record, $"{evidence.Outcome}: {evidence.Text}");
        }
    }

    void IKernelObserver.Note(Device device, string what)
    {
        // Name the driver code that caused the moment, unless the text already does.
        var frame = machine.Context.CurrentFrame;
        var text = frame is null || what.Contains(frame.ToString(), StringComparison.Ordinal) ? what : $"{what} ({frame})";
        Note(device.Name, text);
    }

    void IKernelObserver.CallbackStarted(CallbackFrame frame) => Note(frame.Device.Name, $"{frame} called");

    void IKernelObserver.CallbackFinished(CallbackFrame frame, Exception? error)
    {
        if (error is null)
        {
            Note(frame.Device.Name, $"{frame} returned");
            return;
        }

        Note(frame.Device.Name, $"{frame} threw {error.GetType().Name}: {error.Message}");
        if (error is HardwareHangException || frame.Callback == nameof(DriverCallback.Probe))
        {
            // A hang is reported where it was detected; a failed probe by the kernel that saw it fail.
            return;
        }

        machine.Context.Report(
            Outcome.DriverFault,
            frame.Device,
            $"{frame} threw {error.GetType().Name}: {error.Message}; the kernel carried on with the other devices",
            location: frame.Callback,
            frame: frame);
    }

    void IHardwareEvents.WritesLost(HardwareUnit unit, IReadOnlyList<AcknowledgedWrite> lost, long flushCostMs, string cause)
    {
        var blocks = lost.Count == 1 ? $"block {lost[0].Block}" : $"blocks {lost[0].Block}-{lost[^1].Block}";
        machine.Context.Report(
            Outcome.DataLost,
            unit.Name,
            machine.Kernel?.Label ?? "",
            $"{unit.Name}: {lost.Count} acknowledged writes ({blocks}) were still in its volatile write cache and were lost to {cause}; flushing them first would have cost {flushCostMs} ms",
            location: "write cache",
            flushCostMs: flushCostMs,
            frame: machine.Context.CurrentFrame);
    }

    private void AddTimeline(DeviceRecord record, string what)
    {
        if (!RepeatsLastMoment(record, what))
        {
            record.Timeline.Add(Moment(HardwareState.Of(record.Declared), what, machineWide: false));
        }
    }

    /// <summary>The same words in the same kernel add nothing to a device's timeline.</summary>
    private bool RepeatsLastMoment(DeviceRecord record, string what)
    {
        var timeline = record.Timeline;
        return timeline.Count > 0 && timeline[^1].What == what && timeline[^1].Kernel == (machine.Kernel?.Label ?? "");
    }

    /// <summary>The moment <paramref name="what"/> now, with the device's hardware in <paramref name="state"/>.</summary>
    private TimelineEvent Moment(HardwareState state, string what, bool machineWide) =>
        new(machine.Clock.NowMs, machine.Kernel?.Label ?? "", what, state.PowerState, state.BusMaster, state.DmaRunning, state.InterruptAsserted)
        {
            MachineWide = machineWide,
        };

    /// <summary>The machine-wide moment <paramref name="what"/> for a device in <paramref name="state"/>: one already <paramref name="made"/> for another device in that state, or a new one.</summary>
    private TimelineEvent SharedMoment(List<TimelineEvent> made, HardwareState state, string what)
    {
        foreach (var moment in made)
        {
            if (state == HardwareState.After(moment))
            {
                return moment;
            }
        }

        var first = Moment(state, what, machineWide: true);
        made.Add(first);
        return first;
    }

    /// <summary>What a timeline shows of a device's hardware right after a moment.</summary>
    private readonly record struct HardwareState(PciPowerState? PowerState, bool BusMaster, bool DmaRunning, bool InterruptAsserted)
    {
        public static HardwareState Of(DeclaredDevice device)
        {
            var function = device.Unit as PciFunction;
            var hardware = device.Unit as DeviceHardware;
            return new(function?.PowerState, function?.BusMasterEnabled ?? false, hardware?.Dma.Running ?? false, hardware?.Interrupt.Asserted ?? false);
        }

        public static HardwareState After(TimelineEvent moment) => new(moment.PowerState, moment.BusMaster, moment.DmaRunning, moment.InterruptAsserted);
    }

    /// <summary>What the run saw of one declared device: its findings (null until the first) and its timeline.</summary>
    private sealed class DeviceRecord(DeclaredDevice declared)
    {
        public DeclaredDevice Declared { get; } = declared;

        public List<Evidence>? Findings { get; set; }

        /// <summary>Room from the start for the dozen moments a device sees in a scenario, so the list is not copied as it grows.</summary>
        public List<TimelineEvent> Timeline { get; } = new(16);
    }
}
