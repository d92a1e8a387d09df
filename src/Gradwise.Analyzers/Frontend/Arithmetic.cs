using Gradwise.Symbolic;
using Microsoft.CodeAnalysis.Operations;

namespace Gradwise.Frontend;

/// <summary>The C# arithmetic operators the symbolic IR has, shared by the generator's frontend and the recognizers.</summary>
internal static class Arithmetic
{
    /// <summary>left op right as math, or null for an operator that is not + - * /.</summary>
    public static Expr? Apply(BinaryOperatorKind kind, Expr left, Expr right) => kind switch
    {
        BinaryOperatorKind.Add => Ex.Add(left, right),
        BinaryOperatorKind.Subtract => Ex.Sub(left, right),
        BinaryOperatorKind.Multiply => Ex.Mul(left, right),
        BinaryOperatorKind.Divide => Ex.Div(left, right),
        _ => null,
    };
}
