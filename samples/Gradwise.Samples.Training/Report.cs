using System.Globalization;
using System.Text;

namespace Gradwise.Samples.Training;

/// <summary>report.md: each result with its figure and three sentences that say what the numbers show (written from the numbers, not in advance).</summary>
internal static class Report
{
    private const string Rules = "https://github.com/gradwise/gradwise/blob/main/docs/rules/";

    public static string Write(IReadOnlyList<LossRun> runs, IReadOnlyList<(string Name, ModelResult Result)> models, IReadOnlyList<(string Name, ModelResult Result)> hashed, DistillationResult distillation, MaskingResult masking, double worstGap)
    {
        var text = new StringBuilder();
        text.AppendLine("# Gradwise training sample: results");
        text.AppendLine();
        text.AppendLine("Every model below was trained with gradients that Gradwise generated at compile time from the");
        text.AppendLine("`[Differentiable]` losses in `Losses.cs`; no gradient was written by hand. All data is seeded:");
        text.AppendLine("the numbers are the same on every run.");
        text.AppendLine();

        // Experiment 3
        text.AppendLine("## The logistic-regression gradient");
        text.AppendLine();
        text.AppendLine(Invariant($"The generator derived `∂LogLoss/∂z = {Losses.LogLoss_dz}` from the loss written with `Math.Log` and `Math.Exp`, and the sample read it from the generated code. At 14 points it matches central finite differences to {worstGap:E1}. The squared-error loss on the same sigmoid gives `{Losses.SquaredErrorOfSigmoid_dz}`: the same residual, times σ'(z)."));
        text.AppendLine();

        // Experiment 2
        var ceNeutral = runs.Single(r => r.Loss == "cross_entropy" && r.Start == "neutral");
        var seNeutral = runs.Single(r => r.Loss == "squared_error" && r.Start == "neutral");
        var ceSaturated = runs.Single(r => r.Loss == "cross_entropy" && r.Start == "saturated");
        var seSaturated = runs.Single(r => r.Loss == "squared_error" && r.Start == "saturated");
        text.AppendLine("## Cross-entropy vs squared error on a sigmoid ([GW1001](" + Rules + "GW1001.md))");
        text.AppendLine();
        text.AppendLine("![test accuracy per epoch](loss-curves.png)");
        text.AppendLine();
        text.AppendLine("![gradients against the logit](sigmoid-gradients.png)");
        text.AppendLine();
        text.AppendLine(Invariant($"From the saturated start (every logit far on the wrong side), the gradient norm is {ceSaturated.GradientNormAtStart:E2} under cross-entropy and {seSaturated.GradientNormAtStart:E2} under squared error, {Ratio(ceSaturated.GradientNormAtStart, seSaturated.GradientNormAtStart)} smaller, because the squared-error gradient carries σ'(z) ≤ 1/4, which vanishes where the sigmoid saturates. ") +
            Invariant($"From there, cross-entropy reaches {LossChoice.TargetAccuracy:P0} test accuracy {Epochs(ceSaturated)} and squared error {Epochs(seSaturated)}; after {LossChoice.Epochs} epochs they stand at {ceSaturated.TestAccuracy[^1]:P1} and {seSaturated.TestAccuracy[^1]:P1}. ") +
            Invariant($"From a neutral start (all weights zero) the gap is {(Math.Abs((ceNeutral.EpochsToTarget ?? 999) - (seNeutral.EpochsToTarget ?? 999)) <= 2 ? "small" : "there too")}: {Epochs(ceNeutral)} for cross-entropy, {Epochs(seNeutral)} for squared error, final {ceNeutral.TestAccuracy[^1]:P1} vs {seNeutral.TestAccuracy[^1]:P1}, so the damage is done where the model is confidently wrong."));
        text.AppendLine();

        // Experiment 1
        text.AppendLine("## Sparse features: a linear model without a penalty, with L2, with L1, and trees");
        text.AppendLine();
        text.AppendLine("![test AUC and the weight on f1](sparse-features.png)");
        text.AppendLine();
        SparseTable(text, "model", "f1", models);

        text.AppendLine();
        var free = models.Single(m => m.Name == "logistic_unregularized").Result;
        var l2 = models.Single(m => m.Name == "logistic_l2").Result;
        var l1 = models.Single(m => m.Name == "logistic_l1").Result;
        var trees = models.Single(m => m.Name == "gradient_boosted_trees").Result;
        var holds = free.WeightOnSpuriousFeature > Math.Max(Math.Abs(l2.WeightOnSpuriousFeature ?? 0), Math.Abs(l1.WeightOnSpuriousFeature ?? 0));
        text.AppendLine(Invariant($"f1 is 1 on exactly ten training rows, all positive, so without a penalty the log-loss keeps falling as its weight grows: after {SparseFeatures.Steps} gradient steps it is {free.WeightOnSpuriousFeature:F2}, against {l2.WeightOnSpuriousFeature:F2} with L2 and {l1.WeightOnSpuriousFeature:F2} with L1 ") +
            (holds ? "(the seed's claim holds here). " : "(so the seed's claim does not hold here: the penalties did not shrink it below the unpenalized weight). ") +
            Invariant($"On the test split, where f1 carries no signal, the unpenalized model's log-loss is {free.TestLogLoss:F4} against {l2.TestLogLoss:F4} (L2) and {l1.TestLogLoss:F4} (L1); the difference is {(Math.Abs(free.TestLogLoss - l2.TestLogLoss) < 0.005 ? "small, because f1 is on for only ten of 2,000 test rows" : "visible")}. ") +
            Invariant($"FastTree with ML.NET's defaults scores test AUC {trees.TestAuc:F4} and log-loss {trees.TestLogLoss:F4}, {(trees.TestLogLoss > l2.TestLogLoss ? "worse" : "better")} than the L2 model's {l2.TestAuc:F4} and {l2.TestLogLoss:F4} on this data."));
        text.AppendLine();
        text.AppendLine(Invariant($"The claim lives on the {free.Spurious.Rows} test rows where f1 is on, so they are measured on their own. There the log-loss is {free.Spurious.TestLogLoss:F3} without a penalty, {l2.Spurious.TestLogLoss:F3} with L2, {l1.Spurious.TestLogLoss:F3} with L1 and {trees.Spurious.TestLogLoss:F3} for FastTree; ") +
            Invariant($"for a row whose only active feature is f1 the models predict P(y = 1) = {free.Spurious.ProbabilityForSpuriousOnly:F3}, {l2.Spurious.ProbabilityForSpuriousOnly:F3}, {l1.Spurious.ProbabilityForSpuriousOnly:F3} and {trees.Spurious.ProbabilityForSpuriousOnly:F3}, where f1 says nothing about the label. ") +
            (trees.Splits is { } splits
                ? Invariant($"FastTree spends {splits.OnSpurious} of its {splits.Splits} splits ({splits.Trees} trees) on f1, {splits.GainShare:P1} of the total split gain ([GW2002]({Rules}GW2002.md)); ")
                : string.Empty) +
            Invariant($"the unpenalized linear model's confidence on those rows is what [GW2001]({Rules}GW2001.md) warns about."));
        text.AppendLine();
        var hashedFree = hashed.Single(m => m.Name == "logistic_unregularized").Result;
        var hashedL2 = hashed.Single(m => m.Name == "logistic_l2").Result;
        var hashedL1 = hashed.Single(m => m.Name == "logistic_l1").Result;
        var hashedTrees = hashed.Single(m => m.Name == "gradient_boosted_trees").Result;
        SparseTable(text, "hashed bag-of-words (2^18 buckets)", "the rare token", hashed);

        text.AppendLine();
        text.AppendLine(Invariant($"In the hashed bag-of-words variant (2^18 buckets, a rare token in ten positive training documents) the rare token's weight is {hashedFree.WeightOnSpuriousFeature:F2} without a penalty, {hashedL2.WeightOnSpuriousFeature:F2} with L2 and {hashedL1.WeightOnSpuriousFeature:F2} with L1. ") +
            Invariant($"Test AUC is {hashedFree.TestAuc:F4}, {hashedL2.TestAuc:F4} and {hashedL1.TestAuc:F4}, and FastTree on the same 262,144 sparse columns reaches {hashedTrees.TestAuc:F4} (log-loss {hashedTrees.TestLogLoss:F4}). ") +
            Invariant($"The best model here is {hashed.OrderByDescending(m => m.Result.TestAuc).First().Name.Replace('_', ' ')}, by AUC. ") +
            Invariant($"On the {hashedFree.Spurious.Rows} test documents with the rare token the log-loss is {hashedFree.Spurious.TestLogLoss:F3} without a penalty, {hashedL2.Spurious.TestLogLoss:F3} with L2, {hashedL1.Spurious.TestLogLoss:F3} with L1 and {hashedTrees.Spurious.TestLogLoss:F3} for FastTree") +
            (hashedTrees.Splits is { } hashedSplits ? Invariant($", which spends {hashedSplits.OnSpurious} of its {hashedSplits.Splits} splits on the token's bucket.") : "."));
        text.AppendLine();

        // Experiment 4
        text.AppendLine("## Distillation: soft targets, a transfer set, and the T² factor ([GW4001](" + Rules + "GW4001.md))");
        text.AppendLine();
        text.AppendLine("![test accuracy of teacher and students](distillation.png)");
        text.AppendLine();
        text.AppendLine(Invariant($"The teacher (32 hidden units, 4,000 rows) reaches {distillation.Teacher:P1} test accuracy; a student with 4 hidden units that has labels for 300 of those rows reaches {distillation.StudentHardLabels:P1} on them. ") +
            Invariant($"Distilled from the teacher's outputs at T = {distillation.Temperature} on the same 300 rows it reaches {distillation.StudentDistilled:P1} with the T² factor and {distillation.StudentDistilledWithoutT2:P1} without it. ") +
            Invariant($"With the teacher's soft targets on {distillation.Transfer.TransferRows:N0} unlabelled transfer rows (the way distillation is used: the teacher labels data the student has no labels for) it reaches {distillation.Transfer.WithT2:P1} with T² and {distillation.Transfer.WithoutT2:P1} without, against {distillation.Transfer.LabelledOnly:P1} on its labels alone. ") +
            (Math.Max(distillation.Transfer.WithT2, distillation.Transfer.WithoutT2) > distillation.Transfer.LabelledOnly
                ? "Soft targets on the transfer set help this student."
                : "On this task soft targets do not help the small student, with or without a transfer set: the claim that they help does not show here."));
        text.AppendLine();
        text.AppendLine("![soft-term gradient norm against T](distillation-gradients.png)");
        text.AppendLine();
        text.AppendLine("| T | ‖∂soft/∂θ‖ without T² | with T² |");
        text.AppendLine("|---|---|---|");
        foreach (var g in distillation.SoftGradients)
        {
            text.AppendLine(Invariant($"| {g.Temperature} | {g.WithoutT2:E2} | {g.WithT2:E2} |"));
        }

        text.AppendLine();
        var first = distillation.SoftGradients[0];
        var last = distillation.SoftGradients[^1];
        var fall = first.WithoutT2 / last.WithoutT2;
        var doublings = string.Join(", ", distillation.SoftGradients.Zip(distillation.SoftGradients.Skip(1), (a, b) => Invariant($"{a.WithoutT2 / b.WithoutT2:F1}")));
        text.AppendLine(Invariant($"At the same student weights, the soft term's gradient falls {fall:F1}-fold from T = {first.Temperature} to T = {last.Temperature} without T²; each doubling of T divides it by {doublings}, approaching the factor 4 that the 1/T² law gives once T is large against the spread of the logits. ") +
            Invariant($"With T² it changes {Math.Max(last.WithT2 / first.WithT2, first.WithT2 / last.WithT2):F1}-fold over the same range, so without T² the soft term's weight against the hard term silently falls as T grows, which is what GW4001 warns about. ") +
            Invariant($"With plain gradient descent (step {distillation.Sgd.Step}, {distillation.Sgd.Epochs:N0} epochs, T = {distillation.Temperature}), where no per-coordinate scaling hides a smaller gradient, the transfer-set student reaches {distillation.Sgd.WithT2:P1} with T² and {distillation.Sgd.WithoutT2:P1} without, against {distillation.Sgd.LabelledOnly:P1} on its labels alone."));
        text.AppendLine();
        // Experiment 5
        text.AppendLine("## Static vs dynamic masking (BERT vs RoBERTa)");
        text.AppendLine();
        text.AppendLine("![masked-token accuracy per epoch](masking.png)");
        text.AppendLine();
        var st = masking.Static;
        var dy = masking.Dynamic;
        text.AppendLine(Invariant($"{masking.TrainSentences} training sentences of {masking.SentenceLength} words from a seeded Markov chain, {masking.MasksPerSentence} masked words per sentence, {masking.Epochs} epochs and {masking.Updates} updates for each strategy, from the same initialization. ") +
            Invariant($"With masks drawn once (static) the model reaches {st.TrainAccuracy[^1]:P1} on its training masks and {st.HeldoutAccuracy[^1]:P1} on held-out sentences (every word masked in turn), a gap of {(st.TrainAccuracy[^1] - st.HeldoutAccuracy[^1]) * 100:F1} points; ") +
            Invariant($"with masks drawn anew every epoch (dynamic) it reaches {dy.TrainAccuracy[^1]:P1} and {dy.HeldoutAccuracy[^1]:P1}, a gap of {(dy.TrainAccuracy[^1] - dy.HeldoutAccuracy[^1]) * 100:F1} points. ") +
            (dy.HeldoutAccuracy[^1] > st.HeldoutAccuracy[^1]
                ? Invariant($"Dynamic masking generalizes better here ({(dy.HeldoutAccuracy[^1] - st.HeldoutAccuracy[^1]) * 100:F1} points held-out): static masks show the model the same {masking.MasksPerSentence} positions of each sentence every epoch, and it learns those. ")
                : "Dynamic masking did not generalize better here, so the claim does not show on this task. ") +
            "Not reproduced from RoBERTa: the next-sentence objective it dropped, its large batches, its data size and its byte-level BPE vocabulary; the task is too small for them to mean anything. Reusing one draw of random masks every epoch is what [GW5001](" + Rules + "GW5001.md) warns about.");
        text.AppendLine();
        return text.ToString();
    }

