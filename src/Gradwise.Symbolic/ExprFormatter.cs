using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Gradwise.Symbolic;

/// <summary>
/// Turns expressions into C# text. <see cref="Docs"/> writes the short form students read
/// (<c>Sigmoid(z) - y</c>); <see cref="Code"/> writes compilable C# with fully qualified calls.
/// Both print sums with their positive terms first and products with their divisors last.
/// </summary>
public sealed class ExprFormatter
{
    private const int ConditionalPrecedence = 1;
    private const int OrPrecedence = 2;
    private const int AndPrecedence = 3;
    private const int EqualityPrecedence = 4;
    private const int RelationalPrecedence = 5;
    private const int SumPrecedence = 6;
    private const int ProductPrecedence = 7;
    private const int UnaryPrecedence = 8;
    private const int PrimaryPrecedence = 9;

    private readonly bool code;

    private ExprFormatter(bool code)
    {
        this.code = code;
    }

    /// <summary>Short names (Exp, Log, Sigmoid, Pow), integers without a decimal point.</summary>
    public static ExprFormatter Docs { get; } = new(false);

    /// <summary>Compilable C#: <c>global::System.Math.Exp</c>, double literals, helper calls for sigmoid and softplus.</summary>
    public static ExprFormatter Code { get; } = new(true);

    /// <summary>The C# name of the runtime helper class the generator emits for sigmoid and softplus.</summary>
    public const string RuntimeHelper = "global::Gradwise.Runtime.GradwiseMath";

    /// <summary>Formats an expression.</summary>
    public string Format(Expr expr) => Format(expr, null);

    /// <summary>Formats an expression, writing <paramref name="locals"/>' names for the nodes they name.</summary>
    public string Format(Expr expr, IReadOnlyDictionary<Expr, string>? locals)
    {
        var sb = new StringBuilder();
        Write(sb, expr, 0, locals, isRoot: true);
        return sb.ToString();
    }

    /// <summary>The name of a function as this formatter writes it.</summary>
    public string FunctionName(MathFunction function)
    {
        if (!code)
        {
            return function.ToString();
        }

        return function switch
        {
            MathFunction.Sigmoid or MathFunction.Softplus or MathFunction.ExpM1 or MathFunction.LogP1 or MathFunction.Sign
                => RuntimeHelper + "." + function,
            _ => "global::System.Math." + function,
        };
    }

    /// <summary>A double literal.</summary>
    public string Number(double value)
    {
        if (double.IsNaN(value))
        {
            return code ? "double.NaN" : "NaN";
        }

        if (double.IsPositiveInfinity(value))
        {
            return code ? "double.PositiveInfinity" : "∞";
        }

        if (double.IsNegativeInfinity(value))
        {
            return code ? "double.NegativeInfinity" : "-∞";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        if (code && text.IndexOfAny(new[] { '.', 'E', 'e' }) < 0)
        {
            text += ".0";
        }

        return text;
    }

    private void Write(StringBuilder sb, Expr expr, int parent, IReadOnlyDictionary<Expr, string>? locals, bool isRoot = false)
    {
        if (!isRoot && locals != null && locals.TryGetValue(expr, out var local))
        {
            sb.Append(local);
            return;
        }

        // x * x for a square: a product, whose precedence depends on whether the base is a named local.
        var precedence = expr is Power square && RendersAsProduct(square, locals) ? ProductPrecedence : PrecedenceOf(expr);
        var parenthesize = precedence < parent;
        if (parenthesize)
        {
            sb.Append('(');
        }

        switch (expr)
        {
            case Constant c:
                sb.Append(Number(c.Value));
                break;
            case Variable v:
                sb.Append(v.Name);
                break;
            case Sum s:
                WriteSum(sb, s, locals);
                break;
            case Product p:
                WriteProduct(sb, p, locals);
                break;
            case Power pw:
                WritePower(sb, pw, locals);
                break;
            case Call call:
                sb.Append(FunctionName(call.Function));
                WriteArguments(sb, call.Arguments, locals);
                break;
            case UserCall user:
                if (code && user.Partial >= 0)
                {
                    throw new InvalidOperationException("A partial of " + user.Function.Name + " must be bound to a local before it is written as code.");
                }

                sb.Append(code ? user.Function.Target : user.Partial < 0 ? user.Function.Name : "∂" + user.Function.Name + "/∂" + user.Function.ParameterNames[user.Partial]);
                WriteArguments(sb, user.Arguments, locals);
                break;
            case Conditional extremum when Extremum.Of(extremum) is { } call:
                sb.Append(code ? "global::System.Math." + call.Name : call.Name);
                WriteArguments(sb, call.Arguments, locals);
                break;
            case Conditional conditional:
                Write(sb, conditional.Predicate, OrPrecedence, locals);
                sb.Append(" ? ");
                Write(sb, conditional.Then, ConditionalPrecedence + 1, locals);
                sb.Append(" : ");
                Write(sb, conditional.Else, ConditionalPrecedence, locals);
                break;
            case Compare { Operator: CompareOperator.Equal or CompareOperator.NotEqual } self when self.Left.Equals(self.Right):
                // x == x is the NaN test: written as one, not as a comparison that reads like a typo (CS1718).
                if (code)
                {
                    sb.Append(self.Operator == CompareOperator.Equal ? "!double.IsNaN(" : "double.IsNaN(");
                    Write(sb, self.Left, 0, locals);
                    sb.Append(')');
                }
                else
                {
                    Write(sb, self.Left, RelationalPrecedence, locals);
                    sb.Append(self.Operator == CompareOperator.Equal ? " ≠ NaN" : " = NaN");
                }

                break;
            case Compare compare:
                var operandPrecedence = compare.Operator is CompareOperator.Equal or CompareOperator.NotEqual ? RelationalPrecedence : SumPrecedence;
                Write(sb, compare.Left, operandPrecedence, locals);
                sb.Append(compare.Operator switch
                {
                    CompareOperator.Less => " < ",
                    CompareOperator.LessOrEqual => " <= ",
                    CompareOperator.Equal => " == ",
                    _ => " != ",
                });
                Write(sb, compare.Right, operandPrecedence, locals);
                break;
            case Logical { Operator: LogicalOperator.Not } not:
                sb.Append('!');
                Write(sb, not.Operands[0], PrimaryPrecedence, locals);
                break;
            case Logical logical:
                var isAnd = logical.Operator == LogicalOperator.And;
                for (var i = 0; i < logical.Operands.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(isAnd ? " && " : " || ");
                    }

                    Write(sb, logical.Operands[i], isAnd ? AndPrecedence + 1 : OrPrecedence + 1, locals);
                }

                break;
            default:
                throw new NotSupportedException(expr.Kind.ToString());
        }

        if (parenthesize)
        {
            sb.Append(')');
        }
    }

