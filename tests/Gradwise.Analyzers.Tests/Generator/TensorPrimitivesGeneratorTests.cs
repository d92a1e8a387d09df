using System.Numerics.Tensors;
using Gradwise.Analyzers.Tests.Infrastructure;
using Gradwise.Symbolic.Tests;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Gradwise.Analyzers.Tests.Generator;

/// <summary>
/// <c>TensorPrimitives</c> reductions (Dot, Sum, SumOfSquares, Norm, Distance, CosineSimilarity) inside [Differentiable] methods: differentiated as
/// whole operations, their adjoints added with <c>TensorPrimitives</c> too; the folds (Max, Min, SumOfMagnitudes, the products) as loops. The oracle is finite differences of the
/// method itself (which calls the real <c>TensorPrimitives</c>), per coordinate, at random points.
/// </summary>
public sealed class TensorPrimitivesGeneratorTests
{
    /// <summary>System.Numerics.Tensors, from the package the tests reference.</summary>
    internal static readonly MetadataReference Tensors = MetadataReference.CreateFromFile(typeof(TensorPrimitives).Assembly.Location);

    private const string Source = """
        using System;
        using System.Linq;
        using System.Numerics.Tensors;
        using Gradwise;

        namespace Specs;

        public static partial class T
        {
            /// <summary>L2-regularized logistic regression, one TensorPrimitives.Dot per row.</summary>
            [Differentiable]
            public static double Logistic(ReadOnlySpan<double> w, double b, [NoGradient] ReadOnlySpan<double> x, [NoGradient] ReadOnlySpan<double> y, [NoGradient] double lambda)
            {
                int d = w.Length;
                int n = y.Length;
                double loss = 0;
                for (int i = 0; i < n; i++)
                {
                    double z = TensorPrimitives.Dot(x.Slice(i * d, d), w) + b;
                    loss += Math.Log(1 + Math.Exp(-z)) + (1 - y[i]) * z;
                }

                return loss / n + 0.5 * lambda * TensorPrimitives.SumOfSquares(w);
            }

            /// <summary>Softmax cross-entropy over arrays, a Dot per row and class into a stack buffer of scores.</summary>
            [Differentiable]
            public static double Softmax(double[] w, double[] bias, [NoGradient] double[] x, [NoGradient] int[] labels)
            {
                int k = bias.Length;
                int d = w.Length / k;
                int n = labels.Length;
                double loss = 0;
                Span<double> s = stackalloc double[k];
                for (int i = 0; i < n; i++)
                {
                    double m = double.NegativeInfinity;
                    for (int c = 0; c < k; c++)
                    {
                        s[c] = TensorPrimitives.Dot<double>(x.AsSpan(i * d, d), w.AsSpan(c * d, d)) + bias[c];
                        m = Math.Max(m, s[c]);
                    }

                    double sum = 0;
                    for (int c = 0; c < k; c++)
                    {
                        sum += Math.Exp(s[c] - m);
                    }

                    loss += Math.Log(sum) + m - s[labels[i]];
                }

                return loss / n;
            }

            /// <summary>Both arguments of a Dot differentiated, the same span twice, Sum and Norm (of a window too).</summary>
            [Differentiable]
            public static double Mixed(ReadOnlySpan<double> u, ReadOnlySpan<double> v)
            {
                double uv = TensorPrimitives.Dot(u, v);
                double uu = TensorPrimitives.Dot(u, u);
                double total = TensorPrimitives.Sum(v) * TensorPrimitives.Norm(u);
                return uv * uv + Math.Sin(uu) + total + TensorPrimitives.Norm(v.Slice(1, 2));
            }

            /// <summary>Elementwise steps into local buffers (in place too), then reductions over a buffer: loops over the elements.</summary>
            [Differentiable]
            public static double Layer(ReadOnlySpan<double> w, ReadOnlySpan<double> b, [NoGradient] ReadOnlySpan<double> x)
            {
                Span<double> h = stackalloc double[w.Length];
                Span<double> g = stackalloc double[w.Length];
                TensorPrimitives.MultiplyAdd<double>(w, x, b, h);
                TensorPrimitives.Tanh<double>(h, h);
                TensorPrimitives.Sigmoid<double>(w, g);
                TensorPrimitives.Multiply<double>(g, 2.5, g);
                TensorPrimitives.Subtract<double>(h, g, g);
                TensorPrimitives.Exp<double>(g, g);
                return TensorPrimitives.Sum<double>(g) + TensorPrimitives.Dot<double>(h, w) + TensorPrimitives.Norm<double>(h) - TensorPrimitives.SumOfSquares<double>(g);
            }

            /// <summary>Probabilities through TensorPrimitives.SoftMax into a buffer, the loss read from the label's.</summary>
            [Differentiable]
            public static double Probabilities(ReadOnlySpan<double> w, [NoGradient] ReadOnlySpan<double> x, [NoGradient] ReadOnlySpan<int> labels)
            {
                int k = 3;
                int d = w.Length / k;
                Span<double> logits = stackalloc double[k];
                Span<double> p = stackalloc double[k];
                double loss = 0;
                for (int i = 0; i < labels.Length; i++)
                {
                    for (int c = 0; c < k; c++)
                    {
                        logits[c] = TensorPrimitives.Dot(w.Slice(c * d, d), x.Slice(i * d, d));
                    }

                    TensorPrimitives.SoftMax<double>(logits, p);
                    loss -= Math.Log(p[labels[i]]);
                }

                return loss / labels.Length;
            }

            /// <summary>A Dot of a double[][] row with a vector, per row: a loop over the row.</summary>
            [Differentiable]
            public static double Rows(double[][] a, double[] v)
            {
                double total = 0;
                for (int i = 0; i < a.Length; i++)
                {
                    double r = TensorPrimitives.Dot<double>(a[i], v);
                    total += r * r;
                }

                return total;
            }

            /// <summary>A caller of Mixed: Mixed's split halves add its kernels' adjoints, times this method's seed, into u and v.</summary>
            [Differentiable]
            public static double Outer(ReadOnlySpan<double> u, ReadOnlySpan<double> v)
            {
                double inner = Mixed(u, v);
                return 3.0 * inner + Math.Sin(inner) + TensorPrimitives.Dot(u, v);
            }

            /// <summary>
            /// A soft-margin triplet loss: Distance of two spans, both differentiated, then Distance of two local buffers
            /// (a loop over their elements) and of two windows.
            /// </summary>
            [Differentiable]
            public static double Triplet(ReadOnlySpan<double> a, ReadOnlySpan<double> p, ReadOnlySpan<double> n)
            {
                double margin = TensorPrimitives.Distance(a, p) - TensorPrimitives.Distance<double>(a, n) + 0.5;
                Span<double> ea = stackalloc double[a.Length];
                Span<double> ep = stackalloc double[a.Length];
                TensorPrimitives.Tanh<double>(a, ea);
                TensorPrimitives.Tanh<double>(p, ep);
                return Math.Log(1 + Math.Exp(margin)) + TensorPrimitives.Distance<double>(ea, ep) + TensorPrimitives.Distance(a.Slice(1, 2), n.Slice(0, 2));
            }

            /// <summary>
            /// A cosine embedding loss: CosineSimilarity of two spans, of two windows, and of a local buffer with a span (a loop
            /// over their elements).
            /// </summary>
            [Differentiable]
            public static double Cosine(ReadOnlySpan<double> u, ReadOnlySpan<double> v)
            {
                Span<double> e = stackalloc double[u.Length];
                TensorPrimitives.Tanh<double>(u, e);
                double far = 1 - TensorPrimitives.CosineSimilarity(u, v);
                return far + 0.5 * TensorPrimitives.CosineSimilarity(u.Slice(0, 2), v.Slice(1, 2)) + TensorPrimitives.CosineSimilarity<double>(e, v);
            }

            /// <summary>
            /// The folds, loops over the elements wherever they are: Max of a parameter and of a ReLU buffer (elementwise Max with 0),
            /// Min of a window, an L1 penalty (SumOfMagnitudes), Product, ProductOfSums, ProductOfDifferences; and the elementwise
            /// Clamp, Pow, AddMultiply, Min and Reciprocal into local buffers.
            /// </summary>
            [Differentiable]
            public static double Folds(ReadOnlySpan<double> w, ReadOnlySpan<double> v)
            {
                Span<double> h = stackalloc double[w.Length];
                Span<double> c = stackalloc double[w.Length];
                Span<double> r = stackalloc double[w.Length];
                TensorPrimitives.Max<double>(w, 0.0, h);
                TensorPrimitives.Clamp<double>(v, -0.5, 0.5, c);
                TensorPrimitives.Pow<double>(c, 3.0, c);
                TensorPrimitives.AddMultiply<double>(h, c, v, c);
                TensorPrimitives.Min<double>(c, w, c);
                TensorPrimitives.Exp<double>(v, r);
                TensorPrimitives.Reciprocal<double>(r, r);
                double top = TensorPrimitives.Max(w) + 0.5 * TensorPrimitives.Max<double>(h) - TensorPrimitives.Min(v.Slice(1, 2));
                double l1 = 0.1 * TensorPrimitives.SumOfMagnitudes(w);
                return top + l1 + TensorPrimitives.Product(v) + TensorPrimitives.ProductOfSums(w, v) + TensorPrimitives.ProductOfDifferences<double>(c, w)
                    + TensorPrimitives.Sum<double>(c) + TensorPrimitives.Dot<double>(r, h);
            }

            /// <summary>
            /// A layer norm: Average and StdDev (the population deviation, loops over a parameter and a window), then the elementwise
            /// FusedMultiplyAdd, ReciprocalSqrt, Lerp and Clamp (as TensorPrimitives computes it) into local buffers.
            /// </summary>
            [Differentiable]
            public static double Normalized(ReadOnlySpan<double> x, ReadOnlySpan<double> gamma)
            {
                Span<double> h = stackalloc double[x.Length];
                Span<double> r = stackalloc double[x.Length];
                double mean = TensorPrimitives.Average(x);
                double sd = TensorPrimitives.StdDev<double>(x);
                TensorPrimitives.Subtract<double>(x, mean, h);
                TensorPrimitives.Multiply<double>(h, 1.0 / (sd + 1e-3), h);
                TensorPrimitives.FusedMultiplyAdd<double>(h, gamma, 0.5, h);
                TensorPrimitives.Exp<double>(gamma, r);
                TensorPrimitives.ReciprocalSqrt<double>(r, r);
                TensorPrimitives.Lerp<double>(h, r, 0.25, r);
                TensorPrimitives.Clamp<double>(r, -0.75, 0.75, r);
                return TensorPrimitives.SumOfSquares<double>(r) + TensorPrimitives.Average<double>(h) * TensorPrimitives.StdDev(gamma.Slice(1, 3));
            }

            /// <summary>
            /// A stable softmax cross-entropy per row: the scores' Max shifts them (its derivative cancels in the loss, whichever
            /// element it goes to), then Exp, Sum and the log of the sum; a multiclass hinge on the same scores.
            /// </summary>
            [Differentiable]
            public static double Shifted(ReadOnlySpan<double> w, [NoGradient] ReadOnlySpan<double> x, [NoGradient] ReadOnlySpan<int> labels)
            {
                int k = 3;
                int d = w.Length / k;
                Span<double> s = stackalloc double[k];
                Span<double> e = stackalloc double[k];
                double loss = 0;
                for (int i = 0; i < labels.Length; i++)
                {
                    for (int c = 0; c < k; c++)
                    {
                        s[c] = TensorPrimitives.Dot(w.Slice(c * d, d), x.Slice(i * d, d));
                    }

                    double m = TensorPrimitives.Max<double>(s);
                    TensorPrimitives.Subtract<double>(s, m, e);
                    TensorPrimitives.Exp<double>(e, e);
                    loss += m + Math.Log(TensorPrimitives.Sum<double>(e)) - s[labels[i]];
                    TensorPrimitives.Add<double>(s, 1.0 - s[labels[i]], e);
                    loss += 0.1 * TensorPrimitives.Max<double>(e);
                }

                return loss / labels.Length;
            }

            /// <summary>
            /// An LSTM cell with its four gates in one buffer: a Dot per gate row, then Sigmoid and Tanh in place into slices of it,
            /// the cell from slices, and the hidden state written into the forget gate's slice (the calls into slices are loops).
            /// </summary>
            [Differentiable]
            public static double Cell(ReadOnlySpan<double> w, ReadOnlySpan<double> c0, [NoGradient] ReadOnlySpan<double> x)
            {
                int h = c0.Length;
                int d = x.Length;
                Span<double> g = stackalloc double[4 * h];
                for (int r = 0; r < 4 * h; r++)
                {
                    g[r] = TensorPrimitives.Dot(w.Slice(r * d, d), x);
                }

                TensorPrimitives.Sigmoid<double>(g.Slice(0, h), g.Slice(0, h));
                TensorPrimitives.Sigmoid<double>(g.Slice(h, h), g.Slice(h, h));
                TensorPrimitives.Tanh<double>(g.Slice(2 * h, h), g.Slice(2 * h, h));
                TensorPrimitives.Sigmoid<double>(g.Slice(3 * h), g.Slice(3 * h));
                Span<double> c = stackalloc double[h];
                TensorPrimitives.Multiply<double>(g.Slice(0, h), c0, c);
                TensorPrimitives.MultiplyAdd<double>(g.Slice(h, h), g.Slice(2 * h, h), c, c);
                TensorPrimitives.Tanh<double>(c, c);
                TensorPrimitives.Multiply<double>(g.Slice(3 * h, h), c, g.Slice(0, h));
                return TensorPrimitives.SumOfSquares<double>(g.Slice(0, h)) + TensorPrimitives.Sum<double>(c) + g[2 * h];
            }

            /// <summary>The same cell with a named view of each gate's slice (<c>Span&lt;double&gt; forget = g.Slice(0, h)</c>), read and written through the views.</summary>
            [Differentiable]
            public static double CellViews(ReadOnlySpan<double> w, ReadOnlySpan<double> c0, [NoGradient] ReadOnlySpan<double> x)
            {
                int h = c0.Length;
                int d = x.Length;
                Span<double> g = stackalloc double[4 * h];
                for (int r = 0; r < 4 * h; r++)
                {
                    g[r] = TensorPrimitives.Dot(w.Slice(r * d, d), x);
                }

                Span<double> forget = g.Slice(0, h);
                Span<double> input = g.Slice(h, h);
                Span<double> candidate = g.Slice(2 * h, h);
                Span<double> output = g.Slice(3 * h);
                TensorPrimitives.Sigmoid<double>(forget, forget);
                TensorPrimitives.Sigmoid<double>(input, input);
                TensorPrimitives.Tanh<double>(candidate, candidate);
                TensorPrimitives.Sigmoid<double>(output, output);
                Span<double> c = stackalloc double[h];
                for (int k = 0; k < h; k++)
                {
                    c[k] = forget[k] * c0[k] + input[k] * candidate[k];
                }

                TensorPrimitives.Tanh<double>(c, c);
                for (int k = 0; k < h; k++)
                {
                    forget[k] = output[k] * c[k];
                }

                return TensorPrimitives.SumOfSquares<double>(forget) + TensorPrimitives.Sum<double>(c) + g[2 * h];
            }

            /// <summary>Clamp with a bound given by the caller, into a local buffer.</summary>
            [Differentiable]
            public static double ClampedBy(ReadOnlySpan<double> w, [NoGradient] double low)
            {
                Span<double> c = stackalloc double[w.Length];
                TensorPrimitives.Clamp<double>(w, low, 1.0, c);
                return TensorPrimitives.Sum<double>(c);
            }

            /// <summary>ReLU written as a clamp with no upper bound, as public code writes it, then squared.</summary>
            [Differentiable]
            public static double ClampedRelu(ReadOnlySpan<double> w)
            {
                Span<double> h = stackalloc double[w.Length];
                TensorPrimitives.Clamp<double>(w, 0.0, double.PositiveInfinity, h);
                return TensorPrimitives.Dot<double>(h, w) + TensorPrimitives.Sum<double>(h);
            }

            /// <summary>The largest of the scores, alone: its gradient is 1 at the first greatest element.</summary>
            [Differentiable]
            public static double Largest(ReadOnlySpan<double> w) => TensorPrimitives.Max(w) - TensorPrimitives.Min(w);

            // Wrappers over one flat theta, with the data fixed.
            private static readonly double[] X = { 0.5, -1.0, 0.25, 2.0, -0.75, 1.5, 1.0, -0.5, 0.125, 0.3, -0.2, 0.9 };
            private static readonly double[] Y = { 1, 0, 1, 0 };
            private static readonly int[] Labels = { 2, 0, 1, 2 };

            public static double LogisticValue(double[] t) => Logistic(t.AsSpan(0, 3), t[3], X, Y, 0.1);
            public static double LogisticGradient(double[] t, double[] g)
            {
                double v = LogisticWithGradient(t.AsSpan(0, 3), t[3], X, Y, 0.1, g.AsSpan(0, 3), out double db);
                g[3] = db;
                return v;
            }

            public static double SoftmaxValue(double[] t) => Softmax(t[0..9], t[9..12], X, Labels);
            public static double SoftmaxGradient(double[] t, double[] g)
            {
                var dw = new double[9];
                var db = new double[3];
                double v = SoftmaxWithGradient(t[0..9], t[9..12], X, Labels, dw, db);
                dw.CopyTo(g, 0);
                db.CopyTo(g, 9);
                return v;
            }

            public static double LayerValue(double[] t) => Layer(t.AsSpan(0, 4), t.AsSpan(4, 4), X.AsSpan(0, 4));
            public static double LayerGradient(double[] t, double[] g) => LayerWithGradient(t.AsSpan(0, 4), t.AsSpan(4, 4), X.AsSpan(0, 4), g.AsSpan(0, 4), g.AsSpan(4, 4));

            public static double ProbabilitiesValue(double[] t) => Probabilities(t, X, Labels.AsSpan(0, 3));
            public static double ProbabilitiesGradient(double[] t, double[] g) => ProbabilitiesWithGradient(t, X, Labels.AsSpan(0, 3), g);

            private static double[][] RowsOf(double[] t) => new[] { t[0..3], t[3..6] };
            public static double RowsValue(double[] t) => Rows(RowsOf(t), t[6..9]);
            public static double RowsGradient(double[] t, double[] g)
            {
                var da = new[] { new double[3], new double[3] };
                var dv = new double[3];
                double value = RowsWithGradient(RowsOf(t), t[6..9], da, dv);
                da[0].CopyTo(g, 0);
                da[1].CopyTo(g, 3);
                dv.CopyTo(g, 6);
                return value;
            }

            public static double OuterValue(double[] t) => Outer(t.AsSpan(0, 4), t.AsSpan(4, 4));
            public static double OuterGradient(double[] t, double[] g) => OuterWithGradient(t.AsSpan(0, 4), t.AsSpan(4, 4), g.AsSpan(0, 4), g.AsSpan(4, 4));

            public static double TripletValue(double[] t) => Triplet(t.AsSpan(0, 3), t.AsSpan(3, 3), t.AsSpan(6, 3));
            public static double TripletGradient(double[] t, double[] g) => TripletWithGradient(t.AsSpan(0, 3), t.AsSpan(3, 3), t.AsSpan(6, 3), g.AsSpan(0, 3), g.AsSpan(3, 3), g.AsSpan(6, 3));

            // u[0] and v[1] moved to [1, 3]: every vector and window a cosine is taken of has norm 1 or more, where the cosine
            // is smooth enough for finite differences (near the zero vector its curvature grows as 1 / norm²).
            private static double[] Away(double[] t) => t.Select((x, i) => i is 0 or 4 ? x + 2.0 : x).ToArray();
            public static double CosineValue(double[] t) => Cosine(Away(t).AsSpan(0, 3), Away(t).AsSpan(3, 3));
            public static double CosineGradient(double[] t, double[] g) => CosineWithGradient(Away(t).AsSpan(0, 3), Away(t).AsSpan(3, 3), g.AsSpan(0, 3), g.AsSpan(3, 3));

            public static double FoldsValue(double[] t) => Folds(t.AsSpan(0, 4), t.AsSpan(4, 4));
            public static double FoldsGradient(double[] t, double[] g) => FoldsWithGradient(t.AsSpan(0, 4), t.AsSpan(4, 4), g.AsSpan(0, 4), g.AsSpan(4, 4));

            public static double NormalizedValue(double[] t) => Normalized(t.AsSpan(0, 4), t.AsSpan(4, 4));
            public static double NormalizedGradient(double[] t, double[] g) => NormalizedWithGradient(t.AsSpan(0, 4), t.AsSpan(4, 4), g.AsSpan(0, 4), g.AsSpan(4, 4));

            public static double ShiftedValue(double[] t) => Shifted(t, X, Labels.AsSpan(0, 3));
            public static double ShiftedGradient(double[] t, double[] g) => ShiftedWithGradient(t, X, Labels.AsSpan(0, 3), g);

            public static double CellValue(double[] t) => Cell(t.AsSpan(0, 24), t.AsSpan(24, 2), X.AsSpan(0, 3));
            public static double CellGradient(double[] t, double[] g) => CellWithGradient(t.AsSpan(0, 24), t.AsSpan(24, 2), X.AsSpan(0, 3), g.AsSpan(0, 24), g.AsSpan(24, 2));

            public static double CellViewsValue(double[] t) => CellViews(t.AsSpan(0, 24), t.AsSpan(24, 2), X.AsSpan(0, 3));
            public static double CellViewsGradient(double[] t, double[] g) => CellViewsWithGradient(t.AsSpan(0, 24), t.AsSpan(24, 2), X.AsSpan(0, 3), g.AsSpan(0, 24), g.AsSpan(24, 2));

            public static double ClampedValue(double[] t, double low) => ClampedBy(t, low);
            public static double ClampedGradient(double[] t, double low, double[] g) => ClampedByWithGradient(t, low, g);

            public static double ClampedReluValue(double[] t) => ClampedRelu(t);
            public static double ClampedReluGradient(double[] t, double[] g) => ClampedReluWithGradient(t, g);

            public static double LargestValue(double[] t) => Largest(t);
            public static double LargestGradient(double[] t, double[] g) => LargestWithGradient(t, g);

            public static double MixedValue(double[] t) => Mixed(t.AsSpan(0, 4), t.AsSpan(4, 4));
            public static double MixedGradient(double[] t, double[] g) => MixedWithGradient(t.AsSpan(0, 4), t.AsSpan(4, 4), g.AsSpan(0, 4), g.AsSpan(4, 4));
        }
        """;

