using System.Collections.Generic;
using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.Samples.GicIts.Fixed;

/// <summary>
/// The ITS driver since its LPI tables are reserved for kexec (2018): the tables are
/// reserved across kexec (efi_mem_reserve_persistent), so the next kernel never hands their pages
/// out, and it finds LPIs enabled and keeps the tables it is given.
/// </summary>
public sealed class GicItsDriver : PlatformDriver
{
    public override string Name => "gic-v3-its";

    public override IReadOnlyList<string> CompatibleIds => new[] { GicItsTables.Compatible };

    public override void Probe(PlatformDevice device)
    {
        if (GicItsTables.AlreadyEnabled(device))
        {
            return;
        }

        var tables = device.MapDma(GicItsTables.TablePages);
        device.ReserveAcrossKexec(tables);
        device.StartDma(tables);
    }

    public override void Shutdown(PlatformDevice device) => GicItsTables.Disable(device);
}
