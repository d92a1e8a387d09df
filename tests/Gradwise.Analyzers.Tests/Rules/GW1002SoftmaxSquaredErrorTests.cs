using Gradwise.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Fix = Gradwise.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<Gradwise.Rules.SquaredErrorAnalyzer, Gradwise.CodeFixes.Rules.SigmoidSquaredErrorFixer>;
using Verify = Gradwise.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Gradwise.Rules.SquaredErrorAnalyzer>;

namespace Gradwise.Analyzers.Tests.Rules;

/// <summary>GW1002: the same mistake with a softmax output.</summary>
public sealed class GW1002SoftmaxSquaredErrorTests
{
    private const string Softmax = """
        static double[] Softmax(double[] s)
        {
            double max = s[0];
            for (int i = 1; i < s.Length; i++) if (s[i] > max) max = s[i];
            var e = new double[s.Length];
            double sum = 0;
            for (int i = 0; i < s.Length; i++) { e[i] = Math.Exp(s[i] - max); sum += e[i]; }
            var p = new double[s.Length];
            for (int i = 0; i < s.Length; i++) p[i] = e[i] / sum;
            return p;
        }
        """;

    /// <summary>
    /// A layer whose activation <c>ACTIVATE</c> computes (<see cref="ByName"/>: a name chooses, a LINQ softmax one case), made with
    /// <c>MADE</c>; <c>SITE</c> is its output delta or loss.
    /// </summary>
    private const string NamedLayer = """
        using System.Linq;
        class Layer
        {
            public double[] Out = new double[3], Delta = new double[3]; public double[,] W = new double[3, 4];
            private readonly string activation;
            public Layer(string activation) { this.activation = activation; }
            static double[] Softmax(double[] z) { var m = z.Max(); var e = z.Select(v => Math.Exp(v - m)).ToArray(); var s = e.Sum(); return e.Select(v => v / s).ToArray(); }
            double[] Activate(double[] z)
            {
                ACTIVATE
            }
            public void Forward(double[] x)
            {
                var z = new double[Out.Length];
                for (int i = 0; i < Out.Length; i++) for (int j = 0; j < x.Length; j++) z[i] += W[i, j] * x[j];
                Out = Activate(z);
            }
            public void Train(double[] t) { SITE }
        }
        static class Program { static void Main() { var layer = new Layer(MADE); layer.Forward(new double[4]); layer.Train(new double[3]); } }
        """;

    private const string ByName = """switch (activation.ToLowerInvariant()) { case "softmax": return Softmax(z); case "sigmoid": return z.Select(v => 1 / (1 + Math.Exp(-v))).ToArray(); default: return z; }""";

    private static string Named(string made, string activate, string site) => NamedLayer.Replace("MADE", made).Replace("ACTIVATE", activate).Replace("SITE", site);

    public static TheoryData<string, string> Positives() => new()
    {
        { "a layer named \"Softmax\" whose activation switches on the name lower-cased, its output's delta", Named("\"Softmax\"", ByName,
            "for (int i = 0; i < Out.Length; i++) Delta[i] = {|GW1002:(Out[i] - t[i]) * Out[i] * (1 - Out[i])|};") },
        { "a one-line Activate(z) that returns Softmax(z) of a LINQ softmax, its output's delta", Named("\"relu\"", "return Softmax(z);",
            "for (int i = 0; i < Out.Length; i++) Delta[i] = {|GW1002:(Out[i] - t[i]) * Out[i] * (1 - Out[i])|};") },
        { "squared error of a softmax method's output (max shift)", "class C { " + Softmax + """
             double Loss(double[] s, double[] y) { var p = Softmax(s); double l = 0; for (int k = 0; k < p.Length; k++) l += {|GW1002:(p[k] - y[k]) * (p[k] - y[k])|}; return l; } }
            """ },
        { "softmax normalized in place, squared error per class", """
            class Output
            {
                double[] probs = new double[3];
                public void Forward(double[] s)
                {
                    double max = s[0];
                    for (int k = 1; k < s.Length; k++) max = Math.Max(max, s[k]);
                    double sum = 0;
                    for (int k = 0; k < s.Length; k++) { probs[k] = Math.Exp(s[k] - max); sum += probs[k]; }
                    for (int k = 0; k < s.Length; k++) probs[k] /= sum;
                }
                public double Loss(double[] y) { double l = 0; for (int k = 0; k < y.Length; k++) l += {|GW1002:(probs[k] - y[k]) * (probs[k] - y[k])|}; return l; }
            }
            """ },
        { "inline exp over a sum of exps, no shift", """
            class C
            {
                double Loss(double[] s, double[] y, int k)
                {
                    double sum = 0;
                    for (int j = 0; j < s.Length; j++) sum += Math.Exp(s[j]);
                    double p = Math.Exp(s[k]) / sum;
                    return {|GW1002:Math.Pow(p - y[k], 2)|};
                }
            }
            """ },
        { "delta of a softmax output", "class C { " + Softmax + """
             double[] Delta(double[] s, double[] t) { var o = Softmax(s); var d = new double[o.Length]; for (int k = 0; k < o.Length; k++) d[k] = {|GW1002:(t[k] - o[k]) * o[k] * (1 - o[k])|}; return d; } }
            """ },
        { "softmax outputs kept in a field", """
            class Layer
            {
                double[] outputs = new double[3];
                public void Forward(double[] s)
                {
                    double sum = 0;
                    for (int i = 0; i < 3; i++) sum += Math.Exp(s[i]);
                    for (int i = 0; i < 3; i++) outputs[i] = Math.Exp(s[i]) / sum;
                }
                public double Loss(double[] y, int i) => {|GW1002:(outputs[i] - y[i]) * (outputs[i] - y[i])|};
            }
            """ },
    };

