using System;
using System.CommandLine;
using System.Linq;
using ShutdownAnalyzers.Runner.Reports;
using ShutdownAnalyzers.Runner.Sharding;

namespace ShutdownAnalyzers.Runner.Commands;

/// <summary>
/// <c>shutdown-sim merge &lt;shard report&gt;... [--format table|json|junit|html] [--output &lt;file&gt;]</c>:
/// the shards of one sweep (<c>run … --shard i/n --format json</c>) as the one report the unsharded
/// run would have written, byte for byte, with its exit code.
/// </summary>
internal static class MergeCommand
{
    public static Command Create(RunnerConsole console)
    {
        var reports = new Argument<string[]>("reports")
        {
            Description = "The JSON reports of every shard of one sweep ('run … --shard <i>/<n> --format json'), in any order.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = $"How to write the merged report: {string.Join(", ", ReportFormats.Names)}.",
            DefaultValueFactory = _ => ReportFormats.Format(ReportFormat.Table),
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "Write the merged report to this file instead of the console (the summary line still goes to the console).",
        };

        var command = new Command("merge", "Merge the shard reports of a sweep split with 'run --shard' into the report of the whole sweep.")
        {
            reports, format, output,
        };
        command.SetAction(parse => Execute(console, parse.GetRequiredValue(reports), parse.GetRequiredValue(format), parse.GetValue(output)));
        return command;
    }

    private static int Execute(RunnerConsole console, string[] paths, string formatName, string? outputPath)
    {
        var format = ReportFormats.Parse(formatName);
        var file = outputPath is null ? null : ReportFile.Prepare(outputPath);
        var shards = paths.Select(path => (path, ShardReport.Load(path))).ToList();
        var reports = ShardReport.Merge(shards);
        return ReportOutput.Deliver(console, format, reports, file);
    }
}
