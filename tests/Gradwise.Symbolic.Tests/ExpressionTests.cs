using CsCheck;
using Gradwise.Symbolic;
using Xunit;

namespace Gradwise.Symbolic.Tests;

public sealed class CanonicalFormTests
{
    private static readonly Expr X = Ex.Var("x");
    private static readonly Expr Y = Ex.Var("y");
    private static readonly Expr Z = Ex.Var("z");

    [Fact]
    public void Products_commute() => Assert.Equal(X * Y, Y * X);

    [Fact]
    public void Sums_commute_and_associate() => Assert.Equal((X + Y) + Z, Z + (Y + X));

    [Fact]
    public void Like_terms_are_collected() => Assert.Equal(Ex.Const(3) * X, X + X + X);

    [Fact]
    public void A_term_minus_itself_is_zero() => Assert.Equal(Ex.Zero, (X * Y) - (Y * X));

    [Fact]
    public void Like_factors_become_a_power() => Assert.Equal(Ex.Pow(X, 3.0), X * X * X);

    [Fact]
    public void A_power_of_e_is_an_exponential()
    {
        // Math.Pow(Math.E, u) and MathF.Pow(MathF.E, u) are exp(u); any other base stays a power.
        Assert.Equal(Ex.Call(MathFunction.Exp, -Z), Ex.Pow(Ex.Const(Math.E), -Z));
        Assert.Equal(Ex.Call(MathFunction.Exp, Z), Ex.Pow(Ex.Const(MathF.E), Z));
        Assert.IsType<Power>(Ex.Pow(Ex.Const(2.718), Z));
        var u = -Z * Y;
        var at = new Dictionary<string, double> { ["z"] = 0.7, ["y"] = -1.3 };
        Assert.Equal(Math.Pow(Math.E, 0.7 * 1.3), Ex.Pow(Ex.Const(Math.E), u).Evaluate(at), 12);
    }

    [Fact]
    public void Division_by_itself_cancels() => Assert.Equal(Ex.One, (X * Y) / (Y * X));

    [Fact]
    public void Negated_difference_is_the_reversed_difference() => Assert.Equal(Y - X, -(X - Y));

    [Fact]
    public void Constants_fold() => Assert.Equal(Ex.Const(7), Ex.Const(3) + (Ex.Const(2) * Ex.Const(2)));

    [Fact]
    public void Log_of_exp_is_the_argument() => Assert.Equal(X, Ex.Call(MathFunction.Log, Ex.Call(MathFunction.Exp, X)));

    [Fact]
    public void Equal_expressions_hash_alike() => Assert.Equal((X * Y + Z).GetHashCode(), (Z + Y * X).GetHashCode());

