using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using Gradwise;

namespace Gradwise.Benchmarks;

/// <summary>
/// A one-hidden-layer classifier (tanh layer, softmax output) over n samples, written twice: with elementwise
/// <c>TensorPrimitives</c> calls into buffers (<c>Tanh(h, h)</c>, <c>SoftMax(o, p)</c>), and with the same math as loops. The
/// first's generated gradient runs those calls whole both ways; the second's is the scalar generated gradient of the same loss.
/// </summary>
public static partial class LayerLosses
{
    /// <summary>Mean cross-entropy of softmax(V tanh(W x + b)), with TensorPrimitives.</summary>
    [Differentiable]
    public static double Vectorized(ReadOnlySpan<double> w, ReadOnlySpan<double> b, ReadOnlySpan<double> v, [NoGradient] ReadOnlySpan<double> x, [NoGradient] ReadOnlySpan<int> labels)
    {
        int units = b.Length;
        int d = w.Length / units;
        int k = v.Length / units;
        int n = labels.Length;
        Span<double> h = stackalloc double[units];
        Span<double> o = stackalloc double[k];
        Span<double> p = stackalloc double[k];
        double loss = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < units; j++)
            {
                h[j] = TensorPrimitives.Dot(w.Slice(j * d, d), x.Slice(i * d, d));
            }

            TensorPrimitives.Add<double>(h, b, h);
            TensorPrimitives.Tanh<double>(h, h);
            for (int c = 0; c < k; c++)
            {
                o[c] = TensorPrimitives.Dot(v.Slice(c * units, units), h);
            }

            TensorPrimitives.SoftMax<double>(o, p);
            loss -= Math.Log(p[labels[i]]);
        }

        return loss / n;
    }

    /// <summary>The same loss with the elementwise steps written as loops.</summary>
    [Differentiable]
    public static double Scalar(ReadOnlySpan<double> w, ReadOnlySpan<double> b, ReadOnlySpan<double> v, [NoGradient] ReadOnlySpan<double> x, [NoGradient] ReadOnlySpan<int> labels)
    {
        int units = b.Length;
        int d = w.Length / units;
        int k = v.Length / units;
        int n = labels.Length;
        Span<double> h = stackalloc double[units];
        Span<double> o = stackalloc double[k];
        double loss = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < units; j++)
            {
                h[j] = Math.Tanh(TensorPrimitives.Dot(w.Slice(j * d, d), x.Slice(i * d, d)) + b[j]);
            }

            double sum = 0;
            for (int c = 0; c < k; c++)
            {
                o[c] = TensorPrimitives.Dot(v.Slice(c * units, units), h);
                sum += Math.Exp(o[c]);
            }

            loss -= Math.Log(Math.Exp(o[labels[i]]) / sum);
        }

        return loss / n;
    }
}

/// <summary>The layer above: value, generated value+gradient with whole operations, and the scalar generated value+gradient.</summary>
public class VectorizedLayerBenchmarks
{
    private double[] w = Array.Empty<double>();
    private double[] b = Array.Empty<double>();
    private double[] v = Array.Empty<double>();
    private double[] x = Array.Empty<double>();
    private int[] labels = Array.Empty<int>();
    private double[] dw = Array.Empty<double>();
    private double[] db = Array.Empty<double>();
    private double[] dv = Array.Empty<double>();

    [Params(200)]
    public int N { get; set; }

    [Params(16)]
    public int D { get; set; }

    [Params(512)]
    public int Units { get; set; }

    [Params(10)]
    public int K { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        double Next() => (2 * random.NextDouble()) - 1;
        w = Enumerable.Range(0, Units * D).Select(_ => 0.3 * Next()).ToArray();
        b = Enumerable.Range(0, Units).Select(_ => 0.1 * Next()).ToArray();
        v = Enumerable.Range(0, K * Units).Select(_ => 0.1 * Next()).ToArray();
        x = Enumerable.Range(0, N * D).Select(_ => Next()).ToArray();
        labels = Enumerable.Range(0, N).Select(_ => random.Next(K)).ToArray();
        dw = new double[w.Length];
        db = new double[b.Length];
        dv = new double[v.Length];
        var vectorized = LayerLosses.VectorizedWithGradient(w, b, v, x, labels, dw, db, dv);
        var vectorizedGradient = dw.Concat(db).Concat(dv).ToArray();
        var scalar = LayerLosses.ScalarWithGradient(w, b, v, x, labels, dw, db, dv);
        Agreement.Check(vectorized, vectorizedGradient, scalar, dw.Concat(db).Concat(dv).ToArray());
        Agreement.Check(LayerLosses.Vectorized(w, b, v, x, labels), LayerLosses.Scalar(w, b, v, x, labels));
    }

    [Benchmark(Baseline = true)]
    public double Value() => LayerLosses.Vectorized(w, b, v, x, labels);

    [Benchmark]
    public double GeneratedValueAndGradient() => LayerLosses.VectorizedWithGradient(w, b, v, x, labels, dw, db, dv);

    [Benchmark]
    public double ScalarGeneratedValueAndGradient() => LayerLosses.ScalarWithGradient(w, b, v, x, labels, dw, db, dv);
}
