using Gradwise.Analyzers.Tests.Infrastructure;
using Gradwise.Rules;
using Xunit;
using Fix = Gradwise.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<Gradwise.Rules.DistillationAnalyzer, Gradwise.CodeFixes.Rules.DistillationFixer>;
using Verify = Gradwise.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Gradwise.Rules.DistillationAnalyzer>;

namespace Gradwise.Analyzers.Tests.Rules;

/// <summary>GW4001 on the ways a distillation loss is written by hand, and not where T² is there or may be.</summary>
public sealed class GW4001DistillationTests
{
    private const string Helpers = """
        static class Nn
        {
            public static double[] Softmax(double[] logits, double temperature)
            {
                double max = logits.Max();
                var e = logits.Select(v => Math.Exp((v - max) / temperature)).ToArray();
                double sum = e.Sum();
                return e.Select(v => v / sum).ToArray();
            }

            public static double HardLoss(double[] logits, int label)
            {
                double max = logits.Max();
                return Math.Log(logits.Sum(v => Math.Exp(v - max))) + max - logits[label];
            }
        }
        """;

    public static TheoryData<string, string> Positives() => new()
    {
        { "inline log-softmax at T, mixed with alpha", """
            class Student
            {
                public static double Loss(double[] s, double[] teacher, int label, double T, double alpha)
                {
                    double max = s.Max(), sumT = 0, soft = 0;
                    for (int c = 0; c < s.Length; c++) sumT += Math.Exp((s[c] - max) / T);
                    for (int c = 0; c < s.Length; c++) soft -= teacher[c] * ((s[c] - max) / T - Math.Log(sumT));
                    return {|GW4001:alpha * Nn.HardLoss(s, label) + (1 - alpha) * soft|};
                }
            }
            """ },
        { "softmax helper at T and cross-entropy", """
            class Student
            {
                public static double Loss(double[] s, double[] t, int label, double temperature)
                {
                    var q = Nn.Softmax(s, temperature);
                    var p = Nn.Softmax(t, temperature);
                    double soft = 0;
                    for (int c = 0; c < q.Length; c++) soft -= p[c] * Math.Log(q[c]);
                    return {|GW4001:0.5 * Nn.HardLoss(s, label) + 0.5 * soft|};
                }
            }
            """ },
        { "KL divergence between tempered softmaxes", """
            class Student
            {
                public static double Loss(double[] s, double[] t, int label, double temperature)
                {
                    var q = Nn.Softmax(s, temperature);
                    var p = Nn.Softmax(t, temperature);
                    double kl = 0;
                    for (int c = 0; c < q.Length; c++) kl += p[c] * Math.Log(p[c] / q[c]);
                    return {|GW4001:Nn.HardLoss(s, label) + kl|};
                }
            }
            """ },
        { "soft loss in its own method, T passed", """
            class Student
            {
                static double SoftLoss(double[] s, double[] p, double T)
                {
                    double max = s.Max(), sumT = 0, loss = 0;
                    for (int c = 0; c < s.Length; c++) sumT += Math.Exp((s[c] - max) / T);
                    for (int c = 0; c < s.Length; c++) loss -= p[c] * ((s[c] - max) / T - Math.Log(sumT));
                    return loss;
                }

                public static double Loss(double[] s, double[] p, int label, double temperature, double alpha) =>
                    {|GW4001:alpha * Nn.HardLoss(s, label) + (1 - alpha) * SoftLoss(s, p, temperature)|};
            }
            """ },
        { "constant temperature", """
            class Student
            {
                const double Temperature = 4.0;
                public static double Loss(double[] s, double[] p, int label)
                {
                    var q = Nn.Softmax(s, Temperature);
                    double soft = 0;
                    for (int c = 0; c < q.Length; c++) soft -= p[c] * Math.Log(q[c]);
                    return {|GW4001:0.1 * Nn.HardLoss(s, label) + 0.9 * soft|};
                }
            }
            """ },
        { "weights after the terms", """
            class Student
            {
                public static double Loss(double[] s, double[] p, int label, double T, double alpha)
                {
                    var q = Nn.Softmax(s, T);
                    double soft = 0;
                    for (int c = 0; c < q.Length; c++) soft += -p[c] * Math.Log(q[c]);
                    double hard = Nn.HardLoss(s, label);
                    return {|GW4001:hard * alpha + soft * (1 - alpha)|};
                }
            }
            """ },
        { "accumulated over a batch", """
            class Trainer
            {
                public static double Loss(double[][] s, double[][] p, int[] labels, double T, double alpha)
                {
                    double total = 0;
                    for (int i = 0; i < s.Length; i++)
                    {
                        var q = Nn.Softmax(s[i], T);
                        double soft = 0;
                        for (int c = 0; c < q.Length; c++) soft -= p[i][c] * Math.Log(q[c]);
                        total += {|GW4001:alpha * Nn.HardLoss(s[i], labels[i]) + (1 - alpha) * soft|};
                    }
                    return total / s.Length;
                }
            }
            """ },
        { "combination averaged over the batch", """
            class Student
            {
                public static double Loss(double[] s, double[] p, int label, double T, double alpha, int batch)
                {
                    var q = Nn.Softmax(s, T);
                    double soft = 0;
                    for (int c = 0; c < q.Length; c++) soft -= p[c] * Math.Log(q[c]);
                    return ({|GW4001:alpha * Nn.HardLoss(s, label) + (1 - alpha) * soft|}) / batch;
                }
            }
            """ },
        { "temperature in a field", """
            class Distiller
            {
                double temperature = 3;
                public double Loss(double[] s, double[] p, int label)
                {
                    var q = Nn.Softmax(s, temperature);
                    double soft = 0;
                    foreach (var c in Enumerable.Range(0, q.Length)) soft -= p[c] * Math.Log(q[c]);
                    return {|GW4001:Nn.HardLoss(s, label) + 2 * soft|};
                }
            }
            """ },
    };

