using System.Reflection;
using Gradwise.Analyzers.Tests.Infrastructure;
using Gradwise.Symbolic.Tests;
using Xunit;

namespace Gradwise.Analyzers.Tests.Generator;

/// <summary>
/// Methods generic over <c>T : IFloatingPointIeee754&lt;T&gt;</c>: the gradient comes in T, computed in double and rounded to T
/// once. Oracles: finite differences of the method itself at T = double, and at T = float and Half the double gradient
/// rounded to that type (the arguments are representable in it, so the two must agree exactly).
/// </summary>
public sealed class GenericMathGeneratorTests
{
    private const string Source = """
        using System;
        using System.Numerics;
        using Gradwise;

        namespace Specs;

        public static partial class G
        {
            /// <summary>The log-loss of a logit, over any IEEE floating-point type.</summary>
            [Differentiable]
            public static T LogLoss<T>(T y, T z) where T : IFloatingPointIeee754<T>
                => T.Log(T.One + T.Exp(-z)) + (T.One - y) * z;

            /// <summary>The Huber loss: a local, a comparison and T.CreateChecked constants.</summary>
            [Differentiable]
            public static T Huber<T>(T r, T delta) where T : IFloatingPointIeee754<T>
            {
                T a = T.Abs(r);
                return a <= delta ? T.CreateChecked(0.5) * r * r : delta * (a - delta / T.CreateChecked(2));
            }

            /// <summary>A double parameter beside T ones, a [NoGradient] T, compound assignment, constants and several functions.</summary>
            [Differentiable]
            public static T Mixed<T>(T x, double scale, [NoGradient] T c) where T : IBinaryFloatingPointIeee754<T>
            {
                T s = T.Sin(x) * T.Pi;
                s += T.Tanh(x * c) + T.Sqrt(x * x + T.One) + T.Max(x, T.Zero);
                return -s * T.CreateTruncating(scale);
            }

            private static T Sq<T>(T v) where T : IFloatingPointIeee754<T> => v * v;

            /// <summary>A generic helper and a generic [Differentiable] method, both read where they are called.</summary>
            [Differentiable]
            public static T Chain<T>(T x, T y) where T : IFloatingPointIeee754<T> => Sq(x) + LogLoss(y, x) + T.Sin(x) * Sq(y);

            /// <summary>Logistic regression over spans of T, one loop per row and feature.</summary>
            [Differentiable]
            public static T Logistic<T>(ReadOnlySpan<T> w, T b, [NoGradient] ReadOnlySpan<T> x, [NoGradient] ReadOnlySpan<T> y) where T : IFloatingPointIeee754<T>
            {
                int d = w.Length;
                T loss = T.Zero;
                for (int i = 0; i < y.Length; i++)
                {
                    T z = b;
                    for (int j = 0; j < d; j++)
                    {
                        z += w[j] * x[i * d + j];
                    }

                    loss += T.Log(T.One + T.Exp(-z)) + (T.One - y[i]) * z;
                }

                return loss / T.CreateChecked(y.Length);
            }

            /// <summary>Softmax cross-entropy of a T[] of scores: a T[] buffer, a max, a foreach.</summary>
            [Differentiable]
            public static T Softmax<T>(T[] s, int label) where T : IFloatingPointIeee754<T>
            {
                T[] e = new T[s.Length];
                T m = s[0];
                for (int c = 1; c < s.Length; c++)
                {
                    m = T.Max(m, s[c]);
                }

                for (int c = 0; c < s.Length; c++)
                {
                    e[c] = T.Exp(s[c] - m);
                }

                T sum = T.Zero;
                foreach (T v in e)
                {
                    sum += v;
                }

                return T.Log(sum) + m - s[label];
            }
        }

        /// <summary>The span methods at T, values and gradients as one array: [value, gradient...].</summary>
        public static class Probe
        {
            private static readonly double[] X = { 0.5, -1.0, 1.5, 0.25, -0.5, 2.0 };
            private static readonly double[] Y = { 1, 0, 1 };

            public static double LogisticValue(double[] t) => G.Logistic<double>(t.AsSpan(0, 2), t[2], X, Y);

            public static double SoftmaxValue(double[] t) => G.Softmax(t, 1);

            public static double[] All<T>(string name, double[] t) where T : IFloatingPointIeee754<T>
            {
                var p = Array.ConvertAll(t, v => T.CreateChecked(v));
                var g = new T[t.Length];
                T value;
                if (name == "Logistic")
                {
                    value = G.LogisticWithGradient<T>(p.AsSpan(0, 2), p[2], Array.ConvertAll(X, v => T.CreateChecked(v)), Array.ConvertAll(Y, v => T.CreateChecked(v)), g.AsSpan(0, 2), out g[2]);
                }
                else
                {
                    value = G.SoftmaxWithGradient<T>(p, 1, g);
                }

                var all = new double[t.Length + 1];
                all[0] = double.CreateChecked(value);
                for (int k = 0; k < t.Length; k++) all[k + 1] = double.CreateChecked(g[k]);
                return all;
            }

            public static double[] AllDouble(string name, double[] t) => All<double>(name, t);

            public static double[] AllFloat(string name, double[] t) => All<float>(name, t);

            public static double[] AllHalf(string name, double[] t) => All<Half>(name, t);

            public static string WrongLength()
            {
                try
                {
                    G.LogisticWithGradient<float>(new float[2], 0f, new float[6], new float[3], new float[3], out _);
                    return "no exception";
                }
                catch (ArgumentException e)
                {
                    return e.Message;
                }
            }
        }
        """;

