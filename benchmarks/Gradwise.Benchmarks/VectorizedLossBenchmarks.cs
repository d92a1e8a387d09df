using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using Gradwise;

namespace Gradwise.Benchmarks;

/// <summary>The two training objectives of <see cref="TrainingLosses"/>, written with one <c>TensorPrimitives.Dot</c> per row.</summary>
public static partial class VectorizedLosses
{
    /// <summary>Mean log-loss of a dense logistic regression plus an L2 penalty; the same formula as <see cref="TrainingLosses.LogisticL2"/>.</summary>
    [Differentiable]
    public static double LogisticL2(ReadOnlySpan<double> w, [NoGradient] ReadOnlySpan<double> x, [NoGradient] ReadOnlySpan<double> y, [NoGradient] double lambda)
    {
        int d = w.Length;
        int n = y.Length;
        double loss = 0;
        for (int i = 0; i < n; i++)
        {
            double z = TensorPrimitives.Dot(x.Slice(i * d, d), w);
            double p = 1.0 / (1.0 + Math.Exp(-z));
            loss -= (y[i] * Math.Log(p)) + ((1 - y[i]) * Math.Log(1 - p));
        }

        return (loss / n) + (0.5 * lambda * TensorPrimitives.SumOfSquares(w));
    }

    /// <summary>Mean softmax cross-entropy of a linear classifier with the max shift; the same formula as <see cref="TrainingLosses.SoftmaxCrossEntropy"/>.</summary>
    [Differentiable]
    public static double SoftmaxCrossEntropy(ReadOnlySpan<double> weights, ReadOnlySpan<double> bias, [NoGradient] ReadOnlySpan<double> x, ReadOnlySpan<int> labels)
    {
        int k = bias.Length;
        int d = weights.Length / k;
        int n = labels.Length;
        Span<double> s = stackalloc double[k];
        double loss = 0;
        for (int i = 0; i < n; i++)
        {
            for (int c = 0; c < k; c++)
            {
                s[c] = TensorPrimitives.Dot(weights.Slice(c * d, d), x.Slice(i * d, d)) + bias[c];
            }

            double m = s[0];
            for (int c = 1; c < k; c++)
            {
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
}

/// <summary>
/// Logistic regression with L2 (n = 2000, d = 500) written with <c>TensorPrimitives.Dot</c>: its value, its generated
/// value+gradient, and for comparison the scalar generated and hand-written value+gradient of <see cref="LogisticRegressionBenchmarks"/>.
/// </summary>
public class VectorizedLogisticBenchmarks
{
    private double[] w = Array.Empty<double>();
    private double[] x = Array.Empty<double>();
    private double[] y = Array.Empty<double>();
    private double[] gradient = Array.Empty<double>();

    [Params(2000)]
    public int N { get; set; }

    [Params(500)]
    public int D { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (w, x, y) = ProblemData.Logistic(N, D);
        gradient = new double[D];
        Agreement.Check(
            VectorizedLosses.LogisticL2WithGradient(w, x, y, 0.01, gradient), gradient,
            TrainingLosses.LogisticL2HandWritten(w, x, y, 0.01, gradient = new double[D]), gradient);
        Agreement.Check(VectorizedLosses.LogisticL2(w, x, y, 0.01), TrainingLosses.LogisticL2(w, x, y, 0.01));
    }

    [Benchmark(Baseline = true)]
    public double Value() => VectorizedLosses.LogisticL2(w, x, y, 0.01);

    [Benchmark]
    public double GeneratedValueAndGradient() => VectorizedLosses.LogisticL2WithGradient(w, x, y, 0.01, gradient);

    [Benchmark]
    public double ScalarGeneratedValueAndGradient() => TrainingLosses.LogisticL2WithGradient(w, x, y, 0.01, gradient);

    [Benchmark]
    public double ScalarHandWrittenValueAndGradient() => TrainingLosses.LogisticL2HandWritten(w, x, y, 0.01, gradient);
}

/// <summary>
/// Softmax cross-entropy (n = 1000, 10 classes, d = 500) written with <c>TensorPrimitives.Dot</c>: its value, its generated
/// value+gradient, and the scalar generated and hand-written value+gradient of the same loss.
/// </summary>
public class VectorizedSoftmaxBenchmarks
{
    private double[] weights = Array.Empty<double>();
    private double[] bias = Array.Empty<double>();
    private double[] x = Array.Empty<double>();
    private int[] labels = Array.Empty<int>();
    private double[] dWeights = Array.Empty<double>();
    private double[] dBias = Array.Empty<double>();

    [Params(1000)]
    public int N { get; set; }

    [Params(10)]
    public int K { get; set; }

    [Params(500)]
    public int D { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (weights, bias, x, labels) = ProblemData.Softmax(N, K, D);
        dWeights = new double[K * D];
        dBias = new double[K];
        var generated = VectorizedLosses.SoftmaxCrossEntropyWithGradient(weights, bias, x, labels, dWeights, dBias);
        var generatedGradient = dWeights.Concat(dBias).ToArray();
        var handWritten = TrainingLosses.SoftmaxCrossEntropyHandWritten(weights, bias, x, labels, dWeights, dBias);
        Agreement.Check(generated, generatedGradient, handWritten, dWeights.Concat(dBias).ToArray());
        Agreement.Check(VectorizedLosses.SoftmaxCrossEntropy(weights, bias, x, labels), TrainingLosses.SoftmaxCrossEntropy(weights, bias, x, labels));
    }

    [Benchmark(Baseline = true)]
    public double Value() => VectorizedLosses.SoftmaxCrossEntropy(weights, bias, x, labels);

    [Benchmark]
    public double GeneratedValueAndGradient() => VectorizedLosses.SoftmaxCrossEntropyWithGradient(weights, bias, x, labels, dWeights, dBias);

    [Benchmark]
    public double ScalarGeneratedValueAndGradient() => TrainingLosses.SoftmaxCrossEntropyWithGradient(weights, bias, x, labels, dWeights, dBias);

    [Benchmark]
    public double ScalarHandWrittenValueAndGradient() => TrainingLosses.SoftmaxCrossEntropyHandWritten(weights, bias, x, labels, dWeights, dBias);
}
