using System.Collections.Immutable;
using System.Linq;
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

    /// <summary>
    /// Whether one reachable call has the effect, seen whole: how it dispatches, and whether the analysis
    /// can follow it into <paramref name="target"/> (<paramref name="targetHasBody"/>). By default the
    /// called method and its arguments decide (<see cref="Match"/>).
    /// </summary>
    /// <param name="target">The method the call runs (<see cref="RestartPathAnalysis.ResolveTarget"/>).</param>
    public virtual EffectMatch MatchCall(ReachableCall call, IMethodSymbol target, bool targetHasBody) => Match(target, call.Arguments);

    /// <summary>An effect that a call has when it has any of <paramref name="effects"/>; the ones given as null are left out.</summary>
    public static Effect AnyOf(string name, params Effect?[] effects) => new AnyOfEffect(name, effects);

    public override string ToString() => Name;
}

/// <summary>Any of several effects: "stops DMA" is <c>[QuiescesDma]</c> or <c>[Resets]</c>.</summary>
internal sealed class AnyOfEffect : Effect
{
    private readonly ImmutableArray<Effect> effects;

    public AnyOfEffect(string name, params Effect?[] effects)
    {
        Name = name;
        this.effects = effects.Where(effect => effect is not null).Select(effect => effect!).ToImmutableArray();
    }

    public override string Name { get; }

    public override EffectMatch Match(IMethodSymbol method, ImmutableArray<AbstractValue> arguments)
    {
        foreach (var effect in effects)
        {
            var match = effect.Match(method, arguments);
            if (match.IsMatch)
            {
                return match;
            }
        }

        return EffectMatch.None;
    }

    public override EffectMatch MatchCall(ReachableCall call, IMethodSymbol target, bool targetHasBody)
    {
        foreach (var effect in effects)
        {
            var match = effect.MatchCall(call, target, targetHasBody);
            if (match.IsMatch)
            {
                return match;
            }
        }

        return EffectMatch.None;
    }
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
