using System;

namespace ShutdownAnalyzers.DriverModel;

/// <summary>
/// The marked <see cref="bool"/> property is true when a write cache keeps acknowledged writes through
/// a reset or power loss (battery- or flash-backed, as a RAID adapter's). Only then may Shutdown skip
/// the flush on the restart path (seed 000: "An optimization that skips flushing because the hardware
/// write cache can be trusted is fine"). Analyzers read a skip guarded by such a property as safe.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class IndicatesNonVolatileCacheAttribute : Attribute
{
}
