using System;
using System.Collections.Generic;
using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.Samples.Zpci;

/// <summary>
/// What both forms of the zPCI NIC driver share: the function they bind, how they bring it up and
/// down, and the steps of error recovery around the slot reset (arch/s390/pci/pci_event.c calls
/// error_detected, resets the function with zpci_hot_reset_device, then slot_reset and resume).
/// </summary>
public static class ZpciFunction
{
    public const ushort MellanoxVendorId = 0x15b3;

    /// <summary>ConnectX-5 virtual function, the kind of function an s390 LPAR gets through zPCI.</summary>
    public const ushort ConnectX5VfDeviceId = 0x1018;

    public static readonly IReadOnlyList<PciDeviceId> Ids = new[] { new PciDeviceId(MellanoxVendorId, ConnectX5VfDeviceId) };

    /// <summary>The function's send and receive rings, mapped for DMA in probe.</summary>
    public sealed class State
    {
        public State(DmaBuffer rings) => Rings = rings;

        public DmaBuffer Rings { get; }
    }

    /// <summary>Resets the function first (it may still run from a kernel before this one), then enables, maps and starts it.</summary>
    public static void Start(PciDevice device)
    {
        device.FunctionReset();
        device.EnableDevice();
        device.RequestRegions();
        var rings = device.MapDma(pages: 2);
        device.RequestIrq(static _ => IrqReturn.Handled);
        device.SetMaster();
        device.StartDma(rings);
        device.DriverData = new State(rings);
    }

    /// <summary>error_detected: stop the rings and ask for a reset, unless the function is gone for good.</summary>
    public static PciErsResult StopIo(PciDevice device, PciChannelState state)
    {
        if (state == PciChannelState.PermanentFailure)
        {
            return PciErsResult.Disconnect;
        }

        device.StopDma();
        return PciErsResult.NeedReset;
    }

    /// <summary>slot_reset's work once the driver has decided the function is still its own: enable it and restart the rings.</summary>
    public static void Restart(PciDevice device)
    {
        var state = (State)device.DriverData!;
        device.EnableDevice();
        device.SetMaster();
        device.StartDma(state.Rings);
    }

    /// <summary>Takes the function down in the reverse order of <see cref="Start"/>.</summary>
    public static void Stop(PciDevice device)
    {
        var state = (State)(device.DriverData ?? throw new InvalidOperationException($"{device.Name}: not started."));
        device.StopDma();
        device.ClearMaster();
        device.FreeIrq();
        device.UnmapDma(state.Rings);
        device.ReleaseRegions();
        device.DisableDevice();
    }
}
