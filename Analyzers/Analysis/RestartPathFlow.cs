using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ShutdownAnalyzers.Analysis;

/// <summary>
/// The intra-procedural half of the restart-path analysis: walks one method's control-flow graph
/// from its entry, propagating constants through locals, parameters and flow captures, and takes a
/// branch only when its condition can hold while the system restarts. The result is every call on a
/// feasible block, in source order, with the arguments' values at that point.
/// </summary>
internal static class RestartPathFlow
{
    /// <summary>Each body's untracked variables, found once: a method is walked under several contexts and assumptions.</summary>
    private static readonly ConditionalWeakTable<IOperation, HashSet<ISymbol>> UntrackedVariables = new();

    /// <summary>The blocks the path reaches, each with its calls and the branches it can take, and every call in source order.</summary>
    public static MethodFlow Analyze(
        ControlFlowGraph graph,
        FlowState entryState,
        SystemStateConditionEvaluator evaluator,
        CancellationToken cancellationToken)
    {
        SystemStateConditionEvaluator.TakeSystemStateRead(); // what was read before this walk is not its business
        var walker = new Walker(evaluator, Untracked(graph.OriginalOperation, ref entryState));
        var entryStates = walker.Solve(graph, entryState, cancellationToken);

        var blocks = ImmutableArray.CreateBuilder<ReachedBlock?>(graph.Blocks.Length);
        var calls = new List<ReachableCall>();
        var blockCalls = new List<ReachableCall>();
        foreach (var block in graph.Blocks)
        {
            if (entryStates[block.Ordinal] is { } state)
            {
                blockCalls.Clear();
                var branches = walker.TransferBlock(block, state, blockCalls);
                blocks.Add(new ReachedBlock(blockCalls.ToImmutableArray(), branches));
                calls.AddRange(blockCalls);
            }
            else
            {
                blocks.Add(null);
            }
        }

        InSourceOrder(calls);
        var readsSystemState = SystemStateConditionEvaluator.TakeSystemStateRead();
        return new MethodFlow(graph, blocks.MoveToImmutable(), calls.ToImmutableArray(), readsSystemState);
    }

    /// <summary>The path through a body that runs straight through: every call, as one block.</summary>
    public static MethodFlow Analyze(
        StraightLineBody body,
        FlowState entryState,
        SystemStateConditionEvaluator evaluator,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        SystemStateConditionEvaluator.TakeSystemStateRead();
        var walker = new Walker(evaluator, Untracked(body.Root, ref entryState));
        var calls = new List<ReachableCall>();
        var state = entryState;
        foreach (var step in body.Steps)
        {
            state = walker.Transfer(step, state, calls);
        }

        var inEvaluationOrder = calls.ToImmutableArray();
        var inSourceOrder = InSourceOrder(calls) ? calls.ToImmutableArray() : inEvaluationOrder; // mostly the same order: one array
        var readsSystemState = SystemStateConditionEvaluator.TakeSystemStateRead();
        return new MethodFlow(
            graph: null,
            ImmutableArray.Create<ReachedBlock?>(new ReachedBlock(inEvaluationOrder, ImmutableArray<ControlFlowBranch>.Empty)),
            inSourceOrder,
            readsSystemState);
    }

    /// <summary>The body's untracked variables; sets them unknown in <paramref name="entryState"/>.</summary>
    private static HashSet<ISymbol> Untracked(IOperation body, ref FlowState entryState)
    {
        var untracked = UntrackedVariables.GetValue(body, static root => FindUntrackedVariables(root));
        foreach (var variable in untracked)
        {
            entryState = entryState.Set(variable, AbstractValue.Unknown);
        }

        return untracked;
    }