    private static readonly Lazy<GeneratorRun> Run = new(() => GeneratorHarness.RunWith(new[] { Tensors }, Source));

    [Fact]
    public void Reductions_are_generated_with_TensorPrimitives_in_the_reverse_sweep()
    {
        Assert.Empty(Run.Value.AnalyzerDiagnostics);
        Assert.Empty(Run.Value.GeneratorDiagnostics);
        Run.Value.AssertCompiles();
        var logistic = Run.Value.Source("T.Logistic(");
        var withGradient = logistic;
        Assert.DoesNotContain("LogisticGradwiseForward", logistic, StringComparison.Ordinal); // no generated caller: no split halves
        Assert.Contains("TensorPrimitives.Dot(x.Slice(i * d, d), w):  ∂/∂w = x.Slice(i * d, d)  (added", withGradient, StringComparison.Ordinal);
        Assert.Contains("TensorPrimitives.SumOfSquares(w):  ∂/∂w = 2 w", withGradient, StringComparison.Ordinal);

        // x is data: nothing is added for it, the Dot is not called a second time, and nothing goes on a tape.
        Assert.DoesNotContain("GradwiseTape", withGradient, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(withGradient, "TensorPrimitives.MultiplyAdd<double>("));
        Assert.Equal(1, CountOf(withGradient, "TensorPrimitives.Dot<double>("));

        // Dot(u, u) adds 2u once, not u twice.
        var mixed = Run.Value.Source("T.Mixed(");
        Assert.Contains("MixedGradwiseReverse", mixed, StringComparison.Ordinal); // Outer calls it
        Assert.Contains("TensorPrimitives.Dot(u, u):  ∂/∂u = 2 u", mixed, StringComparison.Ordinal);
        Assert.Contains("MultiplyAdd<double>(u, 2.0 * ", mixed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Logistic", 4)]
    [InlineData("Softmax", 12)]
    [InlineData("Mixed", 8)]
    [InlineData("Layer", 8)]
    [InlineData("Probabilities", 12)]
    [InlineData("Rows", 9)]
    [InlineData("Outer", 8)]
    [InlineData("Triplet", 9)]
    [InlineData("Cosine", 6)]
    [InlineData("Folds", 8)]
    [InlineData("Largest", 5)]
    [InlineData("Normalized", 8)]
    [InlineData("Shifted", 12)]
    [InlineData("Cell", 26)]
    [InlineData("CellViews", 26)]
    [InlineData("ClampedRelu", 6)]
    public void Gradient_agrees_with_finite_differences(string name, int size)
    {
        var random = new Random((size * 7919) + name.Length);
        for (var trial = 0; trial < 20; trial++)
        {
            var theta = Enumerable.Range(0, size).Select(_ => (2 * random.NextDouble()) - 1).ToArray();
            double F(double[] p) => (double)Run.Value.Invoke("Specs.T", name + "Value", new object?[] { p })!;
            var g = new double[size];
            var value = (double)Run.Value.Invoke("Specs.T", name + "Gradient", new object?[] { theta, g })!;
            Assert.Equal(F(theta), value, 12);
            for (var k = 0; k < size; k++)
            {
                Assert.True(FiniteDifference.TryCentral(F, theta, k, out var fd), $"{name}: no smooth difference at θ[{k}]");
                Assert.True(Math.Abs(fd - g[k]) <= 1e-6 * Math.Max(1, Math.Abs(fd)), $"{name}: ∂/∂θ[{k}] generated {g[k]}, finite differences {fd}");
            }
        }
    }

    [Fact]
    public void Norm_of_the_zero_vector_has_the_zero_subgradient()
    {
        var g = new double[8];
        var theta = new double[] { 0, 0, 0, 0, 0.5, 0, 0, 0 };
        Run.Value.Invoke("Specs.T", "MixedGradient", new object?[] { theta, g });

        // ∂/∂u of Norm(u)·Sum(v) at u = 0 is 0 (not NaN); ∂/∂u of the rest: 2·(u·v)·v + cos(u·u)·2u = 0 at u = 0.
        Assert.All(g.Take(4), d => Assert.Equal(0.0, d));
        Assert.All(g.Skip(4), d => Assert.False(double.IsNaN(d)));
    }

    /// <summary>
    /// The two-span reductions over parameters run whole both ways, their partials in the doc comment; over a local buffer they are
    /// loops over its elements. Distance is called again in the reverse sweep (each of the triplet's three: 6 calls); the cosine's
    /// reverse sweep needs only the norms and a Dot (its 2 calls are the forward sweep's).
    /// </summary>
    [Theory]
    [InlineData("T.Triplet(", "TensorPrimitives.Distance(a, p):  ∂/∂a = (a − p) / ", "∂/∂p = (p − a) / ", "TensorPrimitives.Distance<double>(", 6, "Distance<double>(ea")]
    [InlineData("T.Cosine(", "TensorPrimitives.CosineSimilarity(u, v):  ∂/∂u = v / (‖u‖ ‖v‖) − ", "∂/∂v = u / (‖u‖ ‖v‖) − ", "TensorPrimitives.CosineSimilarity<double>(", 2, "CosineSimilarity<double>(e")]
    public void Two_span_reductions_are_generated_with_TensorPrimitives_and_their_derivation(string method, string first, string second, string call, int calls, string overBuffer)
    {
        var generated = Run.Value.Source(method);
        Assert.Contains(first, generated, StringComparison.Ordinal);
        Assert.Contains(second, generated, StringComparison.Ordinal);
        Assert.Equal(calls, CountOf(generated, call));
        Assert.DoesNotContain(overBuffer, generated, StringComparison.Ordinal);
        Assert.Contains("TensorPrimitives.MultiplyAdd<double>(", generated, StringComparison.Ordinal);
    }

    /// <summary>The whole generated code of the two-span reductions' methods, against committed snapshots.</summary>
    [Theory]
    [InlineData("Triplet")]
    [InlineData("Cosine")]
    public void Generated_code_matches_snapshot(string method) =>
        SnapshotVerifier.Verify(Run.Value.Source("T." + method + "("), method);

    [Fact]
    public void Distance_where_its_arguments_meet_has_the_zero_subgradient()
    {
        // a = p = n = 0: every Distance is 0 and its subgradient of least norm is 0 (not NaN); the rest of the loss,
        // log(1 + e^(d(a,p) − d(a,n) + 0.5)), has the derivatives of those distances as its only factors, so the whole
        // gradient is 0.
        var g = new double[9];
        Run.Value.Invoke("Specs.T", "TripletGradient", new object?[] { new double[9], g });
        Assert.All(g, d => Assert.Equal(0.0, d));
    }

    [Fact]
    public void Norm_of_a_zero_local_buffer_has_the_zero_subgradient_too()
    {
        // Layer at θ = 0: h = tanh(w ⊙ x + b) = 0, so Norm(h), a loop over the buffer, is at its kink; its part of ∂/∂w and
        // ∂/∂b is 0 there, as the whole operation's is, so the gradient is finite and agrees with one-sided differences.
        var g = new double[8];
        Run.Value.Invoke("Specs.T", "LayerGradient", new object?[] { new double[8], g });
        Assert.All(g, d => Assert.True(double.IsFinite(d), $"{d}"));
    }

    [Theory]
    [InlineData(new[] { 1.0, -2.0, 1.0, 0.5 }, new[] { 1.0, 0.0, 0.0, 0.0 }, new[] { 0.0, 1.0, 0.0, 0.0 })] // a tie: the first of the greatest
    [InlineData(new[] { 0.0, 0.0, 0.0, 0.0 }, new[] { 1.0, 0.0, 0.0, 0.0 }, new[] { 1.0, 0.0, 0.0, 0.0 })] // all tied: Max and Min both at the first
    [InlineData(new[] { -1.0, 3.0, 2.0, 3.0 }, new[] { 0.0, 1.0, 0.0, 0.0 }, new[] { 1.0, 0.0, 0.0, 0.0 })]
    public void Max_and_Min_give_their_whole_derivative_to_the_first_extreme_element(double[] w, double[] ofMax, double[] ofMin)
    {
        // Largest = Max(w) − Min(w): its gradient is the first greatest element's unit vector minus the first least one's, the
        // elements IndexOfMax and IndexOfMin name.
        var g = new double[w.Length];
        var value = (double)Run.Value.Invoke("Specs.T", "LargestGradient", new object?[] { w, g })!;
        Assert.Equal(TensorPrimitives.Max<double>(w) - TensorPrimitives.Min<double>(w), value);
        Assert.Equal(ofMax.Zip(ofMin, (a, b) => a - b), g);
        Assert.Equal(TensorPrimitives.IndexOfMax<double>(w), Array.IndexOf(ofMax, 1.0));
        Assert.Equal(TensorPrimitives.IndexOfMin<double>(w), Array.IndexOf(ofMin, 1.0));
    }

    [Fact]
    public void Folds_give_TensorPrimitives_values_where_it_is_not_smooth()
    {
        // A NaN element makes Max and Min NaN, as TensorPrimitives gives them, and their gradient NaN; ReLU'(0) = 0 and |x|'(0) = 0.
        var g = new double[5];
        var nan = (double)Run.Value.Invoke("Specs.T", "LargestGradient", new object?[] { new[] { 1.0, double.NaN, 2.0, 0.0, 0.0 }, g })!;
        Assert.True(double.IsNaN(nan));
        Assert.True(double.IsNaN(TensorPrimitives.Max<double>(new[] { 1.0, double.NaN, 2.0 })));

        var theta = new double[] { 0, 0, 0, 0, 0.25, -0.25, 0.75, 0.1 };
        var atZero = new double[8];
        var value = (double)Run.Value.Invoke("Specs.T", "FoldsGradient", new object?[] { theta, atZero })!;
        Assert.Equal((double)Run.Value.Invoke("Specs.T", "FoldsValue", new object?[] { theta })!, value, 12);
        Assert.All(atZero, d => Assert.True(double.IsFinite(d), $"{d}"));

        // StdDev where every element is the mean: 0, as TensorPrimitives gives it, with the derivative 0 there (not NaN), so the
        // gradient of the layer norm is finite; the values are TensorPrimitives' own.
        var flat = new double[] { 0.5, 0.5, 0.5, 0.5, 0.2, 0.2, 0.2, 0.2 };
        var atFlat = new double[8];
        var flatValue = (double)Run.Value.Invoke("Specs.T", "NormalizedGradient", new object?[] { flat, atFlat })!;
        Assert.Equal(0.0, TensorPrimitives.StdDev<double>(flat.AsSpan(0, 4)));
        Assert.Equal((double)Run.Value.Invoke("Specs.T", "NormalizedValue", new object?[] { flat })!, flatValue, 12);
        Assert.All(atFlat, d => Assert.True(double.IsFinite(d), $"{d}"));

    }

    [Fact]
    public void A_cell_written_through_views_is_the_cell_written_with_slices()
    {
        // The two cells compute the same function; their gradients agree to rounding at random points.
        var random = new Random(26);
        for (var trial = 0; trial < 5; trial++)
        {
            var theta = Enumerable.Range(0, 26).Select(_ => (2 * random.NextDouble()) - 1).ToArray();
            var (sliced, viewed) = (new double[26], new double[26]);
            var a = (double)Run.Value.Invoke("Specs.T", "CellGradient", new object?[] { theta, sliced })!;
            var b = (double)Run.Value.Invoke("Specs.T", "CellViewsGradient", new object?[] { theta, viewed })!;
            Assert.Equal(a, b, 12);
            Assert.All(sliced.Zip(viewed), pair => Assert.Equal(pair.First, pair.Second, 12));
        }
    }

    [Fact]
    public void Relu_written_as_a_clamp_has_derivative_0_at_0()
    {
        // Clamp(w, 0, +∞) at w = (0, −1, 2): h = (0, 0, 2); ∂/∂w of Dot(h, w) + Sum(h) is (0, 0, 2·2 + 1): ReLU'(0) = 0 at the bound.
        var g = new double[3];
        var value = (double)Run.Value.Invoke("Specs.T", "ClampedReluGradient", new object?[] { new[] { 0.0, -1.0, 2.0 }, g })!;
        Assert.Equal(6.0, value);
        Assert.Equal(new[] { 0.0, 0.0, 5.0 }, g);
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(double.NaN)] // NaN, as TensorPrimitives gives it (Math.Clamp would ignore the bound)
    [InlineData(2.0)] // a lower bound above the upper one: every element is the upper bound (Math.Clamp would throw)
    public void Clamp_is_computed_as_TensorPrimitives_computes_it(double low)
    {
        var w = new[] { 0.25, -0.75, 1.5 };
        var g = new double[3];
        var generated = (double)Run.Value.Invoke("Specs.T", "ClampedGradient", new object?[] { w, low, g })!;
        var expected = (double)Run.Value.Invoke("Specs.T", "ClampedValue", new object?[] { w, low })!;
        Assert.Equal(expected, generated);
    }

    [Theory]
    [InlineData("return TensorPrimitives.MaxMagnitude<double>(w);", "the call to 'TensorPrimitives.MaxMagnitude'")]
    [InlineData("Span<double> v = e.Slice(0, 1); v = e.Slice(1, 1); TensorPrimitives.Exp<double>(w.Slice(0, 1), v); return e[1];", "the span 'v'")] // a view pointed elsewhere
    [InlineData("TensorPrimitives.Hypot<double>(w, w, e); return e[0];", "the call to 'TensorPrimitives.Hypot'")]
    [InlineData("return w[0] > 0 ? TensorPrimitives.Max<double>(w) : 0.0;", "the call to 'TensorPrimitives.Max' inside a condition or ?: expression")]
    [InlineData("TensorPrimitives.Exp<double>(w, new double[w.Length]); return e[0];", "the destination 'new double[w.Length]'")]
    [InlineData("TensorPrimitives.Exp<float>(f, f); return e[0];", "the destination 'f'")]
    [InlineData("return w.Length > 1 ? TensorPrimitives.Sum(w) : 0.0;", "the call to 'TensorPrimitives.Sum' inside a condition or ?: expression")]
    public void Unsupported_uses_are_GW9003_naming_them(string body, string named)
    {
        var source = """
            using System;
            using System.Numerics.Tensors;
            using Gradwise;

            public static partial class U
            {
                [Differentiable]
                public static double F(ReadOnlySpan<double> w, [NoGradient] float[] f)
                {
                    Span<double> e = stackalloc double[w.Length];
            """ + "\n        " + body + "\n    }\n}\n";
        var run = GeneratorHarness.RunWith(new[] { Tensors }, source);
        var diagnostic = Assert.Single(run.AnalyzerDiagnostics);
        Assert.Equal("GW9003", diagnostic.Id);
        Assert.Contains(named, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(run.MethodSources);
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void Half_typed_calls_do_not_crash() =>
        HalfTypedCode.AssertNoCrashOnEveryPrefix(
            Source[..Source.IndexOf("/// <summary>Both arguments", StringComparison.Ordinal)] + "}\n",
            new[] { new Gradwise.Generator.DifferentiableGenerator() },
            new Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer[] { new Gradwise.Rules.DifferentiableMethodAnalyzer() },
            references: new[] { Tensors });

    /// <summary>The folds and elementwise calls, and the cell written through views of a buffer, typed one character at a time.</summary>
    [Fact]
    public void Half_typed_folds_and_views_do_not_crash()
    {
        string Section(string from, string to)
        {
            var start = Source.LastIndexOf("/// <summary>", Source.IndexOf(from, StringComparison.Ordinal), StringComparison.Ordinal);
            var end = Source.LastIndexOf("/// <summary>", Source.IndexOf(to, StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.True(start > 0 && end > start);
            return Source[start..end];
        }

        HalfTypedCode.AssertNoCrashOnEveryPrefix(
            Source[..Source.IndexOf("/// <summary>L2-regularized", StringComparison.Ordinal)] + Section("/// The folds, loops over", "/// A layer norm")
                + Section("/// <summary>The same cell with a named view", "/// <summary>Clamp with a bound") + "}\n",
            new[] { new Gradwise.Generator.DifferentiableGenerator() },
            new Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer[] { new Gradwise.Rules.DifferentiableMethodAnalyzer() },
            references: new[] { Tensors });
    }

    /// <summary>How many times <paramref name="part"/> occurs in <paramref name="text"/>.</summary>
    internal static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
