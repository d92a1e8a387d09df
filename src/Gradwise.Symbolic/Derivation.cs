using System.Collections.Generic;

namespace Gradwise.Symbolic;

/// <summary>
/// A partial derivative with the steps that led to it, for the generated doc comments:
/// the function after the identities that make it stable, the derivative of each term with
/// the rule used, and the simplified closed form.
/// </summary>
public sealed class Derivation
{
    private Derivation(Expr function, Expr result, IReadOnlyList<string> steps)
    {
        Function = function;
        Result = result;
        Steps = steps;
    }

    /// <summary>The function as differentiated (after the stabilizing identities).</summary>
    public Expr Function { get; }

    /// <summary>The simplified partial derivative.</summary>
    public Expr Result { get; }

    /// <summary>The steps, each one line of C#-like math with a short reason.</summary>
    public IReadOnlyList<string> Steps { get; }

    /// <summary>Prepares <paramref name="written"/> for differentiation: the identities that make it stable and simple.</summary>
    public static Expr Prepare(Expr written, ICollection<string> notes) => Simplifier.Simplify(written, notes);

    /// <summary>Differentiates <paramref name="function"/> (already prepared) with respect to <paramref name="variable"/>, recording the steps.</summary>
    public static Derivation Of(string name, Expr written, Expr function, IReadOnlyList<string> preparationNotes, string variable)
    {
        var steps = new List<string>();
        if (!function.Equals(written) || preparationNotes.Count > 0)
        {
            steps.Add(name + " = " + function + (preparationNotes.Count > 0 ? "   [" + string.Join("; ", preparationNotes) + "]" : string.Empty));
        }

        var d = "∂/∂" + variable + " ";
        if (function is Sum sum)
        {
            foreach (var term in sum.Terms)
            {
                var dt = Differentiator.Differentiate(term, variable);
                if (dt is Constant { Value: 0.0 })
                {
                    continue;
                }

                steps.Add(d + "(" + term + ") = " + Simplifier.Simplify(dt) + Rule(term, variable));
            }
        }
        else
        {
            var direct = Differentiator.Differentiate(function, variable);
            steps.Add(d + name + " = " + direct + Rule(function, variable));
        }

        var raw = Differentiator.Differentiate(function, variable);
        var notes = new List<string>();
        var result = Simplifier.Simplify(raw, notes);
        steps.Add("∂" + name + "/∂" + variable + " = " + result + (notes.Count > 0 ? "   [" + string.Join("; ", notes) + "]" : "   [sum of the terms]"));
        return new Derivation(function, result, steps);
    }

    private static string Rule(Expr e, string variable)
    {
        switch (e)
        {
            case Product p:
                var dependent = 0;
                foreach (var f in p.Factors)
                {
                    if (Differentiator.DependsOn(f, variable))
                    {
                        dependent++;
                    }
                }

                if (dependent > 1)
                {
                    return "   [product rule]";
                }

                foreach (var f in p.Factors)
                {
                    if (Differentiator.DependsOn(f, variable))
                    {
                        return Rule(f, variable);
                    }
                }

                return string.Empty;
            case Call c:
                var u = Ex.Var("u");
                return "   [chain rule: " + c.Function + "'(u) = " + Differentiator.Derivative(c.Function, u) + "]";
            case Power { Exponent: Constant }:
                return "   [power rule]";
            case Power:
                return "   [d(a^b) = a^b (b' Log(a) + b a' / a)]";
            case Conditional:
                return "   [each branch separately]";
            case UserCall u2:
                return "   [chain rule through ∂" + u2.Function.Name + "]";
            default:
                return string.Empty;
        }
    }
}