    /// <summary>
    /// Sorts calls by where they start, the shorter (inner, which runs first: <c>a.B()</c> in
    /// <c>a.B().C()</c>) first when two start together. A stable insertion sort: blocks come in source
    /// order far more often than not, and then it looks once at each call.
    /// </summary>
    /// <returns>False when the calls were in source order already.</returns>
    private static bool InSourceOrder(List<ReachableCall> calls)
    {
        var moved = false;
        for (var i = 1; i < calls.Count; i++)
        {
            var call = calls[i];
            var j = i - 1;
            while (j >= 0 && ComesAfter(calls[j], call))
            {
                calls[j + 1] = calls[j];
                j--;
                moved = true;
            }

            calls[j + 1] = call;
        }

        return moved;

        static bool ComesAfter(ReachableCall a, ReachableCall b) =>
            a.Syntax.SpanStart > b.Syntax.SpanStart ||
            (a.Syntax.SpanStart == b.Syntax.SpanStart && a.Syntax.Span.Length > b.Syntax.Span.Length);
    }

    /// <summary>
    /// Variables whose value the walk cannot follow: written inside a lambda or local function, passed
    /// by reference, ref locals, or declared by a pattern. They are always unknown. The set is only read
    /// once made, so walks on other threads share it.
    /// </summary>
    private static HashSet<ISymbol> FindUntrackedVariables(IOperation root)
    {
        var untracked = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var operation in root.Descendants())
        {
            switch (operation)
            {
                case ILocalReferenceOperation local when local.Local.IsRef || IsUntrackableWrite(operation, root):
                    untracked.Add(local.Local);
                    break;
                case IParameterReferenceOperation parameter when parameter.Parameter.RefKind != RefKind.None || IsUntrackableWrite(operation, root):
                    untracked.Add(parameter.Parameter);
                    break;
                case IDeclarationPatternOperation { DeclaredSymbol: { } declared }:
                    untracked.Add(declared);
                    break;
                case IRecursivePatternOperation { DeclaredSymbol: { } declared }:
                    untracked.Add(declared);
                    break;
            }
        }

