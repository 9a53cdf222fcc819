namespace ShutdownAnalyzers.Simulation;

/// <summary>
/// Why a device got an outcome: which device, which page or register, which callback, at what
/// simulated time and in which kernel, and a readable one-line <see cref="Text"/>.
/// </summary>
public sealed record Evidence
{
    public required Outcome Outcome { get; init; }

    /// <summary>The device the evidence is about.</summary>
    public required string Device { get; init; }

    /// <summary>The one-line explanation shown in reports.</summary>
    public required string Text { get; init; }

    /// <summary>Simulated time, in milliseconds since the machine was powered on.</summary>
    public long AtMs { get; init; }

    /// <summary>The kernel the evidence was seen in ("old kernel", "next kernel", "crash kernel").</summary>
    public string Kernel { get; init; } = "";

    /// <summary>The callback involved (Shutdown, Probe, interrupt handler, …), if any.</summary>
    public string? Callback { get; init; }

    /// <summary>The driver whose code was involved, if any.</summary>
    public string? Driver { get; init; }

    /// <summary>The page, register, interrupt line or command involved ("page 37", "irq 20", "mbxCmd x88 CONFIG_PORT").</summary>
    public string? Location { get; init; }

    /// <summary>Simulated milliseconds a write-cache flush cost, or would have cost, where a cache is involved.</summary>
    public long? FlushCostMs { get; init; }

    /// <summary>True when <see cref="FlushCostMs"/> was saved rather than spent (a non-volatile cache left unflushed).</summary>
    public bool FlushSkipped { get; init; }

    public override string ToString() => Text;
}
