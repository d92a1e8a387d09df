using Gradwise.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Fix = Gradwise.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<Gradwise.Rules.StaticMaskAnalyzer, Gradwise.CodeFixes.Rules.StaticMaskFixer>;

namespace Gradwise.Analyzers.Tests.Rules;

/// <summary>
/// GW5001: a random mask drawn once before the epoch loop. The draw is marked <c>{|#0:...|}</c>, the loop's header
/// <c>{|#1:...|}</c> and the training step that reads the mask <c>{|#2:...|}</c>. The training steps here are hand-written
/// stand-ins named like the generated <c>…WithGradient</c> methods and TorchSharp's <c>backward</c>/<c>step</c> (the rule
/// goes by those names, and by weight updates).
/// </summary>
public sealed class GW5001StaticMaskTests
{
    private const string Usings = "using System;\nusing System.Collections.Generic;\nusing System.Linq;\n";

    private const string Model = """
        static class Net
        {
            public static double LossWithGradient(double[] w, double[] x, bool[] mask, double[] g) { for (int j = 0; j < w.Length; j++) g[j] = mask[j % mask.Length] ? w[j] - x[j % x.Length] : 0; return 0; }
        }

        """;

    public static TheoryData<string, string> Positives() => new()
    {
        { "Bernoulli mask filled in a loop before the epochs", Model + """
            class Trainer
            {
                public static void Train(double[] w, double[] x, int epochs, Random rng)
                {
                    var mask = new bool[x.Length];
                    for (int i = 0; i < mask.Length; i++) {|#0:mask[i] = rng.NextDouble() < 0.15|};
                    var g = new double[w.Length];
                    {|#1:for (int epoch = 0; epoch < epochs; epoch++)|}
                    {
                        {|#2:Net.LossWithGradient(w, x, mask, g)|};
                        for (int j = 0; j < w.Length; j++) w[j] -= 0.1 * g[j];
                    }
                }
            }
            """ },
        { "LINQ mask, then weights updated by a gradient that reads it", """
            class Trainer
            {
                static double[] Gradient(double[] w, double[] x, bool[] keep) => w.Select((v, j) => keep[j] ? v - x[j] : 0).ToArray();

                public static void Train(double[] w, double[] x, int epochs)
                {
                    var rng = new Random(42);
                    var keep = {|#0:Enumerable.Range(0, x.Length).Select(_ => rng.NextDouble() > 0.2).ToArray()|};
                    {|#1:for (int epoch = 0; epoch < epochs; epoch++)|}
                    {
                        var g = Gradient(w, x, keep);
                        for (int j = 0; j < w.Length; j++) {|#2:w[j] -= 0.05 * g[j]|};
                    }
                }
            }
            """ },
        { "masked positions chosen by shuffling, read by a model method that updates weights", """
            class Model
            {
                readonly double[] w = new double[64];
                public void Step(int[] tokens, int[] positions) { foreach (var p in positions) w[tokens[p] % w.Length] -= 0.01 * w[tokens[p] % w.Length]; }
            }

            class Trainer
            {
                public static void Train(Model model, int[][] sentences, int epochs, Random random)
                {
                    var positions = {|#0:sentences.Select(s => Enumerable.Range(0, s.Length).OrderBy(_ => random.Next()).Take(2).ToArray()).ToArray()|};
                    {|#1:for (int epoch = 0; epoch < epochs; epoch++)|}
                    {
                        for (int s = 0; s < sentences.Length; s++) {|#2:model.Step(sentences[s], positions[s])|};
                    }
                }
            }
            """ },
        { "one shuffle of the order, reused by every epoch", Model + """
            class Trainer
            {
                public static void Train(double[] w, double[][] rows, bool[] mask, int epochs)
                {
                    var order = Enumerable.Range(0, rows.Length).ToArray();
                    {|#0:Random.Shared.Shuffle(order)|};
                    var g = new double[w.Length];
                    {|#1:foreach (var epoch in Enumerable.Range(0, epochs))|}
                    {
                        foreach (var i in order) {|#2:Net.LossWithGradient(w, rows[i], mask, g)|};
                    }
                }
            }
            """ },
        { "masks from a helper given the Random, read through a deconstruction; library-style backward", """
            class Loss { public void backward() { } }
            class Optimizer { public void step() { } public void zero_grad() { } }
            class Bert
            {
                public Loss forward(int[] inputs, int[] targets) => new Loss();
                static int[][] DrawMasks(int[][] corpus, Random rng) => corpus.Select(s => new[] { rng.Next(s.Length) }).ToArray();
                static (int[] Inputs, int[] Targets) Apply(int[][] corpus, int[][] masks) => (corpus.SelectMany(s => s).ToArray(), masks.SelectMany(m => m).ToArray());

                public void Pretrain(int[][] corpus, Optimizer optimizer, int epochs, Random rng)
                {
                    var masks = {|#0:DrawMasks(corpus, rng)|};
                    int epoch = 0;
                    {|#1:while (epoch++ < epochs)|}
                    {
                        var (inputs, targets) = Apply(corpus, masks);
                        var loss = forward(inputs, targets);
                        optimizer.zero_grad();
                        {|#2:loss.backward()|};
                        optimizer.step();
                    }
                }
            }
            """ },
        { "Gaussian noise drawn once as an augmentation", Model + """
            class Trainer
            {
                static double Gaussian(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());

                public static void Train(double[] w, double[] x, bool[] mask, int epochs, Random rng)
                {
                    var noise = new double[x.Length];
                    for (int i = 0; i < noise.Length; i++) {|#0:noise[i] = 0.1 * Gaussian(rng)|};
                    var g = new double[w.Length];
                    {|#1:for (int epoch = 0; epoch < epochs; epoch++)|}
                    {
                        var noisy = x.Select((v, i) => v + noise[i]).ToArray();
                        {|#2:Net.LossWithGradient(w, noisy, mask, g)|};
                        for (int j = 0; j < w.Length; j++) w[j] -= 0.1 * g[j];
                    }
                }
            }
            """ },
        { "positions added to a list before the epochs", """
            class Trainer
            {
                public static void Train(double[] w, int[] tokens, int epochs, Random rng)
                {
                    var positions = new List<int>();
                    for (int k = 0; k < 10; k++) {|#0:positions.Add(rng.Next(tokens.Length))|};
                    {|#1:for (int epoch = 0; epoch < epochs; epoch++)|}
                    {
                        foreach (var p in positions) {|#2:w[tokens[p] % w.Length] -= 0.01 * (w[tokens[p] % w.Length] - p)|};
                    }
                }
            }
            """ },
        { "drawn once per run, reused by that run's epochs", Model + """
            class Sweep
            {
                public static void Run(double[] w, double[] x, int runs, int epochs)
                {
                    for (int run = 0; run < runs; run++)
                    {
                        var rng = new Random(run);
                        var mask = {|#0:x.Select(_ => rng.Next(10) > 0).ToArray()|};
                        var g = new double[w.Length];
                        {|#1:for (int epoch = 0; epoch < epochs; epoch++)|}
                        {
                            {|#2:Net.LossWithGradient(w, x, mask, g)|};
                            for (int j = 0; j < w.Length; j++) w[j] -= 0.1 * g[j];
                        }
                    }
                }
            }
            """ },
    };

