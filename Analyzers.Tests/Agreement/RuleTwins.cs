using System.Collections.Generic;
using System.Linq;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Tests.Agreement;

/// <summary>Every rule's run-time twin. A rule without a row here fails <see cref="AgreementTests"/>.</summary>
public static class RuleTwins
{
    public static readonly IReadOnlyList<RuleTwin> All = new[]
    {
        new RuleTwin("SHD001", Sample: "Lpfc", Flawed: "lpfc-flawed", Fixed: "lpfc-fixed", Scenario.Kexec, KexecPolicy.Shutdown, Outcome.ProbeFailed),
        new RuleTwin("SHD002", Sample: "Igb", Flawed: "igb-flawed", Fixed: "igb-fixed", Scenario.Kexec, KexecPolicy.Shutdown, Outcome.Unreachable),
        new RuleTwin("SHD003", Sample: "Mlx5", Flawed: "mlx5-flawed", Fixed: "mlx5-fixed", Scenario.Kexec, KexecPolicy.Shutdown, Outcome.DmaCorruption),
        new RuleTwin("SHD004", Sample: "Pciehp", Flawed: "pciehp-flawed", Fixed: "pciehp-fixed", Scenario.Kexec, KexecPolicy.Shutdown, Outcome.InterruptStorm),
        new RuleTwin("SHD005", Sample: "Ipr", Flawed: "ipr-flawed", Fixed: "ipr-fixed", Scenario.Reboot, KexecPolicy.Shutdown, Outcome.DataLost),
        new RuleTwin("SHD006", Sample: "NvmeRebind", Flawed: "nvme-rebind-flawed", Fixed: "nvme-rebind-fixed", Scenario.UnbindRebind, KexecPolicy.Shutdown, Outcome.ResourceLeak),
        new RuleTwin("SHD007", Sample: "IprKdump", Flawed: "ipr-kdump-flawed", Fixed: "ipr-kdump-fixed", Scenario.KexecOnPanic, KexecPolicy.Shutdown, Outcome.InterruptStorm),
        new RuleTwin("SHD008", Sample: "Zpci", Flawed: "zpci-flawed", Fixed: "zpci-fixed", Scenario.ErrorRecovery, KexecPolicy.Shutdown, Outcome.RemovedDuringRecovery),
        new RuleTwin("SHD009", Sample: "Storvsc", Flawed: "storvsc-flawed", Fixed: "storvsc-fixed", Scenario.SuspendResume, KexecPolicy.Shutdown, Outcome.IoAfterSuspend),
        new RuleTwin("SHD010", Sample: "Nvme", Flawed: "nvme-flawed", Fixed: "nvme-fixed", Scenario.HotUnplug, KexecPolicy.Shutdown, Outcome.Hang),
    };

    /// <summary>For <c>[MemberData]</c>: one case per twin, named by its rule.</summary>
    public static IEnumerable<object[]> Ids => All.Select(twin => new object[] { twin.RuleId });

    public static RuleTwin Get(string ruleId) => All.Single(twin => twin.RuleId == ruleId);
}
