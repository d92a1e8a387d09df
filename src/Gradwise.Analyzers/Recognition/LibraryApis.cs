using System.Collections.Generic;

namespace Gradwise.Recognition;

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

    /// <summary>The methods that run a module on its input.</summary>
    public static readonly HashSet<string> ModuleInvocations = new() { "forward", "call" };

    /// <summary>The containing type and name of a method, as the tables key it.</summary>
    public static (string Type, string Member) Key(Microsoft.CodeAnalysis.IMethodSymbol method) =>
        (method.ContainingType?.ToDisplayString() ?? string.Empty, method.Name);
}
