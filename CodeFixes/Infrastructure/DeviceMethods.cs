using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using ShutdownAnalyzers.Analysis;

namespace ShutdownAnalyzers.Infrastructure;

/// <summary>
/// The bus-API methods a fix can call on a device to get an effect, found by the effect attributes
/// they carry (<c>[Resets]</c>, <c>[Releases(DeviceResource.Interrupt)]</c>), never by name.
/// </summary>
internal static class DeviceMethods
{
    private static readonly ImmutableArray<AbstractValue> NoArguments = ImmutableArray<AbstractValue>.Empty;

    /// <summary>
    /// The public instance methods of <paramref name="deviceType"/> and its bases that have
    /// <paramref name="effect"/> for any arguments and fit <paramref name="shape"/>, those of the most
    /// derived type first (<c>PciDevice.FunctionReset</c> before <c>MemoryMappedDevice.RestartFirmware</c>).
    /// </summary>
    public static IEnumerable<IMethodSymbol> WithEffect(ITypeSymbol deviceType, Effect effect, Func<IMethodSymbol, bool> shape)
    {
        // A generic driver's device is a type parameter: its class constraint has the methods.
        var start = deviceType is ITypeParameterSymbol parameter
            ? parameter.ConstraintTypes.OfType<INamedTypeSymbol>().FirstOrDefault(type => type.TypeKind == TypeKind.Class)
            : deviceType as INamedTypeSymbol;
        for (var type = start; type is not null; type = type.BaseType)
        {
            foreach (var member in type.GetMembers())
            {
                if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary, IsStatic: false, DeclaredAccessibility: Accessibility.Public, IsGenericMethod: false } method &&
                    shape(method) &&
                    effect.Match(method, Unknown(method)).IsMatch)
                {
                    yield return method;
                }
            }
        }
    }

    private static ImmutableArray<AbstractValue> Unknown(IMethodSymbol method) =>
        method.Parameters.IsEmpty ? NoArguments : ImmutableArray.Create(new AbstractValue[method.Parameters.Length]);
}
