using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace ShutdownAnalyzers.Analysis;

/// <summary>
/// One method's control-flow graph as a walk under some <see cref="FlowAssumptions"/> sees it: the
/// blocks it reaches, each block's calls in evaluation order, and the branches out of each block that
/// ordinary control flow can take. Exceptional flow is left out of the branches: a path that throws
/// never returns normally, and catch handlers are reached only by exceptions (their calls are still
/// listed, for the questions that ask about any call at all).
/// </summary>
internal sealed class FeasibleGraph
{
    public FeasibleGraph(ImmutableArray<FeasibleBlock?> blocks)
    {
        Blocks = blocks;
        Calls = blocks
            .Where(block => block is not null)
            .SelectMany(block => block!.Calls)
            .OrderBy(call => call.Syntax.SpanStart)
            .ThenBy(call => call.Syntax.Span.Length)
            .ToImmutableArray();
    }

    /// <summary>By ordinal; null for a block the walk does not reach. The first is the entry, the last the exit.</summary>
    public ImmutableArray<FeasibleBlock?> Blocks { get; }

    public int EntryOrdinal => 0;

    public int ExitOrdinal => Blocks.Length - 1;

    /// <summary>Every call in a reached block, handlers included, in source order.</summary>
    public ImmutableArray<ReachableCall> Calls { get; }
}

/// <summary>A reached block: its calls and where ordinary control flow goes next.</summary>
internal sealed class FeasibleBlock
{
    public FeasibleBlock(int ordinal, ImmutableArray<ReachableCall> calls, ImmutableArray<FeasibleBranch> branches, bool endsFinally)
    {
        Ordinal = ordinal;
        Calls = calls;
        Branches = branches;
        EndsFinally = endsFinally;
    }

    public int Ordinal { get; }

    /// <summary>The block's calls in the order they run.</summary>
    public ImmutableArray<ReachableCall> Calls { get; }

    /// <summary>The branches a walk can take out of the block; none for a block that only throws.</summary>
    public ImmutableArray<FeasibleBranch> Branches { get; }

    /// <summary>The block is the last of a <c>finally</c>: control goes on where the branch that entered the finally was going.</summary>
    public bool EndsFinally { get; }
}

/// <summary>A branch to <see cref="Destination"/> that runs the <c>finally</c> blocks it leaves on the way, innermost first.</summary>
internal readonly struct FeasibleBranch
{
    public FeasibleBranch(int destination, ImmutableArray<int> finallyEntries)
    {
        Destination = destination;
        FinallyEntries = finallyEntries;
    }

    public int Destination { get; }

    /// <summary>The first block of each <c>finally</c> region the branch runs before reaching <see cref="Destination"/>.</summary>
    public ImmutableArray<int> FinallyEntries { get; }

    /// <summary>Where control goes first: the first <c>finally</c>, else the destination; then the rest, in order.</summary>
    public IEnumerable<int> Steps => FinallyEntries.Append(Destination);
}
