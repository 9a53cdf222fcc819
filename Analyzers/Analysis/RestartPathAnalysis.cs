using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using ShutdownAnalyzers.Infrastructure;

namespace ShutdownAnalyzers.Analysis;

/// <summary>
/// Answers, for one compilation, "while the system restarts (kexec, reboot), which calls of this
/// method have effect X, directly or through the methods they call, and by which path?" and "does every
/// path through this method have effect X?" for any <see cref="Effect"/> — and, about the order of
/// effects along paths, "does some path reach X before any Y?" and "on how many paths to the exit is X
/// in force?" (<see cref="EffectOrderAnalysis"/>). Create one per compilation at compilation start (one
/// per set of <see cref="PathAssumptions"/>); it is thread-safe.
/// </summary>
/// <remarks>
/// Each method body is walked on its control-flow graph under the assumptions — by default
/// <c>SystemState == Restart</c> (<see cref="SystemStateConditionEvaluator"/>), so branches that only a
/// power-off, halt or suspend takes are pruned. Calls into methods whose bodies are in the same
/// compilation are followed, with the arguments that decide paths carried in (<see cref="MethodContext"/>);
/// a virtual call on <c>this</c> resolves to the override seen from the type being analysed. Not
/// followed: calls through interfaces, delegates, lambdas, and virtual calls on other objects beyond the
/// statically bound method. Recursion stops at methods already on the call stack, and summaries are cached.
/// </remarks>
internal sealed class RestartPathAnalysis
{
    /// <summary>Deeper call chains are not followed: a path that long tells the user nothing.</summary>
    private const int MaxCallDepth = 32;

    /// <summary>Every analysis of a compilation, by assumptions: rules that assume the same share the flows and summaries.</summary>
    private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<PathAssumptions, Lazy<RestartPathAnalysis?>>> Shared = new();

    private readonly CompilationGraphs graphs;
    private readonly MethodSummaryCache cache;
    private readonly SystemStateConditionEvaluator evaluator;
    private readonly EffectOrderAnalysis order;

    private RestartPathAnalysis(EffectAttributes effects, CompilationGraphs graphs, MethodSummaryCache cache, SystemStateConditionEvaluator evaluator, PathAssumptions assumptions)
    {
        Effects = effects;
        this.graphs = graphs;
        this.cache = cache;
        this.evaluator = evaluator;
        Assumptions = assumptions;
        order = new EffectOrderAnalysis(cache);
    }

    /// <summary>The effects of the bus API's attributes, to pass to the queries.</summary>
    public EffectAttributes Effects { get; }

    /// <summary>What every path walked is taken to satisfy.</summary>
    public PathAssumptions Assumptions { get; }

    /// <summary>Null when the bus API has no <c>Kernel.SystemState</c>: then there is no restart path to speak of.</summary>
    public static RestartPathAnalysis? Create(DriverModelSymbols symbols) => Create(symbols, PathAssumptions.Restart);

    /// <summary>
    /// The analysis of the paths <paramref name="assumptions"/> allow, one per compilation and
    /// assumptions, shared by every rule that asks for it (a method body walked for SHD002 is not walked
    /// again for SHD009). Null when the bus API has no <c>Kernel.SystemState</c>, or not the state assumed.
    /// </summary>
    public static RestartPathAnalysis? Create(DriverModelSymbols symbols, PathAssumptions assumptions) =>
        Shared.GetValue(symbols.Compilation, _ => new ConcurrentDictionary<PathAssumptions, Lazy<RestartPathAnalysis?>>())
            .GetOrAdd(assumptions, key => new Lazy<RestartPathAnalysis?>(() => CreateUnshared(symbols, key)))
            .Value;

    private static RestartPathAnalysis? CreateUnshared(DriverModelSymbols symbols, PathAssumptions assumptions)
    {
        var graphs = CompilationGraphs.For(symbols.Compilation);
        var evaluator = SystemStateConditionEvaluator.Create(symbols, assumptions, graphs.ReturnedValue);
        return evaluator is null
            ? null
            : new RestartPathAnalysis(new EffectAttributes(symbols), graphs, new MethodSummaryCache(graphs, evaluator, assumptions), evaluator, assumptions);
    }

