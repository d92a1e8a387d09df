using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Gradwise.Symbolic;

/// <summary>The node kinds, in the order that sorts terms and factors canonically.</summary>
public enum ExprKind
{
    /// <summary>A real number.</summary>
    Constant = 0,
    /// <summary>A named input (a parameter or a local bound outside the expression).</summary>
    Variable = 1,
    /// <summary>A call of a known function such as exp or sigmoid.</summary>
    Call = 2,
    /// <summary>A call of another [Differentiable] method, or of one of its partial derivatives.</summary>
    UserCall = 3,
    /// <summary>base ^ exponent.</summary>
    Power = 4,
    /// <summary>An n-ary product; a constant coefficient, if any, comes first.</summary>
    Product = 5,
    /// <summary>An n-ary sum.</summary>
    Sum = 6,
    /// <summary>predicate ? then : else.</summary>
    Conditional = 7,
    /// <summary>A comparison (a predicate): 1 when true, 0 when false.</summary>
    Compare = 8,
    /// <summary>&amp;&amp;, || or ! of predicates.</summary>
    Logical = 9,
}

/// <summary>
/// An immutable expression node with structural equality. Build nodes with <see cref="Ex"/>,
/// which keeps them in a canonical form (flattened, constants folded, like terms collected,
/// operands sorted), so structurally equal math compares equal and hashes alike.
/// </summary>
public abstract class Expr : IEquatable<Expr>
{
    private readonly int hash;

    private protected Expr(ExprKind kind, int hash)
    {
        Kind = kind;
        this.hash = hash;
    }

    /// <summary>What this node is.</summary>
    public ExprKind Kind { get; }

    /// <summary>The operands, in canonical order.</summary>
    public abstract IReadOnlyList<Expr> Children { get; }

    /// <summary>True for constants and variables.</summary>
    public bool IsAtom => Kind == ExprKind.Constant || Kind == ExprKind.Variable;

    /// <inheritdoc />
    public bool Equals(Expr? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other.hash != hash || other.Kind != Kind)
        {
            return false;
        }

        return EqualsSameKind(other);
    }

    private protected abstract bool EqualsSameKind(Expr other);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Expr e && Equals(e);

    /// <inheritdoc />
    public override int GetHashCode() => hash;

    /// <summary>The expression in C#-like notation with short function names, as the docs show it.</summary>
    public override string ToString() => ExprFormatter.Docs.Format(this);

    /// <summary>Evaluates the expression with the given variable values.</summary>
    public double Evaluate(IReadOnlyDictionary<string, double> variables) => Evaluator.Evaluate(this, variables);

    internal static int Combine(int a, int b) => unchecked((a * 397) ^ b);

    internal static int HashOf(IReadOnlyList<Expr> items, int seed)
    {
        var h = seed;
        for (var i = 0; i < items.Count; i++)
        {
            h = Combine(h, items[i].GetHashCode()); // by index: a foreach over the interface allocates an enumerator per node built
        }

        return h;
    }

    internal static bool SequenceEqual(IReadOnlyList<Expr> a, IReadOnlyList<Expr> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!a[i].Equals(b[i]))
            {
                return false;
            }
        }

        return true;
    }

#pragma warning disable CS1591 // operators for building expressions in code and tests
    public static Expr operator +(Expr a, Expr b) => Ex.Add(a, b);
    public static Expr operator -(Expr a, Expr b) => Ex.Sub(a, b);
    public static Expr operator *(Expr a, Expr b) => Ex.Mul(a, b);
    public static Expr operator /(Expr a, Expr b) => Ex.Div(a, b);
    public static Expr operator -(Expr a) => Ex.Neg(a);
    public static implicit operator Expr(double value) => Ex.Const(value);
#pragma warning restore CS1591
}

/// <summary>A real constant.</summary>
public sealed class Constant : Expr
{
    internal Constant(double value)
        : base(ExprKind.Constant, value.GetHashCode())
    {
        Value = value;
    }

