using System.Collections.Generic;
using System.Globalization;

namespace Gradwise.Symbolic;

/// <summary>One value a generated body computes: a local to declare or an out parameter to assign.</summary>
/// <param name="Target">The name assigned.</param>
/// <param name="Value">The math.</param>
/// <param name="Declare">True to declare a new <c>double</c> local, false to assign an existing name.</param>
public sealed record EmitOutput(string Target, Expr Value, bool Declare);

/// <summary>
/// Emits several expressions that share subexpressions as C# statements.
/// <list type="bullet">
/// <item>Every non-trivial node used more than once becomes one local, defined before its first use.</item>
/// <item>Conditionals become <c>if</c>/<c>else</c>: each branch computes only what that branch needs,
/// so a derivative that is undefined on the untaken side (a log of a negative number) is never computed.</item>
/// <item>A call of another [Differentiable] method whose partials are needed is made once, through its
/// <c>WithGradient</c> method, giving the value and the partials together.</item>
/// </list>
/// </summary>
public static class CodeEmitter
{
    /// <summary>Nested conditionals deeper than this are written as ?: expressions (still evaluated lazily).</summary>
    public const int MaxBranchDepth = 4;

    /// <summary>The statements, one per line, indented with four spaces per nesting level.</summary>
    /// <param name="outputs">What to compute.</param>
    /// <param name="localPrefix">The prefix of the locals the emitter declares.</param>
    /// <param name="names">Text to write for some leaves instead of their names (an element read through a window: <c>gw_x_row[j]</c> for <c>x[i * d + j]</c>).</param>
    public static List<string> Emit(IReadOnlyList<EmitOutput> outputs, string localPrefix, IReadOnlyDictionary<Expr, string>? names = null)
    {
        var lines = new List<string>();
        var state = new State(localPrefix);
        var inherited = new Dictionary<Expr, string>();
        if (names != null)
        {
            foreach (var pair in names)
            {
                inherited[pair.Key] = pair.Value;
            }
        }

        EmitScope(outputs, inherited, lines, 0, 0, state);
        return lines;
    }

    private sealed class State
    {
        private int next;

        public State(string prefix)
        {
            Prefix = prefix;
        }

        public string Prefix { get; }

        public string NewName() => Prefix + (next++).ToString(CultureInfo.InvariantCulture);
    }

    private static void EmitScope(IReadOnlyList<EmitOutput> outputs, Dictionary<Expr, string> inherited, List<string> lines, int indent, int depth, State state)
    {
        var pad = new string(' ', indent * 4);
        var predicate = depth < MaxBranchDepth ? FirstLiftablePredicate(outputs) : null;
        if (predicate is null)
        {
            EmitStraight(outputs, inherited, lines, pad, state);
            return;
        }

        var whenTrue = Specialize(outputs, predicate, true);
        var whenFalse = Specialize(outputs, predicate, false);

        // What both branches compute unconditionally, and the predicate itself, is computed once, before the if.
        var locals = new Dictionary<Expr, string>(inherited);
        var inTrue = UnconditionalNodes(whenTrue);
        var inFalse = UnconditionalNodes(whenFalse);
        var uses = new Dictionary<Expr, int>();
        foreach (var o in whenTrue)
        {
            CountUses(o.Value, uses, locals);
        }

        foreach (var o in whenFalse)
        {
            CountUses(o.Value, uses, locals);
        }

        CountUses(predicate, uses, locals);
        var shared = new HashSet<Expr>();
        foreach (var node in inTrue)
        {
            if (inFalse.Contains(node))
            {
                shared.Add(node);
            }
        }

        foreach (var node in UnconditionalNodes(new[] { new EmitOutput(string.Empty, predicate, false) }))
        {
            shared.Add(node);
        }

        foreach (var o in whenTrue)
        {
            DefineShared(o.Value, uses, locals, lines, pad, state, n => shared.Contains(n) && !IsCheap(n) && uses.TryGetValue(n, out var c) && c > 1, callsHere: false);
        }

        DefineShared(predicate, uses, locals, lines, pad, state, n => shared.Contains(n) && !IsCheap(n) && uses.TryGetValue(n, out var c) && c > 1, callsHere: false);

        var branchOutputsTrue = new List<EmitOutput>();
        var branchOutputsFalse = new List<EmitOutput>();
        for (var i = 0; i < outputs.Count; i++)
        {
            if (outputs[i].Declare)
            {
                lines.Add(pad + "double " + outputs[i].Target + ";");
            }

            branchOutputsTrue.Add(whenTrue[i] with { Declare = false });
            branchOutputsFalse.Add(whenFalse[i] with { Declare = false });
        }

        lines.Add(pad + "if (" + (locals.TryGetValue(predicate, out var named) ? named : ExprFormatter.Code.Format(predicate, locals)) + ")");
        lines.Add(pad + "{");
        EmitScope(branchOutputsTrue, locals, lines, indent + 1, depth + 1, state);
        lines.Add(pad + "}");
        lines.Add(pad + "else");
        lines.Add(pad + "{");
        EmitScope(branchOutputsFalse, locals, lines, indent + 1, depth + 1, state);
        lines.Add(pad + "}");
    }

