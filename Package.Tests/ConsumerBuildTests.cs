using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ShutdownAnalyzers.Package.Tests.Consumer;

namespace ShutdownAnalyzers.Package.Tests;

/// <summary>
/// What <c>dotnet build</c> does with the package in a new project: warnings with help links by
/// default, a failed build under <c>-warnaserror</c>, an <c>.editorconfig</c> severity or the strict
/// mode, silence under <c>none</c> (a mistyped setting's SHDCFG002 included), and SARIF 2.1 for code scanning.
/// </summary>
[Collection(ConsumerCollection.Name)]
public sealed class ConsumerBuildTests
{
    private readonly ConsumerWorkspace workspace;

    public ConsumerBuildTests(ConsumerWorkspace workspace) => this.workspace = workspace;

    [Fact]
    public async Task A_plain_build_warns_with_each_rules_help_link_and_succeeds()
    {
        var build = await workspace.CopyProject().BuildAsync();

        Assert.True(build.ExitCode == 0, build.ToString());
        foreach (var (id, driver) in new[] { ("SHD001", "HbaDriver"), ("SHD002", "NicDriver") })
        {
            var warning = Diagnostic(build, "warning", id);
            Assert.Contains(driver, warning.Groups["message"].Value);
            AssertHelpLinkIsTheRulesPage(id, warning.Groups["link"].Value);
        }
    }

    [Fact]
    public async Task Warnaserror_fails_the_build_on_SHD001()
    {
        var build = await workspace.CopyProject().BuildAsync("-warnaserror");

        Assert.True(build.ExitCode != 0, build.ToString());
        Diagnostic(build, "error", "SHD001");
    }

    [Fact]
    public async Task An_editorconfig_severity_of_error_fails_the_build_on_that_rule_alone()
    {
        var project = workspace.CopyProject();
        project.Write(".editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.SHD001.severity = error\n");

        var build = await project.BuildAsync();

        Assert.True(build.ExitCode != 0, build.ToString());
        Diagnostic(build, "error", "SHD001");
        Diagnostic(build, "warning", "SHD002");
    }

    [Fact]
    public async Task An_editorconfig_severity_of_none_silences_that_rule_alone()
    {
        var project = workspace.CopyProject();
        project.Write(".editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.SHD001.severity = none\n");

        var build = await project.BuildAsync();

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain("SHD001", build.Output);
        Diagnostic(build, "warning", "SHD002");
    }

    [Fact]
    public async Task Strict_analysis_mode_makes_every_rule_an_error()
    {
        var build = await workspace.CopyProject().BuildAsync("-p:ShutdownAnalysisMode=strict");

        Assert.True(build.ExitCode != 0, build.ToString());
        Diagnostic(build, "error", "SHD001");
        Diagnostic(build, "error", "SHD002");
    }

    [Fact]
    public async Task A_mistyped_kexec_policy_warns_by_default_and_is_silent_under_none_like_the_rules()
    {
        const string Typo = "root = true\n\n[*.cs]\nshutdown_analyzers.kexec_policy = remvoe\n";
        var project = workspace.CopyProject();
        project.Write(".editorconfig", Typo);
        var quiet = workspace.CopyProject();
        quiet.Write(".editorconfig", Typo);

        var build = await project.BuildAsync();
        var silenced = await quiet.BuildAsync("-p:ShutdownAnalysisMode=none");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("'remvoe'", Diagnostic(build, "warning", "SHDCFG002").Groups["message"].Value);
        Assert.True(silenced.ExitCode == 0, silenced.ToString());
        Assert.DoesNotContain("warning SHD", silenced.Output);
    }

    [Fact]
    public async Task ErrorLog_writes_SARIF_2_1_with_the_rule_ids_and_help_links()
    {
        var project = workspace.CopyProject();

        var build = await project.BuildAsync("-p:ErrorLog=out.sarif");

        Assert.True(build.ExitCode == 0, build.ToString());
        using var sarif = JsonDocument.Parse(project.Read("out.sarif"));
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var run = Assert.Single(sarif.RootElement.GetProperty("runs").EnumerateArray().ToList());
        var results = run.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("ruleId").GetString()).ToList();
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
            .ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("helpUri").GetString()!);
        foreach (var id in new[] { "SHD001", "SHD002" })
        {
            Assert.Contains(id, results);
            AssertHelpLinkIsTheRulesPage(id, rules[id]);
        }
    }

    /// <summary>The compiler's line for the diagnostic: "file(line,col): warning SHD001: message (help link) [project]".</summary>
    private static Match Diagnostic(CommandResult build, string severity, string id)
    {
        var match = Regex.Match(build.Output, $@"{severity} {id}: (?<message>[^\n]*?) \((?<link>https?://[^\s)]+)\)");
        Assert.True(match.Success, $"no '{severity} {id}' with a help link in the output of {build}");
        return match;
    }

    /// <summary>The link ends in the rule's page under docs/rules, and the repository has that page.</summary>
    private static void AssertHelpLinkIsTheRulesPage(string id, string link)
    {
        Assert.EndsWith($"/docs/rules/{id}.md", link);
        Assert.True(File.Exists(Path.Combine(ThisBuild.RepositoryRoot, "docs", "rules", $"{id}.md")), $"{link} names a page the repository does not have");
    }
}
