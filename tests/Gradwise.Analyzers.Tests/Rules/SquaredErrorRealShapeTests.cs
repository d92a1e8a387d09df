using Gradwise.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Gradwise.Analyzers.Tests.Rules;

/// <summary>
/// GW1001/GW1002 on the shapes public networks have: shared neuron fields, clipped sigmoids,
/// activations chosen through delegates, enums, interfaces and factories, layers in lists, the
/// output in one file and the delta in another, LINQ softmax copied into fields, builders. Each
/// case is a project of one or more files; the sigmoid (softmax) location is checked by the
/// message tests in the rule files, here the site.
/// </summary>
public sealed class SquaredErrorRealShapeTests
{
    private const string Neurons = """
        using System;
        using System.Collections.Generic;
        public class Neuron
        {
            public double Output;
            public double Net;
            public List<double> Weights = new();
        }
        public class Layer
        {
            public List<Neuron> Neurons = new();
            public bool IsInput;
            public void Forward(double[] inputs)
            {
                for (int i = 0; i < Neurons.Count; i++)
                {
                    if (IsInput) { Neurons[i].Output = inputs[i]; continue; }
                    double sum = 0;
                    for (int j = 0; j < inputs.Length; j++) sum += Neurons[i].Weights[j] * inputs[j];
                    Neurons[i].Net = sum;
                    Neurons[i].Output = Activations.Sigmoid(sum);
                }
            }
        }
        public static class Activations
        {
            public static double Sigmoid(double x) => x switch { < -45 => 0, > 45 => 1, _ => 1 / (1 + Math.Exp(-x)) };
            public static double SigmoidDerivative(double s) => s * (1 - s);
        }
        """;