    private static void EmitStraight(IReadOnlyList<EmitOutput> outputs, Dictionary<Expr, string> inherited, List<string> lines, string pad, State state)
    {
        var locals = new Dictionary<Expr, string>(inherited);
        var uses = new Dictionary<Expr, int>();
        foreach (var o in outputs)
        {
            CountUses(o.Value, uses, locals);
        }

        foreach (var o in outputs)
        {
            DefineShared(o.Value, uses, locals, lines, pad, state, n => uses.TryGetValue(n, out var c) && c > 1 && !IsCheap(n));
            if (!o.Declare && o.Value is Variable self && (locals.TryGetValue(self, out var written) ? written : self.Name) == o.Target)
            {
                continue; // x = x: nothing changes on this path
            }

            var text = locals.TryGetValue(o.Value, out var local) ? local : ExprFormatter.Code.Format(o.Value, locals);
            lines.Add(pad + (o.Declare ? "double " : string.Empty) + o.Target + " = " + text + ";");
        }
    }

    /// <summary>The first conditional met outside any branch, in output order, depth first.</summary>
    private static Expr? FirstLiftablePredicate(IReadOnlyList<EmitOutput> outputs)
    {
        var seen = new HashSet<Expr>();
        foreach (var o in outputs)
        {
            var found = FindConditional(o.Value, seen);
            if (found != null)
            {
                return found;
            }
        }

        return null;
    }

    private static Expr? FindConditional(Expr e, HashSet<Expr> seen)
    {
        if (e.IsAtom || !seen.Add(e))
        {
            return null;
        }

        if (e is Conditional c)
        {
            // Conditions inside the predicate come first (they are evaluated first).
            return FindConditional(c.Predicate, seen) ?? c.Predicate;
        }

        foreach (var child in e.Children)
        {
            var found = FindConditional(child, seen);
            if (found != null)
            {
                return found;
            }
        }

        return null;
    }

    private static List<EmitOutput> Specialize(IReadOnlyList<EmitOutput> outputs, Expr predicate, bool truth)
    {
        var memo = new Dictionary<Expr, Expr>();
        var result = new List<EmitOutput>(outputs.Count);
        foreach (var o in outputs)
        {
            result.Add(o with { Value = Specialize(o.Value, predicate, truth, memo) });
        }

        return result;
    }

    private static Expr Specialize(Expr e, Expr predicate, bool truth, Dictionary<Expr, Expr> memo)
    {
        if (e.Equals(predicate))
        {
            return Ex.Truth(truth);
        }

        if (e.IsAtom)
        {
            return e;
        }

        if (memo.TryGetValue(e, out var done))
        {
            return done;
        }

        Expr result;
        if (e is Conditional c && c.Predicate.Equals(predicate))
        {
            result = Specialize(truth ? c.Then : c.Else, predicate, truth, memo);
        }
        else
        {
            var children = new Expr[e.Children.Count];
            var changed = false;
            for (var i = 0; i < children.Length; i++)
            {
                children[i] = Specialize(e.Children[i], predicate, truth, memo);
                changed |= !ReferenceEquals(children[i], e.Children[i]);
            }

            result = changed ? Simplifier.Rebuild(e, children) : e;
        }

        memo[e] = result;
        return result;
    }

