using System;

namespace ShutdownAnalyzers.DriverModel;

/// <summary>
/// The marked method keeps memory out of the next kernel's hands across kexec
/// (<c>efi_mem_reserve_persistent</c>), so DMA into it after the jump harms nothing — the one way to
/// live with DMA that cannot be stopped (seed 002, GICv3 ITS). Analyzers asking whether DMA started in
/// Probe is stopped on the restart path do not count a start that follows such a call.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class ReservesAcrossKexecAttribute : Attribute
{
}
