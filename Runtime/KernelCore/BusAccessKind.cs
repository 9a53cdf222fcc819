namespace ShutdownAnalyzers.KernelCore;

/// <summary>What a bus-API call does to a device, as far as the kernel's checks care.</summary>
internal enum BusAccessKind
{
    /// <summary>Configures or controls the device (enable, power, bus mastering, DMA, interrupts).</summary>
    Control,

    /// <summary>Sends I/O to the device (register access, commands, cache flush): marked [PerformsIo].</summary>
    Io,
}
