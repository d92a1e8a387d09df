using System.Collections.Generic;
using System.Linq;

namespace Gradwise.Symbolic;

// Whole TensorPrimitives operations (TensorStmt), elementwise and reductions over buffers: one call each way, the values their
// adjoints read taken where they are, computed again, or kept on the tape as spans; as the loops they stand for when their adjoint
// would have to be spread over an expression.
public static partial class ReverseEmitter
{
    /// <summary>
    /// How a <see cref="TensorStmt"/> runs whole: where its adjoint finds the values it reads (where they are, computed again, or
    /// kept on the tape), and the scratch spans it needs.
    /// </summary>
    /// <param name="Recompute">True when the output is gone by the reverse sweep and is computed again from the input (still there) into scratch.</param>
    /// <param name="TapeOutput">True when the output is gone by the reverse sweep and so is the input: the output is kept on the tape.</param>
    /// <param name="TapedInputs">The inputs whose values are gone by the reverse sweep and are read: kept on the tape, in this order.</param>
    /// <param name="CopySeed">True when an input is the destination itself: the adjoint of the output is copied out before the inputs' adjoints are added.</param>
    /// <param name="Temporary">True when the adjoint needs a span of its own (1 − y², y·(1 − y), ḡ / x, ḡ − ⟨ḡ, p⟩).</param>
    private sealed record TensorPlan(bool Recompute, bool TapeOutput, IReadOnlyList<int> TapedInputs, bool CopySeed, bool Temporary)
    {
        /// <summary>How many scratch spans the reverse step uses (of an elementwise operation: as long as its destination).</summary>
        public int Scratch => (Recompute ? 1 : 0) + (TapeOutput ? 1 : 0) + TapedInputs.Count + (CopySeed ? 1 : 0) + (Temporary ? 1 : 0);
    }

    private sealed partial class Emission
    {
        private const string Tensors = "global::System.Numerics.Tensors.TensorPrimitives.";

        /// <summary>The plan of each whole operation that runs whole (absent: it runs as its loops).</summary>
        private readonly Dictionary<TensorStmt, TensorPlan> tensorPlans = new(ByReference<TensorStmt>.Instance);

        /// <summary>True in split mode: the reverse sweep is another method, where no local buffer of the forward sweep is in scope.</summary>
        private bool splitMode;

        /// <summary>
        /// Decides, once, how each whole operation runs. The values its adjoint reads (the output, or the inputs) are read where
        /// they are when they are still there in its reverse step: in a parameter, or in a buffer that is in scope there and that
        /// nothing writes between the forward step and the reverse step. That is decided in a region whose reverse steps run after
        /// all of its forward steps, in the same block: the method's body (not in split mode, where the reverse sweep is another
        /// method), or the body of a fused loop. An output that is gone is computed again from its input when that is there, else
        /// kept on the tape; so is an input that is gone.
        /// </summary>
        private void PlanTensors(IReadOnlyCollection<LoopStmt> fused)
        {
            if (!splitMode)
            {
                var topLevel = procedure.Body.Statements.OfType<BufferStmt>().Select(b => b.Name).ToList();
                PlanRegion(procedure.Body, topLevel, fused);
                foreach (var loop in fused)
                {
                    PlanRegion(loop.Body, topLevel, fused);
                }
            }

            // The rest (all of them in split mode): only parameters are still there.
            foreach (var tensor in All(procedure.Body).OfType<TensorStmt>().Where(t => !tensorPlans.ContainsKey(t)).ToList())
            {
                if (PlanOf(tensor, outputKept: false, operand => operand.Span is not { } span || !bufferNames.Contains(span)) is { } plan)
                {
                    tensorPlans[tensor] = plan;
                }
            }
        }

