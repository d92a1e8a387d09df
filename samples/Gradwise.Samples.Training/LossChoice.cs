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

/// <summary>The four accuracies of experiment 4.</summary>
internal sealed record DistillationResult(double Teacher, double StudentHardLabels, double StudentDistilled, double StudentDistilledWithoutT2, double Temperature, int StudentHidden, int TeacherHidden);

/// <summary>
/// Experiment 4: a teacher network (32 hidden units) trained on 4,000 rows; a student (4 hidden
/// units) trained on 300 of them, on the hard labels, or distilled from the teacher's softened
/// outputs at temperature T with the T² scaling, and without it. Same student initialization for all three.
/// </summary>
internal static class Distillation
{
    public const int Inputs = 8;
    public const int Classes = 4;
    public const double Temperature = 4;
    public const double Alpha = 0.3;

    private sealed class Network
    {
        public Network(int hidden, int seed)
        {
            var random = new Random(seed);
            W1 = Enumerable.Range(0, hidden * Inputs).Select(_ => Data.Normal(random) / Math.Sqrt(Inputs)).ToArray();
            B1 = new double[hidden];
            W2 = Enumerable.Range(0, Classes * hidden).Select(_ => Data.Normal(random) / Math.Sqrt(hidden)).ToArray();
            B2 = new double[Classes];
        }

        public double[] W1 { get; }

        public double[] B1 { get; }

        public double[] W2 { get; }

        public double[] B2 { get; }

        public double[] Scores(double[] x, int row)
        {
            var h = B1.Length;
            var hidden = new double[h];
            for (var u = 0; u < h; u++)
            {
                var a = B1[u];
                for (var j = 0; j < Inputs; j++)
                {
                    a += W1[(u * Inputs) + j] * x[(row * Inputs) + j];
                }

                hidden[u] = Math.Tanh(a);
            }

            var scores = new double[Classes];
            for (var c = 0; c < Classes; c++)
            {
                scores[c] = B2[c];
                for (var u = 0; u < h; u++)
                {
                    scores[c] += W2[(c * h) + u] * hidden[u];
                }
            }

            return scores;
        }

        public double Accuracy(double[] x, int[] y)
        {
            var correct = 0;
            for (var i = 0; i < y.Length; i++)
            {
                var s = Scores(x, i);
                var best = Array.IndexOf(s, s.Max());
                correct += best == y[i] ? 1 : 0;
            }

            return (double)correct / y.Length;
        }

        /// <summary>Adam on the flat parameter groups, with the gradients the generator wrote.</summary>
        public void Train(int epochs, double rate, Func<double[], double[], double[], double[], double> step)
        {
            var groups = new[] { W1, B1, W2, B2 };
            var gradients = groups.Select(g => new double[g.Length]).ToArray();
            var m = groups.Select(g => new double[g.Length]).ToArray();
            var v = groups.Select(g => new double[g.Length]).ToArray();
            for (var t = 1; t <= epochs; t++)
            {
                step(gradients[0], gradients[1], gradients[2], gradients[3]);
                for (var k = 0; k < groups.Length; k++)
                {
                    for (var j = 0; j < groups[k].Length; j++)
                    {
                        m[k][j] = (0.9 * m[k][j]) + (0.1 * gradients[k][j]);
                        v[k][j] = (0.999 * v[k][j]) + (0.001 * gradients[k][j] * gradients[k][j]);
                        var mHat = m[k][j] / (1 - Math.Pow(0.9, t));
                        var vHat = v[k][j] / (1 - Math.Pow(0.999, t));
                        groups[k][j] -= rate * mHat / (Math.Sqrt(vHat) + 1e-8);
                    }
                }
            }
        }
    }

    public static DistillationResult Run(int seed, Action<string> progress)
    {
        var (x, y) = Data.Spirals(6_000, seed);
        var teacherRows = 4_000;
        var studentRows = 300;
        var trainX = x.AsSpan(0, teacherRows * Inputs).ToArray();
        var trainY = y.AsSpan(0, teacherRows).ToArray();
        var testX = x.AsSpan(teacherRows * Inputs).ToArray();
        var testY = y.AsSpan(teacherRows).ToArray();
        var smallX = x.AsSpan(0, studentRows * Inputs).ToArray();
        var smallY = y.AsSpan(0, studentRows).ToArray();

        var teacher = new Network(32, seed + 1);
        var noSoftTargets = new double[teacherRows * Classes];
        teacher.Train(400, 0.02, (g1, g2, g3, g4) => Objectives.NetworkDistillationWithGradient(teacher.W1, teacher.B1, teacher.W2, teacher.B2, trainX, trainY, noSoftTargets, 1, 1, 0, g1, g2, g3, g4));
        progress("teacher trained");

        // The teacher's probabilities at temperature T on the student's rows: the soft targets.
        var soft = new double[studentRows * Classes];
        for (var i = 0; i < studentRows; i++)
        {
            var s = teacher.Scores(smallX, i);
            var max = s.Max();
            var e = s.Select(v => Math.Exp((v - max) / Temperature)).ToArray();
            for (var c = 0; c < Classes; c++)
            {
                soft[(i * Classes) + c] = e[c] / e.Sum();
            }
        }

        const int StudentHidden = 4;
        const int StudentEpochs = 600;
        var hard = new Network(StudentHidden, seed + 2);
        hard.Train(StudentEpochs, 0.02, (g1, g2, g3, g4) => Objectives.NetworkDistillationWithGradient(hard.W1, hard.B1, hard.W2, hard.B2, smallX, smallY, noSoftTargets, 1, 1, 0, g1, g2, g3, g4));
        var distilled = new Network(StudentHidden, seed + 2);
        distilled.Train(StudentEpochs, 0.02, (g1, g2, g3, g4) => Objectives.NetworkDistillationWithGradient(distilled.W1, distilled.B1, distilled.W2, distilled.B2, smallX, smallY, soft, Temperature, Alpha, Temperature * Temperature, g1, g2, g3, g4));
        var unscaled = new Network(StudentHidden, seed + 2);
        unscaled.Train(StudentEpochs, 0.02, (g1, g2, g3, g4) => Objectives.NetworkDistillationWithGradient(unscaled.W1, unscaled.B1, unscaled.W2, unscaled.B2, smallX, smallY, soft, Temperature, Alpha, 1.0, g1, g2, g3, g4));
        progress("students trained");

        return new DistillationResult(
            teacher.Accuracy(testX, testY),
            hard.Accuracy(testX, testY),
            distilled.Accuracy(testX, testY),
            unscaled.Accuracy(testX, testY),
            Temperature,
            StudentHidden,
            32);
    }
}
