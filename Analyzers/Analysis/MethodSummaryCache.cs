using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ShutdownAnalyzers.Analysis;

/// <summary>
/// What the restart-path analysis has learnt about one compilation's methods, kept for the
/// compilation's lifetime and shared by every driver type analysed concurrently: each method body's
/// path block by block (once per <see cref="MethodContext"/>) and each (effect, method, receiver type)
/// summary, "some path has it" and "every path has it". Values may rarely be computed twice by
/// racing threads; they are equal, so either wins.
/// </summary>
internal sealed class MethodSummaryCache
{
    private readonly Compilation compilation;
    private readonly SystemStateConditionEvaluator evaluator;
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> semanticModels = new();
    private readonly ConcurrentDictionary<IMethodSymbol, ControlFlowGraph?> graphsWithLocalFunctions = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<MethodContext, MethodFlow?> flows = new();
    private readonly ConcurrentDictionary<SummaryKey, CallPath?> summaries = new();
    private readonly ConcurrentDictionary<SummaryKey, bool> alwaysSummaries = new();

    public MethodSummaryCache(Compilation compilation, SystemStateConditionEvaluator evaluator)
    {
        this.compilation = compilation;
        this.evaluator = evaluator;
    }

    /// <summary>
    /// The calls the path reaches in the method's body, or an empty list when the body is not
    /// in this compilation (metadata, abstract, extern). <paramref name="knownGraph"/> saves building
    /// the graph again when the caller already has it.
    /// </summary>
    public ImmutableArray<ReachableCall> GetReachableCalls(MethodContext context, CancellationToken cancellationToken, ControlFlowGraph? knownGraph = null) =>
        GetFlow(context, cancellationToken, knownGraph)?.Calls ?? ImmutableArray<ReachableCall>.Empty;

    /// <summary>The path through the method's body block by block, or null when the body is not in this compilation.</summary>
    public MethodFlow? GetFlow(MethodContext context, CancellationToken cancellationToken, ControlFlowGraph? knownGraph = null)
    {
        if (flows.TryGetValue(context, out var flow))
        {
            return flow;
        }

        if (knownGraph is not null && !knownGraph.LocalFunctions.IsEmpty)
        {
            graphsWithLocalFunctions.TryAdd(context.Method, knownGraph);
        }

        var graph = knownGraph ?? GetGraph(context.Method, cancellationToken);
        flow = graph is null ? null : RestartPathFlow.Analyze(graph, context.EntryState(), evaluator, cancellationToken);
        return flows.GetOrAdd(context, flow);
    }

    /// <summary>True when the method's body is in this compilation, so the analysis can follow a call into it.</summary>
    public bool HasBody(IMethodSymbol method)
    {
        method = method.PartialImplementationPart ?? method;
        if (method.IsAbstract || method.IsExtern || method.MethodKind == MethodKind.AnonymousFunction)
        {
            return false;
        }

        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (compilation.ContainsSyntaxTree(reference.SyntaxTree))
            {
                return true;
            }
        }

        return false;
    }

    public bool TryGetSummary(SummaryKey key, out CallPath? path) => summaries.TryGetValue(key, out path);

    public void AddSummary(SummaryKey key, CallPath? path) => summaries.TryAdd(key, path);

    /// <summary>Whether every path through the method of <paramref name="key"/> has the key's effect, once known for good.</summary>
    public bool TryGetAlwaysSummary(SummaryKey key, out bool always) => alwaysSummaries.TryGetValue(key, out always);

    public void AddAlwaysSummary(SummaryKey key, bool always) => alwaysSummaries.TryAdd(key, always);

    /// <summary>The method's control-flow graph, built once per compilation; null when its body is not in this compilation.</summary>
    public ControlFlowGraph? GetGraph(IMethodSymbol method, CancellationToken cancellationToken)
    {
        method = (method.PartialImplementationPart ?? method).OriginalDefinition;
        if (graphsWithLocalFunctions.TryGetValue(method, out var cached))
        {
            return cached;
        }

        if (method.MethodKind == MethodKind.LocalFunction)
        {
            // A local function's graph hangs off the graph of the method that declares it.
            return method.ContainingSymbol is IMethodSymbol container &&
                   GetGraph(container.OriginalDefinition, cancellationToken) is { } outer &&
                   outer.LocalFunctions.Contains(method, SymbolEqualityComparer.Default)
                ? outer.GetLocalFunctionControlFlowGraph(method, cancellationToken)
                : null;
        }

        var graph = BuildGraph(method, cancellationToken);
        if (graph is not null && !graph.LocalFunctions.IsEmpty)
        {
            graph = graphsWithLocalFunctions.GetOrAdd(method, graph);
        }

        return graph;
    }

    private ControlFlowGraph? BuildGraph(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (!HasBody(method))
        {
            return null;
        }

        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (!compilation.ContainsSyntaxTree(reference.SyntaxTree))
            {
                continue;
            }

            var syntax = reference.GetSyntax(cancellationToken);
            if (syntax is BaseMethodDeclarationSyntax { Body: null, ExpressionBody: null })
            {
                continue; // a partial method's declaration without its implementation
            }

            var operation = GetSemanticModel(reference.SyntaxTree).GetOperation(syntax, cancellationToken);
            switch (operation)
            {
                case IMethodBodyOperation body:
                    return ControlFlowGraph.Create(body, cancellationToken);
                case IConstructorBodyOperation constructor:
                    return ControlFlowGraph.Create(constructor, cancellationToken);
            }
        }

        return null;
    }

    [SuppressMessage(
        "MicrosoftCodeAnalysisCorrectness",
        "RS1030:Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer",
        Justification = "Following a call into another method needs that method's operations, and an operation-block action " +
                        "only sees its own block. Each tree's model is created once per compilation and cached here.")]
    private SemanticModel GetSemanticModel(SyntaxTree tree) =>
        semanticModels.GetOrAdd(tree, t => compilation.GetSemanticModel(t));
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
