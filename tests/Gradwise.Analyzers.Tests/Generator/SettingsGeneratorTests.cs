using System.Threading.Tasks;
using Gradwise.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = Gradwise.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Gradwise.Rules.DifferentiableMethodAnalyzer>;

namespace Gradwise.Analyzers.Tests.Generator;

/// <summary>
/// Settings: the int, enum and bool fields a model or layer is configured with (an activation chosen by an enum, a bias that
/// can be switched off, a number of units) and switch statements over them, as course code writes them. The generated code
/// reads a setting when it runs, as your method does, so one generated gradient is right for every configuration: each is
/// checked against finite differences after the settings change at run time. Arrays the model keeps as data (sample weights, an
/// order) are read the same way.
/// </summary>
public sealed class SettingsGeneratorTests
{
    private const string Source = """
        using System;
        using Gradwise;

        namespace Course;

        public enum Activation : byte { Tanh, Sigmoid, Relu, Linear }

        public partial class Dense
        {
            [Parameter] internal readonly double[,] Weights;
            [Parameter] internal readonly double[] Biases;
            internal Activation Kind { get; set; }
            internal bool UseBias = true;
            internal readonly int Units;

            public Dense(int inputs, int units, Activation kind)
            {
                Units = units;
                Kind = kind;
                Weights = new double[units, inputs];
                Biases = new double[units];
            }

            public double[] Forward(double[] x)
            {
                var y = new double[Units];
                for (int o = 0; o < Units; o++)
                {
                    double z = UseBias ? Biases[o] : 0.0;
                    for (int i = 0; i < x.Length; i++)
                    {
                        z += Weights[o, i] * x[i];
                    }

                    y[o] = Activate(z);
                }

                return y;
            }

            private double Activate(double z)
            {
                switch (Kind)
                {
                    case Activation.Tanh:
                        return Math.Tanh(z);
                    case Activation.Sigmoid:
                        return 1 / (1 + Math.Exp(-z));
                    case Activation.Relu:
                        return Math.Max(0, z);
                    case Activation.Linear:
                        return z;
                    default:
                        throw new ArgumentOutOfRangeException(nameof(Kind));
                }
            }

            public void Read(double[] t, ref int at)
            {
                for (int o = 0; o < Weights.GetLength(0); o++) for (int i = 0; i < Weights.GetLength(1); i++) Weights[o, i] = t[at++];
                for (int o = 0; o < Biases.Length; o++) Biases[o] = t[at++];
            }

            public static void Write(Gradient g, double[] t, ref int at)
            {
                for (int o = 0; o < g.Weights.GetLength(0); o++) for (int i = 0; i < g.Weights.GetLength(1); i++) t[at++] = g.Weights[o, i];
                foreach (var b in g.Biases) t[at++] = b;
            }
        }

        public enum Objective { Squared, LogLoss }

        public partial class Network
        {
            [Parameter] internal readonly Dense Hidden = new Dense(2, 3, Activation.Tanh);
            [Parameter] internal readonly Dense Output = new Dense(3, 1, Activation.Sigmoid);
            internal Objective Loss { get; set; } = Objective.LogLoss;
            internal double[] SampleWeights { get; } = { 1.0, 2.0, 0.5 };
            internal static readonly int[] Order = { 2, 0, 1 };

            [Differentiable]
            public double Cost(double[][] x, double[] y)
            {
                double total = 0;
                for (int n = 0; n < x.Length; n++)
                {
                    double p = Output.Forward(Hidden.Forward(x[n]))[0];
                    total += SampleWeights[Order[n]] * (Loss == Objective.Squared ? (p - y[n]) * (p - y[n]) : Penalty(p, y[n], Loss));
                }

                return total / x.Length;
            }

            private static double Penalty(double p, double y, Objective objective) => objective switch
            {
                Objective.LogLoss => -(y * Math.Log(p) + (1 - y) * Math.Log(1 - p)),
                _ => (p - y) * (p - y),
            };

            public void Set(double[] t) { int at = 0; Hidden.Read(t, ref at); Output.Read(t, ref at); }

            public static double[] Flat(Gradient g) { var t = new double[13]; int at = 0; Dense.Write(g.Hidden, t, ref at); Dense.Write(g.Output, t, ref at); return t; }
        }

        public static partial class Clip
        {
            /// <summary>The clipped sigmoid of real code, as a switch statement with relational labels.</summary>
            [Differentiable]
            public static double Sigmoid(double z)
            {
                switch (z)
                {
                    case < -30:
                        return 0;
                    case > 30:
                        return 1;
                    default:
                        return 1 / (1 + Math.Exp(-z));
                }
            }

            /// <summary>Sections that assign and break.</summary>
            [Differentiable]
            public static double Huber(double r, double delta)
            {
                double loss;
                switch (Math.Abs(r) <= delta)
                {
                    case true:
                        loss = 0.5 * r * r;
                        break;
                    default:
                        loss = delta * (Math.Abs(r) - 0.5 * delta);
                        break;
                }

                return loss;
            }
        }

        public static class Probe
        {
            public static readonly double[][] X = { new[] { 0.5, -1.0 }, new[] { -0.3, 0.8 }, new[] { 1.2, 0.1 } };
            public static readonly double[] Y = { 1, 0, 1 };

            public static string Setting = "";

            private static Network Make(double[] t)
            {
                var m = new Network();
                m.Set(t);
                switch (Setting)
                {
                    case "relu-squared": m.Hidden.Kind = Activation.Relu; m.Loss = Objective.Squared; break;
                    case "linear-no-bias": m.Output.Kind = Activation.Linear; m.Hidden.UseBias = false; m.Loss = Objective.Squared; break;
                }

                return m;
            }

            public static double Value(double[] t) => Make(t).Cost(X, Y);

            public static double Gradient(double[] t, double[] g)
            {
                var m = Make(t);
                var gradient = new Network.Gradient(m);
                var v = m.CostWithGradient(X, Y, gradient);
                Network.Flat(gradient).CopyTo(g, 0);
                return v;
            }

            public static double[] ClipAt(double z) { var v = Clip.SigmoidWithGradient(z, out var d); return new[] { v, d, Clip.Sigmoid(z) }; }

            public static double HuberValue(double[] t) => Clip.Huber(t[0], 0.5 + Math.Abs(t[1]));

            public static double HuberGradient(double[] t, double[] g)
            {
                var v = Clip.HuberWithGradient(t[0], 0.5 + Math.Abs(t[1]), out var dr, out var ddelta);
                g[0] = dr;
                g[1] = ddelta * Math.Sign(t[1]);
                return v;
            }

            /// <summary>An activation the switch has no section for: the generated method throws what the method throws.</summary>
            public static string Unknown()
            {
                var m = new Network();
                m.Output.Kind = (Activation)9;
                try { m.CostWithGradient(X, Y, new Network.Gradient(m)); return "no exception"; }
                catch (ArgumentOutOfRangeException e) { return e.ParamName ?? ""; }
            }
        }
        """;

