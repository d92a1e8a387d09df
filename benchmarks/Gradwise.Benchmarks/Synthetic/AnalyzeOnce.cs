using System.Collections.Immutable;
using System.Diagnostics;
using Gradwise.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Gradwise.Benchmarks.Synthetic;

/// <summary>
/// Whole-project analysis in process, the way a command-line build runs analyzers (after the generator),
/// with and without Gradwise's analyzers on top of a stand-in for the SDK's default analyzers (which
/// register operation actions, so every method body is bound for analysis anyway). Prints the wall
/// time of both, Gradwise's share, and the driver's time per analyzer: a quick look at where analyzer
/// time goes before a full build-overhead run.
/// </summary>
public static class AnalyzeOnce
{
    public static int Run(string directory, int repeats)
    {
        var source = Compile(directory, defineGradwise: true);
        var gradwise = GradwiseAnalyzers.All();
        var sdk = ImmutableArray.Create<DiagnosticAnalyzer>(new SdkStandIn());
        var baselines = new List<double>();
        var withs = new List<double>();
        for (var repeat = 0; repeat < repeats; repeat++)
        {
            var (baseline, _, _) = Analyze(source, sdk, generate: false);
            var (with, withAnalyzers, generate) = Analyze(source, sdk.AddRange(gradwise), generate: true);
            baselines.Add(baseline);
            withs.Add(with);
            var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync().Result.Where(d => d.Id.StartsWith("GW", StringComparison.Ordinal)).ToList();
            var times = string.Join(", ", gradwise.Select(a => $"{a.GetType().Name} {withAnalyzers.GetAnalyzerTelemetryInfoAsync(a, CancellationToken.None).Result.ExecutionTime.TotalSeconds:F2} s"));
            Console.WriteLine($"analysis {baseline:F2} CPU s without Gradwise, {with:F2} s with ({(with / baseline) - 1:+0%;-0%}); generator {generate:F2} s; {times}; {diagnostics.Count} diagnostics ({string.Join(", ", diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key).Select(g => g.Key + " " + g.Count()))})");
        }

        baselines.Sort();
        withs.Sort();
        Console.WriteLine($"medians: {baselines[repeats / 2]:F2} CPU s without, {withs[repeats / 2]:F2} s with ({(withs[repeats / 2] / baselines[repeats / 2]) - 1:+0%;-0%})");
        return 0;
    }

    /// <summary>
    /// Each Gradwise diagnostic on the project in <paramref name="directory"/>, one per line with its location and additional
    /// locations: for trying the rules on a project of real code without building it.
    /// </summary>
    public static int List(string directory)
    {
        var source = Compile(directory, defineGradwise: true);
        var (_, withAnalyzers, _) = Analyze(source, GradwiseAnalyzers.All(), generate: true);
        foreach (var error in withAnalyzers.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(10))
        {
            Console.Error.WriteLine($"compile error {Where(error.Location)}: {error.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}"); // the rules see broken code
        }

        var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync().Result
            .Where(d => d.Id.StartsWith("GW", StringComparison.Ordinal))
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start);
        foreach (var diagnostic in diagnostics)
        {
            var also = string.Concat(diagnostic.AdditionalLocations.Select(l => $"{Environment.NewLine}    also {Where(l)}: {l.SourceTree?.GetText().ToString(l.SourceSpan)}"));
            Console.WriteLine($"{diagnostic.Id} {Where(diagnostic.Location)}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}{also}");
        }

