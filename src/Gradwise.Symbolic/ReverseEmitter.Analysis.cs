using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Gradwise.Symbolic;

// Activity, stability and the local derivatives of each statement (its plan).
public static partial class ReverseEmitter
{
    private sealed partial class Emission
    {
        private void FindActivity()
        {
            bool changed;
            do
            {
                changed = false;
                foreach (var statement in All(procedure.Body))
                {
                    switch (statement)
                    {
                        case AssignStmt assign when !activeLocals.Contains(assign.Target) && HasActiveLeaf(assign.Value):
                            activeLocals.Add(assign.Target);
                            changed = true;
                            break;
                        case StoreStmt store when !activeBuffers.Contains(store.Buffer) && HasActiveLeaf(store.Value):
                            activeBuffers.Add(store.Buffer);
                            changed = true;
                            break;
                        case CallStmt call when !activeLocals.Contains(call.Target) && call.Arguments.Any(IsActive):
                            activeLocals.Add(call.Target);
                            changed = true;
                            break;
                    }
                }
            }
            while (changed);

            // Only what the result depends on needs an adjoint: a value that varies with the parameters
            // but feeds nothing the method returns gets no partials, no tape and no adjoint.
            var useful = new HashSet<string>(Names(procedure.Result));
            do
            {
                changed = false;
                foreach (var statement in All(procedure.Body))
                {
                    var read = statement switch
                    {
                        AssignStmt assign when useful.Contains(assign.Target) => Names(assign.Value),
                        StoreStmt store when useful.Contains(store.Buffer) => Names(store.Value),
                        CallStmt call when useful.Contains(call.Target) => call.Arguments.Where(a => a.Scalar != null).SelectMany(a => Names(a.Scalar!)),
                        _ => Enumerable.Empty<string>(),
                    };
                    foreach (var name in read)
                    {
                        changed |= useful.Add(name);
                    }
                }
            }
            while (changed);

            activeLocals.RemoveWhere(local => !useful.Contains(local));
            activeBuffers.RemoveWhere(buffer => !useful.Contains(buffer));
        }

        /// <summary>The locals and buffers an expression depends on differentiably (an element counts as its buffer).</summary>
        private static IEnumerable<string> Names(Expr e) => DifferentiableLeaves(e).Select(leaf => leaf.Root);

        private void FindStableLocals()
        {
            var counts = new Dictionary<string, int>();
            foreach (var statement in All(procedure.Body))
            {
                var target = statement switch
                {
                    AssignStmt assign => assign.Target,
                    CallStmt call => call.Target,
                    _ => null,
                };
                if (target != null)
                {
                    counts[target] = counts.TryGetValue(target, out var c) ? c + 1 : 1;
                }
            }

            foreach (var statement in procedure.Body.Statements)
            {
                if (statement is AssignStmt { Declare: true } assign && counts[assign.Target] == 1)
                {
                    stableLocals.Add(assign.Target);
                }

                if (statement is CallStmt call && counts[call.Target] == 1)
                {
                    stableLocals.Add(call.Target);
                }
            }
        }

        public static IEnumerable<Stmt> All(Block block) => Statements.In(block);

        private bool HasActiveLeaf(Expr e) => DifferentiableLeaves(e).Any(IsActive);

        /// <summary>The leaves a value depends on differentiably: those outside conditions (a condition picks a branch; it has no derivative).</summary>
        private static IEnumerable<Variable> DifferentiableLeaves(Expr e) => e switch
        {
            Variable v => new[] { v },
            Compare or Logical => Enumerable.Empty<Variable>(),
            _ => e.Children.SelectMany(DifferentiableLeaves).Distinct(),
        };

        /// <summary>True when gradient flows into the argument: the callee differentiates it and it depends on what the caller differentiates.</summary>
        private bool IsActive(CallArg argument) =>
            argument.HasGradient && (argument.Scalar is { } scalar ? HasActiveLeaf(scalar) : argument.Array != null && gradients.ContainsKey(argument.Array) && procedure.Arrays.Contains(argument.Array));

        private bool IsActive(Variable leaf) =>
            leaf.IsElement
                ? activeBuffers.Contains(leaf.Array!) || (!bufferNames.Contains(leaf.Array!) && gradients.ContainsKey(leaf.Array!) && procedure.Arrays.Contains(leaf.Array!))
                : IsActive(leaf.Name);

