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

    public static ScenarioReport Run(MachineModel machine, Scenario scenario, KexecPolicy policy = KexecPolicy.Shutdown, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(machine);
        var lifecycle = ScenarioCatalog.For(scenario);
        if (!Enum.IsDefined(policy))
        {
            throw new ArgumentOutOfRangeException(nameof(policy), policy, "Not a kexec policy.");
        }

        var running = new Machine(machine, seed);
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
