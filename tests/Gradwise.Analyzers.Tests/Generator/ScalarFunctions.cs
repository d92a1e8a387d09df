namespace Gradwise.Analyzers.Tests.Generator;

/// <summary>The scalar functions the generator is specified on: one per construct it supports.</summary>
public static class ScalarFunctions
{
    public sealed record Case(string Name, int Parameters, double Low, double High, int[]? NoGradient = null)
    {
        public override string ToString() => Name;
    }

    /// <summary>Every case: name, parameter count, and the range random points are drawn from.</summary>
    public static readonly Case[] All =
    {
        new("LogLoss", 2, -3, 3, new[] { 0 }),
        new("LogLossInline", 2, -3, 3, new[] { 0 }),
        new("SquaredErrorOfSigmoid", 2, -3, 3, new[] { 0 }),
        new("Softplus", 1, -5, 5),
        new("Huber", 3, -3, 3, new[] { 1, 2 }),
        new("ReluMaxFirst", 1, -2, 2),
        new("ReluMaxSecond", 1, -2, 2),
        new("ClampTimesWeight", 2, -2, 2),
        new("LeakyRelu", 1, -2, 2),
        new("SafeLog", 1, -2, 2),
        new("Reassigned", 2, -2, 2),
        new("Piecewise", 1, -3, 3),
        new("Elementary", 2, 0.1, 2),
        new("MoreElementary", 2, 0.1, 1.5),
        new("SignedStep", 2, -2, 2),
        new("ClippedSigmoidSquaredError", 2, -25, 25, new[] { 1 }),
        new("SwitchedHuber", 1, -3, 3),
        new("WithLocalFunctions", 2, -2, 2),
        new("LogSumExpPair", 2, -5, 5),
        new("LogOnePlus", 2, -2, 2),
        new("Deconstructed", 2, -2, 2),
        new("Accurate", 1, -1, 1),
        new("ChainedLogLoss", 4, -2, 2, new[] { 2, 3 }),
        new("CallsOtherType", 2, -2, 2),
        new("WithConstants", 1, -2, 2),
        new("TanhLogistic", 1, -4, 4),
        new("PowELogistic", 1, -4, 4),
        new("AbsoluteError", 2, -2, 2),
        new("WeightDecay", 1, -2, 2),
        new("GaussianNegativeLogLikelihood", 3, 0.2, 2, new[] { 0 }),
        new("LogicalCondition", 2, -2, 2),
    };

