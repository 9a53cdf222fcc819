using System;
using System.Collections.Generic;
using ShutdownAnalyzers.Simulation;
using Spectre.Console;

namespace ShutdownAnalyzers.Runner.Simulation;

/// <summary>
/// Runs the selected simulations one after another, with a live progress bar when there are several
/// and the output is a terminal.
/// </summary>
internal static class Sweep
{
    public static IReadOnlyList<ScenarioReport> Run(IReadOnlyList<SimulationRun> runs, IAnsiConsole? progressConsole)
    {
        if (progressConsole is null || runs.Count < 2)
        {
            return RunAll(runs, onStarted: null, onFinished: null);
        }

        return progressConsole.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask("simulating", maxValue: runs.Count);
                return RunAll(
                    runs,
                    onStarted: run => task.Description = Markup.Escape(run.Title),
                    onFinished: () => task.Increment(1));
            });
    }

    private static List<ScenarioReport> RunAll(IReadOnlyList<SimulationRun> runs, Action<SimulationRun>? onStarted, Action? onFinished)
    {
        var reports = new List<ScenarioReport>(runs.Count);
        foreach (var run in runs)
        {
            onStarted?.Invoke(run);
            reports.Add(RunOne(run));
            onFinished?.Invoke();
        }

        return reports;
    }

    /// <summary>
    /// Driver callbacks are contained by the simulator; a model that cannot be built (its Build or a
    /// driver factory threw) is bad input, reported in the simulator's one line naming the machine.
    /// </summary>
    private static ScenarioReport RunOne(SimulationRun run)
    {
        try
        {
            return Simulator.Run(run.Machine, run.Scenario, run.Policy, run.Seed);
        }
        catch (MachineModelException unusable)
        {
            throw new BadInputException(unusable.Message);
        }
        catch (Exception e)
        {
            throw new BadInputException($"simulating {run.Title} failed: {e.GetType().Name}: {e.Message}");
        }
    }
}
