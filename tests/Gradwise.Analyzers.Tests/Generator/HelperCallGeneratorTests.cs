using Gradwise.Analyzers.Tests.Infrastructure;
using Gradwise.Symbolic.Tests;
using Microsoft.CodeAnalysis;
using Xunit;
using Verify = Gradwise.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Gradwise.Rules.DifferentiableMethodAnalyzer>;

namespace Gradwise.Analyzers.Tests.Generator;

/// <summary>
/// Calls of your own methods that carry no attribute (static helpers, and a model's <c>Forward</c> called on this) are
/// read where they are called. The oracle is finite differences of the [Differentiable] method itself, which calls the
/// helpers as written. What cannot be read inside a helper is one GW9003 at the call, naming it.
/// </summary>
public sealed class HelperCallGeneratorTests
{
    private const string Source = """
        using System;
        using Gradwise;

        namespace Course;

        /// <summary>A two-layer network as a course writes it: Forward computes the output, Loss calls it per row.</summary>
        public partial class Network
        {
            [Parameter] private readonly double[][] w1;
            [Parameter] private readonly double[] b1;
            [Parameter] private readonly double[] w2;
            [Parameter] private double b2;

            public Network(double[] t)
            {
                w1 = new[] { new double[2], new double[2], new double[2] };
                b1 = new double[3];
                w2 = new double[3];
                Set(t);
            }

            public void Set(double[] t)
            {
                int at = 0;
                foreach (var row in w1) for (int j = 0; j < row.Length; j++) row[j] = t[at++];
                for (int k = 0; k < b1.Length; k++) b1[k] = t[at++];
                for (int k = 0; k < w2.Length; k++) w2[k] = t[at++];
                b2 = t[at];
            }

            private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

            /// <summary>The probability of class 1 for one input: a hidden tanh layer into a buffer, then a sigmoid.</summary>
            public double Forward(double[] input)
            {
                double[] hidden = new double[b1.Length];
                for (int k = 0; k < b1.Length; k++)
                {
                    double a = b1[k];
                    for (int j = 0; j < input.Length; j++)
                    {
                        a += w1[k][j] * input[j];
                    }

                    hidden[k] = Math.Tanh(a);
                }

                double z = b2;
                for (int k = 0; k < w2.Length; k++)
                {
                    z += w2[k] * hidden[k];
                }

                return Sigmoid(z);
            }

            private double Penalty()
            {
                double sum = 0;
                foreach (double v in w2) sum += v * v;
                return sum;
            }

            private static double CrossEntropy(double y, double p) => -(y * Math.Log(p) + (1 - y) * Math.Log(1 - p));

            [Differentiable]
            public double Loss(double[][] x, double[] y)
            {
                double loss = 0;
                for (int i = 0; i < x.Length; i++)
                {
                    loss += CrossEntropy(y[i], Forward(x[i]));
                }

                return loss / x.Length + 0.01 * Penalty();
            }

            /// <summary>Forward read at two calls: each reading has its own locals and buffer.</summary>
            [Differentiable]
            public double Contrast(double[] a, double[] b)
            {
                double pa = Forward(a);
                double pb = Forward(b);
                return (pa - pb) * (pa - pb) + pa;
            }
        }

        /// <summary>Softmax regression whose Forward returns the probabilities, from a Softmax helper that returns a new array.</summary>
        public partial class Classifier
        {
            [Parameter] public double[,] W = new double[3, 2];
            [Parameter] public double[] Bias = new double[3];

            private static double[] Softmax(double[] z)
            {
                double max = double.NegativeInfinity;
                for (int c = 0; c < z.Length; c++) max = Math.Max(max, z[c]);
                double[] p = new double[z.Length];
                double sum = 0;
                for (int c = 0; c < z.Length; c++)
                {
                    p[c] = Math.Exp(z[c] - max);
                    sum += p[c];
                }

                for (int c = 0; c < z.Length; c++) p[c] /= sum;
                return p;
            }

            public double[] Forward(double[] x)
            {
                double[] z = new double[Bias.Length];
                for (int c = 0; c < Bias.Length; c++)
                {
                    z[c] = Bias[c];
                    for (int j = 0; j < x.Length; j++) z[c] += W[c, j] * x[j];
                }

                return Softmax(z);
            }

            private static double Nll(double[] p, int label) => -Math.Log(p[label]);

            [Differentiable]
            public double Loss(double[][] x, int[] labels)
            {
                double loss = 0;
                for (int i = 0; i < x.Length; i++)
                {
                    double[] p = Forward(x[i]);
                    loss += 0.75 * -Math.Log(p[labels[i]]) + 0.25 * Nll(Forward(x[i]), labels[i]);
                }

                return loss / x.Length;
            }
        }

        /// <summary>[Differentiable] callees whose generated code cannot take these arguments (a local buffer, a row, a matrix, float): read where they are called.</summary>
        public static partial class Chains
        {
            [Differentiable]
            public static double Sum(ReadOnlySpan<double> v)
            {
                double s = 0;
                foreach (var e in v) s += e * e;
                return s;
            }

            [Differentiable]
            public static double Rows(double[][] v)
            {
                double s = 0;
                for (int i = 0; i < v.Length; i++) s += Math.Sin(v[i][0]) * v[i][1];
                return s;
            }

            [Differentiable]
            public static double Mixed(double[][] m, double x)
            {
                Span<double> b = stackalloc double[3];
                for (int k = 0; k < 3; k++) b[k] = x * (k + 1);
                return Sum(b) + Sum(m[1]) * x + Rows(m);
            }

            [Differentiable]
            public static float FloatSum(ReadOnlySpan<float> v)
            {
                float s = 0f;
                for (int i = 0; i < v.Length; i++) s += v[i] * v[i];
                return s;
            }

            [Differentiable]
            public static float FloatOuter(ReadOnlySpan<float> v, float x) => FloatSum(v) * x + x;

            private static (double, double) SinCos(double x) => (Math.Sin(x), Math.Cos(x));

            /// <summary>Deconstruction in a method with loops: a swap-like recurrence and a helper's tuple, each iteration.</summary>
            [Differentiable]
            public static double Swaps(ReadOnlySpan<double> w)
            {
                double a = 0, b = 1;
                for (int i = 0; i < w.Length; i++)
                {
                    (a, b) = (b, a + w[i] * b);
                    var (s, c) = SinCos(w[i]);
                    a += 0.1 * s * c;
                }

                return a + b;
            }

            /// <summary>A local function declared above the loop of a method with loops, a clipped sigmoid switch and a bool inside it.</summary>
            [Differentiable]
            public static double LoopLocal(ReadOnlySpan<double> w, double x)
            {
                double Sq(double u) => u * u;
                double s = 0;
                for (int i = 0; i < w.Length; i++)
                {
                    double z = w[i] * x;
                    double clipped = z switch { < -20 => 0, > 20 => 1, _ => 1 / (1 + Math.Exp(-z)) };
                    bool big = z > 1;
                    s += big ? Sq(clipped) : Math.Atan(z) + Math.Cbrt(z * z + 1);
                }

                return s;
            }

            public static double LoopLocalValue(double[] t) => LoopLocal(t.AsSpan(0, 3), t[3]);

            public static double LoopLocalGradient(double[] t, double[] g) => LoopLocalWithGradient(t.AsSpan(0, 3), t[3], g.AsSpan(0, 3), out g[3]);

            /// <summary>Argument checks first, over the parameters: the generated method checks them too and throws the method's own exceptions.</summary>
            [Differentiable]
            public static double Guarded(ReadOnlySpan<double> w, [NoGradient] ReadOnlySpan<double> x, [NoGradient] double scale)
            {
                if (x.Length != 2 * w.Length)
                    throw new ArgumentException("x must hold two rows of w.Length", nameof(x));
                if (scale <= 0) { throw new ArgumentOutOfRangeException(nameof(scale), scale, "a positive scale"); }
                double s = 0;
                for (int i = 0; i < w.Length; i++) s += w[i] * x[i] - w[i] * w[i] * x[w.Length + i];
                return scale * Math.Tanh(s);
            }

            [Differentiable]
            public static double GuardedScalar(double z, [NoGradient] double y)
            {
                if (y < 0 || y > 1) throw new ArgumentOutOfRangeException(nameof(y), y, "a probability");
                return Math.Log(1 + Math.Exp(-z)) + (1 - y) * z;
            }

            /// <summary>A helper that checks its arguments, called on every row: its check, at the call, reads only d and w.Length.</summary>
            private static double CheckedDot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
            {
                if (a.Length != b.Length) throw new ArgumentException("CheckedDot needs spans of one length");
                double s = 0;
                for (int j = 0; j < a.Length; j++) s += a[j] * b[j];
                return s;
            }

            private static double Logit(double p)
            {
                if (p <= 0 || p >= 1) { throw new ArgumentOutOfRangeException(nameof(p), p, "Logit takes a probability"); }
                return Math.Log(p / (1 - p));
            }

            [Differentiable]
            public static double HelperGuarded(ReadOnlySpan<double> w, [NoGradient] ReadOnlySpan<double> x, [NoGradient] int d)
            {
                double s = 0;
                for (int i = 0; i < x.Length / d; i++) s += Math.Tanh(CheckedDot(w, x.Slice(i * d, d)));
                return s;
            }

            [Differentiable]
            public static double HelperGuardedScalar(double z, [NoGradient] double p)
            {
                double r = z - Logit(p);
                return r * r;
            }

            public static double HelperGuardedValue(double[] t) => HelperGuarded(t, GuardData, 3) + HelperGuardedScalar(t[1], 0.25);

            public static double HelperGuardedGradient(double[] t, double[] g)
            {
                var value = HelperGuardedWithGradient(t, GuardData, 3, g) + HelperGuardedScalarWithGradient(t[1], 0.25, out var dz);
                g[1] += dz;
                return value;
            }

            /// <summary>A helper's check, failing at the call: the method and its WithGradient throw the helper's exception; no rows, no call, no exception.</summary>
            public static string[] HelperGuardFailures()
            {
                static string Caught(Action a) { try { a(); return "none"; } catch (Exception e) { return e.GetType().Name + ": " + e.Message; } }
                var dw = new double[3];
                return new[]
                {
                    Caught(() => HelperGuarded(new double[3], new double[4], 2)), Caught(() => HelperGuardedWithGradient(new double[3], new double[4], 2, dw)),
                    Caught(() => HelperGuardedScalar(0.5, 1.5)), Caught(() => HelperGuardedScalarWithGradient(0.5, 1.5, out _)),
                    Caught(() => HelperGuarded(new double[3], new double[0], 2)), Caught(() => HelperGuardedWithGradient(new double[3], new double[0], 2, dw)),
                };
            }

            private static readonly double[] GuardData = { 0.5, -1.0, 2.0, 0.25, 0.75, -0.5 };

            public static double GuardedValue(double[] t) => Guarded(t, GuardData, 1.5);

            public static double GuardedGradient(double[] t, double[] g) => GuardedWithGradient(t, GuardData, 1.5, g);

            /// <summary>The exception the method throws and the one its WithGradient throws, as "Type: message".</summary>
            public static string[] GuardFailures()
            {
                static string Caught(Action a) { try { a(); return "none"; } catch (Exception e) { return e.GetType().Name + ": " + e.Message; } }
                var dw = new double[3];
                return new[]
                {
                    Caught(() => Guarded(new double[3], new double[5], 1)), Caught(() => GuardedWithGradient(new double[3], new double[5], 1, dw)),
                    Caught(() => Guarded(new double[3], new double[6], -1)), Caught(() => GuardedWithGradient(new double[3], new double[6], -1, dw)),
                    Caught(() => GuardedScalar(0.5, 2)), Caught(() => GuardedScalarWithGradient(0.5, 2, out _)),
                };
            }

            public static double SwapsValue(double[] t) => Swaps(t);

            public static double SwapsGradient(double[] t, double[] g) => SwapsWithGradient(t, g);

            public static double MixedValue(double[] t) => Mixed(new[] { t[0..2], t[2..4] }, t[4]);

            public static double MixedGradient(double[] t, double[] g)
            {
                var dm = new[] { new double[2], new double[2] };
                var v = MixedWithGradient(new[] { t[0..2], t[2..4] }, t[4], dm, out g[4]);
                g[0] = dm[0][0]; g[1] = dm[0][1]; g[2] = dm[1][0]; g[3] = dm[1][1];
                return v;
            }

            public static double[] FloatOuterAll(float[] v, float x)
            {
                var dv = new float[v.Length];
                var value = FloatOuterWithGradient(v, x, dv, out float dx);
                return new double[] { value, dv[0], dv[1], dx };
            }
        }

        public static partial class Losses
        {
            private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
            {
                double s = 0;
                for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
                return s;
            }

            /// <summary>Huber's loss with its branches as returns.</summary>
            private static double Huber(double r, double delta)
            {
                if (Math.Abs(r) <= delta)
                {
                    return 0.5 * r * r;
                }

                return delta * (Math.Abs(r) - 0.5 * delta);
            }

            /// <summary>A row's residual through a helper that calls another, with an int parameter and a window.</summary>
            private static double Residual(ReadOnlySpan<double> w, ReadOnlySpan<double> x, int row, int d, double target) =>
                Dot(w, x.Slice(row * d, d)) - target;

            [Differentiable]
            public static double Robust(ReadOnlySpan<double> w, [NoGradient] ReadOnlySpan<double> x, [NoGradient] ReadOnlySpan<double> y)
            {
                int d = w.Length;
                double loss = 0;
                for (int i = 0; i < y.Length; i++)
                {
                    loss += Huber(Residual(w, x, i, d, y[i]), 1.0);
                }

                return loss / y.Length + 0.1 * Dot(w, w);
            }

            private static double Logistic(double y, double z) => Math.Log(1 + Math.Exp(-z)) + (1 - y) * z;

            /// <summary>A method without loops calling a two-parameter helper: straight-line math.</summary>
            [Differentiable]
            public static double Scaled(double y, double z, double scale) => scale * Logistic(y, z * scale);

            /// <summary>A soft hinge and its margin, returned as a tuple.</summary>
            private static (double Loss, double Margin) Hinge(double y, double z)
            {
                double m = y * z;
                return (Math.Log(1 + Math.Exp(1 - m)), m);
            }

            /// <summary>Tuples returned by a helper and by a local function, deconstructed (with a discard).</summary>
            [Differentiable]
            public static double Tupled(double y, double z, double w)
            {
                var (loss, margin) = Hinge(y, z * w);
                (double, double, double) Powers(double u) => (u * u, Math.Sin(u), u);
                var (square, sine, _) = Powers(w);
                return loss + 0.1 * margin * margin + square * sine;
            }

            public static double RobustValue(double[] w) => Robust(w, X, Y);

            public static double RobustGradient(double[] w, double[] g) => RobustWithGradient(w, X, Y, g);

            private static readonly double[] X = { 1.0, -0.5, 0.25, 2.0, 0.5, -1.5, -1.0, 1.0, 3.0 };
            private static readonly double[] Y = { 0.5, -2.0, 4.0 };
        }

        public static class Probe
        {
            public static readonly double[][] X = { new[] { 0.5, -1.0 }, new[] { -0.25, 2.0 }, new[] { 1.5, 0.75 } };
            public static readonly double[] Y = { 1, 0, 1 };

            public static double LossValue(double[] t) => new Network(t).Loss(X, Y);

            public static double LossGradient(double[] t, double[] g)
            {
                var n = new Network(t);
                var gradient = new Network.Gradient(n);
                var v = n.LossWithGradient(X, Y, gradient);
                Flatten(gradient, g);
                return v;
            }

            public static double ContrastValue(double[] t) => new Network(t).Contrast(X[0], X[1]);

            public static double ContrastGradient(double[] t, double[] g)
            {
                var n = new Network(t);
                var gradient = new Network.Gradient(n);
                var v = n.ContrastWithGradient(X[0], X[1], gradient);
                Flatten(gradient, g);
                return v;
            }

            private static void Flatten(Network.Gradient gradient, double[] g)
            {
                int at = 0;
                foreach (var row in gradient.W1) foreach (var v in row) g[at++] = v;
                foreach (var v in gradient.B1) g[at++] = v;
                foreach (var v in gradient.W2) g[at++] = v;
                g[at] = gradient.B2;
            }

            public static double TupledValue(double[] t) => Losses.Tupled(t[0], t[1], t[2]);

            public static double TupledGradient(double[] t, double[] g) => Losses.TupledWithGradient(t[0], t[1], t[2], out g[0], out g[1], out g[2]);

            public static readonly int[] Labels = { 2, 0, 1 };

            private static Classifier Classifier(double[] t)
            {
                var m = new Classifier();
                for (int i = 0; i < 6; i++) m.W[i / 2, i % 2] = t[i];
                for (int c = 0; c < 3; c++) m.Bias[c] = t[6 + c];
                return m;
            }

            public static double ClassifierValue(double[] t) => Classifier(t).Loss(X, Labels);

            public static double ClassifierGradient(double[] t, double[] g)
            {
                var m = Classifier(t);
                var gradient = new Classifier.Gradient(m);
                var v = m.LossWithGradient(X, Labels, gradient);
                for (int i = 0; i < 6; i++) g[i] = gradient.W[i / 2, i % 2];
                for (int c = 0; c < 3; c++) g[6 + c] = gradient.Bias[c];
                return v;
            }

            public static double ScaledValue(double[] t) => Losses.Scaled(t[0], t[1], t[2]);

            public static double ScaledGradient(double[] t, double[] g)
            {
                var v = Losses.ScaledWithGradient(t[0], t[1], t[2], out g[0], out g[1], out g[2]);
                return v;
            }
        }
        """;

