using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runner.Reports.Html;

/// <summary>
/// One device's timeline across a run as an inline SVG: the kernel and simulated time on top, then a
/// lane each for power state, bus mastering, DMA, the interrupt line and the callbacks invoked, a
/// dashed line at each moment of the whole machine, and a red line where the device failed.
/// Hovering a column shows what happened then.
/// </summary>
internal sealed partial class DeviceTimelineSvg
{
    private const int Gutter = 118;
    private const int WidestColumn = 46;
    private const int NarrowestColumn = 22;

    /// <summary>How wide the moments may be together before columns narrow, down to <see cref="NarrowestColumn"/>.</summary>
    private const int PreferredMomentsWidth = 1150;
    private const int KernelBandTop = 2;
    private const int KernelBandHeight = 16;
    private const int TimeRowTop = 20;
    private const int MarkerRowTop = 34;
    private const int MarkerRowHeight = 13;
    private const int MarkerRows = 3;
    private const int LanesTop = MarkerRowTop + (MarkerRows * MarkerRowHeight) + 4;
    private const int LaneHeight = 16;
    private const int LanePitch = 21;
    private const int RightPad = 12;

    private static readonly string[] Lanes = { "power state", "bus mastering", "DMA", "interrupt line", "callbacks" };

    private static readonly string[] KernelFills = { "#e3f2fd", "#fff3e0", "#f3e5f5", "#e8f5e9" };

    private readonly int columnWidth;

    /// <summary>Columns narrow as moments grow in number, so a run of many devices still fits a screen.</summary>
    private DeviceTimelineSvg(RunTimeline run) =>
        columnWidth = Math.Clamp(PreferredMomentsWidth / Math.Max(1, run.Columns.Count), NarrowestColumn, WidestColumn);

    public static int Height => LanesTop + (Lanes.Length * LanePitch) + 4;

    public static void Write(StringBuilder html, RunTimeline run, int device, DeviceReport report) =>
        new DeviceTimelineSvg(run).WriteSvg(html, run, device, report);

    private void WriteSvg(StringBuilder html, RunTimeline run, int device, DeviceReport report)
    {
        var body = new StringBuilder();
        var labels = new List<MarkerLabel>();
        WriteKernelBand(body, run);
        WriteTimes(body, run);
        WriteLaneLabels(body);
        WriteMachineMoments(body, run, labels);
        WritePowerLane(body, run, device, Lane(0));
        WriteFlagLane(body, run, device, Lane(1), e => e.BusMaster, "on", "bus-master");
        WriteFlagLane(body, run, device, Lane(2), e => e.DmaRunning, "running", "dma");
        WriteFlagLane(body, run, device, Lane(3), e => e.InterruptAsserted, "asserted", "irq");
        WriteCallbacks(body, run, device, Lane(4));
        WriteFailures(body, run, device, report, labels);
        var labelsEnd = WriteLabels(body, labels);
        WriteHoverColumns(body, run, device);

        var width = Math.Max(X(run.Columns.Count) + RightPad, labelsEnd + RightPad);
        html.Append(Invariant($"<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{Height}\" viewBox=\"0 0 {width} {Height}\" role=\"img\" aria-label=\"timeline of {Html.Text(report.Device)}\">\n"));
        html.Append(body);
        html.Append("</svg>\n");
    }

    private static int Lane(int index) => LanesTop + (index * LanePitch);

    private int X(int column) => Gutter + (column * columnWidth);

    private int Center(int column) => X(column) + (columnWidth / 2);

