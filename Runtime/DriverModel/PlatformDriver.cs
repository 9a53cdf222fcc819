using System.Collections.Generic;
using System.Linq;

namespace ShutdownAnalyzers.DriverModel;

/// <summary>A platform driver (<c>struct platform_driver</c>), matched by compatible string.</summary>
public abstract class PlatformDriver : Driver<PlatformDevice>
{
    /// <summary>The compatible strings this driver binds (its <c>of_match_table</c>); by default its <see cref="Driver{TDevice}.Name"/>.</summary>
    public virtual IReadOnlyList<string> CompatibleIds => new[] { Name };

    public override bool Matches(PlatformDevice device) => CompatibleIds.Contains(device.Compatible);
}
