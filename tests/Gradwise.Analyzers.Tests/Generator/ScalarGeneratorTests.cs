using Gradwise.Analyzers.Tests.Infrastructure;
using Gradwise.Symbolic.Tests;
using Xunit;

namespace Gradwise.Analyzers.Tests.Generator;

/// <summary>
/// The scalar generator on every supported construct: the generated code as reviewed snapshots,
/// and the compiled gradient checked against central finite differences of the original method.
/// </summary>
public sealed class ScalarGeneratorTests
{
    private static readonly Lazy<GeneratorRun> Run = new(() => GeneratorHarness.Run(ScalarFunctions.Source).AssertCompiles());

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in ScalarFunctions.All)
        {
            data.Add(c.Name);
        }

        return data;
    }

    [Fact]
    public void Every_function_is_generated_without_a_diagnostic()
    {
        Assert.Empty(Run.Value.AnalyzerDiagnostics);
        Assert.Equal(ScalarFunctions.All.Length + 1, Run.Value.MethodSources.Count());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Generated_code_matches_snapshot(string name) =>
        SnapshotVerifier.Verify(Run.Value.Source("F." + name + "("), name);

    [Fact]
    public void Stable_rewrites_keep_large_and_tiny_arguments_exact()
    {
        // log(e^800 + e^799): the method as written overflows to +∞; the rewrite a + Softplus(b - a) does not.
        var (lse, dLse) = Run.Value.InvokeWithGradient("Specs.F", "LogSumExpPair", new[] { 800.0, 799.0 }, 2);
        Assert.Equal(800 + Math.Log(1 + Math.Exp(-1)), lse, 12);
        Assert.Equal(1 / (1 + Math.Exp(-1)), dLse[0], 12); // σ(a - b)
        Assert.Equal(1 / (1 + Math.Exp(1)), dLse[1], 12);

        // Equal logits, common at initialization: the derivative is 1/2 each, not a kink's convention.
        var (_, tie) = Run.Value.InvokeWithGradient("Specs.F", "LogSumExpPair", new[] { 0.0, 0.0 }, 2);
        Assert.Equal(new[] { 0.5, 0.5 }, tie);

        // log(1 + x²) at x = 1e-10: 1 + 1e-20 rounds to 1 and the method returns 0; LogP1 keeps the 1e-20.
        var (tiny, _) = Run.Value.InvokeWithGradient("Specs.F", "LogOnePlus", new[] { 1e-10, 0.0 }, 2);
        Assert.Equal(0.0, (double)Run.Value.Invoke("Specs.F", "LogOnePlus", new object?[] { 1e-10, 0.0 })!);
        Assert.True(Math.Abs(tiny - 1e-20) <= 1e-35, tiny.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Gradient_agrees_with_finite_differences(string name)
    {
        var spec = ScalarFunctions.All.Single(c => c.Name == name);
        var differentiable = Enumerable.Range(0, spec.Parameters).Where(i => spec.NoGradient?.Contains(i) != true).ToArray();
        var random = new Random(name.Aggregate(17, (h, c) => unchecked((h * 31) + c)) & 0x7fffffff); // stable across runs
        var checkedPoints = 0;
        for (var trial = 0; trial < 40; trial++)
        {
            var point = Enumerable.Range(0, spec.Parameters).Select(_ => spec.Low + (random.NextDouble() * (spec.High - spec.Low))).ToArray();
            if (spec.NoGradient?.Contains(0) == true && name.Contains("LogLoss", StringComparison.Ordinal))
            {
                point[0] = random.Next(2); // a label
            }

            if (name == "ChainedLogLoss")
            {
                point[3] = random.Next(2);
            }

            double Original(double[] p) => (double)Run.Value.Invoke("Specs.F", name, p.Cast<object?>().ToArray())!;
            var (value, gradient) = Run.Value.InvokeWithGradient("Specs.F", name, point, differentiable.Length);

            var original = Original(point);
            Assert.True(Math.Abs(original - value) <= 1e-12 * Math.Max(1, Math.Abs(original)), $"{name} at ({string.Join(", ", point)}): value {value}, original {original}");
            var allSmooth = true;
            for (var k = 0; k < differentiable.Length; k++)
            {
                if (!FiniteDifference.TryCentral(Original, point, differentiable[k], out var fd))
                {
                    allSmooth = false;
                    continue; // too near a kink
                }

                Assert.True(
                    Math.Abs(fd - gradient[k]) <= 1e-6 * Math.Max(1, Math.Abs(fd)),
                    $"{name} at ({string.Join(", ", point)}): ∂/∂#{differentiable[k]} generated {gradient[k]}, finite differences {fd}");
            }

            if (allSmooth)
            {
                checkedPoints++;
            }
        }

        Assert.True(checkedPoints >= 20, $"only {checkedPoints} of 40 points of {name} were smooth enough to check");
    }

    [Fact]
    public void Textbook_closed_forms_are_exposed_at_run_time()
    {
        string Formula(string field) => (string)Run.Value.Load().GetType("Specs.F")!.GetField(field)!.GetValue(null)!;

        Assert.Equal("Sigmoid(z) - y", Formula("LogLoss_dz"));
        Assert.Equal("Sigmoid(z) - y", Formula("LogLossInline_dz"));
        Assert.Equal("(Sigmoid(z) - y) * Sigmoid(z) * (1 - Sigmoid(z))", Formula("SquaredErrorOfSigmoid_dz"));
        Assert.Equal("Sigmoid(z)", Formula("Softplus_dz"));
    }

    [Fact]
    public void Softplus_is_stable_where_the_naive_formula_overflows()
    {
        var (value, gradient) = Run.Value.InvokeWithGradient("Specs.F", "Softplus", new[] { 800.0 }, 1);

        Assert.Equal(800.0, value);
        Assert.Equal(1.0, gradient[0]);
        Assert.True(double.IsInfinity(Math.Log(1 + Math.Exp(800.0))), "the naive formula overflows here");
    }

    [Fact]
    public void Untaken_branch_never_makes_a_NaN()
    {
        var (value, gradient) = Run.Value.InvokeWithGradient("Specs.F", "SafeLog", new[] { -1.0 }, 1);

        Assert.Equal(0.0, value);
        Assert.Equal(0.0, gradient[0]);
    }

    [Theory]
    [InlineData("ReluMaxFirst", 0.0, 0.0)]
    [InlineData("ReluMaxSecond", 0.0, 0.0)]
    [InlineData("AbsoluteError", 0.0, 0.0)]
    [InlineData("LeakyRelu", 0.0, 0.01)]
    public void Kink_conventions(string name, double at, double expected)
    {
        var inputs = name == "AbsoluteError" ? new[] { at, at } : new[] { at };
        var (_, gradient) = Run.Value.InvokeWithGradient("Specs.F", name, inputs, inputs.Length);

        Assert.Equal(expected, gradient[0]);
    }

    [Theory]
    [InlineData(-1.0, 0.0)]
    [InlineData(1.0, 0.0)]
    [InlineData(0.5, 3.0)]
    public void Clamp_has_zero_derivative_at_and_beyond_constant_bounds(double x, double expected)
    {
        var (_, gradient) = Run.Value.InvokeWithGradient("Specs.F", "ClampTimesWeight", new[] { x, 3.0 }, 2);

        Assert.Equal(expected, gradient[0]);
    }

    [Fact]
    public void Calls_to_other_differentiable_methods_chain_through_their_generated_gradient()
    {
        var text = Run.Value.Source("F.ChainedLogLoss(");

        Assert.Contains("global::Specs.F.LogLossWithGradient(", text);
        Assert.DoesNotContain("Softplus", text.Split("ChainedLogLossWithGradient")[1].Split("const string")[0]);
    }

    [Fact]
    public void Half_typed_scalar_functions_never_crash() =>
        HalfTypedCode.AssertNoCrashOnEveryPrefix(
            ScalarFunctions.Source,
            new[] { new Gradwise.Generator.DifferentiableGenerator() },
            new[] { new Gradwise.Rules.DifferentiableMethodAnalyzer() });

    [Fact]
    public void Unrelated_edit_reruns_nothing() =>
        IncrementalCaching.AssertCachedAfterEdit(
            new Gradwise.Generator.DifferentiableGenerator(),
            ScalarFunctions.Source,
            IncrementalCaching.AddUnrelatedFile,
            Gradwise.Generator.TrackingNames.Methods,
            Gradwise.Generator.TrackingNames.ValidMethods);
}

/// <summary>The numbers the GW1001 page quotes, computed from generated gradients.</summary>
public sealed class TeachingNumbersTests
{
    [Fact]
    public void GW1001_page_quotes_the_generated_gradients_at_a_saturated_wrong_unit()
    {
        var run = GeneratorHarness.Run(ScalarFunctions.Source).AssertCompiles();
        var (_, crossEntropy) = run.InvokeWithGradient("Specs.F", "LogLoss", new[] { 1.0, -6.0 }, 1);
        var (_, squared) = run.InvokeWithGradient("Specs.F", "SquaredErrorOfSigmoid", new[] { 1.0, -6.0 }, 1);
        var page = File.ReadAllText(Path.Combine(Gradwise.Analyzers.Tests.Catalog.CatalogTests.Root, "docs", "rules", "GW1001.md"));

        Assert.Contains("| cross-entropy | " + crossEntropy[0].ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture) + " |", page);
        Assert.Contains("| squared error | " + squared[0].ToString("0.000000", System.Globalization.CultureInfo.InvariantCulture) + " |", page);
        Assert.Contains("about " + Math.Round(crossEntropy[0] / squared[0]).ToString(System.Globalization.CultureInfo.InvariantCulture) + " times smaller", page);
        Assert.Contains("σ(−6) = " + (1 / (1 + Math.Exp(6))).ToString("0.000000", System.Globalization.CultureInfo.InvariantCulture), page);
    }
}

/// <summary>The numbers the GW1002 page quotes, from generated gradients of both losses over three classes.</summary>
public sealed class SoftmaxTeachingNumbersTests
{
    [Fact]
    public void GW1002_page_quotes_the_generated_gradients_at_a_saturated_wrong_softmax()
    {
        var run = GeneratorHarness.Run("""
            using System;
            using Gradwise;
            public static partial class Three
            {
                [Differentiable]
                public static double CrossEntropy(double s1, double s2, double s3, [NoGradient] double y1, [NoGradient] double y2, [NoGradient] double y3)
                {
                    double sum = Math.Exp(s1) + Math.Exp(s2) + Math.Exp(s3);
                    return -(y1 * Math.Log(Math.Exp(s1) / sum) + y2 * Math.Log(Math.Exp(s2) / sum) + y3 * Math.Log(Math.Exp(s3) / sum));
                }

                [Differentiable]
                public static double SquaredError(double s1, double s2, double s3, [NoGradient] double y1, [NoGradient] double y2, [NoGradient] double y3)
                {
                    double sum = Math.Exp(s1) + Math.Exp(s2) + Math.Exp(s3);
                    double p1 = Math.Exp(s1) / sum;
                    double p2 = Math.Exp(s2) / sum;
                    double p3 = Math.Exp(s3) / sum;
                    return 0.5 * ((p1 - y1) * (p1 - y1) + (p2 - y2) * (p2 - y2) + (p3 - y3) * (p3 - y3));
                }
            }
            """).AssertCompiles();
        var point = new[] { 4.0, 0.0, 0.0, 0.0, 1.0, 0.0 };
        var (_, crossEntropy) = run.InvokeWithGradient("Three", "CrossEntropy", point, 3);
        var (_, squared) = run.InvokeWithGradient("Three", "SquaredError", point, 3);
        var page = File.ReadAllText(Path.Combine(Gradwise.Analyzers.Tests.Catalog.CatalogTests.Root, "docs", "rules", "GW1002.md"));
        var p2 = 1 / (Math.Exp(4) + 2);
        var invariant = System.Globalization.CultureInfo.InvariantCulture;

        Assert.Equal(p2 - 1, crossEntropy[1], 12);
        Assert.Contains("| categorical cross-entropy | " + crossEntropy[1].ToString("0.0000", invariant) + " |", page);
        Assert.Contains("| squared error | " + squared[1].ToString("0.00000", invariant) + " |", page);
        Assert.Contains("about " + Math.Round(crossEntropy[1] / squared[1]).ToString(invariant) + " times smaller", page);
        Assert.Contains("p_2 = " + p2.ToString("0.00000", invariant), page);
    }
}
