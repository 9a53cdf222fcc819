using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.KernelCore;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Scenarios;

/// <summary>
/// Hibernation: freeze every device (Suspend, children first), write the image, power off; then
/// power on, load the image back and resume the same kernel. The image is restored into memory the
/// boot kernel used meanwhile, so a ring a device was given before hibernation is stale: drivers
/// must re-create rings in guest memory, not restart them (seed 004, storvsc).
/// </summary>
internal sealed class HibernateScenario : LifecycleScenario
{
    public const long ImageWriteMs = 200;

    public const long ImageLoadMs = 300;

    public override void Run(Machine machine, KexecPolicy policy)
    {
        Freeze(machine);
        PowerOffWithImage(machine);
        RestoreImage(machine);
        PowerManagement.ResumeAll(machine.Kernel);
        Liveness.Check(machine, "hibernation");
    }

    private static void Freeze(Machine machine)
    {
        PowerManagement.SuspendAll(machine.Kernel, forHibernation: true);
        machine.RunFor(ImageWriteMs);
    }

    private static void PowerOffWithImage(Machine machine)
    {
        machine.PowerOffAll("power-off after the hibernation image was written");
        machine.RunFor(PowerOffScenario.OffMs);
        machine.PowerOnAll();
        machine.RunFor(Handover.FirmwareBootMs);
    }

    private static void RestoreImage(Machine machine)
    {
        machine.NoteAll("the boot kernel loads the hibernation image and jumps back into it");
        machine.RunFor(ImageLoadMs);
        machine.Memory.RestoreImage();
        ReenableRequestedInterrupts(machine.Kernel);
    }

    /// <summary>The restored kernel re-initialises its interrupt controller for the handlers it has.</summary>
    private static void ReenableRequestedInterrupts(Kernel kernel)
    {
        foreach (var device in kernel.Devices)
        {
            if (device is MemoryMappedDevice { IrqHandler: not null, IrqDisabled: false } mapped)
            {
                kernel.Context.Interrupts.Enable(mapped.Hardware.Interrupt.Irq);
            }
        }
    }
}
