using System.Threading.Tasks;
using Gradwise.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Verify = Gradwise.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Gradwise.Rules.DifferentiableMethodAnalyzer>;

namespace Gradwise.Analyzers.Tests.Generator;

/// <summary>
/// Models made of layers, as a course writes them: a <c>Dense</c> class with its weights and a <c>Forward</c>, and a network whose
/// layers are [Parameter] members of that class, its loss calling <c>hidden.Forward(x)</c>. The network's Gradient has a Gradient per
/// layer; the gradient agrees with finite differences of the method itself (two and three levels deep); <c>ApplyTo</c> takes one exact
/// step, checks every layer's shapes before it changes anything, and trains XOR.
/// </summary>
public sealed class LayeredModelGeneratorTests
{
    private const string Source = """
        using System;
        using Gradwise;

        namespace Course;

        /// <summary>A fully connected layer: outputs × inputs weights and a bias per output, then tanh (or nothing).</summary>
        public partial class Dense
        {
            [Parameter] internal readonly double[,] Weights;
            [Parameter] internal double[] Biases;
            internal readonly double Slope = 1.0;

            public Dense(int inputs, int outputs, Random random)
            {
                Weights = new double[outputs, inputs];
                Biases = new double[outputs];
                for (int o = 0; o < outputs; o++)
                {
                    for (int i = 0; i < inputs; i++) Weights[o, i] = random.NextDouble() * 2 - 1;
                }
            }

            public double[] Forward(double[] x)
            {
                var y = new double[Biases.Length];
                for (int o = 0; o < y.Length; o++)
                {
                    double z = Biases[o];
                    for (int i = 0; i < x.Length; i++)
                    {
                        z += Weights[o, i] * x[i];
                    }

                    y[o] = Math.Tanh(Slope * z);
                }

                return y;
            }

            public int Count => Weights.Length + Biases.Length;

            public void Write(double[] t, ref int at)
            {
                for (int o = 0; o < Weights.GetLength(0); o++) for (int i = 0; i < Weights.GetLength(1); i++) t[at++] = Weights[o, i];
                foreach (var b in Biases) t[at++] = b;
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

        /// <summary>Two tanh layers and squared error on the last one's output, the way a course writes a network.</summary>
        public partial class Network
        {
            [Parameter] private readonly Dense hidden;
            [Parameter] public Dense Output { get; set; }

            public Network(int seed)
            {
                var random = new Random(seed);
                hidden = new Dense(2, 3, random);
                Output = new Dense(3, 1, random);
            }

            [Differentiable]
            public double Loss(double[][] x, double[] y)
            {
                double loss = 0;
                for (int n = 0; n < x.Length; n++)
                {
                    var h = hidden.Forward(x[n]);
                    var o = Output.Forward(h);
                    loss += (o[0] - y[n]) * (o[0] - y[n]);
                }

                return loss / x.Length;
            }

            public double[] Flat() { var t = new double[hidden.Count + Output.Count]; int at = 0; hidden.Write(t, ref at); Output.Write(t, ref at); return t; }

            public void Set(double[] t) { int at = 0; hidden.Read(t, ref at); Output.Read(t, ref at); }

            public static double[] Flat(Gradient g, int size) { var t = new double[size]; int at = 0; Dense.Write(g.Hidden, t, ref at); Dense.Write(g.Output, t, ref at); return t; }

            public void Unhook() => Output = null!;

            public void Widen() => Output.Biases = new double[2];
        }

        /// <summary>Three levels: a block holds a layer and a gain of its own, and the model holds the block and a bias.</summary>
        public partial class Block
        {
            [Parameter] internal Dense Inner = new Dense(2, 2, new Random(3));
            [Parameter] internal double Gain { get; set; } = 0.5;

            internal double Apply(double[] x)
            {
                var h = Inner.Forward(x);
                return Gain * (h[0] - h[1]);
            }
        }

        public partial class Deep
        {
            [Parameter] internal readonly Block block = new Block();
            [Parameter] internal double bias;

            [Differentiable]
            public double Loss(double[] x, double y)
            {
                double z = block.Apply(x) + bias + block.Gain * block.Inner.Biases[1];
                return Math.Log(1 + Math.Exp(-y * z));
            }

            public void Set(double[] t) { int at = 0; block.Inner.Read(t, ref at); block.Gain = t[at++]; bias = t[at]; }

            public static double[] Flat(Gradient g) { var t = new double[9]; int at = 0; Dense.Write(g.Block.Inner, t, ref at); t[at++] = g.Block.Gain; t[at] = g.Bias; return t; }
        }

        /// <summary>Tied weights: one layer object in two members, applied twice.</summary>
        public partial class Tied
        {
            [Parameter] internal Dense first;
            [Parameter] internal Dense second;

            public Tied() => first = second = new Dense(2, 2, new Random(5));

            [Differentiable]
            public double Loss(double[] x)
            {
                var o = second.Forward(first.Forward(x));
                return o[0] * o[0] + o[1];
            }

            public double[] Flat() { var t = new double[6]; int at = 0; first.Write(t, ref at); return t; }

            public void Set(double[] t) { int at = 0; first.Read(t, ref at); }

            /// <summary>The two members' gradients, summed: the tied weights' gradient.</summary>
            public static double[] Flat(Gradient g) { var a = new double[6]; var b = new double[6]; int at = 0; Dense.Write(g.First, a, ref at); at = 0; Dense.Write(g.Second, b, ref at); for (int k = 0; k < 6; k++) a[k] += b[k]; return a; }
        }

        /// <summary>A layer in the style of TensorPrimitives: it writes its outputs into a span it is given.</summary>
        public partial class SpanDense
        {
            [Parameter] internal readonly double[][] W;
            [Parameter] internal readonly double[] B;

            public SpanDense(int inputs, int outputs) { W = new double[outputs][]; for (int o = 0; o < outputs; o++) W[o] = new double[inputs]; B = new double[outputs]; }

            public void Forward(ReadOnlySpan<double> x, Span<double> y)
            {
                for (int o = 0; o < y.Length; o++)
                {
                    double z = B[o];
                    for (int i = 0; i < x.Length; i++) z += W[o][i] * x[i];
                    y[o] = Math.Tanh(z);
                }
            }
        }

        public partial class SpanNet
        {
            [Parameter] internal readonly SpanDense First = new SpanDense(2, 3);
            [Parameter] internal readonly SpanDense Second = new SpanDense(3, 2);

            [Differentiable]
            public double Loss(double[] x, double y)
            {
                Span<double> h = stackalloc double[3];
                First.Forward(x, h);
                Span<double> o = stackalloc double[2];
                Second.Forward(h, o);
                return (o[0] - y) * (o[0] - y) + o[1] * o[1];
            }

            public void Set(double[] t) { int at = 0; foreach (var layer in new[] { First, Second }) { foreach (var row in layer.W) for (int i = 0; i < row.Length; i++) row[i] = t[at++]; for (int o = 0; o < layer.B.Length; o++) layer.B[o] = t[at++]; } }

            public static double[] Flat(Gradient g) { var t = new double[17]; int at = 0; foreach (var layer in new[] { g.First, g.Second }) { foreach (var row in layer.W) foreach (var v in row) t[at++] = v; foreach (var v in layer.B) t[at++] = v; } return t; }
        }

        public static class Probe
        {
            private static readonly double[] Input = { 0.7, -0.4 };

            public static double SpanValue(double[] t) { var m = new SpanNet(); m.Set(t); return m.Loss(Input, 0.3); }

            public static double SpanGradient(double[] t, double[] g)
            {
                var m = new SpanNet();
                m.Set(t);
                var gradient = new SpanNet.Gradient(m);
                var v = m.LossWithGradient(Input, 0.3, gradient);
                SpanNet.Flat(gradient).CopyTo(g, 0);
                return v;
            }

            public static double TiedValue(double[] t) { var m = new Tied(); m.Set(t); return m.Loss(Input); }

            public static double TiedGradient(double[] t, double[] g)
            {
                var m = new Tied();
                m.Set(t);
                var gradient = new Tied.Gradient(m);
                var v = m.LossWithGradient(Input, gradient);
                Tied.Flat(gradient).CopyTo(g, 0);
                return v;
            }

            public static double[] TiedStepped(double[] t, double rate)
            {
                var m = new Tied();
                m.Set(t);
                var gradient = new Tied.Gradient(m);
                m.LossWithGradient(Input, gradient);
                gradient.ApplyTo(m, rate);
                return m.Flat();
            }

            public static readonly double[][] X = { new[] { 0.0, 0.0 }, new[] { 0.0, 1.0 }, new[] { 1.0, 0.0 }, new[] { 1.0, 1.0 } };
            public static readonly double[] Y = { -0.5, 0.5, 0.5, -0.5 };

            public static double Value(double[] t) { var m = new Network(1); m.Set(t); return m.Loss(X, Y); }

            public static double Gradient(double[] t, double[] g)
            {
                var m = new Network(1);
                m.Set(t);
                var gradient = new Network.Gradient(m);
                var v = m.LossWithGradient(X, Y, gradient);
                Network.Flat(gradient, t.Length).CopyTo(g, 0);
                return v;
            }

            public static double DeepValue(double[] t) { var m = new Deep(); m.Set(t); return m.Loss(new[] { 0.3, -1.2 }, 1.0); }

            public static double DeepGradient(double[] t, double[] g)
            {
                var m = new Deep();
                m.Set(t);
                var gradient = new Deep.Gradient(m);
                var v = m.LossWithGradient(new[] { 0.3, -1.2 }, 1.0, gradient);
                Deep.Flat(gradient).CopyTo(g, 0);
                return v;
            }

            public static double[] Start() => new Network(7).Flat();

            public static double[] Stepped(double[] t, double rate)
            {
                var m = new Network(1);
                m.Set(t);
                var gradient = new Network.Gradient(m);
                m.LossWithGradient(X, Y, gradient);
                gradient.ApplyTo(m, rate);
                return m.Flat();
            }

            /// <summary>ApplyTo after the output layer's biases grew: the message, and whether the hidden layer is as it was.</summary>
            public static string Mismatched()
            {
                var m = new Network(1);
                var gradient = new Network.Gradient(m);
                m.LossWithGradient(X, Y, gradient);
                var before = m.Flat();
                m.Widen();
                try { gradient.ApplyTo(m, 0.5); return "no exception"; }
                catch (ArgumentException e) { return e.Message + (before.AsSpan(0, 9).SequenceEqual(m.Flat().AsSpan(0, 9)) ? " [unchanged]" : " [changed]"); }
            }

            /// <summary>A Gradient made for a network whose output layer is null: the message.</summary>
            public static string Unhooked()
            {
                var m = new Network(1);
                m.Unhook();
                try { _ = new Network.Gradient(m); return "no exception"; }
                catch (ArgumentException e) { return e.Message; }
            }

            /// <summary>XOR (as ±½ targets): the loss before and after 2000 steps.</summary>
            public static double[] Train()
            {
                var m = new Network(7);
                var gradient = new Network.Gradient(m);
                double first = m.LossWithGradient(X, Y, gradient);
                for (int epoch = 0; epoch < 2000; epoch++)
                {
                    m.LossWithGradient(X, Y, gradient);
                    gradient.ApplyTo(m, 0.2);
                }

                return new[] { first, m.Loss(X, Y) };
            }
        }
        """;

