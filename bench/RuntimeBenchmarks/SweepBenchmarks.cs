using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using ShutdownAnalyzers.Samples.Lpfc;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Bench.Runtime;

/// <summary>
/// The full sweep a CI job runs: every sample machine × every scenario × every kexec policy (the
/// other scenarios once each, as <c>shutdown-sim run Samples --scenario all --policy all</c>).
/// </summary>
[Config(typeof(GcModesConfig))]
public class SweepBenchmarks
{
    private static readonly IReadOnlyList<MachineModel> SampleMachines = MachineModel.DiscoverIn(typeof(FlawedLpfcMachine).Assembly);

    /// <summary>How many runs one sweep makes.</summary>
    public static int RunCount => Runs().Count();

    [Benchmark]
    public int AllSamplesScenariosPolicies()
    {
        var unhealthy = 0;
        foreach (var (machine, scenario, policy) in Runs())
        {
            unhealthy += Simulator.Run(machine, scenario, policy).Devices.Count(d => d.Outcome != Outcome.Healthy);
        }

        return unhealthy;
    }

    private static IEnumerable<(MachineModel Machine, Scenario Scenario, KexecPolicy Policy)> Runs() =>
        from machine in SampleMachines
        from scenario in ScenarioNames.AllScenarios
        from policy in ScenarioNames.UsesPolicy(scenario) ? ScenarioNames.AllPolicies : ScenarioNames.AllPolicies.Take(1)
        select (machine, scenario, policy);
}
