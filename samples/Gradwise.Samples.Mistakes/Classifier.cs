namespace StudentProject;

/// <summary>A three-class classifier's output layer, with the loss a student might reach for first.</summary>
public static class Classifier
{
    public static double[] Probabilities(double[] scores)
    {
        var max = scores.Max();
        var exps = new double[scores.Length];
        var sum = 0.0;
        for (var i = 0; i < scores.Length; i++)
        {
            exps[i] = Math.Exp(scores[i] - max);
            sum += exps[i];
        }

        var p = new double[scores.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            p[i] = exps[i] / sum;
        }

        return p;
    }

    // Mistake: squared error on softmax probabilities; use categorical cross-entropy (GW1002).
    public static double Loss(double[] scores, double[] oneHot)
    {
        var p = Probabilities(scores);
        var loss = 0.0;
        for (var k = 0; k < p.Length; k++)
        {
            loss += (p[k] - oneHot[k]) * (p[k] - oneHot[k]);
        }

        return loss / p.Length;
    }
}
