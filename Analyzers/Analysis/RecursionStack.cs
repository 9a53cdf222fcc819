using System;
using System.Collections.Generic;

namespace ShutdownAnalyzers.Analysis;

/// <summary>
/// The summaries in progress on this thread, outermost first, with their depth, so a walk stops at
/// recursion. Call chains are short (at most the analyses' depth limit, usually two or three), so a
/// list searched from the top costs less than hashing every key into a dictionary.
/// </summary>
internal sealed class RecursionStack<TKey>
    where TKey : IEquatable<TKey>
{
    private readonly List<TKey> keys = new();

    public int Count => keys.Count;

    /// <summary>The depth at which <paramref name="key"/> is in progress, or null when it is not.</summary>
    public int? DepthOf(TKey key)
    {
        for (var depth = keys.Count - 1; depth >= 0; depth--)
        {
            if (keys[depth].Equals(key))
            {
                return depth;
            }
        }

        return null;
    }

    public void Push(TKey key) => keys.Add(key);

    public void Pop() => keys.RemoveAt(keys.Count - 1);
}
