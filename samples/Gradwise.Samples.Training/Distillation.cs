namespace Gradwise.Samples.Training;

/// <summary>What experiment 4 measured.</summary>
internal sealed record DistillationResult(
    double Teacher,
    double StudentHardLabels,
    double StudentDistilled,
    double StudentDistilledWithoutT2,
    double Temperature,
    int StudentHidden,
    int TeacherHidden,
    TransferResult Transfer,
    IReadOnlyList<SoftGradient> SoftGradients,
    SgdResult Sgd);

/// <summary>Students on the labelled rows only, against students that also learn the teacher's soft targets on unlabelled transfer rows (Adam).</summary>
internal sealed record TransferResult(int LabelledRows, int TransferRows, double LabelledOnly, double WithT2, double WithoutT2);

/// <summary>The norm of the soft term's gradient at fixed student weights, at one temperature, with and without the T² factor.</summary>
internal sealed record SoftGradient(double Temperature, double WithT2, double WithoutT2);

/// <summary>The transfer-set students trained with plain gradient descent (the same step), where no optimizer rescales the gradient.</summary>
internal sealed record SgdResult(double Step, int Epochs, double LabelledOnly, double WithT2, double WithoutT2);

/// <summary>
/// Experiment 4: a teacher network (32 hidden units) trained on 4,000 rows; a student (4 hidden units) that has labels for
/// 300 of them. Three measurements: (1) the student on its labels alone, on its labels plus the teacher's soft targets on
/// the same 300 rows, with and without T²; (2) the same student with the teacher's soft targets on 2,000 unlabelled transfer
/// rows, as distillation is used in practice; (3) the norm of the soft term's gradient at the same weights for T = 1, 2, 4, 8,
/// with and without T², and the transfer-set students trained with plain gradient descent, where Adam's per-coordinate
/// scaling cannot hide a gradient that is T² times smaller. Same student initialization everywhere.
/// </summary>
internal static partial class Distillation
{
    public const int Inputs = 8;
    public const int Classes = 4;
    public const double Temperature = 4;
    public const double Alpha = 0.3;
    public const int TransferRows = 2_000;
    public static readonly double[] Temperatures = { 1, 2, 4, 8 };

    /// <summary>
    /// A one-hidden-layer tanh network with a softmax output, as a model class: its weights are <c>[Parameter]</c> properties,
    /// and <see cref="Loss"/> reads them, so the generator writes <c>LossWithGradient(..., Network.Gradient)</c> with one
    /// same-shaped gradient array per weight array.
    /// </summary>
    internal sealed partial class Network
    {
        public Network(int hidden, int seed)
        {
            var random = new Random(seed);
            W1 = Enumerable.Range(0, hidden * Inputs).Select(_ => Data.Normal(random) / Math.Sqrt(Inputs)).ToArray();
            B1 = new double[hidden];
            W2 = Enumerable.Range(0, Classes * hidden).Select(_ => Data.Normal(random) / Math.Sqrt(hidden)).ToArray();
            B2 = new double[Classes];
        }

        /// <summary>A network with these weights (the gradient check builds one per probe).</summary>
        public Network(double[] w1, double[] b1, double[] w2, double[] b2)
        {
            W1 = w1;
            B1 = b1;
            W2 = w2;
            B2 = b2;
        }

        /// <summary>Input-to-hidden weights, hidden × inputs, row-major.</summary>
        [Parameter]
        public double[] W1 { get; }

        [Parameter]
        public double[] B1 { get; }

        /// <summary>Hidden-to-output weights, classes × hidden, row-major.</summary>
        [Parameter]
        public double[] W2 { get; }

        [Parameter]
        public double[] B2 { get; }