    /// <summary>A band per stretch of columns in the same kernel, named inside.</summary>
    private void WriteKernelBand(StringBuilder html, RunTimeline run)
    {
        var kernels = new List<string>();
        foreach (var (start, end, kernel) in Stretches(run.Columns.Count, c => run.Columns[c].Kernel))
        {
            if (!kernels.Contains(kernel))
            {
                kernels.Add(kernel);
            }

            var fill = KernelFills[kernels.IndexOf(kernel) % KernelFills.Length];
            html.Append(Invariant($"<rect x=\"{X(start)}\" y=\"{KernelBandTop}\" width=\"{(end - start + 1) * columnWidth}\" height=\"{KernelBandHeight}\" fill=\"{fill}\" stroke=\"#90a4ae\" stroke-width=\"0.5\"/>"));
            html.Append(Invariant($"<text class=\"kernel\" x=\"{X(start) + 4}\" y=\"{KernelBandTop + 12}\">{Html.Text(kernel.Length == 0 ? "before boot" : kernel)}</text>\n"));
        }

        html.Append(Invariant($"<text class=\"lane-label\" x=\"4\" y=\"{KernelBandTop + 12}\">kernel</text>\n"));
    }

    /// <summary>The simulated time wherever it moved on since the column before (and there is room to say so).</summary>
    private void WriteTimes(StringBuilder html, RunTimeline run)
    {
        const int characterWidth = 6;
        html.Append(Invariant($"<text class=\"lane-label\" x=\"4\" y=\"{TimeRowTop + 10}\">simulated time</text>\n"));
        var freeFrom = 0;
        for (var c = 0; c < run.Columns.Count; c++)
        {
            if (c == 0 || run.Columns[c].AtMs != run.Columns[c - 1].AtMs)
            {
                html.Append(Invariant($"<line x1=\"{X(c)}\" y1=\"{TimeRowTop}\" x2=\"{X(c)}\" y2=\"{TimeRowTop + 12}\" stroke=\"#90a4ae\" stroke-width=\"0.5\"/>\n"));
                var label = Invariant($"{run.Columns[c].AtMs} ms");
                if (X(c) >= freeFrom)
                {
                    html.Append(Invariant($"<text class=\"time\" x=\"{X(c) + 2}\" y=\"{TimeRowTop + 10}\">{label}</text>"));
                    freeFrom = X(c) + 6 + (label.Length * characterWidth);
                }
            }
        }
    }

    private void WriteLaneLabels(StringBuilder html)
    {
        for (var i = 0; i < Lanes.Length; i++)
        {
            html.Append(Invariant($"<text class=\"lane-label\" x=\"4\" y=\"{Lane(i) + 12}\">{Lanes[i]}</text>"));
            html.Append(Invariant($"<line x1=\"{Gutter}\" y1=\"{Lane(i) + LaneHeight}\" x2=\"100%\" y2=\"{Lane(i) + LaneHeight}\" stroke=\"#eceff1\" stroke-width=\"1\"/>\n"));
        }
    }

    /// <summary>Dashed lines where the whole machine moved on (a kernel boots, the scenario begins, kexec jumps), labelled above the lanes.</summary>
    private void WriteMachineMoments(StringBuilder html, RunTimeline run, List<MarkerLabel> labels)
    {
        for (var c = 0; c < run.Columns.Count; c++)
        {
            if (!run.Columns[c].MachineWide)
            {
                continue;
            }

            html.Append(Invariant($"<line class=\"moment\" x1=\"{Center(c)}\" y1=\"{MarkerRowTop}\" x2=\"{Center(c)}\" y2=\"{Height - 2}\"/>"));
            labels.Add(new MarkerLabel(Center(c), run.Columns[c].Any.What, "moment-label"));
        }
    }

    private void WritePowerLane(StringBuilder html, RunTimeline run, int device, int top)
    {
        var known = false;
        foreach (var (start, end, state) in Stretches(run.Columns.Count, c => run.StateAt(device, c) is { } moment ? PowerText(moment.PowerState) : null))
        {
            if (state is null)
            {
                continue;
            }

            known = true;
            var width = (end - start + 1) * columnWidth;
            html.Append(Invariant($"<rect class=\"power {PowerClass(state)}\" x=\"{X(start)}\" y=\"{top}\" width=\"{width}\" height=\"{LaneHeight}\"/>"));
            html.Append(Invariant($"<text class=\"in-lane\" x=\"{X(start) + 4}\" y=\"{top + 12}\">{Html.Text(state)}</text>\n"));
        }

        if (!known)
        {
            html.Append(Invariant($"<text class=\"lane-note\" x=\"{Gutter + 4}\" y=\"{top + 12}\">no timeline recorded</text>\n"));
        }
    }

