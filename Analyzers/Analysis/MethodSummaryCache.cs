using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace ShutdownAnalyzers.Analysis;

/// <summary>
/// What the restart-path analysis has learnt about one compilation's methods, kept for the
/// compilation's lifetime and shared by every driver type analysed concurrently: each method body's
/// path block by block (once per <see cref="MethodContext"/>) and each (effect, method, receiver type)
/// summary, "some path has it" and "every path has it". The graphs themselves, which do not depend on
/// the assumptions, are shared with every other analysis of the compilation (<see cref="CompilationGraphs"/>),
/// and so is a path that read no system state, with the analyses that differ only in the state assumed.
/// Values may rarely be computed twice by racing threads; they are equal, so either wins.
/// </summary>
internal sealed class MethodSummaryCache
{
    private readonly CompilationGraphs graphs;
    private readonly SystemStateConditionEvaluator evaluator;
    private readonly PathAssumptions withoutSystemState;
    private readonly ConcurrentDictionary<MethodContext, MethodFlow?> flows = new();
    private readonly ConcurrentDictionary<SummaryKey, CallPath?> summaries = new();
    private readonly ConcurrentDictionary<SummaryKey, bool> alwaysSummaries = new();

    public MethodSummaryCache(CompilationGraphs graphs, SystemStateConditionEvaluator evaluator, PathAssumptions assumptions)
    {
        this.graphs = graphs;
        this.evaluator = evaluator;
        withoutSystemState = assumptions.WithoutSystemState();
    }

    /// <summary>
    /// The calls the path reaches in the method's body, or an empty list when the body is not
    /// in this compilation (metadata, abstract, extern).
    /// </summary>
    public ImmutableArray<ReachableCall> GetReachableCalls(MethodContext context, CancellationToken cancellationToken) =>
        GetFlow(context, cancellationToken)?.Calls ?? ImmutableArray<ReachableCall>.Empty;

    /// <summary>The path through the method's body block by block, or null when the body is not in this compilation.</summary>
    public MethodFlow? GetFlow(MethodContext context, CancellationToken cancellationToken)
    {
        if (flows.TryGetValue(context, out var flow))
        {
            return flow;
        }

        if (graphs.FindStateFreeFlow(withoutSystemState, context) is { } shared)
        {
            return flows.GetOrAdd(context, shared);
        }

        flow = GetStraightLineBody(context.Method, cancellationToken) is { } straightLine
            ? RestartPathFlow.Analyze(straightLine, context.EntryState(), evaluator, cancellationToken)
            : GetGraph(context.Method, cancellationToken) is { } graph
                ? RestartPathFlow.Analyze(graph, context.EntryState(), evaluator, cancellationToken)
                : null;
        if (flow is not null)
        {
            graphs.ShareIfStateFree(withoutSystemState, context, flow);
        }

        return flows.GetOrAdd(context, flow);
    }

    /// <summary>True when the method's body is in this compilation, so the analysis can follow a call into it.</summary>
    public bool HasBody(IMethodSymbol method) => graphs.HasBody(method);

    public bool TryGetSummary(SummaryKey key, out CallPath? path) => summaries.TryGetValue(key, out path);

    public void AddSummary(SummaryKey key, CallPath? path) => summaries.TryAdd(key, path);

    /// <summary>Whether every path through the method of <paramref name="key"/> has the key's effect, once known for good.</summary>
    public bool TryGetAlwaysSummary(SummaryKey key, out bool always) => alwaysSummaries.TryGetValue(key, out always);

    public void AddAlwaysSummary(SummaryKey key, bool always) => alwaysSummaries.TryAdd(key, always);

    /// <summary>The method's body when it runs straight through, found once per compilation; null otherwise.</summary>
    public StraightLineBody? GetStraightLineBody(IMethodSymbol method, CancellationToken cancellationToken) =>
        graphs.GetStraightLineBody((method.PartialImplementationPart ?? method).OriginalDefinition, cancellationToken);

    /// <summary>The method's control-flow graph, built once per compilation; null when its body is not in this compilation.</summary>
    public ControlFlowGraph? GetGraph(IMethodSymbol method, CancellationToken cancellationToken) =>
        graphs.GetGraph((method.PartialImplementationPart ?? method).OriginalDefinition, cancellationToken);
}

/// <summary>The key of one summary: which effect, in which method context, with <c>this</c> of which type.</summary>
internal readonly struct SummaryKey : System.IEquatable<SummaryKey>
{
    public SummaryKey(Effect effect, MethodContext context, INamedTypeSymbol? thisType)
    {
        Effect = effect;
        Context = context;
        ThisType = thisType;
    }

    public Effect Effect { get; }

    public MethodContext Context { get; }

    /// <summary>The runtime type of <c>this</c> when known (the driver being analysed): virtual calls on <c>this</c> resolve against it.</summary>
    public INamedTypeSymbol? ThisType { get; }

    public bool Equals(SummaryKey other) =>
        ReferenceEquals(Effect, other.Effect) && Context.Equals(other.Context) &&
        SymbolEqualityComparer.Default.Equals(ThisType, other.ThisType);

    public override bool Equals(object? obj) => obj is SummaryKey other && Equals(other);

    public override int GetHashCode() =>
        (((Effect.GetHashCode() * 31) + Context.GetHashCode()) * 31) + SymbolEqualityComparer.Default.GetHashCode(ThisType);
}
