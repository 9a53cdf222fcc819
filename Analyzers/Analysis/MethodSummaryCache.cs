using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace ShutdownAnalyzers.Analysis;

/// <summary>
/// What the restart-path analysis has learnt about one compilation's methods, kept for the
/// compilation's lifetime and shared by every driver type analysed concurrently: each method body's
/// feasible graph and reachable calls (once per <see cref="MethodContext"/>) and each (effect, method,
/// receiver type) summary. The graphs themselves, which do not depend on the analysis' assumptions, are
/// shared with every other analysis of the compilation (<see cref="CompilationGraphs"/>). Values may
/// rarely be computed twice by racing threads; they are equal, so either wins.
/// </summary>
internal sealed class MethodSummaryCache
{
    private readonly CompilationGraphs graphs;
    private readonly SystemStateConditionEvaluator evaluator;
    private readonly ConcurrentDictionary<MethodContext, FeasibleGraph> feasibleGraphs = new();
    private readonly ConcurrentDictionary<SummaryKey, CallPath?> summaries = new();

    public MethodSummaryCache(Compilation compilation, SystemStateConditionEvaluator evaluator)
    {
        graphs = CompilationGraphs.For(compilation);
        this.evaluator = evaluator;
    }

    /// <summary>
    /// The calls the restart path reaches in the method's body, or an empty list when the body is not
    /// in this compilation (metadata, abstract, extern). <paramref name="knownGraph"/> saves building
    /// the graph again when the caller already has it.
    /// </summary>
    public ImmutableArray<ReachableCall> GetReachableCalls(MethodContext context, CancellationToken cancellationToken, ControlFlowGraph? knownGraph = null) =>
        GetFeasibleGraph(context, cancellationToken, knownGraph)?.Calls ?? ImmutableArray<ReachableCall>.Empty;

    /// <summary>
    /// The method's graph as the walk sees it, or null when the body is not in this compilation.
    /// <paramref name="knownGraph"/> saves building the graph again when the caller already has it.
    /// </summary>
    public FeasibleGraph? GetFeasibleGraph(MethodContext context, CancellationToken cancellationToken, ControlFlowGraph? knownGraph = null)
    {
        if (feasibleGraphs.TryGetValue(context, out var feasible))
        {
            return feasible;
        }

        if (knownGraph is not null && !knownGraph.LocalFunctions.IsEmpty)
        {
            graphs.Remember(context.Method, knownGraph);
        }

        var graph = knownGraph ?? graphs.GetGraph(context.Method, cancellationToken);
        return graph is null
            ? null
            : feasibleGraphs.GetOrAdd(context, RestartPathFlow.BuildGraph(graph, context.EntryState(), evaluator, cancellationToken));
    }

    /// <summary>True when the method's body is in this compilation, so the analysis can follow a call into it.</summary>
    public bool HasBody(IMethodSymbol method) => graphs.HasBody(method);

    /// <summary>
    /// The one expression <paramref name="method"/> returns, when its body in this compilation is just
    /// that (<c>=&gt; expr</c> or <c>{ return expr; }</c>, accessors included); null otherwise.
    /// </summary>
    public IOperation? ReturnedValue(IMethodSymbol method) => graphs.ReturnedValue(method);

    public bool TryGetSummary(SummaryKey key, out CallPath? path) => summaries.TryGetValue(key, out path);

    public void AddSummary(SummaryKey key, CallPath? path) => summaries.TryAdd(key, path);
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
