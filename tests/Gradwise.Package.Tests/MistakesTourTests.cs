using System.Text.RegularExpressions;
using Xunit;

namespace Gradwise.Package.Tests;

/// <summary>
/// The student project's build output is the tour of every rule: this pins the exact set of
/// (rule, file, line) it reports, so the tour cannot silently shrink or grow.
/// </summary>
[Trait("Category", "Package")]
[Collection(DotNetCliCollection.Name)]
public sealed class MistakesTourTests
{
    internal static readonly (string Rule, string File, int Line)[] Expected =
    {
        ("GW1001", "Neuron.cs", 29),
        ("GW1002", "Classifier.cs", 33),
        ("GW1003", "LogitLoss.cs", 25),
        ("GW2001", "ReviewClassifier.cs", 28),
        ("GW2002", "ReviewClassifier.cs", 21),
        ("GW3001", "Logistic.cs", 19),
        ("GW4001", "Distillation.cs", 33),
        ("GW5001", "Pretraining.cs", 13),
        ("GW9001", "StudentLosses.cs", 6),
        ("GW9002", "StudentLosses.cs", 16),
        ("GW9003", "StudentLosses.cs", 20),
    };

    [Fact]
    public void Student_project_reports_exactly_the_tour()
    {
        var project = Path.Combine(Repo.Root, "samples", "Gradwise.Samples.Mistakes", "Gradwise.Samples.Mistakes.csproj");
        var timeout = TimeSpan.FromMinutes(5);

        // Build what it depends on, then recompile just the sample so its warnings are printed afresh.
        var build = DotNet.Run(Repo.Root, timeout, new[] { "build", project, "--disable-build-servers", "-v:minimal" }.Concat(Repo.NoRestoreWhenRestored()).ToArray());
        Assert.True(build.ExitCode == 0, build.ToString());
        var rebuild = DotNet.Run(Repo.Root, timeout, "build", project, "--no-dependencies", "--no-incremental", "--disable-build-servers", "-v:minimal", "-clp:NoSummary");
        Assert.True(rebuild.ExitCode == 0, rebuild.ToString());

        var reported = Regex.Matches(rebuild.Output, @"(?<file>[^\\/\s(]+\.cs)\((?<line>\d+),\d+\): warning (?<rule>GW\d{4})")
            .Select(m => (m.Groups["rule"].Value, m.Groups["file"].Value, int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture)))
            .Distinct()
            .OrderBy(t => t.Item1).ThenBy(t => t.Item2).ThenBy(t => t.Item3)
            .ToArray();

        Assert.Equal(Expected, reported);
    }

    [Fact]
    public void Dotnet_format_finds_the_fixes_in_the_repositorys_sample()
    {
        // The sample loads Gradwise.CodeFixes as an analyzer, as the package does; --verify-no-changes changes no file.
        var project = Path.Combine(Repo.Root, "samples", "Gradwise.Samples.Mistakes", "Gradwise.Samples.Mistakes.csproj");
        var build = DotNet.Run(Repo.Root, TimeSpan.FromMinutes(5), new[] { "build", project, "--disable-build-servers", "-v:minimal" }.Concat(Repo.NoRestoreWhenRestored()).ToArray());
        Assert.True(build.ExitCode == 0, build.ToString());
        var before = File.ReadAllText(Path.Combine(Repo.Root, "samples", "Gradwise.Samples.Mistakes", "Neuron.cs"));

        var format = DotNet.Run(Repo.Root, TimeSpan.FromMinutes(5), "format", "analyzers", project, "--no-restore", "--verify-no-changes", "--severity", "warn", "--diagnostics", "GW1001", "-v", "diag");
        Assert.True(format.ExitCode != 0, format.ToString());
        Assert.Contains("Neuron.cs", format.Output);
        Assert.Matches(@"Formatted 1 of \d+ files", format.Output);
        Assert.Equal(before, File.ReadAllText(Path.Combine(Repo.Root, "samples", "Gradwise.Samples.Mistakes", "Neuron.cs")));
    }
}

internal static class Repo
{
    public static readonly string Root = Find();

    /// <summary>
    /// <c>--no-restore</c> where every project under src/ and samples/ has been restored, else nothing. <c>dotnet test Analyzers.sln</c>
    /// builds those projects while these tests build, run or pack them: a restore here would rewrite their obj/project.assets.json under
    /// that build (CI once failed so, with NETSDK1005 and "RestoreTask returned false"). The solution's restore writes them first.
    /// </summary>
    public static string[] NoRestoreWhenRestored() => Restored.Value;

    // Asked once: a project restored when the first test asks stays restored.
    private static readonly Lazy<string[]> Restored = new(() =>
        new[] { "src", "samples" }
            .SelectMany(folder => Directory.GetDirectories(Path.Combine(Root, folder)))
            .Where(project => Directory.GetFiles(project, "*.csproj").Length > 0)
            .All(project => File.Exists(Path.Combine(project, "obj", "project.assets.json")))
            ? new[] { "--no-restore" }
            : Array.Empty<string>());

    private static string Find()
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