        return untracked;
    }

    private static bool IsUntrackableWrite(IOperation reference, IOperation root)
    {
        var parent = reference.Parent;
        if (parent is IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } ||
            parent is IAddressOfOperation ||
            parent is ISimpleAssignmentOperation { IsRef: true })
        {
            return true;
        }

        if (!IsWrite(reference))
        {
            return false;
        }

        for (var ancestor = parent; ancestor is not null && ancestor != root; ancestor = ancestor.Parent)
        {
            if (ancestor is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWrite(IOperation reference)
    {
        var parent = reference.Parent;
        if (parent is IAssignmentOperation assignment && assignment.Target == reference)
        {
            return true;
        }

        if (parent is IIncrementOrDecrementOperation)
        {
            return true;
        }

        // Deconstruction targets sit in a tuple on the left of the assignment.
        for (var current = reference; current.Parent is ITupleOperation or IDeclarationExpressionOperation; current = current.Parent)
        {
            if (current.Parent.Parent is IDeconstructionAssignmentOperation deconstruction && deconstruction.Target == current.Parent)
            {
                return true;
            }
        }

        return false;
    }

    private sealed class Walker
    {
        private readonly SystemStateConditionEvaluator evaluator;
        private readonly HashSet<ISymbol> untracked;

        /// <summary>The operations <see cref="Transfer"/> has still to visit; empty between calls, kept to save a stack per statement.</summary>
        private readonly Stack<(IOperation Operation, bool ChildrenDone)> operationStack = new();

        /// <summary>The branches out of the block last given to <see cref="FindTakenBranches"/>.</summary>
        private readonly List<ControlFlowBranch> takenBranches = new(2);

        public Walker(SystemStateConditionEvaluator evaluator, HashSet<ISymbol> untracked)
        {
            this.evaluator = evaluator;
            this.untracked = untracked;
        }

        /// <summary>The state on entry to each block the restart path reaches; null for unreachable blocks.</summary>
        public FlowState?[] Solve(ControlFlowGraph graph, FlowState entryState, CancellationToken cancellationToken)
        {
            // Blocks are taken lowest ordinal first, as the graph lists them in order of the source.
            var states = new FlowState?[graph.Blocks.Length];
            var pending = new bool[graph.Blocks.Length];
            var pendingCount = 1;
            var lowestPending = 0;
            states[0] = entryState;
            pending[0] = true;

            while (pendingCount > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                while (!pending[lowestPending])
                {
                    lowestPending++;
                }

                var ordinal = lowestPending;
                pending[ordinal] = false;
                pendingCount--;
                var block = graph.Blocks[ordinal];
                var state = states[ordinal]!;

                var afterOperations = TransferOperations(block, state, calls: null);
                var afterBranchValue = FindTakenBranches(block, afterOperations, calls: null);
                foreach (var branch in takenBranches)
                {
                    if (branch.Destination is { } destination)
                    {
                        Flow(destination.Ordinal, afterBranchValue);
                    }

                    foreach (var finallyRegion in branch.FinallyRegions)
                    {
                        Flow(finallyRegion.FirstBlockOrdinal, afterBranchValue);
                    }
                }

                // An exception may leave a try block anywhere: its handlers start from what held before or after it.
                for (var region = block.EnclosingRegion; region is not null; region = region.EnclosingRegion)
                {
                    if (region.Kind != ControlFlowRegionKind.Try || region.EnclosingRegion is not { } tryAndHandlers)
                    {
                        continue;
                    }

                    foreach (var handler in tryAndHandlers.NestedRegions)
                    {
                        if (handler != region)
                        {
                            Flow(handler.FirstBlockOrdinal, state.Join(afterBranchValue));
                        }
                    }
                }
            }

            return states;

            void Flow(int destination, FlowState incoming)
            {
                var current = states[destination];
                var joined = current is null ? incoming : current.Join(incoming);
                if (current is null || !joined.IsSameAs(current))
                {
                    states[destination] = joined;
                    if (!pending[destination])
                    {
                        pending[destination] = true;
                        pendingCount++;
                        lowestPending = System.Math.Min(lowestPending, destination);
                    }
                }
            }
        }

        /// <summary>Runs a reached block once more with its final entry state, collecting its calls; returns the branches it can take.</summary>
        public ImmutableArray<ControlFlowBranch> TransferBlock(BasicBlock block, FlowState state, List<ReachableCall> calls)
        {
            FindTakenBranches(block, TransferOperations(block, state, calls), calls);
            return takenBranches.ToImmutableArray();
        }

        /// <summary>
        /// Fills <see cref="takenBranches"/> with the branches out of the block the path can take; returns the
        /// state after its branch value, whose calls go to <paramref name="calls"/> when given.
        /// </summary>
        private FlowState FindTakenBranches(BasicBlock block, FlowState state, List<ReachableCall>? calls)
        {
            takenBranches.Clear();
            if (block.BranchValue is null || block.ConditionKind == ControlFlowConditionKind.None)
            {
                if (block.FallThroughSuccessor is { } only)
                {
                    takenBranches.Add(only);
                }

                return block.BranchValue is { } value ? Transfer(value, state, calls) : state;
            }

            var condition = evaluator.Evaluate(block.BranchValue, state).AsBoolean;
            var jumpWhen = block.ConditionKind == ControlFlowConditionKind.WhenTrue;
            if (block.ConditionalSuccessor is { } jump && condition != !jumpWhen)
            {
                takenBranches.Add(jump);
            }

            if (block.FallThroughSuccessor is { } fallThrough && condition != jumpWhen)
            {
                takenBranches.Add(fallThrough);
            }

            return Transfer(block.BranchValue, state, calls);
        }

        private FlowState TransferOperations(BasicBlock block, FlowState state, List<ReachableCall>? calls)
        {
            foreach (var operation in block.Operations)
            {
                state = Transfer(operation, state, calls);
            }

            return state;
        }

        /// <summary>
        /// Applies the writes of one operation tree in evaluation order (children before parents), and
        /// records its calls when <paramref name="calls"/> is given. Iterative: expression trees can be deep.
        /// </summary>
        public FlowState Transfer(IOperation root, FlowState state, List<ReachableCall>? calls)
        {
            var stack = operationStack;
            stack.Push((root, false));
            while (stack.Count > 0)
            {
                var (operation, childrenDone) = stack.Pop();
                if (!childrenDone)
                {
                    stack.Push((operation, true));
                    if (operation is not (IFlowAnonymousFunctionOperation or IAnonymousFunctionOperation))
                    {
                        foreach (var child in operation.ChildOperations.Reverse())
                        {
                            stack.Push((child, false));
                        }
                    }

                    continue;
                }

                state = Apply(operation, state, calls);
            }

            return state;
        }

        private FlowState Apply(IOperation operation, FlowState state, List<ReachableCall>? calls)
        {
            switch (operation)
            {
                case IFlowCaptureOperation capture:
                    return state.Set(capture.Id, evaluator.Evaluate(capture.Value, state));
                case ISimpleAssignmentOperation { IsRef: false } assignment when Variable(assignment.Target) is { } variable:
                    return state.Set(variable, evaluator.Evaluate(assignment.Value, state));
                case IVariableDeclaratorOperation { Initializer: { } initializer } declarator when !untracked.Contains(declarator.Symbol):
                    return state.Set(declarator.Symbol, evaluator.Evaluate(initializer.Value, state)); // a graph has an assignment instead
                case IAssignmentOperation assignment when Variable(assignment.Target) is { } variable:
                    return state.Set(variable, AbstractValue.Unknown);
                case IIncrementOrDecrementOperation increment when Variable(increment.Target) is { } variable:
                    return state.Set(variable, AbstractValue.Unknown);
                case IDeconstructionAssignmentOperation deconstruction:
                    foreach (var target in deconstruction.Target.DescendantsAndSelf())
                    {
                        if (Variable(target) is { } variable)
                        {
                            state = state.Set(variable, AbstractValue.Unknown);
                        }
                    }

                    return state;
                case IInvocationOperation invocation when calls is not null:
                    calls.Add(Describe(invocation, state));
                    return state;
                default:
                    return state;
            }
        }

        private ISymbol? Variable(IOperation target) => target switch
        {
            ILocalReferenceOperation local when !untracked.Contains(local.Local) => local.Local,
            IParameterReferenceOperation parameter when !untracked.Contains(parameter.Parameter) => parameter.Parameter,
            _ => null,
        };

        private ReachableCall Describe(IInvocationOperation invocation, FlowState state)
        {
            var method = invocation.TargetMethod;
            var arguments = ImmutableArray.CreateBuilder<AbstractValue>(method.Parameters.Length);
            arguments.Count = arguments.Capacity;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { } parameter && parameter.Ordinal < arguments.Count && argument.ArgumentKind != ArgumentKind.ParamArray)
                {
                    arguments[parameter.Ordinal] = evaluator.Evaluate(argument.Value, state);
                }
            }

            return new ReachableCall(method, invocation.IsVirtual, ReachableCall.ReceiverOf(invocation), invocation.Syntax, arguments.MoveToImmutable(), invocation);
        }
    }
}

