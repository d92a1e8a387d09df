using BenchmarkDotNet.Attributes;
using Gradwise;

namespace Gradwise.Benchmarks;

/// <summary>The two training objectives of the reverse-mode issue, written the way a person writes them.</summary>
public static partial class TrainingLosses
{
    /// <summary>Mean log-loss of a dense logistic regression over a row-major batch, plus an L2 penalty.</summary>
    [Differentiable]
    public static double LogisticL2(ReadOnlySpan<double> w, [NoGradient] ReadOnlySpan<double> x, [NoGradient] ReadOnlySpan<double> y, [NoGradient] double lambda)
    {
        int d = w.Length;
        int n = y.Length;
        double loss = 0;
        for (int i = 0; i < n; i++)
        {
            double z = 0;
            for (int j = 0; j < d; j++)
            {
                z += w[j] * x[(i * d) + j];
            }

            double p = 1.0 / (1.0 + Math.Exp(-z));
            loss -= (y[i] * Math.Log(p)) + ((1 - y[i]) * Math.Log(1 - p));
        }

        double penalty = 0;
        for (int j = 0; j < d; j++)
        {
            penalty += w[j] * w[j];
        }

        return (loss / n) + (0.5 * lambda * penalty);
    }

    /// <summary>The value alone, written for speed: rows through slices and the stable log-loss.</summary>
    public static double LogisticL2Sliced(ReadOnlySpan<double> w, ReadOnlySpan<double> x, ReadOnlySpan<double> y, double lambda)
    {
        int d = w.Length;
        int n = y.Length;
        double loss = 0;
        for (int i = 0; i < n; i++)
        {
            var row = x.Slice(i * d, d);
            double z = 0;
            for (int j = 0; j < d; j++)
            {
                z += w[j] * row[j];
            }

            loss += Math.Max(z, 0) + Math.Log(1 + Math.Exp(-Math.Abs(z))) - (y[i] * z);
        }

        double penalty = 0;
        for (int j = 0; j < d; j++)
        {
            penalty += w[j] * w[j];
        }

        return (loss / n) + (0.5 * lambda * penalty);
    }

    /// <summary>What a careful person writes by hand: one pass, the residual σ(z) − y per row.</summary>
    public static double LogisticL2HandWritten(ReadOnlySpan<double> w, ReadOnlySpan<double> x, ReadOnlySpan<double> y, double lambda, Span<double> dw)
    {
        int d = w.Length;
        int n = y.Length;
        dw.Clear();
        double loss = 0;
        for (int i = 0; i < n; i++)
        {
            var row = x.Slice(i * d, d);
            double z = 0;
            for (int j = 0; j < d; j++)
            {
                z += w[j] * row[j];
            }

            // log(1 + e^z) − y z, stably; σ(z) from the same exponential.
            double e = Math.Exp(-Math.Abs(z));
            loss += Math.Max(z, 0) + Math.Log(1 + e) - (y[i] * z);
            double sigma = z >= 0 ? 1 / (1 + e) : e / (1 + e);
            double g = (sigma - y[i]) / n;
            for (int j = 0; j < d; j++)
            {
                dw[j] += g * row[j];
            }
        }

        double penalty = 0;
        for (int j = 0; j < d; j++)
        {
            penalty += w[j] * w[j];
            dw[j] += lambda * w[j];
        }

        return (loss / n) + (0.5 * lambda * penalty);
    }

    /// <summary>Mean softmax cross-entropy of a linear classifier, with the max shift.</summary>
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
                double t = bias[c];
                for (int j = 0; j < d; j++)
                {
                    t += weights[(c * d) + j] * x[(i * d) + j];
                }

                s[c] = t;
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

