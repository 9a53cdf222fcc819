using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ShutdownAnalyzers.Analysis;

/// <summary>
/// One method as a walk over driver code sees it: its body (a control-flow graph, or the statements of a
/// body that runs straight through, <see cref="StraightLineBody"/>), where the devices passed to
/// its parameters come from, the type <c>this</c> is, and for a local function the frame of the method
/// that declares it (whose parameters and locals it captures). Frames with the same method, parameter
/// origins and <c>this</c> type are equal, so summaries can be cached by frame.
/// </summary>
internal sealed class MethodFrame : IEquatable<MethodFrame>
{
    /// <summary>Each body's writes, found once: a method is entered in a frame per call site and per driver.</summary>
    private static readonly ConditionalWeakTable<object, Dictionary<ISymbol, List<IOperation>?>> WritesByBody = new();

    private readonly ControlFlowGraph? graph;
    private readonly StraightLineBody? straightLine;
    private Dictionary<CaptureId, List<IOperation>>? captures;

    public MethodFrame(IMethodSymbol method, ControlFlowGraph graph, ImmutableArray<DeviceOrigin> parameters, INamedTypeSymbol? thisType, MethodFrame? outer)
        : this(method, parameters, thisType, outer) => this.graph = graph;

    public MethodFrame(IMethodSymbol method, StraightLineBody straightLine, ImmutableArray<DeviceOrigin> parameters, INamedTypeSymbol? thisType, MethodFrame? outer)
        : this(method, parameters, thisType, outer) => this.straightLine = straightLine;

    private MethodFrame(IMethodSymbol method, ImmutableArray<DeviceOrigin> parameters, INamedTypeSymbol? thisType, MethodFrame? outer)
    {
        Method = (method.PartialImplementationPart ?? method).OriginalDefinition;
        Parameters = parameters;
        ThisType = thisType;
        Outer = outer;
    }

    public IMethodSymbol Method { get; }

    /// <summary>The origin of the device passed to each parameter, by ordinal; unknown for anything else.</summary>
    public ImmutableArray<DeviceOrigin> Parameters { get; }

    public INamedTypeSymbol? ThisType { get; }

    /// <summary>For a local function, the frame of the method that declares it.</summary>
    public MethodFrame? Outer { get; }

    /// <summary>The frame that owns <paramref name="parameter"/>: this one, or one a local function captures it from.</summary>
    public MethodFrame? OwnerOf(IParameterSymbol parameter)
    {
        for (var frame = this; frame is not null; frame = frame.Outer)
        {
            if (SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol.OriginalDefinition, frame.Method))
            {
                return frame;
            }
        }

