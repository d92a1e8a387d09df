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
    /// The reductions read as the loops they stand for wherever they are (no whole operation of their own), by member name, with how
    /// many span arguments each takes: a fold of one term per element (<see cref="FoldTerm"/>, <see cref="FoldStep"/>).
    /// </summary>
    public static readonly Dictionary<string, int> Folds = new()
    {
        ["Max"] = 1,
        ["Min"] = 1,
        ["SumOfMagnitudes"] = 1,
        ["Product"] = 1,
        ["ProductOfSums"] = 2,
        ["ProductOfDifferences"] = 2,
        ["Average"] = 1,
        ["StdDev"] = 1,
    };

    /// <summary>The term a fold (<see cref="Folds"/>) takes of its spans' elements at one index.</summary>
    public static Expr FoldTerm(string name, Expr[] elements) => name switch
    {
        "SumOfMagnitudes" => Ex.Call(MathFunction.Abs, elements[0]),
        "ProductOfSums" => Ex.Add(elements[0], elements[1]),
        "ProductOfDifferences" => Ex.Sub(elements[0], elements[1]),
        _ => elements[0],
    };

    /// <summary>
    /// A fold's value so far combined with the next term: <c>Math.Max</c> for <c>Max</c> (at a tie the value so far, so the
    /// derivative goes to the first greatest element, the one <c>IndexOfMax</c> names), a sum for <c>SumOfMagnitudes</c> and for the
    /// mean <c>Average</c> and <c>StdDev</c> start from, a product for the products.
    /// </summary>
    public static Expr FoldStep(string name, Expr folded, Expr term) => name switch
    {
        "Max" => Ex.Max(folded, term),
        "Min" => Ex.Min(folded, term),
        "SumOfMagnitudes" or "Average" or "StdDev" => Ex.Add(folded, term),
        _ => Ex.Mul(folded, term),
    };

    /// <summary>
    /// True when a fold starts from its first term and runs over the rest (the extremes, the products and the moments, which
    /// <c>TensorPrimitives</c> refuses for an empty span, so that the loop fails there too, reading element 0); false when it starts
    /// from 0 (<c>SumOfMagnitudes</c>, 0 for an empty span).
    /// </summary>
    public static bool FoldsFromFirst(string name) => name != "SumOfMagnitudes";

    /// <summary>True when <paramref name="member"/> is a reduction of <c>TensorPrimitives</c> (<see cref="Reductions"/> or <see cref="Folds"/>), by name and arity.</summary>
    public static bool IsReduction(IMethodSymbol member) =>
        IsTensorPrimitives(member.ContainingType)
        && (Reductions.TryGetValue(member.Name, out var reduction) ? reduction.Spans : Folds.TryGetValue(member.Name, out var spans) ? spans : -1) == member.Parameters.Length;

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
        ["AddMultiply"] = 3,
        ["Max"] = 2,
        ["Min"] = 2,
        ["Clamp"] = 3,
        ["Pow"] = 2,
        ["Reciprocal"] = 1,
        ["ReciprocalSqrt"] = 1,
        ["FusedMultiplyAdd"] = 3,
        ["Lerp"] = 3,
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
        "AddMultiply" => Ex.Mul(Ex.Add(inputs[0], inputs[1]), inputs[2]),
        "Max" => Ex.Max(inputs[0], inputs[1]),
        "Min" => Ex.Min(inputs[0], inputs[1]),
        "Clamp" => Ex.Min(Ex.Max(inputs[0], inputs[1]), inputs[2]), // as TensorPrimitives computes it: a NaN bound gives NaN, min > max gives max
        "Pow" => Ex.Pow(inputs[0], inputs[1]),
        "Reciprocal" => Ex.Div(Ex.One, inputs[0]),
        "ReciprocalSqrt" => Ex.Div(Ex.One, Ex.Call(MathFunction.Sqrt, inputs[0])),
        "FusedMultiplyAdd" => Ex.Add(Ex.Mul(inputs[0], inputs[1]), inputs[2]),
        "Lerp" => Ex.Add(inputs[0], Ex.Mul(Ex.Sub(inputs[1], inputs[0]), inputs[2])),
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
