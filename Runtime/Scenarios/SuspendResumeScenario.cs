using ShutdownAnalyzers.KernelCore;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Scenarios;

/// <summary>
/// Suspend to RAM and resume (drivers/base/power/main.c): Suspend in <c>dpm_suspend</c> order —
/// children before parents, consumers before suppliers by device link — the PCI core saving state
/// and entering D3hot; sleep; then Resume in the opposite order. I/O reaching a device after its
/// suspend is a bug (seed 004).
/// </summary>
internal sealed class SuspendResumeScenario : LifecycleScenario
{
    public const long SleepMs = 1000;

    public override void Run(Machine machine, KexecPolicy policy)
    {
        PowerManagement.SuspendAll(machine.Kernel, forHibernation: false);
        machine.RunFor(SleepMs);
        PowerManagement.ResumeAll(machine.Kernel);
        Liveness.Check(machine, "suspend and resume");
    }
}
