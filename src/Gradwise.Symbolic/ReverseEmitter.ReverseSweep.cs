using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Gradwise.Symbolic;

// The reverse sweep: the statements backwards, accumulating adjoints by the chain rule.
public static partial class ReverseEmitter
{
    private sealed partial class Emission
    {
        /// <summary>The value, then the adjoints the result seeds (those of <paramref name="preSeeded"/> were seeded before their fused loops); true when it seeded any.</summary>
        private bool EmitSeeds(List<string> lines, IEnumerable<string> preSeeded)
        {
            var skip = new HashSet<string>(preSeeded);
            var value = Simplifier.Simplify(procedure.Result);
            var outputs = new List<EmitOutput> { new(ValueName, value, true) };
            var targets = new List<string>();
            var readAlways = new HashSet<Variable>(UnconditionalLeaves(value));
            var seeded = 0;
            foreach (var (leaf, partial) in ResultPartials(value).Where(p => !skip.Contains(p.Leaf.Name)))
            {
                var index = seeded++;
                if (partial is Constant constant)
                {
                    AddTo(targets, string.Empty, leaf, ExprFormatter.Code.Format(constant), readAlways);
                    continue;
                }

                var name = Named("r/" + index.ToString(CultureInfo.InvariantCulture), "dresult_d" + Word(leaf));
                outputs.Add(new EmitOutput(name, partial, true));
                AddTo(targets, string.Empty, leaf, name, readAlways);
            }

            lines.AddRange(CodeEmitter.Emit(outputs, Family("r", "result", "_t")));
            lines.AddRange(targets);
            return targets.Count > 0;
        }

        /// <summary>The result's non-zero partials with respect to its active leaves, in name order.</summary>
        private IEnumerable<(Variable Leaf, Expr Partial)> ResultPartials(Expr value)
        {
            foreach (var leaf in Leaves(value).Where(IsActive).OrderBy(l => l.Name, System.StringComparer.Ordinal))
            {
                var partial = Simplifier.Simplify(Differentiator.Differentiate(value, leaf.Name));
                if (partial is not Constant { Value: 0.0 })
                {
                    yield return (leaf, partial);
                }
            }
        }

