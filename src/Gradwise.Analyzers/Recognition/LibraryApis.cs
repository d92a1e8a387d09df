using System.Collections.Generic;

namespace Gradwise.Recognition;

/// <summary>What a loss expects its input to be.</summary>
internal enum LossInput
{
    /// <summary>Raw scores: the loss applies the sigmoid or softmax itself (BCEWithLogitsLoss, CrossEntropyLoss).</summary>
    Logits,

    /// <summary>Probabilities in [0, 1] (BCELoss).</summary>
    Probabilities,

    /// <summary>Log-probabilities (NLLLoss, after log_softmax).</summary>
    LogProbabilities,
}

/// <summary>What well-known ML libraries' APIs are, as data: fully qualified containing type and member name.</summary>
internal static class LibraryApis
{
    /// <summary>Calls whose result is the output of a logistic sigmoid.</summary>
    public static readonly HashSet<(string Type, string Member)> SigmoidCalls = new()
    {
        ("TorchSharp.torch", "sigmoid"),
        ("TorchSharp.torch.Tensor", "sigmoid"),
        ("TorchSharp.torch.nn.functional", "sigmoid"),
        ("TorchSharp.torch.special", "sigmoid"),
        ("TorchSharp.torch.special", "expit"),
        ("System.Numerics.Tensors.TensorPrimitives", "Sigmoid"),
        ("Accord.Neuro.SigmoidFunction", "Function"),
        ("AForge.Neuro.SigmoidFunction", "Function"),
    };

    /// <summary>Calls whose result is the output of a softmax.</summary>
    public static readonly HashSet<(string Type, string Member)> SoftmaxCalls = new()
    {
        ("TorchSharp.torch", "softmax"),
        ("TorchSharp.torch.Tensor", "softmax"),
        ("TorchSharp.torch.nn.functional", "softmax"),
        ("TorchSharp.torch.special", "softmax"),
        ("System.Numerics.Tensors.TensorPrimitives", "SoftMax"),
    };

    /// <summary>Factories of a softmax module.</summary>
    public static readonly HashSet<(string Type, string Member)> SoftmaxModules = new()
    {
        ("TorchSharp.torch.nn", "Softmax"),
    };

    /// <summary>Factories of a module that applies the logistic sigmoid.</summary>
    public static readonly HashSet<(string Type, string Member)> SigmoidModules = new()
    {
        ("TorchSharp.torch.nn", "Sigmoid"),
    };

    /// <summary>Factories of a module that applies its arguments in order (its output is the last one's).</summary>
    public static readonly HashSet<(string Type, string Member)> SequentialModules = new()
    {
        ("TorchSharp.torch.nn", "Sequential"),
    };

    /// <summary>Factories of a squared-error criterion module, with the cross-entropy factory to use instead.</summary>
    public static readonly Dictionary<(string Type, string Member), string> SquaredErrorCriteria = new()
    {
        [("TorchSharp.torch.nn", "MSELoss")] = "BCELoss",
    };

    /// <summary>Squared-error loss functions (input, target), with the cross-entropy function to use instead.</summary>
    public static readonly Dictionary<(string Type, string Member), string> SquaredErrorFunctions = new()
    {
        [("TorchSharp.torch.nn.functional", "mse_loss")] = "binary_cross_entropy",
    };

    /// <summary>Loss functions (input, target) by the kind of input they expect.</summary>
    public static readonly Dictionary<(string Type, string Member), LossInput> LossFunctions = new()
    {
        [("TorchSharp.torch.nn.functional", "binary_cross_entropy_with_logits")] = LossInput.Logits,
        [("TorchSharp.torch.nn.functional", "cross_entropy")] = LossInput.Logits,
        [("TorchSharp.torch.nn.functional", "binary_cross_entropy")] = LossInput.Probabilities,
        [("TorchSharp.torch.nn.functional", "nll_loss")] = LossInput.LogProbabilities,
    };