/// <summary>The path through one method body: the blocks it reaches (null for the others, by ordinal), and every call on it in source order.</summary>
internal sealed class MethodFlow
{
    public MethodFlow(ControlFlowGraph? graph, ImmutableArray<ReachedBlock?> blocks, ImmutableArray<ReachableCall> calls, bool readsSystemState)
    {
        Graph = graph;
        Blocks = blocks;
        Calls = calls;
        ReadsSystemState = readsSystemState;
    }

    /// <summary>The graph walked; null for a body that runs straight through, whose one block is <see cref="Blocks"/>[0].</summary>
    public ControlFlowGraph? Graph { get; }

    /// <summary>The graph's blocks the path reaches, by ordinal; without a graph, the one block.</summary>
    public ImmutableArray<ReachedBlock?> Blocks { get; }

    public ImmutableArray<ReachableCall> Calls { get; }

    /// <summary>
    /// Some value or branch of the walk read <c>Kernel.SystemState</c>: the flow holds only under the
    /// system state it assumed. A flow that read none is the same under any system state.
    /// </summary>
    public bool ReadsSystemState { get; }
}

/// <summary>A block the path reaches: its calls in evaluation order, and the branches out of it the path can take.</summary>
internal sealed class ReachedBlock
{
    public ReachedBlock(ImmutableArray<ReachableCall> calls, ImmutableArray<ControlFlowBranch> branches)
    {
        Calls = calls;
        Branches = branches;
    }

    public ImmutableArray<ReachableCall> Calls { get; }

    public ImmutableArray<ControlFlowBranch> Branches { get; }
}
