using System.Collections.Generic;
using Gradwise.Symbolic;
using Microsoft.CodeAnalysis;

namespace Gradwise.Frontend;

/// <summary>The one table of the <c>System.Numerics.Tensors.TensorPrimitives</c> members the generator differentiates as whole operations.</summary>
internal static class TensorApi
{
    /// <summary>The type's full name.</summary>
    public const string TensorPrimitives = "System.Numerics.Tensors.TensorPrimitives";

    /// <summary>The reductions by member name, with how many span arguments each takes.</summary>
    public static readonly Dictionary<string, (TensorKernel Kernel, int Spans)> Reductions = new()
    {
        ["Dot"] = (TensorKernel.Dot, 2),
        ["Sum"] = (TensorKernel.Sum, 1),
        ["SumOfSquares"] = (TensorKernel.SumOfSquares, 1),
        ["Norm"] = (TensorKernel.Norm, 1),
    };

    /// <summary>True for <c>TensorPrimitives</c> itself.</summary>
    public static bool IsTensorPrimitives(ITypeSymbol? type) =>
        type is INamedTypeSymbol { Name: "TensorPrimitives", ContainingNamespace: { Name: "Tensors", ContainingNamespace: { Name: "Numerics", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } };
}
