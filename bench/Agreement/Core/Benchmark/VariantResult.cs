using System.Collections.Generic;

namespace ShutdownAnalyzers.Agreement.Benchmark;

/// <summary>What the analyzers and the simulator said about one variant, rule by rule.</summary>
public sealed class VariantResult
{
    public VariantResult(Variant variant, string? compileErrors, IReadOnlyDictionary<string, IReadOnlyList<string>> reported, IReadOnlyDictionary<string, Oracles.Verdict> runtime)
    {
        Variant = variant;
        CompileErrors = compileErrors;
        Reported = reported;
        Runtime = runtime;
    }

    public Variant Variant { get; }

    /// <summary>Set when the variant did not compile: a bug in a transform, reported, never judged.</summary>
    public string? CompileErrors { get; }

    /// <summary>Per rule id, the diagnostics it reported outside Flawed/ (empty list: silent).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Reported { get; }

    /// <summary>Per rule id with an oracle, the simulator's verdict on the variant's fixed machines.</summary>
    public IReadOnlyDictionary<string, Oracles.Verdict> Runtime { get; }

    public bool IsReported(string ruleId) => Reported.TryGetValue(ruleId, out var diagnostics) && diagnostics.Count > 0;
}
