using System;
using System.Collections.Generic;
using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.Hardware;

/// <summary>Whether a write cache keeps its contents without power.</summary>
public enum WriteCacheKind
{
    /// <summary>Plain DRAM: a reset or power loss drops every write not yet on media.</summary>
    Volatile,

    /// <summary>Battery- or flash-backed, as a RAID adapter's: acknowledged writes survive a reset.</summary>
    NonVolatile,
}

/// <summary>A write the device acknowledged to the host; it is safe only once it is on media.</summary>
public readonly record struct AcknowledgedWrite(long Block, long AcknowledgedAtMs);

/// <summary>
/// A write cache in front of media. Writes are acknowledged into the cache and reach the media only
/// when flushed, which takes time per write. A volatile cache loses what is unflushed on any reset
/// (seed 000: "What happens if a non-flushed adapter gets a PERST?"); a non-volatile one keeps it, so
/// skipping its flush is a legitimate way to make kexec faster.
/// </summary>
public sealed class WriteCache
{
    private readonly List<AcknowledgedWrite> unflushed = new();

    public WriteCache(WriteCacheKind kind, TimeSpan flushTimePerWrite)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a write cache kind.");
        }

        if (flushTimePerWrite < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(flushTimePerWrite), "A flush cannot take negative time.");
        }

        Kind = kind;
        FlushTimePerWrite = flushTimePerWrite;
    }

    public WriteCacheKind Kind { get; }

    [IndicatesNonVolatileCache]
    public bool IsNonVolatile => Kind == WriteCacheKind.NonVolatile;

    /// <summary>How long writing one cached write to media takes.</summary>
    public TimeSpan FlushTimePerWrite { get; }

    /// <summary>Acknowledged writes still only in the cache, oldest first.</summary>
    public IReadOnlyList<AcknowledgedWrite> Unflushed => unflushed;

    /// <summary>Writes that have reached the media.</summary>
    public int WritesOnMedia { get; private set; }

    /// <summary>What flushing everything unflushed would take now, in simulated milliseconds.</summary>
    public long FlushCostMs => unflushed.Count * (long)FlushTimePerWrite.TotalMilliseconds;

    internal void Acknowledge(long block, long atMs) => unflushed.Add(new AcknowledgedWrite(block, atMs));

    /// <summary>Flushes that wrote something, with what they cost: the time a shutdown spent on the cache.</summary>
    public int FlushesDone { get; private set; }

    /// <summary>Simulated milliseconds spent flushing, all flushes together.</summary>
    public long FlushTimeSpentMs { get; private set; }

    /// <summary>When the last flush that wrote something finished, or null.</summary>
    public long? LastFlushAtMs { get; private set; }

    /// <summary>Every cached write reached the media; the flush took <paramref name="costMs"/>.</summary>
    internal void CompleteFlush(long costMs, long atMs)
    {
        if (unflushed.Count == 0)
        {
            return;
        }

        WritesOnMedia += unflushed.Count;
        unflushed.Clear();
        FlushesDone++;
        FlushTimeSpentMs += costMs;
        LastFlushAtMs = atMs;
    }

    /// <summary>A reset or power loss: returns the writes that are gone (none for a non-volatile cache).</summary>
    internal IReadOnlyList<AcknowledgedWrite> LoseVolatileContents()
    {
        if (IsNonVolatile || unflushed.Count == 0)
        {
            return Array.Empty<AcknowledgedWrite>();
        }

        var lost = unflushed.ToArray();
        unflushed.Clear();
        return lost;
    }
}
