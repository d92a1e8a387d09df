using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gradwise.Samples.Training;

// The seed's textbook experiments, trained with gradients Gradwise generated at compile time.
//   dotnet run --project samples/Gradwise.Samples.Training [-- --out DIR]
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var outDir = "gradwise-results";
for (var i = 0; i < args.Length - 1; i++)
{
    if (args[i] == "--out")
    {
        outDir = args[i + 1];
    }
}

Directory.CreateDirectory(outDir);
var clock = Stopwatch.StartNew();
void Progress(string message) => Console.WriteLine($"[{clock.Elapsed.TotalSeconds,6:F1} s] {message}");
var results = new JsonObject();

// ---- 3. The LR gradient, as the generator derived it --------------------------------------------
Progress("Experiment 3: the logistic-regression gradient the generator derived");
Console.WriteLine($"           ∂LogLoss/∂z = {Losses.LogLoss_dz}   (read from the generated code)");
var worstGap = 0.0;
foreach (var z in new[] { -6.0, -2.0, -0.5, 0.0, 0.7, 3.0, 8.0 })
{
    foreach (var y in new[] { 0.0, 1.0 })
    {
        Losses.LogLossWithGradient(y, z, out var dz);
        const double H = 1e-5;
        var finiteDifference = (Losses.LogLoss(y, z + H) - Losses.LogLoss(y, z - H)) / (2 * H);
        worstGap = Math.Max(worstGap, Math.Abs(dz - finiteDifference));
    }
}

Console.WriteLine($"           largest gap to central finite differences over 14 points: {worstGap:E2}");
results["derivation"] = new JsonObject
{
    ["log_loss_gradient"] = Losses.LogLoss_dz,
    ["squared_error_gradient"] = Losses.SquaredErrorOfSigmoid_dz,
    ["largest_gap_to_finite_differences"] = worstGap,
};

// Every objective the experiments train with, its generated gradient against central finite differences along a random direction.
var checks = GradientChecks.Run();
foreach (var (name, gap) in checks)
{
    Console.WriteLine($"           gradient of {name,-20} vs finite differences along a random direction: relative gap {gap:E1}");
}

((JsonObject)results["derivation"]!)["objective_gradient_checks"] = new JsonObject(checks.Select(c => KeyValuePair.Create(c.Name, (JsonNode?)c.RelativeGap)));

// ---- 2. Cross-entropy vs squared error on a sigmoid ---------------------------------------------
Progress("Experiment 2: cross-entropy vs squared error on a sigmoid (20 features, 4,000 rows)");
var (trainX, trainY) = Data.Gaussian(4_000, LossChoice.Features, seed: 1);
var (testX, testY) = Data.Gaussian(2_000, LossChoice.Features, seed: 2);
var runs = new List<LossRun>();
foreach (var (startName, start) in new[] { ("neutral", new double[LossChoice.Features + 1]), ("saturated", LossChoice.SaturatedStart(trainX, trainY)) })
{
    foreach (var (name, objective) in LossChoice.Losses)
    {
        var run = LossChoice.Train(name, objective, start, startName, trainX, trainY, testX, testY);
        runs.Add(run);
        Console.WriteLine($"           {name,-14} {startName,-9} start: |gradient| at start {run.GradientNormAtStart:E2}, epochs to {LossChoice.TargetAccuracy:P0} test accuracy: {(run.EpochsToTarget?.ToString(CultureInfo.InvariantCulture) ?? "never"),5}, final {run.TestAccuracy[^1]:P1}");
    }
}

var lossChoice = new JsonObject();
foreach (var name in LossChoice.Losses.Select(l => l.Name))
{
    var neutral = runs.Single(r => r.Loss == name && r.Start == "neutral");
    var saturated = runs.Single(r => r.Loss == name && r.Start == "saturated");
    // The top-level numbers are the saturated start's, the case the claim is about; the neutral start is beside them.
    lossChoice[name] = new JsonObject
    {
        ["epochs_to_target"] = saturated.EpochsToTarget,
        ["final_test_accuracy"] = saturated.TestAccuracy[^1],
        ["gradient_at_saturated_start"] = saturated.GradientNormAtStart,
        ["loss_per_epoch"] = new JsonArray(saturated.TrainingLoss.Select(v => (JsonNode?)v).ToArray()),
        ["test_accuracy_per_epoch"] = new JsonArray(saturated.TestAccuracy.Select(v => (JsonNode?)v).ToArray()),
        ["neutral_start"] = new JsonObject
        {
            ["epochs_to_target"] = neutral.EpochsToTarget,
            ["final_test_accuracy"] = neutral.TestAccuracy[^1],
            ["gradient_at_start"] = neutral.GradientNormAtStart,
            ["loss_per_epoch"] = new JsonArray(neutral.TrainingLoss.Select(v => (JsonNode?)v).ToArray()),
            ["test_accuracy_per_epoch"] = new JsonArray(neutral.TestAccuracy.Select(v => (JsonNode?)v).ToArray()),
        },
    };
}

