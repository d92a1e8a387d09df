using Gradwise.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace Gradwise.Analyzers.Tests.Rules;

/// <summary>
/// GW2001 (linear model, no penalty) and GW2002 (tree ensemble) on sparse, high-dimensional ML.NET features, against the
/// real Microsoft.ML 5.0.1 catalogs. A case may hold several files, split at <see cref="FileBreak"/>. Markup:
/// <c>{|GW2001:...|}</c> on the trainer, <c>{|#0:...|}</c> on the featurizer that is the additional location.
/// </summary>
public sealed class GW2001SparseFeaturesTests
{
    private const string FileBreak = "// ---- next file ----";

    public static TheoryData<string, string> Linear() => new()
    {
        { "fluent chain, AveragedPerceptron's default zero penalty", """
            class Sentiment
            {
                public static IEstimator<ITransformer> Pipeline(MLContext ml) =>
                    {|#0:ml.Transforms.Text.FeaturizeText("Features", "Text")|}
                        .Append({|GW2001:ml.BinaryClassification.Trainers.AveragedPerceptron(labelColumnName: "Label", numberOfIterations: 10)|});
            }
            """ },
        { "locals: featurizer, trainer with explicit zeros, appended later (SDCA)", """
            class Sample
            {
                class Issue { public string Text { get; set; } = ""; }

                public static void Build(MLContext mlContext)
                {
                    var dataProcessPipeline = {|#0:mlContext.Transforms.Text.FeaturizeText(outputColumnName: "Features", inputColumnName: nameof(Issue.Text))|};
                    var trainer = {|GW2001:mlContext.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: "Label", featureColumnName: "Features", l2Regularization: 0f, l1Regularization: 0f)|};
                    var trainingPipeline = dataProcessPipeline.Append(trainer);
                }
            }
            """ },
        { "two texts concatenated, cache checkpoint, one-versus-all perceptron (GitHub issue labeler)", """
            class Labeler
            {
                public IEstimator<ITransformer> Build(MLContext ml)
                {
                    var pipeline = ml.Transforms.Conversion.MapValueToKey(inputColumnName: "Area", outputColumnName: "Label")
                        .Append({|#0:ml.Transforms.Text.FeaturizeText(inputColumnName: "Title", outputColumnName: "TitleFeaturized")|})
                        .Append({|#1:ml.Transforms.Text.FeaturizeText(inputColumnName: "Description", outputColumnName: "DescriptionFeaturized")|})
                        .Append(ml.Transforms.Concatenate("Features", "TitleFeaturized", "DescriptionFeaturized"))
                        .AppendCacheCheckpoint(ml);
                    var trainingPipeline = pipeline
                        .Append(ml.MulticlassClassification.Trainers.OneVersusAll({|GW2001:ml.BinaryClassification.Trainers.AveragedPerceptron()|}, labelColumnName: "Label"))
                        .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
                    return trainingPipeline;
                }
            }
            """ },
        { "Options object with both penalties zero, hashed word bags", """
            class Spam
            {
                public static IEstimator<ITransformer> Build(MLContext ml)
                {
                    var options = new LbfgsLogisticRegressionBinaryTrainer.Options { L1Regularization = 0, L2Regularization = 0, LabelColumnName = "IsSpam" };
                    return {|#0:ml.Transforms.Text.ProduceHashedWordBags("Features", "Body", numberOfBits: 18)|}
                        .Append({|GW2001:ml.BinaryClassification.Trainers.LbfgsLogisticRegression(options)|});
                }
            }
            """ },
        { "featurizer from a helper method in another file", $$"""
            static class Featurizers
            {
                public static IEstimator<ITransformer> Reviews(MLContext ml) => {|#0:ml.Transforms.Text.FeaturizeText("Features", "Review")|};
            }
            {{FileBreak}}
            class Rating
            {
                public static IEstimator<ITransformer> Pipeline(MLContext ml) =>
                    Featurizers.Reviews(ml).Append({|GW2001:ml.Regression.Trainers.OnlineGradientDescent(labelColumnName: "Stars")|});
            }
            """ },
        { "Fit and Transform: the data reaches a trainer fitted on its own", """
            class Clicks
            {
                public static ITransformer Train(MLContext ml, IDataView data)
                {
                    var featurizer = {|#0:ml.Transforms.Categorical.OneHotHashEncoding("Features", "UserAgent")|}.Fit(data);
                    var transformed = featurizer.Transform(data);
                    return {|GW2001:ml.BinaryClassification.Trainers.AveragedPerceptron()|}.Fit(transformed);
                }
            }
            """ },
        { "pipeline grown conditionally in a local", """
            class Builder
            {
                public static IEstimator<ITransformer> Build(MLContext ml, bool cache)
                {
                    IEstimator<ITransformer> pipeline = {|#0:ml.Transforms.Text.ProduceWordBags("Features", "Text", ngramLength: 1)|};
                    if (cache)
                    {
                        pipeline = pipeline.AppendCacheCheckpoint(ml);
                    }

                    pipeline = pipeline.Append({|GW2001:ml.BinaryClassification.Trainers.AveragedPerceptron(l2Regularization: 0)|});
                    return pipeline;
                }
            }
            """ },
        { "featurizer passed as a parameter", """
            class Experiment
            {
                public static void Run(MLContext ml) => Train(ml, {|#0:ml.Transforms.Text.FeaturizeText("Features", "Comment")|});

                static IEstimator<ITransformer> Train(MLContext ml, IEstimator<ITransformer> featurizer) =>
                    featurizer.Append({|GW2001:ml.BinaryClassification.Trainers.AveragedPerceptron()|});
            }
            """ },
        { "featurizer kept in a field", """
            class Model
            {
                private readonly MLContext ml = new MLContext(seed: 1);
                private readonly IEstimator<ITransformer> features;

                public Model() => features = {|#0:ml.Transforms.Categorical.OneHotEncoding("Features", "ProductId")|};

                public IEstimator<ITransformer> Pipeline() => features.Append({|GW2001:ml.Regression.Trainers.OnlineGradientDescent()|});
            }
            """ },
        { "Model Builder style: column pairs, Concatenate of an array, Options with zero penalty", """
            public partial class SampleModel
            {
                public static IEstimator<ITransformer> BuildPipeline(MLContext mlContext)
                {
                    var pipeline = {|#0:mlContext.Transforms.Categorical.OneHotEncoding(new[] { new InputOutputColumnPair(@"Store", @"Store"), new InputOutputColumnPair(@"Sku", @"Sku") })|}
                                            .Append(mlContext.Transforms.ReplaceMissingValues(new[] { new InputOutputColumnPair(@"Price", @"Price") }))
                                            .Append(mlContext.Transforms.Concatenate(@"Features", new[] { @"Store", @"Sku", @"Price" }))
                                            .Append({|GW2001:mlContext.Regression.Trainers.OnlineGradientDescent(new OnlineGradientDescentTrainer.Options() { LearningRate = 0.1f, NumberOfIterations = 10, LabelColumnName = @"Units", FeatureColumnName = @"Features" })|});
                    return pipeline;
                }
            }
            """ },
        { "n-grams of word keys after tokenizing, normalized before the trainer", """
            class Topics
            {
                public static IEstimator<ITransformer> Build(MLContext ml) =>
                    ml.Transforms.Text.TokenizeIntoWords("Tokens", "Text")
                        .Append(ml.Transforms.Conversion.MapValueToKey("Tokens"))
                        .Append({|#0:ml.Transforms.Text.ProduceNgrams("Ngrams", "Tokens")|})
                        .Append(ml.Transforms.NormalizeLpNorm("Features", "Ngrams"))
                        .Append({|GW2001:ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(l1Regularization: 0, l2Regularization: 0)|});
            }
            """ },
        { "featurizer options and params inputs, copied and normalized; the trainer starts its own chain", """
            class SpamDetector
            {
                private readonly MLContext mlContext = new MLContext();
                private IEstimator<ITransformer> trainingPipeline = null!;

                public void Build()
                {
                    var dataProcessPipeline = mlContext.Transforms.Conversion.MapValueToKey("Label", "Label")
                        .Append({|#0:mlContext.Transforms.Text.FeaturizeText("FeaturesText", new Microsoft.ML.Transforms.Text.TextFeaturizingEstimator.Options
                        {
                            WordFeatureExtractor = new Microsoft.ML.Transforms.Text.WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
                            CharFeatureExtractor = new Microsoft.ML.Transforms.Text.WordBagEstimator.Options { NgramLength = 3, UseAllLengths = false },
                        }, "Message")|})
                        .Append(mlContext.Transforms.CopyColumns("Features", "FeaturesText"))
                        .Append(mlContext.Transforms.NormalizeLpNorm("Features", "Features"))
                        .AppendCacheCheckpoint(mlContext);
                    var trainer = mlContext.MulticlassClassification.Trainers.OneVersusAll({|GW2001:mlContext.BinaryClassification.Trainers.AveragedPerceptron(labelColumnName: "Label", numberOfIterations: 10, featureColumnName: "Features")|}, labelColumnName: "Label")
                        .Append(mlContext.Transforms.Conversion.MapKeyToValue("PredictedLabel", "PredictedLabel"));
                    trainingPipeline = dataProcessPipeline.Append(trainer);
                }
            }
            """ },
        { "trainer chosen in a switch statement into a local declared null", """
            enum Strategy { Sdca, Perceptron }

            class Issues
            {
                public static IEstimator<ITransformer> Build(MLContext mlContext, Strategy selected)
                {
                    var dataProcessPipeline = {|#0:mlContext.Transforms.Text.FeaturizeText("Features", "Title")|};
                    IEstimator<ITransformer> trainer = null!;
                    switch (selected)
                    {
                        case Strategy.Sdca:
                            trainer = mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy("Label", "Features");
                            break;
                        case Strategy.Perceptron:
                        {
                            var averagedPerceptronBinaryTrainer = {|GW2001:mlContext.BinaryClassification.Trainers.AveragedPerceptron("Label", "Features", numberOfIterations: 10)|};
                            trainer = mlContext.MulticlassClassification.Trainers.OneVersusAll(averagedPerceptronBinaryTrainer);
                            break;
                        }
                    }

                    return dataProcessPipeline.Append(trainer);
                }
            }
            """ },
        { "trainer returned by a helper that takes the choice, in a switch expression", $$"""
            static class Trainers
            {
                public static IEstimator<ITransformer> Create(MLContext ml, string name) => name switch
                {
                    "sdca" => ml.BinaryClassification.Trainers.SdcaLogisticRegression(),
                    _ => {|GW2001:ml.BinaryClassification.Trainers.AveragedPerceptron(numberOfIterations: 20)|},
                };
            }
            {{FileBreak}}
            class Search
            {
                public static IEstimator<ITransformer> Candidate(MLContext ml, string name) =>
                    {|#0:ml.Transforms.Text.ProduceHashedNgrams("Features", "Query", numberOfBits: 20)|}.Append(Trainers.Create(ml, name));
            }
            """ },
        { "data cached and split before the trainer's Fit", """
            class Cached
            {
                public static ITransformer Train(MLContext ml, IDataView raw)
                {
                    var featurized = {|#0:ml.Transforms.Text.FeaturizeText("Features", "Body")|}.Fit(raw).Transform(raw);
                    var split = ml.Data.TrainTestSplit(ml.Data.Cache(featurized), testFraction: 0.2);
                    return {|GW2001:ml.Regression.Trainers.OnlineGradientDescent(labelColumnName: "Score")|}.Fit(split.TrainSet);
                }
            }
            """ },
    };

