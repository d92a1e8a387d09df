using Microsoft.CodeAnalysis;

namespace Gradwise;

/// <summary>The rule catalog: every Gradwise diagnostic's id, title, message, category, severity and help page.</summary>
public static class Descriptors
{
    /// <summary>Where the rule pages live; each rule's page is <c>{HelpBase}/{Id}.md</c>.</summary>
    public const string HelpBase = "https://github.com/gradwise/gradwise/blob/main/docs/rules";

    /// <summary>Category of the generator's own diagnostics.</summary>
    public const string GeneratorCategory = "Gradwise.Generator";

    /// <summary>Category of the rules about the choice of loss for an output.</summary>
    public const string LossCategory = "Gradwise.LossFunctions";

    /// <summary>Category of the rules about computing a loss in floating point without overflow, underflow or NaN.</summary>
    public const string StabilityCategory = "Gradwise.NumericalStability";

    /// <summary>Category of the rules about the choice of model and penalty for the features it is fed.</summary>
    public const string FeaturesCategory = "Gradwise.SparseFeatures";

    /// <summary>Category of the rules about how a training loop uses its data.</summary>
    public const string TrainingCategory = "Gradwise.TrainingLoop";

    /// <summary>GW1001: a sigmoid output trained with squared error.</summary>
    public static readonly DiagnosticDescriptor SigmoidWithSquaredError = Create(
        "GW1001",
        "Sigmoid output trained with squared error",
        "'{0}' is a sigmoid output ({1}) trained with squared error; its gradient carries σ'(z) ≤ 0.25 — use cross-entropy",
        LossCategory,
        DiagnosticSeverity.Warning,
        "With p = σ(z) and L = ½(p − y)², ∂L/∂z = (p − y)·σ(z)(1 − σ(z)): the factor σ'(z) is at most 1/4 and vanishes when the unit saturates, so a confidently wrong unit barely learns, and the loss is not convex in the weights. With cross-entropy, ∂L/∂z = p − y.");

    /// <summary>GW1002: a softmax output trained with squared error.</summary>
    public static readonly DiagnosticDescriptor SoftmaxWithSquaredError = Create(
        "GW1002",
        "Softmax output trained with squared error",
        "'{0}' is a softmax output ({1}) trained with squared error; its gradient carries the softmax Jacobian p(1 − p) ≤ 0.25 — use categorical cross-entropy",
        LossCategory,
        DiagnosticSeverity.Warning,
        "With p = softmax(s) and L = ½Σ(p − y)², the gradient goes through the softmax Jacobian, whose diagonal p_k(1 − p_k) is at most 1/4 and vanishes when the output saturates. With categorical cross-entropy L = −Σ y_k log p_k, ∂L/∂s_k = p_k − y_k.");

    /// <summary>GW1003: a loss given logits where it expects probabilities, or probabilities where it expects logits.</summary>
    public static readonly DiagnosticDescriptor LossGivenTheWrongInput = Create(
        "GW1003",
        "Loss given probabilities where it expects logits, or logits where it expects probabilities",
        "'{0}' expects {1} but is given {2} ({3}) — {4}",
        LossCategory,
        DiagnosticSeverity.Warning,
        "BCEWithLogitsLoss and CrossEntropyLoss apply the sigmoid or softmax themselves (in a stable log-sum-exp form), so given a sigmoid or softmax output they apply it twice: the loss is computed on σ(σ(z)), whose values lie in [0.5, 0.73], and its gradient is the right one times σ' of an already squashed value. BCELoss expects probabilities in [0, 1]; given raw scores it takes the log of negative numbers (NaN). NLLLoss expects log-probabilities; given probabilities it rewards small values, and the model learns the opposite of what is meant.");

    /// <summary>GW2001: a linear model trained with no weight penalty on sparse, high-dimensional features.</summary>
    public static readonly DiagnosticDescriptor UnpenalizedLinearModelOnSparseFeatures = Create(
        "GW2001",
        "Linear model with no weight penalty on sparse, high-dimensional features",
        "'{0}' fits a linear model with no weight penalty ({1}) on the sparse, high-dimensional features of {2}: the weight of a feature that is on in only a few rows can grow without bound to fit them — set an L2 penalty",
        FeaturesCategory,
        DiagnosticSeverity.Warning,
        "With thousands of sparse slots, some are on in only a handful of training rows and, by chance, only in rows of one class. Without a penalty, the loss keeps falling as the weight of such a slot grows, so the model fits those rows with an unbounded weight that means nothing on new data (with perfect separation, the logistic loss has no minimum at all). An L1 or L2 penalty on the weights charges for every unit of that weight, so it stays small unless many rows support it.");

    /// <summary>GW2002: a tree ensemble fed high-cardinality one-hot, hashed or text features.</summary>
    public static readonly DiagnosticDescriptor TreeEnsembleOnSparseFeatures = Create(
        "GW2002",
        "Tree ensemble fed high-cardinality one-hot, hashed or text features",
        "'{0}' is fed the sparse, high-cardinality features of {1}: one split can isolate the few rows where a rare slot is on, and the limits on leaves and depth barely notice — use a regularized linear model for these features, or categorical splits or target encoding for the trees",
        FeaturesCategory,
        DiagnosticSeverity.Warning,
        "A tree chooses each split by the gain on the training rows. With thousands of sparse slots, a slot that is on in a handful of rows of one class gives a clean split that isolates them, and the usual controls (number of leaves, depth, minimum rows per leaf) count leaves, which one such split barely changes. The ensemble grows deep, unbalanced trees that fit chance (LightGBM's documentation warns against one-hot encoding of high-cardinality features for this reason). A linear model with an L2 penalty pays for each weight instead, and tree libraries offer categorical splits or target statistics for categories.");

