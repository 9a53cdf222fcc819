using System;
using Microsoft.CodeAnalysis.Text;

namespace ShutdownAnalyzers.Tests.Verifiers;

/// <summary>
/// Where an expected diagnostic must be: a position or span in a file, or a reference to a
/// <c>{|#n:...|}</c> markup location that is resolved when the test's sources are processed.
/// </summary>
public readonly struct DiagnosticLocation : IEquatable<DiagnosticLocation>
{
    private DiagnosticLocation(string path, LinePosition start, LinePosition? end, int? markupKey)
    {
        Path = path;
        Start = start;
        End = end;
        MarkupKey = markupKey;
    }

    /// <summary>The file path as written by the test; empty means the default file (Test0.cs).</summary>
    public string Path { get; }

    /// <summary>Zero-based start position.</summary>
    public LinePosition Start { get; }

    /// <summary>Zero-based end position, or <see langword="null"/> when only the start is checked.</summary>
    public LinePosition? End { get; }

    /// <summary>The <c>{|#n:...|}</c> index this location stands for until markup is resolved.</summary>
    public int? MarkupKey { get; }

    public bool IsMarkupReference => MarkupKey is not null;

    /// <summary>A location given by one-based line and column, checking only where it starts.</summary>
    public static DiagnosticLocation AtPosition(string path, int line, int column)
    {
        return new DiagnosticLocation(path ?? string.Empty, ToZeroBased(line, column), end: null, markupKey: null);
    }

    /// <summary>A location given by one-based start and end line and column.</summary>
    public static DiagnosticLocation AtSpan(string path, int startLine, int startColumn, int endLine, int endColumn)
    {
        var start = ToZeroBased(startLine, startColumn);
        var end = ToZeroBased(endLine, endColumn);
        if (end < start)
        {
            throw new ArgumentOutOfRangeException(nameof(endLine), $"The span ends ({endLine},{endColumn}) before it starts ({startLine},{startColumn}).");
        }

        return new DiagnosticLocation(path ?? string.Empty, start, end, markupKey: null);
    }

    public static DiagnosticLocation FromMarkup(int markupKey)
    {
        return markupKey < 0
            ? throw new ArgumentOutOfRangeException(nameof(markupKey), "Markup location indices are not negative.")
            : new DiagnosticLocation(string.Empty, default, end: null, markupKey);
    }

    internal static DiagnosticLocation FromLineSpan(string path, LinePositionSpan span)
    {
        return new DiagnosticLocation(path, span.Start, span.End, markupKey: null);
    }

    internal DiagnosticLocation WithPath(string path) => new(path, Start, End, MarkupKey);

    public bool Equals(DiagnosticLocation other)
    {
        return Path == other.Path && Start == other.Start && End == other.End && MarkupKey == other.MarkupKey;
    }

    public override bool Equals(object? obj) => obj is DiagnosticLocation other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Path, Start, End, MarkupKey);

    /// <summary>One-based, as compilers print it: <c>path(line,col)</c> or <c>path(line,col,endLine,endCol)</c>.</summary>
    public override string ToString()
    {
        if (MarkupKey is { } key)
        {
            return $"{{|#{key}:...|}}";
        }

        var end = End is { } e ? $",{e.Line + 1},{e.Character + 1}" : string.Empty;
        return $"{Path}({Start.Line + 1},{Start.Character + 1}{end})";
    }

    private static LinePosition ToZeroBased(int line, int column)
    {
        if (line < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(line), line, "Lines are one-based.");
        }

        if (column < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(column), column, "Columns are one-based.");
        }

        return new LinePosition(line - 1, column - 1);
    }
}
