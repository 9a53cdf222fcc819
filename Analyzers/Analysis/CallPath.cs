using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ShutdownAnalyzers.Analysis;

/// <summary>
/// One method on a <see cref="CallPath"/>: its name, the argument that gave the last call its effect,
/// and the call that entered it from the step before (none for the first step).
/// </summary>
internal readonly struct CallStep
{
    public CallStep(IMethodSymbol method, string? decidingArgument = null, ReachableCall? call = null)
    {
        Method = method;
        DecidingArgument = decidingArgument;
        Call = call;
    }

    public IMethodSymbol Method { get; }

    public string? DecidingArgument { get; }

    /// <summary>The call, in the previous step's method, that runs this one; null for the analysed method itself.</summary>
    public ReachableCall? Call { get; }

    public override string ToString() => DecidingArgument is null ? Method.Name : Method.Name + "(" + DecidingArgument + ")";
}

/// <summary>
/// The chain of calls from the analysed method to the call that has the effect, shown as
/// <c>Shutdown → PowerDown → EnterD3Cold → SetPowerState(D3Cold)</c>.
/// </summary>
internal sealed class CallPath
{
    public const string Arrow = " → ";

    private CallPath(ImmutableArray<CallStep> steps) => Steps = steps;

    public ImmutableArray<CallStep> Steps { get; }

    /// <summary>Number of calls on the path.</summary>
    public int Length => Steps.Length;

    /// <summary>The method that has the effect.</summary>
    public CallStep Last => Steps[Steps.Length - 1];

    public static CallPath Of(CallStep effectCall) => new(ImmutableArray.Create(effectCall));

    public CallPath Prepend(CallStep caller) => new(Steps.Insert(0, caller));

    public override string ToString() => string.Join(Arrow, Steps.Select(step => step.ToString()));
}

/// <summary>A call in the analysed method's own body that has an effect or leads to one, and how.</summary>
internal sealed class EffectCall
{
    public EffectCall(ReachableCall call, CallPath path)
    {
        Call = call;
        Path = path;
    }

    /// <summary>The call in the analysed method: where a diagnostic goes.</summary>
    public ReachableCall Call { get; }

    /// <summary>From the analysed method itself to the call with the effect.</summary>
    public CallPath Path { get; }
}