        /// <param name="region">The statements whose reverse steps run, in reverse, after all of their forward steps.</param>
        /// <param name="inScope">The buffers declared outside the region that its reverse steps can read.</param>
        /// <param name="fused">The fused loops, regions of their own.</param>
        private void PlanRegion(Block region, IEnumerable<string> inScope, IReadOnlyCollection<LoopStmt> fused)
        {
            var declared = new HashSet<string>(region.Statements.OfType<BufferStmt>().Select(b => b.Name).Concat(inScope));
            var statements = region.Statements;
            for (var position = 0; position < statements.Count; position++)
            {
                var top = statements[position];
                if (top is LoopStmt loop && fused.Contains(loop, ByReference<LoopStmt>.Instance))
                {
                    continue;
                }

                var inside = All(Block.Of(new[] { top })).ToList();
                if (!inside.OfType<TensorStmt>().Any())
                {
                    continue;
                }

                var later = new HashSet<string>(statements.Skip(position + 1).SelectMany(s => All(Block.Of(new[] { s }))).Select(WrittenBuffer).Where(n => n != null).Select(n => n!));
                foreach (var tensor in inside.OfType<TensorStmt>())
                {
                    var own = new HashSet<Stmt>(All(tensor.Expanded), ByReference<Stmt>.Instance);
                    // Inside a loop here, a later iteration runs before this reverse step: nothing the loop writes is still there.
                    var looped = inside.Any(s => LoopBody(s) is { } body && All(body).Contains(tensor, ByReference<Stmt>.Instance));
                    var at = inside.FindIndex(s => ReferenceEquals(s, tensor));
                    var written = new HashSet<string>(later);
                    written.UnionWith(inside.Where((s, i) => looped || (i > at && !own.Contains(s))).Select(WrittenBuffer).Where(n => n != null).Select(n => n!));
                    bool Kept(TensorOperand operand) =>
                        operand.Span is not { } span || !bufferNames.Contains(span) || (declared.Contains(span) && !written.Contains(span) && span != tensor.Destination);
                    var outputKept = !looped && declared.Contains(tensor.Destination) && !written.Contains(tensor.Destination);
                    if (PlanOf(tensor, outputKept, Kept) is { } plan)
                    {
                        tensorPlans[tensor] = plan;
                    }
                }
            }
        }

        /// <summary>The body of a loop statement, or null.</summary>
        private static Block? LoopBody(Stmt statement) => statement switch
        {
            LoopStmt loop => loop.Body,
            WhileStmt loop => loop.Body,
            _ => null,
        };

        /// <summary>The buffer a statement writes elements of, or null.</summary>
        private static string? WrittenBuffer(Stmt statement) => (statement as StoreStmt)?.Buffer;

        /// <summary>The plan of one whole operation, or null when it runs as its loops.</summary>
        /// <param name="tensor">The operation.</param>
        /// <param name="outputKept">True when the destination still holds the output in the reverse step.</param>
        /// <param name="kept">True for a span input that still holds its value in the reverse step (doubles are decided here).</param>
        private TensorPlan? PlanOf(TensorStmt tensor, bool outputKept, System.Func<TensorOperand, bool> kept)
        {
            var operands = tensor.Operands;
            if (operands.Any(o => o.Scalar is { } scalar && HasActiveLeaf(scalar) && scalar is not Variable { IsElement: false, IntValue: null }))
            {
                return null; // an expression's adjoint is spread over its leaves: the loops do that
            }

            bool Active(int i) => operands[i].Scalar is { } s ? HasActiveLeaf(s) : IsActive(Ex.Element(operands[i].Span!, IntExpr.Zero));
            var taped = new List<int>();
            bool Read(int j)
            {
                if (operands[j].Scalar is { } scalar)
                {
                    return IsStable(scalar);
                }

                if (!kept(operands[j]) && !taped.Contains(j))
                {
                    taped.Add(j);
                }

                return true;
            }

            var recompute = false;
            var tapeOutput = false;
            switch (tensor.Operation)
            {
                case TensorMap.Dot when operands[0] == operands[1]:
                case TensorMap.SumOfSquares:
                    if (Active(0))
                    {
                        Read(0);
                    }

                    break;
                case TensorMap.Dot:
                case TensorMap.Multiply or TensorMap.MultiplyAdd:
                    for (var i = 0; i < 2; i++)
                    {
                        if (Active(i) && !Read(1 - i))
                        {
                            return null; // a double that changes later
                        }
                    }

                    break;
                case TensorMap.Log:
                    Read(0);
                    break;
                case TensorMap.Divide:
                    if (Active(0) && operands[0].Scalar != null)
                    {
                        return null; // c / y: ∂/∂c = Σ ḡ / y, left to the loops
                    }

                    if ((Active(0) && !Read(1)) || (Active(1) && !(Read(0) && Read(1))))
                    {
                        return null;
                    }

                    break;
                case TensorMap.Exp or TensorMap.Tanh or TensorMap.Sigmoid or TensorMap.SoftMax or TensorMap.Sqrt when !outputKept:
                    recompute = kept(operands[0]);
                    tapeOutput = !recompute;
                    break;
            }

            var copySeed = !IsReduction(tensor) && operands.Any(o => o.Span == tensor.Destination) && InPlaceOperand(tensor) < 0;
            var temporary = tensor.Operation is TensorMap.Tanh or TensorMap.Sigmoid or TensorMap.Log or TensorMap.SoftMax or TensorMap.Divide or TensorMap.Sqrt;
            return new TensorPlan(recompute, tapeOutput, taped, copySeed, temporary);
        }

