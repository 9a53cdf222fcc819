using System.Collections.Generic;
using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.Samples.Ipr.Fixed;

/// <summary>
/// ipr whose fast reboot skips the flush only when the adapter's write cache is non-volatile: seed 000's
/// "an optimization that skips flushing because the hardware write cache can be trusted is fine". A
/// volatile cache is flushed on every path; a non-volatile one saves the flush time on restart.
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
        if (fastReboot && device.Kernel.SystemState == SystemState.Restart && device.WriteCache is { IsNonVolatile: true })
        {
            shutdownType = IprAdapter.ShutdownType.Quiesce;
        }

        IprAdapter.ShutDown(device, shutdownType);
    }
}
