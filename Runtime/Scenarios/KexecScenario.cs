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

    private static void JumpToNextKernel(Machine machine)
    {
        machine.NoteAll("kexec: jump to the next kernel");
        machine.Memory.HandOver(machine.PrimaryMemory);
        machine.Context.KexecInProgress = false;
        Handover.BootNextKernel(machine, NextKernel, machine.PrimaryMemory);
    }
}
