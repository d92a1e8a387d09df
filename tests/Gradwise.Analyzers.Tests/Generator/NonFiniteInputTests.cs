using Gradwise.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Gradwise.Analyzers.Tests.Generator;

/// <summary>
/// The generated value is the user's value on every input, NaN and infinities included: a model that
/// diverges must not look healthy because <c>Math.Max</c>, <c>Min</c> or <c>Clamp</c> became a comparison that
/// NaN fails. The oracle is the user's own method, compiled beside the generated one. Where one of those
/// functions is given NaN its derivative is NaN (docs/generator.md), so the NaN reaches the gradient too.
/// </summary>
public sealed class NonFiniteInputTests
{
    private const string Source = """
        using System;
        using Gradwise;

        public static partial class F
        {
            [Differentiable] public static double ReluLast(double x) => Math.Max(x, 0.0);
            [Differentiable] public static double ReluFirst(double x) => Math.Max(0.0, x);
            [Differentiable] public static double MinOfBoth(double a, double b) => Math.Min(a, b) * b;
            [Differentiable] public static double MaxOfBoth(double a, double b) => Math.Max(a, b) + a * b;
            [Differentiable] public static double Clipped(double x, double w) => Math.Clamp(x, -1.0, 1.0) * w;
            [Differentiable] public static double ClampedBy(double x, double lo) => Math.Clamp(x, lo, 2.0);
            [Differentiable] public static double Hinge(double y, double z) => Math.Max(0.0, 1.0 - y * z);
            [Differentiable] public static double MinConstantFirst(double x) => Math.Min(-0.5, x * x);
            [Differentiable] public static double NanGuard(double x) => x switch { double.NaN => 0, _ => x * x };
            [Differentiable] public static double Gapped(double x, double w) => x switch { < 0 => -x, > 0 => x * w };
            [Differentiable] public static double Signed(double w, double g) => g + 0.1 * Math.Sign(w) + Math.Atan(w) * Math.Cbrt(g) + Math.Sinh(g) / Math.Cosh(w);
            [Differentiable]
            public static double ClippedLogLoss(double y, double p)
            {
                double q = Math.Clamp(p, 1e-12, 1 - 1e-12);
                return -(y * Math.Log(q) + (1 - y) * Math.Log(1 - q));
            }
        }
        """;

    private static readonly double[] Inputs = { double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0, 1.0, -1.0, 0.25, -3.5, 2.0 };

    private static readonly Lazy<GeneratorRun> Compiled = new(() => GeneratorHarness.Run(Source).AssertCompiles());

    public static TheoryData<string, int> Methods => new()
    {
        { "ReluLast", 1 }, { "ReluFirst", 1 }, { "MinOfBoth", 2 }, { "MaxOfBoth", 2 }, { "Clipped", 2 },
        { "ClampedBy", 2 }, { "Hinge", 2 }, { "MinConstantFirst", 1 }, { "ClippedLogLoss", 2 }, { "Signed", 2 }, { "Gapped", 2 }, { "NanGuard", 1 },
    };