        /// <summary>
        /// The forward step of a whole operation: the call as written, into the destination; before it, the inputs it replaces that
        /// the reverse step reads go on the tape, and after it, the output when the reverse step reads it and it will be gone.
        /// </summary>
        private void EmitForwardTensor(TensorStmt tensor, TensorPlan plan, List<string> lines, string pad)
        {
            var tapes = IsActiveDestination(tensor);
            if (tapes)
            {
                foreach (var input in plan.TapedInputs)
                {
                    PushSpan(lines, pad, ValueOf(tensor.Operands[input], tensor.Length));
                }
            }

            var inputs = tensor.Operands.Select(o => ValueOf(o, tensor.Length));
            lines.Add(pad + (IsReduction(tensor)
                ? "double " + tensor.Destination + " = " + Tensors + tensor.Operation + "<double>(" + string.Join(", ", inputs) + ");"
                : Tensors + tensor.Operation + "<double>(" + string.Join(", ", inputs.Concat(new[] { tensor.Destination })) + ");"));
            if (tapes && plan.TapeOutput)
            {
                PushSpan(lines, pad, OutputOf(tensor));
            }
        }

        private void PushSpan(List<string> lines, string pad, string span)
        {
            usesTape = true;
            lines.Add(pad + Tape + ".PushSpan(" + span + ");");
        }

        /// <summary>True for <c>Dot</c>, <c>Sum</c> and <c>SumOfSquares</c>, whose destination is a double local.</summary>
        private static bool IsReduction(TensorStmt tensor) => tensor.Operation is TensorMap.Dot or TensorMap.Sum or TensorMap.SumOfSquares;

        /// <summary>True when the operation's result carries an adjoint (its reverse step runs).</summary>
        private bool IsActiveDestination(TensorStmt tensor) => IsReduction(tensor) ? activeLocals.Contains(tensor.Destination) : activeBuffers.Contains(tensor.Destination);

