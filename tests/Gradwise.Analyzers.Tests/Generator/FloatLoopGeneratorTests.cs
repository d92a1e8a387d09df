using Gradwise.Analyzers.Tests.Infrastructure;
using Gradwise.Symbolic.Tests;
using Xunit;

namespace Gradwise.Analyzers.Tests.Generator;

/// <summary>
/// float in methods with loops: float spans and arrays, float locals and buffers, <c>MathF</c>. The method is computed in
/// double and its gradient (a <c>Span&lt;float&gt;</c> or an <c>out float</c>) rounded once; the oracle is finite differences of a
/// double twin written beside each method, at the same (float) inputs, and the value must be the float method's own within
/// float rounding accumulated over its loops.
/// </summary>
public sealed class FloatLoopGeneratorTests
{
    private const string Source = """
        using System;
        using Gradwise;

        namespace Specs;

        public static partial class H
        {
            [Differentiable]
            public static float Logistic(ReadOnlySpan<float> w, float b, [NoGradient] ReadOnlySpan<float> x, [NoGradient] ReadOnlySpan<float> y)
            {
                int d = w.Length;
                int n = y.Length;
                float loss = 0f;
                for (int i = 0; i < n; i++)
                {
                    float z = b;
                    for (int j = 0; j < d; j++)
                    {
                        z += w[j] * x[i * d + j];
                    }

                    float p = 1f / (1f + MathF.Exp(-z));
                    loss -= y[i] * MathF.Log(p) + (1 - y[i]) * MathF.Log(1 - p);
                }

                return loss / n;
            }

            public static double LogisticTwin(double[] w, double b, double[] x, double[] y)
            {
                int d = w.Length;
                double loss = 0;
                for (int i = 0; i < y.Length; i++)
                {
                    double z = b;
                    for (int j = 0; j < d; j++) z += w[j] * x[i * d + j];
                    double p = 1 / (1 + Math.Exp(-z));
                    loss -= y[i] * Math.Log(p) + (1 - y[i]) * Math.Log(1 - p);
                }

                return loss / y.Length;
            }

            /// <summary>Softmax cross-entropy of a float[] of scores, exponentials kept in a float stack buffer, summed by foreach.</summary>
            [Differentiable]
            public static float Softmax(float[] s, int label)
            {
                Span<float> e = stackalloc float[s.Length];
                float m = s[0];
                for (int c = 1; c < s.Length; c++)
                {
                    m = MathF.Max(m, s[c]);
                }

                for (int c = 0; c < s.Length; c++)
                {
                    e[c] = MathF.Exp(s[c] - m);
                }

                float sum = 0f;
                foreach (float v in e)
                {
                    sum += v;
                }

                return MathF.Log(sum) + m - s[label];
            }

            public static double SoftmaxTwin(double[] s, int label)
            {
                double m = s[0];
                for (int c = 1; c < s.Length; c++) m = Math.Max(m, s[c]);
                double sum = 0;
                for (int c = 0; c < s.Length; c++) sum += Math.Exp(s[c] - m);
                return Math.Log(sum) + m - s[label];
            }

            /// <summary>A hidden layer with its weights in a float[][] (one row per unit), squared error against float targets.</summary>
            [Differentiable]
            public static float Hidden(float[][] w, float[] v, [NoGradient] float[][] x, [NoGradient] float[] y)
            {
                float loss = 0f;
                for (int i = 0; i < x.Length; i++)
                {
                    float z = 0f;
                    for (int k = 0; k < w.Length; k++)
                    {
                        float a = 0f;
                        for (int j = 0; j < x[i].Length; j++)
                        {
                            a += w[k][j] * x[i][j];
                        }

                        z += v[k] * MathF.Tanh(a);
                    }

                    loss += (z - y[i]) * (z - y[i]);
                }

                return loss / x.Length;
            }

            public static double HiddenTwin(double[][] w, double[] v, double[][] x, double[] y)
            {
                double loss = 0;
                for (int i = 0; i < x.Length; i++)
                {
                    double z = 0;
                    for (int k = 0; k < w.Length; k++)
                    {
                        double a = 0;
                        for (int j = 0; j < x[i].Length; j++) a += w[k][j] * x[i][j];
                        z += v[k] * Math.Tanh(a);
                    }

                    loss += (z - y[i]) * (z - y[i]);
                }

                return loss / x.Length;
            }

            /// <summary>Softmax regression with its weights in a float[,], classes × features.</summary>
            [Differentiable]
            public static float Grid(float[,] w, [NoGradient] float[] x, int label)
            {
                float m = float.NegativeInfinity;
                for (int c = 0; c < w.GetLength(0); c++)
                {
                    float s = 0f;
                    for (int j = 0; j < w.GetLength(1); j++) s += w[c, j] * x[j];
                    m = MathF.Max(m, s);
                }

                float sum = 0f;
                float own = 0f;
                for (int c = 0; c < w.GetLength(0); c++)
                {
                    float s = 0f;
                    for (int j = 0; j < w.GetLength(1); j++) s += w[c, j] * x[j];
                    sum += MathF.Exp(s - m);
                    if (c == label) own = s;
                }

                return MathF.Log(sum) + m - own;
            }

            public static double GridTwin(double[] w, double[] x, int label)
            {
                double m = double.NegativeInfinity;
                var s = new double[3];
                for (int c = 0; c < 3; c++) { for (int j = 0; j < 2; j++) s[c] += w[c * 2 + j] * x[j]; m = Math.Max(m, s[c]); }
                double sum = 0;
                for (int c = 0; c < 3; c++) sum += Math.Exp(s[c] - m);
                return Math.Log(sum) + m - s[label];
            }

            // Wrappers: theta as doubles (float-representable), the float method's value and gradient as doubles.
            private static float[] F(double[] t, int from, int count) { var f = new float[count]; for (int i = 0; i < count; i++) f[i] = (float)t[from + i]; return f; }

            private static readonly double[] X = { 0.5, -1.0, 0.25, 2.0, -0.75, 1.5, 1.0, -0.5, 0.125 };
            private static readonly double[] Y = { 1, 0, 1 };

            public static double LogisticValue(double[] t) => Logistic(F(t, 0, 3), (float)t[3], F(X, 0, 9), F(Y, 0, 3));
            public static double LogisticTwinValue(double[] t) => LogisticTwin(t[0..3], t[3], X, Y);
            public static double LogisticGradient(double[] t, double[] g)
            {
                var dw = new float[3];
                var v = LogisticWithGradient(F(t, 0, 3), (float)t[3], F(X, 0, 9), F(Y, 0, 3), dw, out float db);
                for (int i = 0; i < 3; i++) g[i] = dw[i];
                g[3] = db;
                return v;
            }

            private static readonly double[][] Rows = { new[] { 0.5, -1.0 }, new[] { 1.5, 0.25 }, new[] { -0.5, 0.75 } };
            private static float[][] Floats(double[][] rows) => Array.ConvertAll(rows, r => F(r, 0, r.Length));
            private static double[][] Split(double[] t) => new[] { t[0..2], t[2..4], t[4..6] };

            public static double HiddenValue(double[] t) => Hidden(Floats(Split(t)), F(t, 6, 3), Floats(Rows), F(Y, 0, 3));
            public static double HiddenTwinValue(double[] t) => HiddenTwin(Split(t), t[6..9], Rows, Y);
            public static double HiddenGradient(double[] t, double[] g)
            {
                var dw = new[] { new float[2], new float[2], new float[2] };
                var dv = new float[3];
                var v = HiddenWithGradient(Floats(Split(t)), F(t, 6, 3), Floats(Rows), F(Y, 0, 3), dw, dv);
                for (int i = 0; i < 6; i++) g[i] = dw[i / 2][i % 2];
                for (int i = 0; i < 3; i++) g[6 + i] = dv[i];
                return v;
            }

            private static float[,] Grid(double[] t) { var w = new float[3, 2]; for (int i = 0; i < 6; i++) w[i / 2, i % 2] = (float)t[i]; return w; }

            public static double GridValue(double[] t) => Grid(Grid(t), F(X, 0, 2), 1);
            public static double GridTwinValue(double[] t) => GridTwin(t, X[0..2], 1);
            public static double GridGradient(double[] t, double[] g)
            {
                var dw = new float[3, 2];
                var v = GridWithGradient(Grid(t), F(X, 0, 2), 1, dw);
                for (int i = 0; i < 6; i++) g[i] = dw[i / 2, i % 2];
                return v;
            }

            public static string WrongShape()
            {
                try
                {
                    HiddenWithGradient(Floats(Rows), new float[3], Floats(Rows), F(Y, 0, 3), new[] { new float[2], new float[3], new float[2] }, new float[3]);
                    return "no exception";
                }
                catch (ArgumentException e)
                {
                    return e.Message;
                }
            }

            public static double SoftmaxValue(double[] t) => Softmax(F(t, 0, 4), 2);
            public static double SoftmaxTwinValue(double[] t) => SoftmaxTwin(t, 2);
            public static double SoftmaxGradient(double[] t, double[] g)
            {
                var ds = new float[4];
                var v = SoftmaxWithGradient(F(t, 0, 4), 2, ds);
                for (int i = 0; i < 4; i++) g[i] = ds[i];
                return v;
            }
        }
        """;

