using System.Collections.Generic;
using System.Linq;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runner.Simulation;

/// <summary>
/// The scenarios and policies asked for on the command line (a name each, or <c>all</c>) and the runs
/// they make. Only kexec depends on the policy; every other scenario runs once per machine, under
/// the first policy selected, however many policies are.
/// </summary>
internal sealed class RunSelection
{
    public const string All = "all";

    private RunSelection(IReadOnlyList<Scenario> scenarios, IReadOnlyList<KexecPolicy> policies)
    {
        Scenarios = scenarios;
        Policies = policies;
    }

    public IReadOnlyList<Scenario> Scenarios { get; }

    public IReadOnlyList<KexecPolicy> Policies { get; }

    public static RunSelection Parse(string scenario, string policy) =>
        new(ParseScenarios(scenario), ParsePolicies(policy));

    /// <summary>Machine by machine, scenario by scenario in catalog order, policy by policy.</summary>
    public IReadOnlyList<SimulationRun> RunsFor(IReadOnlyList<MachineModel> machines, int seed)
    {
        var runs = new List<SimulationRun>();
        foreach (var machine in machines)
        {
            foreach (var scenario in Scenarios)
            {
                var policies = ScenarioNames.UsesPolicy(scenario) ? Policies : Policies.Take(1);
                runs.AddRange(policies.Select(policy => new SimulationRun(machine, scenario, policy, seed)));
            }
        }

        return runs;
    }

    private static IReadOnlyList<Scenario> ParseScenarios(string name)
    {
        if (IsAll(name))
        {
            return ScenarioNames.AllScenarios;
        }

        return ScenarioNames.TryParseScenario(name, out var scenario)
            ? new[] { scenario }
            : throw new BadInputException($"unknown scenario '{name}'; expected one of: {Choices(ScenarioNames.AllScenarios.Select(ScenarioNames.Format))}");
    }

    private static IReadOnlyList<KexecPolicy> ParsePolicies(string name)
    {
        if (IsAll(name))
        {
            return ScenarioNames.AllPolicies;
        }

        return ScenarioNames.TryParsePolicy(name, out var policy)
            ? new[] { policy }
            : throw new BadInputException($"unknown policy '{name}'; expected one of: {Choices(ScenarioNames.AllPolicies.Select(ScenarioNames.Format))}");
    }

    private static bool IsAll(string name) => string.Equals(name.Trim(), All, System.StringComparison.OrdinalIgnoreCase);

    private static string Choices(IEnumerable<string> names) => $"{string.Join(", ", names)}, {All}";
}
