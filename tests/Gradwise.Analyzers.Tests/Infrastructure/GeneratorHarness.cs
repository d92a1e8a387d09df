using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Gradwise.Generator;
using Gradwise.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Gradwise.Analyzers.Tests.Infrastructure;

/// <summary>The outcome of running the generator (and the generator-diagnostics analyzer) on some source.</summary>
public sealed class GeneratorRun
{
    private Assembly? assembly;

    internal GeneratorRun(Compilation output, ImmutableArray<Diagnostic> generatorDiagnostics, ImmutableDictionary<string, string> sources, ImmutableArray<Diagnostic> analyzerDiagnostics)
    {
        Output = output;
        GeneratorDiagnostics = generatorDiagnostics;
        Sources = sources;
        AnalyzerDiagnostics = analyzerDiagnostics;
    }

    /// <summary>The compilation with the generated files added.</summary>
    public Compilation Output { get; }

    /// <summary>Diagnostics the generator itself reported (it should report none: the analyzer does).</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; }

    /// <summary>Generated text by hint name.</summary>
    public ImmutableDictionary<string, string> Sources { get; }

    /// <summary>GW diagnostics from <see cref="DifferentiableMethodAnalyzer"/>.</summary>
    public ImmutableArray<Diagnostic> AnalyzerDiagnostics { get; }

    /// <summary>Compiler errors anywhere, and warnings in the generated files (the test's own source may warn).</summary>
    public ImmutableArray<Diagnostic> CompileDiagnostics => Output.GetDiagnostics()
        .Where(d => d.Severity == DiagnosticSeverity.Error
            || (d.Severity == DiagnosticSeverity.Warning && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true))
        .ToImmutableArray();

    /// <summary>The generated files for user methods (not the attribute and runtime files).</summary>
    public IEnumerable<KeyValuePair<string, string>> MethodSources =>
        Sources.Where(s => s.Key != GeneratedSources.AttributesHintName && s.Key != GeneratedSources.RuntimeHintName && !s.Key.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)).OrderBy(s => s.Key, StringComparer.Ordinal);

    /// <summary>The one generated file whose hint name contains <paramref name="fragment"/>.</summary>
    public string Source(string fragment) => Sources.Single(s => s.Key.Contains(fragment, StringComparison.Ordinal)).Value;

    /// <summary>Fails with the compiler's messages unless the output compiles without errors or warnings.</summary>
    public GeneratorRun AssertCompiles()
    {
        var problems = CompileDiagnostics;
        if (!problems.IsEmpty)
        {
            var culprits = problems.Select(p => p.Location.SourceTree?.FilePath).Where(p => p != null).Distinct().ToList();
            var shown = MethodSources.Where(s => culprits.Count == 0 || culprits.Any(c => c!.EndsWith(s.Key, StringComparison.Ordinal))).Take(3).Select(s => s.Value);
            throw new Xunit.Sdk.XunitException("The generated code does not compile cleanly:\n" + string.Join("\n", problems) + "\n\n" + string.Join("\n\n", shown));
        }

        return this;
    }

    /// <summary>Calls a static method of the compiled output; <paramref name="arguments"/> receives out values.</summary>
    public object? Invoke(string typeName, string methodName, object?[] arguments)
    {
        var type = Load().GetType(typeName, throwOnError: true)!;
        var method = type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Single(m => m.Name == methodName && m.GetParameters().Length == arguments.Length);
        var parameters = method.GetParameters();
        for (var i = 0; i < arguments.Length; i++)
        {
            // Inputs are given as doubles; a float parameter gets the nearest float.
            if (arguments[i] is double d && parameters[i].ParameterType == typeof(float))
            {
                arguments[i] = (float)d;
            }
        }

        return method.Invoke(null, arguments);
    }

    /// <summary>Calls <c>{method}WithGradient</c> with scalar inputs; returns the value and the partials in parameter order.</summary>
    public (double Value, double[] Gradient) InvokeWithGradient(string typeName, string methodName, double[] inputs, int gradientCount)
    {
        var arguments = new object?[inputs.Length + gradientCount];
        for (var i = 0; i < inputs.Length; i++)
        {
            arguments[i] = inputs[i];
        }

        var value = Convert.ToDouble(Invoke(typeName, methodName + "WithGradient", arguments), System.Globalization.CultureInfo.InvariantCulture);
        var gradient = arguments.Skip(inputs.Length).Select(o => Convert.ToDouble(o, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return (value, gradient);
    }

    /// <summary>The compiled output, loaded into a collectible context.</summary>
    public Assembly Load()
    {
        if (assembly != null)
        {
            return assembly;
        }

        AssertCompiles();
        using var stream = new MemoryStream();
        var emit = Output.Emit(stream);
        if (!emit.Success)
        {
            throw new Xunit.Sdk.XunitException("Emit failed:\n" + string.Join("\n", emit.Diagnostics));
        }

        stream.Position = 0;
        var context = new AssemblyLoadContext("gradwise-test-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        assembly = context.LoadFromStream(stream);
        return assembly;
    }
}

/// <summary>Runs the generator the way the compiler does, and the analyzer that explains its silences.</summary>
public static class GeneratorHarness
{
    public static GeneratorRun Run(params string[] sources) => Run(TestCompilation.Create(sources));

    /// <summary>The same with more assemblies referenced (a library the sources call, such as System.Numerics.Tensors).</summary>
    public static GeneratorRun RunWith(IEnumerable<MetadataReference> references, params string[] sources) =>
        Run(TestCompilation.Create(sources).AddReferences(references));

    /// <summary>The same for sources that need <c>/unsafe</c> (<c>[module: SkipLocalsInit]</c>, pointers).</summary>
    public static GeneratorRun RunUnsafe(params string[] sources) =>
        Run(TestCompilation.Create(sources).WithOptions(TestCompilation.Create().Options.WithAllowUnsafe(true)));

    private static GeneratorRun Run(Compilation compilation)
    {
        var driver = CSharpGeneratorDriver.Create(new[] { new DifferentiableGenerator().AsSourceGenerator() }, parseOptions: TestCompilation.ParseOptions);
        driver = (CSharpGeneratorDriver)driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult();
        var generated = result.Results.SelectMany(r => r.GeneratedSources).ToImmutableDictionary(s => s.HintName, s => s.SourceText.ToString());

        var analyzerDiagnostics = AnalyzerRunner.Run(output, new DifferentiableMethodAnalyzer()).Diagnostics;
        return new GeneratorRun(output, generatorDiagnostics, generated, analyzerDiagnostics);
    }
}

/// <summary>Runs analyzers on a compilation and collects both their diagnostics and any exception they throw.</summary>
public static class AnalyzerRunner
{
    public sealed record Outcome(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<Exception> Exceptions);

    public static Outcome Run(Compilation compilation, params DiagnosticAnalyzer[] analyzers)
    {
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (ex, _, _) =>
            {
                lock (exceptions)
                {
                    exceptions.Add(ex);
                }
            },
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        var withAnalyzers = compilation.WithAnalyzers(analyzers.ToImmutableArray(), options);
        var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return new Outcome(diagnostics, exceptions);
    }
}
