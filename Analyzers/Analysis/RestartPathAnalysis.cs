using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using ShutdownAnalyzers.Infrastructure;

namespace ShutdownAnalyzers.Analysis;

/// <summary>
/// Answers, for one compilation, "while the system restarts (kexec, reboot), which calls of this
/// method have effect X, directly or through the methods they call, and by which path?" for any
/// <see cref="Effect"/>. Create one per compilation at compilation start; it is thread-safe.
/// </summary>
/// <remarks>
/// Each method body is walked on its control-flow graph with <c>SystemState == Restart</c> assumed
/// (<see cref="SystemStateConditionEvaluator"/>), so branches that only a power-off, halt or suspend
/// takes are pruned; created with <see cref="SystemStateAssumption.Any"/> it assumes nothing about the
/// system state and keeps every such branch, for callbacks such as Probe that run in any state. Calls into methods whose bodies are in the same compilation are followed, with
/// constant bool and enum arguments carried in (<see cref="MethodContext"/>); a virtual call on
/// <c>this</c> resolves to the override seen from the type being analysed. Not followed: calls through
/// interfaces, delegates, lambdas, and virtual calls on other objects beyond the statically bound
/// method. Recursion stops at methods already on the call stack, and summaries are cached.
/// </remarks>
internal sealed class RestartPathAnalysis
{
    /// <summary>Deeper call chains are not followed: a path that long tells the user nothing.</summary>
    private const int MaxCallDepth = 32;

    private readonly MethodSummaryCache cache;

    private RestartPathAnalysis(EffectAttributes effects, MethodSummaryCache cache)
    {
        Effects = effects;
        this.cache = cache;
    }

    /// <summary>The effects of the bus API's attributes, to pass to the queries.</summary>
    public EffectAttributes Effects { get; }

    /// <summary>
    /// Null under <see cref="SystemStateAssumption.Restart"/> when the bus API has no
    /// <c>Kernel.SystemState</c>: then there is no restart path to speak of.
    /// </summary>
    public static RestartPathAnalysis? Create(DriverModelSymbols symbols, SystemStateAssumption assumption = SystemStateAssumption.Restart)
    {
        var evaluator = SystemStateConditionEvaluator.Create(symbols.Kernel, symbols.SystemState, assumption);
        return evaluator is null
            ? null
            : new RestartPathAnalysis(new EffectAttributes(symbols), new MethodSummaryCache(symbols.Compilation, evaluator));
    }

    /// <summary>
    /// The calls in <paramref name="method"/>'s own body, on the restart path, that have
    /// <paramref name="effect"/> or reach it, each with the shortest path (starting at
    /// <paramref name="method"/>), in source order.
    /// </summary>
    /// <param name="thisType">The type whose overrides virtual calls on <c>this</c> resolve to; usually the method's own type.</param>
    /// <param name="graph">The method's graph when the caller has it (an operation-block action).</param>
    public ImmutableArray<EffectCall> FindEffectCalls(
        IMethodSymbol method, INamedTypeSymbol? thisType, Effect effect, CancellationToken cancellationToken, ControlFlowGraph? graph = null)
    {
        var root = MethodContext.Entry(method);
        var stack = new CallStack();
        stack.Push(new SummaryKey(effect, root, thisType));
        var found = ImmutableArray.CreateBuilder<EffectCall>();
        foreach (var call in cache.GetReachableCalls(root, cancellationToken, graph))
        {
            var step = FollowCall(effect, call, thisType, stack, cancellationToken);
            if (step.Path is { } path)
            {
                found.Add(new EffectCall(call, path.Prepend(new CallStep(method))));
            }
        }

        return found.ToImmutable();
    }

    /// <summary>The shortest path from <paramref name="method"/> to a call with <paramref name="effect"/> on the restart path, or null.</summary>
    public CallPath? FindEffectPath(IMethodSymbol method, INamedTypeSymbol? thisType, Effect effect, CancellationToken cancellationToken)
    {
        if (!cache.HasBody(method))
        {
            return null;
        }

        var path = Summarize(new SummaryKey(effect, MethodContext.Entry(method), thisType), new CallStack(), cancellationToken).Path;
        return path?.Prepend(new CallStep(method));
    }

    /// <summary>True when <paramref name="method"/>'s body is in this compilation, so the analysis can see what it does.</summary>
    public bool HasBody(IMethodSymbol method) => cache.HasBody(method);

