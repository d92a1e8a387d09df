using System.Globalization;
using System.Text;
using Gradwise.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Gradwise.Analyzers.Tests.Generator;

/// <summary>
/// Methods far larger than a person writes by hand (a loss pasted from a code generator, a long
/// polynomial, a deep composition): the generator must finish with correct code, never a crash of
/// the compiler (a stack overflow cannot be caught, so depth matters as much as exceptions).
/// Time grows faster than size (2,000 terms take seconds; 200 nested calls take about 45 s), so
/// the sizes here are what a test run can afford.
/// </summary>
public sealed class LargeInputTests
{
    [Theory]
    [InlineData(300)]
    [InlineData(2000)]
    public void A_long_sum_of_terms_is_differentiated(int terms) => AssertAgrees($$"""
        [Differentiable]
        public static double F(double x, double y) => {{Sum(terms, "x")}};

        public static double Value(double t) => F(t, -0.7);

        public static double Generated(double t, out double slope) => FWithGradient(t, -0.7, out slope, out _);
        """);

    [Theory]
    [InlineData(300)]
    [InlineData(2000)]
    public void A_long_loop_body_is_differentiated(int terms) => AssertAgrees($$"""
        [Differentiable]
        public static double F(ReadOnlySpan<double> w, double y)
        {
            double s = 0;
            for (int j = 0; j < w.Length; j++)
            {
                s += {{Sum(terms, "w[j]")}};
            }

            return s;
        }

        public static double Value(double t) => F(new[] { t, -0.2 }, -0.7);

        public static double Generated(double t, out double slope)
        {
            var g = new double[2];
            var v = FWithGradient(new[] { t, -0.2 }, -0.7, g, out _);
            slope = g[0];
            return v;
        }
        """);

    [Theory]
    [InlineData(50)]
    [InlineData(100)]
    public void A_deeply_nested_expression_is_differentiated(int depth)
    {
        var body = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            body.Append(i % 2 == 0 ? "Math.Sin(0.9 * " : "Math.Tanh(1.1 * ");
        }

        body.Append('x').Append(')', depth);
        AssertAgrees($$"""
            [Differentiable]
            public static double F(double x) => {{body}};

            public static double Value(double t) => F(t);

            public static double Generated(double t, out double slope) => FWithGradient(t, out slope);
            """);
    }

    /// <summary>
    /// Compiles <paramref name="members"/> (a [Differentiable] F, Value(t) and Generated(t, out slope)
    /// along one coordinate) and checks the generated value and slope at t = 0.3 against F and central differences.
    /// </summary>
    private static void AssertAgrees(string members)
    {
        var run = GeneratorHarness.Run("""
            using System;
            using Gradwise;
            public static partial class Big
            {

            """ + members + """

            }
            """).AssertCompiles();
        double Value(double t) => (double)run.Invoke("Big", "Value", new object?[] { t })!;
        var arguments = new object?[] { 0.3, null };
        var generated = (double)run.Invoke("Big", "Generated", arguments)!;
        var slope = (double)arguments[1]!;
        Assert.Equal(Value(0.3), generated, 9);
        var h = 1e-6;
        var fd = (Value(0.3 + h) - Value(0.3 - h)) / (2 * h);
        Assert.True(Math.Abs(fd - slope) <= 1e-5 * Math.Max(1, Math.Abs(fd)), $"generated slope {slope}, finite differences {fd}");
    }

    private static string Sum(int terms, string x)
    {
        var sum = new StringBuilder(x + " * 0.5");
        for (var i = 1; i < terms; i++)
        {
            sum.Append(" + ").Append(Term(i, x));
        }

        return sum.ToString();
    }

    /// <summary>Terms of a few shapes, so the sum neither collapses to one term nor grows without bound.</summary>
    private static string Term(int i, string x)
    {
        var c = (1.0 / (i + 1)).ToString("R", CultureInfo.InvariantCulture);
        return (i % 4) switch
        {
            0 => c + " * " + x + " * y",
            1 => c + " * Math.Sin(" + x + " + " + i.ToString(CultureInfo.InvariantCulture) + ")",
            2 => c + " * Math.Exp(-" + x + " * " + x + " * " + c + ")",
            _ => c + " * y * Math.Tanh(" + x + " * " + c + ")",
        };
    }
}
