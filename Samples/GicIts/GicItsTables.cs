using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.Samples.GicIts;

/// <summary>What both forms of the ITS driver share: the tables the redistributors write, and how the ITS is idled.</summary>
public static class GicItsTables
{
    public const string Compatible = "arm,gic-v3-its";

    /// <summary>LPI pending and property tables (its_allocate_pending_table, its_setup_lpi_prop_table).</summary>
    public const int TablePages = 2;

    /// <summary>
    /// LPIs were enabled by the previous kernel (its_cpu_init_lpis: "LPIs already enabled"). Once
    /// enabled they cannot be disabled, and the tables cannot be moved: the ITS keeps the ones it has.
    /// </summary>
    public static bool AlreadyEnabled(PlatformDevice device) => device.Hardware.Dma.Running;

    /// <summary>
    /// its_save_disable as far as it goes: the ITS stops taking commands, but the redistributors keep
    /// writing the pending tables whatever the driver does.
    /// </summary>
    public static void Disable(PlatformDevice device) => device.StopDma();
}
