using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Gradwise.Analyzers.Tests.Catalog;

/// <summary>The rule catalog, the docs pages, the README table and the release files cannot drift apart.</summary>
public sealed class CatalogTests
{
    internal static readonly string Root = FindRoot();

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var d in Descriptors.All)
        {
            data.Add(d.Id);
        }

        return data;
    }

    [Fact]
    public void Ids_are_unique_and_well_formed()
    {
        Assert.Equal(Descriptors.All.Length, Descriptors.All.Select(d => d.Id).Distinct().Count());
        Assert.All(Descriptors.All, d => Assert.Matches("^GW[0-9]{4}$", d.Id));
    }

    [Fact]
    public void Every_analyzer_descriptor_is_in_the_catalog()
    {
        var supported = typeof(Descriptors).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer).IsAssignableFrom(t))
            .SelectMany(t => ((Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
            .Select(d => d.Id)
            .Distinct();

        Assert.All(supported, id => Assert.Contains(Descriptors.All, d => d.Id == id));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_has_a_docs_page_with_the_teaching_sections(string id)
    {
        var path = Path.Combine(Root, "docs", "rules", id + ".md");
        Assert.True(File.Exists(path), $"{id} has no page at docs/rules/{id}.md");
        var page = File.ReadAllText(path);
        var descriptor = Descriptors.All.Single(d => d.Id == id);

        Assert.StartsWith("# " + id + ": " + descriptor.Title, page);
        foreach (var section in new[] { "## Cause", "## Why", "## How to fix", "## How to suppress" })
        {
            Assert.Contains(section, page);
        }
    }

    /// <summary>The page's "Code fix" row and the README's column say yes exactly when a fixer of the package fixes the rule.</summary>
    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Page_and_README_say_whether_the_rule_has_a_fix(string id)
    {
        var fixable = typeof(Gradwise.CodeFixes.Rules.SingleRuleFixer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider).IsAssignableFrom(t))
            .Any(t => ((Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider)Activator.CreateInstance(t)!).FixableDiagnosticIds.Contains(id));
        var page = File.ReadAllText(Path.Combine(Root, "docs", "rules", id + ".md"));
        var pageRow = page.Split('\n').Single(l => l.StartsWith("| Code fix |", StringComparison.Ordinal));
        var readmeRow = File.ReadAllText(Path.Combine(Root, "README.md")).Split('\n').Single(l => l.StartsWith("| [" + id + "]", StringComparison.Ordinal));

        Assert.Equal(fixable, pageRow.StartsWith("| Code fix | yes", StringComparison.Ordinal));
        Assert.Equal(fixable ? "yes" : "no", readmeRow.TrimEnd().TrimEnd('|').Split('|').Last().Trim());
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Help_link_points_at_the_docs_page(string id)
    {
        var descriptor = Descriptors.All.Single(d => d.Id == id);
        Assert.EndsWith("/docs/rules/" + id + ".md", descriptor.HelpLinkUri);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void README_rule_table_lists_the_rule(string id)
    {
        var descriptor = Descriptors.All.Single(d => d.Id == id);
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var row = readme.Split('\n').FirstOrDefault(l => l.StartsWith("| [" + id + "]", StringComparison.Ordinal));

        Assert.True(row != null, $"README.md has no rule-table row for {id}");
        Assert.Contains("(docs/rules/" + id + ".md)", row);
        Assert.Contains(descriptor.Title.ToString(), row);
        Assert.Contains(descriptor.DefaultSeverity.ToString(), row);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Release_tracking_lists_the_rule_with_its_category_and_severity(string id)
    {
        var descriptor = Descriptors.All.Single(d => d.Id == id);
        var releases = File.ReadAllText(Path.Combine(Root, "src", "Gradwise.Analyzers", "AnalyzerReleases.Shipped.md"))
            + File.ReadAllText(Path.Combine(Root, "src", "Gradwise.Analyzers", "AnalyzerReleases.Unshipped.md"));

        Assert.Matches(new Regex("^" + id + @"\s*\|\s*" + Regex.Escape(descriptor.Category) + @"\s*\|\s*" + descriptor.DefaultSeverity + @"\s*\|", RegexOptions.Multiline), releases);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Presets_give_every_rule_its_severity(string id)
    {
        // strict: every rule fails the build; teaching: every lesson and every "cannot differentiate" is a warning,
        // and only the generator's own failure (GW9000, a bug to report) stays an error.
        var descriptor = Descriptors.All.Single(d => d.Id == id);
        Assert.Equal("error", Severity("strict", descriptor));
        Assert.Equal(id == Descriptors.GeneratorInternalError.Id ? "error" : "warning", Severity("teaching", descriptor));
    }

    /// <summary>The severity a preset gives a rule: its id's line, else its category's, else the rule's default.</summary>
    private static string Severity(string preset, DiagnosticDescriptor descriptor)
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "src", "Gradwise", "presets", preset + ".globalconfig"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('=', 2))
            .ToDictionary(kv => kv[0].Trim(), kv => kv[1].Trim(), StringComparer.Ordinal);
        Assert.Equal("true", lines["is_global"]);
        return lines.GetValueOrDefault("dotnet_diagnostic." + descriptor.Id + ".severity")
            ?? lines.GetValueOrDefault("dotnet_analyzer_diagnostic.category-" + descriptor.Category + ".severity")
            ?? descriptor.DefaultSeverity.ToString().ToLowerInvariant();
    }

    [Fact]
    public void No_docs_page_or_README_row_without_a_rule()
    {
        var ids = Descriptors.All.Select(d => d.Id).ToHashSet();
        var pages = Directory.GetFiles(Path.Combine(Root, "docs", "rules"), "GW*.md").Select(Path.GetFileNameWithoutExtension);
        Assert.All(pages, p => Assert.Contains(p!, ids));

        var rows = File.ReadAllLines(Path.Combine(Root, "README.md")).Where(l => l.StartsWith("| [GW", StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Contains(r.Substring(3, 6), ids));
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Analyzers.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Analyzers.sln not found above " + AppContext.BaseDirectory);
    }
}
