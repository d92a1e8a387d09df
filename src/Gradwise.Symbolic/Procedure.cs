using System.Collections.Generic;

namespace Gradwise.Symbolic;

/// <summary>
/// A [Differentiable] method with loops and spans, as a small statement IR on top of <see cref="Expr"/>.
/// Straight-line math between statements stays symbolic (one <see cref="Expr"/> per statement);
/// statements exist where the program needs memory: a double local that a loop reads or
/// updates, a buffer element, an int index, a loop, a branch over statements.
/// </summary>
/// <remarks>
/// Leaves of the expressions are <see cref="Variable"/>s: a parameter or local by its emitted name
/// (<c>z</c>), a field (<c>this.scale</c>), or an element (<see cref="Variable.Array"/> at a typed
/// <see cref="Variable.Index"/>, <c>w[indices[p]]</c>). Int values (indices, bounds, lengths) are
/// <see cref="IntExpr"/> trees; C# text is written only by the emitters.
/// </remarks>
/// <param name="Body">The statements, in order.</param>
/// <param name="Result">The returned value, over the leaves as they are at the end of <paramref name="Body"/>.</param>
/// <param name="Arrays">The parameters that are spans or arrays of double, in parameter order.</param>
/// <param name="Scalars">The double parameters, in parameter order.</param>
/// <param name="Locals">Every double local the body declares, by its emitted name.</param>
/// <param name="Buffers">Every local double buffer the body declares, by its emitted name.</param>
/// <param name="Jagged">
/// The <see cref="Arrays"/> that are jagged (<c>double[][]</c>): their elements are read at an <see cref="IntRow"/>, and their
/// gradients are jagged arrays of the same row lengths.
/// </param>
/// <param name="Rectangular">
/// The <see cref="Arrays"/> that are rectangular (<c>double[,]</c>): their elements are read at an <see cref="IntGrid"/>, and
/// their gradients are rectangular arrays of the same shape.
/// </param>
public sealed record Procedure(
    Block Body,
    Expr Result,
    EquatableArray<string> Arrays,
    EquatableArray<string> Scalars,
    EquatableArray<string> Locals,
    EquatableArray<BufferInfo> Buffers,
    EquatableArray<string> Jagged,
    EquatableArray<string> Rectangular);

/// <summary>A local buffer of doubles: <c>Span&lt;double&gt; s = stackalloc double[k]</c> or <c>double[] s = new double[k]</c>.</summary>
/// <param name="Name">The emitted name.</param>
/// <param name="Length">Its length, over parameters, constants and ints fixed for the call (so the adjoint buffer can be made once, up front).</param>
public sealed record BufferInfo(string Name, IntExpr Length);

/// <summary>A sequence of statements.</summary>
public sealed record Block(EquatableArray<Stmt> Statements)
{
    /// <summary>A block of these statements.</summary>
    public static Block Of(IEnumerable<Stmt> statements) => new(new EquatableArray<Stmt>(new List<Stmt>(statements).ToArray()));
}

/// <summary>One statement of a <see cref="Procedure"/>.</summary>
public abstract record Stmt;

/// <summary><c>double Target = Value;</c> (when <paramref name="Declare"/>) or <c>Target = Value;</c>.</summary>
public sealed record AssignStmt(string Target, Expr Value, bool Declare) : Stmt;

/// <summary><c>Buffer[Index] = Value;</c> for a local buffer.</summary>
public sealed record StoreStmt(string Buffer, IntExpr Index, Expr Value) : Stmt
{
    /// <summary>The element written, as the leaf that later statements read it by.</summary>
    public Variable Element { get; } = Ex.Element(Buffer, Index);
}

/// <summary><c>int Name = Value;</c>: an int local's declaration (later changes are <see cref="IntAssignStmt"/>s).</summary>
public sealed record IntStmt(string Name, IntExpr Value) : Stmt;