    public static TheoryData<string, string> Trees() => new()
    {
        { "FastTree on FeaturizeText", """
            class Sentiment
            {
                public static IEstimator<ITransformer> Pipeline(MLContext ml) =>
                    {|#0:ml.Transforms.Text.FeaturizeText("Features", "Text")|}.Append({|GW2002:ml.BinaryClassification.Trainers.FastTree(numberOfLeaves: 50, numberOfTrees: 200)|});
            }
            """ },
        { "LightGbm multiclass on a hashed category", """
            class Routing
            {
                public static IEstimator<ITransformer> Pipeline(MLContext ml) =>
                    ml.Transforms.Conversion.MapValueToKey("Label", "Queue")
                        .Append({|#0:ml.Transforms.Categorical.OneHotHashEncoding("CustomerHash", "CustomerId", numberOfBits: 20)|})
                        .Append(ml.Transforms.Concatenate("Features", "CustomerHash", "Priority"))
                        .Append({|GW2002:ml.MulticlassClassification.Trainers.LightGbm()|});
            }
            """ },
        { "FastForest regression on one-hot pairs beside numeric columns", """
            class Prices
            {
                public static IEstimator<ITransformer> Pipeline(MLContext ml)
                {
                    var encode = {|#0:ml.Transforms.Categorical.OneHotEncoding(new[] { new InputOutputColumnPair("ZipEncoded", "Zip") })|};
                    var features = ml.Transforms.Concatenate("Features", "ZipEncoded", "Rooms", "Area");
                    return encode.Append(features).Append({|GW2002:ml.Regression.Trainers.FastForest(labelColumnName: "Price")|});
                }
            }
            """ },
        { "Gam on hashed n-grams", """
            class Toxic
            {
                public static IEstimator<ITransformer> Pipeline(MLContext ml) =>
                    ml.Transforms.Text.TokenizeIntoWords("Words", "Comment")
                        .Append({|#0:ml.Transforms.Text.ProduceHashedNgrams("Features", "Words", numberOfBits: 16, ngramLength: 2)|})
                        .Append({|GW2002:ml.BinaryClassification.Trainers.Gam()|});
            }
            """ },
        { "Model Builder: one-versus-all FastTree with Options on featurized text", """
            public partial class Classifier
            {
                public static IEstimator<ITransformer> BuildPipeline(MLContext mlContext)
                {
                    var pipeline = {|#0:mlContext.Transforms.Text.FeaturizeText(inputColumnName: @"col0", outputColumnName: @"col0")|}
                                            .Append(mlContext.Transforms.Concatenate(@"Features", new[] { @"col0" }))
                                            .Append(mlContext.Transforms.Conversion.MapValueToKey(outputColumnName: @"col1", inputColumnName: @"col1"))
                                            .Append(mlContext.MulticlassClassification.Trainers.OneVersusAll(binaryEstimator: {|GW2002:mlContext.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options() { NumberOfLeaves = 4, MinimumExampleCountPerLeaf = 20, NumberOfTrees = 4, LabelColumnName = @"col1", FeatureColumnName = @"Features" })|}, labelColumnName: @"col1"))
                                            .Append(mlContext.Transforms.Conversion.MapKeyToValue(outputColumnName: @"PredictedLabel", inputColumnName: @"PredictedLabel"));
                    return pipeline;
                }
            }
            """ },
        { "FastTree ranking on a hashed query id", """
            class Search
            {
                public static IEstimator<ITransformer> Pipeline(MLContext ml) =>
                    {|#0:ml.Transforms.Categorical.OneHotHashEncoding("Features", "QueryTerms")|}
                        .Append(ml.Transforms.Conversion.MapValueToKey("GroupId", "QueryId"))
                        .Append({|GW2002:ml.Ranking.Trainers.FastTree()|});
            }
            """ },
        { "LightGbm with categorical splits still fed free text", """
            class Tickets
            {
                public static IEstimator<ITransformer> Pipeline(MLContext ml) =>
                    {|#0:ml.Transforms.Text.FeaturizeText("Features", "Summary")|}
                        .Append({|GW2002:ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options { UseCategoricalSplit = true })|});
            }
            """ },
    };