        return 0;
    }

    private static string Where(Location location)
    {
        var span = location.GetLineSpan();
        return $"{Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})";
    }

    /// <summary>
    /// Each Gradwise analyzer's time with the analysis run on one thread (after the generator, beside the SDK stand-in), medians
    /// of <paramref name="repeats"/> fresh compilations after one warm-up. On one thread no analyzer waits for another's answer, so
    /// the driver's time per analyzer is its own work: steadier on a busy machine than the concurrent run of <see cref="Run"/>,
    /// whose per-analyzer times include waits. With <paramref name="only"/>, that analyzer runs alone (the others share the flow
    /// index with it, and on the driver's threads one may wait for a fact another is computing, which counts for the waiter).
    /// </summary>
    public static int Cost(string directory, int repeats, string? only = null)
    {
        var source = Compile(directory, defineGradwise: true);
        CSharpGeneratorDriver.Create(new Gradwise.Generator.DifferentiableGenerator()).RunGeneratorsAndUpdateCompilation(source, out var generated, out _);
        var gradwise = GradwiseAnalyzers.All().Where(a => only is null || a.GetType().Name == only).ToImmutableArray();
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new SdkStandIn()).AddRange(gradwise);
        var times = gradwise.ToDictionary(a => a, _ => new List<double>());
        var reported = 0;
        for (var repeat = 0; repeat <= repeats; repeat++)
        {
            var fresh = Fresh(generated);
            Settle();
            var withAnalyzers = fresh.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
            reported = withAnalyzers.GetAnalyzerDiagnosticsAsync().Result.Count(d => d.Id.StartsWith("GW", StringComparison.Ordinal));
            foreach (var analyzer in gradwise.Where(_ => repeat > 0))
            {
                times[analyzer].Add(withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).Result.ExecutionTime.TotalSeconds);
            }
        }

        double Median(List<double> values) => values.OrderBy(v => v).ElementAt(values.Count / 2);
        Console.WriteLine(string.Join(Environment.NewLine, gradwise.Select(a => $"{a.GetType().Name,-30} {Median(times[a]):F3} s (min {times[a].Min():F3}, max {times[a].Max():F3})")));
        Console.WriteLine($"{"all Gradwise analyzers",-30} {gradwise.Sum(a => Median(times[a])):F3} s; {reported} diagnostics");
        return 0;
    }

    /// <summary>
    /// The bytes each Gradwise analyzer allocates when it runs alone beside the SDK stand-in, less the stand-in's own, on fresh
    /// compilations (medians of <paramref name="repeats"/> rounds after one warm-up), for this build and, if given, another. Unlike
    /// time, allocation hardly moves with the machine's load, so two builds compare on a busy machine; a cut in work shows here too.
    /// </summary>
    public static int Footprint(string directory, string? otherAnalyzers, int repeats)
    {
        var source = Compile(directory, defineGradwise: true);
        CSharpGeneratorDriver.Create(new Gradwise.Generator.DifferentiableGenerator()).RunGeneratorsAndUpdateCompilation(source, out var generated, out _);
        var sdk = new SdkStandIn();
        var builds = otherAnalyzers is null ? new[] { GradwiseAnalyzers.All() } : new[] { GradwiseAnalyzers.All(), GradwiseAnalyzers.From(otherAnalyzers) };
        var names = builds[0].Select(a => a.GetType().Name).ToList();
        var bytes = builds.Select(_ => names.Append("").ToDictionary(n => n, _ => new List<double>())).ToArray();
        double Allocated(ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            var fresh = Fresh(generated);
            var before = GC.GetTotalAllocatedBytes(precise: true);
            _ = fresh.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false))
                .GetAnalyzerDiagnosticsAsync().Result;
            return GC.GetTotalAllocatedBytes(precise: true) - before;
        }

        for (var repeat = 0; repeat <= repeats; repeat++)
        {
            for (var b = 0; b < builds.Length; b++)
            {
                var alone = Allocated(ImmutableArray.Create<DiagnosticAnalyzer>(sdk));
                foreach (var analyzer in builds[b].Where(_ => repeat > 0))
                {
                    bytes[b][analyzer.GetType().Name].Add(Allocated(ImmutableArray.Create<DiagnosticAnalyzer>(sdk, analyzer)) - alone);
                }
            }
        }

        double Median(List<double> values) => values.OrderBy(v => v).ElementAt(values.Count / 2);
        Console.WriteLine($"{"analyzer",-30} {"this (MB)",10}{(builds.Length > 1 ? $" {"other (MB)",10} {"ratio",6}" : "")}");
        foreach (var name in names)
        {
            var mine = Median(bytes[0][name]) / 1e6;
            Console.WriteLine(builds.Length > 1
                ? $"{name,-30} {mine,10:F1} {Median(bytes[1][name]) / 1e6,10:F1} {mine / (Median(bytes[1][name]) / 1e6),6:F2}"
                : $"{name,-30} {mine,10:F1}");
        }

        return 0;
    }

    /// <summary>
    /// Two builds of the analyzers in one process, alternating on fresh compilations (this build, then the other, then the
    /// other first): each analyzer's time on one thread, as in <see cref="Cost"/>, and the ratio of each pair run back to
    /// back. On a shared machine whose speed drifts within minutes, pairs a second apart compare what separate runs cannot.
    /// </summary>
    public static int Compare(string directory, string otherAnalyzers, int repeats)
    {
        var source = Compile(directory, defineGradwise: true);
        CSharpGeneratorDriver.Create(new Gradwise.Generator.DifferentiableGenerator()).RunGeneratorsAndUpdateCompilation(source, out var generated, out _);
        var builds = new[] { GradwiseAnalyzers.All(), GradwiseAnalyzers.From(otherAnalyzers) };
        var names = builds[0].Select(a => a.GetType().Name).ToList();
        var times = new[] { names.ToDictionary(n => n, _ => new List<double>()), names.ToDictionary(n => n, _ => new List<double>()) };
        var reported = new int[2];
        for (var repeat = 0; repeat <= repeats; repeat++)
        {
            foreach (var build in repeat % 2 == 0 ? new[] { 0, 1 } : new[] { 1, 0 })
            {
                var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new SdkStandIn()).AddRange(builds[build]);
                var fresh = Fresh(generated);
                Settle();
                var withAnalyzers = fresh.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
                reported[build] = withAnalyzers.GetAnalyzerDiagnosticsAsync().Result.Count(d => d.Id.StartsWith("GW", StringComparison.Ordinal));
                foreach (var analyzer in builds[build].Where(_ => repeat > 0))
                {
                    times[build][analyzer.GetType().Name].Add(withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).Result.ExecutionTime.TotalSeconds);
                }
            }
        }

        double Median(IEnumerable<double> values) => values.OrderBy(v => v).ElementAt(values.Count() / 2);
        Console.WriteLine($"{"analyzer",-30} {"this (s)",9} {"other (s)",9} {"ratio",7}   ratio per pair");
        foreach (var name in names.Append("all"))
        {
            var mine = name == "all" ? Enumerable.Range(0, repeats).Select(i => names.Sum(n => times[0][n][i])).ToList() : times[0][name];
            var other = name == "all" ? Enumerable.Range(0, repeats).Select(i => names.Sum(n => times[1][n][i])).ToList() : times[1][name];
            var ratios = mine.Zip(other, (a, b) => a / b).ToList();
            Console.WriteLine($"{name,-30} {Median(mine),9:F3} {Median(other),9:F3} {Median(ratios),7:F2}   {string.Join(" ", ratios.Select(r => r.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)))}");
        }

        Console.WriteLine($"diagnostics: {reported[0]} this build, {reported[1]} the other");
        return 0;
    }

    /// <summary>The generator alone on the project, <paramref name="repeats"/> times on fresh compilations: seconds each, and the methods it generated.</summary>
    public static int Generate(string directory, int repeats)
    {
        var source = Compile(directory, defineGradwise: true);
        for (var repeat = 0; repeat < repeats; repeat++)
        {
            var compilation = Fresh(source);
            var clock = Stopwatch.StartNew();
            var driver = CSharpGeneratorDriver.Create(
                new[] { new Gradwise.Generator.DifferentiableGenerator().AsSourceGenerator() },
                driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true)).RunGenerators(compilation);
            var result = driver.GetRunResult();
            var steps = result.Results.SelectMany(r => r.TrackedSteps)
                .Select(s => $"{s.Key} {s.Value.Sum(step => step.ElapsedTime.TotalSeconds):F2}");
            Console.WriteLine($"generator {clock.Elapsed.TotalSeconds:F2} s, {result.GeneratedTrees.Length} files; steps: {string.Join(", ", steps)}");
        }

        return 0;
    }

    /// <summary>A fresh compilation (nothing bound or cached from the last run), the generator if asked, then the analyzers: processor seconds of analysis (less noisy than wall time on a shared machine).</summary>
    private static (double Seconds, CompilationWithAnalyzers Analyzers, double Generate) Analyze(CSharpCompilation source, ImmutableArray<DiagnosticAnalyzer> analyzers, bool generate)
    {
        var compilation = Fresh(source);
        var clock = Stopwatch.StartNew();
        if (generate)
        {
            CSharpGeneratorDriver.Create(new Gradwise.Generator.DifferentiableGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out compilation, out _);
        }

        var generation = clock.Elapsed.TotalSeconds;
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: true, logAnalyzerExecutionTime: true));
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        _ = withAnalyzers.GetAnalyzerDiagnosticsAsync().Result;
        return ((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds, withAnalyzers, generation);
    }

    /// <summary>
    /// A full, compacting collection before an analysis that is timed on one thread, so that the garbage of the compilations
    /// analyzed before is not collected during this one, with the pause counted for whichever analyzer happens to be running (in
    /// a sampling profile of <see cref="Cost"/>, about half of GW1001's samples were waits for the collector). Pauses that this
    /// analysis's own allocation causes still count, and they still land on one analyzer or another: two runs of the same build
    /// still differ by up to half pair by pair, so compare allocation (<see cref="Footprint"/>) to see a change in work.
    /// </summary>
    private static void Settle()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    /// <summary>The same project with every file parsed again: nothing bound or cached from an earlier run.</summary>
    private static Compilation Fresh(Compilation compilation) =>
        compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(compilation.SyntaxTrees.Select(t => CSharpSyntaxTree.ParseText(t.GetText(), (CSharpParseOptions)t.Options, t.FilePath)));

    /// <summary>Every .cs file of a synthetic project, compiled against .NET 10 and ML.NET (every Microsoft.ML assembly beside this program).</summary>
    public static CSharpCompilation Compile(string directory, bool defineGradwise)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: defineGradwise ? new[] { "GRADWISE" } : null);
        var trees = Directory.GetFiles(directory, "*.cs").OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(f)), parse, f))
            .ToList();
        var references = Basic.Reference.Assemblies.Net100.References.All
            .Concat(Directory.GetFiles(Path.GetDirectoryName(typeof(Microsoft.ML.MLContext).Assembly.Location)!, "Microsoft.ML*.dll").OrderBy(f => f, StringComparer.Ordinal).Select(f => MetadataReference.CreateFromFile(f)))
            .Append(MetadataReference.CreateFromFile(typeof(System.Numerics.Tensors.TensorPrimitives).Assembly.Location))
            .ToList();
        return CSharpCompilation.Create("Synthetic", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
    }

    /// <summary>Stands in for the SDK's default analyzers: an operation action, so the driver binds every body, as it does in a real build.</summary>
#pragma warning disable RS1001, RS1025, RS1026, RS1036, RS1041, RS2008 // a measuring stand-in, not a shipped analyzer
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class SdkStandIn : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Never = new("SDK0001", "never reported", "never reported", "Measuring", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationAction(_ => { }, OperationKind.Invocation);
        }
    }
#pragma warning restore RS1001, RS1025, RS1026, RS1036, RS1041, RS2008
}
