using Gradwise;

namespace Gradwise.Samples.Training;

/// <summary>The losses the sample trains with. Their gradients are generated at compile time.</summary>
public static partial class Losses
{
    /// <summary>Logistic (cross-entropy) loss of a logit <paramref name="z"/> for a label <paramref name="y"/> in {0, 1}.</summary>
    [Differentiable]
    public static double LogLoss([NoGradient] double y, double z) => Math.Log(1 + Math.Exp(z)) - y * z;

    /// <summary>Squared error of the sigmoid output, the loss GW1001 warns about (kept here to compare the two).</summary>
    [Differentiable]
    public static double SquaredErrorOfSigmoid([NoGradient] double y, double z) =>
        0.5 * (1 / (1 + Math.Exp(-z)) - y) * (1 / (1 + Math.Exp(-z)) - y);
}
