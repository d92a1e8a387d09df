using Gradwise.Analyzers.Tests.Infrastructure;
using Gradwise.Rules;
using Xunit;
using Fix = Gradwise.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<Gradwise.Rules.UnstableLogAnalyzer, Gradwise.CodeFixes.Rules.UnstableLogFixer>;
using Verify = Gradwise.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Gradwise.Rules.UnstableLogAnalyzer>;

namespace Gradwise.Analyzers.Tests.Rules;

/// <summary>GW3001 on the shapes logistic-regression code, networks and cost-function classes take, and not on guarded or stable logs.</summary>
public sealed class GW3001UnstableLogTests
{
    /// <summary>Where a probability that can round to 0 goes into a log unguarded: the rule fires at the marked log.</summary>
    public static TheoryData<string, string> Positives() => new()
    {
        { "log of an inline sigmoid", """
            class C { double LogLikelihood(double z) => {|GW3001:Math.Log(1 / (1 + Math.Exp(-z)))|}; }
            """ },
        { "binary cross-entropy on a sigmoid local", """
            class C
            {
                static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                double Loss(double z, double y)
                {
                    double p = Sigmoid(z);
                    return -(y * {|GW3001:Math.Log(p)|} + (1 - y) * {|GW3001:Math.Log(1 - p)|});
                }
            }
            """ },
        { "accumulated over a dataset with -=", """
            class LogisticRegression
            {
                double[] w = new double[3];
                static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                public double Cost(double[][] x, double[] y)
                {
                    double total = 0;
                    for (int i = 0; i < y.Length; i++)
                    {
                        double z = 0;
                        for (int j = 0; j < w.Length; j++) z += w[j] * x[i][j];
                        double h = Sigmoid(z);
                        total -= y[i] * {|GW3001:Math.Log(h)|} + (1 - y[i]) * {|GW3001:Math.Log(1 - h)|};
                    }
                    return total / y.Length;
                }
            }
            """ },
        { "label chooses the log", """
            class C
            {
                static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                double Loss(double z, int label) { var p = Sigmoid(z); return label == 1 ? -{|GW3001:Math.Log(p)|} : -{|GW3001:Math.Log(1 - p)|}; }
            }
            """ },
        { "sigmoid output in a field written by Forward", """
            class Neuron
            {
                public double Output;
                public void Forward(double net) { Output = 1.0 / (1.0 + Math.Exp(-net)); }
            }
            class Trainer
            {
                public double Loss(Neuron n, double target) => -(target * {|GW3001:Math.Log(n.Output)|} + (1 - target) * {|GW3001:Math.Log(1 - n.Output)|});
            }
            """ },
        { "exp over one plus exp form", """
            class C
            {
                static double Logistic(double t) => Math.Exp(t) / (1 + Math.Exp(t));
                double Nll(double z) => -{|GW3001:Math.Log(Logistic(z))|};
            }
            """ },
        { "float sigmoid with MathF", """
            class C
            {
                static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));
                float Loss(float z, float y) { float p = Sigmoid(z); return -(y * {|GW3001:MathF.Log(p)|} + (1 - y) * {|GW3001:MathF.Log(1 - p)|}); }
            }
            """ },
        { "clipped sigmoid that returns exactly 0 and 1", """
            class C
            {
                static double Sigmoid(double x) => x switch { < -20 => 0, > 20 => 1, _ => 1 / (1 + Math.Exp(-x)) };
                double Loss(double z, double y) { var p = Sigmoid(z); return -(y * {|GW3001:Math.Log(p)|} + (1 - y) * {|GW3001:Math.Log(1 - p)|}); }
            }
            """ },
        { "activation behind an interface", """
            interface IActivation { double Apply(double x); }
            class Sigmoid : IActivation { public double Apply(double x) => 1 / (1 + Math.Exp(-x)); }
            class Model
            {
                readonly IActivation act = new Sigmoid();
                public double Loss(double z, double y) { var p = act.Apply(z); return -(y * {|GW3001:Math.Log(p)|} + (1 - y) * {|GW3001:Math.Log(1 - p)|}); }
            }
            """ },
        { "softmax probabilities from LINQ", """
            using System.Linq;
            class Classifier
            {
                public double Loss(double[] scores, int label)
                {
                    double max = scores.Max();
                    double[] e = scores.Select(s => Math.Exp(s - max)).ToArray();
                    double sum = e.Sum();
                    double[] probs = e.Select(v => v / sum).ToArray();
                    return -{|GW3001:Math.Log(probs[label])|};
                }
            }
            """ },
        { "softmax written with a loop into an array field", """
            class Layer
            {
                public double[] Probs = new double[3];
                public void Forward(double[] s)
                {
                    double sum = 0;
                    for (int k = 0; k < s.Length; k++) sum += Math.Exp(s[k]);
                    for (int k = 0; k < s.Length; k++) Probs[k] = Math.Exp(s[k]) / sum;
                }
                public double Loss(int label) => -{|GW3001:Math.Log(Probs[label])|};
            }
            """ },
        { "softmax normalized in place", """
            class Output
            {
                public double[] Probabilities(double[] s)
                {
                    var e = new double[s.Length];
                    double sum = 0;
                    for (int k = 0; k < s.Length; k++) { e[k] = Math.Exp(s[k]); sum += e[k]; }
                    for (int k = 0; k < s.Length; k++) e[k] /= sum;
                    return e;
                }
                public double Loss(double[] s, int label) => -{|GW3001:Math.Log(Probabilities(s)[label])|};
            }
            """ },
        { "user log helper with no floor", """
            class C
            {
                static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                static double Ln(double v) => Math.Log(v);
                double Loss(double z, double y) { var p = Sigmoid(z); return -(y * {|GW3001:Ln(p)|} + (1 - y) * {|GW3001:Ln(1 - p)|}); }
            }
            """ },
        { "cost class receives the probability as a parameter", """
            class CrossEntropyCost
            {
                public double Evaluate(double output, double expected) =>
                    -(expected * {|GW3001:Math.Log(output)|} + (1 - expected) * {|GW3001:Math.Log(1 - output)|});
            }
            """ },
        { "categorical cost over arrays", """
            class CategoricalCrossEntropy
            {
                public double Evaluate(double[] output, double[] expected)
                {
                    double sum = 0;
                    for (int i = 0; i < output.Length; i++) sum += expected[i] * {|GW3001:Math.Log(output[i])|};
                    return -sum;
                }
            }
            """ },
        { "categorical cost over lists", """
            using System.Collections.Generic;
            class Cost
            {
                public static double Of(List<double> predicted, List<double> actual)
                {
                    double loss = 0;
                    for (int k = 0; k < predicted.Count; k++) loss -= actual[k] * {|GW3001:Math.Log(predicted[k])|};
                    return loss;
                }
            }
            """ },
        { "cost class with using static Math", """
            namespace Losses
            {
                using static System.Math;
                public sealed class BinaryCrossEntropy
                {
                    public double Evaluate(double target, double output) => -target * {|GW3001:Log(output)|} - (1.0 - target) * {|GW3001:Log(1.0 - output)|};
                }
            }
            """ },
        { "NaN masked after the fact", """
            class LogLossCost
            {
                public double Function(double expected, double actual)
                {
                    var result = -expected * {|GW3001:Math.Log(actual)|} - (1 - expected) * {|GW3001:Math.Log(1 - actual)|};
                    return double.IsNaN(result) ? 0 : result;
                }
            }
            """ },
        { "float cost cast from double logs", """
            class Cost
            {
                public float Of(float a, float y) => (float)(-y * {|GW3001:Math.Log(a)|} - (1 - y) * {|GW3001:Math.Log(1 - a)|});
            }
            """ },
        { "double.Log on a sigmoid", """
            class C
            {
                static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                double Loss(double z) => -{|GW3001:double.Log(Sigmoid(z))|};
            }
            """ },
    };

