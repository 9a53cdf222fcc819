using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace ShutdownAnalyzers.Tests.Verifiers;

/// <summary>A line diff in the style of <c>diff -u</c>, for "the fixed code differs" messages.</summary>
internal static class TextDiff
{
    private const int ContextLines = 2;

    /// <summary>Line endings normalised to <c>\n</c>: fixes and tests need not agree on them.</summary>
    public static string NormalizeLineEndings(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    public static string Unified(string expected, string actual, string expectedLabel, string actualLabel)
    {
        var oldLines = NormalizeLineEndings(expected).Split('\n');
        var newLines = NormalizeLineEndings(actual).Split('\n');
        var edits = Edits(oldLines, newLines);

        var nl = Environment.NewLine;
        var text = new StringBuilder();
        text.Append("--- ").Append(expectedLabel).Append(nl);
        text.Append("+++ ").Append(actualLabel).Append(nl);

        var changed = edits.Select((e, i) => (e, i)).Where(x => x.e.Kind != ' ').Select(x => x.i);
        foreach (var (first, last) in Hunks(changed))
        {
            var start = Math.Max(0, first - ContextLines);
            var end = Math.Min(edits.Count - 1, last + ContextLines);
            text.Append(CultureInfo.InvariantCulture, $"@@ expected line {edits[start].OldLine + 1}, actual line {edits[start].NewLine + 1} @@{nl}");
            for (var i = start; i <= end; i++)
            {
                var edit = edits[i];
                var line = edit.Kind == ' ' ? edit.Text : ShowInvisibleWhitespace(edit.Text);
                text.Append(edit.Kind).Append(' ').Append(line).Append(nl);
            }
        }

        if (WithoutWhitespace(expected) == WithoutWhitespace(actual))
        {
            text.Append("(the texts differ only in whitespace; in changed lines '·' is a trailing space, '→' a tab)").Append(nl);
        }

        return text.ToString();
    }

    /// <summary>Groups changed line indices into hunks; changes close enough to share context share a hunk.</summary>
    private static List<(int First, int Last)> Hunks(IEnumerable<int> changed)
    {
        var hunks = new List<(int First, int Last)>();
        foreach (var index in changed)
        {
            if (hunks.Count > 0 && index - hunks[^1].Last <= (2 * ContextLines) + 1)
            {
                hunks[^1] = (hunks[^1].First, index);
            }
            else
            {
                hunks.Add((index, index));
            }
        }

        return hunks;
    }

    private static string WithoutWhitespace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static string ShowInvisibleWhitespace(string line)
    {
        var trimmed = line.TrimEnd(' ');
        return trimmed.Replace("\t", "→", StringComparison.Ordinal) + new string('·', line.Length - trimmed.Length);
    }

    /// <summary>The longest-common-subsequence edit script: fine for the few dozen lines of a test.</summary>
    private static List<Edit> Edits(string[] oldLines, string[] newLines)
    {
        var common = new int[oldLines.Length + 1, newLines.Length + 1];
        for (var i = oldLines.Length - 1; i >= 0; i--)
        {
            for (var j = newLines.Length - 1; j >= 0; j--)
            {
                common[i, j] = oldLines[i] == newLines[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var edits = new List<Edit>();
        int o = 0, n = 0;
        while (o < oldLines.Length || n < newLines.Length)
        {
            if (o < oldLines.Length && n < newLines.Length && oldLines[o] == newLines[n])
            {
                edits.Add(new Edit(' ', oldLines[o], o++, n++));
            }
            else if (o < oldLines.Length && (n == newLines.Length || common[o + 1, n] >= common[o, n + 1]))
            {
                edits.Add(new Edit('-', oldLines[o], o++, n));
            }
            else
            {
                edits.Add(new Edit('+', newLines[n], o, n++));
            }
        }

        return edits;
    }

    private readonly record struct Edit(char Kind, string Text, int OldLine, int NewLine);
}
