using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ShutdownAnalyzers.Analysis;

/// <summary>
/// A method as the analysis sees it from one kind of call site: the method's definition and what its
/// callers pass that decides paths — constant bool and enum arguments, infinite timeouts, objects the
/// path assumptions say exist (unknown elsewhere). Such arguments are few, so a method is analysed once
/// per distinct set of them: <c>EnterState(device, PciPowerState.D3Cold)</c> and
/// <c>EnterState(device, PciPowerState.D0)</c> get different answers, a <c>SystemState</c> passed down
/// from Shutdown keeps its restart value in the callee, and <c>WaitReady(device, Timeout.InfiniteTimeSpan)</c>
/// waits for ever inside.
/// </summary>
internal readonly struct MethodContext : IEquatable<MethodContext>
{
    private static readonly ImmutableArray<AbstractValue>[] NothingKnownByCount =
        Enumerable.Range(0, 8).Select(count => ImmutableArray.Create(new AbstractValue[count])).ToArray();

    private MethodContext(IMethodSymbol method, ImmutableArray<AbstractValue> arguments)
    {
        Method = method;
        Arguments = arguments;
    }

    /// <summary>The definition whose body is analysed (a partial method's implementation, unconstructed).</summary>
    public IMethodSymbol Method { get; }

    /// <summary>The known argument per parameter ordinal.</summary>
    public ImmutableArray<AbstractValue> Arguments { get; }

    /// <summary>The method as an entry point: nothing known about its parameters.</summary>
    public static MethodContext Entry(IMethodSymbol method)
    {
        var definition = Definition(method);
        return new MethodContext(definition, NothingKnown(definition.Parameters.Length));
    }

    /// <summary>The method as called by <paramref name="call"/>, keeping the arguments that decide paths.</summary>
    public static MethodContext CalledBy(IMethodSymbol target, ReachableCall call)
    {
        var definition = Definition(target);
        var parameters = definition.Parameters;
        ImmutableArray<AbstractValue>.Builder? arguments = null;
        for (var i = 0; i < parameters.Length && i < call.Arguments.Length; i++)
        {
            if (Carries(parameters[i].Type, call.Arguments[i]))
            {
                if (arguments is null)
                {
                    arguments = ImmutableArray.CreateBuilder<AbstractValue>(parameters.Length);
                    arguments.Count = parameters.Length;
                }

                arguments[i] = call.Arguments[i];
            }
        }

        return new MethodContext(definition, arguments?.MoveToImmutable() ?? NothingKnown(parameters.Length));
    }

    /// <summary>Arguments all unknown, one shared list per count: most calls carry nothing that decides paths.</summary>
    private static ImmutableArray<AbstractValue> NothingKnown(int count)
    {
        var shared = NothingKnownByCount;
        return count < shared.Length ? shared[count] : ImmutableArray.Create(new AbstractValue[count]);
    }

    /// <summary>The state on entry to the method's body: its known parameters.</summary>
    public FlowState EntryState()
    {
        var state = FlowState.Empty;
        for (var i = 0; i < Arguments.Length; i++)
        {
            if (Arguments[i].IsConstant || Arguments[i].IsKnownNotNull)
            {
                state = state.Set(Method.Parameters[i], Arguments[i]);
            }
        }

        return state;
    }

    public bool Equals(MethodContext other)
    {
        if (!SymbolEqualityComparer.Default.Equals(Method, other.Method) || Arguments.Length != other.Arguments.Length)
        {
            return false;
        }

        for (var i = 0; i < Arguments.Length; i++)
        {
            if (!Arguments[i].Equals(other.Arguments[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is MethodContext other && Equals(other);

    public override int GetHashCode()
    {
        var hash = SymbolEqualityComparer.Default.GetHashCode(Method);
        foreach (var argument in Arguments)
        {
            hash = (hash * 31) + argument.GetHashCode();
        }

        return hash;
    }

    public override string ToString() => Method.Name + "(" + string.Join(", ", Arguments) + ")";

    private static IMethodSymbol Definition(IMethodSymbol method) => (method.PartialImplementationPart ?? method).OriginalDefinition;

    /// <summary>Bool and enum constants, infinite or null timeouts (<c>TimeSpan</c>, <c>TimeSpan?</c>), and objects known to exist.</summary>
    private static bool Carries(ITypeSymbol type, AbstractValue value)
    {
        if (!value.IsConstant)
        {
            return value.IsKnownNotNull && !type.IsValueType;
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return type.SpecialType == SpecialType.System_Boolean || type.TypeKind == TypeKind.Enum ||
               (type is { Name: "TimeSpan", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } && (value.Constant is null || value.Equals(AbstractValue.InfiniteTimeout)));
    }
}