    private static readonly Lazy<GeneratorRun> Run = new(() => GeneratorHarness.Run(Source).AssertCompiles());

    /// <summary>hidden: 3 × 2 weights and 3 biases; output: 1 × 3 weights and 1 bias.</summary>
    private const int Size = 6 + 3 + 3 + 1;

    [Fact]
    public void Layered_models_are_generated_without_a_diagnostic()
    {
        Assert.Empty(Run.Value.AnalyzerDiagnostics);
        Assert.Empty(Run.Value.GeneratorDiagnostics);
    }

    [Fact]
    public void Generated_code_matches_snapshot()
    {
        SnapshotVerifier.Verify(
            Run.Value.Source("Network.Loss(") + "\n" + Run.Value.Sources.Single(s => s.Key.EndsWith("Course.Network.Gradient.g.cs", StringComparison.Ordinal)).Value,
            "Network");
    }

    [Theory]
    [InlineData("Value", "Gradient", Size)]
    [InlineData("DeepValue", "DeepGradient", 9)]
    [InlineData("TiedValue", "TiedGradient", 6)]
    [InlineData("SpanValue", "SpanGradient", 6 + 3 + 6 + 2)]
    public void Gradient_agrees_with_finite_differences(string value, string gradient, int size)
    {
        GradientOracle.AgreesWithFiniteDifferences(Run.Value, "Course.Probe", value, gradient, size, trials: 6, seed: size);
    }

