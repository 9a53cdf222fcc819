using System;
using ShutdownAnalyzers.Scenarios;

namespace ShutdownAnalyzers.Simulation;

/// <summary>
/// Runs one lifecycle scenario on a machine: power on, boot the first kernel, let it run a
/// workload, perform the scenario, watch the result settle, and judge every device. The same
/// machine, scenario, policy and seed always give the same report.
/// </summary>
public static class Simulator
{
    /// <summary>The first kernel's label in evidence and timelines.</summary>
    public const string FirstKernel = "old kernel";

    public static ScenarioReport Run(MachineModel machine, Scenario scenario, KexecPolicy policy = KexecPolicy.Shutdown, int seed = 0) =>
        Run(machine, scenario, policy, seed, runningCallbackChanged: null);

    /// <summary>
    /// As <see cref="Run(MachineModel, Scenario, KexecPolicy, int)"/>, telling
    /// <paramref name="runningCallbackChanged"/> each time the driver code running changes (null: none), so a
    /// host that runs models in a child process can name the callback that hung or took the process down.
    /// </summary>
    public static ScenarioReport Run(MachineModel machine, Scenario scenario, KexecPolicy policy, int seed, Action<RunningCallback?>? runningCallbackChanged)
    {
        ArgumentNullException.ThrowIfNull(machine);
        var lifecycle = ScenarioCatalog.For(scenario);
        if (!Enum.IsDefined(policy))
        {
            throw new ArgumentOutOfRangeException(nameof(policy), policy, "Not a kexec policy.");
        }

        var running = new Machine(machine, seed);
        if (runningCallbackChanged is not null)
        {
            running.Context.CurrentFrameChanged = frame => runningCallbackChanged(frame?.AsRunningCallback);
        }

        running.Boot(FirstKernel, running.PrimaryMemory);
        Workload.Run(running);
        running.MarkScenarioStart();
        running.NoteAll($"scenario {ScenarioNames.Format(scenario)} begins");
        lifecycle.Run(running, policy);
        running.MarkScenarioEnd();
        running.RunFor(Machine.SettleMs);
        return running.BuildReport(scenario, policy, seed, device => lifecycle.DescribeHealthy(running, device));
    }
}