    public static TheoryData<string, string> Negatives() => new()
    {
        { "SDCA with its tuned penalties", """
            class M { static IEstimator<ITransformer> P(MLContext ml) => ml.Transforms.Text.FeaturizeText("Features", "Text").Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression()); }
            """ },
        { "L-BFGS with its default penalties (L1 = L2 = 1)", """
            class M { static IEstimator<ITransformer> P(MLContext ml) => ml.Transforms.Text.FeaturizeText("Features", "Text").Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression()); }
            """ },
        { "an explicit positive penalty", """
            class M { static IEstimator<ITransformer> P(MLContext ml) => ml.Transforms.Text.FeaturizeText("Features", "Text").Append(ml.BinaryClassification.Trainers.AveragedPerceptron(l2Regularization: 1e-4f)); }
            """ },
        { "one penalty zero, the other not", """
            class M { static IEstimator<ITransformer> P(MLContext ml) => ml.Transforms.Text.FeaturizeText("Features", "Text").Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(l1Regularization: 0f)); }
            """ },
        { "dense numeric columns with no penalty", """
            class M { static IEstimator<ITransformer> P(MLContext ml) => ml.Transforms.Concatenate("Features", "Age", "Income", "Tenure").Append(ml.BinaryClassification.Trainers.AveragedPerceptron()); }
            """ },
        { "text featurized but never concatenated into the features", """
            class M
            {
                static IEstimator<ITransformer> P(MLContext ml) =>
                    ml.Transforms.Text.FeaturizeText("TextFeatures", "Text")
                        .Append(ml.Transforms.Concatenate("Features", "Age", "Income"))
                        .Append(ml.BinaryClassification.Trainers.FastTree());
            }
            """ },
        { "the features column written again after the featurizer", """
            class M
            {
                static IEstimator<ITransformer> P(MLContext ml) =>
                    ml.Transforms.Text.FeaturizeText("Features", "Text")
                        .Append(ml.Transforms.Concatenate("Features", "Age"))
                        .Append(ml.BinaryClassification.Trainers.AveragedPerceptron());
            }
            """ },
        { "one-hot as binary codes", """
            class M { static IEstimator<ITransformer> P(MLContext ml) => ml.Transforms.Categorical.OneHotEncoding("Features", "City", outputKind: OneHotEncodingEstimator.OutputKind.Binary).Append(ml.Regression.Trainers.FastTree()); }
            """ },
        { "one-hot of a column with few categories", """
            class M { static IEstimator<ITransformer> P(MLContext ml) => ml.Transforms.Categorical.OneHotEncoding("Features", "Weekday", maximumNumberOfKeys: 7).Append(ml.Regression.Trainers.FastTree()); }
            """ },
        { "a hash into 16 buckets", """
            class M { static IEstimator<ITransformer> P(MLContext ml) => ml.Transforms.Categorical.OneHotHashEncoding("Features", "Region", numberOfBits: 4).Append(ml.BinaryClassification.Trainers.LightGbm()); }
            """ },
        { "topics of the text, not its words", """
            class M
            {
                static IEstimator<ITransformer> P(MLContext ml) =>
                    ml.Transforms.Text.ProduceWordBags("Bags", "Text")
                        .Append(ml.Transforms.Text.LatentDirichletAllocation("Features", "Bags", numberOfTopics: 20))
                        .Append(ml.BinaryClassification.Trainers.FastTree());
            }
            """ },
        { "the trainer reads another feature column", """
            class M
            {
                static IEstimator<ITransformer> P(MLContext ml) =>
                    ml.Transforms.Text.FeaturizeText("Features", "Text")
                        .Append(ml.Transforms.Concatenate("Dense", "Age", "Income"))
                        .Append(ml.BinaryClassification.Trainers.AveragedPerceptron(featureColumnName: "Dense"));
            }
            """ },
        { "a penalty computed at run time", """
            class M { static IEstimator<ITransformer> P(MLContext ml, float lambda) => ml.Transforms.Text.FeaturizeText("Features", "Text").Append(ml.BinaryClassification.Trainers.AveragedPerceptron(l2Regularization: lambda)); }
            """ },
        { "categorical splits on one-hot input", """
            class M { static IEstimator<ITransformer> P(MLContext ml) => ml.Transforms.Categorical.OneHotEncoding("Features", "Sku").Append(ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options { CategoricalSplit = true })); }
            """ },
        { "Options filled in member by member (not known here)", """
            class M
            {
                static IEstimator<ITransformer> P(MLContext ml)
                {
                    var options = new AveragedPerceptronTrainer.Options();
                    options.L2Regularization = 0.01f;
                    return ml.Transforms.Text.FeaturizeText("Features", "Text").Append(ml.BinaryClassification.Trainers.AveragedPerceptron(options));
                }
            }
            """ },
        { "a trainer never appended to a featurized pipeline", """
            class M { static ITransformer P(MLContext ml, IDataView data) => ml.BinaryClassification.Trainers.AveragedPerceptron().Fit(data); }
            """ },
        { "a trainer from a helper appended to dense columns", """
            static class Pick { public static IEstimator<ITransformer> Trainer(MLContext ml, int iterations) => ml.BinaryClassification.Trainers.AveragedPerceptron(numberOfIterations: iterations); }
            class M { static IEstimator<ITransformer> P(MLContext ml) => ml.Transforms.Concatenate("Features", "Age", "Income").Append(Pick.Trainer(ml, 10)); }
            """ },
    };

