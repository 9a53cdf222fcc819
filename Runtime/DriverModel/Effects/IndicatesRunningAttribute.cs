using System;

namespace ShutdownAnalyzers.DriverModel;

/// <summary>
/// The marked property reads true while the hardware runs on its own — its DMA engine going, bus
/// mastering on — as hardware the previous kernel left running reads in a crash kernel (kexec on
/// panic runs no shutdown). Analyzers asking about a crash kernel's probe read it as true, so a
/// probe that checks it and leaves running hardware alone, or resets it, is understood.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class IndicatesRunningAttribute : Attribute
{
}
