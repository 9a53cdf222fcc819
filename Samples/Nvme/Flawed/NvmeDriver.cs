using System.Collections.Generic;
using System.Threading;
using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.Samples.Nvme.Flawed;

/// <summary>
/// nvme whose controller shutdown waits for CSTS.SHST with no bound: a controller that was pulled out
/// never reports its shutdown complete, and Remove (or Shutdown) never returns (SHD010).
/// </summary>
public sealed class NvmeDriver : PciDriver
{
    public override string Name => "nvme";

    public override IReadOnlyList<PciDeviceId> IdTable => NvmeCore.Ids;

    public override void Probe(PciDevice device) => NvmeCore.Start(device);

    public override void Shutdown(PciDevice device) => NvmeCore.Disable(device, Timeout.InfiniteTimeSpan);

    public override void Remove(PciDevice device)
    {
        NvmeCore.Disable(device, Timeout.InfiniteTimeSpan);
        NvmeCore.Release(device);
    }
}
