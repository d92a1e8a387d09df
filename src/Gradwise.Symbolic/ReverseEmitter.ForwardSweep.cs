using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Gradwise.Symbolic;

// The forward sweep: the method's statements, keeping on the tape what the reverse sweep needs.
public static partial class ReverseEmitter
{
    private sealed partial class Emission
    {
        /// <summary>The forward sweep of <paramref name="block"/> into <paramref name="lines"/>, at <paramref name="indent"/> levels.</summary>
        /// <param name="block">The statements.</param>
        /// <param name="lines">Where the code goes.</param>
        /// <param name="indent">The nesting level.</param>
        /// <param name="pending">Branch decisions to push before a break or continue leaves the enclosing branches (innermost last).</param>
        private void EmitForward(Block block, List<string> lines, int indent, List<string> pending)
        {
            var pad = new string(' ', indent * 4);
            foreach (var statement in block.Statements)
            {
                switch (statement)
                {
                    case AssignStmt assign:
                        EmitForwardAssignment(statement, Ex.Var(assign.Target), assign.Value, assign.Declare, lines, pad);
                        break;
                    case StoreStmt store:
                        EmitForwardAssignment(statement, store.Element, store.Value, false, lines, pad);
                        break;
                    case IntStmt integer when IsHoisted(integer):
                        if (repeated.Contains(integer))
                        {
                            Push(lines, pad, integer.Name);
                        }

                        lines.Add(pad + integer.Name + " = " + IntFormatter.Format(integer.Value) + ";");
                        break;
                    case IntStmt integer:
                        lines.Add(pad + "int " + integer.Name + " = " + IntFormatter.Format(integer.Value) + ";");
                        break;
                    case IntAssignStmt assign:
                        if (InverseOf(assign) is null)
                        {
                            Push(lines, pad, assign.Name);
                        }

                        lines.Add(pad + assign.Name + " = " + IntFormatter.Format(assign.Value) + ";");
                        break;
                    case BufferStmt buffer:
                        var length = IntFormatter.Format(buffer.Length);
                        lines.Add(pad + (buffer.OnStack
                            ? "global::System.Span<double> " + buffer.Name + " = stackalloc double[" + length + "];"
                            : "double[] " + buffer.Name + " = new double[" + length + "];"));
                        break;
                    case CallStmt call:
                        var callArguments = string.Join(", ", call.Arguments.Select(a => a.Scalar is { } scalar ? Code(scalar) : ArgumentCode(a)));
                        if (!activeLocals.Contains(call.Target) || call.Kernel != TensorKernel.None)
                        {
                            lines.Add(pad + "double " + call.Target + " = " + call.Callee + "(" + callArguments + ");");
                        }
                        else
                        {
                            // The callee's forward sweep, keeping on this tape what its reverse sweep reads.
                            usesTape = true;
                            lines.Add(pad + "double " + call.Target + " = " + call.Callee + ForwardSuffix + "(" + callArguments + ", ref " + Tape + ");");
                            foreach (var argument in TapedArguments(call))
                            {
                                Push(lines, pad, Code(argument.Scalar!));
                            }
                        }

                        break;
                    case LoopStmt loop:
                        {
                            var count = Named("n/" + IdOf(loop), Word(loop.Variable) + "_trips");
                            if (loop.HasBreak)
                            {
                                lines.Add(pad + "int " + count + " = 0;");
                            }

                            var body = new List<string>();
                            if (loop.HasBreak)
                            {
                                body.Add(pad + "    " + count + "++;");
                            }

                            var windows = OpenWindows(loop, "w", forward: true, reverse: false);
                            EmitForward(loop.Body, body, indent + 1, new List<string>());
                            CloseWindows(windows, body, lines, pad);
                            lines.Add(pad + ForwardHeader(loop));
                            lines.Add(pad + "{");
                            lines.AddRange(body);
                            lines.Add(pad + "}");
                            if (loop.HasBreak)
                            {
                                Push(lines, pad, count);
                            }

                            break;
                        }

                    case WhileStmt loop:
                        {
                            var count = Named("n/" + IdOf(loop), "while_trips");
                            lines.Add(pad + "int " + count + " = 0;");
                            lines.Add(pad + (loop.ConditionFirst ? "while (" + Condition(loop.Condition) + ")" : "do"));
                            lines.Add(pad + "{");
                            lines.Add(pad + "    " + count + "++;");
                            EmitForward(loop.Body, lines, indent + 1, new List<string>());
                            lines.Add(pad + "}");
                            if (!loop.ConditionFirst)
                            {
                                lines[lines.Count - 1] += " while (" + Condition(loop.Condition) + ");";
                            }

                            Push(lines, pad, count);
                            break;
                        }

                    case IfStmt branch:
                        {
                            // Re-evaluated in the reverse sweep only when it reads what it read here: no overwritten double, no int the branches change.
                            var changedInts = IntsChangedIn(branch.Then);
                            changedInts.UnionWith(IntsChangedIn(branch.Else));
                            var taped = !IsStable(branch.Predicate) || Leaves(branch.Predicate).Any(leaf => leaf.Reads().Any(changedInts.Contains));
                            tapedBranches[branch] = taped;
                            lines.Add(pad + "if (" + Condition(branch.Predicate) + ")");
                            EmitBranch(branch.Then, taped ? "1.0" : null, lines, indent, pending);
                            if (taped || branch.Else.Statements.Count > 0)
                            {
                                lines.Add(pad + "else");
                                EmitBranch(branch.Else, taped ? "0.0" : null, lines, indent, pending);
                            }

                            break;
                        }

                    case TensorStmt tensor when tensorPlans.TryGetValue(tensor, out var whole):
                        EmitForwardTensor(tensor, whole, lines, pad);
                        break;
                    case TensorStmt tensor:
                        EmitForward(tensor.Expanded, lines, indent, pending);
                        break;
                    case JumpStmt jump:
                        for (var i = pending.Count - 1; i >= 0; i--)
                        {
                            Push(lines, pad, pending[i]);
                        }

                        lines.Add(pad + (jump.IsContinue ? "continue;" : "break;"));
                        break;
                }
            }
        }

