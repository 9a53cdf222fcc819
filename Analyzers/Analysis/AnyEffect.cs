using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ShutdownAnalyzers.Analysis;

/// <summary>A call has this effect when it has any of several others: "resets or masks the interrupt".</summary>
internal sealed class AnyEffect : Effect
{
    private readonly ImmutableArray<Effect> effects;

    public AnyEffect(params Effect[] effects) => this.effects = effects.ToImmutableArray();

    public override string Name => string.Join(" or ", effects.Select(effect => effect.Name));

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
}