        /// <summary>True when the local or double parameter named <paramref name="name"/> carries an adjoint.</summary>
        private bool IsActive(string name) =>
            activeLocals.Contains(name) || (!localNames.Contains(name) && gradients.ContainsKey(name) && procedure.Scalars.Contains(name));

        /// <summary>True when the leaf holds the same value in the reverse sweep as where the forward sweep read it.</summary>
        private bool IsStable(Variable leaf) =>
            leaf.IsElement ? !bufferNames.Contains(leaf.Array!) : !localNames.Contains(leaf.Name) || stableLocals.Contains(leaf.Name);

        private bool IsStable(Expr e) => Leaves(e).All(IsStable);

        private static IEnumerable<Variable> Leaves(Expr e) => Leaf.In(e);

        /// <summary>The adjoint of a leaf: an element of a gradient span or adjoint buffer (through a window when one is open on it), or a local.</summary>
        private string Adjoint(Variable leaf)
        {
            if (!leaf.IsElement)
            {
                return Adjoint(leaf.Name);
            }

            if (adjointWindows.TryGetValue(leaf, out var windowed))
            {
                return windowed;
            }

            return AdjointArray(leaf.Array!) + IntFormatter.Subscript(leaf.Index!);
        }

        /// <summary>The adjoint of a local or a double parameter.</summary>
        private string Adjoint(string name) => localNames.Contains(name) ? prefix + "d_" + name : gradients[name];

        /// <summary>Where the adjoints of a buffer's or a parameter's elements are: its adjoint buffer, or its gradient span.</summary>
        private string AdjointArray(string array) => bufferNames.Contains(array) ? BufferAdjoint(array) : gradients[array];

        private static string Describe(Plan plan) =>
            plan.Target.Name + " = " + plan.Value + ":  " + string.Join(",  ", plan.Partials.Select(p => "∂/∂" + p.Key.Name + " = " + p.Value));

        /// <summary>A call's line in the derivation: a kernel with its partials per window, or a callee chained through its halves.</summary>
        private string DescribeCall(CallStmt call)
        {
            if (call.Kernel == TensorKernel.None)
            {
                return call.Target + " = " + call.Callee.Replace("global::", string.Empty) + "(...):  chained through its WithGradient, called again in the reverse sweep";
            }

            var windows = call.Arguments.Select(a => a.Span is { Whole: false } w ? w.Array + ".Slice(" + IntFormatter.Format(w.Offset) + ", " + IntFormatter.Format(w.Length) + ")" : a.Array!).ToList();
            var partials = new List<string>();
            var squares = SquaresOneWindow(call);
            if (squares)
            {
                partials.Add("∂/∂" + windows[0] + " = 2 " + windows[0]);
            }

            for (var i = 0; i < windows.Count && !squares; i++)
            {
                if (IsActive(call.Arguments[i]))
                {
                    partials.Add("∂/∂" + windows[i] + " = " + call.Kernel switch
                    {
                        TensorKernel.Dot => windows[1 - i],
                        TensorKernel.Sum => "1",
                        TensorKernel.SumOfSquares => "2 " + windows[i],
                        TensorKernel.Distance => "(" + windows[i] + " − " + windows[1 - i] + ") / " + call.Target + " (0 when " + call.Target + " = 0)",
                        TensorKernel.CosineSimilarity => windows[1 - i] + " / (‖" + windows[0] + "‖ ‖" + windows[1] + "‖) − " + call.Target + " · " + windows[i] + " / ‖" + windows[i] + "‖²",
                        _ => windows[i] + " / " + call.Target + " (0 when " + call.Target + " = 0)",
                    });
                }
            }

            return call.Target + " = TensorPrimitives." + call.Kernel + "(" + string.Join(", ", windows) + "):  " + string.Join(",  ", partials) + "  (added with TensorPrimitives in the reverse sweep)";
        }

        /// <summary>True for <c>Dot(x, x)</c> over one window whose gradient is kept: its adjoint is 2x, added once.</summary>
        private bool SquaresOneWindow(CallStmt call) =>
            call.Kernel == TensorKernel.Dot && call.Arguments[0].Span == call.Arguments[1].Span && IsActive(call.Arguments[0]);

