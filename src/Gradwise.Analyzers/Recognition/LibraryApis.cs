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
        ("TorchSharp.torch.special", "expit"),
        ("Accord.Neuro.SigmoidFunction", "Function"),
        ("AForge.Neuro.SigmoidFunction", "Function"),
    };
}