        /// <summary>
        /// The reverse step of a reduction <c>t = R(inputs)</c>: t's adjoint, taken and reset, times R's known partials, added into
        /// the adjoints of the inputs with <c>TensorPrimitives</c>.
        /// </summary>
        private void EmitReverseReduction(TensorStmt tensor, TensorPlan plan, List<string> lines, string pad)
        {
            var inner = pad + "    ";
            var length = IntFormatter.Format(tensor.Length);
            var operands = tensor.Operands;
            lines.Add(pad + "{");
            var seed = Named("g/" + IdOf(tensor), "d" + Word(tensor.Destination) + "_in");
            lines.Add(inner + "double " + seed + " = " + Adjoint(tensor.Destination) + ";");
            lines.Add(inner + Adjoint(tensor.Destination) + " = 0.0;");
            var values = operands.Select(o => ValueOf(o, tensor.Length)).ToArray();
            var slots = new Dictionary<string, int>();
            foreach (var input in plan.TapedInputs.Reverse())
            {
                var owner = operands[input].Span!;
                slots[owner] = slots.TryGetValue(owner, out var used) ? used + 1 : 1;
                values[input] = ScratchName(owner, slots[owner] - 1) + ".Slice(0, " + length + ")";
                lines.Add(inner + Tape + ".PopSpan(" + values[input] + ");");
            }

            for (var i = 0; i < operands.Count; i++)
            {
                if (!IsActive(Ex.Element(operands[i].Span!, IntExpr.Zero)))
                {
                    continue;
                }

                var gradient = AdjointOf(operands[i], tensor.Length);
                if (tensor.Operation == TensorMap.SumOfSquares || (tensor.Operation == TensorMap.Dot && operands[0] == operands[1]))
                {
                    lines.Add(inner + Tensors + "MultiplyAdd<double>(" + values[0] + ", 2.0 * " + seed + ", " + gradient + ", " + gradient + ");");
                    break; // Dot(x, x): 2x, added once
                }

                lines.Add(inner + (tensor.Operation == TensorMap.Sum
                    ? Tensors + "Add<double>(" + gradient + ", " + seed + ", " + gradient + ");"
                    : Tensors + "MultiplyAdd<double>(" + values[1 - i] + ", " + seed + ", " + gradient + ", " + gradient + ");"));
            }

            lines.Add(pad + "}");
        }

        /// <summary>The scratch spans the reverse step of an operation uses, by the buffer they are made with (as long as it).</summary>
        private IEnumerable<(string Owner, int Count)> ScratchNeeds(TensorStmt tensor, TensorPlan plan)
        {
            if (!IsActiveDestination(tensor))
            {
                return Enumerable.Empty<(string, int)>();
            }

            return IsReduction(tensor)
                ? plan.TapedInputs.GroupBy(i => tensor.Operands[i].Span!).Select(g => (g.Key, g.Count()))
                : new[] { (tensor.Destination, plan.Scratch) };
        }

        /// <summary>The elements of the destination the operation writes.</summary>
        private string OutputOf(TensorStmt tensor) =>
            ValueOf(new TensorOperand(null, tensor.Destination, IntExpr.Zero, Whole: false, IsArray: IsArraySpan(tensor.Destination)), tensor.Length);

