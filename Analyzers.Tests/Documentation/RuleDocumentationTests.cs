using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ShutdownAnalyzers.Tests.Documentation;

/// <summary>
/// Every descriptor of every analyzer has its page under docs/rules/, its row in the README table
/// and its entry in the release-tracking files, and they all say what the descriptor says.
/// </summary>
public sealed class RuleDocumentationTests
{
    [Fact]
    public void The_package_has_rules()
    {
        Assert.NotEmpty(RuleCatalog.Rules);
    }

    [Theory]
    [MemberData(nameof(RuleCatalog.Ids), MemberType = typeof(RuleCatalog))]
    public void Id_is_SHD_and_three_digits(string id)
    {
        Assert.Matches(new Regex("^SHD[0-9]{3}$"), id);
    }

    [Theory]
    [MemberData(nameof(RuleCatalog.Ids), MemberType = typeof(RuleCatalog))]
    public void Descriptors_sharing_an_id_agree(string id)
    {
        var descriptors = RuleCatalog.Analyzers.SelectMany(analyzer => analyzer.SupportedDiagnostics).Where(d => d.Id == id).ToList();
        Assert.Single(descriptors.Select(d => (d.Title.ToString(), d.Category, d.DefaultSeverity, d.HelpLinkUri)).Distinct());
    }

    [Theory]
    [MemberData(nameof(RuleCatalog.Ids), MemberType = typeof(RuleCatalog))]
    public void Doc_page_exists(string id)
    {
        var rule = RuleCatalog.Get(id);
        Assert.True(
            File.Exists(RepositoryLayout.RuleDoc(id)),
            $"docs/rules/{id}.md is missing. Start it with:{Environment.NewLine}{RuleTables.TitleLine(rule)}{Environment.NewLine}{Environment.NewLine}"
            + $"{RuleTables.DocBegin}{Environment.NewLine}{RuleTables.Show(RuleTables.PropertyTable(rule))}{Environment.NewLine}{RuleTables.DocEnd}");
    }

    [Theory]
    [MemberData(nameof(RuleCatalog.Ids), MemberType = typeof(RuleCatalog))]
    public void Doc_title_line_is_the_descriptor_title(string id)
    {
        var rule = RuleCatalog.Get(id);
        Assert.Equal(RuleTables.TitleLine(rule), File.ReadLines(RepositoryLayout.RuleDoc(id)).FirstOrDefault());
    }

    [Theory]
    [MemberData(nameof(RuleCatalog.Ids), MemberType = typeof(RuleCatalog))]
    public void Doc_property_table_states_category_severity_analyzer_and_fixes(string id)
    {
        var rule = RuleCatalog.Get(id);
        var expected = RuleTables.PropertyTable(rule);
        var actual = RuleTables.Between(RepositoryLayout.RuleDoc(id), RuleTables.DocBegin, RuleTables.DocEnd);
        Assert.True(
            actual is not null && actual.SequenceEqual(expected),
            $"docs/rules/{id}.md must hold, between {RuleTables.DocBegin} and {RuleTables.DocEnd}:{Environment.NewLine}{RuleTables.Show(expected)}"
            + $"{Environment.NewLine}but holds:{Environment.NewLine}{(actual is null ? "(markers missing)" : RuleTables.Show(actual))}");
    }

    [Theory]
    [MemberData(nameof(RuleCatalog.Ids), MemberType = typeof(RuleCatalog))]
    public void Doc_shows_how_to_configure_the_severity(string id)
    {
        Assert.Contains($"dotnet_diagnostic.{id}.severity", File.ReadAllText(RepositoryLayout.RuleDoc(id)), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleCatalog.Ids), MemberType = typeof(RuleCatalog))]
    public void Help_link_points_at_the_doc_page_in_this_repository(string id)
    {
        var helpLink = RuleCatalog.Get(id).Descriptor.HelpLinkUri;
        Assert.Equal(RuleIdentifiers.GetHelpUri(id), helpLink);

        var repository = XDocument.Load(RepositoryLayout.BuildProps).Descendants("RepositoryUrl").Single().Value.TrimEnd('/');
        var prefix = repository + "/blob/main/";
        Assert.True(
            helpLink.StartsWith(prefix, StringComparison.OrdinalIgnoreCase),
            $"The help link {helpLink} of {id} is not in the repository {repository} (Directory.Build.props).");
        Assert.Equal($"docs/rules/{id}.md", helpLink.Substring(prefix.Length));
    }

    [Fact]
    public void Every_doc_page_belongs_to_a_rule()
    {
        var orphans = Directory.GetFiles(RepositoryLayout.RulesDocsFolder)
            .Select(Path.GetFileName)
            .Where(name => !RuleCatalog.Rules.Any(rule => name == rule.Id + ".md"))
            .ToList();
        Assert.True(orphans.Count == 0, $"docs/rules/ holds pages of no rule: {string.Join(", ", orphans)}");
    }

    [Fact]
    public void Readme_rule_table_is_generated_from_the_descriptors()
    {
        var expected = RuleTables.ReadmeTable();
        var actual = RuleTables.Between(RepositoryLayout.Readme, RuleTables.ReadmeBegin, RuleTables.ReadmeEnd);
        Assert.True(
            actual is not null && actual.SequenceEqual(expected),
            $"README.md must hold, between {RuleTables.ReadmeBegin} and {RuleTables.ReadmeEnd}:{Environment.NewLine}{RuleTables.Show(expected)}"
            + $"{Environment.NewLine}but holds:{Environment.NewLine}{(actual is null ? "(markers missing)" : RuleTables.Show(actual))}");
    }

    [Fact]
    public void Release_tracking_lists_every_rule_with_its_category_and_severity()
    {
        var tracked = ReleaseTracking.CurrentRules(RepositoryLayout.ShippedReleases, RepositoryLayout.UnshippedReleases);
        var expected = RuleCatalog.All.Select(rule => $"{rule.Id} | {rule.Category} | {rule.Severity}");
        var actual = tracked.Values.OrderBy(entry => entry.Id, StringComparer.Ordinal).Select(entry => $"{entry.Id} | {entry.Category} | {entry.Severity}");
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(RuleCatalog.ConfigurationIds), MemberType = typeof(RuleCatalog))]
    public void Configuration_diagnostic_is_SHDCFG_and_three_digits_and_links_to_the_README_that_names_it(string id)
    {
        Assert.Matches(new Regex("^SHDCFG[0-9]{3}$"), id);
        Assert.Equal(RuleIdentifiers.ConfigurationHelpUri, RuleCatalog.Get(id).Descriptor.HelpLinkUri);
        Assert.EndsWith("README.md#configuration", RuleIdentifiers.ConfigurationHelpUri, StringComparison.Ordinal);
        var configuration = File.ReadAllText(RepositoryLayout.Readme).Split("\n## Configuration\n")[1].Split("\n## ")[0];
        Assert.Contains($"`{id}`", configuration, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleCatalog.Ids), MemberType = typeof(RuleCatalog))]
    public void Repository_editorconfig_shows_the_rule_severity_setting(string id)
    {
        Assert.Contains($"dotnet_diagnostic.{id}.severity", File.ReadAllText(RepositoryLayout.EditorConfig), StringComparison.Ordinal);
    }
}