    /// <summary>Nodes evaluated whatever happens: not inside a conditional's branches.</summary>
    private static HashSet<Expr> UnconditionalNodes(IReadOnlyList<EmitOutput> outputs)
    {
        var nodes = new HashSet<Expr>();
        void Walk(Expr e)
        {
            if (e.IsAtom || !nodes.Add(e))
            {
                return;
            }

            if (e is Conditional c)
            {
                Walk(c.Predicate);
                return;
            }

            foreach (var child in e.Children)
            {
                Walk(child);
            }
        }

        foreach (var o in outputs)
        {
            Walk(o.Value);
        }

        return nodes;
    }

    private static void CountUses(Expr e, Dictionary<Expr, int> uses, Dictionary<Expr, string> locals)
    {
        if (e.IsAtom || locals.ContainsKey(e))
        {
            return;
        }

        if (uses.TryGetValue(e, out var n))
        {
            uses[e] = n + 1;
            return;
        }

        uses[e] = 1;
        if (e is Conditional c)
        {
            // Branch contents are written inline and evaluated lazily; only the predicate is shared.
            CountUses(c.Predicate, uses, locals);
            return;
        }

        foreach (var child in e.Children)
        {
            CountUses(child, uses, locals);
        }

        // A square of a compound base is written as t * t, so its base is used twice.
        if (e is Power { Exponent: Constant { Value: 2.0 } } square && uses.ContainsKey(square.Base))
        {
            uses[square.Base] = uses[square.Base] + 1;
        }
    }

    private static void DefineShared(Expr e, Dictionary<Expr, int> uses, Dictionary<Expr, string> locals, List<string> lines, string pad, State state, System.Func<Expr, bool> share, bool callsHere = true)
    {
        if (e.IsAtom || locals.ContainsKey(e))
        {
            return;
        }

        if (e is Conditional c)
        {
            DefineShared(c.Predicate, uses, locals, lines, pad, state, share, callsHere);
            return;
        }

        foreach (var child in e.Children)
        {
            DefineShared(child, uses, locals, lines, pad, state, share, callsHere);
        }

        // A call whose partials are needed here is made once, with its gradient; before an if, only what both branches need.
        if (e is UserCall user && (share(e) || (callsHere && (user.Partial >= 0 || AnyPartialUsed(user.ValueCall, uses)))))
        {
            DefineCall(user.ValueCall, uses, locals, lines, pad, state);
            return;
        }

        // Softplus(u) and Sigmoid(u) together (a log-loss and its gradient) share one exponential; with Softplus(-u)
        // as well (the log-loss's other term), one logarithm too.
        if (callsHere && e is Call { Function: MathFunction.Softplus or MathFunction.Sigmoid } fn && !locals.ContainsKey(e))
        {
            var softplus = Ex.Call(MathFunction.Softplus, fn.Arguments[0]);
            var sigmoid = Ex.Call(MathFunction.Sigmoid, fn.Arguments[0]);
            if (SoftplusPairArgument(fn, uses, locals) is { } u)
            {
                var name = state.NewName();
                var argument = locals.TryGetValue(u, out var a) ? a : ExprFormatter.Code.Format(u, locals);
                lines.Add(pad + "double " + name + " = " + ExprFormatter.RuntimeHelper + ".SoftplusPair(" + argument + ", out double " + name + "_negative, out double " + name + "_sigmoid);");
                locals[Ex.Call(MathFunction.Softplus, u)] = name;
                locals[Ex.Call(MathFunction.Softplus, Ex.Neg(u))] = name + "_negative";
                locals[Ex.Call(MathFunction.Sigmoid, u)] = name + "_sigmoid";
                return;
            }

            if (uses.ContainsKey(softplus) && uses.ContainsKey(sigmoid) && !locals.ContainsKey(softplus) && !locals.ContainsKey(sigmoid))
            {
                var name = state.NewName();
                var argument = locals.TryGetValue(fn.Arguments[0], out var a) ? a : ExprFormatter.Code.Format(fn.Arguments[0], locals);
                lines.Add(pad + "double " + name + " = " + ExprFormatter.RuntimeHelper + ".SoftplusWithSigmoid(" + argument + ", out double " + name + "_sigmoid);");
                locals[softplus] = name;
                locals[sigmoid] = name + "_sigmoid";
                return;
            }
        }

        if (share(e))
        {
            var name = state.NewName();
            var type = e is Compare or Logical ? "bool " : "double ";
            lines.Add(pad + type + name + " = " + ExprFormatter.Code.Format(e, locals) + ";");
            locals[e] = name;
        }
    }

