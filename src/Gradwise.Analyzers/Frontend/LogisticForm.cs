using Gradwise.Symbolic;

namespace Gradwise.Frontend;

/// <summary>
/// Which values the recognizers read as a logistic sigmoid. The simplifier's identities name σ(u) where the exponent is written
/// −u; a reading through locals spreads the minus over a sum (<c>z = w·x + b; 1 / (1 + Exp(-z))</c> reads 1 / (1 + Exp(−w·x − b)))
/// or leaves mixed signs (<c>w·x − b</c>), and 1 / (1 + eˣ) is σ(−x) whatever x is.
/// </summary>
internal static class LogisticForm
{
    /// <summary>u for σ(u) in any algebraic form, or null when <paramref name="value"/> is not one.</summary>
    public static Expr? ArgumentOf(Expr value)
    {
        var rewritten = Simplifier.ApplyIdentities(value);
        if (rewritten is Call { Function: MathFunction.Sigmoid } sigmoid)
        {
            return sigmoid.Arguments[0];
        }

        return ExponentOfReciprocal(rewritten) is { } x ? Ex.Neg(x) : null;
    }

    /// <summary>x for 1 / (1 + eˣ).</summary>
    private static Expr? ExponentOfReciprocal(Expr value)
    {
        if (value is not Power { Exponent: Constant { Value: -1.0 }, Base: Sum { Terms.Count: 2 } sum })
        {
            return null;
        }

        return (sum.Terms[0], sum.Terms[1]) switch
        {
            (Constant { Value: 1.0 }, Call { Function: MathFunction.Exp } exp) => exp.Arguments[0],
            (Call { Function: MathFunction.Exp } exp, Constant { Value: 1.0 }) => exp.Arguments[0],
            _ => null,
        };
    }
}
