using System.Net;

namespace ShutdownAnalyzers.Runner.Reports.Html;

/// <summary>Escaping for text and attribute values in the page and its SVG.</summary>
internal static class Html
{
    public static string Text(string text) => WebUtility.HtmlEncode(text);
}
