namespace Gradwise.Symbolic.Tests;

/// <summary>Central differences with a consistency check, so kinks and poles are skipped rather than compared.</summary>
public static class FiniteDifference
{
    public static bool TryCentral(Func<double[], double> f, double[] point, int index, out double derivative)
    {
        derivative = 0;
        var f0 = f(point);
        if (!double.IsFinite(f0) || Math.Abs(f0) > 1e6)
        {
            return false;
        }

        var h = 1e-4 * Math.Max(1.0, Math.Abs(point[index]));
        var d1 = Central(f, point, index, h);
        var d2 = Central(f, point, index, h / 2);
        var d3 = Central(f, point, index, h / 4);
        if (!double.IsFinite(d1) || !double.IsFinite(d2) || !double.IsFinite(d3))
        {
            return false;
        }

        // Richardson: the O(h^2) error shrinks 4x per halving on smooth ground.
        var e1 = Math.Abs(d1 - d2);
        var e2 = Math.Abs(d2 - d3);
        var scale = Math.Max(1.0, Math.Abs(d3));

        // Rounding in f itself limits central differences to about ε·|f|/h: skip points where that is visible.
        if (2.2e-16 * Math.Abs(f0) / (h / 4) > 1e-8 * scale)
        {
            return false;
        }

        // Rounding inside f can be far larger than ε·|f| (sin of an intermediate near 10^6): measure
        // it as what f does over steps so small that its slope moves it by almost nothing.
        var noise = 0.0;
        for (var k = 1; k <= 3; k++)
        {
            var tiny = k * 1e-11 * Math.Max(1.0, Math.Abs(point[index]));
            noise = Math.Max(noise, Math.Abs(f(Shift(point, index, tiny)) - f0 - (tiny * d3)));
        }

        if (!(noise / (h / 4) <= 1e-8 * scale))
        {
            return false;
        }
        if (e2 > 1e-6 * scale || e1 > 1e-5 * scale || Math.Abs(d3) > 1e6)
        {
            return false;
        }

        // A kink (Max at a tie, Abs at 0) leaves central differences consistent but wrong: compare the one-sided slopes.
        var hs = h / 4;
        var forward = (f(Shift(point, index, hs)) - f0) / hs;
        var backward = (f0 - f(Shift(point, index, -hs))) / hs;
        if (!(Math.Abs(forward - backward) <= 1e-3 * scale))
        {
            return false;
        }

        derivative = d3 + ((d3 - d2) / 3.0);
        return true;
    }

    private static double[] Shift(double[] point, int index, double by)
    {
        var moved = (double[])point.Clone();
        moved[index] += by;
        return moved;
    }

    private static double Central(Func<double[], double> f, double[] point, int index, double h)
    {
        var plus = (double[])point.Clone();
        var minus = (double[])point.Clone();
        plus[index] += h;
        minus[index] -= h;
        return (f(plus) - f(minus)) / (2 * h);
    }
}
