namespace StudentProject;

/// <summary>One output neuron of a hand-written network, trained the way many tutorials do it.</summary>
public sealed class Neuron
{
    private readonly double[] weights;
    private double output;

    public Neuron(int inputs)
    {
        weights = new double[inputs];
    }

    public double Forward(double[] x)
    {
        var net = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            net += weights[i] * x[i];
        }

        output = Activation.Sigmoid(net);
        return output;
    }

    // Mistake: squared error through a sigmoid output; a saturated, wrong unit barely learns (GW1001).
    public void Backward(double[] x, double target, double learningRate)
    {
        var delta = (target - output) * output * (1 - output);
        for (var i = 0; i < x.Length; i++)
        {
            weights[i] += learningRate * delta * x[i];
        }
    }
}

public static class Activation
{
    public static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));
}
