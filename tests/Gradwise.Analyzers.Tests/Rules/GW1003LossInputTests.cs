using Gradwise.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace Gradwise.Analyzers.Tests.Rules;

/// <summary>GW1003 against the real TorchSharp API (the managed assembly only; no native code is loaded).</summary>
public sealed class GW1003LossInputTests
{
    private static Task Verify(string code, params DiagnosticResult[] expected) => TorchSharpSources.VerifyAsync<Gradwise.Rules.LossInputAnalyzer>(code, expected);

    public static TheoryData<string, string> Positives() => new()
    {
        { "sigmoid into binary_cross_entropy_with_logits", """
            class M { Tensor Loss(Tensor z, Tensor y) { var p = torch.sigmoid(z); return {|GW1003:functional.binary_cross_entropy_with_logits(p, y)|}; } }
            """ },
        { "Sequential ending in Sigmoid into a BCEWithLogitsLoss criterion", """
            class Trainer
            {
                readonly TorchSharp.Modules.Sequential model = Sequential(("lin", Linear(10, 1)), ("act", Sigmoid()));
                readonly TorchSharp.Modules.BCEWithLogitsLoss criterion = BCEWithLogitsLoss();
                Tensor Step(Tensor x, Tensor y) { var output = model.call(x); return {|GW1003:criterion.call(output, y)|}; }
            }
            """ },
        { "softmax into cross_entropy", """
            class M { Tensor Loss(Tensor scores, Tensor labels) => {|GW1003:functional.cross_entropy(scores.softmax(1), labels)|}; }
            """ },
        { "Softmax module into a CrossEntropyLoss criterion", """
            class Trainer
            {
                Tensor Step(Tensor h, Tensor labels)
                {
                    var softmax = Softmax(1);
                    var loss = CrossEntropyLoss();
                    return {|GW1003:loss.forward(softmax.forward(h), labels)|};
                }
            }
            """ },
        { "softmax probabilities into nll_loss", """
            class M { Tensor Loss(Tensor scores, Tensor labels) { var probs = functional.softmax(scores, 1); return {|GW1003:functional.nll_loss(probs, labels)|}; } }
            """ },
        { "linear output into BCELoss", """
            class Trainer
            {
                readonly TorchSharp.Modules.Sequential model = Sequential(("hidden", Linear(10, 8)), ("relu", ReLU()), ("out", Linear(8, 1)));
                readonly TorchSharp.Modules.BCELoss criterion = BCELoss();
                Tensor Step(Tensor x, Tensor y) => {|GW1003:criterion.call(model.call(x), y)|};
            }
            """ },
        { "linear module output into nll_loss", """
            class Trainer
            {
                readonly TorchSharp.Modules.Linear head = Linear(16, 3);
                Tensor Step(Tensor h, Tensor labels) { var scores = head.call(h); return {|GW1003:functional.nll_loss(scores, labels)|}; }
            }
            """ },
        { "functional.linear into binary_cross_entropy", """
            class M { Tensor Loss(Tensor x, Tensor w, Tensor y) { var z = functional.linear(x, w); return {|GW1003:functional.binary_cross_entropy(z, y)|}; } }
            """ },
    };

    public static TheoryData<string, string> Negatives() => new()
    {
        { "logits into BCEWithLogitsLoss", """
            class Trainer
            {
                readonly TorchSharp.Modules.Sequential model = Sequential(("lin", Linear(10, 1)));
                readonly TorchSharp.Modules.BCEWithLogitsLoss criterion = BCEWithLogitsLoss();
                Tensor Step(Tensor x, Tensor y) => criterion.call(model.call(x), y);
            }
            """ },
        { "sigmoid output into BCELoss", """
            class M { Tensor Loss(Tensor z, Tensor y) => functional.binary_cross_entropy(torch.sigmoid(z), y); }
            """ },
        { "log_softmax into nll_loss", """
            class M { Tensor Loss(Tensor scores, Tensor labels) => functional.nll_loss(functional.log_softmax(scores, 1), labels); }
            """ },
        { "scores into cross_entropy", """
            class Trainer
            {
                readonly TorchSharp.Modules.Linear head = Linear(16, 3);
                Tensor Step(Tensor h, Tensor labels) => functional.cross_entropy(head.call(h), labels);
            }
            """ },
        { "softmax used for a prediction, logits for the loss", """
            class M
            {
                Tensor Loss(Tensor scores, Tensor labels, out Tensor probs)
                {
                    probs = scores.softmax(1);
                    return functional.cross_entropy(scores, labels);
                }
            }
            """ },
        { "input of unknown origin", """
            class M { Tensor Loss(Tensor input, Tensor y) => functional.binary_cross_entropy(input, y); }
            """ },
    };

