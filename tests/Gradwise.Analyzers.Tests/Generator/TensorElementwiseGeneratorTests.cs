using System.Globalization;
using System.Text;
using Gradwise.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Gradwise.Analyzers.Tests.Generator;

/// <summary>
/// Elementwise <c>TensorPrimitives</c> operations into local buffers (Add … SoftMax) run whole in both sweeps: the forward sweep
/// makes the call as written, the reverse sweep adds the operation's known adjoint with <c>TensorPrimitives</c> too, where the
/// values the adjoint reads are still there; elsewhere they run as the loops they stand for. The oracle is finite differences of
/// the method itself (which calls the real <c>TensorPrimitives</c>), and random chains of operations check the choice of which
/// values are still there.
/// </summary>
public sealed class TensorElementwiseGeneratorTests
{
    private const string Source = """
        using System;
        using System.Numerics.Tensors;
        using Gradwise;

        namespace Specs;

        public static partial class E
        {
            /// <summary>Every operation, each into its own buffer, with spans and doubles as inputs (s is differentiated too).</summary>
            [Differentiable]
            public static double Ops(ReadOnlySpan<double> u, ReadOnlySpan<double> v, double s)
            {
                int n = u.Length;
                Span<double> a = stackalloc double[n];
                Span<double> b = stackalloc double[n];
                Span<double> c = stackalloc double[n];
                Span<double> m = stackalloc double[n];
                Span<double> q = stackalloc double[n];
                Span<double> r = stackalloc double[n];
                Span<double> e = stackalloc double[n];
                Span<double> l = stackalloc double[n];
                Span<double> t = stackalloc double[n];
                Span<double> g = stackalloc double[n];
                Span<double> p = stackalloc double[n];
                Span<double> z = stackalloc double[n];
                Span<double> y = stackalloc double[n];
                Span<double> f = stackalloc double[n];
                Span<double> k = stackalloc double[n];
                Span<double> o = stackalloc double[n];
                Span<double> w = stackalloc double[n];
                TensorPrimitives.Add<double>(u, v, a);
                TensorPrimitives.Subtract<double>(a, s, b);
                TensorPrimitives.Subtract<double>(s, u, c);
                TensorPrimitives.Multiply<double>(a, v, m);
                TensorPrimitives.Multiply<double>(u, s, q);
                TensorPrimitives.MultiplyAdd<double>(b, s, c, r);
                TensorPrimitives.Exp<double>(m, e);
                TensorPrimitives.Add<double>(e, 1.0, l);
                TensorPrimitives.Log<double>(l, y);
                TensorPrimitives.Tanh<double>(q, t);
                TensorPrimitives.Sigmoid<double>(r, g);
                TensorPrimitives.SoftMax<double>(c, p);
                TensorPrimitives.Negate<double>(p, z);
                TensorPrimitives.Divide<double>(e, l, f);
                TensorPrimitives.Divide<double>(q, s, k);
                TensorPrimitives.Divide<double>(1.0, l, o);
                TensorPrimitives.Sqrt<double>(l, w);
                return TensorPrimitives.Dot<double>(f, u) + TensorPrimitives.Dot<double>(k, v) + TensorPrimitives.Sum<double>(o) + TensorPrimitives.Dot<double>(w, v) + TensorPrimitives.Dot<double>(y, v) + TensorPrimitives.Sum<double>(t) + TensorPrimitives.Dot<double>(g, u) + TensorPrimitives.Dot<double>(z, v) + TensorPrimitives.Sum<double>(e);
            }

            /// <summary>A layer in place, as courses write it: h = Wx + b, then tanh, a scale, a softmax, an exp, a negation, all into h.</summary>
            [Differentiable]
            public static double InPlace(ReadOnlySpan<double> w, ReadOnlySpan<double> x, double s)
            {
                Span<double> h = stackalloc double[w.Length];
                TensorPrimitives.MultiplyAdd<double>(w, x, x, h);
                TensorPrimitives.Tanh<double>(h, h);
                TensorPrimitives.Multiply<double>(h, 1.5, h);
                TensorPrimitives.Sigmoid<double>(h, h);
                TensorPrimitives.SoftMax<double>(h, h);
                TensorPrimitives.Exp<double>(h, h);
                TensorPrimitives.Negate<double>(h, h);
                TensorPrimitives.Subtract<double>(h, x, h);
                return TensorPrimitives.Dot<double>(h, w) * s;
            }

            /// <summary>
            /// Outputs overwritten later (computed again from the input for the reverse sweep), the destination twice an input (its
            /// adjoint copied out first), windows of parameters, arrays and an array buffer.
            /// </summary>
            [Differentiable]
            public static double Overwritten(double[] u, ReadOnlySpan<double> v, double s)
            {
                double[] e = new double[u.Length];
                Span<double> g = stackalloc double[u.Length];
                Span<double> c = stackalloc double[2];
                TensorPrimitives.Exp<double>(u, e);
                TensorPrimitives.Add<double>(e, v, e);
                TensorPrimitives.Sigmoid<double>(v.Slice(1, 2), g);
                TensorPrimitives.Add<double>(g, g, g);
                TensorPrimitives.Multiply<double>(u.AsSpan(0, 2), s, c);
                TensorPrimitives.Multiply<double>(g, 3.0, g);
                return TensorPrimitives.Dot<double>(e, v) + TensorPrimitives.SumOfSquares<double>(g) + TensorPrimitives.Dot<double>(c, c);
            }

            /// <summary>The same operations in a loop that is not fused (a product over rows): the values their adjoints read go on the tape, whole.</summary>
            [Differentiable]
            public static double Looped(ReadOnlySpan<double> u, ReadOnlySpan<double> v, double s)
            {
                Span<double> h = stackalloc double[u.Length];
                double product = 1.0;
                for (int i = 0; i < 2; i++)
                {
                    TensorPrimitives.Multiply<double>(u, s + i, h);
                    TensorPrimitives.Tanh<double>(h, h);
                    TensorPrimitives.Exp<double>(h, h);
                    product *= TensorPrimitives.Dot<double>(h, v);
                }

                return product;
            }

            /// <summary>A layer that a generated caller calls.</summary>
            [Differentiable]
            public static double Layered(ReadOnlySpan<double> w, ReadOnlySpan<double> x)
            {
                Span<double> h = stackalloc double[w.Length];
                TensorPrimitives.Multiply<double>(w, x, h);
                TensorPrimitives.Tanh<double>(h, h);
                TensorPrimitives.SoftMax<double>(h, h);
                return TensorPrimitives.Dot<double>(h, x);
            }

            /// <summary>A caller of Layered, which runs in split halves: no buffer of the forward half is in scope in the reverse half.</summary>
            [Differentiable]
            public static double Caller(ReadOnlySpan<double> w, ReadOnlySpan<double> x, double s) => Layered(w, x) * Layered(x, w) * s;

            private static readonly double[] Input = { 0.8, -0.6, 1.3 };

            public static double LayerValue(double[] t) { var m = Dense.Make(t); return m.Loss(Input); }
            public static double LayerGradient(double[] t, double[] d)
            {
                var m = Dense.Make(t);
                var gradient = new Dense.Gradient(m);
                double value = m.LossWithGradient(Input, gradient);
                gradient.W.CopyTo(d, 0);
                gradient.B.CopyTo(d, 3);
                return value;
            }

            // Wrappers over one flat theta: two spans of three, and a double.
            public static double OpsValue(double[] t) => Ops(t.AsSpan(0, 3), t.AsSpan(3, 3), t[6]);
            public static double OpsGradient(double[] t, double[] d) { double v = OpsWithGradient(t.AsSpan(0, 3), t.AsSpan(3, 3), t[6], d.AsSpan(0, 3), d.AsSpan(3, 3), out d[6]); return v; }
            public static double InPlaceValue(double[] t) => InPlace(t.AsSpan(0, 3), t.AsSpan(3, 3), t[6]);
            public static double InPlaceGradient(double[] t, double[] d) { double v = InPlaceWithGradient(t.AsSpan(0, 3), t.AsSpan(3, 3), t[6], d.AsSpan(0, 3), d.AsSpan(3, 3), out d[6]); return v; }
            public static double OverwrittenValue(double[] t) => Overwritten(t[0..3], t.AsSpan(3, 3), t[6]);
            public static double OverwrittenGradient(double[] t, double[] d) { double v = OverwrittenWithGradient(t[0..3], t.AsSpan(3, 3), t[6], d.AsSpan(0, 3), d.AsSpan(3, 3), out d[6]); return v; }
            public static double LoopedValue(double[] t) => Looped(t.AsSpan(0, 3), t.AsSpan(3, 3), t[6]);
            public static double LoopedGradient(double[] t, double[] d) { double v = LoopedWithGradient(t.AsSpan(0, 3), t.AsSpan(3, 3), t[6], d.AsSpan(0, 3), d.AsSpan(3, 3), out d[6]); return v; }
            public static double CallerValue(double[] t) => Caller(t.AsSpan(0, 3), t.AsSpan(3, 3), t[6]);
            public static double CallerGradient(double[] t, double[] d) { double v = CallerWithGradient(t.AsSpan(0, 3), t.AsSpan(3, 3), t[6], d.AsSpan(0, 3), d.AsSpan(3, 3), out d[6]); return v; }
        }

        /// <summary>A layer class: its [Parameter] arrays are inputs of whole operations, their gradients the Gradient's arrays.</summary>
        public partial class Dense
        {
            [Parameter] public double[] W = new double[3];
            [Parameter] public double[] B = new double[3];

            public static Dense Make(double[] t)
            {
                var m = new Dense();
                t.AsSpan(0, 3).CopyTo(m.W);
                t.AsSpan(3, 3).CopyTo(m.B);
                return m;
            }

            [Differentiable]
            public double Loss(ReadOnlySpan<double> x)
            {
                Span<double> h = stackalloc double[W.Length];
                TensorPrimitives.MultiplyAdd<double>(W, x, B, h);
                TensorPrimitives.Tanh<double>(h, h);
                return TensorPrimitives.Dot<double>(h, W) + TensorPrimitives.SumOfSquares<double>(B);
            }
        }
        """;