    public static TheoryData<string, string> Negatives() => new()
    {
        { "T * T on the soft term", """
            class Student
            {
                public static double Loss(double[] s, double[] p, int label, double T, double alpha)
                {
                    var q = Nn.Softmax(s, T);
                    double soft = 0;
                    for (int c = 0; c < q.Length; c++) soft -= p[c] * Math.Log(q[c]);
                    return alpha * Nn.HardLoss(s, label) + (1 - alpha) * T * T * soft;
                }
            }
            """ },
        { "Math.Pow(T, 2)", """
            class Student
            {
                public static double Loss(double[] s, double[] p, int label, double T)
                {
                    var q = Nn.Softmax(s, T);
                    double soft = 0;
                    for (int c = 0; c < q.Length; c++) soft -= p[c] * Math.Log(q[c]);
                    return Nn.HardLoss(s, label) + Math.Pow(T, 2) * soft;
                }
            }
            """ },
        { "T squared in a local", """
            class Student
            {
                public static double Loss(double[] s, double[] p, int label, double T, double alpha)
                {
                    double scale = T * T;
                    var q = Nn.Softmax(s, T);
                    double soft = 0;
                    for (int c = 0; c < q.Length; c++) soft -= p[c] * Math.Log(q[c]);
                    return alpha * Nn.HardLoss(s, label) + (1 - alpha) * scale * soft;
                }
            }
            """ },
        { "scale from the caller", """
            class Student
            {
                public static double Loss(double[] s, double[] p, int label, double T, double alpha, double scale)
                {
                    var q = Nn.Softmax(s, T);
                    double soft = 0;
                    for (int c = 0; c < q.Length; c++) soft -= p[c] * Math.Log(q[c]);
                    return alpha * Nn.HardLoss(s, label) + (1 - alpha) * scale * soft;
                }
            }
            """ },
        { "T² inside the accumulation", """
            class Student
            {
                public static double Loss(double[] s, double[] p, int label, double T)
                {
                    var q = Nn.Softmax(s, T);
                    double soft = 0;
                    for (int c = 0; c < q.Length; c++) soft -= T * T * p[c] * Math.Log(q[c]);
                    return Nn.HardLoss(s, label) + soft;
                }
            }
            """ },
        { "soft loss alone", """
            class Student
            {
                public static double Loss(double[] s, double[] p, double T)
                {
                    var q = Nn.Softmax(s, T);
                    double soft = 0;
                    for (int c = 0; c < q.Length; c++) soft -= p[c] * Math.Log(q[c]);
                    return soft + 0;
                }
            }
            """ },
        { "cross-entropy plus an L2 penalty", """
            class Model
            {
                public static double Loss(double[] s, int label, double[] w, double lambda)
                {
                    double l2 = 0;
                    foreach (var v in w) l2 += v * v;
                    return Nn.HardLoss(s, label) + lambda * l2 / w.Length;
                }
            }
            """ },
        { "Boltzmann exploration at temperature, no loss", """
            class Agent
            {
                public static double Expected(double[] q, double T)
                {
                    var p = Nn.Softmax(q, T);
                    double value = 0;
                    for (int a = 0; a < q.Length; a++) value += p[a] * q[a];
                    return value + 0.1 * q.Max();
                }
            }
            """ },
        { "temperature of one", """
            class Student
            {
                public static double Loss(double[] s, double[] p, int label)
                {
                    double max = s.Max(), sum = 0, soft = 0;
                    for (int c = 0; c < s.Length; c++) sum += Math.Exp((s[c] - max) / 1.0);
                    for (int c = 0; c < s.Length; c++) soft -= p[c] * ((s[c] - max) / 1.0 - Math.Log(sum));
                    return Nn.HardLoss(s, label) + soft;
                }
            }
            """ },
    };