    private void WriteFlagLane(StringBuilder html, RunTimeline run, int device, int top, Func<TimelineEvent, bool> flag, string onText, string cssClass)
    {
        foreach (var (start, end, on) in Stretches(run.Columns.Count, c => run.StateAt(device, c) is { } moment && flag(moment)))
        {
            if (on)
            {
                html.Append(Invariant($"<rect class=\"{cssClass}\" x=\"{X(start)}\" y=\"{top + 2}\" width=\"{(end - start + 1) * columnWidth}\" height=\"{LaneHeight - 4}\" rx=\"2\"/>"));
                html.Append(Invariant($"<text class=\"in-lane\" x=\"{X(start) + 4}\" y=\"{top + 12}\">{onText}</text>\n"));
            }
        }
    }

    /// <summary>A box from each callback's call to its return (red when it threw), a dot for every other moment of the device.</summary>
    private void WriteCallbacks(StringBuilder html, RunTimeline run, int device, int top)
    {
        var open = new Dictionary<string, int>();
        for (var c = 0; c < run.Columns.Count; c++)
        {
            if (run.Columns[c].Events[device] is not { } moment || moment.MachineWide)
            {
                continue;
            }

            var callback = CallbackNote().Match(moment.What);
            if (!callback.Success)
            {
                html.Append(Invariant($"<circle class=\"note\" cx=\"{Center(c)}\" cy=\"{top + (LaneHeight / 2)}\" r=\"3.5\"/>\n"));
                continue;
            }

            var frame = callback.Groups["frame"].Value;
            if (callback.Groups["verb"].Value == "called")
            {
                open[frame] = c;
                continue;
            }

            var start = open.Remove(frame, out var called) ? called : c;
            var threw = callback.Groups["verb"].Value == "threw";
            html.Append(Invariant($"<rect class=\"callback{(threw ? " threw" : "")}\" x=\"{X(start) + 2}\" y=\"{top}\" width=\"{((c - start + 1) * columnWidth) - 4}\" height=\"{LaneHeight}\" rx=\"3\"/>"));
            html.Append(Invariant($"<text class=\"callback-name\" x=\"{X(start) + 6}\" y=\"{top + 12}\">{Html.Text(callback.Groups["callback"].Value)}{(threw ? " ✖" : "")}</text>\n"));
        }

        // A callback still running at the end of the run (it hung) runs to the edge.
        foreach (var (frame, start) in open.OrderBy(o => o.Value))
        {
            var name = CallbackNote().Match(frame + " called").Groups["callback"].Value;
            html.Append(Invariant($"<rect class=\"callback threw\" x=\"{X(start) + 2}\" y=\"{top}\" width=\"{((run.Columns.Count - start) * columnWidth) - 4}\" height=\"{LaneHeight}\" rx=\"3\"/>"));
            html.Append(Invariant($"<text class=\"callback-name\" x=\"{X(start) + 6}\" y=\"{top + 12}\">{Html.Text(name)} …</text>\n"));
        }
    }

    /// <summary>A red line and label at the moment each unhealthy outcome was seen.</summary>
    private void WriteFailures(StringBuilder html, RunTimeline run, int device, DeviceReport report, List<MarkerLabel> labels)
    {
        foreach (var finding in report.OtherFindings.Prepend(report.Evidence).Where(f => f.Outcome != Outcome.Healthy))
        {
            var column = FailureColumn(run, device, finding);
            if (column < 0)
            {
                continue;
            }

            html.Append(Invariant($"<line class=\"failure\" x1=\"{Center(column)}\" y1=\"{MarkerRowTop}\" x2=\"{Center(column)}\" y2=\"{Height - 2}\"/>"));
            labels.Add(new MarkerLabel(Center(column), $"✖ {finding.Outcome}", "failure-label"));
        }
    }

