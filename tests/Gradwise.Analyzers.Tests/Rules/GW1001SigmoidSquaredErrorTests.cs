using Gradwise.Analyzers.Tests.Infrastructure;
using Gradwise.Rules;
using Xunit;
using Fix = Gradwise.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<Gradwise.Rules.SquaredErrorAnalyzer, Gradwise.CodeFixes.Rules.SigmoidSquaredErrorFixer>;
using Verify = Gradwise.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Gradwise.Rules.SquaredErrorAnalyzer>;

namespace Gradwise.Analyzers.Tests.Rules;

/// <summary>GW1001 on the shapes hand-written networks take, and not on the shapes that are right.</summary>
public sealed class GW1001SigmoidSquaredErrorTests
{
    /// <summary>Shapes where a sigmoid output meets squared error: the rule must fire at the marked site.</summary>
    public static TheoryData<string, string> Positives() => new()
    {
        { "squared loss of the inline logistic", """
            class C { double Loss(double z, double y) => {|GW1001:(1 / (1 + Math.Exp(-z)) - y) * (1 / (1 + Math.Exp(-z)) - y)|}; }
            """ },
        { "Math.Pow of a sigmoid local", """
            class C { double Loss(double z, double y) { double p = 1 / (1 + Math.Exp(-z)); return 0.5 * {|GW1001:Math.Pow(p - y, 2)|}; } }
            """ },
        { "local reassigned through a named sigmoid", """
            class C
            {
                static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                double Loss(double[] w, double[] x, double target)
                {
                    double output = 0;
                    for (int i = 0; i < w.Length; i++) output += w[i] * x[i];
                    output = Sigmoid(output);
                    return {|GW1001:(target - output) * (target - output)|};
                }
            }
            """ },
        { "method return with any name, exp/(1+exp) form", """
            class C
            {
                static double Squash(double t) => Math.Exp(t) / (1 + Math.Exp(t));
                double Loss(double z, double y) { var o = Squash(z); return {|GW1001:(o - y) * (o - y)|}; }
            }
            """ },
        { "tanh form of the logistic", """
            class C
            {
                static double Logistic(double t) => 0.5 * (1 + Math.Tanh(t / 2));
                double Loss(double z, double y) { var o = Logistic(z); return {|GW1001:(o - y) * (o - y)|}; }
            }
            """ },
        { "float sigmoid with MathF", """
            class C
            {
                static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));
                float Loss(float z, float y) { var o = Sigmoid(z); return {|GW1001:(o - y) * (o - y)|}; }
            }
            """ },
        { "delta (t - o) * o * (1 - o)", """
            class C
            {
                static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                double Delta(double z, double t) { double o = Sigmoid(z); return {|GW1001:(t - o) * o * (1 - o)|}; }
            }
            """ },
        { "σ' kept in a local written o - o·o", """
            class C
            {
                static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                double Delta(double z, double t) { double o = Sigmoid(z); double slope = o - o * o; return {|GW1001:(t - o) * slope|}; }
            }
            """ },
        { "derivative helper written o - o·o", """
            class C
            {
                static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                static double Slope(double a) => a - a * a;
                double Delta(double z, double t) { double o = Sigmoid(z); return {|GW1001:(o - t) * Slope(o)|}; }
            }
            """ },
        { "error local times a σ' local", """
            class C
            {
                static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                double Delta(double z, double t) { double o = Sigmoid(z); double error = t - o; double slope = o * (1 - o); return {|GW1001:error * slope|}; }
            }
            """ },
        { "delta through a derivative method of any name", """
            class C
            {
                static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                static double Slope(double a) => a * (1 - a);
                double Delta(double z, double t) { double o = Sigmoid(z); return {|GW1001:(o - t) * Slope(o)|}; }
            }
            """ },
        { "error local times derivative", """
            class C
            {
                static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                static double Derivative(double output) => output * (1.0 - output);
                double Delta(double z, double target)
                {
                    double output = Sigmoid(z);
                    double error = target - output;
                    return {|GW1001:error * Derivative(output)|};
                }
            }
            """ },
        { "property getter that is a sigmoid", """
            class Neuron
            {
                public double Net;
                public double Output => 1 / (1 + Math.Exp(-Net));
                public double Delta(double target) => {|GW1001:(target - Output) * Output * (1 - Output)|};
            }
            """ },
        { "field written in another method", """
            class Neuron
            {
                double output;
                public void Forward(double net) { output = 1 / (1 + Math.Exp(-net)); }
                public double Delta(double target) => {|GW1001:(target - output) * output * (1 - output)|};
            }
            """ },
        { "auto-property written in another class", """
            class Neuron
            {
                public double Output { get; set; }
                public void Forward(double net) { Output = 1 / (1 + Math.Exp(-net)); }
            }
            class Trainer
            {
                public double Loss(Neuron n, double target) => {|GW1001:Math.Pow(n.Output - target, 2)|};
            }
            """ },
        { "array elements written in another method", """
            class Layer
            {
                double[] outputs = new double[3];
                public void Forward(double[] nets) { for (int i = 0; i < 3; i++) outputs[i] = 1 / (1 + Math.Exp(-nets[i])); }
                public double Delta(double[] targets, int i) => {|GW1001:(targets[i] - outputs[i]) * outputs[i] * (1 - outputs[i])|};
            }
            """ },
        { "interface method whose single implementation is the logistic", """
            interface IActivation { double Activate(double x); }
            class SigmoidActivation : IActivation { public double Activate(double x) => 1 / (1 + Math.Exp(-x)); }
            class Network
            {
                IActivation act = new SigmoidActivation();
                public double Loss(double z, double y) { var o = act.Activate(z); return {|GW1001:(o - y) * (o - y)|}; }
            }
            """ },
        { "interface implementation passed in by the constructor", """
            interface IActivation { double Activate(double x); }
            class SigmoidActivation : IActivation { public double Activate(double x) => 1 / (1 + Math.Exp(-x)); }
            class Relu : IActivation { public double Activate(double x) => Math.Max(0, x); }
            class Network
            {
                readonly IActivation act;
                public Network(IActivation act) { this.act = act; }
                public double Loss(double z, double y) { var o = act.Activate(z); return {|GW1001:(o - y) * (o - y)|}; }
            }
            class Program { static Network Build() => new Network(new SigmoidActivation()); }
            """ },
        { "mean squared error method over arrays, outputs kept in a field", """
            class Network
            {
                double[] outputs = new double[2];
                public void Forward(double[] nets) { for (int i = 0; i < 2; i++) outputs[i] = 1 / (1 + Math.Exp(-nets[i])); }
                static double MeanSquaredError(double[] predicted, double[] expected)
                {
                    double sum = 0;
                    for (int i = 0; i < predicted.Length; i++) sum += (predicted[i] - expected[i]) * (predicted[i] - expected[i]);
                    return sum / predicted.Length;
                }
                public double Loss(double[] targets) => {|GW1001:MeanSquaredError(outputs, targets)|};
            }
            """ },
        { "call to a squared-error method of any name", """
            class C
            {
                static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                static double HalfSquare(double prediction, double label) => 0.5 * (prediction - label) * (prediction - label);
                double Loss(double z, double y) => {|GW1001:HalfSquare(Sigmoid(z), y)|};
            }
            """ },
        { "Math.Pow of an error local", """
            class C
            {
                static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                double Loss(double z, double y) { var error = y - Sigmoid(z); return {|GW1001:Math.Pow(error, 2)|}; }
            }
            """ },
        { "sum of squared errors in a loop", """
            class C
            {
                static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                double Loss(double[] z, double[] y)
                {
                    double sum = 0;
                    for (int i = 0; i < z.Length; i++) { double p = Sigmoid(z[i]); sum += {|GW1001:(p - y[i]) * (p - y[i])|}; }
                    return sum / z.Length;
                }
            }
            """ },
        { "field written raw by input neurons and by the sigmoid of the others", """
            class Neuron
            {
                double output;
                public void Forward(double net, bool linear) { if (linear) output = net; else output = 1 / (1 + Math.Exp(-net)); }
                public double Loss(double target) => {|GW1001:(target - output) * (target - output)|};
            }
            """ },
    };