    public static TheoryData<string, string> Negatives() => new()
    {
        { "mask drawn inside the epoch loop (dynamic)", Model + """
            class Trainer
            {
                public static void Train(double[] w, double[] x, int epochs, Random rng)
                {
                    var g = new double[w.Length];
                    for (int epoch = 0; epoch < epochs; epoch++)
                    {
                        var mask = x.Select(_ => rng.NextDouble() < 0.15).ToArray();
                        Net.LossWithGradient(w, x, mask, g);
                        for (int j = 0; j < w.Length; j++) w[j] -= 0.1 * g[j];
                    }
                }
            }
            """ },
        { "a fixed evaluation mask, read only to evaluate", Model + """
            class Trainer
            {
                static double Evaluate(double[] w, bool[] mask) => w.Where((_, j) => mask[j % mask.Length]).Sum();

                public static void Train(double[] w, double[] x, bool[] trainMask, int epochs, Random rng)
                {
                    var testMask = x.Select(_ => rng.NextDouble() < 0.15).ToArray();
                    var g = new double[w.Length];
                    for (int epoch = 0; epoch < epochs; epoch++)
                    {
                        Net.LossWithGradient(w, x, trainMask, g);
                        for (int j = 0; j < w.Length; j++) w[j] -= 0.1 * g[j];
                        Console.WriteLine(Evaluate(w, testMask));
                    }
                }
            }
            """ },
        { "a seed kept for reproducibility", Model + """
            class Trainer
            {
                public static void Train(double[] w, double[] x, bool[] mask, int epochs, Random rng)
                {
                    int seed = rng.Next();
                    var g = new double[w.Length];
                    for (int epoch = 0; epoch < epochs; epoch++)
                    {
                        Net.LossWithGradient(w, x, mask, g);
                        for (int j = 0; j < w.Length; j++) w[j] -= 0.1 * g[j] * (seed % 2 + 1);
                    }
                }
            }
            """ },
        { "a shuffle of the order redrawn every epoch", Model + """
            class Trainer
            {
                public static void Train(double[] w, double[][] rows, bool[] mask, int epochs, Random rng)
                {
                    var order = Enumerable.Range(0, rows.Length).ToArray();
                    var g = new double[w.Length];
                    for (int epoch = 0; epoch < epochs; epoch++)
                    {
                        rng.Shuffle(order);
                        foreach (var i in order) Net.LossWithGradient(w, rows[i], mask, g);
                    }
                }
            }
            """ },
        { "a random draw before a loop that does not train", """
            class Stats
            {
                public static double Mean(double[] x, int repeats, Random rng)
                {
                    var picks = x.Select(_ => rng.Next(x.Length)).ToArray();
                    double total = 0;
                    for (int r = 0; r < repeats; r++) foreach (var p in picks) total += x[p];
                    return total / (repeats * picks.Length);
                }
            }
            """ },
        { "redrawn in the loop when a flag says so", Model + """
            class Trainer
            {
                public static void Train(double[] w, double[] x, int epochs, bool dynamic, Random rng)
                {
                    var mask = x.Select(_ => rng.NextDouble() < 0.15).ToArray();
                    var g = new double[w.Length];
                    for (int epoch = 0; epoch < epochs; epoch++)
                    {
                        if (dynamic) mask = x.Select(_ => rng.NextDouble() < 0.15).ToArray();
                        Net.LossWithGradient(w, x, mask, g);
                    }
                }
            }
            """ },
        { "redrawn each epoch, then reused by that epoch's batches", Model + """
            class Trainer
            {
                public static void Train(double[] w, double[][] batches, int epochs, Random rng)
                {
                    var mask = new bool[w.Length];
                    var g = new double[w.Length];
                    for (int epoch = 0; epoch < epochs; epoch++)
                    {
                        for (int j = 0; j < mask.Length; j++) mask[j] = rng.NextDouble() < 0.15;
                        foreach (var batch in batches)
                        {
                            Net.LossWithGradient(w, batch, mask, g);
                            for (int j = 0; j < w.Length; j++) w[j] -= 0.1 * g[j];
                        }
                    }
                }
            }
            """ },
        { "a single pass over the data", Model + """
            class Trainer
            {
                public static void Train(double[] w, double[][] rows, Random rng)
                {
                    var mask = new bool[w.Length];
                    for (int j = 0; j < mask.Length; j++) mask[j] = rng.NextDouble() < 0.15;
                    var g = new double[w.Length];
                    for (int i = 0; i < rows.Length; i++)
                    {
                        Net.LossWithGradient(w, rows[i], mask, g);
                        for (int j = 0; j < w.Length; j++) w[j] -= 0.1 * g[j];
                    }
                }
            }
            """ },
        { "one permutation shared by the folds of cross-validation", Model + """
            class CrossValidation
            {
                public static void Run(double[] w, double[][] rows, bool[] mask, int k, Random rng)
                {
                    var order = Enumerable.Range(0, rows.Length).OrderBy(_ => rng.Next()).ToArray();
                    var g = new double[w.Length];
                    for (int fold = 0; fold < k; fold++)
                    {
                        var train = order.Where((_, i) => i % k != fold).ToArray();
                        foreach (var r in train) Net.LossWithGradient(w, rows[r], mask, g);
                    }
                }
            }
            """ },
        { "a fixed, non-random mask", Model + """
            class Trainer
            {
                public static void Train(double[] w, double[] x, int epochs)
                {
                    var mask = x.Select((_, i) => i % 7 == 0).ToArray();
                    var g = new double[w.Length];
                    for (int epoch = 0; epoch < epochs; epoch++) Net.LossWithGradient(w, x, mask, g);
                }
            }
            """ },
        { "random initial weights, then trained", """
            class Trainer
            {
                public static void Train(double[] x, int epochs, Random rng)
                {
                    var w = new double[x.Length];
                    for (int j = 0; j < w.Length; j++) w[j] = 0.01 * rng.NextDouble();
                    for (int epoch = 0; epoch < epochs; epoch++)
                        for (int j = 0; j < w.Length; j++) w[j] -= 0.1 * (w[j] - x[j]);
                }
            }
            """ },
        { "a synthetic dataset generated at random before training", """
            class Tutorial
            {
                public static double[] Fit(int n, int epochs)
                {
                    var rng = new Random(1);
                    var x = new double[n];
                    for (int i = 0; i < n; i++) x[i] = rng.NextDouble();
                    var y = x.Select(v => 3 * v + 0.1 * rng.NextDouble()).ToArray();
                    var w = new double[2];
                    for (int epoch = 0; epoch < epochs; epoch++)
                        for (int i = 0; i < n; i++)
                        {
                            var r = w[0] * x[i] + w[1] - y[i];
                            w[0] -= 0.01 * r * x[i];
                            w[1] -= 0.01 * r;
                        }

                    return w;
                }
            }
            """ },
        { "random token ids of a generated corpus", """
            class Corpus
            {
                static int[][] Sentences(int n, Random rng) => Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, 8).Select(_ => rng.Next(20)).ToArray()).ToArray();

                public static void Train(double[] w, int epochs, Random rng)
                {
                    var sentences = Sentences(100, rng);
                    for (int epoch = 0; epoch < epochs; epoch++)
                        foreach (var s in sentences)
                            foreach (var t in s) w[t] -= 0.01 * (w[t] - 1);
                }
            }
            """ },
        { "a random train/test split taken once", Model + """
            class Trainer
            {
                public static void Train(double[] w, double[][] rows, bool[] mask, int epochs, Random rng)
                {
                    var trainRows = Enumerable.Range(0, rows.Length).OrderBy(_ => rng.Next()).Take(rows.Length * 4 / 5).ToArray();
                    var g = new double[w.Length];
                    for (int epoch = 0; epoch < epochs; epoch++)
                        foreach (var i in trainRows) Net.LossWithGradient(w, rows[i], mask, g);
                }
            }
            """ },
    };