        return null;
    }

    /// <summary>
    /// The values assigned to a local or parameter anywhere in this method: empty when none, null when
    /// it is also written in a way the walk cannot follow (by reference, deconstruction, compound assignment).
    /// </summary>
    public IReadOnlyList<IOperation>? WritesTo(ISymbol variable)
    {
        var body = (object?)graph ?? straightLine!;
        if (!WritesByBody.TryGetValue(body, out var writes))
        {
            writes = WritesByBody.GetValue(body, _ => CollectWrites()); // read only once made, so frames on other threads share it
        }

        return writes.TryGetValue(variable, out var values) ? values : Array.Empty<IOperation>();
    }

    /// <summary>The values the compiler captured under <paramref name="id"/> (the temporaries of <c>?.</c>, <c>??</c>, <c>?:</c>, <c>switch</c>).</summary>
    public IReadOnlyList<IOperation> CapturedValues(CaptureId id)
    {
        if (captures is null)
        {
            captures = new Dictionary<CaptureId, List<IOperation>>();
            foreach (var capture in Operations().OfType<IFlowCaptureOperation>())
            {
                if (!captures.TryGetValue(capture.Id, out var values))
                {
                    captures[capture.Id] = values = new List<IOperation>();
                }

                values.Add(capture.Value);
            }
        }

        return captures.TryGetValue(id, out var found) ? found : (IReadOnlyList<IOperation>)Array.Empty<IOperation>();
    }

    /// <summary>The values the method returns (<c>return x;</c>, an expression body).</summary>
    public IEnumerable<IOperation> ReturnedValues() =>
        graph is null
            ? straightLine!.ReturnedValue is { } returned ? new[] { returned } : Enumerable.Empty<IOperation>()
            : graph.Blocks
                .Where(block => block.FallThroughSuccessor is { Semantics: ControlFlowBranchSemantics.Return } && block.BranchValue is not null)
                .Select(block => block.BranchValue!);

    /// <summary>Every operation of the reachable blocks (or of the straight line), branch values included, parents before children.</summary>
    public IEnumerable<IOperation> Operations()
    {
        foreach (var root in Roots())
        {
            foreach (var operation in DescendantsAndSelfOutsideLambdas(root))
            {
                yield return operation;
            }
        }
    }

    public bool Equals(MethodFrame? other) =>
        other is not null &&
        SymbolEqualityComparer.Default.Equals(Method, other.Method) &&
        SymbolEqualityComparer.Default.Equals(ThisType, other.ThisType) &&
        Parameters.SequenceEqual(other.Parameters) &&
        Equals(Outer, other.Outer);

    public override bool Equals(object? obj) => Equals(obj as MethodFrame);

    public override int GetHashCode()
    {
        var hash = SymbolEqualityComparer.Default.GetHashCode(Method);
        hash = (hash * 31) + SymbolEqualityComparer.Default.GetHashCode(ThisType);
        foreach (var parameter in Parameters)
        {
            hash = (hash * 31) + parameter.GetHashCode();
        }

        return hash;
    }

    public override string ToString() => Method.Name + "(" + string.Join(", ", Parameters) + ")";

    private IEnumerable<IOperation> Roots()
    {
        if (graph is null)
        {
            foreach (var step in straightLine!.Steps)
            {
                yield return step;
            }

            yield break;
        }

        foreach (var block in graph.Blocks)
        {
            if (!block.IsReachable)
            {
                continue;
            }

            foreach (var operation in block.Operations)
            {
                yield return operation;
            }

            if (block.BranchValue is { } branchValue)
            {
                yield return branchValue;
            }
        }
    }

    private static IEnumerable<IOperation> DescendantsAndSelfOutsideLambdas(IOperation root)
    {
        var stack = new Stack<IOperation>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var operation = stack.Pop();
            yield return operation;
            if (operation is IFlowAnonymousFunctionOperation or IAnonymousFunctionOperation)
            {
                continue;
            }

            foreach (var child in operation.ChildOperations.Reverse())
            {
                stack.Push(child);
            }
        }
    }

    private Dictionary<ISymbol, List<IOperation>?> CollectWrites()
    {
        var found = new Dictionary<ISymbol, List<IOperation>?>(SymbolEqualityComparer.Default);
        foreach (var operation in Operations())
        {
            switch (operation)
            {
                case ISimpleAssignmentOperation { IsRef: false } assignment when Variable(assignment.Target) is { } variable:
                    Add(variable, assignment.Value);
                    break;
                case IAssignmentOperation assignment when Variable(assignment.Target) is { } variable:
                    Untrack(variable);
                    break;
                case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                    Add(declarator.Symbol, initializer.Value); // a graph has an assignment instead
                    break;
                case IDeconstructionAssignmentOperation deconstruction:
                    foreach (var target in deconstruction.Target.DescendantsAndSelf())
                    {
                        if (Variable(target) is { } variable)
                        {
                            Untrack(variable);
                        }
                    }

                    break;
                case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument when Variable(argument.Value) is { } variable:
                    Untrack(variable);
                    break;
                case IDeclarationPatternOperation { DeclaredSymbol: { } declared } pattern:
                    // x is PlatformDevice channel: channel is x; deeper in a pattern, the walk does not follow.
                    if (pattern.Parent is IIsPatternOperation isPattern && isPattern.Pattern == pattern)
                    {
                        Add(declared, isPattern.Value);
                    }
                    else
                    {
                        Untrack(declared);
                    }

                    break;
                case IRecursivePatternOperation { DeclaredSymbol: { } declared }:
                    Untrack(declared);
                    break;
            }
        }

        return found;

        void Add(ISymbol variable, IOperation value)
        {
            if (!found.TryGetValue(variable, out var values))
            {
                found[variable] = values = new List<IOperation>();
            }

            values?.Add(value);
        }

        void Untrack(ISymbol variable) => found[variable] = null;
    }

    private static ISymbol? Variable(IOperation target) => target switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        _ => null,
    };
}