    /// <summary>Shapes that are right (or are not about a sigmoid): the rule must stay silent.</summary>
    public static TheoryData<string, string> Negatives() => new()
    {
        { "cross-entropy delta o - t", """
            class C { static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x)); double Delta(double z, double t) { var o = Sigmoid(z); return (o - t) * 1.0; } }
            """ },
        { "squared error of a linear output", """
            class C { double Loss(double w, double x, double b, double y) => (w * x + b - y) * (w * x + b - y); }
            """ },
        { "squared error of a ReLU output", """
            class C { double Loss(double z, double y) { var o = Math.Max(0, z); return (o - y) * (o - y); } }
            """ },
        { "sigmoid only in a hidden layer", """
            class C
            {
                static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                double HiddenDelta(double zHidden, double output, double target, double v)
                {
                    double h = Sigmoid(zHidden);
                    double outDelta = output - target;
                    return outDelta * v * h * (1 - h);
                }
            }
            """ },
        { "method that picks the activation", """
            class C
            {
                static double Activate(double x, bool logistic) { if (logistic) return 1 / (1 + Math.Exp(-x)); return x; }
                double Loss(double z, double y, bool logistic) { var o = Activate(z, logistic); return (o - y) * (o - y); }
            }
            """ },
        { "tanh output", """
            class C { double Loss(double z, double y) => (Math.Tanh(z) - y) * (Math.Tanh(z) - y); }
            """ },
        { "cross-entropy gradient chosen for the sigmoid", """
            class C
            {
                static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                static double Derivative(double o, int kind) => kind == 0 ? o * (1 - o) : 1.0;
                double Delta(double z, double t, bool sigmoid, int kind) { var o = sigmoid ? Sigmoid(z) : z; return sigmoid ? (o - t) : (o - t) * Derivative(o, kind); }
            }
            """ },
        { "product of two different differences", """
            class C { static double S(double x) => 1.0 / (1.0 + Math.Exp(-x)); double Cov(double z, double a, double b, double c) => (S(z) - a) * (b - c); }
            """ },
        { "variance term", """
            class C { double Var(double x, double mean) => Math.Exp(x) * 0 + (x - mean) * (x - mean); }
            """ },
        { "interface with two implementations", """
            interface IActivation { double Activate(double x); }
            class SigmoidActivation : IActivation { public double Activate(double x) => 1 / (1 + Math.Exp(-x)); }
            class Identity : IActivation { public double Activate(double x) => x; }
            class Network { IActivation act = new Identity(); public double Loss(double z, double y) { var o = act.Activate(z); return (o - y) * (o - y); } }
            """ },
        { "interface implementation passed in by the constructor is a ReLU", """
            interface IActivation { double Activate(double x); }
            class SigmoidActivation : IActivation { public double Activate(double x) => 1 / (1 + Math.Exp(-x)); }
            class Relu : IActivation { public double Activate(double x) => Math.Max(0, x); }
            class Network
            {
                readonly IActivation act;
                public Network(IActivation act) { this.act = act; }
                public double Loss(double z, double y) { var o = act.Activate(z); return (o - y) * (o - y); }
            }
            class Program { static Network Build() => new Network(new Relu()); }
            """ },
        { "mean squared error method over linear outputs", """
            class Network
            {
                double[] outputs = new double[2];
                public void Forward(double[] nets) { for (int i = 0; i < 2; i++) outputs[i] = 2 * nets[i] + Math.Exp(0); }
                static double Mse(double[] a, double[] b) { double s = 0; for (int i = 0; i < a.Length; i++) s += Math.Pow(a[i] - b[i], 2); return s; }
                public double Loss(double[] targets) => Mse(outputs, targets);
            }
            """ },
        { "logistic regression's gradient step with the error in a local", """
            class C
            {
                static double S(double x) => 1.0 / (1.0 + Math.Exp(-x));
                void Step(double[] w, double[] x, double y, double rate)
                {
                    double z = 0;
                    for (int j = 0; j < w.Length; j++) z += w[j] * x[j];
                    var error = y - S(z);
                    for (int j = 0; j < w.Length; j++) w[j] += rate * error * x[j];
                }
            }
            """ },
        { "softplus is not a sigmoid", """
            class C { double Loss(double z, double y) { var o = Math.Log(1 + Math.Exp(z)); return (o - y) * (o - y); } }
            """ },
        { "sigmoid times one minus sigmoid alone (a derivative, no error)", """
            class C { static double S(double x) => 1.0 / (1.0 + Math.Exp(-x)); double D(double z) { var s = S(z); return s * (1 - s); } }
            """ },
    };