    /// <summary>
    /// The value alone, written for speed: rows through slices, as the hand-written gradient reads
    /// them. Value+gradient against this is the ratio that does not depend on how the user indexed.
    /// </summary>
    public static double SoftmaxCrossEntropySliced(ReadOnlySpan<double> weights, ReadOnlySpan<double> bias, ReadOnlySpan<double> x, ReadOnlySpan<int> labels)
    {
        int k = bias.Length;
        int d = weights.Length / k;
        int n = labels.Length;
        Span<double> s = stackalloc double[k];
        double loss = 0;
        for (int i = 0; i < n; i++)
        {
            var row = x.Slice(i * d, d);
            double m = double.NegativeInfinity;
            for (int c = 0; c < k; c++)
            {
                double t = bias[c];
                var wc = weights.Slice(c * d, d);
                for (int j = 0; j < d; j++)
                {
                    t += wc[j] * row[j];
                }

                s[c] = t;
                m = Math.Max(m, t);
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

    /// <summary>The hand-written gradient: probabilities minus the one-hot label, times the input.</summary>
    public static double SoftmaxCrossEntropyHandWritten(ReadOnlySpan<double> weights, ReadOnlySpan<double> bias, ReadOnlySpan<double> x, ReadOnlySpan<int> labels, Span<double> dWeights, Span<double> dBias)
    {
        int k = bias.Length;
        int d = weights.Length / k;
        int n = labels.Length;
        dWeights.Clear();
        dBias.Clear();
        Span<double> s = stackalloc double[k];
        double loss = 0;
        for (int i = 0; i < n; i++)
        {
            var row = x.Slice(i * d, d);
            double m = double.NegativeInfinity;
            for (int c = 0; c < k; c++)
            {
                double t = bias[c];
                var wc = weights.Slice(c * d, d);
                for (int j = 0; j < d; j++)
                {
                    t += wc[j] * row[j];
                }

                s[c] = t;
                m = Math.Max(m, t);
            }

            double target = s[labels[i]];
            double sum = 0;
            for (int c = 0; c < k; c++)
            {
                s[c] = Math.Exp(s[c] - m);
                sum += s[c];
            }

            loss += Math.Log(sum) + m - target;
            for (int c = 0; c < k; c++)
            {
                double g = ((s[c] / sum) - (c == labels[i] ? 1 : 0)) / n;
                dBias[c] += g;
                var dwc = dWeights.Slice(c * d, d);
                for (int j = 0; j < d; j++)
                {
                    dwc[j] += g * row[j];
                }
            }
        }

        return loss / n;
    }
}

/// <summary>Dense logistic regression with L2, n = 2000 rows, d = 500 features: value, generated value+gradient, hand-written.</summary>
public class LogisticRegressionBenchmarks
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
            TrainingLosses.LogisticL2WithGradient(w, x, y, 0.01, gradient), gradient,
            TrainingLosses.LogisticL2HandWritten(w, x, y, 0.01, gradient = new double[D]), gradient);
        Agreement.Check(TrainingLosses.LogisticL2(w, x, y, 0.01), TrainingLosses.LogisticL2Sliced(w, x, y, 0.01));
    }

    [Benchmark(Baseline = true)]
    public double Value() => TrainingLosses.LogisticL2(w, x, y, 0.01);

    [Benchmark]
    public double ValueThroughSlices() => TrainingLosses.LogisticL2Sliced(w, x, y, 0.01);

    [Benchmark]
    public double GeneratedValueAndGradient() => TrainingLosses.LogisticL2WithGradient(w, x, y, 0.01, gradient);

    [Benchmark]
    public double HandWrittenValueAndGradient() => TrainingLosses.LogisticL2HandWritten(w, x, y, 0.01, gradient);
}

/// <summary>Softmax cross-entropy, n = 1000 rows, 10 classes, d = 100 features: value, generated value+gradient, hand-written.</summary>
public class SoftmaxCrossEntropyBenchmarks
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

    [Params(100)]
    public int D { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (weights, bias, x, labels) = ProblemData.Softmax(N, K, D);
        dWeights = new double[K * D];
        dBias = new double[K];
        var generated = TrainingLosses.SoftmaxCrossEntropyWithGradient(weights, bias, x, labels, dWeights, dBias);
        var generatedGradient = dWeights.Concat(dBias).ToArray();
        var handWritten = TrainingLosses.SoftmaxCrossEntropyHandWritten(weights, bias, x, labels, dWeights, dBias);
        Agreement.Check(generated, generatedGradient, handWritten, dWeights.Concat(dBias).ToArray());
        Agreement.Check(TrainingLosses.SoftmaxCrossEntropy(weights, bias, x, labels), TrainingLosses.SoftmaxCrossEntropySliced(weights, bias, x, labels));
    }

    [Benchmark(Baseline = true)]
    public double Value() => TrainingLosses.SoftmaxCrossEntropy(weights, bias, x, labels);

    [Benchmark]
    public double ValueThroughSlices() => TrainingLosses.SoftmaxCrossEntropySliced(weights, bias, x, labels);

    [Benchmark]
    public double GeneratedValueAndGradient() => TrainingLosses.SoftmaxCrossEntropyWithGradient(weights, bias, x, labels, dWeights, dBias);

    [Benchmark]
    public double HandWrittenValueAndGradient() => TrainingLosses.SoftmaxCrossEntropyHandWritten(weights, bias, x, labels, dWeights, dBias);
}

