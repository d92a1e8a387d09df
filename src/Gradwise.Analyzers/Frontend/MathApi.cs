using System.Collections.Generic;
using Gradwise.Symbolic;
using Microsoft.CodeAnalysis;

namespace Gradwise.Frontend;

/// <summary>
/// The one table of what C#'s math members are: which types hold the elementary functions, which
/// of them the generator differentiates, and which function each member name is.
/// </summary>
internal static class MathApi
{
    /// <summary>Types whose static members are elementary functions (besides double's and float's own statics).</summary>
    private static readonly HashSet<string> MathTypes = new()
    {
        KnownNames.SystemMath,
        "System.MathF",
    };

    /// <summary>
    /// Types whose static members the recognizers also read as the elementary functions of their names: Unity's float math
    /// (<c>UnityEngine.Mathf</c>), in which game projects write their networks (<c>1f / (1f + Mathf.Exp(-x))</c>). Not the
    /// generator's, which differentiates only <see cref="MathTypes"/> and generic math.
    /// </summary>
    private static readonly HashSet<string> RecognizedMathTypes = new()
    {
        "UnityEngine.Mathf",
    };

    /// <summary>One-argument elementary functions by member name.</summary>
    public static readonly Dictionary<string, MathFunction> Functions = new()
    {
        ["Exp"] = MathFunction.Exp,
        ["Log"] = MathFunction.Log,
        ["Log10"] = MathFunction.Log10,
        ["Sqrt"] = MathFunction.Sqrt,
        ["Sin"] = MathFunction.Sin,
        ["Cos"] = MathFunction.Cos,
        ["Tan"] = MathFunction.Tan,
        ["Tanh"] = MathFunction.Tanh,
        ["Abs"] = MathFunction.Abs,
        ["ExpM1"] = MathFunction.ExpM1,
        ["LogP1"] = MathFunction.LogP1,
        ["Atan"] = MathFunction.Atan,
        ["Asin"] = MathFunction.Asin,
        ["Acos"] = MathFunction.Acos,
        ["Sinh"] = MathFunction.Sinh,
        ["Cosh"] = MathFunction.Cosh,
        ["Log2"] = MathFunction.Log2,
        ["Cbrt"] = MathFunction.Cbrt,
    };

    /// <summary>True when <paramref name="type"/> holds elementary functions: Math, MathF, and double's and float's statics (double.Exp, float.Log, ...).</summary>
    public static bool IsMathType(ITypeSymbol? type) =>
        type is INamedTypeSymbol named && (named.SpecialType is SpecialType.System_Double or SpecialType.System_Single || MathTypes.Contains(named.ToDisplayString()));

    /// <summary>True for a <see cref="IsMathType"/> type, and for the math types only the recognizers read (Unity's <c>Mathf</c>).</summary>
    public static bool IsRecognizedMathType(ITypeSymbol? type) =>
        IsMathType(type) || (type is INamedTypeSymbol named && RecognizedMathTypes.Contains(named.ToDisplayString()));

    /// <summary>True for a binary-floating-point or integer type that math is done in.</summary>
    public static bool IsNumeric(ITypeSymbol? type) => type?.SpecialType is SpecialType.System_Double or SpecialType.System_Single
        or SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Decimal;

    /// <summary>True for a type whose division is real division.</summary>
    public static bool IsReal(ITypeSymbol? type) => type?.SpecialType is SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Decimal;

    /// <summary>A numeric constant as a double, or null.</summary>
    public static double? ToDouble(object? value) => value switch
    {
        double d => d,
        float f => f,
        int i => i,
        long l => l,
        decimal m => (double)m,
        _ => null,
    };
}
