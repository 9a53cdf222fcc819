using System.Linq;
using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.KernelCore;

/// <summary>How an error recovery ended.</summary>
internal enum RecoveryResult
{
    Recovered,

    /// <summary>The driver voted to disconnect, or could not recover: the device stays offline.</summary>
    Disconnected,

    /// <summary>The device was unbound, reset and probed again, and the probe failed.</summary>
    RebindFailed,

    /// <summary>The device was removed during or before the recovery.</summary>
    Removed,
}

/// <summary>
/// Recovering a PCI function whose link froze. With a driver that has error handlers, as
/// <c>pcie_do_recovery</c> (drivers/pci/pcie/err.c) and <c>zpci_event_attempt_error_recovery</c>
/// (arch/s390/pci/pci_event.c): error_detected, reset, slot_reset, resume, on the same device. Without
/// handlers, as seed 001 proposes: unbind, save state, reset, restore state, rebind. Recovery starts
/// only on a device still added (<c>pci_dev_is_added</c>, seed 001); a removal racing with it takes
/// the device off the bus after the driver was told of the error, and waits for the device lock
/// recovery holds: the handlers still run, and must check <see cref="Device.IsAdded"/> themselves.
/// </summary>
internal static class ErrorRecovery
{
    /// <summary>The link to the function froze: reads return all ones, DMA stops.</summary>
    public static void Freeze(PciDevice device)
    {
        device.Function.IsFrozen = true;
        device.Kernel.Context.Observer?.Note(device, "link frozen by an error");
    }

    public static RecoveryResult Recover(Kernel kernel, PciDevice device, bool concurrentRemoval)
    {
        if (!device.IsAdded)
        {
            return RecoveryResult.Removed;
        }

        device.InErrorRecovery = true;
        try
        {
            return device.Binding is PciDriver driver && driver.HasErrorHandlers
                ? RecoverThroughHandlers(device, driver, concurrentRemoval)
                : RecoverByRebinding(kernel, device, concurrentRemoval);
        }
        finally
        {
            device.InErrorRecovery = false;
            if (concurrentRemoval)
            {
                // The removal got the device lock at last: its driver's Remove runs now.
                kernel.FinishRemoval(device);
            }
        }
    }

    private static RecoveryResult RecoverThroughHandlers(PciDevice device, PciDriver driver, bool concurrentRemoval)
    {
        var vote = CallHandler(device, driver, "ErrorDetected", () => driver.ErrorDetected(device, PciChannelState.Frozen));
        if (concurrentRemoval)
        {
            TakeOffTheBus(device);
        }

        if (vote == PciErsResult.CanRecover)
        {
            device.Function.IsFrozen = false;
            vote = PciErsResult.Recovered;
        }
        else if (vote == PciErsResult.NeedReset)
        {
            ResetSlot(device);
            vote = CallHandler(device, driver, "SlotReset", () => driver.SlotReset(device));
        }

        if (vote is not (PciErsResult.Recovered or PciErsResult.CanRecover))
        {
            return device.IsAdded ? RecoveryResult.Disconnected : RecoveryResult.Removed;
        }

        CallHandler(device, driver, "ResumeAfterError", () =>
        {
            driver.ResumeAfterError(device);
            return PciErsResult.Recovered;
        });
        return device.IsAdded ? RecoveryResult.Recovered : RecoveryResult.Removed;
    }

    private static RecoveryResult RecoverByRebinding(Kernel kernel, PciDevice device, bool concurrentRemoval)
    {
        var driverName = device.Binding?.Name;
        kernel.Unbind(device);
        if (driverName is not null)
        {
            LeakCheck.AfterRemove(kernel, device, driverName);
        }

        if (concurrentRemoval)
        {
            TakeOffTheBus(device);
        }

        device.Function.SaveCommand();
        ResetSlot(device);
        device.Function.RestoreCommand();
        if (!device.IsAdded)
        {
            return RecoveryResult.Removed;
        }

        return driverName is null || kernel.Attach(device) ? RecoveryResult.Recovered : RecoveryResult.RebindFailed;
    }

    private static PciErsResult CallHandler(PciDevice device, PciDriver driver, string handler, System.Func<PciErsResult> call)
    {
        var vote = PciErsResult.Disconnect;
        var frame = new CallbackFrame(device, driver, handler, IsErrorHandler: true);
        device.Kernel.Context.Invoke(frame, () => vote = call());
        return vote;
    }

    /// <summary>The platform resets the function and thaws its link (<c>zpci_hot_reset_device</c>).</summary>
    private static void ResetSlot(PciDevice device)
    {
        if (device.Function.IsPresent)
        {
            device.Function.Reset("the slot reset of error recovery");
        }

        device.Kernel.Context.Observer?.Note(device, "slot reset by error recovery");
        device.Kernel.Context.Clock.Advance(PciDevice.ResetRecoveryMs);
    }

    /// <summary>The first half of a concurrent removal: the device and its children are no longer added.</summary>
    private static void TakeOffTheBus(Device device)
    {
        foreach (var child in device.Kernel.Devices.Where(d => d.IsDescendantOf(device)))
        {
            child.IsAdded = false;
        }

        device.Kernel.Context.Observer?.Note(device, "a concurrent removal took it off the bus; the removal waits for the device lock");
    }
}
