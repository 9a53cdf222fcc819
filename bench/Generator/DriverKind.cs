namespace ShutdownAnalyzers.Bench.Generator;

/// <summary>The kinds of driver a generated project mixes, one file each, in turn.</summary>
public enum DriverKind
{
    /// <summary>A PCI driver with Probe, Remove and a Shutdown that quiesces, through a helper class.</summary>
    Correct,

    /// <summary>Correct again, with Shutdown mapped to Remove: most real drivers are right.</summary>
    MappedToRemove,

    /// <summary>Remove but no Shutdown (SHD001, the lpfc bug).</summary>
    RemoveWithoutShutdown,

    /// <summary>Shutdown puts the device in D3hot through a helper on every path (SHD002, igb made unconditional).</summary>
    PowerOffOnRestart,

    /// <summary>Shutdown powers off only when the system powers off (SHD002's fix, igb as it is).</summary>
    GuardedPowerOff,

    /// <summary>An abstract base driver in the project with the lifecycle, and a sealed driver deriving from it.</summary>
    Hierarchy,

    /// <summary>A platform driver whose Shutdown calls its Remove.</summary>
    Platform,

    /// <summary>A driver with a private helper chain (Shutdown → Quiesce → StopEngine) and a suspend pair.</summary>
    HelperChain,

    /// <summary>Shutdown disables the device but leaves the DMA engine Probe started running (SHD003).</summary>
    DmaLeftRunning,

    /// <summary>Shutdown stops DMA but leaves the interrupt Probe requested enabled (SHD004).</summary>
    InterruptLeftEnabled,

    /// <summary>Remove never releases the regions Probe requested (SHD006).</summary>
    RemoveLeaksRegions,

    /// <summary>Remove waits for the controller to go idle with no timeout (SHD010).</summary>
    WaitsForever,
}