/// <summary>
/// <c>Name = Value;</c> for an int local declared earlier (<c>count++</c>, <c>k -= 2</c>, <c>i = offsets[i]</c>).
/// The reverse sweep restores the value it replaced: by the inverse step for <c>k = k ± e</c>, else from the tape.
/// </summary>
public sealed record IntAssignStmt(string Name, IntExpr Value) : Stmt;

/// <summary>A local buffer's declaration: <c>Span&lt;double&gt; Name = stackalloc double[Length]</c> or <c>double[] Name = new double[Length]</c>.</summary>
/// <param name="Name">The emitted name.</param>
/// <param name="Length">The number of elements.</param>
/// <param name="OnStack">True for <c>stackalloc</c>, false for an array.</param>
public sealed record BufferStmt(string Name, IntExpr Length, bool OnStack) : Stmt;

/// <summary>
/// <c>for (int Variable = Start; Variable &lt; End; Variable += Step)</c> (or the descending form),
/// with <paramref name="Start"/> and <paramref name="End"/> values the body does not change.
/// </summary>
/// <param name="Variable">The int loop variable.</param>
/// <param name="Start">The first value.</param>
/// <param name="End">The bound.</param>
/// <param name="Step">The constant step, positive for an ascending loop, negative for a descending one.</param>
/// <param name="Inclusive">True for <c>&lt;=</c> / <c>&gt;=</c>, false for <c>&lt;</c> / <c>&gt;</c>.</param>
/// <param name="Body">The loop body.</param>
/// <param name="HasBreak">True when the body can <c>break</c> (the reverse sweep then records the trip count).</param>
public sealed record LoopStmt(string Variable, IntExpr Start, IntExpr End, int Step, bool Inclusive, Block Body, bool HasBreak) : Stmt;

/// <summary>
/// <c>while (Condition) Body</c>, or <c>do Body while (Condition)</c> when <paramref name="ConditionFirst"/>
/// is false: a loop without a counter (the reverse sweep records how many times it ran).
/// </summary>
public sealed record WhileStmt(Expr Condition, bool ConditionFirst, Block Body) : Stmt;

/// <summary>
/// <c>double Target = Callee(arguments);</c>: a call of another [Differentiable] method that takes
/// spans. The reverse sweep calls its <c>WithGradient</c> again (with the same arguments) and
/// adds the callee's gradient, times the adjoint of <paramref name="Target"/>, into the caller's.
/// </summary>
/// <remarks>
/// With a <paramref name="Kernel"/>, the callee is a <c>TensorPrimitives</c> reduction over span windows instead: the
/// forward sweep calls it as written, and the reverse sweep adds its known adjoint into the windows' gradients with
/// <c>TensorPrimitives</c> too (no second call, nothing on the tape).
/// </remarks>
/// <param name="Target">A fresh local that holds the result.</param>
/// <param name="Callee">The method, as C# text (<c>global::N.T.M</c> or <c>this.M</c>).</param>
/// <param name="Arguments">The arguments, in parameter order.</param>
/// <param name="Kernel">The reduction, for a <c>TensorPrimitives</c> call; <see cref="TensorKernel.None"/> for a [Differentiable] method.</param>
public sealed record CallStmt(string Target, string Callee, EquatableArray<CallArg> Arguments, TensorKernel Kernel = TensorKernel.None) : Stmt;

/// <summary>The <c>System.Numerics.Tensors.TensorPrimitives</c> reductions differentiated as whole operations.</summary>
public enum TensorKernel
{
    /// <summary>Not a kernel: a call of a [Differentiable] method.</summary>
    None,

    /// <summary><c>Dot(x, y)</c> = Σ x[k]·y[k]: ∂/∂x = y, ∂/∂y = x.</summary>
    Dot,

    /// <summary><c>Sum(x)</c> = Σ x[k]: ∂/∂x = 1.</summary>
    Sum,

    /// <summary><c>SumOfSquares(x)</c> = Σ x[k]²: ∂/∂x = 2x.</summary>
    SumOfSquares,

    /// <summary><c>Norm(x)</c> = √Σ x[k]²: ∂/∂x = x / Norm(x), and 0 at the zero vector (the subgradient of least norm).</summary>
    Norm,

