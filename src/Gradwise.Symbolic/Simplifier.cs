using System;
using System.Collections.Generic;
using System.Linq;

namespace Gradwise.Symbolic;

/// <summary>
/// Rewrites expressions to a simpler, numerically safer form. Two passes:
/// identities that know ML functions (recognize the logistic function in its algebraic
/// forms, log σ(z) = −softplus(−z), log(1 + eᵘ) = softplus(u), log(c·eᵖ) = log c + p,
/// σ(−u) = 1 − σ(u)), then a choice, by cost, between the expression as it is, expanded
/// with like terms collected, and with common factors pulled out. Every rewrite keeps the
/// value wherever the input is defined (tests evaluate before and after at random points).
/// </summary>
public static class Simplifier
{
    private const int ExpansionLimit = 96;

    /// <summary>Simplifies <paramref name="expr"/>; the identities it used are added to <paramref name="notes"/>.</summary>
    public static Expr Simplify(Expr expr, ICollection<string>? notes = null)
    {
        var rewritten = ApplyIdentities(expr, new Dictionary<Expr, Expr>(), notes);
        return Stabilize(ChooseForm(rewritten, notes));
    }

    /// <summary>
    /// c·Sigmoid(u) − c, which expanding a scaled 1 − Sigmoid(u) produces, as −c·Sigmoid(−u): the same value, but it keeps its
    /// precision where Sigmoid(u) rounds to 1 (u above about 37), where the difference is 0 and the derivative was lost
    /// (found by the finite-difference property test). The textbook forms 1 − Sigmoid(u) and Sigmoid(u) − 1 are kept as they read.
    /// </summary>
    private static Expr Stabilize(Expr e)
    {
        if (e.IsAtom)
        {
            return e;
        }

        var children = new Expr[e.Children.Count];
        var changed = false;
        for (var i = 0; i < children.Length; i++)
        {
            children[i] = Stabilize(e.Children[i]);
            changed |= !ReferenceEquals(children[i], e.Children[i]);
        }

        var rebuilt = changed ? Rebuild(e, children) : e;
        if (rebuilt is Product product)
        {
            return StableFactors(product);
        }

        if (rebuilt is not Sum { Terms: [Constant constant, ..] } sum)
        {
            return rebuilt; // a sum's constant, if it has one, sorts first (ExprOrder: constants before everything else)
        }

        for (var i = 1; i < sum.Terms.Count; i++)
        {
            if (sum.Terms[i] is Product { Factors: [Constant c, Call { Function: MathFunction.Sigmoid } sigmoid] } && c.Value == -constant.Value && Math.Abs(c.Value) != 1.0)
            {
                var terms = sum.Terms.Where((_, k) => k != i && k != 0).ToList();
                terms.Add(Ex.Mul(Ex.Const(-c.Value), Ex.Call(MathFunction.Sigmoid, Ex.Neg(sigmoid.Arguments[0]))));
                return Ex.Add(terms);
            }
        }

        return rebuilt;
    }

    /// <summary>
    /// A factor 1 − Sigmoid(u) (or a power of it) of a product that has no factor Sigmoid(u), as Sigmoid(−u): where Sigmoid(u) rounds
    /// toward 1 the difference keeps only the absolute precision of 1, and a quotient such as Sigmoid(−u) / Softplus(−u) of two tiny
    /// numbers lost its digits (found by the finite-difference property test). Beside Sigmoid(u), the textbook σ'(u) = σ(u)·(1 − σ(u)) is
    /// kept as it reads: its error is below 1e-16 in absolute terms.
    /// </summary>
    private static Expr StableFactors(Product product)
    {
        Expr[]? factors = null;
        for (var i = 0; i < product.Factors.Count; i++)
        {
            var (factor, exponent) = product.Factors[i] is Power { Exponent: var k } power ? (power.Base, k) : (product.Factors[i], null);
            if (OneMinusSigmoidArgument(factor) is { } u && !product.Factors.Any(f => (f is Power p ? p.Base : f) is Call { Function: MathFunction.Sigmoid } other && other.Arguments[0].Equals(u)))
            {
                factors ??= product.Factors.ToArray();
                var stable = Ex.Call(MathFunction.Sigmoid, Ex.Neg(u));
                factors[i] = exponent is null ? stable : Ex.Pow(stable, exponent);
            }
        }

        return factors is null ? product : Ex.Mul(factors);
    }

