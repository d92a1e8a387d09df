using System.Threading.Tasks;
using Gradwise.Analyzers.Tests.Infrastructure;
using Gradwise.Symbolic.Tests;
using Microsoft.CodeAnalysis;
using Xunit;
using Verify = Gradwise.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Gradwise.Rules.DifferentiableMethodAnalyzer>;

namespace Gradwise.Analyzers.Tests.Generator;

/// <summary>
/// Model classes: a two-layer network written the way a course writes it, its weights in [Parameter] fields (a double[][], two
/// double[] and a double, and a double[,] in a second model). The generated <c>Gradient</c> class has the fields' shapes, the
/// gradient agrees with finite differences of the method itself, <c>ApplyTo</c> takes exactly one step, and training
/// with them lowers the loss.
/// </summary>
public sealed class ModelGeneratorTests
{
    /// <summary>
    /// A hidden layer whose [Parameter] fields have every shape (T[][], T[], T[,], T), written once and instantiated for float and
    /// for double: the float model's gradient is checked against its double twin's, which finite differences check.
    /// </summary>
    private static string Twin(string t, string name) => $$"""
        using Gradwise;

        namespace Course
        {
            public partial class {{name}}
            {
                public static readonly double[][] Pairs = { new[] { 1.0, 2.0 }, new[] { -1.0, 0.5 }, new[] { 0.25, -0.75 } };
                public static readonly double[] Targets = { 0.2, -0.4, 0.1 };

                [Parameter] public {{t}}[][] W1 = { new {{t}}[2], new {{t}}[2] };
                [Parameter] public {{t}}[] B1 = new {{t}}[2];
                [Parameter] public {{t}}[,] W2 = new {{t}}[1, 2];
                [Parameter] public {{t}} B2;

                [Differentiable]
                public double Loss(double[][] x, double[] y)
                {
                    double loss = 0;
                    for (int i = 0; i < x.Length; i++)
                    {
                        double z = B2;
                        for (int k = 0; k < B1.Length; k++)
                        {
                            double a = B1[k];
                            for (int j = 0; j < x[i].Length; j++) a += W1[k][j] * x[i][j];
                            z += W2[0, k] * System.Math.Tanh(a);
                        }

                        loss += (z - y[i]) * (z - y[i]);
                    }

                    return loss / x.Length;
                }

                public static {{name}} Make(double[] t)
                {
                    var n = new {{name}}();
                    for (int i = 0; i < 4; i++) n.W1[i / 2][i % 2] = ({{t}})t[i];
                    for (int k = 0; k < 2; k++) n.B1[k] = ({{t}})t[4 + k];
                    for (int k = 0; k < 2; k++) n.W2[0, k] = ({{t}})t[6 + k];
                    n.B2 = ({{t}})t[8];
                    return n;
                }

                public static double GradientOf(double[] t, double[] g)
                {
                    var n = Make(t);
                    var gradient = new Gradient(n);
                    var v = n.LossWithGradient(Pairs, Targets, gradient);
                    for (int i = 0; i < 4; i++) g[i] = gradient.W1[i / 2][i % 2];
                    for (int k = 0; k < 2; k++) { g[4 + k] = gradient.B1[k]; g[6 + k] = gradient.W2[0, k]; }
                    g[8] = gradient.B2;
                    return v;
                }
            }
        }

        """;

