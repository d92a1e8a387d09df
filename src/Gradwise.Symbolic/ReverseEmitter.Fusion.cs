using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Gradwise.Symbolic;

// Which top-level loops run each iteration's reverse step right after its forward step (fused), and how.
public static partial class ReverseEmitter
{
    private sealed partial class Emission
    {
        /// <summary>
        /// The top-level loops whose iterations can be reversed right after they run, with the
        /// adjoints of the sums they accumulate (known before the loop). A loop qualifies when
        /// nothing flows from one iteration to the next except sums (<c>loss += ...</c>) that
        /// nothing after the loop reads except the result, and whose adjoint in the result reads
        /// only values known before the loop; no break or continue; and every buffer it writes
        /// is declared inside it or fully overwritten at the start of each iteration. Then the
        /// data a row reads is used twice while it is in cache, and the tape stays one row long.
        /// </summary>
        private Dictionary<LoopStmt, List<KeyValuePair<string, Expr>>> FindFusedLoops()
        {
            var fused = new Dictionary<LoopStmt, List<KeyValuePair<string, Expr>>>();
            var body = procedure.Body.Statements;
            for (var p = 0; p < body.Count; p++)
            {
                if (body[p] is LoopStmt loop && SeedsIfFusable(loop, p) is { } seeds)
                {
                    fused[loop] = seeds;
                }
            }

            return fused;
        }

        private List<KeyValuePair<string, Expr>>? SeedsIfFusable(LoopStmt loop, int position)
        {
            var inside = All(loop.Body).ToList();
            if (loop.HasBreak || inside.Any(s => s is JumpStmt) && JumpsToThisLoop(loop.Body))
            {
                return null;
            }

            var declaredInside = new HashSet<string>(NamesBoundIn(loop.Body, assigned: false));

            // An int from outside that the loop changes would be restored by each iteration's reverse step before the next one ran.
            if (inside.Any(s => s is IntAssignStmt a && !declaredInside.Contains(a.Name)))
            {
                return null;
            }

            // Locals from outside that the loop changes: sums only, read by nothing else in the loop.
            var accumulators = new HashSet<string>();
            foreach (var assign in inside.OfType<AssignStmt>())
            {
                if (declaredInside.Contains(assign.Target) || !activeLocals.Contains(assign.Target))
                {
                    continue;
                }

                var plan = PlanOf(assign, Ex.Var(assign.Target), assign.Value);
                var self = plan.Partials.FirstOrDefault(pair => pair.Key.Equals(plan.Target)).Value;
                if (self is not Constant { Value: 1.0 })
                {
                    return null;
                }

                accumulators.Add(assign.Target);
            }

            foreach (var statement in inside)
            {
                var read = ReadsOf(statement);
                var target = (statement as AssignStmt)?.Target;
                if (read.Any(r => accumulators.Contains(r) && r != target))
                {
                    return null;
                }
            }

            // Buffers from outside that the loop writes: overwritten whole at the start of each iteration.
            foreach (var store in inside.OfType<StoreStmt>())
            {
                if (!declaredInside.Contains(store.Buffer) && activeBuffers.Contains(store.Buffer) && !IsOverwrittenFirst(loop, store.Buffer, position))
                {
                    return null;
                }
            }

            // Nothing after the loop reads the sums, and their adjoints in the result are known before it.
            var later = procedure.Body.Statements.Skip(position + 1).SelectMany(s => All(Block.Of(new[] { s }))).ToList();
            if (later.Any(s => ReadsOf(s).Any(accumulators.Contains)))
            {
                return null;
            }

            // Nor does anything after it change what the loop reads: the loop's adjoints would land on a value already replaced.
            var readInside = new HashSet<string>(inside.SelectMany(ReadsOf));
            if (later.Any(s => s is AssignStmt a && readInside.Contains(a.Target) || s is StoreStmt st && readInside.Contains(st.Buffer)))
            {
                return null;
            }

            var known = KnownBefore(position);
            var result = Simplifier.Simplify(procedure.Result);
            var seeds = new List<KeyValuePair<string, Expr>>();
            foreach (var accumulator in accumulators.OrderBy(a => a, System.StringComparer.Ordinal))
            {
                var seed = Simplifier.Simplify(Differentiator.Differentiate(result, accumulator));
                if (!Leaves(seed).All(known))
                {
                    return null;
                }

                seeds.Add(new KeyValuePair<string, Expr>(accumulator, seed));
            }

            return seeds;
        }

        /// <summary>
        /// The names the statements of <paramref name="body"/> declare: locals, call results, buffers,
        /// ints, loop counters; with <paramref name="assigned"/>, also every local assigned and every buffer stored into.
        /// </summary>
        private static IEnumerable<string> NamesBoundIn(Block body, bool assigned) =>
            All(body).Select(s => s switch
            {
                AssignStmt a when a.Declare || assigned => a.Target,
                StoreStmt st when assigned => st.Buffer,
                CallStmt c => c.Target,
                BufferStmt b => b.Name,
                IntStmt i => i.Name,
                IntAssignStmt i when assigned => i.Name,
                LoopStmt l => l.Variable,
                _ => null,
            }).Where(n => n != null).Select(n => n!);