    /// <summary>Hand-written losses on the logit, recognized by their derivative (∂L/∂z = σ(z) − y), given a sigmoid output.</summary>
    public static TheoryData<string, string> HandWritten() => new()
    {
        { "softplus minus y z, given a sigmoid (fires)", """
            class C
            {
                static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
                static double Softplus(double x) => Math.Max(x, 0) + Math.Log(1 + Math.Exp(-Math.Abs(x)));
                static double LossOnLogit(double z, double y) => Softplus(z) - y * z;
                double Step(double w, double x, double y) { var p = Sigmoid(w * x); return {|GW1003:LossOnLogit(p, y)|}; }
            }
            """ },
        { "label first, the two softplus terms (fires)", """
            class C
            {
                static double Softplus(double x) => Math.Log(1 + Math.Exp(x));
                static double Bce(double label, double score) => label * Softplus(-score) + (1 - label) * Softplus(score);
                double output;
                void Forward(double net) => output = 1 / (1 + Math.Exp(-net));
                double Loss(double y) => {|GW1003:Bce(y, output)|};
            }
            """ },
        { "log of one plus exp minus y z (fires)", """
            class C
            {
                static double WithLogits(double z, double y) => Math.Log(1 + Math.Exp(z)) - y * z;
                double Loss(double z, double y) => {|GW1003:WithLogits(1 / (1 + Math.Exp(-z)), y)|};
            }
            """ },
        { "the same loss given the logit (silent)", """
            class C
            {
                static double Softplus(double x) => Math.Max(x, 0) + Math.Log(1 + Math.Exp(-Math.Abs(x)));
                static double LossOnLogit(double z, double y) => Softplus(z) - y * z;
                double Step(double w, double x, double y) => LossOnLogit(w * x, y);
            }
            """ },
        { "a probability loss given a sigmoid (silent)", """
            class C
            {
                static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
                static double LogLoss(double p, double y) => -(y * Math.Log(Math.Max(p, 1e-12)) + (1 - y) * Math.Log(Math.Max(1 - p, 1e-12)));
                double Step(double z, double y) => LogLoss(Sigmoid(z), y);
            }
            """ },
        { "not a cross-entropy (silent)", """
            class C
            {
                static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
                static double Weird(double z, double y) => Math.Log(1 + Math.Exp(z)) - 2 * y * z;
                double Step(double z, double y) => Weird(Sigmoid(z), y);
            }
            """ },
    };

    [Theory]
    [MemberData(nameof(HandWritten))]
    public Task Hand_written_losses_on_the_logit(string shape, string code)
    {
        _ = shape;
        return CSharpAnalyzerVerifier<Gradwise.Rules.LossInputAnalyzer>.VerifyAnalyzerAsync("using System;\n" + code);
    }

    [Fact]
    public void Hand_written_half_typed_code_never_crashes()
    {
        foreach (var row in HandWritten())
        {
            HalfTypedCode.AssertNoCrashOnEveryPrefixOfMarkedSource("using System;\n" + (string)row[1], new Gradwise.Rules.LossInputAnalyzer());
        }
    }

    [Theory]
    [MemberData(nameof(Positives))]
    public Task Fires(string shape, string code)
    {
        _ = shape;
        return Verify(code);
    }