    private static readonly Lazy<GeneratorRun> Run = new(() => GeneratorHarness.Run(Source));

    private static MethodInfo Method(string name, Type t) =>
        Run.Value.Load().GetType("Specs.G")!.GetMethods().Single(m => m.Name == name && m.IsGenericMethodDefinition).MakeGenericMethod(t);

    /// <summary>The value and the gradient of the T partials (out arguments), at <typeparamref name="T"/>.</summary>
    private static (double Value, double[] Gradient) WithGradient<T>(string name, object[] inputs, int gradients)
    {
        var arguments = inputs.Concat(new object?[gradients]).ToArray();
        var value = Method(name + "WithGradient", typeof(T)).Invoke(null, arguments)!;
        return (ToDouble(value), arguments.Skip(inputs.Length).Select(ToDouble).ToArray());
    }

    private static double ToDouble(object? value) => value switch
    {
        double d => d,
        float f => f,
        Half h => (double)h,
        _ => throw new InvalidOperationException("not a number: " + value),
    };

    [Fact]
    public void Generic_methods_are_generated_with_gradients_in_T()
    {
        Assert.Empty(Run.Value.AnalyzerDiagnostics);
        Assert.Empty(Run.Value.GeneratorDiagnostics);
        Run.Value.AssertCompiles();
        var logLoss = Method("LogLossWithGradient", typeof(float));
        Assert.Equal(typeof(float), logLoss.ReturnType);
        Assert.Equal(new[] { typeof(float), typeof(float), typeof(float).MakeByRefType(), typeof(float).MakeByRefType() }, logLoss.GetParameters().Select(p => p.ParameterType));
        var mixed = Method("MixedWithGradient", typeof(Half));
        Assert.Equal(new[] { typeof(Half), typeof(double), typeof(Half), typeof(Half).MakeByRefType(), typeof(double).MakeByRefType() }, mixed.GetParameters().Select(p => p.ParameterType));
        SnapshotVerifier.Verify(Run.Value.Source("G.LogLoss("), "LogLoss");
        SnapshotVerifier.Verify(Run.Value.Source("G.Logistic("), "Logistic");
    }

    [Theory]
    [InlineData("LogLoss")]
    [InlineData("Huber")]
    [InlineData("Mixed")]
    [InlineData("Chain")]
    public void Gradient_at_double_agrees_with_finite_differences(string name)
    {
        var random = new Random(name.Length * 101);
        for (var trial = 0; trial < 30; trial++)
        {
            var inputs = name switch
            {
                "Mixed" => new[] { Draw(random), Draw(random), 0.5 + random.NextDouble() },
                "Huber" => new[] { 3 * Draw(random), 0.5 + random.NextDouble() },
                _ => new[] { random.NextDouble() < 0.5 ? 0.0 : 1.0, 4 * Draw(random) },
            };
            var differentiated = name == "Mixed" ? new[] { 0, 1 } : new[] { 0, 1 };
            double F(double[] p) => (double)Method(name, typeof(double)).Invoke(null, p.Cast<object>().ToArray())!;
            var (value, gradient) = WithGradient<double>(name, inputs.Cast<object>().ToArray(), differentiated.Length);
            Assert.Equal(F(inputs), value, 12);
            for (var k = 0; k < differentiated.Length; k++)
            {
                if (!FiniteDifference.TryCentral(F, inputs, differentiated[k], out var fd))
                {
                    continue; // a kink within the step (Huber's, Max's)
                }

                Assert.True(Math.Abs(fd - gradient[k]) <= 1e-6 * Math.Max(1, Math.Abs(fd)), $"{name}: ∂/∂{differentiated[k]} generated {gradient[k]}, finite differences {fd}");
            }
        }
    }