    private const string Source = """
        using System;
        using Gradwise;

        namespace Course;

        public partial class Mlp
        {
            [Parameter] private readonly double[][] w1;
            [Parameter] private readonly double[] b1;
            [Parameter] private readonly double[] w2;
            [Parameter] private double b2;
            private readonly double decay = 0.001;

            public Mlp(int inputs, int hidden, int seed)
            {
                var random = new Random(seed);
                w1 = new double[hidden][];
                for (int k = 0; k < hidden; k++)
                {
                    w1[k] = new double[inputs];
                    for (int j = 0; j < inputs; j++) w1[k][j] = random.NextDouble() * 2 - 1;
                }

                b1 = new double[hidden];
                w2 = new double[hidden];
                for (int k = 0; k < hidden; k++) w2[k] = random.NextDouble() * 2 - 1;
            }

            /// <summary>Mean log-loss of a sigmoid output over a tanh hidden layer, with a little weight decay on w2.</summary>
            [Differentiable]
            public double Loss(double[][] x, double[] y)
            {
                double[] h = new double[b1.Length];
                double loss = 0;
                for (int i = 0; i < x.Length; i++)
                {
                    for (int k = 0; k < b1.Length; k++)
                    {
                        double a = b1[k];
                        for (int j = 0; j < x[i].Length; j++)
                        {
                            a += w1[k][j] * x[i][j];
                        }

                        h[k] = Math.Tanh(a);
                    }

                    double z = b2;
                    for (int k = 0; k < w2.Length; k++)
                    {
                        z += w2[k] * h[k];
                    }

                    double p = 1 / (1 + Math.Exp(-z));
                    loss -= y[i] * Math.Log(p) + (1 - y[i]) * Math.Log(1 - p);
                }

                double penalty = 0;
                foreach (double v in w2)
                {
                    penalty += v * v;
                }

                return loss / x.Length + decay * penalty;
            }

            // For the tests: the parameters as one flat vector (w1 row by row, b1, w2, b2).
            public double[] Flat()
            {
                var all = new System.Collections.Generic.List<double>();
                foreach (var row in w1) all.AddRange(row);
                all.AddRange(b1);
                all.AddRange(w2);
                all.Add(b2);
                return all.ToArray();
            }

            public void Set(double[] t)
            {
                int at = 0;
                foreach (var row in w1) for (int j = 0; j < row.Length; j++) row[j] = t[at++];
                for (int k = 0; k < b1.Length; k++) b1[k] = t[at++];
                for (int k = 0; k < w2.Length; k++) w2[k] = t[at++];
                b2 = t[at];
            }

            public void Widen(int row) => w1[row] = new double[w1[row].Length + 1];

            public static double[] Flat(Gradient g)
            {
                var all = new System.Collections.Generic.List<double>();
                foreach (var row in g.W1) all.AddRange(row);
                all.AddRange(g.B1);
                all.AddRange(g.W2);
                all.Add(g.B2);
                return all.ToArray();
            }
        }

        /// <summary>Softmax regression with its weights in a double[,] field: classes × features.</summary>
        public partial class Softmax
        {
            [Parameter] public double[,] W = new double[3, 2];
            [Parameter] public double[] Bias = new double[3];

            [Differentiable]
            public double Loss(double[,] x, int[] labels)
            {
                int n = x.GetLength(0);
                double loss = 0;
                for (int i = 0; i < n; i++)
                {
                    double m = double.NegativeInfinity;
                    for (int c = 0; c < W.GetLength(0); c++)
                    {
                        double s = Bias[c];
                        for (int j = 0; j < W.GetLength(1); j++) s += W[c, j] * x[i, j];
                        m = Math.Max(m, s);
                    }

                    double sum = 0;
                    double own = 0;
                    for (int c = 0; c < W.GetLength(0); c++)
                    {
                        double s = Bias[c];
                        for (int j = 0; j < W.GetLength(1); j++) s += W[c, j] * x[i, j];
                        sum += Math.Exp(s - m);
                        if (c == labels[i]) own = s;
                    }

                    loss += Math.Log(sum) + m - own;
                }

                return loss / n;
            }
        }

        /// <summary>Linear regression with its weights in auto-properties, named as C# names properties.</summary>
        public partial class Linear
        {
            [Parameter] public double[] Weights { get; } = new double[3];
            [Parameter] public double Bias { get; set; }

            [Differentiable]
            public double Loss(double[][] x, double[] y)
            {
                double loss = 0;
                for (int i = 0; i < x.Length; i++)
                {
                    double z = Bias;
                    for (int j = 0; j < Weights.Length; j++)
                    {
                        z += Weights[j] * x[i][j];
                    }

                    loss += (z - y[i]) * (z - y[i]);
                }

                return loss / x.Length;
            }
        }

        public static class Probe
        {
            public static double DoubleNetValue(double[] t) => DoubleNet.Make(t).Loss(DoubleNet.Pairs, DoubleNet.Targets);

            public static double DoubleNetGradient(double[] t, double[] g) => DoubleNet.GradientOf(t, g);

            public static double FloatNetGradient(double[] t, double[] g) => FloatNet.GradientOf(t, g);

            /// <summary>The float model's weights after one ApplyTo, and the step computed here in double, rounded once.</summary>
            public static double[] FloatStep(double[] t, double rate)
            {
                var n = FloatNet.Make(t);
                var gradient = new FloatNet.Gradient(n);
                n.LossWithGradient(FloatNet.Pairs, FloatNet.Targets, gradient);
                gradient.ApplyTo(n, rate);
                return new double[] { n.W1[1][0], (float)(t[2] - (rate * gradient.W1[1][0])), n.B2, (float)(t[8] - (rate * gradient.B2)), n.W2[0, 1], (float)(t[7] - (rate * gradient.W2[0, 1])) };
            }

            private static readonly double[][] Rows = { new[] { 1.0, 0.5, -2.0 }, new[] { -0.5, 2.0, 0.25 } };

            public static double LinearValue(double[] t) { var m = new Linear(); t.AsSpan(0, 3).CopyTo(m.Weights); m.Bias = t[3]; return m.Loss(Rows, new[] { 0.5, -1.0 }); }

            public static double LinearGradient(double[] t, double[] g)
            {
                var m = new Linear();
                t.AsSpan(0, 3).CopyTo(m.Weights);
                m.Bias = t[3];
                var gradient = new Linear.Gradient(m);
                var v = m.LossWithGradient(Rows, new[] { 0.5, -1.0 }, gradient);
                gradient.Weights.CopyTo(g, 0);
                g[3] = gradient.Bias;
                return v;
            }

            public static readonly double[][] X = { new[] { 0.0, 0.0 }, new[] { 0.0, 1.0 }, new[] { 1.0, 0.0 }, new[] { 1.0, 1.0 } };
            public static readonly double[] Y = { 0, 1, 1, 0 };

            public static double Value(double[] t) { var m = new Mlp(2, 3, 1); m.Set(t); return m.Loss(X, Y); }

            public static double Gradient(double[] t, double[] g)
            {
                var m = new Mlp(2, 3, 1);
                m.Set(t);
                var gradient = new Mlp.Gradient(m);
                var v = m.LossWithGradient(X, Y, gradient);
                Mlp.Flat(gradient).CopyTo(g, 0);
                return v;
            }

            public static double[] Start() => new Mlp(2, 3, 7).Flat();

            /// <summary>θ after one ApplyTo step of size <paramref name="rate"/> from θ.</summary>
            public static double[] Stepped(double[] t, double rate)
            {
                var m = new Mlp(2, 3, 1);
                m.Set(t);
                var gradient = new Mlp.Gradient(m);
                m.LossWithGradient(X, Y, gradient);
                gradient.ApplyTo(m, rate);
                return m.Flat();
            }

            /// <summary>ApplyTo after a row of w1 grew: the message, and whether the model is as it was.</summary>
            public static string Mismatched()
            {
                var m = new Mlp(2, 3, 1);
                var gradient = new Mlp.Gradient(m);
                m.LossWithGradient(X, Y, gradient);
                m.Widen(2);
                var before = m.Flat();
                try { gradient.ApplyTo(m, 0.5); return "no exception"; }
                catch (ArgumentException e) { return e.Message + (before.AsSpan().SequenceEqual(m.Flat()) ? " [unchanged]" : " [changed]"); }
            }

            /// <summary>XOR: the loss before and after 3000 steps of gradient descent.</summary>
            public static double[] Train()
            {
                var m = new Mlp(2, 3, 7);
                var gradient = new Mlp.Gradient(m);
                double first = m.LossWithGradient(X, Y, gradient);
                for (int epoch = 0; epoch < 3000; epoch++)
                {
                    m.LossWithGradient(X, Y, gradient);
                    gradient.ApplyTo(m, 0.5);
                }

                return new[] { first, m.Loss(X, Y) };
            }

            public static readonly double[,] Points = { { 0.5, -1 }, { -0.3, 0.8 }, { 1.2, 0.1 }, { -0.7, -0.4 } };
            public static readonly int[] Labels = { 0, 1, 2, 1 };

            public static double SoftmaxValue(double[] t)
            {
                var s = new Softmax();
                for (int i = 0; i < 6; i++) s.W[i / 2, i % 2] = t[i];
                for (int c = 0; c < 3; c++) s.Bias[c] = t[6 + c];
                return s.Loss(Points, Labels);
            }

            public static double SoftmaxGradient(double[] t, double[] g)
            {
                var s = new Softmax();
                for (int i = 0; i < 6; i++) s.W[i / 2, i % 2] = t[i];
                for (int c = 0; c < 3; c++) s.Bias[c] = t[6 + c];
                var gradient = new Softmax.Gradient(s);
                var v = s.LossWithGradient(Points, Labels, gradient);
                for (int i = 0; i < 6; i++) g[i] = gradient.W[i / 2, i % 2];
                for (int c = 0; c < 3; c++) g[6 + c] = gradient.Bias[c];
                return v;
            }
        }
        """;

