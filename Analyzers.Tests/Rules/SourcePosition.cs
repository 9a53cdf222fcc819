using System;
using System.Linq;

namespace ShutdownAnalyzers.Tests.Rules;

/// <summary>Where a marker stands in a sample's text, as a diagnostic's 1-based line and column.</summary>
internal static class SourcePosition
{
    /// <summary>
    /// The line and column of the <paramref name="occurrence"/>-th (from 0) <paramref name="marker"/> in
    /// <paramref name="text"/>, moved on by <paramref name="offset"/> characters.
    /// </summary>
    public static (int Line, int Column) Of(string text, string marker, int offset = 0, int occurrence = 0)
    {
        var index = -1;
        for (var i = 0; i <= occurrence; i++)
        {
            index = text.IndexOf(marker, index + 1, StringComparison.Ordinal);
            if (index < 0)
            {
                throw new InvalidOperationException($"'{marker}' occurs fewer than {occurrence + 1} times.");
            }
        }

        index += offset;
        var before = text.Substring(0, index);
        return (before.Count(c => c == '\n') + 1, index - before.LastIndexOf('\n'));
    }
}