lossChoice["target_test_accuracy"] = LossChoice.TargetAccuracy;
lossChoice["epochs"] = LossChoice.Epochs;
results["loss_choice"] = lossChoice;
Plots.LossCurves(runs, Path.Combine(outDir, "loss-curves.png"));
Plots.SigmoidDerivative(Path.Combine(outDir, "sigmoid-gradients.png"));

// ---- 1. Sparse features: linear models vs trees --------------------------------------------------
Progress("Experiment 1: sparse features, 10,000 rows x 100 binary features, f1 on ten positive training rows");
var (sparseTrain, sparseTest) = Data.SpuriousFeature(seed: 7);
var models = new List<(string Name, ModelResult Result)>
{
    ("logistic_unregularized", SparseFeatures.Linear(sparseTrain, sparseTest, Data.Spurious, l2: 0, l1: 0)),
    ("logistic_l2", SparseFeatures.Linear(sparseTrain, sparseTest, Data.Spurious, l2: 0.01, l1: 0)),
    ("logistic_l1", SparseFeatures.Linear(sparseTrain, sparseTest, Data.Spurious, l2: 0, l1: 0.002)),
};
Progress("           linear models trained (2,000 gradient steps each)");
models.Add(("gradient_boosted_trees", SparseFeatures.Trees(sparseTrain, sparseTest, Data.Spurious, seed: 7)));
Progress("           FastTree trained");
foreach (var (name, result) in models)
{
    Console.WriteLine($"           {name,-24} test log-loss {result.TestLogLoss:F4}  AUC {result.TestAuc:F4}  weight on f1 {(result.WeightOnSpuriousFeature is { } w ? w.ToString("F3", CultureInfo.InvariantCulture) : "-")}  where f1 is on: log-loss {result.Spurious.TestLogLoss:F3} ({result.Spurious.Rows} rows), P(y=1 | f1 alone) {result.Spurious.ProbabilityForSpuriousOnly:F3}{(result.Splits is { } t ? $", {t.OnSpurious} of {t.Splits} splits on f1" : string.Empty)}");
}

Progress("           hashed bag-of-words variant: 2^18 buckets");
var (hashedTrain, hashedTest, hashedSpurious) = Data.HashedBagOfWords(seed: 11);
var hashed = new List<(string Name, ModelResult Result)>
{
    ("logistic_unregularized", SparseFeatures.Linear(hashedTrain, hashedTest, hashedSpurious, l2: 0, l1: 0, steps: 400)),
    ("logistic_l2", SparseFeatures.Linear(hashedTrain, hashedTest, hashedSpurious, l2: 0.01, l1: 0, steps: 400)),
    ("logistic_l1", SparseFeatures.Linear(hashedTrain, hashedTest, hashedSpurious, l2: 0, l1: 0.002, steps: 400)),
};
hashed.Add(("gradient_boosted_trees", SparseFeatures.Trees(hashedTrain, hashedTest, hashedSpurious, seed: 11)));

foreach (var (name, result) in hashed)
{
    Console.WriteLine($"           {name,-24} test log-loss {result.TestLogLoss:F4}  AUC {result.TestAuc:F4}  weight on the rare token {(result.WeightOnSpuriousFeature is { } w ? w.ToString("F3", CultureInfo.InvariantCulture) : "-")}  where it is on: log-loss {result.Spurious.TestLogLoss:F3} ({result.Spurious.Rows} rows), P(y=1 | token alone) {result.Spurious.ProbabilityForSpuriousOnly:F3}{(result.Splits is { } t ? $", {t.OnSpurious} of {t.Splits} splits on it" : string.Empty)}");
}

