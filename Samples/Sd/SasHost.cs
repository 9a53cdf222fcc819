using System.Collections.Generic;
using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.Samples.Sd;

/// <summary>
/// The host adapter the disk sits behind: an LSI SAS3008 driven by mpt3sas, whose
/// <c>scsih_shutdown</c> quiesces the adapter. Both sd machines use it as it is; the bug is in sd.
/// </summary>
public sealed class Mpt3SasDriver : PciDriver
{
    public const ushort LsiVendorId = 0x1000;

    /// <summary>SAS3008 Fusion-MPT.</summary>
    public const ushort Sas3008DeviceId = 0x0097;

    public override string Name => "mpt3sas";

    public override IReadOnlyList<PciDeviceId> IdTable => new[] { new PciDeviceId(LsiVendorId, Sas3008DeviceId) };

    /// <summary>Brings the adapter up; once it is bound the SCSI midlayer scans it for disks.</summary>
    public override void Probe(PciDevice device)
    {
        device.EnableDevice();
        device.RequestRegions();
        device.RestartFirmware(); // mpt3sas_base_make_ioc_ready(SOFT_RESET): the IOC starts from READY, whatever it was doing
        var replyQueues = device.MapDma(pages: 2);
        device.RequestIrq(static _ => IrqReturn.Handled);
        device.SetMaster();
        device.StartDma(replyQueues);
        device.DriverData = replyQueues;
    }

    public override void Remove(PciDevice device)
    {
        Quiesce(device);
        device.UnmapDma((DmaBuffer)device.DriverData!);
        device.ReleaseRegions();
    }

    /// <summary>scsih_shutdown: the disks behind it were shut down first (children before parents).</summary>
    public override void Shutdown(PciDevice device) => Quiesce(device);

    private static void Quiesce(PciDevice device)
    {
        device.StopDma();
        device.ClearMaster();
        device.FreeIrq();
        device.DisableDevice();
    }
}