        /// <summary>
        /// Knowledge distillation: α · cross-entropy on the hard labels plus (1 − α) · scale · cross-entropy between the
        /// teacher's softened probabilities (<paramref name="soft"/>, n × k, computed at temperature T) and this network's
        /// softmax at temperature T, averaged over the rows. Hinton et al. use scale = T², which keeps the soft term's
        /// gradient the size of the hard term's as T grows. With α = 1 and scale = 0 it is plain cross-entropy on the hard
        /// labels (the teacher and the baseline student).
        /// </summary>
        [Differentiable]
        public double Loss(ReadOnlySpan<double> x, ReadOnlySpan<int> labels, ReadOnlySpan<double> soft, double temperature, double alpha, double scale)
        {
            int h = B1.Length;
            int k = B2.Length;
            int d = W1.Length / h;
            int n = labels.Length;
            double[] hidden = new double[h];
            double[] scores = new double[k];
            double loss = 0;
            for (int i = 0; i < n; i++)
            {
                for (int u = 0; u < h; u++)
                {
                    double a = B1[u];
                    for (int j = 0; j < d; j++)
                    {
                        a += W1[u * d + j] * x[i * d + j];
                    }

                    hidden[u] = Math.Tanh(a);
                }

                for (int c = 0; c < k; c++)
                {
                    double s = B2[c];
                    for (int u = 0; u < h; u++)
                    {
                        s += W2[c * h + u] * hidden[u];
                    }

                    scores[c] = s;
                }

                double m = scores[0];
                for (int c = 1; c < k; c++)
                {
                    m = Math.Max(m, scores[c]);
                }

                double sum = 0;
                double sumT = 0;
                for (int c = 0; c < k; c++)
                {
                    sum += Math.Exp(scores[c] - m);
                    sumT += Math.Exp((scores[c] - m) / temperature);
                }

                double hard = Math.Log(sum) + m - scores[labels[i]];
                double softLoss = 0;
                for (int c = 0; c < k; c++)
                {
                    softLoss -= soft[i * k + c] * ((scores[c] - m) / temperature - Math.Log(sumT));
                }

                loss += alpha * hard + (1 - alpha) * scale * softLoss;
            }

            return loss / n;
        }

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

        /// <summary>The teacher's probabilities at temperature <paramref name="t"/> on every row of <paramref name="x"/>: soft targets.</summary>
        public double[] SoftTargets(double[] x, int rows, double t)
        {
            var soft = new double[rows * Classes];
            for (var i = 0; i < rows; i++)
            {
                var s = Scores(x, i);
                var max = s.Max();
                var e = s.Select(v => Math.Exp((v - max) / t)).ToArray();
                for (var c = 0; c < Classes; c++)
                {
                    soft[(i * Classes) + c] = e[c] / e.Sum();
                }
            }

            return soft;
        }

        /// <summary>
        /// Full-batch training on the flat parameter groups, with the gradients the generator wrote: Adam, or plain gradient
        /// descent (<paramref name="adam"/> false) with the same step for every coordinate.
        /// </summary>
        public void Train(int epochs, double rate, Action<double[][]> gradient, bool adam = true)
        {
            var groups = new[] { W1, B1, W2, B2 };
            var gradients = groups.Select(g => new double[g.Length]).ToArray();
            var m = groups.Select(g => new double[g.Length]).ToArray();
            var v = groups.Select(g => new double[g.Length]).ToArray();
            for (var t = 1; t <= epochs; t++)
            {
                gradient(gradients);
                for (var k = 0; k < groups.Length; k++)
                {
                    for (var j = 0; j < groups[k].Length; j++)
                    {
                        if (!adam)
                        {
                            groups[k][j] -= rate * gradients[k][j];
                            continue;
                        }

                        m[k][j] = (0.9 * m[k][j]) + (0.1 * gradients[k][j]);
                        v[k][j] = (0.999 * v[k][j]) + (0.001 * gradients[k][j] * gradients[k][j]);
                        var mHat = m[k][j] / (1 - Math.Pow(0.9, t));
                        var vHat = v[k][j] / (1 - Math.Pow(0.999, t));
                        groups[k][j] -= rate * mHat / (Math.Sqrt(vHat) + 1e-8);
                    }
                }
            }
        }

        /// <summary>Adds, into <paramref name="gradients"/>, the gradient of <c>weight · (α·hard + (1 − α)·scale·soft)</c> on the given rows.</summary>
        public void Accumulate(double[][] gradients, double weight, double[] x, int[] labels, double[] soft, double t, double alpha, double scale)
        {
            var gradient = new Gradient(this);
            LossWithGradient(x, labels, soft, t, alpha, scale, gradient);
            var part = new[] { gradient.W1, gradient.B1, gradient.W2, gradient.B2 };
            for (var k = 0; k < gradients.Length; k++)
            {
                for (var j = 0; j < gradients[k].Length; j++)
                {
                    gradients[k][j] += weight * part[k][j];
                }
            }
        }
    }

