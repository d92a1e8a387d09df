using System.Text;
using CsCheck;
using Gradwise.Analyzers.Tests.Infrastructure;
using Gradwise.Symbolic.Tests;
using Xunit;

namespace Gradwise.Analyzers.Tests.Generator;

/// <summary>
/// Random C# functions through the whole pipeline (frontend, simplifier, emitter, compiler):
/// every generated gradient agrees with central finite differences of an independent evaluator.
/// </summary>
public sealed class RandomFunctionGeneratorTests
{
    private const int FunctionsPerCompilation = 120;

    private static readonly double[] NonFinite = { double.NaN, double.PositiveInfinity, double.NegativeInfinity };

    [Fact]
    public void Generated_gradients_of_random_functions_agree_with_finite_differences()
    {
        var checkedPartials = 0;
        var nonFinitePoints = 0;
        Gen.Int[0, int.MaxValue].Array[FunctionsPerCompilation].Sample(
            seeds =>
            {
                var functions = seeds.Select(seed => RandomExpression.Create(seed, maxDepth: 4)).ToArray();
                var source = new StringBuilder("using System;\nusing Gradwise;\npublic static partial class R\n{\n");
                for (var i = 0; i < functions.Length; i++)
                {
                    source.Append("    [Differentiable] public static double F").Append(i).Append("(double a, double b, double c) => ").Append(functions[i].CSharp).Append(";\n");
                }

                source.Append("}\n");
                var run = GeneratorHarness.Run(source.ToString()).AssertCompiles();
                Assert.Empty(run.AnalyzerDiagnostics);

                var random = new Random(seeds[0]);
                for (var i = 0; i < functions.Length; i++)
                {
                    for (var k = 0; k < 2; k++)
                    {
                        var point = Enumerable.Range(0, 3).Select(_ => Math.Round((random.NextDouble() * 4) - 2, 3)).Select(v => v == 0 ? 0.0005 : v).ToArray();
                        var expected = functions[i].Oracle(point);
                        if (!double.IsFinite(expected))
                        {
                            continue;
                        }

                        var (value, gradient) = run.InvokeWithGradient("R", "F" + i, point, 3);
                        Assert.True(Math.Abs(value - expected) <= 1e-8 * Math.Max(1, Math.Abs(expected)), $"F{i} = {functions[i]} at ({string.Join(", ", point)}): value {value}, expected {expected}");
                        for (var j = 0; j < 3; j++)
                        {
                            if (!FiniteDifference.TryCentral(functions[i].Oracle, point, j, out var fd))
                            {
                                continue;
                            }

                            Assert.True(
                                Math.Abs(fd - gradient[j]) <= 1e-6 * Math.Max(1, Math.Abs(fd)),
                                $"∂F{i}/∂{"abc"[j]} of {functions[i]} at ({string.Join(", ", point)}): generated {gradient[j]}, finite differences {fd}\n{run.Source("R.F" + i + "(")}");
                            checkedPartials++;
                        }
                    }

                    // Non-finite inputs: the user's own method is the oracle, NaN and infinities exactly.
                    var special = Enumerable.Range(0, 3).Select(_ => Math.Round((random.NextDouble() * 4) - 2, 3)).ToArray();
                    special[random.Next(3)] = NonFinite[random.Next(NonFinite.Length)];
                    var original = (double)run.Invoke("R", "F" + i, special.Cast<object?>().ToArray())!;
                    var (generated, _) = run.InvokeWithGradient("R", "F" + i, special, 3);
                    Assert.True(
                        double.IsFinite(original) ? Math.Abs(generated - original) <= 1e-8 * Math.Max(1, Math.Abs(original)) : generated.Equals(original),
                        $"F{i} = {functions[i]} at ({string.Join(", ", special)}): generated value {generated}, the method returns {original}\n{run.Source("R.F" + i + "(")}");
                    nonFinitePoints++;
                }
            },
            iter: 3,
            threads: 1);

        Assert.True(checkedPartials > 600, $"only {checkedPartials} partials were checked");
        Assert.Equal(3 * FunctionsPerCompilation, nonFinitePoints);
    }
}
