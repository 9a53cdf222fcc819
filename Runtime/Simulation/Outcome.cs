using System;
using System.Collections.Generic;

namespace ShutdownAnalyzers.Simulation;

/// <summary>What a lifecycle scenario did to one device, as the report names it.</summary>
public enum Outcome
{
    /// <summary>The device came through, and the next kernel (if any) took it over.</summary>
    Healthy,

    /// <summary>The device's DMA wrote into memory it does not own any more.</summary>
    DmaCorruption,

    /// <summary>A level interrupt stayed asserted with nobody to service it.</summary>
    InterruptStorm,

    /// <summary>A probe failed, typically because the device was handed over in a state it rejects.</summary>
    ProbeFailed,

    /// <summary>The device could not be found or reached any more (left powered off, its host gone).</summary>
    Unreachable,

    /// <summary>Writes the device had acknowledged never reached the media.</summary>
    DataLost,

    /// <summary>A callback waited on hardware that could never answer.</summary>
    Hang,

    /// <summary>Driver code touched the device after its driver was removed.</summary>
    UseAfterRemove,

    /// <summary>Driver code sent I/O to the device after the device was suspended.</summary>
    IoAfterSuspend,

    /// <summary>Error recovery acted on a device that was no longer added.</summary>
    RemovedDuringRecovery,

    /// <summary>Remove returned with resources of the device still held.</summary>
    ResourceLeak,

    /// <summary>A callback threw.</summary>
    DriverFault,
}

/// <summary>
/// Which outcome a device gets when several apply: the most severe, in this fixed order. Damage to
/// data comes first (corrupted memory, lost writes), then what stops the system (storms, hangs),
/// then driver bugs seen in callbacks, and last their consequences for the device alone (a leak
/// before the failed rebind it causes, then a failed probe, then a device gone missing). The
/// other outcomes stay in the report as further evidence.
/// </summary>
public static class OutcomeSeverity
{
    private static readonly Outcome[] MostSevereFirst =
    {
        Outcome.DmaCorruption,
        Outcome.DataLost,
        Outcome.InterruptStorm,
        Outcome.Hang,
        Outcome.DriverFault,
        Outcome.UseAfterRemove,
        Outcome.RemovedDuringRecovery,
        Outcome.IoAfterSuspend,
        Outcome.ResourceLeak,
        Outcome.ProbeFailed,
        Outcome.Unreachable,
        Outcome.Healthy,
    };

    /// <summary>Outcomes from most to least severe; <see cref="Outcome.Healthy"/> is last.</summary>
    public static IReadOnlyList<Outcome> Order => MostSevereFirst;

    /// <summary>0 for the most severe outcome; higher is milder.</summary>
    public static int Rank(Outcome outcome)
    {
        var rank = Array.IndexOf(MostSevereFirst, outcome);
        return rank >= 0 ? rank : throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Not an outcome.");
    }
}