    private static readonly Lazy<GeneratorRun> Run = new(() => GeneratorHarness.RunWith(new[] { TensorPrimitivesGeneratorTests.Tensors }, Source).AssertCompiles());

    [Theory]
    [InlineData("Ops")]
    [InlineData("InPlace")]
    [InlineData("Overwritten")]
    [InlineData("Looped")]
    [InlineData("Caller")]
    [InlineData("Layer")]
    public void Gradient_agrees_with_finite_differences(string name)
    {
        Assert.Empty(Run.Value.AnalyzerDiagnostics);
        GradientOracle.AgreesWithFiniteDifferences(Run.Value, "Specs.E", name + "Value", name + "Gradient", name == "Layer" ? 6 : 7, trials: 12, seed: name.Length * 131);
    }

    [Fact]
    public void A_layers_parameter_arrays_are_read_and_differentiated_whole()
    {
        var code = Run.Value.Source("Dense.Loss(");

        Assert.Contains("TensorPrimitives.MultiplyAdd<double>(this.W, x, this.B, h);", code, StringComparison.Ordinal);
        Assert.DoesNotContain("Math.Tanh(", code, StringComparison.Ordinal);
        Assert.DoesNotContain("GradwiseTape", code, StringComparison.Ordinal);
    }

    [Fact]
    public void Whole_operations_run_whole_both_ways()
    {
        var ops = Run.Value.Source("E.Ops(");
        var inPlace = Run.Value.Source("E.InPlace(");
        foreach (var code in new[] { ops, inPlace })
        {
            Assert.DoesNotContain("Math.Exp(", code, StringComparison.Ordinal);
            Assert.DoesNotContain("Math.Tanh(", code, StringComparison.Ordinal);
            Assert.DoesNotContain("Math.Log(", code, StringComparison.Ordinal);
            Assert.DoesNotContain(".Push(", code, StringComparison.Ordinal); // nothing kept element by element
        }

        // Every buffer of Ops keeps its values to the end: nothing goes on a tape.
        Assert.DoesNotContain("GradwiseTape", ops, StringComparison.Ordinal);

        // The forward sweep makes each call as written; the reverse sweep's adjoints are TensorPrimitives calls too.
        Assert.Contains("TensorPrimitives.SoftMax<double>(c, p);", ops, StringComparison.Ordinal);
        Assert.Contains("TensorPrimitives.Log<double>(l, y);", ops, StringComparison.Ordinal);
        Assert.Contains("ds += global::System.Numerics.Tensors.TensorPrimitives.Dot<double>(", ops, StringComparison.Ordinal); // Multiply(u, s, q): ∂/∂s = ⟨ḡ, u⟩
        Assert.Contains("ds -= global::System.Numerics.Tensors.TensorPrimitives.Sum<double>(", ops, StringComparison.Ordinal); // Subtract(a, s, b): ∂/∂s = −Σḡ
        Assert.Contains("p = TensorPrimitives.SoftMax(c):  x̄ = p ⊙ (ḡ − ⟨ḡ, p⟩)", ops, StringComparison.Ordinal);
        Assert.Contains("ds -= global::System.Numerics.Tensors.TensorPrimitives.Dot<double>(gw_d_k.Slice(0, n), q) / (s * s);", ops, StringComparison.Ordinal); // Divide(q, s, k)
        Assert.Contains("TensorPrimitives.Divide<double>(0.5, w.Slice(0, n), ", ops, StringComparison.Ordinal); // Sqrt(l, w): 0.5 / w

        // In place, the adjoint is turned into the input's where it is (no copy, no clearing); an output that the next step
        // replaces goes on the tape whole, one copy per step: Tanh, Sigmoid, SoftMax and Exp each read theirs back.
        Assert.DoesNotContain(".CopyTo(", inPlace, StringComparison.Ordinal);
        Assert.Contains("TensorPrimitives.Negate<double>(gw_d_h.Slice(0, w.Length), gw_d_h.Slice(0, w.Length));", inPlace, StringComparison.Ordinal);
        Assert.Equal(4, TensorPrimitivesGeneratorTests.CountOf(inPlace, ".PushSpan(h.Slice(0, w.Length));"));
        Assert.Equal(4, TensorPrimitivesGeneratorTests.CountOf(inPlace, ".PopSpan("));
    }

