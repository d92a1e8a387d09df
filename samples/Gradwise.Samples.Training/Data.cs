namespace Gradwise.Samples.Training;

/// <summary>Rows of sparse features in CSR form: row i holds Indices/Values[Offsets[i] .. Offsets[i + 1]).</summary>
internal sealed record SparseRows(int Features, int[] Indices, double[] Values, int[] Offsets, double[] Labels)
{
    public int Count => Labels.Length;

    public double Value(int row, int feature)
    {
        for (var p = Offsets[row]; p < Offsets[row + 1]; p++)
        {
            if (Indices[p] == feature)
            {
                return Values[p];
            }
        }

        return 0;
    }

    public static SparseRows From(int features, List<List<int>> active, List<double> labels)
    {
        var offsets = new int[active.Count + 1];
        var indices = new List<int>();
        for (var i = 0; i < active.Count; i++)
        {
            foreach (var feature in active[i].Distinct().OrderBy(f => f))
            {
                indices.Add(feature);
            }

            offsets[i + 1] = indices.Count;
        }

        return new SparseRows(features, indices.ToArray(), Enumerable.Repeat(1.0, indices.Count).ToArray(), offsets, labels.ToArray());
    }
}

/// <summary>The seeded data sets of the experiments.</summary>
internal static class Data
{
    /// <summary>Index of the feature that is 1 on exactly ten positive training rows, by chance.</summary>
    public const int Spurious = 1;

    /// <summary>
    /// The seed's scenario: 10,000 rows of 100 sparse binary features (each on with probability
    /// 5%), a label that follows five of them through a logistic link, and feature f1, which is
    /// 1 on exactly ten positive rows of the training split and, in the test split, on ten rows
    /// chosen without regard to the label. 8,000 rows train, 2,000 test.
    /// </summary>
    public static (SparseRows Train, SparseRows Test) SpuriousFeature(int seed)
    {
        var random = new Random(seed);
        var signal = new Dictionary<int, double> { [2] = 2.0, [3] = 1.5, [4] = -2.0, [5] = 1.0, [6] = 1.5 };
        var active = new List<List<int>>();
        var labels = new List<double>();
        for (var i = 0; i < 10_000; i++)
        {
            var row = new List<int>();
            for (var f = 2; f < 100; f++)
            {
                if (random.NextDouble() < 0.05)
                {
                    row.Add(f);
                }
            }

            var z = -1.0 + row.Where(signal.ContainsKey).Sum(f => signal[f]);
            active.Add(row);
            labels.Add(random.NextDouble() < Sigmoid(z) ? 1 : 0);
        }

        return PlantAndSplit(100, active, labels, Spurious, random);
    }

    /// <summary>
    /// Puts <paramref name="spurious"/> on ten positive rows of the first 8,000 (training) and on ten
    /// rows of the last 2,000 (test) chosen without regard to the label, then splits.
    /// </summary>
    private static (SparseRows Train, SparseRows Test) PlantAndSplit(int features, List<List<int>> active, List<double> labels, int spurious, Random random)
    {
        var train = Enumerable.Range(0, 8_000).ToList();
        var test = Enumerable.Range(8_000, 2_000).ToList();
        foreach (var i in train.Where(i => labels[i] == 1).OrderBy(_ => random.Next()).Take(10).Concat(test.OrderBy(_ => random.Next()).Take(10)).ToList())
        {
            active[i].Add(spurious);
        }

        return (
            SparseRows.From(features, train.Select(i => active[i]).ToList(), train.Select(i => labels[i]).ToList()),
            SparseRows.From(features, test.Select(i => active[i]).ToList(), test.Select(i => labels[i]).ToList()));
    }

