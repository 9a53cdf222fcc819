using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace ShutdownAnalyzers.Analysis;

/// <summary>
/// The must half of the analysis, inside one method body: does every path the assumptions allow, from
/// the entry to a normal end (return or falling off the end), pass a call that has an effect? Paths that
/// end in a throw are not ends. A <c>finally</c> counts for the paths through it when every path through
/// the <c>finally</c> has the effect; a <c>catch</c> starts from what held where the <c>try</c> began,
/// since the exception may come before any of its calls.
/// </summary>
internal static class EveryPathFlow
{
    /// <summary>True when every normal end of <paramref name="flow"/> is reached only through a call <paramref name="hasEffect"/> accepts; true as well when no end is reachable.</summary>
    public static bool AlwaysPasses(MethodFlow flow, Func<ReachableCall, bool> hasEffect) =>
        flow.Graph is { } graph
            ? new Solver(flow, graph, hasEffect).Solve(finallyRegion: null) ?? true
            : flow.Blocks[0]!.Calls.Any(hasEffect); // one block from entry to exit

    private sealed class Solver
    {
        private readonly MethodFlow flow;
        private readonly ControlFlowGraph graph;
        private readonly Func<ReachableCall, bool> hasEffect;
        private readonly bool?[] generates;
        private readonly Dictionary<ControlFlowRegion, bool> finallyRegions = new();

        public Solver(MethodFlow flow, ControlFlowGraph graph, Func<ReachableCall, bool> hasEffect)
        {
            this.flow = flow;
            this.graph = graph;
            this.hasEffect = hasEffect;
            generates = new bool?[flow.Blocks.Length];
        }

        /// <summary>
        /// Forward over the reached blocks, "every path so far had the effect" meeting with AND. For the
        /// method (<paramref name="finallyRegion"/> null): the value at the exit block; for a finally region:
        /// the value where it ends. Null when no end is reached.
        /// </summary>
        public bool? Solve(ControlFlowRegion? finallyRegion)
        {
            var blocks = graph.Blocks;
            var start = finallyRegion?.FirstBlockOrdinal ?? 0;
            var into = new bool?[blocks.Length];
            var pending = new SortedSet<int>();
            bool? atEnd = null;
            Flow(start, false);

            while (pending.Count > 0)
            {
                var ordinal = pending.Min;
                pending.Remove(ordinal);
                if (flow.Blocks[ordinal] is not { } reached)
                {
                    continue;
                }

                var block = blocks[ordinal];
                var before = into[ordinal]!.Value;
                var after = before || Generates(ordinal, reached);
                if (finallyRegion is null && block.Kind == BasicBlockKind.Exit)
                {
                    atEnd = after;
                    continue;
                }

                foreach (var branch in reached.Branches)
                {
                    var carried = after || PassesFinally(branch);
                    if (branch.Destination is { } destination && (finallyRegion is null || Contains(finallyRegion, destination.Ordinal)))
                    {
                        Flow(destination.Ordinal, carried);
                    }
                    else if (finallyRegion is not null && branch.Semantics == ControlFlowBranchSemantics.StructuredExceptionHandling)
                    {
                        atEnd = atEnd is { } sofar ? sofar && carried : carried; // the finally ends here
                    }
                }

                foreach (var handler in CatchHandlers(block, finallyRegion))
                {
                    Flow(handler.FirstBlockOrdinal, into[handler.EnclosingRegion!.NestedRegions[0].FirstBlockOrdinal] ?? before);
                }
            }

            return atEnd;

            void Flow(int destination, bool value)
            {
                var current = into[destination];
                var joined = current is { } known ? known && value : value;
                if (current != joined)
                {
                    into[destination] = joined;
                    pending.Add(destination);
                }
            }
        }

        private bool Generates(int ordinal, ReachedBlock reached)
        {
            if (generates[ordinal] is { } known)
            {
                return known;
            }

            var result = false;
            foreach (var call in reached.Calls)
            {
                if (hasEffect(call))
                {
                    result = true;
                    break;
                }
            }

            generates[ordinal] = result;
            return result;
        }

        /// <summary>A branch through finally regions has the effect when one of them has it on every path through it.</summary>
        private bool PassesFinally(ControlFlowBranch branch)
        {
            foreach (var region in branch.FinallyRegions)
            {
                if (!finallyRegions.TryGetValue(region, out var always))
                {
                    finallyRegions[region] = false; // a finally reached from inside itself adds nothing
                    always = Solve(region) ?? false;
                    finallyRegions[region] = always;
                }

                if (always)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Contains(ControlFlowRegion region, int ordinal) =>
            ordinal >= region.FirstBlockOrdinal && ordinal <= region.LastBlockOrdinal;

        /// <summary>The catch and filter regions an exception thrown in <paramref name="block"/> may enter, within <paramref name="finallyRegion"/> if given.</summary>
        private static IEnumerable<ControlFlowRegion> CatchHandlers(BasicBlock block, ControlFlowRegion? finallyRegion)
        {
            for (var region = block.EnclosingRegion; region is not null && region != finallyRegion; region = region.EnclosingRegion)
            {
                if (region.Kind != ControlFlowRegionKind.Try || region.EnclosingRegion is not { } tryAndHandlers)
                {
                    continue;
                }

                foreach (var handler in tryAndHandlers.NestedRegions)
                {
                    if (handler != region && handler.Kind != ControlFlowRegionKind.Finally)
                    {
                        yield return handler;
                    }
                }
            }
        }
    }
}
