using System;

namespace ShutdownAnalyzers.Hardware;

/// <summary>
/// The Emulex LightPulse Fibre Channel adapter that <c>drivers/scsi/lpfc</c> drives: MSI interrupts,
/// DMA rings, and firmware that takes CONFIG_PORT only after a reset. A kernel that leaves the port
/// configured makes the next kernel's probe fail with "Adapter failed to init, mbxCmd x88
/// CONFIG_PORT" (seed 000).
/// </summary>
public static class LightPulseAdapter
{
    public const ushort EmulexVendorId = 0x10df;

    /// <summary>LPe12000 (Saturn), the adapter in the seed's report.</summary>
    public const ushort SaturnDeviceId = 0xf100;

    /// <summary>Firmware fresh from a reset, waiting for CONFIG_PORT.</summary>
    public const string ResetState = "reset";

    /// <summary>The port is configured and running; CONFIG_PORT is rejected until the next reset.</summary>
    public const string PortConfiguredState = "port-configured";

    public static readonly FirmwareCommand ConfigPort = new(0x88, "CONFIG_PORT");

    /// <summary>A new adapter. <paramref name="honorsBusMasterDisable"/> false models one whose DMA ignores clear-master.</summary>
    public static PciFunction Create(ushort deviceId = SaturnDeviceId, bool honorsBusMasterDisable = true, WriteCache? writeCache = null) =>
        new(EmulexVendorId, deviceId, InterruptMode.Msi)
        {
            Firmware = new FirmwareStateMachine(
                ResetState,
                TimeSpan.FromMilliseconds(5),
                new[] { new FirmwareTransition(ConfigPort, ResetState, PortConfiguredState) }),
            HonorsBusMasterDisable = honorsBusMasterDisable,
            WriteCache = writeCache,
        };
}
