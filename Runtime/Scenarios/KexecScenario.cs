using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.KernelCore;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Scenarios;

/// <summary>
/// kexec, as <c>kernel_kexec</c> (kernel/kexec_core.c): <c>kexec_in_progress = true</c>, then
/// <c>kernel_restart_prepare</c> (system_state = SYSTEM_RESTART, <c>device_shutdown</c>), then the
/// jump. No firmware runs: the hardware reaches the next kernel exactly as the old one left it, and
/// the next kernel reuses the old kernel's memory.
/// </summary>
internal sealed class KexecScenario : LifecycleScenario
{
    public const string NextKernel = "next kernel";

    public override void Run(Machine machine, KexecPolicy policy)
    {
        ShutDownDevices(machine, policy);
        JumpToNextKernel(machine);
    }

    private static void ShutDownDevices(Machine machine, KexecPolicy policy)
    {
        machine.Context.KexecInProgress = true;
        machine.Kernel.EnterState(SystemState.Restart);
        DeviceShutdown.Run(machine.Kernel, policy);
    }

    /// <summary>
    /// kexec guarantees nothing about what comes after it (seed 000): a write still in a volatile
    /// cache when the old kernel jumps is one no later kernel is bound to save — the first reset of
    /// the adapter drops it. Skipping the flush is only right for a non-volatile cache.
    /// </summary>
    private static void ReportUnflushedVolatileCaches(Machine machine)
    {
        foreach (var declared in machine.Declared)
        {
            if (declared.Unit.WriteCache is { IsNonVolatile: false, Unflushed.Count: > 0 } cache)
            {
                machine.Context.Report(
                    Outcome.DataLost,
                    declared.Name,
                    machine.Kernel.Label,
                    $"{declared.Name}: {cache.Unflushed.Count} acknowledged writes were still in its volatile write cache when kexec jumped to the next kernel, which owes them nothing; flushing them in Shutdown would have cost {cache.FlushCostMs} ms",
                    location: "write cache",
                    flushCostMs: cache.FlushCostMs);
            }
        }
    }

    private static void JumpToNextKernel(Machine machine)
    {
        ReportUnflushedVolatileCaches(machine);
        machine.NoteAll("kexec: jump to the next kernel");
        machine.Memory.HandOver(machine.PrimaryMemory);
        machine.Context.KexecInProgress = false;
        Handover.BootNextKernel(machine, NextKernel, machine.PrimaryMemory);
    }
}
