namespace Gradwise.Symbolic;

/// <summary>
/// Recognizes the conditionals <see cref="Ex.Max"/>, <see cref="Ex.Min"/> and <see cref="Ex.Clamp"/> build, so
/// they are written as the calls they came from: <c>Max(z, 0)</c> in a derivation rather than three nested
/// comparisons, and <c>Math.Max</c> itself in code, which is the user's function bit for bit.
/// A conditional is one of them exactly when rebuilding it from its branches gives the same node.
/// </summary>
internal static class Extremum
{
    public sealed record Call(string Name, Expr[] Arguments);

    public static Call? Of(Conditional c)
    {
        if (c.Else is not Conditional inner)
        {
            return null;
        }

        var (a, b) = (c.Then, inner.Then);
        if (inner.Else.Equals(Ex.NotANumber))
        {
            if (Ex.Max(a, b).Equals(c))
            {
                return new Call("Max", new[] { a, b });
            }

            return Ex.Min(a, b).Equals(c) ? new Call("Min", new[] { a, b }) : null;
        }

        return inner.Else is Conditional innermost && Ex.Clamp(innermost.Then, a, b).Equals(c)
            ? new Call("Clamp", new[] { innermost.Then, a, b })
            : null;
    }
}
