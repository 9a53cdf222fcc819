using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ShutdownAnalyzers.Analysis;

/// <summary>
/// A wait on hardware that nothing bounds: a call to a <c>[WaitsOnHardware]</c> method that has no
/// timeout parameter (<c>TimeoutParameter</c> not set), or whose timeout argument is null or infinite
/// (<c>Timeout.InfiniteTimeSpan</c>, <c>Timeout.Infinite</c>, <c>TimeSpan.MaxValue</c>, left out when its
/// default is one of those). A timeout the analysis cannot evaluate counts as bounded.
/// </summary>
internal sealed class WaitsWithoutTimeoutEffect : Effect
{
    private const string TimeoutParameterProperty = "TimeoutParameter";

    private readonly INamedTypeSymbol waitsOnHardware;

    public WaitsWithoutTimeoutEffect(INamedTypeSymbol waitsOnHardwareAttribute) => waitsOnHardware = waitsOnHardwareAttribute;

    public override string Name => "waits on hardware without a timeout";

    public override EffectMatch Match(IMethodSymbol method, ImmutableArray<AbstractValue> arguments)
    {
        for (var current = method; current is not null; current = current.OverriddenMethod)
        {
            foreach (var attribute in current.OriginalDefinition.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, waitsOnHardware))
                {
                    return MatchTimeout(TimeoutParameterOf(attribute), current, arguments);
                }
            }
        }

        return EffectMatch.None;
    }

    /// <summary>The parameter the attribute names as the wait's bound, or null when the method has none.</summary>
    public static string? TimeoutParameterOf(AttributeData attribute)
    {
        foreach (var named in attribute.NamedArguments)
        {
            if (named.Key == TimeoutParameterProperty && named.Value.Value is string parameter)
            {
                return parameter;
            }
        }

        return null;
    }

    private static EffectMatch MatchTimeout(string? timeoutParameter, IMethodSymbol method, ImmutableArray<AbstractValue> arguments)
    {
        if (timeoutParameter is null)
        {
            return EffectMatch.DecidedBy(string.Empty); // shown as Flush(): no timeout to give
        }

        foreach (var parameter in method.Parameters)
        {
            if (parameter.Name != timeoutParameter || parameter.Ordinal >= arguments.Length)
            {
                continue;
            }

            var value = arguments[parameter.Ordinal];
            if (value.IsConstant && value.Constant is null)
            {
                return EffectMatch.DecidedBy("null");
            }

            if (value.AsIntegral is < 0)
            {
                return EffectMatch.DecidedBy("infinite");
            }
        }

        return EffectMatch.None;
    }
}