    /// <summary>
    /// Loss functions on probabilities or log-probabilities, with the function that computes the same loss from the scores, and how many
    /// leading parameters the two share by position (their named parameters share names).
    /// </summary>
    public static readonly Dictionary<(string Type, string Member), (string Function, int SharedPositions)> OnScores = new()
    {
        [("TorchSharp.torch.nn.functional", "binary_cross_entropy")] = ("binary_cross_entropy_with_logits", 4),
        [("TorchSharp.torch.nn.functional", "nll_loss")] = ("cross_entropy", 3),
    };

    /// <summary>Factories of loss criterion modules by the kind of input the module expects.</summary>
    public static readonly Dictionary<(string Type, string Member), LossInput> LossCriteria = new()
    {
        [("TorchSharp.torch.nn", "BCEWithLogitsLoss")] = LossInput.Logits,
        [("TorchSharp.torch.nn", "CrossEntropyLoss")] = LossInput.Logits,
        [("TorchSharp.torch.nn", "BCELoss")] = LossInput.Probabilities,
        [("TorchSharp.torch.nn", "NLLLoss")] = LossInput.LogProbabilities,
    };

    /// <summary>Divergences and soft-target cross-entropies between two distributions (input, target).</summary>
    public static readonly HashSet<(string Type, string Member)> SoftTargetLosses = new()
    {
        ("TorchSharp.torch.nn.functional", "kl_div"),
        ("TorchSharp.torch.nn.functional", "cross_entropy"),
    };

    /// <summary>Factories of criterion modules that compare two distributions.</summary>
    public static readonly HashSet<(string Type, string Member)> SoftTargetCriteria = new()
    {
        ("TorchSharp.torch.nn", "KLDivLoss"),
        ("TorchSharp.torch.nn", "CrossEntropyLoss"),
    };

    /// <summary>Elementwise natural logs of a tensor.</summary>
    public static readonly HashSet<(string Type, string Member)> TensorLogs = new()
    {
        ("TorchSharp.torch", "log"),
        ("TorchSharp.torch.Tensor", "log"),
    };

    /// <summary>Factories of modules whose output is an affine map of their input: raw logits when last.</summary>
    public static readonly HashSet<(string Type, string Member)> LinearModules = new()
    {
        ("TorchSharp.torch.nn", "Linear"),
        ("TorchSharp.torch.nn", "Bilinear"),
    };

    /// <summary>Functions whose result is an affine map of their input.</summary>
    public static readonly HashSet<(string Type, string Member)> LinearCalls = new()
    {
        ("TorchSharp.torch.nn.functional", "linear"),
        ("TorchSharp.torch", "matmul"),
        ("TorchSharp.torch", "addmm"),
        ("TorchSharp.torch.Tensor", "matmul"),
    };

    /// <summary>Activation-function types whose output is a logistic sigmoid (Accord.NET, AForge.NET, Encog, NeuronDotNet).</summary>
    public static readonly HashSet<string> SigmoidActivationTypes = new()
    {
        "Accord.Neuro.SigmoidFunction",
        "Accord.Neuro.ActivationFunctions.BernoulliFunction", // a deep belief network's units: σ(αx), sampled when pre-training, σ itself under backpropagation
        "AForge.Neuro.SigmoidFunction",
        "Encog.Engine.Network.Activation.ActivationSigmoid",
        "NeuronDotNet.Core.Backpropagation.SigmoidLayer",
    };

    /// <summary>
    /// Networks made from their input and output layers that train themselves with squared error, by the ordinal of the output
    /// layer's parameter: NeuronDotNet's <c>new BackpropagationNetwork(inputLayer, outputLayer)</c> sets each output neuron's error
    /// to t − o and multiplies it by the layer's derivative.
    /// </summary>
    public static readonly Dictionary<string, int> OutputLayerNetworks = new()
    {
        ["NeuronDotNet.Core.Backpropagation.BackpropagationNetwork"] = 1,
    };

