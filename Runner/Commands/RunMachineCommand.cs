using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using ShutdownAnalyzers.Runner.Isolation;
using ShutdownAnalyzers.Runner.Models;
using ShutdownAnalyzers.Runner.Simulation;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runner.Commands;

/// <summary>
/// <c>shutdown-sim run-machine &lt;assembly&gt; --machine &lt;name&gt; --seed &lt;n&gt; --callback-slot &lt;file&gt;
/// --run &lt;scenario&gt;:&lt;policy&gt;…</c>: the child end of <see cref="IsolatedSweep"/>, hidden from help.
/// Simulates one machine's runs in order, writing each report as one <see cref="ChildProtocol"/> line
/// and keeping the running callback in the slot file.
/// </summary>
internal static class RunMachineCommand
{
    public const string Name = "run-machine";

    public static Command Create(RunnerConsole console)
    {
        var assembly = new Argument<string>("assembly");
        var machine = new Option<string>("--machine") { Required = true };
        var seed = new Option<int>("--seed");
        var slot = new Option<string>("--callback-slot") { Required = true };
        var runs = new Option<string[]>("--run") { Required = true, Arity = ArgumentArity.OneOrMore };
        var command = new Command(Name, "Runs one machine for shutdown-sim run, in a child process.")
        {
            assembly, machine, seed, slot, runs,
        };
        command.Hidden = true;
        command.SetAction(parse => Execute(
            console,
            parse.GetRequiredValue(assembly),
            parse.GetRequiredValue(machine),
            parse.GetValue(seed),
            parse.GetRequiredValue(slot),
            parse.GetRequiredValue(runs)));
        return command;
    }

    private static int Execute(RunnerConsole console, string assemblyPath, string machineName, int seed, string slotPath, IReadOnlyList<string> runs)
    {
        var reports = console.Output;

        // What the model itself prints must not mix with the reports.
        Console.SetOut(TextWriter.Null);

        using var model = LoadedModel.Load(Path.GetFullPath(assemblyPath));
        var machine = model.Select(new[] { machineName })[0];
        using var slot = new CallbackSlot.Writer(slotPath);
        reports.Write(ChildProtocol.Ready + "\n");
        reports.Flush();
        foreach (var (scenario, policy) in runs.Select(ParseRun))
        {
            var report = new SimulationRun(machine, scenario, policy, seed).Simulate(slot.Set);
            slot.Set(null);
            reports.Write(ChildProtocol.ReportLine(report));
            reports.Flush();
        }

        return ExitCodes.AllHealthy;
    }

    private static (Scenario Scenario, KexecPolicy Policy) ParseRun(string run)
    {
        var parts = run.Split(':');
        return parts.Length == 2 && ScenarioNames.TryParseScenario(parts[0], out var scenario) && ScenarioNames.TryParsePolicy(parts[1], out var policy)
            ? (scenario, policy)
            : throw new BadInputException($"bad run '{run}': expected <scenario>:<policy>");
    }
}
