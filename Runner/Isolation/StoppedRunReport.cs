using System;
using System.Globalization;
using ShutdownAnalyzers.Runner.Simulation;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runner.Isolation;

/// <summary>
/// The report of a run whose child process had to be stopped: driver code never returned, or took the
/// process down where no exception can be caught (a stack overflow, <c>Environment.FailFast</c>). The
/// callback that was running is the one device judged; the run stopped there, so the others were not.
/// </summary>
internal static class StoppedRunReport
{
    public static ScenarioReport Hung(SimulationRun run, RunningCallback? callback, TimeSpan timeLimit) =>
        Report(
            run,
            callback,
            Outcome.Hang,
            $"{Name(callback, run)} did not return within {Seconds(timeLimit)} s of real time, so the run was stopped; "
            + "code that spins without calling the bus API never lets simulated time pass, so the kernel's hung-task check cannot see it");

    public static ScenarioReport Crashed(SimulationRun run, RunningCallback? callback, string cause) =>
        Report(
            run,
            callback,
            Outcome.DriverFault,
            $"{Name(callback, run)} took the simulation down ({cause}), which no kernel could contain");

    private static ScenarioReport Report(SimulationRun run, RunningCallback? callback, Outcome outcome, string text)
    {
        var device = callback?.Device ?? run.Machine.Name;
        var evidence = new Evidence
        {
            Outcome = outcome,
            Device = device,
            Text = $"{text}; the machine's other devices were not judged in this run",
            Callback = callback?.Callback,
            Driver = callback?.Driver,
            Location = callback?.Callback,
        };
        return new ScenarioReport(run.Machine.Name, run.Scenario, run.Policy, run.Seed, durationMs: 0, new[] { new DeviceReport(device, callback?.Driver ?? "(machine model)", evidence) });
    }

    private static string Name(RunningCallback? callback, SimulationRun run) =>
        callback?.ToString() ?? $"the model of {run.Machine.Name}, outside any driver callback,";

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