    /// <summary>Logs that are guarded, stable, or not of a probability.</summary>
    public static TheoryData<string, string> Negatives() => new()
    {
        { "clamped with an epsilon", """
            class C
            {
                static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                double Loss(double z, double y) { var p = Math.Clamp(Sigmoid(z), 1e-12, 1 - 1e-12); return -(y * Math.Log(p) + (1 - y) * Math.Log(1 - p)); }
            }
            """ },
        { "parameter clamped in place before the logs", """
            class CrossEntropyCost
            {
                const double Epsilon = 1e-10;
                public double Cost(double activation, double expected)
                {
                    activation = Math.Clamp(activation, Epsilon, 1 - Epsilon);
                    return -(expected * Math.Log(activation) + (1 - expected) * Math.Log(1 - activation));
                }
            }
            """ },
        { "one log of the prediction and one of the label", """
            class Cost
            {
                public double Function(double y, double a) => -a * Math.Log(y) - (1.0 - a) * Math.Log(1.0 - a);
            }
            """ },
        { "plus epsilon inside the log", """
            class C
            {
                static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                const double Eps = 1e-15;
                double Loss(double z, double y) { var p = Sigmoid(z); return -(y * Math.Log(p + Eps) + (1 - y) * Math.Log(1 - p + Eps)); }
            }
            """ },
        { "Math.Max with an epsilon", """
            class C
            {
                static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                double Loss(double z) => -Math.Log(Math.Max(Sigmoid(z), 1e-12));
            }
            """ },
        { "helper that floors its argument", """
            class C
            {
                static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                static double SafeLog(double v) => Math.Log(Math.Max(v, 1e-15));
                double Loss(double z, double y) { var p = Sigmoid(z); return -(y * SafeLog(p) + (1 - y) * SafeLog(1 - p)); }
            }
            """ },
        { "stable form with softplus", """
            class C
            {
                static double Softplus(double x) => Math.Max(x, 0) + Math.Log(1 + Math.Exp(-Math.Abs(x)));
                double Loss(double z, double y) => y * Softplus(-z) + (1 - y) * Softplus(z);
            }
            """ },
        { "log-sum-exp with the max shift", """
            class C
            {
                double Loss(double[] s, int label)
                {
                    double max = s[0];
                    for (int k = 1; k < s.Length; k++) max = Math.Max(max, s[k]);
                    double sum = 0;
                    for (int k = 0; k < s.Length; k++) sum += Math.Exp(s[k] - max);
                    return Math.Log(sum) + max - s[label];
                }
            }
            """ },
        { "log of a likelihood of counts", """
            class Poisson
            {
                public double LogLikelihood(double lambda, int k) => k * Math.Log(lambda) - lambda;
            }
            """ },
        { "entropy of a histogram with a guard", """
            class Histogram
            {
                public double Entropy(int[] counts, int total)
                {
                    double h = 0;
                    foreach (var c in counts) { if (c == 0) continue; double p = (double)c / total; h -= p * Math.Log(p); }
                    return h;
                }
            }
            """ },
        { "log of a tanh output shifted", """
            class C
            {
                double F(double z) => Math.Log(1.5 + Math.Tanh(z));
            }
            """ },
        { "log of a positive feature", """
            class Features
            {
                public double LogIncome(double income) => Math.Log(income);
                public double Scaled(double[] x, double[] w, int i) => w[i] + Math.Log(x[i]);
            }
            """ },
        { "sigmoid only in a hidden layer, log of the linear output", """
            class Net
            {
                static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                double Out(double x, double w1, double w2) { double h = Sigmoid(w1 * x); double o = w2 * h + 2; return Math.Log(o * o + 1); }
            }
            """ },
        { "log of 1 plus the exponential", """
            class C { double Softplus(double z) => Math.Log(1 + Math.Exp(z)); }
            """ },
        { "log of a sigmoid in a Differentiable method", """
            using Gradwise;
            static partial class Losses
            {
                static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                [Differentiable] public static double LogLoss(double y, double z) => -(y * Math.Log(Sigmoid(z)) + (1 - y) * Math.Log(1 - Sigmoid(z)));
            }
            """ },
        { "log with a base", """
            class C
            {
                static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                double Bits(double z) => Math.Log(Sigmoid(z) + 1, 2);
            }
            """ },
        { "same index on the same array", """
            class C
            {
                public double Weighted(double[] p)
                {
                    double s = 0;
                    for (int i = 0; i < p.Length; i++) s += p[i] * Math.Log(p[i] + 1e-12);
                    return s;
                }
            }
            """ },
        { "log of one minus a uniform sample", """
            class Sampler
            {
                readonly Random random = new Random(1);
                public double Exponential(double rate) => -Math.Log(1 - random.NextDouble()) / rate;
            }
            """ },
    };