    /// <summary>The course-style layer in place and the every-operation method, as generated: whole calls both ways, spans on the tape.</summary>
    [Theory]
    [InlineData("InPlace")]
    [InlineData("Ops")]
    public void Generated_code_matches_snapshot(string method) =>
        SnapshotVerifier.Verify(Run.Value.Source("E." + method + "("), method);

    [Fact]
    public void An_output_overwritten_later_is_computed_again_and_a_doubly_read_destination_copies_its_adjoint()
    {
        var code = Run.Value.Source("E.Overwritten(");

        Assert.DoesNotContain("GradwiseTape", code, StringComparison.Ordinal);
        Assert.Contains("TensorPrimitives.Exp<double>(u, gw_scratch", code, StringComparison.Ordinal); // e is replaced by Add(e, v, e)
        Assert.Contains(".CopyTo(gw_scratch", code, StringComparison.Ordinal); // Add(g, g, g)
        Assert.Contains("TensorPrimitives.Exp<double>(u, e);", code, StringComparison.Ordinal); // an array parameter into an array buffer
        Assert.Contains("TensorPrimitives.Multiply<double>(global::System.MemoryExtensions.AsSpan(u, 0, 2), s, c);", code, StringComparison.Ordinal);
    }

    [Fact]
    public void In_a_loop_that_is_not_fused_and_in_split_halves_the_values_go_on_the_tape_whole()
    {
        var looped = Run.Value.Source("E.Looped(");
        Assert.Equal(3, TensorPrimitivesGeneratorTests.CountOf(looped, ".PushSpan(")); // Tanh's and Exp's outputs, and h for ∂Dot(h, v)/∂v
        Assert.DoesNotContain("Math.Tanh(", looped, StringComparison.Ordinal);
        Assert.Contains("h[k] = u[k] * (i + s);", looped, StringComparison.Ordinal); // Multiply(u, s + i, h): ∂/∂s is spread over a sum, so a loop

        // Layered is called by a generated caller: its forward half keeps the spans its reverse half reads.
        var split = Run.Value.Source("E.Layered(");
        var forward = split[split.IndexOf("double LayeredGradwiseForward(", StringComparison.Ordinal)..split.IndexOf("void LayeredGradwiseReverse(", StringComparison.Ordinal)];
        var reverse = split[split.IndexOf("void LayeredGradwiseReverse(", StringComparison.Ordinal)..];
        Assert.Equal(3, TensorPrimitivesGeneratorTests.CountOf(forward, ".PushSpan(")); // Tanh's and SoftMax's outputs, and h for ∂Dot(h, x)/∂x
        Assert.Equal(3, TensorPrimitivesGeneratorTests.CountOf(reverse, ".PopSpan("));
        Assert.DoesNotContain("Math.Tanh(", split, StringComparison.Ordinal);
    }

