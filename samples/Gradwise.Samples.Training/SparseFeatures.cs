using Microsoft.ML;
using Microsoft.ML.Data;

namespace Gradwise.Samples.Training;

/// <summary>
/// What one model did on the test split; where the spurious feature fires (the claim lives on those rows, not on the
/// whole test set); and, for trees, how many of the ensemble's splits use it.
/// </summary>
internal sealed record ModelResult(double TestLogLoss, double TestAuc, double? WeightOnSpuriousFeature, SpuriousRows Spurious, TreeSplits? Splits = null);

/// <summary>The test rows where the spurious feature is on (their log-loss), and the probability for a row whose only active feature is it.</summary>
internal sealed record SpuriousRows(int Rows, double TestLogLoss, double ProbabilityForSpuriousOnly);

/// <summary>The splits of a tree ensemble: how many, how many on the spurious feature, and that feature's share of the total split gain.</summary>
internal sealed record TreeSplits(int Trees, int Splits, int OnSpurious, double GainShare);

/// <summary>
/// Experiment 1: a linear model on sparse features without a penalty, with L2, with L1, and a
/// gradient-boosted tree ensemble (ML.NET FastTree), on the seed's data set.
/// </summary>
internal static class SparseFeatures
{
    public const int Steps = 2000;

    /// <summary>Full-batch gradient descent on the generated gradient of the mean log-loss (+ L2); L1 by the proximal step.</summary>
    public static (double[] W, double Bias) TrainLogistic(SparseRows train, double l2, double l1, int steps, double rate)
    {
        var w = new double[train.Features];
        var bias = 0.0;
        var gradient = new double[train.Features];
        for (var step = 0; step < steps; step++)
        {
            Objectives.SparseLogisticWithGradient(w, bias, train.Indices, train.Values, train.Offsets, train.Labels, l2, gradient, out var dBias);
            for (var j = 0; j < w.Length; j++)
            {
                var next = w[j] - (rate * gradient[j]);
                w[j] = l1 > 0 ? Math.Sign(next) * Math.Max(0, Math.Abs(next) - (rate * l1)) : next;
            }

            bias -= rate * dBias;
        }

        return (w, bias);
    }

    public static double[] Predict(double[] w, double bias, SparseRows rows)
    {
        var p = new double[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var z = bias;
            for (var k = rows.Offsets[i]; k < rows.Offsets[i + 1]; k++)
            {
                z += w[rows.Indices[k]] * rows.Values[k];
            }

            p[i] = Data.Sigmoid(z);
        }

        return p;
    }

    public static ModelResult Linear(SparseRows train, SparseRows test, int spurious, double l2, double l1, int steps = Steps, double rate = 2.0)
    {
        var (w, bias) = TrainLogistic(train, l2, l1, steps, rate);
        var p = Predict(w, bias, test);
        return new ModelResult(Metrics.LogLoss(p, test.Labels), Metrics.Auc(p, test.Labels), w[spurious], Where(test, spurious, p, Data.Sigmoid(bias + w[spurious])));
    }

    /// <summary>The log-loss on the test rows where <paramref name="spurious"/> is on, with the probability for a row of that feature alone.</summary>
    private static SpuriousRows Where(SparseRows test, int spurious, double[] p, double onlySpurious)
    {
        var rows = Enumerable.Range(0, test.Count).Where(i => test.Indices.AsSpan(test.Offsets[i], test.Offsets[i + 1] - test.Offsets[i]).Contains(spurious)).ToList();
        return new SpuriousRows(rows.Count, Metrics.LogLoss(rows.Select(i => p[i]).ToArray(), rows.Select(i => test.Labels[i]).ToArray()), onlySpurious);
    }

    private sealed class Row
    {
        public bool Label { get; set; }

        public VBuffer<float> Features { get; set; }
    }

    /// <summary>ML.NET FastTree (gradient-boosted trees) with its defaults, on the same rows as sparse vectors.</summary>
    public static ModelResult Trees(SparseRows train, SparseRows test, int spurious, int seed)
    {
        var ml = new MLContext(seed);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, train.Features);
        IEnumerable<Row> Rows(SparseRows rows) => Enumerable.Range(0, rows.Count).Select(i =>
        {
            var count = rows.Offsets[i + 1] - rows.Offsets[i];
            var values = Enumerable.Range(rows.Offsets[i], count).Select(k => (float)rows.Values[k]).ToArray();
            var indices = rows.Indices.AsSpan(rows.Offsets[i], count).ToArray();
            return new Row { Label = rows.Labels[i] == 1, Features = new VBuffer<float>(rows.Features, count, values, indices) };
        });

        var trainer = ml.BinaryClassification.Trainers.FastTree(labelColumnName: nameof(Row.Label), featureColumnName: nameof(Row.Features));
        var model = trainer.Fit(ml.Data.LoadFromEnumerable(Rows(train), schema));
        double[] Probabilities(IEnumerable<Row> rows) => model.Transform(ml.Data.LoadFromEnumerable(rows, schema)).GetColumn<float>("Probability").Select(v => (double)v).ToArray();
        var p = Probabilities(Rows(test));
        var alone = Probabilities(new[] { new Row { Features = new VBuffer<float>(train.Features, 1, new[] { 1f }, new[] { spurious }) } })[0];

        // The ensemble's own trees: every split's feature and gain.
        var trees = model.Model.SubModel.TrainedTreeEnsemble.Trees;
        var splits = trees.SelectMany(t => t.NumericalSplitFeatureIndexes.Zip(t.SplitGains, (feature, gain) => (Feature: feature, Gain: gain))).ToList();
        var totalGain = splits.Sum(s => s.Gain);
        var onSpurious = splits.Where(s => s.Feature == spurious).ToList();
        var treeSplits = new TreeSplits(trees.Count, splits.Count, onSpurious.Count, totalGain > 0 ? onSpurious.Sum(s => s.Gain) / totalGain : 0);
        return new ModelResult(Metrics.LogLoss(p, test.Labels), Metrics.Auc(p, test.Labels), null, Where(test, spurious, p, alone), treeSplits);
    }
}
