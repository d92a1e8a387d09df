using Gradwise.Analyzers.Tests.Infrastructure;
using Gradwise.Symbolic.Tests;
using Xunit;

namespace Gradwise.Analyzers.Tests.Generator;

/// <summary>
/// <c>TensorPrimitives</c> over float spans inside [Differentiable] float methods: the reductions and the elementwise
/// operations into float buffers. As for any float method, the method is computed in double and its gradient rounded
/// once. The oracle is finite differences of a double twin written beside each method with plain loops, at float
/// inputs; the value must be the float method's own (which calls the real <c>TensorPrimitives</c> in float) within float
/// rounding.
/// </summary>
public sealed class FloatTensorPrimitivesGeneratorTests
{
    private const string Source = """
        using System;
        using System.Numerics.Tensors;
        using Gradwise;

        namespace Specs;

        public static partial class F
        {
            /// <summary>Logistic regression in float: one Dot per row over a slice of the data, an L2 term by SumOfSquares.</summary>
            [Differentiable]
            public static float Logistic(ReadOnlySpan<float> w, float b, [NoGradient] ReadOnlySpan<float> x, [NoGradient] ReadOnlySpan<float> y)
            {
                int d = w.Length;
                int n = y.Length;
                float loss = 0f;
                for (int i = 0; i < n; i++)
                {
                    float z = TensorPrimitives.Dot(x.Slice(i * d, d), w) + b;
                    loss += MathF.Log(1f + MathF.Exp(-z)) + (1f - y[i]) * z;
                }

                return loss / n + 0.05f * TensorPrimitives.SumOfSquares(w);
            }

            public static double LogisticTwin(double[] w, double b, double[] x, double[] y)
            {
                int d = w.Length;
                double loss = 0;
                for (int i = 0; i < y.Length; i++)
                {
                    double z = b;
                    for (int j = 0; j < d; j++) z += x[i * d + j] * w[j];
                    loss += Math.Log(1 + Math.Exp(-z)) + (1 - y[i]) * z;
                }

                double squares = 0;
                for (int j = 0; j < d; j++) squares += w[j] * w[j];
                return loss / y.Length + 0.05 * squares;
            }

            /// <summary>A float layer written with elementwise calls into float buffers: h = tanh(W x + c), then softmax, then -log p[label].</summary>
            [Differentiable]
            public static float Layer(float[] w, float[] c, [NoGradient] float[] x, [NoGradient] int label)
            {
                int k = c.Length;
                int d = x.Length;
                Span<float> s = stackalloc float[k];
                for (int r = 0; r < k; r++)
                {
                    s[r] = TensorPrimitives.Dot(w.AsSpan(r * d, d), x);
                }

                TensorPrimitives.Add(s, c, s);
                TensorPrimitives.Tanh(s, s);
                TensorPrimitives.Multiply(s, 2f, s);
                Span<float> p = stackalloc float[k];
                TensorPrimitives.SoftMax(s, p);
                return -MathF.Log(p[label]) + 0.5f * TensorPrimitives.Norm(c);
            }

            public static double LayerTwin(double[] w, double[] c, double[] x, int label)
            {
                int k = c.Length;
                int d = x.Length;
                var s = new double[k];
                double sum = 0;
                for (int r = 0; r < k; r++)
                {
                    double a = c[r];
                    for (int j = 0; j < d; j++) a += w[r * d + j] * x[j];
                    s[r] = 2 * Math.Tanh(a);
                    sum += Math.Exp(s[r]);
                }

                double norm = 0;
                for (int r = 0; r < k; r++) norm += c[r] * c[r];
                return -Math.Log(Math.Exp(s[label]) / sum) + 0.5 * Math.Sqrt(norm);
            }

            /// <summary>Sigmoid, MultiplyAdd with a float scalar, Subtract and Sum, all into one float[] buffer.</summary>
            [Differentiable]
            public static float Gates(ReadOnlySpan<float> u, ReadOnlySpan<float> v, float scale)
            {
                var g = new float[u.Length];
                TensorPrimitives.Sigmoid(u, g);
                TensorPrimitives.MultiplyAdd(g, scale, v, g);
                TensorPrimitives.Subtract(g, u, g);
                TensorPrimitives.Exp(g, g);
                return TensorPrimitives.Sum(g) / u.Length;
            }

            public static double GatesTwin(double[] u, double[] v, double scale)
            {
                double sum = 0;
                for (int i = 0; i < u.Length; i++)
                {
                    double g = 1 / (1 + Math.Exp(-u[i]));
                    sum += Math.Exp(g * scale + v[i] - u[i]);
                }

                return sum / u.Length;
            }

            /// <summary>
            /// Distance and CosineSimilarity of float buffers (each the loop over its elements: the root of a sum, the quotient of
            /// three sums), of a + 2 and p − 2, whose norms are √3 or more, away from the zero vector where both have a kink.
            /// </summary>
            [Differentiable]
            public static float Embed(ReadOnlySpan<float> a, ReadOnlySpan<float> p)
            {
                Span<float> s = stackalloc float[a.Length];
                Span<float> q = stackalloc float[p.Length];
                TensorPrimitives.Add(a, 2f, s);
                TensorPrimitives.Add(p, -2f, q);
                return TensorPrimitives.Distance(s, q) + 0.5f * (1f - TensorPrimitives.CosineSimilarity(s, q));
            }

            public static double EmbedTwin(double[] a, double[] p)
            {
                double d = 0, dot = 0, ss = 0, qq = 0;
                for (int i = 0; i < a.Length; i++)
                {
                    double s = a[i] + 2, q = p[i] - 2;
                    d += (s - q) * (s - q);
                    dot += s * q;
                    ss += s * s;
                    qq += q * q;
                }

                return Math.Sqrt(d) + 0.5 * (1 - dot / (Math.Sqrt(ss) * Math.Sqrt(qq)));
            }

            /// <summary>A ReLU of a product (elementwise Max with 0) and its largest element, an L1 penalty and a product, over floats (loops).</summary>
            [Differentiable]
            public static float Margin(ReadOnlySpan<float> w, ReadOnlySpan<float> v)
            {
                Span<float> h = stackalloc float[w.Length];
                TensorPrimitives.Multiply(w, v, h);
                TensorPrimitives.Max(h, 0f, h);
                return TensorPrimitives.Max(h) + 0.25f * TensorPrimitives.SumOfMagnitudes(w) + TensorPrimitives.Product(v);
            }

            public static double MarginTwin(double[] w, double[] v)
            {
                double largest = double.NegativeInfinity, l1 = 0, product = 1;
                for (int i = 0; i < w.Length; i++)
                {
                    largest = Math.Max(largest, Math.Max(w[i] * v[i], 0));
                    l1 += Math.Abs(w[i]);
                    product *= v[i];
                }

                return largest + 0.25 * l1 + product;
            }

            private static readonly float[] X = { 0.5f, -1.25f, 0.75f, 2f, -0.5f, 1f, 0.25f, -1.5f, 1.75f };
            private static readonly float[] Y = { 1f, 0f, 1f };
            private static float[] Floats(double[] t, int start, int count) { var f = new float[count]; for (int i = 0; i < count; i++) f[i] = (float)t[start + i]; return f; }
            private static double[] Doubles(float[] f) => Array.ConvertAll(f, v => (double)v);
            private static double[] Slice(double[] t, int start, int count) => t.AsSpan(start, count).ToArray();

            public static double LogisticValue(double[] t) => Logistic(Floats(t, 0, 3), (float)t[3], X, Y);
            public static double LogisticTwinValue(double[] t) => LogisticTwin(Slice(t, 0, 3), t[3], Doubles(X), Doubles(Y));
            public static double LogisticGradient(double[] t, double[] g)
            {
                var dw = new float[3];
                var v = LogisticWithGradient(Floats(t, 0, 3), (float)t[3], X, Y, dw, out var db);
                for (int i = 0; i < 3; i++) g[i] = dw[i];
                g[3] = db;
                return v;
            }

            public static double LayerValue(double[] t) => Layer(Floats(t, 0, 9), Floats(t, 9, 3), Floats(Doubles(X), 0, 3), 1);
            public static double LayerTwinValue(double[] t) => LayerTwin(Slice(t, 0, 9), Slice(t, 9, 3), Doubles(X)[0..3], 1);
            public static double LayerGradient(double[] t, double[] g)
            {
                var dw = new float[9];
                var dc = new float[3];
                var v = LayerWithGradient(Floats(t, 0, 9), Floats(t, 9, 3), Floats(Doubles(X), 0, 3), 1, dw, dc);
                for (int i = 0; i < 9; i++) g[i] = dw[i];
                for (int i = 0; i < 3; i++) g[9 + i] = dc[i];
                return v;
            }

            public static double EmbedValue(double[] t) => Embed(Floats(t, 0, 3), Floats(t, 3, 3));
            public static double EmbedTwinValue(double[] t) => EmbedTwin(Slice(t, 0, 3), Slice(t, 3, 3));
            public static double EmbedGradient(double[] t, double[] g)
            {
                var da = new float[3];
                var dp = new float[3];
                var v = EmbedWithGradient(Floats(t, 0, 3), Floats(t, 3, 3), da, dp);
                for (int i = 0; i < 3; i++) g[i] = da[i];
                for (int i = 0; i < 3; i++) g[3 + i] = dp[i];
                return v;
            }

            public static double MarginValue(double[] t) => Margin(Floats(t, 0, 4), Floats(t, 4, 4));
            public static double MarginTwinValue(double[] t) => MarginTwin(Slice(t, 0, 4), Slice(t, 4, 4));
            public static double MarginGradient(double[] t, double[] g)
            {
                var dw = new float[4];
                var dv = new float[4];
                var v = MarginWithGradient(Floats(t, 0, 4), Floats(t, 4, 4), dw, dv);
                for (int i = 0; i < 4; i++) g[i] = dw[i];
                for (int i = 0; i < 4; i++) g[4 + i] = dv[i];
                return v;
            }

            public static double GatesValue(double[] t) => Gates(Floats(t, 0, 4), Floats(t, 4, 4), (float)t[8]);
            public static double GatesTwinValue(double[] t) => GatesTwin(Slice(t, 0, 4), Slice(t, 4, 4), t[8]);
            public static double GatesGradient(double[] t, double[] g)
            {
                var du = new float[4];
                var dv = new float[4];
                var v = GatesWithGradient(Floats(t, 0, 4), Floats(t, 4, 4), (float)t[8], du, dv, out var dscale);
                for (int i = 0; i < 4; i++) g[i] = du[i];
                for (int i = 0; i < 4; i++) g[4 + i] = dv[i];
                g[8] = dscale;
                return v;
            }
        }
        """;

