using System;
using System.Collections.Generic;

namespace Gradwise.Symbolic;

/// <summary>Numeric evaluation, the oracle the tests compare rewrites and derivatives against.</summary>
public static class Evaluator
{
    /// <summary>Evaluates <paramref name="expr"/>; a variable missing from <paramref name="variables"/> is an error.</summary>
    public static double Evaluate(Expr expr, IReadOnlyDictionary<string, double> variables)
    {
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
                    sum += Evaluate(t, variables);
                }

                return sum;
            case Product p:
                var product = 1.0;
                foreach (var f in p.Factors)
                {
                    product *= Evaluate(f, variables);
                }

                return product;
            case Power pw:
                return Math.Pow(Evaluate(pw.Base, variables), Evaluate(pw.Exponent, variables));
            case Call call:
                return Apply(call.Function, Evaluate(call.Arguments[0], variables));
            default:
                throw new NotSupportedException(expr.Kind.ToString());
        }
    }

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
        MathFunction.Sign => Math.Sign(x),
        MathFunction.ExpM1 => Math.Abs(x) < 1e-5 ? x + (0.5 * x * x) + (x * x * x / 6.0) : Math.Exp(x) - 1.0,
        MathFunction.LogP1 => Math.Abs(x) < 1e-4 ? x - (0.5 * x * x) + (x * x * x / 3.0) : Math.Log(1.0 + x),
        MathFunction.Sigmoid => x >= 0 ? 1.0 / (1.0 + Math.Exp(-x)) : Math.Exp(x) / (1.0 + Math.Exp(x)),
        MathFunction.Softplus => Math.Max(x, 0.0) + Math.Log(1.0 + Math.Exp(-Math.Abs(x))),
        _ => throw new NotSupportedException(function.ToString()),
    };
}
