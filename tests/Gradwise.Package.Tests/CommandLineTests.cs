using System.Globalization;
using System.Text.RegularExpressions;
using Xunit;

namespace Gradwise.Package.Tests;

/// <summary>
/// What the command line shows of the installed package, on a copy of the student project: the SARIF log a CI
/// uploads, and <c>dotnet format analyzers</c> applying every mechanical fix (Fix All from the command line).
/// </summary>
[Trait("Category", "Package")]
[Collection(DotNetCliCollection.Name)]
public sealed class CommandLineTests : IClassFixture<PackedGradwise>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>Rules whose fix is mechanical; GW2002, GW9002 and GW9003 ask for a decision the fix cannot make.</summary>
    private static readonly string[] Fixable = { "GW1001", "GW1002", "GW1003", "GW2001", "GW3001", "GW4001", "GW5001", "GW9001" };

    /// <summary>
    /// The student's own program, rewritten to exercise the mistakes: it prints one "KEY value" line per measurement
    /// and compiles both before and after the fixes.
    /// </summary>
    private const string Checks = """
        using System.Globalization;
        using StudentProject;

        // GW1001: a neuron (with a bias input) learning which side of a line a point is on, from zero weights.
        var random = new Random(7);
        var data = Enumerable.Range(0, 200).Select(_ =>
        {
            var a = (random.NextDouble() * 4) - 2;
            var b = (random.NextDouble() * 4) - 2;
            return (X: new[] { a, b, 1.0 }, Y: a + b - 0.5 > 0 ? 1.0 : 0.0);
        }).ToArray();
        var neuron = new Neuron(3);
        double LogLoss() => data.Average(d =>
        {
            var o = Math.Clamp(neuron.Forward(d.X), 1e-15, 1 - 1e-15);
            return -((d.Y * Math.Log(o)) + ((1 - d.Y) * Math.Log(1 - o)));
        });
        Report("NEURON_START", LogLoss());
        for (var epoch = 0; epoch < 5; epoch++)
        {
            foreach (var d in data)
            {
                neuron.Forward(d.X);
                neuron.Backward(d.X, d.Y, 0.1);
            }
        }

        Report("NEURON_END", LogLoss());

        // GW1002: a confident mistake (the true class has probability e^-50).
        Report("CLASSIFIER_CONFIDENT_MISTAKE", Classifier.Loss(new[] { 0.0, 0.0, 50.0 }, new[] { 1.0, 0.0, 0.0 }));

        // GW3001: the log-loss of a logit of 1000 for a negative example.
        Report("LOGISTIC_Z1000", Logistic.LogLoss(new[] { 1000.0 }, new[] { 1.0 }, 0));

        // GW1003: the log-loss on the logit of a confident mistake (z = −10 for a positive example).
        Report("LOGIT_LOSS_CONFIDENT_MISTAKE", LogitLoss.Loss(new[] { 1.0 }, new[] { -10.0 }, 1));

        // GW4001: the soft term's gradient alone (alpha = 0) at T = 4.
        var logits = new[] { 2.0, -1.0, 0.5 };
        var gradient = new double[3];
        Distillation.StudentLossWithGradient(logits, new[] { 0.2, 0.5, 0.3 }, 0, 4.0, 0.0, gradient);
        Report("DISTILLATION_SOFT_GRADIENT_NORM_T4", Math.Sqrt(gradient.Sum(g => g * g)));

        // GW5001: how many (neighbour, word) pairs the pretraining ever asks about.
        var corpus = new Random(3);
        var sentences = Enumerable.Range(0, 50).Select(_ => Enumerable.Range(0, 8).Select(_ => corpus.Next(20)).ToArray()).ToArray();
        Report("PRETRAINING_PAIRS_TRAINED", Pretraining.Train(sentences, 20, 10, 11).Count(w => w != 0));

        // GW9001: the generator could add the gradient method only to a partial class.
        Report("HUBERISH_WITH_GRADIENT", typeof(RegressionLosses).GetMethod("HuberishWithGradient") is null ? 0 : 1);

        static void Report(string key, double value) => Console.WriteLine(key + " " + value.ToString("R", CultureInfo.InvariantCulture));
        """;

    private readonly PackedGradwise package;

    public CommandLineTests(PackedGradwise package)
    {
        this.package = package;
    }

    [Fact]
    public void Sarif_log_has_every_warning_with_its_help_link_and_the_location_of_the_activation()
    {
        var project = package.StudentProject("sarif");
        var build = DotNet.Run(project, Timeout, "build", "--disable-build-servers", "-v:minimal", "-p:ErrorLog=gradwise.sarif%2Cversion=2.1");
        Assert.True(build.ExitCode == 0, build.ToString());

        var results = Sarif.Read(Path.Combine(project, "gradwise.sarif")).Where(r => r.RuleId.StartsWith("GW", StringComparison.Ordinal)).ToList();
        var reported = results.Select(r => (r.RuleId, r.Location.File, r.Location.StartLine)).Distinct().OrderBy(t => t.RuleId).ThenBy(t => t.File).ThenBy(t => t.StartLine).ToArray();
        Assert.Equal(MistakesTourTests.Expected, reported);

        foreach (var result in results)
        {
            Assert.Equal("warning", result.Level); // the sample's .editorconfig makes the generator's errors warnings too
            Assert.Equal("https://github.com/gradwise/gradwise/blob/main/docs/rules/" + result.RuleId + ".md", result.HelpUri);
            Assert.True(File.Exists(Path.Combine(Repo.Root, "docs", "rules", result.RuleId + ".md")), result.RuleId + " has no page");

            // A message that names where the activation (or the draw) is, "(File.cs line N)", carries that place as a related location.
            foreach (Match named in Regex.Matches(result.Message, @"\((?<file>\w+\.cs) line (?<line>\d+)\)"))
            {
                var line = int.Parse(named.Groups["line"].Value, CultureInfo.InvariantCulture);
                Assert.True(
                    result.Related.Any(r => r.File == named.Groups["file"].Value && r.StartLine == line),
                    $"{result.RuleId} at {result.Location} names {named.Value} but its related locations are [{string.Join(", ", result.Related)}]");
            }
        }

        // The rules that follow an activation to the loss say where it is.
        Assert.Contains(results, r => r.RuleId == "GW1001" && r.Related.Any(l => l is { File: "Neuron.cs", StartLine: 22 }));
        Assert.Contains(results, r => r.RuleId == "GW1002" && r.Related.Any(l => l is { File: "Classifier.cs", StartLine: 20 }));
        Assert.Contains(results, r => r.RuleId == "GW3001" && r.Related.Any(l => l is { File: "Logistic.cs", StartLine: 18 }));
    }

    [Fact]
    public void Dotnet_format_applies_every_mechanical_fix_and_the_fixed_student_project_learns()
    {
        var project = package.StudentProject("format");
        File.WriteAllText(Path.Combine(project, "Program.cs"), Checks);

        var before = BuildAndRun(project);
        Assert.True(before.Warnings.IsSupersetOf(Fixable), "the copy does not show every fixable rule: " + string.Join(", ", before.Warnings));

        // The CI check: --verify-no-changes fails while a fix is pending.
        var pending = DotNet.Run(project, Timeout, new[] { "format", "analyzers", "--no-restore", "--severity", "warn", "--verify-no-changes", "--diagnostics" }.Concat(Fixable).ToArray());
        Assert.True(pending.ExitCode != 0, "--verify-no-changes passed with fixes pending: " + pending);

        foreach (var rule in Fixable)
        {
            var format = DotNet.Run(project, Timeout, "format", "analyzers", "--no-restore", "--severity", "warn", "--diagnostics", rule);
            Assert.True(format.ExitCode == 0, rule + ": " + format);
        }

        var clean = DotNet.Run(project, Timeout, new[] { "format", "analyzers", "--no-restore", "--severity", "warn", "--verify-no-changes", "--diagnostics" }.Concat(Fixable).ToArray());
        Assert.True(clean.ExitCode == 0, "a fix is still pending after dotnet format: " + clean);

        var after = BuildAndRun(project);
        Assert.Empty(after.Warnings.Intersect(Fixable));
        Assert.Equal(new[] { "GW2002", "GW9002", "GW9003" }, after.Warnings.Order().ToArray()); // no mechanical fix: a decision for the student

        // GW1001: the fixed neuron learns, and faster than the squared-error one did (σ'(0) = 1/4 is gone from its step).
        Assert.True(after.Values["NEURON_END"] < after.Values["NEURON_START"], $"{after.Values["NEURON_START"]} → {after.Values["NEURON_END"]}");
        Assert.True(after.Values["NEURON_END"] < before.Values["NEURON_END"], $"cross-entropy {after.Values["NEURON_END"]}, squared error {before.Values["NEURON_END"]}");

        // GW1002: squared error on probabilities caps a confident mistake's loss at 2/K; cross-entropy does not.
        Assert.True(before.Values["CLASSIFIER_CONFIDENT_MISTAKE"] < 1, before.Values["CLASSIFIER_CONFIDENT_MISTAKE"].ToString(CultureInfo.InvariantCulture));
        Assert.True(after.Values["CLASSIFIER_CONFIDENT_MISTAKE"] > 9, after.Values["CLASSIFIER_CONFIDENT_MISTAKE"].ToString(CultureInfo.InvariantCulture));

        // GW3001: log(1 − σ(1000)) was log 0; the fixed loss is the exact −log σ(−1000) = 1000.
        Assert.Equal(double.PositiveInfinity, before.Values["LOGISTIC_Z1000"]);
        Assert.Equal(1000, after.Values["LOGISTIC_Z1000"], 9);

        // GW1003: given σ(z), the loss applied the sigmoid again and a confident mistake cost under log 2; given z it costs −log σ(−10).
        Assert.True(before.Values["LOGIT_LOSS_CONFIDENT_MISTAKE"] < Math.Log(2), before.Values["LOGIT_LOSS_CONFIDENT_MISTAKE"].ToString(CultureInfo.InvariantCulture));
        Assert.Equal(-Math.Log(1 / (1 + Math.Exp(10))), after.Values["LOGIT_LOSS_CONFIDENT_MISTAKE"], 9);

        // GW4001: the soft term's gradient is T² = 16 times larger, as Hinton et al. scale it.
        Assert.Equal(16, after.Values["DISTILLATION_SOFT_GRADIENT_NORM_T4"] / before.Values["DISTILLATION_SOFT_GRADIENT_NORM_T4"], 9);

        // GW5001: with a mask drawn every epoch the model is asked about many more words.
        Assert.True(before.Values["PRETRAINING_PAIRS_TRAINED"] <= 50, before.Values["PRETRAINING_PAIRS_TRAINED"].ToString(CultureInfo.InvariantCulture));
        Assert.True(after.Values["PRETRAINING_PAIRS_TRAINED"] > 2 * before.Values["PRETRAINING_PAIRS_TRAINED"], $"{before.Values["PRETRAINING_PAIRS_TRAINED"]} → {after.Values["PRETRAINING_PAIRS_TRAINED"]}");

        // GW9001: the class is partial now, and the generator added the method.
        Assert.Equal(0, before.Values["HUBERISH_WITH_GRADIENT"]);
        Assert.Equal(1, after.Values["HUBERISH_WITH_GRADIENT"]);
    }

    private static (HashSet<string> Warnings, Dictionary<string, double> Values) BuildAndRun(string project)
    {
        var build = DotNet.Run(project, Timeout, "build", "--no-incremental", "--disable-build-servers", "-v:minimal", "-clp:NoSummary");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain("AD0001", build.Output);
        var warnings = Regex.Matches(build.Output, @"warning (?<rule>GW\d{4})").Select(m => m.Groups["rule"].Value).ToHashSet();

        var run = DotNet.Run(project, Timeout, "run", "--no-build");
        Assert.True(run.ExitCode == 0, run.ToString());
        var values = Regex.Matches(run.Output, @"^(?<key>[A-Z0-9_]+) (?<value>\S+)\r?$", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups["key"].Value, m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));
        return (warnings, values);
    }
}
