using System.Reflection;
using Gradwise.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Gradwise.Analyzers.Tests.Generator;

/// <summary>
/// The closed forms of loop methods' adjoints (the <c>M_d…</c> constants and the doc comments' list): the textbook forms come
/// out, and each one, compiled as the C# it claims to be and summed over the rows by independently written code, is the
/// generated gradient of a bias (whose local derivative is 1, so its gradient is exactly that sum).
/// </summary>
public sealed class ClosedFormTests
{
    private static readonly Lazy<GeneratorRun> Run = new(() => GeneratorHarness.Run(LoopFunctions.Source).AssertCompiles());

    private static string Formula(string field) =>
        (string)(Run.Value.Load().GetType("Specs.L")!.GetField(field) ?? throw new InvalidOperationException("no constant " + field)).GetValue(null)!;

    [Fact]
    public void The_textbook_forms_are_derived()
    {
        Assert.Equal("(Sigmoid(z) - y[i]) / n", Formula("LogisticL2_dz"));
        Assert.Equal("(Exp(s[c] - m) / sum - (c == labels[i] ? 1 : 0)) / n", Formula("SoftmaxCrossEntropy_ds"));
        Assert.Equal("∂LogLoss/∂z(y[i], z) / n", Formula("Mlp_dz"));
    }

    [Fact]
    public void Sums_and_copies_that_only_pass_an_adjoint_on_get_no_constant()
    {
        var fields = Run.Value.Load().GetType("Specs.L")!.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.Name).ToList();