    private static string WithUsings(string code) => "using System;\n" + code;

    [Theory]
    [MemberData(nameof(Positives))]
    public Task Fires(string shape, string code)
    {
        _ = shape;
        return Verify.VerifyAnalyzerAsync(WithUsings(code));
    }

    [Theory]
    [MemberData(nameof(Negatives))]
    public Task Stays_silent(string shape, string code)
    {
        _ = shape;
        return Verify.VerifyAnalyzerAsync(WithUsings(code));
    }

    [Fact]
    public Task Message_names_the_value_and_where_the_sigmoid_is() => Verify.VerifyAnalyzerAsync(
        WithUsings("""
            class Neuron
            {
                double output;
                public void Forward(double net) { output = {|#1:1 / (1 + Math.Exp(-net))|}; }
                public double Delta(double target) => {|#0:(target - output) * output * (1 - output)|};
            }
            """),
        Verify.Diagnostic(Descriptors.SigmoidWithSquaredError).WithLocation(0).WithLocation(1).WithArguments("output", "Test0.cs line 5"));

    /// <summary>
    /// The expected outputs held in neurons of the same class (an expected layer built from the targets), so flow places a sigmoid
    /// on both sides of the stored error: the message names the side the delta method takes σ' at, the network's own neuron.
    /// </summary>
    [Fact]
    public Task Message_names_the_neuron_the_delta_method_runs_on_not_the_expected_neuron() => Verify.VerifyAnalyzerAsync(
        WithUsings("""
            using System.Collections.Generic;
            class Neuron
            {
                public double Output, Error, Delta;
                public List<double> Weights = new();
                public Neuron() { }
                public Neuron(double value) { Output = value; }
                public void Fire(double[] x)
                {
                    double z = 0;
                    for (int i = 0; i < x.Length; i++) z += Weights[i] * x[i];
                    Output = {|#1:1 / (1 + Math.Exp(-z))|};
                }
                public void CalculateDelta() { Delta = Error * Output * (1 - Output); }
            }
            class Network
            {
                public List<Neuron> Outputs = new();
                public void Learn(List<Neuron> expected)
                {
                    for (int i = 0; i < Outputs.Count; i++)
                    {
                        Outputs[i].Error = expected[i].Output - Outputs[i].Output;
                        {|#0:Outputs[i].CalculateDelta()|};
                    }
                }
            }
            """),
        Verify.Diagnostic(Descriptors.SigmoidWithSquaredError).WithLocation(0).WithLocation(1).WithArguments("Outputs[i].Output", "Test0.cs line 13"));