        private void EmitReverse(Block block, List<string> lines, int indent, bool topLevel, bool redeclareInts = true)
        {
            var pad = new string(' ', indent * 4);
            if (!topLevel && redeclareInts)
            {
                // The reverse body runs in its own scope: recompute the int indices it uses.
                foreach (var statement in block.Statements)
                {
                    if (statement is IntStmt integer && !tapedInts.Contains(integer.Name))
                    {
                        lines.Add(pad + "int " + integer.Name + " = " + IntFormatter.Format(integer.Value) + ";");
                    }
                }
            }

            for (var i = block.Statements.Count - 1; i >= 0; i--)
            {
                var statement = block.Statements[i];
                switch (statement)
                {
                    case AssignStmt assign:
                        EmitReverseAssignment(statement, Ex.Var(assign.Target), assign.Value, lines, pad, firstAndLast: topLevel && assign.Declare);
                        break;
                    case StoreStmt store:
                        EmitReverseAssignment(statement, store.Element, store.Value, lines, pad, firstAndLast: false);
                        break;
                    case IntAssignStmt assign:
                        lines.Add(pad + assign.Name + " = " + (InverseOf(assign) is { } before ? IntFormatter.Format(before) : "(int)" + Tape + ".Pop()") + ";");
                        break;
                    case IntStmt integer when tapedInts.Contains(integer.Name) && repeated.Contains(integer):
                        lines.Add(pad + integer.Name + " = (int)" + Tape + ".Pop();");
                        break;
                    case CallStmt call when activeLocals.Contains(call.Target):
                        EmitReverseCall(call, lines, pad);
                        break;
                    case TensorStmt tensor when tensorPlans.TryGetValue(tensor, out var whole):
                        EmitReverseTensor(tensor, whole, lines, pad);
                        break;
                    case TensorStmt tensor:
                        EmitReverse(tensor.Expanded, lines, indent, topLevel: false, redeclareInts: false);
                        break;
                    case BufferStmt buffer when !topLevel && activeBuffers.Contains(buffer.Name):
                        lines.Add(pad + BufferAdjoint(buffer.Name) + ".Clear();");
                        break;
                    case LoopStmt loop:
                        {
                            var count = Named("m/" + IdOf(loop), Word(loop.Variable) + "_trips_left");
                            if (loop.HasBreak)
                            {
                                lines.Add(pad + "int " + count + " = (int)" + Tape + ".Pop();");
                            }

                            var body = new List<string>();
                            var windows = OpenWindows(loop, "u", forward: false, reverse: true);
                            EmitReverse(loop.Body, body, indent + 1, topLevel: false);
                            if (body.Count == 0)
                            {
                                CloseWindows(windows, body, new List<string>(), pad);
                                break;
                            }

                            CloseWindows(windows, body, lines, pad);
                            lines.Add(pad + (Commutes(loop) ? ForwardHeader(loop) : ReverseHeader(loop, loop.HasBreak ? count : null)));
                            lines.Add(pad + "{");
                            lines.AddRange(body);
                            lines.Add(pad + "}");
                            break;
                        }

                    case WhileStmt loop:
                        {
                            var count = Named("m/" + IdOf(loop), "while_trips_left");
                            lines.Add(pad + "int " + count + " = (int)" + Tape + ".Pop();");
                            var body = new List<string>();
                            EmitReverse(loop.Body, body, indent + 1, topLevel: false);
                            if (body.Count > 0)
                            {
                                lines.Add(pad + "for (; " + count + " > 0; " + count + "--)");
                                lines.Add(pad + "{");
                                lines.AddRange(body);
                                lines.Add(pad + "}");
                            }

                            break;
                        }

                    case IfStmt branch:
                        {
                            var whenTrue = new List<string>();
                            var whenFalse = new List<string>();
                            EmitReverse(branch.Then, whenTrue, indent + 1, topLevel: false);
                            EmitReverse(branch.Else, whenFalse, indent + 1, topLevel: false);
                            var taped = tapedBranches[branch];
                            if (!taped && whenTrue.Count == 0 && whenFalse.Count == 0)
                            {
                                break;
                            }

                            var negate = whenTrue.Count == 0;
                            var condition = taped
                                ? Tape + ".Pop() " + (negate ? "==" : "!=") + " 0.0"
                                : Condition(negate ? Ex.Not(branch.Predicate) : branch.Predicate);
                            if (negate)
                            {
                                (whenTrue, whenFalse) = (whenFalse, whenTrue);
                            }

                            lines.Add(pad + "if (" + condition + ")");
                            lines.Add(pad + "{");
                            lines.AddRange(whenTrue);
                            lines.Add(pad + "}");
                            if (whenFalse.Count > 0)
                            {
                                lines.Add(pad + "else");
                                lines.Add(pad + "{");
                                lines.AddRange(whenFalse);
                                lines.Add(pad + "}");
                            }

                            break;
                        }
                }
            }
        }

        // firstAndLast: a declaration outside loops; nothing before it reads the adjoint it leaves.
        private void EmitReverseAssignment(Stmt statement, Variable target, Expr written, List<string> lines, string pad, bool firstAndLast)
        {
            var plan = PlanOf(statement, target, written);
            if (!IsActive(target))
            {
                return;
            }

            var popped = new string[plan.Taped.Count];
            for (var i = plan.Taped.Count - 1; i >= 0; i--)
            {
                if (readInPlace.Contains(statement))
                {
                    popped[i] = PartialName(plan, statement, i, readBack: false); // still in scope, unchanged
                    continue;
                }

                popped[i] = PartialName(plan, statement, i, readBack: true);
                lines.Add(pad + "double " + popped[i] + " = " + Tape + ".Pop();");
            }

            var adjoint = Adjoint(target);
            var self = plan.Partials.FirstOrDefault(p => p.Key.Equals(target)).Value;
            var isAccumulator = self is Constant { Value: 1.0 };
            if (plan.Partials.All(p => p.Key.Equals(target) && isAccumulator))
            {
                // Nothing flows back. A value assigned again in a loop still starts its next (earlier) instance at zero.
                if (!isAccumulator && !firstAndLast)
                {
                    lines.Add(pad + adjoint + " = 0.0;");
                }

                return;
            }

            string seed;
            if (isAccumulator || firstAndLast)
            {
                seed = adjoint;
            }
            else
            {
                seed = Named("g/" + plan.Id, "d" + StemOf(statement) + "_in");
                lines.Add(pad + "double " + seed + " = " + adjoint + ";");
                lines.Add(pad + adjoint + " = 0.0;");
            }

            var outputs = new List<EmitOutput>();
            var targets = new List<string>();
            var readAlways = new HashSet<Variable>(UnconditionalLeaves(plan.Value));
            foreach (var pair in plan.Partials)
            {
                if (isAccumulator && pair.Key.Equals(target))
                {
                    continue;
                }

                var partial = plan.FromTape.TryGetValue(pair.Value, out var fromTape) ? fromTape.Rebuild(Ex.Var(popped[fromTape.Index])) : pair.Value;
                var contribution = Ex.Mul(Ex.Var(seed), partial);
                if (contribution is Variable v)
                {
                    AddTo(targets, pad, pair.Key, v.Name, readAlways);
                    continue;
                }

                var temp = Named("c/" + plan.Id + "/" + outputs.Count.ToString(CultureInfo.InvariantCulture), "d" + Word(pair.Key) + "_from_" + StemOf(statement));
                outputs.Add(new EmitOutput(temp, contribution, true));
                AddTo(targets, pad, pair.Key, temp, readAlways);
            }

            var emitted = CodeEmitter.Emit(outputs, Family("e/" + plan.Id, "d" + StemOf(statement), "_t"), windowLeaves);
            ReleaseIfUnused("e/" + plan.Id, emitted);
            foreach (var line in emitted)
            {
                lines.Add(pad + line);
            }

            lines.AddRange(targets);
        }

