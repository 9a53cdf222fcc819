using System.Collections.Generic;
using System.Linq;

namespace ShutdownAnalyzers.Agreement.Oracles;

/// <summary>Every rule's oracle, one line per rule. A rule without one is listed in the benchmark as not measured.</summary>
public static class RuleOracles
{
    public static readonly IReadOnlyList<RuleOracle> All = new RuleOracle[]
    {
        new RemoveWithoutShutdownOracle(),
        new PowerOffOnRestartOracle(),
    };

    public static RuleOracle? For(string ruleId) => All.FirstOrDefault(oracle => oracle.RuleId == ruleId);
}