    [Fact]
    public Task Fix_turns_the_delta_into_the_cross_entropy_gradient() => Fix.VerifyCodeFixAsync(
        WithUsings("""
            class C
            {
                static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                double Delta(double z, double t) { double o = Sigmoid(z); return {|GW1001:(t - o) * o * (1 - o)|}; }
            }
            """),
        WithUsings("""
            class C
            {
                static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                double Delta(double z, double t) { double o = Sigmoid(z); return t - o; }
            }
            """));

    /// <summary>
    /// The delta through a derivative a per-layer code chooses (the game-AI tutorial's <c>activateDer(o, layer)</c>), the output layer's
    /// code the sigmoid's: the fix drops the chosen derivative and keeps the error.
    /// </summary>
    [Fact]
    public Task Fix_drops_a_derivative_a_per_layer_code_chooses() => Fix.VerifyCodeFixAsync(
        PerLayerCodes("1, 0", "{|GW1001:(o - t) * ActivateDer(o, layer)|}"), PerLayerCodes("1, 0", "o - t"));

    /// <summary>The same network with the sigmoid's code for the hidden layer only: the output layer's code chooses tanh, and nothing fires.</summary>
    [Fact]
    public Task A_derivative_a_per_layer_code_chooses_for_a_tanh_output_stays_silent() => Verify.VerifyAnalyzerAsync(
        PerLayerCodes("0, 1", "(o - t) * ActivateDer(o, layer)"));

    /// <summary>
    /// The output layer's own back-propagation through the slope its setting chooses, called on the last of layers whose settings a
    /// factory passes (the last the sigmoid's): the fix drops the slope and keeps the error.
    /// </summary>
    [Fact]
    public Task Fix_drops_a_slope_the_output_layers_setting_chooses() => Fix.VerifyCodeFixAsync(
        SettingLayers("Kind.Tanh, Kind.Sigmoid", "{|GW1001:Error[i] * Slope(Outputs[i])|}"), SettingLayers("Kind.Tanh, Kind.Sigmoid", "Error[i]"));

    /// <summary>The same network with the sigmoid's setting for the hidden layer only: the output layer's slope is tanh's, and nothing fires.</summary>
    [Fact]
    public Task A_slope_a_tanh_output_layers_setting_chooses_stays_silent() => Verify.VerifyAnalyzerAsync(
        SettingLayers("Kind.Sigmoid, Kind.Tanh", "Error[i] * Slope(Outputs[i])"));

    /// <summary>
    /// Layers that each hold a setting (<c>Kind.Sigmoid</c> or <c>Kind.Tanh</c>), made in a loop from <paramref name="kinds"/>; the last
    /// layer's <c>BackPropOutput</c> fills its gradient by <paramref name="gradient"/>.
    /// </summary>
    private static string SettingLayers(string kinds, string gradient) => WithUsings($$"""
        enum Kind { Sigmoid, Tanh }
        class Layer
        {
            private readonly Kind kind;
            public readonly double[] Outputs = new double[2], Error = new double[2], Gamma = new double[2];
            public Layer(Kind kind) { this.kind = kind; }
            public void Forward(double[] z) { for (int i = 0; i < z.Length; i++) Outputs[i] = kind == Kind.Sigmoid ? 1.0 / (1.0 + Math.Exp(-z[i])) : Math.Tanh(z[i]); }
            double Slope(double y) { switch (kind) { case Kind.Sigmoid: return y * (1 - y); default: return 1 - y * y; } }
            public void BackPropOutput(double[] expected)
            {
                for (int i = 0; i < Outputs.Length; i++) Error[i] = Outputs[i] - expected[i];
                for (int i = 0; i < Outputs.Length; i++) Gamma[i] = {{gradient}};
            }
        }
        class Net
        {
            private readonly Layer[] layers;
            public Net(Kind[] kinds) { layers = new Layer[kinds.Length]; for (int i = 0; i < kinds.Length; i++) layers[i] = new Layer(kinds[i]); }
            public void BackProp(double[] expected) => layers[layers.Length - 1].BackPropOutput(expected);
            public static Net Make() => new Net(new[] { {{kinds}} });
        }
        """);

    /// <summary>
    /// A network whose per-layer codes (0 the sigmoid's, 1 tanh's) are copied from <paramref name="codes"/>, and whose
    /// <c>Delta</c> returns <paramref name="delta"/> of its output o and target t.
    /// </summary>
    private static string PerLayerCodes(string codes, string delta) => WithUsings($$"""
        class Net
        {
            private readonly int[] activations;
            public Net(int[] codes) { activations = new int[codes.Length]; for (int i = 0; i < codes.Length; i++) activations[i] = codes[i]; }
            static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
            double Activate(double v, int layer) { switch (activations[layer]) { case 0: return Sigmoid(v); default: return Math.Tanh(v); } }
            double ActivateDer(double y, int layer) { switch (activations[layer]) { case 0: return y * (1 - y); default: return 1 - y * y; } }
            public double Delta(double z, double t, int layer) { double o = Activate(z, layer); return {{delta}}; }
            public static double Run() => new Net(new[] { {{codes}} }).Delta(0.3, 1, 1);
        }
        """);