        /// <summary>
        /// <c>adjoint += amount;</c>. For an element the value reads only on some paths (one branch
        /// of a ?:, the right side of &amp;&amp;), the index may be out of range on the others
        /// (<c>j &gt; 0 ? v[j - 1] : 0</c> at j = 0), where the element's contribution is zero: the add is
        /// guarded by the index's range, not by the amount, which is NaN rather than zero when the
        /// adjoint is NaN or infinite (0 · ∞). A windowed element is read at the loop's own counter, in range.
        /// </summary>
        private void AddTo(List<string> lines, string pad, Variable leaf, string amount, HashSet<Variable> readAlways)
        {
            var line = Adjoint(leaf) + " += " + amount + ";";
            if (!leaf.IsElement || readAlways.Contains(leaf) || windowLeaves.ContainsKey(leaf))
            {
                lines.Add(pad + line);
                return;
            }

            var adjoints = AdjointArray(leaf.Array!);
            lines.Add(pad + "if (" + leaf.Index switch
            {
                IntRow position => "(uint)(" + IntFormatter.Format(position.Row) + ") < (uint)" + adjoints + ".Length && (uint)(" + IntFormatter.Format(position.Column) + ") < (uint)" + adjoints + "[" + IntFormatter.Format(position.Row) + "].Length",
                IntGrid cell => "(uint)(" + IntFormatter.Format(cell.Row) + ") < (uint)" + adjoints + ".GetLength(0) && (uint)(" + IntFormatter.Format(cell.Column) + ") < (uint)" + adjoints + ".GetLength(1)",
                _ => "(uint)(" + IntFormatter.Format(leaf.Index!) + ") < (uint)" + adjoints + ".Length",
            } + ")");
            lines.Add(pad + "{");
            lines.Add(pad + "    " + line);
            lines.Add(pad + "}");
        }

        /// <summary>The double arguments whose values a later statement may change: kept on the tape for the second call.</summary>
        private List<CallArg> TapedArguments(CallStmt call) => call.Arguments.Where(a => a.Scalar != null && !IsStable(a.Scalar)).ToList();

