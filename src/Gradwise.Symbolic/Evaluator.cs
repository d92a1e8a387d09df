using System;
using System.Collections.Generic;

namespace Gradwise.Symbolic;

/// <summary>Numeric evaluation, the oracle the tests compare rewrites and derivatives against.</summary>
public static class Evaluator
{
    /// <summary>Evaluates <paramref name="expr"/>; a variable missing from <paramref name="variables"/> is an error.</summary>
    public static double Evaluate(Expr expr, IReadOnlyDictionary<string, double> variables) => Evaluate(expr, variables, null);

    /// <summary>Evaluates <paramref name="expr"/>, calling <paramref name="userFunctions"/> for calls of other differentiable methods.</summary>
    public static double Evaluate(Expr expr, IReadOnlyDictionary<string, double> variables, Func<UserCall, double[], double>? userFunctions)
    {
        double Eval(Expr e) => Evaluate(e, variables, userFunctions);

        switch (expr)
        {
            case Constant c:
                return c.Value;
            case Variable v:
                return variables.TryGetValue(v.Name, out var value)
                    ? value
                    : throw new KeyNotFoundException("No value for variable '" + v.Name + "'.");
            case Sum s:
                var sum = 0.0;
                foreach (var t in s.Terms)
                {
                    sum += Eval(t);
                }

                return sum;
            case Product p:
                var product = 1.0;
                foreach (var f in p.Factors)
                {
                    product *= Eval(f);
                }

                return product;
            case Power pw:
                return Math.Pow(Eval(pw.Base), Eval(pw.Exponent));
            case Call call:
                return Apply(call.Function, Eval(call.Arguments[0]));
            case Compare cmp:
                return Compare(cmp.Operator, Eval(cmp.Left), Eval(cmp.Right)) ? 1.0 : 0.0;
            case Logical { Operator: LogicalOperator.Not } not:
                return Eval(not.Operands[0]) != 0.0 ? 0.0 : 1.0;
            case Logical { Operator: LogicalOperator.And } and:
                foreach (var operand in and.Operands)
                {
                    if (Eval(operand) == 0.0)
                    {
                        return 0.0;
                    }
                }

                return 1.0;
            case Logical or:
                foreach (var operand in or.Operands)
                {
                    if (Eval(operand) != 0.0)
                    {
                        return 1.0;
                    }
                }

                return 0.0;
            case Conditional conditional:
                return Eval(conditional.Predicate) != 0.0 ? Eval(conditional.Then) : Eval(conditional.Else);
            case UserCall user when userFunctions != null:
                var args = new double[user.Arguments.Count];
                for (var i = 0; i < args.Length; i++)
                {
                    args[i] = Eval(user.Arguments[i]);
                }

                return userFunctions(user, args);
            default:
                throw new NotSupportedException("Cannot evaluate " + expr.Kind + " here.");
        }
    }

    /// <summary>Evaluates a comparison.</summary>
    public static bool Compare(CompareOperator op, double a, double b) => op switch
    {
        CompareOperator.Less => a < b,
        CompareOperator.LessOrEqual => a <= b,
        CompareOperator.Equal => a == b,
        _ => a != b,
    };

    /// <summary>Applies a known function of one argument.</summary>
    public static double Apply(MathFunction function, double x) => function switch
    {
        MathFunction.Exp => Math.Exp(x),
        MathFunction.Log => Math.Log(x),
        MathFunction.Log10 => Math.Log10(x),
        MathFunction.Sqrt => Math.Sqrt(x),
        MathFunction.Sin => Math.Sin(x),
        MathFunction.Cos => Math.Cos(x),
        MathFunction.Tan => Math.Tan(x),
        MathFunction.Tanh => Math.Tanh(x),
        MathFunction.Abs => Math.Abs(x),
        MathFunction.Sign => x > 0 ? 1.0 : x < 0 ? -1.0 : x,
        MathFunction.ExpM1 => Math.Abs(x) < 1e-5 ? x + (0.5 * x * x) + (x * x * x / 6.0) : Math.Exp(x) - 1.0,
        MathFunction.LogP1 => Math.Abs(x) < 1e-4 ? x - (0.5 * x * x) + (x * x * x / 3.0) : Math.Log(1.0 + x),
        MathFunction.Sigmoid => x >= 0 ? 1.0 / (1.0 + Math.Exp(-x)) : Math.Exp(x) / (1.0 + Math.Exp(x)),
        MathFunction.Softplus => Math.Max(x, 0.0) + Apply(MathFunction.LogP1, Math.Exp(-Math.Abs(x))),
        MathFunction.Atan => Math.Atan(x),
        MathFunction.Asin => Math.Asin(x),
        MathFunction.Acos => Math.Acos(x),
        MathFunction.Sinh => Math.Sinh(x),
        MathFunction.Cosh => Math.Cosh(x),
        MathFunction.Log2 => Math.Log(x) / Math.Log(2.0), // Math.Log2 is not in netstandard2.0; the generated code calls it
        MathFunction.Cbrt => x < 0 ? -Math.Pow(-x, 1.0 / 3.0) : Math.Pow(x, 1.0 / 3.0),
        _ => throw new NotSupportedException(function.ToString()),
    };
}
