using Gradwise.Analyzers.Tests.Infrastructure;
using Gradwise.Symbolic.Tests;
using Xunit;

namespace Gradwise.Analyzers.Tests.Generator;

/// <summary>
/// float parameters and results (ML.NET scores, MathF code): the gradient has the parameter's type, computed in double
/// and rounded once. The oracle is finite differences of a double twin of each method, written beside it; the value
/// must be the float method's own value within float rounding.
/// </summary>
public sealed class FloatGeneratorTests
{
    /// <summary>Float's unit roundoff, 2^-24; the tolerances below are small multiples of it.</summary>
    private const double FloatRoundoff = FloatTwin.Roundoff;

    private const string Source = """
        using System;
        using Gradwise;

        namespace Specs;

        public static partial class G
        {
            static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));

            [Differentiable]
            public static float LogLoss([NoGradient] float y, float z) => -(y * MathF.Log(Sigmoid(z)) + (1 - y) * MathF.Log(1 - Sigmoid(z)));
            public static double LogLossTwin(double y, double z) => -(y * Math.Log(1 / (1 + Math.Exp(-z))) + (1 - y) * Math.Log(1 - 1 / (1 + Math.Exp(-z))));

            [Differentiable]
            public static float Mixed(float x, double w) => (float)(w * Math.Tanh(x)) + MathF.Sqrt(x * x + 1f) * 2.5f + float.Atan(x) * (float)w;
            public static double MixedTwin(double x, double w) => w * Math.Tanh(x) + Math.Sqrt(x * x + 1) * 2.5 + Math.Atan(x) * w;

            // An ML.NET score (float) in a double loss.
            [Differentiable]
            public static double Hinge(float score, [NoGradient] double label) => Math.Log(1 + Math.Exp(-label * score));
            public static double HingeTwin(double score, double label) => Math.Log(1 + Math.Exp(-label * score));

            [Differentiable]
            public static float Clipped(float z, float t)
            {
                float p = z switch { < -20f => 0f, > 20f => 1f, _ => 1f / (1f + MathF.Exp(-z)) };
                float d = p - t;
                return d * d;
            }

            public static double ClippedTwin(double z, double t)
            {
                double p = z switch { < -20 => 0, > 20 => 1, _ => 1 / (1 + Math.Exp(-z)) };
                return (p - t) * (p - t);
            }
        }
        """;

    private static readonly Lazy<GeneratorRun> Run = new(() => GeneratorHarness.Run(Source).AssertCompiles());

    [Theory]
    [InlineData("LogLoss", new[] { 1 }, -4.0, 4.0, true)]
    [InlineData("Mixed", new[] { 0, 1 }, -2.0, 2.0, false)]
    [InlineData("Hinge", new[] { 0 }, -3.0, 3.0, true)]
    [InlineData("Clipped", new[] { 0, 1 }, -25.0, 25.0, false)]
    public void Gradient_has_the_parameters_type_and_agrees_with_the_double_twin(string name, int[] differentiable, double low, double high, bool firstIsLabel)
    {
        var run = Run.Value;
        var random = new Random(name.Length * 7919);
        var signature = run.Source("G." + name + "(");
        Assert.Contains(name + "WithGradient(", signature);
        var checkedPoints = 0;
        for (var trial = 0; trial < 40; trial++)
        {
            // Points that are floats already, so the twin sees exactly what the float method sees.
            var point = new[] { (double)(float)(low + (random.NextDouble() * (high - low))), (double)(float)(low + (random.NextDouble() * (high - low))) };
            if (firstIsLabel)
            {
                point[name == "Hinge" ? 1 : 0] = name == "Hinge" ? (random.Next(2) * 2) - 1 : random.Next(2);
            }

            var (value, gradient) = run.InvokeWithGradient("Specs.G", name, point, differentiable.Length);
            var own = Convert.ToDouble(run.Invoke("Specs.G", name, point.Cast<object?>().ToArray()), System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(Math.Abs(value - own) <= 64 * FloatRoundoff * Math.Max(1, Math.Abs(own)), $"{name}({string.Join(", ", point)}): generated value {value}, the method returns {own}");

            double Twin(double[] p) => (double)run.Invoke("Specs.G", name + "Twin", p.Cast<object?>().ToArray())!;
            var smooth = true;
            for (var k = 0; k < differentiable.Length; k++)
            {
                if (!FiniteDifference.TryCentral(Twin, point, differentiable[k], out var fd))
                {
                    smooth = false;
                    continue;
                }

                // Computed in double and rounded once: within a few float roundoffs of the true slope.
                Assert.True(
                    Math.Abs(fd - gradient[k]) <= (8 * FloatRoundoff * Math.Max(1, Math.Abs(fd))) + 1e-7,
                    $"{name}({string.Join(", ", point)}): ∂/∂#{differentiable[k]} generated {gradient[k]}, finite differences of the double twin {fd}");
            }

            checkedPoints += smooth ? 1 : 0;
        }

        Assert.True(checkedPoints >= 30, $"only {checkedPoints} points were checked");
    }

    [Theory]
    [InlineData("LogLoss")]
    [InlineData("Mixed")]
    public void Generated_code_matches_snapshot(string name) => SnapshotVerifier.Verify(Run.Value.Source("G." + name + "("), name);

    [Fact]
    public void Float_outs_and_results_keep_the_users_types()
    {
        var run = Run.Value;
        foreach (var (method, signature) in new[]
        {
            ("LogLoss", "public static float LogLossWithGradient(float y, float z, out float dz)"),
            ("Mixed", "public static float MixedWithGradient(float x, double w, out float dx, out double dw)"),
            ("Hinge", "public static double HingeWithGradient(float score, double label, out float dScore)"),
        })
        {
            var source = run.Source("G." + method + "(");
            Assert.True(source.Contains(signature, StringComparison.Ordinal), signature + " is not in\n" + source);
        }
    }

    [Fact]
    public void A_float_in_a_method_with_loops_gets_an_out_float()
    {
        var run = GeneratorHarness.Run("""
            using System;
            using Gradwise;
            public static partial class P
            {
                [Differentiable]
                public static double Sum(ReadOnlySpan<double> w, float scale)
                {
                    double s = 0;
                    for (int i = 0; i < w.Length; i++) s += w[i] * scale;
                    return s;
                }

                public static double[] Probe()
                {
                    var dw = new double[3];
                    var v = SumWithGradient(new[] { 1.0, -2.0, 4.5 }, 0.25f, dw, out float dscale);
                    return new[] { v, dw[0], dw[1], dw[2], dscale };
                }
            }
            """).AssertCompiles();

        Assert.Empty(run.AnalyzerDiagnostics);
        var probe = (double[])run.Invoke("P", "Probe", Array.Empty<object?>())!;
        Assert.Equal(new[] { 0.875, 0.25, 0.25, 0.25, 3.5 }, probe);
    }
}
