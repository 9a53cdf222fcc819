using System.Collections.Generic;
using System.Linq;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runner.Reports.Html;

/// <summary>
/// The moments of one run on a common axis, so the devices' timelines line up one under another:
/// a column per moment, in time order, each device's own moments kept in their order. A moment of
/// the whole machine (kexec jumps) is one column for every device.
/// </summary>
internal sealed class RunTimeline
{
    private RunTimeline(IReadOnlyList<Column> columns, int devices)
    {
        Columns = columns;
        Devices = devices;
    }

    public IReadOnlyList<Column> Columns { get; }

    public int Devices { get; }

    /// <summary>One moment: when, in which kernel, and what each device noted then (null where it noted nothing).</summary>
    public sealed record Column(long AtMs, string Kernel, TimelineEvent?[] Events)
    {
        public bool MachineWide => Events.Any(e => e is { MachineWide: true });

        public TimelineEvent Any => Events.First(e => e is not null)!;
    }

    public static RunTimeline Of(ScenarioReport report)
    {
        var timelines = report.Devices.Select(d => d.Timeline).ToList();
        var next = new int[timelines.Count];
        var columns = new List<Column>();
        while (Enumerable.Range(0, timelines.Count).Any(d => next[d] < timelines[d].Count))
        {
            columns.Add(NextColumn(timelines, next));
        }

        return new RunTimeline(columns, timelines.Count);
    }

    /// <summary>The state of <paramref name="device"/> after column <paramref name="column"/>: its latest moment so far, or null before its first.</summary>
    public TimelineEvent? StateAt(int device, int column)
    {
        for (var c = column; c >= 0; c--)
        {
            if (Columns[c].Events[device] is { } moment)
            {
                return moment;
            }
        }

        return null;
    }

    /// <summary>
    /// The earliest pending moment, device by device; a machine-wide moment waits until every device
    /// has caught up to it, and then takes all of them at once.
    /// </summary>
    private static Column NextColumn(IReadOnlyList<IReadOnlyList<TimelineEvent>> timelines, int[] next)
    {
        var pending = Enumerable.Range(0, timelines.Count).Where(d => next[d] < timelines[d].Count).ToList();
        var earliest = pending.Min(d => timelines[d][next[d]].AtMs);
        var candidates = pending.Where(d => timelines[d][next[d]].AtMs == earliest).ToList();

        foreach (var device in candidates)
        {
            var head = timelines[device][next[device]];
            var sharing = pending.Where(d => d != device && StillToCome(timelines[d], next[d], head)).ToList();
            if (sharing.Count == 0)
            {
                return Take(timelines, next, new[] { device }, head);
            }

            if (sharing.All(d => SameMoment(timelines[d][next[d]], head)))
            {
                return Take(timelines, next, sharing.Prepend(device).OrderBy(d => d).ToList(), head);
            }
        }

        // Devices that disagree on the order of shared moments: take the first device's alone.
        var first = candidates[0];
        return Take(timelines, next, new[] { first }, timelines[first][next[first]]);
    }

    private static bool StillToCome(IReadOnlyList<TimelineEvent> timeline, int from, TimelineEvent moment)
    {
        for (var i = from; i < timeline.Count && timeline[i].AtMs == moment.AtMs; i++)
        {
            if (SameMoment(timeline[i], moment))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SameMoment(TimelineEvent a, TimelineEvent b) =>
        a.MachineWide && b.MachineWide && a.AtMs == b.AtMs && a.Kernel == b.Kernel && a.What == b.What;

    private static Column Take(IReadOnlyList<IReadOnlyList<TimelineEvent>> timelines, int[] next, IReadOnlyList<int> devices, TimelineEvent moment)
    {
        var events = new TimelineEvent?[timelines.Count];
        foreach (var device in devices)
        {
            events[device] = timelines[device][next[device]];
            next[device]++;
        }

        return new Column(moment.AtMs, moment.Kernel, events);
    }
}