        private static bool JumpsToThisLoop(Block body) =>
            body.Statements.Any(s => s switch
            {
                JumpStmt => true,
                IfStmt i => JumpsToThisLoop(i.Then) || JumpsToThisLoop(i.Else),
                _ => false,
            });

        /// <summary>What a statement reads (its value's, its predicate's or its arguments' leaves), as locals, parameters and buffers (an element counts as its array).</summary>
        private static IEnumerable<string> ReadsOf(Stmt statement) => statement switch
        {
            AssignStmt a => Roots(a.Value),
            StoreStmt s => Roots(s.Value),
            IfStmt i => Roots(i.Predicate),
            WhileStmt w => Roots(w.Condition),
            CallStmt c => c.Arguments.SelectMany(a => a.Scalar is { } e ? Roots(e) : a.Array is { } array ? new[] { array } : Enumerable.Empty<string>()),
            _ => Enumerable.Empty<string>(),
        };

        private static IEnumerable<string> Roots(Expr e) => Leaves(e).Select(leaf => leaf.Root);

        /// <summary>
        /// True when the loop's body starts (before any read of the buffer) with a loop over its
        /// whole length that stores every element: <c>for (c = 0; c &lt; length; c++) { ... buffer[c] = ...; }</c>;
        /// and nothing outside the loop reads it.
        /// </summary>
        private bool IsOverwrittenFirst(LoopStmt loop, string buffer, int position)
        {
            var length = procedure.Buffers.First(b => b.Name == buffer).Length;
            foreach (var statement in loop.Body.Statements.SelectMany<Stmt, Stmt>(s => s is TensorStmt tensor ? tensor.Expanded.Statements : new[] { s }))
            {
                if (statement is LoopStmt { Start: IntConstant { Value: 0 }, Step: 1, Inclusive: false } writer && writer.End == length)
                {
                    // The statements before the writer first reads the buffer (a store's own value included).
                    var stores = writer.Body.Statements.TakeWhile(s => !ReadsOf(s).Contains(buffer));
                    if (stores.Any(s => s is StoreStmt { Index: IntVariable counter } st && st.Buffer == buffer && counter.Name == writer.Variable))
                    {
                        var outside = procedure.Body.Statements.Where((s, i) => i != position).SelectMany(s => All(Block.Of(new[] { s })));
                        return !outside.Any(s => ReadsOf(s).Contains(buffer));
                    }
                }

                if (All(Block.Of(new[] { statement })).Any(s => ReadsOf(s).Contains(buffer) || s is StoreStmt st && st.Buffer == buffer))
                {
                    return false;
                }
            }

            return false;
        }

        /// <summary>Whether a leaf holds its final value before top-level statement <paramref name="position"/> runs.</summary>
        private System.Func<Variable, bool> KnownBefore(int position)
        {
            var before = new HashSet<string>();
            var after = new HashSet<string>();
            var body = procedure.Body.Statements;
            for (var i = 0; i < body.Count; i++)
            {
                var names = (i < position ? before : after);
                switch (body[i])
                {
                    case AssignStmt a:
                        names.Add(a.Target);
                        break;
                    case IntStmt n:
                        names.Add(n.Name);
                        break;
                }

                // An int changed anywhere inside a statement from the loop on (a counter in a later loop) is not known before it.
                if (i >= position)
                {
                    after.UnionWith(All(Block.Of(new[] { body[i] })).OfType<IntAssignStmt>().Select(assign => assign.Name));
                }
            }

            return leaf =>
            {
                if (leaf.IsElement)
                {
                    return !bufferNames.Contains(leaf.Array!);
                }

                if (leaf.IntValue is { } value)
                {
                    return !value.Names().Any(after.Contains);
                }

                if (localNames.Contains(leaf.Name))
                {
                    return stableLocals.Contains(leaf.Name) && before.Contains(leaf.Name);
                }

                return !after.Contains(leaf.Name);
            };
        }

        private void EmitFusedLoop(LoopStmt loop, List<KeyValuePair<string, Expr>> seeds, List<string> lines)
        {
            var outputs = seeds.Select(pair => new EmitOutput(Adjoint(pair.Key), pair.Value, false)).ToList();
            lines.AddRange(CodeEmitter.Emit(outputs, Family("f/" + IdOf(loop), Word(loop.Variable) + "_seed", "_t")));
            lines.Add("// fused: each iteration runs forward, then backward");
            var body = new List<string>();
            foreach (var statement in loop.Body.Statements.Where(st => st is AssignStmt or StoreStmt))
            {
                readInPlace.Add(statement);
            }

            var windows = OpenWindows(loop, "w", forward: true, reverse: true);
            EmitForward(loop.Body, body, 1, new List<string>());
            EmitReverse(loop.Body, body, 1, topLevel: false, redeclareInts: false);
            CloseWindows(windows, body, lines, string.Empty);
            lines.Add(ForwardHeader(loop));
            lines.Add("{");
            lines.AddRange(body);
            lines.Add("}");
        }
    }
}
