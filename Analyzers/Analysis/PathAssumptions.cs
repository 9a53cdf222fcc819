using Microsoft.CodeAnalysis;

namespace ShutdownAnalyzers.Analysis;

/// <summary>
/// What the analysis takes as given on every path it walks. By default the system restarts
/// (<c>Kernel.SystemState == SystemState.Restart</c>, as during kexec and reboot); a rule may instead
/// assume another state, or none (Remove runs whatever the system does), and may assume that the
/// device has a volatile write cache.
/// </summary>
internal sealed class PathAssumptions
{
    /// <summary>kexec and reboot: every read of <c>Kernel.SystemState</c> is <c>SystemState.Restart</c>.</summary>
    public static readonly PathAssumptions Restart = new("Restart", volatileWriteCache: false);

    /// <summary>Nothing assumed: conditions on the system state leave both branches open.</summary>
    public static readonly PathAssumptions AnySystemState = new(systemState: null, volatileWriteCache: false);

    private PathAssumptions(string? systemState, bool volatileWriteCache, SyntaxNode? stateOverrideNode = null, string? stateOverride = null)
    {
        SystemState = systemState;
        VolatileWriteCache = volatileWriteCache;
        StateOverrideNode = stateOverrideNode;
        StateOverride = stateOverride;
    }

    /// <summary>The <c>SystemState</c> member every read of <c>Kernel.SystemState</c> evaluates to, or null for unknown.</summary>
    public string? SystemState { get; }

    /// <summary>
    /// The device has a write cache and it is volatile: a property marked
    /// <c>[IndicatesNonVolatileCache]</c> reads false, and a property whose type has such a member (the
    /// cache object itself, <c>device.WriteCache</c>) is not null.
    /// </summary>
    public bool VolatileWriteCache { get; }

    /// <summary>Where reads of <c>Kernel.SystemState</c> evaluate to <see cref="StateOverride"/> instead: "what if this condition saw a power-off?"</summary>
    public SyntaxNode? StateOverrideNode { get; }

    /// <summary>The <c>SystemState</c> member assumed inside <see cref="StateOverrideNode"/>.</summary>
    public string? StateOverride { get; }

    /// <summary>The same assumptions with the system in <paramref name="systemState"/> (a <c>SystemState</c> member name), or in any state for null.</summary>
    public PathAssumptions InSystemState(string? systemState) => new(systemState, VolatileWriteCache, StateOverrideNode, StateOverride);

    /// <summary>The same assumptions, and the device's write cache is volatile.</summary>
    public PathAssumptions WithVolatileWriteCache() => new(SystemState, volatileWriteCache: true, StateOverrideNode, StateOverride);

    /// <summary>The same assumptions, except that reads of the state inside <paramref name="node"/> see <paramref name="systemState"/>.</summary>
    public PathAssumptions WithSystemStateWithin(SyntaxNode node, string systemState) => new(SystemState, VolatileWriteCache, node, systemState);

    public override string ToString() =>
        (SystemState is null ? "any system state" : "SystemState." + SystemState) + (VolatileWriteCache ? ", volatile write cache" : "");
}
