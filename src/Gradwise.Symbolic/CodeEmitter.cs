using System.Collections.Generic;

namespace Gradwise.Symbolic;

/// <summary>One C# statement of a generated body: <c>double Name = Value;</c> or an assignment.</summary>
/// <param name="Target">The local or out parameter assigned.</param>
/// <param name="Value">The C# expression text.</param>
/// <param name="Declares">True for a new local, false for an assignment to an existing name.</param>
public sealed record EmittedStatement(string Target, string Value, bool Declares);

/// <summary>
/// Emits several expressions that share subexpressions as straight-line C#: every non-trivial
/// node used more than once becomes one local, defined before its first use, so the value and
/// all partials are computed in one pass without relying on the JIT to find common work.
/// </summary>
public static class CodeEmitter
{
    /// <summary>
    /// Emits <paramref name="outputs"/> (target name, expression) in order. Locals are named
    /// <paramref name="localPrefix"/>0, 1, ... in the order they are first needed.
    /// </summary>
    public static IReadOnlyList<EmittedStatement> Emit(IReadOnlyList<KeyValuePair<string, Expr>> outputs, string localPrefix)
    {
        var uses = new Dictionary<Expr, int>();
        foreach (var output in outputs)
        {
            CountUses(output.Value, uses);
        }

        var locals = new Dictionary<Expr, string>();
        var statements = new List<EmittedStatement>();
        foreach (var output in outputs)
        {
            DefineShared(output.Value, uses, locals, statements, localPrefix);
            var text = locals.TryGetValue(output.Value, out var local) ? local : ExprFormatter.Code.Format(output.Value, locals);
            statements.Add(new EmittedStatement(output.Key, text, false));
        }

        return statements;
    }

    private static void CountUses(Expr e, Dictionary<Expr, int> uses)
    {
        if (e.IsAtom)
        {
            return;
        }

        if (uses.TryGetValue(e, out var n))
        {
            uses[e] = n + 1;
            return;
        }

        uses[e] = 1;
        foreach (var child in e.Children)
        {
            CountUses(child, uses);
        }

        // A square of a compound base is written as t * t, so its base is used twice.
        if (e is Power { Exponent: Constant { Value: 2.0 } } square && !square.Base.IsAtom)
        {
            uses[square.Base] = uses[square.Base] + 1;
        }
    }

    private static void DefineShared(Expr e, Dictionary<Expr, int> uses, Dictionary<Expr, string> locals, List<EmittedStatement> statements, string prefix)
    {
        if (e.IsAtom || locals.ContainsKey(e))
        {
            return;
        }

        foreach (var child in e.Children)
        {
            DefineShared(child, uses, locals, statements, prefix);
        }

        if (uses.TryGetValue(e, out var n) && n > 1 && !IsCheap(e))
        {
            var name = prefix + locals.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            statements.Add(new EmittedStatement(name, ExprFormatter.Code.Format(e, locals), true));
            locals[e] = name;
        }
    }

    /// <summary>-x and constants cost nothing to repeat.</summary>
    private static bool IsCheap(Expr e) => e is Product { Factors.Count: 2 } p && p.Factors[0] is Constant && p.Factors[1].IsAtom;
}
