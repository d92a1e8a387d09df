namespace Gradwise.Samples.Training;

/// <summary>One training run of the logistic model under one loss.</summary>
internal sealed record LossRun(string Loss, string Start, List<double> TrainingLoss, List<double> TestAccuracy, int? EpochsToTarget, double GradientNormAtStart);

/// <summary>
/// Experiment 2: the same logistic model, data and initial weights, trained with cross-entropy
/// and with squared error on the sigmoid output, from a neutral start and from a saturated one
/// (every logit large and of the wrong sign).
/// </summary>
internal static class LossChoice
{
    public const int Features = 20;
    public const int Epochs = 60;
    public const double Rate = 0.5;
    public const double TargetAccuracy = 0.75;

    public delegate double Objective(ReadOnlySpan<double> w, ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> gradient);

    public static readonly (string Name, Objective Objective)[] Losses =
    {
        ("cross_entropy", (w, x, y, g) => Objectives.DenseCrossEntropyWithGradient(w, x, y, g)),
        ("squared_error", (w, x, y, g) => Objectives.DenseSquaredErrorWithGradient(w, x, y, g)),
    };

    /// <summary>Weights that put every training logit far on the wrong side: minus eight times the least-squares direction of the labels.</summary>
    public static double[] SaturatedStart(double[] x, double[] y)
    {
        var w = new double[Features + 1];
        for (var j = 0; j < Features; j++)
        {
            var c = 0.0;
            for (var i = 0; i < y.Length; i++)
            {
                c += x[(i * Features) + j] * ((2 * y[i]) - 1);
            }

            w[j] = c / y.Length;
        }

        var scale = Math.Sqrt(w.Sum(v => v * v));
        for (var j = 0; j < Features; j++)
        {
            w[j] = -8 * w[j] / scale;
        }

        return w;
    }

    public static LossRun Train(string name, Objective objective, double[] start, string startName, double[] trainX, double[] trainY, double[] testX, double[] testY)
    {
        var w = (double[])start.Clone();
        var gradient = new double[w.Length];
        var losses = new List<double>();
        var accuracies = new List<double>();
        int? reached = null;
        objective(w, trainX, trainY, gradient);
        var startNorm = Math.Sqrt(gradient.Sum(g => g * g));
        for (var epoch = 1; epoch <= Epochs; epoch++)
        {
            losses.Add(objective(w, trainX, trainY, gradient));
            for (var j = 0; j < w.Length; j++)
            {
                w[j] -= Rate * gradient[j];
            }

            accuracies.Add(Accuracy(w, testX, testY));
            if (reached is null && accuracies[^1] >= TargetAccuracy)
            {
                reached = epoch;
            }
        }

        return new LossRun(name, startName, losses, accuracies, reached, startNorm);
    }

    public static double Accuracy(double[] w, double[] x, double[] y)
    {
        var correct = 0;
        for (var i = 0; i < y.Length; i++)
        {
            var z = w[Features];
            for (var j = 0; j < Features; j++)
            {
                z += w[j] * x[(i * Features) + j];
            }

            correct += (z > 0 ? 1.0 : 0.0) == y[i] ? 1 : 0;
        }

        return (double)correct / y.Length;
    }
}