        /// <summary>
        /// The reverse step of a whole operation: ḡ, the adjoint of the elements it wrote, times its known partials, added into the
        /// adjoints of its inputs with <c>TensorPrimitives</c>; then ḡ is cleared (the elements' earlier values start at zero). An
        /// operation in place (<c>Tanh(h, h)</c>) turns ḡ into its input's adjoint where it is, with no copy.
        /// </summary>
        private void EmitReverseTensor(TensorStmt tensor, TensorPlan plan, List<string> lines, string pad)
        {
            if (!IsActiveDestination(tensor))
            {
                return;
            }

            if (IsReduction(tensor))
            {
                EmitReverseReduction(tensor, plan, lines, pad);
                return;
            }

            var length = IntFormatter.Format(tensor.Length);
            var scratch = new Queue<string>(Enumerable.Range(0, plan.Scratch).Select(i => ScratchName(tensor.Destination, i) + ".Slice(0, " + length + ")"));
            var adjoint = BufferAdjoint(tensor.Destination) + ".Slice(0, " + length + ")";
            var inner = pad + "    ";
            lines.Add(pad + "{");
            var seed = adjoint;
            var inPlace = InPlaceOperand(tensor);
            if (plan.CopySeed)
            {
                seed = scratch.Dequeue();
                lines.Add(inner + adjoint + ".CopyTo(" + seed + ");");
                lines.Add(inner + adjoint + ".Clear();");
            }

            // The values the adjoint reads: where they are, or back from the tape (pushed inputs first, then the output), or again.
            var values = tensor.Operands.Select(o => ValueOf(o, tensor.Length)).ToArray();
            var output = OutputOf(tensor);
            if (plan.TapeOutput)
            {
                output = scratch.Dequeue();
                lines.Add(inner + Tape + ".PopSpan(" + output + ");");
            }

            foreach (var input in plan.TapedInputs.Reverse())
            {
                values[input] = scratch.Dequeue();
                lines.Add(inner + Tape + ".PopSpan(" + values[input] + ");");
            }

            if (plan.Recompute)
            {
                output = scratch.Dequeue();
                lines.Add(inner + Tensors + tensor.Operation + "<double>(" + values[0] + ", " + output + ");");
            }

            var temporary = plan.Temporary ? scratch.Dequeue() : string.Empty;
            var operands = tensor.Operands;
            var last = new List<string>(); // the input that is the destination: its adjoint is ḡ itself, changed last
            for (var i = 0; i < operands.Count; i++)
            {
                var operand = operands[i];
                if (operand.Scalar is { } scalar)
                {
                    if (HasActiveLeaf(scalar))
                    {
                        lines.Add(inner + Adjoint((Variable)scalar) + " " + ScalarAdjoint(tensor, i, seed, values) + ";");
                    }

                    continue;
                }

                if (!IsActive(Ex.Element(operand.Span!, IntExpr.Zero)))
                {
                    continue;
                }

                var (prelude, from, factor) = PartialOf(tensor, i, seed, output, temporary, values);
                if (i == inPlace)
                {
                    last.AddRange(prelude.Select(line => inner + line));
                    last.Add(inner + (factor, from) switch
                    {
                        (null, Minus) => Tensors + "Negate<double>(" + seed + ", " + seed + ");",
                        (null, _) when from == seed => string.Empty,
                        (null, _) => from + ".CopyTo(" + seed + ");",
                        _ => Tensors + "Multiply<double>(" + from + ", " + factor + ", " + seed + ");",
                    });
                    continue;
                }

                var gradient = AdjointOf(operand, tensor.Length);
                lines.AddRange(prelude.Select(line => inner + line));
                lines.Add(inner + (factor, from) switch
                {
                    (null, Minus) => Tensors + "Subtract<double>(" + gradient + ", " + seed + ", " + gradient + ");",
                    (null, _) => Tensors + "Add<double>(" + gradient + ", " + from + ", " + gradient + ");",
                    _ => Tensors + "MultiplyAdd<double>(" + from + ", " + factor + ", " + gradient + ", " + gradient + ");",
                });
            }

            lines.AddRange(last.Where(line => line.Trim().Length > 0));
            if (!plan.CopySeed && inPlace < 0)
            {
                lines.Add(inner + adjoint + ".Clear();");
            }

            lines.Add(pad + "}");
        }

        /// <summary>What <see cref="PartialOf"/> gives as <c>From</c> for a partial of −1.</summary>
        private const string Minus = "-";