    /// <summary>One call for the value and every partial of it this scope needs.</summary>
    /// <summary>
    /// The u for which Softplus(u) and Softplus(-u) are both used, with <paramref name="fn"/> one of them or Sigmoid(u), none
    /// named yet; the orientation whose sigmoid is used, when one is. Null when the pair does not occur.
    /// </summary>
    private static Expr? SoftplusPairArgument(Call fn, Dictionary<Expr, int> uses, Dictionary<Expr, string> locals)
    {
        var v = fn.Arguments[0];
        Expr? found = null;
        foreach (var u in new[] { v, Ex.Neg(v) })
        {
            var softplus = Ex.Call(MathFunction.Softplus, u);
            var mirrored = Ex.Call(MathFunction.Softplus, Ex.Neg(u));
            var sigmoid = Ex.Call(MathFunction.Sigmoid, u);
            if (!uses.ContainsKey(softplus) || !uses.ContainsKey(mirrored) || locals.ContainsKey(softplus) || locals.ContainsKey(mirrored) || locals.ContainsKey(sigmoid)
                || !(fn.Equals(softplus) || fn.Equals(mirrored) || fn.Equals(sigmoid)))
            {
                continue;
            }

            if (uses.ContainsKey(sigmoid))
            {
                return u;
            }

            found ??= u;
        }

        return found;
    }

    private static void DefineCall(UserCall call, Dictionary<Expr, int> uses, Dictionary<Expr, string> locals, List<string> lines, string pad, State state)
    {
        if (locals.ContainsKey(call))
        {
            return;
        }

        var name = state.NewName();
        var args = new List<string>();
        foreach (var a in call.Arguments)
        {
            args.Add(locals.TryGetValue(a, out var argument) ? argument : ExprFormatter.Code.Format(a, locals));
        }

        if (!AnyPartialUsed(call, uses))
        {
            lines.Add(pad + "double " + name + " = " + call.Function.Target + "(" + string.Join(", ", args) + ");");
            locals[call] = name;
            return;
        }

        for (var i = 0; i < call.Arguments.Count; i++)
        {
            if (call.Function.HasGradient[i])
            {
                var partialName = name + "_d" + i.ToString(CultureInfo.InvariantCulture);
                args.Add("out double " + partialName);
                locals[Ex.UserCall(call.Function, i, Copy(call.Arguments))] = partialName;
            }
        }

        lines.Add(pad + "double " + name + " = " + call.Function.Target + "WithGradient(" + string.Join(", ", args) + ");");
        locals[call] = name;
    }

    private static bool AnyPartialUsed(UserCall call, Dictionary<Expr, int> uses)
    {
        for (var i = 0; i < call.Arguments.Count; i++)
        {
            if (call.Function.HasGradient[i] && uses.ContainsKey(Ex.UserCall(call.Function, i, Copy(call.Arguments))))
            {
                return true;
            }
        }

        return false;
    }

    private static Expr[] Copy(IReadOnlyList<Expr> list)
    {
        var array = new Expr[list.Count];
        for (var i = 0; i < array.Length; i++)
        {
            array[i] = list[i];
        }

        return array;
    }

    /// <summary>-x, c·x and 1/b (written as a division where it is used) cost nothing to repeat.</summary>
    private static bool IsCheap(Expr e) =>
        (e is Product { Factors.Count: 2 } p && p.Factors[0] is Constant && p.Factors[1].IsAtom)
        || e is Power { Exponent: Constant { Value: < 0 } };
}