    private static readonly Lazy<GeneratorRun> Run = new(() => GeneratorHarness.Run(Source).AssertCompiles());

    [Fact]
    public void Settings_and_switch_statements_are_generated_without_a_diagnostic()
    {
        Assert.Empty(Run.Value.AnalyzerDiagnostics);
        Assert.Empty(Run.Value.GeneratorDiagnostics);
    }

    /// <summary>One generated method, three configurations set at run time: tanh/sigmoid with log-loss, relu with squared error, a linear output and no hidden bias.</summary>
    [Theory]
    [InlineData("")]
    [InlineData("relu-squared")]
    [InlineData("linear-no-bias")]
    public void The_gradient_follows_the_settings_at_run_time(string setting)
    {
        Run.Value.Load().GetType("Course.Probe")!.GetField("Setting")!.SetValue(null, setting);
        try
        {
            GradientOracle.AgreesWithFiniteDifferences(Run.Value, "Course.Probe", "Value", "Gradient", 13, trials: 4, seed: setting.Length + 1);
        }
        finally
        {
            Run.Value.Load().GetType("Course.Probe")!.GetField("Setting")!.SetValue(null, "");
        }
    }

    [Fact]
    public void Without_a_hidden_bias_its_gradient_is_zero()
    {
        Run.Value.Load().GetType("Course.Probe")!.GetField("Setting")!.SetValue(null, "linear-no-bias");
        try
        {
            var g = new double[13];
            Run.Value.Invoke("Course.Probe", "Gradient", new object?[] { Enumerable.Range(0, 13).Select(k => 0.1 * (k - 6)).ToArray(), g });

            Assert.All(g.Skip(6).Take(3), v => Assert.Equal(0.0, v));
            Assert.Contains(g.Take(6), v => v != 0);
        }
        finally
        {
            Run.Value.Load().GetType("Course.Probe")!.GetField("Setting")!.SetValue(null, "");
        }
    }

