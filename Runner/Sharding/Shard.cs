using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ShutdownAnalyzers.Runner.Sharding;

/// <summary>
/// <c>--shard i/n</c>: the i-th of n shares of a sweep, for splitting it across a CI matrix. Runs
/// are dealt out in turn (run 1 to shard 1, run 2 to shard 2, …, run n+1 to shard 1 again), so every
/// shard gets a share of every machine and scenario, and merging puts each run back in its place.
/// </summary>
internal sealed record Shard(int Index, int Count)
{
    public override string ToString() => $"{Index}/{Count}";

    /// <summary>Parses "i/n" with 1 ≤ i ≤ n.</summary>
    public static Shard Parse(string text)
    {
        var parts = text.Trim().Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count >= 1 && index >= 1 && index <= count)
        {
            return new Shard(index, count);
        }

        throw new BadInputException($"bad shard '{text}': expected <i>/<n> with 1 <= i <= n, such as 2/4");
    }

    /// <summary>This shard's runs of the whole sweep, in sweep order.</summary>
    public IReadOnlyList<T> Take<T>(IReadOnlyList<T> sweep) =>
        sweep.Where((_, position) => position % Count == Index - 1).ToList();

    /// <summary>Where this shard's <paramref name="nth"/> run (from 0) stands in the whole sweep.</summary>
    public int PositionInSweep(int nth) => (nth * Count) + Index - 1;

    /// <summary>How many runs of a sweep of <paramref name="sweepRuns"/> this shard gets.</summary>
    public int RunsOf(int sweepRuns) => sweepRuns < Index ? 0 : ((sweepRuns - Index) / Count) + 1;
}