    [Fact]
    public void The_gradient_has_a_gradient_per_layer()
    {
        var assembly = Run.Value.Load();
        var network = assembly.GetType("Course.Network+Gradient")!;

        Assert.Equal(assembly.GetType("Course.Dense+Gradient"), network.GetProperty("Hidden")!.PropertyType);
        Assert.Equal(assembly.GetType("Course.Dense+Gradient"), network.GetProperty("Output")!.PropertyType);
        Assert.Equal(assembly.GetType("Course.Block+Gradient"), assembly.GetType("Course.Deep+Gradient")!.GetProperty("Block", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public)!.PropertyType);
    }

    [Fact]
    public void ApplyTo_steps_every_layer()
    {
        var theta = (double[])Run.Value.Invoke("Course.Probe", "Start", Array.Empty<object?>())!;
        var g = new double[Size];
        Run.Value.Invoke("Course.Probe", "Gradient", new object?[] { theta, g });

        var stepped = (double[])Run.Value.Invoke("Course.Probe", "Stepped", new object?[] { theta, 0.3 })!;

        Assert.Contains(g, v => v != 0);
        for (var k = 0; k < Size; k++)
        {
            Assert.Equal(theta[k] - (0.3 * g[k]), stepped[k], 15);
        }
    }

    /// <summary>One layer object in two members: the two gradients sum to the tied weights' (checked above), and ApplyTo takes that step.</summary>
    [Fact]
    public void ApplyTo_steps_tied_weights_by_their_summed_gradient()
    {
        var theta = new[] { 0.3, -0.8, 0.5, 0.1, -0.2, 0.4 };
        var g = new double[6];
        Run.Value.Invoke("Course.Probe", "TiedGradient", new object?[] { theta, g });

        var stepped = (double[])Run.Value.Invoke("Course.Probe", "TiedStepped", new object?[] { theta, 0.1 })!;

        for (var k = 0; k < 6; k++)
        {
            Assert.Equal(theta[k] - (0.1 * g[k]), stepped[k], 14);
        }
    }