        private string BufferAdjoint(string buffer) => prefix + "d_" + buffer;

        private int IdOf(Stmt statement)
        {
            if (!ids.TryGetValue(statement, out var id))
            {
                id = nextId++;
                ids[statement] = id;
            }

            return id;
        }

        private Plan PlanOf(Stmt statement, Variable target, Expr written)
        {
            if (plans.TryGetValue(statement, out var plan))
            {
                return plan;
            }

            var value = Simplifier.Simplify(written);
            plan = new Plan(IdOf(statement), target, value);
            if (IsActive(target))
            {
                foreach (var leaf in Leaves(value).Where(IsActive).OrderBy(l => l.Name, System.StringComparer.Ordinal))
                {
                    var partial = Simplifier.Simplify(Differentiator.Differentiate(value, leaf.Name));
                    if (partial is Constant { Value: 0.0 })
                    {
                        continue;
                    }

                    plan.Partials.Add(new KeyValuePair<Variable, Expr>(leaf, partial));
                    if (!IsStable(partial) && !plan.FromTape.ContainsKey(partial))
                    {
                        var (kept, rebuild) = WhatToTape(partial);
                        var index = plan.Taped.IndexOf(kept);
                        if (index < 0)
                        {
                            index = plan.Taped.Count;
                            plan.Taped.Add(kept);
                        }

                        plan.FromTape[partial] = (index, rebuild);
                    }
                }
            }

            plans[statement] = plan;
            return plan;
        }

        /// <summary>
        /// The least to keep for a partial that reads overwritten values: for a branch between two
        /// values known in the reverse sweep (the derivative of a max), only which branch was taken;
        /// for a constant times a value (-e and e in a log-sum-exp), only the value. So two partials
        /// that differ by a sign or share a condition keep one number.
        /// </summary>
        private (Expr Kept, System.Func<Expr, Expr> Rebuild) WhatToTape(Expr partial)
        {
            if (partial is Conditional branch && IsStable(branch.Then) && IsStable(branch.Else))
            {
                return (Ex.Cond(branch.Predicate, Ex.One, Ex.Zero), kept => Ex.Cond(Ex.NotEqual(kept, Ex.Zero), branch.Then, branch.Else));
            }

            if (partial is Conditional chain && StableChoices(chain) is { } choices)
            {
                // A chain of branches (a max with its NaN branch: a ≥ b, a < b, neither): which one was taken, 0, 1, 2, ...
                var kept = Ex.Const(choices.Values.Count - 1);
                for (var i = choices.Predicates.Count - 1; i >= 0; i--)
                {
                    kept = Ex.Cond(choices.Predicates[i], Ex.Const(i), kept);
                }

                return (kept, taken =>
                {
                    var value = choices.Values[choices.Values.Count - 1];
                    for (var i = choices.Predicates.Count - 1; i >= 0; i--)
                    {
                        value = Ex.Cond(Ex.Equal(taken, Ex.Const(i)), choices.Values[i], value);
                    }

                    return value;
                });
            }

            if (partial is Product product && product.Factors[0] is Constant coefficient)
            {
                // The factors after the coefficient, as they are: dividing by it instead could leave
                // a coefficient of 1 - 2^-53 (3.8 * (1 / 3.8)), and this would never end.
                var (inner, rebuild) = WhatToTape(Ex.Mul(product.Factors.Skip(1).ToList()));
                return (inner, kept => Ex.Mul(coefficient, rebuild(kept)));
            }

            return (partial, kept => kept);
        }

        /// <summary>The predicates and values of a chain <c>p0 ? v0 : p1 ? v1 : ... : vn</c> whose values are all known in the reverse sweep, or null.</summary>
        private (List<Expr> Predicates, List<Expr> Values)? StableChoices(Conditional chain)
        {
            var predicates = new List<Expr>();
            var values = new List<Expr>();
            Expr rest = chain;
            while (rest is Conditional link)
            {
                if (!IsStable(link.Then))
                {
                    return null;
                }

                predicates.Add(link.Predicate);
                values.Add(link.Then);
                rest = link.Else;
            }

            if (!IsStable(rest))
            {
                return null;
            }

            values.Add(rest);
            return (predicates, values);
        }
    }
}
