using Gradwise.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace Gradwise.Analyzers.Tests.Rules;

/// <summary>
/// GW2001 on hand-written SGD over sparse features: the update is marked <c>{|#9:...|}</c>, the sparse source <c>{|#0:...|}</c>.
/// Math.NET is referenced (the real 5.0.0 assembly) for its sparse vectors.
/// </summary>
public sealed class GW2001HandWrittenTests
{
    private static readonly MetadataReference MathNet = MetadataReference.CreateFromFile(typeof(global::MathNet.Numerics.LinearAlgebra.Double.SparseVector).Assembly.Location);

    private const string Usings = "using System;\nusing System.Collections.Generic;\nusing System.Linq;\n";

    public static TheoryData<string, string> Positives() => new()
    {
        { "logistic regression over a Dictionary<int, double> of active features", """
            class SparseLogistic
            {
                private readonly double[] weights = new double[1 << 20];
                private double bias;

                public double Predict(Dictionary<int, double> features)
                {
                    double z = bias;
                    foreach (var kv in features) z += weights[kv.Key] * kv.Value;
                    return 1.0 / (1.0 + Math.Exp(-z));
                }

                public void Train(List<(Dictionary<int, double> X, int Y)> data, double learningRate, int epochs)
                {
                    for (int epoch = 0; epoch < epochs; epoch++)
                    {
                        foreach (var (x, y) in data)
                        {
                            double error = y - Predict(x);
                            foreach (var kv in {|#0:x|})
                            {
                                {|#9:weights[kv.Key] += learningRate * error * kv.Value|};
                            }

                            bias += learningRate * error;
                        }
                    }
                }
            }
            """ },
        { "bag of words: weights keyed by token, read with GetValueOrDefault", """
            class SpamFilter
            {
                private readonly Dictionary<string, double> weights = new();

                double Score(string[] tokens) => tokens.Sum(t => weights.GetValueOrDefault(t));

                public void Learn(string message, bool spam, double rate)
                {
                    var tokens = message.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    var p = 1 / (1 + Math.Exp(-Score(tokens)));
                    var gradient = (spam ? 1 : 0) - p;
                    foreach (var token in {|#0:tokens|})
                    {
                        {|#9:weights[token] = weights.GetValueOrDefault(token) + rate * gradient|};
                    }
                }
            }
            """ },
        { "hashing trick into a fixed array", """
            class HashedModel
            {
                const int Bits = 18;
                readonly float[] w = new float[1 << Bits];

                static int Bucket(string token) => {|#0:token.GetHashCode()|} & ((1 << Bits) - 1);

                public void Update(IEnumerable<string> tokens, float label, float eta)
                {
                    float score = 0;
                    foreach (var t in tokens) score += w[Bucket(t)];
                    float residual = label - score;
                    foreach (var t in tokens)
                    {
                        int h = Bucket(t);
                        {|#9:w[h] += eta * residual|};
                    }
                }
            }
            """ },
        { "perceptron: mistake-driven, (index, value) tuples, weights passed to a dot product", """
            static class Perceptron
            {
                static double Dot(double[] w, (int Index, double Value)[] x) => x.Sum(f => w[f.Index] * f.Value);

                public static void Epoch(double[] w, List<((int Index, double Value)[] X, int Y)> rows)
                {
                    foreach (var row in rows)
                    {
                        if (row.Y * Dot(w, row.X) <= 0)
                        {
                            foreach (var (j, v) in {|#0:row.X|})
                            {
                                {|#9:w[j] += row.Y * v|};
                            }
                        }
                    }
                }
            }
            """ },
        { "gradient accumulated per batch in a dictionary, then applied", """
            class MiniBatch
            {
                readonly Dictionary<int, double> w = new();

                double Margin(Dictionary<int, double> x) => x.Sum(f => w.GetValueOrDefault(f.Key) * f.Value);

                public void Step(List<(Dictionary<int, double> X, double Y)> batch, double lr)
                {
                    var grad = new Dictionary<int, double>();
                    foreach (var (x, y) in batch)
                    {
                        var r = 1 / (1 + Math.Exp(-Margin(x))) - y;
                        foreach (var f in x) grad[f.Key] = grad.GetValueOrDefault(f.Key) + r * f.Value;
                    }

                    foreach (var g in {|#0:grad|})
                    {
                        {|#9:w[g.Key] = w.GetValueOrDefault(g.Key) - lr * g.Value / batch.Count|};
                    }
                }
            }
            """ },
        { "Math.NET sparse vector enumerated by index", """
            using MathNet.Numerics.LinearAlgebra;

            class MathNetSgd
            {
                readonly double[] theta = new double[100_000];

                public void Step(Vector<double> x, double y, double alpha)
                {
                    double z = 0;
                    foreach (var (i, v) in x.EnumerateIndexed(Zeros.AllowSkip)) z += theta[i] * v;
                    var err = 1 / (1 + Math.Exp(-z)) - y;
                    foreach (var (i, v) in {|#0:x.EnumerateIndexed(Zeros.AllowSkip)|})
                    {
                        {|#9:theta[i] -= alpha * err * v|};
                    }
                }
            }
            """ },
    };