        /// <summary>
        /// The reverse of <c>t = f(spans, doubles)</c>: the callee's reverse sweep (<c>fGradwiseReverse</c>), on the same
        /// arguments (doubles that changed since come back from the tape), reading back what its forward sweep kept on the
        /// tape and adding its gradient, times the adjoint of t, straight into the caller's gradient windows.
        /// </summary>
        private void EmitReverseCall(CallStmt call, List<string> lines, string pad)
        {
            var id = IdOf(call);
            var inner = pad + "    ";
            lines.Add(pad + "{");
            var seed = Named("g/" + id, "d" + Word(call.Target) + "_in");
            lines.Add(inner + "double " + seed + " = " + Adjoint(call.Target) + ";");
            lines.Add(inner + Adjoint(call.Target) + " = 0.0;");
            if (call.Kernel != TensorKernel.None)
            {
                EmitReverseKernel(call, seed, lines, inner);
                lines.Add(pad + "}");
                return;
            }

            var taped = TapedArguments(call);
            var values = new Dictionary<CallArg, string>(ByReference<CallArg>.Instance);
            for (var i = taped.Count - 1; i >= 0; i--)
            {
                var name = Named("v/" + id + "/" + i.ToString(CultureInfo.InvariantCulture), Word(call.Target) + "_arg" + i.ToString(CultureInfo.InvariantCulture));
                lines.Add(inner + "double " + name + " = " + Tape + ".Pop();");
                values[taped[i]] = name;
            }

            var arguments = new List<string>();
            var gradientArguments = new List<string>();
            var accumulate = new List<string>();
            var rented = new List<string>();
            for (var i = 0; i < call.Arguments.Count; i++)
            {
                var argument = call.Arguments[i];
                arguments.Add(argument.Scalar is not { } value ? ArgumentCode(argument) : values.TryGetValue(argument, out var v) ? v : Code(value));
                if (!argument.HasGradient)
                {
                    continue;
                }

                var gradient = Named("b/" + id + "/" + i.ToString(CultureInfo.InvariantCulture), "d" + Word(call.Target) + "_darg" + i.ToString(CultureInfo.InvariantCulture));
                if (argument.Scalar is { } scalar)
                {
                    lines.Add(inner + "double " + gradient + " = 0.0;");
                    gradientArguments.Add("ref " + gradient);
                    foreach (var leaf in Leaves(scalar).Where(IsActive))
                    {
                        accumulate.Add(inner + Adjoint(leaf) + " += " + gradient + ";");
                    }

                    continue;
                }

                var span = argument.Span!;
                if (IsActive(argument))
                {
                    // The callee adds into the caller's gradient, over the window its argument reads.
                    gradientArguments.Add(GradientWindow(argument));
                    continue;
                }

                // Nothing of the caller's varies with this argument: the callee's gradient for it goes to scratch.
                var length = IntFormatter.Format(span.Length);
                lines.Add(inner + "double[] " + gradient + " = global::System.Buffers.ArrayPool<double>.Shared.Rent(" + length + ");");
                rented.Add(gradient);
                gradientArguments.Add("new global::System.Span<double>(" + gradient + ", 0, " + length + ")");
            }

            lines.Add(inner + call.Callee + ReverseSuffix + "(" + string.Join(", ", arguments) + ", ref " + Tape + ", " + seed + (gradientArguments.Count > 0 ? ", " + string.Join(", ", gradientArguments) : string.Empty) + ");");
            lines.AddRange(accumulate);
            foreach (var array in rented)
            {
                lines.Add(inner + "global::System.Buffers.ArrayPool<double>.Shared.Return(" + array + ");");
            }

            lines.Add(pad + "}");
        }

        /// <summary>
        /// The reverse of <c>t = TensorPrimitives.R(windows)</c>: the reduction's adjoint, times the seed, added into the
        /// gradient window of each argument that has one, with <c>TensorPrimitives</c> (one vectorized pass per window).
        /// </summary>
        private void EmitReverseKernel(CallStmt call, string seed, List<string> lines, string pad)
        {
            var values = call.Arguments.Select(ArgumentCode).ToList();
            if (call.Kernel == TensorKernel.Distance)
            {
                EmitReverseDistance(call, values, seed, lines, pad);
                return;
            }

            if (call.Kernel == TensorKernel.CosineSimilarity)
            {
                EmitReverseCosine(call, values, seed, lines, pad);
                return;
            }

            for (var i = 0; i < call.Arguments.Count; i++)
            {
                var argument = call.Arguments[i];
                if (!IsActive(argument))
                {
                    continue;
                }

                var gradient = GradientWindow(argument);
                switch (call.Kernel)
                {
                    case TensorKernel.Dot when SquaresOneWindow(call):
                        // Dot(x, x): 2x, added once.
                        lines.Add(pad + Tensors + "MultiplyAdd<double>(" + values[i] + ", 2.0 * " + seed + ", " + gradient + ", " + gradient + ");");
                        i = call.Arguments.Count;
                        break;
                    case TensorKernel.Dot:
                        lines.Add(pad + Tensors + "MultiplyAdd<double>(" + values[1 - i] + ", " + seed + ", " + gradient + ", " + gradient + ");");
                        break;
                    case TensorKernel.Sum:
                        lines.Add(pad + Tensors + "Add<double>(" + gradient + ", " + seed + ", " + gradient + ");");
                        break;
                    case TensorKernel.SumOfSquares:
                        lines.Add(pad + Tensors + "MultiplyAdd<double>(" + values[i] + ", 2.0 * " + seed + ", " + gradient + ", " + gradient + ");");
                        break;
                    case TensorKernel.Norm:
                        var norm = Named("k/" + IdOf(call), Word(call.Target) + "_norm");
                        lines.Add(pad + "double " + norm + " = " + Tensors + "Norm<double>(" + values[i] + ");");
                        lines.Add(pad + "if (" + norm + " > 0.0)");
                        lines.Add(pad + "{");
                        lines.Add(pad + "    " + Tensors + "MultiplyAdd<double>(" + values[i] + ", " + seed + " / " + norm + ", " + gradient + ", " + gradient + ");");
                        lines.Add(pad + "}");
                        break;
                }
            }
        }