    private static string WithUsings(string code) => "using System;\n" + code;

    [Theory]
    [MemberData(nameof(Positives))]
    public Task Fires(string shape, string code)
    {
        _ = shape;
        return Verify.VerifyAnalyzerAsync(WithUsings(code));
    }

    [Theory]
    [MemberData(nameof(Negatives))]
    public Task Stays_silent(string shape, string code)
    {
        _ = shape;
        return Verify.VerifyAnalyzerAsync(WithUsings(code));
    }

    [Fact]
    public Task Message_says_what_p_is_when_it_rounds_to_zero_and_where_the_sigmoid_is() => Verify.VerifyAnalyzerAsync(
        WithUsings("""
            class Neuron
            {
                double output;
                public void Forward(double net) { output = {|#1:1 / (1 + Math.Exp(-net))|}; }
                public double Loss(double y) => -(y * {|#2:Math.Log(output)|} + (1 - y) * {|#0:Math.Log(1 - output)|});
            }
            """),
        Verify.Diagnostic(Descriptors.UnstableLogOfProbability).WithLocation(2).WithLocation(1)
            .WithArguments("Math.Log(output)", "a sigmoid output (Test0.cs line 5)", "σ(z) is 0 for z below about −710", "use −Softplus(−z) on the logit, or clamp p away from 0"),
        Verify.Diagnostic(Descriptors.UnstableLogOfProbability).WithLocation(0).WithLocation(1)
            .WithArguments("Math.Log(1 - output)", "1 minus a sigmoid output (Test0.cs line 5)", "1 − σ(z) rounds to 0 for z above about 36.7", "use −Softplus(z) on the logit, or clamp 1 − p away from 0"));

    [Fact]
    public Task Fix_computes_both_logs_from_the_logit_and_adds_one_softplus() => new Fix.Test
    {
        TestCode = WithUsings("""
            class C
            {
                static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                double Loss(double z, double y)
                {
                    double p = Sigmoid(z);
                    return -(y * {|GW3001:Math.Log(p)|} + (1 - y) * {|GW3001:Math.Log(1 - p)|});
                }
                double Nll(double w, double x) => -{|GW3001:Math.Log(1 / (1 + Math.Exp(-(w * x))))|};
            }
            """),
        FixedCode = WithUsings("""
            class C
            {
                static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                double Loss(double z, double y)
                {
                    double p = Sigmoid(z);
                    return -(y * -Softplus(-z) + (1 - y) * -Softplus(z));
                }
                double Nll(double w, double x) => -(-Softplus(-(w * x)));

                // log(1 + e^x) without overflow: log σ(z) = -Softplus(-z), log(1 - σ(z)) = -Softplus(z) (GW3001)
                private static double Softplus(double x) => Math.Max(x, 0) + Math.Log(1 + Math.Exp(-Math.Abs(x)));
            }
            """),
        CodeActionEquivalenceKey = "GW3001.Stable",
    }.RunAsync();