    public static DistillationResult Run(int seed, Action<string> progress)
    {
        var (x, y) = Data.Spirals(6_000, seed);
        const int TeacherRows = 4_000;
        const int StudentRows = 300;
        var trainX = x.AsSpan(0, TeacherRows * Inputs).ToArray();
        var trainY = y.AsSpan(0, TeacherRows).ToArray();
        var testX = x.AsSpan(TeacherRows * Inputs).ToArray();
        var testY = y.AsSpan(TeacherRows).ToArray();
        var smallX = x.AsSpan(0, StudentRows * Inputs).ToArray();
        var smallY = y.AsSpan(0, StudentRows).ToArray();

        // The transfer set: rows the student has no labels for (their labels are never read: the hard term's weight is 0 there).
        var transferX = x.AsSpan(StudentRows * Inputs, TransferRows * Inputs).ToArray();
        var noLabels = new int[TransferRows];

        var teacher = new Network(32, seed + 1);
        var noSoftTargets = new double[TeacherRows * Classes];
        teacher.Train(400, 0.02, g => Clear(g, () => teacher.Accumulate(g, 1, trainX, trainY, noSoftTargets, 1, 1, 0)));
        progress("teacher trained");

        var soft = teacher.SoftTargets(smallX, StudentRows, Temperature);
        var transferSoft = teacher.SoftTargets(transferX, TransferRows, Temperature);
        var noSmallSoft = new double[StudentRows * Classes];

        const int StudentHidden = 4;
        const int StudentEpochs = 600;
        Network Student() => new(StudentHidden, seed + 2);

        // (1) Soft targets on the labelled rows themselves.
        var hard = Student();
        hard.Train(StudentEpochs, 0.02, g => Clear(g, () => hard.Accumulate(g, 1, smallX, smallY, noSmallSoft, 1, 1, 0)));
        var distilled = Student();
        distilled.Train(StudentEpochs, 0.02, g => Clear(g, () => distilled.Accumulate(g, 1, smallX, smallY, soft, Temperature, Alpha, Temperature * Temperature)));
        var unscaled = Student();
        unscaled.Train(StudentEpochs, 0.02, g => Clear(g, () => unscaled.Accumulate(g, 1, smallX, smallY, soft, Temperature, Alpha, 1.0)));
        progress("students trained on the labelled rows");

        // (2) The transfer set: α · hard loss on the labelled rows + (1 − α) · scale · soft loss on the unlabelled rows (each a mean).
        void Transfer(Network student, double[][] g, double scale)
        {
            student.Accumulate(g, Alpha, smallX, smallY, noSmallSoft, 1, 1, 0);
            student.Accumulate(g, (1 - Alpha) * scale, transferX, noLabels, transferSoft, Temperature, 0, 1);
        }

        var transferT2 = Student();
        transferT2.Train(StudentEpochs, 0.02, g => Clear(g, () => Transfer(transferT2, g, Temperature * Temperature)));
        var transferPlain = Student();
        transferPlain.Train(StudentEpochs, 0.02, g => Clear(g, () => Transfer(transferPlain, g, 1)));
        var transfer = new TransferResult(StudentRows, TransferRows, hard.Accuracy(testX, testY), transferT2.Accuracy(testX, testY), transferPlain.Accuracy(testX, testY));
        progress("students trained with a transfer set");

        // (3a) The soft term's gradient at the same weights (the student after training on its labels), for each T.
        var gradients = new List<SoftGradient>();
        foreach (var t in Temperatures)
        {
            var targets = teacher.SoftTargets(transferX, TransferRows, t);
            var g = new[] { new double[hard.W1.Length], new double[hard.B1.Length], new double[hard.W2.Length], new double[hard.B2.Length] };
            hard.Accumulate(g, 1, transferX, noLabels, targets, t, 0, 1);
            var norm = Math.Sqrt(g.Sum(part => part.Sum(v => v * v)));
            gradients.Add(new SoftGradient(t, t * t * norm, norm));
        }

        // (3b) Plain gradient descent, same step with and without T².
        const double SgdStep = 0.5;
        const int SgdEpochs = 1_500;
        var sgdLabelled = Student();
        sgdLabelled.Train(SgdEpochs, SgdStep, g => Clear(g, () => sgdLabelled.Accumulate(g, 1, smallX, smallY, noSmallSoft, 1, 1, 0)), adam: false);
        var sgdT2 = Student();
        sgdT2.Train(SgdEpochs, SgdStep, g => Clear(g, () => Transfer(sgdT2, g, Temperature * Temperature)), adam: false);
        var sgdPlain = Student();
        sgdPlain.Train(SgdEpochs, SgdStep, g => Clear(g, () => Transfer(sgdPlain, g, 1)), adam: false);
        var sgd = new SgdResult(SgdStep, SgdEpochs, sgdLabelled.Accuracy(testX, testY), sgdT2.Accuracy(testX, testY), sgdPlain.Accuracy(testX, testY));
        progress("students trained with plain gradient descent");

        return new DistillationResult(
            teacher.Accuracy(testX, testY),
            hard.Accuracy(testX, testY),
            distilled.Accuracy(testX, testY),
            unscaled.Accuracy(testX, testY),
            Temperature,
            StudentHidden,
            32,
            transfer,
            gradients,
            sgd);
    }

    /// <summary>Zeroes the gradient buffers, then fills them.</summary>
    private static void Clear(double[][] gradients, Action fill)
    {
        foreach (var g in gradients)
        {
            Array.Clear(g);
        }

        fill();
    }
}