    /// <summary>The delta written with the element-by-element operators of a vector class of your own: the fix keeps the error, as for numbers.</summary>
    [Fact]
    public Task Fix_drops_the_derivative_from_operators_of_your_own_vector_class() => Fix.VerifyCodeFixAsync(
        WithUsings("""
            VEC
            static class Backprop
            {
                static Vec Delta(Vec output, Vec target) => {|GW1001:(output - target) * output * (1 - output)|};
            }
            """.Replace("VEC", Vec)),
        WithUsings("""
            VEC
            static class Backprop
            {
                static Vec Delta(Vec output, Vec target) => output - target;
            }
            """.Replace("VEC", Vec)));

    /// <summary>
    /// A helper of your own vector class that multiplies element by element is a call: no fix is offered (the diagnostic stays). Calls are
    /// looked at where the compilation has an activation somewhere (here the sigmoid), as for MathNet's pointwise products.
    /// </summary>
    [Fact]
    public Task No_fix_for_a_product_helper_of_your_own_vector_class() => Fix.VerifyCodeFixAsync(
        WithUsings("""
            VEC
            static class Backprop
            {
                static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
                static Vec Delta(Vec output, Vec target) => {|GW1001:Vec.Hadamard(output - target, output * (1 - output))|};
            }
            """.Replace("VEC", Vec)),
        WithUsings("""
            VEC
            static class Backprop
            {
                static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
                static Vec Delta(Vec output, Vec target) => {|GW1001:Vec.Hadamard(output - target, output * (1 - output))|};
            }
            """.Replace("VEC", Vec)));

    private const string Vec = """
        public sealed class Vec
        {
            private readonly double[] v;
            public Vec(int n) { v = new double[n]; }
            public int Length => v.Length;
            public static Vec operator -(Vec a, Vec b) { var r = new Vec(a.Length); for (int i = 0; i < r.Length; i++) r.v[i] = a.v[i] - b.v[i]; return r; }
            public static Vec operator -(double s, Vec a) { var r = new Vec(a.Length); for (int i = 0; i < r.Length; i++) r.v[i] = s - a.v[i]; return r; }
            public static Vec operator *(Vec a, Vec b) { var r = new Vec(a.Length); for (int i = 0; i < r.Length; i++) r.v[i] = a.v[i] * b.v[i]; return r; }
            public static Vec Hadamard(Vec a, Vec b) { var r = new Vec(a.Length); for (int i = 0; i < r.Length; i++) r.v[i] = a.v[i] * b.v[i]; return r; }
        }
        """;

    /// <summary>σ'(z) taken at the weighted input (the textbook's (a − y)·σ'(z)): the fix drops it, leaving the cross-entropy delta a − y.</summary>
    [Fact]
    public Task Fix_drops_the_derivative_taken_at_the_input() => Fix.VerifyCodeFixAsync(
        WithUsings("""
            class C
            {
                static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                static double SigmoidPrime(double x) => Sigmoid(x) * (1 - Sigmoid(x));
                double Delta(double z, double y) { double a = Sigmoid(z); return {|GW1001:(a - y) * SigmoidPrime(z)|}; }
            }
            """),
        WithUsings("""
            class C
            {
                static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                static double SigmoidPrime(double x) => Sigmoid(x) * (1 - Sigmoid(x));
                double Delta(double z, double y) { double a = Sigmoid(z); return a - y; }
            }
            """));

    /// <summary>The textbook delta over MathNet vectors, (a − y) ⊙ σ'(z) as a pointwise product: the fix keeps the error, a − y.</summary>
    [Fact]
    public Task Fix_drops_the_derivative_from_a_pointwise_product_of_vectors() => Fix.VerifyCodeFixAsync(
        """
        using System;
        using MathNet.Numerics.LinearAlgebra;
        class C
        {
            static Vector<double> Sigmoid(Vector<double> z) => z.Map(v => 1.0 / (1.0 + Math.Exp(-v)));
            static Vector<double> SigmoidPrime(Vector<double> z) => Sigmoid(z).PointwiseMultiply(1 - Sigmoid(z));
            Vector<double> Delta(Vector<double> z, Vector<double> y) { var a = Sigmoid(z); return {|GW1001:(a - y).PointwiseMultiply(SigmoidPrime(z))|}; }
        }
        """ + "\n" + SquaredErrorRealShapeTests.MathNetStub,
        """
        using System;
        using MathNet.Numerics.LinearAlgebra;
        class C
        {
            static Vector<double> Sigmoid(Vector<double> z) => z.Map(v => 1.0 / (1.0 + Math.Exp(-v)));
            static Vector<double> SigmoidPrime(Vector<double> z) => Sigmoid(z).PointwiseMultiply(1 - Sigmoid(z));
            Vector<double> Delta(Vector<double> z, Vector<double> y) { var a = Sigmoid(z); return a - y; }
        }
        """ + "\n" + SquaredErrorRealShapeTests.MathNetStub);

