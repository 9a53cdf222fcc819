using ShutdownAnalyzers.Samples.Lpfc;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runtime.Tests.Simulation;

public class DeterminismTests
{
    public static TheoryData<Scenario> AllScenarios()
    {
        var data = new TheoryData<Scenario>();
        foreach (var scenario in ScenarioNames.AllScenarios)
        {
            data.Add(scenario);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllScenarios))]
    public void The_same_machine_scenario_policy_and_seed_give_byte_identical_json(Scenario scenario)
    {
        var first = Simulator.Run(new FlawedLpfcMachine(), scenario, KexecPolicy.Shutdown, seed: 7).ToJson();
        var second = Simulator.Run(new FlawedLpfcMachine(), scenario, KexecPolicy.Shutdown, seed: 7).ToJson();

        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(first), System.Text.Encoding.UTF8.GetBytes(second));
    }

    [Fact]
    public void The_seed_decides_how_much_is_in_the_caches_and_so_what_a_flush_costs()
    {
        var costs = new System.Collections.Generic.HashSet<long?>();
        for (var seed = 0; seed < 5; seed++)
        {
            var report = Simulator.Run(ShutdownAnalyzers.Runtime.Tests.Scenarios.RebootTests.RaidAdapter(ShutdownAnalyzers.Hardware.WriteCacheKind.Volatile, flushesInShutdown: false), Scenario.Reboot, seed: seed);
            Assert.Equal(Outcome.DataLost, report.Devices[0].Outcome);
            costs.Add(report.Devices[0].Evidence.FlushCostMs);
        }

        Assert.True(costs.Count > 1, "different seeds should put different amounts of data in the cache");
    }
}
