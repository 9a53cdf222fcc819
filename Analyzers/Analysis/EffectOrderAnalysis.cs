using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace ShutdownAnalyzers.Analysis;

/// <summary>
/// The order of effects along the paths of a method, following calls into the compilation's methods:
/// "does some path reach a call that requests the interrupt before any call that resets the device?"
/// and "do all the paths through Remove free the interrupt?". Paths are the walk's feasible paths
/// (<see cref="MethodFlow"/>) under the analysis' <see cref="PathAssumptions"/>: branches are taken
/// both ways unless the assumptions or a constant decide them, <c>finally</c> blocks run on the way out
/// of their <c>try</c> and go on where the branch that entered them was going, and a path that throws
/// ends there (catch handlers are not entered: a path through one is not counted either way). Unlike
/// <see cref="RestartPathAnalysis.AlwaysReaches"/>, which asks "every path has X", these questions keep
/// the order of effects and an effect that is undone later. Thread-safe; summaries are cached per
/// compilation.
/// </summary>
/// <remarks>
/// Each method is summarised once per question, argument context and type of <c>this</c>: how its
/// normal paths stand with the effect at the exit (<see cref="PathOutcomes"/>), and the shortest path
/// to a target call reached while the effect is not in force. A call of a summarised method passes
/// the caller's state through on the callee's paths that leave the effect untouched, and replaces it
/// on the others; a callee that never returns ends the caller's path. A method already being
/// summarised (recursion) counts as doing nothing when called again.
/// </remarks>
internal sealed class EffectOrderAnalysis
{
    /// <summary>Deeper call chains are not followed: a path that long tells the user nothing.</summary>
    private const int MaxCallDepth = 32;

    private const int Final = int.MaxValue;

    private static readonly Summary Passthrough = new(PathOutcomes.Untouched, null, null);

    private readonly MethodSummaryCache cache;
    private readonly ConcurrentDictionary<OrderKey, Summary> summaries = new();

    public EffectOrderAnalysis(MethodSummaryCache cache) => this.cache = cache;

    /// <summary>How the normal paths through <paramref name="method"/> leave <paramref name="effect"/>, undone by <paramref name="undoneBy"/> when given.</summary>
    public PathCoverage GetCoverage(
        IMethodSymbol method, INamedTypeSymbol? thisType, Effect effect, Effect? undoneBy, CancellationToken cancellationToken)
    {
        var walk = Walk(new Question(effect, undoneBy, target: null), MethodContext.Entry(method), thisType, new RecursionStack<OrderKey>(), cancellationToken, found: null);
        return new PathCoverage(walk.Summary.AtExit);
    }

    /// <summary>
    /// The calls in <paramref name="method"/>'s own body that have <paramref name="target"/> or lead to
    /// it on some path where no call with <paramref name="avoid"/> ran before, each with the shortest
    /// such path (starting at <paramref name="method"/>), in source order.
    /// </summary>
    public ImmutableArray<EffectCall> FindEffectCallsAvoiding(
        IMethodSymbol method, INamedTypeSymbol? thisType, Effect target, Effect avoid, CancellationToken cancellationToken)
    {
        var found = new Dictionary<ReachableCall, CallPath>();
        Walk(new Question(avoid, undoneBy: null, target), MethodContext.Entry(method), thisType, new RecursionStack<OrderKey>(), cancellationToken, found);
        return found
            .OrderBy(pair => pair.Key.Syntax.SpanStart)
            .ThenBy(pair => pair.Key.Syntax.Span.Length)
            .Select(pair => new EffectCall(pair.Key, pair.Value.Prepend(new CallStep(method))))
            .ToImmutableArray();
    }

    private (Summary Summary, int DependsOnDepth) Summarize(OrderKey key, RecursionStack<OrderKey> stack, CancellationToken cancellationToken)
    {
        if (summaries.TryGetValue(key, out var cached))
        {
            return (cached, Final);
        }

        if (stack.DepthOf(key) is { } inProgress)
        {
            return (Passthrough, inProgress);
        }

        var depth = stack.Count;
        if (depth >= MaxCallDepth)
        {
            return (Passthrough, -1);
        }

        stack.Push(key);
        var walk = Walk(key.Question, key.Context, key.ThisType, stack, cancellationToken, found: null);
        stack.Pop();

        // Final when it relied on nothing still in progress below this method (see RestartPathAnalysis).
        if (walk.DependsOnDepth >= depth)
        {
            summaries.TryAdd(key, walk.Summary);
            return (walk.Summary, Final);
        }

        return walk;
    }