    /// <summary>The same with Numpy.NET's element-by-element * and np.multiply: the fix keeps the error factor.</summary>
    [Fact]
    public Task Fix_drops_the_derivative_from_numpy_products() => Fix.VerifyCodeFixAsync(
        """
        using Numpy;
        class C
        {
            static NDarray Sigmoid(NDarray z) => 1.0 / (1.0 + np.exp(-z));
            static NDarray SigmoidPrime(NDarray z) => Sigmoid(z) * (1 - Sigmoid(z));
            NDarray Delta(NDarray z, NDarray y) { var a = Sigmoid(z); return {|GW1001:(a - y) * SigmoidPrime(z)|}; }
            NDarray Delta2(NDarray z, NDarray y) { var a = Sigmoid(z); return {|GW1001:np.multiply(SigmoidPrime(z), a - y)|}; }
        }
        """ + "\n" + SquaredErrorRealShapeTests.NumpyStub,
        """
        using Numpy;
        class C
        {
            static NDarray Sigmoid(NDarray z) => 1.0 / (1.0 + np.exp(-z));
            static NDarray SigmoidPrime(NDarray z) => Sigmoid(z) * (1 - Sigmoid(z));
            NDarray Delta(NDarray z, NDarray y) { var a = Sigmoid(z); return a - y; }
            NDarray Delta2(NDarray z, NDarray y) { var a = Sigmoid(z); return a - y; }
        }
        """ + "\n" + SquaredErrorRealShapeTests.NumpyStub);

    /// <summary>
    /// An error a <c>TensorPrimitives.Subtract</c> wrote into a buffer: the fix of the delta written element by element keeps the
    /// error's element, the cross-entropy delta; the delta written whole by <c>TensorPrimitives.Multiply</c> gets none (the call has no
    /// factor to drop).
    /// </summary>
    [Fact]
    public async Task Fix_keeps_the_error_a_TensorPrimitives_buffer_holds()
    {
        const string before = """
            using System.Numerics.Tensors;
            class C
            {
                private readonly float[] z = new float[4], p = new float[4], err = new float[4], slope = new float[4];
                void Step(float[] t, float[] delta, float[] whole)
                {
                    TensorPrimitives.Sigmoid(z, p);
                    TensorPrimitives.Subtract(p, t, err);
                    for (int i = 0; i < err.Length; i++) delta[i] = {|GW1001:err[i] * p[i] * (1 - p[i])|};
                    TensorPrimitives.Subtract(1f, p, slope);
                    TensorPrimitives.Multiply(slope, p, slope);
                    {|GW1001:TensorPrimitives.Multiply(err, slope, whole)|};
                }
            }
            """;
        var test = new Fix.Test
        {
            TestCode = before,
            FixedCode = before.Replace("{|GW1001:err[i] * p[i] * (1 - p[i])|}", "err[i]"),
            FixedState = { MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.Allow },
        };
        test.TestState.AdditionalReferences.Add(Generator.TensorPrimitivesGeneratorTests.Tensors);
        test.FixedState.AdditionalReferences.Add(Generator.TensorPrimitivesGeneratorTests.Tensors);
        await test.RunAsync(System.Threading.CancellationToken.None);
    }

    /// <summary>A MathNet squared error summed by a dot product: the scalar cross-entropy the fix writes would not fit vectors, so none.</summary>
    [Fact]
    public Task A_dot_product_squared_error_of_vectors_gets_no_fix()
    {
        var source = """
            using System;
            using MathNet.Numerics.LinearAlgebra;
            class C
            {
                static Vector<double> Sigmoid(Vector<double> z) => z.Map(v => 1.0 / (1.0 + Math.Exp(-v)));
                double Cost(Vector<double> z, Vector<double> y) { var d = Sigmoid(z) - y; return {|GW1001:d * d|}; }
            }
            """ + "\n" + SquaredErrorRealShapeTests.MathNetStub;
        return Fix.VerifyCodeFixAsync(source, source);
    }

    /// <summary>An Encog trainer of a sigmoid output: the fix sets its error function to cross-entropy in its initializer, beside what is there.</summary>
    [Fact]
    public Task Fix_sets_an_encog_trainers_error_function_to_cross_entropy() => Fix.VerifyCodeFixAsync(
        EncogTraining("""
            IMLTrain train = {|GW1001:new ResilientPropagation(network, set)|};
            var other = {|GW1001:new ResilientPropagation(network, set) { ThreadCount = 0 }|};
            var third = {|GW1001:new ResilientPropagation(network, set) { ErrorFunction = new LinearErrorFunction(), ThreadCount = 2 }|};
            """),
        EncogTraining("""
            IMLTrain train = new ResilientPropagation(network, set) { ErrorFunction = new CrossEntropyErrorFunction() };
            var other = new ResilientPropagation(network, set) { ThreadCount = 0, ErrorFunction = new CrossEntropyErrorFunction() };
            var third = new ResilientPropagation(network, set) { ThreadCount = 2, ErrorFunction = new CrossEntropyErrorFunction() };
            """));

    /// <summary>Without a using of Encog.Neural.Error the fix names the type in full; the fixed trainer is silent.</summary>
    [Fact]
    public Task Fix_names_the_error_function_in_full_without_its_using() => Fix.VerifyCodeFixAsync(
        EncogTraining("var train = {|GW1001:new ResilientPropagation(network, set)|};").Replace("using Encog.Neural.Error;\n", string.Empty),
        EncogTraining("var train = new ResilientPropagation(network, set) { ErrorFunction = new Encog.Neural.Error.CrossEntropyErrorFunction() };").Replace("using Encog.Neural.Error;\n", string.Empty));