    [Fact]
    public Task Fix_uses_the_logit_only_where_it_still_holds_the_value_the_sigmoid_saw() => new Fix.Test
    {
        TestCode = WithUsings("""
            class Unit
            {
                static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                double Accumulated(double[] w, double[] x, double y)
                {
                    double z = 0;
                    for (int j = 0; j < w.Length; j++) z += w[j] * x[j];
                    double p = Sigmoid(z);
                    return -(y * {|GW3001:Math.Log(p)|} + (1 - y) * {|GW3001:Math.Log(1 - p)|});
                }
                double Moved(double z, double y)
                {
                    double p = Sigmoid(z);
                    z = z * 2;
                    return -(y * {|GW3001:Math.Log(p)|} + (1 - y) * {|GW3001:Math.Log(1 - p)|});
                }
                double InLoop(double z, double[] ys)
                {
                    double p = Sigmoid(z), loss = 0;
                    foreach (var y in ys) { loss -= y * {|GW3001:Math.Log(p)|}; z += 1; }
                    return loss;
                }
            }
            """),
        FixedCode = WithUsings("""
            class Unit
            {
                static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                double Accumulated(double[] w, double[] x, double y)
                {
                    double z = 0;
                    for (int j = 0; j < w.Length; j++) z += w[j] * x[j];
                    double p = Sigmoid(z);
                    return -(y * -Softplus(-z) + (1 - y) * -Softplus(z));
                }
                double Moved(double z, double y)
                {
                    double p = Sigmoid(z);
                    z = z * 2;
                    return -(y * {|GW3001:Math.Log(p)|} + (1 - y) * {|GW3001:Math.Log(1 - p)|});
                }
                double InLoop(double z, double[] ys)
                {
                    double p = Sigmoid(z), loss = 0;
                    foreach (var y in ys) { loss -= y * {|GW3001:Math.Log(p)|}; z += 1; }
                    return loss;
                }

                // log(1 + e^x) without overflow: log σ(z) = -Softplus(-z), log(1 - σ(z)) = -Softplus(z) (GW3001)
                private static double Softplus(double x) => Math.Max(x, 0) + Math.Log(1 + Math.Exp(-Math.Abs(x)));
            }
            """),
        CodeActionEquivalenceKey = "GW3001.Stable",
        FixedState = { MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.Allow },
    }.RunAsync();

    [Fact]
    public Task Fix_clamps_when_the_logit_is_out_of_reach() => new Fix.Test
    {
        TestCode = WithUsings("""
            class CrossEntropyCost
            {
                public double Evaluate(double output, double expected) =>
                    -(expected * {|GW3001:Math.Log(output)|} + (1 - expected) * {|GW3001:Math.Log(1 - output)|});
                public float Single(float[] o, float[] t, int k) => -t[k] * {|GW3001:MathF.Log(o[k])|};
            }
            """),
        FixedCode = WithUsings("""
            class CrossEntropyCost
            {
                public double Evaluate(double output, double expected) =>
                    -(expected * Math.Log(Math.Max(output, 1e-12)) + (1 - expected) * Math.Log(Math.Max(1 - output, 1e-12)));
                public float Single(float[] o, float[] t, int k) => -t[k] * MathF.Log(MathF.Max(o[k], 1e-7f));
            }
            """),
        CodeActionEquivalenceKey = "GW3001.Clamp",
    }.RunAsync();

