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

    // What the run saw of each declared device, by its place in declaration order
    // (DeclaredDevice.Index): its timeline, and its findings (null until the first). Two arrays
    // rather than an object per device holding both.
    private readonly DeviceTimeline[] timelines;
    private readonly List<Evidence>?[] findings;

    /// <summary>The kernels the run booted and what its moments say, for every device's timeline.</summary>
    private readonly DeviceTimeline.Words words = new();

    /// <summary>"<c>igb Probe(</c>": what a callback's moments say before the device's name, numbered once per driver and callback.</summary>
    private readonly Dictionary<(string Driver, string Callback), int> callbackPrefixes = new();

    public RunRecord(Machine machine)
    {
        this.machine = machine;
        timelines = machine.Declared.Select(device => new DeviceTimeline(device.Name, words)).ToArray();
        findings = new List<Evidence>?[timelines.Length];
    }

    /// <summary>Adds a moment to every device's timeline.</summary>
    public void NoteAll(string what)
    {
        var text = words.TextNumber(what);
        foreach (var device in machine.Declared)
        {
            AddTimeline(device, text, DeviceTimeline.TextKind.Plain, machineWide: true);
        }
    }

    public void Note(string device, string what)
    {
        if (machine.FindDeclared(device) is { } declared)
        {
            AddTimeline(declared, words.TextNumber(what), DeviceTimeline.TextKind.Plain);
        }
    }

    public ScenarioReport BuildReport(Scenario scenario, KexecPolicy policy, int seed, long durationMs, Func<DeclaredDevice, string> healthy)
    {
        var devices = new List<DeviceReport>(timelines.Length);
        foreach (var device in machine.Declared)
        {
            var ranked = Rank(findings[device.Index]);
            var evidence = ranked.Count > 0 ? ranked[0] : HealthyEvidence(device, healthy(device));
            devices.Add(new DeviceReport(device.Name, machine.DriverAtStart(device), evidence, ranked.Count > 1 ? ranked.Skip(1).ToList() : Array.Empty<Evidence>(), timelines[device.Index].Recorded()));
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
        if (machine.FindDeclared(evidence.Device) is not { } device)
        {
            return;
        }

        // The first evidence of each outcome is kept; repeats add nothing a reader needs.
        var list = findings[device.Index] ??= new List<Evidence>();
        if (!list.Exists(e => e.Outcome == evidence.Outcome))
        {
            list.Add(evidence);
            AddTimeline(device, words.TextNumber($"{evidence.Outcome}: {evidence.Text}"), DeviceTimeline.TextKind.Plain);
        }
    }

    void IKernelObserver.Note(Device device, string what)
    {
        // Name the driver code that caused the moment, unless the text already does.
        var frame = machine.Context.CurrentFrame;
        var text = frame is null || what.Contains(frame.ToString(), StringComparison.Ordinal) ? what : $"{what} ({frame})";
        Note(device.Name, text);
    }

    void IKernelObserver.CallbackStarted(CallbackFrame frame) => NoteCallback(frame, DeviceTimeline.TextKind.Called);

    void IKernelObserver.CallbackFinished(CallbackFrame frame, Exception? error)
    {
        if (error is null)
        {
            NoteCallback(frame, DeviceTimeline.TextKind.Returned);
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

    /// <summary>
    /// "<c>igb Probe(0000:01:00.0) called</c>" or "<c>… returned</c>" on the device's timeline, kept as
    /// the words before the device's name (one string per driver and callback) until a report is read.
    /// </summary>
    private void NoteCallback(CallbackFrame frame, DeviceTimeline.TextKind kind)
    {
        if (machine.FindDeclared(frame.Device.Name) is { } declared)
        {
            AddTimeline(declared, CallbackPrefix(frame), kind);
        }
    }

    private int CallbackPrefix(CallbackFrame frame)
    {
        var key = (frame.DriverName, frame.Callback);
        if (!callbackPrefixes.TryGetValue(key, out var prefix))
        {
            prefix = words.TextNumber($"{frame.DriverName} {frame.Callback}(");
            callbackPrefixes.Add(key, prefix);
        }

        return prefix;
    }

    private void AddTimeline(DeclaredDevice device, int text, DeviceTimeline.TextKind kind, bool machineWide = false)
    {
        var function = device.Unit as PciFunction;
        var hardware = device.Unit as DeviceHardware;
        timelines[device.Index].Add(new DeviceTimeline.Moment(
            machine.Clock.NowMs,
            words.KernelNumber(machine.Kernel?.Label ?? ""),
            text,
            kind,
            function?.PowerState,
            function?.BusMasterEnabled ?? false,
            hardware?.Dma.Running ?? false,
            hardware?.Interrupt.Asserted ?? false,
            machineWide));
    }
}
