namespace ShutdownAnalyzers;

/// <summary>Every diagnostic ID the package reports, and where its documentation lives.</summary>
internal static class RuleIdentifiers
{
    private const string DocsBase = "https://github.com/shutdownanalyzers/ShutdownAnalyzers/blob/main/docs/rules/";

    /// <summary>A non-abstract driver overrides Remove but keeps the API's empty Shutdown.</summary>
    public const string RemoveWithoutShutdown = "SHD001";

    /// <summary>SHD002: Shutdown, or what it calls, powers the hardware off while the system restarts.</summary>
    public const string ShutdownPowersOffOnRestart = "SHD002";

    /// <summary>SHD003: Probe starts DMA, and what kexec runs of the driver stops none of it.</summary>
    public const string DmaNotStoppedOnRestart = "SHD003";

    /// <summary>SHD004: Probe requests an interrupt, and what kexec runs of the driver neither frees, disables nor masks it.</summary>
    public const string InterruptLeftEnabledOnRestart = "SHD004";

    /// <summary>SHD005: Shutdown flushes the write cache on power-off but may skip it while the system restarts.</summary>
    public const string ShutdownSkipsCacheFlushOnRestart = "SHD005";

    /// <summary>SHD006: a resource Probe acquires is not released on some path through Remove.</summary>
    public const string RemoveLeaksProbeResource = "SHD006";

    /// <summary>SHD007: Probe requests an interrupt or enables DMA before any reset or quiesce of the device.</summary>
    public const string ProbeStartsDeviceBeforeReset = "SHD007";

    /// <summary>SHD008: error recovery tests the bound driver (or its data) instead of IsAdded.</summary>
    public const string RecoveryTestsBoundDriver = "SHD008";

    /// <summary>SHD009: Suspend, Shutdown or Remove sends I/O to another device that is not linked to the driver's device.</summary>
    public const string UsesUnlinkedDevice = "SHD009";

    /// <summary>SHD010: Shutdown or Remove, or what they call, waits on the hardware with no timeout.</summary>
    public const string WaitsOnHardwareWithoutTimeout = "SHD010";

    /// <summary>
    /// SHDCFG001: the MSBuild property <c>ShutdownAnalysisMode</c> is not recommended, strict or none; an
    /// MSBuild error of <c>Package/build/ShutdownAnalyzers.targets</c>, not an analyzer's.
    /// </summary>
    public const string UnknownAnalysisMode = "SHDCFG001";

    /// <summary>SHDCFG002: <c>shutdown_analyzers.kexec_policy</c> in .editorconfig names no kexec policy.</summary>
    public const string UnknownKexecPolicy = "SHDCFG002";

    /// <summary>The help link of the configuration diagnostics (SHDCFG): the README's Configuration section.</summary>
    public const string ConfigurationHelpUri = "https://github.com/shutdownanalyzers/ShutdownAnalyzers/blob/main/README.md#configuration";

    /// <summary>The help link of a rule: its page under <c>docs/rules/</c>.</summary>
    public static string GetHelpUri(string id) => DocsBase + id + ".md";
}
