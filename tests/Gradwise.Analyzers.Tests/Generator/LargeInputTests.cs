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
    public void A_long_sum_of_terms_is_differentiated(int terms)
    {
        var body = new StringBuilder("x * 0.5");
        for (var i = 1; i < terms; i++)
        {
            body.Append(" + ").Append(Term(i, "x"));
        }

        var run = GeneratorHarness.Run($$"""
            using System;
            using Gradwise;
            public static partial class Big
            {
                [Differentiable]
                public static double F(double x, double y) => {{body}};
            }
            """).AssertCompiles();

        var (value, gradient) = run.InvokeWithGradient("Big", "F", new[] { 0.3, -0.7 }, 2);
        var original = (double)run.Invoke("Big", "F", new object?[] { 0.3, -0.7 })!;
        Assert.Equal(original, value, 9);
        var h = 1e-6;
        var fx = ((double)run.Invoke("Big", "F", new object?[] { 0.3 + h, -0.7 })! - (double)run.Invoke("Big", "F", new object?[] { 0.3 - h, -0.7 })!) / (2 * h);
        Assert.True(Math.Abs(fx - gradient[0]) <= 1e-5 * Math.Max(1, Math.Abs(fx)), $"∂F/∂x: generated {gradient[0]}, finite differences {fx}");
    }

    [Theory]
    [InlineData(300)]
    [InlineData(2000)]
    public void A_long_loop_body_is_differentiated(int terms)
    {
        var body = new StringBuilder("w[j] * 0.5");
        for (var i = 1; i < terms; i++)
        {
            body.Append(" + ").Append(Term(i, "w[j]"));
        }

        var run = GeneratorHarness.Run($$"""
            using System;
            using Gradwise;
            public static partial class Big
            {
                [Differentiable]
                public static double F(ReadOnlySpan<double> w, double y)
                {
                    double s = 0;
                    for (int j = 0; j < w.Length; j++)
                    {
                        s += {{body}};
                    }

                    return s;
                }

                public static double Value(double[] w, double y) => F(w, y);

                public static double Gradient(double[] w, double y, double[] g) => FWithGradient(w, y, g, out _);
            }
            """).AssertCompiles();

        var w = new[] { 0.3, -0.2 };
        var g = new double[2];
        var value = (double)run.Invoke("Big", "Gradient", new object?[] { w, -0.7, g })!;
        Assert.Equal((double)run.Invoke("Big", "Value", new object?[] { w, -0.7 })!, value, 9);
        var h = 1e-6;
        var up = (double)run.Invoke("Big", "Value", new object?[] { new[] { 0.3 + h, -0.2 }, -0.7 })!;
        var down = (double)run.Invoke("Big", "Value", new object?[] { new[] { 0.3 - h, -0.2 }, -0.7 })!;
        var fd = (up - down) / (2 * h);
        Assert.True(Math.Abs(fd - g[0]) <= 1e-5 * Math.Max(1, Math.Abs(fd)), $"∂F/∂w[0]: generated {g[0]}, finite differences {fd}");
    }

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
        var run = GeneratorHarness.Run($$"""
            using System;
            using Gradwise;
            public static partial class Big
            {
                [Differentiable]
                public static double F(double x) => {{body}};
            }
            """).AssertCompiles();

        var (value, gradient) = run.InvokeWithGradient("Big", "F", new[] { 0.4 }, 1);
        Assert.Equal((double)run.Invoke("Big", "F", new object?[] { 0.4 })!, value, 12);
        var h = 1e-6;
        var fd = ((double)run.Invoke("Big", "F", new object?[] { 0.4 + h })! - (double)run.Invoke("Big", "F", new object?[] { 0.4 - h })!) / (2 * h);
        Assert.True(Math.Abs(fd - gradient[0]) <= 1e-6 * Math.Max(1, Math.Abs(fd)), $"F': generated {gradient[0]}, finite differences {fd}");
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