    private static string WithUsings(string code) => "using System;\nusing System.Linq;\n" + code + "\n" + Helpers;

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
    public Task Message_names_the_soft_term_and_the_temperature() => Verify.VerifyAnalyzerAsync(
        WithUsings("""
            class Student
            {
                public static double Loss(double[] s, double[] p, int label, double T, double alpha)
                {
                    var q = {|#1:Nn.Softmax(s, T)|};
                    double soft = 0;
                    for (int c = 0; c < q.Length; c++) soft -= p[c] * Math.Log(q[c]);
                    return {|#0:alpha * Nn.HardLoss(s, label) + (1 - alpha) * soft|};
                }
            }
            """),
        Verify.Diagnostic(Descriptors.DistillationWithoutTemperatureSquared).WithLocation(0).WithLocation(1).WithArguments("(1 - alpha) * soft", "T"));

    [Fact]
    public Task Fix_multiplies_the_soft_term_by_T_squared() => Fix.VerifyCodeFixAsync(
        WithUsings("""
            class Student
            {
                public static double Loss(double[] s, double[] p, int label, double T, double alpha)
                {
                    var q = Nn.Softmax(s, T);
                    double soft = 0;
                    for (int c = 0; c < q.Length; c++) soft -= p[c] * Math.Log(q[c]);
                    return {|GW4001:alpha * Nn.HardLoss(s, label) + (1 - alpha) * soft|};
                }

                public static double Mixed(double[] s, double[] p, int label, double temperature)
                {
                    double max = s.Max(), sumT = 0, soft = 0;
                    for (int c = 0; c < s.Length; c++) sumT += Math.Exp((s[c] - max) / temperature);
                    for (int c = 0; c < s.Length; c++) soft -= p[c] * ((s[c] - max) / temperature - Math.Log(sumT));
                    return {|GW4001:Nn.HardLoss(s, label) - -soft|};
                }
            }
            """),
        WithUsings("""
            class Student
            {
                public static double Loss(double[] s, double[] p, int label, double T, double alpha)
                {
                    var q = Nn.Softmax(s, T);
                    double soft = 0;
                    for (int c = 0; c < q.Length; c++) soft -= p[c] * Math.Log(q[c]);
                    return alpha * Nn.HardLoss(s, label) + T * T * ((1 - alpha) * soft);
                }

                public static double Mixed(double[] s, double[] p, int label, double temperature)
                {
                    double max = s.Max(), sumT = 0, soft = 0;
                    for (int c = 0; c < s.Length; c++) sumT += Math.Exp((s[c] - max) / temperature);
                    for (int c = 0; c < s.Length; c++) soft -= p[c] * ((s[c] - max) / temperature - Math.Log(sumT));
                    return Nn.HardLoss(s, label) - temperature * temperature * -soft;
                }
            }
            """));

