using Gradwise;

namespace StudentProject;

public static partial class Distillation
{
    // Mistake (rule to come): the soft-target term at temperature T is not multiplied by T².
    // Its gradient shrinks like 1/T², so raising T quietly turns the teacher off.
    [Differentiable]
    public static double StudentLoss(ReadOnlySpan<double> studentLogits, [NoGradient] ReadOnlySpan<double> teacherProbabilities, [NoGradient] double temperature)
    {
        double max = studentLogits[0];
        for (int c = 1; c < studentLogits.Length; c++)
        {
            max = Math.Max(max, studentLogits[c]);
        }

        double sum = 0;
        for (int c = 0; c < studentLogits.Length; c++)
        {
            sum += Math.Exp((studentLogits[c] - max) / temperature);
        }

        double loss = 0;
        for (int c = 0; c < studentLogits.Length; c++)
        {
            loss -= teacherProbabilities[c] * ((studentLogits[c] - max) / temperature - Math.Log(sum));
        }

        return loss;
    }
}