    /// <summary>
    /// No fix where a statement sets the error function (an initializer would be overwritten) and none for EncogUtility.TrainToError,
    /// which makes its trainer inside.
    /// </summary>
    [Fact]
    public Task Encog_training_with_a_statement_setting_or_a_utility_call_gets_no_fix()
    {
        var source = EncogTraining("""
            var train = {|GW1001:new ResilientPropagation(network, set)|};
            train.ErrorFunction = new LinearErrorFunction();
            {|GW1001:Encog.Util.Simple.EncogUtility.TrainToError(network, set, 0.01)|};
            """);
        return Fix.VerifyCodeFixAsync(source, source);
    }

    private static string EncogTraining(string training) => """
        using Encog.Engine.Network.Activation;
        using Encog.ML.Data;
        using Encog.ML.Train;
        using Encog.Neural.Error;
        using Encog.Neural.Networks;
        using Encog.Neural.Networks.Layers;
        using Encog.Neural.Networks.Training.Propagation.Resilient;
        class Trainer
        {
            void Train(IMLDataSet set)
            {
                var network = new BasicNetwork();
                network.AddLayer(new BasicLayer(null, true, 2));
                network.AddLayer(new BasicLayer(new ActivationSigmoid(), false, 1));
                network.Structure.FinalizeStructure();
        """ + "\n" + string.Join("\n", training.Split('\n').Select(line => "        " + line.TrimEnd('\r'))) + """

            }
        }
        """ + "\n" + SquaredErrorRealShapeTests.EncogStub;

    /// <summary>Hadamard(CostDerivative(a, y), SigmoidPrime(z)) of helpers over arrays: the fix keeps the error; a Zip that multiplies gets no fix.</summary>
    [Fact]
    public Task Fix_drops_the_derivative_from_an_array_helper_product() => Fix.VerifyCodeFixAsync(
        SquaredErrorRealShapeTests.ArrayPort("return {|GW1001:Hadamard(CostDerivative(activations[activations.Count - 1], y), SigmoidPrime(zs[zs.Count - 1]))|};").Replace("/*σ*/", string.Empty),
        SquaredErrorRealShapeTests.ArrayPort("return CostDerivative(activations[activations.Count - 1], y);").Replace("/*σ*/", string.Empty));

    [Fact]
    public Task A_zip_that_multiplies_by_the_derivative_gets_no_fix()
    {
        var source = SquaredErrorRealShapeTests.ArrayPort("var sp = SigmoidPrime(zs[^1]); var e = CostDerivative(activations[^1], y); return {|GW1001:e.Zip(sp, (a, b) => a * b)|}.ToArray();").Replace("/*σ*/", string.Empty);
        return Fix.VerifyCodeFixAsync(source, source);
    }

    /// <summary>A squared error of whole NumPy arrays is reported, but the scalar cross-entropy the fix writes would not compile there: no fix.</summary>
    [Fact]
    public Task A_squared_error_of_numpy_arrays_is_reported_without_a_fix() => Fix.VerifyCodeFixAsync(
        """
        using Numpy;
        class C
        {
            static NDarray Sigmoid(NDarray z) => 1.0 / (1.0 + np.exp(-z));
            NDarray Loss(NDarray z, NDarray y) { var a = Sigmoid(z); return {|GW1001:(a - y) * (a - y)|}; }
        }
        """ + "\n" + SquaredErrorRealShapeTests.NumpyStub,
        """
        using Numpy;
        class C
        {
            static NDarray Sigmoid(NDarray z) => 1.0 / (1.0 + np.exp(-z));
            NDarray Loss(NDarray z, NDarray y) { var a = Sigmoid(z); return {|GW1001:(a - y) * (a - y)|}; }
        }
        """ + "\n" + SquaredErrorRealShapeTests.NumpyStub);

    [Fact]
    public Task Fix_keeps_the_sign_of_a_negated_delta() => Fix.VerifyCodeFixAsync(
        WithUsings("""
            class C
            {
                static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                double Delta(double z, double t) { double o = Sigmoid(z); return {|GW1001:-o * (1 - o) * (t - o)|}; }
            }
            """),
        WithUsings("""
            class C
            {
                static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                double Delta(double z, double t) { double o = Sigmoid(z); return -(t - o); }
            }
            """));

    [Fact]
    public Task Fix_keeps_the_parentheses_the_delta_needs_inside_a_larger_expression() => Fix.VerifyCodeFixAsync(
        WithUsings("""
            class C
            {
                static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                double Step(double z, double t, double bias) { double o = Sigmoid(z); var d = 0.0; d = {|GW1001:(t - o) * o * (1 - o)|}; return bias - {|GW1001:0.1 * ((t - o) * o * (1 - o))|} + d - (t - o) / ({|GW1001:(o - t) * o * (1 - o)|}); }
            }
            """),
        WithUsings("""
            class C
            {
                static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                double Step(double z, double t, double bias) { double o = Sigmoid(z); var d = 0.0; d = t - o; return bias - 0.1 * (t - o) + d - (t - o) / (o - t); }
            }
            """));

