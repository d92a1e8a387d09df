using System;
using System.Collections.Generic;

namespace Gradwise.Symbolic;

/// <summary>Symbolic differentiation on canonical expressions.</summary>
public static class Differentiator
{
    /// <summary>∂expr/∂variable, built through <see cref="Ex"/> so it comes out canonical.</summary>
    public static Expr Differentiate(Expr expr, string variable)
    {
        var memo = new Dictionary<Expr, Expr>();
        return D(expr, variable, memo);
    }

    private static Expr D(Expr e, string x, Dictionary<Expr, Expr> memo)
    {
        if (memo.TryGetValue(e, out var known))
        {
            return known;
        }

        var result = e switch
        {
            Constant c => double.IsNaN(c.Value) ? e : Ex.Zero, // a NaN branch stays NaN in every derivative
            Variable v => string.Equals(v.Name, x, StringComparison.Ordinal) ? Ex.One : Ex.Zero,
            Sum s => DSum(s, x, memo),
            Product p => DProduct(p, x, memo),
            Power pw => DPower(pw, x, memo),
            Call c => DCall(c, x, memo),
            Conditional c when !DependsOn(c, x) => Ex.Zero, // a NaN branch of a max that does not involve x is not NaN in ∂/∂x
            Conditional c => Ex.Cond(c.Predicate, D(c.Then, x, memo), D(c.Else, x, memo)),
            UserCall { Partial: < 0 } u => DUserCall(u, x, memo),
            _ => throw new NotSupportedException(e.Kind.ToString()),
        };

        memo[e] = result;
        return result;
    }

    private static Expr DSum(Sum s, string x, Dictionary<Expr, Expr> memo)
    {
        var terms = new List<Expr>(s.Terms.Count);
        foreach (var t in s.Terms)
        {
            terms.Add(D(t, x, memo));
        }

        return Ex.Add(terms);
    }

    private static Expr DProduct(Product p, string x, Dictionary<Expr, Expr> memo)
    {
        // Product rule: Σ_i f_i' Π_{j≠i} f_j.
        var terms = new List<Expr>();
        for (var i = 0; i < p.Factors.Count; i++)
        {
            var di = D(p.Factors[i], x, memo);
            if (di is Constant { Value: 0.0 })
            {
                continue;
            }

            var factors = new List<Expr>(p.Factors.Count) { di };
            for (var j = 0; j < p.Factors.Count; j++)
            {
                if (j != i)
                {
                    factors.Add(p.Factors[j]);
                }
            }

            terms.Add(Ex.Mul(factors));
        }

        return Ex.Add(terms);
    }

    private static Expr DPower(Power pw, string x, Dictionary<Expr, Expr> memo)
    {
        var db = D(pw.Base, x, memo);
        if (pw.Exponent is Constant n)
        {
            // d(b^n) = n b^(n-1) b'
            return Ex.Mul(new[] { Ex.Const(n.Value), Ex.Pow(pw.Base, Ex.Const(n.Value - 1.0)), db });
        }

        // d(b^e) = b^e (e' log b + e b'/b)
        var de = D(pw.Exponent, x, memo);
        var inner = Ex.Add(
            Ex.Mul(de, Ex.Call(MathFunction.Log, pw.Base)),
            Ex.Mul(new[] { pw.Exponent, db, Ex.Pow(pw.Base, Ex.MinusOne) }));
        return Ex.Mul(pw, inner);
    }

    private static Expr DUserCall(UserCall u, string x, Dictionary<Expr, Expr> memo)
    {
        // Chain rule through the callee's own generated partials: Σ_i ∂f/∂u_i · du_i/dx.
        var terms = new List<Expr>();
        for (var i = 0; i < u.Arguments.Count; i++)
        {
            var du = D(u.Arguments[i], x, memo);
            if (du is Constant { Value: 0.0 })
            {
                continue;
            }

            if (!u.Function.HasGradient[i])
            {
                throw new InvalidOperationException("The argument for [NoGradient] parameter '" + u.Function.ParameterNames[i] + "' of " + u.Function.Name + " depends on " + x + ".");
            }

            terms.Add(Ex.Mul(Ex.UserCall(u.Function, i, ToArray(u.Arguments)), du));
        }

        return Ex.Add(terms);
    }