    /// <summary>Network types whose first constructor argument is the activation function of every layer.</summary>
    public static readonly HashSet<string> ActivationNetworks = new()
    {
        "Accord.Neuro.ActivationNetwork",
        "Accord.Neuro.Networks.DeepBeliefNetwork",
        "AForge.Neuro.ActivationNetwork",
    };

    /// <summary>Teachers that minimize squared error (Accord.NET, AForge.NET).</summary>
    public static readonly HashSet<string> SquaredErrorTeachers = new()
    {
        "Accord.Neuro.Learning.BackPropagationLearning",
        "Accord.Neuro.Learning.ResilientBackpropagationLearning",
        "Accord.Neuro.Learning.ParallelResilientBackpropagationLearning",
        "Accord.Neuro.Learning.LevenbergMarquardtLearning",
        "AForge.Neuro.Learning.BackPropagationLearning",
        "AForge.Neuro.Learning.ResilientBackpropagationLearning",
    };

    /// <summary>
    /// Encog trainers whose gradient is the error function's value times the output activation's derivative
    /// (+ a flat-spot constant), with the linear error t − o as the default: squared error unless their
    /// <see cref="EncogErrorFunction"/> is set to a cross-entropy one. Levenberg-Marquardt fits squared error by
    /// construction and has no error function. (Encog's softmax derivative is 1, so a softmax output trained by
    /// them gets the cross-entropy gradient: only the sigmoid is a site. Its SGD trainer defaults to cross-entropy.)
    /// </summary>
    public static readonly HashSet<string> EncogSquaredErrorTrainers = new()
    {
        "Encog.Neural.Networks.Training.Propagation.Back.Backpropagation",
        "Encog.Neural.Networks.Training.Propagation.Resilient.ResilientPropagation",
        "Encog.Neural.Networks.Training.Propagation.Quick.QuickPropagation",
        "Encog.Neural.Networks.Training.Propagation.Manhattan.ManhattanPropagation",
        "Encog.Neural.Networks.Training.Propagation.SCG.ScaledConjugateGradient",
        "Encog.Neural.Networks.Training.Lma.LevenbergMarquardtTraining",
    };

    /// <summary>The property of an Encog trainer that holds its error function.</summary>
    public const string EncogErrorFunction = "ErrorFunction";

    /// <summary>Encog 3.4's cross-entropy error function: with it the trainers propagate t − o through a sigmoid output, no σ'.</summary>
    public const string EncogCrossEntropyErrorFunction = "Encog.Neural.Error.CrossEntropyErrorFunction";

    /// <summary>Encog error functions whose value still goes through the activation's derivative: squared error's gradient, or a squashed one.</summary>
    public static readonly HashSet<string> EncogSquaredErrorFunctions = new()
    {
        "Encog.Neural.Error.LinearErrorFunction",
        "Encog.Neural.Error.ATanErrorFunction",
    };

    /// <summary>Encog's helpers that train the network given first with resilient propagation (<c>EncogUtility.TrainToError(network, set, 0.01)</c>).</summary>
    public static readonly HashSet<(string Type, string Member)> EncogTrainingCalls = new()
    {
        ("Encog.Util.Simple.EncogUtility", "TrainToError"),
        ("Encog.Util.Simple.EncogUtility", "TrainConsole"),
        ("Encog.Util.Simple.EncogUtility", "TrainDialog"),
    };

    /// <summary>
    /// Encog's factory of a feed-forward network, <c>SimpleFeedForward(input, hidden1, hidden2, output, tanh)</c>: every layer is a
    /// sigmoid one when <c>tanh</c> is false.
    /// </summary>
    public static readonly (string Type, string Member) EncogSimpleFeedForward = ("Encog.Util.Simple.EncogUtility", "SimpleFeedForward");