    /// <summary>Projects (file texts) where a sigmoid output meets squared error, with the sites marked.</summary>
    public static TheoryData<string, string[]> SigmoidPositives() => new()
    {
        { "layers in a list, last layer's neurons, delta in another file", new[] { Neurons, """
            using System.Collections.Generic;
            public class Network
            {
                public List<Layer> Layers = new();
                public void Backward(double[] targets)
                {
                    var outputLayer = Layers[^1];
                    for (int i = 0; i < outputLayer.Neurons.Count; i++)
                    {
                        var n = outputLayer.Neurons[i];
                        double delta = {|GW1001:(targets[i] - n.Output) * Activations.SigmoidDerivative(n.Output)|};
                    }
                }
            }
            """ } },
        { "squared error through layers[^1].Neurons[i].Output", new[] { Neurons, """
            using System.Collections.Generic;
            public class Trainer
            {
                public double Loss(List<Layer> layers, double[] t)
                {
                    double e = 0;
                    for (int i = 0; i < t.Length; i++) e += {|GW1001:(layers[^1].Neurons[i].Output - t[i]) * (layers[^1].Neurons[i].Output - t[i])|};
                    return e / 2;
                }
            }
            """ } },
        { "error local times output times one minus output, shared field", new[] { Neurons, """
            public class Backprop
            {
                public double Delta(Neuron n, double target)
                {
                    double error = target - n.Output;
                    return {|GW1001:error * n.Output * (1 - n.Output)|};
                }
            }
            """ } },
        { "clipped sigmoid with if returns", new[] { """
            using System;
            static class M
            {
                static double Logistic(double z)
                {
                    if (z < -30) return 0;
                    if (z > 30) return 1;
                    return 1.0 / (1.0 + Math.Exp(-z));
                }
                static double Loss(double z, double y) { var p = Logistic(z); return {|GW1001:0.5 * (p - y) * (p - y)|}; }
            }
            """ } },
        { "activation as a delegate field set to the sigmoid", new[] { """
            using System;
            class Perceptron
            {
                readonly Func<double, double> activation;
                double output;
                public Perceptron(Func<double, double> activation) { this.activation = activation; }
                public void Forward(double net) { output = activation(net); }
                public double Loss(double t) => {|GW1001:Math.Pow(output - t, 2)|};
            }
            static class Program
            {
                static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
                static Perceptron Make() => new Perceptron(Sigmoid);
            }
            """ } },
        { "activation as a lambda in a delegate field", new[] { """
            using System;
            class Unit
            {
                public Func<double, double> Activation = x => 1.0 / (1.0 + Math.Exp(-x));
                public double Out;
                public void Fire(double net) => Out = Activation(net);
                public double Grad(double t) => {|GW1001:(Out - t) * Out * (1 - Out)|};
            }
            """ } },
        { "enum-selected activation configured to sigmoid", new[] { """
            using System;
            public enum ActivationKind { Relu, Tanh, Sigmoid }
            class Dense
            {
                readonly ActivationKind kind;
                double[] outputs = new double[4];
                public Dense(ActivationKind kind) { this.kind = kind; }
                double Activate(double x) => kind switch
                {
                    ActivationKind.Relu => Math.Max(0, x),
                    ActivationKind.Tanh => Math.Tanh(x),
                    _ => 1 / (1 + Math.Exp(-x)),
                };
                public void Forward(double[] z) { for (int i = 0; i < 4; i++) outputs[i] = Activate(z[i]); }
                public double Loss(double[] y) { double s = 0; for (int i = 0; i < 4; i++) s += {|GW1001:(outputs[i] - y[i]) * (outputs[i] - y[i])|}; return s; }
            }
            static class Build { static Dense Output() => new Dense(ActivationKind.Sigmoid); }
            """ } },
        { "interface activation from a factory", new[] { """
            using System;
            interface IActivation { double Apply(double x); }
            sealed class Logistic : IActivation { public double Apply(double x) => 1 / (1 + Math.Exp(-x)); }
            sealed class Identity : IActivation { public double Apply(double x) => x; }
            static class Activations { public static IActivation Create(string name) => name == "linear" ? new Identity() : new Logistic(); }
            class Model
            {
                readonly IActivation act = Activations.Create("sigmoid");
                public double Loss(double z, double y) { var p = act.Apply(z); return {|GW1001:(p - y) * (p - y)|}; }
            }
            """ } },
        { "predictions array filled by a sigmoid, mean squared error method in another file", new[] { """
            using System;
            public class LogisticModel
            {
                public double[] W = new double[3];
                public double[] Predict(double[][] x)
                {
                    var p = new double[x.Length];
                    for (int i = 0; i < x.Length; i++)
                    {
                        double z = 0;
                        for (int j = 0; j < W.Length; j++) z += W[j] * x[i][j];
                        p[i] = 1.0 / (1.0 + Math.Exp(-z));
                    }
                    return p;
                }
            }
            """, """
            public static class Metrics
            {
                public static double MeanSquaredError(double[] predicted, double[] actual)
                {
                    double sum = 0;
                    for (int i = 0; i < predicted.Length; i++) { double d = predicted[i] - actual[i]; sum += d * d; }
                    return sum / predicted.Length;
                }
                public static double Evaluate(LogisticModel m, double[][] x, double[] y) => {|GW1001:MeanSquaredError(m.Predict(x), y)|};
            }
            """ } },
        { "gradient descent on logistic regression with the squared-error gradient", new[] { """
            using System;
            class Sgd
            {
                static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
                public static void Step(double[] w, double[][] x, double[] y, double lr)
                {
                    for (int i = 0; i < y.Length; i++)
                    {
                        double z = 0;
                        for (int j = 0; j < w.Length; j++) z += w[j] * x[i][j];
                        double p = Sigmoid(z);
                        for (int j = 0; j < w.Length; j++) w[j] -= {|GW1001:lr * (p - y[i]) * p * (1 - p) * x[i][j]|};
                    }
                }
            }
            """ } },
        { "jagged per-layer outputs", new[] { """
            using System;
            class Mlp
            {
                double[][] outputs = { new double[3], new double[1] };
                static double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));
                public void Forward(double[][] nets) { for (int l = 0; l < 2; l++) for (int j = 0; j < nets[l].Length; j++) outputs[l][j] = Sigmoid(nets[l][j]); }
                public double Cost(double t) => {|GW1001:(outputs[1][0] - t) * (outputs[1][0] - t)|};
            }
            """ } },
        { "float network with MathF and a derivative helper", new[] { """
            using System;
            class FloatNet
            {
                float[] a = new float[2];
                static float Act(float x) => 1f / (1f + MathF.Exp(-x));
                static float Prime(float y) => y * (1f - y);
                public void Forward(float[] z) { for (int i = 0; i < 2; i++) a[i] = Act(z[i]); }
                public float Delta(float[] t, int i) => {|GW1001:(a[i] - t[i]) * Prime(a[i])|};
            }
            """ } },
        { "delta with the output read through a property of the last layer", new[] { """
            using System;
            using System.Collections.Generic;
            class Node { public double Value { get; set; } }
            class Net
            {
                public List<List<Node>> Layers = new();
                public void Forward(double z) { Layers[Layers.Count - 1][0].Value = 1 / (1 + Math.Exp(-z)); }
                public double OutputDelta(double t)
                {
                    var o = Layers[Layers.Count - 1][0].Value;
                    return {|GW1001:o * (1 - o) * (t - o)|};
                }
            }
            """ } },
        { "shape alone: the output comes from outside the compilation", new[] { """
            class External
            {
                public static double Delta(double[] outputs, double[] targets, int k) => {|GW1001:(targets[k] - outputs[k]) * outputs[k] * (1.0 - outputs[k])|};
            }
            """ } },
        { "hand-rolled builder with enums", new[] { """
            using System;
            public enum ActivationType { Linear, Sigmoid }
            public enum LossType { MSE, CrossEntropy }
            public class Dense { public Dense(int units, ActivationType act) { } }
            public class Network { public void Add(Dense d) { } public void Compile(LossType loss, double lr) { } }
            static class Program
            {
                static void Main()
                {
                    var net = new Network();
                    net.Add(new Dense(16, ActivationType.Linear));
                    net.Add(new Dense(1, ActivationType.Sigmoid));
                    {|GW1001:net.Compile(LossType.MSE, 0.1)|};
                }
            }
            """ } },
        { "sigmoid written with exp over one plus exp, in a property", new[] { """
            using System;
            class Unit
            {
                public double Z;
                public double Activation => Math.Exp(Z) / (1 + Math.Exp(Z));
                public double Error(double y) => {|GW1001:Math.Pow(y - Activation, 2)|};
            }
            """ } },
    };

