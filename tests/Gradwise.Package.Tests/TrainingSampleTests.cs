using System.Text.Json;
using Xunit;

namespace Gradwise.Package.Tests;

/// <summary>
/// The README's main command: the training sample runs, trains with generated gradients, and
/// writes every output the samples issue names (results.json with its keys, four plots, report.md).
/// </summary>
[Trait("Category", "Package")]
[Collection(DotNetCliCollection.Name)]
public sealed class TrainingSampleTests
{
    [Fact]
    public void Training_sample_writes_results_plots_and_report()
    {
        var project = Path.Combine(Repo.Root, "samples", "Gradwise.Samples.Training", "Gradwise.Samples.Training.csproj");
        var output = Path.Combine(Path.GetTempPath(), "gradwise-training-" + Guid.NewGuid().ToString("N"));
        try
        {
            var run = DotNet.Run(Repo.Root, TimeSpan.FromMinutes(5), new[] { "run", "--project", project, "--disable-build-servers" }.Concat(Repo.NoRestoreWhenRestored()).Concat(new[] { "--", "--out", output }).ToArray());
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("Sigmoid(z) - y", run.Output, StringComparison.Ordinal);

            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "results.json")));
            var root = json.RootElement;
            foreach (var model in new[] { "logistic_unregularized", "logistic_l2", "logistic_l1", "gradient_boosted_trees" })
            {
                var m = root.GetProperty("sparse_features").GetProperty("models").GetProperty(model);
                Assert.InRange(m.GetProperty("test_auc").GetDouble(), 0.5, 1.0);
                Assert.True(m.GetProperty("test_log_loss").GetDouble() > 0);
                Assert.Equal(model == "gradient_boosted_trees", m.GetProperty("weight_on_spurious_feature").ValueKind == JsonValueKind.Null);
                foreach (var set in new[] { m, root.GetProperty("sparse_features").GetProperty("hashed_bag_of_words").GetProperty("models").GetProperty(model) })
                {
                    Assert.Equal(10, set.GetProperty("rows_where_spurious_on").GetInt32()); // the data plants the feature on ten test rows
                    Assert.True(set.GetProperty("test_log_loss_where_spurious_on").GetDouble() > 0);
                    Assert.InRange(set.GetProperty("probability_for_spurious_only").GetDouble(), 0, 1);
                    Assert.Equal(model == "gradient_boosted_trees", set.TryGetProperty("splits_on_spurious_feature", out var splits));
                    if (model == "gradient_boosted_trees")
                    {
                        Assert.InRange(splits.GetInt32(), 0, set.GetProperty("splits").GetInt32());
                        Assert.InRange(set.GetProperty("spurious_split_gain_share").GetDouble(), 0, 1);
                    }
                }
            }

            // The rule pages quote these numbers: they must be the ones this run measured.
            static string F3(JsonElement e, string key) => e.GetProperty(key).GetDouble().ToString("F3", System.Globalization.CultureInfo.InvariantCulture);
            var models = root.GetProperty("sparse_features").GetProperty("models");
            var (free, ridge, boosted) = (models.GetProperty("logistic_unregularized"), models.GetProperty("logistic_l2"), models.GetProperty("gradient_boosted_trees"));
            var gw2001 = File.ReadAllText(Path.Combine(Repo.Root, "docs", "rules", "GW2001.md")).ReplaceLineEndings(" ").Replace("  ", " ", StringComparison.Ordinal);
            Assert.Contains($"log-loss is {F3(free, "test_log_loss_where_spurious_on")} without a penalty against {F3(ridge, "test_log_loss_where_spurious_on")} with L2", gw2001, StringComparison.Ordinal);
            Assert.Contains($"P(y = 1) = {F3(free, "probability_for_spurious_only")} against {F3(ridge, "probability_for_spurious_only")} with L2", gw2001, StringComparison.Ordinal);
            var gw2002 = File.ReadAllText(Path.Combine(Repo.Root, "docs", "rules", "GW2002.md")).ReplaceLineEndings(" ").Replace("  ", " ", StringComparison.Ordinal);
            Assert.Contains($"spends {boosted.GetProperty("splits_on_spurious_feature").GetInt32()} of its {boosted.GetProperty("splits").GetInt32()} splits on f1", gw2002, StringComparison.Ordinal);
            Assert.Contains($"P(y = 1) = {F3(boosted, "probability_for_spurious_only")}", gw2002, StringComparison.Ordinal);
            Assert.Contains($"log-loss is {F3(boosted, "test_log_loss_where_spurious_on")}, against {F3(ridge, "test_log_loss_where_spurious_on")} for logistic regression with L2", gw2002, StringComparison.Ordinal);

            // Where the spurious feature fires, the unpenalized model is more confident in it than the L2 model.
            var sparse = root.GetProperty("sparse_features").GetProperty("models");
            Assert.True(sparse.GetProperty("logistic_unregularized").GetProperty("probability_for_spurious_only").GetDouble()
                > sparse.GetProperty("logistic_l2").GetProperty("probability_for_spurious_only").GetDouble());

            foreach (var loss in new[] { "cross_entropy", "squared_error" })
            {
                var l = root.GetProperty("loss_choice").GetProperty(loss);
                Assert.True(l.GetProperty("gradient_at_saturated_start").GetDouble() > 0);
                Assert.InRange(l.GetProperty("final_test_accuracy").GetDouble(), 0, 1);
                Assert.True(l.TryGetProperty("epochs_to_target", out _));
            }

            // The σ' ≤ 1/4 factor, measured: at the saturated start squared error's gradient is far smaller.
            Assert.True(
                root.GetProperty("loss_choice").GetProperty("squared_error").GetProperty("gradient_at_saturated_start").GetDouble() * 4
                < root.GetProperty("loss_choice").GetProperty("cross_entropy").GetProperty("gradient_at_saturated_start").GetDouble());

            foreach (var key in new[] { "teacher_accuracy", "student_hard_labels_accuracy", "student_distilled_accuracy", "student_distilled_without_t2_accuracy" })
            {
                Assert.InRange(root.GetProperty("distillation").GetProperty(key).GetDouble(), 0, 1);
            }

            var distill = root.GetProperty("distillation");
            foreach (var key in new[] { "student_labelled_only_accuracy", "student_transfer_accuracy", "student_transfer_without_t2_accuracy" })
            {
                Assert.InRange(distill.GetProperty("transfer_set").GetProperty(key).GetDouble(), 0, 1);
                Assert.InRange(distill.GetProperty("sgd").GetProperty(key).GetDouble(), 0, 1);
            }

            Assert.True(distill.GetProperty("transfer_set").GetProperty("transfer_rows").GetInt32() > distill.GetProperty("transfer_set").GetProperty("labelled_rows").GetInt32());

            // The soft term's gradient at the same weights: with T² it is exactly T² times the plain one, and the plain one falls as T grows.
            var withT2 = distill.GetProperty("soft_gradient_norm").GetProperty("with_t2");
            var withoutT2 = distill.GetProperty("soft_gradient_norm").GetProperty("without_t2");
            var previous = double.PositiveInfinity;
            foreach (var t in new[] { 1, 2, 4, 8 })
            {
                var key = t.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var plain = withoutT2.GetProperty(key).GetDouble();
                Assert.Equal(t * t * plain, withT2.GetProperty(key).GetDouble(), 9);
                Assert.True(plain < previous, $"the soft gradient did not fall at T = {t}");
                previous = plain;
            }

            // Static vs dynamic masking: the same number of updates; accuracies per epoch, the last equal to the reported one.
            var masking = root.GetProperty("masking");
            var epochs = masking.GetProperty("epochs").GetInt32();
            Assert.True(masking.GetProperty("updates").GetInt32() > 0);
            foreach (var strategy in new[] { "static", "dynamic" })
            {
                var measured = masking.GetProperty(strategy);
                var byEpoch = measured.GetProperty("accuracy_by_epoch");
                Assert.Equal(epochs, byEpoch.GetProperty("train").GetArrayLength());
                Assert.Equal(epochs, byEpoch.GetProperty("heldout").GetArrayLength());
                Assert.Equal(measured.GetProperty("heldout_accuracy").GetDouble(), byEpoch.GetProperty("heldout")[epochs - 1].GetDouble());
                Assert.Equal(measured.GetProperty("train_accuracy").GetDouble(), byEpoch.GetProperty("train")[epochs - 1].GetDouble());
                Assert.InRange(measured.GetProperty("heldout_accuracy").GetDouble(), 0, 1);
            }

            // GW5001's page quotes the masking numbers: they must be the ones this run measured.
            static string P1(JsonElement e, string key) => e.GetProperty(key).GetDouble().ToString("P1", System.Globalization.CultureInfo.InvariantCulture);
            var gw5001 = File.ReadAllText(Path.Combine(Repo.Root, "docs", "rules", "GW5001.md")).ReplaceLineEndings(" ");
            var (fixedMasks, freshMasks) = (masking.GetProperty("static"), masking.GetProperty("dynamic"));
            Assert.Contains($"static masks reach {P1(fixedMasks, "train_accuracy")} on their training masks and {P1(fixedMasks, "heldout_accuracy")} on held-out sentences; dynamic masks {P1(freshMasks, "train_accuracy")} and {P1(freshMasks, "heldout_accuracy")}", gw5001, StringComparison.Ordinal);

            Assert.Equal("Sigmoid(z) - y", root.GetProperty("derivation").GetProperty("log_loss_gradient").GetString());
            foreach (var plot in new[] { "loss-curves.png", "sigmoid-gradients.png", "sparse-features.png", "distillation.png", "distillation-gradients.png", "masking.png" })
            {
                var bytes = File.ReadAllBytes(Path.Combine(output, plot));
                Assert.True(bytes.Length > 5_000 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G', plot + " is not a PNG");
            }

            var report = File.ReadAllText(Path.Combine(output, "report.md"));
            Assert.Contains("![", report, StringComparison.Ordinal);
            Assert.Contains("GW1001.md", report, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }
}
