using System.Collections.Generic;
using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.Samples.Ipr.Flawed;

/// <summary>
/// ipr with its fast reboot as the kernel has it: while the system restarts (kexec, reboot) the adapter
/// is only quiesced and its write cache left unflushed, because the next kernel will take care of it
/// (SHD005). With a volatile cache the reset that follows loses acknowledged writes.
/// </summary>
public sealed class IprDriver : PciDriver
{
    private readonly bool fastReboot;

    /// <param name="fastReboot">The <c>ipr_fast_reboot</c> module parameter.</param>
    public IprDriver(bool fastReboot = true) => this.fastReboot = fastReboot;

    public override string Name => "ipr";

    public override IReadOnlyList<PciDeviceId> IdTable => IprAdapter.Ids;

    public override void Probe(PciDevice device) => IprAdapter.Start(device);

    public override void Remove(PciDevice device) => IprAdapter.Stop(device);

    public override void Shutdown(PciDevice device)
    {
        var shutdownType = IprAdapter.ShutdownType.Normal;
        if (fastReboot && device.Kernel.SystemState == SystemState.Restart)
        {
            shutdownType = IprAdapter.ShutdownType.Quiesce;
        }

        IprAdapter.ShutDown(device, shutdownType);
    }
}
