using System.Collections.Generic;
using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.Samples.Nvme.Fixed;

/// <summary>
/// nvme as the kernel has it: the wait for CSTS.SHST is bounded by <c>shutdown_timeout</c>, so a
/// controller that is gone costs Remove five seconds, and the removal completes.
/// </summary>
public sealed class NvmeDriver : PciDriver
{
    public override string Name => "nvme";

    public override IReadOnlyList<PciDeviceId> IdTable => NvmeCore.Ids;

    public override void Probe(PciDevice device) => NvmeCore.Start(device);

    public override void Shutdown(PciDevice device) => NvmeCore.Disable(device, NvmeCore.ShutdownTimeout);

    public override void Remove(PciDevice device)
    {
        NvmeCore.Disable(device, NvmeCore.ShutdownTimeout);
        NvmeCore.Release(device);
    }
}
