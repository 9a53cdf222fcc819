using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace ShutdownAnalyzers.Tests.Verifiers;

/// <summary>What a markup span asks for.</summary>
public enum MarkupSpanKind
{
    /// <summary><c>[|...|]</c>: the analyzer's default (first) diagnostic.</summary>
    DefaultDiagnostic,

    /// <summary><c>{|ID:...|}</c>: a diagnostic with that ID.</summary>
    DiagnosticId,

    /// <summary><c>{|#n:...|}</c>: a location referenced by index from a <see cref="DiagnosticResult"/>.</summary>
    LocationKey,
}

/// <summary>One marked span, in positions of the text with all markup removed.</summary>
/// <param name="Name">The diagnostic ID or the index digits; empty for <c>[|...|]</c>.</param>
public sealed record MarkupSpan(MarkupSpanKind Kind, string Name, TextSpan Span)
{
    public int LocationKey => Kind == MarkupSpanKind.LocationKey
        ? int.Parse(Name, System.Globalization.CultureInfo.InvariantCulture)
        : throw new InvalidOperationException($"'{Name}' is not a location index.");
}

/// <summary>Source text with its markup removed, and the spans the markup marked.</summary>
public sealed record ParsedMarkup(string Text, ImmutableArray<MarkupSpan> Spans);

/// <summary>
/// Parses the markup of test sources: <c>[|...|]</c>, <c>{|ID:...|}</c> and <c>{|#n:...|}</c>, nested
/// freely. There is no escaping: C# code rarely contains these two-character sequences.
/// </summary>
public static class MarkupParser
{
    private const string OpenDefault = "[|";
    private const string CloseDefault = "|]";
    private const string OpenNamed = "{|";
    private const string CloseNamed = "|}";

    public static ParsedMarkup Parse(string markup)
    {
        ArgumentNullException.ThrowIfNull(markup);

        var text = new StringBuilder(markup.Length);
        var spans = ImmutableArray.CreateBuilder<MarkupSpan>();
        var open = new Stack<OpenSpan>();

        var i = 0;
        while (i < markup.Length)
        {
            if (At(markup, i, OpenDefault))
            {
                open.Push(new OpenSpan(MarkupSpanKind.DefaultDiagnostic, string.Empty, text.Length, i));
                i += OpenDefault.Length;
            }
            else if (At(markup, i, OpenNamed))
            {
                var (kind, name, length) = ReadName(markup, i);
                open.Push(new OpenSpan(kind, name, text.Length, i));
                i += length;
            }
            else if (At(markup, i, CloseDefault) || At(markup, i, CloseNamed))
            {
                var closesNamed = At(markup, i, CloseNamed);
                if (open.Count == 0)
                {
                    throw Error(markup, i, $"'{markup.Substring(i, 2)}' closes no open markup span.");
                }

                var span = open.Pop();
                if ((span.Kind != MarkupSpanKind.DefaultDiagnostic) != closesNamed)
                {
                    throw Error(markup, i, $"'{markup.Substring(i, 2)}' cannot close the span opened at {Describe(markup, span.MarkupPosition)}.");
                }

                spans.Add(new MarkupSpan(span.Kind, span.Name, TextSpan.FromBounds(span.TextStart, text.Length)));
                i += 2;
            }
            else
            {
                text.Append(markup[i]);
                i++;
            }
        }

        if (open.Count > 0)
        {
            throw Error(markup, open.Peek().MarkupPosition, "This markup span is never closed.");
        }

        spans.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : a.Span.End.CompareTo(b.Span.End));
        return new ParsedMarkup(text.ToString(), spans.ToImmutable());
    }

    /// <summary>Reads <c>{|name:</c> at <paramref name="start"/>, returning its kind, name and length.</summary>
    private static (MarkupSpanKind Kind, string Name, int Length) ReadName(string markup, int start)
    {
        var nameStart = start + OpenNamed.Length;
        var colon = nameStart;
        while (colon < markup.Length && (char.IsLetterOrDigit(markup[colon]) || markup[colon] is '_' or '#'))
        {
            colon++;
        }

        if (colon == nameStart || colon >= markup.Length || markup[colon] != ':')
        {
            throw Error(markup, start, "Expected '{|ID:' or '{|#n:' (a diagnostic ID or '#' and an index, then ':').");
        }

        var name = markup.Substring(nameStart, colon - nameStart);
        var length = colon + 1 - start;
        if (name[0] != '#')
        {
            return name.Contains('#', StringComparison.Ordinal)
                ? throw Error(markup, start, $"'{name}' mixes a diagnostic ID and an index; use one or the other.")
                : (MarkupSpanKind.DiagnosticId, name, length);
        }

        var index = name.Substring(1);
        if (index.Length == 0 || !int.TryParse(index, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            throw Error(markup, start, $"'{name}' is not '#' followed by a location index.");
        }

        return (MarkupSpanKind.LocationKey, index, length);
    }

    private static bool At(string text, int position, string token) => string.CompareOrdinal(text, position, token, 0, token.Length) == 0;

    private static ArgumentException Error(string markup, int position, string message)
    {
        return new ArgumentException($"Invalid markup at {Describe(markup, position)}: {message}", nameof(markup));
    }

    private static string Describe(string markup, int position)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < position; i++)
        {
            if (markup[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return $"line {line}, column {position - lineStart + 1}";
    }

    private readonly record struct OpenSpan(MarkupSpanKind Kind, string Name, int TextStart, int MarkupPosition);
}
