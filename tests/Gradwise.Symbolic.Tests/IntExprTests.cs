using System.Linq;
using Gradwise.Symbolic;
using Xunit;

namespace Gradwise.Symbolic.Tests;

public sealed class IntExprTests
{
    private static readonly IntExpr I = IntExpr.Var("i");
    private static readonly IntExpr J = IntExpr.Var("j");
    private static readonly IntExpr D = IntExpr.Var("d");

    private static IntExpr Mul(IntExpr a, IntExpr b) => IntExpr.Binary(IntOperator.Multiply, a, b);

    private static IntExpr Sub(IntExpr a, IntExpr b) => IntExpr.Binary(IntOperator.Subtract, a, b);

    [Fact]
    public void A_right_operand_of_the_same_precedence_keeps_its_parentheses() =>
        Assert.Equal("i - (j - d)", IntFormatter.Format(Sub(I, Sub(J, D))));

    [Fact]
    public void A_left_operand_of_the_same_precedence_needs_none() =>
        Assert.Equal("i - j - d", IntFormatter.Format(Sub(Sub(I, J), D)));

    [Fact]
    public void A_sum_under_a_product_is_parenthesized() =>
        Assert.Equal("(i + j) * d", IntFormatter.Format(Mul(IntExpr.Plus(I, J), D)));

    [Fact]
    public void Negations_and_negative_constants_are_parenthesized_as_operands()
    {
        Assert.Equal("-(-i)", IntFormatter.Format(new IntNegation(new IntNegation(I))));
        Assert.Equal("i * (-2)", IntFormatter.Format(Mul(I, new IntConstant(-2))));
    }

    [Fact]
    public void A_truncated_product_stays_one_operand_of_the_cast() =>
        Assert.Equal("(int)(f * n)", IntFormatter.Format(new IntTruncation(Ex.Var("f") * Ex.Var("n"))));

    [Fact]
    public void A_row_offset_plus_an_index_keeps_the_counter_last()
    {
        var offset = Mul(I, D);
        Assert.Equal(new IntBinary(IntOperator.Add, new IntBinary(IntOperator.Add, offset, J), IntExpr.One), IntExpr.Plus(offset, IntExpr.Plus(J, IntExpr.One)));
        Assert.Equal(new IntBinary(IntOperator.Subtract, new IntBinary(IntOperator.Add, offset, J), IntExpr.One), IntExpr.Plus(offset, Sub(J, IntExpr.One)));
        Assert.Equal("i * d + j - 1", IntFormatter.Format(IntExpr.Plus(offset, Sub(J, IntExpr.One))));
        Assert.Same(J, IntExpr.Plus(IntExpr.Zero, J));
    }

    [Fact]
    public void Elements_are_equal_when_their_arrays_and_indices_are()
    {
        var a = Ex.Element("w", IntExpr.Plus(Mul(I, D), J));
        var b = Ex.Element("w", IntExpr.Plus(Mul(I, D), J));
        var c = Ex.Element("w", IntExpr.Plus(Mul(D, I), J));
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
        Assert.Equal("w[i * d + j]", a.Name);
        Assert.Equal("w", a.Root);
        Assert.True(a.IsElement);
        Assert.False(Ex.Var("w").IsElement);
    }

    [Fact]
    public void Names_are_every_variable_and_array_read_including_inside_a_truncation()
    {
        var index = IntExpr.Plus(new IntElement("offsets", I), new IntTruncation(Ex.Var("f") * Ex.Int(D) + Ex.Element("x", J)));
        Assert.Equal(new[] { "d", "f", "i", "j", "offsets", "x" }, index.Names().Distinct().OrderBy(n => n, System.StringComparer.Ordinal));
    }
}
