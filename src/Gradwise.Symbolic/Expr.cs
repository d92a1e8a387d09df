using System;
using System.Collections.Generic;
using System.Globalization;

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
    /// <summary>base ^ exponent.</summary>
    Power = 3,
    /// <summary>An n-ary product; a constant coefficient, if any, comes first.</summary>
    Product = 4,
    /// <summary>An n-ary sum.</summary>
    Sum = 5,
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
        foreach (var item in items)
        {
            h = Combine(h, item.GetHashCode());
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

    /// <summary>The name, as the user wrote it.</summary>
    public string Name { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => Array.Empty<Expr>();

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