    [Fact]
    public void ApplyTo_checks_every_layers_shapes_before_it_changes_anything()
    {
        var message = (string)Run.Value.Invoke("Course.Probe", "Mismatched", Array.Empty<object?>())!;

        Assert.StartsWith("Output.Biases does not have the shape this gradient was made for", message, StringComparison.Ordinal);
        Assert.EndsWith("[unchanged]", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_layer_is_named()
    {
        var message = (string)Run.Value.Invoke("Course.Probe", "Unhooked", Array.Empty<object?>())!;

        Assert.StartsWith("Output is null", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Training_the_layers_learns_xor()
    {
        var losses = (double[])Run.Value.Invoke("Course.Probe", "Train", Array.Empty<object?>())!;

        Assert.True(losses[1] < 0.1 * losses[0], $"loss {losses[0]} → {losses[1]}");
    }

    [Fact]
    public Task Layers_that_cannot_be_trained_are_reported_at_the_member() =>
        Verify.VerifyAnalyzerAsync("""
            using Gradwise;
            public class Closed { [Parameter] public double[] W = new double[2]; }
            public partial class Empty { public double[] W = new double[2]; }
            public partial class Node { [Parameter] public double[] W = new double[2]; [Parameter] public Node {|GW9002:Next|}; }
            public partial class Ping { [Parameter] public double[] W = new double[2]; [Parameter] public Pong {|GW9002:Other|}; }
            public partial class Pong { [Parameter] public double[] W = new double[2]; [Parameter] public Ping {|GW9002:Other|}; }
            public partial class Fine { [Parameter] public double[] W = new double[2]; }
            public partial class Model
            {
                [Parameter] private Closed {|GW9002:closed|} = new Closed();
                [Parameter] private Empty {|GW9002:empty|} = new Empty();
                [Parameter] private Fine[] {|GW9002:many|} = new Fine[2];
                [Parameter] private System.Collections.Generic.List<Fine> {|GW9002:list|} = new();
                [Parameter] private Fine fine = new Fine();

                [Differentiable]
                public double Loss(double x) => fine.W[0] * x;
            }
            """);

    [Fact]
    public void The_reasons_name_what_to_do()
    {
        var run = GeneratorHarness.Run("""
            using Gradwise;
            public partial class Fine { [Parameter] public double[] W = new double[2]; }
            public class Closed { [Parameter] public double[] W = new double[2]; }
            public partial class Node { [Parameter] public double[] W = new double[2]; [Parameter] public Node Next; }
            public partial class Model
            {
                [Parameter] private Fine[] many = new Fine[2];
                [Parameter] private Closed closed = new Closed();
                [Parameter] private Fine fine = new Fine();
                [Parameter] private string name = "";

                [Differentiable]
                public double Loss(double x) => fine.W[0] * x;
            }
            """);
        string Reason(string member) => run.AnalyzerDiagnostics.Single(d => d.Id == "GW9002" && d.GetMessage().Contains("." + member + "'", StringComparison.Ordinal)).GetMessage();

        Assert.Contains("an array or list of layers is not trained yet", Reason("many"), StringComparison.Ordinal);
        Assert.Contains("make 'Closed' partial", Reason("closed"), StringComparison.Ordinal);
        Assert.Contains("its parameters would have no end", Reason("Next"), StringComparison.Ordinal);
        Assert.Contains("a [Parameter] is a double or float, a [], [][] or [,] array of them, or a layer (a partial class with [Parameter] members), not 'string'", Reason("name"), StringComparison.Ordinal);
    }

    /// <summary>A layer that keeps its outputs in a field for a hand-written backward pass: the write is what is named.</summary>
    [Fact]
    public void A_layer_that_caches_its_outputs_in_a_field_is_named_at_the_call()
    {
        var run = GeneratorHarness.Run("""
            using System;
            using Gradwise;
            public partial class Layer
            {
                [Parameter] internal double[,] W = new double[2, 2];
                internal double[] Outputs = new double[2];
                internal double[] Forward(double[] x)
                {
                    for (int o = 0; o < Outputs.Length; o++)
                    {
                        double z = 0;
                        for (int i = 0; i < x.Length; i++) z += W[o, i] * x[i];
                        Outputs[o] = Math.Tanh(z);
                    }

                    return Outputs;
                }
            }

            public partial class Net
            {
                [Parameter] private readonly Layer hidden = new();

                [Differentiable]
                public double Loss(double[] x) => hidden.Forward(x)[0];
            }
            """);

        var message = Assert.Single(run.AnalyzerDiagnostics, d => d.Id == "GW9003").GetMessage();
        Assert.Contains("the call to 'Layer.Forward(double[])'", message, StringComparison.Ordinal);
        Assert.Contains("the write 'Outputs[o] = Math.Tanh(z)'", message, StringComparison.Ordinal);
        Assert.Contains("writes only local buffers", message, StringComparison.Ordinal);
    }

    [Fact]
    public Task A_member_private_to_the_layer_is_reported_where_it_is_read() =>
        Verify.VerifyAnalyzerAsync("""
            using Gradwise;
            public partial class Layer
            {
                [Parameter] private double[] w = new double[2];
                [Parameter] internal double[] v = new double[2];
                internal double Out(double x) => w[0] * x;
            }

            public partial class Model
            {
                [Parameter] private Layer layer = new Layer();

                [Differentiable]
                public double Loss(double x) => {|GW9003:layer.Out(x)|} + layer.v[1];
            }
            """);

    /// <summary>Every prefix of a small layered model, typed from the top: a diagnostic or code, never a crash.</summary>
    [Fact]
    public void Half_typed_layered_models_never_crash() =>
        HalfTypedCode.AssertNoCrashOnEveryPrefix(
            """
            using System;
            using Gradwise;
            public partial class Layer
            {
                [Parameter] internal double[] w = { 0.5, -0.5 };
                [Parameter] internal double b;
                internal double Out(double[] x) => Math.Tanh(b + w[0] * x[0] + w[1] * x[1]);
            }

            public partial class Net
            {
                [Parameter] Layer first = new Layer();

                [Differentiable]
                public double Loss(double[] x, double y)
                {
                    double z = first.Out(x) + first.w[1];
                    return (z - y) * (z - y);
                }
            }
            """,
            new[] { new Gradwise.Generator.DifferentiableGenerator() },
            new[] { new Gradwise.Rules.DifferentiableMethodAnalyzer() });
}
