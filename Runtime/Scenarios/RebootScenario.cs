using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.KernelCore;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Scenarios;

/// <summary>
/// Reboot, as <c>kernel_restart</c>: system_state = SYSTEM_RESTART (as for kexec: a driver cannot
/// tell them apart), <c>device_shutdown</c>, then firmware resets every device (seed 002: "Most
/// firmware when it regains control triggers a system reset"). A volatile cache nobody flushed
/// loses its writes to that reset.
/// </summary>
internal sealed class RebootScenario : LifecycleScenario
{
    public override void Run(Machine machine, KexecPolicy policy)
    {
        machine.Kernel.EnterState(SystemState.Restart);
        DeviceShutdown.Run(machine.Kernel);
        machine.ResetPlatform("the platform reset at reboot");
        machine.RunFor(Handover.FirmwareBootMs);
        Handover.BootNextKernel(machine, "rebooted kernel", machine.PrimaryMemory);
    }
}
