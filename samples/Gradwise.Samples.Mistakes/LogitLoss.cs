namespace StudentProject;

/// <summary>The logistic unit again, scored with the log-loss written on the logit, the way careful recipes write it.</summary>
public static class LogitLoss
{
    public static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    // log(1 + e^x) without overflow.
    public static double Softplus(double x) => Math.Max(x, 0) + Math.Log(1 + Math.Exp(-Math.Abs(x)));

    // The log-loss of a logit z (−log σ(z) for y = 1, −log(1 − σ(z)) for y = 0): it applies the sigmoid itself.
    public static double OnLogit(double z, double y) => Softplus(z) - (y * z);

    // Mistake: it is given the probability, so the sigmoid is applied twice and a confident mistake costs
    // at most log 2 (GW1003). Give it the logit z.
    public static double Loss(double[] w, double[] x, double y)
    {
        var z = 0.0;
        for (var j = 0; j < w.Length; j++)
        {
            z += w[j] * x[j];
        }

        var p = Sigmoid(z);
        return OnLogit(p, y);
    }
}
