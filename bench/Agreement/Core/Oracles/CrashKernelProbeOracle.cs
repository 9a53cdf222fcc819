using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Agreement.Oracles;

/// <summary>
/// SHD007's twin (seed 002: the crash kernel "must initialise the hardware as it finds it"): kexec on
/// panic runs no Shutdown, and the crash kernel's probe, meeting the device still running, storms on
/// its interrupt (<c>InterruptStorm</c>) or fails (<c>ProbeFailed</c>: running firmware refuses it, or a
/// running DMA engine will not take new memory). Asked of the machine and of the same machine with
/// level-triggered interrupts, and with DMA engines that cannot be reprogrammed while they run.
/// </summary>
public sealed class CrashKernelProbeOracle : RuleOracle
{
    private static readonly Outcome[] Failures = { Outcome.InterruptStorm, Outcome.ProbeFailed };

    public override string RuleId => "SHD007";

    public override string Question =>
        "kexec-on-panic shows `InterruptStorm` or `ProbeFailed` in the crash kernel, on the machine or on the same machine with level-triggered interrupts or with DMA engines locked while they run";

    public override Verdict Judge(ScenarioRuns runs)
    {
        var evidence = new System.Collections.Generic.List<string>();
        foreach (var machine in new[] { runs, runs.OnLevelTriggeredInterrupts, runs.OnDmaLockedWhileRunning })
        {
            var panic = machine[Scenario.KexecOnPanic];
            evidence.Add(ScenarioRuns.Describe(panic));
            if (ScenarioRuns.Showing(panic, Failures).Count > 0)
            {
                return new Verdict(true, string.Join(" || ", evidence));
            }
        }

        return new Verdict(false, string.Join(" || ", evidence));
    }
}
