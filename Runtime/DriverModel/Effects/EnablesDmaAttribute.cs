using System;

namespace ShutdownAnalyzers.DriverModel;

/// <summary>
/// The marked method lets the device write to memory on its own (bus mastering on, a DMA engine
/// started). Until something marked <see cref="QuiescesDmaAttribute"/> runs, the device may keep
/// writing, across kexec into memory the next kernel owns.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class EnablesDmaAttribute : Attribute
{
}
