using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using ShutdownAnalyzers.Runner.Commands;
using ShutdownAnalyzers.Runner.Simulation;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runner.Isolation;

/// <summary>
/// Runs a sweep with each machine in a child process of its own, as many at once as there are
/// processors, each run under a time limit. A model that hangs, overflows its stack or calls
/// <c>Environment.FailFast</c> is reported for the callback it was in (<see cref="StoppedRunReport"/>);
/// the machine's remaining runs go on in a fresh child, and every other machine is untouched.
/// The reports come back in the sweep's order, byte for byte those of an in-process run.
/// </summary>
internal sealed class IsolatedSweep
{
    private static readonly TimeSpan StartupAllowance = TimeSpan.FromSeconds(30);

    private readonly string modelAssembly;
    private readonly TimeSpan timeLimit;

    public IsolatedSweep(string modelAssembly, TimeSpan timeLimit)
    {
        this.modelAssembly = modelAssembly;
        this.timeLimit = timeLimit;
    }

    public IReadOnlyList<ScenarioReport> Run(IReadOnlyList<SimulationRun> runs, Action<SimulationRun>? onStarted, Action? onFinished)
    {
        var reports = new ScenarioReport[runs.Count];
        var machines = runs.Select((run, index) => (Run: run, Index: index)).GroupBy(r => r.Run.Machine).Select(g => g.ToList()).ToList();
        try
        {
            Parallel.ForEach(
                machines,
                new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                machine => RunMachine(machine, reports, onStarted, onFinished));
        }
        catch (AggregateException failed) when (failed.InnerExceptions.OfType<BadInputException>().FirstOrDefault() is { } bad)
        {
            throw bad;
        }

        return reports;
    }

    private void RunMachine(List<(SimulationRun Run, int Index)> pending, ScenarioReport[] reports, Action<SimulationRun>? onStarted, Action? onFinished)
    {
        while (pending.Count > 0)
        {
            onStarted?.Invoke(pending[0].Run);
            var (finished, stopped) = RunInChild(pending.Select(p => p.Run).ToList());
            for (var i = 0; i < finished.Count; i++)
            {
                reports[pending[i].Index] = finished[i];
                onFinished?.Invoke();
            }

            if (stopped is null)
            {
                return;
            }

            reports[pending[finished.Count].Index] = stopped;
            onFinished?.Invoke();
            pending = pending.Skip(finished.Count + 1).ToList();
        }
    }

    /// <summary>The reports of the runs the child finished, in order, and the report of the run it was stopped in, if any.</summary>
    private (List<ScenarioReport> Finished, ScenarioReport? Stopped) RunInChild(IReadOnlyList<SimulationRun> runs)
    {
        var slot = Path.Combine(Path.GetTempPath(), $"shutdown-sim-{Environment.ProcessId}-{Guid.NewGuid():N}.slot");
        CallbackSlot.Create(slot);
        try
        {
            var finished = new List<ScenarioReport>();
            var lines = new BlockingCollection<string?>();
            var errors = new StringBuilder();
            using var child = new Process { StartInfo = RunnerProcess.StartInfo(ChildArguments(runs, slot)) };
            child.OutputDataReceived += (_, e) => lines.Add(e.Data);
            child.ErrorDataReceived += (_, e) =>
            {
                lock (errors)
                {
                    errors.Append(e.Data).Append('\n');
                }
            };
            child.Start();
            child.StandardInput.Close();
            child.BeginOutputReadLine();
            child.BeginErrorReadLine();

            // Until the child is ready, the limit is generous: a loaded machine can be slow to start a process.
            var ready = false;
            while (finished.Count < runs.Count)
            {
                if (!lines.TryTake(out var line, ready ? timeLimit : timeLimit + StartupAllowance))
                {
                    Stop(child);
                    return (finished, StoppedRunReport.Hung(runs[finished.Count], CallbackSlot.Read(slot), timeLimit));
                }

                if (line is null)
                {
                    break;
                }

                if (line == ChildProtocol.Ready)
                {
                    ready = true;
                }
                else if (ChildProtocol.TryReadReport(line) is { } report)
                {
                    finished.Add(report);
                }
            }

            child.WaitForExit();
            if (finished.Count == runs.Count && child.ExitCode == ExitCodes.AllHealthy)
            {
                return (finished, null);
            }

            string errorOutput;
            lock (errors)
            {
                errorOutput = errors.ToString();
            }

            if (child.ExitCode == ExitCodes.BadInput && ChildProtocol.BadInputMessage(errorOutput) is { } message)
            {
                throw new BadInputException(message);
            }

            return (finished, StoppedRunReport.Crashed(runs[finished.Count], CallbackSlot.Read(slot), Cause(child.ExitCode, errorOutput)));
        }
        finally
        {
            File.Delete(slot);
        }
    }

    private string[] ChildArguments(IReadOnlyList<SimulationRun> runs, string slot)
    {
        var arguments = new List<string>
        {
            RunMachineCommand.Name,
            modelAssembly,
            "--machine", runs[0].Machine.Name,
            "--seed", runs[0].Seed.ToString(CultureInfo.InvariantCulture),
            "--callback-slot", slot,
        };
        foreach (var run in runs)
        {
            arguments.Add("--run");
            arguments.Add(run.ScenarioAndPolicy);
        }

        return arguments.ToArray();
    }

    private static void Stop(Process child)
    {
        try
        {
            child.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited on its own meanwhile.
        }

        child.WaitForExit();
    }

    /// <summary>What the runtime printed as it took the process down, in a few words.</summary>
    private static string Cause(int exitCode, string errorOutput)
    {
        var lines = errorOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Any(l => l.StartsWith("Stack overflow", StringComparison.Ordinal)))
        {
            return "a stack overflow";
        }

        // Environment.FailFast: "Process terminated." then its message, on the same line or the next.
        var terminated = Array.FindIndex(lines, l => l.StartsWith("Process terminated.", StringComparison.Ordinal));
        if (terminated >= 0)
        {
            var reason = lines[terminated]["Process terminated.".Length..].Trim();
            if (reason.Length == 0 && terminated + 1 < lines.Length && !lines[terminated + 1].StartsWith("at ", StringComparison.Ordinal))
            {
                reason = lines[terminated + 1];
            }

            return reason.Length > 0 ? $"the process was terminated: {reason}" : "the process was terminated";
        }

        var first = lines.FirstOrDefault(l => !l.StartsWith("at ", StringComparison.Ordinal));
        return first is null ? $"the process exited with code {exitCode}" : $"the process exited with code {exitCode}: {first}";
    }
}
