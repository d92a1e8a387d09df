using Gradwise.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace Gradwise.Analyzers.Tests.Rules;

/// <summary>
/// GW2001 on Accord.NET learners. The Accord.NET packages are not served here, so the test declares the few types it uses
/// with Accord.NET 3.8's namespaces, names and members (the rule keys its table by those names). The learner is marked
/// <c>{|#9:...|}</c>, the featurizer's <c>Transform</c> <c>{|#0:...|}</c>.
/// </summary>
public sealed class GW2001AccordTests
{
    private const string Accord = """
        namespace Accord.MachineLearning
        {
            public class BagOfWords
            {
                public BagOfWords() { }
                public BagOfWords(params string[][] texts) { }
                public int MaximumOccurance { get; set; }
                public BagOfWords Learn(string[][] x, double[] weights = null) => this;
                public double[][] Transform(string[][] x) => new double[x.Length][];
                public double[] Transform(string[] x) => new double[0];
            }

            public class TFIDF
            {
                public TFIDF Learn(string[][] x, double[] weights = null) => this;
                public double[][] Transform(string[][] x) => new double[x.Length][];
                public double[] Transform(string[] x) => new double[0];
            }
        }

        namespace Accord.Statistics.Models.Regression
        {
            public class GeneralizedLinearRegression { }
            public class LogisticRegression : GeneralizedLinearRegression { public LogisticRegression() { } public LogisticRegression(int inputs) { } }
        }

        namespace Accord.Statistics.Models.Regression.Fitting
        {
            using Accord.Statistics.Models.Regression;

            public class IterativeReweightedLeastSquares<TModel> where TModel : GeneralizedLinearRegression, new()
            {
                public double Regularization { get; set; } = 1e-10;
                public double Tolerance { get; set; } = 1e-5;
                public int MaxIterations { get; set; }
                public TModel Learn(double[][] x, bool[] y, double[] weights = null) => new TModel();
                public TModel Learn(double[][] x, int[] y, double[] weights = null) => new TModel();
            }

            public class IterativeReweightedLeastSquares
            {
                public IterativeReweightedLeastSquares(LogisticRegression regression) { }
                public double Regularization { get; set; } = 1e-10;
                public double Run(double[][] inputs, double[] outputs) => 0;
            }

            public class LogisticGradientDescent
            {
                public double LearningRate { get; set; } = 0.1;
                public LogisticRegression Learn(double[][] x, bool[] y, double[] weights = null) => new LogisticRegression();
            }
        }

        """;

    private const string Usings = "using System.Linq;\nusing Accord.MachineLearning;\nusing Accord.Statistics.Models.Regression;\nusing Accord.Statistics.Models.Regression.Fitting;\n";

    public static TheoryData<string, string> Positives() => new()
    {
        { "IRLS with Regularization = 0 on a bag of words", """
            class Sentiment
            {
                public static LogisticRegression Train(string[][] words, bool[] positive)
                {
                    var bow = new BagOfWords() { MaximumOccurance = 1 };
                    bow.Learn(words);
                    double[][] inputs = {|#0:bow.Transform(words)|};
                    var teacher = {|#9:new IterativeReweightedLeastSquares<LogisticRegression>() { Tolerance = 1e-4, MaxIterations = 100, Regularization = 0 }|};
                    return teacher.Learn(inputs, positive);
                }
            }
            """ },
        { "the older API: Regularization assigned, Run on TF-IDF vectors made with LINQ", """
            class Topics
            {
                readonly TFIDF tfidf = new TFIDF();

                public double Fit(string[][] documents, double[] labels)
                {
                    tfidf.Learn(documents);
                    var inputs = documents.Select(d => {|#0:tfidf.Transform(d)|}).ToArray();
                    var teacher = {|#9:new IterativeReweightedLeastSquares(new LogisticRegression(inputs[0].Length))|};
                    teacher.Regularization = 0;
                    return teacher.Run(inputs, labels);
                }
            }
            """ },
        { "gradient descent, which has no penalty at all", """
            class Spam
            {
                public static LogisticRegression Train(string[][] words, bool[] spam)
                {
                    var codebook = new BagOfWords(words);
                    var features = {|#0:codebook.Transform(words)|};
                    var learner = {|#9:new LogisticGradientDescent { LearningRate = 0.05 }|};
                    return learner.Learn(features, spam);
                }
            }
            """ },
    };

    public static TheoryData<string, string> Negatives() => new()
    {
        { "IRLS with its default", """
            class M { static LogisticRegression T(string[][] w, bool[] y) { var bow = new BagOfWords(w); return new IterativeReweightedLeastSquares<LogisticRegression>().Learn(bow.Transform(w), y); } }
            """ },
        { "IRLS with a positive penalty", """
            class M { static LogisticRegression T(string[][] w, bool[] y) { var bow = new BagOfWords(w); var t = new IterativeReweightedLeastSquares<LogisticRegression> { Regularization = 1e-2 }; return t.Learn(bow.Transform(w), y); } }
            """ },
        { "IRLS without a penalty on dense inputs", """
            class M { static LogisticRegression T(double[][] x, bool[] y) { var t = new IterativeReweightedLeastSquares<LogisticRegression> { Regularization = 0 }; return t.Learn(x.Select(r => new[] { r[0], r[0] * r[1] }).ToArray(), y); } }
            """ },
    };

    [Theory]
    [MemberData(nameof(Positives))]
    public Task Learner_with_no_penalty_on_bags_of_words(string shape, string code) => Run(code, new DiagnosticResult(Descriptors.UnpenalizedLinearModelOnSparseFeatures).WithLocation(9).WithLocation(0).WithMessage(null), shape);

    [Theory]
    [MemberData(nameof(Negatives))]
    public Task Look_alikes_are_silent(string shape, string code) => Run(code, null, shape);

    [Fact]
    public Task The_message_names_the_learner_its_penalty_and_the_featurizer() => Run(
        """
        class M { static LogisticRegression T(string[][] w, bool[] y) { var bow = new BagOfWords(w); var t = {|#9:new IterativeReweightedLeastSquares<LogisticRegression> { Regularization = 0 }|}; return t.Learn({|#0:bow.Transform(w)|}, y); } }
        """,
        new DiagnosticResult(Descriptors.UnpenalizedLinearModelOnSparseFeatures).WithLocation(9).WithLocation(0)
            .WithArguments("IterativeReweightedLeastSquares", "Regularization = 0", "BagOfWords ('bow.Transform(w)')"),
        "message");

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Half_typed_code_does_not_crash_the_rule(string shape) =>
        HalfTypedCode.AssertNoCrashOnEveryPrefix(
            HalfTypedCode.WithoutMarkup(Usings + ShapeCases.Code(shape, Positives(), Negatives())),
            Array.Empty<Microsoft.CodeAnalysis.IIncrementalGenerator>(),
            new[] { new Gradwise.Rules.SparseFeaturesAnalyzer() },
            includeSupportSources: false,
            new[] { Accord });

    public static TheoryData<string> Shapes() => ShapeCases.Names(Positives(), Negatives());

    private static Task Run(string code, DiagnosticResult? expected, string shape)
    {
        _ = shape;
        var test = new CSharpAnalyzerVerifier<Gradwise.Rules.SparseFeaturesAnalyzer>.Test();
        test.TestState.Sources.Add(("/0/Accord.cs", Accord));
        test.TestState.Sources.Add(("/0/Test0.cs", Usings + code));
        if (expected is { } result)
        {
            test.ExpectedDiagnostics.Add(result);
        }

        return test.RunAsync(CancellationToken.None);
    }
}