JsonObject ModelsJson(IEnumerable<(string Name, ModelResult Result)> list)
{
    var json = new JsonObject();
    foreach (var (name, result) in list)
    {
        json[name] = new JsonObject
        {
            ["test_log_loss"] = result.TestLogLoss,
            ["test_auc"] = result.TestAuc,
            ["weight_on_spurious_feature"] = result.WeightOnSpuriousFeature,
            ["rows_where_spurious_on"] = result.Spurious.Rows,
            ["test_log_loss_where_spurious_on"] = result.Spurious.TestLogLoss,
            ["probability_for_spurious_only"] = result.Spurious.ProbabilityForSpuriousOnly,
        };
        if (result.Splits is { } splits)
        {
            json[name]!["trees"] = splits.Trees;
            json[name]!["splits"] = splits.Splits;
            json[name]!["splits_on_spurious_feature"] = splits.OnSpurious;
            json[name]!["spurious_split_gain_share"] = splits.GainShare;
        }
    }

    return json;
}

results["sparse_features"] = new JsonObject
{
    ["models"] = ModelsJson(models),
    ["hashed_bag_of_words"] = new JsonObject
    {
        ["buckets"] = 1 << 18,
        ["models"] = ModelsJson(hashed),
    },
};
Plots.SparseComparison(models, Path.Combine(outDir, "sparse-features.png"));

// ---- 4. Distillation --------------------------------------------------------------------------
Progress("Experiment 4: distillation (teacher 32 hidden units on 4,000 rows; students 4 hidden units on 300)");
var distillation = Distillation.Run(seed: 5, message => Progress("           " + message));
Console.WriteLine($"           teacher {distillation.Teacher:P1}; student: hard labels {distillation.StudentHardLabels:P1}, distilled (T²) {distillation.StudentDistilled:P1}, distilled without T² {distillation.StudentDistilledWithoutT2:P1}");
results["distillation"] = new JsonObject
{
    ["teacher_accuracy"] = distillation.Teacher,
    ["student_hard_labels_accuracy"] = distillation.StudentHardLabels,
    ["student_distilled_accuracy"] = distillation.StudentDistilled,
    ["student_distilled_without_t2_accuracy"] = distillation.StudentDistilledWithoutT2,
    ["temperature"] = distillation.Temperature,
    ["transfer_set"] = new JsonObject
    {
        ["labelled_rows"] = distillation.Transfer.LabelledRows,
        ["transfer_rows"] = distillation.Transfer.TransferRows,
        ["student_labelled_only_accuracy"] = distillation.Transfer.LabelledOnly,
        ["student_transfer_accuracy"] = distillation.Transfer.WithT2,
        ["student_transfer_without_t2_accuracy"] = distillation.Transfer.WithoutT2,
    },
    ["soft_gradient_norm"] = new JsonObject
    {
        ["with_t2"] = new JsonObject(distillation.SoftGradients.Select(g => KeyValuePair.Create(g.Temperature.ToString(CultureInfo.InvariantCulture), (JsonNode?)g.WithT2))),
        ["without_t2"] = new JsonObject(distillation.SoftGradients.Select(g => KeyValuePair.Create(g.Temperature.ToString(CultureInfo.InvariantCulture), (JsonNode?)g.WithoutT2))),
    },
    ["sgd"] = new JsonObject
    {
        ["step"] = distillation.Sgd.Step,
        ["epochs"] = distillation.Sgd.Epochs,
        ["temperature"] = distillation.Temperature,
        ["student_labelled_only_accuracy"] = distillation.Sgd.LabelledOnly,
        ["student_transfer_accuracy"] = distillation.Sgd.WithT2,
        ["student_transfer_without_t2_accuracy"] = distillation.Sgd.WithoutT2,
    },
};
Console.WriteLine($"           transfer set ({distillation.Transfer.TransferRows:N0} unlabelled rows), Adam: labels only {distillation.Transfer.LabelledOnly:P1}, with the teacher's soft targets {distillation.Transfer.WithT2:P1} (T²), {distillation.Transfer.WithoutT2:P1} (no T²)");
Console.WriteLine($"           soft-term gradient norm by T (with T² / without): {string.Join(", ", distillation.SoftGradients.Select(g => $"T={g.Temperature}: {g.WithT2:E2} / {g.WithoutT2:E2}"))}");
Console.WriteLine($"           plain gradient descent (step {distillation.Sgd.Step}, {distillation.Sgd.Epochs} epochs): labels only {distillation.Sgd.LabelledOnly:P1}, transfer with T² {distillation.Sgd.WithT2:P1}, without T² {distillation.Sgd.WithoutT2:P1}");
Plots.Distillation(distillation, Path.Combine(outDir, "distillation.png"));
Plots.SoftGradients(distillation.SoftGradients, Path.Combine(outDir, "distillation-gradients.png"));

