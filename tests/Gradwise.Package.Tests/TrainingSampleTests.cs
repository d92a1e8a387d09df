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
            var run = DotNet.Run(Repo.Root, TimeSpan.FromMinutes(5), "run", "--project", project, "--disable-build-servers", "--", "--out", output);
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
            }

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

            Assert.Equal("Sigmoid(z) - y", root.GetProperty("derivation").GetProperty("log_loss_gradient").GetString());
            foreach (var plot in new[] { "loss-curves.png", "sigmoid-gradients.png", "sparse-features.png", "distillation.png" })
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
