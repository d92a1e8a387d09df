using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Gradwise.Analyzers.Tests.Infrastructure;

/// <summary>
/// What the IDE sees while someone types: every prefix of a source cut at a token boundary.
/// Runs the generators and analyzers on each and fails on any exception, AD0001 or CS8785.
/// </summary>
public static class HalfTypedCode
{
    /// <summary>Each cut position: the end of every token of <paramref name="source"/>.</summary>
    public static IEnumerable<int> Cuts(string source) =>
        CSharpSyntaxTree.ParseText(source, TestCompilation.ParseOptions).GetRoot().DescendantTokens(descendIntoTrivia: false)
            .Select(t => t.Span.End).Where(e => e > 0).Distinct();

    /// <summary>
    /// The cuts a long case is typed at: the end of every token inside <paramref name="dense"/> (the members being written),
    /// of every <paramref name="stride"/>-th token elsewhere, and the whole source.
    /// </summary>
    public static IEnumerable<int> Sampled(string source, IReadOnlyCollection<Microsoft.CodeAnalysis.Text.TextSpan> dense, int stride)
    {
        var all = Cuts(source).ToList();
        return all.Where((cut, i) => i % stride == 0 || i == all.Count - 1 || dense.Any(span => cut > span.Start && cut <= span.End));
    }

    /// <summary>The same over a test source written with diagnostic markup (<c>{|GW1001:...|}</c>, <c>[|...|]</c>), which is removed first.</summary>
    public static void AssertNoCrashOnEveryPrefixOfMarkedSource(string markedSource, DiagnosticAnalyzer analyzer, params MetadataReference[] references) =>
        AssertNoCrashOnEveryPrefix(WithoutMarkup(markedSource), Array.Empty<IIncrementalGenerator>(), new[] { analyzer }, references: references);

    /// <summary>A test source without its diagnostic markup (<c>{|GW1001:...|}</c>, <c>{|#0:...|}</c>, <c>[|...|]</c>); fails if any is left.</summary>
    public static string WithoutMarkup(string markedSource)
    {
        var plain = System.Text.RegularExpressions.Regex.Replace(markedSource, @"\{\|[A-Z]+[0-9]+:|\{\|#[0-9]+:|\[\||\|\]|\|\}", string.Empty);
        if (plain.Contains("{|", StringComparison.Ordinal) || plain.Contains("|}", StringComparison.Ordinal))
        {
            throw new ArgumentException("Markup left in the source after stripping: " + plain, nameof(markedSource));
        }

        return plain;
    }

    /// <summary>Every prefix of <paramref name="source"/>, compiled with <paramref name="otherFiles"/> whole (the rest of the project while one file is typed).</summary>
    public static void AssertNoCrashOnEveryPrefix(string source, IEnumerable<IIncrementalGenerator> generators, IEnumerable<DiagnosticAnalyzer> analyzers, IEnumerable<string> otherFiles) =>
        AssertNoCrashOnEveryPrefix(source, generators, analyzers, includeSupportSources: true, otherFiles);

    public static void AssertNoCrashOnEveryPrefix(string source, IEnumerable<IIncrementalGenerator> generators, IEnumerable<DiagnosticAnalyzer> analyzers, bool includeSupportSources = true, IEnumerable<string>? otherFiles = null, IEnumerable<MetadataReference>? references = null, IEnumerable<int>? cutsToType = null)
    {
        var others = otherFiles?.ToList() ?? new List<string>();
        var generatorList = generators.ToList();
        var analyzerArray = analyzers.ToImmutableArray();
        var failures = new List<string>();
        var cuts = (cutsToType ?? Cuts(source)).ToList();
        if (cuts.Count == 0)
        {
            throw new ArgumentException("The source has no tokens.", nameof(source));
        }

        // The files that stay whole are parsed once; each cut parses only its prefix.
        var wholeTexts = new List<string>(others);
        if (includeSupportSources && generatorList.Count == 0)
        {
            wholeTexts.AddRange(TestCompilation.GeneratedSupportSources.Select(s => s.Text));
        }

        var wholeTrees = wholeTexts.Select((text, i) => TestCompilation.Parse(text, i + 1)).ToList();
        foreach (var cut in cuts)
        {
            var prefix = source.Substring(0, cut);
            var trees = new List<SyntaxTree> { TestCompilation.Parse(prefix, 0) };
            trees.AddRange(wholeTrees);
            Compilation compilation = TestCompilation.Create(trees).AddReferences(references ?? Enumerable.Empty<MetadataReference>());
            if (generatorList.Count > 0)
            {
                GeneratorDriver driver = CSharpGeneratorDriver.Create(generatorList.Select(g => g.AsSourceGenerator()), parseOptions: TestCompilation.ParseOptions);
                driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
                foreach (var result in driver.GetRunResult().Results.Where(r => r.Exception != null))
                {
                    failures.Add(Describe(prefix, "generator threw " + result.Exception));
                }

                foreach (var d in generatorDiagnostics.Where(d => d.Id is "CS8785" or "AD0001" or "GW9000"))
                {
                    failures.Add(Describe(prefix, d.ToString()));
                }

                compilation = output;
            }

            if (!analyzerArray.IsEmpty)
            {
                var outcome = AnalyzerRunner.Run(compilation, analyzerArray.ToArray());
                foreach (var ex in outcome.Exceptions)
                {
                    failures.Add(Describe(prefix, "analyzer threw " + ex.GetType().Name + ": " + ex.Message));
                }

                foreach (var d in outcome.Diagnostics.Where(d => d.Id == "AD0001"))
                {
                    failures.Add(Describe(prefix, d.ToString()));
                }
            }

            if (failures.Count >= 5)
            {
                break;
            }
        }

        if (failures.Count > 0)
        {
            throw new Xunit.Sdk.XunitException("Half-typed code crashed Gradwise:\n\n" + string.Join("\n\n", failures));
        }
    }

    private static string Describe(string prefix, string what)
    {
        var tail = prefix.Length > 80 ? "..." + prefix.Substring(prefix.Length - 80) : prefix;
        return $"after typing «{tail.Replace("\n", "⏎")}»: {what}";
    }
}