    /// <summary>Every prefix of a layer written with whole operations, typed from the top: a diagnostic or code, never a crash.</summary>
    [Fact]
    public void Half_typed_whole_operations_never_crash() =>
        HalfTypedCode.AssertNoCrashOnEveryPrefix(
            """
            using System;
            using System.Numerics.Tensors;
            using Gradwise;
            public static partial class H
            {
                [Differentiable]
                public static double F(ReadOnlySpan<double> w, ReadOnlySpan<double> x, double s)
                {
                    Span<double> h = stackalloc double[w.Length];
                    TensorPrimitives.MultiplyAdd<double>(w, x, s, h);
                    TensorPrimitives.Tanh<double>(h, h);
                    TensorPrimitives.SoftMax<double>(h, h);
                    return TensorPrimitives.Dot<double>(h, x) - s * TensorPrimitives.Sum<double>(h);
                }
            }
            """,
            new[] { new Gradwise.Generator.DifferentiableGenerator() },
            new Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer[] { new Gradwise.Rules.DifferentiableMethodAnalyzer() },
            references: new[] { TensorPrimitivesGeneratorTests.Tensors });

    /// <summary>
    /// Random chains of whole operations over two parameters, a double and three buffers (in place, overwritten, read after
    /// being overwritten), each against finite differences of the method itself: whichever of its three ways each operation's
    /// reverse step takes (its values where they are, computed again, or the loops), the gradient is the method's.
    /// </summary>
    [Fact]
    public void Random_chains_of_operations_agree_with_finite_differences()
    {
        var random = new Random(20261203);
        var methods = new StringBuilder();
        const int Count = 24;
        for (var m = 0; m < Count; m++)
        {
            methods.AppendLine(RandomChain(random, "R" + m.ToString(CultureInfo.InvariantCulture)));
        }

        var source = "using System;\nusing System.Numerics.Tensors;\nusing Gradwise;\nnamespace Specs;\npublic static partial class Chains\n{\n" + methods + "}\n";
        var run = GeneratorHarness.RunWith(new[] { TensorPrimitivesGeneratorTests.Tensors }, source).AssertCompiles();
        Assert.Empty(run.AnalyzerDiagnostics);
        // Every operation runs whole, and the chains take each way to their values: where they are, again, and from the tape.
        var sources = run.MethodSources.Select(s => s.Value).ToList();
        Assert.All(sources, code => Assert.DoesNotContain("Math.", code, StringComparison.Ordinal));
        Assert.Contains(sources, code => code.Contains(".PushSpan(", StringComparison.Ordinal));
        Assert.Contains(sources, code => code.Contains("(u, gw_scratch", StringComparison.Ordinal) || code.Contains("(v, gw_scratch", StringComparison.Ordinal));
        Assert.Contains(sources, code => !code.Contains("GradwiseTape", StringComparison.Ordinal));
        for (var m = 0; m < Count; m++)
        {
            var name = "R" + m.ToString(CultureInfo.InvariantCulture);
            GradientOracle.AgreesWithFiniteDifferences(run, "Specs.Chains", name + "Value", name + "Gradient", 9, trials: 3, seed: m);
        }
    }

