using System;
using System.Linq;
using ShutdownAnalyzers.Simulation;
using ShutdownAnalyzers.Tests.Documentation;

namespace ShutdownAnalyzers.Tests.Agreement;

/// <summary>
/// Static and dynamic verdicts agree: for every rule, the analyzer reports the flawed sample exactly
/// when the simulator shows the rule's twin outcome for it, and neither happens to the fixed sample.
/// </summary>
public sealed class AgreementTests
{
    [Fact]
    public void Every_rule_has_a_run_time_twin()
    {
        var missing = RuleCatalog.Rules.Select(rule => rule.Id).Except(RuleTwins.All.Select(twin => twin.RuleId)).ToList();

        Assert.True(missing.Count == 0, $"Rules without a twin in RuleTwins.All: {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(RuleTwins.Ids), MemberType = typeof(RuleTwins))]
    public void Flawed_sample_is_reported_and_fails_with_the_twin_outcome(string ruleId)
    {
        var twin = RuleTwins.Get(ruleId);
        var sample = SampleBuild.Of(twin.Sample);

        var reported = sample.DiagnosticsIn("Flawed", twin.RuleId);
        var report = Simulator.Run(sample.Machine(twin.Flawed), twin.Scenario, twin.Policy);

        Assert.True(reported.Count > 0, $"{twin.RuleId} reports nothing in Samples/{twin.Sample}/Flawed.");
        Assert.True(
            report.Devices.Any(device => HasOutcome(device, twin.Outcome)),
            $"{twin.Flawed} under {ScenarioNames.Format(twin.Scenario)} shows no {twin.Outcome}:{Environment.NewLine}{Describe(report)}");
    }

    [Theory]
    [MemberData(nameof(RuleTwins.Ids), MemberType = typeof(RuleTwins))]
    public void Fixed_sample_is_not_reported_and_stays_healthy(string ruleId)
    {
        var twin = RuleTwins.Get(ruleId);
        var sample = SampleBuild.Of(twin.Sample);

        var reported = sample.DiagnosticsIn("Fixed", twin.RuleId);
        var report = Simulator.Run(sample.Machine(twin.Fixed), twin.Scenario, twin.Policy);

        Assert.True(reported.Count == 0, $"{twin.RuleId} reports the fixed sample: {string.Join("; ", reported)}");
        Assert.True(report.AllHealthy, $"{twin.Fixed} under {ScenarioNames.Format(twin.Scenario)} is not healthy:{Environment.NewLine}{Describe(report)}");
    }

    private static bool HasOutcome(DeviceReport device, Outcome outcome) =>
        device.Outcome == outcome || device.OtherFindings.Any(finding => finding.Outcome == outcome);

    private static string Describe(ScenarioReport report) =>
        string.Join(Environment.NewLine, report.Devices.Select(d => $"  {d.Device} ({d.Driver}): {d.Outcome} — {d.Evidence.Text}"));
}
