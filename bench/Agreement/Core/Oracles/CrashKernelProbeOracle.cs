using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Agreement.Oracles;

/// <summary>
/// SHD007's twin (seed 002: the crash kernel "must initialise the hardware as it finds it"): kexec on
/// panic runs no Shutdown, and the crash kernel's probe, meeting the device still running, storms on
/// its interrupt (<c>InterruptStorm</c>) or is refused by the running firmware (<c>ProbeFailed</c>).
/// Asked of the machine and of the same machine with level-triggered interrupts raised by status events.
/// </summary>
public sealed class CrashKernelProbeOracle : RuleOracle
{
    private static readonly Outcome[] Failures = { Outcome.InterruptStorm, Outcome.ProbeFailed };

    public override string RuleId => "SHD007";

    public override string Question =>
        "kexec-on-panic shows `InterruptStorm` or `ProbeFailed` in the crash kernel, on the machine or on the same machine with level-triggered interrupts";

    public override Verdict Judge(ScenarioRuns runs)
    {
        var panic = runs[Scenario.KexecOnPanic];
        if (ScenarioRuns.Showing(panic, Failures).Count > 0)
        {
            return new Verdict(true, ScenarioRuns.Describe(panic));
        }

        var level = runs.OnLevelTriggeredInterrupts[Scenario.KexecOnPanic];
        return new Verdict(ScenarioRuns.Showing(level, Failures).Count > 0, $"{ScenarioRuns.Describe(panic)} || {ScenarioRuns.Describe(level)}");
    }
}
