using System;

namespace ShutdownAnalyzers.Analysis;

/// <summary>
/// Where one path stands with an effect that something else can undo (a resource acquired, then
/// released): the effect has not happened on it, it happened last, or it was undone last. A set of
/// them describes several paths at once.
/// </summary>
[Flags]
internal enum PathOutcomes : byte
{
    /// <summary>No path: the point is not reached (or the method never returns normally).</summary>
    None = 0,

    /// <summary>The effect has not happened on the path.</summary>
    Untouched = 1,

    /// <summary>The effect happened, and was not undone afterwards.</summary>
    Done = 2,

    /// <summary>The effect happened and was undone afterwards.</summary>
    Undone = 4,
}

/// <summary>
/// How the paths from a method's entry to its normal exit stand with an effect: "does Remove free the
/// interrupt on every path?", "does Probe still hold the regions when it returns?". Paths that throw
/// are not counted: they do not return.
/// </summary>
internal readonly struct PathCoverage : IEquatable<PathCoverage>
{
    public PathCoverage(PathOutcomes atExit) => AtExit = atExit;

    /// <summary>The outcomes of the paths that reach the normal exit.</summary>
    public PathOutcomes AtExit { get; }

    /// <summary>Some path returns normally.</summary>
    public bool ReturnsNormally => AtExit != PathOutcomes.None;

    /// <summary>Every path that returns has the effect in force at the end (and at least one returns).</summary>
    public bool OnEveryPath => AtExit == PathOutcomes.Done;

    /// <summary>Some path that returns has the effect in force at the end.</summary>
    public bool OnSomePath => (AtExit & PathOutcomes.Done) != 0;

    /// <summary>Paths return, and none with the effect in force.</summary>
    public bool OnNoPath => ReturnsNormally && !OnSomePath;

    public bool Equals(PathCoverage other) => AtExit == other.AtExit;

    public override bool Equals(object? obj) => obj is PathCoverage other && Equals(other);

    public override int GetHashCode() => (int)AtExit;

    public override string ToString() => AtExit.ToString();
}
