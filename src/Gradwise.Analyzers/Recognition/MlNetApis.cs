using System.Collections.Generic;

namespace Gradwise.Recognition;

/// <summary>What a trainer fits.</summary>
internal enum ModelFamily
{
    /// <summary>A linear (or generalized linear) model: one weight per feature slot.</summary>
    Linear,

    /// <summary>An ensemble of decision trees (boosted, a forest, or a GAM of shallow trees).</summary>
    Trees,
}

/// <summary>How a featurizer makes its slots.</summary>
internal enum FeaturizerKind
{
    /// <summary>Word and character n-gram counts of free text (FeaturizeText): one slot per n-gram seen.</summary>
    Text,

    /// <summary>One slot per n-gram in a dictionary learned from the data, capped by a count parameter.</summary>
    Dictionary,

    /// <summary>One slot per hash bucket: 2^bits slots.</summary>
    Hashed,

    /// <summary>One slot per category (a dictionary of values, capped by a count parameter).</summary>
    OneHot,

    /// <summary>One slot per hash bucket of a category's value: 2^bits slots.</summary>
    OneHotHashed,
}

/// <summary>A weight penalty of a trainer: the catalog method's parameter, the Options field, and the default (null: tuned from the data).</summary>
internal sealed record Penalty(string? Parameter, string OptionsField, double? Default);

/// <summary>A trainer in the tables: what it fits, its weight penalties, and the L2 value a fix writes (null: remove the zero so the trainer tunes it).</summary>
internal sealed record MlTrainer(ModelFamily Family, Penalty[] Penalties, double? SuggestedL2);

/// <summary>A featurizer in the tables: its kind, and the parameter that bounds its number of slots (none for free text).</summary>
internal sealed record MlFeaturizer(FeaturizerKind Kind, string? SizeParameter);

/// <summary>
/// ML.NET's trainers and featurizers, as data: the extension method's containing type and name. Defaults are those of
/// Microsoft.ML 5.0.1 (the catalog methods' parameter defaults and the Options classes' field initializers); a test reads
/// both from the real assemblies and compares them with these tables.
/// </summary>
internal static class MlNetApis
{
    private const string Standard = "Microsoft.ML.StandardTrainersCatalog";
    private const string Mkl = "Microsoft.ML.MklComponentsCatalog";
    private const string Tree = "Microsoft.ML.TreeExtensions";
    private const string LightGbm = "Microsoft.ML.LightGbmExtensions";

    private static readonly Penalty[] ExplicitL1L2 = { new("l1Regularization", "L1Regularization", 1), new("l2Regularization", "L2Regularization", 1) };
    private static readonly Penalty[] TunedL1L2 = { new("l1Regularization", "L1Regularization", null), new("l2Regularization", "L2Regularization", null) };
    private static readonly Penalty[] NoL2 = { new("l2Regularization", "L2Regularization", 0) };
    private static readonly Penalty[] SgdL2 = { new("l2Regularization", "L2Regularization", 1e-6) };
    private static readonly Penalty[] NoTrees = System.Array.Empty<Penalty>();

    /// <summary>Trainers by (containing type, method).</summary>
    public static readonly Dictionary<(string Type, string Member), MlTrainer> Trainers = new()
    {
        // Linear: zero penalty by default.
        [(Standard, "AveragedPerceptron")] = new(ModelFamily.Linear, NoL2, 1e-4),
        [(Standard, "OnlineGradientDescent")] = new(ModelFamily.Linear, NoL2, 1e-4),
        [(Mkl, "SymbolicSgdLogisticRegression")] = new(ModelFamily.Linear, new Penalty[] { new(null, "L2Regularization", 0) }, 1e-4),

        // Linear: penalized by default (explicit values, or tuned from the data when null).
        [(Standard, "LbfgsLogisticRegression")] = new(ModelFamily.Linear, ExplicitL1L2, 1),
        [(Standard, "LbfgsMaximumEntropy")] = new(ModelFamily.Linear, ExplicitL1L2, 1),
        [(Standard, "LbfgsPoissonRegression")] = new(ModelFamily.Linear, ExplicitL1L2, 1),
        [(Standard, "SdcaLogisticRegression")] = new(ModelFamily.Linear, TunedL1L2, null),
        [(Standard, "SdcaMaximumEntropy")] = new(ModelFamily.Linear, TunedL1L2, null),
        [(Standard, "SdcaNonCalibrated")] = new(ModelFamily.Linear, TunedL1L2, null),
        [(Standard, "Sdca")] = new(ModelFamily.Linear, TunedL1L2, null),
        [(Standard, "SgdCalibrated")] = new(ModelFamily.Linear, SgdL2, 1e-4),
        [(Standard, "SgdNonCalibrated")] = new(ModelFamily.Linear, SgdL2, 1e-4),
        [(Standard, "LinearSvm")] = new(ModelFamily.Linear, new Penalty[] { new(null, "Lambda", 0.001) }, 0.001),
        [(Mkl, "Ols")] = new(ModelFamily.Linear, new Penalty[] { new(null, "L2Regularization", 1e-6) }, 1e-4),

        // Tree ensembles.
        [(Tree, "FastTree")] = new(ModelFamily.Trees, NoTrees, null),
        [(Tree, "FastTreeTweedie")] = new(ModelFamily.Trees, NoTrees, null),
        [(Tree, "FastForest")] = new(ModelFamily.Trees, NoTrees, null),
        [(Tree, "Gam")] = new(ModelFamily.Trees, NoTrees, null),
        [(LightGbm, "LightGbm")] = new(ModelFamily.Trees, NoTrees, null),
    };

