using System.Linq;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Agreement.Oracles;

/// <summary>A rule's twin as its RuleTwins row states it: the scenario, under the policy, shows the outcome.</summary>
public sealed class TwinOutcomeOracle : RuleOracle
{
    private readonly Scenario scenario;
    private readonly KexecPolicy policy;
    private readonly Outcome[] outcomes;

    public TwinOutcomeOracle(string ruleId, Scenario scenario, KexecPolicy policy, params Outcome[] outcomes)
    {
        RuleId = ruleId;
        this.scenario = scenario;
        this.policy = policy;
        this.outcomes = outcomes;
    }

    public override string RuleId { get; }

    public override string Question =>
        $"{ScenarioNames.Format(scenario)} under `{ScenarioNames.Format(policy)}` shows {string.Join(" or ", outcomes.Select(o => $"`{o}`"))}";

    public override Verdict Judge(ScenarioRuns runs)
    {
        var report = runs[scenario, policy];
        return new Verdict(ScenarioRuns.Showing(report, outcomes).Count > 0, ScenarioRuns.Describe(report));
    }
}
