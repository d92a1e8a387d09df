using System.Collections.Concurrent;
using System.Globalization;
using Gradwise.Analyzers.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Gradwise.Analyzers.Tests.Fuzz;

/// <summary>
/// No crash, no hang, on anything a person can type: every snippet of the corpus (<see cref="FuzzCorpus"/>), whole
/// and edited (<see cref="Mutations"/>), through the generator, every analyzer and every code fix.
/// Seeded and bounded by default; larger on demand with environment variables:
/// <c>GRADWISE_FUZZ=N</c> (N edits of each kind per snippet, default 1) or <c>GRADWISE_FUZZ=all</c> (every cut),
/// <c>GRADWISE_FUZZ_SEED=S</c> (default 20261202). A failure names the seed, the snippet and the edit.
/// </summary>
public sealed class FuzzTests
{
    /// <summary>An edited snippet may take this many times as long as the snippet itself (a hang or a blow-up fails)…</summary>
    private const double TimeRatio = 20;

    /// <summary>…but never less than this, so a pause of the shared machine is not a failure (and a slow run is repeated once before it counts).</summary>
    private static readonly TimeSpan TimeFloor = TimeSpan.FromSeconds(3);

    private readonly ITestOutputHelper output;

    public FuzzTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    [Fact]
    public void Corpus_holds_every_rules_tests_the_generators_tests_and_snapshots_and_the_samples()
    {
        var origins = FuzzCorpus.All.Select(s => s.Origin).ToList();
        Assert.True(FuzzCorpus.All.Count >= 300, $"only {FuzzCorpus.All.Count} snippets");
        foreach (var file in Directory.GetFiles(Path.Combine(Catalog.CatalogTests.Root, "tests", "Gradwise.Analyzers.Tests", "Rules"), "GW*.cs"))
        {
            Assert.Contains(origins, o => o.Contains("/Rules/" + Path.GetFileName(file) + ":", StringComparison.Ordinal));
        }

        Assert.Contains(origins, o => o.Contains("/Generator/", StringComparison.Ordinal) && !o.Contains("Snapshots", StringComparison.Ordinal));
        Assert.Contains(origins, o => o.Contains("/Snapshots/", StringComparison.Ordinal) && o.EndsWith(".verified.cs", StringComparison.Ordinal));
        Assert.Contains(origins, o => o.StartsWith("samples/Gradwise.Samples.Mistakes/", StringComparison.Ordinal));
        Assert.Contains(origins, o => o.StartsWith("samples/Gradwise.Samples.Training/", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_snippet_whole_cut_and_edited_crashes_nothing_and_finishes_in_bounded_time()
    {
        var setting = Environment.GetEnvironmentVariable("GRADWISE_FUZZ");
        var everyCut = setting == "all";
        var perKind = everyCut || string.IsNullOrEmpty(setting) ? 1 : int.Parse(setting, CultureInfo.InvariantCulture);
        var seed = int.TryParse(Environment.GetEnvironmentVariable("GRADWISE_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 20261202;

        var failures = new ConcurrentBag<string>();
        var reported = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var runs = 0;
        var fixes = 0;
        var worst = (Ratio: 0.0, What: string.Empty);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Parallel.ForEach(FuzzCorpus.All, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, snippet =>
        {
            if (failures.Count >= 10)
            {
                return;
            }

            var whole = GradwisePipeline.Run(snippet.Source, withFixes: true);
            Interlocked.Increment(ref runs);
            Interlocked.Add(ref fixes, whole.FixesApplied);
            Record(snippet, "whole", snippet.Source, whole.Failures);
            foreach (var id in whole.GradwiseIds)
            {
                reported[id] = true;
            }

            var bound = TimeSpan.FromTicks(Math.Max((long)(whole.Elapsed.Ticks * TimeRatio), TimeFloor.Ticks));
            var random = new Random(seed ^ StableHash(snippet.Source));
            foreach (var (kind, text) in Mutations.Of(snippet.Source, random, perKind, everyCut))
            {
                var edited = GradwisePipeline.Run(text, withFixes: true);
                Interlocked.Increment(ref runs);
                Interlocked.Add(ref fixes, edited.FixesApplied);
                Record(snippet, kind, text, edited.Failures);
                var ratio = edited.Elapsed.TotalMilliseconds / Math.Max(whole.Elapsed.TotalMilliseconds, 1);
                lock (failures)
                {
                    if (ratio > worst.Ratio)
                    {
                        worst = (ratio, $"{snippet.Origin}, {kind}: {edited.Elapsed.TotalMilliseconds:F0} ms vs {whole.Elapsed.TotalMilliseconds:F0} ms whole");
                    }
                }

                if (edited.Elapsed > bound)
                {
                    // A slow run must be slow again to count: the first compilation to touch a library type decodes its
                    // metadata (shared by all later ones), and the test host runs other tests beside this one.
                    var again = GradwisePipeline.Run(text, withFixes: true).Elapsed;
                    if (again > bound)
                    {
                        Record(snippet, kind, text, new[] { $"took {edited.Elapsed.TotalMilliseconds:F0} ms and {again.TotalMilliseconds:F0} ms, over {TimeRatio}× the whole snippet's {whole.Elapsed.TotalMilliseconds:F0} ms (floor {TimeFloor.TotalSeconds} s)" });
                    }
                }
            }
        });

        output.WriteLine($"seed {seed}: {FuzzCorpus.All.Count} snippets, {runs} runs, {fixes} code actions applied, {clock.Elapsed.TotalSeconds:F1} s; rules reported: {string.Join(", ", reported.Keys.Order(StringComparer.Ordinal))}; largest time ratio {worst.Ratio:F1} ({worst.What})");
        Assert.True(failures.IsEmpty, $"seed {seed}, {runs} runs:\n\n" + string.Join("\n\n", failures.Take(10)));

        // The corpus reaches every rule deep enough to report it, and the fixers ran: the fuzz is not fuzzing parse errors only.
        var expected = Descriptors.All.Select(d => d.Id).Where(id => id != Descriptors.GeneratorInternalError.Id);
        Assert.Empty(expected.Except(reported.Keys));
        Assert.True(fixes > 100, $"only {fixes} code actions applied in {runs} runs");

        void Record(FuzzSnippet snippet, string kind, string text, IReadOnlyList<string> found)
        {
            foreach (var failure in found)
            {
                var tail = text.Length > 300 ? "…" + text[^300..] : text;
                failures.Add($"{snippet.Origin}, {kind}: {failure}\n--- source (end) ---\n{tail}");
            }
        }
    }

    /// <summary>FNV-1a over the text: the same snippet gets the same edits on every machine and run.</summary>
    private static int StableHash(string text)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619;
            }

            return hash;
        }
    }
}
