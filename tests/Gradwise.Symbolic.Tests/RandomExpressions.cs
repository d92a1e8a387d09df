using Gradwise.Symbolic;

namespace Gradwise.Symbolic.Tests;

/// <summary>
/// A random expression kept twice: as an evaluator written directly in C# (the oracle, which
/// never goes through <see cref="Ex"/>'s rewriting) and as the canonical <see cref="Expr"/>.
/// </summary>
public sealed class RandomExpression
{
    public static readonly string[] Variables = { "a", "b", "c" };

    private RandomExpression(Func<double[], double> evaluate, Expr expr, string text, string csharp)
        : this(evaluate, expr, text)
    {
        CSharp = csharp;
    }

    private RandomExpression(Func<double[], double> evaluate, Expr expr, string text)
    {
        // An infinite or huge intermediate (x / 0 fed to tanh, cos of e^25) leaves no digits to
        // compare derivatives with: such points are reported as NaN, and the tests skip them.
        Oracle = v =>
        {
            var r = evaluate(v);
            return double.IsFinite(r) && Math.Abs(r) < 1e7 ? r : double.NaN;
        };
        Expr = expr;
        Text = text;
    }

    public Func<double[], double> Oracle { get; }

    public Expr Expr { get; }

    public string Text { get; }

    /// <summary>The same function as C# source over doubles a, b, c (for compiling it through the generator).</summary>
    public string CSharp { get; private set; } = string.Empty;

    public override string ToString() => Text;

    public static RandomExpression Create(int seed, int maxDepth = 5) => Build(new Random(seed), maxDepth);

    private static RandomExpression Build(Random random, int depth)
    {
        if (depth == 0 || random.NextDouble() < 0.2)
        {
            if (random.NextDouble() < 0.7)
            {
                var index = random.Next(Variables.Length);
                return new RandomExpression(v => v[index], Ex.Var(Variables[index]), Variables[index], Variables[index]);
            }

            var value = Math.Round((random.NextDouble() * 6) - 3, 2);
            if (value == 0)
            {
                value = 0.5;
            }

            var literal = value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            return new RandomExpression(_ => value, Ex.Const(value), literal, "(" + literal + "d)");
        }

        var choice = random.Next(15);
        if (choice < 7)
        {
            var l = Build(random, depth - 1);
            var r = Build(random, depth - 1);
            return choice switch
            {
                0 => new RandomExpression(v => l.Oracle(v) + r.Oracle(v), l.Expr + r.Expr, $"({l} + {r})", $"({l.CSharp} + {r.CSharp})"),
                1 => new RandomExpression(v => l.Oracle(v) - r.Oracle(v), l.Expr - r.Expr, $"({l} - {r})", $"({l.CSharp} - {r.CSharp})"),
                2 => new RandomExpression(v => l.Oracle(v) * r.Oracle(v), l.Expr * r.Expr, $"({l} * {r})", $"({l.CSharp} * {r.CSharp})"),
                3 => new RandomExpression(v => l.Oracle(v) / r.Oracle(v), l.Expr / r.Expr, $"({l} / {r})", $"({l.CSharp} / {r.CSharp})"),
                4 => new RandomExpression(v => Math.Pow(l.Oracle(v), 2), Ex.Pow(l.Expr, 2.0), $"Pow({l}, 2)", $"Math.Pow({l.CSharp}, 2)"),
                5 => new RandomExpression(v => Math.Max(l.Oracle(v), r.Oracle(v)), Ex.Max(l.Expr, r.Expr), $"Max({l}, {r})", $"Math.Max({l.CSharp}, {r.CSharp})"),
                _ => new RandomExpression(
                    // At a near-tie rounding decides the branch and the function jumps: no value to compare there.
                    v => Math.Abs(l.Oracle(v) - r.Oracle(v)) <= 1e-9 * (1 + Math.Abs(l.Oracle(v)) + Math.Abs(r.Oracle(v))) ? double.NaN
                        : l.Oracle(v) < r.Oracle(v) ? l.Oracle(v) * r.Oracle(v) : l.Oracle(v) - r.Oracle(v),
                    Ex.Cond(Ex.Less(l.Expr, r.Expr), l.Expr * r.Expr, l.Expr - r.Expr),
                    $"({l} < {r} ? {l} * {r} : {l} - {r})",
                    $"({l.CSharp} < {r.CSharp} ? {l.CSharp} * {r.CSharp} : {l.CSharp} - {r.CSharp})"),
            };
        }

        var u = Build(random, depth - 1);
        if (random.Next(8) == 0)
        {
            // √(u² + 1/4): a square root whose derivative is finite everywhere.
            return new RandomExpression(v => Math.Sqrt((u.Oracle(v) * u.Oracle(v)) + 0.25), Ex.Call(MathFunction.Sqrt, (u.Expr * u.Expr) + Ex.Const(0.25)), $"Sqrt({u}² + 0.25)", $"Math.Sqrt({u.CSharp} * {u.CSharp} + 0.25)");
        }

        var functions = new[] { MathFunction.Exp, MathFunction.Log, MathFunction.Sin, MathFunction.Cos, MathFunction.Tanh, MathFunction.Abs, MathFunction.Sigmoid, MathFunction.Softplus, MathFunction.Atan, MathFunction.Sinh, MathFunction.Cosh };
        var f = functions[random.Next(functions.Length)];
        var csharp = f switch
        {
            MathFunction.Sigmoid => $"(1.0 / (1.0 + Math.Exp(-{u.CSharp})))",
            MathFunction.Softplus => $"Math.Log(1.0 + Math.Exp({u.CSharp}))",
            _ => $"Math.{f}({u.CSharp})",
        };
        return new RandomExpression(v => Evaluator.Apply(f, u.Oracle(v)), Ex.Call(f, u.Expr), $"{f}({u})", csharp);
    }
}