    /// <summary>
    /// Encog's network patterns whose <c>ActivationFunction</c> is every layer's, the output layer's too, in the network their
    /// <c>Generate()</c> makes (<c>new FeedForwardPattern { ActivationFunction = new ActivationSigmoid() }.Generate()</c>).
    /// </summary>
    public static readonly HashSet<string> EncogPatterns = new()
    {
        "Encog.Neural.Pattern.FeedForwardPattern",
    };

    /// <summary>Enum members (namespace prefix, enum name, member) that name a sigmoid activation in layer-config APIs (SiaNet style).</summary>
    public static readonly HashSet<(string NamespacePrefix, string Enum, string Member)> SigmoidActivationEnums = new()
    {
        ("SiaNet", "ActType", "Sigmoid"),
        ("SiaNet", "ActivationType", "Sigmoid"),

        // Hand-rolled builders, in any namespace ("" matches every one), of an enum whose name has "Activation" or
        // "Transfer" in it (a leading '~': the enum's name contains the rest).
        ("", "~Activation", "Sigmoid"),
        ("", "~Activation", "Logistic"),
        ("", "~Transfer", "Sigmoid"),
        ("", "~Transfer", "Logistic"),
    };

    /// <summary>Enum members that name a softmax activation in hand-rolled layer-config APIs.</summary>
    public static readonly HashSet<(string NamespacePrefix, string Enum, string Member)> SoftmaxActivationEnums = new()
    {
        ("", "~Activation", "Softmax"),
        ("", "~Transfer", "Softmax"),
    };

    /// <summary>Enum members that name a squared-error loss in compile-style APIs (SiaNet style).</summary>
    public static readonly HashSet<(string NamespacePrefix, string Enum, string Member)> SquaredErrorLossEnums = new()
    {
        ("SiaNet", "LossType", "MeanSquaredError"),
        ("SiaNet", "LossType", "MSE"),

        // Hand-rolled builders, in any namespace, of an enum whose name has "Loss", "Cost" or "Error" in it.
        ("", "~Loss", "MeanSquaredError"),
        ("", "~Loss", "MSE"),
        ("", "~Loss", "SquaredError"),
        ("", "~Loss", "Quadratic"),
        ("", "~Cost", "MeanSquaredError"),
        ("", "~Cost", "MSE"),
        ("", "~Cost", "SquaredError"),
        ("", "~Cost", "Quadratic"),
        ("", "~Error", "MeanSquaredError"),
        ("", "~Error", "MSE"),
        ("", "~Error", "SquaredError"),

        // Other spellings of the same loss in hand-rolled enums (compared without case or underscores: Mse, MEAN_SQUARED_ERROR).
        ("", "~Loss", "MeanSquareError"),
        ("", "~Loss", "MeanSquare"),
        ("", "~Loss", "MeanSquared"),
        ("", "~Loss", "SquareError"),
        ("", "~Loss", "SquaredLoss"),
        ("", "~Cost", "MeanSquareError"),
        ("", "~Cost", "MeanSquare"),
        ("", "~Cost", "MeanSquared"),
        ("", "~Cost", "SquareError"),
        ("", "~Cost", "QuadraticCost"),
        ("", "~Error", "MeanSquareError"),
        ("", "~Error", "MeanSquare"),
        ("", "~Error", "MeanSquared"),
        ("", "~Error", "SquareError"),
    };

    /// <summary>
    /// Activation names that string-configured layer APIs take (Keras.NET's <c>new Dense(1, activation: "sigmoid")</c>, TensorFlow.NET's
    /// <c>keras.layers.Dense(1, activation: "sigmoid")</c>), compared without case. Keras's <c>hard_sigmoid</c> is left out: its
    /// derivative is a constant or zero, and cross-entropy does not cancel it.
    /// </summary>
    public static readonly HashSet<string> SigmoidActivationNames = new(System.StringComparer.OrdinalIgnoreCase) { "sigmoid" };