    /// <summary>
    /// <c>Distance(x, y)</c> = √Σ (x[k] − y[k])²: ∂/∂x = (x − y) / Distance(x, y), ∂/∂y = (y − x) / Distance(x, y), and 0 where
    /// x = y (the subgradient of least norm, as for <see cref="Norm"/>).
    /// </summary>
    Distance,

    /// <summary>
    /// <c>CosineSimilarity(x, y)</c> = ⟨x, y⟩ / (‖x‖ ‖y‖) = c: ∂/∂x = y / (‖x‖ ‖y‖) − c · x / ‖x‖², ∂/∂y = x / (‖x‖ ‖y‖) − c · y / ‖y‖²
    /// (NaN, as the value, where either is the zero vector).
    /// </summary>
    CosineSimilarity,
}

/// <summary>
/// One argument of a <see cref="CallStmt"/>: exactly one of a double (a local, a parameter or a
/// constant), an int, or a window of a span or array parameter.
/// </summary>
/// <param name="Scalar">The argument's value, for a double argument.</param>
/// <param name="Int">The argument's value, for an int argument.</param>
/// <param name="Span">The window, for a span argument.</param>
/// <param name="HasGradient">True when the callee gives a gradient for this parameter.</param>
public sealed record CallArg(Expr? Scalar, IntExpr? Int, SpanWindow? Span, bool HasGradient)
{
    /// <summary>The parameter a span argument reads, else null.</summary>
    public string? Array => Span?.Array;
}

/// <summary>A window of a span or array parameter passed on: the whole of it, or <c>Array.Slice(Offset, Length)</c>.</summary>
/// <param name="Array">The parameter.</param>
/// <param name="Offset">Where the window starts.</param>
/// <param name="Length">How many elements it has.</param>
/// <param name="Whole">True when the parameter itself is passed (Offset 0, its whole Length).</param>
/// <param name="IsArray">True when the parameter is an array (sliced with <c>AsSpan</c>), false for a span.</param>
public sealed record SpanWindow(string Array, IntExpr Offset, IntExpr Length, bool Whole, bool IsArray);

/// <summary>
/// <c>TensorPrimitives.Operation(operands, Destination)</c> with a local buffer as the destination: a whole elementwise operation;
/// or, for a reduction (<see cref="TensorMap.Dot"/>, <see cref="TensorMap.Sum"/>, <see cref="TensorMap.SumOfSquares"/>),
/// <c>double Destination = TensorPrimitives.Operation(operands)</c> over spans one of which is a local buffer.
/// <paramref name="Expanded"/> is what it means, the loops that write each element (every pass that does not know the operation
/// reads those); the emitters call <c>TensorPrimitives</c> both ways instead, with the operation's known adjoint, where the values
/// that adjoint reads are still there in the reverse sweep.
/// </summary>
/// <param name="Operation">The operation.</param>
/// <param name="Destination">The local buffer written, from element 0; for a reduction, the double local declared.</param>
/// <param name="Operands">The inputs, in parameter order.</param>
/// <param name="Length">How many elements are written: the length of the span operands.</param>
/// <param name="Expanded">The same operation as loops over the elements.</param>
public sealed record TensorStmt(TensorMap Operation, string Destination, EquatableArray<TensorOperand> Operands, IntExpr Length, Block Expanded) : Stmt;

/// <summary>The <c>TensorPrimitives</c> elementwise operations differentiated as whole operations (in a <see cref="TensorStmt"/>).</summary>
public enum TensorMap
{
    /// <summary><c>Add(x, y)</c>: ∂/∂x = ∂/∂y = 1.</summary>
    Add,

    /// <summary><c>Subtract(x, y)</c>: ∂/∂x = 1, ∂/∂y = −1.</summary>
    Subtract,

    /// <summary><c>Multiply(x, y)</c>: ∂/∂x = y, ∂/∂y = x.</summary>
    Multiply,

