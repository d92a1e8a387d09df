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
    }

    [Theory]
    [InlineData("LogLoss")]
    [InlineData("Huber")]
    [InlineData("Mixed")]
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
    [InlineData("public static T F<T>(T x) where T : INumber<T> => x * x;", "GW9002", "one type parameter T : IFloatingPointIeee754<T>")]
    [InlineData("public T F<T>(T x) where T : IFloatingPointIeee754<T> => x * x;", "GW9002", "is static")]
    [InlineData("public static T F<T, U>(T x) where T : IFloatingPointIeee754<T> => x * x;", "GW9002", "one type parameter")]
    [InlineData("public static T F<T>(ReadOnlySpan<T> x) where T : IFloatingPointIeee754<T> => x[0];", "GW9002", "parameter 'x'")]
    [InlineData("public static T F<T>(T x) where T : IFloatingPointIeee754<T> { T s = T.Zero; for (int i = 0; i < 3; i++) { s += x; } return s; }", "GW9003", "without loops, spans or arrays")]
    [InlineData("public static T F<T>(T x) where T : IFloatingPointIeee754<T> => Sq(x); [Differentiable] public static T Sq<T>(T x) where T : IFloatingPointIeee754<T> => x * x;", "GW9003", "calls between generic [Differentiable] methods")]
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
