using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using ShutdownAnalyzers.Infrastructure;

namespace ShutdownAnalyzers.Analysis;

/// <summary>
/// The effects the bus API declares with attributes (<c>ShutdownAnalyzers.DriverModel</c>, folder
/// Effects), resolved once per compilation from <see cref="DriverModelSymbols"/>. A property is null
/// when the referenced bus API has no such attribute.
/// </summary>
internal sealed class EffectAttributes
{
    private readonly DriverModelSymbols symbols;
    private readonly ConcurrentDictionary<(INamedTypeSymbol Attribute, string Resource), Effect?> resourceEffects = new();

    public EffectAttributes(DriverModelSymbols symbols)
    {
        this.symbols = symbols;
        PowersOff = Create(symbols.PowersOffAttribute);
        EnablesDma = Create(symbols.EnablesDmaAttribute);
        QuiescesDma = Create(symbols.QuiescesDmaAttribute);
        MasksInterrupt = Create(symbols.MasksInterruptAttribute);
        FlushesCache = Create(symbols.FlushesCacheAttribute);
        Resets = Create(symbols.ResetsAttribute);
        WaitsOnHardware = Create(symbols.WaitsOnHardwareAttribute);
        WaitsWithoutTimeout = symbols.WaitsOnHardwareAttribute is { } waits ? new WaitsWithoutTimeoutEffect(waits) : null;
        PerformsIo = Create(symbols.PerformsIoAttribute);
        ReservesAcrossKexec = Create(symbols.ReservesAcrossKexecAttribute);
        UnfollowedCall = new UnfollowedCallEffect(symbols);
    }

    /// <summary><c>[PowersOff]</c>: D3, spin-down, head park; conditional on an argument where the attribute says so.</summary>
    public Effect? PowersOff { get; }

    public Effect? EnablesDma { get; }

    public Effect? QuiescesDma { get; }

    public Effect? MasksInterrupt { get; }

    public Effect? FlushesCache { get; }

    public Effect? Resets { get; }

    public Effect? WaitsOnHardware { get; }

    /// <summary><c>[WaitsOnHardware]</c> calls with no timeout parameter, or with a null or infinite timeout.</summary>
    public Effect? WaitsWithoutTimeout { get; }

    public Effect? PerformsIo { get; }

    /// <summary><c>[ReservesAcrossKexec]</c>: memory the next kernel never gets, so DMA into it is harmless.</summary>
    public Effect? ReservesAcrossKexec { get; }

    /// <summary>
    /// A call the analysis cannot see into that might do something to a device (<see cref="UnfollowedCallEffect"/>):
    /// one instance, so every rule that asks about it shares the answers.
    /// </summary>
    public Effect UnfollowedCall { get; }

    /// <summary><c>[Acquires(resource)]</c> for one <c>DeviceResource</c> member, e.g. "Interrupt".</summary>
    public Effect? Acquires(string resource) => ForResource(symbols.AcquiresAttribute, resource);

    /// <summary><c>[Releases(resource)]</c> for one <c>DeviceResource</c> member, e.g. "Interrupt".</summary>
    public Effect? Releases(string resource) => ForResource(symbols.ReleasesAttribute, resource);

    private static Effect? Create(INamedTypeSymbol? attribute) => attribute is null ? null : new AttributeEffect(attribute);

    /// <summary>
    /// The members of the bus API's <c>DeviceResource</c>, for rules that ask about each kind of
    /// resource; empty when the API has none.
    /// </summary>
    public ImmutableArray<string> ResourceKinds
    {
        get
        {
            var resourceType = symbols.Compilation.GetTypeByMetadataName(DriverModelSymbols.Namespace + ".DeviceResource");
            return resourceType is null
                ? ImmutableArray<string>.Empty
                : resourceType.GetMembers().OfType<IFieldSymbol>().Where(member => member.HasConstantValue).Select(member => member.Name).ToImmutableArray();
        }
    }

    /// <summary>One effect object per attribute and resource, so that summaries asked about it are shared.</summary>
    private Effect? ForResource(INamedTypeSymbol? attribute, string resource) =>
        attribute is null ? null : resourceEffects.GetOrAdd((attribute, resource), key => CreateForResource(key.Attribute, key.Resource));

    private Effect? CreateForResource(INamedTypeSymbol? attribute, string resource)
    {
        var resourceType = symbols.Compilation.GetTypeByMetadataName(DriverModelSymbols.Namespace + ".DeviceResource");
        if (attribute is null || resourceType is null)
        {
            return null;
        }

        foreach (var member in resourceType.GetMembers(resource))
        {
            if (member is IFieldSymbol { HasConstantValue: true } field)
            {
                var wanted = AbstractValue.FromConstant(field.ConstantValue);
                return new AttributeEffect(
                    attribute,
                    data => data.ConstructorArguments.Length == 1 &&
                            AbstractValue.FromConstant(data.ConstructorArguments[0].Value).Equals(wanted),
                    attribute.Name + "(" + resource + ")");
            }
        }

        return null;
    }
}
