using System;
using System.Collections.Generic;
using ShutdownAnalyzers.Simulation;
using ShutdownAnalyzers.Runner.Isolation;
using Spectre.Console;

namespace ShutdownAnalyzers.Runner.Simulation;

/// <summary>
/// Runs the selected simulations, each machine in a child process of its own
/// (<see cref="IsolatedSweep"/>) or all of them here, one after another; with a live progress bar
/// when there are several and the output is a terminal.
/// </summary>
internal static class Sweep
{
    /// <param name="isolation">Null to simulate in this process.</param>
    public static IReadOnlyList<ScenarioReport> Run(IReadOnlyList<SimulationRun> runs, IsolatedSweep? isolation, IAnsiConsole? progressConsole)
    {
        Func<Action<SimulationRun>?, Action?, IReadOnlyList<ScenarioReport>> runAll = isolation is null
            ? (onStarted, onFinished) => RunHere(runs, onStarted, onFinished)
            : (onStarted, onFinished) => isolation.Run(runs, onStarted, onFinished);
        if (progressConsole is null || runs.Count < 2)
        {
            return runAll(null, null);
        }

        return progressConsole.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask("simulating", maxValue: runs.Count);
                return runAll(
                    run => task.Description = Markup.Escape(run.Title),
                    () => task.Increment(1));
            });
    }

    private static List<ScenarioReport> RunHere(IReadOnlyList<SimulationRun> runs, Action<SimulationRun>? onStarted, Action? onFinished)
    {
        var reports = new List<ScenarioReport>(runs.Count);
        foreach (var run in runs)
        {
            onStarted?.Invoke(run);
            reports.Add(run.Simulate());
            onFinished?.Invoke();
        }

        return reports;
    }
}
