using System;
using System.Linq;
using ShutdownAnalyzers.Samples.Lpfc;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runtime.Tests.Simulation;

public class ReportTests
{
    [Fact]
    public void The_json_has_the_documented_shape_in_a_fixed_order()
    {
        var report = new ScenarioReport("m", Scenario.KexecOnPanic, KexecPolicy.ShutdownElseRemove, 3, 42, new[]
        {
            new DeviceReport("0000:01:00.0", "lpfc", new Evidence { Outcome = Outcome.ProbeFailed, Device = "0000:01:00.0", Text = "failed -> \"x\"" }),
        });

        Assert.Equal(
            """
            {
              "machine": "m",
              "scenario": "kexec-on-panic",
              "policy": "shutdown-else-remove",
              "seed": 3,
              "durationMs": 42,
              "devices": [
                {
                  "device": "0000:01:00.0",
                  "driver": "lpfc",
                  "outcome": "ProbeFailed",
                  "evidence": "failed -> \"x\""
                }
              ]
            }

            """.Replace("\r\n", "\n"),
            report.ToJson());
    }

    [Fact]
    public void Every_declared_device_gets_exactly_one_outcome_and_every_outcome_has_a_rank()
    {
        foreach (var scenario in ScenarioNames.AllScenarios)
        {
            var report = Simulator.Run(new FlawedLpfcMachine(), scenario);

            var device = Assert.Single(report.Devices);
            Assert.Equal(OutcomeSeverity.Order.Count, Enum.GetValues<Outcome>().Length);
            Assert.All(device.OtherFindings, f => Assert.True(OutcomeSeverity.Rank(f.Outcome) > OutcomeSeverity.Rank(device.Outcome)));
        }
    }

    [Fact]
    public void Severity_puts_damage_to_data_first_and_healthy_last()
    {
        Assert.Equal(Outcome.DmaCorruption, OutcomeSeverity.Order[0]);
        Assert.Equal(Outcome.Healthy, OutcomeSeverity.Order[^1]);
        Assert.True(OutcomeSeverity.Rank(Outcome.ResourceLeak) < OutcomeSeverity.Rank(Outcome.ProbeFailed));
        Assert.Equal(Enum.GetValues<Outcome>().OrderBy(o => o), OutcomeSeverity.Order.OrderBy(o => o));
    }

    [Fact]
    public void Duration_counts_simulated_time_of_the_scenario_only()
    {
        var report = Simulator.Run(new FixedLpfcMachine(), Scenario.PowerOff);

        // Off for a second, firmware boot, the next kernel's early boot and its CONFIG_PORT.
        Assert.Equal(1000 + 100 + 20 + 5, report.DurationMs);
    }
}