    private static Expr[] ToArray(IReadOnlyList<Expr> list)
    {
        var array = new Expr[list.Count];
        for (var i = 0; i < array.Length; i++)
        {
            array[i] = list[i];
        }

        return array;
    }

    /// <summary>True when <paramref name="expr"/> depends on the variable <paramref name="name"/>.</summary>
    public static bool DependsOn(Expr expr, string name)
    {
        if (expr is Variable v)
        {
            return string.Equals(v.Name, name, StringComparison.Ordinal);
        }

        foreach (var child in expr.Children)
        {
            if (DependsOn(child, name))
            {
                return true;
            }
        }

        return false;
    }

    private static Expr DCall(Call c, string x, Dictionary<Expr, Expr> memo)
    {
        var u = c.Arguments[0];
        var du = D(u, x, memo);
        if (du is Constant { Value: 0.0 })
        {
            return Ex.Zero;
        }

        return Ex.Mul(Derivative(c.Function, u), du);
    }

    /// <summary>f'(u) for a known function of one argument.</summary>
    public static Expr Derivative(MathFunction f, Expr u) => f switch
    {
        MathFunction.Exp => Ex.Call(MathFunction.Exp, u),
        MathFunction.Log => Ex.Pow(u, Ex.MinusOne),
        MathFunction.Log10 => Ex.Mul(Ex.Const(1.0 / Math.Log(10.0)), Ex.Pow(u, Ex.MinusOne)),
        MathFunction.Sqrt => Ex.Mul(Ex.Const(0.5), Ex.Pow(Ex.Call(MathFunction.Sqrt, u), Ex.MinusOne)),
        MathFunction.Sin => Ex.Call(MathFunction.Cos, u),
        MathFunction.Cos => Ex.Neg(Ex.Call(MathFunction.Sin, u)),
        MathFunction.Tan => Ex.Add(Ex.One, Ex.Pow(Ex.Call(MathFunction.Tan, u), Ex.Const(2.0))),
        MathFunction.Tanh => Ex.Sub(Ex.One, Ex.Pow(Ex.Call(MathFunction.Tanh, u), Ex.Const(2.0))),
        MathFunction.Abs => Ex.Call(MathFunction.Sign, u),
        MathFunction.Sign => Ex.Zero,
        MathFunction.ExpM1 => Ex.Call(MathFunction.Exp, u),
        MathFunction.LogP1 => Ex.Pow(Ex.Add(Ex.One, u), Ex.MinusOne),
        MathFunction.Sigmoid => Ex.Mul(Ex.Call(MathFunction.Sigmoid, u), Ex.Sub(Ex.One, Ex.Call(MathFunction.Sigmoid, u))),
        MathFunction.Softplus => Ex.Call(MathFunction.Sigmoid, u),
        MathFunction.Atan => Ex.Pow(Ex.Add(Ex.One, Ex.Pow(u, Ex.Const(2.0))), Ex.MinusOne),
        MathFunction.Asin => Ex.Pow(Ex.Sub(Ex.One, Ex.Pow(u, Ex.Const(2.0))), Ex.Const(-0.5)),
        MathFunction.Acos => Ex.Neg(Ex.Pow(Ex.Sub(Ex.One, Ex.Pow(u, Ex.Const(2.0))), Ex.Const(-0.5))),
        MathFunction.Sinh => Ex.Call(MathFunction.Cosh, u),
        MathFunction.Cosh => Ex.Call(MathFunction.Sinh, u),
        MathFunction.Log2 => Ex.Mul(Ex.Const(1.0 / Math.Log(2.0)), Ex.Pow(u, Ex.MinusOne)),
        MathFunction.Cbrt => Ex.Mul(Ex.Const(1.0 / 3.0), Ex.Pow(Ex.Call(MathFunction.Cbrt, u), Ex.Const(-2.0))),
        _ => throw new NotSupportedException(f.ToString()),
    };
}
