using System.Collections.Generic;
using System.Linq;
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
        ["Distance"] = (TensorKernel.Distance, 2),
        ["CosineSimilarity"] = (TensorKernel.CosineSimilarity, 2),
    };

    /// <summary>
    /// The element-by-element operations into a destination span, by member name, with how many inputs (spans or
    /// doubles) come before the destination. The one-input functions of <see cref="MathApi.Functions"/> count too.
    /// </summary>
    public static readonly Dictionary<string, int> Elementwise = new()
    {
        ["Sigmoid"] = 1,
        ["Negate"] = 1,
        ["SoftMax"] = 1,
        ["Add"] = 2,
        ["Subtract"] = 2,
        ["Multiply"] = 2,
        ["Divide"] = 2,
        ["MultiplyAdd"] = 3,
    };

    /// <summary>The elementwise operations over double spans the generated code runs whole, with <c>TensorPrimitives</c>, both ways.</summary>
    public static readonly Dictionary<string, TensorMap> Whole = new()
    {
        ["Add"] = TensorMap.Add,
        ["Subtract"] = TensorMap.Subtract,
        ["Multiply"] = TensorMap.Multiply,
        ["MultiplyAdd"] = TensorMap.MultiplyAdd,
        ["Negate"] = TensorMap.Negate,
        ["Exp"] = TensorMap.Exp,
        ["Tanh"] = TensorMap.Tanh,
        ["Sigmoid"] = TensorMap.Sigmoid,
        ["Log"] = TensorMap.Log,
        ["Divide"] = TensorMap.Divide,
        ["Sqrt"] = TensorMap.Sqrt,
        ["SoftMax"] = TensorMap.SoftMax,
    };

    /// <summary>How many inputs the elementwise operation <paramref name="name"/> takes before its destination, or null when it is not one.</summary>
    public static int? InputsOf(string name) =>
        Elementwise.TryGetValue(name, out var inputs) ? inputs : MathApi.Functions.ContainsKey(name) ? 1 : null;

    /// <summary>What the elementwise operation <paramref name="name"/> computes at one element, from its inputs there.</summary>
    public static Expr Element(string name, Expr[] inputs) => name switch
    {
        "Sigmoid" => Ex.Call(MathFunction.Sigmoid, inputs[0]),
        "Negate" => Ex.Neg(inputs[0]),
        "Add" => Ex.Add(inputs[0], inputs[1]),
        "Subtract" => Ex.Sub(inputs[0], inputs[1]),
        "Multiply" => Ex.Mul(inputs[0], inputs[1]),
        "Divide" => Ex.Div(inputs[0], inputs[1]),
        "MultiplyAdd" => Ex.Add(Ex.Mul(inputs[0], inputs[1]), inputs[2]),
        _ => Ex.Call(MathApi.Functions[name], inputs[0]),
    };

    /// <summary>The element type a <c>TensorPrimitives</c> member works in: its type argument, or the element type of its first span.</summary>
    public static ITypeSymbol? ElementType(IMethodSymbol member) =>
        member.TypeArguments.Length == 1 ? member.TypeArguments[0] : member.Parameters.Length > 0 ? (member.Parameters[0].Type as INamedTypeSymbol)?.TypeArguments.FirstOrDefault() : null;

    /// <summary>The elementwise operation a <c>TensorPrimitives</c> member is (<see cref="Whole"/>), or null for any other method.</summary>
    public static TensorMap? MapOf(IMethodSymbol member) =>
        IsTensorPrimitives(member.ContainingType) && Whole.TryGetValue(member.Name, out var map) ? map : null;

    /// <summary>The reduction a <c>TensorPrimitives</c> member is (<see cref="Reductions"/>), or null for any other method.</summary>
    public static TensorKernel? ReductionOf(IMethodSymbol member) =>
        IsTensorPrimitives(member.ContainingType) && Reductions.TryGetValue(member.Name, out var reduction) ? reduction.Kernel : null;

    /// <summary>True for <c>System.Span&lt;T&gt;</c> and <c>System.ReadOnlySpan&lt;T&gt;</c>, the buffers <c>TensorPrimitives</c> reads and fills.</summary>
    public static bool IsSpan(ITypeSymbol? type) =>
        type is INamedTypeSymbol { Name: "Span" or "ReadOnlySpan", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

    /// <summary>True for <c>TensorPrimitives</c> itself.</summary>
    public static bool IsTensorPrimitives(ITypeSymbol? type) =>
        type is INamedTypeSymbol { Name: "TensorPrimitives", ContainingNamespace: { Name: "Tensors", ContainingNamespace: { Name: "Numerics", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } };
}
