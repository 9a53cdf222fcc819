using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ShutdownAnalyzers.Analysis;

/// <summary>
/// Something a call can do that a rule asks about ("powers the hardware off", "quiesces DMA",
/// "calls Shutdown"). The restart-path analysis looks for calls that have it directly, or that reach
/// one through methods of the same compilation.
/// </summary>
internal abstract class Effect
{
    /// <summary>What the effect is, for messages and debugging.</summary>
    public abstract string Name { get; }

    /// <summary>
    /// Whether a call to <paramref name="method"/> with these argument values has the effect. A call that
    /// has it ends a path: the analysis does not look inside the method.
    /// </summary>
    public abstract EffectMatch Match(IMethodSymbol method, ImmutableArray<AbstractValue> arguments);

    public override string ToString() => Name;
}

/// <summary>The outcome of <see cref="Effect.Match"/>: no, or yes with the argument that decided it (shown in paths as <c>SetPowerState(D3Cold)</c>).</summary>
internal readonly struct EffectMatch
{
    public static readonly EffectMatch None;

    private EffectMatch(string? decidingArgument)
    {
        IsMatch = true;
        DecidingArgument = decidingArgument;
    }

    public bool IsMatch { get; }

    public string? DecidingArgument { get; }

    public static EffectMatch Unconditional() => new(null);

    public static EffectMatch DecidedBy(string argument) => new(argument);
}

/// <summary>Calls to one method, or to any override of it: for questions such as "does Remove call Shutdown back?".</summary>
internal sealed class CallsMethodEffect : Effect
{
    private readonly IMethodSymbol root;

    public CallsMethodEffect(IMethodSymbol method) => root = RootDefinition(method);

    public override string Name => "calls " + root.Name;

    public override EffectMatch Match(IMethodSymbol method, ImmutableArray<AbstractValue> arguments) =>
        SymbolEqualityComparer.Default.Equals(RootDefinition(method), root) ? EffectMatch.Unconditional() : EffectMatch.None;

    /// <summary>The original virtual declaration an override descends from, as an unconstructed definition.</summary>
    internal static IMethodSymbol RootDefinition(IMethodSymbol method)
    {
        var current = method;
        while (current.OverriddenMethod is { } overridden)
        {
            current = overridden;
        }

        return current.OriginalDefinition;
    }
}
