using System;
using System.Collections.Generic;
using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Hardware;

namespace ShutdownAnalyzers.Runner.Tests.Models;

/// <summary>
/// An lpfc-like adapter: its firmware takes CONFIG_PORT only after a reset, so a kernel that hands
/// it over configured makes the next kernel's probe fail.
/// </summary>
public static class Adapter
{
    public const ushort FirstDeviceId = 0xf100;

    public const ushort SecondDeviceId = 0xf180;

    public static IReadOnlyList<PciDeviceId> Ids(ushort deviceId) => new[] { new PciDeviceId(LightPulseAdapter.EmulexVendorId, deviceId) };

    public static void Start(PciDevice device)
    {
        device.EnableDevice();
        device.RequestRegions();
        var status = device.IssueMailboxCommand(LightPulseAdapter.ConfigPort, TimeSpan.FromSeconds(1));
        if (status != MailboxStatus.Success)
        {
            device.ReleaseRegions();
            device.DisableDevice();
            throw new InvalidOperationException($"adapter failed to init, {LightPulseAdapter.ConfigPort}, mbxStatus {status}");
        }

        var rings = device.MapDma(pages: 2);
        device.RequestIrq(static _ => IrqReturn.Handled);
        device.SetMaster();
        device.StartDma(rings);
        device.DriverData = rings;
    }

    public static void Stop(PciDevice device)
    {
        var rings = (DmaBuffer)device.DriverData!;
        device.StopDma();
        device.ClearMaster();
        device.FreeIrq();
        device.UnmapDma(rings);
        device.RestartFirmware();
        device.ReleaseRegions();
        device.DisableDevice();
    }
}

/// <summary>Stops the adapter in Remove and in Shutdown: healthy after kexec.</summary>
public sealed class CarefulDriver : PciDriver
{
    public override string Name => "careful";

    public override IReadOnlyList<PciDeviceId> IdTable => Adapter.Ids(Adapter.FirstDeviceId);

    public override void Probe(PciDevice device) => Adapter.Start(device);

    public override void Remove(PciDevice device) => Adapter.Stop(device);

    public override void Shutdown(PciDevice device) => Adapter.Stop(device);
}

/// <summary>Stops the adapter in Remove only: kexec (policy shutdown) hands it over configured.</summary>
public sealed class CarelessDriver : PciDriver
{
    public override string Name => "careless";

    public override IReadOnlyList<PciDeviceId> IdTable => Adapter.Ids(Adapter.SecondDeviceId);

    public override void Probe(PciDevice device) => Adapter.Start(device);

    public override void Remove(PciDevice device) => Adapter.Stop(device);
}
