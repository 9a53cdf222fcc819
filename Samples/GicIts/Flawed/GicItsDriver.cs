using System.Collections.Generic;
using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.Samples.GicIts.Flawed;

/// <summary>
/// The ITS driver before its tables were reserved: Probe allocates the LPI tables from ordinary
/// memory and enables LPIs. kexec cannot stop them, and the next kernel is handed the tables' pages
/// as free memory that the redistributors keep writing.
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
        device.StartDma(tables);
    }

    public override void Shutdown(PlatformDevice device) => GicItsTables.Disable(device);
}