    [Theory]
    [InlineData("LogLoss")]
    [InlineData("Huber")]
    [InlineData("Chain")]
    public void Float_and_half_gradients_are_the_double_gradient_rounded_once(string name)
    {
        var random = new Random(name.Length * 7);
        for (var trial = 0; trial < 30; trial++)
        {
            // Inputs representable in Half, so every instantiation sees the same numbers.
            var inputs = new[] { (double)(Half)(2 * Draw(random)), (double)(Half)(0.5 + random.NextDouble()) };
            var (value, gradient) = WithGradient<double>(name, inputs.Cast<object>().ToArray(), 2);
            var (floatValue, floatGradient) = WithGradient<float>(name, inputs.Select(v => (object)(float)v).ToArray(), 2);
            var (halfValue, halfGradient) = WithGradient<Half>(name, inputs.Select(v => (object)(Half)v).ToArray(), 2);
            Assert.Equal((float)value, (float)floatValue);
            Assert.Equal((double)(Half)value, halfValue);
            for (var k = 0; k < 2; k++)
            {
                Assert.Equal((float)gradient[k], (float)floatGradient[k]);
                Assert.Equal((double)(Half)gradient[k], halfGradient[k]);
            }
        }
    }

    [Theory]
    [InlineData("Logistic", 3)]
    [InlineData("Softmax", 4)]
    public void Span_methods_at_T_agree_with_finite_differences_and_round_once_to_float_and_half(string name, int size)
    {
        var random = new Random(name.Length * 13 + size);
        for (var trial = 0; trial < 20; trial++)
        {
            // Inputs representable in Half, so every instantiation sees the same numbers.
            var theta = Enumerable.Range(0, size).Select(_ => (double)(Half)(2 * Draw(random))).ToArray();
            double F(double[] p) => (double)Run.Value.Invoke("Specs.Probe", name + "Value", new object?[] { p })!;
            var all = (double[])Run.Value.Invoke("Specs.Probe", "AllDouble", new object?[] { name, theta })!;
            var floats = (double[])Run.Value.Invoke("Specs.Probe", "AllFloat", new object?[] { name, theta })!;
            var halves = (double[])Run.Value.Invoke("Specs.Probe", "AllHalf", new object?[] { name, theta })!;
            Assert.Equal(F(theta), all[0], 12);
            for (var k = 0; k < size; k++)
            {
                Assert.True(FiniteDifference.TryCentral(F, theta, k, out var fd));
                Assert.True(Math.Abs(fd - all[k + 1]) <= 1e-6 * Math.Max(1, Math.Abs(fd)), $"{name}: ∂/∂θ[{k}] generated {all[k + 1]}, finite differences {fd}");
            }

            for (var k = 0; k <= size; k++)
            {
                Assert.Equal((float)all[k], (float)floats[k]);
                Assert.Equal((double)(Half)all[k], halves[k]);
            }
        }
    }

    [Fact]
    public void A_T_gradient_span_of_the_wrong_length_throws_naming_both() =>
        Assert.Equal("dw must have the length of w (2), not 3. (Parameter 'dw')", Run.Value.Invoke("Specs.Probe", "WrongLength", Array.Empty<object?>()));

    [Theory]
    [InlineData("public static T F<T>(T x) where T : INumber<T> => x * x;", "GW9002", "one type parameter T : IFloatingPointIeee754<T>")]
    [InlineData("public T F<T>(T x) where T : IFloatingPointIeee754<T> => x * x;", "GW9002", "is static")]
    [InlineData("public static T F<T, U>(T x) where T : IFloatingPointIeee754<T> => x * x;", "GW9002", "one type parameter")]
    [InlineData("public static T F<T>(T[][] x) where T : IFloatingPointIeee754<T> => x[0][0];", "GW9002", "parameter 'x'")]
    [InlineData("public static T F<T>(T x) where T : IFloatingPointIeee754<T> => Two<T, T>(x, x); static T Two<T, U>(T a, U b) where T : IFloatingPointIeee754<T> where U : IFloatingPointIeee754<U> => a * T.CreateChecked(b);", "GW9003", "its one type parameter is T : IFloatingPointIeee754<T>")]
    public void Unsupported_generic_shapes_are_located_diagnostics(string member, string id, string reason)
    {
        var source = "using System;\nusing System.Numerics;\nusing Gradwise;\n\npublic partial class U\n{\n    [Differentiable]\n    " + member + "\n}\n";
        var run = GeneratorHarness.Run(source);
        var diagnostic = Assert.Single(run.AnalyzerDiagnostics, d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("'F'", StringComparison.Ordinal));
        Assert.Equal(id, diagnostic.Id);
        Assert.Contains(reason, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain(run.MethodSources, s => s.Value.Contains("FWithGradient", StringComparison.Ordinal));
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void Half_typed_generic_methods_do_not_crash() =>
        HalfTypedCode.AssertNoCrashOnEveryPrefix(
            Source,
            new[] { new Gradwise.Generator.DifferentiableGenerator() },
            new Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer[] { new Gradwise.Rules.DifferentiableMethodAnalyzer() });

    private static double Draw(Random random) => (2 * random.NextDouble()) - 1;
}