    /// <summary>GW3001: the log of a sigmoid or softmax probability, computed naively.</summary>
    public static readonly DiagnosticDescriptor UnstableLogOfProbability = Create(
        "GW3001",
        "Log of a probability that can round to 0",
        "'{0}' is the log of {1}; {2}, so the loss becomes infinite and its gradient NaN — {3}",
        StabilityCategory,
        DiagnosticSeverity.Warning,
        "A probability computed in floating point reaches exactly 0 or 1 long before the math says it should: 1/(1 + e^−z) is 0 for z below about −710 and 1 − σ(z) is 0 for z above about 36.7; a softmax output is 0 when its score is about 745 below the largest. Its log is then −∞, the loss ∞ and the gradient NaN, and one such example ruins a whole batch. Compute the log from the logit instead: log σ(z) = −softplus(−z), log(1 − σ(z)) = −softplus(z), log softmax(s)_k = s_k − max − log Σ_j e^(s_j − max), which are finite for every finite input; or clamp the probability away from 0 and 1.");

    /// <summary>GW4001: a distillation loss whose soft-target term at temperature T is not multiplied by T².</summary>
    public static readonly DiagnosticDescriptor DistillationWithoutTemperatureSquared = Create(
        "GW4001",
        "Distillation soft-target term not scaled by T²",
        "'{0}' adds a soft-target loss at temperature '{1}' to the hard loss without {1}²: its gradient shrinks as 1/{1}², so raising the temperature quietly turns the teacher off — multiply the soft term by {1} * {1}",
        LossCategory,
        DiagnosticSeverity.Warning,
        "With soft targets p = softmax(t/T) and q = softmax(s/T), the gradient of the soft cross-entropy with respect to a student logit is (q − p)/T, and for large T q − p ≈ (s − t)/(K·T), so the gradient scales as 1/T². Hinton et al. (2015) multiply the soft term by T² so that its share of the gradient stays the same when the temperature changes; without it, the weight α between the hard and soft terms silently means something different at every T.");

    /// <summary>GW5001: a random mask or augmentation drawn once before the epoch loop and reused every epoch.</summary>
    public static readonly DiagnosticDescriptor StaticRandomMask = Create(
        "GW5001",
        "Random mask drawn once and reused every epoch",
        "'{0}' is drawn at random once, before the training loop ({1}), and every epoch reuses it: the model sees the same masked positions each time and can learn them instead of the task — draw it inside the loop, once per epoch",
        TrainingCategory,
        DiagnosticSeverity.Warning,
        "A random mask (the positions a masked-language model must predict, dropped features, an augmentation) drawn once before training and reused every epoch turns a random regularizer into a fixed part of the data: the model sees the same few masked positions of each example every epoch, fits them, and never learns from the rest. RoBERTa (Liu et al., 2019) replaced BERT's static masks with masks drawn anew each time a sequence is fed to the model, and found dynamic masking as good or slightly better. Draw the mask inside the epoch loop.");

    /// <summary>GW9000: the generator failed on a method it accepted (a bug in Gradwise, reported rather than hidden).</summary>
    public static readonly DiagnosticDescriptor GeneratorInternalError = Create(
        "GW9000",
        "Gradwise failed to generate the gradient of a method",
        "Gradwise failed to generate '{0}WithGradient': {1}. This is a bug in Gradwise; please report it with the method.",
        GeneratorCategory,
        DiagnosticSeverity.Error,
        "The generator accepted the method but failed while writing its gradient. Nothing is generated for this method, the other methods are unaffected.");

    /// <summary>GW9001: the containing type (or one of its containing types) is not partial.</summary>
    public static readonly DiagnosticDescriptor TypeNotPartial = Create(
        "GW9001",
        "The type that declares a [Differentiable] method must be partial",
        "'{0}' must be declared partial so Gradwise can add '{1}WithGradient' to it",
        GeneratorCategory,
        DiagnosticSeverity.Error,
        "Gradwise adds the generated gradient method to the same type, which C# allows only when every declaration of the type, and of each type that contains it, is partial.");

    /// <summary>GW9002: a parameter or the return type is not one Gradwise differentiates.</summary>
    public static readonly DiagnosticDescriptor UnsupportedSignature = Create(
        "GW9002",
        "A [Differentiable] method's signature is not supported",
        "Gradwise cannot differentiate '{0}': {1}",
        GeneratorCategory,
        DiagnosticSeverity.Error,
        "A [Differentiable] method returns double and takes double parameters (mark the ones that are data, not variables, with [NoGradient]). No code is generated for a method whose signature is outside that.");

    /// <summary>GW9003: a construct inside the body cannot be differentiated.</summary>
    public static readonly DiagnosticDescriptor UnsupportedConstruct = Create(
        "GW9003",
        "A construct in a [Differentiable] method cannot be differentiated",
        "Gradwise cannot differentiate {0} in '{1}': {2}",
        GeneratorCategory,
        DiagnosticSeverity.Error,
        "The generator turns the method body into math it can differentiate exactly. A construct outside that subset is reported here, at the construct, and no code is generated for the method: a derivative is either right or absent.");

    /// <summary>Every descriptor, for the catalog test and the docs.</summary>
    public static readonly DiagnosticDescriptor[] All = { SigmoidWithSquaredError, SoftmaxWithSquaredError, LossGivenTheWrongInput, UnpenalizedLinearModelOnSparseFeatures, TreeEnsembleOnSparseFeatures, UnstableLogOfProbability, DistillationWithoutTemperatureSquared, StaticRandomMask, GeneratorInternalError, TypeNotPartial, UnsupportedSignature, UnsupportedConstruct };

    private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity, string description) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, description: description, helpLinkUri: HelpBase + "/" + id + ".md");
}
