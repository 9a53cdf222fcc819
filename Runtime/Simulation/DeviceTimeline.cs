using System;
using System.Collections;
using System.Collections.Generic;
using System.Threading;
using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.Simulation;

/// <summary>
/// One device's timeline as a run records it: each moment a value in one array, and a callback's
/// "called" and "returned" kept as their parts. A machine of 10,000 devices notes some 110,000
/// moments in a kexec and a report is rarely read moment by moment, so the
/// <see cref="TimelineEvent"/> objects and their texts are made when the report's timeline is
/// first read, not while every collection of the run would have to trace them.
/// </summary>
internal sealed class DeviceTimeline(string device, DeviceTimeline.KernelLabels kernels)
{
    private const string CalledSuffix = ") called";
    private const string ReturnedSuffix = ") returned";

    /// <summary>Room from the start for the dozen moments a device sees in a scenario, so the array is not copied as it grows.</summary>
    private Moment[] moments = new Moment[16];
    private int count;

    /// <summary>What a moment says, without the words made yet: plain text, or a callback's prefix (<c>"igb Probe("</c>) that was called or returned.</summary>
    public enum TextKind : byte
    {
        Plain,
        Called,
        Returned,
    }

    /// <summary>Adds a moment, unless it repeats the last one: the same words in the same kernel add nothing.</summary>
    public void Add(in Moment moment)
    {
        if (count > 0 && moments[count - 1].Kernel == moment.Kernel && SaysTheSame(moments[count - 1], moment))
        {
            return;
        }

        if (count == moments.Length)
        {
            Array.Resize(ref moments, count * 2);
        }

        moments[count++] = moment;
    }

    /// <summary>The moments so far, as the report shows them: made into events when first read.</summary>
    public IReadOnlyList<TimelineEvent> Recorded() => new RecordedTimeline(this, moments, count);

    /// <summary>The words of <paramref name="moment"/> on this device's timeline: a callback names the device it ran for.</summary>
    private string What(in Moment moment) => moment.Kind switch
    {
        TextKind.Called => string.Concat(moment.Text, device, CalledSuffix),
        TextKind.Returned => string.Concat(moment.Text, device, ReturnedSuffix),
        _ => moment.Text,
    };

    private string KernelOf(in Moment moment) => kernels[moment.Kernel];

    private int LengthOf(in Moment moment) => moment.Kind switch
    {
        TextKind.Called => moment.Text.Length + device.Length + CalledSuffix.Length,
        TextKind.Returned => moment.Text.Length + device.Length + ReturnedSuffix.Length,
        _ => moment.Text.Length,
    };

    /// <summary>Whether two moments' words are the same, making them only when their parts cannot tell.</summary>
    private bool SaysTheSame(in Moment a, in Moment b) =>
        (a.Kind == b.Kind && a.Text == b.Text)
        || (LengthOf(a) == LengthOf(b) && What(a) == What(b));

    /// <summary>
    /// One moment: when, in which kernel (by its number in <see cref="KernelLabels"/>), what was said,
    /// and the device's hardware right after it, packed into 24 bytes (the power state and the flags
    /// in a byte each).
    /// </summary>
    internal readonly struct Moment
    {
        /// <summary>0 when the device has no PCI power state, else the state plus one.</summary>
        private readonly byte power;
        private readonly Flags flags;

        public Moment(long atMs, ushort kernel, string text, TextKind kind, PciPowerState? powerState, bool busMaster, bool dmaRunning, bool interruptAsserted, bool machineWide)
        {
            AtMs = atMs;
            Kernel = kernel;
            Text = text;
            Kind = kind;
            power = powerState is { } state ? (byte)(state + 1) : (byte)0;
            flags = (busMaster ? Flags.BusMaster : 0) | (dmaRunning ? Flags.DmaRunning : 0) | (interruptAsserted ? Flags.InterruptAsserted : 0) | (machineWide ? Flags.MachineWide : 0);
        }

        [Flags]
        private enum Flags : byte
        {
            BusMaster = 1,
            DmaRunning = 2,
            InterruptAsserted = 4,
            MachineWide = 8,
        }

        public long AtMs { get; }

        public ushort Kernel { get; }

        public string Text { get; }

        public TextKind Kind { get; }

        public PciPowerState? PowerState => power == 0 ? null : (PciPowerState)(power - 1);

        public bool BusMaster => (flags & Flags.BusMaster) != 0;

        public bool DmaRunning => (flags & Flags.DmaRunning) != 0;

        public bool InterruptAsserted => (flags & Flags.InterruptAsserted) != 0;

        public bool MachineWide => (flags & Flags.MachineWide) != 0;
    }

    /// <summary>The labels of the kernels a run booted, numbered in order: a moment keeps the number, not the label.</summary>
    internal sealed class KernelLabels
    {
        private readonly List<string> labels = new();

        public string this[ushort number] => labels[number];

        /// <summary>The number of <paramref name="label"/>, given the next one when first seen.</summary>
        public ushort NumberOf(string label)
        {
            for (var i = labels.Count - 1; i >= 0; i--)
            {
                if (labels[i] == label)
                {
                    return (ushort)i;
                }
            }

            if (labels.Count > ushort.MaxValue)
            {
                throw new InvalidOperationException("More kernels booted in one run than a timeline can number.");
            }

            labels.Add(label);
            return (ushort)(labels.Count - 1);
        }
    }

    /// <summary>A report's view of a device's timeline: its events, made on first read and kept.</summary>
    private sealed class RecordedTimeline(DeviceTimeline timeline, Moment[] moments, int count) : IReadOnlyList<TimelineEvent>
    {
        private TimelineEvent[]? events;

        public int Count => count;

        public TimelineEvent this[int index] => Events[index];

        public IEnumerator<TimelineEvent> GetEnumerator() => ((IEnumerable<TimelineEvent>)Events).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private TimelineEvent[] Events => LazyInitializer.EnsureInitialized(ref events, Make);

        private TimelineEvent[] Make()
        {
            var made = new TimelineEvent[count];
            for (var i = 0; i < count; i++)
            {
                var moment = moments[i];
                made[i] = new TimelineEvent(moment.AtMs, timeline.KernelOf(moment), timeline.What(moment), moment.PowerState, moment.BusMaster, moment.DmaRunning, moment.InterruptAsserted)
                {
                    MachineWide = moment.MachineWide,
                };
            }

            return made;
        }
    }
}