    private static readonly Lazy<GeneratorRun> Run = new(() => GeneratorHarness.Run(Source, Twin("float", "FloatNet"), Twin("double", "DoubleNet")).AssertCompiles());

    [Fact]
    public void Models_are_generated_without_a_diagnostic()
    {
        Assert.Empty(Run.Value.AnalyzerDiagnostics);
        Assert.Empty(Run.Value.GeneratorDiagnostics);
    }

    [Fact]
    public void Generated_code_matches_snapshot()
    {
        SnapshotVerifier.Verify(Run.Value.Source("Mlp.Loss(") + "\n" + Run.Value.Sources.Single(s => s.Key.EndsWith("Course.Mlp.Gradient.g.cs", StringComparison.Ordinal)).Value, "Mlp");
    }

    [Theory]
    [InlineData("Value", "Gradient", 3 * 2 + 3 + 3 + 1)]
    [InlineData("SoftmaxValue", "SoftmaxGradient", 3 * 2 + 3)]
    [InlineData("LinearValue", "LinearGradient", 3 + 1)]
    [InlineData("DoubleNetValue", "DoubleNetGradient", 9)]
    public void Gradient_agrees_with_finite_differences(string value, string gradient, int size)
    {
        GradientOracle.AgreesWithFiniteDifferences(Run.Value, "Course.Probe", value, gradient, size, trials: 6, seed: size);
    }

