using System;
using System.Collections.Generic;
using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.Samples.Storvsc;

/// <summary>
/// What both forms of storvsc share: the storage channel's rings live in guest memory, and the host
/// learns where through a VMBus message. Closing the channel frees the rings; opening it maps new ones.
/// After hibernation the restored kernel's pages are not the ones the boot kernel handed to the host,
/// so the rings are re-created on resume rather than restarted (seed 004).
/// </summary>
public static class StorvscChannel
{
    public const string Compatible = "microsoft,storvsc";

    public static readonly IReadOnlyList<string> Ids = new[] { Compatible };

    /// <summary>The channel's rings, re-created each time the channel opens.</summary>
    public sealed class State
    {
        public DmaBuffer? Rings { get; set; }
    }

    /// <summary>Probe's part: the controller is quiet before anything is set up, then its channel opens.</summary>
    public static void Start(PlatformDevice device, PlatformDevice vmbus)
    {
        device.StopDma();
        device.MaskInterrupts();
        device.DriverData = new State();
        device.RequestIrq(static _ => IrqReturn.Handled);
        device.UnmaskInterrupts();
        Open(device, vmbus);
    }

    /// <summary>vmbus_open: map new rings, tell the host where they are, start the controller on them.</summary>
    public static void Open(PlatformDevice device, PlatformDevice vmbus)
    {
        var state = StateOf(device);
        state.Rings = device.MapDma(pages: 2);
        vmbus.WriteRegister(Vmbus.MessagePort, Vmbus.OpenChannel);
        device.StartDma(state.Rings);
    }

    /// <summary>vmbus_close: stop the controller, tell the host the channel is closed, free the rings.</summary>
    public static void Close(PlatformDevice device, PlatformDevice vmbus)
    {
        var state = StateOf(device);
        device.StopDma();
        vmbus.WriteRegister(Vmbus.MessagePort, Vmbus.CloseChannel);
        if (state.Rings is { } rings)
        {
            device.UnmapDma(rings);
            state.Rings = null;
        }
    }

    /// <summary>Remove's part: the channel closes and the interrupt goes.</summary>
    public static void Stop(PlatformDevice device, PlatformDevice vmbus)
    {
        Close(device, vmbus);
        device.FreeIrq();
    }

    private static State StateOf(PlatformDevice device) =>
        device.DriverData as State ?? throw new InvalidOperationException($"{device.Name}: the channel was never set up.");
}
