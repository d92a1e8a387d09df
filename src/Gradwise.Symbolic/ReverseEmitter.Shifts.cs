using System.Collections.Generic;
using System.Linq;

namespace Gradwise.Symbolic;

// Shifts the result does not depend on: the max subtracted inside a log-sum-exp.
public static partial class ReverseEmitter
{
    private sealed partial class Emission
    {
        /// <summary>
        /// The locals the result does not depend on at all, though they are computed from the parameters: a shift
        /// <c>m</c> used only as <c>Exp(x - m)</c> summed into accumulators <c>S</c> (which then scale by e^-δ when m
        /// grows by δ) and in values that do not change under that move (<c>Log(S) + m</c>, <c>Exp(x - m) / S</c>).
        /// The gradient through m is exactly zero, so m gets no adjoint, no partials and no tape: the max of a
        /// softmax or a log-sum-exp keeps no branch decisions (JAX's logsumexp detaches its max the same way).
        /// </summary>
        /// <remarks>
        /// For every statement that reads m or some S (other than the sums' own steps) and for the result, the check is
        /// symbolic: ∂V/∂m − Σ S · ∂V/∂S simplifies to 0, the derivative of V along the move (m + δ, S · e^-δ).
        /// A sum's step <c>S = S + E</c> must have ∂E/∂m = −E, and its other assignments must be 0.
        /// </remarks>
        private void DetachShifts()
        {
            foreach (var m in activeLocals.OrderBy(n => n, System.StringComparer.Ordinal).ToList())
            {
                if (IsShiftOnly(m))
                {
                    activeLocals.Remove(m);
                    detached.Add(m);
                }
            }
        }

        private bool IsShiftOnly(string m)
        {
            var statements = All(procedure.Body).ToList();
            if (statements.Any(s => s is CallStmt call && call.Arguments.Any(a => a.Scalar is { } e && Differentiator.DependsOn(e, m))))
            {
                return false;
            }

            // The sums that scale by e^-δ: every step adds a term E with ∂E/∂m = −E; every other value is 0.
            var sums = new HashSet<string>();
            foreach (var name in statements.OfType<AssignStmt>().Where(a => a.Target != m && Differentiator.DependsOn(a.Value, m)).Select(a => a.Target).Distinct())
            {
                if (statements.OfType<AssignStmt>().Where(a => a.Target == name).All(a => IsScaledStep(a, m)))
                {
                    sums.Add(name);
                }
            }

            if (sums.Count == 0)
            {
                return false;
            }

            bool Reads(Expr e) => Differentiator.DependsOn(e, m) || sums.Any(s => Differentiator.DependsOn(e, s));
            foreach (var statement in statements)
            {
                var value = statement switch
                {
                    AssignStmt a when a.Target == m || sums.Contains(a.Target) => null,
                    AssignStmt a => a.Value,
                    StoreStmt s => s.Value,
                    _ => null,
                };
                if (value != null && Reads(value) && !IsInvariant(value, m, sums))
                {
                    return false;
                }
            }

            return !Reads(procedure.Result) || IsInvariant(procedure.Result, m, sums);
        }

        /// <summary><c>S = 0</c>, or <c>S = S + E</c> with E not reading S and ∂E/∂m = −E.</summary>
        private static bool IsScaledStep(AssignStmt step, string m)
        {
            if (step.Value is Constant { Value: 0.0 })
            {
                return true;
            }

            var term = Simplifier.Simplify(Ex.Sub(step.Value, Ex.Var(step.Target)));
            return !Differentiator.DependsOn(term, step.Target)
                && Simplifier.Simplify(Ex.Add(Differentiator.Differentiate(term, m), term)) is Constant { Value: 0.0 };
        }

        /// <summary>∂V/∂m − Σ S · ∂V/∂S is 0: V does not change when m grows and the sums scale with it.</summary>
        private static bool IsInvariant(Expr value, string m, HashSet<string> sums)
        {
            var along = Differentiator.Differentiate(value, m);
            foreach (var sum in sums)
            {
                along = Ex.Sub(along, Ex.Mul(Ex.Var(sum), Differentiator.Differentiate(value, sum)));
            }

            return Simplifier.Simplify(along) is Constant { Value: 0.0 };
        }
    }
}