    /// <summary>Look-alikes: the rule must stay silent.</summary>
    public static TheoryData<string, string[]> SigmoidNegatives() => new()
    {
        { "sigmoid only in a hidden layer, linear output field", new[] { """
            using System;
            class Net
            {
                double hidden, output;
                public void Forward(double x, double w1, double w2) { hidden = 1 / (1 + Math.Exp(-w1 * x)); output = w2 * hidden; }
                public double Loss(double y) => (output - y) * (output - y);
                public double HiddenDelta(double y, double w2) { double dOut = output - y; return dOut * w2 * hidden * (1 - hidden); }
            }
            """ } },
        { "tanh output with its own derivative", new[] { """
            using System;
            class Net { double o; public void F(double z) { o = Math.Tanh(z); } public double D(double t) => (t - o) * (1 - o * o); }
            """ } },
        { "Bernoulli variance of a sigmoid", new[] { """
            using System;
            class Stats { static double S(double z) => 1 / (1 + Math.Exp(-z)); public static double Var(double z) { var p = S(z); return p * (1 - p); } }
            """ } },
        { "IRLS weights", new[] { """
            using System;
            class Irls
            {
                public static void Weights(double[] z, double[] w)
                {
                    for (int i = 0; i < z.Length; i++) { double p = 1 / (1 + Math.Exp(-z[i])); w[i] = p * (1 - p); }
                }
            }
            """ } },
        { "cross-entropy delta on a shared output field", new[] { Neurons, """
            public class Backprop { public double Delta(Neuron n, double t) => n.Output - t; }
            """ } },
        { "enum-selected activation configured to tanh everywhere", new[] { """
            using System;
            public enum ActivationKind { Tanh, Sigmoid }
            class Dense
            {
                readonly ActivationKind kind;
                double outValue;
                public Dense(ActivationKind kind) { this.kind = kind; }
                double Activate(double x) => kind switch { ActivationKind.Tanh => Math.Tanh(x), _ => 1 / (1 + Math.Exp(-x)) };
                public void Forward(double z) { outValue = Activate(z); }
                public double Loss(double y) => (outValue - y) * (outValue - y);
            }
            static class Build { static Dense Output() => new Dense(ActivationKind.Tanh); }
            """ } },
        { "delegate configured with Math.Tanh", new[] { """
            using System;
            class Perceptron
            {
                readonly Func<double, double> activation;
                double output;
                public Perceptron(Func<double, double> activation) { this.activation = activation; }
                public void Forward(double net) { output = activation(net); }
                public double Loss(double t) => Math.Pow(output - t, 2);
            }
            static class Program { static Perceptron Make() => new Perceptron(Math.Tanh); }
            """ } },
        { "interface receiver from a factory that makes a ReLU", new[] { """
            using System;
            interface IActivation { double Apply(double x); }
            sealed class Logistic : IActivation { public double Apply(double x) => 1 / (1 + Math.Exp(-x)); }
            sealed class Relu : IActivation { public double Apply(double x) => Math.Max(0, x); }
            static class Activations { public static IActivation Create() => new Relu(); }
            class Model { readonly IActivation act = Activations.Create(); public double Loss(double z, double y) { var p = act.Apply(z); return (p - y) * (p - y); } }
            """ } },
        { "mean squared error of linear regression predictions", new[] { """
            using System;
            class Linear
            {
                public double[] Predict(double[] x, double w, double b) { var p = new double[x.Length]; for (int i = 0; i < x.Length; i++) p[i] = w * x[i] + b + Math.Exp(0); return p; }
                static double Mse(double[] a, double[] b) { double s = 0; for (int i = 0; i < a.Length; i++) s += (a[i] - b[i]) * (a[i] - b[i]); return s / a.Length; }
                public double Eval(double[] x, double[] y) => Mse(Predict(x, 2, 1), y);
            }
            """ } },
        { "cross-entropy gradient of logistic regression", new[] { """
            using System;
            class Lr
            {
                public static void Step(double[] w, double[] x, double y, double lr)
                {
                    double z = 0; for (int j = 0; j < w.Length; j++) z += w[j] * x[j];
                    double p = 1 / (1 + Math.Exp(-z));
                    for (int j = 0; j < w.Length; j++) w[j] -= lr * (p - y) * x[j];
                }
            }
            """ } },
        { "hidden delta through the next layer's deltas", new[] { """
            using System;
            class Hidden
            {
                public static double Delta(double[] next, double[] w, double h)
                {
                    double sum = 0; for (int k = 0; k < next.Length; k++) sum += w[k] * next[k];
                    return sum * h * (1 - h);
                }
                static double S(double z) => 1 / (1 + Math.Exp(-z));
                public static double Use(double[] next, double[] w, double z) => Delta(next, w, S(z));
            }
            """ } },
        { "squared error on a clipped ReLU output", new[] { """
            using System;
            class C { static double Relu6(double x) => Math.Min(Math.Max(0, x), 6); double Loss(double z, double y) { var o = Relu6(z); return (o - y) * (o - y); } }
            """ } },
        { "builder with a sigmoid layer and cross-entropy", new[] { """
            public enum ActivationType { Linear, Sigmoid }
            public enum LossType { MSE, CrossEntropy }
            public class Dense { public Dense(int units, ActivationType act) { } }
            public class Network { public void Add(Dense d) { } public void Compile(LossType loss) { } }
            static class Program { static void Main() { var net = new Network(); net.Add(new Dense(1, ActivationType.Sigmoid)); net.Compile(LossType.CrossEntropy); } }
            """ } },
        { "builder with a sigmoid hidden layer, linear output and MSE", new[] { """
            public enum ActivationType { Linear, Sigmoid }
            public enum LossType { MSE, CrossEntropy }
            public class Dense { public Dense(int units, ActivationType act) { } }
            public class Network { public void Add(Dense d) { } public void Compile(LossType loss) { } }
            static class Program { static void Main() { var net = new Network(); net.Add(new Dense(8, ActivationType.Sigmoid)); net.Add(new Dense(1, ActivationType.Linear)); net.Compile(LossType.MSE); } }
            """ } },
        { "runtime bool picks the activation", new[] { """
            using System;
            class C
            {
                static double Act(double x, bool logistic) => logistic ? 1 / (1 + Math.Exp(-x)) : x;
                double Loss(double z, double y, bool logistic) { var o = Act(z, logistic); return (o - y) * (o - y); }
            }
            """ } },
    };