    /// <summary>u of 1 − Sigmoid(u); null for any other expression.</summary>
    private static Expr? OneMinusSigmoidArgument(Expr e) =>
        e is Sum { Terms: [Constant { Value: 1.0 }, Product { Factors: [Constant { Value: -1.0 }, Call { Function: MathFunction.Sigmoid } sigmoid] }] } ? sigmoid.Arguments[0] : null;

    /// <summary>Only the identity pass (for the function value, which is shown as the user wrote it otherwise).</summary>
    public static Expr ApplyIdentities(Expr expr, ICollection<string>? notes = null) =>
        ApplyIdentities(expr, new Dictionary<Expr, Expr>(), notes);

    private static Expr ApplyIdentities(Expr e, Dictionary<Expr, Expr> memo, ICollection<string>? notes)
    {
        if (e.IsAtom)
        {
            return e;
        }

        if (memo.TryGetValue(e, out var done))
        {
            return done;
        }

        var children = new Expr[e.Children.Count];
        for (var i = 0; i < children.Length; i++)
        {
            children[i] = ApplyIdentities(e.Children[i], memo, notes);
        }

        var rebuilt = Rebuild(e, children);
        var result = Rewrite(rebuilt, notes);
        if (!result.Equals(rebuilt))
        {
            // A rewrite can expose another (σ(−u) → 1 − σ(u) inside a log, say).
            result = ApplyIdentities(result, memo, notes);
        }

        memo[e] = result;
        return result;
    }

    /// <summary>The same node kind over new children, built canonically.</summary>
    public static Expr Rebuild(Expr e, Expr[] c) => e switch
    {
        Sum => Ex.Add(c),
        Product => Ex.Mul(c),
        Power => Ex.Pow(c[0], c[1]),
        Call call => Ex.Call(call.Function, c),
        UserCall u => Ex.UserCall(u.Function, u.Partial, c),
        Conditional => Ex.Cond(c[0], c[1], c[2]),
        Compare cmp => Ex.Comparison(cmp.Operator, c[0], c[1]),
        Logical { Operator: LogicalOperator.Not } => Ex.Not(c[0]),
        Logical { Operator: LogicalOperator.And } => Ex.And(c),
        Logical => Ex.Or(c),
        _ => e,
    };

    private static Expr Rewrite(Expr e, ICollection<string>? notes)
    {
        switch (e)
        {
            // 1 / (1 + Exp(-u)) = Sigmoid(u)
            case Power { Exponent: Constant { Value: -1.0 } } pw when IsOnePlusExp(pw.Base, out var arg) && IsNegated(arg, out var u):
                Note(notes, "1 / (1 + Exp(-u)) = Sigmoid(u)");
                return Ex.Call(MathFunction.Sigmoid, u);

            // 1 / (1 + Exp(-u))^n = Sigmoid(u)^n: a power of the logistic (Math.Pow(1 / (1 + Math.Exp(-u)), 2)) reads as (1 + Exp(-u))^-n once
            // canonical, and its derivative written in Exp is inf / inf where Exp(-u) overflows (found by the finite-difference property test).
            case Power { Exponent: Constant { Value: < -1.0 } k } pw when k.Value == Math.Floor(k.Value) && IsOnePlusExp(pw.Base, out var powered) && IsNegated(powered, out var v):
                Note(notes, "1 / (1 + Exp(-u))^n = Sigmoid(u)^n");
                return Ex.Pow(Ex.Call(MathFunction.Sigmoid, v), Ex.Const(-k.Value));

            // Exp(u) / (1 + Exp(u)) = Sigmoid(u)
            case Product p when TryLogisticQuotient(p, out var replaced):
                Note(notes, "Exp(u) / (1 + Exp(u)) = Sigmoid(u)");
                return replaced;

            // 0.5 + 0.5 * Tanh(u / 2) = Sigmoid(u)
            case Sum s when TryTanhLogistic(s, out var logistic):
                Note(notes, "0.5 * (1 + Tanh(u / 2)) = Sigmoid(u)");
                return logistic;
            case Product { Factors.Count: 2 } half when half.Factors[0] is Constant { Value: 0.5 } && half.Factors[1] is Sum inner && TryTanhLogistic(Halve(inner), out var logistic2):
                Note(notes, "0.5 * (1 + Tanh(u / 2)) = Sigmoid(u)");
                return logistic2;

            // Max(u, 0) + Softplus(-|u|) = Softplus(u): the stable softplus people write by hand is softplus.
            case Sum s when TryStableSoftplus(s, out var softplus):
                Note(notes, "Max(u, 0) + Log(1 + Exp(-Abs(u))) = Softplus(u)");
                return softplus;

            // Sigmoid(-u) = 1 - Sigmoid(u)
            case Call { Function: MathFunction.Sigmoid } sig when IsNegated(sig.Arguments[0], out var positive):
                Note(notes, "Sigmoid(-u) = 1 - Sigmoid(u)");
                return Ex.Sub(Ex.One, Ex.Call(MathFunction.Sigmoid, positive));

            // Not rewritten: Softplus(-u) = Softplus(u) - u cancels catastrophically for large u (a tiny loss
            // would lose its relative precision), so the stable y·Softplus(-z) + (1 - y)·Softplus(z) form is kept.

            case Call { Function: MathFunction.Log } log:
                return RewriteLog(log.Arguments[0], notes) ?? e;
        }

        return e;
    }

