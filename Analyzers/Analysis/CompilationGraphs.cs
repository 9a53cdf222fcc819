using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ShutdownAnalyzers.Analysis;

/// <summary>
/// The work on a compilation's method bodies that does not depend on what an analysis assumes: one
/// semantic model per syntax tree, one control-flow graph per method body, the expression a method just
/// returns. Shared by every analysis of the compilation — every rule, every set of assumptions — so a
/// helper that several rules follow is bound and lowered once. The rules ask for bodies from a symbol-end
/// action on the driver type (<see cref="Infrastructure.DriverTypeAnalyzer"/>) rather than from
/// operation-block actions: only the bodies they follow are read, and those the compiler has compiled by
/// then come with its bound trees (the semantic model it caches for analyzers) instead of being bound again.
/// Thread-safe; a value two threads race to compute is equal either way.
/// </summary>
internal sealed class CompilationGraphs
{
    private static readonly ConditionalWeakTable<Compilation, CompilationGraphs> Instances = new();

    private readonly Compilation compilation;
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> semanticModels = new();
    private readonly ConcurrentDictionary<IMethodSymbol, ControlFlowGraph?> graphs = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, StraightLineBody?> straightLines = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, IOperation?> returnedValues = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<(PathAssumptions WithoutSystemState, MethodContext Context), MethodFlow> stateFreeFlows = new();

    private CompilationGraphs(Compilation compilation) => this.compilation = compilation;

    public static CompilationGraphs For(Compilation compilation) => Instances.GetValue(compilation, c => new CompilationGraphs(c));

    /// <summary>True when the method's body is in this compilation, so an analysis can follow a call into it.</summary>
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

    /// <summary>The method's control-flow graph (a local function's from its container's), or null without a body here.</summary>
    public ControlFlowGraph? GetGraph(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (graphs.TryGetValue(method, out var cached))
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

        return graphs.GetOrAdd(method, BuildGraph(method, cancellationToken));
    }

    /// <summary>
    /// The method's body when it runs straight through (<see cref="StraightLineBody"/>), which a walk
    /// reads without a graph; null for any other body (ask <see cref="GetGraph"/>) and without a body here.
    /// </summary>
    public StraightLineBody? GetStraightLineBody(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (straightLines.TryGetValue(method, out var cached))
        {
            return cached;
        }

        var body = method.MethodKind == MethodKind.LocalFunction
            ? null // its body is in its container's graph
            : FindBody(method, cancellationToken) is { } operation ? StraightLineBody.TryCreate(operation) : null;
        return straightLines.GetOrAdd(method, body);
    }

    /// <summary>
    /// A flow some analysis walked without reading the system state, for the analyses whose assumptions
    /// differ from its own in the system state only (restart and any state; restart and power-off): the
    /// walk would come out the same for them. <paramref name="withoutSystemState"/> is the analysis'
    /// assumptions with the state left out (<see cref="PathAssumptions.WithoutSystemState"/>).
    /// </summary>
    public MethodFlow? FindStateFreeFlow(PathAssumptions withoutSystemState, MethodContext context) =>
        stateFreeFlows.TryGetValue((withoutSystemState, context), out var flow) ? flow : null;

    /// <summary>Offers a flow to the other analyses (<see cref="FindStateFreeFlow"/>) when it read no system state.</summary>
    public void ShareIfStateFree(PathAssumptions withoutSystemState, MethodContext context, MethodFlow flow)
    {
        if (!flow.ReadsSystemState)
        {
            stateFreeFlows.TryAdd((withoutSystemState, context), flow);
        }
    }

    /// <summary>
    /// The one expression <paramref name="method"/> returns, when its body in this compilation is just
    /// that (<c>=&gt; expr</c> or <c>{ return expr; }</c>, accessors included); null otherwise.
    /// </summary>
    public IOperation? ReturnedValue(IMethodSymbol method) =>
        returnedValues.GetOrAdd((method.PartialImplementationPart ?? method).OriginalDefinition, FindReturnedValue);

    private ControlFlowGraph? BuildGraph(IMethodSymbol method, CancellationToken cancellationToken) =>
        FindBody(method, cancellationToken) switch
        {
            IMethodBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
            IConstructorBodyOperation constructor => ControlFlowGraph.Create(constructor, cancellationToken),
            _ => null,
        };

    /// <summary>The method's body operation (a method's or a constructor's) in this compilation, or null.</summary>
    private IOperation? FindBody(IMethodSymbol method, CancellationToken cancellationToken)
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

            var body = GetSemanticModel(reference.SyntaxTree).GetOperation(syntax, cancellationToken);
            if (body is IMethodBodyOperation or IConstructorBodyOperation)
            {
                return body;
            }
        }

        return null;
    }

    private IOperation? FindReturnedValue(IMethodSymbol method)
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

            var body = GetSemanticModel(reference.SyntaxTree).GetOperation(reference.GetSyntax(), CancellationToken.None) switch
            {
                IMethodBodyOperation methodBody => methodBody.BlockBody ?? methodBody.ExpressionBody,
                IBlockOperation block => block,
                _ => null,
            };
            if (body is IBlockOperation { Operations.Length: 1 } single && single.Operations[0] is IReturnOperation { ReturnedValue: { } returned })
            {
                return returned;
            }
        }

        return null;
    }

    [SuppressMessage(
        "MicrosoftCodeAnalysisCorrectness",
        "RS1030:Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer",
        Justification = "Following a call into another method needs that method's operations, and an operation-block action " +
                        "only sees its own block. Each tree's model is created once per compilation, for every analysis, and cached here.")]
    private SemanticModel GetSemanticModel(SyntaxTree tree) =>
        semanticModels.GetOrAdd(tree, t => compilation.GetSemanticModel(t));
}