    public static TheoryData<string, string> Negatives() => new()
    {
        { "word counts", """
            class Counter
            {
                readonly Dictionary<string, double> counts = new();
                public void Add(string text) { foreach (var word in text.Split(' ')) counts[word] = counts.GetValueOrDefault(word) + 1; }
            }
            """ },
        { "naive Bayes log-probabilities", """
            class Bayes
            {
                readonly Dictionary<string, double> logLikelihood = new();
                public void Fit(string[] words, double total) { foreach (var w in words) logLikelihood[w] = logLikelihood.GetValueOrDefault(w) + Math.Log(1.0 / total); }
            }
            """ },
        { "L2 in the update", """
            class Ridge
            {
                readonly double[] w = new double[1 << 16];
                public void Step(Dictionary<int, double> x, double y, double lr, double lambda)
                {
                    double z = 0; foreach (var f in x) z += w[f.Key] * f.Value;
                    var err = z - y;
                    foreach (var f in x) w[f.Key] -= lr * (err * f.Value + lambda * w[f.Key]);
                }
            }
            """ },
        { "weight decay as its own pass", """
            class Decayed
            {
                readonly double[] w = new double[1 << 16];
                public void Step(Dictionary<int, double> x, double y, double lr)
                {
                    for (int j = 0; j < w.Length; j++) w[j] *= 1 - lr * 1e-4;
                    double z = 0; foreach (var f in x) z += w[f.Key] * f.Value;
                    var err = z - y;
                    foreach (var f in x) w[f.Key] -= lr * err * f.Value;
                }
            }
            """ },
        { "L1 soft threshold in a helper given the weights", """
            class Lasso
            {
                readonly double[] w = new double[1 << 16];
                static void Shrink(double[] weights, double t) { for (int j = 0; j < weights.Length; j++) weights[j] = Math.Sign(weights[j]) * Math.Max(0, Math.Abs(weights[j]) - t); }
                public void Step(Dictionary<int, double> x, double y, double lr)
                {
                    double z = 0; foreach (var f in x) z += w[f.Key] * f.Value;
                    var err = z - y;
                    foreach (var f in x) w[f.Key] -= lr * err * f.Value;
                    Shrink(w, lr * 1e-3);
                }
            }
            """ },
        { "dense features indexed by position", """
            class Dense
            {
                readonly double[] w = new double[8];
                public void Step(double[] x, double y, double lr)
                {
                    double z = 0; for (int j = 0; j < x.Length; j++) z += w[j] * x[j];
                    var err = z - y;
                    for (int j = 0; j < x.Length; j++) w[j] -= lr * err * x[j];
                }
            }
            """ },
        { "a histogram of hashed buckets", """
            class Histogram
            {
                readonly double[] buckets = new double[1024];
                public void Add(string key, double amount) => buckets[(key.GetHashCode() & 0x7fffffff) % buckets.Length] += amount;
            }
            """ },
    };

    public static TheoryData<string> Shapes() => ShapeCases.Names(Positives(), Negatives());

    [Theory]
    [MemberData(nameof(Positives))]
    public Task Unpenalized_update_on_sparse_input(string shape, string code) => Verify(shape, code, expected: true);

    [Theory]
    [MemberData(nameof(Negatives))]
    public Task Look_alikes_are_silent(string shape, string code) => Verify(shape, code, expected: false);

