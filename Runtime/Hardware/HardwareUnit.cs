using System.Collections.Generic;

namespace ShutdownAnalyzers.Hardware;

/// <summary>
/// Something physical in the machine. It outlives every kernel that drives it: after kexec the next
/// kernel finds the same unit in whatever state the old kernel left it.
/// </summary>
public abstract class HardwareUnit
{
    private string? resetCause;

    /// <summary>The address the machine declares the unit at (<c>0000:01:00.0</c>, <c>0:0:0:0</c>).</summary>
    public string Name { get; internal set; } = "";

    /// <summary>False once the unit has been pulled out (surprise removal): it answers nothing any more.</summary>
    public bool IsPresent { get; internal set; } = true;

    /// <summary>The machine build that declared the unit (see <c>MachineBuilder</c>), 0 before any.</summary>
    internal int DeclaredInBuild { get; set; }

    /// <summary>A write cache in front of the media, if the unit has one.</summary>
    public WriteCache? WriteCache { get; init; }

    /// <summary>Where the unit reports what the kernel cannot see (lost writes); null outside a simulation.</summary>
    internal IHardwareEvents? Events { get; set; }

    /// <summary>The unit is reset: everything volatile in it is gone, so unflushed cached writes are lost.</summary>
    public virtual void Reset() => LoseVolatileCache(resetCause ?? "a reset");

    /// <summary>Resets the unit and names why, for the evidence of any writes the reset loses.</summary>
    internal void Reset(string cause)
    {
        resetCause = cause;
        try
        {
            Reset();
        }
        finally
        {
            resetCause = null;
        }
    }

    /// <summary>Power is removed (D3cold, power-off): as a reset, and the unit stays dark until powered on.</summary>
    internal virtual void LosePower(string cause) => Reset(cause);

    /// <summary>Power comes back (cold boot, slot power on): the unit starts from its power-on state.</summary>
    internal virtual void PowerOn()
    {
    }

    /// <summary>A reset now would lose acknowledged writes: only then is its cause ever read.</summary>
    internal bool HoldsWritesAResetWouldLose => WriteCache is { IsNonVolatile: false } cache && cache.Unflushed.Count > 0;

    /// <summary>Drops what a volatile cache holds and reports it, as any reset or power loss does.</summary>
    internal void LoseVolatileCache(string cause)
    {
        if (WriteCache is not { } cache)
        {
            return;
        }

        var flushCost = cache.FlushCostMs;
        var lost = cache.LoseVolatileContents();
        if (lost.Count > 0)
        {
            Events?.WritesLost(this, lost, flushCost, cause);
        }
    }
}

/// <summary>What hardware tells a running simulation about itself.</summary>
internal interface IHardwareEvents
{
    /// <summary>Acknowledged writes vanished from a volatile cache before reaching the media.</summary>
    void WritesLost(HardwareUnit unit, IReadOnlyList<AcknowledgedWrite> lost, long flushCostMs, string cause);
}
