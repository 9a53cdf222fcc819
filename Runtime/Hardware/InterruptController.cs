using System.Collections.Generic;

namespace ShutdownAnalyzers.Hardware;

/// <summary>
/// The interrupt controller's per-line enable bits. They are hardware: kexec does not reset them, so
/// a line the old kernel left enabled is enabled in the next kernel before any driver asks for it
/// (seed 002: level interrupts left pending hang the new kernel). A firmware reset masks everything.
/// </summary>
public sealed class InterruptController
{
    private readonly HashSet<int> enabled = new();

    public bool IsEnabled(int irq) => enabled.Contains(irq);

    internal void Enable(int irq) => enabled.Add(irq);

    internal void Mask(int irq) => enabled.Remove(irq);

    /// <summary>Masks every line: a firmware reset, or the crash path's interrupt shutdown.</summary>
    internal void MaskAll() => enabled.Clear();
}
