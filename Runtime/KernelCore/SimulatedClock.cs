using System;

namespace ShutdownAnalyzers.KernelCore;

/// <summary>
/// Simulated time in milliseconds. Every tick lets the hardware act (DMA writes, interrupts), so a
/// wait or a flush costs time during which a device left running keeps running. Ticks on which the
/// hardware can do nothing are skipped: they would change nothing, so time jumps over them.
/// </summary>
public sealed class SimulatedClock
{
    private bool ticking;

    public long NowMs { get; private set; }

    /// <summary>
    /// Runs once per tick, after the time moved on; the machine's hardware hangs off it. It answers
    /// the first tick on which the hardware may act again (<see cref="long.MaxValue"/>: none will).
    /// </summary>
    internal Func<long>? OnTick { get; set; }

    /// <summary>
    /// Advances by <paramref name="milliseconds"/>, one tick at a time, but straight past the ticks
    /// before the one on which <see cref="OnTick"/> says the hardware may act again.
    /// </summary>
    internal void Advance(long milliseconds)
    {
        if (milliseconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(milliseconds), "Time does not go backwards.");
        }

        if (ticking)
        {
            // A wait inside an interrupt handler: time passes, but the hardware is already being ticked.
            NowMs += milliseconds;
            return;
        }

        ticking = true;
        try
        {
            // Counted in ticks, not in time: a handler that waits inside a tick adds its wait on top.
            var ticksLeft = milliseconds;
            while (ticksLeft > 0)
            {
                NowMs++;
                ticksLeft--;
                var nextActiveMs = OnTick?.Invoke() ?? long.MaxValue;
                var quietTicks = Math.Min(ticksLeft, nextActiveMs - NowMs - 1);
                if (quietTicks > 0)
                {
                    NowMs += quietTicks;
                    ticksLeft -= quietTicks;
                }
            }
        }
        finally
        {
            ticking = false;
        }
    }

    internal void AdvanceTo(long atMs) => Advance(Math.Max(0, atMs - NowMs));
}