    /// <summary>Each model on the whole test split and on the rows where the spurious feature is on.</summary>
    private static void SparseTable(StringBuilder text, string title, string feature, IReadOnlyList<(string Name, ModelResult Result)> models)
    {
        text.AppendLine(Invariant($"| {title} | test log-loss | test AUC | weight on {feature} | log-loss where {feature} is on (rows) | P(y = 1) for {feature} alone | splits on {feature} |"));
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var (name, result) in models)
        {
            var weight = result.WeightOnSpuriousFeature is { } w ? w.ToString("F3", CultureInfo.InvariantCulture) : "—";
            var splits = result.Splits is { } s ? Invariant($"{s.OnSpurious} of {s.Splits} ({s.GainShare:P1} of the gain)") : "—";
            text.AppendLine(Invariant($"| {name.Replace('_', ' ')} | {result.TestLogLoss:F4} | {result.TestAuc:F4} | {weight} | {result.Spurious.TestLogLoss:F3} ({result.Spurious.Rows}) | {result.Spurious.ProbabilityForSpuriousOnly:F3} | {splits} |"));
        }
    }

    private static string Epochs(LossRun run) => run.EpochsToTarget is { } e ? Invariant($"in {e} epoch{(e == 1 ? string.Empty : "s")}") : Invariant($"never within {LossChoice.Epochs} epochs");

    private static string Ratio(double a, double b) => b > 0 ? Invariant($"about {a / b:G3} times") : "infinitely";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
