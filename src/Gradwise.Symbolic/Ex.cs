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
    public static Variable Var(string name) => new(name);

    /// <summary>An int value read as a double, as a leaf (it has no derivative).</summary>
    public static Variable Int(IntExpr value) => new(value);

    /// <summary>The element <paramref name="array"/>[<paramref name="index"/>] as a leaf.</summary>
    public static Variable Element(string array, IntExpr index) => new(array, index);

    /// <summary>a + b.</summary>
    public static Expr Add(Expr a, Expr b) => Add(new[] { a, b });

    /// <summary>a - b.</summary>
    public static Expr Sub(Expr a, Expr b) => Add(new[] { a, Neg(b) });

    /// <summary>
    /// -a: the same node as <c>Mul(-1, a)</c>, built without the general product's collecting where a is a constant, a product
    /// (its coefficient, which a canonical product keeps first, negated) or any node that is not a sum or power (a variable, a
    /// call, a comparison).
    /// </summary>
    public static Expr Neg(Expr a) => a switch
    {
        Constant c => Const(-c.Value),
        Product p => NegatedProduct(p.Factors),
        Sum or Power => Mul(new[] { MinusOne, a }),
        _ => new Product(new[] { Const(-1.0), a }),
    };

    /// <summary>
    /// −1 times a canonical product: its coefficient negated, added as −1 where it has none, dropped where it becomes 1. Nothing
    /// else changes: the other factors are already collected and in order, and the general product distributes −1 only over a
    /// lone sum, which a canonical product never is (a coefficient 1 beside one sum would have been left out).
    /// </summary>
    private static Expr NegatedProduct(IReadOnlyList<Expr> factors)
    {
        var (negated, first) = factors[0] is Constant coefficient ? (-coefficient.Value, 1) : (-1.0, 0);
        var kept = negated == 1.0 ? 0 : 1;
        var count = factors.Count - first;
        if (kept == 0 && count == 1)
        {
            return factors[first];
        }

        var result = new Expr[kept + count];
        if (kept == 1)
        {
            result[0] = Const(negated);
        }

        for (var i = 0; i < count; i++)
        {
            result[kept + i] = factors[first + i];
        }

        return new Product(result);
    }

    /// <summary>a * b.</summary>
    public static Expr Mul(Expr a, Expr b) => Mul(new[] { a, b });

    /// <summary>a / b, kept as a * b^-1.</summary>
    public static Expr Div(Expr a, Expr b) => Mul(new[] { a, Pow(b, MinusOne) });

    /// <summary>True.</summary>
    public static readonly Expr True = One;

    /// <summary>False.</summary>
    public static readonly Expr False = Zero;

    /// <summary>a &lt; b.</summary>
    public static Expr Less(Expr a, Expr b) => Comparison(CompareOperator.Less, a, b);

    /// <summary>a &lt;= b.</summary>
    public static Expr LessOrEqual(Expr a, Expr b) => Comparison(CompareOperator.LessOrEqual, a, b);

    /// <summary>a &gt; b, stored as b &lt; a.</summary>
    public static Expr Greater(Expr a, Expr b) => Comparison(CompareOperator.Less, b, a);

    /// <summary>a &gt;= b, stored as b &lt;= a.</summary>
    public static Expr GreaterOrEqual(Expr a, Expr b) => Comparison(CompareOperator.LessOrEqual, b, a);

    /// <summary>a == b.</summary>
    public static Expr Equal(Expr a, Expr b) => Comparison(CompareOperator.Equal, a, b);

    /// <summary>a != b.</summary>
    public static Expr NotEqual(Expr a, Expr b) => Comparison(CompareOperator.NotEqual, a, b);

    /// <summary>A comparison; folded when both sides are constants.</summary>
    public static Expr Comparison(CompareOperator op, Expr a, Expr b)
    {
        if (a is Constant ca && b is Constant cb)
        {
            return Truth(Evaluator.Compare(op, ca.Value, cb.Value));
        }

        if (a.Equals(b))
        {
            // x < x is false for every x, NaN included; x <= x and x == x are the NaN test (true unless x is NaN),
            // x != x its negation: kept, never folded, in one form.
            return op switch
            {
                CompareOperator.Less => False,
                CompareOperator.NotEqual => new Compare(CompareOperator.NotEqual, a, a),
                _ => IsNumber(a),
            };
        }

        if ((op == CompareOperator.Equal || op == CompareOperator.NotEqual) && ExprOrder.Instance.Compare(a, b) > 0)
        {
            (a, b) = (b, a);
        }

        return new Compare(op, a, b);
    }

    /// <summary>The constant predicate for a truth value.</summary>
    public static Expr Truth(bool value) => value ? True : False;

    /// <summary>All of the predicates.</summary>
    public static Expr And(params Expr[] predicates) => Junction(LogicalOperator.And, predicates);

    /// <summary>Any of the predicates.</summary>
    public static Expr Or(params Expr[] predicates) => Junction(LogicalOperator.Or, predicates);

    /// <summary>Not the predicate.</summary>
    public static Expr Not(Expr predicate)
    {
        if (predicate is Constant c)
        {
            return Truth(c.Value == 0.0);
        }

        if (predicate is Logical { Operator: LogicalOperator.Not } inner)
        {
            return inner.Operands[0];
        }

        return new Logical(LogicalOperator.Not, new[] { predicate });
    }

    private static Expr Junction(LogicalOperator op, Expr[] predicates)
    {
        var isAnd = op == LogicalOperator.And;
        var list = new List<Expr>();
        foreach (var p in predicates)
        {
            if (p is Constant c)
            {
                var truth = c.Value != 0.0;
                if (truth != isAnd)
                {
                    return Truth(truth); // false && ... is false; true || ... is true
                }

                continue;
            }

            if (p is Logical l && l.Operator == op)
            {
                list.AddRange(l.Operands);
            }
            else if (!list.Contains(p))
            {
                list.Add(p);
            }
        }

        if (list.Count == 0)
        {
            return Truth(isAnd);
        }

        // Order is kept: C# evaluates && and || left to right and the user may rely on it.
        return list.Count == 1 ? list[0] : new Logical(op, list.ToArray());
    }

    /// <summary>predicate ? then : else, folded when the predicate is constant or both branches agree.</summary>
    public static Expr Cond(Expr predicate, Expr then, Expr @else)
    {
        if (predicate is Constant c)
        {
            return c.Value != 0.0 ? then : @else;
        }

        if (then.Equals(@else))
        {
            return then;
        }

        if (predicate is Logical { Operator: LogicalOperator.Not } not)
        {
            return Cond(not.Operands[0], @else, then);
        }

        return new Conditional(predicate, then, @else);
    }

    /// <summary>A call of another differentiable method (partial = -1) or of its partial with respect to parameter <paramref name="partial"/>.</summary>
    public static Expr UserCall(UserFunction function, int partial, params Expr[] arguments) => new UserCall(function, partial, arguments);

    /// <summary>
    /// Math.Max(a, b), NaN included: NaN when either argument is NaN, whatever the order, because a
    /// branch of its own catches what fails both comparisons (C# <c>!(a &lt; b)</c> is not <c>b &lt;= a</c>).
    /// Its derivative there is the NaN constant's, NaN (<see cref="Differentiator"/>). At a tie the derivative
    /// follows the constant argument if there is one, so ReLU'(0) = 0 whichever way Max(x, 0) or Max(0, x) is
    /// written; otherwise the first argument. A zero result may differ from Math.Max's in its sign only.
    /// </summary>
    public static Expr Max(Expr a, Expr b) =>
        b is Constant
            ? Cond(Greater(a, b), a, Cond(LessOrEqual(a, b), b, NotANumber))
            : Cond(GreaterOrEqual(a, b), a, Cond(Less(a, b), b, NotANumber));

    /// <summary>Math.Min(a, b), with the same NaN branch and tie convention as <see cref="Max"/>.</summary>
    public static Expr Min(Expr a, Expr b) =>
        b is Constant
            ? Cond(Less(a, b), a, Cond(GreaterOrEqual(a, b), b, NotANumber))
            : Cond(LessOrEqual(a, b), a, Cond(Greater(a, b), b, NotANumber));

    /// <summary>
    /// Math.Clamp(x, min, max) as .NET computes it (min below min, else max above max, else x), so a NaN bound
    /// is ignored as it is there; a NaN x takes the NaN branch, with derivative NaN. At a bound the derivative
    /// is the bound's, as at a tie of <see cref="Max"/> with a constant. Clamp's exception for min &gt; max is
    /// not repeated.
    /// </summary>
    public static Expr Clamp(Expr x, Expr min, Expr max) =>
        Cond(LessOrEqual(x, min), min, Cond(GreaterOrEqual(x, max), max, Cond(IsNumber(x), x, NotANumber)));

    /// <summary>x is not NaN (x == x, which is never folded; written <c>!double.IsNaN(x)</c>).</summary>
    public static Expr IsNumber(Expr x) => x is Constant c ? Truth(!double.IsNaN(c.Value)) : new Compare(CompareOperator.Equal, x, x);

    /// <summary>Not a number: the value (and derivative) of the branch a NaN argument takes.</summary>
    public static readonly Expr NotANumber = new Constant(double.NaN);

    /// <summary>The sum of the terms, canonical.</summary>
    public static Expr Add(IReadOnlyList<Expr> terms)
    {
        var constant = 0.0;
        var like = new LikeParts<double>(terms.Count);
        for (var i = 0; i < terms.Count; i++)
        {
            AccumulateTerm(terms[i], ref constant, like); // by index: a foreach over the interface allocates an enumerator
        }

        var result = new List<Expr>(like.Count + 1);
        for (var i = 0; i < like.Count; i++)
        {
            var coefficient = like.ValueAt(i);
            if (coefficient != 0.0)
            {
                result.Add(Scale(coefficient, like.KeyAt(i)));
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

        result.Sort(ExprOrder.Comparison);
        return new Sum(result.ToArray());
    }

    private static void AccumulateTerm(Expr term, ref double constant, LikeParts<double> like)
    {
        switch (term)
        {
            case Constant c:
                constant += c.Value;
                return;
            case Sum s:
                for (var i = 0; i < s.Terms.Count; i++)
                {
                    AccumulateTerm(s.Terms[i], ref constant, like);
                }

                return;
        }

        SplitCoefficient(term, out var coefficient, out var rest);
        var at = like.IndexOf(rest);
        if (at >= 0)
        {
            like.SetValueAt(at, like.ValueAt(at) + coefficient);
        }
        else
        {
            like.Add(rest, coefficient);
        }
    }

    /// <summary>The product of the factors, canonical.</summary>
    public static Expr Mul(IReadOnlyList<Expr> factors)
    {
        var coefficient = 1.0;
        var exponents = new LikeParts<Expr>(factors.Count);
        for (var i = 0; i < factors.Count; i++)
        {
            AccumulateFactor(factors[i], ref coefficient, exponents); // by index, as in Add
        }

        if (coefficient == 0.0)
        {
            // 0 * x is 0 wherever x is finite; the symbolic core works on finite values.
            return Zero;
        }

        var result = new List<Expr>(exponents.Count + 1);
        for (var i = 0; i < exponents.Count; i++)
        {
            var power = Pow(exponents.KeyAt(i), exponents.ValueAt(i));
            if (power is Constant pc)
            {
                coefficient *= pc.Value;
            }
            else if (power is Product pp)
            {
                // (a*b)^n distributed by Pow: merge its factors back in.
                for (var j = 0; j < pp.Factors.Count; j++)
                {
                    var f = pp.Factors[j];
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

        result.Sort(ExprOrder.Comparison);
        if (coefficient == 1.0)
        {
            return new Product(result.ToArray());
        }

        var withCoefficient = new Expr[result.Count + 1];
        withCoefficient[0] = Const(coefficient);
        result.CopyTo(withCoefficient, 1);
        return new Product(withCoefficient);
    }

    /// <summary>Collects a factor: constants into the coefficient, products flattened, and the exponents of one base added up.</summary>
    private static void AccumulateFactor(Expr factor, ref double coefficient, LikeParts<Expr> exponents)
    {
        switch (factor)
        {
            case Constant c:
                coefficient *= c.Value;
                return;
            case Product p:
                for (var i = 0; i < p.Factors.Count; i++)
                {
                    AccumulateFactor(p.Factors[i], ref coefficient, exponents);
                }

                return;
        }

        var (@base, exponent) = factor is Power pw ? (pw.Base, pw.Exponent) : (factor, One);
        var at = exponents.IndexOf(@base);
        if (at >= 0)
        {
            exponents.SetValueAt(at, Add(exponents.ValueAt(at), exponent));
        }
        else
        {
            exponents.Add(@base, exponent);
        }
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

            if (IsInteger(e.Value) && e.Value % 2 == 0 && @base is Call { Function: MathFunction.Sqrt } root)
            {
                // Sqrt(u)^(2k) = u^k wherever Sqrt(u) is defined.
                return Pow(root.Arguments[0], Const(e.Value / 2));
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

        if (@base is Constant e1 && IsEulerNumber(e1.Value))
        {
            return Call(MathFunction.Exp, exponent); // Math.Pow(Math.E, u) is exp(u): students write the logistic as 1 / (1 + Math.Pow(Math.E, -z))
        }

        return new Power(@base, exponent);
    }

    /// <summary>e as <c>Math.E</c> writes it, or as <c>MathF.E</c> does (the float nearest e, widened).</summary>
    private static bool IsEulerNumber(double value) => value == Math.E || value == (double)2.71828175f;

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
        MathFunction.Atan or MathFunction.Asin or MathFunction.Sinh or MathFunction.Cosh or MathFunction.Cbrt => x == 0.0,
        MathFunction.Acos or MathFunction.Log2 => x == 1.0,
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

    /// <summary>
    /// The like terms of a sum (or the bases of a product) in the order first met, each with its value. Searched one by one while
    /// there are few (most sums and products have two or three), by hash once there are more: building sums and products is what
    /// the recognizers and the generator do most, and a dictionary per call cost more than the search.
    /// </summary>
    private sealed class LikeParts<TValue>
    {
        private const int Linear = 8;
        private readonly List<Expr> keys;
        private readonly List<TValue> values;
        private Dictionary<Expr, int>? index;

        public LikeParts(int capacity)
        {
            keys = new List<Expr>(capacity);
            values = new List<TValue>(capacity);
        }

        public int Count => keys.Count;

        public Expr KeyAt(int i) => keys[i];

        public TValue ValueAt(int i) => values[i];

        public void SetValueAt(int i, TValue value) => values[i] = value;

        public int IndexOf(Expr key)
        {
            if (index != null)
            {
                return index.TryGetValue(key, out var found) ? found : -1;
            }

            for (var i = 0; i < keys.Count; i++)
            {
                if (keys[i].Equals(key))
                {
                    return i;
                }
            }

            return -1;
        }

        public void Add(Expr key, TValue value)
        {
            keys.Add(key);
            values.Add(value);
            if (index != null)
            {
                index[key] = keys.Count - 1;
            }
            else if (keys.Count > Linear)
            {
                index = new Dictionary<Expr, int>(keys.Count * 2);
                for (var i = 0; i < keys.Count; i++)
                {
                    index[keys[i]] = i;
                }
            }
        }
    }
}
