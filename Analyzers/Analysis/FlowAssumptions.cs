namespace ShutdownAnalyzers.Analysis;

/// <summary>
/// What a walk of a method's control-flow graph takes for granted, and so which branches it prunes.
/// Each <see cref="RestartPathAnalysis"/> is created with one set and keeps it for every method it walks.
/// </summary>
internal sealed class FlowAssumptions
{
    /// <summary>
    /// The system restarts (kexec, reboot): every read of <c>Kernel.SystemState</c> is <c>Restart</c>.
    /// The question of the Shutdown rules.
    /// </summary>
    public static readonly FlowAssumptions Restart = new(assumesRestart: true, assumesDriverStateSet: false, nameof(Restart));

    /// <summary>Nothing: only constants decide a branch. The question of Probe, which runs whatever the system does.</summary>
    public static readonly FlowAssumptions None = new(assumesRestart: false, assumesDriverStateSet: false, nameof(None));

    /// <summary>
    /// Probe completed before this code runs, so the state it set up is there: a reference the walk
    /// knows nothing about is not null (<c>x == null</c>, <c>x is null</c> and <c>x?.</c> take the
    /// non-null branch), and a type test of an <c>object</c> (<c>device.DriverData is State s</c>)
    /// succeeds. The question of Remove, whose defensive "no state, nothing to undo" exits are not
    /// paths an unbind takes after a successful probe.
    /// </summary>
    public static readonly FlowAssumptions DriverStateSet = new(assumesRestart: false, assumesDriverStateSet: true, nameof(DriverStateSet));

    /// <summary>
    /// A crash kernel's probe (kexec on panic): the hardware is still running as the old kernel left
    /// it, so a property marked <c>[IndicatesRunning]</c> (<c>IsBusMaster</c>, a DMA engine's
    /// <c>Running</c>) reads true. A probe that leaves running hardware alone, or resets it only when
    /// it finds it running, is understood.
    /// </summary>
    public static readonly FlowAssumptions CrashKernel = new(assumesRestart: false, assumesDriverStateSet: false, nameof(CrashKernel), assumesHardwareRunning: true);

    private readonly string name;

    private FlowAssumptions(bool assumesRestart, bool assumesDriverStateSet, string name, bool assumesHardwareRunning = false)
    {
        AssumesRestart = assumesRestart;
        AssumesDriverStateSet = assumesDriverStateSet;
        AssumesHardwareRunning = assumesHardwareRunning;
        this.name = name;
    }

    public bool AssumesRestart { get; }

    public bool AssumesDriverStateSet { get; }

    public bool AssumesHardwareRunning { get; }

    public override string ToString() => name;
}
