using System.Collections.Generic;

namespace Gradwise.Symbolic;

/// <summary>
/// An int value of a <see cref="Procedure"/>: an index, a loop bound, a buffer length, an int local.
/// Typed, with structural equality (records), so the emitter asks what an index is made of
/// (<c>offset + j</c>, a start of 0) instead of reading C# text; C# text is written only by
/// <see cref="IntFormatter"/>.
/// </summary>
public abstract record IntExpr
{
    /// <summary>The constant 0.</summary>
    public static IntExpr Zero { get; } = new IntConstant(0);

    /// <summary>The constant 1.</summary>
    public static IntExpr One { get; } = new IntConstant(1);

    /// <summary>A named int: a parameter, a local or a loop counter.</summary>
    public static IntExpr Var(string name) => new IntVariable(name);

    /// <summary><paramref name="left"/> <paramref name="op"/> <paramref name="right"/>.</summary>
    public static IntExpr Binary(IntOperator op, IntExpr left, IntExpr right) => new IntBinary(op, left, right);

    /// <summary>
    /// <paramref name="left"/> + <paramref name="right"/>, left-associated: <c>o + (k + j)</c> is built as
    /// <c>(o + k) + j</c> and <c>o + (k - 1)</c> as <c>(o + k) - 1</c>, so a row offset plus the counter keeps the counter as its last term.
    /// </summary>
    public static IntExpr Plus(IntExpr left, IntExpr right) => right switch
    {
        IntConstant { Value: 0 } => left,
        IntBinary { Operator: IntOperator.Add } sum => Plus(Plus(left, sum.Left), sum.Right),
        IntBinary { Operator: IntOperator.Subtract } difference => new IntBinary(IntOperator.Subtract, Plus(left, difference.Left), difference.Right),
        _ when left is IntConstant { Value: 0 } => right,
        _ => new IntBinary(IntOperator.Add, left, right),
    };

    /// <summary><paramref name="left"/> − <paramref name="right"/> (no folding beyond subtracting 0).</summary>
    public static IntExpr Minus(IntExpr left, IntExpr right) => right is IntConstant { Value: 0 } ? left : new IntBinary(IntOperator.Subtract, left, right);

    /// <summary>The named values this reads: int variables, arrays whose length or elements it reads, and the leaves of a truncated double.</summary>
    public IEnumerable<string> Names()
    {
        var stack = new Stack<IntExpr>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case IntVariable v:
                    yield return v.Name;
                    break;
                case IntSetting setting:
                    yield return setting.Name;
                    break;
                case IntLength length:
                    yield return length.Array;
                    break;
                case IntRowLength rowLength:
                    yield return rowLength.Array;
                    stack.Push(rowLength.Row);
                    break;
                case IntRow position:
                    stack.Push(position.Column);
                    stack.Push(position.Row);
                    break;
                case IntGrid cell:
                    stack.Push(cell.Column);
                    stack.Push(cell.Row);
                    break;
                case IntDimension dimension:
                    yield return dimension.Array;
                    break;
                case IntElement element:
                    yield return element.Array;
                    stack.Push(element.Index);
                    break;
                case IntBinary binary:
                    stack.Push(binary.Right);
                    stack.Push(binary.Left);
                    break;
                case IntNegation negation:
                    stack.Push(negation.Operand);
                    break;
                case IntExtremum extremum:
                    stack.Push(extremum.Right);
                    stack.Push(extremum.Left);
                    break;
                case IntTruncation truncation:
                    foreach (var leaf in Leaf.In(truncation.Value))
                    {
                        if (leaf.IntValue is { } value)
                        {
                            stack.Push(value);
                            continue;
                        }

                        yield return leaf.Root;
                        if (leaf.Index is { } index)
                        {
                            stack.Push(index);
                        }
                    }

                    break;
            }
        }
    }
}

/// <summary>An int literal.</summary>
public sealed record IntConstant(int Value) : IntExpr;

/// <summary>
/// A setting the method reads and never changes, as an int: an <c>int</c>, <c>enum</c> or <c>bool</c> member of the model or of a
/// layer (<c>this.hidden.Activation</c>), or a static one. Fixed for the call, so both sweeps read the same value; it has no
/// derivative. An enum is its underlying value, a bool is 1 or 0.
/// </summary>
/// <param name="Name">The member as the generated code reads it (<c>this.hidden.Activation</c>).</param>
/// <param name="Kind">How the member's type becomes an int.</param>
public sealed record IntSetting(string Name, SettingKind Kind) : IntExpr;

/// <summary>The type of an <see cref="IntSetting"/>.</summary>
public enum SettingKind
{
    /// <summary>An int: its value.</summary>
    Int,

    /// <summary>An enum: its underlying value, <c>(int)</c>.</summary>
    Enum,

    /// <summary>A bool: 1 or 0.</summary>
    Bool,
}

/// <summary>An int parameter, local or loop counter, by its emitted name.</summary>
public sealed record IntVariable(string Name) : IntExpr;

/// <summary>The operators of int expressions.</summary>
public enum IntOperator
{
    /// <summary>+</summary>
    Add,
    /// <summary>−</summary>
    Subtract,
    /// <summary>×</summary>
    Multiply,
    /// <summary>/ (C#'s truncating division)</summary>
    Divide,
    /// <summary>% (C#'s remainder)</summary>
    Remainder,
}

/// <summary>A binary int operation.</summary>
public sealed record IntBinary(IntOperator Operator, IntExpr Left, IntExpr Right) : IntExpr;

/// <summary>−Operand.</summary>
public sealed record IntNegation(IntExpr Operand) : IntExpr;

/// <summary><c>Array.Length</c> of a span or array parameter.</summary>
public sealed record IntLength(string Array) : IntExpr;

/// <summary><c>Array[Index]</c> of an int span or array parameter.</summary>
public sealed record IntElement(string Array, IntExpr Index) : IntExpr;

/// <summary><c>Math.Max(Left, Right)</c> or <c>Math.Min(Left, Right)</c> over ints.</summary>
public sealed record IntExtremum(bool IsMax, IntExpr Left, IntExpr Right) : IntExpr;

/// <summary><c>(int)Value</c>: a double, fixed for the call, truncated toward zero.</summary>
public sealed record IntTruncation(Expr Value) : IntExpr;

/// <summary><c>Array[Row].Length</c>: the length of one row of a jagged (<c>double[][]</c>) parameter.</summary>
public sealed record IntRowLength(string Array, IntExpr Row) : IntExpr;

/// <summary>
/// Where an element of a jagged (<c>double[][]</c>) parameter is: row <paramref name="Row"/>, then <paramref name="Column"/>
/// in that row (<c>w[i][j]</c>). Only ever the index of an element leaf, never an int value of its own.
/// </summary>
public sealed record IntRow(IntExpr Row, IntExpr Column) : IntExpr;

/// <summary><c>Array.GetLength(Dimension)</c>: the number of rows (0) or columns (1) of a rectangular (<c>double[,]</c>) parameter.</summary>
public sealed record IntDimension(string Array, int Dimension) : IntExpr;

/// <summary>
/// Where an element of a rectangular (<c>double[,]</c>) parameter is: <c>w[Row, Column]</c>. Only ever the index of an
/// element leaf, never an int value of its own.
/// </summary>
public sealed record IntGrid(IntExpr Row, IntExpr Column) : IntExpr;