        /// <summary>
        /// The partial of a whole operation for span input <paramref name="i"/>, as ḡ times it: lines that compute what it needs,
        /// then <c>From</c> (ḡ, or a span computed from it) times <c>Factor</c> (a span or a double); a null factor is 1, or −1 when
        /// <c>From</c> is <see cref="Minus"/>.
        /// </summary>
        private static (List<string> Prelude, string From, string? Factor) PartialOf(TensorStmt tensor, int i, string seed, string output, string temporary, string[] values)
        {
            var none = new List<string>();
            return tensor.Operation switch
            {
                TensorMap.Add or TensorMap.MultiplyAdd when i == 2 || tensor.Operation == TensorMap.Add => (none, seed, null),
                TensorMap.Subtract when i == 0 => (none, seed, null),
                TensorMap.Subtract or TensorMap.Negate => (none, Minus, null),
                TensorMap.Multiply or TensorMap.MultiplyAdd => (none, seed, values[1 - i]),
                TensorMap.Exp => (none, seed, output),
                TensorMap.Tanh => (new List<string>
                {
                    Tensors + "Multiply<double>(" + output + ", " + output + ", " + temporary + ");",
                    Tensors + "Subtract<double>(1.0, " + temporary + ", " + temporary + ");",
                }, seed, temporary),
                TensorMap.Sigmoid => (new List<string>
                {
                    Tensors + "Subtract<double>(1.0, " + output + ", " + temporary + ");",
                    Tensors + "Multiply<double>(" + temporary + ", " + output + ", " + temporary + ");",
                }, seed, temporary),
                TensorMap.Log => (new List<string> { Tensors + "Divide<double>(" + seed + ", " + values[i] + ", " + temporary + ");" }, temporary, null),
                TensorMap.Sqrt => (new List<string> { Tensors + "Divide<double>(0.5, " + output + ", " + temporary + ");" }, seed, temporary),
                TensorMap.Divide when i == 0 && tensor.Operands[1].Scalar != null => (none, seed, "1.0 / " + Parenthesized(values[1])),
                TensorMap.Divide when i == 0 => (new List<string> { Tensors + "Divide<double>(" + seed + ", " + values[1] + ", " + temporary + ");" }, temporary, null),
                TensorMap.Divide => (new List<string>
                {
                    // −x / y², times ḡ
                    Tensors + "Divide<double>(" + values[0] + ", " + values[1] + ", " + temporary + ");",
                    Tensors + "Divide<double>(" + temporary + ", " + values[1] + ", " + temporary + ");",
                    Tensors + "Negate<double>(" + temporary + ", " + temporary + ");",
                }, seed, temporary),

                // p ⊙ (ḡ − ⟨ḡ, p⟩): the Jacobian diag(p) − p pᵀ times ḡ.
                _ => (new List<string> { Tensors + "Subtract<double>(" + seed + ", " + Tensors + "Dot<double>(" + seed + ", " + output + "), " + temporary + ");" }, temporary, output),
            };
        }

        /// <summary>
        /// The input that is the destination itself, from its first element, when it is the only input that is (<c>Tanh(h, h)</c>,
        /// <c>Multiply(g, 2.5, g)</c>): its adjoint is computed where ḡ is. Else −1.
        /// </summary>
        private static int InPlaceOperand(TensorStmt tensor)
        {
            var aliases = Enumerable.Range(0, tensor.Operands.Count).Where(i => tensor.Operands[i].Span == tensor.Destination).ToList();
            return aliases.Count == 1 && tensor.Operands[aliases[0]].Offset is IntConstant { Value: 0 } ? aliases[0] : -1;
        }

        /// <summary><c>+= …</c> or <c>-= …</c>: what a double input's adjoint gets from ḡ (a sum, or a dot product with the other input).</summary>
        private static string ScalarAdjoint(TensorStmt tensor, int i, string seed, string[] values)
        {
            return tensor.Operation switch
            {
                TensorMap.Multiply or TensorMap.MultiplyAdd when i < 2 => "+= " + Tensors + "Dot<double>(" + seed + ", " + values[1 - i] + ")",
                TensorMap.Divide => "-= " + Tensors + "Dot<double>(" + seed + ", " + values[0] + ") / (" + values[1] + " * " + values[1] + ")",
                TensorMap.Subtract when i == 1 => "-= " + Tensors + "Sum<double>(" + seed + ")",
                _ => "+= " + Tensors + "Sum<double>(" + seed + ")",
            };
        }

        /// <summary>A span input as the generated code reads it: the span, or its window of the statement's length.</summary>
        private string ValueOf(TensorOperand operand, IntExpr length)
        {
            if (operand.Scalar is { } scalar)
            {
                return Code(scalar);
            }

            return Window(operand.Span!, operand, length, IsArraySpan(operand));
        }

        /// <summary>Where the adjoint of a span input goes: the adjoint buffer's or the gradient's window (all of it for an input passed whole).</summary>
        private string AdjointOf(TensorOperand operand, IntExpr length)
        {
            var span = operand.Span!;
            return bufferNames.Contains(span)
                ? Window(BufferAdjoint(span), operand, length, isArray: false)
                : Window(gradients[span], operand, length, ArrayGradients.Contains(span));
        }

