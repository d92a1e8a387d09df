using System;
using System.Collections.Generic;

namespace Gradwise.Symbolic;

/// <summary>
/// Builds expressions in canonical form: sums and products flattened, constants folded,
/// like terms and like factors collected, operands sorted by <see cref="ExprOrder"/>.
/// Every rewrite here keeps the value at every point where the input is defined.
/// </summary>
public static class Ex
{
    /// <summary>0.</summary>
    public static readonly Expr Zero = new Constant(0.0);

    /// <summary>1.</summary>
    public static readonly Expr One = new Constant(1.0);

    /// <summary>-1.</summary>
    public static readonly Expr MinusOne = new Constant(-1.0);

    /// <summary>A constant. Negative zero is normalized to zero.</summary>
    public static Expr Const(double value)
    {
        if (value == 0.0)
        {
            return Zero;
        }

        if (value == 1.0)
        {
            return One;
        }

        return new Constant(value);
    }

    /// <summary>A variable.</summary>
    public static Expr Var(string name) => new Variable(name);

    /// <summary>a + b.</summary>
    public static Expr Add(Expr a, Expr b) => Add(new[] { a, b });

    /// <summary>a - b.</summary>
    public static Expr Sub(Expr a, Expr b) => Add(new[] { a, Neg(b) });

    /// <summary>-a.</summary>
    public static Expr Neg(Expr a) => Mul(new[] { MinusOne, a });

    /// <summary>a * b.</summary>
    public static Expr Mul(Expr a, Expr b) => Mul(new[] { a, b });

    /// <summary>a / b, kept as a * b^-1.</summary>
    public static Expr Div(Expr a, Expr b) => Mul(new[] { a, Pow(b, MinusOne) });

    /// <summary>The sum of the terms, canonical.</summary>
    public static Expr Add(IReadOnlyList<Expr> terms)
    {
        var constant = 0.0;
        var order = new List<Expr>();
        var coefficients = new Dictionary<Expr, double>();

        void Accumulate(Expr term)
        {
            switch (term)
            {
                case Constant c:
                    constant += c.Value;
                    return;
                case Sum s:
                    foreach (var t in s.Terms)
                    {
                        Accumulate(t);
                    }

                    return;
            }

            SplitCoefficient(term, out var coefficient, out var rest);
            if (coefficients.TryGetValue(rest, out var existing))
            {
                coefficients[rest] = existing + coefficient;
            }
            else
            {
                coefficients[rest] = coefficient;
                order.Add(rest);
            }
        }

        foreach (var term in terms)
        {
            Accumulate(term);
        }

        var result = new List<Expr>(order.Count + 1);
        foreach (var rest in order)
        {
            var coefficient = coefficients[rest];
            if (coefficient != 0.0)
            {
                result.Add(Scale(coefficient, rest));
            }
        }

        if (constant != 0.0 || double.IsNaN(constant))
        {
            result.Add(Const(constant));
        }

        if (result.Count == 0)
        {
            return Zero;
        }

        if (result.Count == 1)
        {
            return result[0];
        }

        result.Sort(ExprOrder.Instance);
        return new Sum(result.ToArray());
    }

    /// <summary>The product of the factors, canonical.</summary>
    public static Expr Mul(IReadOnlyList<Expr> factors)
    {
        var coefficient = 1.0;
        var order = new List<Expr>();
        var exponents = new Dictionary<Expr, List<Expr>>();

        void Accumulate(Expr factor)
        {
            switch (factor)
            {
                case Constant c:
                    coefficient *= c.Value;
                    return;
                case Product p:
                    foreach (var f in p.Factors)
                    {
                        Accumulate(f);
                    }

                    return;
            }

            Expr @base = factor;
            Expr exponent = One;
            if (factor is Power pw)
            {
                @base = pw.Base;
                exponent = pw.Exponent;
            }

            if (exponents.TryGetValue(@base, out var list))
            {
                list.Add(exponent);
            }
            else
            {
                exponents[@base] = new List<Expr> { exponent };
                order.Add(@base);
            }
        }

        foreach (var factor in factors)
        {
            Accumulate(factor);
        }

        if (coefficient == 0.0)
        {
            // 0 * x is 0 wherever x is finite; the symbolic core works on finite values.
            return Zero;
        }

        var result = new List<Expr>(order.Count + 1);
        foreach (var @base in order)
        {
            var list = exponents[@base];
            var power = Pow(@base, list.Count == 1 ? list[0] : Add(list));
            if (power is Constant pc)
            {
                coefficient *= pc.Value;
            }
            else if (power is Product pp)
            {
                // (a*b)^n distributed by Pow: merge its factors back in.
                foreach (var f in pp.Factors)
                {
                    if (f is Constant fc)
                    {
                        coefficient *= fc.Value;
                    }
                    else
                    {
                        result.Add(f);
                    }
                }
            }
            else
            {
                result.Add(power);
            }
        }

        if (result.Count == 0)
        {
            return Const(coefficient);
        }

        if (result.Count == 1 && coefficient == 1.0)
        {
            return result[0];
        }

        if (result.Count == 1 && result[0] is Sum sum && IsDistributable(coefficient))
        {
            // c * (a + b) = c*a + c*b keeps sums canonical, so -(x - y) and y - x are one node.
            var scaled = new Expr[sum.Terms.Count];
            for (var i = 0; i < scaled.Length; i++)
            {
                scaled[i] = Mul(Const(coefficient), sum.Terms[i]);
            }

            return Add(scaled);
        }

        result.Sort(ExprOrder.Instance);
        if (coefficient != 1.0)
        {
            result.Insert(0, Const(coefficient));
        }

        return new Product(result.ToArray());
    }