    private static readonly Lazy<GeneratorRun> Run = new(() => GeneratorHarness.Run(Source).AssertCompiles());

    [Fact]
    public void Methods_calling_helpers_are_generated_without_a_diagnostic()
    {
        Assert.Empty(Run.Value.AnalyzerDiagnostics);
        Assert.Empty(Run.Value.GeneratorDiagnostics);
        foreach (var method in new[] { "Network.Loss(", "Network.Contrast(", "Losses.Robust(", "Losses.Scaled(", "Losses.Tupled(", "Classifier.Loss(", "Chains.Mixed(", "Chains.FloatOuter(" })
        {
            Assert.Contains("WithGradient(", Run.Value.Source(method), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Course.Probe", "LossValue", "LossGradient", 6 + 3 + 3 + 1)]
    [InlineData("Course.Probe", "ContrastValue", "ContrastGradient", 6 + 3 + 3 + 1)]
    [InlineData("Course.Losses", "RobustValue", "RobustGradient", 3)]
    [InlineData("Course.Probe", "ScaledValue", "ScaledGradient", 3)]
    [InlineData("Course.Probe", "TupledValue", "TupledGradient", 3)]
    [InlineData("Course.Chains", "MixedValue", "MixedGradient", 5)]
    [InlineData("Course.Chains", "SwapsValue", "SwapsGradient", 4)]
    [InlineData("Course.Chains", "LoopLocalValue", "LoopLocalGradient", 4)]
    [InlineData("Course.Chains", "GuardedValue", "GuardedGradient", 3)]
    [InlineData("Course.Chains", "HelperGuardedValue", "HelperGuardedGradient", 3)]
    [InlineData("Course.Probe", "ClassifierValue", "ClassifierGradient", 6 + 3)]
    public void Gradient_agrees_with_finite_differences(string type, string value, string gradient, int size)
    {
        GradientOracle.AgreesWithFiniteDifferences(Run.Value, type, value, gradient, size, trials: 8, seed: size + value.Length);
    }

    [Fact]
    public void Argument_checks_throw_the_methods_own_exceptions_from_the_generated_method_too()
    {
        var failures = (string[])Run.Value.Invoke("Course.Chains", "GuardFailures", Array.Empty<object?>())!;
        for (var k = 0; k < failures.Length; k += 2)
        {
            Assert.NotEqual("none", failures[k]);
            Assert.Equal(failures[k], failures[k + 1]);
        }

        Assert.StartsWith("ArgumentException: x must hold two rows", failures[0], StringComparison.Ordinal);
        Assert.StartsWith("ArgumentOutOfRangeException: a positive scale", failures[2], StringComparison.Ordinal);
    }

    [Fact]
    public void A_helpers_argument_checks_throw_its_exceptions_from_the_generated_method_where_the_method_reaches_them()
    {
        var failures = (string[])Run.Value.Invoke("Course.Chains", "HelperGuardFailures", Array.Empty<object?>())!;

        Assert.StartsWith("ArgumentException: CheckedDot needs spans of one length", failures[0], StringComparison.Ordinal);
        Assert.StartsWith("ArgumentOutOfRangeException: Logit takes a probability", failures[2], StringComparison.Ordinal);
        Assert.Equal(failures[0], failures[1]);
        Assert.Equal(failures[2], failures[3]);
        Assert.Equal(new[] { "none", "none" }, failures[4..]); // a check that holds where the helper is never called throws nothing
    }

    [Fact]
    public Task A_helpers_check_of_a_value_your_method_computes_in_a_loop_is_located_at_the_call() => Verify.VerifyAnalyzerAsync("""
        using System;
        using Gradwise;
        public static partial class Losses
        {
            private static double Bounded(double v)
            {
                if (v > 30) throw new ArgumentOutOfRangeException(nameof(v));
                return v * v;
            }

            [Differentiable]
            public static double F(ReadOnlySpan<double> w, [NoGradient] ReadOnlySpan<double> x)
            {
                double s = 0;
                for (int i = 0; i < w.Length; i++) s += {|GW9003:Bounded(w[i] * x[i])|};
                return s;
            }

            [Differentiable]
            public static double G(double z) => Bounded(2 * z);

            [Differentiable]
            public static double K(double z, [NoGradient] double scale)
            {
                scale = 2 * scale;
                return Bounded(scale * z);
            }
        }
        """);

    [Fact]
    public Task A_throw_after_other_statements_or_reading_a_local_is_not_an_argument_check() => Verify.VerifyAnalyzerAsync("""
        using System;
        using Gradwise;
        public static partial class Losses
        {
            [Differentiable]
            public static double F(double x, double y)
            {
                double r = x - y;
                if (y < 0) {|GW9003:throw new ArgumentException("negative");|}
                return r * r;
            }

            [Differentiable]
            public static double G(double x)
            {
                const double limit = 10;
                double twice = 2 * x;
                if (twice > limit) {|GW9003:throw new ArgumentException("too large");|}
                return x * x;
            }
        }
        """);

    [Fact]
    public void A_float_Differentiable_callee_is_read_where_it_is_called()
    {
        var all = (double[])Run.Value.Invoke("Course.Chains", "FloatOuterAll", new object?[] { new[] { 0.75f, -1.5f }, 0.5f })!;
        var sum = (0.75 * 0.75) + (1.5 * 1.5);
        Assert.Equal((float)((sum * 0.5) + 0.5), all[0]);
        Assert.Equal((float)(2 * 0.75 * 0.5), all[1]);
        Assert.Equal((float)(2 * -1.5 * 0.5), all[2]);
        Assert.Equal((float)(sum + 1), all[3]);
    }

    [Fact]
    public void A_helper_read_at_two_calls_declares_its_locals_twice_under_fresh_names()
    {
        var code = Run.Value.Source("Network.Contrast(");

        Assert.Contains("double[] hidden = new double[", code, StringComparison.Ordinal);
        Assert.Contains("double[] hidden_1 = new double[", code, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Network.Loss(")]
    [InlineData("Classifier.Loss(")]
    [InlineData("Chains.Guarded(")]
    public void Generated_code_matches_snapshot(string method) =>
        SnapshotVerifier.Verify(Run.Value.Source(method), method.TrimEnd('('));

    [Fact]
    public void The_simplifier_works_across_the_call_cross_entropy_of_Forwards_sigmoid_is_softplus()
    {
        var code = Run.Value.Source("Network.Loss(");

        Assert.Contains("∂Loss/∂z = (Sigmoid(z) - y[i]) / x.Length", code, StringComparison.Ordinal);
        Assert.Contains("SoftplusPair(z", code, StringComparison.Ordinal);
        Assert.DoesNotContain("Math.Log(", code, StringComparison.Ordinal);
    }

    [Fact]
    public void The_derivation_shows_the_helpers_math_not_a_call()
    {
        var code = Run.Value.Source("Losses.Scaled(");

        Assert.DoesNotContain("Logistic(", code.Replace("Scaled(", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> Unreadable => new()
    {
        {
            "a helper that writes a field",
            "static double total; static double Counted(double v) { total += v; return v * v; }",
            "return {|#0:Counted(x[0])|};"
        },
        {
            "a recursive helper",
            "static double Down(double v, int n) => n == 0 ? v : Down(v * 0.5, n - 1);",
            "return {|#0:Down(x[0], 3)|};"
        },
        {
            "a helper with a loop inside ?:",
            "static double Sum(ReadOnlySpan<double> v) { double s = 0; for (int i = 0; i < v.Length; i++) s += v[i]; return s; }",
            "return x.Length > 2 ? {|#0:Sum(x)|} : 0;"
        },
        {
            "a helper returning its parameter, not a new array",
            "static double[] Same(double[] v) => v;",
            "double[] p = {|#0:Same(x)|}; return p[0];"
        },
        {
            "a buffer as long as a row that changes from call to call",
            "static double[] Squares(double[] v) { double[] s = new double[v.Length]; for (int i = 0; i < v.Length; i++) s[i] = v[i] * v[i]; return s; }",
            "double t = 0; for (int i = 0; i < rows.Length; i++) { double[] s = {|#0:Squares(rows[i])|}; t += s[0]; } return t;"
        },
        {
            "a helper taking a ref",
            "static double Twice(ref double v) => 2 * v;",
            "double a = x[0]; return {|#0:Twice(ref a)|};"
        },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public Task What_cannot_be_read_inside_a_helper_is_one_GW9003_at_the_call(string shape, string helper, string body)
    {
        _ = shape; // the case's name, shown by the runner
        return Verify.VerifyAnalyzerAsync($$"""
            using System;
            using Gradwise;
            public static partial class Losses
            {
                {{helper}}

                [Differentiable]
                public static double F(double[] x, double[][] rows)
                {
                    {{body.Replace("{|#0:", "{|GW9003:", StringComparison.Ordinal)}}
                }
            }
            """);
    }

    [Fact]
    public Task A_helper_inside_explains_what_in_it_could_not_be_read() => Verify.VerifyAnalyzerAsync("""
        using System;
        using Gradwise;
        public static partial class Losses
        {
            static double Noisy(double v) { Console.WriteLine(v); return v * v; }

            [Differentiable]
            public static double F(double x, double y) => {|#0:Noisy(x)|} + y;
        }
        """,
        Verify.Diagnostic(Descriptors.UnsupportedConstruct).WithLocation(0).WithArguments(
            "the call to 'Losses.Noisy(double)'", "F", "'Noisy' is read where it is called, and inside it, 'Console.WriteLine(v)': a statement for its side effect cannot be differentiated"));

    /// <summary>
    /// A helper of another class read where it is called: its static members are read by the generated code of the caller's class,
    /// so one private to the helper's class is named at the call (it would not compile there), and one the caller can see is read.
    /// </summary>
    [Fact]
    public void Statics_private_to_a_helpers_class_are_named_and_the_others_are_read()
    {
        var run = GeneratorHarness.Run("""
            using System;
            using Gradwise;
            public static class Activations
            {
                private static readonly double Slope = 0.01;
                private static readonly double[] Gains = { 1.5, 0.5 };
                private static int steps = 2;
                internal static double Shared = 0.25;
                public static double Leaky(double v) => v > 0 ? v : Slope * v;
                public static double Gained(double v) => Gains[0] * v;
                public static double Repeated(double v) { double s = 0; for (int i = 0; i < steps; i++) s += v * v; return s; }
                public static double Open(double v) => Shared * v * v;
            }

            public static partial class Losses
            {
                private static readonly double Own = 3;

                [Differentiable]
                public static double F(double[] x)
                {
                    double s = 0;
                    for (int i = 0; i < x.Length; i++) s += Activations.Leaky(x[i]) + Activations.Gained(x[i]) + Activations.Repeated(x[i]);
                    return s;
                }

                [Differentiable]
                public static double G(double x) => Activations.Open(x) + Own * x;
            }
            """);

        var messages = run.AnalyzerDiagnostics.Where(d => d.Id == "GW9003").Select(d => d.GetMessage()).ToList();
        Assert.Equal(3, messages.Count);
        Assert.Contains(messages, m => m.Contains("'Slope' is private to 'Activations'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("'Gains' is private to 'Activations'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("'steps' is private to 'Activations'", StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.Contains("'G'", StringComparison.Ordinal));
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));

        // G is generated, and the generated code compiles and reads the internal static where it runs.
        run.AssertCompiles();
        var (value, gradient) = run.InvokeWithGradient("Losses", "G", new[] { 2.0 }, 1);
        Assert.Equal((0.25 * 4) + 6, value, 12);
        Assert.Equal((2 * 0.25 * 2) + 3, gradient[0], 12);
    }

    [Fact]
    public Task Methods_on_other_objects_and_virtual_methods_are_not_read() => Verify.VerifyAnalyzerAsync("""
        using System;
        using Gradwise;
        public class Layer
        {
            public double Scale = 2;
            public double Apply(double v) => Scale * v * v;
            public virtual double Shape(double v, double w) => v * w;
        }

        public partial class Model : Layer
        {
            private readonly Layer other = new Layer();
            private readonly Func<double, double> activation = Math.Tanh;

            [Differentiable]
            public double F(double x, double y) => {|#0:other.Apply(x)|} + {|#1:Shape(x, y)|} + {|#2:activation(y)|};
        }
        """,
        Verify.Diagnostic(Descriptors.UnsupportedConstruct).WithLocation(0).WithArguments("the call to 'Layer.Apply(double)'", "F", "it is called on another object; a method is read where it is called when it is static, called on this, or called on a layer of this model (a [Parameter] member whose class has [Parameter] members)"),
        Verify.Diagnostic(Descriptors.UnsupportedConstruct).WithLocation(1).WithArguments("the call to 'Layer.Shape(double, double)'", "F", "it is virtual, so which body runs is decided at run time; make it non-virtual, or [Differentiable]"),
        Verify.Diagnostic(Descriptors.UnsupportedConstruct).WithLocation(2).WithArguments("the call to 'Func<double, double>.Invoke(double)'", "F", "it calls a delegate, whose body is chosen at run time; call the method itself (it is then read where it is called)"));

    [Fact]
    public void SIMD_vectors_are_reported_with_what_to_write_instead()
    {
        var run = GeneratorHarness.Run("""
                using System;
                using System.Numerics;
                using Gradwise;
                public static partial class L
                {
                    [Differentiable]
                    public static double Dot(ReadOnlySpan<double> w, [NoGradient] ReadOnlySpan<double> x)
                    {
                        var acc = Vector<double>.Zero;
                        return Vector.Sum(acc);
                    }

                    [Differentiable]
                    public static double Sum(Vector<double> v) => Vector.Sum(v);
                }
                """);

        var messages = run.AnalyzerDiagnostics.Where(d => d.Id.StartsWith("GW", StringComparison.Ordinal)).Select(d => d.Id + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Contains("SIMD vectors are not differentiated lane by lane", m, StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("GW9002", StringComparison.Ordinal) && m.Contains("parameter 'v'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("GW9003", StringComparison.Ordinal) && m.Contains("the local 'acc'", StringComparison.Ordinal));
    }

    /// <summary>
    /// Every prefix of a file whose [Differentiable] methods come first and whose helpers (returning a tuple, returning a
    /// new array, taking a float matrix, over spans of T, starting with argument checks) are typed after them: the helpers are
    /// half-typed while the callers are whole.
    /// </summary>
    [Fact]
    public void Half_typed_helpers_below_their_callers_never_crash() =>
        HalfTypedCode.AssertNoCrashOnEveryPrefix(
            """
            using System;
            using System.Numerics;
            using Gradwise;
            public static partial class L
            {
                [Differentiable]
                public static double F(double[] x, double y)
                {
                    var (a, b) = Pair(x[0], y);
                    double[] p = Soft(x);
                    return a * b + p[0] + Nll(Soft(x), 1) + Chained(x) + Checked(x, y) + Bounded(y);
                }

                [Differentiable]
                public static T G<T>(ReadOnlySpan<T> w, float[][] m) where T : IFloatingPointIeee754<T>
                {
                    T s = T.Zero;
                    for (int i = 0; i < w.Length; i++) s += w[i] * w[i];
                    return s + T.CreateChecked(m[0][0]);
                }

                static (double, double) Pair(double u, double v) => (u * v, u - v);

                static double[] Soft(double[] z)
                {
                    double[] e = new double[z.Length];
                    double sum = 0;
                    for (int c = 0; c < z.Length; c++) { e[c] = Math.Exp(z[c]); sum += e[c]; }
                    for (int c = 0; c < z.Length; c++) e[c] /= sum;
                    return e;
                }

                static double Nll(double[] q, int k) => -Math.Log(q[k]);

                static double Checked(double[] a, double t)
                {
                    if (a.Length == 0 || t < 0) throw new ArgumentException("an empty row or a negative scale");
                    double s = 0;
                    for (int j = 0; j < a.Length; j++) s += a[j] * t;
                    return s;
                }

                static double Bounded(double v)
                {
                    if (double.IsNaN(v)) { throw new ArgumentOutOfRangeException(nameof(v)); }
                    return v * v;
                }

                [Differentiable]
                static double Chained(ReadOnlySpan<double> v)
                {
                    Span<double> t = stackalloc double[2];
                    t[0] = v[0];
                    return Inner(t);
                }

                [Differentiable]
                static double Inner(ReadOnlySpan<double> v) => v[0] * v[0];
            }
            """,
            new[] { new Gradwise.Generator.DifferentiableGenerator() },
            new[] { new Gradwise.Rules.DifferentiableMethodAnalyzer() });

    /// <summary>Every prefix of a model calling its Forward and a static helper, typed from the top: a diagnostic or code, never a crash.</summary>
    [Fact]
    public void Half_typed_helper_calls_never_crash() =>
        HalfTypedCode.AssertNoCrashOnEveryPrefix(
            """
            using System;
            using Gradwise;
            public partial class Net
            {
                [Parameter] double[] w = { 0.5, -0.5 };
                [Parameter] double b;

                double Forward(double[] x)
                {
                    double z = b;
                    for (int j = 0; j < w.Length; j++) z += w[j] * x[j];
                    return Square(z, 0.5);
                }

                static double Square(double v, double s) => s * v * v;

                [Differentiable]
                public double Loss(double[] x, double y) => Square(Forward(x) - y, 1.0);
            }
            """,
            new[] { new Gradwise.Generator.DifferentiableGenerator() },
            new[] { new Gradwise.Rules.DifferentiableMethodAnalyzer() });
}
