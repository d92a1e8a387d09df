using Gradwise;

namespace Gradwise.Samples.Training;

/// <summary>The losses the sample trains with. Their gradients are generated at compile time.</summary>
public static partial class Losses
{
    /// <summary>The logistic function; Gradwise recognizes it by its body.</summary>
    public static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    /// <summary>Cross-entropy of the sigmoid of a logit <paramref name="z"/> for a label <paramref name="y"/> in {0, 1}, written as on the whiteboard.</summary>
    [Differentiable]
    public static double LogLoss([NoGradient] double y, double z) =>
        -(y * Math.Log(Sigmoid(z)) + (1 - y) * Math.Log(1 - Sigmoid(z)));

    /// <summary>Squared error of the sigmoid output, the pairing GW1001 warns about (kept here to compare the two).</summary>
    [Differentiable]
    public static double SquaredErrorOfSigmoid([NoGradient] double y, double z) =>
#pragma warning disable GW1001 // on purpose: the sample measures what this loss does to training
        0.5 * (Sigmoid(z) - y) * (Sigmoid(z) - y);
#pragma warning restore GW1001
}