    /// <summary>
    /// The high-dimensional variant: short documents over a 20,000-word vocabulary, words hashed
    /// into 2^18 buckets. Ten words carry the label's signal; a rare token appears in exactly ten
    /// positive training documents and in ten test documents chosen without regard to the label.
    /// Returns the bucket of that token too.
    /// </summary>
    public static (SparseRows Train, SparseRows Test, int SpuriousBucket) HashedBagOfWords(int seed)
    {
        const int Buckets = 1 << 18;
        var random = new Random(seed);
        var active = new List<List<int>>();
        var labels = new List<double>();
        for (var i = 0; i < 10_000; i++)
        {
            var words = new List<int>();
            var count = 8 + random.Next(16);
            for (var k = 0; k < count; k++)
            {
                // Zipf-like: low word ids are common.
                words.Add((int)Math.Min(19_999, Math.Floor(Math.Exp(random.NextDouble() * Math.Log(20_000)))));
            }

            var z = -0.5 + words.Count(w => w is >= 10 and < 15) * 1.5 - words.Count(w => w is >= 15 and < 20) * 1.5;
            active.Add(words.Select(w => Bucket(w, Buckets)).ToList());
            labels.Add(random.NextDouble() < Sigmoid(z) ? 1 : 0);
        }

        var spurious = Bucket(987_654, Buckets);
        var (train, test) = PlantAndSplit(Buckets, active, labels, spurious, random);
        return (train, test, spurious);
    }

    /// <summary>A fixed, seed-free hash of a word id into a bucket (the same on every run and machine).</summary>
    private static int Bucket(int word, int buckets)
    {
        unchecked
        {
            var h = (uint)word * 2654435761u;
            h ^= h >> 15;
            h *= 2246822519u;
            h ^= h >> 13;
            return (int)(h % (uint)buckets);
        }
    }

    /// <summary>Gaussian features, row-major; the label follows a fixed linear rule through a logistic link.</summary>
    public static (double[] X, double[] Y) Gaussian(int rows, int features, int seed)
    {
        var truth = new Random(42);
        var w = Enumerable.Range(0, features).Select(_ => (truth.NextDouble() * 2) - 1).ToArray();
        var random = new Random(seed);
        var x = new double[rows * features];
        var y = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            var z = 0.0;
            for (var j = 0; j < features; j++)
            {
                x[(i * features) + j] = Normal(random);
                z += w[j] * x[(i * features) + j];
            }

            y[i] = random.NextDouble() < Sigmoid(z) ? 1.0 : 0.0;
        }

        return (x, y);
    }

    /// <summary>
    /// Four classes on two noisy interleaved spirals' arms in the plane, plus six noise inputs:
    /// a task where a small network learns less than a large one.
    /// </summary>
    public static (double[] X, int[] Y) Spirals(int rows, int seed)
    {
        const int Inputs = 8;
        var random = new Random(seed);
        var x = new double[rows * Inputs];
        var y = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            var c = random.Next(4);
            var r = random.NextDouble();
            var angle = (c * Math.PI / 2) + (r * 3.0) + (Normal(random) * 0.25);
            x[i * Inputs] = r * Math.Cos(angle) * 2;
            x[(i * Inputs) + 1] = r * Math.Sin(angle) * 2;
            for (var j = 2; j < Inputs; j++)
            {
                x[(i * Inputs) + j] = Normal(random) * 0.5;
            }

            y[i] = c;
        }

        return (x, y);
    }

    public static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    public static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

/// <summary>Metrics computed from predicted probabilities.</summary>
internal static class Metrics
{
    public static double LogLoss(double[] p, double[] y)
    {
        var total = 0.0;
        for (var i = 0; i < y.Length; i++)
        {
            var q = Math.Clamp(p[i], 1e-15, 1 - 1e-15);
            total -= (y[i] * Math.Log(q)) + ((1 - y[i]) * Math.Log(1 - q));
        }

        return total / y.Length;
    }

    /// <summary>Area under the ROC curve: the probability that a random positive scores above a random negative (ties count half).</summary>
    public static double Auc(double[] p, double[] y)
    {
        var order = Enumerable.Range(0, y.Length).OrderBy(i => p[i]).ToArray();
        var ranks = new double[y.Length];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && p[order[end + 1]] == p[order[start]])
            {
                end++;
            }

            for (var k = start; k <= end; k++)
            {
                ranks[order[k]] = (start + end) / 2.0 + 1;
            }

            start = end + 1;
        }

        var positives = y.Count(v => v == 1);
        var negatives = y.Length - positives;
        var sum = Enumerable.Range(0, y.Length).Where(i => y[i] == 1).Sum(i => ranks[i]);
        return (sum - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }

    public static double Accuracy(double[] p, double[] y) => Enumerable.Range(0, y.Length).Count(i => (p[i] > 0.5 ? 1 : 0) == y[i]) / (double)y.Length;
}