        /// <summary>The window of the caller's gradient a span argument's adjoint is added into: the window the argument reads, of its gradient.</summary>
        private string GradientWindow(CallArg argument)
        {
            var span = argument.Span!;
            return SpanCode(gradients[span.Array], span.Whole, span.Offset, span.Length, isArray: false);
        }

        /// <summary>
        /// The reverse of <c>c = TensorPrimitives.CosineSimilarity(x, y)</c>: y / (‖x‖ ‖y‖) − c · x / ‖x‖², times the seed, added into x's
        /// gradient window, and the same with x and y swapped into y's, each as two vectorized passes; the norms and c computed again
        /// (nothing is taped), nothing where either norm is 0 (the value is NaN there).
        /// </summary>
        private void EmitReverseCosine(CallStmt call, List<string> values, string seed, List<string> lines, string pad)
        {
            if (!call.Arguments.Any(IsActive))
            {
                return;
            }

            var id = IdOf(call);
            var norms = new[] { Named("k/" + id, Word(call.Target) + "_xnorm"), Named("k2/" + id, Word(call.Target) + "_ynorm") };
            var cosine = Named("k3/" + id, Word(call.Target) + "_cosine");
            lines.Add(pad + "double " + norms[0] + " = " + Tensors + "Norm<double>(" + values[0] + ");");
            lines.Add(pad + "double " + norms[1] + " = " + Tensors + "Norm<double>(" + values[1] + ");");
            lines.Add(pad + "if (" + norms[0] + " > 0.0 && " + norms[1] + " > 0.0)");
            lines.Add(pad + "{");
            lines.Add(pad + "    double " + cosine + " = " + Tensors + "Dot<double>(" + values[0] + ", " + values[1] + ") / (" + norms[0] + " * " + norms[1] + ");");
            for (var i = 0; i < 2; i++)
            {
                if (IsActive(call.Arguments[i]))
                {
                    var gradient = GradientWindow(call.Arguments[i]);
                    lines.Add(pad + "    " + Tensors + "MultiplyAdd<double>(" + values[1 - i] + ", " + seed + " / (" + norms[0] + " * " + norms[1] + "), " + gradient + ", " + gradient + ");");
                    lines.Add(pad + "    " + Tensors + "MultiplyAdd<double>(" + values[i] + ", -" + seed + " * " + cosine + " / (" + norms[i] + " * " + norms[i] + "), " + gradient + ", " + gradient + ");");
                }
            }

            lines.Add(pad + "}");
        }

        /// <summary>
        /// The reverse of <c>t = TensorPrimitives.Distance(x, y)</c>: (x − y) / t, times the seed, added into x's gradient window and
        /// (y − x) / t into y's, each as two vectorized passes (no buffer for x − y); nothing where t = 0, the subgradient of least norm.
        /// </summary>
        private void EmitReverseDistance(CallStmt call, List<string> values, string seed, List<string> lines, string pad)
        {
            if (!call.Arguments.Any(IsActive))
            {
                return;
            }

            var distance = Named("k/" + IdOf(call), Word(call.Target) + "_distance");
            lines.Add(pad + "double " + distance + " = " + Tensors + "Distance<double>(" + values[0] + ", " + values[1] + ");");
            lines.Add(pad + "if (" + distance + " > 0.0)");
            lines.Add(pad + "{");
            for (var i = 0; i < 2; i++)
            {
                if (IsActive(call.Arguments[i]))
                {
                    var gradient = GradientWindow(call.Arguments[i]);
                    lines.Add(pad + "    " + Tensors + "MultiplyAdd<double>(" + values[i] + ", " + seed + " / " + distance + ", " + gradient + ", " + gradient + ");");
                    lines.Add(pad + "    " + Tensors + "MultiplyAdd<double>(" + values[1 - i] + ", -" + seed + " / " + distance + ", " + gradient + ", " + gradient + ");");
                }
            }

            lines.Add(pad + "}");
        }