// ---- 5. Static vs dynamic masking --------------------------------------------------------------
Progress("Experiment 5: masked-token prediction, static masks (BERT) vs masks redrawn every epoch (RoBERTa)");
var masking = Masking.Run(seed: 13);
Console.WriteLine($"           after {masking.Epochs} epochs ({masking.Updates} updates each): static masks held-out {masking.Static.HeldoutAccuracy[^1]:P1} (train {masking.Static.TrainAccuracy[^1]:P1}), dynamic masks held-out {masking.Dynamic.HeldoutAccuracy[^1]:P1} (train {masking.Dynamic.TrainAccuracy[^1]:P1})");
JsonObject MaskingJson(MaskingRun run) => new()
{
    ["heldout_accuracy"] = run.HeldoutAccuracy[^1],
    ["train_accuracy"] = run.TrainAccuracy[^1],
    ["accuracy_by_epoch"] = new JsonObject
    {
        ["train"] = new JsonArray(run.TrainAccuracy.Select(a => (JsonNode?)a).ToArray()),
        ["heldout"] = new JsonArray(run.HeldoutAccuracy.Select(a => (JsonNode?)a).ToArray()),
    },
};
results["masking"] = new JsonObject
{
    ["static"] = MaskingJson(masking.Static),
    ["dynamic"] = MaskingJson(masking.Dynamic),
    ["train_sentences"] = masking.TrainSentences,
    ["heldout_sentences"] = masking.HeldoutSentences,
    ["sentence_length"] = masking.SentenceLength,
    ["masks_per_sentence"] = masking.MasksPerSentence,
    ["epochs"] = masking.Epochs,
    ["updates"] = masking.Updates,
};
Plots.Masking(masking, Path.Combine(outDir, "masking.png"));

// ---- Outputs ----------------------------------------------------------------------------------
File.WriteAllText(Path.Combine(outDir, "results.json"), results.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
File.WriteAllText(Path.Combine(outDir, "report.md"), Report.Write(runs, models, hashed, distillation, masking, worstGap));

Console.WriteLine();
Console.WriteLine("| experiment | result |");
Console.WriteLine("|---|---|");
Console.WriteLine($"| LR gradient (generated) | `{Losses.LogLoss_dz}`, max gap to finite differences {worstGap:E1} |");
foreach (var run in runs)
{
    Console.WriteLine($"| {run.Loss.Replace('_', ' ')}, {run.Start} start | final test accuracy {run.TestAccuracy[^1]:P1}, epochs to {LossChoice.TargetAccuracy:P0}: {(run.EpochsToTarget?.ToString(CultureInfo.InvariantCulture) ?? "never")}, gradient norm at start {run.GradientNormAtStart:E2} |");
}

foreach (var (name, result) in models)
{
    Console.WriteLine($"| sparse: {name.Replace('_', ' ')} | AUC {result.TestAuc:F3}, log-loss {result.TestLogLoss:F3}, f1 weight {(result.WeightOnSpuriousFeature is { } w ? w.ToString("F2", CultureInfo.InvariantCulture) : "n/a")} |");
}

Console.WriteLine($"| distillation | teacher {distillation.Teacher:P1}; student hard {distillation.StudentHardLabels:P1}, distilled {distillation.StudentDistilled:P1}, without T² {distillation.StudentDistilledWithoutT2:P1} |");
Console.WriteLine($"| masking, held-out accuracy | static {masking.Static.HeldoutAccuracy[^1]:P1} (train {masking.Static.TrainAccuracy[^1]:P1}), dynamic {masking.Dynamic.HeldoutAccuracy[^1]:P1} (train {masking.Dynamic.TrainAccuracy[^1]:P1}) |");
Console.WriteLine($"| distillation, transfer set | labels only {distillation.Transfer.LabelledOnly:P1}; with T² {distillation.Transfer.WithT2:P1}, without {distillation.Transfer.WithoutT2:P1} (plain GD: {distillation.Sgd.LabelledOnly:P1}; {distillation.Sgd.WithT2:P1}, {distillation.Sgd.WithoutT2:P1}) |");
Progress($"Wrote {Path.GetFullPath(Path.Combine(outDir, "results.json"))}, report.md and six plots");
