using Gradwise.Analyzers.Tests.Infrastructure;
using Gradwise.Symbolic.Tests;
using Xunit;

namespace Gradwise.Analyzers.Tests.Generator;

/// <summary>
/// The oracle of the float generator tests: a float [Differentiable] method <c>Name</c> with a double twin written beside it
/// with plain loops. Each spec class exposes <c>NameGradient(θ, g)</c> (the generated gradient at float inputs made from θ),
/// <c>NameValue(θ)</c> (the float method itself) and <c>NameTwinValue(θ)</c> (the twin in double).
/// </summary>
internal static class FloatTwin
{
    /// <summary>The unit roundoff of float.</summary>
    public const double Roundoff = 1.0 / (1 << 24);

    /// <summary>
    /// At the float-representable point <paramref name="theta"/>: the generated value is the float method's within its rounding
    /// (64 roundoffs: the method rounds at every step, and <c>TensorPrimitives</c> sums in its own order), the twin's within
    /// 2 roundoffs (the generated code computes in double and rounds once), and each gradient entry the twin's central
    /// finite difference within 4 roundoffs.
    /// </summary>
    public static void AssertAgrees(GeneratorRun run, string type, string name, double[] theta)
    {
        double Twin(double[] p) => (double)run.Invoke(type, name + "TwinValue", new object?[] { p })!;
        var g = new double[theta.Length];
        var value = (double)run.Invoke(type, name + "Gradient", new object?[] { theta, g })!;
        var own = (double)run.Invoke(type, name + "Value", new object?[] { theta })!;

        Assert.True(Math.Abs(value - own) <= 64 * Roundoff * Math.Max(1, Math.Abs(own)), $"{name}: value {value}, the float method's {own}");
        Assert.True(Math.Abs(value - Twin(theta)) <= 2 * Roundoff * Math.Max(1, Math.Abs(value)), $"{name}: value {value}, the double twin's {Twin(theta)}");
        for (var k = 0; k < theta.Length; k++)
        {
            Assert.True(FiniteDifference.TryCentral(Twin, theta, k, out var fd), $"{name}: no smooth difference at θ[{k}]");
            Assert.True(Math.Abs(fd - g[k]) <= (4 * Roundoff * Math.Abs(fd)) + 1e-7, $"{name}: ∂/∂θ[{k}] generated {g[k]}, finite differences of the twin {fd}");
        }
    }
}