    private static bool TryStableSoftplus(Sum s, out Expr result)
    {
        result = s;
        for (var i = 0; i < s.Terms.Count; i++)
        {
            if (s.Terms[i] is not Conditional c || Extremum.Of(c) is not { Name: "Max" } max)
            {
                continue;
            }

            var u = max.Arguments[1] is Constant { Value: 0.0 } ? max.Arguments[0] : max.Arguments[0] is Constant { Value: 0.0 } ? max.Arguments[1] : null;
            if (u is null)
            {
                continue;
            }

            var tail = Ex.Call(MathFunction.Softplus, Ex.Neg(Ex.Call(MathFunction.Abs, u)));
            var j = IndexOf(s.Terms, tail);
            if (j < 0)
            {
                continue;
            }

            var terms = new List<Expr>();
            for (var k = 0; k < s.Terms.Count; k++)
            {
                if (k != i && k != j)
                {
                    terms.Add(s.Terms[k]);
                }
            }

            terms.Add(Ex.Call(MathFunction.Softplus, u));
            result = Ex.Add(terms);
            return true;
        }

        return false;
    }

    private static int IndexOf(IReadOnlyList<Expr> terms, Expr term)
    {
        for (var i = 0; i < terms.Count; i++)
        {
            if (terms[i].Equals(term))
            {
                return i;
            }
        }

        return -1;
    }

    private static Expr? RewriteLog(Expr x, ICollection<string>? notes)
    {
        // Log(1 + Exp(u)) = Softplus(u), which does not overflow for large u.
        if (IsOnePlusExp(x, out var u))
        {
            Note(notes, "Log(1 + Exp(u)) = Softplus(u)");
            return Ex.Call(MathFunction.Softplus, u);
        }

        // Log(Sigmoid(u)) = -Softplus(-u)
        if (x is Call { Function: MathFunction.Sigmoid } sig)
        {
            Note(notes, "Log(Sigmoid(u)) = -Softplus(-u)");
            return Ex.Neg(Ex.Call(MathFunction.Softplus, Ex.Neg(sig.Arguments[0])));
        }

        // Log(1 - Sigmoid(u)) = -Softplus(u)
        if (IsConstantPlus(x, 1.0, out var other) && other is Product { Factors.Count: 2 } neg
            && neg.Factors[0] is Constant { Value: -1.0 } && neg.Factors[1] is Call { Function: MathFunction.Sigmoid } sig2)
        {
            Note(notes, "Log(1 - Sigmoid(u)) = -Softplus(u)");
            return Ex.Neg(Ex.Call(MathFunction.Softplus, sig2.Arguments[0]));
        }

        // Log(Exp(a) + Exp(b)) = a + Softplus(b - a): the log-sum-exp of two terms, which overflows for neither large a nor
        // large b, and whose derivative σ(a - b) is smooth (a Max-based form would take a kink's convention at a = b, where
        // equal logits are common).
        if (x is Sum { Terms.Count: 2 } pair && pair.Terms[0] is Call { Function: MathFunction.Exp } first && pair.Terms[1] is Call { Function: MathFunction.Exp } second)
        {
            Note(notes, "Log(Exp(a) + Exp(b)) = a + Softplus(b - a)");
            return Ex.Add(first.Arguments[0], Ex.Call(MathFunction.Softplus, Ex.Sub(second.Arguments[0], first.Arguments[0])));
        }

        // Log(1 + u) = LogP1(u), exact where 1 + u would round (u near 0; 1 - p for a small p).
        if (IsConstantPlus(x, 1.0, out var small) && small is not Constant)
        {
            Note(notes, "Log(1 + u) = LogP1(u)");
            return Ex.Call(MathFunction.LogP1, small);
        }

        // Log(c * Exp(p)) = Log(c) + p
        if (x is Product p)
        {
            var rest = new List<Expr>();
            var exponents = new List<Expr>();
            foreach (var f in p.Factors)
            {
                if (f is Call { Function: MathFunction.Exp } exp)
                {
                    exponents.Add(exp.Arguments[0]);
                }
                else
                {
                    rest.Add(f);
                }
            }

            if (exponents.Count > 0)
            {
                Note(notes, "Log(c * Exp(p)) = Log(c) + p");
                exponents.Add(Ex.Call(MathFunction.Log, Ex.Mul(rest)));
                return Ex.Add(exponents);
            }
        }

        return null;
    }