    private static readonly Lazy<GeneratorRun> Run = new(() => GeneratorHarness.Run(Source).AssertCompiles());

    [Fact]
    public void Float_loop_methods_are_generated_with_float_gradients()
    {
        Assert.Empty(Run.Value.AnalyzerDiagnostics);
        Assert.Empty(Run.Value.GeneratorDiagnostics);
        var logistic = Run.Value.Load().GetType("Specs.H")!.GetMethod("LogisticWithGradient")!;
        Assert.Equal(typeof(float), logistic.ReturnType);
        Assert.Equal("Span`1", logistic.GetParameters()[4].ParameterType.Name);
        Assert.Equal(typeof(float), logistic.GetParameters()[4].ParameterType.GetGenericArguments()[0]);
        Assert.Equal(typeof(float).MakeByRefType(), logistic.GetParameters()[5].ParameterType);
    }

    [Fact]
    public void Float_matrices_get_gradients_of_their_own_type_and_shape()
    {
        var type = Run.Value.Load().GetType("Specs.H")!;
        Assert.Equal(typeof(float[][]), type.GetMethod("HiddenWithGradient")!.GetParameters()[4].ParameterType);
        Assert.Equal(typeof(float[,]), type.GetMethod("GridWithGradient")!.GetParameters()[3].ParameterType);
        Assert.Equal("dw[1] must have the length of w[1] (2), not 3. (Parameter 'dw')", Run.Value.Invoke("Specs.H", "WrongShape", Array.Empty<object?>()));
        SnapshotVerifier.Verify(Run.Value.Source("H.Hidden("), "Hidden");
    }

    [Theory]
    [InlineData("Logistic", 4)]
    [InlineData("Softmax", 4)]
    [InlineData("Hidden", 9)]
    [InlineData("Grid", 6)]
    public void Gradient_agrees_with_the_double_twin(string name, int size)
    {
        var random = new Random(size * 31 + name.Length);
        for (var trial = 0; trial < 40; trial++)
        {
            // Float-representable points, so the float method and its double twin see the same numbers.
            var theta = Enumerable.Range(0, size).Select(_ => (double)(float)((4 * random.NextDouble()) - 2)).ToArray();
            FloatTwin.AssertAgrees(Run.Value, "Specs.H", name, theta);
        }
    }
}
