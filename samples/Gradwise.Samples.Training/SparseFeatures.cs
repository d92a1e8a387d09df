using Microsoft.ML;
using Microsoft.ML.Data;

namespace Gradwise.Samples.Training;

/// <summary>What one model did on the test split.</summary>
internal sealed record ModelResult(double TestLogLoss, double TestAuc, double? WeightOnSpuriousFeature);

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
        return new ModelResult(Metrics.LogLoss(p, test.Labels), Metrics.Auc(p, test.Labels), w[spurious]);
    }

    private sealed class Row
    {
        public bool Label { get; set; }

        public VBuffer<float> Features { get; set; }
    }

    /// <summary>ML.NET FastTree (gradient-boosted trees) with its defaults, on the same rows as sparse vectors.</summary>
    public static ModelResult Trees(SparseRows train, SparseRows test, int seed)
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
        var scored = model.Transform(ml.Data.LoadFromEnumerable(Rows(test), schema));
        var p = scored.GetColumn<float>("Probability").Select(v => (double)v).ToArray();
        return new ModelResult(Metrics.LogLoss(p, test.Labels), Metrics.Auc(p, test.Labels), null);
    }
}