    public static TheoryData<string> Shapes() => ShapeCases.Names(Positives(), Negatives());

    [Theory]
    [MemberData(nameof(Positives))]
    public Task Mask_drawn_once_and_reused_every_epoch(string shape, string code) => Verify(shape, code, expected: true);

    [Theory]
    [MemberData(nameof(Negatives))]
    public Task Look_alikes_are_silent(string shape, string code) => Verify(shape, code, expected: false);

    [Fact]
    public Task The_message_names_the_mask_and_the_loop() => Run(
        Model + """
        class Trainer
        {
            public static void Train(double[] w, double[] x, int epochs, Random rng)
            {
                var mask = {|#0:x.Select(_ => rng.NextDouble() < 0.15).ToArray()|};
                var g = new double[w.Length];
                {|#1:for (int epoch = 0; epoch < epochs; epoch++)|}
                    {|#2:Net.LossWithGradient(w, x, mask, g)|};
            }
        }
        """,
        new DiagnosticResult(Descriptors.StaticRandomMask).WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("mask", "Test0.cs line 14"));

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Half_typed_code_does_not_crash_the_rule(string shape) =>
        HalfTypedCode.AssertNoCrashOnEveryPrefixOfMarkedSource(Usings + ShapeCases.Code(shape, Positives(), Negatives()), new Gradwise.Rules.StaticMaskAnalyzer());

