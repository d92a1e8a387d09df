using CsCheck;
using Gradwise.Analyzers.Tests.Infrastructure;
using Gradwise.Symbolic.Tests;
using Xunit;

namespace Gradwise.Analyzers.Tests.Generator;

/// <summary>
/// Reverse mode on the losses of <see cref="LoopFunctions"/>: the generated code as reviewed
/// snapshots; the gradient against central finite differences of the original method, per
/// coordinate; and, as a property over random points, data and directions, the reverse sweep's
/// directional derivative ⟨∇f, v⟩ against the derivative of t ↦ f(θ + t·v).
/// </summary>
public sealed class LoopGeneratorTests
{
    private static readonly Lazy<GeneratorRun> Run = new(() => GeneratorHarness.Run(LoopFunctions.Source).AssertCompiles());

    /// <summary>The same methods with a [Differentiable] caller each, so that they get their split halves.</summary>
    private static readonly Lazy<GeneratorRun> SplitRun = new(() => GeneratorHarness.Run(LoopFunctions.Source, LoopFunctions.SplitSource).AssertCompiles());

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in LoopFunctions.All)
        {
            data.Add(c.Name);
        }

        return data;
    }

    private static double Value(string name, double[] theta, int seed) =>
        (double)Run.Value.Invoke("Specs.Calls", name + "_Value", new object?[] { theta, seed })!;

    private static (double Value, double[] Gradient) Gradient(string name, double[] theta, int seed)
    {
        var gradient = new double[theta.Length];
        var value = (double)Run.Value.Invoke("Specs.Calls", name + "_Gradient", new object?[] { theta, seed, gradient })!;
        return (value, gradient);
    }

    [Fact]
    public void Every_loss_is_generated_without_a_diagnostic()
    {
        Assert.Empty(Run.Value.AnalyzerDiagnostics);
        Assert.Empty(Run.Value.GeneratorDiagnostics);
        Assert.Equal(LoopFunctions.All.Length + 4, Run.Value.MethodSources.Count()); // and Sigmoid, LogLoss, Dot, Scaled
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Generated_code_matches_snapshot(string name) =>
        SnapshotVerifier.Verify(Run.Value.Source("L." + name + "("), name);

    [Theory]
    [MemberData(nameof(Names))]
    public void Gradient_agrees_with_finite_differences(string name)
    {
        var spec = LoopFunctions.All.Single(c => c.Name == name);
        var random = new Random(name.Aggregate(17, (h, c) => unchecked((h * 31) + c)) & 0x7fffffff);
        var smooth = 0;
        for (var trial = 0; trial < 12; trial++)
        {
            var seed = random.Next();
            var theta = Enumerable.Range(0, spec.Size).Select(_ => spec.Scale * ((2 * random.NextDouble()) - 1)).ToArray();
            var original = Value(name, theta, seed);
            var (value, gradient) = Gradient(name, theta, seed);
            Assert.True(Math.Abs(original - value) <= 1e-12 * Math.Max(1, Math.Abs(original)), $"{name}: value {value}, original {original}");

            var allSmooth = true;
            for (var k = 0; k < spec.Size; k++)
            {
                if (!FiniteDifference.TryCentral(p => Value(name, p, seed), theta, k, out var fd))
                {
                    allSmooth = false;
                    continue;
                }

                Assert.True(
                    Math.Abs(fd - gradient[k]) <= 1e-6 * Math.Max(1, Math.Abs(fd)),
                    $"{name} (seed {seed}) at ({string.Join(", ", theta)}): ∂/∂θ[{k}] generated {gradient[k]}, finite differences {fd}");
            }

            smooth += allSmooth ? 1 : 0;
        }

        Assert.True(smooth >= 6, $"only {smooth} of 12 points of {name} were smooth enough to check every coordinate");
    }

    /// <summary>
    /// Numbers in [-1, 1] on a grid of 1e-6: CsCheck's own doubles favour 0 and denormals, which
    /// sit exactly on the kinks of |w| (L1) and max, where no two derivatives need agree.
    /// </summary>
    private static readonly Gen<double> Ordinary = Gen.Int[-1_000_000, 1_000_000].Select(i => i / 1e6);

    [Fact]
    public void Directional_derivatives_agree_with_the_reverse_sweep_on_every_loss()
    {
        var checkedCount = 0;
        var gen =
            from index in Gen.Int[0, LoopFunctions.All.Length - 1]
            from seed in Gen.Int[0, 1_000_000]
            from raw in Ordinary.Array[32]
            from direction in Ordinary.Array[32]
            select (Case: LoopFunctions.All[index], Seed: seed, Raw: raw, Direction: direction);

        gen.Sample(
            sample =>
            {
                var spec = sample.Case;
                var theta = sample.Raw.Take(spec.Size).Select(t => t * spec.Scale).ToArray();
                var v = sample.Direction.Take(spec.Size).ToArray();
                var (_, gradient) = Gradient(spec.Name, theta, sample.Seed);
                var reverse = gradient.Zip(v, (g, d) => g * d).Sum();
                double Along(double[] p) => Value(spec.Name, theta.Zip(v, (t, d) => t + (p[0] * d)).ToArray(), sample.Seed);
                if (!FiniteDifference.TryCentral(Along, new[] { 0.0 }, 0, out var forward))
                {
                    return true; // a kink (max, abs, a branch) within the step: nothing to compare
                }

                Interlocked.Increment(ref checkedCount);
                Assert.True(
                    Math.Abs(forward - reverse) <= 1e-6 * Math.Max(1, Math.Abs(forward)),
                    $"{spec.Name} (seed {sample.Seed}) at ({string.Join(", ", theta)}) along ({string.Join(", ", v)}): reverse {reverse}, directional finite difference {forward}");
                return true;
            },
            iter: 1000);

        Assert.True(checkedCount >= 750, $"only {checkedCount} of 1000 samples were smooth enough to compare");
    }

    /// <summary>
    /// The scalar helpers and the three losses with the most constructs (buffers, max, int labels;
    /// branches, break, continue, nested loops; while and do), without the array wrappers: every
    /// prefix of all the losses takes over a minute, and these cover every statement kind.
    /// </summary>
    private static string HalfTypedSource
    {
        get
        {
            var text = LoopFunctions.Source;
            string Section(string start) => text.Substring(text.IndexOf(start, StringComparison.Ordinal), NextSection(text, start));
            var header = text.Substring(0, text.IndexOf("/// <summary>Dense logistic", StringComparison.Ordinal));
            return header + Section("/// <summary>Softmax cross-entropy") + Section("/// <summary>Branches over statements") + Section("/// <summary>While and do loops"); // the last section ends with the class
        }
    }

    private static int NextSection(string text, string start)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        var next = text.IndexOf("/// <summary>", from + start.Length, StringComparison.Ordinal);
        var end = text.LastIndexOf('}', next);
        return end + 1 - from;
    }

    /// <summary>
    /// The halves a generated caller runs (<c>MGradwiseForward</c>, then <c>MGradwiseReverse</c> with a seed) give the
    /// value and the gradient of <c>MWithGradient</c>, scaled by the seed and added to what the gradient held, and
    /// leave the tape as they found it.
    /// </summary>
    [Theory]
    [MemberData(nameof(Names))]
    public void Split_halves_add_the_seed_times_the_gradient(string name)
    {
        var spec = LoopFunctions.All.Single(c => c.Name == name);
        if (!spec.HasSplit)
        {
            // A method with a double[][] parameter is not called from other [Differentiable] methods, so it gets no halves.
            Assert.Null(Run.Value.Load().GetType("Specs.L")!.GetMethod(name + "GradwiseForward", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static));
            return;
        }

        var random = new Random(name.Aggregate(29, (h, c) => unchecked((h * 31) + c)) & 0x7fffffff);
        for (var trial = 0; trial < 4; trial++)
        {
            var seed = random.Next();
            var theta = Enumerable.Range(0, spec.Size).Select(_ => spec.Scale * ((2 * random.NextDouble()) - 1)).ToArray();
            var (value, gradient) = Gradient(name, theta, seed);
            var held = Enumerable.Range(0, spec.Size).Select(k => 0.25 * k).ToArray();
            var accumulated = (double[])held.Clone();
            var forward = (double)SplitRun.Value.Invoke("Specs.Calls", name + "_Split", new object?[] { theta, seed, accumulated, -2.5 })!;
            Assert.True(Math.Abs(forward - value) <= 1e-12 * Math.Max(1, Math.Abs(value)), $"{name}: forward half {forward}, WithGradient {value}");
            for (var k = 0; k < spec.Size; k++)
            {
                var expected = held[k] - (2.5 * gradient[k]);
                Assert.True(Math.Abs(accumulated[k] - expected) <= 1e-10 * Math.Max(1, Math.Abs(expected)), $"{name}: ∂/∂θ[{k}] from the halves {accumulated[k]}, expected {expected}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Only_a_method_a_generated_caller_calls_gets_split_halves(string name)
    {
        const System.Reflection.BindingFlags Internal = System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static;
        var spec = LoopFunctions.All.Single(c => c.Name == name);
        Assert.Null(Run.Value.Load().GetType("Specs.L")!.GetMethod(name + "GradwiseForward", Internal));
        Assert.Equal(spec.HasSplit, SplitRun.Value.Load().GetType("Specs.L")!.GetMethod(name + "GradwiseForward", Internal) != null);
        if (spec.HasSplit)
        {
            Assert.DoesNotContain(SplitRun.Value.AnalyzerDiagnostics, d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains(name + "_Caller", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void A_jagged_gradient_with_a_short_row_throws_naming_it(int wrong)
    {
        var message = (string)Run.Value.Invoke("Specs.Calls", "Ragged_Misshapen", new object?[] { wrong })!;

        Assert.StartsWith("dw: dw[" + wrong + "] must have the length of w[" + wrong + "] (" + (wrong + 1) + "), not " + wrong + ".", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, 1)]
    [InlineData(2, 2)]
    public void A_rectangular_gradient_of_another_shape_throws_naming_both(int rows, int columns)
    {
        var message = (string)Run.Value.Invoke("Specs.Calls", "MatrixSoftmax_Misshapen", new object?[] { rows, columns })!;

        Assert.StartsWith("dw: dw must have the shape of w (3 × 2), not " + rows + " × " + columns + ".", message, StringComparison.Ordinal);
    }

    /// <summary>A row window is made before its loop; for a loop that runs no iteration, a row index out of range must not throw there.</summary>
    [Fact]
    public void A_row_window_of_a_loop_that_does_not_run_never_throws()
    {
        var run = GeneratorHarness.Run("""
            using Gradwise;
            public static partial class P
            {
                [Differentiable]
                public static double Guarded(double[][] w, int n)
                {
                    double s = 0;
                    int last = w.Length;
                    for (int j = 0; j < n; j++)
                    {
                        s += w[last][j];
                    }

                    return s + w[0][0] * w[0][1];
                }

                public static double[] Probe()
                {
                    var w = new[] { new[] { 2.0, 3.0 } };
                    var dw = new[] { new double[2] };
                    var v = GuardedWithGradient(w, 0, dw);
                    return new[] { v, dw[0][0], dw[0][1] };
                }
            }
            """).AssertCompiles();

        Assert.Contains("GradwiseSpan.Row(w, last)", run.Source("P.Guarded("), StringComparison.Ordinal);
        Assert.Equal(new[] { 6.0, 3.0, 2.0 }, (double[])run.Invoke("P", "Probe", Array.Empty<object?>())!);
    }

    [Fact]
    public void Half_typed_losses_never_crash()
    {
        var whole = GeneratorHarness.Run(HalfTypedSource).AssertCompiles();
        Assert.Equal(8, whole.MethodSources.Count()); // the cut source is the methods it names, complete

        HalfTypedCode.AssertNoCrashOnEveryPrefix(
            HalfTypedSource,
            new[] { new Gradwise.Generator.DifferentiableGenerator() },
            new[] { new Gradwise.Rules.DifferentiableMethodAnalyzer() });
    }

    /// <summary>Every prefix of methods whose ints change (count++ under a branch, steps of 2 and 3, while (k-- > 0)) gets a diagnostic or code, never a crash.</summary>
    [Fact]
    public void Half_typed_counters_never_crash()
    {
        var text = LoopFunctions.Source;
        string Section(string start) => text.Substring(text.IndexOf(start, StringComparison.Ordinal), NextSection(text, start));
        var header = text.Substring(0, text.IndexOf("/// <summary>Dense logistic", StringComparison.Ordinal));
        var source = header + Section("/// <summary>A mean over the rows") + Section("/// <summary>Steps of 2 and 3") + Section("/// <summary>Counting down in a while") + "\n}\n";
        var whole = GeneratorHarness.Run(source).AssertCompiles();
        Assert.Contains(whole.MethodSources, s => s.Value.Contains("CountdownWithGradient", StringComparison.Ordinal));

        HalfTypedCode.AssertNoCrashOnEveryPrefix(
            source,
            new[] { new Gradwise.Generator.DifferentiableGenerator() },
            new[] { new Gradwise.Rules.DifferentiableMethodAnalyzer() });
    }

    [Fact]
    public void Unrelated_edit_reruns_nothing() =>
        IncrementalCaching.AssertCachedAfterEdit(
            new Gradwise.Generator.DifferentiableGenerator(),
            LoopFunctions.Source,
            IncrementalCaching.AddUnrelatedFile,
            Gradwise.Generator.TrackingNames.Methods,
            Gradwise.Generator.TrackingNames.ValidMethods);

    [Fact]
    public void A_gradient_span_of_the_wrong_length_is_refused()
    {
        var error = Assert.Throws<System.Reflection.TargetInvocationException>(() => Gradient("Reductions", new double[5], 0) is var _ && Run.Value.Invoke("Specs.Calls", "Reductions_Gradient", new object?[] { new double[5], 0, new double[4] }) is var __);
        var inner = Assert.IsType<ArgumentException>(error.InnerException);
        Assert.Contains("dv must have the length of v (5), not 4", inner.Message, StringComparison.Ordinal);
    }
}