    [Fact]
    public Task Fix_writes_the_log_softmax_from_the_scores() => new Fix.Test
    {
        TestCode = WithUsings("""
            class Classifier
            {
                static double[] Softmax(double[] s)
                {
                    double max = s[0];
                    for (int k = 1; k < s.Length; k++) max = Math.Max(max, s[k]);
                    var e = new double[s.Length];
                    double sum = 0;
                    for (int k = 0; k < s.Length; k++) { e[k] = Math.Exp(s[k] - max); sum += e[k]; }
                    var p = new double[s.Length];
                    for (int k = 0; k < s.Length; k++) p[k] = e[k] / sum;
                    return p;
                }

                public double Loss(double[] scores, int label)
                {
                    var probs = Softmax(scores);
                    return -{|GW3001:Math.Log(probs[label])|};
                }

                public double Moved(double[] scores, int label)
                {
                    var probs = Softmax(scores);
                    scores[0] = 0;
                    return -{|GW3001:Math.Log(probs[label])|};
                }
            }
            """),
        FixedCode = WithUsings("""
            class Classifier
            {
                static double[] Softmax(double[] s)
                {
                    double max = s[0];
                    for (int k = 1; k < s.Length; k++) max = Math.Max(max, s[k]);
                    var e = new double[s.Length];
                    double sum = 0;
                    for (int k = 0; k < s.Length; k++) { e[k] = Math.Exp(s[k] - max); sum += e[k]; }
                    var p = new double[s.Length];
                    for (int k = 0; k < s.Length; k++) p[k] = e[k] / sum;
                    return p;
                }

                public double Loss(double[] scores, int label)
                {
                    var probs = Softmax(scores);
                    return -(scores[label] - LogSumExp(scores));
                }

                public double Moved(double[] scores, int label)
                {
                    var probs = Softmax(scores);
                    scores[0] = 0;
                    return -{|GW3001:Math.Log(probs[label])|};
                }

                // log Σ e^s without overflow: log softmax(s)[k] = s[k] - LogSumExp(s) (GW3001)
                private static double LogSumExp(System.Collections.Generic.IReadOnlyList<double> s)
                {
                    double max = double.NegativeInfinity;
                    foreach (var v in s) max = Math.Max(max, v);
                    double sum = 0;
                    foreach (var v in s) sum += Math.Exp(v - max);
                    return max + Math.Log(sum);
                }
            }
            """),
        CodeActionEquivalenceKey = "GW3001.Stable",
        FixedState = { MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.Allow },
    }.RunAsync();

    [Fact]
    public Task Fix_reuses_the_types_softplus() => new Fix.Test
    {
        TestCode = WithUsings("""
            class C
            {
                static double Softplus(double x) => Math.Max(x, 0) + Math.Log(1 + Math.Exp(-Math.Abs(x)));
                static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                double Loss(double z) => -{|GW3001:Math.Log(Sigmoid(z))|};
            }
            """),
        FixedCode = WithUsings("""
            class C
            {
                static double Softplus(double x) => Math.Max(x, 0) + Math.Log(1 + Math.Exp(-Math.Abs(x)));
                static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                double Loss(double z) => -(-Softplus(-z));
            }
            """),
        CodeActionEquivalenceKey = "GW3001.Stable",
    }.RunAsync();

    /// <summary>The GW3001 page's tables, computed the way the code it warns about computes them.</summary>
    [Fact]
    public void GW3001_page_quotes_where_the_naive_logs_break()
    {
        var page = File.ReadAllText(Path.Combine(Gradwise.Analyzers.Tests.Catalog.CatalogTests.Root, "docs", "rules", "GW3001.md"));
        static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
        static double Softplus(double x) => Math.Max(x, 0) + Math.Log(1 + Math.Exp(-Math.Abs(x)));
        static string Number(double v) => v.ToString("0.000000", System.Globalization.CultureInfo.InvariantCulture);
        static string Tiny(double v) => v == 0 ? "0" : v.ToString("0.000e+0", System.Globalization.CultureInfo.InvariantCulture);
        static string Log(double v) => double.IsNegativeInfinity(Math.Log(v)) ? "−∞" : Number(Math.Log(v));

        foreach (var z in new[] { -30, -709, -710, -800 })
        {
            var p = Sigmoid(z);
            Assert.Contains($"| {z} | {Tiny(p)} | {Log(p)} | {Number(-Softplus(-z))} |", page);
        }

        foreach (var z in new[] { 30, 36, 37, 40 })
        {
            var q = 1 - Sigmoid(z);
            Assert.Contains($"| {z} | {Tiny(q)} | {Log(q)} | {Number(-Softplus(z))} |", page);
        }

        // The cliffs the message and the page name: exp(710) overflows, 1 + e^−z rounds to 1 above 53 ln 2, exp(s − max) underflows below −745.
        Assert.True(Sigmoid(-709) > 0 && Sigmoid(-710) == 0);
        Assert.True(1 - Sigmoid(36.7) > 0 && 1 - Sigmoid(36.8) == 0);
        Assert.Contains("53 ln 2 ≈ " + (53 * Math.Log(2)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), page);
        Assert.True(Math.Exp(-745) > 0 && Math.Exp(-746) == 0);
        Assert.Contains("`Math.Exp(-745)` is " + Math.Exp(-745).ToString("0.0e+0", System.Globalization.CultureInfo.InvariantCulture).Replace("e-", "e-", StringComparison.Ordinal), page);

        // The gradient of the naive loss at the cliff: −(1/p)·p(1 − p) is ∞·0.
        var saturated = Sigmoid(-800);
        Assert.True(double.IsNaN(-(1 / saturated) * (saturated * (1 - saturated))));
        Assert.True(double.IsFinite(-Softplus(800)));
    }