    /// <summary>
    /// How the paths from <paramref name="method"/>'s entry to its normal exit stand with
    /// <paramref name="effect"/>: on every path, on some, on none ("does Remove free the interrupt
    /// whichever way it goes?"). With <paramref name="undoneBy"/>, an effect undone later on a path
    /// does not count for it ("does Probe still hold the regions when it returns?").
    /// </summary>
    public PathCoverage GetCoverage(
        IMethodSymbol method, INamedTypeSymbol? thisType, Effect effect, CancellationToken cancellationToken, Effect? undoneBy = null) =>
        order.GetCoverage(method, thisType, effect, undoneBy, cancellationToken);

    /// <summary>
    /// The calls in <paramref name="method"/>'s own body that have <paramref name="target"/>, or lead to
    /// it, on a path where no call with <paramref name="avoid"/> ran before ("Probe requests the
    /// interrupt before any reset"), each with the shortest such path (starting at
    /// <paramref name="method"/>), in source order.
    /// </summary>
    public ImmutableArray<EffectCall> FindEffectCallsAvoiding(
        IMethodSymbol method, INamedTypeSymbol? thisType, Effect target, Effect avoid, CancellationToken cancellationToken) =>
        order.FindEffectCallsAvoiding(method, thisType, target, avoid, cancellationToken);

    /// <summary>What <paramref name="operation"/> evaluates to under the assumptions, with no locals or parameters known.</summary>
    public AbstractValue Evaluate(IOperation operation) => evaluator.Evaluate(operation, FlowState.Empty);

    /// <summary>True when <paramref name="operation"/> reads <c>Kernel.SystemState</c>.</summary>
    public bool ReadsSystemState(IOperation operation) => evaluator.ReadsSystemState(operation);

    /// <summary>
    /// The calls in <paramref name="method"/>'s own body, on the restart path, that have
    /// <paramref name="effect"/> or reach it, each with the shortest path (starting at
    /// <paramref name="method"/>), in source order.
    /// </summary>
    /// <param name="thisType">The type whose overrides virtual calls on <c>this</c> resolve to; usually the method's own type.</param>
    public ImmutableArray<EffectCall> FindEffectCalls(
        IMethodSymbol method, INamedTypeSymbol? thisType, Effect effect, CancellationToken cancellationToken)
    {
        var root = MethodContext.Entry(method);
        var stack = new RecursionStack<SummaryKey>();
        stack.Push(new SummaryKey(effect, root, thisType));
        var found = ImmutableArray.CreateBuilder<EffectCall>();
        foreach (var call in cache.GetReachableCalls(root, cancellationToken))
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

        var path = Summarize(new SummaryKey(effect, MethodContext.Entry(method), thisType), new RecursionStack<SummaryKey>(), cancellationToken).Path;
        return path?.Prepend(new CallStep(method));
    }

    /// <summary>
    /// True when every path through <paramref name="method"/> from its entry to a normal end passes a
    /// call with <paramref name="effect"/>, directly or through a method whose every path has it (a must
    /// question: "does Shutdown always flush?"). False when the method has no body in this compilation.
    /// </summary>
    public bool AlwaysReaches(IMethodSymbol method, INamedTypeSymbol? thisType, Effect effect, CancellationToken cancellationToken) =>
        cache.HasBody(method) && SummarizeAlways(new SummaryKey(effect, MethodContext.Entry(method), thisType), new RecursionStack<SummaryKey>(), cancellationToken).Always;

    /// <summary>The calls in <paramref name="method"/>'s own body that the restart path reaches, in source order.</summary>
    public ImmutableArray<ReachableCall> GetReachableCalls(IMethodSymbol method, CancellationToken cancellationToken) =>
        cache.GetReachableCalls(MethodContext.Entry(method), cancellationToken);

    /// <summary>True when the method's body is in this compilation, so a walk can follow a call into it.</summary>
    public bool HasBody(IMethodSymbol method) => cache.HasBody(method);

    /// <summary>
    /// The method's body when it runs straight through, which needs no graph (<see cref="StraightLineBody"/>);
    /// null for any other body (ask <see cref="GetControlFlowGraph"/>) and when the body is not in this compilation.
    /// </summary>
    public StraightLineBody? GetStraightLineBody(IMethodSymbol method, CancellationToken cancellationToken) =>
        cache.HasBody(method) ? cache.GetStraightLineBody(method, cancellationToken) : null;

