using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ShutdownAnalyzers.Analysis;

/// <summary>
/// "Is there a path to X that avoids Y?" on one method's control-flow graph: the operations of
/// interest that some path from the method's entry reaches before any guard. Every branch of the
/// graph counts (no restart assumption, no constant folding), so a guard protects an operation only
/// when it lies on every path to it. Within a block, operations are visited in evaluation order:
/// in <c>Guard() &amp;&amp; Target()</c> the target is guarded, in <c>Target() &amp;&amp; Guard()</c> it
/// is not. Lambda bodies are not part of the path (they run when called, not where written).
/// </summary>
internal static class UnguardedPaths
{
    /// <summary>The operations matching <paramref name="isTarget"/> that a path from the entry reaches with no <paramref name="isGuard"/> before them, in source order.</summary>
    public static ImmutableArray<IOperation> Find(
        ControlFlowGraph graph, Func<IOperation, bool> isGuard, Func<IOperation, bool> isTarget, CancellationToken cancellationToken)
    {
        var guardedOnEntry = Solve(graph, isGuard, cancellationToken);
        var found = new List<IOperation>();
        foreach (var block in graph.Blocks)
        {
            if (guardedOnEntry[block.Ordinal] is { } guarded)
            {
                Transfer(block, guarded, isGuard, isTarget, found);
            }
        }

        return found
            .Distinct()
            .OrderBy(operation => operation.Syntax.SpanStart)
            .ThenBy(operation => operation.Syntax.Span.Length)
            .ToImmutableArray();
    }

    /// <summary>For each block: null when no path reaches it, else whether a guard lies on every path to its entry.</summary>
    private static bool?[] Solve(ControlFlowGraph graph, Func<IOperation, bool> isGuard, CancellationToken cancellationToken)
    {
        var states = new bool?[graph.Blocks.Length];
        var pending = new SortedSet<int> { 0 };
        states[0] = false;
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var ordinal = pending.Min;
            pending.Remove(ordinal);
            var block = graph.Blocks[ordinal];
            var onEntry = states[ordinal]!.Value;
            var onExit = Transfer(block, onEntry, isGuard, isTarget: null, found: null);

            foreach (var branch in new[] { block.FallThroughSuccessor, block.ConditionalSuccessor })
            {
                if (branch is null)
                {
                    continue;
                }

                if (branch.Destination is { } destination)
                {
                    Flow(destination.Ordinal, onExit);
                }

                foreach (var finallyRegion in branch.FinallyRegions)
                {
                    Flow(finallyRegion.FirstBlockOrdinal, onExit);
                }
            }

            // An exception may leave the block before its first operation: handlers get what held on entry.
            foreach (var handler in EnclosingHandlers(block))
            {
                Flow(handler.FirstBlockOrdinal, onEntry);
            }
        }

        return states;

        void Flow(int destination, bool incoming)
        {
            var current = states[destination];
            var met = current is { } known ? known && incoming : incoming;
            if (current != met)
            {
                states[destination] = met;
                pending.Add(destination);
            }
        }
    }

    /// <summary>Walks the block's operations and branch value from <paramref name="guarded"/>; records unguarded targets when <paramref name="found"/> is given.</summary>
    private static bool Transfer(BasicBlock block, bool guarded, Func<IOperation, bool> isGuard, Func<IOperation, bool>? isTarget, List<IOperation>? found)
    {
        foreach (var operation in block.Operations)
        {
            guarded = Transfer(operation, guarded, isGuard, isTarget, found);
        }

        return block.BranchValue is { } branchValue ? Transfer(branchValue, guarded, isGuard, isTarget, found) : guarded;
    }

    /// <summary>Children before parents, as they are evaluated; iterative, since expression trees can be deep.</summary>
    private static bool Transfer(IOperation root, bool guarded, Func<IOperation, bool> isGuard, Func<IOperation, bool>? isTarget, List<IOperation>? found)
    {
        var stack = new Stack<(IOperation Operation, bool ChildrenDone)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (operation, childrenDone) = stack.Pop();
            if (!childrenDone)
            {
                stack.Push((operation, true));
                if (operation is not IFlowAnonymousFunctionOperation)
                {
                    foreach (var child in operation.ChildOperations.Reverse())
                    {
                        stack.Push((child, false));
                    }
                }

                continue;
            }

            if (!guarded && found is not null && isTarget!(operation))
            {
                found.Add(operation);
            }

            guarded |= isGuard(operation);
        }

        return guarded;
    }

    /// <summary>The catch, filter and finally regions an exception thrown in <paramref name="block"/> may enter.</summary>
    private static IEnumerable<ControlFlowRegion> EnclosingHandlers(BasicBlock block)
    {
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
                    yield return handler;
                }
            }
        }
    }
}