    /// <summary>
    /// Float fields: at float-representable weights, the float model's gradient (kept in double) is the double twin's, which
    /// finite differences check above; one ApplyTo step is the double step rounded to float once.
    /// </summary>
    [Fact]
    public void Float_fields_get_the_double_twins_gradient_and_round_each_step_once()
    {
        var random = new Random(9);
        for (var trial = 0; trial < 10; trial++)
        {
            var theta = Enumerable.Range(0, 9).Select(_ => (double)(float)((2 * random.NextDouble()) - 1)).ToArray();
            var fromFloat = new double[9];
            var fromDouble = new double[9];
            var floatValue = (double)Run.Value.Invoke("Course.Probe", "FloatNetGradient", new object?[] { theta, fromFloat })!;
            var doubleValue = (double)Run.Value.Invoke("Course.Probe", "DoubleNetGradient", new object?[] { theta, fromDouble })!;
            Assert.Equal(doubleValue, floatValue, 12);
            for (var k = 0; k < 9; k++)
            {
                Assert.Equal(fromDouble[k], fromFloat[k], 12);
            }

            var step = (double[])Run.Value.Invoke("Course.Probe", "FloatStep", new object?[] { theta, 0.3 })!;
            Assert.Equal(step[1], step[0]);
            Assert.Equal(step[3], step[2]);
            Assert.Equal(step[5], step[4]);
        }

        Assert.Equal(typeof(double[][]), Run.Value.Load().GetType("Course.FloatNet+Gradient")!.GetProperty("W1")!.PropertyType);
    }