    /// <summary>The column of the moment the finding was noted on the device's timeline; else the first moment at or after it in its kernel.</summary>
    private int FailureColumn(RunTimeline run, int device, Evidence finding)
    {
        var noted = $"{finding.Outcome}: {finding.Text}";
        for (var c = 0; c < run.Columns.Count; c++)
        {
            if (run.Columns[c].Events[device]?.What == noted)
            {
                return c;
            }
        }

        for (var c = 0; c < run.Columns.Count; c++)
        {
            if (run.Columns[c].AtMs >= finding.AtMs && (finding.Kernel.Length == 0 || run.Columns[c].Kernel == finding.Kernel))
            {
                return c;
            }
        }

        return run.Columns.Count - 1;
    }

    /// <summary>An invisible rectangle per column of the device's moments whose tooltip says what happened.</summary>
    private void WriteHoverColumns(StringBuilder html, RunTimeline run, int device)
    {
        for (var c = 0; c < run.Columns.Count; c++)
        {
            if (run.Columns[c].Events[device] is { } moment)
            {
                var power = moment.PowerState is { } state ? $", {state}" : "";
                var tip = $"{moment.AtMs} ms, {(moment.Kernel.Length == 0 ? "before boot" : moment.Kernel)}: {moment.What}{power}"
                    + $"{(moment.BusMaster ? ", bus master" : "")}{(moment.DmaRunning ? ", DMA running" : "")}{(moment.InterruptAsserted ? ", interrupt asserted" : "")}";
                html.Append(Invariant($"<rect class=\"hover\" x=\"{X(c)}\" y=\"{LanesTop}\" width=\"{columnWidth}\" height=\"{Lanes.Length * LanePitch}\"><title>{Html.Text(tip)}</title></rect>\n"));
            }
        }
    }

    private static string? PowerText(PciPowerState? state) => state?.ToString() ?? "not PCI";

    private static string PowerClass(string state) => state switch
    {
        "D0" => "d0",
        "D1" or "D2" => "d1",
        "D3Hot" => "d3hot",
        "D3Cold" => "d3cold",
        _ => "no-power",
    };

    /// <summary>Runs of equal values over the columns: (first column, last column, value).</summary>
    private static IEnumerable<(int Start, int End, T Value)> Stretches<T>(int count, Func<int, T> valueAt)
    {
        var start = 0;
        for (var c = 1; c <= count; c++)
        {
            if (c == count || !EqualityComparer<T>.Default.Equals(valueAt(c), valueAt(start)))
            {
                if (count > 0)
                {
                    yield return (start, c - 1, valueAt(start));
                }

                start = c;
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>"lpfc Probe(0003:12:00.0) called": the frame, the callback's name, and what happened to it.</summary>
    [GeneratedRegex(@"^(?<frame>.+? (?<callback>[A-Za-z]+)\([^)]*\)) (?<verb>called|returned|threw)\b")]
    private static partial Regex CallbackNote();

    /// <summary>
    /// The labels in the rows above the lanes, left to right (a failure before a machine moment at
    /// the same place), each in the first row where it does not run into the label before it.
    /// </summary>
    /// <returns>Where the rightmost label ends.</returns>
    private int WriteLabels(StringBuilder html, List<MarkerLabel> labels)
    {
        const int characterWidth = 6;
        var freeFrom = new int[MarkerRows];
        foreach (var label in labels.OrderBy(l => l.X).ThenBy(l => l.CssClass == "failure-label" ? 0 : 1))
        {
            var row = Array.FindIndex(freeFrom, free => free <= label.X);
            row = row < 0 ? Array.IndexOf(freeFrom, freeFrom.Min()) : row;
            freeFrom[row] = label.X + 8 + (label.Text.Length * characterWidth);
            html.Append(Invariant($"<text class=\"{label.CssClass}\" x=\"{label.X + 3}\" y=\"{MarkerRowTop + (row * MarkerRowHeight) + 10}\">{Html.Text(label.Text)}</text>\n"));
        }

        return freeFrom.Max();
    }

    private sealed record MarkerLabel(int X, string Text, string CssClass);
}
