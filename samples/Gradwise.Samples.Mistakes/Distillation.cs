using Gradwise;

namespace StudentProject;

public static partial class Distillation
{
    // Mistake: the soft-target term at temperature T is added to the hard-label loss without T².
    // Its gradient shrinks like 1/T², so raising T quietly turns the teacher off (GW4001).
    [Differentiable]
    public static double StudentLoss(ReadOnlySpan<double> studentLogits, [NoGradient] ReadOnlySpan<double> teacherProbabilities, int label, [NoGradient] double temperature, [NoGradient] double alpha)
    {
        double max = studentLogits[0];
        for (int c = 1; c < studentLogits.Length; c++)
        {
            max = Math.Max(max, studentLogits[c]);
        }

        double sum = 0;
        double sumT = 0;
        for (int c = 0; c < studentLogits.Length; c++)
        {
            sum += Math.Exp(studentLogits[c] - max);
            sumT += Math.Exp((studentLogits[c] - max) / temperature);
        }

        double hard = Math.Log(sum) + max - studentLogits[label];
        double soft = 0;
        for (int c = 0; c < studentLogits.Length; c++)
        {
            soft -= teacherProbabilities[c] * ((studentLogits[c] - max) / temperature - Math.Log(sumT));
        }

        return alpha * hard + (1 - alpha) * soft;
    }
}