    [Fact]
    public void ApplyTo_takes_one_step_of_gradient_descent()
    {
        var theta = (double[])Run.Value.Invoke("Course.Probe", "Start", Array.Empty<object?>())!;
        var g = new double[theta.Length];
        Run.Value.Invoke("Course.Probe", "Gradient", new object?[] { theta, g });

        var stepped = (double[])Run.Value.Invoke("Course.Probe", "Stepped", new object?[] { theta, 0.3 })!;

        for (var k = 0; k < theta.Length; k++)
        {
            Assert.Equal(theta[k] - (0.3 * g[k]), stepped[k], 15);
        }
    }

    [Fact]
    public void ApplyTo_checks_every_shape_before_it_changes_anything()
    {
        var message = (string)Run.Value.Invoke("Course.Probe", "Mismatched", Array.Empty<object?>())!;

        Assert.StartsWith("w1[2] does not have the shape this gradient was made for", message, StringComparison.Ordinal);
        Assert.EndsWith("[unchanged]", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Training_with_the_gradient_learns_xor()
    {
        var losses = (double[])Run.Value.Invoke("Course.Probe", "Train", Array.Empty<object?>())!;

        Assert.True(losses[1] < 0.1 * losses[0], $"loss {losses[0]} → {losses[1]}");
    }

    [Fact]
    public void The_gradient_class_has_the_fields_shapes_and_names()
    {
        var type = Run.Value.Load().GetType("Course.Mlp+Gradient")!;

        Assert.Equal(typeof(double[][]), type.GetProperty("W1")!.PropertyType);
        Assert.Equal(typeof(double[]), type.GetProperty("B1")!.PropertyType);
        Assert.Equal(typeof(double), type.GetProperty("B2")!.PropertyType);
        Assert.Equal(typeof(double[,]), Run.Value.Load().GetType("Course.Softmax+Gradient")!.GetProperty("W")!.PropertyType);
        Assert.Null(Run.Value.Load().GetType("Course.Mlp")!.GetMethod("LossWithGradient")!.GetParameters().FirstOrDefault(p => p.Name == "dx"));
    }

    /// <summary>Every prefix of a small model class, typed from the top: a diagnostic or code, never a crash.</summary>
    [Fact]
    public void Half_typed_models_never_crash() =>
        HalfTypedCode.AssertNoCrashOnEveryPrefix(
            """
            using System;
            using Gradwise;
            public partial class Net
            {
                [Parameter] double[][] w = { new[] { 0.5, -0.5 } };
                [Parameter] double[,] v = new double[1, 2];
                [Parameter] double b;

                [Differentiable]
                public double Loss(double[] x, double y)
                {
                    double z = b + v[0, 1];
                    for (int j = 0; j < w[0].Length; j++)
                    {
                        z += w[0][j] * x[j];
                    }

                    return (z - y) * (z - y);
                }
            }
            """,
            new[] { new Gradwise.Generator.DifferentiableGenerator() },
            new[] { new Gradwise.Rules.DifferentiableMethodAnalyzer() });

    [Fact]
    public Task Fields_that_cannot_be_trained_are_reported_at_the_field() =>
        Verify.VerifyAnalyzerAsync("""
            using Gradwise;
            public partial class Model
            {
                [Parameter] private readonly double {|GW9002:bias|};
                [Parameter] private int[] {|GW9002:weights|} = new int[2];
                [Parameter] private static double[] {|GW9002:shared|} = new double[2];
                [Parameter] private double[] fine = new double[2];
                [Parameter] public double {|GW9002:Rate|} { get; }
                [Parameter] public double {|GW9002:Scale|} { get; init; }
                [Parameter] public double[] {|GW9002:Computed|} => new double[2];

                [Differentiable]
                public double Loss(double x) => fine[0] * x + bias;
            }
            """);
}