        Assert.DoesNotContain("SoftmaxCrossEntropy_dt", fields); // s[c] = t: its adjoint is s[c]'s
        Assert.DoesNotContain("SoftmaxCrossEntropy_dloss", fields); // 1 / n, a constant factor
        Assert.DoesNotContain("LogisticL2_dpenalty", fields);
        Assert.Contains("SoftmaxCrossEntropy_dsum", fields);
    }

    [Fact]
    public void Methods_whose_adjoints_depend_on_the_path_taken_get_none()
    {
        var fields = Run.Value.Load().GetType("Specs.L")!.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.Name).ToList();

        // A recurrence carries a value from one iteration to the next; a counter, a break, a while and a call change which statements ran.
        foreach (var method in new[] { "Recurrence", "Counted", "Stepped", "Iterative", "Controlled", "Composed" })
        {
            Assert.DoesNotContain(fields, f => f.StartsWith(method + "_d", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Each_form_summed_over_the_rows_is_the_generated_gradient()
    {
        var checks = ChecksSource
            .Replace("«LogisticL2_dz»", Formula("LogisticL2_dz"), StringComparison.Ordinal)
            .Replace("«SoftmaxCrossEntropy_ds»", Formula("SoftmaxCrossEntropy_ds"), StringComparison.Ordinal)
            .Replace("«Mlp_dz»", Formula("Mlp_dz"), StringComparison.Ordinal)
            .Replace("«Mlp_da»", Formula("Mlp_da"), StringComparison.Ordinal)
            .Replace("∂LogLoss/∂z(", "LogLossDz(", StringComparison.Ordinal); // the docs' name for the callee's partial
        var run = GeneratorHarness.Run(LoopFunctions.Source, checks).AssertCompiles();

        foreach (var check in new[] { "Logistic", "Softmax", "Mlp" })
        {
            for (var seed = 1; seed <= 5; seed++)
            {
                var pairs = (double[])run.Invoke("Specs.ClosedFormChecks", check, new object?[] { seed })!;
                for (var p = 0; p < pairs.Length; p += 2)
                {
                    Assert.True(
                        Math.Abs(pairs[p] - pairs[p + 1]) <= 1e-12 * Math.Max(1, Math.Abs(pairs[p + 1])),
                        $"{check} (seed {seed}), bias {p / 2}: closed forms sum to {pairs[p]}, the generated gradient is {pairs[p + 1]}");
                }

                Assert.Contains(pairs, v => Math.Abs(v) > 1e-3); // not a vacuous 0 = 0
            }
        }
    }

    /// <summary>Forward passes written out here, and each closed form where «…» stands; every method returns (sum of forms, generated gradient) pairs.</summary>
    private const string ChecksSource = """
        using System;
        using static System.Math;

        namespace Specs;

        public static class ClosedFormChecks
        {
            private static double Sigmoid(double z) => 1.0 / (1.0 + Exp(-z));

            // ∂LogLoss/∂z, as the scalar generator derives it (checked in ScalarGeneratorTests).
            private static double LogLossDz(double y, double z) => Sigmoid(z) - y;

            private static double[] Uniform(Random r, int count)
            {
                var a = new double[count];
                for (int i = 0; i < count; i++) a[i] = 2 * r.NextDouble() - 1;
                return a;
            }

            // ∂/∂b of LogisticL2 is the sum over rows of ∂/∂z.
            public static double[] Logistic(int seed)
            {
                var r = new Random(seed);
                int d = 4, n = 9;
                var w = Uniform(r, d);
                double b = r.NextDouble() - 0.5;
                var x = Uniform(r, n * d);
                var y = new double[n];
                for (int i = 0; i < n; i++) y[i] = r.Next(2);

                double closed = 0;
                for (int i = 0; i < n; i++)
                {
                    double z = b;
                    for (int j = 0; j < d; j++) z += w[j] * x[i * d + j];
                    closed += «LogisticL2_dz»;
                }

                L.LogisticL2WithGradient(w, b, x, y, 0.3, new double[d], out var db);
                return new[] { closed, db };
            }

            // ∂/∂bias[c] of SoftmaxCrossEntropy is the sum over rows of ∂/∂s[c].
            public static double[] Softmax(int seed)
            {
                var r = new Random(seed);
                int k = 3, d = 4, n = 8;
                var weights = Uniform(r, k * d);
                var bias = Uniform(r, k);
                var x = Uniform(r, n * d);
                var labels = new int[n];
                for (int i = 0; i < n; i++) labels[i] = r.Next(k);

                var closed = new double[k];
                var s = new double[k];
                for (int i = 0; i < n; i++)
                {
                    for (int c = 0; c < k; c++)
                    {
                        s[c] = bias[c];
                        for (int j = 0; j < d; j++) s[c] += weights[c * d + j] * x[i * d + j];
                    }

                    double m = Max(s[0], Max(s[1], s[2]));
                    double sum = Exp(s[0] - m) + Exp(s[1] - m) + Exp(s[2] - m);
                    for (int c = 0; c < k; c++) closed[c] += «SoftmaxCrossEntropy_ds»;
                }

                var dBias = new double[k];
                L.SoftmaxCrossEntropyWithGradient(weights, bias, x, labels, new double[k * d], dBias);
                return new[] { closed[0], dBias[0], closed[1], dBias[1], closed[2], dBias[2] };
            }

            // ∂/∂b1[k] of Mlp is the sum over rows of ∂/∂a (the hidden unit's input); ∂/∂b2 the sum of ∂/∂z.
            public static double[] Mlp(int seed)
            {
                var r = new Random(seed);
                int h = 3, d = 2, n = 6;
                var w1 = Uniform(r, h * d);
                var b1 = Uniform(r, h);
                var w2 = Uniform(r, h);
                double b2 = r.NextDouble() - 0.5;
                var x = Uniform(r, n * d);
                var y = new double[n];
                for (int i = 0; i < n; i++) y[i] = r.Next(2);

                var closed = new double[h + 1];
                for (int i = 0; i < n; i++)
                {
                    double z = b2;
                    for (int k = 0; k < h; k++)
                    {
                        double pre = b1[k];
                        for (int j = 0; j < d; j++) pre += w1[k * d + j] * x[i * d + j];
                        z += w2[k] * Tanh(pre);
                    }

                    for (int k = 0; k < h; k++)
                    {
                        double a = b1[k];
                        for (int j = 0; j < d; j++) a += w1[k * d + j] * x[i * d + j];
                        closed[k] += «Mlp_da»;
                    }

                    closed[h] += «Mlp_dz»;
                }

                var db1 = new double[h];
                L.MlpWithGradient(w1, b1, w2, b2, x, y, new double[h * d], db1, new double[h], out var db2);
                return new[] { closed[0], db1[0], closed[1], db1[1], closed[2], db1[2], closed[h], db2 };
            }
        }
        """;
}
