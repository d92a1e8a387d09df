using System.Collections.Generic;

namespace Gradwise.Symbolic;

/// <summary>
/// A [Differentiable] method with loops and spans, as a small statement IR on top of <see cref="Expr"/>.
/// Straight-line math between statements stays symbolic (one <see cref="Expr"/> per statement);
/// statements exist where the program needs memory: a double local that a loop reads or
/// updates, a buffer element, an int index, a loop, a branch over statements.
/// </summary>
/// <remarks>
/// Leaves of the expressions are <see cref="Variable"/>s whose names are C# text valid in the
/// generated method: a parameter or local (<c>z</c>), an element (<c>w[indices[p]]</c>), an int
/// value (<c>labels[i]</c>), a field (<c>this.scale</c>). <see cref="Leaf.Parse"/> tells them apart.
/// </remarks>
/// <param name="Body">The statements, in order.</param>
/// <param name="Result">The returned value, over the leaves as they are at the end of <paramref name="Body"/>.</param>
/// <param name="Arrays">The parameters that are spans or arrays of double, in parameter order.</param>
/// <param name="Scalars">The double parameters, in parameter order.</param>
/// <param name="Locals">Every double local the body declares, by its emitted name.</param>
/// <param name="Buffers">Every local double buffer the body declares, by its emitted name.</param>
public sealed record Procedure(
    Block Body,
    Expr Result,
    EquatableArray<string> Arrays,
    EquatableArray<string> Scalars,
    EquatableArray<string> Locals,
    EquatableArray<BufferInfo> Buffers);

/// <summary>A local buffer of doubles: <c>Span&lt;double&gt; s = stackalloc double[k]</c> or <c>double[] s = new double[k]</c>.</summary>
/// <param name="Name">The emitted name.</param>
/// <param name="Length">Its length as C# text over parameters and constants (so the adjoint buffer can be made once, up front).</param>
public sealed record BufferInfo(string Name, string Length);

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
public sealed record StoreStmt(string Buffer, string Index, Expr Value) : Stmt
{
    /// <summary>The element as a leaf name.</summary>
    public string Element => Buffer + "[" + Index + "]";
}

/// <summary><c>int Name = Code;</c>: an int local assigned once, from values that never change during the call.</summary>
public sealed record IntStmt(string Name, string Code) : Stmt;

/// <summary>A local buffer's declaration.</summary>
/// <param name="Name">The emitted name.</param>
/// <param name="Declaration">The full declaration statement as C# text, e.g. <c>global::System.Span&lt;double&gt; s = stackalloc double[k];</c>.</param>
public sealed record BufferStmt(string Name, string Declaration) : Stmt;

/// <summary>
/// <c>for (int Variable = Start; Variable &lt; End; Variable++)</c> (or the descending form),
/// with <paramref name="Start"/> and <paramref name="End"/> values that never change during the call.
/// </summary>
/// <param name="Variable">The int loop variable.</param>
/// <param name="Start">The first value, as C# text.</param>
/// <param name="End">The bound, as C# text.</param>
/// <param name="Step">+1 or -1.</param>
/// <param name="Inclusive">True for <c>&lt;=</c> / <c>&gt;=</c>, false for <c>&lt;</c> / <c>&gt;</c>.</param>
/// <param name="Body">The loop body.</param>
/// <param name="HasBreak">True when the body can <c>break</c> (the reverse sweep then records the trip count).</param>
public sealed record LoopStmt(string Variable, string Start, string End, int Step, bool Inclusive, Block Body, bool HasBreak) : Stmt;

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
/// <param name="Target">A fresh local that holds the result.</param>
/// <param name="Callee">The method, as C# text (<c>global::N.T.M</c> or <c>this.M</c>).</param>
/// <param name="Arguments">The arguments, in parameter order.</param>
public sealed record CallStmt(string Target, string Callee, EquatableArray<CallArg> Arguments) : Stmt;

/// <summary>
/// One argument of a <see cref="CallStmt"/>: a double (a local, a parameter or a constant, in
/// <paramref name="Scalar"/>), or code (a span, a slice, an int) with, for a span of double, the
/// parameter and the window it reads.
/// </summary>
/// <param name="Code">The argument's C# text, for a span or int argument.</param>
/// <param name="Scalar">The argument's value, for a double argument.</param>
/// <param name="Array">The parameter a span argument reads.</param>
/// <param name="Offset">Where its window starts.</param>
/// <param name="Length">Its window's length.</param>
/// <param name="HasGradient">True when the callee gives a gradient for this parameter.</param>
public sealed record CallArg(string? Code, Expr? Scalar, string? Array, string? Offset, string? Length, bool HasGradient);

/// <summary><c>if (Predicate) Then else Else</c> over statements.</summary>
public sealed record IfStmt(Expr Predicate, Block Then, Block Else) : Stmt;

/// <summary><c>break;</c> or <c>continue;</c>; always the last statement of its block.</summary>
public sealed record JumpStmt(bool IsContinue) : Stmt;

/// <summary>What a leaf name refers to.</summary>
public readonly struct Leaf
{
    private Leaf(string array, string index)
    {
        Array = array;
        Index = index;
    }

    /// <summary>The array or buffer name for an element leaf (<c>w</c> in <c>w[j]</c>), else null.</summary>
    public string? Array { get; }

    /// <summary>The index text for an element leaf (<c>j</c> in <c>w[j]</c>), else null.</summary>
    public string? Index { get; }

    /// <summary>True for <c>name[index]</c>.</summary>
    public bool IsElement => Array != null;

    /// <summary>Every variable name <paramref name="e"/> reads, each once.</summary>
    public static IEnumerable<string> In(Expr e)
    {
        var seen = new HashSet<string>();
        var stack = new Stack<Expr>();
        stack.Push(e);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is Variable v)
            {
                if (seen.Add(v.Name))
                {
                    yield return v.Name;
                }

                continue;
            }

            foreach (var child in node.Children)
            {
                stack.Push(child);
            }
        }
    }

    /// <summary>True for a character of a C# name as the IR writes it: a letter, a digit, <c>_</c>, or the <c>@</c> of an escaped keyword.</summary>
    public static bool IsNameCharacter(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '@';

    /// <summary>What a leaf belongs to: the array or buffer for an element (<c>w</c> for <c>w[j]</c>), else the name itself.</summary>
    public static string Root(string name) => Parse(name) is { IsElement: true } element ? element.Array! : name;

    /// <summary>Splits <c>name[index]</c>; any other name is not an element.</summary>
    public static Leaf Parse(string name)
    {
        var open = name.IndexOf('[');
        if (open <= 0 || name[name.Length - 1] != ']')
        {
            return default;
        }

        for (var i = 0; i < open; i++)
        {
            if (!IsNameCharacter(name[i]))
            {
                return default;
            }
        }

        return new Leaf(name.Substring(0, open), name.Substring(open + 1, name.Length - open - 2));
    }
}
