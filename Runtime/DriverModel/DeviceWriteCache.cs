using System;
using System.Threading;
using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.KernelCore;

namespace ShutdownAnalyzers.DriverModel;

/// <summary>
/// A device's write cache as a driver sees it (SYNCHRONIZE CACHE, a RAID adapter's cache flush).
/// A volatile cache must be flushed before anything resets or powers off the device; a
/// non-volatile one may be left as it is, which saves the flush time (seed 000).
/// </summary>
public sealed class DeviceWriteCache
{
    private readonly Device device;
    private readonly WriteCache cache;

    internal DeviceWriteCache(Device device, WriteCache cache)
    {
        this.device = device;
        this.cache = cache;
    }

    /// <summary>The cache keeps acknowledged writes through resets and power loss: only then may a flush be skipped.</summary>
    [IndicatesNonVolatileCache]
    public bool IsNonVolatile => cache.IsNonVolatile;

    /// <summary>Acknowledged writes not on media yet.</summary>
    public int UnflushedWrites => cache.Unflushed.Count;

    /// <summary>Writes everything cached to media and waits for it, without a timeout.</summary>
    [FlushesCache]
    [PerformsIo]
    [WaitsOnHardware]
    public void Flush() => Flush(Timeout.InfiniteTimeSpan);

    /// <summary>Writes everything cached to media; false when the flush did not finish within <paramref name="timeout"/>.</summary>
    [FlushesCache]
    [PerformsIo]
    [WaitsOnHardware(TimeoutParameter = "timeout")]
    public bool Flush(TimeSpan timeout)
    {
        device.Access(nameof(Flush), BusAccessKind.Io);
        var context = device.Kernel.Context;
        var cost = cache.FlushCostMs;
        var count = cache.Unflushed.Count;
        long? answersAt = device.CanAnswer ? context.Clock.NowMs + cost : null;
        if (!context.WaitForHardware(device, "the write-cache flush", answersAt, timeout))
        {
            return false;
        }

        cache.CompleteFlush(cost, context.Clock.NowMs);
        context.Observer?.Note(device, $"write cache flushed: {count} writes to media in {cost} ms");
        return true;
    }
}
