using System;
using System.Collections;
using System.Collections.Generic;
using System.Threading;
using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.Simulation;

/// <summary>
/// One device's timeline as a run records it: each moment a value in one array, its words and
/// kernel by their numbers in the run's <see cref="Words"/>, and a callback's "called" and
/// "returned" kept as their parts. A machine of 10,000 devices notes some 110,000 moments in a
/// kexec and a report is rarely read moment by moment, so the <see cref="TimelineEvent"/> objects
/// and their texts are made when the report's timeline is first read, not while every collection
/// of the run would have to trace them.
/// </summary>
internal sealed class DeviceTimeline(string device, DeviceTimeline.Words words)
{
    private const string CalledSuffix = ") called";
    private const string ReturnedSuffix = ") returned";

    /// <summary>
    /// Room from the start for the dozen moments a device sees in a scenario, so the array is rarely
    /// copied as it grows: in the sample sweep six devices in seven see at most twelve (a NIC's kexec
    /// eleven), and sixteen kept four unused on every device of a big machine.
    /// </summary>
    private Moment[] moments = new Moment[12];
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
        TextKind.Called => string.Concat(TextOf(moment), device, CalledSuffix),
        TextKind.Returned => string.Concat(TextOf(moment), device, ReturnedSuffix),
        _ => TextOf(moment),
    };

    private string TextOf(in Moment moment) => words.Text(moment.Text);

    private string KernelOf(in Moment moment) => words.Kernel(moment.Kernel);

    private int LengthOf(in Moment moment) => moment.Kind switch
    {
        TextKind.Called => TextOf(moment).Length + device.Length + CalledSuffix.Length,
        TextKind.Returned => TextOf(moment).Length + device.Length + ReturnedSuffix.Length,
        _ => TextOf(moment).Length,
    };

    /// <summary>Whether two moments' words are the same, making them only when their parts cannot tell (the same text has one number).</summary>
    private bool SaysTheSame(in Moment a, in Moment b) =>
        (a.Kind == b.Kind && a.Text == b.Text)
        || (LengthOf(a) == LengthOf(b) && What(a) == What(b));

    /// <summary>
    /// One moment, in 16 bytes and no reference (a run's moment arrays are not traced by a
    /// collection): when, its words and its kernel by their numbers in <see cref="Words"/>, how the
    /// words are said, and the device's hardware right after it (the flags in the low four bits of a
    /// byte, the power state above them). The fields are declared widest first: the struct is laid
    /// out in that order.
    /// </summary>
    internal readonly struct Moment
    {
        private const int PowerShift = 4;

        private readonly long atMs;
        private readonly int text;
        private readonly ushort kernel;
        private readonly TextKind kind;

        /// <summary><see cref="Flags"/>, and above them 0 when the device has no PCI power state, else the state plus one.</summary>
        private readonly byte hardware;

        public Moment(long atMs, ushort kernel, int text, TextKind kind, PciPowerState? powerState, bool busMaster, bool dmaRunning, bool interruptAsserted, bool machineWide)
        {
            this.atMs = atMs;
            this.kernel = kernel;
            this.text = text;
            this.kind = kind;
            var power = powerState is { } state ? (int)state + 1 : 0;
            var flags = (busMaster ? Flags.BusMaster : 0) | (dmaRunning ? Flags.DmaRunning : 0) | (interruptAsserted ? Flags.InterruptAsserted : 0) | (machineWide ? Flags.MachineWide : 0);
            hardware = (byte)((power << PowerShift) | (int)flags);
        }

        [Flags]
        private enum Flags : byte
        {
            BusMaster = 1,
            DmaRunning = 2,
            InterruptAsserted = 4,
            MachineWide = 8,
        }

        public long AtMs => atMs;

        public ushort Kernel => kernel;

        /// <summary>The number of the moment's words (all of them, or a callback's prefix) in <see cref="Words"/>.</summary>
        public int Text => text;

        public TextKind Kind => kind;

        public PciPowerState? PowerState
        {
            get
            {
                var power = hardware >> PowerShift;
                return power == 0 ? null : (PciPowerState)(power - 1);
            }
        }

        public bool BusMaster => Has(Flags.BusMaster);

        public bool DmaRunning => Has(Flags.DmaRunning);

        public bool InterruptAsserted => Has(Flags.InterruptAsserted);

        public bool MachineWide => Has(Flags.MachineWide);

        private bool Has(Flags flag) => (hardware & (byte)flag) != 0;
    }

    /// <summary>
    /// What a run's timelines say, each kept once and numbered: the labels of the kernels it booted,
    /// and the moments' words. A moment keeps the numbers, not the strings.
    /// </summary>
    internal sealed class Words
    {
        private readonly List<string> kernels = new();
        private readonly List<string> texts = new();
        private readonly Dictionary<string, int> textNumbers = new(StringComparer.Ordinal);

        public string Kernel(ushort number) => kernels[number];

        public string Text(int number) => texts[number];

        /// <summary>The number of the kernel labelled <paramref name="label"/>, given the next one when first seen.</summary>
        public ushort KernelNumber(string label)
        {
            for (var i = kernels.Count - 1; i >= 0; i--)
            {
                if (kernels[i] == label)
                {
                    return (ushort)i;
                }
            }

            if (kernels.Count > ushort.MaxValue)
            {
                throw new InvalidOperationException("More kernels booted in one run than a timeline can number.");
            }

            kernels.Add(label);
            return (ushort)(kernels.Count - 1);
        }

        /// <summary>
        /// The number of <paramref name="text"/>, given the next one when first said: the same words
        /// are kept once however often they are said (every device's "called" and "returned", a
        /// spurious interrupt noted on every tick), whether or not a timeline keeps the moment.
        /// </summary>
        public int TextNumber(string text)
        {
            if (!textNumbers.TryGetValue(text, out var number))
            {
                number = texts.Count;
                texts.Add(text);
                textNumbers.Add(text, number);
            }

            return number;
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