    /// <summary>
    /// The method's control-flow graph, with every branch (no restart assumption), for questions the
    /// restart path does not answer; built once per compilation. Null when the body is not in this compilation.
    /// </summary>
    public ControlFlowGraph? GetControlFlowGraph(IMethodSymbol method, CancellationToken cancellationToken) =>
        cache.HasBody(method) ? cache.GetGraph(method, cancellationToken) : null;

    /// <summary>
    /// The method a call runs: the bound method, or for a virtual call on <c>this</c> the most derived
    /// override in <paramref name="thisType"/> and its bases.
    /// </summary>
    public static IMethodSymbol ResolveTarget(ReachableCall call, INamedTypeSymbol? thisType) =>
        ResolveTarget(call.Target, call.IsVirtual, call.Receiver, thisType);

    /// <summary>As <see cref="ResolveTarget(ReachableCall, INamedTypeSymbol?)"/>, for a call the caller found itself.</summary>
    public static IMethodSymbol ResolveTarget(IMethodSymbol target, bool isVirtual, CallReceiver receiver, INamedTypeSymbol? thisType)
    {
        if (!isVirtual || receiver != CallReceiver.This || thisType is null)
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
    private Step FollowCall(Effect effect, ReachableCall call, INamedTypeSymbol? thisType, RecursionStack<SummaryKey> stack, CancellationToken cancellationToken)
    {
        var target = ResolveTarget(call, thisType);
        var match = effect.MatchCall(call, target, cache.HasBody(target));
        if (match.IsMatch)
        {
            return new Step(CallPath.Of(new CallStep(target, match.DecidingArgument, call)), Step.Final);
        }

        if (!cache.HasBody(target))
        {
            return new Step(null, Step.Final);
        }

        var calleeThis = call.Receiver == CallReceiver.This ? thisType : null;
        var callee = Summarize(new SummaryKey(effect, MethodContext.CalledBy(target, call), calleeThis), stack, cancellationToken);
        return new Step(callee.Path?.Prepend(new CallStep(target, call: call)), callee.DependsOnDepth);
    }

    private Step Summarize(SummaryKey key, RecursionStack<SummaryKey> stack, CancellationToken cancellationToken)
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

    /// <summary>Whether every path through the method of <paramref name="key"/> has its effect; recursion is assumed to have it.</summary>
    private AlwaysStep SummarizeAlways(SummaryKey key, RecursionStack<SummaryKey> stack, CancellationToken cancellationToken)
    {
        if (cache.TryGetAlwaysSummary(key, out var cached))
        {
            return new AlwaysStep(cached, Step.Final);
        }

        if (stack.DepthOf(key) is { } inProgress)
        {
            return new AlwaysStep(true, inProgress); // the greatest fixed point: a cycle does not by itself avoid the effect
        }

        var depth = stack.Count;
        if (depth >= MaxCallDepth)
        {
            return new AlwaysStep(false, -1);
        }

        stack.Push(key);
        var dependsOn = Step.Final;
        var flow = cache.GetFlow(key.Context, cancellationToken);
        var always = flow is not null && EveryPathFlow.AlwaysPasses(flow, call =>
        {
            var step = CallAlways(key.Effect, call, key.ThisType, stack, cancellationToken);
            if (step.DependsOnDepth < dependsOn)
            {
                dependsOn = step.DependsOnDepth;
            }

            return step.Always;
        });
        stack.Pop();

        if (dependsOn >= depth)
        {
            cache.AddAlwaysSummary(key, always);
            dependsOn = Step.Final;
        }

        return new AlwaysStep(always, dependsOn);
    }

    private AlwaysStep CallAlways(Effect effect, ReachableCall call, INamedTypeSymbol? thisType, RecursionStack<SummaryKey> stack, CancellationToken cancellationToken)
    {
        var target = ResolveTarget(call, thisType);
        if (effect.Match(target, call.Arguments).IsMatch)
        {
            return new AlwaysStep(true, Step.Final);
        }

        if (!cache.HasBody(target))
        {
            return new AlwaysStep(false, Step.Final);
        }

        var calleeThis = call.Receiver == CallReceiver.This ? thisType : null;
        return SummarizeAlways(new SummaryKey(effect, MethodContext.CalledBy(target, call), calleeThis), stack, cancellationToken);
    }

    private readonly struct AlwaysStep
    {
        public AlwaysStep(bool always, int dependsOnDepth)
        {
            Always = always;
            DependsOnDepth = dependsOnDepth;
        }

        public bool Always { get; }

        public int DependsOnDepth { get; }
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
}
