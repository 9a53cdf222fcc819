using System;
using System.Linq;
using Microsoft.CodeAnalysis.Text;
using ShutdownAnalyzers.Tests.Verifiers;

namespace ShutdownAnalyzers.Tests.VerifierTests;

public class MarkupParserTests
{
    [Fact]
    public void Text_without_markup_is_unchanged()
    {
        var parsed = MarkupParser.Parse("class C { int[] a = { 1 }; }");

        Assert.Equal("class C { int[] a = { 1 }; }", parsed.Text);
        Assert.Empty(parsed.Spans);
    }

    [Fact]
    public void Default_span_is_stripped_and_located_in_the_plain_text()
    {
        var parsed = MarkupParser.Parse("class [|Bad|] { }");

        Assert.Equal("class Bad { }", parsed.Text);
        var span = Assert.Single(parsed.Spans);
        Assert.Equal(MarkupSpanKind.DefaultDiagnostic, span.Kind);
        Assert.Equal(new TextSpan(6, 3), span.Span);
    }

    [Fact]
    public void Named_and_indexed_spans_carry_their_name()
    {
        var parsed = MarkupParser.Parse("class {|TST001:Bad|} { {|#12:int|} x; }");

        Assert.Equal("class Bad { int x; }", parsed.Text);
        Assert.Collection(
            parsed.Spans,
            s => Assert.Equal((MarkupSpanKind.DiagnosticId, "TST001", new TextSpan(6, 3)), (s.Kind, s.Name, s.Span)),
            s => Assert.Equal((MarkupSpanKind.LocationKey, 12, new TextSpan(12, 3)), (s.Kind, s.LocationKey, s.Span)));
    }

    [Fact]
    public void Nested_spans_are_all_found()
    {
        var parsed = MarkupParser.Parse("{|#0:class [|Bad|] { }|}");

        Assert.Equal("class Bad { }", parsed.Text);
        Assert.Equal(new[] { new TextSpan(0, 13), new TextSpan(6, 3) }, parsed.Spans.Select(s => s.Span));
    }

    [Fact]
    public void Empty_span_marks_a_position()
    {
        var parsed = MarkupParser.Parse("class C {[||]}");

        Assert.Equal(new TextSpan(9, 0), Assert.Single(parsed.Spans).Span);
    }

    [Theory]
    [InlineData("class [|Bad { }", "never closed")]
    [InlineData("class Bad|] { }", "closes no open")]
    [InlineData("class [|Bad|} { }", "cannot close")]
    [InlineData("class {|Bad|} { }", "Expected '{|ID:'")]
    [InlineData("class {|#x:Bad|} { }", "not '#' followed by")]
    public void Malformed_markup_is_rejected_with_its_position(string markup, string reason)
    {
        var exception = Assert.Throws<ArgumentException>(() => MarkupParser.Parse(markup));

        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
        Assert.Contains("line 1, column", exception.Message, StringComparison.Ordinal);
    }
}