    public static TheoryData<string> Shapes() => ShapeCases.Names(Linear(), Trees(), Negatives());

    [Theory]
    [MemberData(nameof(Linear))]
    public Task Linear_model_without_penalty_on_sparse_features(string shape, string code) => Verify(shape, code);

    [Theory]
    [MemberData(nameof(Trees))]
    public Task Tree_ensemble_on_sparse_features(string shape, string code) => Verify(shape, code);

    [Theory]
    [MemberData(nameof(Negatives))]
    public Task Look_alikes_are_silent(string shape, string code) => Verify(shape, code);

    [Fact]
    public Task The_threshold_comes_from_editorconfig() => MlNetSources.VerifyAsync<Gradwise.Rules.SparseFeaturesAnalyzer>(
        new[]
        {
            """
            class M
            {
                static IEstimator<ITransformer> Small(MLContext ml) => ml.Transforms.Text.ProduceHashedWordBags("Features", "Text", numberOfBits: 12).Append(ml.BinaryClassification.Trainers.FastTree());
                static IEstimator<ITransformer> Large(MLContext ml) => {|#0:ml.Transforms.Text.ProduceHashedWordBags("Features", "Text", numberOfBits: 14)|}.Append({|#9:ml.BinaryClassification.Trainers.FastTree()|});
            }
            """,
        },
        "gradwise.sparse_features.min_bits = 14\n",
        WithFeaturizers("GW2002", 1));