        private bool IsArraySpan(TensorOperand operand) => bufferNames.Contains(operand.Span!) ? IsArraySpan(operand.Span!) : operand.IsArray;

        /// <summary>True for a local buffer made with <c>new double[n]</c> (not <c>stackalloc</c>).</summary>
        private bool IsArraySpan(string buffer) => All(procedure.Body).OfType<BufferStmt>().Any(b => b.Name == buffer && !b.OnStack);

        private static string Window(string span, TensorOperand operand, IntExpr length, bool isArray) =>
            SpanCode(span, operand.Whole, operand.Offset, length, isArray);

        /// <summary>A double operand's code, in parentheses unless it is a name or a number.</summary>
        private static string Parenthesized(string code) => code.All(c => char.IsLetterOrDigit(c) || c is '_' or '.' or '@') ? code : "(" + code + ")";

        /// <summary>The name of scratch span <paramref name="index"/> of the buffer <paramref name="buffer"/>'s whole operations.</summary>
        private string ScratchName(string buffer, int index) => Named("x/" + buffer + "/" + index, "scratch" + index + "_" + Word(buffer));

        /// <summary>The scratch spans of the whole operations writing the buffers <paramref name="buffers"/>, made once, beside their adjoints.</summary>
        private void AllocateScratch(IEnumerable<BufferStmt> buffers, List<string> lines)
        {
            foreach (var buffer in buffers)
            {
                var count = tensorPlans.SelectMany(p => ScratchNeeds(p.Key, p.Value)).Where(n => n.Owner == buffer.Name).Select(n => n.Count).DefaultIfEmpty(0).Max();
                var length = IntFormatter.Format(procedure.Buffers.First(b => b.Name == buffer.Name).Length);
                for (var i = 0; i < count; i++)
                {
                    lines.Add("global::System.Span<double> " + ScratchName(buffer.Name, i) + " = " + length + " <= 256 ? stackalloc double[" + length + "] : new double[" + length + "];");
                }
            }
        }

        /// <summary>One line of the derivation for a whole operation that runs whole.</summary>
        private string DescribeTensor(TensorStmt tensor)
        {
            var inputs = string.Join(", ", tensor.Operands.Select(o => ValueOf(o, tensor.Length)));
            var partials = tensor.Operation switch
            {
                TensorMap.Add => "∂/∂each input = 1",
                TensorMap.Subtract => "∂/∂first = 1, ∂/∂second = −1",
                TensorMap.Negate => "∂/∂x = −1",
                TensorMap.Multiply => "∂/∂x = y, ∂/∂y = x",
                TensorMap.MultiplyAdd => "∂/∂x = y, ∂/∂y = x, ∂/∂addend = 1",
                TensorMap.Exp => "∂/∂x = " + tensor.Destination,
                TensorMap.Tanh => "∂/∂x = 1 − " + tensor.Destination + "²",
                TensorMap.Sigmoid => "∂/∂x = " + tensor.Destination + " (1 − " + tensor.Destination + ")",
                TensorMap.Log => "∂/∂x = 1 / x",
                TensorMap.Divide => "∂/∂x = 1 / y, ∂/∂y = −x / y²",
                TensorMap.Sqrt => "∂/∂x = 0.5 / " + tensor.Destination,
                TensorMap.Dot => "∂/∂x = y, ∂/∂y = x",
                TensorMap.Sum => "∂/∂x = 1",
                TensorMap.SumOfSquares => "∂/∂x = 2x",
                _ => "x̄ = " + tensor.Destination + " ⊙ (ḡ − ⟨ḡ, " + tensor.Destination + "⟩) for the adjoint ḡ of " + tensor.Destination,
            };
            return tensor.Destination + " = TensorPrimitives." + tensor.Operation + "(" + inputs + "):  " + partials + (IsReduction(tensor) ? "  (both sweeps call TensorPrimitives)" : "  (elementwise; both sweeps call TensorPrimitives)");
        }
    }
}
