using BenchmarkDotNet.Attributes;
using Gradwise;

namespace Gradwise.Benchmarks;

/// <summary>
/// A two-layer network (tanh hidden layer, sigmoid output, mean log-loss), written twice: as one method,
/// and split the way a course splits it, a hidden unit per call of its own <c>[Differentiable]</c> method.
/// </summary>
public static partial class Networks
{
    /// <summary>One hidden unit: tanh(b + w · x).</summary>
    [Differentiable]
    public static double HiddenUnit(ReadOnlySpan<double> w, double b, [NoGradient] ReadOnlySpan<double> x)
    {
        double z = b;
        for (int j = 0; j < x.Length; j++)
        {
            z += w[j] * x[j];
        }

        return Math.Tanh(z);
    }

    /// <summary>The network with its hidden units computed by <see cref="HiddenUnit"/>.</summary>
    [Differentiable]
    public static double TwoLayerSplit(ReadOnlySpan<double> w1, ReadOnlySpan<double> b1, ReadOnlySpan<double> w2, double b2, [NoGradient] ReadOnlySpan<double> x, [NoGradient] ReadOnlySpan<double> y)
    {
        int h = b1.Length;
        int d = w1.Length / h;
        int n = y.Length;
        double loss = 0;
        for (int i = 0; i < n; i++)
        {
            double z = b2;
            for (int u = 0; u < h; u++)
            {
                z += w2[u] * HiddenUnit(w1.Slice(u * d, d), b1[u], x.Slice(i * d, d));
            }

            double p = 1.0 / (1.0 + Math.Exp(-z));
            loss -= (y[i] * Math.Log(p)) + ((1 - y[i]) * Math.Log(1 - p));
        }

        return loss / n;
    }

    /// <summary>The same network in one method.</summary>
    [Differentiable]
    public static double TwoLayer(ReadOnlySpan<double> w1, ReadOnlySpan<double> b1, ReadOnlySpan<double> w2, double b2, [NoGradient] ReadOnlySpan<double> x, [NoGradient] ReadOnlySpan<double> y)
    {
        int h = b1.Length;
        int d = w1.Length / h;
        int n = y.Length;
        double loss = 0;
        for (int i = 0; i < n; i++)
        {
            double z = b2;
            for (int u = 0; u < h; u++)
            {
                double a = b1[u];
                for (int j = 0; j < d; j++)
                {
                    a += w1[(u * d) + j] * x[(i * d) + j];
                }

                z += w2[u] * Math.Tanh(a);
            }

            double p = 1.0 / (1.0 + Math.Exp(-z));
            loss -= (y[i] * Math.Log(p)) + ((1 - y[i]) * Math.Log(1 - p));
        }

        return loss / n;
    }
}

/// <summary>The two-layer network, n = 500 rows, d = 64 inputs, 32 hidden units: one method against per-unit calls.</summary>
public class NetworkBenchmarks
{
    private double[] w1 = Array.Empty<double>();
    private double[] b1 = Array.Empty<double>();
    private double[] w2 = Array.Empty<double>();
    private double[] x = Array.Empty<double>();
    private double[] y = Array.Empty<double>();
    private double[] dW1 = Array.Empty<double>();
    private double[] dB1 = Array.Empty<double>();
    private double[] dW2 = Array.Empty<double>();

    [Params(500)]
    public int N { get; set; }

    [Params(64)]
    public int D { get; set; }

    [Params(32)]
    public int H { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(17);
        w1 = Enumerable.Range(0, H * D).Select(_ => ((random.NextDouble() * 2) - 1) * 0.2).ToArray();
        b1 = Enumerable.Range(0, H).Select(_ => ((random.NextDouble() * 2) - 1) * 0.1).ToArray();
        w2 = Enumerable.Range(0, H).Select(_ => ((random.NextDouble() * 2) - 1) * 0.3).ToArray();
        x = Enumerable.Range(0, N * D).Select(_ => (random.NextDouble() * 2) - 1).ToArray();
        y = Enumerable.Range(0, N).Select(_ => random.NextDouble() < 0.5 ? 0.0 : 1.0).ToArray();
        dW1 = new double[H * D];
        dB1 = new double[H];
        dW2 = new double[H];
        var whole = Networks.TwoLayerWithGradient(w1, b1, w2, 0.05, x, y, dW1, dB1, dW2, out var db2);
        var wholeGradient = dW1.Concat(dB1).Concat(dW2).Append(db2).ToArray();
        var split = Networks.TwoLayerSplitWithGradient(w1, b1, w2, 0.05, x, y, dW1, dB1, dW2, out db2);
        Agreement.Check(split, dW1.Concat(dB1).Concat(dW2).Append(db2).ToArray(), whole, wholeGradient);
    }

    [Benchmark]
    public double Value() => Networks.TwoLayer(w1, b1, w2, 0.05, x, y);

    [Benchmark(Baseline = true)]
    public double OneMethodValueAndGradient() => Networks.TwoLayerWithGradient(w1, b1, w2, 0.05, x, y, dW1, dB1, dW2, out _);

    [Benchmark]
    public double PerUnitCallsValueAndGradient() => Networks.TwoLayerSplitWithGradient(w1, b1, w2, 0.05, x, y, dW1, dB1, dW2, out _);
}