    [Fact]
    public Task The_message_names_the_trainer_the_zero_penalty_and_the_featurizer() => MlNetSources.VerifyAsync<Gradwise.Rules.SparseFeaturesAnalyzer>(
        new[]
        {
            """
            class M { static IEstimator<ITransformer> P(MLContext ml) => {|#0:ml.Transforms.Text.ProduceHashedWordBags("Features", "Text", numberOfBits: 18)|}.Append({|#1:ml.BinaryClassification.Trainers.AveragedPerceptron()|}); }
            """,
        },
        null,
        new DiagnosticResult(Descriptors.UnpenalizedLinearModelOnSparseFeatures).WithLocation(1).WithLocation(0)
            .WithArguments("AveragedPerceptron", "l2Regularization = 0 by default", "ProduceHashedWordBags of 'Text' (2^18 hashed slots)"));

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Half_typed_code_does_not_crash_the_rules(string shape)
    {
        var files = ShapeCases.Code(shape, Linear(), Trees(), Negatives()).Split(FileBreak);
        var analyzer = new Gradwise.Rules.SparseFeaturesAnalyzer();
        var last = MlNetSources.Usings + files[^1];
        var plain = HalfTypedCode.WithoutMarkup(last);
        var others = files[..^1].Select(f => MlNetSources.Usings + HalfTypedCode.WithoutMarkup(f));
        HalfTypedCode.AssertNoCrashOnEveryPrefix(plain, Array.Empty<Microsoft.CodeAnalysis.IIncrementalGenerator>(), new[] { analyzer }, includeSupportSources: false, others, MlNetSources.References);
    }

    private static Task Verify(string shape, string code)
    {
        _ = shape;
        var id = code.Contains("{|GW2001:", StringComparison.Ordinal) ? "GW2001" : code.Contains("{|GW2002:", StringComparison.Ordinal) ? "GW2002" : null;
        var files = code.Replace("{|" + id + ":", "{|#9:", StringComparison.Ordinal).Split(FileBreak);
        var featurizers = Enumerable.Range(0, 4).Count(i => code.Contains("{|#" + i + ":", StringComparison.Ordinal));
        return MlNetSources.VerifyAsync<Gradwise.Rules.SparseFeaturesAnalyzer>(files, null, id is null ? Array.Empty<DiagnosticResult>() : new[] { WithFeaturizers(id, featurizers) });
    }

    /// <summary>The diagnostic marked in the code, with the featurizers marked #0, #1, … as its additional locations.</summary>
    private static DiagnosticResult WithFeaturizers(string id, int count)
    {
        var result = new DiagnosticResult(id, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithMessage(null).WithLocation(9);
        for (var i = 0; i < count; i++)
        {
            result = result.WithLocation(i);
        }

        return result;
    }
}