    [Fact]
    public Task Fix_all_rewrites_every_delta_in_the_file() => Fix.VerifyCodeFixAsync(
        WithUsings("""
            class Net
            {
                static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                static double Slope(double a) => a * (1 - a);
                double A(double z, double t) { double o = Sigmoid(z); return {|GW1001:0.1 * (t - o) * o * (1 - o)|}; }
                double B(double z, double t) { double o = Sigmoid(z); return {|GW1001:(o - t) * Slope(o)|}; }
                double C(double z, double t) { double o = Sigmoid(z); double lr = 0.5; return {|GW1001:lr * (t - o) * o * (1 - o)|}; }
            }
            """),
        WithUsings("""
            class Net
            {
                static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                static double Slope(double a) => a * (1 - a);
                double A(double z, double t) { double o = Sigmoid(z); return 0.1 * (t - o); }
                double B(double z, double t) { double o = Sigmoid(z); return o - t; }
                double C(double z, double t) { double o = Sigmoid(z); double lr = 0.5; return lr * (t - o); }
            }
            """));

    [Fact]
    public Task Fix_turns_a_squared_error_loss_into_cross_entropy() => Fix.VerifyCodeFixAsync(
        WithUsings("""
            class C
            {
                static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                double Loss(double z, double y) { var p = Sigmoid(z); return {|GW1001:(p - y) * (p - y)|}; }
                double Loss2(double z, double y) { var p = Sigmoid(z); return 0.5 * {|GW1001:Math.Pow(y - p, 2)|}; }
            }
            """),
        WithUsings("""
            class C
            {
                static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                double Loss(double z, double y) { var p = Sigmoid(z); return -(y * Math.Log(Math.Max(p, 1e-12)) + (1 - y) * Math.Log(Math.Max(1 - p, 1e-12))); }
                double Loss2(double z, double y) { var p = Sigmoid(z); return 0.5 * (-(y * Math.Log(Math.Max(p, 1e-12)) + (1 - y) * Math.Log(Math.Max(1 - p, 1e-12)))); }
            }
            """));

    /// <summary>A loss of floats (MathF, Unity's Mathf) gets its cross-entropy cast back to float, so the code around it still compiles.</summary>
    [Fact]
    public Task Fix_keeps_a_float_loss_a_float() => Fix.VerifyCodeFixAsync(
        WithUsings("""
            class C
            {
                static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));
                float Loss(float z, float y) { var p = Sigmoid(z); float cost = 0; cost += {|GW1001:(p - y) * (p - y)|}; return cost; }
            }
            """),
        WithUsings("""
            class C
            {
                static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));
                float Loss(float z, float y) { var p = Sigmoid(z); float cost = 0; cost += (float)-(y * Math.Log(Math.Max(p, 1e-12)) + (1 - y) * Math.Log(Math.Max(1 - p, 1e-12))); return cost; }
            }
            """));

    /// <summary>The fix's cross-entropy is floored: GW3001 (a log of a probability that can round to 0) has nothing to say about it.</summary>
    [Fact]
    public Task The_fixed_cross_entropy_is_stable() => CSharpAnalyzerVerifier<Gradwise.Rules.UnstableLogAnalyzer>.VerifyAnalyzerAsync(
        WithUsings("""
            class C
            {
                static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                double Loss(double z, double y) { var p = Sigmoid(z); return -(y * Math.Log(Math.Max(p, 1e-12)) + (1 - y) * Math.Log(Math.Max(1 - p, 1e-12))); }
                double Loss3(double z, double y) => -(y * Math.Log(Math.Max(Sigmoid(z), 1e-12)) + (1 - y) * Math.Log(Math.Max(1 - Sigmoid(z), 1e-12)));
            }
            """));

    [Fact]
    public Task Fix_turns_a_squared_error_call_into_cross_entropy() => Fix.VerifyCodeFixAsync(
        WithUsings("""
            class C
            {
                static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                static double HalfSquare(double prediction, double label) => 0.5 * (prediction - label) * (prediction - label);
                double Loss(double z, double y) => {|GW1001:HalfSquare(Sigmoid(z), y)|};
            }
            """),
        WithUsings("""
            class C
            {
                static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                static double HalfSquare(double prediction, double label) => 0.5 * (prediction - label) * (prediction - label);
                double Loss(double z, double y) => -(y * Math.Log(Math.Max(Sigmoid(z), 1e-12)) + (1 - y) * Math.Log(Math.Max(1 - Sigmoid(z), 1e-12)));
            }
            """));

    public static TheoryData<string> AllShapes() => ShapeCases.Names(Positives(), Negatives());

    [Theory]
    [MemberData(nameof(AllShapes))]
    public void Half_typed_code_never_crashes(string shape)
    {
        var code = ShapeCases.Code(shape, Positives(), Negatives());
        HalfTypedCode.AssertNoCrashOnEveryPrefixOfMarkedSource(WithUsings(code), new SquaredErrorAnalyzer());
    }
}
