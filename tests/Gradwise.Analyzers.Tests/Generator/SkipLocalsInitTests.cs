using Gradwise.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Gradwise.Analyzers.Tests.Generator;

/// <summary>
/// <c>[module: SkipLocalsInit]</c> (common in performance-minded projects) leaves <c>stackalloc</c> memory as
/// the last call left it. Generated code accumulates adjoints into its buffers, so it must clear every
/// buffer it reads before writing, whatever the module says. The stack is dirtied on purpose right
/// before each call, at the same depth, and the gradient is checked against the closed form.
/// </summary>
public sealed class SkipLocalsInitTests
{
    private const string Source = """
        using System;
        using System.Runtime.CompilerServices;
        using Gradwise;

        [module: SkipLocalsInit]

        public static partial class Losses
        {
            // Σ 2·w[i]², through a buffer written in one loop and read in another: ∂/∂w[i] = 4·w[i].
            [Differentiable]
            public static double TwoLoops(ReadOnlySpan<double> w)
            {
                int n = w.Length;
                Span<double> h = stackalloc double[n];
                for (int i = 0; i < n; i++)
                {
                    h[i] = w[i] * w[i];
                }

                double s = 0;
                for (int i = 0; i < n; i++)
                {
                    s += 2 * h[i];
                }

                return s;
            }

            // Softmax cross-entropy of one row with label 0: ∂/∂z[c] = softmax(z)[c] − [c = 0].
            [Differentiable]
            public static double SoftmaxCrossEntropy(ReadOnlySpan<double> z)
            {
                int k = z.Length;
                Span<double> e = stackalloc double[k];
                double max = z[0];
                for (int c = 1; c < k; c++)
                {
                    max = Math.Max(max, z[c]);
                }

                double sum = 0;
                for (int c = 0; c < k; c++)
                {
                    e[c] = Math.Exp(z[c] - max);
                    sum += e[c];
                }

                return Math.Log(sum) - Math.Log(e[0]);
            }

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static double Dirty(double fill)
            {
                Span<double> junk = stackalloc double[256];
                junk.Fill(fill);
                double total = 0;
                foreach (var v in junk) total += v;
                return total;
            }

            public static double Sink;

            public static double TwoLoopsAfterDirt(double[] w, double[] dw, double fill)
            {
                Sink = Dirty(fill);
                return TwoLoopsWithGradient(w, dw);
            }

            public static double SoftmaxAfterDirt(double[] z, double[] dz, double fill)
            {
                Sink = Dirty(fill);
                return SoftmaxCrossEntropyWithGradient(z, dz);
            }
        }
        """;

    private static readonly Lazy<GeneratorRun> Run = new(() => GeneratorHarness.RunUnsafe(Source).AssertCompiles());

    [Theory]
    [InlineData(1000.0)]
    [InlineData(-3.5)]
    [InlineData(double.NaN)]
    public void A_buffer_gradient_is_right_on_a_dirty_stack(double fill)
    {
        var w = new[] { 1.0, -2.0, 0.5, 3.0 };
        for (var call = 0; call < 3; call++)
        {
            var dw = new double[w.Length];
            var value = (double)Run.Value.Invoke("Losses", "TwoLoopsAfterDirt", new object?[] { w, dw, fill })!;
            Assert.Equal(w.Sum(v => 2 * v * v), value, 12);
            Assert.Equal(w.Select(v => 4 * v).ToArray(), dw);
        }
    }

    [Theory]
    [InlineData(1000.0)]
    [InlineData(double.NaN)]
    public void A_softmax_gradient_is_right_on_a_dirty_stack(double fill)
    {
        var z = new[] { 0.3, -1.2, 2.0 };
        var exps = z.Select(Math.Exp).ToArray();
        var softmax = exps.Select(e => e / exps.Sum()).ToArray();
        var dz = new double[z.Length];

        Run.Value.Invoke("Losses", "SoftmaxAfterDirt", new object?[] { z, dz, fill });

        for (var c = 0; c < z.Length; c++)
        {
            Assert.Equal(softmax[c] - (c == 0 ? 1 : 0), dz[c], 12);
        }
    }
}