/// <summary>
/// The only other gradient a C# user has without a native dependency: central finite differences,
/// 2d evaluations of the loss. Same problem as <see cref="LogisticRegressionBenchmarks"/> (d = 500);
/// few iterations, since one finite-difference gradient takes about a second.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class FiniteDifferenceBenchmarks
{
    private readonly LogisticRegressionBenchmarks problem = new() { N = 2000, D = 500 };
    private double[] w = Array.Empty<double>();
    private double[] x = Array.Empty<double>();
    private double[] y = Array.Empty<double>();
    private double[] gradient = Array.Empty<double>();

    [GlobalSetup]
    public void Setup()
    {
        (w, x, y) = ProblemData.Logistic(problem.N, problem.D);
        gradient = new double[problem.D];
    }

    [Benchmark(Baseline = true)]
    public double GeneratedValueAndGradient() => TrainingLosses.LogisticL2WithGradient(w, x, y, 0.01, gradient);

    [Benchmark]
    public double CentralFiniteDifferences()
    {
        var probe = (double[])w.Clone();
        for (int j = 0; j < probe.Length; j++)
        {
            double h = 1e-5 * Math.Max(1, Math.Abs(w[j]));
            probe[j] = w[j] + h;
            double up = TrainingLosses.LogisticL2(probe, x, y, 0.01);
            probe[j] = w[j] - h;
            double down = TrainingLosses.LogisticL2(probe, x, y, 0.01);
            probe[j] = w[j];
            gradient[j] = (up - down) / (2 * h);
        }

        return gradient[0];
    }
}

/// <summary>The seeded data every benchmark of a problem runs on.</summary>
internal static class ProblemData
{
    /// <summary>Weights near 0, n rows of d features in [-1, 1] (row-major), and 0/1 labels.</summary>
    public static (double[] W, double[] X, double[] Y) Logistic(int n, int d)
    {
        var random = new Random(11);
        var w = Enumerable.Range(0, d).Select(_ => ((random.NextDouble() * 2) - 1) * 0.1).ToArray();
        var x = Enumerable.Range(0, n * d).Select(_ => (random.NextDouble() * 2) - 1).ToArray();
        var y = Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.5 ? 0.0 : 1.0).ToArray();
        return (w, x, y);
    }

    /// <summary>k × d weights and k biases near 0, n rows of d features in [-1, 1] (row-major), and class labels.</summary>
    public static (double[] Weights, double[] Bias, double[] X, int[] Labels) Softmax(int n, int k, int d)
    {
        var random = new Random(13);
        var weights = Enumerable.Range(0, k * d).Select(_ => ((random.NextDouble() * 2) - 1) * 0.1).ToArray();
        var bias = Enumerable.Range(0, k).Select(_ => ((random.NextDouble() * 2) - 1) * 0.1).ToArray();
        var x = Enumerable.Range(0, n * d).Select(_ => (random.NextDouble() * 2) - 1).ToArray();
        var labels = Enumerable.Range(0, n).Select(_ => random.Next(k)).ToArray();
        return (weights, bias, x, labels);
    }
}

/// <summary>Refuses to time two gradients that do not agree.</summary>
internal static class Agreement
{
    public static void Check(double value1, double value2)
    {
        if (Math.Abs(value1 - value2) > 1e-9 * Math.Max(1, Math.Abs(value2)))
        {
            throw new InvalidOperationException($"two ways of writing the value disagree: {value1} vs {value2}");
        }
    }

    public static void Check(double value1, double[] gradient1, double value2, double[] gradient2)
    {
        var worst = gradient1.Zip(gradient2, (a, b) => Math.Abs(a - b) / Math.Max(1e-3, Math.Abs(b))).Max();
        if (Math.Abs(value1 - value2) > 1e-9 * Math.Max(1, Math.Abs(value2)) || worst > 1e-8)
        {
            throw new InvalidOperationException($"generated and hand-written disagree: values {value1} vs {value2}, worst relative gradient difference {worst}");
        }
    }
}