    /// <summary>
    /// Runs the question over one method's feasible graph from its entry, where nothing has happened
    /// yet. <paramref name="found"/>, when given, collects the body's calls that reach the target while
    /// the effect is not in force.
    /// </summary>
    private (Summary Summary, int DependsOnDepth) Walk(
        Question question,
        MethodContext context,
        INamedTypeSymbol? thisType,
        RecursionStack<OrderKey> stack,
        CancellationToken cancellationToken,
        Dictionary<ReachableCall, CallPath>? found)
    {
        if (cache.GetFlow(context, cancellationToken) is not { } flow)
        {
            return (Passthrough, Final);
        }

        var walker = new PathWalker(this, question, thisType, stack, cancellationToken, found);
        walker.Run(flow);
        return (new Summary(walker.AtExit, walker.TargetWhenUntouched, walker.TargetWhenUndone), walker.DependsOnDepth);
    }

    /// <summary>The forward walk over one graph: a set of <see cref="PathOutcomes"/> per block and pending <c>finally</c> continuation.</summary>
    private sealed class PathWalker
    {
        private readonly EffectOrderAnalysis analysis;
        private readonly Question question;
        private readonly INamedTypeSymbol? thisType;
        private readonly RecursionStack<OrderKey> stack;
        private readonly CancellationToken cancellationToken;
        private readonly Dictionary<ReachableCall, CallPath>? found;
        private readonly Dictionary<Node, PathOutcomes> states = new();
        private readonly Queue<Node> pending = new();

        public PathWalker(
            EffectOrderAnalysis analysis,
            Question question,
            INamedTypeSymbol? thisType,
            RecursionStack<OrderKey> stack,
            CancellationToken cancellationToken,
            Dictionary<ReachableCall, CallPath>? found)
        {
            this.analysis = analysis;
            this.question = question;
            this.thisType = thisType;
            this.stack = stack;
            this.cancellationToken = cancellationToken;
            this.found = found;
        }

        public PathOutcomes AtExit { get; private set; }

        public CallPath? TargetWhenUntouched { get; private set; }

        public CallPath? TargetWhenUndone { get; private set; }

        public int DependsOnDepth { get; private set; } = Final;

        public void Run(MethodFlow flow)
        {
            if (flow.Graph is not { } graph)
            {
                RunStraightLine(flow.Blocks[0]!);
                return;
            }

            var blocks = graph.Blocks;
            var exit = blocks.Length - 1;
            Flow(new Node(0, null), PathOutcomes.Untouched);
            while (pending.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var node = pending.Dequeue();
                if (flow.Blocks[node.Block] is not { } block)
                {
                    continue;
                }

                var outcomes = states[node];
                foreach (var call in block.Calls)
                {
                    outcomes = Transfer(call, outcomes);
                    if (outcomes == PathOutcomes.None)
                    {
                        break; // a callee that never returns ends the path
                    }
                }

                if (outcomes == PathOutcomes.None)
                {
                    continue;
                }

                if (node.Block == exit)
                {
                    AtExit |= outcomes;
                    continue;
                }

                foreach (var branch in block.Branches)
                {
                    switch (branch.Semantics)
                    {
                        case ControlFlowBranchSemantics.Regular or ControlFlowBranchSemantics.Return when branch.Destination is { } destination:
                            // Through each finally the branch leaves, then on to its destination, then wherever
                            // the finally this block sits in was going.
                            var continuation = node.Continuation;
                            continuation = new Continuation(destination.Ordinal, continuation);
                            for (var i = branch.FinallyRegions.Length - 1; i >= 1; i--)
                            {
                                continuation = new Continuation(branch.FinallyRegions[i].FirstBlockOrdinal, continuation);
                            }

                            Flow(
                                branch.FinallyRegions.IsEmpty ? new Node(destination.Ordinal, node.Continuation) : new Node(branch.FinallyRegions[0].FirstBlockOrdinal, continuation),
                                outcomes);
                            break;
                        case ControlFlowBranchSemantics.StructuredExceptionHandling when IsInFinally(blocks[node.Block]) && node.Continuation is { } next:
                            Flow(new Node(next.Block, next.Rest), outcomes); // the finally ends: on to where its branch was going
                            break;
                    }
                }
            }
        }