    [Fact]
    public Task The_message_names_the_update_the_weights_and_the_source() => Run(
        """
        class M
        {
            readonly double[] w = new double[1 << 20];
            public void Step(Dictionary<int, double> x, double y, double lr)
            {
                double z = 0; foreach (var f in x) z += w[f.Key] * f.Value;
                foreach (var f in {|#0:x|}) {|#9:w[f.Key] -= lr * (z - y) * f.Value|};
            }
        }
        """,
        new DiagnosticResult(Descriptors.UnpenalizedLinearModelOnSparseFeatures).WithLocation(9).WithLocation(0)
            .WithArguments("w[f.Key] -= lr * (z - y) * f.Value", "no weight decay, λ·w term or L1 shrink in any update of 'w'", "the (index, value) pairs of 'x'"));

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Half_typed_code_does_not_crash_the_rule(string shape) =>
        HalfTypedCode.AssertNoCrashOnEveryPrefixOfMarkedSource(Usings + ShapeCases.Code(shape, Positives(), Negatives()), new Gradwise.Rules.SparseFeaturesAnalyzer(), MathNet);

    private static Task Verify(string shape, string code, bool expected)
    {
        _ = shape;
        return Run(code, expected ? new[] { new DiagnosticResult(Descriptors.UnpenalizedLinearModelOnSparseFeatures).WithLocation(9).WithLocation(0).WithMessage(null) } : Array.Empty<DiagnosticResult>());
    }

    private static Task Run(string code, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerVerifier<Gradwise.Rules.SparseFeaturesAnalyzer>.Test { TestCode = Usings + code };
        test.TestState.AdditionalReferences.Add(MathNet);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }
}

/// <summary>
/// GW2001 where the gradient comes from a generated <c>…WithGradient</c> of a <c>[Differentiable]</c> loss, and the input
/// vector it is given was filled at hashed indices: the generator runs for real, then the rule on its output.
/// </summary>
public sealed class GW2001DifferentiableLossTests
{
    private static string Program(string loss, string update) => $$"""
        using System;
        using Gradwise;

        public static partial class HashedText
        {
            [Differentiable]
            public static double Loss(ReadOnlySpan<double> w, [NoGradient] ReadOnlySpan<double> x, [NoGradient] double y)
            {
                double z = 0;
                for (int j = 0; j < w.Length; j++) z += w[j] * x[j];
                {{loss}}
            }

            public static void Train(double[] w, string[][] documents, double[] labels, double rate)
            {
                var x = new double[w.Length];
                var grad = new double[w.Length];
                for (int i = 0; i < documents.Length; i++)
                {
                    Array.Clear(x);
                    foreach (var token in documents[i]) x[(token.GetHashCode() & 0x7fffffff) % x.Length] += 1;
                    LossWithGradient(w, x, labels[i], grad);
                    {{update}}
                }
            }
        }
        """;

    private const string LogLoss = "return Math.Log(1 + Math.Exp(z)) - y * z;";
    private const string Update = "for (int j = 0; j < w.Length; j++) w[j] -= rate * grad[j];";

    private static IReadOnlyList<Microsoft.CodeAnalysis.Diagnostic> Run(string source)
    {
        var run = GeneratorHarness.Run(source).AssertCompiles();
        var outcome = AnalyzerRunner.Run(run.Output, new Gradwise.Rules.SparseFeaturesAnalyzer());
        Assert.Empty(outcome.Exceptions);
        return outcome.Diagnostics.Where(d => d.Id == "GW2001").ToList();
    }

    [Fact]
    public void A_loss_without_a_penalty_feeding_a_step_on_hashed_input_is_reported_on_the_step()
    {
        var found = Assert.Single(Run(Program(LogLoss, Update)));
        Assert.Equal("w[j] -= rate * grad[j]", found.Location.SourceTree!.GetText().ToString(found.Location.SourceSpan));
        Assert.Equal("token.GetHashCode()", found.AdditionalLocations[0].SourceTree!.GetText().ToString(found.AdditionalLocations[0].SourceSpan));
    }

    [Theory]
    [InlineData("double penalty = 0; for (int j = 0; j < w.Length; j++) penalty += w[j] * w[j]; return Math.Log(1 + Math.Exp(z)) - y * z + 1e-4 * penalty;")]
    [InlineData("double penalty = 0; for (int j = 0; j < w.Length; j++) penalty += Math.Abs(w[j]); return Math.Log(1 + Math.Exp(z)) - y * z + 1e-4 * penalty;")]
    public void A_loss_with_a_penalty_term_is_silent(string loss) => Assert.Empty(Run(Program(loss, Update)));

    [Fact]
    public void Decay_in_the_step_is_silent() => Assert.Empty(Run(Program(LogLoss, "for (int j = 0; j < w.Length; j++) w[j] -= rate * (grad[j] + 1e-4 * w[j]);")));
}
