using System;

namespace ShutdownAnalyzers.DriverModel;

/// <summary>
/// The marked method powers the hardware off (D3, spin-down, head park, slot power off): the next
/// kernel cannot take such hardware over after kexec. Analyzers follow it into users' helpers too.
/// </summary>
/// <remarks>
/// A method that powers off only for some argument values names that argument in
/// <see cref="WhenArgument"/> and the lowest value (as an integer) that powers off in
/// <see cref="AtLeast"/>; <c>PciDevice.SetPowerState</c> powers off for D3Hot and D3Cold only.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class PowersOffAttribute : Attribute
{
    /// <summary>The parameter whose value decides whether the call powers off; null: every call does.</summary>
    public string? WhenArgument { get; set; }

    /// <summary>With <see cref="WhenArgument"/>: the call powers off when the argument, as an integer, is at least this.</summary>
    public int AtLeast { get; set; }
}
