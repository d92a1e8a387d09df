using Gradwise;

namespace StudentProject;

// Mistake: the generator adds ...WithGradient to this class, but the class is not partial (GW9001).
public static class RegressionLosses
{
    [Differentiable]
    public static double Huberish(double residual) => Math.Sqrt(1 + residual * residual) - 1;
}

public static partial class ClassificationLosses
{
    // Mistake: ML.NET scores are float; a float loss is fine, but with the int it becomes a reverse-mode method, which is double-only (GW9002 on 'p').
    [Differentiable]
    public static double Smoothed(float p, int classes) => (1 - p) / classes;

    // Mistake: the remainder operator has no useful derivative (GW9003 on 'step % 10').
    [Differentiable]
    public static double Cyclic(double step) => Math.Cos(step % 10);
}
