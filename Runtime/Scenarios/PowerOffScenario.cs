using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.KernelCore;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Scenarios;

/// <summary>
/// Power-off, as <c>kernel_power_off</c>: system_state = SYSTEM_POWER_OFF, <c>device_shutdown</c>,
/// power removed. Powering off in Shutdown is right here. The next boot is a cold one: every unit
/// powers up from scratch, so what Shutdown left powered off is found again.
/// </summary>
internal sealed class PowerOffScenario : LifecycleScenario
{
    /// <summary>How long the machine stays off.</summary>
    public const long OffMs = 1000;

    public override void Run(Machine machine, KexecPolicy policy)
    {
        machine.Kernel.EnterState(SystemState.PowerOff);
        DeviceShutdown.Run(machine.Kernel);
        machine.PowerOffAll("power-off");
        machine.Memory.ClearAll();
        machine.RunFor(OffMs);
        machine.PowerOnAll();
        machine.RunFor(Handover.FirmwareBootMs);
        Handover.BootNextKernel(machine, "kernel after power-on", machine.PrimaryMemory);
    }
}