        /// <summary>One block from entry to exit.</summary>
        private void RunStraightLine(ReachedBlock block)
        {
            var outcomes = PathOutcomes.Untouched;
            foreach (var call in block.Calls)
            {
                outcomes = Transfer(call, outcomes);
                if (outcomes == PathOutcomes.None)
                {
                    return; // a callee that never returns ends the path
                }
            }

            AtExit |= outcomes;
        }

        private static bool IsInFinally(BasicBlock block)
        {
            for (var region = block.EnclosingRegion; region is not null; region = region.EnclosingRegion)
            {
                switch (region.Kind)
                {
                    case ControlFlowRegionKind.Finally:
                        return true;
                    case ControlFlowRegionKind.Catch or ControlFlowRegionKind.Filter or ControlFlowRegionKind.FilterAndHandler or ControlFlowRegionKind.Try:
                        return false;
                }
            }

            return false;
        }

        private void Flow(Node node, PathOutcomes outcomes)
        {
            states.TryGetValue(node, out var current);
            var joined = current | outcomes;
            if (joined != current)
            {
                states[node] = joined;
                pending.Enqueue(node);
            }
        }

        /// <summary>The outcomes after <paramref name="call"/>, given those before it; records the targets it reaches.</summary>
        private PathOutcomes Transfer(ReachableCall call, PathOutcomes before)
        {
            var target = RestartPathAnalysis.ResolveTarget(call, thisType);
            var hasBody = analysis.cache.HasBody(target);
            if (question.Effect.MatchCall(call, target, hasBody).IsMatch)
            {
                return PathOutcomes.Done;
            }

            if (question.UndoneBy?.MatchCall(call, target, hasBody).IsMatch == true)
            {
                return PathOutcomes.Undone;
            }

            if (question.Target?.MatchCall(call, target, hasBody) is { IsMatch: true } targetMatch)
            {
                Record(call, CallPath.Of(new CallStep(target, targetMatch.DecidingArgument, call)), before);
                return before;
            }

            if (!hasBody)
            {
                return before;
            }

            var calleeThis = call.Receiver == CallReceiver.This ? thisType : null;
            var key = new OrderKey(question, MethodContext.CalledBy(target, call), calleeThis);
            var (callee, dependsOn) = analysis.Summarize(key, stack, cancellationToken);
            DependsOnDepth = Math.Min(DependsOnDepth, dependsOn);

            var step = new CallStep(target, call: call);
            if (callee.TargetWhenUndone is { } afterUndo)
            {
                Record(call, afterUndo.Prepend(step), PathOutcomes.Undone);
            }

            if (callee.TargetWhenUntouched is { } untouched)
            {
                Record(call, untouched.Prepend(step), before);
            }

            var after = callee.AtExit & (PathOutcomes.Done | PathOutcomes.Undone);
            return (callee.AtExit & PathOutcomes.Untouched) != 0 ? after | before : after;
        }

        /// <summary>A target reached through <paramref name="call"/> by paths with <paramref name="reachedWith"/>.</summary>
        private void Record(ReachableCall call, CallPath path, PathOutcomes reachedWith)
        {
            if ((reachedWith & PathOutcomes.Untouched) != 0)
            {
                TargetWhenUntouched = Shorter(TargetWhenUntouched, path);
            }

            if ((reachedWith & PathOutcomes.Undone) != 0)
            {
                TargetWhenUndone = Shorter(TargetWhenUndone, path);
            }

            if (found is not null && (reachedWith & (PathOutcomes.Untouched | PathOutcomes.Undone)) != 0)
            {
                found[call] = found.TryGetValue(call, out var known) ? Shorter(known, path) : path;
            }
        }