    [Fact]
    public Task Fix_moves_the_draw_into_the_loop() => Fix.VerifyCodeFixAsync(
        Usings + Model + """
        class Trainer
        {
            public static void Train(double[] w, double[] x, int epochs, Random rng)
            {
                var g = new double[w.Length];
                var mask = {|#0:x.Select(_ => rng.NextDouble() < 0.15).ToArray()|};
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    Net.LossWithGradient(w, x, mask, g);
                    for (int j = 0; j < w.Length; j++) w[j] -= 0.1 * g[j];
                }
            }
        }
        """,
        Usings + Model + """
        class Trainer
        {
            public static void Train(double[] w, double[] x, int epochs, Random rng)
            {
                var g = new double[w.Length];
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    var mask = x.Select(_ => rng.NextDouble() < 0.15).ToArray();
                    Net.LossWithGradient(w, x, mask, g);
                    for (int j = 0; j < w.Length; j++) w[j] -= 0.1 * g[j];
                }
            }
        }
        """,
        Fix.Diagnostic(Descriptors.StaticRandomMask).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithMessage(null));

    [Fact]
    public Task Fix_keeps_the_comment_above_the_draw() => Fix.VerifyCodeFixAsync(
        Usings + Model + """
        class Trainer
        {
            public static void Train(double[] w, double[] x, int epochs, Random rng)
            {
                var g = new double[w.Length];

                // 15% of the positions are masked.
                var mask = {|#0:x.Select(_ => rng.NextDouble() < 0.15).ToArray()|};
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    Net.LossWithGradient(w, x, mask, g);
                }
            }
        }
        """,
        Usings + Model + """
        class Trainer
        {
            public static void Train(double[] w, double[] x, int epochs, Random rng)
            {
                var g = new double[w.Length];
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    // 15% of the positions are masked.
                    var mask = x.Select(_ => rng.NextDouble() < 0.15).ToArray();
                    Net.LossWithGradient(w, x, mask, g);
                }
            }
        }
        """,
        Fix.Diagnostic(Descriptors.StaticRandomMask).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithMessage(null));

    [Fact]
    public Task No_fix_when_the_mask_is_read_after_the_loop()
    {
        var code = Usings + Model + """
            class Trainer
            {
                public static bool[] Train(double[] w, double[] x, int epochs, Random rng)
                {
                    var mask = {|#0:x.Select(_ => rng.NextDouble() < 0.15).ToArray()|};
                    var g = new double[w.Length];
                    for (int epoch = 0; epoch < epochs; epoch++)
                    {
                        Net.LossWithGradient(w, x, mask, g);
                    }

                    return mask;
                }
            }
            """;
        return Fix.VerifyCodeFixAsync(code, code, Fix.Diagnostic(Descriptors.StaticRandomMask).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithMessage(null));
    }

    private static Task Verify(string shape, string code, bool expected)
    {
        _ = shape;
        return Run(code, expected ? new[] { new DiagnosticResult(Descriptors.StaticRandomMask).WithLocation(0).WithLocation(1).WithLocation(2).WithMessage(null) } : Array.Empty<DiagnosticResult>());
    }

    private static Task Run(string code, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerVerifier<Gradwise.Rules.StaticMaskAnalyzer>.Test { TestCode = Usings + code };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }
}