    private static string RandomChain(Random random, string name)
    {
        string[] spans = { "u", "v", "a", "b", "c" };
        string[] buffers = { "a", "b", "c" };
        var body = new StringBuilder();
        body.AppendLine("Span<double> a = stackalloc double[4]; Span<double> b = stackalloc double[4]; Span<double> c = stackalloc double[4];");
        body.AppendLine("TensorPrimitives.Multiply<double>(u, v, a); TensorPrimitives.Add<double>(v, s, b); TensorPrimitives.Tanh<double>(u, c);");
        var steps = random.Next(3, 8);
        for (var i = 0; i < steps; i++)
        {
            string Span() => spans[random.Next(spans.Length)];
            var destination = buffers[random.Next(buffers.Length)];
            var call = random.Next(10) switch
            {
                0 => "Add<double>(" + Span() + ", " + Span(),
                1 => "Subtract<double>(" + Span() + ", " + (random.Next(2) == 0 ? "s" : Span()),
                2 => "Multiply<double>(" + Span() + ", " + (random.Next(2) == 0 ? "s" : "0.75"),
                3 => "Multiply<double>(" + Span() + ", " + Span(),
                4 => "MultiplyAdd<double>(" + Span() + ", " + Span() + ", " + Span(),
                5 => "Negate<double>(" + Span(),
                6 => "Sigmoid<double>(" + Span(),
                7 => "SoftMax<double>(" + Span(),
                8 => "Exp<double>(" + Span(),
                _ => "Tanh<double>(" + Span(),
            };
            body.AppendLine("TensorPrimitives." + call + ", " + destination + ");");
        }

        body.AppendLine("return TensorPrimitives.Dot<double>(a, v) + TensorPrimitives.Dot<double>(b, u) + TensorPrimitives.Sum<double>(c);");
        return "[Differentiable]\npublic static double " + name + "(ReadOnlySpan<double> u, ReadOnlySpan<double> v, double s)\n{\n" + body + "}\n"
            + "public static double " + name + "Value(double[] t) => " + name + "(t.AsSpan(0, 4), t.AsSpan(4, 4), t[8]);\n"
            + "public static double " + name + "Gradient(double[] t, double[] d) => " + name + "WithGradient(t.AsSpan(0, 4), t.AsSpan(4, 4), t[8], d.AsSpan(0, 4), d.AsSpan(4, 4), out d[8]);\n";
    }
}