    /// <summary>Softmax activation names of string-configured layer APIs.</summary>
    public static readonly HashSet<string> SoftmaxActivationNames = new(System.StringComparer.OrdinalIgnoreCase) { "softmax" };

    /// <summary>Loss names of string-configured compile APIs (Keras.NET's <c>model.Compile(optimizer: "sgd", loss: "mean_squared_error")</c>) for squared error.</summary>
    public static readonly HashSet<string> SquaredErrorLossNames = new(System.StringComparer.OrdinalIgnoreCase) { "mean_squared_error", "mse", "MeanSquaredError" };

    /// <summary>Factories of a squared-error loss object handed to a compile call (TensorFlow.NET's <c>keras.losses.MeanSquaredError()</c>).</summary>
    public static readonly HashSet<(string Type, string Member)> SquaredErrorLossFactories = new()
    {
        ("Tensorflow.Keras.Losses.LossesApi", "MeanSquaredError"),
    };

    /// <summary>Library classes of a squared-error loss object (<c>new MeanSquaredError()</c> of TensorFlow.NET).</summary>
    public static readonly HashSet<string> SquaredErrorLossTypes = new()
    {
        "Tensorflow.Keras.Losses.MeanSquaredError",
    };

    /// <summary>
    /// True for TensorFlow.NET's activation members, <c>keras.activations.Sigmoid</c> (<c>.Softmax</c>): a field or property of that
    /// name on its activations class or interface (the name of its holder changed across versions; its namespace did not).
    /// </summary>
    public static bool IsActivationMember(Microsoft.CodeAnalysis.ISymbol member, string name) =>
        member is Microsoft.CodeAnalysis.IPropertySymbol or Microsoft.CodeAnalysis.IFieldSymbol && member.Name == name
        && member.ContainingType is { } holder && (holder.Name.EndsWith("Activations", System.StringComparison.Ordinal) || holder.Name.EndsWith("ActivationsApi", System.StringComparison.Ordinal))
        && (holder.ContainingNamespace?.ToDisplayString() ?? string.Empty).StartsWith("Tensorflow", System.StringComparison.Ordinal);

    /// <summary>Methods that add a layer to a model being built (SiaNet, Keras.NET, TensorFlow.NET's <c>add</c>, hand-rolled builders).</summary>
    public static readonly HashSet<string> LayerAdders = new() { "Add", "add", "AddLayer", "AddDense", "WithLayer", "Layer" };

    /// <summary>True when the compilation references a library whose activations are known here (so a file with no exponential can still hold one).</summary>
    public static bool IsReferenced(Microsoft.CodeAnalysis.Compilation compilation) =>
        HasType(compilation, "TorchSharp.torch", "TorchSharp")
        || HasType(compilation, "Accord.Neuro.SigmoidFunction", "Accord")
        || HasType(compilation, "AForge.Neuro.SigmoidFunction", "AForge")
        || HasType(compilation, "Encog.Engine.Network.Activation.ActivationSigmoid", "encog")
        || HasType(compilation, "NeuronDotNet.Core.Backpropagation.SigmoidLayer", "NeuronDotNet")
        || HasType(compilation, "Tensorflow.Keras.Losses.LossesApi", "Tensorflow")
        || System.Linq.Enumerable.Any(compilation.ReferencedAssemblyNames, a => a.Name.StartsWith("SiaNet", System.StringComparison.Ordinal));

    /// <summary>
    /// True when the compilation has the library type <paramref name="metadataName"/>: declared in its own source (a stand-in), or in
    /// a referenced assembly whose name starts with <paramref name="assemblyPrefix"/>. Looked up across references only when one is
    /// named so: a lookup in every referenced assembly was a tenth of the rules' time on a project that references none of them.
    /// </summary>
    public static bool HasType(Microsoft.CodeAnalysis.Compilation compilation, string metadataName, string assemblyPrefix) =>
        compilation.Assembly.GetTypeByMetadataName(metadataName) != null
        || (System.Linq.Enumerable.Any(compilation.ReferencedAssemblyNames, a => a.Name.StartsWith(assemblyPrefix, System.StringComparison.Ordinal))
            && compilation.GetTypeByMetadataName(metadataName) != null);

