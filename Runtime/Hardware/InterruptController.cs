using System;

namespace ShutdownAnalyzers.Hardware;

/// <summary>
/// The interrupt controller's per-line enable bits. They are hardware: kexec does not reset them, so
/// a line the old kernel left enabled is enabled in the next kernel before any driver asks for it
/// (seed 002: level interrupts left pending hang the new kernel). A firmware reset masks everything.
/// </summary>
public sealed class InterruptController
{
    // One bit per line, indexed by line number: every tick asks for every asserted line.
    private bool[] enabled = new bool[256];

    public bool IsEnabled(int irq) => (uint)irq < (uint)enabled.Length && enabled[irq];

    internal void Enable(int irq)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(irq);
        if (irq >= enabled.Length)
        {
            Array.Resize(ref enabled, Math.Max(irq + 1, enabled.Length * 2));
        }

        enabled[irq] = true;
    }

    internal void Mask(int irq)
    {
        if ((uint)irq < (uint)enabled.Length)
        {
            enabled[irq] = false;
        }
    }

    /// <summary>Masks every line: a firmware reset, or the crash path's interrupt shutdown.</summary>
    internal void MaskAll() => Array.Clear(enabled);
}