    [Fact]
    public void Negation_is_the_product_with_minus_one()
    {
        // Neg builds constants and leaves directly; the general product is the oracle for every node of random expressions.
        var compared = 0;
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            foreach (var node in Nodes(RandomExpression.Create(seed).Expr))
            {
                Assert.Equal(Ex.Mul(new[] { Ex.MinusOne, node }), Ex.Neg(node));
                Interlocked.Increment(ref compared);
            }
        });
        foreach (var constant in new[] { 0.0, -0.0, 1.0, -1.0, 2.5, double.NaN, double.PositiveInfinity })
        {
            Assert.Equal(Ex.Mul(new[] { Ex.MinusOne, Ex.Const(constant) }), Ex.Neg(Ex.Const(constant)));
        }

        // Products with every kind of coefficient: none, −1 (whose negation drops it, leaving one factor or several), others, NaN, ∞.
        var x = Ex.Var("x");
        var y = Ex.Var("y");
        var sum = Ex.Add(new[] { x, Ex.Var("z") });
        foreach (var coefficient in new[] { 1.0, -1.0, 2.5, -0.5, double.NaN, double.NegativeInfinity })
        {
            foreach (var product in new[] { Ex.Mul(new[] { Ex.Const(coefficient), x, y }), Ex.Mul(new[] { Ex.Const(coefficient), x, sum }), Ex.Mul(new[] { Ex.Const(coefficient), Ex.Pow(x, Ex.Const(2)), y, sum }) })
            {
                Assert.Equal(Ex.Mul(new[] { Ex.MinusOne, product }), Ex.Neg(product));
            }
        }

        Assert.True(compared > 1000, $"only {compared} nodes compared");

        static IEnumerable<Expr> Nodes(Expr e) => e.Children.SelectMany(Nodes).Prepend(e);
    }

    [Fact]
    public void Canonical_form_never_changes_a_value()
    {
        var checkedPoints = 0;
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var e = RandomExpression.Create(seed);
            var random = new Random(seed);
            for (var k = 0; k < 4; k++)
            {
                var point = RandomPoint(random);
                var expected = e.Oracle(point);
                if (!double.IsFinite(expected) || Math.Abs(expected) > 1e8 || !IsWellConditioned(e.Oracle, point))
                {
                    continue;
                }

                var actual = e.Expr.Evaluate(Env(point));
                Assert.True(Close(expected, actual, 1e-9), $"{e} at ({string.Join(", ", point)}): oracle {expected}, canonical {actual} ({e.Expr})");
                Interlocked.Increment(ref checkedPoints);
            }
        }, iter: 2000);

        Assert.True(checkedPoints > 2000, $"only {checkedPoints} points were in the domain");
    }

    /// <summary>
    /// False where rounding in the last bits of the inputs changes the value visibly (cos of a huge
    /// number, say): two correct evaluation orders may disagree there, so such points are skipped.
    /// </summary>
    internal static bool IsWellConditioned(Func<double[], double> f, double[] point)
    {
        var f0 = f(point);
        for (var i = 0; i < point.Length; i++)
        {
            foreach (var factor in new[] { 1 + 1e-13, 1 - 1e-13 })
            {
                var moved = (double[])point.Clone();
                moved[i] = moved[i] == 0 ? 1e-300 : moved[i] * factor;
                var f1 = f(moved);
                if (!double.IsFinite(f1) || Math.Abs(f1 - f0) > 1e-10 * Math.Max(1.0, Math.Abs(f0)))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>A random point in [-2, 2]³, never exactly 0 (where |x| and √|x| have kinks).</summary>
    internal static double[] RandomPoint(Random random) =>
        RandomExpression.Variables.Select(_ => Math.Round((random.NextDouble() * 4) - 2, 3)).Select(v => v == 0 ? 0.0005 : v).ToArray();

    internal static Dictionary<string, double> Env(double[] point) =>
        RandomExpression.Variables.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => point[p.i]);

    internal static bool Close(double expected, double actual, double tolerance) =>
        Math.Abs(expected - actual) <= tolerance * Math.Max(1.0, Math.Max(Math.Abs(expected), Math.Abs(actual)));
}

public sealed class FormatterTests
{
    private static readonly Expr Y = Ex.Var("y");
    private static readonly Expr Z = Ex.Var("z");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Docs_form_reads_like_the_textbook(string expected, Expr expr) => Assert.Equal(expected, expr.ToString());

    public static TheoryData<string, Expr> Cases() => new()
    {
        { "Sigmoid(z) - y", Ex.Call(MathFunction.Sigmoid, Z) - Y },
        { "-y", -Y },
        { "y - z", -(Z - Y) },
        { "2 * z", Z + Z },
        { "y / z", Y / Z },
        { "y / (z * z)", Y / (Z * Z) },
        { "1 / z", Ex.One / Z },
        { "z * z", Z * Z },
        { "Exp(z) * (Exp(z) - y)", Ex.Call(MathFunction.Exp, Z) * (Ex.Call(MathFunction.Exp, Z) - Y) },
        { "Pow(z - y, 3)", Ex.Pow(Z - Y, 3.0) },
        { "Sqrt(z)", Ex.Pow(Z, 0.5) },
        { "-Exp(z) / y", -Ex.Call(MathFunction.Exp, Z) / Y },
    };

    [Fact]
    public void Code_form_uses_double_literals_and_qualified_calls() =>
        Assert.Equal("0.5 * global::System.Math.Exp(z)", ExprFormatter.Code.Format(Ex.Const(0.5) * Ex.Call(MathFunction.Exp, Z)));

    [Fact]
    public void Code_form_never_writes_integer_division() =>
        Assert.Equal("1.0 / z", ExprFormatter.Code.Format(Ex.One / Z));
}

public sealed class DifferentiatorTests
{
    private static readonly Expr X = Ex.Var("x");

    [Fact]
    public void Derivative_of_a_square_is_twice_the_base() =>
        Assert.Equal(Ex.Const(2) * X, Differentiator.Differentiate(X * X, "x"));

    [Fact]
    public void Derivative_of_a_constant_is_zero() =>
        Assert.Equal(Ex.Zero, Differentiator.Differentiate(Ex.Call(MathFunction.Exp, Ex.Var("y")), "x"));

    [Fact]
    public void Derivative_of_softplus_is_sigmoid() =>
        Assert.Equal(Ex.Call(MathFunction.Sigmoid, X), Differentiator.Differentiate(Ex.Call(MathFunction.Softplus, X), "x"));

    [Theory]
    [InlineData("max")]
    [InlineData("max0")]
    [InlineData("min")]
    [InlineData("min0")]
    [InlineData("clamp")]
    public void Max_min_and_clamp_are_math_functions_at_nan_and_infinities(string shape)
    {
        var y = Ex.Var("y");
        var (expr, oracle) = shape switch
        {
            "max" => (Ex.Max(X, y), (Func<double, double, double>)Math.Max),
            "max0" => (Ex.Max(Ex.Zero, X), (a, _) => Math.Max(0.0, a)),
            "min" => (Ex.Min(X, y), Math.Min),
            "min0" => (Ex.Min(X, Ex.Const(0.5)), (a, _) => Math.Min(a, 0.5)),
            _ => (Ex.Clamp(X, Ex.Const(-1), y), (a, b) => b < -1 ? double.NaN : Math.Clamp(a, -1, b)),
        };
        var inputs = new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity, -2.0, 0.0, 0.5, 3.0 };
        foreach (var a in inputs)
        {
            foreach (var b in inputs)
            {
                var expected = oracle(a, b);
                if (shape == "clamp" && double.IsNaN(expected) && !double.IsNaN(a))
                {
                    continue; // Math.Clamp throws for max < min; no value to compare
                }

                var variables = new Dictionary<string, double> { ["x"] = a, ["y"] = b };
                Assert.Equal(expected, expr.Evaluate(variables));
                var dx = Differentiator.Differentiate(expr, "x").Evaluate(variables);
                Assert.True(!double.IsNaN(a) || double.IsNaN(dx), $"∂{expr}/∂x at x = NaN, y = {b} is {dx}");
            }
        }
    }

    [Fact]
    public void The_stable_softplus_written_by_hand_is_softplus()
    {
        var u = Ex.Var("u");
        var written = Ex.Add(Ex.Max(u, Ex.Zero), Ex.Call(MathFunction.Log, Ex.Add(Ex.One, Ex.Call(MathFunction.Exp, Ex.Neg(Ex.Call(MathFunction.Abs, u))))));
        Assert.Equal(Ex.Call(MathFunction.Softplus, u), Simplifier.ApplyIdentities(written));
        foreach (var x in new[] { -800.0, -3.0, -0.5, 0.0, 0.5, 3.0, 800.0 })
        {
            var variables = new Dictionary<string, double> { ["u"] = x };
            Assert.Equal(written.Evaluate(variables), Simplifier.ApplyIdentities(written).Evaluate(variables), 12);
        }
    }

    [Fact]
    public void The_nan_test_is_never_folded_away()
    {
        Assert.IsType<Compare>(Ex.Equal(X, X));
        Assert.IsType<Compare>(Ex.LessOrEqual(X, X));
        Assert.IsType<Compare>(Ex.NotEqual(X, X));
        Assert.Equal(Ex.False, Ex.Less(X, X));
        Assert.Equal("!double.IsNaN(x)", ExprFormatter.Code.Format(Ex.IsNumber(X)));
        Assert.Equal("Max(x, 0)", Ex.Max(X, Ex.Zero).ToString());
        Assert.Equal("global::System.Math.Clamp(x, -1.0, 1.0)", ExprFormatter.Code.Format(Ex.Clamp(X, Ex.MinusOne, Ex.One)));
    }

    [Fact]
    public void Derivative_of_abs_at_zero_is_zero() =>
        Assert.Equal(0.0, Differentiator.Differentiate(Ex.Call(MathFunction.Abs, X), "x").Evaluate(new Dictionary<string, double> { ["x"] = 0.0 }));

    [Fact]
    public void A_scaled_one_minus_sigmoid_keeps_its_precision_where_the_sigmoid_rounds_to_one()
    {
        // Found by the property test below (seed 2iEvlTCcmcK2): ∂/∂b of (Sin(k) / Log(Softplus(-1.87 / b)))² at b = 0.046, where
        // 1.87 / b ≈ 40.7 and Sigmoid of it rounds to 1. The simplifier wrote 3.74 * Sigmoid(1.87 / b) - 3.74, which is 0 there.
        var b = Ex.Var("b");
        var e = Ex.Pow(Ex.Div(Ex.Call(MathFunction.Sin, Ex.Const(-5.87)), Ex.Call(MathFunction.Log, Ex.Call(MathFunction.Softplus, Ex.Div(Ex.Const(-1.87), b)))), Ex.Const(2));
        var derivative = Simplifier.Simplify(Differentiator.Differentiate(Simplifier.ApplyIdentities(e), "b"));

        // Softplus(v) = Log(1 + Exp(v)) is Exp(v) to within Exp(2v) / 2 for v below -30, where 1 + Exp(v) rounds to 1.
        static double Softplus(double v) => v < -30 ? Math.Exp(v) : Math.Log(1 + Math.Exp(v));
        static double F(double x) => Math.Pow(Math.Sin(-5.87) / Math.Log(Softplus(-1.87 / x)), 2);
        const double at = 0.046, h = 1e-7;
        var expected = (F(at + h) - F(at - h)) / (2 * h);
        var actual = derivative.Evaluate(new Dictionary<string, double> { ["b"] = at });

        Assert.True(expected > 1e-3, $"the oracle: {expected}");
        Assert.True(Math.Abs(actual - expected) <= 1e-6 * Math.Abs(expected) + 1e-9, $"{actual} = {derivative}, expected {expected}");
    }

    [Fact]
    public void A_power_of_the_logistic_keeps_its_derivative_finite_where_the_exponential_overflows()
    {
        // Found by the generator's property test (seed b8pJ_wTqQLC1): ∂/∂a of (1 / (1 + Exp(-Sinh(-1.97 / a))))² at a = 0.134, where
        // Sinh(-14.7) ≈ -1.2e6. Read as (1 + Exp(-Sinh(u)))^-2, its derivative was Exp(...) / (1 + Exp(...))³: inf / inf, NaN.
        var a = Ex.Var("a");
        var logistic = Ex.Div(Ex.One, Ex.Add(Ex.One, Ex.Call(MathFunction.Exp, Ex.Neg(Ex.Call(MathFunction.Sinh, Ex.Div(Ex.Const(-1.97), a))))));
        var e = Ex.Pow(logistic, Ex.Const(2));
        var derivative = Simplifier.Simplify(Differentiator.Differentiate(Simplifier.ApplyIdentities(e), "a"));

        static double F(double x) => Math.Pow(1 / (1 + Math.Exp(-Math.Sinh(-1.97 / x))), 2);
        foreach (var at in new[] { 0.134, 0.9, 2.5 })
        {
            const double h = 1e-6;
            var expected = (F(at + h) - F(at - h)) / (2 * h);
            var actual = derivative.Evaluate(new Dictionary<string, double> { ["a"] = at });
            Assert.True(Math.Abs(actual - expected) <= 1e-5 * Math.Abs(expected) + 1e-9, $"at {at}: {actual} = {derivative}, expected {expected}");
        }
    }

    [Fact]
    public void A_lone_one_minus_sigmoid_keeps_its_digits_where_the_sigmoid_rounds_toward_one()
    {
        // ∂/∂c log(max(softplus(−2.79 / c), b)), with b below the softplus, is σ(−2.79 / c) · (2.79 / c²) / softplus(−2.79 / c): at
        // c = 0.088 a quotient of two numbers near 1.7e-14. Written with 1 − σ(2.79 / c) the numerator keeps only 1's absolute
        // precision, and the derivative was off by 0.5% (CsCheck seed c_wwPy67Ib13 of the property test below).
        var e = Ex.Call(MathFunction.Log, Ex.Max(Ex.Call(MathFunction.Softplus, Ex.Neg(Ex.Div(Ex.Const(2.79), Ex.Var("c")))), Ex.Var("b")));
        var derivative = Simplifier.Simplify(Differentiator.Differentiate(Simplifier.ApplyIdentities(e), "c"));

        const double c = 0.088;
        var x = Math.Exp(-2.79 / c); // e^(−v): σ(−v) = x / (1 + x), softplus(−v) = log(1 + x) = x − x²/2 + O(x³)
        var expected = 2.79 / (c * c) * (x / (1 + x)) / (x - x * x / 2);
        var actual = derivative.Evaluate(new Dictionary<string, double> { ["c"] = c, ["b"] = -1.5 });

        Assert.True(Math.Abs(actual - expected) <= 1e-9 * Math.Abs(expected), $"{actual} = {derivative}, expected {expected}");
    }

    [Fact]
    public void Every_derivative_agrees_with_central_finite_differences()
    {
        var checkedPartials = 0;
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var e = RandomExpression.Create(seed);
            var random = new Random(seed ^ 0x5eed);
            for (var k = 0; k < 3; k++)
            {
                var point = CanonicalFormTests.RandomPoint(random);
                for (var i = 0; i < point.Length; i++)
                {
                    if (!FiniteDifference.TryCentral(e.Oracle, point, i, out var fd))
                    {
                        continue; // a kink, a pole or an overflow near this point: not a smooth place to compare
                    }

                    // Both the raw derivative and the generator's pipeline (identities, differentiate, simplify).
                    var variable = RandomExpression.Variables[i];
                    var raw = Differentiator.Differentiate(e.Expr, variable);
                    var pipeline = Simplifier.Simplify(Differentiator.Differentiate(Simplifier.ApplyIdentities(e.Expr), variable));
                    foreach (var derivative in new[] { raw, pipeline })
                    {
                        var symbolic = derivative.Evaluate(CanonicalFormTests.Env(point));
                        Assert.True(
                            CanonicalFormTests.Close(fd, symbolic, 1e-6),
                            $"∂/∂{variable} of {e} at ({string.Join(", ", point)}): finite differences {fd}, symbolic {symbolic} = {derivative}");
                    }

                    Interlocked.Increment(ref checkedPartials);
                }
            }
        }, iter: 2000);

        Assert.True(checkedPartials > 4000, $"only {checkedPartials} partials were checked");
    }
}