        private void EmitBranch(Block block, string? decision, List<string> lines, int indent, List<string> pending)
        {
            var pad = new string(' ', indent * 4);
            lines.Add(pad + "{");
            var inner = decision is null ? pending : new List<string>(pending) { decision };
            EmitForward(block, lines, indent + 1, inner);
            var endsInJump = block.Statements.Count > 0 && block.Statements[block.Statements.Count - 1] is JumpStmt;
            if (decision != null && !endsInJump)
            {
                Push(lines, pad + "    ", decision);
            }

            lines.Add(pad + "}");
        }

        private void Push(List<string> lines, string pad, string value)
        {
            usesTape = true;
            lines.Add(pad + Tape + ".Push(" + value + ");");
        }

        private void EmitForwardAssignment(Stmt statement, Variable target, Expr written, bool declare, List<string> lines, string pad)
        {
            var plan = PlanOf(statement, target, written);
            var outputs = new List<EmitOutput>();
            var taped = new List<string>();
            for (var i = 0; i < plan.Taped.Count; i++)
            {
                var name = PartialName(plan, statement, i, readBack: false);
                taped.Add(name);
                outputs.Add(new EmitOutput(name, plan.Taped[i], true));
            }

            outputs.Add(new EmitOutput(Windowed(target), plan.Value, declare));
            var emitted = CodeEmitter.Emit(outputs, Family("s/" + plan.Id, StemOf(statement), "_t"), windowLeaves);
            ReleaseIfUnused("s/" + plan.Id, emitted);
            foreach (var line in emitted)
            {
                lines.Add(pad + line);
            }

            if (!readInPlace.Contains(statement))
            {
                foreach (var name in taped)
                {
                    Push(lines, pad, name);
                }
            }
        }

        private string Condition(Expr predicate) =>
            predicate is Constant constant ? (constant.Value != 0 ? "true" : "false") : Code(predicate);

        /// <summary>An expression as C#, reading elements through the windows open where it is written.</summary>
        private string Code(Expr e) => windowLeaves.TryGetValue(e, out var window) ? window : ExprFormatter.Code.Format(e, windowLeaves);

        /// <summary>An int or span argument of a call as C#: the value, the parameter, or its slice.</summary>
        private static string ArgumentCode(CallArg argument)
        {
            if (argument.Int is { } value)
            {
                return IntFormatter.Format(value);
            }

            var span = argument.Span!;
            return SpanCode(span.Array, span.Whole, span.Offset, span.Length, span.IsArray);
        }

        /// <summary>
        /// A span as C#: <paramref name="span"/> itself when <paramref name="whole"/>, else its window from <paramref name="offset"/>,
        /// <paramref name="length"/> long (<c>AsSpan</c> for an array, <c>Slice</c> for a span).
        /// </summary>
        private static string SpanCode(string span, bool whole, IntExpr offset, IntExpr length, bool isArray)
        {
            if (whole)
            {
                return span;
            }

            var window = IntFormatter.Format(offset) + ", " + IntFormatter.Format(length) + ")";
            return isArray ? "global::System.MemoryExtensions.AsSpan(" + span + ", " + window : span + ".Slice(" + window;
        }

        private static string ForwardHeader(LoopStmt loop)
        {
            var v = loop.Variable;
            var comparison = loop.Step > 0 ? (loop.Inclusive ? " <= " : " < ") : (loop.Inclusive ? " >= " : " > ");
            return "for (int " + v + " = " + IntFormatter.Format(loop.Start) + "; " + v + comparison + IntFormatter.Format(loop.End) + "; " + v + StepText(loop.Step) + ")";
        }

        /// <summary><c>++</c>, <c>--</c>, <c> += 2</c>, <c> -= 3</c>.</summary>
        private static string StepText(int step) => step switch
        {
            1 => "++",
            -1 => "--",
            > 0 => " += " + step.ToString(CultureInfo.InvariantCulture),
            _ => " -= " + (-step).ToString(CultureInfo.InvariantCulture),
        };
    }
}