    private static readonly Lazy<GeneratorRun> Run = new(() => GeneratorHarness.RunWith(new[] { TensorPrimitivesGeneratorTests.Tensors }, Source).AssertCompiles());

    [Fact]
    public void Float_TensorPrimitives_methods_are_generated_with_float_gradients()
    {
        Assert.Empty(Run.Value.AnalyzerDiagnostics);
        Assert.Empty(Run.Value.GeneratorDiagnostics);
        var layer = Run.Value.Load().GetType("Specs.F")!.GetMethod("LayerWithGradient")!;
        Assert.Equal(typeof(float), layer.ReturnType);
        Assert.Equal(typeof(float[]), layer.GetParameters()[0].ParameterType);
        Assert.Equal("Span`1", layer.GetParameters()[4].ParameterType.Name);
        Assert.Equal(typeof(float), layer.GetParameters()[4].ParameterType.GetGenericArguments()[0]);

        // Computed in double: the float calls are read as the loops they stand for, not called over double copies.
        var logistic = Run.Value.Source("F.Logistic(");
        Assert.DoesNotContain("TensorPrimitives.Dot<double>(", logistic, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Logistic", 4)]
    [InlineData("Layer", 12)]
    [InlineData("Gates", 9)]
    [InlineData("Embed", 6)]
    [InlineData("Margin", 8)]
    public void Gradient_agrees_with_the_double_twin(string name, int size)
    {
        var random = new Random((size * 131) + name.Length);
        for (var trial = 0; trial < 30; trial++)
        {
            // Float-representable points, so the float method and its double twin see the same numbers.
            var theta = Enumerable.Range(0, size).Select(_ => (double)(float)((2 * random.NextDouble()) - 1)).ToArray();
            FloatTwin.AssertAgrees(Run.Value, "Specs.F", name, theta);
        }
    }

    [Fact]
    public void Half_typed_float_calls_do_not_crash() =>
        HalfTypedCode.AssertNoCrashOnEveryPrefix(
            Source[..Source.IndexOf("public static double LayerTwin", StringComparison.Ordinal)] + "}\n",
            new[] { new Gradwise.Generator.DifferentiableGenerator() },
            new Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer[] { new Gradwise.Rules.DifferentiableMethodAnalyzer() },
            references: new[] { TensorPrimitivesGeneratorTests.Tensors });
}
