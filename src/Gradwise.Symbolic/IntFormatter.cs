using System.Globalization;

namespace Gradwise.Symbolic;

/// <summary>Writes <see cref="IntExpr"/> as C#, with the parentheses its precedence needs and no others.</summary>
public static class IntFormatter
{
    private const int Unary = 0;
    private const int Additive = 1;
    private const int Multiplicative = 2;
    private const int Atom = 3;

    /// <summary>The C# text of <paramref name="e"/>.</summary>
    public static string Format(IntExpr e) => e switch
    {
        IntConstant c => c.Value.ToString(CultureInfo.InvariantCulture),
        IntVariable v => v.Name,
        IntSetting { Kind: SettingKind.Int } setting => setting.Name,
        IntSetting { Kind: SettingKind.Enum } setting => "(int)" + setting.Name,
        IntSetting setting => "(" + setting.Name + " ? 1 : 0)",
        IntLength length => length.Array + ".Length",
        IntRowLength rowLength => rowLength.Array + "[" + Format(rowLength.Row) + "].Length",
        IntDimension dimension => dimension.Array + ".GetLength(" + dimension.Dimension.ToString(CultureInfo.InvariantCulture) + ")",
        IntRow or IntGrid => throw new System.ArgumentException("a matrix element's position is written as a subscript (IntFormatter.Subscript)", nameof(e)),
        IntElement element => element.Array + Subscript(element.Index),
        IntExtremum extremum => "global::System.Math." + (extremum.IsMax ? "Max" : "Min") + "(" + Format(extremum.Left) + ", " + Format(extremum.Right) + ")",
        IntNegation negation => "-" + Operand(negation.Operand),
        IntTruncation truncation => "(int)" + Truncated(truncation.Value),
        IntBinary binary => FormatBinary(binary),
        _ => throw new System.ArgumentOutOfRangeException(nameof(e), e, "unknown int node"),
    };

    /// <summary>The subscript that reads an element at <paramref name="index"/>: <c>[i * d + j]</c>, <c>[i][j]</c> in a jagged array, <c>[i, j]</c> in a rectangular one.</summary>
    public static string Subscript(IntExpr index) => index switch
    {
        IntRow position => "[" + Format(position.Row) + "][" + Format(position.Column) + "]",
        IntGrid cell => "[" + Format(cell.Row) + ", " + Format(cell.Column) + "]",
        _ => "[" + Format(index) + "]",
    };

    /// <summary>The text of <paramref name="e"/> as an operand of a binary operator: parenthesized unless it is a name, a number, an element, a length or a call.</summary>
    public static string Operand(IntExpr e) => PrecedenceOf(e) == Atom ? Format(e) : "(" + Format(e) + ")";

    private static string FormatBinary(IntBinary binary)
    {
        var precedence = binary.Operator is IntOperator.Add or IntOperator.Subtract ? Additive : Multiplicative;
        var op = binary.Operator switch
        {
            IntOperator.Add => " + ",
            IntOperator.Subtract => " - ",
            IntOperator.Multiply => " * ",
            IntOperator.Divide => " / ",
            _ => " % ",
        };
        var left = PrecedenceOf(binary.Left) >= precedence ? Format(binary.Left) : "(" + Format(binary.Left) + ")";
        var right = PrecedenceOf(binary.Right) > precedence ? Format(binary.Right) : "(" + Format(binary.Right) + ")";
        return left + op + right;
    }

    private static string Truncated(Expr value)
    {
        var text = ExprFormatter.Code.Format(value);
        return value is Variable or Call || (value is Constant c && c.Value >= 0) ? text : "(" + text + ")";
    }

    private static int PrecedenceOf(IntExpr e) => e switch
    {
        IntConstant c => c.Value < 0 ? Unary : Atom,
        IntVariable or IntLength or IntRowLength or IntDimension or IntElement or IntExtremum or IntSetting { Kind: not SettingKind.Enum } => Atom,
        IntBinary { Operator: IntOperator.Add or IntOperator.Subtract } => Additive,
        IntBinary => Multiplicative,
        _ => Unary,
    };
}
