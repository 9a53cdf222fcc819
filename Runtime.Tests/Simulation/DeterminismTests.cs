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
}
