using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Gradwise.Benchmarks;

/// <summary>How long the generator takes for a compilation with many [Differentiable] methods (a cold run each time).</summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private CSharpCompilation compilation = null!;

    [Params(200)]
    public int Methods { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var shapes = new[]
        {
            "-(y * Math.Log(1 / (1 + Math.Exp(-z))) + (1 - y) * Math.Log(1 - 1 / (1 + Math.Exp(-z))))",
            "0.5 * (1 / (1 + Math.Exp(-z)) - y) * (1 / (1 + Math.Exp(-z)) - y)",
            "Math.Abs(z - y) <= 1 ? 0.5 * (z - y) * (z - y) : Math.Abs(z - y) - 0.5",
            "Math.Log(1 + Math.Exp(z)) - y * z + 0.01 * z * z",
            "Math.Max(0, 1 - y * z) + Math.Tanh(z) * Math.Sin(y + z)",
        };
        var source = new StringBuilder("using System;\nusing Gradwise;\npublic static partial class Many\n{\n");
        for (var i = 0; i < Methods; i++)
        {
            source.Append("    [Differentiable] public static double L").Append(i).Append("([NoGradient] double y, double z) => ").Append(shapes[i % shapes.Length]).Append(" + ").Append(i).Append(" * z;\n");
        }

        source.Append("}\n");
        compilation = CSharpCompilation.Create(
            "Many",
            new[] { CSharpSyntaxTree.ParseText(source.ToString(), new CSharpParseOptions(LanguageVersion.Latest)) },
            Basic.Reference.Assemblies.Net100.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }

    [Benchmark]
    public int GenerateAll()
    {
        var driver = CSharpGeneratorDriver.Create(new Gradwise.Generator.DifferentiableGenerator());
        var result = driver.RunGenerators(compilation).GetRunResult();
        return result.GeneratedTrees.Length;
    }
}