    private void WriteArguments(StringBuilder sb, IReadOnlyList<Expr> arguments, IReadOnlyDictionary<Expr, string>? locals)
    {
        sb.Append('(');
        for (var i = 0; i < arguments.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(", ");
            }

            Write(sb, arguments[i], 0, locals);
        }

        sb.Append(')');
    }

    private static int PrecedenceOf(Expr expr) => expr switch
    {
        Conditional c => Extremum.Of(c) is null ? ConditionalPrecedence : PrimaryPrecedence,
        Compare { Operator: CompareOperator.Equal or CompareOperator.NotEqual } => EqualityPrecedence,
        Compare => RelationalPrecedence,
        Logical { Operator: LogicalOperator.Not } => UnaryPrecedence,
        Logical { Operator: LogicalOperator.And } => AndPrecedence,
        Logical => OrPrecedence,
        Constant c => c.Value < 0 ? UnaryPrecedence : PrimaryPrecedence,
        Sum => SumPrecedence,
        Product p => p.Coefficient < 0 && p.Factors.Count == 2 && IsPrimaryFactor(p.Factors[1]) ? UnaryPrecedence : ProductPrecedence,
        Power pw => IsSmallSquare(pw) ? ProductPrecedence : pw.Exponent is Constant { Value: < 0 } ? ProductPrecedence : PrimaryPrecedence,
        _ => PrimaryPrecedence,
    };

    private static bool IsPrimaryFactor(Expr e) => e is Variable or Call || (e is Power pw && PrecedenceOf(pw) == PrimaryPrecedence);

    private static bool RendersAsProduct(Power pw, IReadOnlyDictionary<Expr, string>? locals) =>
        pw.Exponent is Constant { Value: 2.0 or 3.0 } && (pw.Base.IsAtom || (locals != null && locals.ContainsKey(pw.Base)));

    private static bool IsSmallSquare(Power pw) => pw.Base.IsAtom && pw.Exponent is Constant { Value: 2.0 or 3.0 };

    private void WriteSum(StringBuilder sb, Sum s, IReadOnlyDictionary<Expr, string>? locals)
    {
        // Lead with the first term that is not negated, so "y - x" rather than "-x + y".
        var lead = 0;
        for (var i = 0; i < s.Terms.Count; i++)
        {
            if (!IsNegated(s.Terms[i]))
            {
                lead = i;
                break;
            }
        }

        Write(sb, s.Terms[lead], SumPrecedence, locals);
        for (var i = 0; i < s.Terms.Count; i++)
        {
            if (i == lead)
            {
                continue;
            }

            var term = s.Terms[i];
            if (IsNegated(term) && !(locals != null && locals.ContainsKey(term)))
            {
                sb.Append(" - ");
                Write(sb, Ex.Neg(term), ProductPrecedence, locals);
            }
            else
            {
                sb.Append(" + ");
                Write(sb, term, SumPrecedence, locals);
            }
        }
    }

    private static bool IsNegated(Expr term) => term switch
    {
        Constant c => c.Value < 0,
        Product p => p.Coefficient < 0,
        _ => false,
    };

    private void WriteProduct(StringBuilder sb, Product p, IReadOnlyDictionary<Expr, string>? locals)
    {
        var coefficient = p.Coefficient;
        var numerator = new List<Expr>();
        var denominator = new List<Expr>();
        foreach (var f in p.Factors)
        {
            if (f is Constant)
            {
                continue;
            }

            if (f is Power { Exponent: Constant { Value: < 0 } e } pw)
            {
                denominator.Add(Ex.Pow(pw.Base, Ex.Const(-e.Value)));
            }
            else
            {
                numerator.Add(f);
            }
        }

        MoveComplementPairsLast(numerator);
        if (coefficient < 0)
        {
            sb.Append('-');
            coefficient = -coefficient;
        }

        // Ints over ints (1 / n, k / n) would be C#'s integer division: the quotient is written over a double.
        var integerQuotient = denominator.Count > 0 && denominator.All(IsIntValued) && numerator.All(IsIntValued);
        var first = true;
        if (coefficient != 1.0 || numerator.Count == 0)
        {
            sb.Append(integerQuotient ? DoubleNumber(coefficient) : Number(coefficient));
            first = false;
        }
        else if (integerQuotient)
        {
            sb.Append("(double)");
        }

        foreach (var f in numerator)
        {
            if (!first)
            {
                sb.Append(" * ");
            }

            // After a unary minus, a leading product-level factor needs no parentheses but a sum does.
            Write(sb, f, first && p.Coefficient < 0 ? UnaryPrecedence : ProductPrecedence, locals);
            first = false;
        }

        if (denominator.Count == 1)
        {
            sb.Append(" / ");
            Write(sb, denominator[0], UnaryPrecedence, locals);
        }
        else if (denominator.Count > 1)
        {
            sb.Append(" / (");
            for (var i = 0; i < denominator.Count; i++)
            {
                if (i > 0)
                {
                    sb.Append(" * ");
                }

                Write(sb, denominator[i], ProductPrecedence, locals);
            }

            sb.Append(')');
        }
    }

    /// <summary>True for an int read as a double (<c>n</c>, <c>labels[i]</c>), an integer constant, and products, sums and whole powers of them: what C# would compute as an int.</summary>
    private static bool IsIntValued(Expr e) => e switch
    {
        Variable v => v.IntValue != null,
        Constant c => Ex.IsInteger(c.Value),
        Product or Sum => e.Children.All(IsIntValued),
        Power { Exponent: Constant { Value: > 0 } k } pw => Ex.IsInteger(k.Value) && IsIntValued(pw.Base),
        _ => false,
    };

    /// <summary>A number as a double literal (<c>1.0</c>), so an int divided by it is not C#'s integer division.</summary>
    private string DoubleNumber(double value)
    {
        var text = Number(value);
        return text.IndexOfAny(new[] { '.', 'E', 'e', 'N', '∞' }) < 0 ? text + ".0" : text;
    }

    /// <summary>Writes a·(1 − a) together and last, as textbooks write σ'(z) = σ(z)(1 − σ(z)).</summary>
    private static void MoveComplementPairsLast(List<Expr> factors)
    {
        for (var i = 0; i < factors.Count; i++)
        {
            var complement = Ex.Sub(Ex.One, factors[i]);
            var j = factors.IndexOf(complement);
            if (j >= 0 && j != i)
            {
                var a = factors[i];
                factors.Remove(a);
                factors.Remove(complement);
                factors.Add(a);
                factors.Add(complement);
                return;
            }
        }
    }

    private void WritePower(StringBuilder sb, Power pw, IReadOnlyDictionary<Expr, string>? locals)
    {
        if (pw.Exponent is Constant e)
        {
            var baseName = pw.Base.IsAtom ? null : locals != null && locals.TryGetValue(pw.Base, out var n) ? n : null;
            var simpleBase = pw.Base.IsAtom || baseName != null;
            if ((e.Value == 2.0 || e.Value == 3.0) && simpleBase)
            {
                Write(sb, pw.Base, PrimaryPrecedence, locals);
                sb.Append(" * ");
                Write(sb, pw.Base, PrimaryPrecedence, locals);
                if (e.Value == 3.0)
                {
                    sb.Append(" * ");
                    Write(sb, pw.Base, PrimaryPrecedence, locals);
                }

                return;
            }

            if (e.Value == 0.5)
            {
                sb.Append(FunctionName(MathFunction.Sqrt)).Append('(');
                Write(sb, pw.Base, 0, locals);
                sb.Append(')');
                return;
            }

            if (e.Value < 0)
            {
                sb.Append(IsIntValued(pw.Base) ? DoubleNumber(1.0) : Number(1.0)).Append(" / ");
                Write(sb, Ex.Pow(pw.Base, Ex.Const(-e.Value)), UnaryPrecedence, locals);
                return;
            }
        }

        sb.Append(code ? "global::System.Math.Pow(" : "Pow(");
        Write(sb, pw.Base, 0, locals);
        sb.Append(", ");
        Write(sb, pw.Exponent, 0, locals);
        sb.Append(')');
    }
}
