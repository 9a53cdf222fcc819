using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.KernelCore;

/// <summary>
/// Delivering a device's interrupt on one clock tick (<c>handle_irq</c>). A signal arrives only if
/// the line is enabled at the controller; the handler registered in the running kernel services it.
/// A level interrupt nobody services stays asserted and the CPU re-enters the interrupt at once: an
/// interrupt storm, until the spurious-interrupt detector (<c>note_interrupt</c> in
/// kernel/irq/spurious.c) disables the line. An unhandled MSI is a single spurious message.
/// </summary>
internal static class InterruptDelivery
{
    /// <summary>Delivers the interrupt if it signals and the line is enabled; false when there was nothing to deliver.</summary>
    public static bool Tick(KernelContext context, Kernel kernel, DeviceHardware hardware)
    {
        var line = hardware.Interrupt;
        if (!line.Signalling || !context.Interrupts.IsEnabled(line.Irq))
        {
            return false;
        }

        var owner = kernel.IrqOwner(line.Irq);
        if (owner is { IrqHandler: { } handler, IrqDisabled: false })
        {
            if (context.InvokeHandler(owner.InterruptHandlerFrame, handler) == IrqReturn.Handled)
            {
                line.Service();
                return true;
            }
        }

        if (!line.IsLevelTriggered)
        {
            line.Service();
            context.Observer?.Note(hardware.Name, $"spurious MSI on vector {line.Irq}: nobody handles it, it is dropped");
            return true;
        }

        var why = owner is null ? "no handler is registered for it" : "its handler did not service it";
        context.Report(
            Outcome.InterruptStorm,
            hardware.Name,
            kernel.Label,
            $"irq {line.Irq} (level-triggered, {hardware.Name}) is asserted and enabled at the interrupt controller, but {why}: the CPU keeps re-entering the interrupt until the line is disabled as spurious",
            location: $"irq {line.Irq}");
        context.Interrupts.Mask(line.Irq);
        return true;
    }

    /// <summary>
    /// A device raising its periodic status interrupt, if it has one, is active and its firmware is in
    /// the state that raises it. False when it raised nothing.
    /// </summary>
    public static bool RaisePeriodic(KernelContext context, DeviceHardware hardware)
    {
        if (hardware.RaisesPeriodicInterrupt && context.Clock.NowMs % hardware.InterruptEveryMs == 0)
        {
            hardware.Interrupt.Raise(hardware.CanMasterBus);
            return true;
        }

        return false;
    }

    /// <summary>The first tick after <paramref name="nowMs"/> on which <paramref name="hardware"/>'s periodic interrupt falls due.</summary>
    public static long NextPeriodicMs(long nowMs, DeviceHardware hardware) =>
        ((nowMs / hardware.InterruptEveryMs) + 1) * hardware.InterruptEveryMs;
}