    /// <summary><c>MultiplyAdd(x, y, a)</c> = x·y + a: ∂/∂x = y, ∂/∂y = x, ∂/∂a = 1.</summary>
    MultiplyAdd,

    /// <summary><c>Negate(x)</c>: ∂/∂x = −1.</summary>
    Negate,

    /// <summary><c>Exp(x)</c>: ∂/∂x = Exp(x), the output.</summary>
    Exp,

    /// <summary><c>Tanh(x)</c>: ∂/∂x = 1 − y², y the output.</summary>
    Tanh,

    /// <summary><c>Sigmoid(x)</c>: ∂/∂x = y·(1 − y), y the output.</summary>
    Sigmoid,

    /// <summary><c>Log(x)</c>: ∂/∂x = 1 / x.</summary>
    Log,

    /// <summary><c>Divide(x, y)</c>: ∂/∂x = 1 / y, ∂/∂y = −x / y².</summary>
    Divide,

    /// <summary><c>Sqrt(x)</c>: ∂/∂x = 0.5 / y, y the output.</summary>
    Sqrt,

    /// <summary><c>SoftMax(x)</c> = p: the Jacobian-vector product p ⊙ (ḡ − ⟨ḡ, p⟩) for an adjoint ḡ of p.</summary>
    SoftMax,

    /// <summary>The reduction <c>Dot(x, y)</c>: ∂/∂x = y, ∂/∂y = x.</summary>
    Dot,

    /// <summary>The reduction <c>Sum(x)</c>: ∂/∂x = 1.</summary>
    Sum,

    /// <summary>The reduction <c>SumOfSquares(x)</c>: ∂/∂x = 2x.</summary>
    SumOfSquares,
}

/// <summary>
/// One input of a <see cref="TensorStmt"/>: a double (<paramref name="Scalar"/>), or a window of a local buffer or of a double span
/// or array the method reads (<paramref name="Span"/> from <paramref name="Offset"/>, the statement's length long).
/// </summary>
/// <param name="Scalar">The value, for a double input.</param>
/// <param name="Span">The buffer or parameter, for a span input.</param>
/// <param name="Offset">Where the window starts.</param>
/// <param name="Whole">True when the span is passed whole (offset 0, its own length).</param>
/// <param name="IsArray">True when the span is an array (sliced with <c>AsSpan</c>).</param>
public sealed record TensorOperand(Expr? Scalar, string? Span, IntExpr Offset, bool Whole, bool IsArray);

/// <summary><c>if (Predicate) Then else Else</c> over statements.</summary>
public sealed record IfStmt(Expr Predicate, Block Then, Block Else) : Stmt;

/// <summary><c>break;</c> or <c>continue;</c>; always the last statement of its block.</summary>
public sealed record JumpStmt(bool IsContinue) : Stmt;

/// <summary>The statements of a block.</summary>
public static class Statements
{
    /// <summary>Every statement of <paramref name="block"/> and of the blocks inside it (loop bodies, branches), in order.</summary>
    public static IEnumerable<Stmt> In(Block block)
    {
        foreach (var statement in block.Statements)
        {
            yield return statement;
            var inner = statement switch
            {
                LoopStmt loop => new[] { loop.Body },
                WhileStmt loop => new[] { loop.Body },
                IfStmt branch => new[] { branch.Then, branch.Else },
                TensorStmt tensor => new[] { tensor.Expanded },
                _ => System.Array.Empty<Block>(),
            };
            foreach (var body in inner)
            {
                foreach (var nested in In(body))
                {
                    yield return nested;
                }
            }
        }
    }
}

/// <summary>The leaves of expressions.</summary>
public static class Leaf
{
    /// <summary>Every variable <paramref name="e"/> reads, each once, in the order a depth-first walk meets them.</summary>
    public static IEnumerable<Variable> In(Expr e)
    {
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        var stack = new Stack<Expr>();
        stack.Push(e);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is Variable v)
            {
                if (seen.Add(v.Name))
                {
                    yield return v;
                }

                continue;
            }

            foreach (var child in node.Children)
            {
                stack.Push(child);
            }
        }
    }
}
