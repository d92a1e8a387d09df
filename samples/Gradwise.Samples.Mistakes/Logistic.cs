namespace StudentProject;

/// <summary>A logistic-regression unit scored with its log-loss, written straight from the textbook formula.</summary>
public static class Logistic
{
    public static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    // Mistake: the log of a probability that is exactly 0 for a confident mistake (z < −710, or 1 − p for z > 36.7),
    // so the loss is infinite and the gradient NaN (GW3001, twice). Compute it from the logit: −Softplus(∓z).
    public static double LogLoss(double[] w, double[] x, double y)
    {
        var z = 0.0;
        for (var j = 0; j < w.Length; j++)
        {
            z += w[j] * x[j];
        }

        var p = Sigmoid(z);
        return -((y * Math.Log(p)) + ((1 - y) * Math.Log(1 - p)));
    }
}