        private static CallPath Shorter(CallPath? known, CallPath candidate) =>
            known is null || candidate.Length < known.Length ? candidate : known;
    }

    /// <summary>
    /// What is asked: how paths stand with <see cref="Effect"/> (undone by <see cref="UndoneBy"/>), and
    /// optionally which <see cref="Target"/> calls they reach while it is not in force.
    /// </summary>
    private sealed class Question : IEquatable<Question>
    {
        public Question(Effect effect, Effect? undoneBy, Effect? target)
        {
            Effect = effect;
            UndoneBy = undoneBy;
            Target = target;
        }

        public Effect Effect { get; }

        public Effect? UndoneBy { get; }

        public Effect? Target { get; }

        public bool Equals(Question? other) =>
            other is not null && ReferenceEquals(Effect, other.Effect) && ReferenceEquals(UndoneBy, other.UndoneBy) && ReferenceEquals(Target, other.Target);

        public override bool Equals(object? obj) => Equals(obj as Question);

        public override int GetHashCode() =>
            (((Effect.GetHashCode() * 31) + (UndoneBy?.GetHashCode() ?? 0)) * 31) + (Target?.GetHashCode() ?? 0);
    }

    /// <summary>What a method does to the question's effect on its normal paths, and the targets it reaches.</summary>
    private sealed class Summary
    {
        public Summary(PathOutcomes atExit, CallPath? targetWhenUntouched, CallPath? targetWhenUndone)
        {
            AtExit = atExit;
            TargetWhenUntouched = targetWhenUntouched;
            TargetWhenUndone = targetWhenUndone;
        }

        /// <summary>The outcomes of the method's own paths to its normal exit; None when it never returns.</summary>
        public PathOutcomes AtExit { get; }

        /// <summary>The shortest path to a target call that no call of the method did or undid the effect before.</summary>
        public CallPath? TargetWhenUntouched { get; }

        /// <summary>The shortest path to a target call reached after the method undid the effect.</summary>
        public CallPath? TargetWhenUndone { get; }
    }

    private readonly struct OrderKey : IEquatable<OrderKey>
    {
        public OrderKey(Question question, MethodContext context, INamedTypeSymbol? thisType)
        {
            Question = question;
            Context = context;
            ThisType = thisType;
        }

        public Question Question { get; }

        public MethodContext Context { get; }

        public INamedTypeSymbol? ThisType { get; }

        public bool Equals(OrderKey other) =>
            Question.Equals(other.Question) && Context.Equals(other.Context) && SymbolEqualityComparer.Default.Equals(ThisType, other.ThisType);

        public override bool Equals(object? obj) => obj is OrderKey other && Equals(other);

        public override int GetHashCode() =>
            (((Question.GetHashCode() * 31) + Context.GetHashCode()) * 31) + SymbolEqualityComparer.Default.GetHashCode(ThisType);
    }

    /// <summary>Where control goes when the <c>finally</c> being run ends: a block, then the rest.</summary>
    private sealed class Continuation : IEquatable<Continuation>
    {
        private readonly int hash;

        public Continuation(int block, Continuation? rest)
        {
            Block = block;
            Rest = rest;
            hash = (block * 397) ^ (rest?.hash ?? 0);
        }

        public int Block { get; }

        public Continuation? Rest { get; }

        public bool Equals(Continuation? other) =>
            other is not null && hash == other.hash && Block == other.Block && Equals(Rest, other.Rest);

        public override bool Equals(object? obj) => Equals(obj as Continuation);

        public override int GetHashCode() => hash;
    }

    /// <summary>A block, with what follows the <c>finally</c> it runs in (null outside one).</summary>
    private readonly struct Node : IEquatable<Node>
    {
        public Node(int block, Continuation? continuation)
        {
            Block = block;
            Continuation = continuation;
        }

        public int Block { get; }

        public Continuation? Continuation { get; }

        public bool Equals(Node other) => Block == other.Block && Equals(Continuation, other.Continuation);

        public override bool Equals(object? obj) => obj is Node other && Equals(other);

        public override int GetHashCode() => (Block * 31) + (Continuation?.GetHashCode() ?? 0);
    }
}
