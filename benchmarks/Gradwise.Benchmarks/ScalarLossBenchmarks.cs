using BenchmarkDotNet.Attributes;
using Gradwise;

namespace Gradwise.Benchmarks;

public static partial class BenchmarkLosses
{
    [Differentiable]
    public static double LogLoss([NoGradient] double y, double z) => Math.Log(1 + Math.Exp(z)) - y * z;

    /// <summary>What a careful person writes by hand: one exp shared by value and derivative.</summary>
    public static double LogLossHandWritten(double y, double z, out double dz)
    {
        var e = Math.Exp(z);
        dz = (e / (1 + e)) - y;
        return Math.Log(1 + e) - y * z;
    }
}

/// <summary>Generated value-and-gradient against the hand-written one, over a batch of logits (ratios in one run).</summary>
[MemoryDiagnoser]
public class ScalarLossBenchmarks
{
    private double[] logits = Array.Empty<double>();
    private double[] labels = Array.Empty<double>();

    [Params(4096)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        logits = Enumerable.Range(0, N).Select(_ => (random.NextDouble() * 8) - 4).ToArray();
        labels = Enumerable.Range(0, N).Select(_ => random.NextDouble() < 0.5 ? 0.0 : 1.0).ToArray();
    }

    [Benchmark(Baseline = true)]
    public double HandWritten()
    {
        var sum = 0.0;
        for (var i = 0; i < logits.Length; i++)
        {
            sum += BenchmarkLosses.LogLossHandWritten(labels[i], logits[i], out var dz) + dz;
        }

        return sum;
    }

    [Benchmark]
    public double Generated()
    {
        var sum = 0.0;
        for (var i = 0; i < logits.Length; i++)
        {
            sum += BenchmarkLosses.LogLossWithGradient(labels[i], logits[i], out var dz) + dz;
        }

        return sum;
    }
}
