using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runner.Reports.Html;

/// <summary>
/// <c>--format html</c>: one self-contained page (no script, no external file) with the summary, a
/// table of every device's outcome, and per run a timeline of each device across the scenario —
/// power state, bus mastering, DMA, interrupt line, callbacks — with its failure marked where it
/// happened. Runs with a failure are open, healthy ones folded. Same reports, same bytes.
/// </summary>
internal static class HtmlReport
{
    public static string Write(IReadOnlyList<ScenarioReport> reports)
    {
        var summary = new ReportSummary(reports);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>shutdown-sim: ").Append(Html.Text(summary.ToString())).Append("</title>\n");
        html.Append("<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<h1>shutdown-sim report</h1>\n");
        html.Append("<p class=\"verdict ").Append(summary.Unhealthy == 0 ? "good" : "bad").Append("\">").Append(Html.Text(summary.ToString())).Append("</p>\n");
        WriteSummaryTable(html, reports);
        WriteLegend(html);
        for (var run = 0; run < reports.Count; run++)
        {
            WriteRun(html, reports[run], run);
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>"lpfc-flawed · kexec · policy shutdown · seed 0"; the policy only where it matters.</summary>
    private static string Title(ScenarioReport report)
    {
        var policy = ScenarioNames.UsesPolicy(report.Scenario) ? $" · policy {ScenarioNames.Format(report.Policy)}" : "";
        return $"{report.Machine} · {ScenarioNames.Format(report.Scenario)}{policy} · seed {report.Seed}";
    }

    private static string RunId(int run) => $"run-{run + 1}";

    private static string DeviceId(int run, int device) => $"run-{run + 1}-device-{device + 1}";

    /// <summary>Every device of every run: the table users scan first, each row linking to its timeline.</summary>
    private static void WriteSummaryTable(StringBuilder html, IReadOnlyList<ScenarioReport> reports)
    {
        html.Append("<h2>Summary</h2>\n<table class=\"summary\">\n<thead><tr><th>Run</th><th>Device</th><th>Driver</th><th>Outcome</th><th>Evidence</th></tr></thead>\n<tbody>\n");
        for (var run = 0; run < reports.Count; run++)
        {
            var report = reports[run];
            for (var device = 0; device < report.Devices.Count; device++)
            {
                var result = report.Devices[device];
                html.Append("<tr>");
                if (device == 0)
                {
                    html.Append(Invariant($"<td rowspan=\"{report.Devices.Count}\"><a href=\"#{RunId(run)}\">{Html.Text(Title(report))}</a></td>"));
                }

                html.Append(Invariant($"<td><a href=\"#{DeviceId(run, device)}\">{Html.Text(result.Device)}</a></td>"));
                html.Append("<td>").Append(Html.Text(DriverText(result))).Append("</td>");
                html.Append("<td>").Append(OutcomeBadge(result.Outcome)).Append("</td>");
                html.Append("<td class=\"evidence\">").Append(Html.Text(result.EvidenceText)).Append("</td></tr>\n");
            }
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void WriteLegend(StringBuilder html) =>
        html.Append("""
            <h2>Timelines</h2>
            <p class="legend">Each device's life across the scenario, moment by moment (hover a column for what happened):
            <span class="swatch d0"></span>D0 <span class="swatch d3hot"></span>D3hot <span class="swatch d3cold"></span>D3cold / power cut
            <span class="swatch bus-master"></span>bus mastering <span class="swatch dma"></span>DMA running
            <span class="swatch irq"></span>interrupt line asserted <span class="swatch callback"></span>callback invoked
            <span class="swatch threw"></span>callback threw · dashed: the whole machine moves on (boot, scenario, kexec jump) ·
            <span class="failure-key">red line</span>: where the device failed.</p>

            """);

    /// <summary>A run: its title and outcome, then each device's evidence and timeline; folded when every device came through.</summary>
    private static void WriteRun(StringBuilder html, ScenarioReport report, int run)
    {
        var timeline = RunTimeline.Of(report);
        var unhealthy = report.Devices.Count(d => !d.IsHealthy);
        html.Append(Invariant($"<details class=\"run\" id=\"{RunId(run)}\"{(unhealthy > 0 ? " open" : "")}>\n"));
        html.Append("<summary><span class=\"run-title\">").Append(Html.Text(Title(report))).Append("</span> ");
        html.Append(Invariant($"<span class=\"duration\">{report.DurationMs} ms simulated</span> "));
        html.Append(unhealthy == 0
            ? "<span class=\"outcome good\">all healthy</span>"
            : Invariant($"<span class=\"outcome bad\">{unhealthy} of {report.Devices.Count} unhealthy</span>"));
        html.Append("</summary>\n");
        for (var device = 0; device < report.Devices.Count; device++)
        {
            WriteDevice(html, timeline, report.Devices[device], run, device);
        }

        html.Append("</details>\n");
    }

    private static void WriteDevice(StringBuilder html, RunTimeline timeline, DeviceReport report, int run, int device)
    {
        html.Append(Invariant($"<section class=\"device\" id=\"{DeviceId(run, device)}\">\n"));
        html.Append("<h3>").Append(Html.Text(report.Device)).Append(" <span class=\"driver\">").Append(Html.Text(DriverText(report))).Append("</span> ")
            .Append(OutcomeBadge(report.Outcome)).Append("</h3>\n");
        html.Append("<ul class=\"findings\">\n");
        foreach (var finding in report.OtherFindings.Prepend(report.Evidence))
        {
            html.Append("<li class=\"").Append(finding.Outcome == Outcome.Healthy ? "good" : "bad").Append("\">")
                .Append(finding.Outcome == Outcome.Healthy ? "" : $"<strong>{Html.Text(finding.Outcome.ToString())}</strong> ")
                .Append(Html.Text(Where(finding))).Append(": ").Append(Html.Text(finding.Text)).Append("</li>\n");
        }

        html.Append("</ul>\n<div class=\"scroll\">\n");
        DeviceTimelineSvg.Write(html, timeline, device, report);
        html.Append("</div>\n");
        WriteMoments(html, report);
        html.Append("</section>\n");
    }

    /// <summary>"at 85 ms in the next kernel, callback Probe, mbxCmd x88 CONFIG_PORT".</summary>
    private static string Where(Evidence finding)
    {
        var where = new List<string> { Invariant($"at {finding.AtMs} ms") };
        if (finding.Kernel.Length > 0)
        {
            where.Add($"in the {finding.Kernel}");
        }

        if (finding.Location is { } location)
        {
            where.Add(location);
        }

        return string.Join(", ", where);
    }

    /// <summary>The device's timeline as a list too, folded: every moment with the hardware state after it.</summary>
    private static void WriteMoments(StringBuilder html, DeviceReport report)
    {
        html.Append(Invariant($"<details class=\"moments\"><summary>{report.Timeline.Count} moments</summary>\n"));
        html.Append("<table>\n<thead><tr><th>ms</th><th>kernel</th><th>what happened</th><th>power</th><th>bus master</th><th>DMA</th><th>interrupt</th></tr></thead>\n<tbody>\n");
        foreach (var moment in report.Timeline)
        {
            html.Append(Invariant($"<tr><td>{moment.AtMs}</td><td>{Html.Text(moment.Kernel)}</td><td>{Html.Text(moment.What)}</td>"));
            html.Append(Invariant($"<td>{moment.PowerState?.ToString() ?? ""}</td><td>{OnOff(moment.BusMaster)}</td><td>{OnOff(moment.DmaRunning)}</td><td>{OnOff(moment.InterruptAsserted)}</td></tr>\n"));
        }

        html.Append("</tbody>\n</table>\n</details>\n");
    }

    private static string OnOff(bool on) => on ? "on" : "";

    private static string DriverText(DeviceReport device) => device.Driver.Length == 0 ? "(no driver)" : device.Driver;

    private static string OutcomeBadge(Outcome outcome) =>
        $"<span class=\"outcome {(outcome == Outcome.Healthy ? "good" : "bad")}\">{Html.Text(outcome.ToString())}</span>";

    private static string Invariant(System.FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private const string Style = """
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #263238; margin: 24px; }
        h1 { font-size: 22px; margin: 0 0 8px; }
        h2 { font-size: 17px; margin: 28px 0 8px; }
        h3 { font-size: 15px; margin: 14px 0 4px; font-family: ui-monospace, monospace; }
        .verdict { font-size: 16px; font-weight: 600; padding: 8px 12px; border-radius: 6px; display: inline-block; }
        .verdict.good { background: #e8f5e9; color: #1b5e20; }
        .verdict.bad { background: #ffebee; color: #b71c1c; }
        table { border-collapse: collapse; }
        th, td { border: 1px solid #cfd8dc; padding: 4px 8px; text-align: left; vertical-align: top; }
        th { background: #eceff1; }
        td.evidence { max-width: 720px; }
        .outcome { font-weight: 600; padding: 1px 6px; border-radius: 4px; white-space: nowrap; }
        .outcome.good { background: #c8e6c9; color: #1b5e20; }
        .outcome.bad { background: #d32f2f; color: #fff; }
        .driver { font-weight: normal; color: #546e7a; }
        details.run { border: 1px solid #cfd8dc; border-radius: 6px; margin: 12px 0; padding: 6px 12px; }
        details.run > summary { cursor: pointer; font-weight: 600; }
        .duration { font-weight: normal; color: #546e7a; }
        ul.findings { margin: 2px 0 6px; padding-left: 20px; }
        ul.findings li.bad { color: #b71c1c; }
        ul.findings li.good { color: #1b5e20; }
        .scroll { overflow-x: auto; }
        .moments summary { cursor: pointer; color: #546e7a; }
        .moments td, .moments th { font-size: 12px; padding: 2px 6px; }
        .legend { color: #455a64; }
        .swatch { display: inline-block; width: 14px; height: 10px; border-radius: 2px; margin: 0 2px 0 8px; vertical-align: middle; }
        .failure-key { color: #d32f2f; font-weight: 600; }
        svg.timeline { font: 11px system-ui, sans-serif; }
        svg .kernel { fill: #37474f; font-weight: 600; }
        svg .lane-label { fill: #546e7a; }
        svg .time { fill: #78909c; font-size: 10px; }
        svg .in-lane { fill: #fff; font-size: 10px; font-weight: 600; }
        svg .lane-note { fill: #90a4ae; font-style: italic; }
        svg .moment { stroke: #78909c; stroke-dasharray: 3 3; stroke-width: 1; }
        svg .moment-label { fill: #546e7a; font-size: 10px; }
        svg .failure { stroke: #d32f2f; stroke-width: 2.5; }
        svg .failure-label { fill: #d32f2f; font-weight: 700; }
        svg .callback-name { fill: #3e2723; font-size: 10px; font-weight: 600; }
        svg .note { fill: #455a64; }
        svg .hover { fill: transparent; }
        svg .hover:hover { fill: rgba(33, 150, 243, 0.12); }
        .d0 { fill: #43a047; background: #43a047; }
        .d1 { fill: #c0ca33; background: #c0ca33; }
        .d3hot { fill: #fb8c00; background: #fb8c00; }
        .d3cold { fill: #546e7a; background: #546e7a; }
        .no-power { fill: #b0bec5; background: #b0bec5; }
        .bus-master { fill: #1e88e5; background: #1e88e5; }
        .dma { fill: #8e24aa; background: #8e24aa; }
        .irq { fill: #e53935; background: #e53935; }
        .callback { fill: #ffe082; stroke: #ffb300; background: #ffe082; }
        .threw { fill: #ffcdd2; stroke: #d32f2f; stroke-width: 1.5; background: #ffcdd2; }

        """;
}
