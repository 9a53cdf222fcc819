using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ShutdownAnalyzers.Tests.Documentation;

/// <summary>
/// The global configs behind <c>ShutdownAnalysisMode</c> (Package/build/config) name every rule and
/// every configuration diagnostic the analyzers report (SHDCFG002), so a new one cannot ship without
/// joining the strict and none presets: under <c>none</c> a mistyped kexec policy, which only SHD003
/// and SHD004 read, is no more worth a warning than they are.
/// </summary>
public sealed class AnalysisModePresetTests
{
    [Theory]
    [InlineData("strict", "error")]
    [InlineData("none", "none")]
    public void Preset_sets_every_rule_to_its_severity(string mode, string severity)
    {
        var path = RepositoryLayout.AnalysisModeConfig(mode);
        var expected = ExpectedPreset(mode, severity);

        Assert.True(File.Exists(path), $"{path} is missing. Write it as:{Environment.NewLine}{RuleTables.Show(expected)}");
        var actual = File.ReadAllLines(path);
        Assert.True(
            expected.SequenceEqual(actual),
            $"{Path.GetFileName(path)} does not match the descriptors. Expected:{Environment.NewLine}{RuleTables.Show(expected)}");
    }

    [Fact]
    public void Recommended_is_the_descriptors_own_defaults_and_has_no_preset()
    {
        Assert.False(File.Exists(RepositoryLayout.AnalysisModeConfig("recommended")));
    }

    /// <summary>
    /// A lowest-level global config: a user's own .globalconfig and any .editorconfig entry for a
    /// rule override it, so single rules can still be tuned under a preset.
    /// </summary>
    private static IReadOnlyList<string> ExpectedPreset(string mode, string severity) =>
        new[]
        {
            $"# ShutdownAnalysisMode={mode}: every ShutdownAnalyzers rule at severity '{severity}'.",
            "# Generated from the rule descriptors; Analyzers.Tests/Documentation/AnalysisModePresetTests checks it.",
            "is_global = true",
            "global_level = -1",
            string.Empty,
        }
        .Concat(RuleCatalog.All.Select(rule => $"dotnet_diagnostic.{rule.Id}.severity = {severity}"))
        .ToList();
}