    [Fact]
    public void A_switch_statement_over_a_double_agrees_with_finite_differences()
    {
        GradientOracle.AgreesWithFiniteDifferences(Run.Value, "Course.Probe", "HuberValue", "HuberGradient", 2, trials: 12, seed: 2);
    }

    /// <summary>The clipped sigmoid written as a switch statement: σ and σ(1 − σ) inside the clip, 0 and 1 with slope 0 outside.</summary>
    [Theory]
    [InlineData(-45.0)]
    [InlineData(-29.0)]
    [InlineData(-3.5)]
    [InlineData(0.0)]
    [InlineData(2.25)]
    [InlineData(29.5)]
    [InlineData(31.0)]
    public void A_clipped_sigmoid_switch_has_the_sigmoids_slope_inside_and_none_outside(double z)
    {
        var result = (double[])Run.Value.Invoke("Course.Probe", "ClipAt", new object?[] { z })!;
        var sigma = 1 / (1 + Math.Exp(-z));

        static void Close(double expected, double actual) => Assert.True(Math.Abs(expected - actual) <= 1e-14 * Math.Abs(expected), $"{actual}, expected {expected}");
        Close(result[2], result[0]); // the generated value is the method's, to rounding
        Close(Math.Abs(z) > 30 ? (z > 0 ? 1 : 0) : sigma, result[0]);
        Close(Math.Abs(z) > 30 ? 0 : sigma * (1 - sigma), result[1]);
    }

    [Fact]
    public void A_value_no_section_takes_throws_what_the_method_throws()
    {
        Assert.Equal("Kind", (string)Run.Value.Invoke("Course.Probe", "Unknown", Array.Empty<object?>())!);
    }

    [Fact]
    public Task Switches_that_cannot_be_read_are_reported_at_the_switch() =>
        Verify.VerifyAnalyzerAsync("""
            using System;
            using Gradwise;
            public static partial class Losses
            {
                internal static string Name = "a";

                [Differentiable]
                public static double Mixed(double x, double y)
                {
                    double r = 0;
                    {|GW9003:switch (x > y)
                    {
                        case true:
                            r = x;
                            break;
                        default:
                            return y;
                    }|}

                    return r;
                }

                [Differentiable]
                public static double Guarded(double x)
                {
                    switch (x)
                    {
                        {|GW9003:case > 0 when x < 1:|}
                            return x;
                        default:
                            return 0;
                    }
                }

                [Differentiable]
                public static double OnText(double x)
                {
                    switch ({|GW9003:Name|})
                    {
                        case "a":
                            return x;
                        default:
                            return 0;
                    }
                }
            }
            """);

    /// <summary>Every prefix of a switch over an enum setting, typed from the top: a diagnostic or code, never a crash.</summary>
    [Fact]
    public void Half_typed_switches_never_crash() =>
        HalfTypedCode.AssertNoCrashOnEveryPrefix(
            """
            using System;
            using Gradwise;
            public enum Kind { A, B }
            public partial class Net
            {
                [Parameter] double w = 0.5;
                internal Kind kind = Kind.B;
                internal bool on = true;

                [Differentiable]
                public double Loss(double x)
                {
                    double z = on ? w * x : x;
                    switch (kind)
                    {
                        case Kind.A: return Math.Tanh(z);
                        default: return z * z;
                    }
                }
            }
            """,
            new[] { new Gradwise.Generator.DifferentiableGenerator() },
            new[] { new Gradwise.Rules.DifferentiableMethodAnalyzer() });
}