    /// <summary>The methods that run a module on its input.</summary>
    public static readonly HashSet<string> ModuleInvocations = new() { "forward", "call" };

    /// <summary>True when <paramref name="field"/> is one of the enum members in <paramref name="table"/>.</summary>
    public static bool IsEnumMember(Microsoft.CodeAnalysis.IFieldSymbol field, HashSet<(string NamespacePrefix, string Enum, string Member)> table)
    {
        var type = field.ContainingType;
        if (type is null || type.TypeKind != Microsoft.CodeAnalysis.TypeKind.Enum)
        {
            return false;
        }

        var ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        foreach (var entry in table)
        {
            var own = entry.Enum[0] == '~';
            if (own ? !SameName(entry.Member, field.Name) : entry.Member != field.Name)
            {
                continue;
            }

            var named = own
                ? type.Name.IndexOf(entry.Enum.Substring(1), System.StringComparison.Ordinal) >= 0 || NamesItsKind(type, entry.Member)
                : entry.Enum == type.Name;
            if (named && (entry.NamespacePrefix.Length == 0 || ns == entry.NamespacePrefix || ns.StartsWith(entry.NamespacePrefix + ".", System.StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Member names of an enum of your own that chooses an activation, whatever the enum is called (<c>enum Kind { Linear, Logistic, Tanh }</c>).</summary>
    private static readonly HashSet<string> ActivationMemberNames = new(System.StringComparer.OrdinalIgnoreCase)
    {
        "Sigmoid", "Logistic", "Tanh", "HyperbolicTangent", "ReLU", "LeakyReLU", "Linear", "Identity", "Softmax", "Softplus",
        "ELU", "SELU", "GELU", "Swish", "Mish", "BinaryStep", "Gaussian", "BipolarSigmoid", "HardSigmoid", "ArcTan", "SoftSign",
    };

    /// <summary>Member names of an enum of your own that chooses a loss, whatever the enum is called (<c>enum Objective { SquaredError, CrossEntropy }</c>).</summary>
    private static readonly HashSet<string> LossMemberNames = new(System.StringComparer.OrdinalIgnoreCase)
    {
        "MeanSquaredError", "MeanSquareError", "MeanSquare", "MeanSquared", "SquareError", "SquaredLoss", "QuadraticCost", "MSE",
        "SquaredError", "Quadratic", "SumSquaredError", "SSE", "CrossEntropy", "BinaryCrossEntropy", "CategoricalCrossEntropy",
        "LogLoss", "MeanAbsoluteError", "MAE", "Hinge", "Huber", "NegativeLogLikelihood", "KLDivergence",
    };

    /// <summary>
    /// True when the enum's members name two or more activations (for an activation member) or two or more losses (for a loss
    /// member): the enum chooses one of them, whatever its name says.
    /// </summary>
    private static bool NamesItsKind(Microsoft.CodeAnalysis.INamedTypeSymbol type, string member)
    {
        var kind = ActivationMemberNames.Contains(member) ? ActivationMemberNames : LossMemberNames.Contains(member) ? LossMemberNames : null;
        if (kind is null)
        {
            return false;
        }

        var named = 0;
        foreach (var candidate in type.GetMembers())
        {
            if (candidate is Microsoft.CodeAnalysis.IFieldSymbol { HasConstantValue: true } constant && kind.Contains(WithoutUnderscores(constant.Name)) && ++named == 2)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when an enum member of your own is spelled as a table's member, ignoring case and underscores (<c>Mse</c>,
    /// <c>MEAN_SQUARED_ERROR</c>, <c>sigmoid</c>): hand-rolled enums follow no one convention. Library enums are matched exactly.
    /// </summary>
    private static bool SameName(string tabled, string declared) =>
        string.Equals(tabled, WithoutUnderscores(declared), System.StringComparison.OrdinalIgnoreCase);

    private static string WithoutUnderscores(string name) => name.IndexOf('_') < 0 ? name : name.Replace("_", string.Empty);

    /// <summary>The containing type and name of a method, as the tables key it.</summary>
    public static (string Type, string Member) Key(Microsoft.CodeAnalysis.IMethodSymbol method) =>
        KnownMembers.Contains(method.Name) ? (method.ContainingType?.ToDisplayString() ?? string.Empty, method.Name) : (string.Empty, method.Name);

    /// <summary>True when <paramref name="type"/> is one of the fully qualified names in <paramref name="table"/> (its simple name is checked first: this runs on every object creation).</summary>
    public static bool IsType(Microsoft.CodeAnalysis.ITypeSymbol? type, HashSet<string> table) =>
        type != null && KnownTypeNames.Contains(type.Name) && table.Contains(type.ToDisplayString());

    /// <summary>The ordinal of the output layer's parameter when <paramref name="type"/> is one of <see cref="OutputLayerNetworks"/>.</summary>
    public static int? OutputLayerOrdinal(Microsoft.CodeAnalysis.ITypeSymbol? type) =>
        type != null && KnownTypeNames.Contains(type.Name) && OutputLayerNetworks.TryGetValue(type.ToDisplayString(), out var ordinal) ? ordinal : null;

    /// <summary>Every member name of the (type, member) tables: a method of another name is in none of them, and its type's name need not be built.</summary>
    private static readonly HashSet<string> KnownMembers = MemberNames(
        SigmoidCalls, SoftmaxCalls, SigmoidModules, SoftmaxModules, SequentialModules, SquaredErrorCriteria.Keys, SquaredErrorFunctions.Keys,
        LossFunctions.Keys, OnScores.Keys, LossCriteria.Keys, LinearModules, LinearCalls, TensorLogs, SoftTargetLosses, SoftTargetCriteria, EncogTrainingCalls,
        SquaredErrorLossFactories, new[] { EncogSimpleFeedForward });

    /// <summary>Every simple type name of the type tables.</summary>
    private static readonly HashSet<string> KnownTypeNames = new(
        System.Linq.Enumerable.Select(
            System.Linq.Enumerable.SelectMany(new[] { SigmoidActivationTypes, ActivationNetworks, SquaredErrorTeachers, EncogSquaredErrorTrainers, EncogSquaredErrorFunctions, EncogPatterns, new HashSet<string>(OutputLayerNetworks.Keys), SquaredErrorLossTypes }, t => t),
            name => name.Substring(name.LastIndexOf('.') + 1)));

    private static HashSet<string> MemberNames(params IEnumerable<(string Type, string Member)>[] tables) =>
        new(System.Linq.Enumerable.Select(System.Linq.Enumerable.SelectMany(tables, t => t), k => k.Member));

    /// <summary>The last module passed to a Sequential factory (directly, in a params array, or as a (name, module) tuple).</summary>
    public static Microsoft.CodeAnalysis.IOperation? LastModule(Microsoft.CodeAnalysis.Operations.IInvocationOperation sequential)
    {
        var last = System.Linq.Enumerable.LastOrDefault(sequential.Arguments)?.Value;
        if (last is Microsoft.CodeAnalysis.Operations.IArrayCreationOperation { Initializer: { } init })
        {
            last = System.Linq.Enumerable.LastOrDefault(init.ElementValues);
        }

        last = last is null ? null : Flow.Operations.Strip(last);
        return last switch
        {
            Microsoft.CodeAnalysis.Operations.ITupleOperation { Elements.Length: 2 } tuple => tuple.Elements[1],
            Microsoft.CodeAnalysis.Operations.IObjectCreationOperation { Arguments.Length: 2 } pair => pair.Arguments[1].Value,
            _ => last,
        };
    }
}