    private static bool IsOnePlusExp(Expr e, out Expr argument)
    {
        argument = Ex.Zero;
        if (IsConstantPlus(e, 1.0, out var other) && other is Call { Function: MathFunction.Exp } exp)
        {
            argument = exp.Arguments[0];
            return true;
        }

        return false;
    }

    /// <summary>True when <paramref name="e"/> is <paramref name="constant"/> + <paramref name="other"/> (a two-term sum).</summary>
    private static bool IsConstantPlus(Expr e, double constant, out Expr other)
    {
        other = e;
        if (e is Sum { Terms.Count: 2 } s)
        {
            for (var i = 0; i < 2; i++)
            {
                if (s.Terms[i] is Constant c && c.Value == constant)
                {
                    other = s.Terms[1 - i];
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsNegated(Expr e, out Expr positive)
    {
        positive = e;
        if (e is Product p && p.Coefficient < 0)
        {
            positive = Ex.Neg(e);
            return true;
        }

        return false;
    }

    private static bool TryLogisticQuotient(Product p, out Expr replaced)
    {
        replaced = p;
        for (var i = 0; i < p.Factors.Count; i++)
        {
            if (p.Factors[i] is Power { Exponent: Constant { Value: -1.0 } } pw && IsOnePlusExp(pw.Base, out var u))
            {
                var numerator = Ex.Call(MathFunction.Exp, u);
                for (var j = 0; j < p.Factors.Count; j++)
                {
                    if (j != i && p.Factors[j].Equals(numerator))
                    {
                        var others = new List<Expr> { Ex.Call(MathFunction.Sigmoid, u) };
                        for (var k = 0; k < p.Factors.Count; k++)
                        {
                            if (k != i && k != j)
                            {
                                others.Add(p.Factors[k]);
                            }
                        }

                        replaced = Ex.Mul(others);
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool TryTanhLogistic(Sum? s, out Expr logistic)
    {
        logistic = Ex.Zero;
        if (s != null && IsConstantPlus(s, 0.5, out var other) && other is Product { Factors.Count: 2 } half
            && half.Factors[0] is Constant { Value: 0.5 } && half.Factors[1] is Call { Function: MathFunction.Tanh } tanh)
        {
            logistic = Ex.Call(MathFunction.Sigmoid, Ex.Mul(Ex.Const(2.0), tanh.Arguments[0]));
            return true;
        }

        return false;
    }

    private static Sum? Halve(Sum s)
    {
        var terms = new Expr[s.Terms.Count];
        for (var i = 0; i < terms.Length; i++)
        {
            terms[i] = Ex.Mul(Ex.Const(0.5), s.Terms[i]);
        }

        return Ex.Add(terms) as Sum;
    }

    private static void Note(ICollection<string>? notes, string identity)
    {
        if (notes != null && !notes.Contains(identity))
        {
            notes.Add(identity);
        }
    }

    /// <summary>Chooses the cheapest of: as is, expanded, factored (and the branches of conditionals separately).</summary>
    private static Expr ChooseForm(Expr e, ICollection<string>? notes)
    {
        if (e is Conditional c)
        {
            return Ex.Cond(c.Predicate, ChooseForm(c.Then, notes), ChooseForm(c.Else, notes));
        }

        var best = e;
        var bestCost = Cost(e);
        var expanded = Expand(e);
        if (expanded != null)
        {
            var expandedCost = Cost(expanded);
            if (expandedCost < bestCost)
            {
                best = expanded;
                bestCost = expandedCost;
            }

            var refactored = FactorCommon(expanded);
            if (Cost(refactored) < bestCost)
            {
                best = refactored;
                bestCost = Cost(refactored);
            }
        }

        var factored = FactorCommon(e);
        if (Cost(factored) < bestCost)
        {
            best = factored;
        }

        if (!best.Equals(e))
        {
            Note(notes, "expanded, collected like terms and factored");
        }

        return best;
    }

    /// <summary>Distributes products over sums (and small integer powers of sums), bounded in size; null when too large.</summary>
    public static Expr? Expand(Expr e)
    {
        var terms = ExpandToTerms(e);
        return terms is null ? null : Ex.Add(terms);
    }

    private static List<Expr>? ExpandToTerms(Expr e)
    {
        switch (e)
        {
            case Sum s:
                var all = new List<Expr>();
                foreach (var t in s.Terms)
                {
                    var sub = ExpandToTerms(t);
                    if (sub is null)
                    {
                        return null;
                    }

                    all.AddRange(sub);
                    if (all.Count > ExpansionLimit)
                    {
                        return null;
                    }
                }

                return all;
            case Product p:
                var acc = new List<Expr> { Ex.One };
                foreach (var f in p.Factors)
                {
                    var sub = ExpandToTerms(f);
                    if (sub is null || acc.Count * sub.Count > ExpansionLimit)
                    {
                        return null;
                    }

                    var next = new List<Expr>(acc.Count * sub.Count);
                    foreach (var a in acc)
                    {
                        foreach (var b in sub)
                        {
                            next.Add(Ex.Mul(a, b));
                        }
                    }

                    acc = next;
                }

                return acc;
            case Power { Exponent: Constant { Value: var n } } pw when pw.Base is Sum && n >= 2 && n <= 3 && Ex.IsInteger(n):
                var factors = new Expr[(int)n];
                for (var i = 0; i < factors.Length; i++)
                {
                    factors[i] = pw.Base;
                }

                return ExpandToTerms(new Product(factors));
            default:
                return new List<Expr> { e };
        }
    }

    /// <summary>a*x + a*y = a*(x + y) for the factors common to every term of a sum.</summary>
    public static Expr FactorCommon(Expr e)
    {
        if (e is not Sum s)
        {
            return e;
        }

        Dictionary<Expr, double>? common = null;
        foreach (var term in s.Terms)
        {
            var powers = PowersOf(term);
            if (common is null)
            {
                common = powers;
                continue;
            }

            var keep = new Dictionary<Expr, double>();
            foreach (var pair in common)
            {
                if (powers.TryGetValue(pair.Key, out var other) && Math.Sign(other) == Math.Sign(pair.Value))
                {
                    keep[pair.Key] = Math.Sign(other) * Math.Min(Math.Abs(other), Math.Abs(pair.Value));
                }
            }

            common = keep;
            if (common.Count == 0)
            {
                return e;
            }
        }

        if (common is null || common.Count == 0)
        {
            return e;
        }

        var commonFactors = new List<Expr>();
        foreach (var pair in common)
        {
            commonFactors.Add(Ex.Pow(pair.Key, Ex.Const(pair.Value)));
        }

        var factor = Ex.Mul(commonFactors);
        var inverse = Ex.Pow(factor, Ex.MinusOne);
        var remaining = new List<Expr>();
        foreach (var term in s.Terms)
        {
            remaining.Add(Ex.Mul(term, inverse));
        }

        return Ex.Mul(factor, FactorCommon(Ex.Add(remaining)));
    }

    private static Dictionary<Expr, double> PowersOf(Expr term)
    {
        var result = new Dictionary<Expr, double>();
        var factors = term is Product p ? p.Factors : (IReadOnlyList<Expr>)new[] { term };
        foreach (var f in factors)
        {
            if (f is Constant)
            {
                continue;
            }

            if (f is Power { Exponent: Constant c } pw && Ex.IsInteger(c.Value))
            {
                result[pw.Base] = c.Value;
            }
            else if (f is not Power)
            {
                result[f] = 1.0;
            }
        }

        return result;
    }

    /// <summary>A rough count of the floating-point work an expression takes, shared subexpressions counted once.</summary>
    public static int Cost(Expr e) => Cost(e, new HashSet<Expr>());

    private static int Cost(Expr e, HashSet<Expr> seen)
    {
        if (e.IsAtom || !seen.Add(e))
        {
            return 0;
        }

        var own = e switch
        {
            Sum s => s.Terms.Count - 1,
            Product p => p.Factors.Count - 1,
            Power { Exponent: Constant { Value: 2.0 or -1.0 or 0.5 } } => 1,
            Power => 8,
            Call => 6,
            UserCall => 10,
            _ => 1,
        };
        foreach (var child in e.Children)
        {
            own += Cost(child, seen);
        }

        return own;
    }
}
