namespace ShutdownAnalyzers;

/// <summary>Every diagnostic ID the package reports, and where its documentation lives.</summary>
internal static class RuleIdentifiers
{
    /// <summary>SHD002: Shutdown, or what it calls, powers the hardware off while the system restarts.</summary>
    public const string ShutdownPowersOffOnRestart = "SHD002";

    private const string DocsBase = "https://github.com/shutdownanalyzers/ShutdownAnalyzers/blob/main/docs/rules/";

    /// <summary>The help link of a rule: its page under <c>docs/rules/</c>.</summary>
    public static string GetHelpUri(string id) => DocsBase + id + ".md";
}
