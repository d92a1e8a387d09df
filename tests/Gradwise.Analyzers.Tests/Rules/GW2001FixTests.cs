using Gradwise.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace Gradwise.Analyzers.Tests.Rules;

/// <summary>GW2001's fix: an L2 penalty, written where the zero was or added where it was a default.</summary>
public sealed class GW2001FixTests
{
    private const string Comment = "/* L2 penalty: tune it on validation data, e.g. 1e-6 to 1 on a log scale */";

    private static Task Fix(string code, string fixedCode, int diagnostics = 1)
    {
        var test = new CSharpCodeFixVerifier<Gradwise.Rules.SparseFeaturesAnalyzer, Gradwise.CodeFixes.Rules.SparseFeaturesFixer>.Test
        {
            TestCode = MlNetSources.Usings + code,
            FixedCode = MlNetSources.Usings + fixedCode,
        };
        test.TestState.AdditionalReferences.AddRange(MlNetSources.References);
        test.FixedState.AdditionalReferences.AddRange(MlNetSources.References);
        test.TestBehaviors |= TestBehaviors.SkipSuppressionCheck;
        test.ExpectedDiagnostics.AddRange(Enumerable.Range(0, diagnostics).Select(i => new DiagnosticResult("GW2001", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(i).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Adds_the_argument_left_at_a_zero_default() => Fix(
        """
        class M { static IEstimator<ITransformer> P(MLContext ml) => ml.Transforms.Text.FeaturizeText("Features", "Text").Append({|#0:ml.BinaryClassification.Trainers.AveragedPerceptron(numberOfIterations: 20)|}); }
        """,
        $$"""
        class M { static IEstimator<ITransformer> P(MLContext ml) => ml.Transforms.Text.FeaturizeText("Features", "Text").Append(ml.BinaryClassification.Trainers.AveragedPerceptron(numberOfIterations: 20, l2Regularization: 1e-4f {{Comment}})); }
        """);

    [Fact]
    public Task Writes_over_an_explicit_zero() => Fix(
        """
        class M { static IEstimator<ITransformer> P(MLContext ml) => ml.Transforms.Text.FeaturizeText("Features", "Text").Append({|#0:ml.BinaryClassification.Trainers.LbfgsLogisticRegression(l1Regularization: 0, l2Regularization: 0f)|}); }
        """,
        $$"""
        class M { static IEstimator<ITransformer> P(MLContext ml) => ml.Transforms.Text.FeaturizeText("Features", "Text").Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(l1Regularization: 0, l2Regularization: 1f {{Comment}})); }
        """);

    [Fact]
    public Task Removes_SDCAs_zero_so_it_tunes_the_penalty() => Fix(
        """
        class M { static IEstimator<ITransformer> P(MLContext ml) => ml.Transforms.Text.FeaturizeText("Features", "Text").Append({|#0:ml.BinaryClassification.Trainers.SdcaLogisticRegression(l1Regularization: 0, l2Regularization: 0)|}); }
        """,
        """
        class M { static IEstimator<ITransformer> P(MLContext ml) => ml.Transforms.Text.FeaturizeText("Features", "Text").Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(l1Regularization: 0)); }
        """);

    [Fact]
    public Task Sets_the_options_member() => Fix(
        """
        class M
        {
            static IEstimator<ITransformer> P(MLContext ml) =>
                ml.Transforms.Text.FeaturizeText("Features", "Text")
                    .Append({|#0:ml.Regression.Trainers.OnlineGradientDescent(new OnlineGradientDescentTrainer.Options { LearningRate = 0.1f })|});
        }
        """,
        $$"""
        class M
        {
            static IEstimator<ITransformer> P(MLContext ml) =>
                ml.Transforms.Text.FeaturizeText("Features", "Text")
                    .Append(ml.Regression.Trainers.OnlineGradientDescent(new OnlineGradientDescentTrainer.Options { LearningRate = 0.1f, L2Regularization = 1e-4f {{Comment}} }));
        }
        """);

    [Fact]
    public Task Fix_all_gives_every_trainer_in_the_document_a_penalty() => Fix(
        """
        class M
        {
            static IEstimator<ITransformer> A(MLContext ml) => ml.Transforms.Text.FeaturizeText("Features", "Text").Append({|#0:ml.BinaryClassification.Trainers.AveragedPerceptron()|});
            static IEstimator<ITransformer> B(MLContext ml) => ml.Transforms.Text.FeaturizeText("Features", "Text").Append({|#1:ml.BinaryClassification.Trainers.AveragedPerceptron(l2Regularization: 0)|});
        }
        """,
        $$"""
        class M
        {
            static IEstimator<ITransformer> A(MLContext ml) => ml.Transforms.Text.FeaturizeText("Features", "Text").Append(ml.BinaryClassification.Trainers.AveragedPerceptron(l2Regularization: 1e-4f {{Comment}}));
            static IEstimator<ITransformer> B(MLContext ml) => ml.Transforms.Text.FeaturizeText("Features", "Text").Append(ml.BinaryClassification.Trainers.AveragedPerceptron(l2Regularization: 1e-4f {{Comment}}));
        }
        """,
        diagnostics: 2);
}