    public static TheoryData<string, string> Negatives() => new()
    {
        { "a layer named \"Linear\" whose activation switches on the name lower-cased: its squared error is a linear output's", Named("\"Linear\"", ByName,
            "double l = 0; for (int i = 0; i < Out.Length; i++) l += (Out[i] - t[i]) * (Out[i] - t[i]);") },
        { "categorical cross-entropy of a softmax", "class C { " + Softmax + """
             double Loss(double[] s, double[] y) { var p = Softmax(s); double l = 0; for (int k = 0; k < p.Length; k++) l -= y[k] * Math.Log(p[k]); return l; } }
            """ },
        { "cross-entropy delta p - y", "class C { " + Softmax + """
             double Delta(double[] s, double[] y, int k) { var p = Softmax(s); return (p[k] - y[k]) * 1.0; } }
            """ },
        { "normalized non-exponential scores", """
            class C
            {
                double Loss(double[] s, double[] y, int k)
                {
                    double sum = 0;
                    for (int j = 0; j < s.Length; j++) sum += s[j] * s[j];
                    double p = s[k] * s[k] / sum;
                    return (p - y[k]) * (p - y[k]);
                }
            }
            """ },
    };

    [Theory]
    [MemberData(nameof(Positives))]
    public Task Fires(string shape, string code)
    {
        _ = shape;
        return Verify.VerifyAnalyzerAsync("using System;\n" + code);
    }

    [Theory]
    [MemberData(nameof(Negatives))]
    public Task Stays_silent(string shape, string code)
    {
        _ = shape;
        return Verify.VerifyAnalyzerAsync("using System;\n" + code);
    }

    public static TheoryData<string> AllShapes() => ShapeCases.Names(Positives(), Negatives());

    [Theory]
    [MemberData(nameof(AllShapes))]
    public void Half_typed_code_never_crashes(string shape)
    {
        var code = ShapeCases.Code(shape, Positives(), Negatives());
        HalfTypedCode.AssertNoCrashOnEveryPrefixOfMarkedSource("using System;\n" + code, new Gradwise.Rules.SquaredErrorAnalyzer());
    }

    [Fact]
    public Task Fix_writes_the_categorical_cross_entropy_term() => Fix.VerifyCodeFixAsync(
        "using System;\nclass C { " + Softmax + """
             double Loss(double[] s, double[] y, int k) { var p = Softmax(s); return {|GW1002:(p[k] - y[k]) * (p[k] - y[k])|}; } }
            """,
        "using System;\nclass C { " + Softmax + """
             double Loss(double[] s, double[] y, int k) { var p = Softmax(s); return -(y[k] * Math.Log(Math.Max(p[k], 1e-12))); } }
            """);

    [Fact]
    public Task TorchSharp_softmax_into_mse_loss()
    {
        var test = new CSharpAnalyzerVerifier<Gradwise.Rules.SquaredErrorAnalyzer>.Test
        {
            TestCode = """
                using TorchSharp;
                using static TorchSharp.torch;
                using static TorchSharp.torch.nn;
                class Model
                {
                    Tensor Loss(Tensor scores, Tensor y) => {|GW1002:functional.mse_loss(functional.softmax(scores, 1), y)|};
                    readonly TorchSharp.Modules.Sequential model = Sequential(("lin", Linear(10, 3)), ("sm", Softmax(1)));
                    readonly TorchSharp.Modules.MSELoss criterion = MSELoss();
                    Tensor Step(Tensor x, Tensor y) => {|GW1002:criterion.call(model.call(x), y)|};
                }
                """,
        };
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(global::TorchSharp.torch).Assembly.Location));
        return test.RunAsync(CancellationToken.None);
    }
}
