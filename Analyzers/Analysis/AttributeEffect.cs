using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ShutdownAnalyzers.Analysis;

/// <summary>
/// An effect declared by an attribute of the bus API on the methods that have it (<c>[PowersOff]</c>,
/// <c>[QuiescesDma]</c>, <c>[Releases(DeviceResource.Interrupt)]</c>...), on the API's members or on a
/// user's own helpers. An attribute with <c>WhenArgument</c> and <c>AtLeast</c> applies only to calls
/// whose named argument is a known constant at least that large: an argument the analysis cannot
/// evaluate does not count.
/// </summary>
internal sealed class AttributeEffect : Effect
{
    private const string WhenArgumentProperty = "WhenArgument";
    private const string AtLeastProperty = "AtLeast";

    private readonly INamedTypeSymbol attributeType;
    private readonly Func<AttributeData, bool>? filter;
    private readonly string name;

    public AttributeEffect(INamedTypeSymbol attributeType, Func<AttributeData, bool>? filter = null, string? name = null)
    {
        this.attributeType = attributeType;
        this.filter = filter;
        this.name = name ?? attributeType.Name;
    }

    public override string Name => name;

    public override EffectMatch Match(IMethodSymbol method, ImmutableArray<AbstractValue> arguments)
    {
        // The attributes are not inherited, but an override of a member that has the effect still has it.
        for (var current = method; current is not null; current = current.OverriddenMethod)
        {
            foreach (var attribute in current.OriginalDefinition.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType) &&
                    (filter is null || filter(attribute)))
                {
                    var match = MatchCondition(attribute, current, arguments);
                    if (match.IsMatch)
                    {
                        return match;
                    }
                }
            }
        }

        return EffectMatch.None;
    }

    private static EffectMatch MatchCondition(AttributeData attribute, IMethodSymbol method, ImmutableArray<AbstractValue> arguments)
    {
        string? parameterName = null;
        decimal atLeast = 0;
        foreach (var named in attribute.NamedArguments)
        {
            if (named.Key == WhenArgumentProperty && named.Value.Value is string value)
            {
                parameterName = value;
            }
            else if (named.Key == AtLeastProperty && named.Value.Value is int threshold)
            {
                atLeast = threshold;
            }
        }

        if (parameterName is null)
        {
            return EffectMatch.Unconditional();
        }

        foreach (var parameter in method.Parameters)
        {
            if (parameter.Name == parameterName && parameter.Ordinal < arguments.Length &&
                arguments[parameter.Ordinal].AsIntegral is { } value && value >= atLeast)
            {
                return EffectMatch.DecidedBy(ConstantDisplay.Format(parameter.Type, value));
            }
        }

        return EffectMatch.None;
    }
}

/// <summary>Shows a constant as source would: an enum member by name, a number otherwise.</summary>
internal static class ConstantDisplay
{
    public static string Format(ITypeSymbol type, decimal value)
    {
        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
        {
            foreach (var member in enumType.GetMembers())
            {
                if (member is IFieldSymbol { HasConstantValue: true } field &&
                    AbstractValue.FromConstant(field.ConstantValue).AsIntegral == value)
                {
                    return field.Name;
                }
            }
        }

        return value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
