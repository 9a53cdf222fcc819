using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Agreement.Oracles;

/// <summary>
/// SHD004's twin (seed 002: "It is the level interrupts that are more concerning"): kexec shows an
/// <c>InterruptStorm</c> in the next kernel under <c>shutdown</c>, and still under
/// <c>shutdown-else-remove</c> — the driver has a Shutdown, it just leaves the interrupt enabled.
/// Asked of the machine and of the same machine with level-triggered interrupts raised by status
/// events: the rule cannot know which line a device uses, and an MSI left enabled is harmless.
/// </summary>
public sealed class InterruptLeftEnabledOracle : RuleOracle
{
    public override string RuleId => "SHD004";

    public override string Question =>
        "kexec shows `InterruptStorm` under `shutdown` and `shutdown-else-remove`, on the machine or on the same machine with level-triggered interrupts";

    public override Verdict Judge(ScenarioRuns runs) =>
        OnMachineOrTwin(runs, machine => machine.OnLevelTriggeredInterrupts, machine => KexecShowsUnderShutdownAndFallback(machine, Outcome.InterruptStorm));
}
