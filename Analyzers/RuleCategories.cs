namespace ShutdownAnalyzers;

/// <summary>Diagnostic categories, as they appear in .editorconfig and release tracking.</summary>
internal static class RuleCategories
{
    /// <summary>Driver lifecycle: what Probe, Remove, Shutdown, Suspend and Resume must do to the hardware.</summary>
    public const string Lifecycle = "Lifecycle";

    /// <summary>The package's own settings (.editorconfig keys, MSBuild properties): a value it cannot use.</summary>
    public const string Configuration = "Configuration";
}