    private static bool IsDistributable(double coefficient) => coefficient == -1.0;

    /// <summary>b ^ e.</summary>
    public static Expr Pow(Expr @base, Expr exponent)
    {
        if (exponent is Constant e)
        {
            if (e.Value == 0.0)
            {
                return One;
            }

            if (e.Value == 1.0)
            {
                return @base;
            }

            if (@base is Constant b)
            {
                var folded = Math.Pow(b.Value, e.Value);
                if (!double.IsNaN(folded) && !double.IsInfinity(folded))
                {
                    return Const(folded);
                }
            }

            if (IsInteger(e.Value))
            {
                // (b^p)^n = b^(p*n) and (a*b)^n = a^n * b^n hold for integer n.
                if (@base is Power inner && inner.Exponent is Constant ie)
                {
                    return Pow(inner.Base, Const(ie.Value * e.Value));
                }

                if (@base is Product product)
                {
                    var parts = new Expr[product.Factors.Count];
                    for (var i = 0; i < parts.Length; i++)
                    {
                        parts[i] = Pow(product.Factors[i], exponent);
                    }

                    return Mul(parts);
                }
            }
        }

        if (@base is Constant one && one.Value == 1.0)
        {
            return One;
        }

        return new Power(@base, exponent);
    }

    /// <summary>A call of a known function, with constant folding.</summary>
    public static Expr Call(MathFunction function, params Expr[] arguments)
    {
        if (arguments.Length == 1 && arguments[0] is Constant c)
        {
            var folded = Evaluator.Apply(function, c.Value);
            if (!double.IsNaN(folded) && !double.IsInfinity(folded) && IsExactFold(function, c.Value))
            {
                return Const(folded);
            }
        }

        if (arguments.Length == 1)
        {
            var u = arguments[0];
            switch (function)
            {
                case MathFunction.Log when u is Call { Function: MathFunction.Exp } inner:
                    return inner.Arguments[0];
                case MathFunction.Abs when u is Call { Function: MathFunction.Abs }:
                    return u;
            }
        }

        return new Call(function, arguments);
    }

    /// <summary>Folds only where the result is exact, so exp(1) stays symbolic but exp(0) is 1.</summary>
    private static bool IsExactFold(MathFunction function, double x) => function switch
    {
        MathFunction.Abs or MathFunction.Sign => true,
        MathFunction.Exp or MathFunction.ExpM1 or MathFunction.Sin or MathFunction.Tan or MathFunction.Tanh or MathFunction.LogP1 => x == 0.0,
        MathFunction.Cos => x == 0.0,
        MathFunction.Log or MathFunction.Log10 => x == 1.0,
        MathFunction.Sqrt => Math.Sqrt(x) * Math.Sqrt(x) == x,
        MathFunction.Sigmoid => x == 0.0,
        _ => false,
    };

    /// <summary>True when v is an integer that fits comfortably in a double's exact range.</summary>
    public static bool IsInteger(double v) => Math.Abs(v) < 1e15 && Math.Floor(v) == v;

    /// <summary>Splits c * rest into its constant coefficient and the rest.</summary>
    public static void SplitCoefficient(Expr term, out double coefficient, out Expr rest)
    {
        if (term is Product p && p.Factors[0] is Constant c)
        {
            coefficient = c.Value;
            if (p.Factors.Count == 2)
            {
                rest = p.Factors[1];
            }
            else
            {
                var others = new Expr[p.Factors.Count - 1];
                for (var i = 1; i < p.Factors.Count; i++)
                {
                    others[i - 1] = p.Factors[i];
                }

                rest = new Product(others);
            }

            return;
        }

        coefficient = 1.0;
        rest = term;
    }

    private static Expr Scale(double coefficient, Expr rest)
    {
        if (coefficient == 1.0)
        {
            return rest;
        }

        if (rest is Product p)
        {
            var factors = new Expr[p.Factors.Count + 1];
            factors[0] = Const(coefficient);
            for (var i = 0; i < p.Factors.Count; i++)
            {
                factors[i + 1] = p.Factors[i];
            }

            return new Product(factors);
        }

        return new Product(new[] { Const(coefficient), rest });
    }
}