        /// <summary>
        /// True when the reverse sweeps of the loop's iterations can run in any order: they read
        /// nothing from the tape, and the only values from outside that the body assigns are sums
        /// (whose adjoint does not change) it does not otherwise read. Such a loop is reversed
        /// counting up, as it was written, which is kinder to caches and prefetchers.
        /// </summary>
        private bool Commutes(LoopStmt loop)
        {
            var inside = All(loop.Body).ToList();
            if (loop.HasBreak || inside.Any(s => s is TensorStmt tensor && tensorPlans.TryGetValue(tensor, out var whole) && (whole.TapedInputs.Count > 0 || whole.TapeOutput))
                || inside.Any(s => s is JumpStmt or StoreStmt or WhileStmt or CallStmt { Kernel: TensorKernel.None } or IntAssignStmt or LoopStmt { HasBreak: true } || (s is IntStmt i && tapedInts.Contains(i.Name))
                || (s is IfStmt && tapedBranches.TryGetValue(s, out var taped) && taped)))
            {
                return false;
            }

            var declaredInside = new HashSet<string>(inside.OfType<AssignStmt>().Where(a => a.Declare).Select(a => a.Target));
            foreach (var assign in inside.OfType<AssignStmt>())
            {
                var plan = PlanOf(assign, Ex.Var(assign.Target), assign.Value);
                if (plan.Taped.Count > 0)
                {
                    return false;
                }

                if (declaredInside.Contains(assign.Target) || !IsActive(assign.Target))
                {
                    continue;
                }

                var self = plan.Partials.FirstOrDefault(p => p.Key.Equals(plan.Target)).Value;
                if (self is not Constant { Value: 1.0 } || inside.Any(s => s != assign && ReadsOf(s).Contains(assign.Target) && !(s is AssignStmt other && other.Target == assign.Target)))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// The header that runs the loop's counter through the values it took, last first. For a step of ±1 the
        /// last value is the bound itself (∓ 1 when the bound is exclusive); for a step s it is start + (n − 1)·s
        /// with n the trip count, (end − start + s − 1) / s (exclusive) or (end − start + s) / s (inclusive),
        /// which is 0 or less when the loop did not run, and then so is the reverse loop. A loop that can break
        /// kept its trip count n on the tape.
        /// </summary>
        private static string ReverseHeader(LoopStmt loop, string? count)
        {
            var v = loop.Variable;
            var step = System.Math.Abs(loop.Step);
            var back = StepText(-loop.Step);
            var test = loop.Step > 0 ? " >= " : " <= ";
            IntExpr first;
            if (count == null && step == 1)
            {
                first = loop.Inclusive ? loop.End : loop.Step > 0 ? IntExpr.Minus(loop.End, IntExpr.One) : IntExpr.Plus(loop.End, IntExpr.One);
            }
            else
            {
                // start ± (n − 1)·s
                var trips = count != null ? IntExpr.Var(count) : TripCount(loop, step);
                var span = Times(IntExpr.Minus(trips, IntExpr.One), step);
                first = loop.Step > 0 ? IntExpr.Plus(loop.Start, span) : IntExpr.Minus(loop.Start, span);
            }

            return "for (int " + v + " = " + IntFormatter.Format(first) + "; " + v + test + IntFormatter.Format(loop.Start) + "; " + v + back + ")";
        }

        /// <summary>How many times a loop with step ±<paramref name="step"/> ran (0 or less when it did not).</summary>
        private static IntExpr TripCount(LoopStmt loop, int step)
        {
            var distance = loop.Step > 0 ? IntExpr.Minus(loop.End, loop.Start) : IntExpr.Minus(loop.Start, loop.End);
            var extra = loop.Inclusive ? step : step - 1;
            var numerator = extra == 0 ? distance : IntExpr.Plus(distance, new IntConstant(extra));
            return IntExpr.Binary(IntOperator.Divide, numerator, new IntConstant(step));
        }

        private static IntExpr Times(IntExpr e, int factor) => factor == 1 ? e : IntExpr.Binary(IntOperator.Multiply, e, new IntConstant(factor));
    }
}
