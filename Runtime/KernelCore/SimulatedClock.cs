using System;

namespace ShutdownAnalyzers.KernelCore;

/// <summary>
/// Simulated time in milliseconds. Every tick lets the hardware act (DMA writes, interrupts), so a
/// wait or a flush costs time during which a device left running keeps running.
/// </summary>
public sealed class SimulatedClock
{
    private bool ticking;

    public long NowMs { get; private set; }

    /// <summary>Runs once per tick, after the time moved on; the machine's hardware hangs off it.</summary>
    internal Action? OnTick { get; set; }

    /// <summary>Advances by <paramref name="milliseconds"/>, one tick at a time.</summary>
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
            for (var i = 0L; i < milliseconds; i++)
            {
                NowMs++;
                OnTick?.Invoke();
            }
        }
        finally
        {
            ticking = false;
        }
    }

    internal void AdvanceTo(long atMs) => Advance(Math.Max(0, atMs - NowMs));
}