    /// <summary>
    /// Logs of <c>TensorPrimitives</c> buffers, in a loss of its own (<c>Losses</c>) with <c>p</c>, <c>q</c> and <c>lp</c> local float arrays:
    /// the element-by-element log <c>TensorPrimitives.Log(p, lp)</c> and <c>MathF.Log(p[i])</c> of the buffer a sigmoid or softmax filled,
    /// and the same after a floor.
    /// </summary>
    public static TheoryData<string, string> TensorPrimitivesCases() => new()
    {
        { "Log of a sigmoid buffer into another (fires)", "TensorPrimitives.Sigmoid(z, p); {|GW3001:TensorPrimitives.Log(p, lp)|}; return -TensorPrimitives.Dot(t, lp);" },
        { "Log of a softmax buffer in place (fires)", "TensorPrimitives.SoftMax(z, p); {|GW3001:TensorPrimitives.Log(p, p)|}; return -p[0];" },
        { "Log of 1 - p through Subtract(1f, p, q) (fires)", "TensorPrimitives.Sigmoid(z, p); TensorPrimitives.Subtract(1f, p, q); {|GW3001:TensorPrimitives.Log(q, lp)|}; return -TensorPrimitives.Dot(t, lp);" },
        { "Log of a stack buffer (fires)", "Span<float> s = stackalloc float[4]; TensorPrimitives.Sigmoid(z, s); TensorPrimitives.Log(z, lp); {|GW3001:TensorPrimitives.Log(s, lp)|}; return lp[0];" },
        { "MathF.Log of an element of the buffer (fires)", "TensorPrimitives.Sigmoid(z, p); float l = 0; for (int i = 0; i < 4; i++) l -= t[i] * {|GW3001:MathF.Log(p[i])|}; return l;" },
        { "Log after Clamp (silent)", "TensorPrimitives.Sigmoid(z, p); TensorPrimitives.Clamp(p, 1e-7f, 1 - 1e-7f, p); TensorPrimitives.Log(p, lp); return -TensorPrimitives.Dot(t, lp);" },
        { "Log after a floor into another buffer (silent)", "TensorPrimitives.SoftMax(z, p); TensorPrimitives.Max(p, Eps, q); TensorPrimitives.Log(q, lp); return -lp[0];" },
        { "Log of 1 - p after a cap (silent)", "TensorPrimitives.Sigmoid(z, p); TensorPrimitives.Min(p, 0.999f, p); TensorPrimitives.Subtract(1f, p, q); TensorPrimitives.Log(q, lp); return lp[0];" },
        { "MathF.Log of an element after Max (silent)", "TensorPrimitives.Sigmoid(z, p); TensorPrimitives.Max(p, 1e-7f, p); float l = 0; for (int i = 0; i < 4; i++) l -= t[i] * MathF.Log(p[i]); return l;" },
        { "Log of the inputs, not of an activation (silent)", "TensorPrimitives.Log(z, lp); return TensorPrimitives.Sum(lp);" },
        { "Log of a tanh buffer (silent)", "TensorPrimitives.Tanh(z, p); TensorPrimitives.Add(p, 2f, p); TensorPrimitives.Log(p, lp); return lp[0];" },
        { "Log of 1 + p (silent)", "TensorPrimitives.Sigmoid(z, p); TensorPrimitives.Add(p, 1f, q); TensorPrimitives.Log(q, lp); return lp[0];" },
    };

    private static string TensorLoss(string body) => $$"""
        using System;
        using System.Numerics.Tensors;
        public static class Losses
        {
            private const float Eps = 1e-7f;
            public static float Loss(float[] z, float[] t)
            {
                var p = new float[4];
                var q = new float[4];
                var lp = new float[4];
                {{body}}
            }
        }
        """;

    [Theory]
    [MemberData(nameof(TensorPrimitivesCases))]
    public async Task TensorPrimitives_logs_of_buffers(string shape, string body)
    {
        _ = shape;
        var test = new Verify.Test();
        test.TestState.Sources.Add(("/0/File0.cs", TensorLoss(body)));
        test.TestState.AdditionalReferences.Add(Generator.TensorPrimitivesGeneratorTests.Tensors);
        await test.RunAsync(CancellationToken.None);
    }