    [Theory]
    [MemberData(nameof(SigmoidPositives))]
    public Task Sigmoid_fires(string shape, string[] files) => Run(shape, files);

    [Theory]
    [MemberData(nameof(SigmoidNegatives))]
    public Task Sigmoid_stays_silent(string shape, string[] files) => Run(shape, files);

    [Fact]
    public Task Linq_softmax_copied_into_a_field() => Run("LINQ softmax", new[] { """
        using System;
        using System.Linq;
        class Classifier
        {
            double[] Outputs = new double[3];
            public void Forward(double[] scores)
            {
                double max = scores.Max();
                var exps = scores.Select(v => Math.Exp(v - max)).ToArray();
                double sum = exps.Sum();
                var probs = exps.Select(e => e / sum).ToArray();
                Array.Copy(probs, Outputs, probs.Length);
            }
            public double Loss(double[] y) { double l = 0; for (int k = 0; k < 3; k++) l += {|GW1002:(Outputs[k] - y[k]) * (Outputs[k] - y[k])|}; return l; }
        }
        """ });

    [Fact]
    public Task Softmax_delta_is_GW1002_not_GW1001() => Run("softmax delta", new[] { """
        using System;
        using System.Linq;
        class Classifier
        {
            public static double[] Softmax(double[] s) { var e = s.Select(Math.Exp).ToArray(); var z = e.Sum(); return e.Select(v => v / z).ToArray(); }
            public static double Delta(double[] s, double[] t, int k) { var p = Softmax(s); return {|GW1002:(t[k] - p[k]) * p[k] * (1 - p[k])|}; }
        }
        """ });

    [Fact]
    public Task Softmax_with_cross_entropy_through_linq_is_silent() => Run("softmax CE", new[] { """
        using System;
        using System.Linq;
        class Classifier
        {
            public static double Loss(double[] s, int label)
            {
                var exps = s.Select(v => Math.Exp(v)).ToArray();
                var sum = exps.Sum();
                var p = exps.Select(e => e / sum).ToArray();
                return -Math.Log(p[label]);
            }
        }
        """ });

    private static Task Run(string shape, string[] files)
    {
        _ = shape;
        var test = new CSharpAnalyzerVerifier<Gradwise.Rules.SquaredErrorAnalyzer>.Test();
        for (var i = 0; i < files.Length; i++)
        {
            test.TestState.Sources.Add(("/0/File" + i + ".cs", files[i]));
        }

        return test.RunAsync(System.Threading.CancellationToken.None);
    }
}
