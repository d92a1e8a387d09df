using Gradwise.Symbolic.Tests;
using Xunit;

namespace Gradwise.Analyzers.Tests.Infrastructure;

/// <summary>
/// A generated gradient against central finite differences of the method itself, through two static wrappers in the compiled
/// test source: <c>value(double[] t)</c>, which calls the method as written, and <c>gradient(double[] t, double[] g)</c>, which calls
/// its <c>WithGradient</c>, fills g and returns the value.
/// </summary>
public static class GradientOracle
{
    public static void AgreesWithFiniteDifferences(GeneratorRun run, string type, string value, string gradient, int size, int trials, int seed)
    {
        var random = new Random(seed);
        double Original(double[] t) => (double)run.Invoke(type, value, new object?[] { t })!;
        for (var trial = 0; trial < trials; trial++)
        {
            var theta = Enumerable.Range(0, size).Select(_ => (2 * random.NextDouble()) - 1).ToArray();
            var g = new double[size];
            var generated = (double)run.Invoke(type, gradient, new object?[] { theta, g })!;
            var expected = Original(theta);
            Assert.True(Math.Abs(generated - expected) <= 1e-12 * Math.Max(1, Math.Abs(expected)), $"{value}: value {generated}, the method's {expected}");
            for (var k = 0; k < size; k++)
            {
                Assert.True(FiniteDifference.TryCentral(Original, theta, k, out var fd), $"{value}: no finite difference at θ[{k}]");
                Assert.True(Math.Abs(fd - g[k]) <= 1e-6 * Math.Max(1, Math.Abs(fd)), $"{value} ∂/∂θ[{k}]: generated {g[k]}, finite differences {fd}");
            }
        }
    }
}