    [Theory]
    [MemberData(nameof(Methods))]
    public void The_generated_value_is_the_users_value_at_nan_and_infinities(string method, int arity)
    {
        var run = Compiled.Value;
        var checkedPoints = 0;
        foreach (var point in Points(arity))
        {
            double expected;
            try
            {
                expected = (double)run.Invoke("F", method, point.Cast<object?>().ToArray())!;
            }
            catch (System.Reflection.TargetInvocationException e) when (e.InnerException is ArgumentException)
            {
                continue; // Math.Clamp with min > max throws; the generated code does not repeat that check (docs/generator.md)
            }
            catch (System.Reflection.TargetInvocationException e) when (e.InnerException is ArithmeticException or InvalidOperationException)
            {
                // Math.Sign(NaN) and a switch with no arm for the value throw: the generated value there is NaN, so the
                // generated method calls the method, which throws the same.
                var thrown = Record.Exception(() => run.InvokeWithGradient("F", method, point, arity));
                Assert.IsType(e.InnerException.GetType(), (thrown as System.Reflection.TargetInvocationException)?.InnerException ?? thrown);
                checkedPoints++;
                continue;
            }

            var (value, _) = run.InvokeWithGradient("F", method, point, arity);
            // NaN, +∞ and −∞ exactly; a finite value up to the rounding of the simplifier's rearranged sums
            // (absolute 1e-12 below 1, relative above: docs/generator.md, "Values").
            Assert.True(
                double.IsFinite(expected) ? Math.Abs(value - expected) <= 1e-12 * Math.Max(1, Math.Abs(expected)) : value.Equals(expected),
                $"{method}({string.Join(", ", point)}): generated value {value}, the method returns {expected}\n{run.Source("F." + method + "(")}");
            checkedPoints++;
        }

        Assert.True(checkedPoints >= Math.Pow(Inputs.Length, arity) * 0.8, $"only {checkedPoints} points were checked");
    }

    [Theory]
    [InlineData("ReluLast", new[] { double.NaN }, 0)]
    [InlineData("ReluFirst", new[] { double.NaN }, 0)]
    [InlineData("MinOfBoth", new[] { double.NaN, 1.0 }, 0)]
    [InlineData("MinOfBoth", new[] { 1.0, double.NaN }, 1)]
    [InlineData("MaxOfBoth", new[] { double.NaN, 1.0 }, 1)]
    [InlineData("Clipped", new[] { double.NaN, 3.0 }, 0)]
    [InlineData("Clipped", new[] { double.NaN, 3.0 }, 1)]
    [InlineData("Hinge", new[] { 1.0, double.NaN }, 1)]
    [InlineData("ClippedLogLoss", new[] { 1.0, double.NaN }, 1)]
    public void A_nan_through_max_min_or_clamp_reaches_the_gradient(string method, double[] point, int partial)
    {
        var (_, gradient) = Compiled.Value.InvokeWithGradient("F", method, point, point.Length);
        Assert.True(double.IsNaN(gradient[partial]), $"∂{method}/∂#{partial} at ({string.Join(", ", point)}) is {gradient[partial]}, not NaN");
    }

    [Theory]
    [InlineData("ReluLast", new[] { 2.0 }, 0, 1.0)]
    [InlineData("ReluLast", new[] { -2.0 }, 0, 0.0)]
    [InlineData("ReluLast", new[] { 0.0 }, 0, 0.0)]
    [InlineData("ReluFirst", new[] { 0.0 }, 0, 0.0)]
    [InlineData("ReluLast", new[] { double.PositiveInfinity }, 0, 1.0)]
    [InlineData("Clipped", new[] { 0.5, 3.0 }, 0, 3.0)]
    [InlineData("Clipped", new[] { 5.0, 3.0 }, 0, 0.0)]
    [InlineData("Clipped", new[] { double.NegativeInfinity, 3.0 }, 1, -1.0)]
    [InlineData("ClampedBy", new[] { -4.0, 1.0 }, 1, 1.0)]
    [InlineData("ClampedBy", new[] { -4.0, 1.0 }, 0, 0.0)]
    [InlineData("NanGuard", new[] { double.NaN }, 0, 0.0)] // the NaN arm matches NaN, as C#'s constant pattern does
    [InlineData("NanGuard", new[] { 3.0 }, 0, 6.0)]
    public void Finite_and_infinite_inputs_keep_their_derivatives(string method, double[] point, int partial, double expected)
    {
        var (_, gradient) = Compiled.Value.InvokeWithGradient("F", method, point, point.Length);
        Assert.Equal(expected, gradient[partial]);
    }

    private static IEnumerable<double[]> Points(int arity) =>
        arity == 1
            ? Inputs.Select(x => new[] { x })
            : Inputs.SelectMany(a => Inputs.Select(b => new[] { a, b }));
}

/// <summary>Code the user wrote that can never run still compiles cleanly in the generated method.</summary>
public sealed class UnreachableCodeTests
{
    /// <summary>
    /// Found by the random-program test (seed 00055Xm7X3N2): a local read only after an unconditional <c>continue</c> was
    /// declared in the generated method and never read (CS0219, an error under TreatWarningsAsErrors).
    /// </summary>
    [Fact]
    public void A_local_read_only_after_an_unconditional_continue_compiles_without_warnings()
    {
        var run = GeneratorHarness.Run("""
            using System;
            using Gradwise;
            public static partial class P
            {
                [Differentiable]
                public static double F(ReadOnlySpan<double> v, double a)
                {
                    double s1 = 0;
                    double s2 = 1;
                    if (Math.Exp(a) > -1)
                    {
                        for (int j = 0; j < v.Length; j++)
                        {
                            if (0.31 > -0.6) continue;
                            s2 = 0.5 * s2 + (j > 0 ? v[j - 1] : s1);
                        }
                    }

                    return s2 * a + v[0];
                }

                public static double[] G(double[] v, double a)
                {
                    var dv = new double[v.Length];
                    double value = FWithGradient(v, a, dv, out double da);
                    return new[] { value, dv[0], dv[1], da };
                }
            }
            """).AssertCompiles();
        var result = (double[])run.Invoke("P", "G", new object?[] { new double[] { 3, 4 }, 2.0 })!;
        Assert.Equal(new[] { 5.0, 1.0, 0.0, 1.0 }, result);
    }
}

/// <summary>
/// The log-loss's two softplus terms and its gradient come from one exponential and one logarithm
/// (<c>GradwiseMath.SoftplusPair</c>): still exact to the last bits at the extremes, against a reference written
/// independently here (log1p of the smaller exponential).
/// </summary>
public sealed class LogLossPairTests
{
    [Fact]
    public void The_shared_softplus_terms_are_accurate_from_minus_1000_to_1000()
    {
        var run = GeneratorHarness.Run("""
            using System;
            using Gradwise;
            public static partial class P
            {
                [Differentiable]
                public static double LogLoss([NoGradient] double y, double z)
                {
                    double p = 1.0 / (1.0 + Math.Exp(-z));
                    return -(y * Math.Log(p) + (1 - y) * Math.Log(1 - p));
                }

                public static double[] G(double y, double z) => new[] { LogLossWithGradient(y, z, out double dz), dz };
            }
            """).AssertCompiles();
        Assert.Contains("SoftplusPair(", run.Source("P.LogLoss("), StringComparison.Ordinal);

        static double Softplus(double x)
        {
            var e = Math.Exp(-Math.Abs(x)); // log(1 + e^x) = max(x, 0) + log(1 + e^-|x|), and log(1 + e) ≈ e(1 − e/2) for tiny e
            return Math.Max(x, 0) + (e < 1e-5 ? e * (1 - (e / 2)) : Math.Log(1 + e));
        }


        foreach (var y in new[] { 0.0, 1.0, 0.3 })
        {
            foreach (var z in new[] { -1000.0, -40.0, -1e-8, 0.0, 1e-8, 0.5, 40.0, 1000.0 })
            {
                var result = (double[])run.Invoke("P", "G", new object?[] { y, z })!;
                var expected = (y * Softplus(-z)) + ((1 - y) * Softplus(z));
                var sigmoid = z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));
                Assert.True(Math.Abs(result[0] - expected) <= 1e-14 * Math.Max(1e-300, Math.Abs(expected)), $"y = {y}, z = {z}: loss {result[0]}, expected {expected}");
                Assert.True(Math.Abs(result[1] - (sigmoid - y)) <= 1e-15, $"y = {y}, z = {z}: ∂/∂z {result[1]}, expected {sigmoid - y}");
            }
        }
    }
}
