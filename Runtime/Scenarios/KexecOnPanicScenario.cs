using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Scenarios;

/// <summary>
/// kexec on panic (kdump), as <c>__crash_kexec</c>: no driver callback runs — the crashing kernel
/// cannot be trusted to shut anything down — only the crash path's interrupt shutdown. The crash
/// kernel runs in memory reserved at boot, so DMA still running into the old kernel's memory is
/// harmless; but its probes meet hardware that is still running and must reset it first (seed 002).
/// </summary>
internal sealed class KexecOnPanicScenario : LifecycleScenario
{
    public const string CrashKernel = "crash kernel";

    public override void Run(Machine machine, KexecPolicy policy)
    {
        Panic(machine);
        Handover.BootNextKernel(machine, CrashKernel, machine.CrashKernelMemory);
    }

    private static void Panic(Machine machine)
    {
        machine.NoteAll("panic: machine_crash_shutdown masks interrupts, no driver callbacks; jump to the crash kernel");
        machine.Interrupts.MaskAll();
    }
}
