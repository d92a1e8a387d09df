namespace Gradwise.Samples.Training;

/// <summary>
/// The independent oracle for the generated gradients the sample trains with: for each objective,
/// ⟨∇f, v⟩ from the generated method against the central difference of f along a random v.
/// </summary>
internal static class GradientChecks
{
    public static List<(string Name, double RelativeGap)> Run()
    {
        var random = new Random(3);
        double[] Draw(int n, double scale = 0.5) => Enumerable.Range(0, n).Select(_ => scale * ((2 * random.NextDouble()) - 1)).ToArray();
        var checks = new List<(string, double)>();

        var (sparse, _) = Data.SpuriousFeature(seed: 7);
        checks.Add(("SparseLogistic", Check(Draw(101), theta => Objectives.SparseLogistic(theta.AsSpan(0, 100), theta[100], sparse.Indices, sparse.Values, sparse.Offsets, sparse.Labels, 0.01),
            (theta, g) =>
            {
                Objectives.SparseLogisticWithGradient(theta.AsSpan(0, 100), theta[100], sparse.Indices, sparse.Values, sparse.Offsets, sparse.Labels, 0.01, g.AsSpan(0, 100), out var db);
                g[100] = db;
            }, 101, random)));

        var (x, y) = Data.Gaussian(500, LossChoice.Features, seed: 9);
        checks.Add(("DenseCrossEntropy", Check(Draw(LossChoice.Features + 1), theta => Objectives.DenseCrossEntropy(theta, x, y), (theta, g) => Objectives.DenseCrossEntropyWithGradient(theta, x, y, g), LossChoice.Features + 1, random)));
        checks.Add(("DenseSquaredError", Check(Draw(LossChoice.Features + 1), theta => Objectives.DenseSquaredError(theta, x, y), (theta, g) => Objectives.DenseSquaredErrorWithGradient(theta, x, y, g), LossChoice.Features + 1, random)));

        const int H = 5;
        const int In = Distillation.Inputs;
        const int K = Distillation.Classes;
        var (sx, sy) = Data.Spirals(200, seed: 4);
        var soft = Enumerable.Range(0, 200 * K).Select(i => 0.25).ToArray();
        int size = (H * In) + H + (K * H) + K;
        Distillation.Network At(double[] t) => new(t[..(H * In)], t[(H * In)..((H * In) + H)], t[((H * In) + H)..((H * In) + H + (K * H))], t[((H * In) + H + (K * H))..]);
        checks.Add(("Distillation.Network.Loss", Check(Draw(size), t => At(t).Loss(sx, sy, soft, 3.0, 0.3, 9.0), (t, g) =>
        {
            var network = At(t);
            var gradient = new Distillation.Network.Gradient(network);
            network.LossWithGradient(sx, sy, soft, 3.0, 0.3, 9.0, gradient);
            gradient.W1.Concat(gradient.B1).Concat(gradient.W2).Concat(gradient.B2).ToArray().CopyTo(g, 0);
        }, size, random)));

        var worst = checks.Max(c => c.Item2);
        if (worst > 1e-5)
        {
            throw new InvalidOperationException($"a generated gradient disagrees with finite differences (relative gap {worst:E1}); refusing to train with it");
        }

        return checks;
    }

    private static double Check(double[] theta, Func<double[], double> f, Action<double[], double[]> gradient, int size, Random random)
    {
        var g = new double[size];
        gradient(theta, g);
        var v = Enumerable.Range(0, size).Select(_ => (2 * random.NextDouble()) - 1).ToArray();
        var reverse = g.Zip(v, (a, b) => a * b).Sum();
        const double Step = 1e-5;
        double Along(double t) => f(theta.Zip(v, (a, b) => a + (t * b)).ToArray());
        var central = (Along(Step) - Along(-Step)) / (2 * Step);
        return Math.Abs(central - reverse) / Math.Max(1, Math.Abs(central));
    }
}
