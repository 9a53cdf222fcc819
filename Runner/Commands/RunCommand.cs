using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using ShutdownAnalyzers.Runner.Isolation;
using ShutdownAnalyzers.Runner.Models;
using ShutdownAnalyzers.Runner.Reports;
using ShutdownAnalyzers.Runner.Sharding;
using ShutdownAnalyzers.Runner.Simulation;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runner.Commands;

/// <summary>
/// <c>shutdown-sim run &lt;model&gt; --scenario &lt;name|all&gt; [--policy &lt;name|all&gt;] [--seed &lt;n&gt;]
/// [--machine &lt;name&gt;]... [--format table|json|junit|html] [--output &lt;file&gt;] [--shard &lt;i&gt;/&lt;n&gt;]
/// [--time-limit &lt;seconds&gt;] [--in-process]</c>
/// </summary>
internal static class RunCommand
{
    /// <summary>Generous: the slowest sample sweep takes well under a second per run.</summary>
    public const double DefaultTimeLimitSeconds = 30;

    public const double MaxTimeLimitSeconds = 86_400;

    public static Command Create(RunnerConsole console)
    {
        var model = ModelArgument.Create(required: true);
        var scenario = new Option<string>("--scenario", "-s")
        {
            Description = $"The scenario to run ({string.Join(", ", ScenarioNames.AllScenarios.Select(ScenarioNames.Format))}), or all.",
            Required = true,
        };
        var policy = new Option<string>("--policy", "-p")
        {
            Description = $"What kexec calls before the jump ({string.Join(", ", ScenarioNames.AllPolicies.Select(ScenarioNames.Format))}), or all. Only kexec depends on it.",
            DefaultValueFactory = _ => ScenarioNames.Format(KexecPolicy.Shutdown),
        };
        var seed = new Option<int>("--seed")
        {
            Description = "The seed of the simulated workload; the same seed gives the same report.",
            DefaultValueFactory = _ => 0,
            CustomParser = ParseSeed,
        };
        var machines = new Option<string[]>("--machine", "-m")
        {
            Description = "Run only this machine (repeat for several). Default: every machine the model declares.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = $"How to write the reports: {string.Join(", ", ReportFormats.Names)}.",
            DefaultValueFactory = _ => ReportFormats.Format(ReportFormat.Table),
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "Write the report to this file instead of the console (the summary line still goes to the console).",
        };
        var timeLimit = new Option<double>("--time-limit")
        {
            Description = "Seconds of real time a run may take before its machine's child process is stopped and the callback it was in is reported as Hang.",
            DefaultValueFactory = _ => DefaultTimeLimitSeconds,
        };
        var inProcess = new Option<bool>("--in-process")
        {
            Description = "Simulate in this process instead of a child process per machine: faster to debug, but a model that hangs or crashes the process takes the sweep with it.",
        };
        var shard = new Option<string>("--shard")
        {
            Description = "<i>/<n>: run only the i-th of n shares of the sweep (every n-th run, from the i-th), for a CI matrix. Write shards with --format json and combine them with 'merge'.",
        };

        var command = new Command("run", "Run the machines of a model through a lifecycle scenario and report every device's outcome.")
        {
            model, scenario, policy, seed, machines, format, output, shard, timeLimit, inProcess,
        };
        command.SetAction(parse => Execute(
            console,
            new RunRequest(
                parse.GetRequiredValue(model),
                parse.GetRequiredValue(scenario),
                parse.GetRequiredValue(policy),
                parse.GetValue(seed),
                parse.GetValue(machines) ?? Array.Empty<string>(),
                parse.GetRequiredValue(format),
                parse.GetValue(output),
                parse.GetValue(shard),
                parse.GetValue(timeLimit),
                parse.GetValue(inProcess))));
        return command;
    }

    private static int Execute(RunnerConsole console, RunRequest request)
    {
        // Cheap checks first, so a typo fails before a project is built.
        var selection = RunSelection.Parse(request.Scenario, request.Policy);
        var format = ReportFormats.Parse(request.Format);
        var shard = request.Shard is null ? null : Shard.Parse(request.Shard);
        var timeLimit = ParseTimeLimit(request.TimeLimitSeconds);
        var file = request.Output is null ? null : ReportFile.Prepare(request.Output);

        using var model = LoadedModel.Open(request.Model);
        var machines = model.Select(request.Machines);
        var sweep = selection.RunsFor(machines, request.Seed);
        var runs = shard is null ? sweep : shard.Take(sweep);
        var isolation = request.InProcess ? null : new IsolatedSweep(model.AssemblyPath, timeLimit);
        var reports = Sweep.Run(runs, isolation, console.OutputIsTerminal ? console.CreateOutputConsole() : null);

        // A shard's JSON holds everything, so 'merge' can write the whole sweep in any format.
        Func<string>? render = shard is not null && format == ReportFormat.Json
            ? () => new ShardReport(shard, SweepDescription(model, machines, selection, request.Seed), sweep.Count, reports).ToJson()
            : null;
        return ReportOutput.Deliver(console, format, reports, file, render);
    }

    /// <summary>"Models.dll: machines a, b; scenarios kexec; policies shutdown; seed 0": shards of one sweep say the same.</summary>
    private static string SweepDescription(LoadedModel model, IReadOnlyList<MachineModel> machines, RunSelection selection, int seed) =>
        $"{model.AssemblyFileName}: machines {string.Join(", ", machines.Select(m => m.Name))}; "
        + $"scenarios {string.Join(", ", selection.Scenarios.Select(ScenarioNames.Format))}; "
        + $"policies {string.Join(", ", selection.Policies.Select(ScenarioNames.Format))}; seed {seed.ToString(CultureInfo.InvariantCulture)}";

    private static int ParseSeed(System.CommandLine.Parsing.ArgumentResult result)
    {
        var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Join(" ", result.Tokens);
        if (int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed))
        {
            return seed;
        }

        result.AddError($"bad seed '{token}': expected a whole number from {int.MinValue} to {int.MaxValue}");
        return 0;
    }

    private static TimeSpan ParseTimeLimit(double seconds) =>
        double.IsFinite(seconds) && seconds > 0 && seconds <= MaxTimeLimitSeconds
            ? TimeSpan.FromSeconds(seconds)
            : throw new BadInputException($"bad --time-limit {seconds.ToString(CultureInfo.InvariantCulture)}: expected seconds above 0 and at most {MaxTimeLimitSeconds}");

    private sealed record RunRequest(string Model, string Scenario, string Policy, int Seed, IReadOnlyList<string> Machines, string Format, string? Output, string? Shard, double TimeLimitSeconds, bool InProcess);
}
