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
    // Mistake: a [Differentiable] method returns the loss alone, and Gradwise writes its gradient; a hand-made (loss, gradient) pair is GW9002.
    [Differentiable]
    public static (double Loss, double Gradient) Squared(double prediction, double target) => ((prediction - target) * (prediction - target), 2 * (prediction - target));

    // Mistake: the remainder operator has no useful derivative (GW9003 on 'step % 10').
    [Differentiable]
    public static double Cyclic(double step) => Math.Cos(step % 10);
}