    /// <summary>A head that keeps its probabilities in a field, filled by <c>Forward</c> (<paramref name="forward"/>) and logged by <c>Loss</c>.</summary>
    [Theory]
    [InlineData("TensorPrimitives.Sigmoid(z, p);", "{|GW3001:TensorPrimitives.Log(p, lp)|};")]
    [InlineData("TensorPrimitives.SoftMax(z, p);", "{|GW3001:TensorPrimitives.Log(p, lp)|};")]
    [InlineData("TensorPrimitives.Sigmoid(z, p); TensorPrimitives.Clamp(p, 1e-7f, 1 - 1e-7f, p);", "TensorPrimitives.Log(p, lp);")] // floored where it is filled
    [InlineData("TensorPrimitives.SoftMax(z, p); TensorPrimitives.Max(p, 1e-7f, p);", "TensorPrimitives.Log(p, lp);")]
    [InlineData("TensorPrimitives.Max(p, 1e-7f, p); TensorPrimitives.Sigmoid(z, p);", "{|GW3001:TensorPrimitives.Log(p, lp)|};")] // the floor comes first
    [InlineData("TensorPrimitives.Sigmoid(z, p); if (z[0] > 0) TensorPrimitives.Max(p, 1e-7f, p);", "{|GW3001:TensorPrimitives.Log(p, lp)|};")] // the floor may not run
    public async Task TensorPrimitives_logs_of_a_field_filled_in_another_method(string forward, string log)
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(("/0/File0.cs", Head(forward, log)));
        test.TestState.AdditionalReferences.Add(Generator.TensorPrimitivesGeneratorTests.Tensors);
        await test.RunAsync(CancellationToken.None);
        HalfTypedCode.AssertNoCrashOnEveryPrefixOfMarkedSource(Head(forward, log), new UnstableLogAnalyzer(), Generator.TensorPrimitivesGeneratorTests.Tensors);
    }

    private static string Head(string forward, string log) => $$"""
        using System.Numerics.Tensors;
        public sealed class Head
        {
            private readonly float[] p = new float[4], lp = new float[4];
            public void Forward(float[] z) { {{forward}} }
            public float Loss(float[] t) { {{log}} return -TensorPrimitives.Dot(t, lp); }
        }
        """;

    [Fact]
    public void TensorPrimitives_logs_name_float_cliffs_and_offer_no_rewrite()
    {
        var source = TensorLoss("TensorPrimitives.Sigmoid(z, p); TensorPrimitives.Log(p, lp); TensorPrimitives.Subtract(1f, p, q); TensorPrimitives.Log(q, q); return -TensorPrimitives.Dot(t, lp) - TensorPrimitives.Sum(q);");
        var compilation = TestCompilation.Create(source).AddReferences(Generator.TensorPrimitivesGeneratorTests.Tensors);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var run = AnalyzerRunner.Run(compilation, new UnstableLogAnalyzer());
        Assert.Empty(run.Exceptions);
        var diagnostics = run.Diagnostics;
        var messages = diagnostics.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, messages.Count);
        Assert.Contains(messages, m => m.Contains("is the log of sigmoid outputs", StringComparison.Ordinal) && m.Contains("in float σ(z) is 0 for z below about −88.7", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("is the log of 1 minus sigmoid outputs", StringComparison.Ordinal) && m.Contains("in float 1 − σ(z) rounds to 0 for z above about 16.6", StringComparison.Ordinal));
        Assert.All(diagnostics, d => Assert.True(UnstableLogFix.IsLibrary(d)));
    }

    [Fact]
    public void TensorPrimitives_half_typed_code_never_crashes()
    {
        foreach (var row in TensorPrimitivesCases())
        {
            HalfTypedCode.AssertNoCrashOnEveryPrefixOfMarkedSource(TensorLoss((string)row[1]), new UnstableLogAnalyzer(), Generator.TensorPrimitivesGeneratorTests.Tensors);
        }
    }

    /// <summary>The float cliffs the page and the message name, computed with TensorPrimitives over float spans, as the code it warns about computes them.</summary>
    [Fact]
    public void GW3001_page_quotes_the_float_cliffs()
    {
        var page = File.ReadAllText(Path.Combine(Gradwise.Analyzers.Tests.Catalog.CatalogTests.Root, "docs", "rules", "GW3001.md"));
        static float Sigmoid(float z)
        {
            var p = new float[1];
            System.Numerics.Tensors.TensorPrimitives.Sigmoid(new[] { z }, p);
            return p[0];
        }

        static float Second(float score)
        {
            var p = new float[2];
            System.Numerics.Tensors.TensorPrimitives.SoftMax(new[] { 0f, score }, p);
            return p[1];
        }

        Assert.True(Sigmoid(-88.7f) > 0 && Sigmoid(-88.8f) == 0);
        Assert.Contains("σ(z) is 0 below about z = −88.7", page, StringComparison.Ordinal);
        Assert.True(1 - Sigmoid(16.5f) > 0 && 1 - Sigmoid(16.7f) == 0);
        Assert.Contains("24 ln 2 ≈ " + (24 * Math.Log(2)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), page, StringComparison.Ordinal);
        Assert.True(Second(-103f) > 0 && Second(-104f) == 0);
        Assert.Contains("about 104 below the", page, StringComparison.Ordinal);
        Assert.True(1 - Second(16f) > 0 && 1 - Second(17f) == 0);
        Assert.Contains("once it leads by about 17", page, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> TorchSharpCases() => new()
    {
        { "torch.log of a sigmoid (fires)", """
            class M { Tensor Nll(Tensor z) { var p = torch.sigmoid(z); return -{|GW3001:torch.log(p)|}.mean(); } }
            """ },
        { "Tensor.log of a softmax (fires)", """
            class M { Tensor Nll(Tensor scores, Tensor onehot) => -(onehot * {|GW3001:scores.softmax(1).log()|}).sum(); }
            """ },
        { "BCELoss criterion on a Sequential ending in Sigmoid (fires)", """
            class Trainer
            {
                readonly TorchSharp.Modules.Sequential model = Sequential(("lin", Linear(10, 1)), ("act", Sigmoid()));
                readonly TorchSharp.Modules.BCELoss criterion = BCELoss();
                Tensor Step(Tensor x, Tensor y) => {|GW3001:criterion.call(model.call(x), y)|};
            }
            """ },
        { "binary_cross_entropy of torch.sigmoid (fires)", """
            class M { Tensor Loss(Tensor z, Tensor y) => {|GW3001:functional.binary_cross_entropy(torch.sigmoid(z), y)|}; }
            """ },
        { "log_softmax and BCEWithLogitsLoss (silent)", """
            class M
            {
                Tensor A(Tensor scores) => functional.log_softmax(scores, 1);
                Tensor B(Tensor z, Tensor y) => functional.binary_cross_entropy_with_logits(z, y);
                Tensor C(Tensor counts) => torch.log(counts + 1);
            }
            """ },
    };

    [Theory]
    [MemberData(nameof(TorchSharpCases))]
    public Task TorchSharp_logs_and_losses(string shape, string code)
    {
        _ = shape;
        return TorchSharpSources.VerifyAsync<UnstableLogAnalyzer>(code);
    }

    [Fact]
    public Task TorchSharp_fix_calls_the_library_stable_form()
    {
        var test = new CSharpCodeFixVerifier<UnstableLogAnalyzer, Gradwise.CodeFixes.Rules.UnstableLogFixer>.Test
        {
            TestCode = TorchSharpSources.Usings + """
                class M
                {
                    Tensor A(Tensor z) => -{|GW3001:torch.log(torch.sigmoid(z))|}.mean();
                    Tensor B(Tensor scores) => {|GW3001:scores.softmax(1).log()|};
                    Tensor C(Tensor z, Tensor y) => {|GW3001:functional.binary_cross_entropy(torch.sigmoid(z), y)|};
                }
                """,
            FixedCode = TorchSharpSources.Usings + """
                class M
                {
                    Tensor A(Tensor z) => -functional.logsigmoid(z).mean();
                    Tensor B(Tensor scores) => functional.log_softmax(scores, 1);
                    Tensor C(Tensor z, Tensor y) => functional.binary_cross_entropy_with_logits(z, y);
                }
                """,
            CodeActionEquivalenceKey = "GW3001.Stable",
        };
        test.TestState.AdditionalReferences.Add(TorchSharpSources.Reference);
        test.FixedState.AdditionalReferences.Add(TorchSharpSources.Reference);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>The library's stable form also where the activation is in the one definition of the local the log reads, its input unchanged there.</summary>
    [Fact]
    public Task TorchSharp_fix_reads_the_activation_of_a_local()
    {
        var test = new CSharpCodeFixVerifier<UnstableLogAnalyzer, Gradwise.CodeFixes.Rules.UnstableLogFixer>.Test
        {
            TestCode = TorchSharpSources.Usings + """
                class M
                {
                    Tensor A(Tensor z) { var p = torch.sigmoid(z); return -{|GW3001:torch.log(p)|}.mean(); }
                    Tensor B(Tensor h) { var softmax = Softmax(1); var probs = softmax.forward(h); return {|GW3001:probs.log()|}; }
                    Tensor C(Tensor z, Tensor y) { var p = z.sigmoid(); return {|GW3001:functional.binary_cross_entropy(p, y)|}; }
                    Tensor D(Tensor z) { var p = torch.sigmoid(z); z = z * 2; return {|GW3001:torch.log(p)|}; }
                }
                """,
            FixedCode = TorchSharpSources.Usings + """
                class M
                {
                    Tensor A(Tensor z) { var p = torch.sigmoid(z); return -functional.logsigmoid(z).mean(); }
                    Tensor B(Tensor h) { var softmax = Softmax(1); var probs = softmax.forward(h); return functional.log_softmax(h, 1); }
                    Tensor C(Tensor z, Tensor y) { var p = z.sigmoid(); return functional.binary_cross_entropy_with_logits(z, y); }
                    Tensor D(Tensor z) { var p = torch.sigmoid(z); z = z * 2; return {|GW3001:torch.log(p)|}; }
                }
                """,
            CodeActionEquivalenceKey = "GW3001.Stable",
            FixedState = { MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.Allow },
        };
        test.TestState.AdditionalReferences.Add(TorchSharpSources.Reference);
        test.FixedState.AdditionalReferences.Add(TorchSharpSources.Reference);
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public void TorchSharp_half_typed_code_never_crashes() => TorchSharpSources.AssertNoCrashWhileTyping(new UnstableLogAnalyzer(), TorchSharpCases());

    public static TheoryData<string> AllShapes() => ShapeCases.Names(Positives(), Negatives());

    [Theory]
    [MemberData(nameof(AllShapes))]
    public void Half_typed_code_never_crashes(string shape)
    {
        var code = ShapeCases.Code(shape, Positives(), Negatives());
        HalfTypedCode.AssertNoCrashOnEveryPrefixOfMarkedSource(WithUsings(code), new UnstableLogAnalyzer());
    }
}