    /// <summary>The GW4001 page's table, from the generated gradient of a soft loss, checked against the closed form (q − p)/T.</summary>
    [Fact]
    public void GW4001_page_quotes_the_soft_gradient_at_each_temperature()
    {
        var run = GeneratorHarness.Run("""
            using System;
            using Gradwise;
            public static partial class Kd
            {
                [Differentiable]
                public static double Soft(ReadOnlySpan<double> s, [NoGradient] ReadOnlySpan<double> p, [NoGradient] double temperature)
                {
                    double max = s[0];
                    for (int c = 1; c < s.Length; c++) max = Math.Max(max, s[c]);
                    double sumT = 0;
                    for (int c = 0; c < s.Length; c++) sumT += Math.Exp((s[c] - max) / temperature);
                    double loss = 0;
                    for (int c = 0; c < s.Length; c++) loss -= p[c] * ((s[c] - max) / temperature - Math.Log(sumT));
                    return loss;
                }

                public static double[] Gradient(double[] s, double[] p, double temperature)
                {
                    var g = new double[s.Length];
                    SoftWithGradient(s, p, temperature, g);
                    return g;
                }
            }
            """).AssertCompiles();
        var page = File.ReadAllText(Path.Combine(Gradwise.Analyzers.Tests.Catalog.CatalogTests.Root, "docs", "rules", "GW4001.md"));
        double[] student = { 2.0, 1.0, 0.1, -1.0 }, teacher = { 3.0, 0.5, 0.2, -2.0 };
        static double[] Softmax(double[] v, double t) { var e = v.Select(x => Math.Exp((x - v.Max()) / t)).ToArray(); return e.Select(x => x / e.Sum()).ToArray(); }
        static double Norm(double[] v) => Math.Sqrt(v.Sum(x => x * x));
        static string F(double v, int digits) => v.ToString("F" + digits, System.Globalization.CultureInfo.InvariantCulture);
        var hard = Norm(Softmax(student, 1).Select((q, k) => q - (k == 0 ? 1 : 0)).ToArray());
        Assert.Contains("hard term's gradient norm at T = 1 (" + F(hard, 4) + ")", page);
        foreach (var t in new[] { 1, 2, 4, 8 })
        {
            var p = Softmax(teacher, t);
            var generated = (double[])run.Invoke("Kd", "Gradient", new object?[] { student, p, (double)t })!;
            var closedForm = Softmax(student, t).Select((q, k) => (q - p[k]) / t).ToArray();
            Assert.All(generated.Zip(closedForm), pair => Assert.Equal(pair.Second, pair.First, 12));
            var norm = Norm(generated);
            Assert.Contains($"| {t} | {F(norm, 5)} | {F(norm * t * t, 4)} | {F(norm / hard, 4)} |", page);
        }
    }

    public static TheoryData<string, string> TorchSharpCases() => new()
    {
        { "kl_div on tempered log_softmax and softmax (fires)", """
            class Kd
            {
                Tensor Loss(Tensor student, Tensor teacher, Tensor labels, double T, double alpha)
                {
                    var soft = functional.kl_div(functional.log_softmax(student / T, 1), functional.softmax(teacher / T, 1), reduction: Reduction.Mean);
                    return {|GW4001:alpha * functional.cross_entropy(student, labels) + (1 - alpha) * soft|};
                }
            }
            """ },
        { "KLDivLoss criterion in a field (fires)", """
            class Kd
            {
                readonly TorchSharp.Modules.KLDivLoss kl = KLDivLoss();
                Tensor Loss(Tensor student, Tensor teacher, Tensor labels, double temperature) =>
                    {|GW4001:functional.cross_entropy(student, labels) + kl.call(functional.log_softmax(student / temperature, 1), functional.softmax(teacher / temperature, 1))|};
            }
            """ },
        { "kl_div scaled by T * T (silent)", """
            class Kd
            {
                Tensor Loss(Tensor student, Tensor teacher, Tensor labels, double T, double alpha)
                {
                    var soft = functional.kl_div(functional.log_softmax(student / T, 1), functional.softmax(teacher / T, 1), reduction: Reduction.Mean);
                    return alpha * functional.cross_entropy(student, labels) + (1 - alpha) * T * T * soft;
                }
            }
            """ },
        { "cross_entropy on the hard labels only (silent)", """
            class M { Tensor Loss(Tensor a, Tensor b, Tensor labels) => functional.cross_entropy(a, labels) + functional.cross_entropy(b, labels); }
            """ },
    };

    [Theory]
    [MemberData(nameof(TorchSharpCases))]
    public Task TorchSharp_distillation(string shape, string code)
    {
        _ = shape;
        return TorchSharpSources.VerifyAsync<DistillationAnalyzer>(code);
    }

    [Fact]
    public void TorchSharp_half_typed_code_never_crashes() => TorchSharpSources.AssertNoCrashWhileTyping(new DistillationAnalyzer(), TorchSharpCases());

    public static TheoryData<string> AllShapes() => ShapeCases.Names(Positives(), Negatives());

    [Theory]
    [MemberData(nameof(AllShapes))]
    public void Half_typed_code_never_crashes(string shape)
    {
        var code = ShapeCases.Code(shape, Positives(), Negatives());
        HalfTypedCode.AssertNoCrashOnEveryPrefixOfMarkedSource(WithUsings(code), new DistillationAnalyzer());
    }
}
