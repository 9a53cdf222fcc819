using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using ShutdownAnalyzers.Runner.Models;
using ShutdownAnalyzers.Runner.Reports;
using ShutdownAnalyzers.Runner.Simulation;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runner.Commands;

/// <summary>
/// <c>shutdown-sim run &lt;model&gt; --scenario &lt;name|all&gt; [--policy &lt;name|all&gt;] [--seed &lt;n&gt;]
/// [--machine &lt;name&gt;]... [--format table|json|junit] [--output &lt;file&gt;]</c>
/// </summary>
internal static class RunCommand
{
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

        var command = new Command("run", "Run the machines of a model through a lifecycle scenario and report every device's outcome.")
        {
            model, scenario, policy, seed, machines, format, output,
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
                parse.GetValue(output))));
        return command;
    }

    private static int Execute(RunnerConsole console, RunRequest request)
    {
        // Cheap checks first, so a typo fails before a project is built.
        var selection = RunSelection.Parse(request.Scenario, request.Policy);
        var format = ReportFormats.Parse(request.Format);
        var file = request.Output is null ? null : ReportFile.Prepare(request.Output);

        using var model = LoadedModel.Open(request.Model);
        var runs = selection.RunsFor(model.Select(request.Machines), request.Seed);
        var terminal = console.OutputIsTerminal ? console.CreateOutputConsole() : null;
        var reports = Sweep.Run(runs, terminal);
        var summary = new ReportSummary(reports);

        if (file is null)
        {
            WriteToConsole(console, format, reports);
        }
        else
        {
            file.Write(Render(format, reports));
            console.Output.WriteLine($"{summary}; {ReportFormats.Format(format)} report written to {file.Argument}");
        }

        return summary.ExitCode;
    }

    private static void WriteToConsole(RunnerConsole console, ReportFormat format, IReadOnlyList<ScenarioReport> reports)
    {
        if (format == ReportFormat.Table)
        {
            TableReport.Write(console.CreateOutputConsole(), reports);
        }
        else
        {
            console.Output.Write(Render(format, reports));
        }
    }

    private static string Render(ReportFormat format, IReadOnlyList<ScenarioReport> reports)
    {
        switch (format)
        {
            case ReportFormat.Json:
                return JsonReport.Write(reports);
            case ReportFormat.JUnit:
                return JUnitReport.Write(reports);
            default:
                using (var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" })
                {
                    TableReport.Write(RunnerConsole.CreatePlain(text), reports);
                    return text.ToString();
                }
        }
    }

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

    private sealed record RunRequest(string Model, string Scenario, string Policy, int Seed, IReadOnlyList<string> Machines, string Format, string? Output);
}