    /// <summary>The calls in <paramref name="method"/>'s own body that the restart path reaches, in source order.</summary>
    public ImmutableArray<ReachableCall> GetReachableCalls(IMethodSymbol method, CancellationToken cancellationToken) =>
        cache.GetReachableCalls(MethodContext.Entry(method), cancellationToken);

    /// <summary>
    /// The method a call runs: the bound method, or for a virtual call on <c>this</c> the most derived
    /// override in <paramref name="thisType"/> and its bases.
    /// </summary>
    public static IMethodSymbol ResolveTarget(ReachableCall call, INamedTypeSymbol? thisType)
    {
        var target = call.Target;
        if (!call.IsVirtual || call.Receiver != CallReceiver.This || thisType is null)
        {
            return target;
        }

        var root = CallsMethodEffect.RootDefinition(target);
        for (var type = thisType; type is not null; type = type.BaseType)
        {
            foreach (var member in type.GetMembers(target.Name))
            {
                if (member is IMethodSymbol candidate && (candidate.IsOverride || candidate.IsVirtual || candidate.IsAbstract) &&
                    SymbolEqualityComparer.Default.Equals(CallsMethodEffect.RootDefinition(candidate), root))
                {
                    return candidate;
                }
            }
        }

        return target;
    }

    /// <summary>
    /// Whether one call has the effect or leads to it. <see cref="Step.DependsOnDepth"/> is the lowest
    /// call-stack depth whose in-progress method the answer relied on (a recursive back edge): such an
    /// answer is provisional for the methods above that depth and is not cached for them.
    /// </summary>
    private Step FollowCall(Effect effect, ReachableCall call, INamedTypeSymbol? thisType, CallStack stack, CancellationToken cancellationToken)
    {
        var target = ResolveTarget(call, thisType);
        var match = effect.MatchCall(call, target, cache.HasBody(target));
        if (match.IsMatch)
        {
            return new Step(CallPath.Of(new CallStep(target, match.DecidingArgument)), Step.Final);
        }

        if (!cache.HasBody(target))
        {
            return new Step(null, Step.Final);
        }

        var calleeThis = call.Receiver == CallReceiver.This ? thisType : null;
        var callee = Summarize(new SummaryKey(effect, MethodContext.CalledBy(target, call), calleeThis), stack, cancellationToken);
        return new Step(callee.Path?.Prepend(new CallStep(target)), callee.DependsOnDepth);
    }

    private Step Summarize(SummaryKey key, CallStack stack, CancellationToken cancellationToken)
    {
        if (cache.TryGetSummary(key, out var cached))
        {
            return new Step(cached, Step.Final);
        }

        if (stack.DepthOf(key) is { } inProgress)
        {
            return new Step(null, inProgress); // recursion: this call adds nothing the first visit does not find
        }

        var depth = stack.Count;
        if (depth >= MaxCallDepth)
        {
            return new Step(null, -1);
        }

        stack.Push(key);
        CallPath? best = null;
        var dependsOn = Step.Final;
        foreach (var call in cache.GetReachableCalls(key.Context, cancellationToken))
        {
            var step = FollowCall(key.Effect, call, key.ThisType, stack, cancellationToken);
            if (step.DependsOnDepth < dependsOn)
            {
                dependsOn = step.DependsOnDepth;
            }

            if (step.Path is { } path && (best is null || path.Length < best.Length))
            {
                best = path;
            }
        }

        stack.Pop();

        // Final when it relied on nothing still in progress below this method: the shortest path never
        // passes through the method itself, so cutting its own recursion loses nothing.
        if (dependsOn >= depth)
        {
            cache.AddSummary(key, best);
            dependsOn = Step.Final;
        }

        return new Step(best, dependsOn);
    }

    private readonly struct Step
    {
        public const int Final = int.MaxValue;

        public Step(CallPath? path, int dependsOnDepth)
        {
            Path = path;
            DependsOnDepth = dependsOnDepth;
        }

        public CallPath? Path { get; }

        public int DependsOnDepth { get; }
    }

    /// <summary>The methods being summarised on this thread, with their depth, to stop at recursion.</summary>
    private sealed class CallStack
    {
        private readonly List<SummaryKey> keys = new();
        private readonly Dictionary<SummaryKey, int> depths = new();

        public int Count => keys.Count;

        public int? DepthOf(SummaryKey key) => depths.TryGetValue(key, out var depth) ? depth : null;

        public void Push(SummaryKey key)
        {
            depths[key] = keys.Count;
            keys.Add(key);
        }

        public void Pop()
        {
            depths.Remove(keys[keys.Count - 1]);
            keys.RemoveAt(keys.Count - 1);
        }
    }
}