    [Theory]
    [MemberData(nameof(Negatives))]
    public Task Stays_silent(string shape, string code)
    {
        _ = shape;
        return Verify(code);
    }

    [Fact]
    public Task Message_says_what_the_loss_expects_and_what_it_got() => Verify(
        """
        class M { Tensor Loss(Tensor z, Tensor y) { var p = {|#1:torch.sigmoid(z)|}; return {|#0:functional.binary_cross_entropy_with_logits(p, y)|}; } }
        """,
        new DiagnosticResult(Descriptors.LossGivenTheWrongInput).WithLocation(0).WithLocation(1).WithArguments(
            "functional.binary_cross_entropy_with_logits(p, y)", "logits (it applies the sigmoid or softmax itself)", "a sigmoid output", "Test0.cs line 4", "pass the scores before the final sigmoid, or it is applied twice"));

    /// <summary>The GW1003 page's table: the binary cross-entropy on the score, and on a sigmoid output treated as a score.</summary>
    [Fact]
    public void GW1003_page_quotes_the_loss_and_gradient_with_the_sigmoid_applied_twice()
    {
        var page = File.ReadAllText(Path.Combine(Gradwise.Analyzers.Tests.Catalog.CatalogTests.Root, "docs", "rules", "GW1003.md"));
        static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
        static double Softplus(double x) => Math.Max(x, 0) + Math.Log(1 + Math.Exp(-Math.Abs(x)));
        static string F(double v) => v.ToString("0.000000", System.Globalization.CultureInfo.InvariantCulture);
        static string E(double v) => v.ToString("0.000e+00", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var z in new[] { -10.0, 0.0, 10.0 })
        {
            // y = 1: L(z) = softplus(−z), ∂L/∂z = σ(z) − 1; with p = σ(z) given as the score, L = softplus(−p), ∂L/∂z = (σ(p) − 1)·σ'(z).
            var p = Sigmoid(z);
            var row = $"| {z} | {F(Softplus(-z))} | {F(Softplus(-p))} | {E(Sigmoid(z) - 1)} | {E((Sigmoid(p) - 1) * p * (1 - p))} |";
            Assert.Contains(row, page);
        }

        var ratio = (Sigmoid(-10) - 1) / ((Sigmoid(Sigmoid(-10)) - 1) * Sigmoid(-10) * (1 - Sigmoid(-10)));
        Assert.Contains("gradient " + (Math.Round(ratio / 1000) * 1000).ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " times smaller", page);
        Assert.Contains("[0.5, " + Sigmoid(1).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) + "]", page);
        Assert.Contains("never goes below " + Softplus(-Sigmoid(1e9)).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture), page);
    }

    private static Task VerifyFix(string source, string fixedSource, string? key = null, string prefix = TorchSharpSources.Usings)
    {
        var test = new CSharpCodeFixVerifier<Gradwise.Rules.LossInputAnalyzer, Gradwise.CodeFixes.Rules.LossInputFixer>.Test
        {
            TestCode = prefix + source,
            FixedCode = prefix + fixedSource,
            CodeActionEquivalenceKey = key,
        };
        test.TestState.AdditionalReferences.Add(TorchSharpSources.Reference);
        test.FixedState.AdditionalReferences.Add(TorchSharpSources.Reference);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>A loss on the scores given the activation's output gets its input, written inline, in the local's definition, or through a module.</summary>
    public static TheoryData<string, string, string> PassTheScores() => new()
    {
        { "inline sigmoid", """
            class M { Tensor Loss(Tensor z, Tensor y) => {|GW1003:functional.binary_cross_entropy_with_logits(torch.sigmoid(z), y)|}; }
            """, """
            class M { Tensor Loss(Tensor z, Tensor y) => functional.binary_cross_entropy_with_logits(z, y); }
            """ },
        { "a local's sigmoid of a parameter (the local stays)", """
            class M { Tensor Loss(Tensor z, Tensor y, out Tensor p) { p = z.sigmoid(); var q = torch.sigmoid(z); return {|GW1003:functional.binary_cross_entropy_with_logits(q, y)|}; } }
            """, """
            class M { Tensor Loss(Tensor z, Tensor y, out Tensor p) { p = z.sigmoid(); var q = torch.sigmoid(z); return functional.binary_cross_entropy_with_logits(z, y); } }
            """ },
        { "inline softmax method into cross_entropy", """
            class M { Tensor Loss(Tensor scores, Tensor labels) => {|GW1003:functional.cross_entropy(scores.softmax(1), labels)|}; }
            """, """
            class M { Tensor Loss(Tensor scores, Tensor labels) => functional.cross_entropy(scores, labels); }
            """ },
        { "a Softmax module's forward into a CrossEntropyLoss criterion", """
            class Trainer
            {
                Tensor Step(Tensor h, Tensor labels)
                {
                    var softmax = Softmax(1);
                    var loss = CrossEntropyLoss();
                    return {|GW1003:loss.forward(softmax.forward(h), labels)|};
                }
            }
            """, """
            class Trainer
            {
                Tensor Step(Tensor h, Tensor labels)
                {
                    var softmax = Softmax(1);
                    var loss = CrossEntropyLoss();
                    return loss.forward(h, labels);
                }
            }
            """ },
        { "a model's output under a sigmoid in a local: the scores get their own local", """
            class Trainer
            {
                readonly TorchSharp.Modules.Linear model = Linear(10, 1);
                readonly TorchSharp.Modules.BCEWithLogitsLoss criterion = BCEWithLogitsLoss();
                Tensor Step(Tensor x, Tensor y)
                {
                    var output = torch.sigmoid(model.call(x));
                    var loss = {|GW1003:criterion.call(output, y)|};
                    Console.WriteLine(output.mean().item<float>());
                    return loss;
                }
            }
            """, """
            class Trainer
            {
                readonly TorchSharp.Modules.Linear model = Linear(10, 1);
                readonly TorchSharp.Modules.BCEWithLogitsLoss criterion = BCEWithLogitsLoss();
                Tensor Step(Tensor x, Tensor y)
                {
                    var logits = model.call(x);
                    var output = torch.sigmoid(logits);
                    var loss = criterion.call(logits, y);
                    Console.WriteLine(output.mean().item<float>());
                    return loss;
                }
            }
            """ },
        { "a logit written again after the sigmoid: held in a new local, named apart from the taken name", """
            class M
            {
                Tensor Loss(Tensor z, Tensor y)
                {
                    var logits = z * 2;
                    var p = torch.sigmoid(z);
                    z = z * 3;
                    return {|GW1003:functional.binary_cross_entropy_with_logits(p, y)|} + logits;
                }
            }
            """, """
            class M
            {
                Tensor Loss(Tensor z, Tensor y)
                {
                    var logits = z * 2;
                    var logits2 = z;
                    var p = torch.sigmoid(logits2);
                    z = z * 3;
                    return functional.binary_cross_entropy_with_logits(logits2, y) + logits;
                }
            }
            """ },
    };

    [Theory]
    [MemberData(nameof(PassTheScores))]
    public Task Fix_gives_the_loss_the_scores(string shape, string code, string fixedCode)
    {
        _ = shape;
        return VerifyFix("using System;\n" + code, "using System;\n" + fixedCode, "GW1003.PassScores");
    }

    /// <summary>The other repairs: log_softmax for a loss on log-probabilities, and the function on scores for one on probabilities or log-probabilities.</summary>
    public static TheoryData<string, string, string> OtherRepairs() => new()
    {
        { "softmax probabilities into nll_loss", """
            class M { Tensor Loss(Tensor scores, Tensor labels) { var probs = functional.softmax(scores, 1); return {|GW1003:functional.nll_loss(probs, labels)|}; } }
            """, """
            class M { Tensor Loss(Tensor scores, Tensor labels) { var probs = functional.softmax(scores, 1); return functional.nll_loss(functional.log_softmax(scores, 1), labels); } }
            """ },
        { "a Softmax module made with its dimension, into nll_loss", """
            class Trainer
            {
                readonly TorchSharp.Modules.Softmax softmax = Softmax(-1);
                Tensor Step(Tensor h, Tensor labels) => {|GW1003:functional.nll_loss(softmax.forward(h), labels)|};
            }
            """, """
            class Trainer
            {
                readonly TorchSharp.Modules.Softmax softmax = Softmax(-1);
                Tensor Step(Tensor h, Tensor labels) => functional.nll_loss(functional.log_softmax(h, -1), labels);
            }
            """ },
        { "functional.linear into binary_cross_entropy", """
            class M { Tensor Loss(Tensor x, Tensor w, Tensor y) { var z = functional.linear(x, w); return {|GW1003:functional.binary_cross_entropy(z, y, reduction: Reduction.Sum)|}; } }
            """, """
            class M { Tensor Loss(Tensor x, Tensor w, Tensor y) { var z = functional.linear(x, w); return functional.binary_cross_entropy_with_logits(z, y, reduction: Reduction.Sum); } }
            """ },
        { "a linear module's scores into nll_loss with a weight", """
            class Trainer
            {
                readonly TorchSharp.Modules.Linear head = Linear(16, 3);
                Tensor Step(Tensor h, Tensor labels, Tensor weight) { var scores = head.call(h); return {|GW1003:functional.nll_loss(scores, labels, weight)|}; }
            }
            """, """
            class Trainer
            {
                readonly TorchSharp.Modules.Linear head = Linear(16, 3);
                Tensor Step(Tensor h, Tensor labels, Tensor weight) { var scores = head.call(h); return functional.cross_entropy(scores, labels, weight); }
            }
            """ },
    };

    [Theory]
    [MemberData(nameof(OtherRepairs))]
    public Task Fix_gives_the_loss_what_it_expects(string shape, string code, string fixedCode)
    {
        _ = shape;
        return VerifyFix(code, fixedCode);
    }

    /// <summary>Hand-written losses on the logit: the logit inline, or held in a new local where it is not a name.</summary>
    [Fact]
    public Task Fix_gives_a_hand_written_loss_the_logit() => VerifyFix(
        """
        class C
        {
            static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
            static double Softplus(double x) => Math.Max(x, 0) + Math.Log(1 + Math.Exp(-Math.Abs(x)));
            static double LossOnLogit(double z, double y) => Softplus(z) - y * z;
            static double WithLogits(double z, double y) => Math.Log(1 + Math.Exp(z)) - y * z;
            double Step(double w, double x, double y)
            {
                var p = Sigmoid(w * x);
                return {|GW1003:LossOnLogit(p, y)|} + {|GW1003:WithLogits(1 / (1 + Math.Exp(-x)), y)|};
            }
        }
        """,
        """
        class C
        {
            static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
            static double Softplus(double x) => Math.Max(x, 0) + Math.Log(1 + Math.Exp(-Math.Abs(x)));
            static double LossOnLogit(double z, double y) => Softplus(z) - y * z;
            static double WithLogits(double z, double y) => Math.Log(1 + Math.Exp(z)) - y * z;
            double Step(double w, double x, double y)
            {
                var logit = w * x;
                var p = Sigmoid(logit);
                return LossOnLogit(logit, y) + WithLogits(x, y);
            }
        }
        """,
        prefix: "using System;\n");

    /// <summary>A cast around the output stays around the logit that replaces it.</summary>
    [Fact]
    public Task Fix_keeps_a_cast_of_the_output() => VerifyFix(
        """
        class C
        {
            static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
            static float OnLogit(float z, float y) => MathF.Log(1 + MathF.Exp(z)) - y * z;
            float Step(double z, float y) { double p = Sigmoid(z); return {|GW1003:OnLogit((float)p, y)|}; }
        }
        """,
        """
        class C
        {
            static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
            static float OnLogit(float z, float y) => MathF.Log(1 + MathF.Exp(z)) - y * z;
            float Step(double z, float y) { double p = Sigmoid(z); return OnLogit((float)z, y); }
        }
        """,
        prefix: "using System;\n");

    /// <summary>
    /// No fix where the activation's input is out of reach (a model ending in a Sigmoid module, an output stored by another method, a local
    /// assigned where it is not declared), for a criterion module on probabilities (made elsewhere, it may serve other calls), and where a
    /// positional argument would mean something else to the function on scores (nll_loss's fourth is a reduction, cross_entropy's an index).
    /// </summary>
    [Fact]
    public Task No_fix_where_the_input_is_out_of_reach_or_the_arguments_would_change_meaning()
    {
        const string source = """
            class Trainer
            {
                readonly TorchSharp.Modules.Sequential model = Sequential(("lin", Linear(10, 1)), ("act", Sigmoid()));
                readonly TorchSharp.Modules.Sequential scorer = Sequential(("lin", Linear(10, 1)));
                readonly TorchSharp.Modules.BCEWithLogitsLoss criterion = BCEWithLogitsLoss();
                readonly TorchSharp.Modules.BCELoss probabilityLoss = BCELoss();
                Tensor output;
                void Forward(Tensor x) => output = torch.sigmoid(scorer.call(x));
                Tensor A(Tensor x, Tensor y) => {|GW1003:criterion.call(model.call(x), y)|};
                Tensor B(Tensor y) => {|GW1003:functional.binary_cross_entropy_with_logits(output, y)|};
                Tensor C(Tensor x, Tensor y) { Tensor p; p = torch.sigmoid(scorer.call(x)); return {|GW1003:functional.binary_cross_entropy_with_logits(p, y)|}; }
                Tensor D(Tensor x, Tensor y) => {|GW1003:probabilityLoss.call(scorer.call(x), y)|};
                Tensor E(Tensor x, Tensor labels) => {|GW1003:functional.nll_loss(scorer.call(x), labels, null, Reduction.Sum)|};
            }
            """;
        return VerifyFix(source, source);
    }

    /// <summary>Fix All gives each loss of a document what it expects.</summary>
    [Fact]
    public Task Fix_all_repairs_every_loss_of_the_document()
    {
        var test = new CSharpCodeFixVerifier<Gradwise.Rules.LossInputAnalyzer, Gradwise.CodeFixes.Rules.LossInputFixer>.Test
        {
            TestCode = TorchSharpSources.Usings + """
                class M
                {
                    Tensor A(Tensor z, Tensor y) => {|GW1003:functional.binary_cross_entropy_with_logits(torch.sigmoid(z), y)|};
                    Tensor B(Tensor s, Tensor k) => {|GW1003:functional.cross_entropy(functional.softmax(s, 1), k)|};
                    Tensor C(Tensor s, Tensor k) => {|GW1003:functional.cross_entropy(s.softmax(1), k)|};
                }
                """,
            FixedCode = TorchSharpSources.Usings + """
                class M
                {
                    Tensor A(Tensor z, Tensor y) => functional.binary_cross_entropy_with_logits(z, y);
                    Tensor B(Tensor s, Tensor k) => functional.cross_entropy(s, k);
                    Tensor C(Tensor s, Tensor k) => functional.cross_entropy(s, k);
                }
                """,
            CodeActionEquivalenceKey = "GW1003.PassScores",
        };
        test.TestState.AdditionalReferences.Add(TorchSharpSources.Reference);
        test.FixedState.AdditionalReferences.Add(TorchSharpSources.Reference);
        return test.RunAsync(CancellationToken.None);
    }

    public static TheoryData<string> AllShapes() => ShapeCases.Names(Positives(), Negatives());

    [Theory]
    [MemberData(nameof(AllShapes))]
    public void Half_typed_code_never_crashes(string shape)
    {
        var code = ShapeCases.Code(shape, Positives(), Negatives());
        HalfTypedCode.AssertNoCrashOnEveryPrefixOfMarkedSource(TorchSharpSources.Usings + code, new Gradwise.Rules.LossInputAnalyzer(), TorchSharpSources.Reference);
    }
}