    /// <summary>The value.</summary>
    public double Value { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => Array.Empty<Expr>();

    private protected override bool EqualsSameKind(Expr other) => ((Constant)other).Value.Equals(Value);

    /// <summary>The value, round-trippable, invariant culture.</summary>
    public string Text => Value.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>A named input.</summary>
public sealed class Variable : Expr
{
    internal Variable(string name)
        : base(ExprKind.Variable, StringComparer.Ordinal.GetHashCode(name))
    {
        Name = name;
    }

    internal Variable(string array, IntExpr index)
        : this(array + IntFormatter.Subscript(index))
    {
        Array = array;
        Index = index;
    }

    internal Variable(IntExpr value)
        : this(IntFormatter.Operand(value))
    {
        IntValue = value;
    }

    /// <summary>
    /// The name: for a scalar, as the user wrote it (or the emitted name of a local); for an element or an int value, its
    /// C# text (<c>w[i * d + j]</c>), which is what derivations show and what tells leaves apart (it is
    /// written from <see cref="Array"/> and <see cref="Index"/>, so equal text is an equal element).
    /// </summary>
    public string Name { get; }

    /// <summary>The span, array or buffer an element leaf reads (<c>w</c> in <c>w[j]</c>); null for a scalar.</summary>
    public string? Array { get; }

    /// <summary>The index an element leaf reads at; null for a scalar.</summary>
    public IntExpr? Index { get; }

    /// <summary>For an int value read as a double (<c>labels[i]</c>, <c>k</c> in <c>x * k</c>): the int; else null. It has no derivative.</summary>
    public IntExpr? IntValue { get; }

    /// <summary>True for an element of a span, an array or a buffer.</summary>
    public bool IsElement => Array != null;

    /// <summary>What the leaf belongs to: the array or buffer of an element, else the name itself.</summary>
    public string Root => Array ?? Name;

    /// <summary>Every named value the leaf reads: its own name, or an element's array and the ints in its index, or the ints of an int value.</summary>
    public System.Collections.Generic.IEnumerable<string> Reads()
    {
        if (IntValue is { } value)
        {
            return value.Names();
        }

        return Index is { } index ? new[] { Array! }.Concat(index.Names()) : new[] { Name };
    }

    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => System.Array.Empty<Expr>();

    private protected override bool EqualsSameKind(Expr other) => string.Equals(((Variable)other).Name, Name, StringComparison.Ordinal);
}

/// <summary>An n-ary sum of at least two terms.</summary>
public sealed class Sum : Expr
{
    private readonly Expr[] terms;

    internal Sum(Expr[] terms)
        : base(ExprKind.Sum, HashOf(terms, (int)ExprKind.Sum))
    {
        this.terms = terms;
    }

    /// <summary>The terms.</summary>
    public IReadOnlyList<Expr> Terms => terms;

    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => terms;

    private protected override bool EqualsSameKind(Expr other) => SequenceEqual(terms, ((Sum)other).terms);
}

/// <summary>An n-ary product of at least two factors; a constant coefficient comes first.</summary>
public sealed class Product : Expr
{
    private readonly Expr[] factors;

    internal Product(Expr[] factors)
        : base(ExprKind.Product, HashOf(factors, (int)ExprKind.Product))
    {
        this.factors = factors;
    }

    /// <summary>The factors.</summary>
    public IReadOnlyList<Expr> Factors => factors;

    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => factors;

    private protected override bool EqualsSameKind(Expr other) => SequenceEqual(factors, ((Product)other).factors);

    /// <summary>The constant coefficient (1 when there is none).</summary>
    public double Coefficient => factors[0] is Constant c ? c.Value : 1.0;
}

/// <summary>base ^ exponent.</summary>
public sealed class Power : Expr
{
    internal Power(Expr @base, Expr exponent)
        : base(ExprKind.Power, Combine(Combine((int)ExprKind.Power, @base.GetHashCode()), exponent.GetHashCode()))
    {
        Base = @base;
        Exponent = exponent;
    }

    /// <summary>The base.</summary>
    public Expr Base { get; }

    /// <summary>The exponent.</summary>
    public Expr Exponent { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => new[] { Base, Exponent };

    private protected override bool EqualsSameKind(Expr other)
    {
        var p = (Power)other;
        return p.Base.Equals(Base) && p.Exponent.Equals(Exponent);
    }
}

/// <summary>A call of a known function.</summary>
public sealed class Call : Expr
{
    private readonly Expr[] arguments;

    internal Call(MathFunction function, Expr[] arguments)
        : base(ExprKind.Call, HashOf(arguments, Combine((int)ExprKind.Call, (int)function)))
    {
        Function = function;
        this.arguments = arguments;
    }

    /// <summary>The function.</summary>
    public MathFunction Function { get; }

    /// <summary>The arguments.</summary>
    public IReadOnlyList<Expr> Arguments => arguments;

    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => arguments;

    private protected override bool EqualsSameKind(Expr other)
    {
        var c = (Call)other;
        return c.Function == Function && SequenceEqual(arguments, c.arguments);
    }
}

/// <summary>The comparisons a predicate can make; &gt; and &gt;= are stored with their operands swapped.</summary>
public enum CompareOperator
{
    /// <summary>a &lt; b.</summary>
    Less,
    /// <summary>a &lt;= b.</summary>
    LessOrEqual,
    /// <summary>a == b.</summary>
    Equal,
    /// <summary>a != b.</summary>
    NotEqual,
}

/// <summary>A comparison of two expressions; a predicate.</summary>
public sealed class Compare : Expr
{
    internal Compare(CompareOperator op, Expr left, Expr right)
        : base(ExprKind.Compare, Combine(Combine(Combine((int)ExprKind.Compare, (int)op), left.GetHashCode()), right.GetHashCode()))
    {
        Operator = op;
        Left = left;
        Right = right;
    }

    /// <summary>The comparison.</summary>
    public CompareOperator Operator { get; }

    /// <summary>The left operand.</summary>
    public Expr Left { get; }

    /// <summary>The right operand.</summary>
    public Expr Right { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => new[] { Left, Right };

    private protected override bool EqualsSameKind(Expr other)
    {
        var c = (Compare)other;
        return c.Operator == Operator && c.Left.Equals(Left) && c.Right.Equals(Right);
    }
}

/// <summary>The logical operators.</summary>
public enum LogicalOperator
{
    /// <summary>All operands are true.</summary>
    And,
    /// <summary>Any operand is true.</summary>
    Or,
    /// <summary>The single operand is false.</summary>
    Not,
}

/// <summary>&amp;&amp;, || (n-ary) or ! (unary) of predicates.</summary>
public sealed class Logical : Expr
{
    private readonly Expr[] operands;

    internal Logical(LogicalOperator op, Expr[] operands)
        : base(ExprKind.Logical, HashOf(operands, Combine((int)ExprKind.Logical, (int)op)))
    {
        Operator = op;
        this.operands = operands;
    }

    /// <summary>The operator.</summary>
    public LogicalOperator Operator { get; }

    /// <summary>The operands (predicates).</summary>
    public IReadOnlyList<Expr> Operands => operands;

    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => operands;

    private protected override bool EqualsSameKind(Expr other)
    {
        var l = (Logical)other;
        return l.Operator == Operator && SequenceEqual(operands, l.operands);
    }
}

/// <summary>predicate ? then : else. Only the taken branch is evaluated, in the math and in generated code.</summary>
public sealed class Conditional : Expr
{
    internal Conditional(Expr predicate, Expr then, Expr @else)
        : base(ExprKind.Conditional, Combine(Combine(Combine((int)ExprKind.Conditional, predicate.GetHashCode()), then.GetHashCode()), @else.GetHashCode()))
    {
        Predicate = predicate;
        Then = then;
        Else = @else;
    }

    /// <summary>The condition.</summary>
    public Expr Predicate { get; }

    /// <summary>The value when the condition holds.</summary>
    public Expr Then { get; }

    /// <summary>The value otherwise.</summary>
    public Expr Else { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => new[] { Predicate, Then, Else };

    private protected override bool EqualsSameKind(Expr other)
    {
        var c = (Conditional)other;
        return c.Predicate.Equals(Predicate) && c.Then.Equals(Then) && c.Else.Equals(Else);
    }
}

/// <summary>
/// The method a <see cref="UserCall"/> calls: another [Differentiable] method, known by the
/// C# text that calls it and by which of its parameters have a gradient.
/// </summary>
public sealed class UserFunction : IEquatable<UserFunction>
{
    /// <summary>Creates a description of a callable differentiable method.</summary>
    /// <param name="target">The C# expression that names the method, e.g. <c>global::Ns.Losses.LogLoss</c>.</param>
    /// <param name="name">The short name used in derivations, e.g. <c>LogLoss</c>.</param>
    /// <param name="parameterNames">The parameter names, for derivations.</param>
    /// <param name="hasGradient">For each parameter, whether the generated method has an out parameter for it.</param>
    public UserFunction(string target, string name, IReadOnlyList<string> parameterNames, IReadOnlyList<bool> hasGradient)
    {
        Target = target;
        Name = name;
        ParameterNames = parameterNames;
        HasGradient = hasGradient;
    }

    /// <summary>The C# expression that names the method.</summary>
    public string Target { get; }

    /// <summary>The short name.</summary>
    public string Name { get; }

    /// <summary>The parameter names.</summary>
    public IReadOnlyList<string> ParameterNames { get; }

    /// <summary>Whether each parameter has a gradient.</summary>
    public IReadOnlyList<bool> HasGradient { get; }

    /// <inheritdoc />
    public bool Equals(UserFunction? other) =>
        other != null && other.Target == Target && other.Name == Name
        && System.Linq.Enumerable.SequenceEqual(other.ParameterNames, ParameterNames)
        && System.Linq.Enumerable.SequenceEqual(other.HasGradient, HasGradient);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is UserFunction f && Equals(f);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Target);
}

/// <summary>
/// A call of another [Differentiable] method (<see cref="Partial"/> = -1) or of its partial
/// derivative with respect to parameter <see cref="Partial"/>. Generated code computes the value
/// and the partials of one call together, through the callee's <c>WithGradient</c> method.
/// </summary>
public sealed class UserCall : Expr
{
    private readonly Expr[] arguments;

    internal UserCall(UserFunction function, int partial, Expr[] arguments)
        : base(ExprKind.UserCall, HashOf(arguments, Combine(Combine((int)ExprKind.UserCall, function.GetHashCode()), partial)))
    {
        Function = function;
        Partial = partial;
        this.arguments = arguments;
    }

    /// <summary>The callee.</summary>
    public UserFunction Function { get; }

    /// <summary>-1 for the value, else the index of the parameter this is the partial derivative for.</summary>
    public int Partial { get; }

    /// <summary>The arguments.</summary>
    public IReadOnlyList<Expr> Arguments => arguments;

    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => arguments;

    /// <summary>The value call with the same arguments.</summary>
    public UserCall ValueCall => Partial < 0 ? this : new UserCall(Function, -1, arguments);

    private protected override bool EqualsSameKind(Expr other)
    {
        var c = (UserCall)other;
        return c.Partial == Partial && c.Function.Equals(Function) && SequenceEqual(arguments, c.arguments);
    }
}
