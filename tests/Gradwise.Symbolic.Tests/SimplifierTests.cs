using CsCheck;
using Gradwise.Symbolic;
using Xunit;

namespace Gradwise.Symbolic.Tests;

/// <summary>The textbook results come out exactly, and no rewrite changes a value.</summary>
public sealed class SimplifierTests
{
    private static readonly Expr Y = Ex.Var("y");
    private static readonly Expr Z = Ex.Var("z");
    private static readonly Expr LogisticByHand = Ex.One / (Ex.One + Ex.Call(MathFunction.Exp, -Z));

    private static Expr Log(Expr e) => Ex.Call(MathFunction.Log, e);

    private static Expr Exp(Expr e) => Ex.Call(MathFunction.Exp, e);

    private static Expr Sigmoid(Expr e) => Ex.Call(MathFunction.Sigmoid, e);

    private static string Gradient(Expr f, string x) => Simplifier.Simplify(Differentiator.Differentiate(Simplifier.ApplyIdentities(f), x)).ToString();

    [Fact]
    public void Cross_entropy_of_a_sigmoid_has_gradient_sigmoid_minus_label()
    {
        var loss = -((Y * Log(LogisticByHand)) + ((Ex.One - Y) * Log(Ex.One - LogisticByHand)));

        Assert.Equal("Sigmoid(z) - y", Gradient(loss, "z"));
    }

    [Fact]
    public void Cross_entropy_written_with_a_named_sigmoid_has_the_same_gradient()
    {
        var loss = -((Y * Log(Sigmoid(Z))) + ((Ex.One - Y) * Log(Ex.One - Sigmoid(Z))));

        Assert.Equal("Sigmoid(z) - y", Gradient(loss, "z"));
    }

    [Fact]
    public void Squared_error_of_a_sigmoid_carries_the_sigmoid_derivative()
    {
        var loss = Ex.Const(0.5) * (LogisticByHand - Y) * (LogisticByHand - Y);

        Assert.Equal("(Sigmoid(z) - y) * Sigmoid(z) * (1 - Sigmoid(z))", Gradient(loss, "z"));
    }

    [Fact]
    public void Log_one_plus_exp_is_softplus_with_a_sigmoid_gradient()
    {
        var f = Log(Ex.One + Exp(Z));

        Assert.Equal("Softplus(z)", Simplifier.ApplyIdentities(f).ToString());
        Assert.Equal("Sigmoid(z)", Gradient(f, "z"));
        Assert.Equal(800.0, Simplifier.ApplyIdentities(f).Evaluate(new Dictionary<string, double> { ["z"] = 800 }));
    }

    [Theory]
    [InlineData("exp/(1+exp)")]
    [InlineData("tanh")]
    [InlineData("1/(1+exp(-u))")]
    public void Logistic_is_recognized_in_every_algebraic_form(string form)
    {
        var e = form switch
        {
            "exp/(1+exp)" => Exp(Z) / (Ex.One + Exp(Z)),
            "tanh" => Ex.Const(0.5) * (Ex.One + Ex.Call(MathFunction.Tanh, Z / Ex.Const(2))),
            _ => LogisticByHand,
        };

        Assert.Equal(Sigmoid(Z), Simplifier.ApplyIdentities(e));
    }

    [Fact]
    public void Log_of_a_constant_times_exp_splits() =>
        Assert.Equal(Log(Y) + Z, Simplifier.ApplyIdentities(Log(Y * Exp(Z))));

    [Fact]
    public void One_minus_sigmoid_is_sigmoid_of_the_negation_numerically()
    {
        var rewritten = Simplifier.ApplyIdentities(Sigmoid(-Z));
        foreach (var z in new[] { -30.0, -2.0, 0.0, 1.5, 30.0 })
        {
            Assert.Equal(Evaluator.Apply(MathFunction.Sigmoid, -z), rewritten.Evaluate(new Dictionary<string, double> { ["z"] = z }), 1e-15);
        }
    }

    [Fact]
    public void Common_factors_cancel_in_quotients()
    {
        var x = Ex.Var("x");
        var quotient = ((x * Y) + (x * Z)) / x;

        Assert.Equal("y + z", Simplifier.Simplify(quotient).ToString());
    }

    [Fact]
    public void Simplification_never_changes_a_value()
    {
        var checkedPoints = 0;
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var e = RandomExpression.Create(seed);
            var simplified = Simplifier.Simplify(e.Expr);
            var random = new Random(seed);
            for (var k = 0; k < 4; k++)
            {
                var point = CanonicalFormTests.RandomPoint(random);
                var expected = e.Oracle(point);
                if (!double.IsFinite(expected) || Math.Abs(expected) > 1e6 || !CanonicalFormTests.IsWellConditioned(e.Oracle, point))
                {
                    continue;
                }

                var actual = simplified.Evaluate(CanonicalFormTests.Env(point));
                Assert.True(CanonicalFormTests.Close(expected, actual, 1e-8), $"{e} → {simplified} at ({string.Join(", ", point)}): {expected} vs {actual}");
                Interlocked.Increment(ref checkedPoints);
            }
        }, iter: 2000);

        Assert.True(checkedPoints > 2000, $"only {checkedPoints} points checked");
    }
}
