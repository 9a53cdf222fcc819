using System;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ShutdownAnalyzers.Tests.Verifiers;

/// <summary>Formats diagnostics for failure messages: compiler-style lines, source excerpts, and C# to expect them.</summary>
internal static class DiagnosticFormatter
{
    private const string Indent = "    ";

    public static bool IsCompilerDiagnostic(Diagnostic diagnostic) => diagnostic.Descriptor.Category == "Compiler";

    /// <summary><c>/0/Test0.cs(3,7,3,10): warning TST001: message</c>, one-based like the compiler's output.</summary>
    public static string Describe(Diagnostic diagnostic)
    {
        var location = diagnostic.Location.IsInSource ? Describe(diagnostic.Location) : "<no location>";
        var suppressed = diagnostic.IsSuppressed ? " [suppressed]" : string.Empty;
        return $"{location}: {diagnostic.Severity.ToString().ToLowerInvariant()} {diagnostic.Id}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}{suppressed}";
    }

    public static string Describe(Location location)
    {
        var span = location.GetLineSpan();
        return $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1},{span.EndLinePosition.Line + 1},{span.EndLinePosition.Character + 1})";
    }

    /// <summary>The source line(s) of a span with carets under it, indented for a failure message.</summary>
    public static string Excerpt(SourceText? text, LinePosition start, LinePosition? end)
    {
        if (text is null || start.Line >= text.Lines.Count)
        {
            return string.Empty;
        }

        var line = text.Lines[start.Line];
        var lineText = line.ToString().Replace('\t', ' ');
        var endColumn = end is { } e && e.Line == start.Line ? e.Character : lineText.Length;
        var width = Math.Max(1, Math.Min(endColumn, lineText.Length) - start.Character);
        var number = (start.Line + 1).ToString(CultureInfo.InvariantCulture);
        var gutter = new string(' ', number.Length);
        return $"{Indent}{Indent}{number} | {lineText}{Environment.NewLine}" +
               $"{Indent}{Indent}{gutter} | {new string(' ', Math.Min(start.Character, lineText.Length))}{new string('^', width)}{Environment.NewLine}";
    }

    public static string Excerpt(Diagnostic diagnostic)
    {
        if (!diagnostic.Location.IsInSource)
        {
            return string.Empty;
        }

        var span = diagnostic.Location.GetLineSpan();
        return Excerpt(diagnostic.Location.SourceTree!.GetText(), span.StartLinePosition, span.EndLinePosition);
    }

    /// <summary>C# that expects exactly this diagnostic, to paste into a test.</summary>
    public static string ToExpectationCode(Diagnostic diagnostic)
    {
        var code = new StringBuilder();
        if (IsCompilerDiagnostic(diagnostic))
        {
            code.Append(diagnostic.Severity switch
            {
                DiagnosticSeverity.Error => $"DiagnosticResult.CompilerError(\"{diagnostic.Id}\")",
                DiagnosticSeverity.Warning => $"DiagnosticResult.CompilerWarning(\"{diagnostic.Id}\")",
                _ => $"new DiagnosticResult(\"{diagnostic.Id}\", DiagnosticSeverity.{diagnostic.Severity})",
            });
        }
        else
        {
            code.Append("Diagnostic(\"").Append(diagnostic.Id).Append("\")");
            if (diagnostic.Severity != diagnostic.Descriptor.DefaultSeverity)
            {
                code.Append(".WithSeverity(DiagnosticSeverity.").Append(diagnostic.Severity).Append(')');
            }
        }

        foreach (var location in new[] { diagnostic.Location }.Concat(diagnostic.AdditionalLocations).Where(l => l.IsInSource))
        {
            var span = location.GetLineSpan();
            code.Append(CultureInfo.InvariantCulture, $".WithSpan(\"{span.Path}\", {span.StartLinePosition.Line + 1}, {span.StartLinePosition.Character + 1}, {span.EndLinePosition.Line + 1}, {span.EndLinePosition.Character + 1})");
        }

        if (diagnostic.IsSuppressed)
        {
            code.Append(".WithIsSuppressed(true)");
        }

        return code.ToString();
    }
}
