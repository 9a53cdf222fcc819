using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ShutdownAnalyzers.Analysis;

/// <summary>What the analysis knows about where a device value in a driver's code comes from.</summary>
internal enum DeviceOriginKind
{
    /// <summary>Nothing: a value from code the analysis does not see into, or several values that disagree.</summary>
    Unknown,

    /// <summary>The <c>null</c> literal: no device at all.</summary>
    Null,

    /// <summary>The device the callback was called for, or one of its ancestors through <c>Parent</c>.</summary>
    Own,

    /// <summary>A field or property of the driver (or a static one): whatever was stored there.</summary>
    Member,

    /// <summary>The callback's device's <c>DriverData</c>: whatever Probe stored there.</summary>
    DriverData,

    /// <summary>A device found in <c>Kernel.Devices</c>, or computed from that list.</summary>
    Lookup,
}

/// <summary>
/// Where a device value comes from (<see cref="DeviceOriginKind"/>): the member it was read from, or
/// the <c>Kernel.Devices</c> read it was looked up from. Two origins are equal when they name the same
/// storage or the same lookup in source.
/// </summary>
internal sealed class DeviceOrigin : IEquatable<DeviceOrigin>
{
    public static readonly DeviceOrigin Unknown = new(DeviceOriginKind.Unknown, null, null);

    public static readonly DeviceOrigin Null = new(DeviceOriginKind.Null, null, null);

    public static readonly DeviceOrigin Own = new(DeviceOriginKind.Own, null, null);

    public static readonly DeviceOrigin DriverData = new(DeviceOriginKind.DriverData, null, null);

    private DeviceOrigin(DeviceOriginKind kind, ISymbol? member, Location? lookup)
    {
        Kind = kind;
        Symbol = member;
        LookupLocation = lookup;
    }

    public DeviceOriginKind Kind { get; }

    /// <summary>The field or property, for <see cref="DeviceOriginKind.Member"/>.</summary>
    public ISymbol? Symbol { get; }

    /// <summary>Where the <c>Kernel.Devices</c> read is, for <see cref="DeviceOriginKind.Lookup"/>.</summary>
    public Location? LookupLocation { get; }

    /// <summary>A device kept in a field or property; another device unless what was stored there says otherwise.</summary>
    public static DeviceOrigin Member(ISymbol member) => new(DeviceOriginKind.Member, member.OriginalDefinition, null);

    /// <summary>A device from the kernel's device list read at <paramref name="devicesRead"/>.</summary>
    public static DeviceOrigin Lookup(SyntaxNode devicesRead) => new(DeviceOriginKind.Lookup, null, devicesRead.GetLocation());

    /// <summary>
    /// The origin of a value that is one of <paramref name="candidates"/> (a local assigned on several
    /// paths): the one they agree on, <c>null</c> literals aside; unknown when they disagree or there are none.
    /// </summary>
    public static DeviceOrigin Agree(IEnumerable<DeviceOrigin> candidates)
    {
        DeviceOrigin? agreed = null;
        var sawNull = false;
        foreach (var candidate in candidates)
        {
            if (candidate.Kind == DeviceOriginKind.Null)
            {
                sawNull = true;
                continue;
            }

            if (candidate.Kind == DeviceOriginKind.Unknown || (agreed is not null && !agreed.Equals(candidate)))
            {
                return Unknown;
            }

            agreed = candidate;
        }

        return agreed ?? (sawNull ? Null : Unknown);
    }

    public bool Equals(DeviceOrigin? other) =>
        other is not null &&
        Kind == other.Kind &&
        SymbolEqualityComparer.Default.Equals(Symbol, other.Symbol) &&
        SameLocation(LookupLocation, other.LookupLocation);

    public override bool Equals(object? obj) => Equals(obj as DeviceOrigin);

    public override int GetHashCode()
    {
        var hash = (int)Kind;
        hash = (hash * 31) + SymbolEqualityComparer.Default.GetHashCode(Symbol);
        hash = (hash * 31) + (LookupLocation?.SourceSpan.GetHashCode() ?? 0);
        return hash;
    }

    public override string ToString() => Kind switch
    {
        DeviceOriginKind.Member => "member " + Symbol!.Name,
        DeviceOriginKind.Lookup => "lookup at " + LookupLocation!.GetLineSpan().StartLinePosition,
        _ => Kind.ToString(),
    };

    private static bool SameLocation(Location? a, Location? b) =>
        a is null ? b is null : b is not null && a.SourceTree == b.SourceTree && a.SourceSpan.Equals(b.SourceSpan);
}

