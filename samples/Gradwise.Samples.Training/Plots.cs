using ScottPlot;

namespace Gradwise.Samples.Training;

/// <summary>The report's figures, drawn with ScottPlot.</summary>
internal static class Plots
{
    private const int Width = 900;
    private const int Height = 520;

    public static void LossCurves(IReadOnlyList<LossRun> runs, string path)
    {
        var plot = new Plot();
        foreach (var run in runs)
        {
            var xs = Enumerable.Range(1, run.TestAccuracy.Count).Select(e => (double)e).ToArray();
            var line = plot.Add.Scatter(xs, run.TestAccuracy.ToArray());
            line.LegendText = run.Loss.Replace('_', ' ') + ", " + run.Start + " start";
            line.MarkerSize = 0;
            line.LineWidth = 2;
            line.LinePattern = run.Start == "saturated" ? LinePattern.Dashed : LinePattern.Solid;
        }

        plot.Title("Test accuracy per epoch: cross-entropy vs squared error on a sigmoid");
        plot.XLabel("epoch");
        plot.YLabel("test accuracy");
        plot.ShowLegend(Alignment.LowerRight);
        plot.SavePng(path, Width, Height);
    }

    public static void SigmoidDerivative(string path)
    {
        var zs = Enumerable.Range(0, 401).Select(i => -10 + (i * 0.05)).ToArray();
        var slope = zs.Select(z => Data.Sigmoid(z) * (1 - Data.Sigmoid(z))).ToArray();
        var crossEntropy = zs.Select(z =>
        {
            Losses.LogLossWithGradient(1, z, out var dz);
            return Math.Abs(dz);
        }).ToArray();
        var squaredError = zs.Select(z =>
        {
            Losses.SquaredErrorOfSigmoidWithGradient(1, z, out var dz);
            return Math.Abs(dz);
        }).ToArray();

        var plot = new Plot();
        Add(plot, zs, slope, "σ'(z) = σ(z)(1 − σ(z)), at most 1/4", LinePattern.Dotted);
        Add(plot, zs, crossEntropy, "|∂CE/∂z| = |σ(z) − y|", LinePattern.Solid);
        Add(plot, zs, squaredError, "|∂SE/∂z| = |σ(z) − y| · σ'(z)", LinePattern.Dashed);
        plot.Title("Gradient with respect to the logit for a positive example (y = 1)");
        plot.XLabel("logit z (wrong and saturated on the left)");
        plot.YLabel("magnitude");
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, Width, Height);
    }

    public static void SparseComparison(IReadOnlyList<(string Name, ModelResult Result)> models, string path)
    {
        var plot = new Plot();
        var auc = models.Select((m, i) => new Bar { Position = i, Value = m.Result.TestAuc, FillColor = Colors.SteelBlue }).ToList();
        plot.Add.Bars(auc);
        var ticks = models.Select((m, i) => new Tick(i, m.Name.Replace('_', '\n'))).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        for (var i = 0; i < models.Count; i++)
        {
            var weight = models[i].Result.WeightOnSpuriousFeature;
            var text = plot.Add.Text((weight is null ? "f1: (no weight)" : $"f1 weight {weight:F2}") + $"\nAUC {models[i].Result.TestAuc:F3}", i, models[i].Result.TestAuc + 0.02);
            text.LabelFontSize = 12;
            text.LabelAlignment = Alignment.LowerCenter;
        }

        plot.Axes.SetLimitsY(0.5, 1.0);
        plot.Title("Sparse features: test AUC, and the weight each linear model puts on f1");
        plot.YLabel("test AUC");
        plot.Axes.Bottom.MinimumSize = 60;
        plot.SavePng(path, Width, Height);
    }

    public static void Distillation(DistillationResult result, string path)
    {
        var names = new[] { "teacher (32 hidden)", "student, hard labels", "student, distilled (T²)", "student, distilled (no T²)", "transfer set (T²)", "transfer set (no T²)" };
        var values = new[] { result.Teacher, result.StudentHardLabels, result.StudentDistilled, result.StudentDistilledWithoutT2, result.Transfer.WithT2, result.Transfer.WithoutT2 };
        var plot = new Plot();
        plot.Add.Bars(values.Select((v, i) => new Bar { Position = i, Value = v, FillColor = i == 0 ? Colors.Gray : Colors.SteelBlue }).ToList());
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(names.Select((n, i) => new Tick(i, n.Replace(", ", ",\n"))).ToArray());
        for (var i = 0; i < values.Length; i++)
        {
            var text = plot.Add.Text($"{values[i]:P1}", i, values[i] + 0.01);
            text.LabelAlignment = Alignment.LowerCenter;
            text.LabelFontSize = 12;
        }

        plot.Axes.SetLimitsY(0, 1.05);
        plot.Title($"Distillation at T = {result.Temperature}: test accuracy (4 classes)");
        plot.YLabel("test accuracy");
        plot.Axes.Bottom.MinimumSize = 60;
        plot.SavePng(path, Width, Height);
    }

    /// <summary>The soft term's gradient norm at the same weights against T, with and without the T² factor (log scale).</summary>
    public static void SoftGradients(IReadOnlyList<SoftGradient> gradients, string path)
    {
        var plot = new Plot();
        var ts = gradients.Select(g => Math.Log2(g.Temperature)).ToArray();
        Add(plot, ts, gradients.Select(g => Math.Log10(g.WithT2)).ToArray(), "with T²", LinePattern.Solid);
        Add(plot, ts, gradients.Select(g => Math.Log10(g.WithoutT2)).ToArray(), "without T²", LinePattern.Dashed);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(gradients.Select(g => new Tick(Math.Log2(g.Temperature), "T = " + g.Temperature)).ToArray());
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => Math.Pow(10, v).ToString("G2", System.Globalization.CultureInfo.InvariantCulture) };
        plot.Title("Norm of the soft term's gradient at the same student weights");
        plot.YLabel("‖∂soft/∂θ‖ (log scale)");
        plot.ShowLegend(Alignment.LowerLeft);
        plot.SavePng(path, Width, Height);
    }

    /// <summary>Train and held-out accuracy per epoch, static against dynamic masks.</summary>
    public static void Masking(MaskingResult result, string path)
    {
        var plot = new Plot();
        var epochs = Enumerable.Range(1, result.Epochs).Select(e => (double)e).ToArray();
        Add(plot, epochs, result.Static.TrainAccuracy.ToArray(), "static masks, train", LinePattern.Dashed);
        Add(plot, epochs, result.Static.HeldoutAccuracy.ToArray(), "static masks, held-out", LinePattern.Solid);
        Add(plot, epochs, result.Dynamic.TrainAccuracy.ToArray(), "dynamic masks, train", LinePattern.Dotted);
        Add(plot, epochs, result.Dynamic.HeldoutAccuracy.ToArray(), "dynamic masks, held-out", LinePattern.DenselyDashed);
        plot.Title("Masked-token accuracy per epoch: masks drawn once vs every epoch");
        plot.XLabel("epoch");
        plot.YLabel("accuracy");
        plot.ShowLegend(Alignment.LowerRight);
        plot.SavePng(path, Width, Height);
    }

    private static void Add(Plot plot, double[] xs, double[] ys, string label, LinePattern pattern)
    {
        var line = plot.Add.Scatter(xs, ys);
        line.LegendText = label;
        line.MarkerSize = 0;
        line.LineWidth = 2;
        line.LinePattern = pattern;
    }
}
