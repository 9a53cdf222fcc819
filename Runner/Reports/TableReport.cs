using System;
using System.Collections.Generic;
using System.Linq;
using ShutdownAnalyzers.Simulation;
using Spectre.Console;

namespace ShutdownAnalyzers.Runner.Reports;

/// <summary>
/// One table per run (device, driver, outcome, evidence), outcomes in colour on a terminal, then
/// the summary line.
/// </summary>
internal static class TableReport
{
    public static void Write(IAnsiConsole console, IReadOnlyList<ScenarioReport> reports)
    {
        var widths = ColumnWidths.Of(reports, console.Profile.Width);
        foreach (var report in reports)
        {
            console.Write(TableFor(report, widths));
            console.WriteLine();
        }

        var summary = new ReportSummary(reports);
        console.MarkupLine($"[{(summary.Unhealthy == 0 ? "green" : "red")}]{Markup.Escape(summary.ToString())}[/]");
    }

    /// <summary>Every table of a report gets the same columns and width, so a sweep reads as one list.</summary>
    private static Table TableFor(ScenarioReport report, ColumnWidths widths)
    {
        var table = new Table()
            .Border(TableBorder.Rounded)
            .Title(Markup.Escape(Title(report)), new Style(decoration: Decoration.Bold))
            .AddColumn(new TableColumn("Device").Width(widths.Device).NoWrap())
            .AddColumn(new TableColumn("Driver").Width(widths.Driver).NoWrap())
            .AddColumn(new TableColumn("Outcome").Width(widths.Outcome).NoWrap())
            .AddColumn(new TableColumn("Evidence").Width(widths.Evidence));
        foreach (var device in report.Devices)
        {
            table.AddRow(
                new Text(device.Device),
                new Text(DriverText(device)),
                new Text(device.Outcome.ToString(), OutcomeStyle(device.Outcome)),
                new Text(device.EvidenceText));
        }

        return table;
    }

    /// <summary>"lpfc-flawed · kexec · policy shutdown · seed 0 · 1234 ms simulated"; the policy only where it matters.</summary>
    private static string Title(ScenarioReport report)
    {
        var policy = ScenarioNames.UsesPolicy(report.Scenario) ? $" · policy {ScenarioNames.Format(report.Policy)}" : "";
        return $"{report.Machine} · {ScenarioNames.Format(report.Scenario)}{policy} · seed {report.Seed} · {report.DurationMs} ms simulated";
    }

    private static string DriverText(DeviceReport device) => device.Driver.Length == 0 ? "(none)" : device.Driver;

    private static Style OutcomeStyle(Outcome outcome) =>
        outcome == Outcome.Healthy ? new Style(Color.Green) : new Style(Color.Red, decoration: Decoration.Bold);

    /// <summary>Column widths that fit the widest cell of any run, the evidence taking what the console has left.</summary>
    private sealed record ColumnWidths(int Device, int Driver, int Outcome, int Evidence)
    {
        // Five borders and a space either side of each of the four cells.
        private const int Chrome = 5 + (4 * 2);

        private const int NarrowestEvidence = 20;

        public static ColumnWidths Of(IReadOnlyList<ScenarioReport> reports, int consoleWidth)
        {
            var devices = reports.SelectMany(r => r.Devices).ToList();
            var device = Widest("Device", devices.Select(d => d.Device));
            var driver = Widest("Driver", devices.Select(DriverText));
            var outcome = Widest("Outcome", devices.Select(d => d.Outcome.ToString()));
            var room = consoleWidth - Chrome - device - driver - outcome;
            var evidence = Math.Max(NarrowestEvidence, Math.Min(room, Widest("Evidence", devices.Select(d => d.EvidenceText))));
            return new ColumnWidths(device, driver, outcome, evidence);
        }

        private static int Widest(string header, IEnumerable<string> cells) => cells.Append(header).Max(c => c.Length);
    }
}