    /// <summary>The names of <see cref="Trainers"/> and <see cref="Wrappers"/>: an invocation of another name is in neither, and its type's name need not be built.</summary>
    public static readonly HashSet<string> TrainerNames = new(System.Linq.Enumerable.Select(Trainers.Keys, k => k.Member)) { "OneVersusAll", "PairwiseCoupling" };

    /// <summary>Trainers that wrap a binary trainer (its features are theirs).</summary>
    public static readonly HashSet<(string Type, string Member)> Wrappers = new()
    {
        (Standard, "OneVersusAll"),
        (Standard, "PairwiseCoupling"),
    };

    /// <summary>The Options field that turns on categorical splits of a tree trainer (null: decided from the data).</summary>
    public static readonly Dictionary<(string Type, string Member), string> CategoricalSplitFields = new()
    {
        [(Tree, "FastTree")] = "CategoricalSplit",
        [(Tree, "FastTreeTweedie")] = "CategoricalSplit",
        [(Tree, "FastForest")] = "CategoricalSplit",
        [(LightGbm, "LightGbm")] = "UseCategoricalSplit",
    };

    /// <summary>Featurizers that make many sparse slots, by (containing type, method).</summary>
    public static readonly Dictionary<(string Type, string Member), MlFeaturizer> Featurizers = new()
    {
        [("Microsoft.ML.TextCatalog", "FeaturizeText")] = new(FeaturizerKind.Text, null),
        [("Microsoft.ML.TextCatalog", "ProduceWordBags")] = new(FeaturizerKind.Dictionary, "maximumNgramsCount"),
        [("Microsoft.ML.TextCatalog", "ProduceNgrams")] = new(FeaturizerKind.Dictionary, "maximumNgramsCount"),
        [("Microsoft.ML.TextCatalog", "ProduceHashedWordBags")] = new(FeaturizerKind.Hashed, "numberOfBits"),
        [("Microsoft.ML.TextCatalog", "ProduceHashedNgrams")] = new(FeaturizerKind.Hashed, "numberOfBits"),
        [("Microsoft.ML.CategoricalCatalog", "OneHotEncoding")] = new(FeaturizerKind.OneHot, "maximumNumberOfKeys"),
        [("Microsoft.ML.CategoricalCatalog", "OneHotHashEncoding")] = new(FeaturizerKind.OneHotHashed, "numberOfBits"),
    };

    /// <summary>Transforms whose output has few dense slots whatever their input (topics, embeddings, projections, selected slots).</summary>
    public static readonly HashSet<(string Type, string Member)> Reducers = new()
    {
        ("Microsoft.ML.TextCatalog", "LatentDirichletAllocation"),
        ("Microsoft.ML.TextCatalog", "ApplyWordEmbedding"),
        ("Microsoft.ML.PcaCatalog", "ProjectToPrincipalComponents"),
        ("Microsoft.ML.KernelExpansionCatalog", "ApproximatedKernelMap"),
        ("Microsoft.ML.FeatureSelectionCatalog", "SelectFeaturesBasedOnMutualInformation"),
    };

    /// <summary>Methods that chain estimators: the receiver runs first, then the appended estimator.</summary>
    public static readonly HashSet<string> ChainMethods = new() { "Append", "AppendCacheCheckpoint", "WithOnFitDelegate" };

    /// <summary>The output kinds of the one-hot encoders that keep one slot per category (the others write a key or its bits).</summary>
    public static readonly HashSet<string> SlotPerCategoryKinds = new() { "Indicator", "Bag" };

    /// <summary>The type ML.NET is recognized by.</summary>
    public const string ContextType = "Microsoft.ML.MLContext";

    /// <summary>True when the compilation references ML.NET.</summary>
    public static bool IsReferenced(Microsoft.CodeAnalysis.Compilation compilation) => LibraryApis.HasType(compilation, ContextType, "Microsoft.ML");

    /// <summary>The (containing type, name) key of a catalog method.</summary>
    public static (string Type, string Member) Key(Microsoft.CodeAnalysis.IMethodSymbol method) =>
        (method.ContainingType?.ToDisplayString() ?? string.Empty, method.Name);
}