    public const string Source = """
        using System;
        using Gradwise;

        namespace Specs;

        public static partial class F
        {
            public static readonly double Lambda = 0.01;

            // Not [Differentiable]: recognized as the logistic function by its body.
            static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));

            [Differentiable]
            public static double LogLoss([NoGradient] double y, double z) =>
                -(y * Math.Log(Sigmoid(z)) + (1 - y) * Math.Log(1 - Sigmoid(z)));

            [Differentiable]
            public static double LogLossInline([NoGradient] double y, double z) =>
                -(y * Math.Log(1 / (1 + Math.Exp(-z))) + (1 - y) * Math.Log(1 - 1 / (1 + Math.Exp(-z))));

            [Differentiable]
            public static double SquaredErrorOfSigmoid([NoGradient] double y, double z)
            {
                double p = 1 / (1 + Math.Exp(-z));
                return 0.5 * (p - y) * (p - y);
            }

            [Differentiable]
            public static double Softplus(double z) => Math.Log(1 + Math.Exp(z));

            [Differentiable]
            public static double Huber(double prediction, [NoGradient] double target, [NoGradient] double delta)
            {
                var r = prediction - target;
                if (Math.Abs(r) <= delta)
                {
                    return 0.5 * r * r;
                }

                return delta * (Math.Abs(r) - 0.5 * delta);
            }

            [Differentiable]
            public static double ReluMaxFirst(double x) => Math.Max(0, x);

            [Differentiable]
            public static double ReluMaxSecond(double x) => Math.Max(x, 0.0);

            [Differentiable]
            public static double ClampTimesWeight(double x, double w) => Math.Clamp(x, -1.0, 1.0) * w;

            [Differentiable]
            public static double LeakyRelu(double x) => x > 0 ? x : 0.01 * x;

            [Differentiable]
            public static double SafeLog(double x) => x > 0 ? Math.Log(x) : 0.0;

            [Differentiable]
            public static double Reassigned(double x, double y)
            {
                double t = x;
                t = t * x;
                t += y;
                t *= 2;
                t -= x / 4;
                t /= 3;
                return t;
            }

            [Differentiable]
            public static double Piecewise(double x)
            {
                if (x < -1)
                {
                    return -2 * x - 1;
                }
                else if (x < 1)
                {
                    return x * x;
                }
                else
                {
                    return 2 * x - 1;
                }
            }

            [Differentiable]
            public static double Elementary(double x, double y) =>
                Math.Pow(x, 3) + Math.Sqrt(x * x + 1) + Math.Log10(x * y + 1) + Math.Sin(x) * Math.Cos(y) + Math.Tan(x / 4) + Math.Tanh(y) + Math.Pow(x, y);

            [Differentiable]
            public static double MoreElementary(double x, double y) =>
                Math.Atan(x) * Math.Sinh(y) + Math.Cosh(x * y) + Math.Asin(x / 2) - Math.Acos(y / 3) + Math.Log2(x * y + 1)
                + Math.Cbrt(y - 2) + Math.Log(x + 2, y + 2) + Math.FusedMultiplyAdd(x, y, 1) + double.Exp(x / 4) * double.Atan(y) + double.Sqrt(x + y);

            // Math.Sign returns an int: the step of an L1 subgradient, derivative 0 where it is taken.
            [Differentiable]
            public static double SignedStep(double w, double g) => g + 0.1 * Math.Sign(w) + double.Sign(g) * w * w;

            // The clipped sigmoid of real networks, as a switch expression with relational patterns.
            [Differentiable]
            public static double ClippedSigmoidSquaredError(double z, [NoGradient] double y)
            {
                double p = z switch { < -20 => 0, > 20 => 1, _ => 1 / (1 + Math.Exp(-z)) };
                return (p - y) * (p - y);
            }

            [Differentiable]
            public static double SwitchedHuber(double r) => r switch
            {
                <= -1 => -r - 0.5,
                > -1 and < 1 => 0.5 * r * r,
                1 => 0.5,
                var big => big - 0.5,
            };

            // Local functions, one capturing a local and a parameter, one static with early returns.
            [Differentiable]
            public static double WithLocalFunctions(double w, double x)
            {
                double scale = 0.5;
                double Penalized(double v) => v * v + scale * w * w;
                static double Logistic(double z)
                {
                    if (z < -30)
                    {
                        return 0;
                    }

                    return 1 / (1 + Math.Exp(-z));
                }

                double residual = Logistic(w * x) - scale;
                return Penalized(residual) + Logistic(x);
            }

            // Rewritten stably by the simplifier: a + Softplus(b - a), and LogP1.
            [Differentiable]
            public static double LogSumExpPair(double a, double b) => Math.Log(Math.Exp(a) + Math.Exp(b));

            [Differentiable]
            public static double LogOnePlus(double x, double y) => Math.Log(1 + x * x) + Math.Log(1 - y / 4);

            // Tuples: a declaration, a swap (every value read before any is assigned), a discard, a nested tuple.
            [Differentiable]
            public static double Deconstructed(double x, double y)
            {
                var (u, v) = (x * y, x - y);
                (u, v) = (v, u + 1);
                double w;
                (w, _) = (u * v, 0.0);
                var (p, (q, r)) = (w, (u, Math.Exp(v / 4)));
                return p + q * r;
            }

            [Differentiable]
            public static double Accurate(double x) => double.ExpM1(x) + double.LogP1(x * x);

            [Differentiable]
            public static double ChainedLogLoss(double w, double b, [NoGradient] double x, [NoGradient] double y) =>
                LogLoss(y, w * x + b);

            [Differentiable]
            public static double CallsOtherType(double a, double b) => OtherLosses.Square(a - b) + 3 * OtherLosses.Square(a);

            [Differentiable]
            public static double WithConstants(double x) => Math.PI * x * x + Math.E * x;

            [Differentiable]
            public static double TanhLogistic(double z) => 0.5 * (1 + Math.Tanh(z / 2));

            [Differentiable]
            public static double PowELogistic(double z) => 1 / (1 + Math.Pow(Math.E, -z));

            [Differentiable]
            public static double AbsoluteError(double prediction, double target) => Math.Abs(prediction - target);

            [Differentiable]
            public static double WeightDecay(double w) => Lambda * w * w;

            [Differentiable]
            public static double GaussianNegativeLogLikelihood([NoGradient] double x, double mu, double variance) =>
                0.5 * Math.Log(2 * Math.PI * variance) + (x - mu) * (x - mu) / (2 * variance);

            [Differentiable]
            public static double LogicalCondition(double x, double y)
            {
                bool inside = x > -1 && x < 1;
                if (inside || y > 1.5)
                {
                    return x * y;
                }

                return x + y;
            }
        }

        public static partial class OtherLosses
        {
            [Differentiable]
            public static double Square(double e) => e * e;
        }
        """;
}
