using System.Collections.Generic;
using System.Linq;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Agreement.Oracles;

/// <summary>Every rule's oracle, one line per rule. A rule without one is listed in the benchmark as not measured.</summary>
public static class RuleOracles
{
    public static readonly IReadOnlyList<RuleOracle> All = new RuleOracle[]
    {
        new RemoveWithoutShutdownOracle(),
        new PowerOffOnRestartOracle(),
        new SkippedFlushOnRestartOracle(),
        new TwinOutcomeOracle("SHD010", Scenario.HotUnplug, KexecPolicy.Shutdown, Outcome.Hang),
        new TwinOutcomeOracle("SHD008", Scenario.ErrorRecovery, KexecPolicy.Shutdown, Outcome.RemovedDuringRecovery),
        new TwinOutcomeOracle("SHD009", Scenario.SuspendResume, KexecPolicy.Shutdown, Outcome.IoAfterSuspend),
    };

    public static RuleOracle? For(string ruleId) => All.FirstOrDefault(oracle => oracle.RuleId == ruleId);
}
