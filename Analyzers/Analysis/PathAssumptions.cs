using Microsoft.CodeAnalysis;

namespace ShutdownAnalyzers.Analysis;

/// <summary>
/// What the analysis takes as given on every path it walks. By default the system restarts
/// (<c>Kernel.SystemState == SystemState.Restart</c>, as during kexec and reboot); a rule may instead
/// assume another state, or none (Remove runs whatever the system does), and may assume that the
/// device has a volatile write cache.
/// </summary>
internal sealed class PathAssumptions : System.IEquatable<PathAssumptions>
{
    /// <summary>kexec and reboot: every read of <c>Kernel.SystemState</c> is <c>SystemState.Restart</c>.</summary>
    public static readonly PathAssumptions Restart = new("Restart", volatileWriteCache: false);

    /// <summary>Nothing assumed: conditions on the system state leave both branches open.</summary>
    public static readonly PathAssumptions AnySystemState = new(systemState: null, volatileWriteCache: false);

    private PathAssumptions(
        string? systemState,
        bool volatileWriteCache,
        SyntaxNode? stateOverrideNode = null,
        string? stateOverride = null,
        bool driverStateSet = false,
        bool hardwareRunning = false)
    {
        SystemState = systemState;
        VolatileWriteCache = volatileWriteCache;
        StateOverrideNode = stateOverrideNode;
        StateOverride = stateOverride;
        DriverStateSet = driverStateSet;
        HardwareRunning = hardwareRunning;
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

    /// <summary>
    /// Probe completed before this code runs, so the state it set up is there: a reference the walk knows
    /// nothing about is not null (<c>x == null</c>, <c>x is null</c> and <c>x?.</c> take the non-null
    /// branch), and a type test of an <c>object</c> (<c>device.DriverData is State s</c>) succeeds. The
    /// question of Remove, whose defensive "no state, nothing to undo" exits are not paths an unbind takes
    /// after a successful probe.
    /// </summary>
    public bool DriverStateSet { get; }

    /// <summary>
    /// A crash kernel's probe (kexec on panic): the hardware is still running as the old kernel left it,
    /// so a property marked <c>[IndicatesRunning]</c> (<c>IsBusMaster</c>, a DMA engine's <c>Running</c>)
    /// reads true.
    /// </summary>
    public bool HardwareRunning { get; }

    /// <summary>The same assumptions with the system in <paramref name="systemState"/> (a <c>SystemState</c> member name), or in any state for null.</summary>
    public PathAssumptions InSystemState(string? systemState) =>
        new(systemState, VolatileWriteCache, StateOverrideNode, StateOverride, DriverStateSet, HardwareRunning);

    /// <summary>
    /// The same assumptions with nothing said about the system state, overrides included: walks that never
    /// read the state come out the same under every assumptions this stands for.
    /// </summary>
    public PathAssumptions WithoutSystemState() =>
        new(systemState: null, VolatileWriteCache, stateOverrideNode: null, stateOverride: null, DriverStateSet, HardwareRunning);

    /// <summary>The same assumptions, and the device's write cache is volatile.</summary>
    public PathAssumptions WithVolatileWriteCache() =>
        new(SystemState, volatileWriteCache: true, StateOverrideNode, StateOverride, DriverStateSet, HardwareRunning);

    /// <summary>The same assumptions, except that reads of the state inside <paramref name="node"/> see <paramref name="systemState"/>.</summary>
    public PathAssumptions WithSystemStateWithin(SyntaxNode node, string systemState) =>
        new(SystemState, VolatileWriteCache, node, systemState, DriverStateSet, HardwareRunning);

    /// <summary>The same assumptions, and Probe completed: its state is there (<see cref="DriverStateSet"/>).</summary>
    public PathAssumptions WithDriverStateSet() =>
        new(SystemState, VolatileWriteCache, StateOverrideNode, StateOverride, driverStateSet: true, HardwareRunning);

    /// <summary>The same assumptions, and the hardware is still running (<see cref="HardwareRunning"/>).</summary>
    public PathAssumptions WithHardwareRunning() =>
        new(SystemState, VolatileWriteCache, StateOverrideNode, StateOverride, DriverStateSet, hardwareRunning: true);

    /// <summary>Equal assumptions ask the same questions: the rules of a compilation share one analysis for them.</summary>
    public bool Equals(PathAssumptions? other) =>
        other is not null &&
        SystemState == other.SystemState &&
        VolatileWriteCache == other.VolatileWriteCache &&
        ReferenceEquals(StateOverrideNode, other.StateOverrideNode) &&
        StateOverride == other.StateOverride &&
        DriverStateSet == other.DriverStateSet &&
        HardwareRunning == other.HardwareRunning;

    public override bool Equals(object? obj) => Equals(obj as PathAssumptions);

    public override int GetHashCode()
    {
        var hash = SystemState?.GetHashCode() ?? 0;
        hash = (hash * 31) + (StateOverrideNode?.GetHashCode() ?? 0);
        hash = (hash * 31) + (StateOverride?.GetHashCode() ?? 0);
        return (hash * 8) + (VolatileWriteCache ? 4 : 0) + (DriverStateSet ? 2 : 0) + (HardwareRunning ? 1 : 0);
    }

    public override string ToString() =>
        (SystemState is null ? "any system state" : "SystemState." + SystemState) + (VolatileWriteCache ? ", volatile write cache" : "") +
        (DriverStateSet ? ", driver state set" : "") + (HardwareRunning ? ", hardware running" : "");
}
