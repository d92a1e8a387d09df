using Gradwise.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Gradwise.Analyzers.Tests.Rules;

/// <summary>
/// GW1001/GW1002 on the shapes public networks have: shared neuron fields, clipped sigmoids,
/// activations chosen through delegates, enums, interfaces and factories, layers in lists, the
/// output in one file and the delta in another, LINQ softmax copied into fields, builders. Each
/// case is a project of one or more files, with the site marked and, where the project has one, a
/// <c>/*σ*/</c> mark where the value becomes a sigmoid output (the sigmoid expression, or the call of
/// the function that applies it): the diagnostic's additional location. Each positive also runs
/// half-typed (<see cref="SquaredErrorRealShapeTypingTests"/>).
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
                    Neurons[i].Output = /*σ*/Activations.Sigmoid(sum);
                }
            }
        }
        public static class Activations
        {
            public static double Sigmoid(double x) => x switch { < -45 => 0, > 45 => 1, _ => 1 / (1 + Math.Exp(-x)) };
            public static double SigmoidDerivative(double s) => s * (1 - s);
        }
        """;

    /// <summary>
    /// A matrix class of one's own, as the C# ports of the "toy neural network" write it: one <c>double[,]</c> of elements, in-place
    /// <c>Add</c>, <c>Multiply</c> (element by element, or by a number) and <c>Map</c>, and static <c>Multiply</c> (the matrix product),
    /// <c>Subtract</c>, <c>Transpose</c> and <c>Map</c> that return a new matrix.
    /// </summary>
    private const string ToyMatrix = """
        using System;
        public sealed class Matrix
        {
            public readonly int Rows, Cols;
            private readonly double[,] data;
            public Matrix(int rows, int cols) { Rows = rows; Cols = cols; data = new double[rows, cols]; }
            public static Matrix FromArray(double[] values)
            {
                var m = new Matrix(values.Length, 1);
                for (int i = 0; i < values.Length; i++) m.data[i, 0] = values[i];
                return m;
            }
            public static Matrix Multiply(Matrix a, Matrix b)
            {
                var result = new Matrix(a.Rows, b.Cols);
                for (int i = 0; i < result.Rows; i++)
                    for (int j = 0; j < result.Cols; j++)
                    {
                        double sum = 0;
                        for (int k = 0; k < a.Cols; k++) sum += a.data[i, k] * b.data[k, j];
                        result.data[i, j] = sum;
                    }
                return result;
            }
            public static Matrix Subtract(Matrix a, Matrix b)
            {
                var result = new Matrix(a.Rows, a.Cols);
                for (int i = 0; i < a.Rows; i++)
                    for (int j = 0; j < a.Cols; j++)
                        result.data[i, j] = a.data[i, j] - b.data[i, j];
                return result;
            }
            public static Matrix Transpose(Matrix m)
            {
                var result = new Matrix(m.Cols, m.Rows);
                for (int i = 0; i < m.Rows; i++)
                    for (int j = 0; j < m.Cols; j++)
                        result.data[j, i] = m.data[i, j];
                return result;
            }
            public static Matrix Map(Matrix m, Func<double, double> f)
            {
                var result = new Matrix(m.Rows, m.Cols);
                for (int i = 0; i < m.Rows; i++)
                    for (int j = 0; j < m.Cols; j++)
                        result.data[i, j] = f(m.data[i, j]);
                return result;
            }
            public void Map(Func<double, double> f)
            {
                for (int i = 0; i < Rows; i++)
                    for (int j = 0; j < Cols; j++)
                        data[i, j] = f(data[i, j]);
            }
            public void Add(Matrix other)
            {
                for (int i = 0; i < Rows; i++)
                    for (int j = 0; j < Cols; j++)
                        data[i, j] += other.data[i, j];
            }
            public void Multiply(Matrix other)
            {
                for (int i = 0; i < Rows; i++)
                    for (int j = 0; j < Cols; j++)
                        data[i, j] *= other.data[i, j];
            }
            public void Multiply(double factor)
            {
                for (int i = 0; i < Rows; i++)
                    for (int j = 0; j < Cols; j++)
                        data[i, j] *= factor;
            }
        }
        """;

    /// <summary>An activation chosen by <c>if (act == ...) return</c>, configured to the logistic one where the output neuron is made.</summary>
    private const string IfChainNeuron = """
            using System;
            public enum Act { Linear, Tanh, Logistic }
            public sealed class Neuron
            {
                private readonly Act act;
                public double Output;
                public Neuron(Act act) { this.act = act; }
                private double Apply(double z)
                {
                    if (act == Act.Tanh) return Math.Tanh(z);
                    if (act == Act.Logistic) return 1 / (1 + Math.Exp(-z));
                    return z;
                }
                public void Fire(double z) => Output = /*σ*/Apply(z);
                public double Error(double t) => {|GW1001:0.5 * (t - Output) * (t - Output)|};
            }
            public static class Net { public static Neuron OutputNeuron() => new Neuron(Act.Logistic); }
            """;

    /// <summary>The same project with its neurons made only by <paramref name="creations"/> (and no marks): the look-alike.</summary>
    private static string IfChainNeuronConfigured(params string[] creations)
    {
        const string logistic = "public static Neuron OutputNeuron() => new Neuron(Act.Logistic);";
        Assert.Contains(logistic, IfChainNeuron);
        var factories = string.Join(" ", creations.Select((c, i) => "public static Neuron Make" + i + "() => " + c + ";"));
        return Plain(IfChainNeuron).Replace(ActivationMark, string.Empty).Replace(logistic, factories);
    }

    /// <summary>An activation chosen by a <c>switch</c> statement, each section assigning a local that is returned after it; configured to sigmoid by the network's builder.</summary>
    private const string SwitchStatementLayer = """
            using System;
            public enum ActivationFunction { Identity, ReLU, HyperbolicTangent, Logistic }
            public class Layer
            {
                private readonly ActivationFunction function;
                public double[] Outputs;
                public Layer(int size, ActivationFunction function) { Outputs = new double[size]; this.function = function; }
                private double Activate(double z)
                {
                    double a;
                    switch (function)
                    {
                        case ActivationFunction.ReLU:
                            a = Math.Max(0, z);
                            break;
                        case ActivationFunction.HyperbolicTangent:
                            a = Math.Tanh(z);
                            break;
                        case ActivationFunction.Logistic:
                            a = 1.0 / (1.0 + Math.Exp(-z));
                            break;
                        default:
                            a = z;
                            break;
                    }

                    return a;
                }

                public void Forward(double[] z) { for (int i = 0; i < Outputs.Length; i++) Outputs[i] = /*σ*/Activate(z[i]); }
                public double Cost(double[] y)
                {
                    double c = 0;
                    for (int i = 0; i < y.Length; i++) c += {|GW1001:(Outputs[i] - y[i]) * (Outputs[i] - y[i])|};
                    return c / 2;
                }
            }
            public static class Builder
            {
                public static Layer[] Network() => new[] { new Layer(16, ActivationFunction.ReLU), new Layer(1, ActivationFunction.Logistic) };
            }
            """;

    /// <summary>The same layer configured only by <paramref name="configured"/> (no sigmoid layer): the look-alike.</summary>
    private static string SwitchStatementLayerConfigured(string configured)
    {
        const string network = "new[] { new Layer(16, ActivationFunction.ReLU), new Layer(1, ActivationFunction.Logistic) }";
        Assert.Contains(network, SwitchStatementLayer);
        return Plain(SwitchStatementLayer).Replace(ActivationMark, string.Empty).Replace(network, configured);
    }

    /// <summary>
    /// The same layer whose constructor defaults the activation to the sigmoid (<c>ActivationFunction function = ActivationFunction.Logistic</c>),
    /// made by <paramref name="configured"/>; marks kept when <paramref name="marked"/>.
    /// </summary>
    private static string SwitchStatementLayerDefaulted(string configured, bool marked)
    {
        const string network = "new[] { new Layer(16, ActivationFunction.ReLU), new Layer(1, ActivationFunction.Logistic) }";
        const string constructor = "public Layer(int size, ActivationFunction function)";
        Assert.Contains(constructor, SwitchStatementLayer);
        var text = marked ? SwitchStatementLayer : Plain(SwitchStatementLayer).Replace(ActivationMark, string.Empty);
        return text.Replace(constructor, "public Layer(int size, ActivationFunction function = ActivationFunction.Logistic)").Replace(network, configured);
    }

    /// <summary>A hand-rolled fluent network builder whose enums name a sigmoid activation and a squared-error loss.</summary>
    private const string NetworkBuilderApi = """
            public enum ActivationType { ReLU, Linear, Sigmoid }
            public enum LossType { MeanSquaredError, BinaryCrossEntropy }
            public class NetworkBuilder
            {
                public NetworkBuilder AddLayer(int units, ActivationType activation) => this;
                public NetworkBuilder WithLoss(LossType loss) => this;
                public NetworkBuilder WithLearningRate(double rate) => this;
                public object Build() => new object();
            }

            """;

    /// <summary>Projects (file texts) where a sigmoid output meets squared error, with the sites marked.</summary>
    /// <summary>
    /// Neurons whose layer holds an activation object (a logistic or an identity implementation of one interface) and keep their input
    /// and output apart; <paramref name="sigmoidMark"/> marks the logistic's body.
    /// </summary>
    private static string NeuronsWithActivationObjects(string sigmoidMark) => $$"""
        using System;
        public interface IActivationFunction { double Evaluate(double x); double EvaluateDerivative(double x); }
        public sealed class LogisticFunction : IActivationFunction
        {
            public double Evaluate(double x) => {{sigmoidMark}}1 / (1 + Math.Exp(-x));
            public double EvaluateDerivative(double x) { double s = Evaluate(x); return s * (1 - s); }
        }
        public sealed class IdentityFunction : IActivationFunction
        {
            public double Evaluate(double x) => x;
            public double EvaluateDerivative(double x) => 1;
        }
        public class Layer
        {
            public IActivationFunction Activation { get; }
            public Layer(IActivationFunction activation) => Activation = activation;
        }
        public class Neuron
        {
            public Layer Layer { get; set; }
            public double Input { get; private set; }
            public double Output { get; private set; }
            public void Fire(double z) { Input = z; Output = Layer.Activation.Evaluate(z); }
        }
        """;

    /// <summary>A layer handed its activation and the activation's derivative as delegates; <paramref name="delta"/> is its output delta.</summary>
    private static string DelegateLayer(string delta) => $$"""
        using System;
        public sealed class Layer
        {
            private readonly Func<double, double> f;
            private readonly Func<double, double, double> df;
            public double[] Z = new double[2], A = new double[2];
            public Layer(Func<double, double> f, Func<double, double, double> df) { this.f = f; this.df = df; }
            public void Forward(double[] z) { for (int i = 0; i < A.Length; i++) { Z[i] = z[i]; A[i] = f(z[i]); } }
            public double Delta(int i, double target) => {{delta}};
        }
        """;

    /// <summary>A layer that takes its activation and the activation's derivative as delegates in its constructor, for derived layers to pass.</summary>
    private static string BaseDelegateLayer(string delta) => $$"""
        using System;
        public class Layer
        {
            private readonly Func<double, double> activation;
            private readonly Func<double, double, double> derivative;
            private readonly double[] input, output;
            public Layer(int size, Func<double, double> activationFunction, Func<double, double, double> derivativeFunction)
            {
                activation = activationFunction;
                derivative = derivativeFunction;
                input = new double[size];
                output = new double[size];
            }
            public void Forward(double[] net) { for (int i = 0; i < output.Length; i++) { input[i] = net[i]; output[i] = activation(net[i]); } }
            public double[] OutputDeltas(double[] target)
            {
                var d = new double[output.Length];
                for (int i = 0; i < output.Length; i++) d[i] = {{delta}};
                return d;
            }
        }
        """;

    /// <summary>
    /// A modular network of hand-written layer objects (a dense layer, a sigmoid layer, a tanh layer), a squared-error loss class and a
    /// cross-entropy one: no enum or name says what they compute, their bodies do.
    /// </summary>
    private const string LayerObjects = """
        using System;
        using System.Collections.Generic;
        public interface ILayer { double[] Forward(double[] x); double[] Backward(double[] grad); }
        public sealed class Dense : ILayer
        {
            private readonly double[,] w; private double[] input;
            public Dense(int inputs, int outputs) { w = new double[outputs, inputs]; }
            public double[] Forward(double[] x) { input = x; var y = new double[w.GetLength(0)]; for (int o = 0; o < y.Length; o++) for (int i = 0; i < x.Length; i++) y[o] += w[o, i] * x[i]; return y; }
            public double[] Backward(double[] grad) { var g = new double[input.Length]; for (int o = 0; o < grad.Length; o++) for (int i = 0; i < g.Length; i++) g[i] += w[o, i] * grad[o]; return g; }
        }
        public sealed class SigmoidLayer : ILayer
        {
            private double[] y;
            public double[] Forward(double[] x) { y = new double[x.Length]; for (int i = 0; i < x.Length; i++) y[i] = 1.0 / (1.0 + Math.Exp(-x[i])); return y; }
            public double[] Backward(double[] grad) { var g = new double[grad.Length]; for (int i = 0; i < g.Length; i++) g[i] = grad[i] * y[i] * (1 - y[i]); return g; }
        }
        public sealed class TanhLayer : ILayer
        {
            private double[] y;
            public double[] Forward(double[] x) { y = new double[x.Length]; for (int i = 0; i < x.Length; i++) y[i] = Math.Tanh(x[i]); return y; }
            public double[] Backward(double[] grad) { var g = new double[grad.Length]; for (int i = 0; i < g.Length; i++) g[i] = grad[i] * (1 - y[i] * y[i]); return g; }
        }
        public interface ILoss { double Value(double[] p, double[] t); double[] Gradient(double[] p, double[] t); }
        public sealed class MeanSquaredError : ILoss
        {
            public double Value(double[] p, double[] t) { double s = 0; for (int i = 0; i < p.Length; i++) s += (p[i] - t[i]) * (p[i] - t[i]); return s / p.Length; }
            public double[] Gradient(double[] p, double[] t) { var g = new double[p.Length]; for (int i = 0; i < p.Length; i++) g[i] = 2 * (p[i] - t[i]) / p.Length; return g; }
        }
        public sealed class BinaryCrossEntropy : ILoss
        {
            public double Value(double[] p, double[] t) { double s = 0; for (int i = 0; i < p.Length; i++) s -= t[i] * Math.Log(p[i] + 1e-12) + (1 - t[i]) * Math.Log(1 - p[i] + 1e-12); return s / p.Length; }
            public double[] Gradient(double[] p, double[] t) { var g = new double[p.Length]; for (int i = 0; i < p.Length; i++) g[i] = (p[i] - t[i]) / (p[i] * (1 - p[i]) + 1e-12) / p.Length; return g; }
        }
        public sealed class Network
        {
            private readonly List<ILayer> layers = new List<ILayer>();
            private ILoss loss;
            public Network() { }
            public Network(ILoss loss) { this.loss = loss; }
            public Network Add(ILayer layer) { layers.Add(layer); return this; }
            public void Compile(ILoss loss) { this.loss = loss; }
        }
        """;

    /// <summary>
    /// Models told their loss by a property (set after they are made, or in an object initializer), with the layer objects of
    /// <see cref="LayerObjects"/>, handed to the constructor, added by statements, or listed in the initializer; and an enum-configured
    /// model whose loss is an enum property.
    /// </summary>
    private const string PropertyLossModels = """
        using System.Collections.Generic;
        public sealed class Sequential
        {
            private readonly List<ILayer> layers = new List<ILayer>();
            public Sequential(params ILayer[] layers) { this.layers.AddRange(layers); }
            public ILoss Loss { get; set; }
            public double LearningRate { get; set; }
            public List<ILayer> Layers => layers;
            public void Add(ILayer layer) => layers.Add(layer);
        }
        public enum ActivationType { Linear, Tanh, Sigmoid }
        public enum LossType { MeanSquaredError, CrossEntropy }
        public sealed class Perceptron
        {
            public Perceptron(int inputs, int outputs, ActivationType activation) { }
        }
        public sealed class MultiLayerPerceptron
        {
            private readonly List<Perceptron> layers = new List<Perceptron>();
            public LossType LossFunction;
            public void AddLayer(Perceptron layer) => layers.Add(layer);
        }
        """;

    /// <summary>Layers that take their activation and its derivative as delegates, and a network told its loss and the loss's derivative as delegates.</summary>
    private const string DelegateLayers = """
        using System;
        using System.Collections.Generic;
        public abstract class Layer { public abstract double[] Forward(double[] x); }
        public sealed class FullyConnected : Layer
        {
            private readonly double[,] w;
            public FullyConnected(int n, int m) { w = new double[m, n]; }
            public override double[] Forward(double[] x) { var y = new double[w.GetLength(0)]; for (int o = 0; o < y.Length; o++) for (int i = 0; i < x.Length; i++) y[o] += w[o, i] * x[i]; return y; }
        }
        public sealed class ActivationLayer : Layer
        {
            private readonly Func<double, double> f, df;
            public ActivationLayer(Func<double, double> f, Func<double, double> df) { this.f = f; this.df = df; }
            public override double[] Forward(double[] x) { var y = new double[x.Length]; for (int i = 0; i < y.Length; i++) y[i] = f(x[i]); return y; }
        }
        public static class Functions
        {
            public static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
            public static double SigmoidPrime(double x) => Sigmoid(x) * (1 - Sigmoid(x));
            public static double Tanh(double x) => Math.Tanh(x);
            public static double TanhPrime(double x) => 1 - Math.Tanh(x) * Math.Tanh(x);
            public static double Mse(double[] t, double[] p) { double s = 0; for (int i = 0; i < t.Length; i++) s += Math.Pow(t[i] - p[i], 2); return s / t.Length; }
            public static double[] MsePrime(double[] t, double[] p) { var g = new double[t.Length]; for (int i = 0; i < t.Length; i++) g[i] = 2 * (p[i] - t[i]) / t.Length; return g; }
        }
        public sealed class Network
        {
            private readonly List<Layer> layers = new List<Layer>();
            private Func<double[], double[], double> loss;
            private Func<double[], double[], double[]> lossPrime;
            public void Add(Layer layer) => layers.Add(layer);
            public void Use(Func<double[], double[], double> loss, Func<double[], double[], double[]> lossPrime) { this.loss = loss; this.lossPrime = lossPrime; }
        }
        """;

    /// <summary>Dense layers handed an activation object, and a model compiled with a loss object.</summary>
    private const string ActivationObjects = """
        using System;
        using System.Collections.Generic;
        public interface IActivation { double Apply(double x); double Derivative(double y); }
        public sealed class Sigmoid : IActivation { public double Apply(double x) => 1 / (1 + Math.Exp(-x)); public double Derivative(double y) => y * (1 - y); }
        public sealed class Relu : IActivation { public double Apply(double x) => Math.Max(0, x); public double Derivative(double y) => y > 0 ? 1 : 0; }
        public interface ILoss { double Compute(double[] predicted, double[] expected); }
        public sealed class MseLoss : ILoss { public double Compute(double[] predicted, double[] expected) { double s = 0; for (int i = 0; i < predicted.Length; i++) { var d = predicted[i] - expected[i]; s += d * d; } return s / predicted.Length; } }
        public sealed class Dense { public Dense(int inputs, int outputs, IActivation activation) { } }
        public sealed class Model
        {
            private readonly List<Dense> layers = new List<Dense>();
            public Model Add(Dense layer) { layers.Add(layer); return this; }
            public void Compile(ILoss loss, double learningRate) { }
        }
        """;

    /// <summary>One layer type configured by an enum to any activation, the sigmoid among them.</summary>
    private const string ConfiguredLayerType = """
        using System;
        using System.Collections.Generic;
        public enum Kind { Relu, Logistic }
        public sealed class ActLayer
        {
            private readonly Kind kind;
            public ActLayer(Kind kind) { this.kind = kind; }
            public double[] Forward(double[] x)
            {
                var y = new double[x.Length];
                for (int i = 0; i < y.Length; i++) y[i] = kind == Kind.Logistic ? 1 / (1 + Math.Exp(-x[i])) : Math.Max(0, x[i]);
                return y;
            }
        }
        public sealed class SquaredLoss { public double Of(double[] p, double[] t) { double s = 0; for (int i = 0; i < p.Length; i++) s += (p[i] - t[i]) * (p[i] - t[i]); return s; } }
        public sealed class Net
        {
            private readonly List<ActLayer> layers = new List<ActLayer>();
            public Net(SquaredLoss loss) { }
            public void AddLayer(ActLayer layer) => layers.Add(layer);
        }
        """;

    /// <summary>
    /// A port of the textbook's network: per-layer weighted inputs and activations kept in lists of arrays, the output delta
    /// <c>CostDerivative(a, y) * Prime(z)</c> over the last layer. <paramref name="activation"/> and <paramref name="prime"/> are the
    /// activation and its derivative at the weighted input; <paramref name="delta"/> is the delta's line.
    /// </summary>
    private static string TextbookPort(string activation, string prime, string delta) => $$"""
        using System;
        using System.Collections.Generic;
        public class Network
        {
            private double[][][] weights;
            private double[][] biases;
            private static double Activation(double z) => {{activation}};
            private static double Prime(double z) => {{prime}};
            private static double CostDerivative(double output, double y) => output - y;
            public double[] OutputDelta(double[] x, double[] y)
            {
                var activation = x;
                var activations = new List<double[]> { x };
                var zs = new List<double[]>();
                for (int l = 0; l < weights.Length; l++)
                {
                    var z = new double[biases[l].Length];
                    var a = new double[z.Length];
                    for (int j = 0; j < z.Length; j++)
                    {
                        z[j] = biases[l][j];
                        for (int k = 0; k < activation.Length; k++) z[j] += weights[l][j][k] * activation[k];
                        a[j] = /*σ*/Activation(z[j]);
                    }
                    zs.Add(z);
                    activations.Add(a);
                    activation = a;
                }
                var delta = new double[y.Length];
                for (int j = 0; j < delta.Length; j++)
                    delta[j] = {{delta}};
                return delta;
            }
        }
        """;

    /// <summary>
    /// A network with per-layer arrays: the output errors stored in an array in one loop, the deltas taken from them in the next.
    /// <paramref name="activation"/> is the output activation of <c>s</c>; <paramref name="delta"/> the delta's right-hand side.
    /// </summary>
    private static string ErrorArrays(string activation, string delta) => $$"""
        using System;
        public class Net
        {
            double[] hidden = new double[4], outputs = new double[2], outputErrors = new double[2], outputDeltas = new double[2];
            double[,] who = new double[2, 4];
            public void Forward(double[] x)
            {
                for (int i = 0; i < outputs.Length; i++)
                {
                    double s = 0;
                    for (int j = 0; j < hidden.Length; j++) s += who[i, j] * hidden[j];
                    outputs[i] = {{activation}};
                }
            }
            public void Train(double[] targets, double rate)
            {
                for (int i = 0; i < outputs.Length; i++) outputErrors[i] = targets[i] - outputs[i];
                for (int k = 0; k < outputs.Length; k++) outputDeltas[k] = {{delta}};
                for (int i = 0; i < outputs.Length; i++) for (int j = 0; j < hidden.Length; j++) who[i, j] += rate * outputDeltas[i] * hidden[j];
            }
        }
        """;

    /// <summary>
    /// The part of Encog 3.4 (encog-dotnet-core) its examples use, with Encog's namespaces and signatures. Encog is not served by
    /// this project's registry; its methods are extern here so that flow meets them as it meets a library's: without a body.
    /// </summary>
    internal const string EncogStub = """
        namespace Encog.Engine.Network.Activation
        {
            public interface IActivationFunction { }
            public class ActivationSigmoid : IActivationFunction { }
            public class ActivationTANH : IActivationFunction { }
            public class ActivationLinear : IActivationFunction { }
            public class ActivationSoftMax : IActivationFunction { }
        }
        namespace Encog.ML { public interface IMLMethod { } }
        namespace Encog.ML.Data { public interface IMLDataSet { } }
        namespace Encog.ML.Data.Basic { public class BasicMLDataSet : Encog.ML.Data.IMLDataSet { public BasicMLDataSet(double[][] input, double[][] ideal) { } } }
        namespace Encog.ML.Train { public interface IMLTrain { void Iteration(); double Error { get; } void FinishTraining(); } }
        namespace Encog.Neural.Networks.Layers
        {
            public interface ILayer { }
            public class BasicLayer : ILayer
            {
                public BasicLayer(Encog.Engine.Network.Activation.IActivationFunction activationFunction, bool hasBias, int neuronCount) { }
                public BasicLayer(int neuronCount) { }
            }
        }
        namespace Encog.Neural.Networks
        {
            public interface IContainsFlat : Encog.ML.IMLMethod { }
            public class NeuralStructure { public extern void FinalizeStructure(); }
            public class BasicNetwork : IContainsFlat
            {
                public extern NeuralStructure Structure { get; }
                public extern void AddLayer(Encog.Neural.Networks.Layers.ILayer layer);
                public extern void Reset();
                public extern double[] Compute(double[] input);
            }
        }
        namespace Encog.Neural.Pattern
        {
            public class FeedForwardPattern
            {
                public int InputNeurons { get; set; }
                public int OutputNeurons { get; set; }
                public Encog.Engine.Network.Activation.IActivationFunction ActivationFunction { get; set; }
                public extern void AddHiddenLayer(int count);
                public extern Encog.Neural.Networks.BasicNetwork Generate();
            }
        }
        namespace Encog.Neural.Error
        {
            public interface IErrorFunction { }
            public class LinearErrorFunction : IErrorFunction { }
            public class CrossEntropyErrorFunction : IErrorFunction { }
        }
        namespace Encog.Neural.Networks.Training.Propagation
        {
            public abstract class Propagation : Encog.ML.Train.IMLTrain
            {
                protected Propagation(Encog.Neural.Networks.IContainsFlat network, Encog.ML.Data.IMLDataSet training) { }
                public Encog.Neural.Error.IErrorFunction ErrorFunction { get; set; }
                public bool FixFlatSpot { get; set; }
                public int ThreadCount { get; set; }
                public extern void Iteration();
                public extern double Error { get; }
                public extern void FinishTraining();
            }
        }
        namespace Encog.Neural.Networks.Training.Propagation.Resilient
        {
            public class ResilientPropagation : Encog.Neural.Networks.Training.Propagation.Propagation
            {
                public ResilientPropagation(Encog.Neural.Networks.IContainsFlat network, Encog.ML.Data.IMLDataSet training) : base(network, training) { }
            }
        }
        namespace Encog.Neural.Networks.Training.Propagation.Back
        {
            public class Backpropagation : Encog.Neural.Networks.Training.Propagation.Propagation
            {
                public Backpropagation(Encog.Neural.Networks.IContainsFlat network, Encog.ML.Data.IMLDataSet training, double learnRate, double momentum) : base(network, training) { }
            }
        }
        namespace Encog.Neural.Networks.Training.Propagation.SCG
        {
            public class ScaledConjugateGradient : Encog.Neural.Networks.Training.Propagation.Propagation
            {
                public ScaledConjugateGradient(Encog.Neural.Networks.IContainsFlat network, Encog.ML.Data.IMLDataSet training) : base(network, training) { }
            }
        }
        namespace Encog.Neural.Networks.Training.Propagation.SGD
        {
            public class StochasticGradientDescent : Encog.ML.Train.IMLTrain
            {
                public StochasticGradientDescent(Encog.Neural.Networks.IContainsFlat network, Encog.ML.Data.IMLDataSet training) { }
                public extern void Iteration();
                public extern double Error { get; }
                public extern void FinishTraining();
            }
        }
        namespace Encog.Util.Simple
        {
            public static class EncogUtility
            {
                public static extern Encog.Neural.Networks.BasicNetwork SimpleFeedForward(int input, int hidden1, int hidden2, int output, bool tanh);
                public static extern void TrainToError(Encog.ML.IMLMethod method, Encog.ML.Data.IMLDataSet trainingSet, double error);
                public static extern void TrainToError(Encog.ML.Train.IMLTrain train, double error);
            }
        }
        """;

    /// <summary>Encog's XOR example: layers added one by one, {{output}} last, trained by {{trainer}}.</summary>
    private static string EncogXor(string output, string trainer) => """
        using Encog.Engine.Network.Activation;
        using Encog.ML.Data.Basic;
        using Encog.ML.Train;
        using Encog.Neural.Networks;
        using Encog.Neural.Networks.Layers;
        using Encog.Neural.Networks.Training.Propagation.Resilient;
        using Encog.Neural.Networks.Training.Propagation.SGD;
        using Encog.Neural.Error;
        public static class XorExample
        {
            public static double[][] XorInput = { new[] { 0.0, 0.0 }, new[] { 1.0, 0.0 }, new[] { 0.0, 1.0 }, new[] { 1.0, 1.0 } };
            public static double[][] XorIdeal = { new[] { 0.0 }, new[] { 1.0 }, new[] { 1.0 }, new[] { 0.0 } };
            public static void Main()
            {
                var network = new BasicNetwork();
                network.AddLayer(new BasicLayer(null, true, 2));
                network.AddLayer(new BasicLayer(new ActivationSigmoid(), true, 3));
                network.AddLayer(new BasicLayer({{output}}, false, 1));
                network.Structure.FinalizeStructure();
                network.Reset();
                var trainingSet = new BasicMLDataSet(XorInput, XorIdeal);
                {{trainer}}
                int epoch = 1;
                do
                {
                    train.Iteration();
                    epoch++;
                } while (train.Error > 0.01);
                train.FinishTraining();
            }
        }
        """.Replace("{{output}}", output).Replace("{{trainer}}", trainer);

    /// <summary>
    /// The members of Unity's <c>Mathf</c> the Unity cases use, as the engine declares them (a struct of float statics), with no
    /// bodies: the engine's are not source, so no rule may read them as helpers of the project's own.
    /// </summary>
    private const string UnityStub = """
        namespace UnityEngine
        {
            public struct Mathf
            {
                public static extern float Exp(float power);
                public static extern float Pow(float f, float p);
                public static extern float Max(float a, float b);
            }
            public class MonoBehaviour
            {
            }
        }
        """;

    /// <summary>The part of Keras.NET its examples use, with its namespaces; layers and losses are named by strings, as in Keras.</summary>
    internal const string KerasStub = """
        namespace Keras
        {
            public class Shape { public Shape(params int[] dims) { } }
            public class StringOrInstance
            {
                public static implicit operator StringOrInstance(string name) => new StringOrInstance();
                public static implicit operator StringOrInstance(Keras.Optimizers.Base optimizer) => new StringOrInstance();
            }
        }
        namespace Keras.Optimizers { public class Base { } public class Adam : Base { } }
        namespace Keras.Layers
        {
            public abstract class BaseLayer { }
            public class Dense : BaseLayer
            {
                public Dense(int units, int? input_dim = null, string activation = "", string kernel_initializer = "glorot_uniform", Keras.Shape input_shape = null) { }
            }
            public class Activation : BaseLayer { public Activation(string act) { } }
        }
        namespace Keras.Models
        {
            public class BaseModel
            {
                public extern void Compile(Keras.StringOrInstance optimizer, string loss, string[] metrics = null);
                public extern void Fit(object x, object y, int batch_size = 32, int epochs = 1, int verbose = 1);
            }
            public class Sequential : BaseModel { public extern void Add(Keras.Layers.BaseLayer layer); }
        }
        """;

    /// <summary>The part of NeuronDotNet 3 its examples use (NeuronDotNet.Core), with its namespaces; its methods have no body here.</summary>
    internal const string NeuronDotNetStub = """
        namespace NeuronDotNet.Core
        {
            public interface ILayer { }
            public class TrainingSample { public TrainingSample(double[] input, double[] output) { } }
            public class TrainingSet { public TrainingSet(int inputVectorLength, int outputVectorLength) { } public extern void Add(TrainingSample sample); }
        }
        namespace NeuronDotNet.Core.Initializers
        {
            public interface IInitializer { }
            public class RandomFunction : IInitializer { public RandomFunction(double min, double max) { } }
        }
        namespace NeuronDotNet.Core.Backpropagation
        {
            public abstract class ActivationLayer : NeuronDotNet.Core.ILayer { protected ActivationLayer(int neuronCount) { } }
            public class LinearLayer : ActivationLayer { public LinearLayer(int neuronCount) : base(neuronCount) { } }
            public class SigmoidLayer : ActivationLayer { public SigmoidLayer(int neuronCount) : base(neuronCount) { } }
            public class TanhLayer : ActivationLayer { public TanhLayer(int neuronCount) : base(neuronCount) { } }
            public class BackpropagationConnector
            {
                public BackpropagationConnector(ActivationLayer sourceLayer, ActivationLayer targetLayer) { }
                public NeuronDotNet.Core.Initializers.IInitializer Initializer { get; set; }
            }
            public class BackpropagationNetwork
            {
                public BackpropagationNetwork(ActivationLayer inputLayer, ActivationLayer outputLayer) { }
                public extern void SetLearningRate(double learningRate);
                public extern void Learn(NeuronDotNet.Core.TrainingSet trainingSet, int trainingEpochs);
                public extern double[] Run(double[] input);
            }
        }
        """;

    /// <summary>NeuronDotNet's usual example: input, hidden and {{output}} layers joined by connectors, the network made from the first and last.</summary>
    private static string NeuronDotNetExample(string output, string network) => """
        using NeuronDotNet.Core;
        using NeuronDotNet.Core.Backpropagation;
        using NeuronDotNet.Core.Initializers;
        public class BombDisarmer
        {
            private BackpropagationNetwork network;
            public void LearnNetwork(double[][] inputs, double[][] outputs, int epochs)
            {
                ActivationLayer inputLayer = new LinearLayer(inputs[0].Length);
                ActivationLayer hiddenLayer = new SigmoidLayer(8);
                ActivationLayer outputLayer = {{output}};
                new BackpropagationConnector(inputLayer, hiddenLayer).Initializer = new RandomFunction(0d, 0.3d);
                new BackpropagationConnector(hiddenLayer, outputLayer).Initializer = new RandomFunction(0d, 0.3d);
                network = {{network}};
                network.SetLearningRate(0.3);
                var trainingSet = new TrainingSet(inputs[0].Length, outputs[0].Length);
                for (var i = 0; i < inputs.Length; i++) trainingSet.Add(new TrainingSample(inputs[i], outputs[i]));
                network.Learn(trainingSet, epochs);
            }
        }
        """.Replace("{{output}}", output).Replace("{{network}}", network);

    /// <summary>The part of TensorFlow.NET's Keras its examples use (<c>using static Tensorflow.KerasApi;</c>), with its namespaces; no bodies.</summary>
    internal const string TensorFlowStub = """
        namespace Tensorflow
        {
            public class Tensor { }
            public class KerasApi
            {
                public static readonly KerasApi keras = new KerasApi();
                public Tensorflow.Keras.Activations activations { get; } = new Tensorflow.Keras.Activations();
                public Tensorflow.Keras.Layers.LayersApi layers { get; } = new Tensorflow.Keras.Layers.LayersApi();
                public Tensorflow.Keras.Losses.LossesApi losses { get; } = new Tensorflow.Keras.Losses.LossesApi();
                public Tensorflow.Keras.Optimizers.OptimizerApi optimizers { get; } = new Tensorflow.Keras.Optimizers.OptimizerApi();
                public extern Tensor Input(int shape);
                public extern Tensorflow.Keras.Engine.Functional Model(Tensor inputs, Tensor outputs, string name = null);
                public extern Tensorflow.Keras.Engine.Sequential Sequential();
            }
        }
        namespace Tensorflow.Keras
        {
            public delegate Tensorflow.Tensor Activation(Tensorflow.Tensor features, string name = null);
            public class Activations
            {
                public extern Activation Sigmoid { get; }
                public extern Activation Softmax { get; }
                public extern Activation Tanh { get; }
                public extern Activation Relu { get; }
            }
        }
        namespace Tensorflow.Keras.Losses
        {
            public interface ILossFunc { }
            public class LossesApi
            {
                public extern ILossFunc MeanSquaredError(string reduction = null, string name = null);
                public extern ILossFunc BinaryCrossentropy(bool from_logits = false);
            }
        }
        namespace Tensorflow.Keras.Optimizers { public class OptimizerApi { public extern object Adam(float learning_rate = 0.001f); } }
        namespace Tensorflow.Keras.Engine
        {
            public interface ILayer { Tensorflow.Tensor Apply(Tensorflow.Tensor inputs); }
            public class Model { public extern void compile(object optimizer = null, Tensorflow.Keras.Losses.ILossFunc loss = null, string[] metrics = null); }
            public class Functional : Model { }
            public class Sequential : Model { public extern void add(ILayer layer); }
        }
        namespace Tensorflow.Keras.Layers
        {
            public class LayersApi { public extern Tensorflow.Keras.Engine.ILayer Dense(int units, Tensorflow.Keras.Activation activation = null); }
        }
        """;

    /// <summary>Hand-rolled layers, network and builder configured by enums of their own, named as such code names them.</summary>
    private const string OwnEnumBuilders = """
        public enum TransferFunction { None, Linear, Sigmoid, Gaussian }
        public enum ErrorFunction { MeanSquaredError, CrossEntropy }
        public enum Activations { Relu, Logistic, Tanh }
        public enum CostType { Quadratic, CrossEntropy }
        public class Layer { public Layer(int size, TransferFunction function) { } }
        public class Network { public Network(Layer[] layers, ErrorFunction error) { } }
        public class Builder { public Builder AddLayer(int size, Activations activation) => this; public void Compile(CostType cost) { } }
        """;

    /// <summary>The part of MathNet.Numerics' linear algebra the ports of the textbook network use (signatures as in MathNet 5).</summary>
    internal const string MathNetStub = """
        namespace MathNet.Numerics.LinearAlgebra
        {
            using System;
            public enum Zeros { AllowSkip, Include }
            public abstract class Vector<T> where T : struct, IEquatable<T>, IFormattable
            {
                public abstract int Count { get; }
                public T this[int index] { get => default; set { } }
                public Vector<T> PointwiseMultiply(Vector<T> other) => this;
                public Vector<T> PointwisePower(T exponent) => this;
                public double L2Norm() => 0;
                public Vector<T> Clone() => this;
                public Vector<T> PointwiseExp() => this;
                public Vector<T> Negate() => this;
                public Vector<T> Subtract(Vector<T> other) => this;
                public T DotProduct(Vector<T> other) => default;
                public T Sum() => default;
                public Vector<T> PointwiseLog() => this;
                public Vector<TU> Map<TU>(Func<T, TU> f, Zeros zeros = Zeros.AllowSkip) where TU : struct, IEquatable<TU>, IFormattable => null;
                public Matrix<T> ToColumnMatrix() => null;
                public static Vector<T> operator +(Vector<T> left, Vector<T> right) => left;
                public static Vector<T> operator -(Vector<T> left, Vector<T> right) => left;
                public static Vector<T> operator -(T left, Vector<T> right) => right;
                public static Vector<T> operator -(Vector<T> right) => right;
                public static Vector<T> operator +(T left, Vector<T> right) => right;
                public static Vector<T> operator *(T left, Vector<T> right) => right;
                public static T operator *(Vector<T> left, Vector<T> right) => default;
                public static Vector<T> operator /(T left, Vector<T> right) => right;
                public static Vector<T> operator /(Vector<T> left, T right) => left;
            }
            public abstract class Matrix<T> where T : struct, IEquatable<T>, IFormattable
            {
                public int ColumnCount => 0;
                public Matrix<T> PointwisePower(T exponent) => this;
                public double FrobeniusNorm() => 0;
                public Vector<T> RowSums() => null;
                public System.Collections.Generic.IEnumerable<T> Enumerate() => null;
                public Matrix<T> Transpose() => this;
                public Matrix<T> Clone() => this;
                public Matrix<T> PointwiseMultiply(Matrix<T> other) => this;
                public Matrix<T> PointwiseExp() => this;
                public Matrix<TU> Map<TU>(Func<T, TU> f, Zeros zeros = Zeros.AllowSkip) where TU : struct, IEquatable<TU>, IFormattable => null;
                public static Matrix<T> operator +(Matrix<T> left, Matrix<T> right) => left;
                public static Matrix<T> operator -(Matrix<T> left, Matrix<T> right) => left;
                public static Matrix<T> operator -(T left, Matrix<T> right) => right;
                public static Matrix<T> operator -(Matrix<T> right) => right;
                public static Matrix<T> operator +(T left, Matrix<T> right) => right;
                public static Matrix<T> operator /(T left, Matrix<T> right) => right;
                public static Matrix<T> operator *(Matrix<T> left, Matrix<T> right) => left;
                public static Vector<T> operator *(Matrix<T> left, Vector<T> right) => right;
            }
        }
        """;

    /// <summary>The part of Numpy.NET the ports use: NDarray's operators take a ValueType on one side, as Numpy.NET's do.</summary>
    internal const string NumpyStub = """
        namespace Numpy
        {
            using System;
            public class NDarray
            {
                public static NDarray operator +(NDarray a, NDarray b) => a;
                public static NDarray operator +(ValueType a, NDarray b) => b;
                public static NDarray operator -(NDarray a, NDarray b) => a;
                public static NDarray operator -(ValueType a, NDarray b) => b;
                public static NDarray operator -(NDarray a) => a;
                public static NDarray operator *(NDarray a, NDarray b) => a;
                public static NDarray operator *(NDarray a, ValueType b) => a;
                public static NDarray operator /(ValueType a, NDarray b) => b;
                public static NDarray operator /(NDarray a, NDarray b) => a;
                public NDarray sum(int? axis = null, bool keepdims = false) => this;
            }
            public static class np
            {
                public static NDarray exp(NDarray x, NDarray @out = null, NDarray @where = null) => x;
                public static NDarray dot(NDarray a, NDarray b, NDarray @out = null) => a;
                public static NDarray multiply(NDarray x1, NDarray x2, NDarray @out = null, NDarray @where = null) => x1;
                public static NDarray subtract(NDarray x1, NDarray x2, NDarray @out = null, NDarray @where = null) => x1;
                public static NDarray transpose(NDarray a) => a;
                public static NDarray sum(NDarray a, int? axis = null, bool keepdims = false) => a;
            }
        }
        """;

    /// <summary>The textbook network (Nielsen's network.py) ported with MathNet vectors: the output delta is CostDerivative(a, y) ⊙ σ'(z).</summary>
    private const string MathNetNetwork = """
        using System;
        using System.Collections.Generic;
        using MathNet.Numerics.LinearAlgebra;
        public class MnistNetwork
        {
            private readonly List<Matrix<double>> weights = new();
            private readonly List<Vector<double>> biases = new();
            public List<Vector<double>> Backprop(Vector<double> x, Vector<double> y)
            {
                var nablaB = new List<Vector<double>>();
                var activation = x;
                var activations = new List<Vector<double>> { x };
                var zs = new List<Vector<double>>();
                for (int i = 0; i < weights.Count; i++)
                {
                    var z = weights[i] * activation + biases[i];
                    zs.Add(z);
                    activation = {{sigmoidCall}};
                    activations.Add(activation);
                }

                var delta = {{outputDelta}};
                nablaB.Add(delta);
                for (int l = 2; l < weights.Count + 1; l++)
                {
                    var sp = SigmoidPrime(zs[zs.Count - l]);
                    delta = (weights[weights.Count - l + 1].Transpose() * delta).PointwiseMultiply(sp);
                    nablaB.Add(delta);
                }

                return nablaB;
            }
            private static Vector<double> CostDerivative(Vector<double> output, Vector<double> y) => output - y;
            private static Vector<double> Sigmoid(Vector<double> z) => z.Map(v => 1.0 / (1.0 + Math.Exp(-v)));
            private static Vector<double> SigmoidPrime(Vector<double> z) => Sigmoid(z).PointwiseMultiply(1 - Sigmoid(z));
        }
        """;

    private static string MathNetPort(string sigmoidCall, string outputDelta) =>
        MathNetNetwork.Replace("{{sigmoidCall}}", sigmoidCall).Replace("{{outputDelta}}", outputDelta);

    /// <summary>The same port with Numpy.NET arrays: NDarray's * multiplies element by element, as NumPy's does.</summary>
    private const string NumpyNetwork = """
        using System;
        using System.Collections.Generic;
        using Numpy;
        public class NpNetwork
        {
            private readonly List<NDarray> weights = new();
            private readonly List<NDarray> biases = new();
            public NDarray Backprop(NDarray x, NDarray y)
            {
                NDarray activation = x;
                var activations = new List<NDarray> { x };
                var zs = new List<NDarray>();
                for (int i = 0; i < weights.Count; i++)
                {
                    NDarray z = np.dot(weights[i], activation) + biases[i];
                    zs.Add(z);
                    activation = /*σ*/Sigmoid(z);
                    activations.Add(activation);
                }

                NDarray delta = {{outputDelta}};
                return delta;
            }
            private NDarray CostDerivative(NDarray output, NDarray y) => output - y;
            private static NDarray Sigmoid(NDarray z) => 1.0 / (1.0 + np.exp(-z));
            private static NDarray SigmoidPrime(NDarray z) => Sigmoid(z) * (1 - Sigmoid(z));
        }
        """;

    /// <summary>The textbook network ported with plain arrays and helpers that fill a new array element by element (or LINQ).</summary>
    internal const string ArrayNetwork = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        public class ArrayNetwork
        {
            private readonly List<double[,]> weights = new();
            private readonly List<double[]> biases = new();
            public double[] OutputDelta(double[] x, double[] y)
            {
                var activation = x;
                var activations = new List<double[]> { x };
                var zs = new List<double[]>();
                for (int l = 0; l < weights.Count; l++)
                {
                    var z = Add(Dot(weights[l], activation), biases[l]);
                    zs.Add(z);
                    activation = {{activate}};
                    activations.Add(activation);
                }

                {{outputDelta}}
            }
            public double[] HiddenDelta(double[] backpropagated, double[] z) => Hadamard(backpropagated, SigmoidPrime(z));
            private static double[] CostDerivative(double[] output, double[] y)
            {
                var r = new double[output.Length];
                for (int i = 0; i < r.Length; i++) r[i] = output[i] - y[i];
                return r;
            }
            private static double Sigmoid(double v) => /*σ*/1.0 / (1.0 + Math.Exp(-v));
            private static double[] Sigmoid(double[] z) => z.Select(Sigmoid).ToArray();
            private static double[] SigmoidPrime(double[] z)
            {
                var r = new double[z.Length];
                for (int i = 0; i < z.Length; i++) r[i] = Sigmoid(z[i]) * (1 - Sigmoid(z[i]));
                return r;
            }
            private static double[] TanhPrime(double[] z)
            {
                var r = new double[z.Length];
                for (int i = 0; i < z.Length; i++) r[i] = 1 - Math.Tanh(z[i]) * Math.Tanh(z[i]);
                return r;
            }
            private static double[] Hadamard(double[] a, double[] b)
            {
                var r = new double[a.Length];
                for (int i = 0; i < a.Length; i++) r[i] = a[i] * b[i];
                return r;
            }
            private static double[] Add(double[] a, double[] b) => a.Zip(b, (p, q) => p + q).ToArray();
            private static double[] Dot(double[,] w, double[] x)
            {
                var r = new double[w.GetLength(0)];
                for (int i = 0; i < r.Length; i++) { double s = 0; for (int j = 0; j < x.Length; j++) s += w[i, j] * x[j]; r[i] = s; }
                return r;
            }
        }
        """;

    internal static string ArrayPort(string outputDelta, string activate = "Sigmoid(z)") =>
        ArrayNetwork.Replace("{{outputDelta}}", outputDelta).Replace("{{activate}}", activate);

    /// <summary>The same port with no sigmoid output (and no mark): a look-alike.</summary>
    private static string ArrayLookAlike(string outputDelta, string activate) =>
        Plain(ArrayPort(outputDelta, activate)).Replace(ActivationMark, string.Empty);

    public static TheoryData<string, string[]> SigmoidPositives() => new()
    {
        { "plain arrays: Hadamard(CostDerivative(a, y), SigmoidPrime(z)), helpers that fill a new array in a loop", new[] { ArrayPort(
            "return {|GW1001:Hadamard(CostDerivative(activations[activations.Count - 1], y), SigmoidPrime(zs[zs.Count - 1]))|};") } },
        { "plain arrays: the error as a LINQ Zip, Hadamard with σ'", new[] { ArrayPort(
            "return {|GW1001:Hadamard(activations[^1].Zip(y, (o, t) => o - t).ToArray(), SigmoidPrime(zs[^1]))|};") } },
        { "plain arrays: error and σ' in locals, multiplied by a LINQ Zip", new[] { ArrayPort(
            "var sp = SigmoidPrime(zs[^1]); var e = CostDerivative(activations[^1], y); return {|GW1001:e.Zip(sp, (a, b) => a * b)|}.ToArray();") } },
        { "Encog XOR: layers added one by one, a sigmoid last, resilient propagation with the default linear error function", new[] { EncogStub, EncogXor(
            "/*σ*/new ActivationSigmoid()", "IMLTrain train = {|GW1001:new ResilientPropagation(network, trainingSet)|};") } },
        { "Encog XOR: the linear error function set explicitly on the trainer", new[] { EncogStub, EncogXor(
            "/*σ*/new ActivationSigmoid()", "var train = {|GW1001:new ResilientPropagation(network, trainingSet)|}; train.ErrorFunction = new LinearErrorFunction();") } },
        { "Encog: the network made by a method of its own, the sigmoid in a local, trained by backpropagation", new[] { EncogStub, """
            using Encog.Engine.Network.Activation;
            using Encog.ML.Data;
            using Encog.ML.Train;
            using Encog.Neural.Networks;
            using Encog.Neural.Networks.Layers;
            using Encog.Neural.Networks.Training.Propagation.Back;
            public class Forecaster
            {
                private static BasicNetwork CreateNetwork(int inputs, int hidden)
                {
                    var sigmoid = /*σ*/new ActivationSigmoid();
                    var net = new BasicNetwork();
                    net.AddLayer(new BasicLayer(null, true, inputs));
                    net.AddLayer(new BasicLayer(sigmoid, true, hidden));
                    net.AddLayer(new BasicLayer(sigmoid, false, 1));
                    net.Structure.FinalizeStructure();
                    net.Reset();
                    return net;
                }
                public void Train(IMLDataSet data)
                {
                    var network = CreateNetwork(12, 20);
                    IMLTrain train = {|GW1001:new Backpropagation(network, data, 0.7, 0.3)|};
                    for (var i = 0; i < 5000; i++) train.Iteration();
                }
            }
            """ } },
        { "Encog: a network in a field built in the constructor, scaled conjugate gradient in another method", new[] { EncogStub, """
            using Encog.Engine.Network.Activation;
            using Encog.ML.Data;
            using Encog.Neural.Networks;
            using Encog.Neural.Networks.Layers;
            using Encog.Neural.Networks.Training.Propagation.SCG;
            public class Classifier
            {
                private readonly BasicNetwork network = new BasicNetwork();
                public Classifier(int features)
                {
                    network.AddLayer(new BasicLayer(null, true, features));
                    network.AddLayer(new BasicLayer(new ActivationTANH(), true, 8));
                    network.AddLayer(new BasicLayer(/*σ*/new ActivationSigmoid(), false, 1));
                    network.Structure.FinalizeStructure();
                }
                public double Fit(IMLDataSet data)
                {
                    var train = {|GW1001:new ScaledConjugateGradient(network, data)|};
                    train.Iteration();
                    return train.Error;
                }
            }
            """ } },
        { "Encog: EncogUtility.SimpleFeedForward(..., tanh: false) trained by EncogUtility.TrainToError (resilient propagation)", new[] { EncogStub, """
            using Encog.ML.Data.Basic;
            using Encog.Util.Simple;
            public static class QuickStart
            {
                public static void Run(double[][] input, double[][] ideal)
                {
                    var network = /*σ*/EncogUtility.SimpleFeedForward(input[0].Length, 6, 0, 1, false);
                    var trainingSet = new BasicMLDataSet(input, ideal);
                    {|GW1001:EncogUtility.TrainToError(network, trainingSet, 0.01)|};
                }
            }
            """ } },
        { "Encog: a FeedForwardPattern whose activation (every layer's) is a sigmoid, its network trained by backpropagation", new[] { EncogStub, """
            using Encog.Engine.Network.Activation;
            using Encog.ML.Data;
            using Encog.Neural.Networks;
            using Encog.Neural.Networks.Training.Propagation.Back;
            using Encog.Neural.Pattern;
            public class PatternTrainer
            {
                public BasicNetwork Train(IMLDataSet set, int inputs)
                {
                    var pattern = new FeedForwardPattern { InputNeurons = inputs, OutputNeurons = 1 };
                    pattern.AddHiddenLayer(8);
                    pattern.ActivationFunction = /*σ*/new ActivationSigmoid();
                    var network = (BasicNetwork)pattern.Generate();
                    var train = {|GW1001:new Backpropagation(network, set, 0.1, 0.9)|};
                    train.Iteration();
                    return network;
                }
            }
            """ } },
        { "Keras.NET XOR: a sigmoid output layer named by a string, compiled with loss: \"mean_squared_error\"", new[] { KerasStub, """
            using Keras;
            using Keras.Layers;
            using Keras.Models;
            public static class Xor
            {
                public static void Run(object x, object y)
                {
                    var model = new Sequential();
                    model.Add(new Dense(2, activation: "sigmoid", input_shape: new Shape(2)));
                    model.Add(new Dense(1, activation: /*σ*/"sigmoid"));
                    {|GW1001:model.Compile(optimizer: "sgd", loss: "mean_squared_error")|};
                    model.Fit(x, y, epochs: 1000);
                }
            }
            """ } },
        { "Keras.NET: a model field filled in the constructor through a cast, compiled with \"mse\" in another method", new[] { KerasStub, """
            using Keras;
            using Keras.Layers;
            using Keras.Models;
            using Keras.Optimizers;
            public class KerasNet
            {
                private readonly BaseModel model = new Sequential();
                public KerasNet(int inputSize, int outputSize)
                {
                    ((Sequential)model).Add(new Dense(units: 10, input_dim: inputSize, activation: "relu"));
                    ((Sequential)model).Add(new Activation(/*σ*/"sigmoid"));
                }
                public void Build() => {|GW1001:model.Compile(optimizer: new Adam(), loss: "mse")|};
            }
            """ } },
        { "NeuronDotNet: a network made from its input layer and a sigmoid output layer, trained by its own Learn", new[] { NeuronDotNetStub, NeuronDotNetExample(
            "/*σ*/new SigmoidLayer(outputs[0].Length)", "{|GW1001:new BackpropagationNetwork(inputLayer, outputLayer)|}") } },
        { "MathNet vectors: the squared error summed by a dot product of the difference with itself (diff.DotProduct(diff), e * e)", new[] { MathNetStub, """
            using System;
            using System.Collections.Generic;
            using MathNet.Numerics.LinearAlgebra;
            public class MathNetClassifier
            {
                private readonly List<Matrix<double>> weights = new();
                private readonly List<Vector<double>> biases = new();
                public Vector<double> FeedForward(Vector<double> a)
                {
                    for (int i = 0; i < weights.Count; i++) a = /*σ*/Sigmoid(weights[i] * a + biases[i]);
                    return a;
                }
                public double Cost(Vector<double> x, Vector<double> y)
                {
                    var diff = FeedForward(x) - y;
                    return 0.5 * {|GW1001:diff.DotProduct(diff)|};
                }
                public double Total(Vector<double> x, Vector<double> y)
                {
                    var e = y - FeedForward(x);
                    return {|GW1001:e * (2.0 * e)|} / 4;
                }
                private static Vector<double> Sigmoid(Vector<double> z) => z.Map(v => 1.0 / (1.0 + Math.Exp(-v)));
            }
            """ } },
        { "a feed-forward that reassigns its input parameter in a loop and returns it (Nielsen's feedforward(a))", new[] { """
            using System;
            public class ChainNet
            {
                private readonly double[] w = { 0.5, -1.2, 0.8 };
                private readonly double[] b = { 0.1, 0.0, -0.3 };
                private static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));
                public double FeedForward(double a)
                {
                    for (var i = 0; i < w.Length; i++)
                    {
                        a = /*σ*/Sigmoid(w[i] * a + b[i]);
                    }

                    return a;
                }
                public double Loss(double x, double y) => 0.5 * {|GW1001:Math.Pow(FeedForward(x) - y, 2)|};
            }
            """ } },
        { "TensorFlow.NET functional: a sigmoid Dense is the model's outputs, the model in a field compiled with keras.losses.MeanSquaredError()", new[] { TensorFlowStub, """
            using Tensorflow.Keras.Engine;
            using static Tensorflow.KerasApi;
            public class BoxRegressor
            {
                private Functional model;
                public void Build()
                {
                    var inputs = keras.Input(784);
                    var x = keras.layers.Dense(128, activation: keras.activations.Relu).Apply(inputs);
                    var outputs = keras.layers.Dense(4, activation: /*σ*/keras.activations.Sigmoid).Apply(x);
                    model = keras.Model(inputs, outputs);
                }
                public void Compile() => {|GW1001:model.compile(optimizer: keras.optimizers.Adam(), loss: keras.losses.MeanSquaredError())|};
            }
            """ } },
        { "TensorFlow.NET sequential: model.add of a sigmoid Dense last, compiled with keras.losses.MeanSquaredError()", new[] { TensorFlowStub, """
            using static Tensorflow.KerasApi;
            public static class Autoencoder
            {
                public static void Build(int inputs, int hidden)
                {
                    var model = keras.Sequential();
                    model.add(keras.layers.Dense(hidden, activation: keras.activations.Relu));
                    model.add(keras.layers.Dense(inputs, activation: /*σ*/keras.activations.Sigmoid));
                    {|GW1001:model.compile(keras.optimizers.Adam(), keras.losses.MeanSquaredError())|};
                }
            }
            """ } },
        { "hand-rolled builders configured by enums of their own (TransferFunction.Sigmoid, Activations.Logistic; ErrorFunction.MeanSquaredError, CostType.Quadratic)", new[] { OwnEnumBuilders, """
            public static class Program
            {
                public static void Main()
                {
                    var net = {|GW1001:new Network(new[] { new Layer(4, TransferFunction.Linear), new Layer(1, /*σ*/TransferFunction.Sigmoid) }, ErrorFunction.MeanSquaredError)|};
                    var b = new Builder();
                    b.AddLayer(8, Activations.Relu);
                    b.AddLayer(1, /*σ*/Activations.Logistic);
                    {|GW1001:b.Compile(CostType.Quadratic)|};
                }
            }
            """ } },
        { "a logistic unit whose net input is a local sum, z = w·x + b: 1 / (1 + exp(-z)) reads with the minus spread over the sum", new[] { """
            using System;
            public class LogisticUnit
            {
                public double[] W = new double[3];
                public double B;
                public double Output;
                public void Forward(double[] x)
                {
                    double z = W[0] * x[0] + W[1] * x[1] + W[2] * x[2] + B;
                    Output = /*σ*/1.0 / (1.0 + Math.Exp(-z));
                }
                public double Loss(double y) => {|GW1001:(Output - y) * (Output - y)|};
            }
            """ } },
        { "a logistic unit with a threshold, z = w·x - θ: mixed signs in the exponent", new[] { """
            using System;
            public class ThresholdUnit
            {
                private readonly double[] weights = { 0.1, -0.2 };
                private readonly double theta = 0.5;
                public double Predict(double[] x)
                {
                    var net = weights[0] * x[0] + weights[1] * x[1] - theta;
                    return /*σ*/1 / (1 + Math.Exp(-net));
                }
                public double Cost(double[] x, double target)
                {
                    var p = Predict(x);
                    return {|GW1001:Math.Pow(target - p, 2)|} / 2;
                }
            }
            """ } },
        { "MathNet vectors: CostDerivative(a, y).PointwiseMultiply(SigmoidPrime(z)), the sigmoid mapped over z", new[] { MathNetStub, MathNetPort(
            "/*σ*/Sigmoid(z)", "{|GW1001:CostDerivative(activations[activations.Count - 1], y).PointwiseMultiply(SigmoidPrime(zs[zs.Count - 1]))|}") } },
        { "MathNet vectors: the sigmoid mapped inline in the loop, the error as a.Subtract(y)", new[] { MathNetStub, MathNetPort(
            "/*σ*/z.Map(v => 1.0 / (1.0 + Math.Exp(-v)))", "{|GW1001:activations[activations.Count - 1].Subtract(y).PointwiseMultiply(SigmoidPrime(zs[zs.Count - 1]))|}") } },
        { "MathNet float matrices: σ = 1 / (1 + exp(-z)) pointwise, σ' mapped from a scalar helper, error written at the site", new[] { MathNetStub, """
            using System;
            using System.Collections.Generic;
            using MathNet.Numerics.LinearAlgebra;
            public class DigitNet
            {
                private readonly List<Matrix<float>> _weights = new();
                private readonly List<Matrix<float>> _biases = new();
                public Matrix<float> OutputDelta(Matrix<float> img, Matrix<float> label)
                {
                    var activation = img;
                    var activations = new List<Matrix<float>>() { activation };
                    var zs = new List<Matrix<float>>();
                    for (int i = 0; i < _weights.Count; i++)
                    {
                        var z = _weights[i] * activation + _biases[i];
                        zs.Add(z);
                        activation = /*σ*/Sigmoid(z);
                        activations.Add(activation);
                    }

                    var sp = SigmoidPrime(zs[^1]);
                    return {|GW1001:(activations[^1] - label).PointwiseMultiply(sp)|};
                }
                private static Matrix<float> Sigmoid(Matrix<float> z) => 1f / (1f + (-z).PointwiseExp());
                private static float SigmoidDerivative(float x) { var s = 1f / (1f + MathF.Exp(-x)); return s * (1 - s); }
                private static Matrix<float> SigmoidPrime(Matrix<float> z) => z.Map(SigmoidDerivative);
            }
            """ } },
        { "Numpy.NET arrays: CostDerivative(a, y) * SigmoidPrime(z), NDarray's * element by element", new[] { NumpyStub, NumpyNetwork.Replace(
            "{{outputDelta}}", "{|GW1001:CostDerivative(activations[activations.Count - 1], y) * SigmoidPrime(zs[zs.Count - 1])|}") } },
        { "Numpy.NET arrays: np.multiply(np.subtract(a, y), SigmoidPrime(z))", new[] { NumpyStub, NumpyNetwork.Replace(
            "{{outputDelta}}", "{|GW1001:np.multiply(np.subtract(activations[activations.Count - 1], y), SigmoidPrime(zs[zs.Count - 1]))|}") } },
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
        { "error kept in a property of each output neuron, the delta taken from it in the same loop", new[] { """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            public class Neuron
            {
                public double Output { get; set; }
                public double Error { get; set; }
                public double Delta { get; set; }
                public List<double> Weights { get; } = new List<double>();
                public void Activate(IReadOnlyList<double> inputs)
                {
                    double sum = 0;
                    for (int i = 0; i < inputs.Count; i++) sum += inputs[i] * Weights[i];
                    Output = /*σ*/1.0 / (1.0 + Math.Exp(-sum));
                }
            }
            public class Layer { public List<Neuron> Neurons { get; } = new List<Neuron>(); }
            public class Trainer
            {
                private readonly List<Layer> layers;
                public Trainer(List<Layer> layers) { this.layers = layers; }
                public void OutputDeltas(double[] expected)
                {
                    var outputLayer = layers.Last();
                    for (int i = 0; i < outputLayer.Neurons.Count; i++)
                    {
                        var neuron = outputLayer.Neurons[i];
                        neuron.Error = expected[i] - neuron.Output;
                        neuron.Delta = {|GW1001:neuron.Error * neuron.Output * (1 - neuron.Output)|};
                    }
                }
            }
            """ } },
        { "error field of the neuron set just before its delta", new[] { """
            using System;
            public class Neuron
            {
                public double Output, Error, Delta, Bias;
                public double[] Weights;
                public void Forward(double[] x) { double s = Bias; for (int i = 0; i < x.Length; i++) s += x[i] * Weights[i]; Output = /*σ*/1.0 / (1.0 + Math.Exp(-s)); }
                public void Train(double target)
                {
                    Error = target - Output;
                    Delta = {|GW1001:Error * Output * (1.0 - Output)|};
                }
            }
            """ } },
        { "error set by one method of the neuron, the gradient by another", new[] { """
            using System;
            public static class Logistic
            {
                public static double Of(double x) => x < -45.0 ? 0.0 : x > 45.0 ? 1.0 : 1.0 / (1.0 + Math.Exp(-x));
                public static double Slope(double y) => y * (1 - y);
            }
            public class Neuron
            {
                public double Value { get; set; }
                public double Gradient { get; set; }
                public double Error { get; private set; }
                public double Bias { get; set; }
                public void Compute(double net) => Value = /*σ*/Logistic.Of(net + Bias);
                public void ComputeError(double target) { Error = target - Value; }
                public double ComputeGradient() => Gradient = {|GW1001:Error * Logistic.Slope(Value)|};
            }
            """ } },
        { "textbook port: activations kept per layer in a list of arrays, cost derivative times σ' at the weighted input", new[] {
            TextbookPort("1.0 / (1.0 + Math.Exp(-z))", "Activation(z) * (1 - Activation(z))", "{|GW1001:CostDerivative(activations[^1][j], y[j]) * Prime(zs[^1][j])|}") } },
        { "textbook port with the error written out", new[] {
            TextbookPort("1.0 / (1.0 + Math.Exp(-z))", "Activation(z) * (1 - Activation(z))", "{|GW1001:(activations[activations.Count - 1][j] - y[j]) * Prime(zs[zs.Count - 1][j])|}") } },
        { "output errors stored in an array, the deltas taken from it in the next loop", new[] {
            ErrorArrays(SigmoidOfSum, "{|GW1001:outputErrors[k] * outputs[k] * (1 - outputs[k])|}") } },
        { "errors array field filled by one method, the gradient taken by another", new[] { """
            using System;
            public class Net
            {
                double[] outputs = new double[2], errors;
                public void Forward(double[] z) { for (int i = 0; i < outputs.Length; i++) outputs[i] = /*σ*/1.0 / (1.0 + Math.Exp(-z[i])); }
                public void Error(double[] targets) { errors = new double[outputs.Length]; for (int i = 0; i < outputs.Length; i++) errors[i] = targets[i] - outputs[i]; }
                public double[] Gradient()
                {
                    var g = new double[outputs.Length];
                    for (int j = 0; j < g.Length; j++) g[j] = {|GW1001:errors[j] * outputs[j] * (1 - outputs[j])|};
                    return g;
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
                static double Loss(double z, double y) { var p = /*σ*/Logistic(z); return {|GW1001:0.5 * (p - y) * (p - y)|}; }
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
                static double Sigmoid(double x) => /*σ*/1 / (1 + Math.Exp(-x));
                static Perceptron Make() => new Perceptron(Sigmoid);
            }
            """ } },
        { "activation as a lambda in a delegate field", new[] { """
            using System;
            class Unit
            {
                public Func<double, double> Activation = x => /*σ*/1.0 / (1.0 + Math.Exp(-x));
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
                public void Forward(double[] z) { for (int i = 0; i < 4; i++) outputs[i] = /*σ*/Activate(z[i]); }
                public double Loss(double[] y) { double s = 0; for (int i = 0; i < 4; i++) s += {|GW1001:(outputs[i] - y[i]) * (outputs[i] - y[i])|}; return s; }
            }
            static class Build { static Dense Output() => new Dense(ActivationKind.Sigmoid); }
            """ } },
        { "interface activation from a factory", new[] { """
            using System;
            interface IActivation { double Apply(double x); }
            sealed class Logistic : IActivation { public double Apply(double x) => /*σ*/1 / (1 + Math.Exp(-x)); }
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
                        p[i] = /*σ*/1.0 / (1.0 + Math.Exp(-z));
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
                        double p = /*σ*/Sigmoid(z);
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
                public void Forward(double[][] nets) { for (int l = 0; l < 2; l++) for (int j = 0; j < nets[l].Length; j++) outputs[l][j] = /*σ*/Sigmoid(nets[l][j]); }
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
                public void Forward(float[] z) { for (int i = 0; i < 2; i++) a[i] = /*σ*/Act(z[i]); }
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
                public void Forward(double z) { Layers[Layers.Count - 1][0].Value = /*σ*/1 / (1 + Math.Exp(-z)); }
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
                    net.Add(new Dense(1, /*σ*/ActivationType.Sigmoid));
                    {|GW1001:net.Compile(LossType.MSE, 0.1)|};
                }
            }
            """ } },
        { "sigmoid written with exp over one plus exp, in a property", new[] { """
            using System;
            class Unit
            {
                public double Z;
                public double Activation => /*σ*/Math.Exp(Z) / (1 + Math.Exp(Z));
                public double Error(double y) => {|GW1001:Math.Pow(y - Activation, 2)|};
            }
            """ } },
        { "outputs array field filled in a loop, Math.Pow loss in another method", new[] { """
            using System;
            public class OutputLayer
            {
                private readonly double[] outputs = new double[10];
                public void Forward(double[] net)
                {
                    for (int k = 0; k < outputs.Length; k++) outputs[k] = /*σ*/1.0 / (1.0 + Math.Exp(-net[k]));
                }
                public double Loss(double[] targets)
                {
                    double loss = 0;
                    for (int k = 0; k < outputs.Length; k++) loss += {|GW1001:Math.Pow(outputs[k] - targets[k], 2)|};
                    return loss / 2;
                }
            }
            """ } },
        { "auto-property with a private setter, read from another class", new[] { """
            using System;
            public class Neuron
            {
                public double Activation { get; private set; }
                public void Fire(double net) => Activation = /*σ*/1 / (1 + Math.Exp(-net));
            }
            """, """
            public static class Cost
            {
                public static double Of(Neuron n, double y) => {|GW1001:(n.Activation - y) * (n.Activation - y)|} / 2;
            }
            """ } },
        { "list of outputs filled with Add", new[] { """
            using System;
            using System.Collections.Generic;
            class Layer
            {
                public List<double> Outputs = new List<double>();
                static double Logistic(double x) => 1 / (1 + Math.Exp(-x));
                public void Forward(double[] z) { Outputs.Clear(); foreach (var v in z) Outputs.Add(/*σ*/Logistic(v)); }
                public double Sse(double[] t) { double s = 0; for (int i = 0; i < t.Length; i++) s += {|GW1001:(Outputs[i] - t[i]) * (Outputs[i] - t[i])|}; return s; }
            }
            """ } },
        { "static activation class called by the network, squared-error helper", new[] { """
            using System;
            public static class ActivationFunctions
            {
                public static double Logistic(double x) => 1.0 / (1.0 + Math.Exp(-x));
                public static double Relu(double x) => Math.Max(0, x);
            }
            """, """
            public static class LossFunctions
            {
                public static double SquaredError(double predicted, double expected) => 0.5 * (predicted - expected) * (predicted - expected);
            }
            """, """
            public class Classifier
            {
                public double[] W = new double[4];
                public double Train(double[] x, double y)
                {
                    double z = 0;
                    for (int i = 0; i < W.Length; i++) z += W[i] * x[i];
                    double output = /*σ*/ActivationFunctions.Logistic(z);
                    return {|GW1001:LossFunctions.SquaredError(output, y)|};
                }
            }
            """ } },
        { "abstract layer with an overriding sigmoid layer", new[] { """
            using System;
            public abstract class Layer
            {
                public abstract double Activate(double x);
                public double Output;
                public void Forward(double z) => Output = Activate(z);
            }
            public sealed class SigmoidLayer : Layer { public override double Activate(double x) => /*σ*/1 / (1 + Math.Exp(-x)); }
            public sealed class Network
            {
                private readonly Layer last = new SigmoidLayer();
                public double Loss(double y) => {|GW1001:Math.Pow(last.Output - y, 2)|};
            }
            """ } },
        { "error local squared with a half", new[] { """
            using System;
            class Trainer
            {
                static double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));
                public double Epoch(double[][] xs, double[] ys, double[] w)
                {
                    double loss = 0;
                    for (int n = 0; n < xs.Length; n++)
                    {
                        double z = 0;
                        for (int j = 0; j < w.Length; j++) z += w[j] * xs[n][j];
                        var e = /*σ*/Sigmoid(z) - ys[n];
                        loss += {|GW1001:0.5 * e * e|};
                    }
                    return loss;
                }
            }
            """ } },
        { "derivative helper named for the sigmoid, error as output minus target", new[] { """
            using System;
            class Backprop
            {
                static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
                static double SigmoidPrime(double s) => s * (1 - s);
                public double OutputDelta(double net, double target)
                {
                    double output = /*σ*/Sigmoid(net);
                    return {|GW1001:(output - target) * SigmoidPrime(output)|};
                }
            }
            """ } },
        { "activations in a rectangular array by layer", new[] { """
            using System;
            class Grid
            {
                double[,] activations = new double[3, 8];
                public void Forward(int layer, double[] z) { for (int n = 0; n < z.Length; n++) activations[layer, n] = /*σ*/1 / (1 + Math.Exp(-z[n])); }
                public double Loss(double[] y) { double l = 0; for (int k = 0; k < y.Length; k++) l += {|GW1001:(activations[2, k] - y[k]) * (activations[2, k] - y[k])|}; return l; }
            }
            """ } },
        { "static readonly Func field with a lambda sigmoid", new[] { """
            using System;
            static class Perceptron
            {
                static readonly Func<double, double> Act = x => /*σ*/1 / (1 + Math.Exp(-x));
                public static double Loss(double[] w, double[] x, double y)
                {
                    double z = 0;
                    for (int i = 0; i < w.Length; i++) z += w[i] * x[i];
                    var o = Act(z);
                    return {|GW1001:(o - y) * (o - y)|};
                }
            }
            """ } },
        { "sigmoid as a local function", new[] { """
            using System;
            class Model
            {
                public double Loss(double z, double y)
                {
                    double Squash(double v) => 1 / (1 + Math.Exp(-v));
                    var p = /*σ*/Squash(z);
                    return {|GW1001:Math.Pow(p - y, 2)|};
                }
            }
            """ } },
        { "computed output property on the neuron", new[] { """
            using System;
            public class Neuron
            {
                public double Net;
                public double Output => /*σ*/1 / (1 + Math.Exp(-Net));
            }
            """, """
            public class Trainer
            {
                public double Error(Neuron[] outputs, double[] t)
                {
                    double e = 0;
                    for (int i = 0; i < t.Length; i++) e += {|GW1001:System.Math.Pow(outputs[i].Output - t[i], 2)|};
                    return e;
                }
            }
            """ } },
        { "forward returns the sigmoid of every score through LINQ", new[] { """
            using System;
            using System.Linq;
            class MultiLabel
            {
                static double Sigmoid(double x) => /*σ*/1 / (1 + Math.Exp(-x));
                public double[] Forward(double[] scores) => scores.Select(Sigmoid).ToArray();
                public double Loss(double[] scores, double[] y)
                {
                    var p = Forward(scores);
                    double l = 0;
                    for (int k = 0; k < y.Length; k++) l += {|GW1001:(p[k] - y[k]) * (p[k] - y[k])|};
                    return l;
                }
            }
            """ } },
        { "a mean squared error method over the tuples of p.Zip(y) (pair.First - pair.Second), called with a classifier's sigmoid predictions", new[] { LinqMetric(
            "public static double Mse(double[] p, double[] y) => p.Zip(y).Sum(pair => Math.Pow(pair.First - pair.Second, 2)) / y.Length;", "/*σ*/1 / (1 + Math.Exp(-x.Zip(w, (a, b) => a * b).Sum()))", "{|GW1001:Metrics.Mse(p, ys)|}") } },
        { "a mean squared error method written with Zip, called with a classifier's sigmoid predictions", new[] { LinqMetric(
            "public static double Mse(double[] p, double[] y) => p.Zip(y, (a, b) => (a - b) * (a - b)).Average();", "/*σ*/1 / (1 + Math.Exp(-x.Zip(w, (a, b) => a * b).Sum()))", "{|GW1001:Metrics.Mse(p, ys)|}") } },
        { "a mean squared error method written with Select, an index and Math.Pow, the targets passed first", new[] { LinqMetric(
            "public static double Mse(double[] y, double[] p) => p.Select((v, i) => Math.Pow(v - y[i], 2)).Sum() / p.Length;", "/*σ*/1 / (1 + Math.Exp(-x.Zip(w, (a, b) => a * b).Sum()))", "{|GW1001:Metrics.Mse(ys, p)|}") } },
        { "a mean squared error method over sequences (IEnumerable<double>) written with Zip", new[] { LinqMetric(
            "public static double Mse(IEnumerable<double> p, IEnumerable<double> y) => p.Zip(y, (a, b) => (b - a) * (b - a)).Average();", "/*σ*/1 / (1 + Math.Exp(-x.Zip(w, (a, b) => a * b).Sum()))", "{|GW1001:Metrics.Mse(p, ys)|}") } },
        { "a list of layers whose sigmoid layer caches its outputs in the expression it returns (=> last = ...)", new[] { CachingLayers(
            "new Dense(), new Squash(), new Dense(), new Squash()", "l += {|GW1001:(a[k] - y[k]) * (a[k] - y[k])|};") } },
        { "a matrix class of one's own with flat storage and instance methods: err.Hadamard(err) and err.Hadamard(o.Map(v => v * (1 - v)))", new[] { FlatMatrixNet(
            "var h = (w1 * x).Map(Sigmoid); var o = /*σ*/(w2 * h).Map(Sigmoid); var err = o - y;",
            "var loss = {|GW1001:err.Hadamard(err)|}.Sum(); var delta = {|GW1001:err.Hadamard(o.Map(v => v * (1 - v)))|};") } },
        { "a matrix class of one's own with flat storage whose operator and Hadamard hand their operands on to static methods", new[] { FlatMatrixNet(
            "var h = (w1 * x).Map(Sigmoid); var o = /*σ*/(w2 * h).Map(Sigmoid); var err = o - y;",
            "var loss = {|GW1001:err.Hadamard(err)|}.Sum(); var delta = {|GW1001:err.Hadamard(o.Map(v => v * (1 - v)))|};",
            "=> Difference(a, b);", "=> Product(this, other);") } },
        { "a matrix class of one's own with flat storage: σ' by a method group on an output given by the caller", new[] { FlatMatrixNet(
            "var err = Matrix.Difference(given, y);", "var delta = {|GW1001:err.Hadamard(given.Map(Slope))|};") } },
        { "a matrix class of one's own with flat storage: the loss summed over the error's elements squared by Map, (o - y).Map(v => v * v).Sum()", new[] { FlatMatrixNet(
            "var h = (w1 * x).Map(Sigmoid); var o = /*σ*/(w2 * h).Map(Sigmoid);", "var loss = {|GW1001:(o - y).Map(v => v * v)|}.Sum() / 2;") } },
        { "a matrix class of one's own with flat storage: the error squared by Map with Math.Pow, the error in a local", new[] { FlatMatrixNet(
            "var h = (w1 * x).Map(Sigmoid); var o = /*σ*/(w2 * h).Map(Sigmoid); var err = y - o;", "var loss = {|GW1001:err.Map(e => Math.Pow(e, 2))|}.Sum();") } },
        { "MathNet vectors: a squared error summed as (p - y).Map(v => v * v).Sum()", new[] { MathNetStub, MathNetCost(
            "/*σ*/(w * x + b).Map(v => 1.0 / (1.0 + Math.Exp(-v)))", "{|GW1001:(p - y).Map(v => v * v)|}.Sum() / y.Count") } },
        { "plain arrays: an extension Map of one's own squaring the error an extension Minus makes, over outputs mapped through a sigmoid", new[] { ArrayMaps(
            "static double Sigmoid(double v) => /*σ*/1.0 / (1.0 + Math.Exp(-v));", "public double Loss(double[] z, double[] t) => {|GW1001:Predict(z).Minus(t).Map(e => e * e)|}.Sum() / t.Length;") } },
        { "plain arrays: a static Apply of one's own squaring the error by a method group, the error in a local", new[] { ArrayMaps(
            "static double Sigmoid(double v) => v < -30 ? 0 : /*σ*/1.0 / (1.0 + Math.Exp(-v));",
            "static double Square(double e) => e * e; public double Loss(double[] z, double[] t) { var error = ArrayMath.Minus(t, Predict(z)); return {|GW1001:ArrayMath.Apply(error, Square)|}.Sum(); }") } },
        { "plain arrays: helpers that fill new arrays, the squared error summed over the elements of the error array a Subtract helper returns", new[] { ArrayHelpers("""
            var hidden = M.Sigmoid(M.Dot(w1, x));
            var output = M.Sigmoid(M.Dot(w2, hidden));
            var error = M.Subtract(y, output);
            var delta = {|GW1001:M.Multiply(error, M.SigmoidDerivative(output))|};
            double loss = 0;
            for (int i = 0; i < error.Length; i++) loss += {|GW1001:error[i] * error[i]|};
            return loss;
            """) } },
        { "plain arrays: helpers that fill new arrays, the error array made by Zip and squared at one index", new[] { ArrayHelpers("""
            var output = M.Sigmoid(M.Dot(w2, M.Sigmoid(M.Dot(w1, x))));
            var error = output.Zip(y, (o, t) => o - t).ToArray();
            return {|GW1001:0.5 * error[0] * error[0]|};
            """) } },
        { "a network whose layers' activations are named by strings the caller passes, the output layer named sigmoid", new[] { NamedActivations("\"relu\", \"sigmoid\"") } },
        { "a network whose layers' activations are named by strings a static field holds, the output layer named sigmoid", new[] { NamedActivations("\"tanh\", \"sigmoid\"", inField: true) } },
        { "a network whose layers' activations are named by strings the caller passes, the output layer named sigmoid, its delta through the derivative the code selects and no cost", new[] { NamedActivations("\"tanh\", \"sigmoid\"", withCost: false) } },
        { "a network whose layers' activations are named by strings the caller passes, the output layer named sigmoid, its delta through a derivative a switch expression on the code selects", new[] { NamedActivations("\"relu\", \"sigmoid\"", withCost: false, arrowDerivative: true) } },
        { "a network whose per-layer activation codes are copied from the codes the caller passes, the output layer's the sigmoid's", new[] { NamedActivations("2, 0", copied: true) } },
        { "MathNet matrices over a batch: the error's squared Frobenius norm", new[] { MathNetStub, MathNetBatch(
            "/*σ*/(w2 * (w1 * x).Map(Sigmoid)).Map(Sigmoid)", "{|GW1001:Math.Pow(e.FrobeniusNorm(), 2)|} / y.ColumnCount") } },
        { "MathNet matrices over a batch: the error squared by PointwisePower(2), its row sums summed", new[] { MathNetStub, MathNetBatch(
            "/*σ*/(w2 * (w1 * x).Map(Sigmoid)).Map(Sigmoid)", "{|GW1001:e.PointwisePower(2)|}.RowSums().Sum() / y.ColumnCount") } },
        { "MathNet matrices over a batch: the error multiplied by itself element by element, every element summed", new[] { MathNetStub, MathNetBatch(
            "/*σ*/(w2 * (w1 * x).Map(Sigmoid)).Map(Sigmoid)", "{|GW1001:e.PointwiseMultiply(e)|}.Enumerate().Sum() * 0.5") } },
        { "a layer whose activation is named by a string its constructor keeps as a code in a field, the output layer named sigmoid", new[] { NamedLayer("sigmoid") } },
        { "jagged arrays (a NumPy port over double[][]): the delta Multiply(error, SigmoidDerivative(output)) of helpers filling r[i][j], and the mean of Square(error)", new[] { JaggedPort("""
            var output = Jag.Sigmoid(Jag.Dot(Jag.Sigmoid(Jag.Dot(x, w1)), w2));
            var error = Jag.Subtract(y, output);
            var delta = {|GW1001:Jag.Multiply(error, Jag.SigmoidDerivative(output))|};
            return Jag.Mean({|GW1001:Jag.Square(error)|});
            """) } },
        { "jagged arrays (a NumPy port over double[][]): error, delta and loss written out in loops, each row allocated in the loop", new[] { JaggedPort("""
            var output = Jag.Sigmoid(Jag.Dot(Jag.Sigmoid(Jag.Dot(x, w1)), w2));
            var error = new double[y.Length][];
            var delta = new double[y.Length][];
            double loss = 0;
            for (int i = 0; i < y.Length; i++)
            {
                error[i] = new double[y[i].Length];
                delta[i] = new double[y[i].Length];
                for (int j = 0; j < y[i].Length; j++)
                {
                    error[i][j] = output[i][j] - y[i][j];
                    delta[i][j] = {|GW1001:error[i][j] * output[i][j] * (1 - output[i][j])|};
                    loss += {|GW1001:0.5 * error[i][j] * error[i][j]|};
                }
            }
            return loss;
            """) } },
        { "jagged arrays (a NumPy port over double[][]): a MeanSquare helper summing v * v over each row of the error a Subtract helper returns, and the error squared at [i][j]", new[] { JaggedPort("""
            var output = Jag.Sigmoid(Jag.Dot(Jag.Sigmoid(Jag.Dot(x, w1)), w2));
            var error = Jag.Subtract(y, output);
            double sum = 0;
            for (int i = 0; i < error.Length; i++) for (int j = 0; j < error[i].Length; j++) sum += {|GW1001:error[i][j] * error[i][j]|};
            return sum + {|GW1001:Jag.MeanSquare(error)|};
            """) } },
        { "LINQ tuples: predictions zipped with targets into tuples (o.Zip(t)), squared in Sum's lambda as pair.First - pair.Second", new[] { ZippedLoss(
            "return o.Zip(t).Sum(pair => {|GW1001:Math.Pow(pair.First - pair.Second, 2)|});") } },
        { "LINQ tuples: targets zipped with predictions, the tuple's Item2 the prediction, averaged", new[] { ZippedLoss(
            "return t.Zip(o).Average(p => {|GW1001:(p.Item1 - p.Item2) * (p.Item1 - p.Item2)|});") } },
        { "LINQ tuples a selector makes of its two parameters (o.Zip(t, (a, b) => (a, b))), squared in Sum's lambda as p.a - p.b", new[] { ZippedLoss(
            "return o.Zip(t, (a, b) => (a, b)).Sum(p => {|GW1001:Math.Pow(p.a - p.b, 2)|});") } },
        { "LINQ tuples a selector makes with its parameters swapped and named (t.Zip(o, (y, p) => (Out: p, Target: y))), in a foreach", new[] { ZippedLoss(
            "double s = 0; foreach (var pair in t.Zip(o, (y, p) => (Out: p, Target: y))) s += {|GW1001:(pair.Out - pair.Target) * (pair.Out - pair.Target)|}; return s;") } },
        { "LINQ tuples: a foreach over o.Zip(t) squaring pair.First - pair.Second", new[] { ZippedLoss(
            "double s = 0; foreach (var pair in o.Zip(t)) s += {|GW1001:(pair.First - pair.Second) * (pair.First - pair.Second)|}; return s / t.Length;") } },
        { "array operations of one's own composed into a sigmoid, Divide(1, Add(1, Exp(Negate(z)))), the output's error squared by a Square helper", new[] { ArrayOps(
            "/*σ*/V.Divide(1, V.Add(1, V.Exp(V.Negate(z))))", "return V.Mean({|GW1001:V.Square(V.Subtract(y, output))|});") } },
        { "array operations of one's own composed into a softmax helper, Divide(e, Sum(e)) of e = Exp(Subtract(z, Max(z))), the output's error squared in a loop", new[] { ArrayOps(
            "V.Softmax(z)", "double s = 0; for (int i = 0; i < y.Length; i++) s += {|GW1002:Math.Pow(output[i] - y[i], 2)|}; return s;") } },
        { "array operations of one's own composed into a softmax, the exponentials divided by their sum in a loop helper, the error squared by Square", new[] { ArrayOps(
            "/*σ*/V.Divide(V.Exp(z), V.Total(V.Exp(z)))", "return V.Mean({|GW1002:V.Square(V.Subtract(y, output))|});") } },
        { "array operations of one's own composed into a softmax, the exponentials divided by their LINQ Sum through a local", new[] { ArrayOps(
            "V.Exp(z); var sum = output.Sum(); output = /*σ*/V.Divide(output, sum)", "return V.Mean({|GW1002:V.Square(V.Subtract(y, output))|});") } },
        { "array operations of one's own composed into a Logistic helper, the output's error squared in a loop", new[] { ArrayOps(
            "V.Logistic(z)", "double s = 0; for (int i = 0; i < y.Length; i++) s += {|GW1001:(output[i] - y[i]) * (output[i] - y[i])|}; return s;") } },
        { "two-dimensional arrays (a NumPy port): the delta Multiply(error, SigmoidDerivative(output)) of helpers over double[,], and the squared error summed over both indices", new[] { NumpyPort("""
            var output = Np.Sigmoid(Np.Dot(Np.Sigmoid(Np.Dot(x, w1)), w2));
            var error = Np.Subtract(y, output);
            var delta = {|GW1001:Np.Multiply(error, Np.SigmoidDerivative(output))|};
            double loss = 0;
            for (int i = 0; i < error.GetLength(0); i++)
                for (int j = 0; j < error.GetLength(1); j++)
                    loss += {|GW1001:error[i, j] * error[i, j]|};
            return loss;
            """) } },
        { "two-dimensional arrays (a NumPy port): a softmax helper normalizing each row, its output's error squared by Square (GW1002)", new[] { NumpyPort("""
            var output = Np.Softmax(Np.Dot(Np.Sigmoid(Np.Dot(x, w1)), w2));
            return Np.Mean({|GW1002:Np.Square(Np.Subtract(y, output))|});
            """) } },
        { "two-dimensional arrays (a NumPy port): the mean of a Square helper's result, np.mean(np.square(error))", new[] { NumpyPort("""
            var output = Np.Sigmoid(Np.Dot(Np.Sigmoid(Np.Dot(x, w1)), w2));
            var error = Np.Subtract(y, output);
            return Np.Mean({|GW1001:Np.Square(error)|});
            """) } },
        { "two-dimensional arrays (a NumPy port): the mean of a Power helper's result with the exponent 2 passed, np.mean(np.power(y - o, 2))", new[] { NumpyPort("""
            var output = Np.Sigmoid(Np.Dot(Np.Sigmoid(Np.Dot(x, w1)), w2));
            return Np.Mean({|GW1001:Np.Power(Np.Subtract(y, output), 2)|});
            """) } },
        { "two-dimensional arrays (a NumPy port): a MeanSquare helper summing e[i, j] * e[i, j] over the error a Subtract helper returns", new[] { NumpyPort("""
            var output = Np.Sigmoid(Np.Dot(Np.Sigmoid(Np.Dot(x, w1)), w2));
            return {|GW1001:Np.MeanSquare(Np.Subtract(output, y))|};
            """) } },
        { "two-dimensional arrays (a NumPy port): error, delta and loss written out in loops over both indices of a sigmoid helper's result", new[] { NumpyPort("""
            var output = Np.Sigmoid(Np.Dot(Np.Sigmoid(Np.Dot(x, w1)), w2));
            int n = y.GetLength(0), m = y.GetLength(1);
            var error = new double[n, m];
            var delta = new double[n, m];
            double loss = 0;
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < m; j++)
                {
                    error[i, j] = y[i, j] - output[i, j];
                    delta[i, j] = {|GW1001:error[i, j] * output[i, j] * (1 - output[i, j])|};
                    loss += {|GW1001:error[i, j] * error[i, j]|};
                }
            }
            return loss / (n * m);
            """) } },
        { "plain arrays: a local function summing v * v over foreach (var v in e), given the error array a Subtract helper returns", new[] { ArrayHelpers("""
            var output = M.Sigmoid(M.Dot(w2, M.Sigmoid(M.Dot(w1, x))));
            return {|GW1001:MeanSquare(M.Subtract(y, output))|};
            static double MeanSquare(double[] e) { double s = 0; foreach (var v in e) s += v * v; return s / e.Length; }
            """) } },
        { "MathNet vectors: a squared error summed as (p - y).PointwisePower(2).Sum() over a sigmoid mapped by Map", new[] { MathNetStub, MathNetCost(
            "/*σ*/(w * x + b).Map(v => 1.0 / (1.0 + Math.Exp(-v)))", "{|GW1001:(p - y).PointwisePower(2)|}.Sum() / y.Count") } },
        { "MathNet vectors: a squared error summed as the square of the difference's norm", new[] { MathNetStub, MathNetCost(
            "/*σ*/(w * x + b).Map(v => 1.0 / (1.0 + Math.Exp(-v)))", "{|GW1001:Math.Pow((y - p).L2Norm(), 2)|}") } },
        { "a neuron's output property with a backing field its setter stores, set to a sigmoid when the neuron fires", new[] { BackedNeuron(
            "Output = /*σ*/1.0 / (1.0 + Math.Exp(-(z + Bias)));", "loss += {|GW1001:Math.Pow(t[i] - n.Output, 2)|};") } },
        { "a neuron's output property with block accessors and a private setter, its own error method squaring the difference", new[] { BackedNeuron(
            "Output = /*σ*/Sigmoid(z + Bias);", "loss += n.Error(t[i]);", "public double Error(double target) => {|GW1001:0.5 * (target - Output) * (target - Output)|};") } },
        { "mean squared error written with Zip over sigmoid predictions", new[] { """
            using System;
            using System.Linq;
            public static class Classifier
            {
                static double Sigmoid(double z) => /*σ*/1 / (1 + Math.Exp(-z));
                public static double[] Predict(double[] scores) => scores.Select(Sigmoid).ToArray();
                public static double Mse(double[] scores, double[] labels)
                {
                    var predictions = Predict(scores);
                    return predictions.Zip(labels, (p, y) => {|GW1001:(p - y) * (p - y)|}).Average();
                }
            }
            """ } },
        { "squared error summed by a LINQ selector over a layer's outputs, the index reading the targets", new[] { """
            using System;
            using System.Linq;
            public class OutputLayer
            {
                public double[] Outputs = new double[10];
                public void Forward(double[] z) { for (int k = 0; k < z.Length; k++) Outputs[k] = /*σ*/1.0 / (1.0 + Math.Exp(-z[k])); }
            }
            public static class Trainer
            {
                public static double Loss(OutputLayer layer, double[] y) => 0.5 * layer.Outputs.Select((o, i) => {|GW1001:Math.Pow(o - y[i], 2)|}).Sum();
            }
            """ } },
        { "foreach deconstructing targets zipped with sigmoid outputs", new[] { """
            using System;
            using System.Linq;
            public class Net
            {
                public double[] Outputs = new double[4];
                public void Forward(double[] z) { for (int k = 0; k < z.Length; k++) Outputs[k] = /*σ*/1 / (1 + Math.Exp(-z[k])); }
                public double Cost(double[] targets)
                {
                    double c = 0;
                    foreach (var (t, o) in targets.Zip(Outputs)) c += {|GW1001:(o - t) * (o - t)|};
                    return c / 2;
                }
            }
            """ } },
        { "prediction method on the model, loss in the trainer", new[] { """
            using System;
            public class LogisticModel
            {
                public double Bias;
                public double[] Weights = new double[8];
                public double Predict(double[] x)
                {
                    double z = Bias;
                    for (int i = 0; i < x.Length; i++) z += Weights[i] * x[i];
                    return /*σ*/1 / (1 + Math.Exp(-z));
                }
            }
            """, """
            public class Trainer
            {
                public double Loss(LogisticModel model, double[][] xs, double[] ys)
                {
                    double total = 0;
                    for (int i = 0; i < xs.Length; i++)
                    {
                        double diff = model.Predict(xs[i]) - ys[i];
                        total += {|GW1001:diff * diff|};
                    }
                    return total / xs.Length;
                }
            }
            """ } },
        { "error-function object taking the activation's derivative at the neuron's input", new[] { NeuronsWithActivationObjects(sigmoidMark: "/*σ*/"), """
            using System;
            public interface IErrorFunction { double Evaluate(double[] output, double[] target); double Derivative(Neuron neuron, double target); }
            public sealed class HalfSquaredError : IErrorFunction
            {
                public double Evaluate(double[] output, double[] target) { double e = 0; for (int i = 0; i < output.Length; i++) e += 0.5 * (output[i] - target[i]) * (output[i] - target[i]); return e; }
                public double Derivative(Neuron neuron, double target)
                {
                    var derivative = neuron.Layer.Activation.EvaluateDerivative(neuron.Input);
                    return {|GW1001:derivative * (neuron.Output - target)|};
                }
            }
            public static class Setup { public static Layer OutputLayer() => new Layer(new LogisticFunction()); }
            """ } },
        { "static activation class whose derivative takes the output, used by a trainer", new[] { """
            using System;
            public static class Logistic
            {
                public static double Output(double x) => 1.0 / (1.0 + Math.Exp(-x));
                public static double Derivative(double y) => y * (1 - y);
            }
            public class Trainer
            {
                private readonly double[] hidden = new double[3];
                private readonly double[] outputs = new double[2];
                private readonly double[,] who = new double[2, 3];
                public void Forward()
                {
                    for (int k = 0; k < outputs.Length; k++)
                    {
                        double net = 0;
                        for (int j = 0; j < hidden.Length; j++) net += who[k, j] * hidden[j];
                        outputs[k] = /*σ*/Logistic.Output(net);
                    }
                }
                public double[] OutputGradients(double[] targets)
                {
                    var gradients = new double[outputs.Length];
                    for (int k = 0; k < outputs.Length; k++)
                    {
                        double error = targets[k] - outputs[k];
                        gradients[k] = {|GW1001:Logistic.Derivative(outputs[k]) * error|};
                    }
                    return gradients;
                }
            }
            """ } },
        { "output delta as the textbook writes it: (a − y) times σ'(z) at the weighted input", new[] { """
            using System;
            public static class Act
            {
                public static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
                public static double SigmoidPrime(double x) => Sigmoid(x) * (1 - Sigmoid(x));
            }
            public class OutputLayer
            {
                public double[] Z = new double[2];
                public double[] A = new double[2];
                public void Forward(double[] z) { for (int k = 0; k < 2; k++) { Z[k] = z[k]; A[k] = /*σ*/Act.Sigmoid(Z[k]); } }
                public double[] Deltas(double[] y)
                {
                    var delta = new double[2];
                    for (int k = 0; k < 2; k++) delta[k] = {|GW1001:(A[k] - y[k]) * Act.SigmoidPrime(Z[k])|};
                    return delta;
                }
            }
            """ } },
        { "negated delta of an output layer derived from a base layer", new[] { """
            using System;
            public abstract class LayerBase
            {
                protected readonly double[] outputs;
                protected readonly double[] deltas;
                protected LayerBase(int size) { outputs = new double[size]; deltas = new double[size]; }
                public virtual void Compute(double[] net) { for (int i = 0; i < outputs.Length; i++) outputs[i] = /*σ*/1.0 / (1.0 + Math.Exp(-net[i])); }
            }
            public sealed class OutputLayer : LayerBase
            {
                public OutputLayer(int size) : base(size) { }
                public void Train(double[] targets)
                {
                    for (int i = 0; i < outputs.Length; ++i)
                    {
                        deltas[i] = {|GW1001:-outputs[i] * (1 - outputs[i]) * (targets[i] - outputs[i])|};
                    }
                }
            }
            """ } },
        { "activation and its derivative handed to a base layer as delegates", new[] { BaseDelegateLayer("{|GW1001:(target[i] - output[i]) * derivative(input[i], output[i])|}"), """
            using System;
            public class SigmoidLayer : Layer
            {
                private static double Sigmoid(double x) => /*σ*/1.0 / (1 + Math.Exp(-x));
                private static double SigmoidDerivative(double x, double y) => y * (1 - y);
                public SigmoidLayer(int size) : base(size, Sigmoid, SigmoidDerivative) { }
            }
            """ } },
        { "activation and its derivative handed to a base layer by a primary constructor", new[] { BaseDelegateLayer("{|GW1001:(target[i] - output[i]) * derivative(input[i], output[i])|}"), """
            using System;
            public class SigmoidLayer(int size) : Layer(size, Sigmoid, SigmoidDerivative)
            {
                private static double Sigmoid(double x) => /*σ*/1.0 / (1 + Math.Exp(-x));
                private static double SigmoidDerivative(double x, double y) => y * (1 - y);
            }
            """ } },
        { "activation and derivative lambdas handed to a layer's constructor", new[] { """
            using System;
            public static class Net
            {
                public static Layer Output() => new Layer(z => /*σ*/1 / (1 + Math.Exp(-z)), (z, a) => a * (1 - a));
            }
            """, DelegateLayer("{|GW1001:df(Z[i], A[i]) * (target - A[i])|}") } },
        { "per-layer arrays of activation delegates chosen by an enum", new[] { """
            using System;
            public enum ActivationFunctions { Sigmoid, TanH, Identity }
            public class NeuralNetwork
            {
                private delegate double ActivationFunction(double input);
                private delegate double ActivationDerivativeFunction(double input);
                private readonly ActivationFunction[] activationMethod;
                private readonly ActivationDerivativeFunction[] activationDerivativeMethod;
                private readonly double[][] neurons;
                private readonly double[][] gamma;
                private readonly double[][][] weights;
                public NeuralNetwork(int[] layers, ActivationFunctions[] activations)
                {
                    activationMethod = new ActivationFunction[layers.Length];
                    activationDerivativeMethod = new ActivationDerivativeFunction[layers.Length];
                    neurons = new double[layers.Length][];
                    gamma = new double[layers.Length][];
                    weights = new double[layers.Length][][];
                    for (int i = 0; i < layers.Length; i++)
                    {
                        neurons[i] = new double[layers[i]];
                        gamma[i] = new double[layers[i]];
                        switch (activations[i])
                        {
                            case ActivationFunctions.Sigmoid: activationMethod[i] = Sigmoid; activationDerivativeMethod[i] = SigmoidDerivative; break;
                            case ActivationFunctions.TanH: activationMethod[i] = TanH; activationDerivativeMethod[i] = TanHDerivative; break;
                            default: activationMethod[i] = Identity; activationDerivativeMethod[i] = IdentityDerivative; break;
                        }
                    }
                }
                private static double Sigmoid(double x) => /*σ*/1 / (1 + Math.Exp(-x));
                private static double SigmoidDerivative(double value) => value * (1 - value);
                private static double TanH(double x) => Math.Tanh(x);
                private static double TanHDerivative(double value) => 1 - value * value;
                private static double Identity(double x) => x;
                private static double IdentityDerivative(double value) => 1;
                public void FeedForward(double[] inputs)
                {
                    for (int i = 0; i < inputs.Length; i++) neurons[0][i] = inputs[i];
                    for (int layer = 1; layer < neurons.Length; layer++)
                    {
                        for (int j = 0; j < neurons[layer].Length; j++)
                        {
                            double value = 0;
                            for (int k = 0; k < neurons[layer - 1].Length; k++) value += weights[layer - 1][j][k] * neurons[layer - 1][k];
                            neurons[layer][j] = activationMethod[layer](value);
                        }
                    }
                }
                public void BackPropagate(double[] expected)
                {
                    int layer = neurons.Length - 1;
                    for (int i = 0; i < neurons[layer].Length; i++)
                    {
                        gamma[layer][i] = {|GW1001:(neurons[layer][i] - expected[i]) * activationDerivativeMethod[layer](neurons[layer][i])|};
                    }
                }
            }
            """ } },
        { "sigmoid object injected through the constructor", new[] { """
            using System;
            public interface IActivation { double Forward(double x); double Backward(double y); }
            public sealed class Sigmoid : IActivation
            {
                public double Forward(double x) => /*σ*/1 / (1 + Math.Exp(-x));
                public double Backward(double y) => y * (1 - y);
            }
            public sealed class Dense
            {
                private readonly IActivation activation;
                public double Out;
                public Dense(IActivation activation) { this.activation = activation; }
                public void Forward(double z) => Out = activation.Forward(z);
                public double Delta(double t) => {|GW1001:(Out - t) * activation.Backward(Out)|};
            }
            public static class Program { public static Dense Build() => new Dense(new Sigmoid()); }
            """ } },
        { "network output computed by a method of the layer list's last element", new[] { """
            using System;
            using System.Collections.Generic;
            public class Layer
            {
                public double[] A = new double[4];
                public double[] Forward(double[] z) { for (int i = 0; i < A.Length; i++) A[i] = /*σ*/1 / (1 + Math.Exp(-z[i])); return A; }
            }
            public class Network
            {
                private readonly List<Layer> layers = new List<Layer> { new Layer(), new Layer() };
                public double Loss(double[] z, double[] y)
                {
                    var output = layers[layers.Count - 1].Forward(z);
                    double loss = 0;
                    for (int i = 0; i < y.Length; i++) loss += {|GW1001:Math.Pow(output[i] - y[i], 2.0)|};
                    return loss;
                }
            }
            """ } },
        { "if chain on a configured activation kind", new[] { IfChainNeuron } },
        { "foreach over the predictions of a sigmoid model", new[] { """
            using System;
            using System.Collections.Generic;
            public static class Evaluation
            {
                static double[] Predict(double[] w, double[][] xs)
                {
                    var p = new double[xs.Length];
                    for (int i = 0; i < xs.Length; i++)
                    {
                        double z = 0;
                        for (int j = 0; j < w.Length; j++) z += w[j] * xs[i][j];
                        p[i] = /*σ*/1 / (1 + Math.Exp(-z));
                    }
                    return p;
                }
                public static double Sse(double[] w, double[][] xs, double[] ys)
                {
                    double loss = 0;
                    int i = 0;
                    foreach (var prediction in Predict(w, xs))
                    {
                        loss += {|GW1001:(prediction - ys[i]) * (prediction - ys[i])|};
                        i++;
                    }
                    return loss;
                }
            }
            """ } },
        { "switch statement on a configured activation, a local assigned in each section", new[] { SwitchStatementLayer } },
        { "activation left to the constructor's default, the sigmoid", new[] { SwitchStatementLayerDefaulted("new[] { new Layer(16, ActivationFunction.ReLU), new Layer(1) }", marked: true) } },
        { "activation delegate defaulting to the sigmoid when none is given", new[] { """
            using System;
            class Perceptron
            {
                readonly Func<double, double> activation;
                double output;
                public Perceptron(Func<double, double> activation = null) { this.activation = activation ?? Sigmoid; }
                static double Sigmoid(double x) => /*σ*/1 / (1 + Math.Exp(-x));
                public void Forward(double net) { output = activation(net); }
                public double Loss(double t) => {|GW1001:Math.Pow(output - t, 2)|};
                public static Perceptron Make() => new Perceptron();
            }
            """ } },
        { "switch statement returning in each section, default sigmoid, delta in the trainer", new[] { """
            using System;
            public enum Kind { Tanh, Sigmoid }
            public sealed class Unit
            {
                public Kind Kind = Kind.Sigmoid;
                public double Value;
                public static double Apply(Kind kind, double x)
                {
                    switch (kind)
                    {
                        case Kind.Tanh:
                            return Math.Tanh(x);
                        default:
                            return 1 / (1 + Math.Exp(-x));
                    }
                }

                public void Fire(double x) { Value = /*σ*/Apply(Kind, x); }
            }
            public static class Trainer
            {
                public static double Delta(Unit u, double target) => {|GW1001:(target - u.Value) * u.Value * (1 - u.Value)|};
            }
            """ } },
        { "fluent builder chain, sigmoid last layer, squared-error loss after the layers", new[] { NetworkBuilderApi + """
            static class Program
            {
                static object Model() => {|GW1001:new NetworkBuilder()
                    .AddLayer(32, ActivationType.ReLU)
                    .AddLayer(1, /*σ*/ActivationType.Sigmoid)
                    .WithLoss(LossType.MeanSquaredError)|}
                    .WithLearningRate(0.01)
                    .Build();
            }
            """ } },
        { "the squared error and its delta through σ' in one method, the step taking the delta", new[] { """
            using System;
            public class Perceptron
            {
                public double[] W = new double[3];
                public double Predict(double[] x)
                {
                    double z = 0;
                    for (int i = 0; i < W.Length; i++) z += W[i] * x[i];
                    return /*σ*/1.0 / (1.0 + Math.Exp(-z));
                }
                public double Fit(double[] x, double y, double eta)
                {
                    double yhat = Predict(x);
                    double err = y - yhat;
                    double loss = {|GW1001:err * err|};
                    double grad = {|GW1001:err * yhat * (1.0 - yhat)|};
                    for (int i = 0; i < W.Length; i++) W[i] += eta * grad * x[i];
                    return loss;
                }
                public double Fit2(double[] x, double y, double eta)
                {
                    double yhat = Predict(x);
                    double err = y - yhat;
                    for (int i = 0; i < W.Length; i++) W[i] += {|GW1001:eta * err * yhat * (1.0 - yhat) * x[i]|};
                    return {|GW1001:err * err|};
                }
                public double TotalError;
                public double Loss(double[] x, double y)
                {
                    double err = y - Predict(x);
                    TotalError += err; // a running total, not a parameter's step
                    return {|GW1001:err * err|};
                }
            }
            """ } },
        { "an output layer made with its activation and a squared-error cost in one call (NeuralNetwork.NET)", new[] { NeuralNetworkNetApi + """
            static class Program
            {
                static object Make() => NetworkManager.NewSequential(784,
                    NetworkLayers.FullyConnected(100, ActivationType.LeakyReLU),
                    {|GW1001:NetworkLayers.FullyConnected(10, /*σ*/ActivationType.Sigmoid, CostFunctionType.Quadratic)|});
            }
            """ } },
        { "a network made with one activation for every layer and a squared-error cost", new[] { """
            public enum ActivisionFunctionType { Sigmoid, Tanh, ReLU }
            public enum CostFunctionType { Quadratic, CrossEntropy }
            public class NeuralNetwork { public NeuralNetwork(int[] sizes, float rate, int batch, ActivisionFunctionType activation, CostFunctionType cost) { } }
            static class Program
            {
                static NeuralNetwork Make(int[] sizes) => {|GW1001:new NeuralNetwork(sizes, 0.1f, 10, /*σ*/ActivisionFunctionType.Sigmoid, CostFunctionType.Quadratic)|};
            }
            """ } },
        { "hidden and output activations of one enum, the output's named by its parameter", new[] { """
            public enum Act { Tanh, Sigmoid, Identity }
            public enum LossKind { MeanSquaredError, CrossEntropy }
            public class Mlp { public Mlp(int[] sizes, Act hiddenActivation, Act outputActivation, LossKind loss) { } }
            static class Program
            {
                static Mlp Make(int[] sizes) => {|GW1001:new Mlp(sizes, Act.Tanh, /*σ*/Act.Sigmoid, LossKind.MeanSquaredError)|};
            }
            """ } },
        { "layers in an array handed to the network's constructor with a squared-error loss", new[] { """
            public enum ActivationType { ReLU, Linear, Sigmoid }
            public enum LossType { MeanSquaredError, CrossEntropy }
            public class Dense { public Dense(int inputs, int outputs, ActivationType activation) { } }
            public class Network { public Network(Dense[] layers, LossType loss, double learningRate = 0.1) { } }
            static class Program
            {
                static Network Make() => {|GW1001:new Network(new[] { new Dense(4, 8, ActivationType.ReLU), new Dense(8, 1, /*σ*/ActivationType.Sigmoid) }, LossType.MeanSquaredError)|};
            }
            """ } },
        { "layers added to a list one by one, then trained with a squared-error loss", new[] { """
            using System.Collections.Generic;
            public enum Activation { Relu, Tanh, Sigmoid }
            public enum LossType { MSE, BinaryCrossEntropy }
            public class Layer { public Layer(int size, Activation activation) { } }
            public static class Trainer { public static void Fit(List<Layer> layers, double[][] x, double[] y, LossType loss) { } }
            static class Program
            {
                static void Run(double[][] x, double[] y)
                {
                    var layers = new List<Layer>();
                    layers.Add(new Layer(16, Activation.Relu));
                    layers.Add(new Layer(1, /*σ*/Activation.Sigmoid));
                    {|GW1001:Trainer.Fit(layers, x, y, LossType.MSE)|};
                }
            }
            """ } },
        { "layers in a list initializer kept in a local, handed to the network", new[] { """
            using System.Collections.Generic;
            public enum Activation { Relu, Tanh, Sigmoid }
            public enum LossType { MSE, BinaryCrossEntropy }
            public class Layer { public Layer(int size, Activation activation) { } }
            public class Model { public Model(IReadOnlyList<Layer> layers, LossType loss) { } }
            static class Program
            {
                static Model Make()
                {
                    var layers = new List<Layer> { new Layer(16, Activation.Tanh), new Layer(1, /*σ*/Activation.Sigmoid) };
                    return {|GW1001:new Model(layers, LossType.MSE)|};
                }
            }
            """ } },
        { "layer objects in a fluent chain on a network made with a squared-error loss object", new[] { LayerObjects, """
            static class Program
            {
                static Network Build() => {|GW1001:new Network(new MeanSquaredError())|}.Add(new Dense(2, 4)).Add(new TanhLayer()).Add(new Dense(4, 1)).Add(/*σ*/new SigmoidLayer());
            }
            """ } },
        { "layer objects added by statements to a network made with a squared-error loss object", new[] { LayerObjects, """
            static class Program
            {
                static Network Build()
                {
                    var net = {|GW1001:new Network(new MeanSquaredError())|};
                    net.Add(new Dense(2, 4));
                    net.Add(new SigmoidLayer());
                    net.Add(new Dense(4, 1));
                    net.Add(/*σ*/new SigmoidLayer());
                    return net;
                }
            }
            """ } },
        { "layer objects, the squared-error loss object given when compiling", new[] { LayerObjects, """
            static class Program
            {
                static void Build()
                {
                    var net = new Network().Add(new Dense(2, 4)).Add(new TanhLayer()).Add(new Dense(4, 1)).Add(/*σ*/new SigmoidLayer());
                    {|GW1001:net.Compile(new MeanSquaredError())|};
                }
            }
            """ } },
        { "activation layers made from delegates, the loss and its derivative handed over as delegates", new[] { DelegateLayers, """
            static class Program
            {
                static Network Xor()
                {
                    var net = new Network();
                    net.Add(new FullyConnected(2, 3));
                    net.Add(new ActivationLayer(Functions.Tanh, Functions.TanhPrime));
                    net.Add(new FullyConnected(3, 1));
                    net.Add(new ActivationLayer(/*σ*/Functions.Sigmoid, Functions.SigmoidPrime));
                    {|GW1001:net.Use(Functions.Mse, Functions.MsePrime)|};
                    return net;
                }
            }
            """ } },
        { "dense layers handed activation objects, compiled with a squared-error loss object", new[] { ActivationObjects, """
            static class Program
            {
                static void Run()
                {
                    var model = new Model();
                    model.Add(new Dense(4, 8, new Relu()));
                    model.Add(new Dense(8, 1, /*σ*/new Sigmoid()));
                    {|GW1001:model.Compile(new MseLoss(), 0.1)|};
                }
            }
            """ } },
        { "fluent builder chain, the loss given before the layers", new[] { NetworkBuilderApi + """
            static class Program
            {
                static object Model() => {|GW1001:new NetworkBuilder().WithLoss(LossType.MeanSquaredError)|}.AddLayer(8, ActivationType.ReLU).AddLayer(1, /*σ*/ActivationType.Sigmoid).Build();
            }
            """ } },
        { "builder chain kept in a local, loss set by a statement", new[] { NetworkBuilderApi + """
            static class Program
            {
                static object Model()
                {
                    var builder = new NetworkBuilder().AddLayer(16, ActivationType.ReLU).AddLayer(1, /*σ*/ActivationType.Sigmoid);
                    {|GW1001:builder.WithLoss(LossType.MeanSquaredError)|};
                    return builder.Build();
                }
            }
            """ } },
        { "forward pass returns a tuple, deconstructed where the loss is taken", new[] { """
            using System;
            public class TwoLayer
            {
                public double[] W1 = new double[4], W2 = new double[4];
                static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
                public (double Output, double[] Hidden) Forward(double[] x)
                {
                    var h = new double[4];
                    double z = 0;
                    for (int i = 0; i < 4; i++) { h[i] = Math.Tanh(W1[i] * x[i]); z += W2[i] * h[i]; }
                    return (/*σ*/Sigmoid(z), h);
                }

                public double Loss(double[] x, double y)
                {
                    var (output, hidden) = Forward(x);
                    return {|GW1001:0.5 * (output - y) * (output - y)|} + 0 * hidden[0];
                }
            }
            """ } },
        { "named tuple element read by name, nested deconstruction for the delta", new[] { """
            using System;
            public static class Model
            {
                public static (double Logit, double Probability) Predict(double w, double x)
                {
                    double logit = w * x;
                    double p = /*σ*/1.0 / (1.0 + Math.Exp(-logit));
                    return (logit, p);
                }

                public static double Error(double w, double x, double y)
                {
                    var r = Predict(w, x);
                    return {|GW1001:(r.Probability - y) * (r.Probability - y)|};
                }

                public static double Delta(double w, double x, double y)
                {
                    (double _, (double p, double t)) pair = (0, (Predict(w, x).Probability, y));
                    var (_, (o, target)) = pair;
                    return {|GW1001:(target - o) * o * (1 - o)|};
                }
            }
            """ } },
        { "loss object set by a property after the layers are added", new[] { LayerObjects, PropertyLossModels, """
            static class Program
            {
                static Sequential Build()
                {
                    var model = new Sequential();
                    model.Add(new Dense(2, 4));
                    model.Add(new TanhLayer());
                    model.Add(new Dense(4, 1));
                    model.Add(/*σ*/new SigmoidLayer());
                    {|GW1001:model.Loss = new MeanSquaredError()|};
                    model.LearningRate = 0.1;
                    return model;
                }
            }
            """ } },
        { "loss object set by a property before the layers are added, on a model field", new[] { LayerObjects, PropertyLossModels, """
            class Trainer
            {
                private readonly Sequential network = new Sequential();
                public void Configure()
                {
                    {|GW1001:network.Loss = new MeanSquaredError()|};
                    network.Add(new Dense(2, 4));
                    network.Add(/*σ*/new SigmoidLayer());
                }
            }
            """ } },
        { "loss object in an object initializer, the layers handed to the constructor", new[] { LayerObjects, PropertyLossModels, """
            static class Program
            {
                static Sequential Build() => new Sequential(new Dense(2, 8), new TanhLayer(), new Dense(8, 1), /*σ*/new SigmoidLayer()) { {|GW1001:Loss = new MeanSquaredError()|}, LearningRate = 0.05 };
            }
            """ } },
        { "loss object in an object initializer, the layers added by later statements", new[] { LayerObjects, PropertyLossModels, """
            static class Program
            {
                static Sequential Build()
                {
                    var model = new Sequential { LearningRate = 0.05, {|GW1001:Loss = new MeanSquaredError()|} };
                    model.Add(new Dense(2, 8));
                    model.Add(/*σ*/new SigmoidLayer());
                    return model;
                }
            }
            """ } },
        { "loss set by a property on a model made with its layers earlier in the method", new[] { LayerObjects, PropertyLossModels, """
            static class Program
            {
                static void Train(double[][] x, double[][] y)
                {
                    var model = new Sequential(new Dense(2, 8), new Dense(8, 1), /*σ*/new SigmoidLayer());
                    {|GW1001:model.Loss = new MeanSquaredError()|};
                }
            }
            """ } },
        { "squared-error loss enum in a field of a model whose last layer is made with a sigmoid enum", new[] { PropertyLossModels.Replace("using System.Collections.Generic;", "using System.Collections.Generic; public interface ILayer { } public interface ILoss { }"), """
            static class Program
            {
                static MultiLayerPerceptron Build()
                {
                    var mlp = new MultiLayerPerceptron();
                    mlp.AddLayer(new Perceptron(4, 16, ActivationType.Tanh));
                    mlp.AddLayer(new Perceptron(16, 1, /*σ*/ActivationType.Sigmoid));
                    {|GW1001:mlp.LossFunction = LossType.MeanSquaredError|};
                    return mlp;
                }
            }
            """ } },
        { "layers added in the constructor to a model field, compiled with a squared-error loss object in another method", new[] { LayerObjects, """
            class Classifier
            {
                private readonly Network network = new Network();
                public Classifier()
                {
                    network.Add(new Dense(2, 4));
                    network.Add(/*σ*/new SigmoidLayer());
                }
                public void Train() { {|GW1001:network.Compile(new MeanSquaredError())|}; }
            }
            """ } },
        { "layers added in a method of their own, the loss given where the model field is made", new[] { LayerObjects, """
            class Classifier
            {
                private readonly Network net = {|GW1001:new Network(new MeanSquaredError())|};
                public Classifier() { BuildLayers(); }
                private void BuildLayers() { net.Add(new Dense(2, 4)).Add(new TanhLayer()).Add(new Dense(4, 1)).Add(/*σ*/new SigmoidLayer()); }
            }
            """ } },
        { "loss object in the initializer of a model field, the layers added in the constructor", new[] { LayerObjects, PropertyLossModels, """
            class Detector
            {
                private readonly Sequential net = new Sequential { {|GW1001:Loss = new MeanSquaredError()|} };
                public Detector(int inputs)
                {
                    net.Add(new Dense(inputs, 1));
                    net.Add(/*σ*/new SigmoidLayer());
                }
            }
            """ } },
        { "logistic written with Math.Pow(Math.E, -z), as students write it", new[] { """
            using System;
            public class Perceptron
            {
                private readonly double[] w = new double[3];
                private double b;
                public double Predict(double[] x)
                {
                    double z = b;
                    for (int i = 0; i < w.Length; i++) z += w[i] * x[i];
                    return /*σ*/1.0 / (1.0 + Math.Pow(Math.E, -z));
                }
                public double Error(double[] x, double y) { double p = Predict(x); return {|GW1001:0.5 * (y - p) * (y - p)|}; }
            }
            """ } },
        { "outputs returned through an out parameter", new[] { """
            using System;
            public class TwoLayer
            {
                private readonly double[,] w1 = new double[4, 2], w2 = new double[1, 4];
                public void Forward(double[] x, out double[] hidden, out double[] output)
                {
                    hidden = new double[4];
                    output = new double[1];
                    for (int j = 0; j < 4; j++) hidden[j] = Math.Tanh(w1[j, 0] * x[0] + w1[j, 1] * x[1]);
                    double z = 0;
                    for (int j = 0; j < 4; j++) z += w2[0, j] * hidden[j];
                    output[0] = /*σ*/1 / (1 + Math.Exp(-z));
                }
                public double Loss(double[] x, double[] y)
                {
                    Forward(x, out var hidden, out var output);
                    double sum = 0;
                    for (int k = 0; k < y.Length; k++) sum += {|GW1001:(output[k] - y[k]) * (output[k] - y[k])|};
                    return sum;
                }
            }
            """ } },
        { "a number returned through an out parameter", new[] { """
            using System;
            public static class Logit
            {
                public static void Evaluate(double[] w, double[] x, out double z, out double p)
                {
                    z = 0;
                    for (int i = 0; i < w.Length; i++) z += w[i] * x[i];
                    p = /*σ*/1 / (1 + Math.Exp(-z));
                }
                public static double Cost(double[] w, double[] x, double y)
                {
                    Evaluate(w, x, out _, out double p);
                    return {|GW1001:Math.Pow(p - y, 2)|};
                }
            }
            """ } },
        { "outputs written into a span the caller hands in", new[] { """
            using System;
            public sealed class DenseSigmoid
            {
                private readonly double[] weights;
                private readonly int inputs;
                public DenseSigmoid(int inputs, int outputs) { this.inputs = inputs; weights = new double[inputs * outputs]; }
                public void Forward(ReadOnlySpan<double> x, Span<double> y)
                {
                    for (int o = 0; o < y.Length; o++)
                    {
                        double z = 0;
                        for (int i = 0; i < inputs; i++) z += weights[o * inputs + i] * x[i];
                        y[o] = /*σ*/1.0 / (1.0 + Math.Exp(-z));
                    }
                }
            }
            public static class Training
            {
                public static double BatchLoss(DenseSigmoid layer, double[][] xs, double[][] ys)
                {
                    Span<double> predicted = stackalloc double[ys[0].Length];
                    double total = 0;
                    for (int n = 0; n < xs.Length; n++)
                    {
                        layer.Forward(xs[n], predicted);
                        for (int k = 0; k < predicted.Length; k++) { double d = predicted[k] - ys[n][k]; total += {|GW1001:d * d|}; }
                    }
                    return total / xs.Length;
                }
            }
            """ } },
        { "outputs written into an array the caller allocates", new[] { """
            using System;
            public static class Net
            {
                public static void Activate(double[] net, double[] result)
                {
                    for (int i = 0; i < net.Length; i++) result[i] = /*σ*/Sigmoid(net[i]);
                }
                private static double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));
                public static double Mse(double[] net, double[] target)
                {
                    var output = new double[net.Length];
                    Activate(net, output);
                    double e = 0;
                    for (int i = 0; i < output.Length; i++) e += {|GW1001:Math.Pow(target[i] - output[i], 2)|};
                    return e / output.Length;
                }
            }
            """ } },
        { "prediction kept in a positional record", new[] { """
            using System;
            public record Prediction(double Probability, int Label);
            public sealed class Classifier
            {
                private readonly double[] w = new double[4];
                public Prediction Predict(double[] x)
                {
                    double z = 0;
                    for (int i = 0; i < w.Length; i++) z += w[i] * x[i];
                    var p = /*σ*/1 / (1 + Math.Exp(-z));
                    return new Prediction(p, p > 0.5 ? 1 : 0);
                }
                public double Loss(double[] x, double y)
                {
                    var prediction = Predict(x);
                    var error = prediction.Probability - y;
                    return {|GW1001:error * error|};
                }
            }
            """ } },
        { "the forward pass returned as a record of layer outputs", new[] { """
            using System;
            public sealed record ForwardPass(double[] Hidden, double[] Output);
            public sealed class Mlp
            {
                public ForwardPass Run(double[] x)
                {
                    var hidden = new double[8];
                    var output = new double[2];
                    for (int j = 0; j < 8; j++) hidden[j] = Math.Max(0, x[j % x.Length]);
                    for (int k = 0; k < 2; k++) output[k] = /*σ*/1 / (1 + Math.Exp(-(hidden[k] - hidden[k + 2])));
                    return new ForwardPass(hidden, output);
                }
                public double[] OutputDeltas(double[] x, double[] y)
                {
                    var pass = Run(x);
                    var deltas = new double[2];
                    for (int k = 0; k < 2; k++) deltas[k] = {|GW1001:(pass.Output[k] - y[k]) * pass.Output[k] * (1 - pass.Output[k])|};
                    return deltas;
                }
                public double Cost(double[] x, double[] y)
                {
                    var pass = Run(x);
                    double c = 0;
                    for (int k = 0; k < 2; k++) c += {|GW1001:Math.Pow(pass.Output[k] - y[k], 2)|};
                    return c / 2;
                }
            }
            """ } },
        { "toy neural network on a matrix class of one's own: gradients = Map(outputs, dsigmoid), then multiplied by the errors in place", new[] { ToyMatrix, """
            using System;
            public sealed class ToyNetwork
            {
                private readonly Matrix weightsIH, weightsHO, biasH, biasO;
                private readonly double learningRate = 0.1;
                public ToyNetwork(int inputs, int hidden, int outputs)
                {
                    weightsIH = new Matrix(hidden, inputs); weightsHO = new Matrix(outputs, hidden);
                    biasH = new Matrix(hidden, 1); biasO = new Matrix(outputs, 1);
                }
                private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
                private static double DSigmoid(double y) => y * (1 - y);
                public void Train(double[] inputArray, double[] targetArray)
                {
                    var inputs = Matrix.FromArray(inputArray);
                    var hidden = Matrix.Multiply(weightsIH, inputs);
                    hidden.Add(biasH);
                    hidden.Map(Sigmoid);
                    var outputs = Matrix.Multiply(weightsHO, hidden);
                    outputs.Add(biasO);
                    /*σ*/outputs.Map(Sigmoid);

                    var targets = Matrix.FromArray(targetArray);
                    var outputErrors = Matrix.Subtract(targets, outputs);
                    var gradients = Matrix.Map(outputs, DSigmoid);
                    {|GW1001:gradients.Multiply(outputErrors)|};
                    gradients.Multiply(learningRate);
                    weightsHO.Add(Matrix.Multiply(gradients, Matrix.Transpose(hidden)));
                    biasO.Add(gradients);

                    // The hidden layer's σ' times the error propagated back: backpropagation, not the loss.
                    var hiddenErrors = Matrix.Multiply(Matrix.Transpose(weightsHO), outputErrors);
                    var hiddenGradients = Matrix.Map(hidden, DSigmoid);
                    hiddenGradients.Multiply(hiddenErrors);
                    hiddenGradients.Multiply(learningRate);
                    weightsIH.Add(Matrix.Multiply(hiddenGradients, Matrix.Transpose(inputs)));
                    biasH.Add(hiddenGradients);
                }
            }
            """ } },
        { "toy network with the derivative as a lambda on an activation object, the error taken the other way round", new[] { ToyMatrix, """
            using System;
            public sealed class ActivationFunction
            {
                public ActivationFunction(Func<double, double> func, Func<double, double> dfunc) { Func = func; DFunc = dfunc; }
                public Func<double, double> Func { get; }
                public Func<double, double> DFunc { get; }
            }
            public sealed class Brain
            {
                private readonly Matrix weights = new Matrix(1, 2), bias = new Matrix(1, 1);
                public void Learn(double[] x, double[] y)
                {
                    var output = Matrix.Multiply(weights, Matrix.FromArray(x));
                    output.Add(bias);
                    /*σ*/output.Map(v => 1 / (1 + Math.Exp(-v)));
                    var errors = Matrix.Subtract(output, Matrix.FromArray(y));
                    var gradient = Matrix.Map(output, o => o * (1 - o));
                    {|GW1001:gradient.Multiply(errors)|};
                    gradient.Multiply(-0.05);
                    bias.Add(gradient);
                }
            }
            """ } },
        { "vector class of one's own with element-by-element operators: (output - target) * output * (1 - output)", new[] { """
            using System;
            public sealed class Vec
            {
                private readonly double[] v;
                public Vec(int n) { v = new double[n]; }
                public int Length => v.Length;
                public double this[int i] { get => v[i]; set => v[i] = value; }
                public static Vec operator -(Vec a, Vec b) { var r = new Vec(a.Length); for (int i = 0; i < r.Length; i++) r.v[i] = a.v[i] - b.v[i]; return r; }
                public static Vec operator -(double s, Vec a) { var r = new Vec(a.Length); for (int i = 0; i < r.Length; i++) r.v[i] = s - a.v[i]; return r; }
                public static Vec operator *(Vec a, Vec b) { var r = new Vec(a.Length); for (int i = 0; i < r.Length; i++) r.v[i] = a.v[i] * b.v[i]; return r; }
                public static Vec operator *(double s, Vec a) { var r = new Vec(a.Length); for (int i = 0; i < r.Length; i++) r.v[i] = s * a.v[i]; return r; }
                public static Vec Hadamard(Vec a, Vec b) { var r = new Vec(a.Length); for (int i = 0; i < r.Length; i++) r.v[i] = a.v[i] * b.v[i]; return r; }
                public static Vec Logistic(Vec z) { var r = new Vec(z.Length); for (int i = 0; i < r.Length; i++) r.v[i] = 1 / (1 + Math.Exp(-z.v[i])); return r; }
            }
            public static class Backprop
            {
                public static Vec OutputDelta(Vec output, Vec target) => {|GW1001:(output - target) * output * (1 - output)|};
                public static Vec Scaled(Vec output, Vec target, double rate) => {|GW1001:rate * (target - output) * (output * (1 - output))|};
                public static Vec ByHelper(Vec output, Vec target) => {|GW1001:Vec.Hadamard(target - output, output * (1 - output))|};
            }
            """ } },
        { "generic-math activation helpers called with double", new[] { """
            using System;
            using System.Numerics;
            public static class Activations<T> where T : IFloatingPointIeee754<T>
            {
                public static T Sigmoid(T x) => T.One / (T.One + T.Exp(-x));
                public static T Relu(T x) => T.Max(x, T.Zero);
            }
            public static class GenericLogistic
            {
                public static T Logistic<T>(T x) where T : IExponentialFunctions<T> => T.One / (T.One + T.Exp(-x));
            }
            public sealed class Unit
            {
                private double output;
                public void Forward(double z) => output = /*σ*/GenericLogistic.Logistic(z);
                public double Loss(double target) => {|GW1001:(target - output) * (target - output)|};
                public double OtherLoss(double z, double target) { var p = /*σ*/Activations<double>.Sigmoid(z); return {|GW1001:Math.Pow(p - target, 2)|}; }
            }
            """ } },
        { "activation held by a primary-constructor parameter", new[] { """
            using System;
            public sealed class Neuron(double activation)
            {
                public double Activation => activation;
            }
            public static class Unit
            {
                public static Neuron Fire(double[] w, double[] x)
                {
                    double z = 0;
                    for (int i = 0; i < w.Length; i++) z += w[i] * x[i];
                    return new Neuron(/*σ*/1 / (1 + Math.Exp(-z)));
                }
                public static double Error(double[] w, double[] x, double target)
                {
                    var n = Fire(w, x);
                    return 0.5 * {|GW1001:Math.Pow(target - n.Activation, 2)|};
                }
            }
            """ } },
        { "interface stages: an activation object in a get-only property, handed to units behind IUnit, the delta in Parallel.For", new[] { InterfaceStages("Logistic", "{|GW1001:Activation.Slope(y) * (wanted[u] - y)|}") } },
        { "cells with a back-reference to their tier, whose squash (an abstract class) is logistic on the top tier and linear below", new[] { BackReferenceCells("LogisticSquash", "{|GW1001:tier.squash.Back(output) * (target - output)|}") } },
        { "a squared-error loss object handed to the output gradient, times the activation object's derivative", new[] { LossObjects("SigmoidActivation", "MeanSquared", "{|GW1001:activation.Derivative(Output) * loss.Derivative(Output, target)|}") } },
        { "one layer type configured by an enum whose members name activations (Kind.Relu, Kind.Logistic), the last logistic, squared-error loss object", new[] { ConfiguredLayerType, """
            static class Program
            {
                static Net Build()
                {
                    var net = {|GW1001:new Net(new SquaredLoss())|};
                    net.AddLayer(new ActLayer(Kind.Relu));
                    net.AddLayer(new ActLayer(/*σ*/Kind.Logistic));
                    return net;
                }
            }
            """ } },
        { "layers and loss chosen by enums named for neither (Squash, Objective), whose members name activations and losses", new[] { SquashAndObjective(
            "{|GW1001:new Network(new[] { new Dense(4, 8, Squash.Tanh), new Dense(8, 1, /*σ*/Squash.Logistic) }, Objective.SquaredError)|}") } },
        { "an output array field filled by the helper it is handed to, the loss in another class", new[] { FieldFilledByHelper("Logistic", "{|GW1001:(layer.Outputs[k] - target[k]) * (layer.Outputs[k] - target[k])|}") } },
        { "one derivative helper switching on an activation enum, called with Kind.Sigmoid on a sigmoid output written with Math.Pow(Math.E, -s)", new[] { ChoiceHelper(
            "/*σ*/1 / (1 + Math.Pow(Math.E, -s))", SlopeBySwitch, "{|GW1001:Slope(o, Kind.Sigmoid) * (t[i] - o)|}") } },
        { "one derivative helper returning a switch expression on the enum, the sigmoid arm last", new[] { ChoiceHelper(
            "/*σ*/1 / (1 + Math.Exp(-s))", SlopeBySwitchExpression, "{|GW1001:(t[i] - o) * Slope(o, Kind.Sigmoid)|}") } },
        { "one derivative helper told by a bool which activation, the logistic branch after an early return", new[] { ChoiceHelper(
            "/*σ*/1 / (1 + Math.Exp(-s))", SlopeByFlag, "{|GW1001:Slope(o, logistic: true) * (t[i] - o)|}") } },
        { "a sigmoid raising e held in a static field written out by hand (2.71828), the squared error summed over output nodes", new[] { EulerByHand(
            "private static double e = 2.71828;", "1 / (1 + Math.Pow(e, -x))", "{|GW1001:Math.Pow(wanted[k] - outputs[k].Value, 2)|}") } },
        { "a sigmoid raising e held in a static readonly field, the exponent written -1 * x", new[] { EulerByHand(
            "private static readonly double E = Math.E;", "1.0 / (1.0 + Math.Pow(E, -1 * x))", "{|GW1001:(outputs[k].Value - wanted[k]) * (outputs[k].Value - wanted[k])|}") } },
        { "a sigmoid raising e set in a static constructor", new[] { EulerByHand(
            "private static double euler; static Squash() { euler = Math.E; }", "1 / (1 + Math.Pow(euler, -x))", "{|GW1001:Math.Pow(outputs[k].Value - wanted[k], 2)|}") } },
        { "a sigmoid raising e written out inline (2.718)", new[] { EulerByHand(
            "", "1 / (1 + Math.Pow(2.718, -x))", "{|GW1001:(wanted[k] - outputs[k].Value) * (wanted[k] - outputs[k].Value)|}") } },
        { "a logistic in base 2 (1 / (1 + 2^-x), a sigmoid of x·ln 2)", new[] { EulerByHand(
            "private const double Two = 2;", "1 / (1 + Math.Pow(Two, -x))", "{|GW1001:Math.Pow(wanted[k] - outputs[k].Value, 2)|}") } },
        { "an output property that hands back a value set from outside (input cells) when its sentinel says so, else computes the sigmoid", new[] { OverriddenOutput(
            "private double given = double.MinValue;", "given != double.MinValue", "given", "1 / (1 + Math.Exp(-(sum + bias)))", "{|GW1001:Math.Pow(miss, 2)|}") } },
        { "an output property that hands back a nullable value set from outside when it has one, else computes the sigmoid", new[] { OverriddenOutput(
            "private double? given;", "given.HasValue", "given.Value", "1.0 / (1.0 + Math.Exp(-sum - bias))", "{|GW1001:miss * miss|}") } },
        { "an output property that hands back a value set from outside unless it is NaN, else computes the sigmoid", new[] { OverriddenOutput(
            "private double given = double.NaN;", "!double.IsNaN(given)", "given", "1 / (1 + Math.Exp(-(sum + bias)))", "0.5 * {|GW1001:Math.Pow(miss, 2)|}") } },
        { "one derivative helper told which activation by the layer's kind field, every layer made with Kind.Sigmoid", new[] { KindPerLayer(
            "private readonly Kind kind;", "Kind kind", "this.kind = kind;", "kind", "new Layer(8, Kind.Sigmoid), new Layer(1, Kind.Sigmoid)", "{|GW1001:(t[i] - Out[i]) * Act.Slope(Out[i], kind)|}") } },
        { "the layer's kind in a get-only property left to the constructor's default (Kind.Sigmoid) by every layer", new[] { KindPerLayer(
            "public Kind Activation { get; }", "Kind activation = Kind.Sigmoid", "Activation = activation;", "Activation", "new Layer(8), new Layer(1)", "{|GW1001:Act.Slope(Out[i], Activation) * (t[i] - Out[i])|}") } },
        { "Unity: a MonoBehaviour brain whose output layer squashes with Mathf.Exp, its fitness the squared error by Mathf.Pow", new[] { UnityStub, """
            using UnityEngine;
            public class Brain : MonoBehaviour
            {
                private readonly float[] hidden = new float[8];
                private readonly float[] output = new float[2];
                private readonly float[,] w1 = new float[4, 8];
                private readonly float[,] w2 = new float[8, 2];
                public float[] Think(float[] senses)
                {
                    for (int j = 0; j < 8; j++)
                    {
                        float s = 0;
                        for (int i = 0; i < senses.Length; i++) s += senses[i] * w1[i, j];
                        hidden[j] = Mathf.Max(0, s);
                    }

                    for (int k = 0; k < 2; k++)
                    {
                        float s = 0;
                        for (int j = 0; j < 8; j++) s += hidden[j] * w2[j, k];
                        output[k] = /*σ*/1f / (1f + Mathf.Exp(-s));
                    }

                    return output;
                }
                public float Fitness(float[] senses, float[] wanted)
                {
                    var o = Think(senses);
                    float cost = 0;
                    for (int k = 0; k < o.Length; k++) cost += {|GW1001:Mathf.Pow(wanted[k] - o[k], 2)|};
                    return cost;
                }
            }
            """ } },
        { "Unity: a static squashing helper written with Mathf.Exp, the error of one agent squared by hand", new[] { UnityStub, """
            using UnityEngine;
            public static class Neural
            {
                public static float Squash(float x) => 1 / (1 + Mathf.Exp(-x));
            }
            public class Agent : MonoBehaviour
            {
                public float weight;
                public float bias;
                public float Loss(float x, float target)
                {
                    var p = /*σ*/Neural.Squash(weight * x + bias);
                    var e = p - target;
                    return {|GW1001:e * e|};
                }
            }
            """ } },
        { "layers stored in a loop, the kind chosen by the index (i == layers.Length - 1 ? Sigmoid : TanH)", new[] { LayersByIndex("Mse, CrossEntropy",
            "for (int i = 0; i < layers.Length; i++) layers[i] = new Layer(4, i == layers.Length - 1 ? /*σ*/ActivationKind.Sigmoid : ActivationKind.TanH);",
            "{|GW1001:new Net(layers, CostFunction.Mse)|}") } },
        { "layers stored in a loop, the kind chosen by the next index (i + 1 < layers.Length ? ReLU : Sigmoid)", new[] { LayersByIndex("Mse, CrossEntropy",
            "for (var i = 0; i < layers.Length; ++i) { layers[i] = new Layer(4, i + 1 < layers.Length ? ActivationKind.ReLU : /*σ*/ActivationKind.Sigmoid); }",
            "{|GW1001:new Net(layers, CostFunction.Mse)|}") } },
        { "layers added to a list in a loop, the last one made sigmoid by the index test", new[] { LayersAddedInLoop("i == sizes.Length - 1 ? /*σ*/Act.Sigmoid : Act.Relu", "{|GW1001:new Net(layers, Loss.MSE)|}") } },
        { "layers stored by constant index into an array of three, the sigmoid at index 2, with an Mse cost member", new[] { LayersByIndex("Mse, CrossEntropy",
            "layers[0] = new Layer(2, ActivationKind.TanH); layers[1] = new Layer(4, ActivationKind.TanH); layers[2] = new Layer(1, /*σ*/ActivationKind.Sigmoid);",
            "{|GW1001:new Net(layers, CostFunction.Mse)|}") } },
        { "layers stored by constant index out of order, the sigmoid at the last index written first, a MEAN_SQUARE_ERROR member", new[] { LayersByIndex("MEAN_SQUARE_ERROR, CROSS_ENTROPY",
            "layers[2] = new Layer(1, /*σ*/ActivationKind.Sigmoid); layers[0] = new Layer(2, ActivationKind.ReLU); layers[1] = new Layer(4, ActivationKind.ReLU);",
            "{|GW1001:new Net(layers, CostFunction.MEAN_SQUARE_ERROR)|}") } },
        { "layers built and returned by a method of their own, handed to the network with a squared-error loss", new[] { LayersBuiltElsewhere(
            "Activation.Relu", "/*σ*/Activation.Sigmoid", "{|GW1001:new Model(Layers(16), LossType.MSE)|}") } },
        { "layers kept in a field filled in the constructor, handed to the network in another method", new[] { LayersBuiltElsewhere(
            "Activation.Tanh", "/*σ*/Activation.Sigmoid", "{|GW1001:new Model(layers, LossType.MSE)|}") } },
        { "layers behind ILayer added to a list, a sigmoid layer last, the loss on the last layer's outputs read through the interface", new[] { InterfaceLayers(
            "layers.Add(new DenseLayer(inputs, hidden)); layers.Add(new DenseLayer(hidden, outputs)); layers.Add(new SigmoidLayer(outputs));",
            "var p = layers[^1].Outputs;", "{|GW1001:(p[k] - y[k]) * (p[k] - y[k])|}") } },
        { "layers behind ILayer added through an AddLayer method of the network, a sigmoid layer added last", new[] { InterfaceLayers(
            "AddLayer(new DenseLayer(inputs, hidden)); AddLayer(new SigmoidLayer(hidden));",
            "var p = layers[^1].Outputs;", "{|GW1001:(p[k] - y[k]) * (p[k] - y[k])|}").Replace("// __MEMBERS__", "public void AddLayer(ILayer layer) => layers.Add(layer);") } },
        { "layers behind ILayer in a collection initializer, a sigmoid layer last, read by Last() through a property", new[] { InterfaceLayers(
            "layers = new List<ILayer> { new DenseLayer(inputs, hidden), new SigmoidLayer(hidden) };",
            "var p = OutputLayer.Outputs;", "{|GW1001:Math.Pow(p[k] - y[k], 2)|}").Replace("private List<ILayer> layers = new();", "private List<ILayer> layers;").Replace("// __MEMBERS__", "public ILayer OutputLayer => layers.Last();") } },
        { "nodes behind INode in a list, each made logistic, the delta per node in a foreach", new[] { NodeList("LogisticNode", "{|GW1001:node.Slope(node.Output) * (targets[k] - node.Output)|}") } },
        { "an abstract unit whose output is an abstract property, the unit in a field made as a sigmoid unit", new[] { AbstractUnits("SigmoidUnit", "{|GW1001:0.5 * (unit.Output - target) * (unit.Output - target)|}") } },
        { "modules in a list run by foreach (a = module.Forward(a)), a sigmoid module added last, half the squared error of a stored gradient", new[] { ModularLayers(
            ModularFill + "public double[] Predict(double[] x) { var a = x; foreach (var module in modules) a = module.Forward(a); return a; }",
            PerOutput("g[i] = p[i] - t[i]; loss += {|GW1001:0.5 * g[i] * g[i]|};")) } },
        { "modules in a list run by index in a for loop, a sigmoid module added last, the squared error written out", new[] { ModularLayers(
            ModularFill + "public double[] Predict(double[] x) { double[] a = x; for (int k = 0; k < modules.Count; k++) { a = modules[k].Forward(a); } return a; }",
            PerOutput("g[i] = p[i] - t[i]; loss += {|GW1001:(p[i] - t[i]) * (p[i] - t[i])|};")) } },
        { "modules in a list, the input parameter itself carried through them (x = module.Forward(x))", new[] { ModularLayers(
            ModularFill + "public double[] Predict(double[] x) { foreach (IModule module in modules) x = module.Forward(x); return x; }",
            PerOutput("g[i] = 2 * (p[i] - t[i]); loss += {|GW1001:Math.Pow(p[i] - t[i], 2)|};")) } },
        { "modules run by Forward then read back through a property (module.Forward(a); a = module.Last;)", new[] { ModularLayers(
            ModularFill + "public double[] Predict(double[] x) { var a = x; foreach (var module in modules) { module.Forward(a); a = module.Last; } return a; }",
            PerOutput("var e = t[i] - p[i]; g[i] = -e; loss += {|GW1001:e * e|};")) } },
        { "modules in an array field from an initializer, run by index up to its Length, a sigmoid module last", new[] { ModularLayers(
            "private readonly IModule[] stack = { new Linear(2, 4), new TanhModule(), new Linear(4, 1), new SigmoidModule() };"
            + "public double[] Predict(double[] x) { var a = x; for (var k = 0; k < stack.Length; k++) a = stack[k].Forward(a); return a; }",
            PerOutput("g[i] = p[i] - t[i]; loss += {|GW1001:0.5 * g[i] * g[i]|};")) } },
        { "modules folded with Aggregate (modules.Aggregate(x, (a, m) => m.Forward(a))), a sigmoid module last", new[] { ModularLayers(
            ModularFill + "public double[] Predict(double[] x) => modules.Aggregate(x, (a, m) => m.Forward(a));",
            PerOutput("var d = p[i] - t[i]; g[i] = d; loss += {|GW1001:d * d|} / p.Length;")) } },
        { "modules run by foreach, a sigmoid module last, the loss an ILoss object the model is made with (new MseLoss())", new[] { ModularLayers(
            "private readonly ILoss objective; public Model(ILoss objective) { this.objective = objective; modules.Add(new Linear(2, 4)); modules.Add(new TanhModule()); modules.Add(new Linear(4, 1)); modules.Add(new SigmoidModule()); }"
            + "public double[] Predict(double[] x) { var a = x; foreach (var module in modules) a = module.Forward(a); return a; }"
            + "public static Model Make() => new Model(new MseLoss());",
            "var g = objective.Gradient(p, t); double loss = {|GW1001:objective.Value(p, t)|};") } },
        { "modules run by foreach, a sigmoid module last, the loss made by a factory switching on a setting left at MeanSquared", new[] { ModularLayers(
            "private readonly LossChoice choice = LossChoice.MeanSquared; private readonly ILoss objective;"
            + "public Model() { objective = choice.Create(); modules.Add(new Linear(2, 4)); modules.Add(new TanhModule()); modules.Add(new Linear(4, 1)); modules.Add(new SigmoidModule()); }"
            + "public double[] Predict(double[] x) { var a = x; foreach (var module in modules) a = module.Forward(a); return a; }",
            "var g = objective.Gradient(p, t); double loss = {|GW1001:objective.Value(p, t)|};") } },
        { "layers inheriting Forward from a base layer given delegates by base(...), a sigmoid layer last in an initializer, the delta through top.Derivative(k)", new[] { InheritedLayers(
            SigmoidKind + LinearKind, "public Network() { layers = new List<Layer> { new LinearLayer(2, 3), new SigmoidLayer(3, 1) }; }",
            "var delta = {|GW1001:(t[k] - p[k]) * top.Derivative(k)|}; for (int i = 0; i < top.Inputs.Length; i++) top.Weights[k, i] += rate * delta * top.Inputs[i];").Replace("private readonly List<Layer> layers = new List<Layer>();", "private readonly List<Layer> layers;") } },
        { "layers inheriting Forward from a base layer given delegates by base(...), added by an AddLayer of the network's, a sigmoid layer added last", new[] { InheritedLayers(
            SigmoidKind + TanhKind, "public void AddLayer(Layer layer) => layers.Add(layer); public static Network Xor() { var n = new Network(); n.AddLayer(new TanhLayer(2, 3)); n.AddLayer(new SigmoidLayer(3, 1)); return n; }",
            "loss += {|GW1001:0.5 * (p[k] - t[k]) * (p[k] - t[k])|};") } },
        { "layers inheriting Forward from a base layer, the outputs read off the last layer (layers[^1].Outputs) after Run, a sigmoid layer last", new[] { InheritedLayers(
            LinearKind + SigmoidKind, "public Network() { layers.Add(new LinearLayer(2, 3)); layers.Add(new SigmoidLayer(3, 1)); }",
            "loss += {|GW1001:(p[k] - t[k]) * (p[k] - t[k])|};").Replace("var p = Run(x);", "Run(x); var p = layers[^1].Outputs;") } },
        { "layers with primary constructors passing their delegates to the base layer (: Layer(n, m, Sigmoid, SigmoidPrime)), a sigmoid layer last", new[] { InheritedLayers(
            PrimaryKinds, "public Network() { layers.Add(new LinearLayer(2, 3)); layers.Add(new SigmoidLayer(3, 1)); }",
            "var delta = {|GW1001:(t[k] - p[k]) * top.Derivative(k)|}; top.Weights[k, 0] += rate * delta;") } },
        { "two layers held in fields and run by a call on each (output.Forward(hidden.Forward(x))), the output layer a sigmoid", new[] { FieldLayers(
            SigmoidKind + LinearKind, "new LinearLayer(2, 3)", "new SigmoidLayer(3, 1)", "loss += {|GW1001:(p[k] - t[k]) * (p[k] - t[k])|};") } },
        { "a sigmoid layer whose constructor passes its delegates on through this(...) to base(...), last in the network", new[] { InheritedLayers(
            LinearKind + """
            public class SquashedLayer : Layer
            {
                private static double Squash(double x) => /*σ*/1.0 / (1 + Math.Exp(-x));
                private static double Prime(double x, double y) => y * (1 - y);
                public SquashedLayer(int inputs, int size) : this(inputs, size, Squash) { }
                private SquashedLayer(int inputs, int size, Func<double, double> f) : base(inputs, size, f, Prime) { }
            }
            """, "public Network() { layers.Add(new LinearLayer(2, 3)); layers.Add(new SquashedLayer(3, 2)); }",
            "var e = t[k] - p[k]; var delta = {|GW1001:e * top.Derivative(k)|}; top.Weights[k, 0] += rate * delta;") } },
        { "layers inheriting Forward from an abstract layer given an activation object by base(...), built by a fluent AddLayer, a sigmoid layer last", new[] { InheritedActivationObjects(
            "new Mlp().AddLayer(new LinearDense(2, 4)).AddLayer(new SigmoidDense(4, 1))",
            "var g = {|GW1001:(p[k] - y[k]) * top.Slope(k)|}; loss += {|GW1001:0.5 * (p[k] - y[k]) * (p[k] - y[k])|}; top.W[k, 0] -= 0.1 * g;") } },
        { "a delta multiplied in place: double err = t[j] - o[j]; err *= o[j] * (1 - o[j]);", new[] { InPlaceSteps(
            "double err = t[j] - o[j]; {|GW1001:err *= o[j] * (1 - o[j])|}; d[j] = -err;") } },
        { "an array of deltas filled with the error, then multiplied in place by the output's slope (d[j] *= o[j] * (1 - o[j]))", new[] { InPlaceSteps(
            "d[j] = o[j] - t[j]; {|GW1001:d[j] *= o[j] * (1 - o[j])|};") } },
        { "every layer's output kept as rows (outs[i + 1] = layers[i].Forward(outs[i])), the last row read: a sigmoid layer last", new[] { LayerRows(
            "ILayer[]", "layers = new ILayer[] { new Dense(w1, Act.Identity), new Dense(w2, Act.Logistic) };",
            "var outs = Outputs(x); var p = outs[outs.Length - 1];", "{|GW1001:(p[k] - y[k]) * (p[k] - y[k])|}") } },
        { "layer outputs kept as rows in the same method (outs[^1] after the loop), layers in a list, a sigmoid layer last", new[] { LayerRows(
            "List<ILayer>", "layers = new List<ILayer>(); layers.Add(new Dense(w1, Act.Identity)); layers.Add(new Dense(w2, Act.Logistic));",
            "var outs = new double[layers.Count + 1][]; outs[0] = x; for (int i = 0; i < layers.Count; i++) outs[i + 1] = layers[i].Forward(outs[i]); var p = outs[^1];",
            "{|GW1001:Math.Pow(p[k] - y[k], 2)|}") } },
        { "layer outputs kept as rows in a field by a forward pass, the last row read in another method: a sigmoid layer last", new[] { LayerRows(
            "ILayer[]", "layers = new ILayer[] { new Dense(w1, Act.Identity), new Dense(w2, Act.Logistic) }; acts = new double[layers.Length + 1][];",
            "Forward(x); var p = acts[acts.Length - 1];", "{|GW1001:(p[k] - y[k]) * (p[k] - y[k])|}",
            "private readonly double[][] acts; public void Forward(double[] x) { acts[0] = x; for (int i = 0; i < layers.Length; i++) acts[i + 1] = layers[i].Forward(acts[i]); }") } },
        { "layer outputs added to a list of rows by a foreach (acts.Add(layer.Forward(acts[^1]))), the last row read: a sigmoid layer last", new[] { LayerRows(
            "ILayer[]", "layers = new ILayer[] { new Dense(w1, Act.Identity), new Dense(w2, Act.Logistic) };",
            "var acts = new List<double[]> { x }; foreach (var layer in layers) acts.Add(layer.Forward(acts[^1])); var p = acts[^1];",
            "{|GW1001:(p[k] - y[k]) * (p[k] - y[k])|}") } },
        { "layer outputs kept as rows, a row other than the last read: any layer's output (a sigmoid hidden layer's here)", new[] { LayerRows(
            "ILayer[]", "layers = new ILayer[] { new Dense(w1, Act.Logistic), new Dense(w2, Act.Identity) };",
            "var outs = Outputs(x); var p = outs[1];", "{|GW1001:(p[k] - y[k]) * (p[k] - y[k])|}") } },
        { "layers listed by an initializer beside an Add the program calls with a sigmoid layer: the added layer is last", new[] { ListedLayers(
            "internal", "new SigmoidLayer(), new LinearLayer()", "net.Add(new SigmoidLayer()); Console.WriteLine(net.Loss(x, y));",
            "{|GW1001:(p[k] - y[k]) * (p[k] - y[k])|}") } },
        { "layers listed by an initializer beside an Add nothing calls, in an internal network: a sigmoid layer last", new[] { ListedLayers(
            "internal", "new LinearLayer(), new SigmoidLayer()", "Console.WriteLine(net.Loss(x, y));",
            "{|GW1001:(p[k] - y[k]) * (p[k] - y[k])|}") } },
        { "an error subtracted in place (double e = o[j]; e -= t[j];) times the output's slope", new[] { InPlaceSteps(
            "double e = o[j]; e -= t[j]; d[j] = {|GW1001:e * o[j] * (1 - o[j])|};") } },
        { "an error subtracted in place from the target (double e = t[j]; e -= o[j];), squared as the loss", new[] { InPlaceSteps(
            "double e = t[j]; e -= o[j]; double loss = {|GW1001:e * e|}; d[j] = o[j] - t[j] + 0 * loss;") } },
        { "one layer class with a settable activation delegate, each layer's set by an object initializer, the last one logistic", new[] { InitializedLayers(
            "Act.Logistic", "{|GW1001:(x[k] - y[k]) * (x[k] - y[k])|}") } },
        { "one layer class with a settable activation delegate, each layer's set after it is made, the last one logistic", new[] { LayersSetAfter(
            "Act.Logistic", "{|GW1001:(x[k] - y[k]) * (x[k] - y[k])|}") } },
        { "a neuron's CalculateDelta(error) multiplying it by Output * (1 - Output), handed target - Output at the output neuron", new[] { DeltaHelpers(
            "{|GW1001:output.CalculateDelta(target - output.Output)|}; hidden.CalculateDelta(output.Delta * output.Weights[0]);") } },
        { "a static Delta(o, e) => e * o * (1 - o) given the error of the output neuron", new[] { DeltaHelpers(
            "var o = output.Output; double d = {|GW1001:Backprop.Delta(o, target - o)|}; output.Weights[0] += 0.1 * d * hidden.Output;") } },
        { "an update helper folding error * output * (1 - output) into the weight step, given the error of the output", new[] { DeltaHelpers(
            "var error = target - output.Output; {|GW1001:Backprop.Update(output.Weights, new[] { hidden.Output, 1.0 }, output.Output, error, 0.1)|};") } },
        { "an array helper of output deltas, given the targets less the squashed outputs by a Subtract helper", new[] { DeltaHelpers(
            "var a = Backprop.Squash(zs); var deltas = {|GW1001:Backprop.OutputDeltas(a, Backprop.Subtract(targets, a))|};") } },
        { "an array helper of output deltas, given an error array filled with targets[i] - a[i] in a loop", new[] { DeltaHelpers(
            "var a = Backprop.Squash(zs); var errors = new double[a.Length]; for (int i = 0; i < a.Length; i++) errors[i] = targets[i] - a[i]; var deltas = {|GW1001:Backprop.OutputDeltas(a, errors)|};") } },
        { "sum and activation stored into fields by one deconstruction of a tuple literal", new[] { DeconstructingNeuron(
            "Sum, Output", "(z, /*σ*/1.0 / (1.0 + Math.Exp(-z)))", "{|GW1001:Math.Pow(Output - target, 2)|}") } },
        { "a layer's activations deconstructed into properties from what a helper returns, through another object", new[] { """
            using System;
            public class Layer
            {
                public double[] Z { get; private set; } = Array.Empty<double>();
                public double[] A { get; private set; } = Array.Empty<double>();
                static double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));
                static (double[] Linear, double[] Activated) Activate(double[] z)
                {
                    var a = new double[z.Length];
                    for (int i = 0; i < z.Length; i++) a[i] = /*σ*/Sigmoid(z[i]);
                    return (z, a);
                }

                public void Forward(double[] z) => (Z, A) = Activate(z);
            }

            public class Trainer
            {
                public double Loss(Layer output, double[] y)
                {
                    double sum = 0;
                    for (int k = 0; k < y.Length; k++) sum += {|GW1001:(output.A[k] - y[k]) * (output.A[k] - y[k])|};
                    return sum;
                }
            }
            """ } },
        { "a forward pass's tuple kept whole in a property, its named element read by the loss", new[] { """
            using System;
            public class Perceptron
            {
                public double W, B;
                public (double Logit, double Probability) Last { get; private set; }
                public void Forward(double x)
                {
                    var z = W * x + B;
                    Last = (z, /*σ*/1 / (1 + Math.Exp(-z)));
                }

                public double Loss(double y) => {|GW1001:(Last.Probability - y) * (Last.Probability - y)|};
            }
            """ } },
        { "each step's sum and activation kept as a tuple in a list, the last one's named element read by the loss", new[] { """
            using System;
            using System.Collections.Generic;
            public class Unit
            {
                public double W;
                private readonly List<(double Z, double A)> trace = new();
                public double Step(double x)
                {
                    var z = W * x;
                    var a = /*σ*/1 / (1 + Math.Exp(-z));
                    trace.Add((z, a));
                    return a;
                }

                public double Loss(double y)
                {
                    var last = trace[trace.Count - 1].A;
                    return {|GW1001:(last - y) * (last - y)|};
                }
            }
            """ } },
        { "a history of (sum, activation) tuples walked by a foreach that deconstructs them", new[] { """
            using System;
            using System.Collections.Generic;
            public class Recorder
            {
                public List<(double Sum, double Activation)> History { get; } = new();
                public void Record(double z) => History.Add((z, /*σ*/1 / (1 + Math.Exp(-z))));
                public double Cost(IReadOnlyList<double> targets)
                {
                    double cost = 0;
                    var k = 0;
                    foreach (var (_, activation) in History) { cost += {|GW1001:(activation - targets[k]) * (activation - targets[k])|}; k++; }
                    return cost;
                }
            }
            """ } },
        { "a forward pass carrying each layer's new activations out of the loop in a local (a = next)", new[] { CarriedForward(
            "/*σ*/1.0 / (1.0 + Math.Exp(-z))", "a = next;", "{|GW1001:(p[k] - y[k]) * (p[k] - y[k])|}") } },
        { "a forward pass carrying each layer's neuron outputs out of the loop, gathered by a LINQ Select", new[] { CarriedForward(
            "/*σ*/1.0 / (1.0 + Math.Exp(-z))", "foreach (var n in layer.Neurons) n.Output = next[n.Index]; a = layer.Neurons.Select(n => n.Output).ToArray();",
            "{|GW1001:(p[k] - y[k]) * (p[k] - y[k])|}") } },
        { "layers built from params (size, activation) tuples a foreach deconstructs, the delta in an error-function object", new[] { ShapedNetwork(
            "foreach (var (size, activation) in shape) layers.Add(new Layer(size, activation));", "(2, new Logistic()), (1, new Logistic())") } },
        { "layers read by name from params (size, activation) tuples in a foreach", new[] { ShapedNetwork(
            "foreach (var layer in shape) layers.Add(new Layer(layer.Size, layer.Activation));", "(3, new Logistic()), (1, new Logistic())") } },
        { "layers built from an array of (size, activation) tuples handed to the params parameter whole", new[] { ShapedNetwork(
            "foreach (var (size, activation) in shape) layers.Add(new Layer(size, activation));", "new (int, IDerivable)[] { (2, new Logistic()), (1, new Logistic()) }") } },
        { "a foreach deconstructing the (sum, activation) list a forward pass of yours fills and returns", new[] { TupleTrace(
            "foreach (var (_, activation) in Run(xs)) { cost += {|GW1001:(activation - targets[k]) * (activation - targets[k])|}; k++; }") } },
        { "sums and activations kept as tuples in an array, read back by position", new[] { """
            using System;
            public class Layer
            {
                public (double, double)[] Steps = new (double, double)[4];
                public void Forward(double[] z)
                {
                    for (int i = 0; i < z.Length; i++) Steps[i] = (z[i], /*σ*/1.0 / (1.0 + Math.Exp(-z[i])));
                }
            }

            public static class Cost
            {
                public static double Of(Layer layer, double[] t)
                {
                    double c = 0;
                    for (int k = 0; k < t.Length; k++) c += {|GW1001:(layer.Steps[k].Item2 - t[k]) * (layer.Steps[k].Item2 - t[k])|};
                    return c;
                }
            }
            """ } },
        { "layer subclasses override an abstract activation, the output layer set through the network's property by another class", new[] { OverridingLayers(
            "public Layer Hidden { get; set; } = null!; public Layer OutputLayer { get; set; } = null!;",
            "public double Loss(double[] t) { double c = 0; for (int k = 0; k < 2; k++) c += {|GW1001:(OutputLayer.Outputs[k] - t[k]) * (OutputLayer.Outputs[k] - t[k])|}; return c; }"
            + "public double HiddenSpread(double[] t) { double c = 0; for (int k = 0; k < 2; k++) c += (Hidden.Outputs[k] - t[k]) * (Hidden.Outputs[k] - t[k]); return c; }",
            "net.Hidden = new ReluLayer(); net.OutputLayer = new SigmoidLayer();") } },
        { "a virtual activation with a body overridden by the sigmoid layer, last in the network's list", new[] { """
            using System;
            using System.Collections.Generic;
            public class Layer
            {
                public double[] Outputs = new double[2];
                protected virtual double Activate(double z) => z;
                public void Forward(double[] z) { for (int i = 0; i < 2; i++) Outputs[i] = Activate(z[i]); }
            }

            public sealed class SigmoidLayer : Layer
            {
                protected override double Activate(double z) => /*σ*/1 / (1 + Math.Exp(-z));
            }

            public sealed class Network
            {
                private readonly List<Layer> layers = new() { new Layer(), new SigmoidLayer() };
                public double Loss(double[] t) { double c = 0; for (int k = 0; k < 2; k++) c += {|GW1001:(layers[^1].Outputs[k] - t[k]) * (layers[^1].Outputs[k] - t[k])|}; return c; }
                public double First(double[] t) { double c = 0; for (int k = 0; k < 2; k++) c += (layers[0].Outputs[k] - t[k]) * (layers[0].Outputs[k] - t[k]); return c; }
                public double AnyLayer(double[] t, int i) { double c = 0; for (int k = 0; k < 2; k++) c += (layers[i].Outputs[k] - t[k]) * (layers[i].Outputs[k] - t[k]); return c; }
            }
            """ } },
        { "outputs stored element by element through a nested deconstruction", new[] { """
            using System;
            public class Net
            {
                public double[] Sums = new double[2], Outputs = new double[2];
                public void Forward(double[] z)
                {
                    for (int j = 0; j < z.Length; j++)
                    {
                        (Sums[j], (Outputs[j], _)) = (z[j], (/*σ*/1.0 / (1.0 + Math.Exp(-z[j])), j));
                    }
                }

                public double Loss(int j, double t) => {|GW1001:(Outputs[j] - t) * (Outputs[j] - t)|};
            }
            """ } },
        { "the error a method of the output neuron returns (target - Value), squared from a local, input neurons writing Value too", new[] { ErrorMethodNeurons(
            "public double CalculateError(double target) => target - Value;",
            "/*σ*/Logistic.Output(sum + Bias)",
            "var e = OutputLayer[k].CalculateError(targets[k]); sum += {|GW1001:e * e|};") } },
        { "the error a property of the unit gives (Target - Output), squared in another class", new[] { """
            using System;
            public class Unit
            {
                public double Target { get; set; }
                public double Output { get; private set; }
                public double Error => Target - Output;
                public void Fire(double z) => Output = /*σ*/1 / (1 + Math.Exp(-z));
            }

            public static class Cost
            {
                public static double Of(Unit[] units)
                {
                    double c = 0;
                    foreach (var u in units) { var e = u.Error; c += {|GW1001:0.5 * e * e|}; }
                    return c;
                }
            }
            """ } },
        { "a squaring helper of yours (0.5 * Math.Pow(v, 2)) given the difference, outputs mapped by List.ConvertAll", new[] { ConvertedOutputs(
            "var p = z.ConvertAll(v => /*σ*/1 / (1 + Math.Exp(-v)));",
            "s += {|GW1001:Sq(p[i] - t[i])|};") } },
        { "a squaring helper of yours (v * v) given the difference, outputs mapped by Array.ConvertAll with a sigmoid method", new[] { ConvertedOutputs(
            "var p = Array.ConvertAll(z.ToArray(), Sigmoid);",
            "s += {|GW1001:Square(t[i] - p[i])|};",
            sigmoidHelperReported: true) } },
        { "MathNet matrices: σ' mapped over a copy of the outputs by a delegate of the network's activation object, times the error", new[] { MathNetStub, ActivationObjectToy(
            "Activations.Logistic", "{|GW1001:outputs.Clone().Map(act.Slope).PointwiseMultiply(errors)|}") } },
        { "MathNet matrices: σ' mapped over the outputs by a lambda, times the error, the outputs mapped by the activation object's delegate", new[] { MathNetStub, ActivationObjectToy(
            "Activations.Logistic", "{|GW1001:outputs.Map(y => y * (1 - y)).PointwiseMultiply(errors)|}") } },
        { "the network stores each output neuron's error into its Error property, then the neuron's own method multiplies it by σ' of its output", new[] { NeuronsWithErrorMember(
            "/*σ*/Activation.Sigmoid(s)",
            "OutputLayer[i].Error = expected[i] - OutputLayer[i].Output; {|GW1001:OutputLayer[i].CalculateDelta()|};") } },
        { "a neuron's delta method given the error as an argument, σ' of its output through a helper", new[] { NeuronsWithErrorMember(
            "/*σ*/Activation.Sigmoid(s)",
            "{|GW1001:OutputLayer[i].DeltaFrom(expected[i] - OutputLayer[i].Output)|};") } },
        { "the errors collected in a list by one Add per pass of a loop counting from 0, then multiplied by σ' of the outputs", new[] { ListedErrors(
            "for (int k = 0; k < t.Length; k++) errors.Add(t[k] - o[k]);", "{|GW1001:errors[i] * o[i] * (1 - o[i])|}") } },
        { "a squared error summed by a foreach over a list of errors filled by Add", new[] { CollectedErrors(
            "var errors = new List<double>(); for (int i = 0; i < t.Length; i++) errors.Add(t[i] - Outputs[i]);",
            "double s = 0; foreach (var e in errors) s += {|GW1001:e * e|}; return s;") } },
        { "a squared error summed by LINQ over an array of errors filled by one store", new[] { CollectedErrors(
            "var errors = new double[t.Length]; for (int i = 0; i < t.Length; i++) errors[i] = t[i] - Outputs[i];",
            "return errors.Sum(e => {|GW1001:e * e|});") } },
        { "a squared error summed over a list of errors read back by index", new[] { CollectedErrors(
            "var errors = new List<double>(); for (int i = 0; i < t.Length; i++) errors.Add(Outputs[i] - t[i]);",
            "double s = 0; for (int i = 0; i < errors.Count; i++) s += {|GW1001:Math.Pow(errors[i], 2)|}; return s;") } },
        { "an output neuron's delta: σ' from a method of no arguments that reads its output member, times twice the error", new[] { SlopeMemberNeurons(
            "/*σ*/1 / (1 + Math.Exp(-z))", "activation * (1 - activation)",
            "public override double Backprop(double upstream) { Delta = {|GW1001:DSigmoid() * 2 * (activation - expected)|}; return Delta; }", "") } },
        { "an output neuron's delta: σ' from a getter that reads its output member, times the error", new[] { SlopeMemberNeurons(
            "/*σ*/1 / (1 + Math.Exp(-z))", "activation * (1 - activation)",
            "public override double Backprop(double upstream) { Delta = {|GW1001:Slope * (activation - expected)|}; return Delta; }", "") } },
        { "the network multiplies an output neuron's error by that neuron's σ' method, the output read through a getter", new[] { SlopeMemberNeurons(
            "/*σ*/1 / (1 + Math.Exp(-z))", "activation * (1 - activation)",
            "", "var n = last[i]; n.Delta = {|GW1001:(targets[i] - n.Output) * n.DSigmoid()|};") } },
        { "the network multiplies σ' from the getter of a neuron in the last layer by its error", new[] { SlopeMemberNeurons(
            "/*σ*/1 / (1 + Math.Exp(-z))", "activation * (1 - activation)",
            "", "last[i].Delta = {|GW1001:last[i].Slope * (targets[i] - last[i].Output)|};") } },
        { "a neuron stores σ' of its output into a field when it fires; its delta multiplies the error by that field", new[] { StoredSlopeNeurons(
            "Output = /*σ*/1 / (1 + Math.Exp(-Sum)); Derivative = Output * (1 - Output);",
            "public void Back(double target) { Delta = {|GW1001:(target - Output) * Derivative|}; }") } },
        { "σ' stored at construction into an auto-property, multiplied by the error of each neuron of the output list", new[] { StoredAtConstruction("{|GW1001:(t[i] - Outputs[i].Output) * Outputs[i].Derivative|}") } },
        { "errors made by Zip of the outputs and the targets into an array, read by index in the delta loop", new[] { LinqErrors(
            "/*σ*/Sigmoid(z[i])", "o.Zip(t, (a, b) => b - a).ToArray()",
            "var d = new double[errors.Length]; for (int i = 0; i < d.Length; i++) d[i] = {|GW1001:errors[i] * o[i] * (1 - o[i])|}; return d;") } },
        { "errors made by Select with the element's index, read by index in the delta loop", new[] { LinqErrors(
            "/*σ*/Sigmoid(z[i])", "t.Select((ti, k) => ti - o[k]).ToArray()",
            "var d = new double[errors.Length]; for (int i = 0; i < d.Length; i++) d[i] = {|GW1001:errors[i] * o[i] * (1 - o[i])|}; return d;") } },
        { "errors made by Zip, the deltas by a second Zip of the errors with the outputs", new[] { LinqErrors(
            "/*σ*/Sigmoid(z[i])", "t.Zip(o, (a, b) => a - b).ToArray()",
            "return errors.Zip(o, (e, y) => {|GW1001:e * y * (1 - y)|}).ToArray();") } },
        { "errors made by Zip into a list, read by index in the delta loop", new[] { LinqErrors(
            "/*σ*/Sigmoid(z[i])", "o.Zip(t, (a, b) => b - a).ToList()",
            "var d = new double[errors.Count]; for (int i = 0; i < d.Length; i++) d[i] = {|GW1001:errors[i] * o[i] * (1 - o[i])|}; return d;") } },
        { "errors copied into a new list from a Zip, read by index in the delta loop", new[] { LinqErrors(
            "/*σ*/Sigmoid(z[i])", "new System.Collections.Generic.List<double>(t.Zip(o, (a, b) => a - b))",
            "var d = new double[errors.Count]; for (int i = 0; i < d.Length; i++) d[i] = {|GW1001:errors[i] * o[i] * (1 - o[i])|}; return d;") } },
        { "a layer's activation and slope chosen by a string setting tested in both helpers, every layer made \"sigmoid\"", new[] { SettingLayer(
            "string", "\"sigmoid\"", "\"relu\"", "new Layer(2, \"sigmoid\")", "{|GW1001:(Out[i] - t[i]) * Slope(Out[i])|}") } },
        { "a layer's activation and slope chosen by an enum setting switched on in the slope helper, every layer made Kind.Sigmoid", new[] { SettingLayer(
            "Kind", "Kind.Sigmoid", "Kind.Relu", "new Layer(2, Kind.Sigmoid)", "{|GW1001:Slope(Out[i]) * (t[i] - Out[i])|}") } },
        { "each layer object holds its activation setting; the output layer, a field made Act.Sigmoid, chooses its slope in a switch expression", new[] { PerObjectSetting(
            SettingSlopeBySwitchExpression, FieldLayers("Act.Sigmoid"),
            "var o = outputLayer.Forward(hidden.Forward(x)); for (int i = 0; i < o.Length; i++) d[i] = {|GW1001:(o[i] - t[i]) * outputLayer.Slope(o[i])|};") } },
        { "each layer object holds its activation setting; the output layer, a field made Act.Sigmoid, chooses its slope by ifs on the setting", new[] { PerObjectSetting(
            "public double Slope(double y) { if (Activation == Act.Sigmoid) return y * (1 - y); if (Activation == Act.Tanh) return 1 - y * y; return y > 0 ? 1 : 0; }",
            FieldLayers("Act.Sigmoid"),
            "var o = outputLayer.Forward(hidden.Forward(x)); for (int i = 0; i < o.Length; i++) d[i] = {|GW1001:(o[i] - t[i]) * outputLayer.Slope(o[i])|};") } },
        { "each layer object holds its activation setting; the last of a list of layers, made Act.Sigmoid, gives the error and the slope through locals", new[] { PerObjectSetting(
            SettingSlopeBySwitchStatement, ListLayers("Act.Sigmoid"),
            "foreach (var l in layers) x = l.Forward(x); var last = layers.Last(); for (int i = 0; i < t.Length; i++) { var o = last.Outputs[i]; var err = o - t[i]; d[i] = {|GW1001:err * last.Slope(o)|}; }") } },
        { "the tutorial's layers made in a loop from a per-layer setting array, the last one Act.Sigmoid; the last layer's own back-propagation multiplies its error by the slope its setting chooses", new[] { SettingTutorial(
            SettingsArray("Act.Relu", "Act.Sigmoid"), "layers[layers.Length - 1].BackPropOutput(expected); for (int i = layers.Length - 2; i >= 0; i--) layers[i].BackPropHidden(layers[i + 1]);", "{|GW1001:Error[i] * Slope(Outputs[i])|}") } },
        { "the tutorial's layers, Act.Relu hidden and Act.Sigmoid last; the output step runs on layers[last] with int last = layers.Length - 1", new[] { SettingTutorial(
            SettingsArray("Act.Relu", "Act.Sigmoid"), "int last = layers.Length - 1; layers[last].BackPropOutput(expected); for (int i = last - 1; i >= 0; i--) layers[i].BackPropHidden(layers[i + 1]);", "{|GW1001:Error[i] * Slope(Outputs[i])|}") } },
        { "the tutorial's layers made in a loop, the last one's setting chosen by a ?: on the index; back-propagation calls the output step under if (i == layers.Length - 1)", new[] { SettingTutorial(
            LastByConditional("Act.Relu", "Act.Sigmoid"), "for (int i = layers.Length - 1; i >= 0; i--) { if (i == layers.Length - 1) layers[i].BackPropOutput(expected); else layers[i].BackPropHidden(layers[i + 1]); }", "{|GW1001:Error[i] * Slope(Outputs[i])|}") } },
        { "the tutorial's layers in two fields, the output layer made Act.Sigmoid; its own back-propagation multiplies its error by its slope", new[] { SettingTutorial(
            TwoFields("Act.Relu", "Act.Sigmoid"), "output.BackPropOutput(expected); hidden.BackPropHidden(output);", "{|GW1001:Error[i] * Slope(Outputs[i])|}") } },
        { "the tutorial's layers added to a list in a loop from a per-layer setting array, then copied into an array; the last one is Act.Sigmoid", new[] { SettingTutorial(
            SettingsList("Act.Relu", "Act.Sigmoid"), "layers[layers.Length - 1].BackPropOutput(expected);", "{|GW1001:Error[i] * Slope(Outputs[i])|}") } },
        { "a layer computes its own squared error, called on the last of the tutorial's layers, made Act.Sigmoid by the per-layer setting array", new[] { SettingTutorial(
            SettingsArray("Act.Relu", "Act.Sigmoid"), "layers[layers.Length - 1].BackPropOutput(expected); Console.WriteLine(layers[layers.Length - 1].Loss(expected));", "{|GW1001:Error[i] * Slope(Outputs[i])|}",
            "public double Loss(double[] t) { double sum = 0; for (int i = 0; i < Outputs.Length; i++) sum += {|GW1001:(Outputs[i] - t[i]) * (Outputs[i] - t[i])|}; return sum / Outputs.Length; }") } },
        { "the training step stores each output error into the last layer's own Error array, then calls its back-propagation of no parameter, which multiplies by Outputs[i] * (1 - Outputs[i])", new[] { CallerFilledErrors(
            "var last = layers[layers.Length - 1]; for (int k = 0; k < t.Length; k++) last.Error[k] = last.Outputs[k] - t[k]; {|GW1001:last.BackPropOutput()|};") } },
        { "the network fills the last layer's Error array, then calls its back-propagation of no parameter, which multiplies by the slope the layer's Act.Sigmoid setting picks", new[] { SettingTutorial(
            LastByConditional("Act.Tanh", "Act.Sigmoid"), "for (int i = layers.Length - 1; i >= 0; i--) { if (i == layers.Length - 1) { for (int k = 0; k < expected.Length; k++) layers[i].Error[k] = layers[i].Outputs[k] - expected[k]; {|GW1001:layers[i].BackPropOutput()|}; } else layers[i].BackPropHidden(layers[i + 1]); }",
            "Error[i] * Slope(Outputs[i])", callerFillsErrors: true) } },
        { "the network fills its output field's Error array with target minus output, then calls its back-propagation of no parameter; the output layer is Act.Sigmoid", new[] { SettingTutorial(
            TwoFields("Act.Relu", "Act.Sigmoid"), "for (int k = 0; k < expected.Length; k++) output.Error[k] = expected[k] - output.Outputs[k]; {|GW1001:output.BackPropOutput()|}; hidden.BackPropHidden(output);",
            "Error[i] * Slope(Outputs[i])", callerFillsErrors: true) } },
        { "the last layer, Act.Sigmoid from the per-layer setting array, held in a local whose Error array the network fills before its back-propagation of no parameter", new[] { SettingTutorial(
            SettingsArray("Act.Relu", "Act.Sigmoid"), "var last = layers[layers.Length - 1]; for (int k = 0; k < expected.Length; k++) last.Error[k] = last.Outputs[k] - expected[k]; {|GW1001:last.BackPropOutput()|};",
            "Error[i] * Slope(Outputs[i])", callerFillsErrors: true) } },
        { "neurons handed a Sigmoid activation object; the output layer's filler hands each neuron value minus target through a helper, and the neuron multiplies it by Activation.Derivative(Value)", new[] { InjectedActivators(
            ActivatorLayers("Sigmoid", "Sigmoid"), "{|GW1001:layer.Neurons[i].UpdateGamma(CalculateGamma(layer.Neurons[i].Value, expecteds[i]))|}") } },
        { "neurons handed a Sigmoid activation object; the output layer's filler hands each neuron target minus value, which it multiplies by Activation.Derivative(Value)", new[] { InjectedActivators(
            ActivatorLayers("Sigmoid", "Sigmoid"), "{|GW1001:layer.Neurons[i].UpdateGamma(expecteds[i] - layer.Neurons[i].Value)|}") } },
        { "layers each made with their own activation and derivative delegates, Tanh hidden and Sigmoid output; the output layer multiplies its stored error by the derivative it holds", new[] { OwnActivationLayers(
            "Tanh", "Sigmoid", "{|GW1001:Error[i] * derivative(Outputs[i])|}") } },
        { "layers each made with their own derivative delegate; the network fills the Sigmoid output layer's Error array, then calls its back-propagation of no parameter", new[] { OwnActivationLayers(
            "Tanh", "Sigmoid", "Error[i] * derivative(Outputs[i])", "for (int k = 0; k < t.Length; k++) output.Error[k] = t[k] - output.Outputs[k]; {|GW1001:output.BackPropOutput()|};", callerFills: true) } },
        { "layers each made with their own activation object, Tanh hidden and Sigmoid output; the output layer multiplies its stored error by its object's derivative", new[] { OwnActivationLayers(
            "Tanh", "Sigmoid", "{|GW1001:Error[i] * act.Derivative(Outputs[i])|}", objects: true) } },
        { "the tutorial's hidden layer made by a second constructor that chains Act.Tanh, the output layer given Act.Sigmoid; its own back-propagation multiplies its error by its slope", new[] { SettingTutorial(
            "readonly Layer[] layers = { new Layer(2, 4), new Layer(4, 1, Act.Sigmoid) }; IEnumerable<Layer> Layers() => layers;", "layers[layers.Length - 1].BackPropOutput(expected); layers[0].BackPropHidden(layers[1]);",
            "{|GW1001:Error[i] * Slope(Outputs[i])|}", "public Layer(int inputs, int n) : this(inputs, n, Act.Tanh) { }") } },
        { "layers take their activation from a factory switching on each layer's enum, every entry of the game's settings list SIGMOID; the output layer's own squared error", new[] { FactoryDelegateLayers(
            "ActivationType.SIGMOID", "{|GW1001:(Outputs[i] - t[i]) * (Outputs[i] - t[i])|}") } },
        { "an output layer takes the derivatives of all its outputs at once by an array overload mapping SigmoidDerivative with Select, then multiplies its error by each", new[] { MappedDerivatives(
            "var derivatives = Functions.SigmoidDerivative(Outputs);", "{|GW1001:Error[i] * derivatives[i]|}") } },
        { "neurons keep an Error the network stores as target minus output for the last layer's, and a delta over every layer from the last down multiplies it by σ' of the output", new[] { StoredErrorNeurons(
            SigmoidOfSum, "var last = layers[layers.Count - 1]; for (int i = 0; i < last.Length; i++) last[i].Error = t[i] - last[i].Output;",
            "for (int l = layers.Count - 1; l >= 0; l--) { foreach (var n in layers[l]) n.Delta = {|GW1001:n.Error * n.Output * (1 - n.Output)|}; if (l > 0) HiddenErrors(l); }") } },
        { "neurons keep an Error stored for layers.Last()'s; each neuron of every layer from the last down then computes Delta = Error * Output * (1 - Output) itself", new[] { StoredErrorNeurons(
            SigmoidOfSum, "for (int i = 0; i < t.Length; i++) layers.Last()[i].Error = t[i] - layers.Last()[i].Output;",
            "for (int l = layers.Count - 1; l >= 0; l--) { foreach (var n in layers[l]) {|GW1001:n.CalcDelta()|}; if (l > 0) HiddenErrors(l); }") } },
        { "neurons keep an Error filled for layers[^1] in a Parallel.For lambda; a Parallel.ForEach over every layer from the last down multiplies it in place by σ' of the output", new[] { StoredErrorNeurons(
            SigmoidOfSum, "Parallel.For(0, layers[^1].Length, i => { layers[^1][i].Error = t[i] - layers[^1][i].Output; });",
            "for (int l = layers.Count - 1; l >= 0; l--) { Parallel.ForEach(layers[l], n => { {|GW1001:n.Error *= n.Output * (1 - n.Output)|}; n.Delta = n.Error; }); if (l > 0) HiddenErrors(l); }") } },
        { "neurons keep an Error the network fills by a loss-derivative delegate field (target minus output); a delegate derivative multiplies it in place over every layer from the last", new[] { StoredErrorNeurons(
            SigmoidOfSum, "for (int i = 0; i < t.Length; i++) layers[layers.Count - 1][i].Error = lossPrime(layers[layers.Count - 1][i].Output, t[i]);",
            "for (int l = layers.Count - 1; l >= 0; l--) { foreach (var n in layers[l]) {|GW1001:n.Error *= prime(n.Output)|}; for (int j = 0; l > 0 && j < layers[l - 1].Length; j++) layers[l - 1][j].Error = layers[l].Sum(n => n.Weights[j] * n.Error); }") } },
        { "each neuron of layers[^1] stores its own Error = target - Output when the network calls SetError; a delta over every layer from the last down multiplies it by σ'", new[] { StoredErrorNeurons(
            SigmoidOfSum, "for (int i = 0; i < t.Length; i++) layers[^1][i].SetError(t[i]);",
            "for (int l = layers.Count - 1; l >= 0; l--) { foreach (var n in layers[l]) n.Delta = {|GW1001:n.Error * n.Output * (1 - n.Output)|}; if (l > 0) HiddenErrors(l); }") } },
        { "hidden and output layers in fields: the network stores each output neuron's Error as target minus output, then hands each layer to its Deltas(layer) taking σ' times it", new[] { FieldLayerNeurons(
            "for (int i = 0; i < t.Length; i++) output.Neurons[i].Error = t[i] - output.Neurons[i].Output; Deltas(output);", "Deltas(hidden);",
            networkDelta: "n.Delta = {|GW1001:n.Error * n.Output * (1 - n.Output)|};") } },
        { "hidden and output layers in fields: output.SetErrors(t) stores target minus output in its neurons, then each layer's ComputeDeltas() takes σ' times each neuron's Error", new[] { FieldLayerNeurons(
            "output.SetErrors(t); output.ComputeDeltas();", "hidden.ComputeDeltas();",
            layerDelta: "n.Delta = {|GW1001:n.Error * n.Output * (1 - n.Output)|};") } },
        { "a trainer apart stores each output neuron's error as target minus output, then hands each output neuron to a method multiplying it by its activation object's derivative", new[] { SeparateTrainer(
            "SigmoidActivation", "{|GW1001:neuron.error * neuron.activation.UnfilterDerivative(neuron.weightedSum)|}") } },
        { "a trainer apart hands each output neuron and its target to a method multiplying target minus output by the neuron's activation object's derivative, all sigmoid", new[] { SeparateTrainer(
            "SigmoidActivation", "{|GW1001:(target - neuron.outputValue) * neuron.activation.UnfilterDerivative(neuron.weightedSum)|}") } },
        { "neurons whose Error the last layer's pass of one loop stores under if (l == layers.Count - 1); the delta after it, outside that if, multiplies it by σ' of the output", new[] { StoredErrorNeurons(
            SigmoidOfSum, "",
            "for (int l = layers.Count - 1; l >= 0; l--) { for (int j = 0; j < layers[l].Length; j++) { var n = layers[l][j]; if (l == layers.Count - 1) n.Error = t[j] - n.Output; n.Delta = {|GW1001:n.Error * n.Output * (1 - n.Output)|}; } if (l > 0) HiddenErrors(l); }") } },
        { "an output layer maps o * (1 - o) over its outputs with a Select lambda into a local array, then multiplies its error by each element", new[] { MappedDerivatives(
            "var derivatives = Outputs.Select(o => o * (1 - o)).ToArray();", "{|GW1001:Error[i] * derivatives[i]|}") } },
        { "an output layer maps SigmoidDerivative over its outputs with Select, a method group, then multiplies its error by each", new[] { MappedDerivatives(
            "var derivatives = Outputs.Select(Functions.SigmoidDerivative).ToArray();", "{|GW1001:Error[i] * derivatives[i]|}") } },
        { "layer classes side by side under one base that holds the setting: TanH dense layers, a Sigmoid output layer whose Train override multiplies its error by a static helper given its setting", new[] { SiblingLayers(
            "ActivationType.TanH", "ActivationType.Sigmoid", "{|GW1001:rate * Errors[idx] * ActivationFunctions.ActivationDeriv(NeuronValues[idx], ActivationFunction)|}") } },
        { "layer classes side by side under one base: TanH dense layers, a Sigmoid output layer whose Train stores its errors in one Parallel.For body and multiplies them by the slope in another", new[] { SiblingLayers(
            "ActivationType.TanH", "ActivationType.Sigmoid", "{|GW1001:rate * Errors[idx] * ActivationFunctions.ActivationDeriv(NeuronValues[idx], ActivationFunction)|}", parallel: true) } },
        { "layer classes side by side under one base: ReLU dense layers, a Sigmoid output layer whose Train override multiplies its error by the base's Deriv switching on the setting", new[] { SiblingLayers(
            "ActivationType.ReLU", "ActivationType.Sigmoid", "{|GW1001:rate * Errors[idx] * Deriv(NeuronValues[idx])|}") } },
        { "a factory behind an interface, handed to the trainer's constructor, gives the network's IMaths by its setting (Sigmoid); the output error stores Derivative(value) * (target - value)", new[] { FactoryMaths(
            "MathKind.Sigmoid", "[i]", "{|GW1001:maths.Derivative(net.OutputUnits[i].Value) * (targets[i] - net.OutputUnits[i].Value)|}") } },
        { "a factory behind an interface gives the network's IMaths (Sigmoid); the output neurons read with LINQ's ElementAt(i) on each side of the delta", new[] { FactoryMaths(
            "MathKind.Sigmoid", ".ElementAt(i)", "{|GW1001:maths.Derivative(net.OutputUnits.ElementAt(i).Value) * (targets[i] - net.OutputUnits.ElementAt(i).Value)|}") } },
        { "the tutorial's output step of no parameter, reading targets the network stores into the last layer first, held in a local; the last layer of the per-layer setting array is Act.Sigmoid", new[] { SettingTutorial(
            SettingsArray("Act.Relu", "Act.Sigmoid"), "var last = layers[layers.Length - 1]; last.Targets = expected; last.BackPropOutput(); for (int i = layers.Length - 2; i >= 0; i--) layers[i].BackPropHidden(layers[i + 1]);", "{|GW1001:Error[i] * Slope(Outputs[i])|}", targetsInField: true) } },
        { "the tutorial's output step of no parameter called on the output layer's field, made Act.Sigmoid, after the targets are stored into it", new[] { SettingTutorial(
            TwoFields("Act.Tanh", "Act.Sigmoid"), "output.Targets = expected; output.BackPropOutput(); hidden.BackPropHidden(output);", "{|GW1001:Error[i] * Slope(Outputs[i])|}", targetsInField: true) } },
        { "the tutorial's output step of no parameter called under if (i == layers.Length - 1), the last layer's setting Act.Sigmoid by a ?: on the index", new[] { SettingTutorial(
            LastByConditional("Act.Relu", "Act.Sigmoid"), "for (int i = layers.Length - 1; i >= 0; i--) { if (i == layers.Length - 1) { layers[i].Targets = expected; layers[i].BackPropOutput(); } else layers[i].BackPropHidden(layers[i + 1]); }", "{|GW1001:Error[i] * Slope(Outputs[i])|}", targetsInField: true) } },
        { "a layer's squared error of no parameter, over targets stored into it, called on the last of the tutorial's layers, made Act.Sigmoid", new[] { SettingTutorial(
            SettingsArray("Act.Tanh", "Act.Sigmoid"), "var last = layers[layers.Length - 1]; last.Targets = expected; last.BackPropOutput(); Console.WriteLine(last.Loss());", "{|GW1001:Error[i] * Slope(Outputs[i])|}",
            "public double Loss() { double sum = 0; for (int i = 0; i < Outputs.Length; i++) sum += {|GW1001:(Outputs[i] - Targets[i]) * (Outputs[i] - Targets[i])|}; return sum / 2; }", targetsInField: true) } },
        { "layers made in a loop from a per-layer setting array, the last Act.Sigmoid; the network's squared error reads layers[^1]'s outputs", new[] { PerObjectSetting(
            SettingSlopeBySwitchExpression, LoopLayers("Act.Relu", "Act.Sigmoid"),
            "foreach (var l in layers) x = l.Forward(x); for (int i = 0; i < t.Length; i++) d[i] = {|GW1001:(t[i] - layers[^1].Outputs[i]) * (t[i] - layers[^1].Outputs[i])|};") } },
        { "each neuron holds the setting its layer's constructor hands it; the last layer of a list initializer is made Act.Sigmoid, and its neurons' gradient takes their slope", new[] { NeuronsOfLayers(
            "readonly List<Layer> layers = new List<Layer> { new Layer(4, Act.Tanh), new Layer(1, Act.Sigmoid) };", "layers.Last()", "{|GW1001:(target - Output) * Slope(Output)|}") } },
        { "each neuron holds the setting its layer's constructor hands it; layers made in a loop from a per-layer setting array, the last Act.Sigmoid", new[] { NeuronsOfLayers(
            "readonly Layer[] layers; public Net(int[] sizes, Act[] acts) { layers = new Layer[sizes.Length]; for (int i = 0; i < sizes.Length; i++) layers[i] = new Layer(sizes[i], acts[i]); } public static Net Make() => new Net(new[] { 4, 1 }, new[] { Act.Tanh, Act.Sigmoid });",
            "layers[layers.Length - 1]", "{|GW1001:(target - Output) * Slope(Output)|}") } },
        { "each layer object holds its activation setting, passed by a factory to the network's constructor; layers[^1] is made Act.Sigmoid", new[] { PerObjectSetting(
            SettingSlopeBySwitchExpression, ConstructedLayers("Act.Sigmoid"),
            "foreach (var l in layers) x = l.Forward(x); for (int i = 0; i < t.Length; i++) d[i] = {|GW1001:(t[i] - layers[^1].Outputs[i]) * layers[^1].Slope(layers[^1].Outputs[i])|};") } },
        { "an activation object a factory makes from a string that every layer's constructor is given as \"sigmoid\"", new[] { NamedActivationLayer(
            "new Layer(\"sigmoid\")", "{|GW1001:(Out[i] - t[i]) * Act.D(Out[i])|}") } },
        { "layers added in a counting loop, the sigmoid layer by the branch of an if on the last index", new[] { LoopBuiltLayers(
            "if (i == depth - 1) layers.Add(new Squash()); else layers.Add(new Dense());") } },
        { "layers added in a counting loop, the sigmoid layer chosen by a ?: on the last index", new[] { LoopBuiltLayers(
            "layers.Add(i + 1 == depth ? new Squash() : new Dense());") } },
        { "the network stores each output neuron's error into it, then the neuron multiplies that error by the σ' it stored when it fired", new[] { ErrorMemberNeurons(
            SigmoidFire, "public void Blame() { Delta = Error * Derivative; }",
            "Outputs[i].Error = t[i] - Outputs[i].Output; {|GW1001:Outputs[i].Blame()|};") } },
        { "a neuron stores its error into a field, then multiplies it by the σ' it stored when it fired", new[] { ErrorMemberNeurons(
            SigmoidFire, "public void Blame(double target) { Error = target - Output; Delta = {|GW1001:Error * Derivative|}; }",
            "Outputs[i].Blame(t[i]);") } },
        { "a neuron resets its stored σ' to 0, then stores σ' of its output when it fires", new[] { ErrorMemberNeurons(
            "Derivative = 0; " + SigmoidFire, "public void Blame(double target) { Delta = {|GW1001:(target - Output) * Derivative|}; }",
            "Outputs[i].Blame(t[i]);") } },
        { "the derivative of a mean of squares, 2 * (o - target) / n, handed to a step helper that multiplies it by σ'", new[] { FlaggedUnit(
            "return /*σ*/Squash(s);", "2 * (o - target) / W.Length", "{|GW1001:Step(o, error)|}", "new Unit(true)") } },
        { "the error a helper returns as 2 * (p - y), handed to a step helper that multiplies it by σ'", new[] { FlaggedUnit(
            "return /*σ*/Squash(s);", "MseGrad(o, target)", "{|GW1001:Step(o, error)|}", "new Unit(true)") } },
        { "an error divided by the batch size, times σ' written at the output", new[] { FlaggedUnit(
            "return /*σ*/Squash(s);", "(o - target) / W.Length", "{|GW1001:error * o * (1.0 - o)|}", "new Unit(true)") } },
        { "a flag set true at construction turns the unit's sigmoid on; its step helper takes the negated error -(target - o)", new[] { FlaggedUnit(
            "return squashed ? /*σ*/Squash(s) : s;", "-(target - o)", "{|GW1001:Step(o, error)|}", "new Unit(true)") } },
        { "a flag set true by a named argument turns the sigmoid on in an if; the step helper takes o - target", new[] { FlaggedUnit(
            "if (squashed) return /*σ*/Squash(s); return s;", "o - target", "{|GW1001:Step(o, error)|}", "new Unit(squashed: true)") } },
        { "the unit returns its raw sum unless a flag set true is on, then the sigmoid", new[] { FlaggedUnit(
            "if (!squashed) return s; return /*σ*/Squash(s);", "-(target - o)", "{|GW1001:Step(o, error)|}", "new Unit(true)") } },
        { "a network with one output keeps its error in element 0 of an array field, then multiplies it by σ' of output 0", new[] { OneOutputNet("") } },
        { "a network with one output keeps its error in element 0 of an array field, multiplies it by σ' of output 0, and clears it after the update", new[] { OneOutputNet("errors[0] = 0;") } },
        { "two outputs unrolled by hand: the errors in a local array at indices 0 and 1, each delta by its own index", new[] { """
            using System;
            public static class TwoOutputs
            {
                private static double Logistic(double v) => 1 / (1 + Math.Exp(-v));
                public static double[] Deltas(double[] z, double[] t)
                {
                    var o = new double[2];
                    o[0] = /*σ*/Logistic(z[0]);
                    o[1] = Logistic(z[1]);
                    var e = new double[2];
                    e[0] = o[0] - t[0];
                    e[1] = o[1] - t[1];
                    return new[] { {|GW1001:e[0] * o[0] * (1 - o[0])|}, {|GW1001:e[1] * o[1] * (1 - o[1])|} };
                }
            }
            """ } },
        { "a model's prediction calls an activation function that reads its argument through a local; the loss is on a wrapper of the prediction", new[] { """
            using System;
            public class Classifier
            {
                private readonly double[] w = new double[4];
                private static double Logistic(double z) { var e = Math.Exp(-z); return 1 / (1 + e); }
                private double Dot(double[] x) { double s = 0; for (int i = 0; i < w.Length; i++) s += w[i] * x[i]; return s; }
                public double Predict(double[] x) => /*σ*/Logistic(Dot(x));
                public double Output(double[] x) => Predict(x);
                public double Loss(double[][] xs, double[] ys)
                {
                    double total = 0;
                    for (int n = 0; n < ys.Length; n++) { var p = Output(xs[n]); total += {|GW1001:(p - ys[n]) * (p - ys[n])|}; }
                    return total / ys.Length;
                }
            }
            """ } },
        { "a clipped activation function with if-returns, called by a forward pass that stores the output in a field", new[] { """
            using System;
            public class Neuron
            {
                private double[] weights = new double[3];
                public double Output;
                private static double Activate(double x)
                {
                    if (x < -45) return 0;
                    if (x > 45) return 1;
                    return 1 / (1 + Math.Exp(-x));
                }
                public void Fire(double[] inputs)
                {
                    double sum = 0;
                    for (int i = 0; i < inputs.Length; i++) sum += weights[i] * inputs[i];
                    Output = /*σ*/Activate(sum);
                }
                public double Cost(double target) => {|GW1001:Math.Pow(target - Output, 2)|} / 2;
            }
            """ } },
        { "layers named by strings as typed (\"ReLU\", \"Sigmoid\"): the forward helper switches on name.Trim().ToLowerInvariant(), the derivative tests string.Equals(name, \"Sigmoid\", OrdinalIgnoreCase)", new[] { NamedLayerArrays(
            "string", "\"none\", \"ReLU\", \"Sigmoid\"", "switch (name.Trim().ToLowerInvariant()) { case \"sigmoid\": return 1 / (1 + Math.Exp(-z)); case \"relu\": return Math.Max(0, z); default: return z; }",
            "if (string.Equals(name, \"Sigmoid\", StringComparison.OrdinalIgnoreCase)) return y * (1 - y); if (string.Equals(name, \"ReLU\", StringComparison.OrdinalIgnoreCase)) return y > 0 ? 1 : 0; return 1;", true) } },
        { "layers named by strings in the case the helpers test (switch (name), name == \"sigmoid\"), the output layer's delta taking the derivative helper at the last layer's name", new[] { NamedLayerArrays(
            "string", "\"none\", \"relu\", \"sigmoid\"", "switch (name) { case \"sigmoid\": return 1 / (1 + Math.Exp(-z)); case \"relu\": return Math.Max(0, z); default: return z; }",
            "if (name == \"sigmoid\") return y * (1 - y); if (name == \"relu\") return y > 0 ? 1 : 0; return 1;", true) } },
        { "layers configured by an enum per layer, the output layer's delta taking a static derivative helper that switches on the last layer's code", new[] { NamedLayerArrays(
            "Act", "Act.None, Act.Relu, Act.Sigmoid", "switch (name) { case Act.Sigmoid: return 1 / (1 + Math.Exp(-z)); case Act.Relu: return Math.Max(0, z); default: return z; }",
            "switch (name) { case Act.Sigmoid: return y * (1 - y); case Act.Relu: return y > 0 ? 1 : 0; default: return 1; }", true) } },
        { "a layer made new Layer(\"Sigmoid\") whose forward helper tests activation.ToLower() == \"sigmoid\" and whose derivative switches on activation.ToLowerInvariant()", new[] { NamedLayer(
            "\"Sigmoid\"", "if (activation.ToLower() == \"sigmoid\") return 1.0 / (1.0 + Math.Exp(-z)); else if (activation.ToLower() == \"tanh\") return Math.Tanh(z); return Math.Max(0, z);",
            "switch (activation.ToLowerInvariant()) { case \"sigmoid\": return y * (1 - y); case \"tanh\": return 1 - y * y; default: return y > 0 ? 1 : 0; }", true) } },
        { "a layer made new Layer(\"SIGMOID\") whose helpers test activation.Equals(\"sigmoid\", StringComparison.OrdinalIgnoreCase)", new[] { NamedLayer(
            "\"SIGMOID\"", "if (activation.Equals(\"sigmoid\", StringComparison.OrdinalIgnoreCase)) return 1.0 / (1.0 + Math.Exp(-z)); return Math.Tanh(z);",
            "if (activation.Equals(\"sigmoid\", StringComparison.OrdinalIgnoreCase)) return y * (1 - y); return 1 - y * y;", true) } },
        { "a layer made new Layer(\"sigmoid\") whose helpers are switch expressions on activation.ToUpperInvariant() with upper-case arms", new[] { NamedLayer(
            "\"sigmoid\"", "return activation.ToUpperInvariant() switch { \"SIGMOID\" or \"LOGISTIC\" => 1.0 / (1.0 + Math.Exp(-z)), \"TANH\" => Math.Tanh(z), _ => z };",
            "return activation.ToUpperInvariant() switch { \"SIGMOID\" or \"LOGISTIC\" => y * (1 - y), \"TANH\" => 1 - y * y, _ => 1 };", true) } },
        { "layers made with an enum kind their constructor hands a factory (Activation = ActivationFunctions.Get(type)) returning shared objects with Function and Derivative delegates; tanh hidden, sigmoid last", new[] { FactoryDelegatePairs(
            "layers.Add(new Layer(8, 2, ActivationType.Tanh)); layers.Add(new Layer(1, 8, ActivationType.Sigmoid));", FactoryBySwitch, true) } },
        { "layers a loop makes with i == sizes.Length - 1 ? ActivationType.Sigmoid : ActivationType.Tanh, each handing its kind to a factory switch expression over shared delegate pairs", new[] { FactoryDelegatePairs(
            "for (int i = 1; i < sizes.Length; i++) layers.Add(new Layer(sizes[i], sizes[i - 1], i == sizes.Length - 1 ? ActivationType.Sigmoid : ActivationType.Tanh));", FactoryByExpression, true) } },
        { "neurons keep an Error stored for layers[count - 1] with int count = layers.Count; the delta from count - 1 down multiplies it by σ' of the output", new[] { StoredErrorNeurons(
            SigmoidOfSum, "int count = layers.Count; var last = layers[count - 1]; for (int i = 0; i < last.Length; i++) last[i].Error = t[i] - last[i].Output;",
            "for (int l = count - 1; l >= 0; l--) { foreach (var n in layers[l]) n.Delta = {|GW1001:n.Error * n.Output * (1 - n.Output)|}; if (l > 0) HiddenErrors(l); }") } },
        { "neurons keep an Error stored for layers[last] with int last = layers.Count - 1; the delta from last down multiplies it by σ' of the output", new[] { StoredErrorNeurons(
            SigmoidOfSum, "int last = layers.Count - 1; for (int i = 0; i < t.Length; i++) layers[last][i].Error = t[i] - layers[last][i].Output;",
            "for (int l = last; l >= 0; l--) { foreach (var n in layers[l]) n.Delta = {|GW1001:n.Error * n.Output * (1 - n.Output)|}; if (l > 0) HiddenErrors(l); }") } },
        { "neurons keep an Error stored for layers[Depth - 1] with a property int Depth => layers.Count; the delta from Depth - 1 down multiplies it by σ' of the output", new[] { StoredErrorNeurons(
            SigmoidOfSum, "for (int i = 0; i < t.Length; i++) layers[Depth - 1][i].Error = t[i] - layers[Depth - 1][i].Output;",
            "for (int l = Depth - 1; l >= 0; l--) { foreach (var n in layers[l]) n.Delta = {|GW1001:n.Error * n.Output * (1 - n.Output)|}; if (l > 0) HiddenErrors(l); }",
            "int Depth => layers.Count;") } },
        { "neurons keep an Error stored for layers[Last] with a property whose getter returns layers.Count - 1; the delta from Last down multiplies it by σ' of the output", new[] { StoredErrorNeurons(
            SigmoidOfSum, "for (int i = 0; i < t.Length; i++) layers[Last][i].Error = t[i] - layers[Last][i].Output;",
            "for (int l = Last; l >= 0; l--) { foreach (var n in layers[l]) n.Delta = {|GW1001:n.Error * n.Output * (1 - n.Output)|}; if (l > 0) HiddenErrors(l); }",
            "int Last { get { return layers.Count - 1; } }") } },
        { "neurons keep an Error stored for layers[layerCount - 1], a field set to layers.Count; the delta from layerCount - 1 down multiplies it by σ' of the output", new[] { StoredErrorNeurons(
            SigmoidOfSum, "layerCount = layers.Count; for (int i = 0; i < t.Length; i++) layers[layerCount - 1][i].Error = t[i] - layers[layerCount - 1][i].Output;",
            "for (int l = layerCount - 1; l >= 0; l--) { foreach (var n in layers[l]) n.Delta = {|GW1001:n.Error * n.Output * (1 - n.Output)|}; if (l > 0) HiddenErrors(l); }",
            "int layerCount;") } },
        { "neurons keep an Error stored for the last layer's; a while loop from layers.Count - 1 down, stepping l-- last in its body, multiplies it by σ' of the output", new[] { StoredErrorNeurons(
            SigmoidOfSum, "var last = layers[layers.Count - 1]; for (int i = 0; i < last.Length; i++) last[i].Error = t[i] - last[i].Output;",
            "int l = layers.Count - 1; while (l >= 0) { foreach (var n in layers[l]) n.Delta = {|GW1001:n.Error * n.Output * (1 - n.Output)|}; if (l > 0) HiddenErrors(l); l--; }") } },
        { "neurons keep an Error stored for the last layer's; a while loop counting l up while l < layers.Count multiplies each layer's by σ' of the output", new[] { StoredErrorNeurons(
            SigmoidOfSum, "var last = layers[layers.Count - 1]; for (int i = 0; i < last.Length; i++) last[i].Error = t[i] - last[i].Output;",
            "int l = 0; while (l < layers.Count) { foreach (var n in layers[l]) n.Delta = {|GW1001:n.Error * n.Output * (1 - n.Output)|}; l += 1; }") } },
        { "neurons keep an Error stored for the last layer's; a do loop from layers.Count - 1 down, stepping l-- last, multiplies it by σ' of the output", new[] { StoredErrorNeurons(
            SigmoidOfSum, "var last = layers[layers.Count - 1]; for (int i = 0; i < last.Length; i++) last[i].Error = t[i] - last[i].Output;",
            "int l = layers.Count - 1; do { foreach (var n in layers[l]) n.Delta = {|GW1001:n.Error * n.Output * (1 - n.Output)|}; if (l > 0) HiddenErrors(l); l--; } while (l >= 0);") } },
        { "a network whose Backpropagate steps by the output delta (o - t) * o * (1 - o), its squared error in a method of its own", new[] { """
            using System;
            public class NeuralNetwork
            {
                private readonly double[,] w = new double[2, 1];
                private readonly double[] outputs = new double[1], outputDelta = new double[1];
                private static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                public double[] FeedForward(double[] x)
                {
                    for (int k = 0; k < 1; k++) { double s = 0; for (int i = 0; i < 2; i++) s += x[i] * w[i, k]; outputs[k] = /*σ*/Sigmoid(s); }
                    return outputs;
                }
                public void Backpropagate(double[] x, double[] targets, double lr)
                {
                    for (int k = 0; k < 1; k++) outputDelta[k] = {|GW1001:(outputs[k] - targets[k]) * outputs[k] * (1 - outputs[k])|};
                    for (int i = 0; i < 2; i++) for (int k = 0; k < 1; k++) w[i, k] -= lr * outputDelta[k] * x[i];
                }
                public double Error(double[] targets)
                {
                    double e = 0;
                    for (int k = 0; k < 1; k++) e += {|GW1001:0.5 * (targets[k] - outputs[k]) * (targets[k] - outputs[k])|};
                    return e;
                }
            }
            """ } },
        { "a model with a step for each loss, the cross-entropy gradient and the squared error's through σ', its squared error in a method of its own", new[] { """
            using System;
            public class Classifier
            {
                private readonly double[] w = new double[2];
                public double Predict(double[] x) => /*σ*/1 / (1 + Math.Exp(-(w[0] * x[0] + w[1] * x[1])));
                public void StepCrossEntropy(double[] x, double y, double lr)
                {
                    double p = Predict(x);
                    for (int j = 0; j < 2; j++) w[j] -= lr * (p - y) * x[j];
                }
                public void StepSquaredError(double[] x, double y, double lr)
                {
                    double p = Predict(x);
                    for (int j = 0; j < 2; j++) w[j] -= {|GW1001:lr * (p - y) * p * (1 - p) * x[j]|};
                }
                public double SquaredError(double[] x, double y)
                {
                    double e = Predict(x) - y;
                    return {|GW1001:e * e|};
                }
            }
            """ } },
        { "a trainer class stepping a softmax network by oGrads[i] = (1 - o[i]) * o[i] * (t[i] - o[i]) through a local delta, its squared error a stopping test", new[] { SoftmaxTrainer(
            "for (int i = 0; i < oGrads.Length; ++i) { double derivative = (1 - data.outputs[i]) * data.outputs[i]; oGrads[i] = {|GW1002:derivative * (tValues[i] - data.outputs[i])|}; }",
            "{|GW1002:err * err|}", "/*σ*/") } },
        { "a squared error summed into a field through a local in one method and returned by another: a sum of squares is no step", new[] { """
            using System;
            public class Net
            {
                public double[] W = new double[2];
                public double TotalError;
                public double Output(double[] x) => /*σ*/1 / (1 + Math.Exp(-(W[0] * x[0] + W[1] * x[1])));
                public void Accumulate(double[] x, double t)
                {
                    double e = {|GW1001:(t - Output(x)) * (t - Output(x))|};
                    TotalError += e;
                }
                public double Loss(double[] x, double t) => {|GW1001:(Output(x) - t) * (Output(x) - t)|};
            }
            """ } },
        { "the squared error beside a hidden error summed as err[k] * w[j, k], the σ' step in an UpdateWeights of its own", new[] { """
            using System;
            public class Net
            {
                private readonly double[] o = new double[2], err = new double[2], hiddenErr = new double[3], h = new double[3];
                private readonly double[,] w = new double[3, 2];
                private static double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));
                public void Forward(double[] hidden)
                {
                    Array.Copy(hidden, h, 3);
                    for (int k = 0; k < 2; k++) { double s = 0; for (int j = 0; j < 3; j++) s += h[j] * w[j, k]; o[k] = /*σ*/Sigmoid(s); }
                }
                public double Backward(double[] t)
                {
                    double loss = 0;
                    for (int k = 0; k < 2; k++) { err[k] = t[k] - o[k]; loss += {|GW1001:err[k] * err[k]|}; }
                    for (int j = 0; j < 3; j++) for (int k = 0; k < 2; k++) hiddenErr[j] += err[k] * w[j, k];
                    {|GW1001:UpdateWeights(0.1)|};
                    return loss;
                }
                private void UpdateWeights(double lr)
                {
                    for (int j = 0; j < 3; j++) for (int k = 0; k < 2; k++) w[j, k] += {|GW1001:lr * err[k] * o[k] * (1 - o[k]) * h[j]|};
                }
            }
            """ } },
        { "two sigmoid heads: one stepped by its cross-entropy gradient, the other's squared error in a method of its own", new[] { """
            using System;
            public class TwoHeads
            {
                public double[] Wa = new double[2], Wb = new double[2];
                public double A(double[] x) => 1 / (1 + Math.Exp(-(Wa[0] * x[0] + Wa[1] * x[1])));
                public double B(double[] x) => /*σ*/1 / (1 + Math.Exp(-(Wb[0] * x[0] + Wb[1] * x[1])));
                public void TrainA(double[] x, double y, double lr)
                {
                    double err = A(x) - y;
                    for (int i = 0; i < 2; i++) Wa[i] -= lr * err * x[i];
                }
                public double LossB(double[] x, double y) => {|GW1001:(B(x) - y) * (B(x) - y)|};
            }
            """ } },
    };

    /// <summary>Look-alikes: the rule must stay silent.</summary>
    public static TheoryData<string, string[]> SigmoidNegatives() => new()
    {
        { "plain arrays: the cross-entropy output delta a - y, σ' only on a hidden layer's backpropagated error", new[] { ArrayLookAlike(
            "return CostDerivative(activations[activations.Count - 1], y);", "Sigmoid(z)") } },
        { "plain arrays: a tanh output with tanh' = 1 - tanh², squared error", new[] { ArrayLookAlike(
            "return Hadamard(CostDerivative(activations[activations.Count - 1], y), TanhPrime(zs[zs.Count - 1]));", "z.Select(Math.Tanh).ToArray()") } },
        { "plain arrays: every layer a ReLU, a σ' helper beside it (no sigmoid output to find)", new[] { ArrayLookAlike(
            "return Hadamard(CostDerivative(activations[activations.Count - 1], y), SigmoidPrime(zs[zs.Count - 1]));", "z.Select(v => Math.Max(0, v)).ToArray()") } },
        { "plain arrays: σ' times weights, no error", new[] { ArrayLookAlike(
            "return Hadamard(biases[0], SigmoidPrime(zs[zs.Count - 1]));", "Sigmoid(z)") } },
        { "Encog XOR: the cross-entropy error function set on the trainer", new[] { EncogStub, EncogXor(
            "new ActivationSigmoid()", "var train = new ResilientPropagation(network, trainingSet); train.ErrorFunction = new CrossEntropyErrorFunction();") } },
        { "Encog XOR: the cross-entropy error function in the trainer's initializer", new[] { EncogStub, EncogXor(
            "new ActivationSigmoid()", "IMLTrain train = new ResilientPropagation(network, trainingSet) { ErrorFunction = new CrossEntropyErrorFunction() };") } },
        { "Encog XOR: a linear output after sigmoid hidden units", new[] { EncogStub, EncogXor(
            "new ActivationLinear()", "var train = new ResilientPropagation(network, trainingSet);") } },
        { "Encog XOR: a softmax output (Encog's softmax derivative is 1: the propagated gradient is t − o, cross-entropy's)", new[] { EncogStub, EncogXor(
            "new ActivationSoftMax()", "var train = new ResilientPropagation(network, trainingSet);") } },
        { "Encog XOR: stochastic gradient descent, whose error function is cross-entropy by default", new[] { EncogStub, EncogXor(
            "new ActivationSigmoid()", "var train = new StochasticGradientDescent(network, trainingSet);") } },
        { "Encog: SimpleFeedForward with tanh units trained to an error", new[] { EncogStub, """
            using Encog.ML.Data.Basic;
            using Encog.Util.Simple;
            public static class QuickStart
            {
                public static void Run(double[][] input, double[][] ideal)
                {
                    var network = EncogUtility.SimpleFeedForward(input[0].Length, 6, 0, 1, true);
                    EncogUtility.TrainToError(network, new BasicMLDataSet(input, ideal), 0.01);
                }
            }
            """ } },
        { "Encog: a FeedForwardPattern of tanh units", new[] { EncogStub, """
            using Encog.Engine.Network.Activation;
            using Encog.ML.Data;
            using Encog.Neural.Networks.Training.Propagation.Back;
            using Encog.Neural.Pattern;
            public class PatternTrainer
            {
                public void Train(IMLDataSet set)
                {
                    var pattern = new FeedForwardPattern { InputNeurons = 4, OutputNeurons = 1, ActivationFunction = new ActivationTANH() };
                    var train = new Backpropagation(pattern.Generate(), set, 0.1, 0.9);
                    train.Iteration();
                }
            }
            """ } },
        { "Keras.NET: a linear output compiled with mean squared error (regression)", new[] { KerasStub, """
            using Keras.Layers;
            using Keras.Models;
            public static class Forecast
            {
                public static void Build()
                {
                    var model = new Sequential();
                    model.Add(new Dense(6, activation: "sigmoid", kernel_initializer: "random_normal"));
                    model.Add(new Dense(1, kernel_initializer: "random_normal"));
                    model.Compile(optimizer: "adam", loss: "mean_squared_error", metrics: new string[] { "mean_squared_error" });
                    var other = new Sequential();
                    other.Add(new Dense(1, activation: "linear"));
                    other.Compile(optimizer: "rmsprop", loss: "mse");
                }
            }
            """ } },
        { "Keras.NET: a sigmoid output with binary cross-entropy, squared error only as a metric; a hard sigmoid with squared error", new[] { KerasStub, """
            using Keras.Layers;
            using Keras.Models;
            public static class Classifier
            {
                public static void Build()
                {
                    var model = new Sequential();
                    model.Add(new Dense(1, activation: "sigmoid"));
                    model.Compile(optimizer: "sgd", loss: "binary_crossentropy", metrics: new[] { "mse" });
                    var hard = new Sequential();
                    hard.Add(new Dense(1, activation: "hard_sigmoid"));
                    hard.Compile(optimizer: "sgd", loss: "mean_squared_error");
                    var names = new System.Collections.Generic.List<string>();
                    names.Add("relu");
                    names.Add("sigmoid");
                    names.Add("mse");
                }
            }
            """ } },
        { "NeuronDotNet: sigmoid hidden units, a linear output layer", new[] { NeuronDotNetStub, NeuronDotNetExample(
            "new LinearLayer(outputs[0].Length)", "new BackpropagationNetwork(inputLayer, outputLayer)") } },
        { "NeuronDotNet: a tanh output layer", new[] { NeuronDotNetStub, NeuronDotNetExample(
            "new TanhLayer(outputs[0].Length)", "new BackpropagationNetwork(inputLayer, outputLayer)") } },
        { "MathNet vectors: dot products of a sigmoid's error with weights and of a tanh output's error with itself", new[] { MathNetStub, """
            using System;
            using MathNet.Numerics.LinearAlgebra;
            public class MathNetUnits
            {
                private Vector<double> w;
                public double Projected(Vector<double> z, Vector<double> y)
                {
                    var diff = Sigmoid(z) - y;
                    return diff * w;
                }
                public double TanhCost(Vector<double> z, Vector<double> y)
                {
                    var diff = z.Map(Math.Tanh) - y;
                    return 0.5 * diff.DotProduct(diff);
                }
                private static Vector<double> Sigmoid(Vector<double> z) => z.Map(v => 1.0 / (1.0 + Math.Exp(-v)));
            }
            """ } },
        { "a parameter written twice, a linear map last: the returned value is not the sigmoid's", new[] { """
            using System;
            public class HiddenSigmoid
            {
                private double w1 = 0.4, w2 = 1.5, b = 0.2;
                private static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));
                public double Predict(double a)
                {
                    a = Sigmoid(w1 * a);
                    a = w2 * a + b;
                    return a;
                }
                public double Loss(double x, double y) => (Predict(x) - y) * (Predict(x) - y);
            }
            """ } },
        { "TensorFlow.NET: sigmoid hidden layers and a linear output with squared error; a sigmoid output with binary cross-entropy", new[] { TensorFlowStub, """
            using static Tensorflow.KerasApi;
            public class Mnist
            {
                public void Build()
                {
                    var inputs = keras.Input(784);
                    var outputs = keras.layers.Dense(64, activation: keras.activations.Tanh).Apply(inputs);
                    outputs = keras.layers.Dense(64, activation: keras.activations.Sigmoid).Apply(outputs);
                    outputs = keras.layers.Dense(10).Apply(outputs);
                    var model = keras.Model(inputs, outputs, name: "mnist_model");
                    model.compile(loss: keras.losses.MeanSquaredError());
                    var classifier = keras.Sequential();
                    classifier.add(keras.layers.Dense(1, activation: keras.activations.Sigmoid));
                    classifier.compile(keras.optimizers.Adam(), keras.losses.BinaryCrossentropy());
                }
            }
            """ } },
        { "hand-rolled builders with enums of their own: a tanh output with squared error, a sigmoid output with cross-entropy", new[] { OwnEnumBuilders, """
            public static class Program
            {
                public static void Main()
                {
                    var net = new Network(new[] { new Layer(4, TransferFunction.Sigmoid), new Layer(1, TransferFunction.Linear) }, ErrorFunction.MeanSquaredError);
                    var classifier = new Network(new[] { new Layer(1, TransferFunction.Sigmoid) }, ErrorFunction.CrossEntropy);
                    var b = new Builder();
                    b.AddLayer(8, Activations.Logistic);
                    b.AddLayer(1, Activations.Tanh);
                    b.Compile(CostType.Quadratic);
                }
            }
            """ } },
        { "MathNet vectors: the cross-entropy output delta a - y, σ' only on hidden layers' backpropagated error", new[] { MathNetStub, Plain(MathNetPort(
            "Sigmoid(z)", "CostDerivative(activations[activations.Count - 1], y)")).Replace(ActivationMark, string.Empty) } },
        { "MathNet vectors: a tanh output with tanh' = 1 - tanh², squared error", new[] { MathNetStub, """
            using System;
            using System.Collections.Generic;
            using MathNet.Numerics.LinearAlgebra;
            public class TanhNetwork
            {
                private readonly List<Matrix<double>> weights = new();
                public Vector<double> OutputDelta(Vector<double> x, Vector<double> y)
                {
                    var activation = x;
                    var activations = new List<Vector<double>> { x };
                    var zs = new List<Vector<double>>();
                    foreach (var w in weights)
                    {
                        var z = w * activation;
                        zs.Add(z);
                        activation = z.Map(Math.Tanh);
                        activations.Add(activation);
                    }

                    return (activations[^1] - y).PointwiseMultiply(TanhPrime(zs[^1]));
                }
                private static Vector<double> TanhPrime(Vector<double> z) => 1 - z.Map(Math.Tanh).PointwiseMultiply(z.Map(Math.Tanh));
            }
            """ } },
        { "MathNet vectors: a dot product and a pointwise product of a sigmoid with an input, no error", new[] { MathNetStub, """
            using System;
            using MathNet.Numerics.LinearAlgebra;
            public static class Features
            {
                public static Vector<double> Gate(Vector<double> z, Vector<double> x) => z.Map(v => 1.0 / (1.0 + Math.Exp(-v))).PointwiseMultiply(x);
                public static double Score(Vector<double> w, Vector<double> x, Vector<double> y) => (w - y) * (x - y);
            }
            """ } },
        { "Numpy.NET arrays: a Bernoulli variance p * (1 - p) and the cross-entropy delta (p - y) * 0.5", new[] { NumpyStub, """
            using System;
            using Numpy;
            public class Calibration
            {
                public NDarray BernoulliVariance(NDarray logits)
                {
                    NDarray p = 1.0 / (1.0 + np.exp(-logits));
                    return p * (1 - p);
                }
                public NDarray CrossEntropyDelta(NDarray logits, NDarray y)
                {
                    NDarray p = 1.0 / (1.0 + np.exp(-logits));
                    return (p - y) * 0.5;
                }
            }
            """ } },
        { "tanh activation and derivative handed to a layer as delegates", new[] { """
            using System;
            public static class Net
            {
                public static Layer Output() => new Layer(Math.Tanh, (z, a) => 1 - a * a);
            }
            """, DelegateLayer("df(Z[i], A[i]) * (target - A[i])") } },
        { "activation derivative at the input times an error, the network built with identity layers only", new[] { NeuronsWithActivationObjects(sigmoidMark: ""), """
            using System;
            public sealed class HalfSquaredError
            {
                public double Derivative(Neuron neuron, double target) => neuron.Layer.Activation.EvaluateDerivative(neuron.Input) * (neuron.Output - target);
            }
            public static class Setup { public static Layer OutputLayer() => new Layer(new IdentityFunction()); }
            """ } },
        { "hidden delta: the derivative at the input times the weighted deltas of the next layer", new[] { """
            using System;
            public static class Act
            {
                public static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
                public static double SigmoidPrime(double x) => Sigmoid(x) * (1 - Sigmoid(x));
            }
            public class Hidden
            {
                public double[] Z = new double[3];
                public double[] A = new double[3];
                public void Forward(double[] x) { for (int j = 0; j < 3; j++) { Z[j] = x[j]; A[j] = Act.Sigmoid(Z[j]); } }
                public double[] Deltas(double[] next, double[,] w)
                {
                    var d = new double[3];
                    for (int j = 0; j < 3; j++)
                    {
                        double sum = 0;
                        for (int k = 0; k < next.Length; k++) sum += w[k, j] * next[k];
                        d[j] = Act.SigmoidPrime(Z[j]) * sum;
                    }
                    return d;
                }
            }
            """ } },
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
        { "textbook port with tanh layers", new[] {
            TextbookPort("Math.Tanh(z)", "1 - Math.Tanh(z) * Math.Tanh(z)", "CostDerivative(activations[^1][j], y[j]) * Prime(zs[^1][j])").Replace("/*σ*/", "") } },
        { "output errors stored in an array, tanh outputs and their derivative", new[] {
            ErrorArrays("Math.Tanh(s)", "outputErrors[k] * (1 - outputs[k] * outputs[k])") } },
        { "an array of targets, not errors, times σ' of sigmoid outputs", new[] {
            ErrorArrays("1.0 / (1.0 + Math.Exp(-s))", "outputErrors[k] * outputs[k] * (1 - outputs[k])").Replace("outputErrors[i] = targets[i] - outputs[i]", "outputErrors[i] = targets[i]") } },
        { "error field set before a tanh derivative", new[] { """
            using System;
            public class Neuron
            {
                public double Output, Error, Delta;
                public void Forward(double s) { Output = Math.Tanh(s); }
                public void Train(double target) { Error = target - Output; Delta = Error * (1.0 - Output * Output); }
            }
            """ } },
        { "error field of a sigmoid neuron times the derivative of another neuron's input", new[] { """
            using System;
            public class Neuron
            {
                public double Output, Error, Delta;
                public void Forward(double s) { Output = 1 / (1 + Math.Exp(-s)); }
                public void Train(double target, double h) { Error = target - Output; Delta = Error * h * (1 - h); }
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
        { "tanh activation and derivative handed to a base layer by a primary constructor", new[] { BaseDelegateLayer("(target[i] - output[i]) * derivative(input[i], output[i])"), """
            using System;
            public class TanhLayer(int size) : Layer(size, Math.Tanh, (x, y) => 1 - y * y);
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
        { "derivative through an interface whose implementations are tanh and identity", new[] { """
            using System;
            public interface IActivation { double Forward(double x); double Backward(double y); }
            public sealed class Tanh : IActivation { public double Forward(double x) => Math.Tanh(x); public double Backward(double y) => 1 - y * y; }
            public sealed class Linear : IActivation { public double Forward(double x) => x; public double Backward(double y) => 1; }
            public sealed class Dense
            {
                private readonly IActivation activation;
                public double Out;
                public Dense(IActivation activation) { this.activation = activation; }
                public void Forward(double z) => Out = activation.Forward(z);
                public double Delta(double t) => (Out - t) * activation.Backward(Out);
            }
            public static class Program { public static Dense Build() => new Dense(new Tanh()); }
            """ } },
        { "squared error on tanh outputs selected with LINQ", new[] { """
            using System;
            using System.Linq;
            class Encoder
            {
                static double Squash(double x) => Math.Tanh(x);
                public double Loss(double[] z, double[] y)
                {
                    var h = z.Select(Squash).ToArray();
                    double l = 0;
                    for (int k = 0; k < y.Length; k++) l += (h[k] - y[k]) * (h[k] - y[k]);
                    return l;
                }
            }
            """ } },
        { "local function with a ReLU, squared error", new[] { """
            using System;
            class Regressor
            {
                public double Loss(double z, double y)
                {
                    double Relu(double v) => Math.Max(0, v);
                    var p = Relu(z);
                    return Math.Pow(p - y, 2);
                }
            }
            """ } },
        { "if chain on a configured activation kind, configured to tanh and linear", new[] { IfChainNeuronConfigured("new Neuron(Act.Tanh)", "new Neuron(Act.Linear)") } },
        { "foreach over linear predictions", new[] { """
            using System;
            public static class Evaluation
            {
                static double[] Predict(double[] w, double[][] xs)
                {
                    var p = new double[xs.Length];
                    for (int i = 0; i < xs.Length; i++) { double z = 0; for (int j = 0; j < w.Length; j++) z += w[j] * xs[i][j]; p[i] = z; }
                    return p;
                }
                static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
                public static double Sse(double[] w, double[][] xs, double[] ys)
                {
                    double loss = 0;
                    int i = 0;
                    foreach (var prediction in Predict(w, xs)) { loss += (prediction - ys[i]) * (prediction - ys[i]); i++; }
                    return loss + Sigmoid(0);
                }
            }
            """ } },
        { "variance of sigmoid outputs around their LINQ average", new[] { """
            using System;
            using System.Linq;
            public static class Calibration
            {
                static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
                public static double Spread(double[] scores)
                {
                    var probs = scores.Select(Sigmoid).ToArray();
                    var mean = probs.Average();
                    double v = 0;
                    for (int i = 0; i < probs.Length; i++) v += (probs[i] - mean) * (probs[i] - mean);
                    return v / probs.Length;
                }
            }
            """ } },
        { "variance of a layer's sigmoid outputs around a mean summed in a loop", new[] { """
            using System;
            public sealed class Layer
            {
                public double[] Outputs = new double[8];
                public void Forward(double[] z) { for (int i = 0; i < z.Length; i++) Outputs[i] = 1 / (1 + Math.Exp(-z[i])); }
                public double ActivationVariance()
                {
                    double sum = 0;
                    foreach (var o in Outputs) sum += o;
                    double mean = sum / Outputs.Length;
                    double v = 0;
                    foreach (var o in Outputs) v += Math.Pow(o - mean, 2);
                    return v / Outputs.Length;
                }
            }
            """ } },
        { "runtime bool picks the activation", new[] { """
            using System;
            class C
            {
                static double Act(double x, bool logistic) => logistic ? 1 / (1 + Math.Exp(-x)) : x;
                double Loss(double z, double y, bool logistic) { var o = Act(z, logistic); return (o - y) * (o - y); }
            }
            """ } },
        { "activation defaulting to the sigmoid, every layer given ReLU or tanh", new[] { SwitchStatementLayerDefaulted("new[] { new Layer(16, ActivationFunction.ReLU), new Layer(1, ActivationFunction.HyperbolicTangent) }", marked: false) } },
        { "foreach deconstructing logits zipped with targets, the sigmoid outputs kept beside", new[] { """
            using System;
            using System.Linq;
            public class Net
            {
                public double[] Logits = new double[4];
                public double[] Outputs = new double[4];
                public void Forward(double[] z) { for (int k = 0; k < z.Length; k++) { Logits[k] = z[k]; Outputs[k] = 1 / (1 + Math.Exp(-z[k])); } }
                public double Cost(double[] targets)
                {
                    double c = 0;
                    foreach (var (s, t) in Logits.Zip(targets)) c += (s - t) * (s - t);
                    return c / 2;
                }
            }
            """ } },
        { "logistic regression stepped by the cross-entropy gradient, printing the squared error each epoch", new[] { """
            using System;
            public class LogReg
            {
                public double[] W = new double[3];
                public double Bias;
                public double Predict(double[] x)
                {
                    double z = Bias;
                    for (int i = 0; i < W.Length; i++) z += W[i] * x[i];
                    return 1.0 / (1.0 + Math.Exp(-z));
                }
                public void Fit(double[][] X, double[] Y, int epochs, double eta)
                {
                    for (int e = 0; e < epochs; e++)
                    {
                        double brier = 0;
                        for (int n = 0; n < X.Length; n++)
                        {
                            double p = Predict(X[n]);
                            double err = Y[n] - p;
                            brier += err * err;
                            for (int i = 0; i < W.Length; i++) W[i] += eta * err * X[n][i];
                            Bias += eta * err;
                        }
                        Console.WriteLine($"epoch {e}: Brier score {brier / X.Length}");
                    }
                }
                public double Step(double[] x, double y, double eta)
                {
                    double p = Predict(x);
                    double error = p - y;
                    for (int i = 0; i < W.Length; i++) W[i] -= eta * 2 * error * x[i];
                    return error * error;
                }
            }
            """ } },
        { "a network whose output delta is the error kept in an array, its squared error summed in another loop", new[] { """
            using System;
            public class Mlp
            {
                double[,] w1 = new double[4, 2], w2 = new double[1, 4];
                static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                public double Train(double[] x, double[] t, double lr)
                {
                    var h = new double[4]; var o = new double[1];
                    for (int j = 0; j < 4; j++) { double s = 0; for (int i = 0; i < 2; i++) s += w1[j, i] * x[i]; h[j] = Sigmoid(s); }
                    for (int k = 0; k < 1; k++) { double s = 0; for (int j = 0; j < 4; j++) s += w2[k, j] * h[j]; o[k] = Sigmoid(s); }
                    double loss = 0;
                    for (int k = 0; k < o.Length; k++) loss += (t[k] - o[k]) * (t[k] - o[k]);
                    var delta = new double[1];
                    for (int m = 0; m < o.Length; m++) delta[m] = t[m] - o[m];
                    for (int k = 0; k < 1; k++) for (int j = 0; j < 4; j++) w2[k, j] += lr * delta[k] * h[j];
                    return loss / o.Length;
                }
            }
            """ } },
        { "a mean squared error method of a logistic regression whose Fit steps it by the cross-entropy gradient and logs it", new[] { """
            using System;
            public class LogisticRegression
            {
                private readonly double[] w = new double[3];
                private double b;
                private static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));
                public double Predict(double[] x)
                {
                    double z = b;
                    for (int j = 0; j < w.Length; j++) z += w[j] * x[j];
                    return Sigmoid(z);
                }
                public void Fit(double[][] X, double[] y, int epochs, double lr)
                {
                    for (int e = 0; e < epochs; e++)
                    {
                        for (int i = 0; i < X.Length; i++)
                        {
                            double p = Predict(X[i]);
                            double err = p - y[i];
                            for (int j = 0; j < w.Length; j++) w[j] -= lr * err * X[i][j];
                            b -= lr * err;
                        }
                        Console.WriteLine($"epoch {e}: mse {MeanSquaredError(X, y)}");
                    }
                }
                public double MeanSquaredError(double[][] X, double[] y)
                {
                    double s = 0;
                    for (int i = 0; i < X.Length; i++)
                    {
                        double d = y[i] - Predict(X[i]);
                        s += d * d;
                    }
                    return s / X.Length;
                }
            }
            """ } },
        { "a program scoring with Math.Pow(model.Output(x) - y, 2) a model whose Step method steps it by Output(x) - label", new[] { """
            using System;
            public class Logistic
            {
                public double[] Weights = new double[2];
                public double Bias;
                public double Output(double[] x) => 1 / (1 + Math.Exp(-(Weights[0] * x[0] + Weights[1] * x[1] + Bias)));
                public void Step(double[] x, double label, double rate)
                {
                    var gradient = Output(x) - label;
                    for (int j = 0; j < x.Length; j++) Weights[j] -= rate * gradient * x[j];
                    Bias -= rate * gradient;
                }
            }
            public static class Program
            {
                public static double Run(double[][] data, double[] labels)
                {
                    var model = new Logistic();
                    for (int i = 0; i < data.Length; i++) model.Step(data[i], labels[i], 0.1);
                    double mse = 0;
                    for (int i = 0; i < data.Length; i++) mse += Math.Pow(model.Output(data[i]) - labels[i], 2);
                    return mse / data.Length;
                }
            }
            """ } },
        { "a program logging the squared error of FeedForward(x)[0] of a network whose Backpropagate steps by the output delta o - t kept in a field", new[] { """
            using System;
            public class NeuralNetwork
            {
                private readonly double[,] w1 = new double[2, 3], w2 = new double[3, 1];
                private readonly double[] hidden = new double[3], outputs = new double[1], outputDelta = new double[1], hiddenDelta = new double[3];
                private static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                public double[] FeedForward(double[] x)
                {
                    for (int j = 0; j < 3; j++) { double s = 0; for (int i = 0; i < 2; i++) s += x[i] * w1[i, j]; hidden[j] = Sigmoid(s); }
                    for (int k = 0; k < 1; k++) { double s = 0; for (int j = 0; j < 3; j++) s += hidden[j] * w2[j, k]; outputs[k] = Sigmoid(s); }
                    return outputs;
                }
                public void Backpropagate(double[] x, double[] targets, double lr)
                {
                    for (int k = 0; k < 1; k++) outputDelta[k] = outputs[k] - targets[k];
                    for (int j = 0; j < 3; j++)
                    {
                        double sum = 0;
                        for (int k = 0; k < 1; k++) sum += outputDelta[k] * w2[j, k];
                        hiddenDelta[j] = sum * hidden[j] * (1 - hidden[j]);
                    }
                    for (int j = 0; j < 3; j++) for (int k = 0; k < 1; k++) w2[j, k] -= lr * outputDelta[k] * hidden[j];
                    for (int i = 0; i < 2; i++) for (int j = 0; j < 3; j++) w1[i, j] -= lr * hiddenDelta[j] * x[i];
                }
                public double Error(double[] targets)
                {
                    double e = 0;
                    for (int k = 0; k < 1; k++) e += 0.5 * (targets[k] - outputs[k]) * (targets[k] - outputs[k]);
                    return e;
                }
            }
            public static class Program
            {
                public static void Main()
                {
                    var xs = new[] { new[] { 0.0, 1.0 }, new[] { 1.0, 0.0 } };
                    var ys = new[] { new[] { 1.0 }, new[] { 0.0 } };
                    var net = new NeuralNetwork();
                    for (int epoch = 0; epoch < 1000; epoch++)
                    {
                        double mse = 0;
                        for (int n = 0; n < xs.Length; n++)
                        {
                            var o = net.FeedForward(xs[n]);
                            net.Backpropagate(xs[n], ys[n], 0.5);
                            mse += (o[0] - ys[n][0]) * (o[0] - ys[n][0]);
                        }
                        Console.WriteLine(mse / xs.Length);
                    }
                }
            }
            """ } },
        { "a program scoring with LINQ (preds.Zip(ys, (p, y) => (p - y) * (p - y)).Average()) a perceptron whose Update steps it by (y - p) * x", new[] { """
            using System;
            using System.Linq;
            public class Perceptron
            {
                public double[] W = new double[2];
                public double Predict(double[] x) => 1.0 / (1.0 + Math.Exp(-(W[0] * x[0] + W[1] * x[1])));
                public void Update(double[] x, double y, double lr)
                {
                    double p = Predict(x);
                    for (int j = 0; j < W.Length; j++) W[j] += lr * (y - p) * x[j];
                }
            }
            public static class Program
            {
                public static double Evaluate(double[][] xs, double[] ys)
                {
                    var model = new Perceptron();
                    for (int e = 0; e < 50; e++) for (int i = 0; i < xs.Length; i++) model.Update(xs[i], ys[i], 0.1);
                    var preds = xs.Select(x => model.Predict(x)).ToArray();
                    return preds.Zip(ys, (p, y) => (p - y) * (p - y)).Average();
                }
            }
            """ } },
        { "a softmax regression stepped by (p[k] - y[k]) * x[j] in Train, its squared error summed in a method of its own", new[] { """
            using System;
            using System.Linq;
            public class SoftmaxRegression
            {
                private readonly double[,] W = new double[3, 2];
                public double[] Probabilities(double[] x)
                {
                    var z = new double[3];
                    for (int k = 0; k < 3; k++) for (int j = 0; j < 2; j++) z[k] += W[k, j] * x[j];
                    double max = z.Max();
                    var e = z.Select(v => Math.Exp(v - max)).ToArray();
                    double sum = e.Sum();
                    return e.Select(v => v / sum).ToArray();
                }
                public void Train(double[][] xs, double[][] ys, double lr)
                {
                    for (int n = 0; n < xs.Length; n++)
                    {
                        var p = Probabilities(xs[n]);
                        for (int k = 0; k < 3; k++) for (int j = 0; j < 2; j++) W[k, j] -= lr * (p[k] - ys[n][k]) * xs[n][j];
                    }
                }
                public double SquaredError(double[][] xs, double[][] ys)
                {
                    double total = 0;
                    for (int n = 0; n < xs.Length; n++)
                    {
                        var p = Probabilities(xs[n]);
                        for (int k = 0; k < 3; k++) total += (p[k] - ys[n][k]) * (p[k] - ys[n][k]);
                    }
                    return total / xs.Length;
                }
            }
            """ } },
        { "a trainer class stepping a softmax network by oGrads[i] = t[i] - o[i] through a local delta, its squared error a stopping test", new[] { SoftmaxTrainer(
            "for (int i = 0; i < oGrads.Length; ++i) oGrads[i] = tValues[i] - data.outputs[i];", "err * err") } },
        { "a logistic regression whose batch step sums gradW[j] += (p - y[i]) * x[i][j] before stepping w, its Mse() a method of its own", new[] { """
            using System;
            public class LogisticModel
            {
                private readonly double[] w = new double[3];
                private double b;
                public double Predict(double[] x)
                {
                    double z = b;
                    for (int j = 0; j < w.Length; j++) z += w[j] * x[j];
                    return 1.0 / (1.0 + Math.Exp(-z));
                }
                public void TrainBatch(double[][] X, double[] y, double lr)
                {
                    var gradW = new double[w.Length];
                    double gradB = 0;
                    for (int i = 0; i < X.Length; i++)
                    {
                        double p = Predict(X[i]);
                        for (int j = 0; j < w.Length; j++) gradW[j] += (p - y[i]) * X[i][j];
                        gradB += p - y[i];
                    }
                    for (int j = 0; j < w.Length; j++) w[j] -= lr * gradW[j] / X.Length;
                    b -= lr * gradB / X.Length;
                }
                public double Mse(double[][] X, double[] y)
                {
                    double s = 0;
                    for (int i = 0; i < X.Length; i++) { double d = Predict(X[i]) - y[i]; s += d * d; }
                    return s / X.Length;
                }
            }
            """ } },
        { "output layers made with their activation and cost in one call: cross-entropy, or a linear output", new[] { NeuralNetworkNetApi + """
            static class Program
            {
                static object Make() => NetworkManager.NewSequential(784,
                    NetworkLayers.FullyConnected(100, ActivationType.Sigmoid),
                    NetworkLayers.FullyConnected(10, ActivationType.Sigmoid, CostFunctionType.CrossEntropy));
                static object Regression() => NetworkManager.NewSequential(8,
                    NetworkLayers.FullyConnected(100, ActivationType.Sigmoid),
                    NetworkLayers.FullyConnected(1, ActivationType.Identity, CostFunctionType.Quadratic));
            }
            """ } },
        { "a sigmoid given for the hidden layers only, or two activations no parameter tells apart", new[] { """
            public enum Act { Tanh, Sigmoid, Identity }
            public enum LossKind { MeanSquaredError, CrossEntropy }
            public class Mlp { public Mlp(int[] sizes, Act hiddenActivation, Act outputActivation, LossKind loss) { } }
            public class Regressor { public Regressor(int[] sizes, Act hiddenActivation, LossKind loss) { } }
            public class Pair { public Pair(Act first, Act second, LossKind loss) { } }
            static class Program
            {
                static Mlp Make(int[] sizes) => new Mlp(sizes, Act.Sigmoid, Act.Identity, LossKind.MeanSquaredError);
                static Regressor Fit(int[] sizes) => new Regressor(sizes, Act.Sigmoid, LossKind.MeanSquaredError);
                static Pair Both() => new Pair(Act.Sigmoid, Act.Tanh, LossKind.MeanSquaredError);
            }
            """ } },
        { "layers handed to the network with a squared-error loss, the sigmoid only in the hidden layer", new[] { """
            public enum ActivationType { ReLU, Linear, Sigmoid }
            public enum LossType { MeanSquaredError, CrossEntropy }
            public class Dense { public Dense(int inputs, int outputs, ActivationType activation) { } }
            public class Network { public Network(Dense[] layers, LossType loss) { } }
            static class Program
            {
                static Network Make() => new Network(new[] { new Dense(4, 8, ActivationType.Sigmoid), new Dense(8, 1, ActivationType.Linear) }, LossType.MeanSquaredError);
            }
            """ } },
        { "layers added to a list ending in a sigmoid, trained with cross-entropy", new[] { """
            using System.Collections.Generic;
            public enum Activation { Relu, Tanh, Sigmoid }
            public enum LossType { MSE, BinaryCrossEntropy }
            public class Layer { public Layer(int size, Activation activation) { } }
            public static class Trainer { public static void Fit(List<Layer> layers, LossType loss) { } }
            static class Program
            {
                static void Run()
                {
                    var layers = new List<Layer>();
                    layers.Add(new Layer(16, Activation.Relu));
                    layers.Add(new Layer(1, Activation.Sigmoid));
                    Trainer.Fit(layers, LossType.BinaryCrossEntropy);
                }
            }
            """ } },
        { "mean squared error written with Zip over tanh predictions", new[] { """
            using System;
            using System.Linq;
            public static class Regressor
            {
                public static double Mse(double[] scores, double[] labels) => scores.Select(Math.Tanh).ToArray().Zip(labels, (p, y) => (p - y) * (p - y)).Average();
            }
            """ } },
        { "squared error written with Zip on the scores, the sigmoid only reported", new[] { """
            using System;
            using System.Linq;
            public static class Scorer
            {
                static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
                public static double[] Probabilities(double[] scores) => scores.Select(Sigmoid).ToArray();
                public static double Mse(double[] scores, double[] targets) => scores.Zip(targets, (s, t) => (s - t) * (s - t)).Average();
                public static double Sum(double[] scores) => Probabilities(scores).Select((p, i) => p * i).Sum();
            }
            """ } },
        { "switch statement on a configured activation, configured to ReLU and tanh only", new[] { SwitchStatementLayerConfigured("new[] { new Layer(16, ActivationFunction.ReLU), new Layer(1, ActivationFunction.HyperbolicTangent) }") } },
        { "switch statement with a sigmoid section no configured value selects", new[] { """
            using System;
            public enum Kind { Tanh, Sigmoid, Linear }
            public sealed class Unit
            {
                private readonly Kind kind;
                public double Value;
                public Unit(Kind kind) { this.kind = kind; }
                double Apply(double x)
                {
                    switch (kind)
                    {
                        case Kind.Sigmoid: return 1 / (1 + Math.Exp(-x));
                        case Kind.Tanh: return Math.Tanh(x);
                        default: return x;
                    }
                }

                public void Fire(double x) { Value = Apply(x); }
                public double Loss(double t) => (t - Value) * (t - Value);
                public static Unit[] Make() => new[] { new Unit(Kind.Tanh), new Unit(Kind.Linear) };
            }
            """ } },
        { "layer objects ending in a sigmoid layer, compiled with a cross-entropy loss object", new[] { LayerObjects, """
            static class Program { static void Build() { var net = new Network().Add(new Dense(2, 4)).Add(new SigmoidLayer()); net.Compile(new BinaryCrossEntropy()); } }
            """ } },
        { "layer objects ending in a tanh layer, the sigmoid hidden, with a squared-error loss object", new[] { LayerObjects, """
            static class Program { static Network Build() => new Network(new MeanSquaredError()).Add(new Dense(2, 4)).Add(new SigmoidLayer()).Add(new Dense(4, 1)).Add(new TanhLayer()); }
            """ } },
        { "layer objects ending in a dense layer with a squared-error loss object", new[] { LayerObjects, """
            static class Program { static void Build() { var net = new Network(new MeanSquaredError()); net.Add(new Dense(2, 4)); net.Add(new SigmoidLayer()); net.Add(new Dense(4, 1)); } }
            """ } },
        { "activation layers made from delegates ending in tanh, squared-error delegates", new[] { DelegateLayers, """
            static class Program
            {
                static Network Build()
                {
                    var net = new Network();
                    net.Add(new ActivationLayer(Functions.Sigmoid, Functions.SigmoidPrime));
                    net.Add(new FullyConnected(3, 1));
                    net.Add(new ActivationLayer(Functions.Tanh, Functions.TanhPrime));
                    net.Use(Functions.Mse, Functions.MsePrime);
                    return net;
                }
            }
            """ } },
        { "dense layers handed activation objects ending in ReLU, compiled with a squared-error loss object", new[] { ActivationObjects, """
            static class Program { static void Run() { var model = new Model().Add(new Dense(4, 8, new Sigmoid())).Add(new Dense(8, 1, new Relu())); model.Compile(new MseLoss(), 0.1); } }
            """ } },
        { "one layer type configured by an enum, the last configured to ReLU, squared-error loss object", new[] { ConfiguredLayerType, """
            static class Program
            {
                static Net Build()
                {
                    var net = new Net(new SquaredLoss());
                    net.AddLayer(new ActLayer(Kind.Logistic));
                    net.AddLayer(new ActLayer(Kind.Relu));
                    return net;
                }
            }
            """ } },
        { "fluent builder chain, sigmoid hidden layer and linear output", new[] { NetworkBuilderApi + """
            static class Program
            {
                static object Model() => new NetworkBuilder().AddLayer(32, ActivationType.Sigmoid).AddLayer(1, ActivationType.Linear).WithLoss(LossType.MeanSquaredError).Build();
            }
            """ } },
        { "fluent builder chain, sigmoid output with cross-entropy", new[] { NetworkBuilderApi + """
            static class Program
            {
                static object Model() => new NetworkBuilder().AddLayer(8, ActivationType.ReLU).AddLayer(1, ActivationType.Sigmoid).WithLoss(LossType.BinaryCrossEntropy).Build();
            }
            """ } },
        { "tuple of logit and probability, squared error on the logit", new[] { """
            using System;
            public static class Model
            {
                public static (double Logit, double Probability) Predict(double w, double x)
                {
                    double logit = w * x;
                    return (logit, 1.0 / (1.0 + Math.Exp(-logit)));
                }

                public static double Error(double w, double x, double y)
                {
                    var (z, _) = Predict(w, x);
                    var r = Predict(w, x);
                    return (z - y) * (z - y) + (r.Logit - y) * (r.Logit - y);
                }
            }
            """ } },
        { "cross-entropy loss object set by a property on a model ending in a sigmoid layer", new[] { LayerObjects, PropertyLossModels, """
            static class Program { static void Build() { var model = new Sequential(); model.Add(new Dense(2, 1)); model.Add(new SigmoidLayer()); model.Loss = new BinaryCrossEntropy(); } }
            """ } },
        { "squared-error loss object set by a property on a model ending in a dense layer, the sigmoid hidden", new[] { LayerObjects, PropertyLossModels, """
            static class Program { static void Build() { var model = new Sequential(new Dense(2, 8), new SigmoidLayer(), new Dense(8, 1)) { Loss = new MeanSquaredError() }; } }
            """ } },
        { "squared-error loss object set on another model than the one ending in a sigmoid layer", new[] { LayerObjects, PropertyLossModels, """
            static class Program
            {
                static void Build()
                {
                    var classifier = new Sequential(); classifier.Add(new Dense(2, 1)); classifier.Add(new SigmoidLayer()); classifier.Loss = new BinaryCrossEntropy();
                    var regressor = new Sequential(); regressor.Add(new Dense(2, 8)); regressor.Add(new TanhLayer()); regressor.Add(new Dense(8, 1)); regressor.Loss = new MeanSquaredError();
                }
            }
            """ } },
        { "squared-error loss enum in a field of a model whose last layer is linear", new[] { PropertyLossModels.Replace("using System.Collections.Generic;", "using System.Collections.Generic; public interface ILayer { } public interface ILoss { }"), """
            static class Program { static void Build() { var mlp = new MultiLayerPerceptron(); mlp.AddLayer(new Perceptron(4, 16, ActivationType.Sigmoid)); mlp.AddLayer(new Perceptron(16, 1, ActivationType.Linear)); mlp.LossFunction = LossType.MeanSquaredError; } }
            """ } },
        { "squared-error loss object kept by the model's own setter, no layer in sight", new[] { LayerObjects, PropertyLossModels, """
            class Owner { private Sequential model = new Sequential(); public void Use(ILoss loss) { model.Loss = loss; } public void Reset() { model.Loss = new MeanSquaredError(); } }
            """ } },
        { "model field: a sigmoid hidden layer added in the constructor, a linear head in a later method, compiled with a squared-error loss object", new[] { LayerObjects, """
            class Regressor
            {
                private readonly Network network = new Network();
                public Regressor() { network.Add(new Dense(2, 8)); network.Add(new SigmoidLayer()); }
                public void AddHead() { network.Add(new Dense(8, 1)); }
                public void Train() { network.Compile(new MeanSquaredError()); }
            }
            """ } },
        { "model field ending in a sigmoid layer added in the constructor, compiled with a cross-entropy loss object", new[] { LayerObjects, """
            class Classifier
            {
                private readonly Network network = new Network();
                public Classifier() { network.Add(new Dense(2, 1)); network.Add(new SigmoidLayer()); }
                public void Train() { network.Compile(new BinaryCrossEntropy()); }
            }
            """ } },
        { "exponential decay written with Math.Pow(Math.E, -t), fitted by squared error", new[] { """
            using System;
            public static class Decay
            {
                public static double Model(double rate, double t) => Math.Pow(Math.E, -rate * t);
                public static double Error(double rate, double t, double observed) { var m = Model(rate, t); return (m - observed) * (m - observed); }
            }
            """ } },
        { "out parameters where the sigmoid is the hidden layer and the output is tanh", new[] { """
            using System;
            public static class Net
            {
                public static void Forward(double[] z, out double[] output, out double[] hidden)
                {
                    hidden = new double[z.Length];
                    output = new double[z.Length];
                    for (int i = 0; i < z.Length; i++) { hidden[i] = 1 / (1 + Math.Exp(-z[i])); output[i] = Math.Tanh(hidden[i]); }
                }
                public static double Loss(double[] z, double[] t)
                {
                    Forward(z, out var output, out var hidden);
                    double s = 0;
                    for (int i = 0; i < t.Length; i++) s += (output[i] - t[i]) * (output[i] - t[i]);
                    return s;
                }
            }
            """ } },
        { "arrays the caller allocates, the sigmoid written into the hidden one only", new[] { """
            using System;
            public static class Net
            {
                public static void Forward(double[] z, double[] output, double[] hidden)
                {
                    for (int i = 0; i < z.Length; i++) { hidden[i] = 1 / (1 + Math.Exp(-z[i])); output[i] = 2 * hidden[i] - 1; }
                }
                public static double Loss(double[] z, double[] t)
                {
                    var output = new double[t.Length];
                    var hidden = new double[t.Length];
                    Forward(z, output, hidden);
                    double s = 0;
                    for (int i = 0; i < t.Length; i++) s += (output[i] - t[i]) * (output[i] - t[i]);
                    return s;
                }
            }
            """ } },
        { "a record whose sigmoid field is the hidden layer, the output linear", new[] { """
            using System;
            public sealed record ForwardPass(double[] Hidden, double[] Output);
            public static class Mlp
            {
                public static ForwardPass Run(double[] x)
                {
                    var hidden = new double[x.Length];
                    var output = new double[x.Length];
                    for (int j = 0; j < x.Length; j++) { hidden[j] = 1 / (1 + Math.Exp(-x[j])); output[j] = 3 * hidden[j] + 1; }
                    return new ForwardPass(hidden, output);
                }
                public static double Cost(double[] x, double[] y)
                {
                    var pass = Run(x);
                    double c = 0;
                    for (int k = 0; k < y.Length; k++) c += Math.Pow(pass.Output[k] - y[k], 2);
                    return c;
                }
            }
            """ } },
        { "toy network trained with cross-entropy: the output gradient is the error alone", new[] { ToyMatrix, """
            using System;
            public sealed class ToyClassifier
            {
                private readonly Matrix weights = new Matrix(1, 3), bias = new Matrix(1, 1);
                private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
                private static double DSigmoid(double y) => y * (1 - y);
                public void Train(double[] inputArray, double[] targetArray)
                {
                    var inputs = Matrix.FromArray(inputArray);
                    var outputs = Matrix.Multiply(weights, inputs);
                    outputs.Add(bias);
                    outputs.Map(Sigmoid);
                    var gradients = Matrix.Subtract(Matrix.FromArray(targetArray), outputs);
                    gradients.Multiply(0.1);
                    weights.Add(Matrix.Multiply(gradients, Matrix.Transpose(inputs)));
                    var sharpened = Matrix.Map(outputs, DSigmoid);
                    sharpened.Multiply(Matrix.Map(outputs, Math.Exp));
                }
            }
            """ } },
        { "vector class of one's own: a tanh delta, and a product operator that is a dot product", new[] { """
            using System;
            public sealed class Vec
            {
                private readonly double[] v;
                public Vec(int n) { v = new double[n]; }
                public int Length => v.Length;
                public static Vec operator -(Vec a, Vec b) { var r = new Vec(a.Length); for (int i = 0; i < r.Length; i++) r.v[i] = a.v[i] - b.v[i]; return r; }
                public static Vec operator -(double s, Vec a) { var r = new Vec(a.Length); for (int i = 0; i < r.Length; i++) r.v[i] = s - a.v[i]; return r; }
                public static Vec Times(Vec a, Vec b) { var r = new Vec(a.Length); for (int i = 0; i < r.Length; i++) r.v[i] = a.v[i] * b.v[i]; return r; }
                public static double operator *(Vec a, Vec b) { double s = 0; for (int i = 0; i < a.Length; i++) s += a.v[i] * b.v[i]; return s; }
            }
            public static class Backprop
            {
                public static Vec TanhDelta(Vec output, Vec target) => Vec.Times(output - target, 1 - Vec.Times(output, output));
                public static double Projection(Vec output, Vec target) => (output - target) * (1 - output);
            }
            """ } },
        { "generic-math helpers that are not a sigmoid: tanh, and a softsign", new[] { """
            using System;
            using System.Numerics;
            public static class Act
            {
                public static T Tanh<T>(T x) where T : IHyperbolicFunctions<T> => T.Tanh(x);
                public static T Softsign<T>(T x) where T : IFloatingPointIeee754<T> => x / (T.One + T.Abs(x));
            }
            public sealed class Unit
            {
                public double Loss(double z, double target) { var p = Act.Tanh(z); return (target - p) * (target - p); }
                public double Other(double z, double target) { var p = Act.Softsign(z); return Math.Pow(p - target, 2); }
            }
            """ } },
        { "a primary-constructor parameter given a tanh", new[] { """
            using System;
            public sealed class Neuron(double activation) { public double Activation => activation; }
            public static class Unit
            {
                public static Neuron Fire(double z) => new Neuron(Math.Tanh(z));
                public static double Error(double z, double target) { var n = Fire(z); return 0.5 * Math.Pow(target - n.Activation, 2); }
            }
            """ } },
        { "interface stages with a tanh activation object", new[] { InterfaceStages("Tanh", "Activation.Slope(y) * (wanted[u] - y)") } },
        { "cells whose every tier is linear", new[] { BackReferenceCells("LinearSquash", "tier.squash.Back(output) * (target - output)") } },
        { "a cross-entropy loss object, whose derivative divides σ' out", new[] { LossObjects("SigmoidActivation", "BinaryCrossEntropy", "activation.Derivative(Output) * loss.Derivative(Output, target)") } },
        { "a squared-error loss object on a tanh node", new[] { LossObjects("TanhActivation", "MeanSquared", "activation.Derivative(Output) * loss.Derivative(Output, target)") } },
        { "a loss object that is squared error in one call and cross-entropy in another", new[] { LossObjects("SigmoidActivation", "MeanSquared", "activation.Derivative(Output) * loss.Derivative(Output, target)", " node.OutputGradient(0.0, new BinaryCrossEntropy());") } },
        { "layers chosen by an enum named for neither, a logistic output trained with the cross-entropy member", new[] { SquashAndObjective(
            "new Network(new[] { new Dense(4, 8, Squash.Tanh), new Dense(8, 1, Squash.Logistic) }, Objective.CrossEntropy)") } },
        { "an enum with one loss-like member among others that name no loss (Objective.SquaredError beside Absolute and Ranking)", new[] { SquashAndObjective(
            "new Network(new[] { new Dense(4, 8, Squash.Tanh), new Dense(8, 1, Squash.Logistic) }, Objective.SquaredError)").Replace("SquaredError, CrossEntropy", "SquaredError, Absolute, Ranking") } },
        { "an output array field filled by a rectifier it is handed to, a logistic helper beside it", new[] { FieldFilledByHelper("Rectify", "(layer.Outputs[k] - target[k]) * (layer.Outputs[k] - target[k])") } },
        { "one derivative helper switching on an activation enum, called with Kind.Tanh on a tanh output", new[] { ChoiceHelper(
            "Math.Tanh(s)", SlopeBySwitch, "Slope(o, Kind.Tanh) * (t[i] - o)") } },
        { "one derivative helper returning a switch expression, called with Kind.ReLu on a rectified output", new[] { ChoiceHelper(
            "Math.Max(0, s)", SlopeBySwitchExpression, "(t[i] - o) * Slope(o, Kind.ReLu)") } },
        { "one derivative helper told by a bool, the tanh branch chosen on a tanh output", new[] { ChoiceHelper(
            "Math.Tanh(s)", SlopeByFlag, "Slope(o, logistic: false) * (t[i] - o)") } },
        { "e held in a static field written out by hand, in an exponential decay fitted with squared error", new[] { EulerByHand(
            "private static double e = 2.71828;", "4 * Math.Pow(e, -0.5 * x)", "Math.Pow(wanted[k] - outputs[k].Value, 2)") } },
        { "a rational bump 1 / (1 + x²) beside e held in a field, fitted with squared error", new[] { EulerByHand(
            "private static double e = 2.71828;", "1 / (1 + Math.Pow(x, 2))", "Math.Pow(wanted[k] - outputs[k].Value, 2)") } },
        { "a field holding e at first and another base later, raised in 1 / (1 + bˣ)", new[] { EulerByHand(
            "private static double e = 2.71828; public static void Rebase(double b) { e = b; }", "1 / (1 + Math.Pow(e, -x))", "Math.Pow(wanted[k] - outputs[k].Value, 2)") } },
        { "an output property that hands back a value set from outside when its sentinel says so, else computes a tanh", new[] { OverriddenOutput(
            "private double given = double.MinValue;", "given != double.MinValue", "given", "Math.Tanh(sum + bias)", "Math.Pow(miss, 2)") } },
        { "an output property that returns its raw sum when positive (a test of the value, not of a stored one), else a sigmoid", new[] { OverriddenOutput(
            "private double given;", "sum > 0", "sum", "1 / (1 + Math.Exp(-(sum + bias)))", "Math.Pow(miss, 2)") } },
        { "one derivative helper told which activation by the layer's kind field, every layer made with Kind.Tanh", new[] { KindPerLayer(
            "private readonly Kind kind;", "Kind kind", "this.kind = kind;", "kind", "new Layer(8, Kind.Tanh), new Layer(1, Kind.Tanh)", "(t[i] - Out[i]) * Act.Slope(Out[i], kind)") } },
        { "one derivative helper told which activation by the layer's kind field, sigmoid hidden layers and a tanh output layer", new[] { KindPerLayer(
            "private readonly Kind kind;", "Kind kind", "this.kind = kind;", "kind", "new Layer(8, Kind.Sigmoid), new Layer(1, Kind.Tanh)", "(t[i] - Out[i]) * Act.Slope(Out[i], kind)") } },
        { "Unity: a fade written with Mathf.Exp (an exponential decay, no logistic) fitted with squared error", new[] { UnityStub, """
            using UnityEngine;
            public class Fade : MonoBehaviour
            {
                public float rate;
                public float Loss(float t, float seen)
                {
                    var p = Mathf.Exp(-rate * t);
                    return (p - seen) * (p - seen);
                }
            }
            """ } },
        { "layers stored in a loop, sigmoid for every index but the last (i < layers.Length - 1 ? Sigmoid : ReLU)", new[] { LayersByIndex("Mse, CrossEntropy",
            "for (int i = 0; i < layers.Length; i++) layers[i] = new Layer(4, i < layers.Length - 1 ? ActivationKind.Sigmoid : ActivationKind.ReLU);",
            "new Net(layers, CostFunction.Mse)") } },
        { "layers stored in a loop, sigmoid unless the index is the last (i != layers.Length - 1 ? Sigmoid : TanH)", new[] { LayersByIndex("Mse, CrossEntropy",
            "for (int i = 0; i < layers.Length; i++) layers[i] = new Layer(4, layers.Length - 1 != i ? ActivationKind.Sigmoid : ActivationKind.TanH);",
            "new Net(layers, CostFunction.Mse)") } },
        { "layers added to a list in a loop, every one sigmoid but the last, which is linear", new[] { LayersAddedInLoop("i == sizes.Length - 1 ? Act.Linear : Act.Sigmoid", "new Net(layers, Loss.MSE)") } },
        { "layers stored by constant index, the sigmoid at index 1 hidden before a rectifier stored last, with an Mse cost member", new[] { LayersByIndex("Mse, CrossEntropy",
            "layers[0] = new Layer(2, ActivationKind.TanH); layers[2] = new Layer(1, ActivationKind.ReLU); layers[1] = new Layer(4, ActivationKind.Sigmoid);",
            "new Net(layers, CostFunction.Mse)") } },
        { "layers stored by constant index ending in a sigmoid, trained with the CROSS_ENTROPY member", new[] { LayersByIndex("MEAN_SQUARE_ERROR, CROSS_ENTROPY",
            "layers[0] = new Layer(2, ActivationKind.TanH); layers[1] = new Layer(4, ActivationKind.TanH); layers[2] = new Layer(1, ActivationKind.Sigmoid);",
            "new Net(layers, CostFunction.CROSS_ENTROPY)") } },
        { "layers built by a method of their own, the sigmoid hidden and a linear layer last, with a squared-error loss", new[] { LayersBuiltElsewhere(
            "Activation.Sigmoid", "Activation.Linear", "new Model(Layers(16), LossType.MSE)") } },
        { "layers kept in a field ending in a sigmoid, trained with cross-entropy", new[] { LayersBuiltElsewhere(
            "Activation.Relu", "Activation.Sigmoid", "new Model(layers, LossType.BinaryCrossEntropy)") } },
        { "layers behind ILayer added to a list, the sigmoid layer hidden and a dense layer last", new[] { InterfaceLayers(
            "layers.Add(new DenseLayer(inputs, hidden)); layers.Add(new SigmoidLayer(hidden)); layers.Add(new DenseLayer(hidden, outputs));",
            "var p = layers[layers.Count - 1].Outputs;", "(p[k] - y[k]) * (p[k] - y[k])") } },
        { "layers behind ILayer added through an AddLayer method of the network, the sigmoid layer added before a dense one", new[] { InterfaceLayers(
            "AddLayer(new SigmoidLayer(inputs)); AddLayer(new DenseLayer(inputs, outputs));",
            "var p = layers[^1].Outputs;", "(p[k] - y[k]) * (p[k] - y[k])").Replace("// __MEMBERS__", "public void AddLayer(ILayer layer) => layers.Add(layer);") } },
        { "layers behind ILayer in a collection initializer, the sigmoid layer first, read by Last()", new[] { InterfaceLayers(
            "layers = new List<ILayer> { new SigmoidLayer(inputs), new DenseLayer(inputs, outputs) };",
            "var p = layers.Last().Outputs;", "Math.Pow(p[k] - y[k], 2)").Replace("private List<ILayer> layers = new();", "private List<ILayer> layers;") } },
        { "layers behind ILayer run by index in a loop, the sigmoid layer hidden, the loss on what the loop leaves", new[] { InterfaceLayers(
            "layers.Add(new DenseLayer(inputs, hidden)); layers.Add(new SigmoidLayer(hidden)); layers.Add(new DenseLayer(hidden, outputs));",
            "var p = Run(x);", "(p[k] - y[k]) * (p[k] - y[k])").Replace("// __MEMBERS__",
            "public double[] Run(double[] x) { double[] a = null; for (int i = 0; i < layers.Count; i++) { layers[i].Forward(i == 0 ? x : a); a = layers[i].Outputs; } return a; }") } },
        { "nodes behind INode in a list, each made tanh, a logistic node class beside them", new[] { NodeList("TanhNode", "node.Slope(node.Output) * (targets[k] - node.Output)") } },
        { "an abstract unit whose output is an abstract property, the unit in a field made as a linear unit", new[] { AbstractUnits("LinearUnit", "0.5 * (unit.Output - target) * (unit.Output - target)") } },
        { "an abstract unit handed in by callers outside the compilation, sigmoid and linear units both declared", new[] { AbstractUnits("LinearUnit", "0.5 * (unit.Output - target) * (unit.Output - target)").Replace("private readonly Unit unit = new LinearUnit();", "private readonly Unit unit; public Trainer(Unit unit) { this.unit = unit; }") } },
        { "layers inheriting Forward from a base layer given delegates by base(...), a sigmoid layer hidden and a linear layer last in an initializer", new[] { InheritedLayers(
            SigmoidKind + LinearKind, "public Network() { layers = new List<Layer> { new SigmoidLayer(2, 3), new LinearLayer(3, 1) }; }",
            "var delta = (t[k] - p[k]) * top.Derivative(k); loss += 0.5 * (p[k] - t[k]) * (p[k] - t[k]); top.Weights[k, 0] += rate * delta;").Replace("private readonly List<Layer> layers = new List<Layer>();", "private readonly List<Layer> layers;") } },
        { "layers inheriting Forward from a base layer, added by an AddLayer of the network's, a sigmoid layer first and a tanh layer added last", new[] { InheritedLayers(
            SigmoidKind + TanhKind, "public void AddLayer(Layer layer) => layers.Add(layer); public static Network Make() { var n = new Network(); n.AddLayer(new SigmoidLayer(2, 3)); n.AddLayer(new TanhLayer(3, 1)); return n; }",
            "var delta = (t[k] - p[k]) * top.Derivative(k); top.Weights[k, 0] += rate * delta;") } },
        { "layers inheriting Forward from a base layer, the outputs read off the last layer (layers[^1].Outputs) after Run, a linear layer last", new[] { InheritedLayers(
            LinearKind + SigmoidKind, "public Network() { layers.Add(new SigmoidLayer(2, 3)); layers.Add(new LinearLayer(3, 1)); }",
            "loss += (p[k] - t[k]) * (p[k] - t[k]);").Replace("var p = Run(x);", "Run(x); var p = layers[^1].Outputs;") } },
        { "layers with primary constructors passing their delegates to the base layer, a sigmoid layer hidden and a linear layer last", new[] { InheritedLayers(
            PrimaryKinds, "public Network() { layers.Add(new SigmoidLayer(2, 3)); layers.Add(new LinearLayer(3, 1)); }",
            "var delta = (t[k] - p[k]) * top.Derivative(k); loss += (p[k] - t[k]) * (p[k] - t[k]); top.Weights[k, 0] += rate * delta;") } },
        { "two layers held in fields and run by a call on each, the hidden one a sigmoid and the output layer linear", new[] { FieldLayers(
            SigmoidKind + LinearKind, "new SigmoidLayer(2, 3)", "new LinearLayer(3, 1)",
            "loss += (p[k] - t[k]) * (p[k] - t[k]); var delta = (t[k] - p[k]) * top.Derivative(k); top.Weights[k, 0] += rate * delta;") } },
        { "layers inheriting Forward from a base layer, the hidden sigmoid layer's delta a weighted sum times its Derivative(j)", new[] { InheritedLayers(
            SigmoidKind + LinearKind, "public Network() { layers.Add(new SigmoidLayer(2, 3)); layers.Add(new LinearLayer(3, 1)); }",
            "var delta = t[k] - p[k]; var hidden = layers[0]; for (int j = 0; j < hidden.Outputs.Length; j++) { var back = top.Weights[k, j] * delta; var d = back * hidden.Derivative(j); hidden.Weights[j, 0] += rate * d; }") } },
        { "layers inheriting Forward from an abstract layer given an activation object by base(...), built by a fluent AddLayer, a linear layer last", new[] { InheritedActivationObjects(
            "new Mlp().AddLayer(new SigmoidDense(2, 4)).AddLayer(new LinearDense(4, 1))",
            "var g = (p[k] - y[k]) * top.Slope(k); loss += 0.5 * (p[k] - y[k]) * (p[k] - y[k]); top.W[k, 0] -= 0.1 * g;") } },
        { "the cross-entropy delta scaled in place (d[j] = o[j] - t[j]; d[j] *= rate;)", new[] { InPlaceSteps(
            "d[j] = o[j] - t[j]; d[j] *= rate;") } },
        { "every layer's output kept as rows, the last row read: a sigmoid hidden layer, a linear layer last", new[] { LayerRows(
            "ILayer[]", "layers = new ILayer[] { new Dense(w1, Act.Logistic), new Dense(w2, Act.Identity) };",
            "var outs = Outputs(x); var p = outs[outs.Length - 1];", "(p[k] - y[k]) * (p[k] - y[k])") } },
        { "layer outputs kept as rows in the same method (outs[^1]), layers in a list: a sigmoid hidden layer, a linear layer last", new[] { LayerRows(
            "List<ILayer>", "layers = new List<ILayer>(); layers.Add(new Dense(w1, Act.Logistic)); layers.Add(new Dense(w2, Act.Identity));",
            "var outs = new double[layers.Count + 1][]; outs[0] = x; for (int i = 0; i < layers.Count; i++) outs[i + 1] = layers[i].Forward(outs[i]); var p = outs[^1];",
            "Math.Pow(p[k] - y[k], 2)") } },
        { "layer outputs kept as rows in a field by a forward pass, the last row read in another method: a linear layer last", new[] { LayerRows(
            "ILayer[]", "layers = new ILayer[] { new Dense(w1, Act.Logistic), new Dense(w2, Act.Identity) }; acts = new double[layers.Length + 1][];",
            "Forward(x); var p = acts[acts.Length - 1];", "(p[k] - y[k]) * (p[k] - y[k])",
            "private readonly double[][] acts; public void Forward(double[] x) { acts[0] = x; for (int i = 0; i < layers.Length; i++) acts[i + 1] = layers[i].Forward(acts[i]); }") } },
        { "layers listed by an initializer beside an Add nothing calls, in an internal network: a sigmoid hidden layer, a linear one last", new[] { ListedLayers(
            "internal", "new SigmoidLayer(), new LinearLayer()", "Console.WriteLine(net.Loss(x, y));", "(p[k] - y[k]) * (p[k] - y[k])") } },
        { "layers listed by an initializer beside an Add the program calls with a linear layer: a sigmoid hidden layer", new[] { ListedLayers(
            "internal", "new SigmoidLayer()", "net.Add(new LinearLayer()); Console.WriteLine(net.Loss(x, y));", "(p[k] - y[k]) * (p[k] - y[k])") } },
        { "layer outputs added to a list of rows by a foreach, the last row read: a sigmoid hidden layer, a linear layer last", new[] { LayerRows(
            "ILayer[]", "layers = new ILayer[] { new Dense(w1, Act.Logistic), new Dense(w2, Act.Identity) };",
            "var acts = new List<double[]>(); acts.Add(x); foreach (var layer in layers) acts.Add(layer.Forward(acts[acts.Count - 1])); var p = acts[acts.Count - 1];",
            "(p[k] - y[k]) * (p[k] - y[k])") } },
        { "the cross-entropy delta subtracted in place (double e = o[j]; e -= t[j];) and scaled", new[] { InPlaceSteps(
            "double e = o[j]; e -= t[j]; d[j] = e * rate;") } },
        { "a step size shrunk in place (double s = rate; s -= rate * o[j];) times the cross-entropy delta", new[] { InPlaceSteps(
            "double s = rate; s -= rate * o[j]; d[j] = s * (o[j] - t[j]);") } },
        { "a hidden unit's backpropagated sum multiplied in place by its slope (back *= h[k] * (1 - h[k]))", new[] { InPlaceSteps(
            "d[j] = o[j] - t[j]; for (int k = 0; k < h.Length; k++) { double back = w2[j, k] * d[j]; back *= h[k] * (1 - h[k]); w1[k, 0] -= rate * back; }") } },
        { "a Bernoulli variance built in place (double v = o[j]; v *= 1 - o[j];) beside the cross-entropy delta", new[] { InPlaceSteps(
            "double v = o[j]; v *= 1 - o[j]; d[j] = (o[j] - t[j]) / Math.Max(v, 1e-6) * v;") } },
        { "one layer class with a settable activation delegate, set by object initializers: logistic hidden, identity last", new[] { InitializedLayers(
            "Act.Identity", "(x[k] - y[k]) * (x[k] - y[k])") } },
        { "one layer class with a settable activation delegate, set by object initializers: logistic hidden, a tanh lambda last", new[] { InitializedLayers(
            "z => Math.Tanh(z)", "Math.Pow(x[k] - y[k], 2)") } },
        { "one layer class with a settable activation delegate, each layer's set after it is made: logistic hidden, identity last", new[] { LayersSetAfter(
            "Act.Identity", "(x[k] - y[k]) * (x[k] - y[k])") } },
        { "modules run by foreach, the sigmoid module hidden and a linear module last, squared error on what the loop carries out", new[] { ModularLayers(
            "public Model() { modules.Add(new Linear(2, 4)); modules.Add(new SigmoidModule()); modules.Add(new Linear(4, 1)); }"
            + "public double[] Predict(double[] x) { var a = x; foreach (var module in modules) a = module.Forward(a); return a; }",
            PerOutput("g[i] = p[i] - t[i]; loss += 0.5 * g[i] * g[i];")) } },
        { "modules run by index, a sigmoid module first and a tanh module last, squared error written out", new[] { ModularLayers(
            "public Model() { modules.Add(new SigmoidModule()); modules.Add(new Linear(4, 4)); modules.Add(new TanhModule()); }"
            + "public double[] Predict(double[] x) { var a = x; for (int k = 0; k < modules.Count; k++) a = modules[k].Forward(a); return a; }",
            PerOutput("g[i] = p[i] - t[i]; loss += (p[i] - t[i]) * (p[i] - t[i]);")) } },
        { "modules run by foreach, a sigmoid module last, but the loss read from the input the loop started with", new[] { ModularLayers(
            ModularFill + "public double[] Predict(double[] x) { var a = x; foreach (var module in modules) a = module.Forward(a); return x; }",
            PerOutput("g[i] = p[i] - t[i]; loss += 0.5 * g[i] * g[i];")) } },
        { "modules run by foreach, a sigmoid module last, the loss an ILoss object the model is made with, a cross-entropy", new[] { ModularLayers(
            "private readonly ILoss objective; public Model(ILoss objective) { this.objective = objective; modules.Add(new Linear(2, 4)); modules.Add(new TanhModule()); modules.Add(new Linear(4, 1)); modules.Add(new SigmoidModule()); }"
            + "public double[] Predict(double[] x) { var a = x; foreach (var module in modules) a = module.Forward(a); return a; }"
            + "public static Model Make() => new Model(new CrossEntropyLoss());",
            "var g = objective.Gradient(p, t); double loss = objective.Value(p, t);") } },
        { "a neuron's CalculateDelta(error) given only weighted sums of the next layer's deltas (a hidden neuron's error)", new[] { DeltaHelpers(
            "output.CalculateDelta(0.5 * output.Weights[1]); hidden.CalculateDelta(output.Delta * output.Weights[0]);") } },
        { "an array helper of output deltas, given an error array of targets less raw scores that no sigmoid squashed", new[] { DeltaHelpers(
            "var errors = new double[zs.Length]; for (int i = 0; i < zs.Length; i++) errors[i] = targets[i] - zs[i]; var deltas = Backprop.OutputDeltas(zs, errors);") } },
        { "a static Delta(p, e) given a difference, p a frequency counted from hits and no sigmoid's output", new[] { DeltaHelpers(
            "double p = hits / (double)n; double d = Backprop.Delta(p, target - p); output.Weights[0] += 0.1 * d;") } },
        { "modules run by foreach, a sigmoid module last, the loss made by the same factory from a setting left at CrossEntropy", new[] { ModularLayers(
            "private readonly LossChoice choice = LossChoice.CrossEntropy; private readonly ILoss objective;"
            + "public Model() { objective = choice.Create(); modules.Add(new Linear(2, 4)); modules.Add(new TanhModule()); modules.Add(new Linear(4, 1)); modules.Add(new SigmoidModule()); }"
            + "public double[] Predict(double[] x) { var a = x; foreach (var module in modules) a = module.Forward(a); return a; }",
            "var g = objective.Gradient(p, t); double loss = objective.Value(p, t);") } },
        { "modules folded with Aggregate, a tanh module last after a hidden sigmoid", new[] { ModularLayers(
            "public Model() { modules.Add(new Linear(2, 4)); modules.Add(new SigmoidModule()); modules.Add(new Linear(4, 1)); modules.Add(new TanhModule()); }"
            + "public double[] Predict(double[] x) => modules.Aggregate(x, (a, m) => m.Forward(a));",
            PerOutput("var d = p[i] - t[i]; g[i] = d; loss += d * d / p.Length;")) } },
        { "modules run by foreach that skips the last one, a sigmoid module last, squared error on what the loop carries out", new[] { ModularLayers(
            ModularFill + "public double[] Predict(double[] x) { var a = x; foreach (var module in modules) { if (module is SigmoidModule) continue; a = module.Forward(a); } return a; }",
            PerOutput("g[i] = p[i] - t[i]; loss += 0.5 * g[i] * g[i];")) } },
        { "a deconstruction stores the raw sum into the field the loss reads, the sigmoid into another", new[] { DeconstructingNeuron(
            "Output, Activation", "(z, 1.0 / (1.0 + Math.Exp(-z)))", "Math.Pow(Output - target, 2)") } },
        { "a tuple kept whole in a field, the loss on its linear element", new[] { """
            using System;
            public class Perceptron
            {
                public double W, B;
                private (double Logit, double Probability) last;
                public void Forward(double x) { var z = W * x + B; last = (z, 1 / (1 + Math.Exp(-z))); }
                public double Loss(double y) => (last.Logit - y) * (last.Logit - y);
            }
            """ } },
        { "sums and activations kept as tuples in an array, the loss on the sums", new[] { """
            using System;
            public class Layer
            {
                public (double Sum, double Out)[] Steps = new (double, double)[4];
                public void Forward(double[] z)
                {
                    for (int i = 0; i < z.Length; i++) Steps[i] = (z[i], 1.0 / (1.0 + Math.Exp(-z[i])));
                }

                public double Cost(double[] t)
                {
                    double c = 0;
                    for (int k = 0; k < t.Length; k++) c += (Steps[k].Sum - t[k]) * (Steps[k].Sum - t[k]);
                    return c;
                }
            }
            """ } },
        { "a history of (sum, activation) tuples walked by a foreach that deconstructs them, the loss on the sums", new[] { """
            using System;
            using System.Collections.Generic;
            public class Recorder
            {
                public List<(double Sum, double Activation)> History { get; } = new();
                public void Record(double z) => History.Add((z, 1 / (1 + Math.Exp(-z))));
                public double Cost(IReadOnlyList<double> targets)
                {
                    double cost = 0;
                    var k = 0;
                    foreach (var (sum, _) in History) { cost += (sum - targets[k]) * (sum - targets[k]); k++; }
                    return cost;
                }
            }
            """ } },
        { "layer subclasses override an abstract activation, the sigmoid layer hidden and a ReLU layer the output", new[] { OverridingLayers(
            "public Layer Hidden { get; set; } = null!; public Layer OutputLayer { get; set; } = null!;",
            "public double Loss(double[] t) { double c = 0; for (int k = 0; k < 2; k++) c += (OutputLayer.Outputs[k] - t[k]) * (OutputLayer.Outputs[k] - t[k]); return c; }",
            "net.Hidden = new SigmoidLayer(); net.OutputLayer = new ReluLayer();") } },
        { "a forward pass carrying each layer's activations out of the loop, the last layer linear", new[] { CarriedForward(
            "ReferenceEquals(layer, layers[layers.Count - 1]) ? z : 1.0 / (1.0 + Math.Exp(-z))", "a = next;", "(p[k] - y[k]) * (p[k] - y[k])") } },
        { "a forward pass carrying tanh activations out of the loop", new[] { CarriedForward("Math.Tanh(z)", "a = next;", "(p[k] - y[k]) * (p[k] - y[k])") } },
        { "a forward pass whose carried activations a store under an if may replace by the input", new[] { CarriedForward(
            "1.0 / (1.0 + Math.Exp(-z))", "a = next; if (layer.Skip) a = x;", "(p[k] - y[k]) * (p[k] - y[k])") } },
        { "a forward pass whose loss reads the carried local inside the loop, before the last layer", new[] { CarriedForward(
            "ReferenceEquals(layer, layers[0]) ? 1.0 / (1.0 + Math.Exp(-z)) : z", "a = next; if (ReferenceEquals(layer, layers[0])) { var p = a; for (int k = 0; k < y.Length; k++) s += (p[k] - y[k]) * (p[k] - y[k]); }",
            "0") } },
        { "layers built from params (size, activation) tuples a foreach deconstructs, a sigmoid hidden layer and a linear output", new[] { ShapedNetwork(
            "foreach (var (size, activation) in shape) layers.Add(new Layer(size, activation));", "(2, new Logistic()), (1, new Identity())") } },
        { "layers read by name from params (size, activation) tuples, a sigmoid hidden layer and a linear output", new[] { ShapedNetwork(
            "foreach (var layer in shape) layers.Add(new Layer(layer.Size, layer.Activation));", "(2, new Logistic()), (1, new Identity())") } },
        { "a foreach deconstructing the (sum, activation) list a forward pass of yours returns, the loss on the sums", new[] { TupleTrace(
            "foreach (var (sum, _) in Run(xs)) { cost += (sum - targets[k]) * (sum - targets[k]); k++; }") } },
        { "a helper's tuple deconstructed into fields, the loss on the linear part", new[] { """
            using System;
            public class Regressor
            {
                public double Prediction, Confidence;
                static (double Linear, double Squashed) Score(double w, double x) { var z = w * x; return (z, 1 / (1 + Math.Exp(-z))); }
                public void Fit(double w, double x) => (Prediction, Confidence) = Score(w, x);
                public double Loss(double y) => (Prediction - y) * (Prediction - y);
            }
            """ } },
        { "the error a method of the neuron returns, on the raw sum it keeps beside the sigmoid output", new[] { ErrorMethodNeurons(
            "public double Sum { get; set; } public double CalculateError(double target) => target - Sum;",
            "Logistic.Output(Sum = sum + Bias)",
            "var e = OutputLayer[k].CalculateError(targets[k]); sum += e * e;") } },
        { "a squaring helper given a sigmoid output alone (a penalty on the output, no difference), and a doubling helper given the difference", new[] { ConvertedOutputs(
            "var p = z.ConvertAll(v => 1 / (1 + Math.Exp(-v)));",
            "s += Sq(p[i]) + Twice(p[i] - t[i]);") } },
        { "a squaring helper given the difference of ReLU outputs mapped by Array.ConvertAll", new[] { ConvertedOutputs(
            "var p = Array.ConvertAll(z.ToArray(), Relu);",
            "s += Square(p[i] - t[i]);") } },
        { "outputs mapped by List.ConvertAll through a sigmoid, the squared error on the inputs", new[] { ConvertedOutputs(
            "var p = z.ConvertAll(Sigmoid);",
            "s += Square(z[i] - t[i]);") } },
        { "MathNet matrices: the slope delegate of a tanh activation object mapped over the outputs, times the error", new[] { MathNetStub, ActivationObjectToy(
            "Activations.Tanh", "outputs.Clone().Map(act.Slope).PointwiseMultiply(errors)") } },
        { "MathNet matrices: σ' of the hidden layer mapped by the activation object's delegate, times the error sent back (no difference)", new[] { MathNetStub, ActivationObjectToy(
            "Activations.Logistic", "hidden.Map(act.Slope).PointwiseMultiply(weightsHo.Transpose() * errors)") } },
        { "the error stored into one neuron's Error property, the delta method called on another neuron", new[] { NeuronsWithErrorMember(
            "Activation.Sigmoid(s)",
            "OutputLayer[i].Error = expected[i] - OutputLayer[i].Output; HiddenLayer[i].CalculateDelta();") } },
        { "the error stored into the Error property of linear output neurons before their delta method", new[] { NeuronsWithErrorMember(
            "s",
            "OutputLayer[i].Error = expected[i] - OutputLayer[i].Output; OutputLayer[i].CalculateDelta();") } },
        { "errors added to a list only for the outputs a mask selects, so the list's i-th error is not output i's", new[] { ListedErrors(
            "for (int k = 0; k < t.Length; k++) { if (Mask[k]) errors.Add(t[k] - o[k]); }", "errors[i] * o[i] * (1 - o[i])") } },
        { "errors added to one list over two epochs of forward passes, so the list's i-th error is the first epoch's, not the last output's", new[] { ListedErrors(
            "for (int epoch = 0; epoch < 2; epoch++) { Forward(t); for (int k = 0; k < t.Length; k++) errors.Add(t[k] - o[k]); }", "errors[i] * o[i] * (1 - o[i])") } },
        { "errors added to a list from the second output on, so the list's i-th error is output i + 1's", new[] { ListedErrors(
            "for (int k = 1; k < t.Length; k++) errors.Add(t[k] - o[k]);", "errors[i] * o[i] * (1 - o[i])") } },
        { "a squared error summed by a foreach over a list of errors of the raw sums", new[] { CollectedErrors(
            "var errors = new List<double>(); for (int i = 0; i < t.Length; i++) errors.Add(t[i] - Sums[i]);",
            "double s = 0; foreach (var e in errors) s += e * e; return s;") } },
        { "a sum of squares by LINQ over an array filled with the outputs themselves (no difference)", new[] { CollectedErrors(
            "var errors = new double[t.Length]; for (int i = 0; i < t.Length; i++) errors[i] = Outputs[i];",
            "return errors.Sum(e => e * e);") } },
        { "tanh neurons: the network multiplies an output neuron's error by that neuron's slope method, written for tanh", new[] { SlopeMemberNeurons(
            "Math.Tanh(z)", "1 - activation * activation",
            "", "var n = last[i]; n.Delta = (targets[i] - n.Output) * n.DSigmoid();") } },
        { "an output neuron's error multiplied by σ' of the next neuron's output, not its own", new[] { SlopeMemberNeurons(
            "1 / (1 + Math.Exp(-z))", "activation * (1 - activation)",
            "public override double Backprop(double upstream) { Delta = (expected - activation) * Next.DSigmoid(); return Delta; }", "") } },
        { "a neuron's σ' getter times the delta sent back to it (no difference)", new[] { SlopeMemberNeurons(
            "1 / (1 + Math.Exp(-z))", "activation * (1 - activation)",
            "", "last[i].Delta = last[i].Slope * upstream[i];") } },
        { "a unit's error multiplied by σ' taken at the next unit's input, both outputs sigmoids of their own sums", new[] { """
            using System;
            public class Unit
            {
                public double Output, Sum, Delta;
                public Unit Next;
                static double Sig(double x) => 1.0 / (1.0 + Math.Exp(-x));
                static double SigPrime(double x) => Sig(x) * (1 - Sig(x));
                public void Fire() { Output = Sig(Sum); }
                public void Back(double target) { Delta = (target - Output) * SigPrime(Next.Sum); }
            }
            """ } },
        { "a Bernoulli variance getter p * (1 - p) of a sigmoid probability, times a count", new[] { """
            using System;
            public class Coin
            {
                public double P;
                public void Fit(double z) { P = 1.0 / (1.0 + Math.Exp(-z)); }
                public double Variance => P * (1 - P);
                public double Spread(int n) => Variance * n;
            }
            """ } },
        { "a tanh neuron stores its slope 1 - o² into a field when it fires; the delta multiplies the error by that field", new[] { StoredSlopeNeurons(
            "Output = Math.Tanh(Sum); Derivative = 1 - Output * Output;",
            "public void Back(double target) { Delta = (target - Output) * Derivative; }") } },
        { "a sigmoid neuron's error times its learning-rate field", new[] { StoredSlopeNeurons(
            "Output = 1 / (1 + Math.Exp(-Sum)); Derivative = Output * (1 - Output);",
            "public void Step(double target) { Delta = (target - Output) * Rate; }") } },
        { "a neuron's error times the σ' the next neuron stored when it fired", new[] { StoredSlopeNeurons(
            "Output = 1 / (1 + Math.Exp(-Sum)); Derivative = Output * (1 - Output);",
            "public void Back(double target) { Delta = (target - Output) * Next.Derivative; }") } },
        { "a neuron's error times the σ' another neuron stored at construction from its own input", new[] { StoredAtConstruction("(t[i] - Outputs[i].Output) * Outputs[i].Next.Derivative") } },
        { "errors made by Zip, read at the next index beside σ' of output i", new[] { LinqErrors(
            "Sigmoid(z[i])", "o.Zip(t, (a, b) => b - a).ToArray()",
            "var d = new double[errors.Length]; for (int i = 0; i < d.Length; i++) d[i] = errors[(i + 1) % d.Length] * o[i] * (1 - o[i]); return d;") } },
        { "errors made by Select with the element's index against the next output, read by index beside σ' of output i", new[] { LinqErrors(
            "Sigmoid(z[i])", "t.Select((ti, k) => ti - o[(k + 1) % o.Length]).ToArray()",
            "var d = new double[errors.Length]; for (int i = 0; i < d.Length; i++) d[i] = errors[i] * o[i] * (1 - o[i]); return d;") } },
        { "a Zip of sigmoid outputs with the targets that weighs p(1 - p) by the target (no error)", new[] { LinqErrors(
            "Sigmoid(z[i])", "o.Zip(t, (a, b) => a * (1 - a) * b).ToArray()",
            "return errors;") } },
        { "errors made by Zip into a list, read at the next index beside σ' of output i", new[] { LinqErrors(
            "Sigmoid(z[i])", "o.Zip(t, (a, b) => b - a).ToList()",
            "var d = new double[errors.Count]; for (int i = 0; i < d.Length; i++) d[i] = errors[(i + 1) % d.Length] * o[i] * (1 - o[i]); return d;") } },
        { "a list of the outputs' Bernoulli variances made by Select, times the count", new[] { LinqErrors(
            "Sigmoid(z[i])", "o.Select(p => p * (1 - p)).ToList()",
            "var d = new double[errors.Count]; for (int i = 0; i < d.Length; i++) d[i] = errors[i] * d.Length; return d;") } },
        { "a layer's activation and slope chosen by a string setting, every layer made \"relu\"", new[] { SettingLayer(
            "string", "\"sigmoid\"", "\"relu\"", "new Layer(2, \"relu\")", "(Out[i] - t[i]) * Slope(Out[i])") } },
        { "a layer's activation and slope chosen by an enum setting, the hidden layer made Kind.Sigmoid and the output layer Kind.Linear", new[] { SettingLayer(
            "Kind", "Kind.Sigmoid", "Kind.Relu", "new Layer(2, Kind.Sigmoid); static Layer Top() => new Layer(2, Kind.Linear)", "(Out[i] - t[i]) * Slope(Out[i])") } },
        { "each layer object holds its activation setting; the output layer, a field made Act.Tanh, chooses its slope in a switch expression", new[] { PerObjectSetting(
            SettingSlopeBySwitchExpression, FieldLayers("Act.Tanh"),
            "var o = outputLayer.Forward(hidden.Forward(x)); for (int i = 0; i < o.Length; i++) d[i] = (o[i] - t[i]) * outputLayer.Slope(o[i]);") } },
        { "each layer object holds its activation setting; the hidden layers are made Act.Sigmoid and the last of the list Act.Relu", new[] { PerObjectSetting(
            SettingSlopeBySwitchStatement, ListLayers("Act.Relu", hidden: "Act.Sigmoid"),
            "foreach (var l in layers) x = l.Forward(x); var last = layers.Last(); for (int i = 0; i < t.Length; i++) { var o = last.Outputs[i]; var err = o - t[i]; d[i] = err * last.Slope(o); }") } },
        { "the tutorial's layers made in a loop from a per-layer setting array, Act.Sigmoid hidden and Act.Tanh last; the last layer's back-propagation multiplies its error by its slope", new[] { SettingTutorial(
            SettingsArray("Act.Sigmoid", "Act.Tanh"), "layers[layers.Length - 1].BackPropOutput(expected); for (int i = layers.Length - 2; i >= 0; i--) layers[i].BackPropHidden(layers[i + 1]);", "Error[i] * Slope(Outputs[i])") } },
        { "the tutorial's layers, Act.Sigmoid hidden and Act.Tanh last; the output step runs on layers[last] with int last = layers.Length - 1", new[] { SettingTutorial(
            SettingsArray("Act.Sigmoid", "Act.Tanh"), "int last = layers.Length - 1; layers[last].BackPropOutput(expected); for (int i = last - 1; i >= 0; i--) layers[i].BackPropHidden(layers[i + 1]);", "Error[i] * Slope(Outputs[i])") } },
        { "the tutorial's layers, Act.Sigmoid hidden and Act.Tanh last; the output step runs on layers[n - 1] with int n = layers.Length", new[] { SettingTutorial(
            SettingsArray("Act.Sigmoid", "Act.Tanh"), "int n = layers.Length; layers[n - 1].BackPropOutput(expected); for (int i = n - 2; i >= 0; i--) layers[i].BackPropHidden(layers[i + 1]);", "Error[i] * Slope(Outputs[i])") } },
        { "the tutorial's layers made in a loop, Act.Sigmoid hidden and Act.Tanh for the last by a ?: on the index; the output step runs under if (i == layers.Length - 1)", new[] { SettingTutorial(
            LastByConditional("Act.Sigmoid", "Act.Tanh"), "for (int i = layers.Length - 1; i >= 0; i--) { if (i == layers.Length - 1) layers[i].BackPropOutput(expected); else layers[i].BackPropHidden(layers[i + 1]); }", "Error[i] * Slope(Outputs[i])") } },
        { "the tutorial's layers in two fields, the hidden layer Act.Sigmoid and the output layer Act.Relu", new[] { SettingTutorial(
            TwoFields("Act.Sigmoid", "Act.Relu"), "output.BackPropOutput(expected); hidden.BackPropHidden(output);", "Error[i] * Slope(Outputs[i])") } },
        { "the tutorial's layers added to a list in a loop, Act.Sigmoid hidden and Act.Tanh last, copied into an array", new[] { SettingTutorial(
            SettingsList("Act.Sigmoid", "Act.Tanh"), "layers[layers.Length - 1].BackPropOutput(expected);", "Error[i] * Slope(Outputs[i])") } },
        { "a layer computes its own squared error, called only on the last of the tutorial's layers, Act.Tanh, beside Act.Sigmoid hidden layers", new[] { SettingTutorial(
            SettingsArray("Act.Sigmoid", "Act.Tanh"), "layers[layers.Length - 1].BackPropOutput(expected); Console.WriteLine(layers[layers.Length - 1].Loss(expected));", "Error[i] * Slope(Outputs[i])",
            "public double Loss(double[] t) { double sum = 0; for (int i = 0; i < Outputs.Length; i++) sum += (Outputs[i] - t[i]) * (Outputs[i] - t[i]); return sum / Outputs.Length; }") } },
        { "the network fills the last layer's Error array before its back-propagation of no parameter; the slope its Act.Tanh setting picks is not σ', beside Act.Sigmoid hidden layers", new[] { SettingTutorial(
            LastByConditional("Act.Sigmoid", "Act.Tanh"), "for (int i = layers.Length - 1; i >= 0; i--) { if (i == layers.Length - 1) { for (int k = 0; k < expected.Length; k++) layers[i].Error[k] = layers[i].Outputs[k] - expected[k]; layers[i].BackPropOutput(); } else layers[i].BackPropHidden(layers[i + 1]); }",
            "Error[i] * Slope(Outputs[i])", callerFillsErrors: true) } },
        { "the network fills its output field's Error array before its back-propagation of no parameter; the output layer is Act.Relu under an Act.Sigmoid hidden layer", new[] { SettingTutorial(
            TwoFields("Act.Sigmoid", "Act.Relu"), "for (int k = 0; k < expected.Length; k++) output.Error[k] = expected[k] - output.Outputs[k]; output.BackPropOutput(); hidden.BackPropHidden(output);",
            "Error[i] * Slope(Outputs[i])", callerFillsErrors: true) } },
        { "the last layer, Act.Tanh from the per-layer setting array, held in a local whose Error array the network fills before its back-propagation of no parameter", new[] { SettingTutorial(
            SettingsArray("Act.Sigmoid", "Act.Tanh"), "var last = layers[layers.Length - 1]; for (int k = 0; k < expected.Length; k++) last.Error[k] = last.Outputs[k] - expected[k]; last.BackPropOutput();",
            "Error[i] * Slope(Outputs[i])", callerFillsErrors: true) } },
        { "neurons handed a Tanh activation object; the output layer's filler hands each neuron value minus target, which it multiplies by Activation.Derivative(Value)", new[] { InjectedActivators(
            ActivatorLayers("Tanh", "Tanh"), "layer.Neurons[i].UpdateGamma(CalculateGamma(layer.Neurons[i].Value, expecteds[i]))") } },
        { "Sigmoid hidden neurons and Tanh output neurons from one builder; the filler hands each output neuron value minus target, which it multiplies by Activation.Derivative(Value)", new[] { InjectedActivators(
            ActivatorLayers("Sigmoid", "Tanh"), "layer.Neurons[i].UpdateGamma(CalculateGamma(layer.Neurons[i].Value, expecteds[i]))") } },
        { "neurons handed a Sigmoid activation object, each given a scaled value, no difference, to multiply by Activation.Derivative(Value)", new[] { InjectedActivators(
            ActivatorLayers("Sigmoid", "Sigmoid"), "layer.Neurons[i].UpdateGamma(0.5f * layer.Neurons[i].Value)") } },
        { "layers each made with their own activation and derivative delegates, Sigmoid hidden and Tanh output; the output layer multiplies its stored error by the derivative it holds", new[] { OwnActivationLayers(
            "Sigmoid", "Tanh", "Error[i] * derivative(Outputs[i])") } },
        { "layers each made with their own derivative delegate; the network fills the Tanh output layer's Error array before its back-propagation, Sigmoid hidden", new[] { OwnActivationLayers(
            "Sigmoid", "Tanh", "Error[i] * derivative(Outputs[i])", "for (int k = 0; k < t.Length; k++) output.Error[k] = t[k] - output.Outputs[k]; output.BackPropOutput();", callerFills: true) } },
        { "layers each made with their own activation object, Sigmoid hidden and Tanh output; the output layer multiplies its stored error by its object's derivative", new[] { OwnActivationLayers(
            "Sigmoid", "Tanh", "Error[i] * act.Derivative(Outputs[i])", objects: true) } },
        { "the tutorial's hidden layer made by a second constructor that chains Act.Sigmoid, the output layer given Act.Tanh; its own back-propagation multiplies its error by its slope", new[] { SettingTutorial(
            "readonly Layer[] layers = { new Layer(2, 4), new Layer(4, 1, Act.Tanh) }; IEnumerable<Layer> Layers() => layers;", "layers[layers.Length - 1].BackPropOutput(expected); layers[0].BackPropHidden(layers[1]);",
            "Error[i] * Slope(Outputs[i])", "public Layer(int inputs, int n) : this(inputs, n, Act.Sigmoid) { }") } },
        { "layers take their activation from a factory switching on each layer's enum, every entry of the game's settings list RELU; the output layer's own squared error", new[] { FactoryDelegateLayers(
            "ActivationType.RELU", "(Outputs[i] - t[i]) * (Outputs[i] - t[i])") } },
        { "layers take their activation from a factory switching on each layer's enum, the game's settings list RELU twice; the output layer's own squared error", new[] { FactoryDelegateLayers(
            "ActivationType.RELU, ActivationType.RELU", "(Outputs[i] - t[i]) * (Outputs[i] - t[i])") } },
        { "an output layer takes the derivatives of all its outputs at once by an array overload mapping TanhDerivative, then multiplies its error by each", new[] { MappedDerivatives(
            "var derivatives = Functions.TanhDerivative(Outputs);") } },
        { "an output layer maps TanhDerivative over its outputs with Select, a method group, then multiplies its error by each", new[] { MappedDerivatives(
            "var derivatives = Outputs.Select(Functions.TanhDerivative).ToArray();") } },
        { "the output error stored into the first layer's Error array, the back-propagation of no parameter called on the last layer", new[] { CallerFilledErrors(
            "for (int k = 0; k < t.Length; k++) layers[0].Error[k] = layers[0].Outputs[k] - t[k]; layers[1].BackPropOutput();") } },
        { "the last layer's Error array filled with a scaled output, no difference, before its back-propagation of no parameter", new[] { CallerFilledErrors(
            "var last = layers[layers.Length - 1]; for (int k = 0; k < t.Length; k++) last.Error[k] = 0.5 * last.Outputs[k]; last.BackPropOutput();") } },
        { "layer classes side by side under one base that holds the setting: Sigmoid dense layers, a TanH output layer whose delta takes the static helper given its setting", new[] { SiblingLayers(
            "ActivationType.Sigmoid", "ActivationType.TanH", "rate * Errors[idx] * ActivationFunctions.ActivationDeriv(NeuronValues[idx], ActivationFunction)") } },
        { "layer classes side by side under one base: Sigmoid dense layers, a TanH output layer whose Train stores its errors and takes its deltas in two Parallel.For bodies", new[] { SiblingLayers(
            "ActivationType.Sigmoid", "ActivationType.TanH", "rate * Errors[idx] * ActivationFunctions.ActivationDeriv(NeuronValues[idx], ActivationFunction)", parallel: true) } },
        { "errors stored in one Parallel.For body at its index, read in another at an index shifted by one, so the error read is not the output's", new[] { SiblingLayers(
            "ActivationType.TanH", "ActivationType.Sigmoid", "rate * Errors[(idx + 1) % Size] * ActivationFunctions.ActivationDeriv(NeuronValues[idx], ActivationFunction)", parallel: true) } },
        { "layer classes side by side under one base: Sigmoid dense layers, a ReLU output layer whose delta takes the base's Deriv", new[] { SiblingLayers(
            "ActivationType.Sigmoid", "ActivationType.ReLU", "rate * Errors[idx] * Deriv(NeuronValues[idx])") } },
        { "a factory behind an interface gives the network's IMaths by its setting, configured HyperTan; the output error stores Derivative(value) * (target - value)", new[] { FactoryMaths(
            "MathKind.HyperTan", "[i]", "maths.Derivative(net.OutputUnits[i].Value) * (targets[i] - net.OutputUnits[i].Value)") } },
        { "a factory behind an interface gives the network's IMaths, configured HyperTan; the output neurons read with ElementAt(i)", new[] { FactoryMaths(
            "MathKind.HyperTan", ".ElementAt(i)", "maths.Derivative(net.OutputUnits.ElementAt(i).Value) * (targets[i] - net.OutputUnits.ElementAt(i).Value)") } },
        { "the tutorial's output step of no parameter, reading targets stored into the last layer, held in a local; Act.Sigmoid hidden layers and Act.Tanh last", new[] { SettingTutorial(
            SettingsArray("Act.Sigmoid", "Act.Tanh"), "var last = layers[layers.Length - 1]; last.Targets = expected; last.BackPropOutput(); for (int i = layers.Length - 2; i >= 0; i--) layers[i].BackPropHidden(layers[i + 1]);", "Error[i] * Slope(Outputs[i])", targetsInField: true) } },
        { "the tutorial's output step of no parameter called on the output layer's field, made Act.Relu, the hidden layer Act.Sigmoid", new[] { SettingTutorial(
            TwoFields("Act.Sigmoid", "Act.Relu"), "output.Targets = expected; output.BackPropOutput(); hidden.BackPropHidden(output);", "Error[i] * Slope(Outputs[i])", targetsInField: true) } },
        { "the tutorial's output step of no parameter called under if (i == layers.Length - 1), Act.Sigmoid hidden and Act.Tanh for the last by a ?: on the index", new[] { SettingTutorial(
            LastByConditional("Act.Sigmoid", "Act.Tanh"), "for (int i = layers.Length - 1; i >= 0; i--) { if (i == layers.Length - 1) { layers[i].Targets = expected; layers[i].BackPropOutput(); } else layers[i].BackPropHidden(layers[i + 1]); }", "Error[i] * Slope(Outputs[i])", targetsInField: true) } },
        { "a layer's squared error of no parameter called only on the last of the tutorial's layers, Act.Tanh, beside Act.Sigmoid hidden layers", new[] { SettingTutorial(
            SettingsArray("Act.Sigmoid", "Act.Tanh"), "var last = layers[layers.Length - 1]; last.Targets = expected; last.BackPropOutput(); Console.WriteLine(last.Loss());", "Error[i] * Slope(Outputs[i])",
            "public double Loss() { double sum = 0; for (int i = 0; i < Outputs.Length; i++) sum += (Outputs[i] - Targets[i]) * (Outputs[i] - Targets[i]); return sum / 2; }", targetsInField: true) } },
        { "layers made in a loop from a per-layer setting array, Act.Sigmoid hidden and Act.Tanh last; the network's squared error reads layers[^1]'s outputs", new[] { PerObjectSetting(
            SettingSlopeBySwitchExpression, LoopLayers("Act.Sigmoid", "Act.Tanh"),
            "foreach (var l in layers) x = l.Forward(x); for (int i = 0; i < t.Length; i++) d[i] = (t[i] - layers[^1].Outputs[i]) * (t[i] - layers[^1].Outputs[i]);") } },
        { "layers made in a loop, Act.Sigmoid hidden and Act.Tanh for the last by a ?: on the index; the network's delta takes layers[^1]'s slope", new[] { PerObjectSetting(
            SettingSlopeBySwitchExpression, LoopLayers("Act.Sigmoid", "Act.Tanh", byConditional: true),
            "foreach (var l in layers) x = l.Forward(x); for (int i = 0; i < t.Length; i++) d[i] = (t[i] - layers[^1].Outputs[i]) * layers[^1].Slope(layers[^1].Outputs[i]);") } },
        { "each neuron holds the setting its layer's constructor hands it; Act.Sigmoid hidden neurons, and the last layer of a list initializer Act.Tanh", new[] { NeuronsOfLayers(
            "readonly List<Layer> layers = new List<Layer> { new Layer(4, Act.Sigmoid), new Layer(1, Act.Tanh) };", "layers.Last()", "(target - Output) * Slope(Output)") } },
        { "each neuron holds the setting its layer's constructor hands it; layers made in a loop from a per-layer setting array, Act.Sigmoid hidden and Act.Tanh last", new[] { NeuronsOfLayers(
            "readonly Layer[] layers; public Net(int[] sizes, Act[] acts) { layers = new Layer[sizes.Length]; for (int i = 0; i < sizes.Length; i++) layers[i] = new Layer(sizes[i], acts[i]); } public static Net Make() => new Net(new[] { 4, 1 }, new[] { Act.Sigmoid, Act.Tanh });",
            "layers[layers.Length - 1]", "(target - Output) * Slope(Output)") } },
        { "the tutorial's layers made in a loop, Act.Tanh hidden and Act.Sigmoid last; the output step runs on a local holding layers[l] under if (l == layers.Length - 1), which is not followed", new[] { SettingTutorial(
            SettingsArray("Act.Tanh", "Act.Sigmoid"), "for (int l = layers.Length - 1; l >= 0; l--) { var layer = layers[l]; if (l == layers.Length - 1) layer.BackPropOutput(expected); else layer.BackPropHidden(layers[l + 1]); }", "Error[i] * Slope(Outputs[i])") } },
        { "the tutorial's layers made in a loop, Act.Sigmoid hidden and Act.Tanh last; the output step runs on a local holding layers[l] under if (l == layers.Length - 1)", new[] { SettingTutorial(
            SettingsArray("Act.Sigmoid", "Act.Tanh"), "for (int l = layers.Length - 1; l >= 0; l--) { var layer = layers[l]; if (l == layers.Length - 1) layer.BackPropOutput(expected); else layer.BackPropHidden(layers[l + 1]); }", "Error[i] * Slope(Outputs[i])") } },
        { "the tutorial's layers made in a loop, Act.Sigmoid hidden and Act.Tanh last; the output step runs on the foreach variable that equals the last layer", new[] { SettingTutorial(
            SettingsArray("Act.Sigmoid", "Act.Tanh"), "foreach (var layer in layers) if (layer == layers[layers.Length - 1]) layer.BackPropOutput(expected);", "Error[i] * Slope(Outputs[i])") } },
        { "layers a builder method makes from the setting each call passes, Act.Sigmoid then Act.Tanh; the network's delta takes the last layer's slope", new[] { PerObjectSetting(
            SettingSlopeBySwitchExpression, "readonly List<Layer> layers = new List<Layer>(); void AddLayer(int n, Act act) => layers.Add(new Layer(n, n, act)); public Network() { AddLayer(4, Act.Sigmoid); AddLayer(1, Act.Tanh); }",
            "var last = layers.Last(); for (int i = 0; i < t.Length; i++) d[i] = (t[i] - last.Outputs[i]) * last.Slope(last.Outputs[i]);") } },
        { "each layer object holds its activation setting, passed by a factory to the network's constructor: Act.Sigmoid hidden, Act.Tanh for layers[^1]", new[] { PerObjectSetting(
            SettingSlopeBySwitchExpression, ConstructedLayers("Act.Tanh", hidden: "Act.Sigmoid"),
            "foreach (var l in layers) x = l.Forward(x); for (int i = 0; i < t.Length; i++) d[i] = (t[i] - layers[^1].Outputs[i]) * layers[^1].Slope(layers[^1].Outputs[i]);") } },
        { "each layer object holds its activation setting; the delta is taken on a layer handed in by a caller no code shows, beside Act.Sigmoid hidden layers", new[] { PerObjectSetting(
            SettingSlopeBySwitchExpression, ListLayers("Act.Relu", hidden: "Act.Sigmoid") + " public static double Delta(Layer output, double target) => (output.Outputs[0] - target) * output.Slope(output.Outputs[0]);",
            "foreach (var l in layers) x = l.Forward(x);") } },
        { "an activation object a factory makes from a string that every layer's constructor is given as \"tanh\"", new[] { NamedActivationLayer(
            "new Layer(\"tanh\")", "(Out[i] - t[i]) * Act.D(Out[i])") } },
        { "layers added in a counting loop, sigmoid layers by the branch of an if for every index but the last", new[] { LoopBuiltLayers(
            "if (i < depth - 1) layers.Add(new Squash()); else layers.Add(new Dense());", squared: "(a[i] - y[i]) * (a[i] - y[i])") } },
        { "layers added in a counting loop, sigmoid layers chosen by a ?: for every index but the last", new[] { LoopBuiltLayers(
            "layers.Add(i != depth - 1 ? new Squash() : new Dense());", squared: "(a[i] - y[i]) * (a[i] - y[i])") } },
        { "the network stores a hidden neuron's backpropagated sum as its error, then the neuron multiplies it by its stored σ'", new[] { ErrorMemberNeurons(
            SigmoidFire, "public void Blame() { Delta = Error * Derivative; }",
            "Outputs[i].Error = Outputs[i].Next.Delta * Outputs[i].W[0]; Outputs[i].Blame();") } },
        { "a tanh neuron's stored error times its stored slope 1 - o²", new[] { ErrorMemberNeurons(
            "Output = Math.Tanh(Sum); Derivative = 1 - Output * Output;", "public void Blame() { Delta = Error * Derivative; }",
            "Outputs[i].Error = t[i] - Outputs[i].Output; Outputs[i].Blame();") } },
        { "a neuron's stored error times the σ' the next neuron stored", new[] { ErrorMemberNeurons(
            SigmoidFire, "public void Blame() { Delta = Error * Next.Derivative; }",
            "Outputs[i].Error = t[i] - Outputs[i].Output; Outputs[i].Blame();") } },
        { "a neuron's stored error times σ' from the next neuron's slope method", new[] { ErrorMemberNeurons(
            SigmoidFire, "public double Slope() => Output * (1 - Output); public void Blame() { Delta = Error * Next.Slope(); }",
            "Outputs[i].Error = t[i] - Outputs[i].Output; Outputs[i].Blame();") } },
        { "a neuron's learning rate times its stored σ', its error stored beside", new[] { ErrorMemberNeurons(
            SigmoidFire, "public void Blame() { Delta = Rate * Derivative; }",
            "Outputs[i].Error = t[i] - Outputs[i].Output; Outputs[i].Blame();") } },
        { "the cross-entropy gradient divided by the batch size, with no σ'", new[] { FlaggedUnit(
            "return Squash(s);", "(o - target) / W.Length", "Rate * error", "new Unit(true)") } },
        { "an error divided by σ' and multiplied by it again (the cross-entropy gradient)", new[] { FlaggedUnit(
            "return Squash(s);", "(o - target) / (o * (1.0 - o))", "error * o * (1.0 - o)", "new Unit(true)") } },
        { "the cross-entropy's derivative in the output, -t/o + (1 - t)/(1 - o), times σ' by the chain rule", new[] { FlaggedUnit(
            "return Squash(s);", "-(target / o) + (1 - target) / (1.0 - o)", "error * o * (1.0 - o)", "new Unit(true)") } },
        { "the cross-entropy's derivative in the output handed to the step helper that multiplies it by σ'", new[] { FlaggedUnit(
            "return Squash(s);", "-target / o + (1 - target) / (1.0 - o)", "Step(o, error)", "new Unit(true)") } },
        { "a flag that turns a unit's sigmoid on, set false wherever a unit is made", new[] { FlaggedUnit(
            "return squashed ? Squash(s) : s;", "-(target - o)", "Step(o, error)", "new Unit(false)") } },
        { "a flag set false turns the sigmoid on only under !", new[] { FlaggedUnit(
            "return !squashed ? Squash(s) : s;", "o - target", "Step(o, error)", "new Unit(squashed: true)") } },
        { "a flag set true, the step helper given the negated difference of the target and a linear baseline", new[] { FlaggedUnit(
            "return squashed ? Squash(s) : s;", "-(target - Baseline(x))", "Step(o, error)", "new Unit(true)") } },
        { "a mean squared error method over the tuples of p.Zip(y), called with a linear regression's predictions", new[] { LinqMetric(
            "public static double Mse(double[] p, double[] y) => p.Zip(y).Sum(pair => Math.Pow(pair.First - pair.Second, 2)) / y.Length;", "x.Zip(w, (a, b) => a * b).Sum()", "Metrics.Mse(p, ys)") } },
        { "a mean squared error method written with Zip, called with a linear regression's predictions", new[] { LinqMetric(
            "public static double Mse(double[] p, double[] y) => p.Zip(y, (a, b) => (a - b) * (a - b)).Average();", "x.Zip(w, (a, b) => a * b).Sum()", "Metrics.Mse(p, ys)") } },
        { "a log loss method written with Zip, called with a classifier's sigmoid predictions", new[] { LinqMetric(
            "public static double LogLoss(double[] p, double[] y) => -p.Zip(y, (a, b) => b * Math.Log(a) + (1 - b) * Math.Log(1 - a)).Average();", "1 / (1 + Math.Exp(-x.Zip(w, (a, b) => a * b).Sum()))", "Metrics.LogLoss(p, ys)") } },
        { "the squared spread of sigmoid predictions around the labels' mean (one sequence squared, not a pair)", new[] { LinqMetric(
            "public static double Spread(double[] p, double[] y) { var m = y.Average(); return p.Select(v => (v - m) * (v - m)).Average(); }", "1 / (1 + Math.Exp(-x.Zip(w, (a, b) => a * b).Sum()))", "Metrics.Spread(p, ys)") } },
        { "a matrix class of one's own with flat storage: a hidden layer's σ' times the error propagated back", new[] { FlatMatrixNet(
            "var h = (w1 * x).Map(Sigmoid); var o = w2 * h; var err = o - y;",
            "var back = w2.Transposed() * err; var delta = back.Hadamard(h.Map(v => v * (1 - v))); var loss = err.Hadamard(err).Sum();") } },
        { "a matrix class of one's own with flat storage: a tanh output, squared error with tanh' = 1 - o²", new[] { FlatMatrixNet(
            "var h = (w1 * x).Map(Sigmoid); var o = (w2 * h).Map(Math.Tanh); var err = o - y;",
            "var loss = err.Hadamard(err).Sum(); var delta = err.Hadamard(o.Map(v => 1 - v * v));") } },
        { "a matrix class of one's own with flat storage: the cross-entropy delta o - y of a sigmoid output", new[] { FlatMatrixNet(
            "var h = (w1 * x).Map(Sigmoid); var o = (w2 * h).Map(Sigmoid); var err = o - y;",
            "var delta = err; var loss = -y.Hadamard(o.Map(Math.Log)).Sum();") } },
        { "a hidden unit's error kept in element 0 of an array: the weighted delta of the layer above, times σ' of the hidden output", new[] { """
            using System;
            public class HiddenUnit
            {
                private readonly double[] hidden = new double[1];
                private readonly double[] errors = new double[1];
                private double w2 = 0.3;
                private static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
                public double Back(double z, double deltaOut)
                {
                    hidden[0] = Sigmoid(z);
                    errors[0] = w2 * deltaOut;
                    return errors[0] * hidden[0] * (1 - hidden[0]);
                }
            }
            """ } },
        { "a tanh output with its error in element 0 of an array, times tanh' = 1 - o²", new[] { """
            using System;
            public class TanhOutput
            {
                private readonly double[] outputs = new double[1];
                private readonly double[] errors = new double[1];
                public double Step(double z, double target)
                {
                    outputs[0] = Math.Tanh(z);
                    errors[0] = target - outputs[0];
                    return errors[0] * (1 - outputs[0] * outputs[0]);
                }
            }
            """ } },
        { "a matrix class of one's own with flat storage: a linear output's error squared by Map", new[] { FlatMatrixNet(
            "var h = (w1 * x).Map(Sigmoid); var o = w2 * h;", "var loss = (o - y).Map(v => v * v).Sum();") } },
        { "a matrix class of one's own with flat storage: a sigmoid output's absolute error by Map, and its outputs squared with no target", new[] { FlatMatrixNet(
            "var h = (w1 * x).Map(Sigmoid); var o = (w2 * h).Map(Sigmoid);", "var mae = (o - y).Map(Math.Abs).Sum(); var energy = o.Map(v => v * v).Sum();") } },
        { "plain arrays: an extension Map of one's own squaring the error of a linear output", new[] { ArrayMaps(
            "static double Sigmoid(double v) => 2 * v + 1;", "public double Loss(double[] z, double[] t) => Predict(z).Minus(t).Map(e => e * e).Sum() / t.Length;") } },
        { "plain arrays: an extension Map of one's own taking the absolute error of a sigmoid output, and squaring outputs with no target", new[] { ArrayMaps(
            "static double Sigmoid(double v) => 1.0 / (1.0 + Math.Exp(-v));", "public double Loss(double[] z, double[] t) => Predict(z).Minus(t).Map(Math.Abs).Sum() + Predict(z).Map(e => e * e).Sum();") } },
        { "plain arrays: helpers that fill new arrays, the squared error of a linear output summed over the error array's elements", new[] { ArrayHelpers("""
            var output = M.Dot(w2, M.Sigmoid(M.Dot(w1, x)));
            var error = M.Subtract(y, output);
            double loss = 0;
            for (int i = 0; i < error.Length; i++) loss += error[i] * error[i];
            return loss;
            """) } },
        { "plain arrays: helpers that fill new arrays, a sigmoid output's error array multiplied by another array (a weighted error, no square)", new[] { ArrayHelpers("""
            var output = M.Sigmoid(M.Dot(w2, M.Sigmoid(M.Dot(w1, x))));
            var error = M.Subtract(y, output);
            double loss = 0;
            for (int i = 0; i < error.Length; i++) loss += error[i] * x[i];
            return loss;
            """) } },
        { "a network whose layers' activations are named by strings the caller passes, every layer named tanh", new[] { NamedActivations("\"tanh\", \"tanh\"") } },
        { "a network whose layers' activations are named by strings the caller passes, sigmoid only for the hidden layer", new[] { NamedActivations("\"sigmoid\", \"relu\"") } },
        { "a network whose layers' activations are named by strings a static field holds, sigmoid only for the hidden layer", new[] { NamedActivations("\"sigmoid\", \"tanh\"", inField: true) } },
        { "a network whose layers' activations are named by strings the caller passes, sigmoid only for the hidden layer, its delta through the derivative the code selects and no cost", new[] { NamedActivations("\"sigmoid\", \"relu\"", withCost: false) } },
        { "a network whose layers' activations are named by strings the caller passes, sigmoid only for the hidden layer, its delta through a derivative a switch expression on the code selects", new[] { NamedActivations("\"sigmoid\", \"tanh\"", withCost: false, arrowDerivative: true) } },
        { "a network whose per-layer activation codes are copied from the codes the caller passes, the sigmoid's only for the hidden layer", new[] { NamedActivations("0, 1", copied: true) } },
        { "a layer whose activation is named by a string its constructor keeps as a code in a field, the output layer named tanh", new[] { NamedLayer("tanh") } },
        { "jagged arrays (a NumPy port over double[][]): a tanh output's error squared by Square, by MeanSquare and in a loop", new[] { JaggedPort("""
            var output = Jag.Tanh(Jag.Dot(Jag.Sigmoid(Jag.Dot(x, w1)), w2));
            var error = Jag.Subtract(y, output);
            double loss = Jag.Mean(Jag.Square(error)) + Jag.MeanSquare(error);
            for (int i = 0; i < error.Length; i++) for (int j = 0; j < error[i].Length; j++) loss += error[i][j] * error[i][j];
            return loss;
            """) } },
        { "jagged arrays (a NumPy port over double[][]): a sigmoid output's error times the transposed derivative, and the weights squared", new[] { JaggedPort("""
            var output = Jag.Sigmoid(Jag.Dot(Jag.Sigmoid(Jag.Dot(x, w1)), w2));
            var mixed = Jag.Multiply(Jag.Subtract(y, output), Jag.Transpose(Jag.SigmoidDerivative(output)));
            return Jag.Mean(mixed) + Jag.MeanSquare(w2) + Jag.Mean(Jag.Square(w1));
            """) } },
        { "jagged arrays (a NumPy port over double[][]): a sigmoid output's error at [i][j] times another row's error (no square)", new[] { JaggedPort("""
            var output = Jag.Sigmoid(Jag.Dot(Jag.Sigmoid(Jag.Dot(x, w1)), w2));
            var error = Jag.Subtract(y, output);
            double sum = 0;
            for (int i = 1; i < error.Length; i++) for (int j = 0; j < error[i].Length; j++) sum += error[i][j] * error[i - 1][j];
            return sum;
            """) } },
        { "LINQ tuples a selector makes of the target twice (o.Zip(t, (a, b) => (b, b))), and of a linear prediction, squared", new[] { ZippedLoss(
            "return o.Zip(t, (a, b) => (b, b)).Sum(p => Math.Pow(p.Item1 - p.Item2, 2)) + Linear(x).Zip(t, (a, b) => (a, b)).Sum(p => Math.Pow(p.a - p.b, 2));") } },
        { "LINQ tuples: a sigmoid output's absolute error over o.Zip(t), and a linear prediction's squared error over the same tuples", new[] { ZippedLoss(
            "double s = 0; foreach (var pair in Linear(x).Zip(t)) s += (pair.First - pair.Second) * (pair.First - pair.Second); return s + o.Zip(t).Sum(pair => Math.Abs(pair.First - pair.Second)) + t.Zip(Linear(x)).Average(p => Math.Pow(p.Item1 - p.Item2, 2));") } },
        { "array operations of one's own dividing exponentials by their count, and raw scores by their sum (neither a softmax), their errors squared", new[] { ArrayOps(
            "V.Divide(V.Exp(z), V.Count(V.Exp(z)))", "var shares = V.Divide(z, V.Sum(z)); return V.Mean(V.Square(V.Subtract(y, output))) + V.Mean(V.Square(V.Subtract(y, shares)));") } },
        { "array operations of one's own composed into 1 / (2 + exp(-z)) and 1 / (1 + z²), neither a sigmoid, their errors squared", new[] { ArrayOps(
            "V.Divide(1, V.Add(2, V.Exp(V.Negate(z))))", "var other = V.Divide(1, V.Add(1, V.Square(z))); return V.Mean(V.Square(V.Subtract(y, output))) + V.Mean(V.Square(V.Subtract(y, other)));") } },
        { "two-dimensional arrays (a NumPy port): a tanh output's error squared by Square, Power and MeanSquare, and in a loop", new[] { NumpyPort("""
            var output = Np.Tanh(Np.Dot(Np.Sigmoid(Np.Dot(x, w1)), w2));
            var error = Np.Subtract(y, output);
            double loss = Np.Mean(Np.Square(error)) + Np.Mean(Np.Power(error, 2)) + Np.MeanSquare(error);
            for (int i = 0; i < error.GetLength(0); i++)
                for (int j = 0; j < error.GetLength(1); j++)
                    loss += error[i, j] * error[i, j];
            return loss;
            """) } },
        { "two-dimensional arrays (a NumPy port): a softmax helper's output trained with the log of its target's probability (cross-entropy)", new[] { NumpyPort("""
            var output = Np.Softmax(Np.Dot(Np.Sigmoid(Np.Dot(x, w1)), w2));
            double loss = 0;
            for (int i = 0; i < y.GetLength(0); i++)
                for (int j = 0; j < y.GetLength(1); j++)
                    loss -= y[i, j] * Math.Log(output[i, j]);
            return loss + Np.Sum(Np.Subtract(output, y));
            """) } },
        { "two-dimensional arrays (a NumPy port): a linear output's squared error, the sigmoid only on the hidden layer", new[] { NumpyPort("""
            var output = Np.Dot(Np.Sigmoid(Np.Dot(x, w1)), w2);
            return Np.MeanSquare(Np.Subtract(y, output)) + Np.Mean(Np.Square(Np.Subtract(y, output)));
            """) } },
        { "two-dimensional arrays (a NumPy port): a sigmoid output's error raised to the power 1, and the weights squared (an L2 penalty)", new[] { NumpyPort("""
            var output = Np.Sigmoid(Np.Dot(Np.Sigmoid(Np.Dot(x, w1)), w2));
            return Np.Mean(Np.Power(Np.Subtract(y, output), 1)) + 0.01 * Np.Sum(Np.Square(w2));
            """) } },
        { "two-dimensional arrays (a NumPy port): a sigmoid output's error times the transposed derivative (elements of two places, no delta)", new[] { NumpyPort("""
            var output = Np.Sigmoid(Np.Dot(Np.Sigmoid(Np.Dot(x, w1)), w2));
            var error = Np.Subtract(y, output);
            var mixed = Np.Multiply(error, Np.Transpose(Np.SigmoidDerivative(output)));
            return Np.Sum(mixed);
            """) } },
        { "two-dimensional arrays (a NumPy port): the cross-entropy gradient output - y of a sigmoid output, and its error summed unsquared", new[] { NumpyPort("""
            var output = Np.Sigmoid(Np.Dot(Np.Sigmoid(Np.Dot(x, w1)), w2));
            var gradient = Np.Dot(Np.Transpose(x), Np.Subtract(output, y));
            return Np.Sum(Np.Subtract(output, y)) + Np.Sum(gradient);
            """) } },
        { "a network whose layers' activations are named by strings the caller passes, relu and a name no case takes (the default)", new[] { NamedActivations("\"relu\", \"swish\"") } },
        { "MathNet matrices over a batch: the squared Frobenius norm of a linear output's error, the sigmoid only on the hidden layer", new[] { MathNetStub, MathNetBatch(
            "w2 * (w1 * x).Map(Sigmoid)", "Math.Pow(e.FrobeniusNorm(), 2) / y.ColumnCount") } },
        { "MathNet matrices over a batch: a tanh output's squared Frobenius norm, and a sigmoid-free norm not squared", new[] { MathNetStub, MathNetBatch(
            "(w2 * (w1 * x).Map(Sigmoid)).Map(Math.Tanh)", "Math.Pow(e.FrobeniusNorm(), 2) + e.FrobeniusNorm()") } },
        { "MathNet matrices over a batch: a sigmoid output's error norm, not squared (a root of the squared error)", new[] { MathNetStub, MathNetBatch(
            "(w2 * (w1 * x).Map(Sigmoid)).Map(Sigmoid)", "e.FrobeniusNorm() / Math.Sqrt(y.ColumnCount)") } },
        { "MathNet vectors: (p - y).Map(v => v * v).Sum() of a linear regression's predictions", new[] { MathNetStub, MathNetCost(
            "w * x + b", "(p - y).Map(v => v * v).Sum() / y.Count") } },
        { "MathNet vectors: (p - y).PointwisePower(2).Sum() of a linear regression's predictions", new[] { MathNetStub, MathNetCost(
            "w * x + b", "(p - y).PointwisePower(2).Sum() / y.Count") } },
        { "MathNet vectors: the square of the norm of a tanh output's error", new[] { MathNetStub, MathNetCost(
            "(w * x + b).Map(Math.Tanh)", "Math.Pow((y - p).L2Norm(), 2)") } },
        { "a neuron's output property with a backing field its setter stores, set to a tanh when the neuron fires", new[] { BackedNeuron(
            "Output = Math.Tanh(z + Bias);", "loss += Math.Pow(t[i] - n.Output, 2);") } },
        { "a neuron's output property with a backing field, set to the weighted sum (a linear output neuron)", new[] { BackedNeuron(
            "Output = z + Bias;", "loss += Math.Pow(t[i] - n.Output, 2);", "public double Error(double target) => 0.5 * (target - Output) * (target - Output);") } },
        { "a list of layers whose sigmoid layer caches its outputs in the expression it returns, a linear layer last", new[] { CachingLayers(
            "new Dense(), new Squash(), new Dense()", "l += (a[k] - y[k]) * (a[k] - y[k]);") } },
        { "neurons keep an Error stored as target minus output for the last layer, whose Delta is that error (cross-entropy); σ' multiplies the hidden layers' only, from layers.Count - 2 down", new[] { StoredErrorNeurons(
            SigmoidOfSum, "var last = layers[layers.Count - 1]; for (int i = 0; i < last.Length; i++) { last[i].Error = t[i] - last[i].Output; last[i].Delta = last[i].Error; }",
            "for (int l = layers.Count - 2; l >= 0; l--) { HiddenErrors(l + 1); foreach (var n in layers[l]) n.Delta = n.Error * n.Output * (1 - n.Output); }") } },
        { "neurons keep an Error stored for the last layer's; one loop over every layer takes the last layer's Delta as the error itself and σ' times it in the else branch", new[] { StoredErrorNeurons(
            SigmoidOfSum, "var last = layers[layers.Count - 1]; for (int i = 0; i < last.Length; i++) last[i].Error = t[i] - last[i].Output;",
            "for (int l = layers.Count - 1; l >= 0; l--) { foreach (var n in layers[l]) { if (l == layers.Count - 1) n.Delta = n.Error; else n.Delta = n.Error * n.Output * (1 - n.Output); } if (l > 0) HiddenErrors(l); }") } },
        { "neurons keep an Error stored for the last layer's, hidden layers' deltas counted up to layers.Count - 1 (exclusive) multiply theirs by σ'; the last layer's delta is the error", new[] { StoredErrorNeurons(
            SigmoidOfSum, "var last = layers[layers.Count - 1]; for (int i = 0; i < last.Length; i++) { last[i].Error = t[i] - last[i].Output; last[i].Delta = last[i].Error; }",
            "for (int l = layers.Count - 2; l >= 0; l--) HiddenErrors(l + 1); for (int l = 0; l < layers.Count - 1; l++) foreach (var n in layers[l]) n.Delta = n.Error * n.Output * (1 - n.Output);") } },
        { "neurons keep an Error stored for the last layer's; the loop from the last layer down multiplies by σ' only under if (l < layers.Count - 1)", new[] { StoredErrorNeurons(
            SigmoidOfSum, "var last = layers[layers.Count - 1]; for (int i = 0; i < last.Length; i++) { last[i].Error = t[i] - last[i].Output; last[i].Delta = last[i].Error; }",
            "for (int l = layers.Count - 1; l >= 0; l--) { if (l < layers.Count - 1) foreach (var n in layers[l]) n.Delta = n.Error * n.Output * (1 - n.Output); if (l > 0) HiddenErrors(l); }") } },
        { "neurons keep an Error filled for layers[^1] in a Parallel.For lambda; the Parallel.ForEach multiplying in place by σ' starts at layers.Count - 2 (cross-entropy at the output)", new[] { StoredErrorNeurons(
            SigmoidOfSum, "Parallel.For(0, layers[^1].Length, i => { layers[^1][i].Error = t[i] - layers[^1][i].Output; layers[^1][i].Delta = layers[^1][i].Error; });",
            "for (int l = layers.Count - 2; l >= 0; l--) { HiddenErrors(l + 1); Parallel.ForEach(layers[l], n => { n.Error *= n.Output * (1 - n.Output); n.Delta = n.Error; }); }") } },
        { "neurons keep an Error the network fills by a loss-derivative delegate of the cross-entropy over σ' ((t - o) / (o (1 - o))); σ' then multiplies it in place over every layer", new[] { StoredErrorNeurons(
            SigmoidOfSum, "for (int i = 0; i < t.Length; i++) layers[layers.Count - 1][i].Error = crossEntropyPrime(layers[layers.Count - 1][i].Output, t[i]);",
            "for (int l = layers.Count - 1; l >= 0; l--) { foreach (var n in layers[l]) n.Error *= prime(n.Output); for (int j = 0; l > 0 && j < layers[l - 1].Length; j++) layers[l - 1][j].Error = layers[l].Sum(n => n.Weights[j] * n.Error); }") } },
        { "each neuron of layers[^1] stores its own Error = target - Output by SetError and takes it as its Delta; σ' multiplies the hidden layers' errors only, from layers.Count - 2", new[] { StoredErrorNeurons(
            SigmoidOfSum, "for (int i = 0; i < t.Length; i++) { layers[^1][i].SetError(t[i]); layers[^1][i].Delta = layers[^1][i].Error; }",
            "for (int l = layers.Count - 2; l >= 0; l--) { HiddenErrors(l + 1); foreach (var n in layers[l]) n.Delta = n.Error * n.Output * (1 - n.Output); }") } },
        { "hidden and output layers in fields: the output neurons' Error is target minus output and their Delta that error; only Deltas(hidden) takes σ' times the error", new[] { FieldLayerNeurons(
            "for (int i = 0; i < t.Length; i++) { output.Neurons[i].Error = t[i] - output.Neurons[i].Output; output.Neurons[i].Delta = output.Neurons[i].Error; }", "Deltas(hidden);") } },
        { "hidden and output layers in fields: output.SetErrors(t) then output.ErrorsAsDeltas() (cross-entropy); only hidden.ComputeDeltas() takes σ' times the error", new[] { FieldLayerNeurons(
            "output.SetErrors(t); output.ErrorsAsDeltas();", "hidden.ComputeDeltas();") } },
        { "a trainer apart stores each tanh output neuron's error as target minus output and multiplies it by its activation object's derivative; the hidden neurons are sigmoid", new[] { SeparateTrainer(
            "TanhActivation", "neuron.error * neuron.activation.UnfilterDerivative(neuron.weightedSum)") } },
        { "a trainer apart hands each tanh output neuron and its target to a method multiplying target minus output by its activation object's derivative; sigmoid hidden", new[] { SeparateTrainer(
            "TanhActivation", "(target - neuron.outputValue) * neuron.activation.UnfilterDerivative(neuron.weightedSum)") } },
        { "one loop over every layer stores each output neuron's Error under if (isOutput) with its Delta the error itself (cross-entropy); σ' multiplies it in the else branch", new[] { StoredErrorNeurons(
            SigmoidOfSum, "",
            "for (int l = layers.Count - 1; l >= 0; l--) { bool isOutput = l == layers.Count - 1; for (int j = 0; j < layers[l].Length; j++) { var n = layers[l][j]; if (isOutput) { n.Error = t[j] - n.Output; n.Delta = n.Error; } else n.Delta = n.Error * n.Output * (1 - n.Output); } if (l > 0) HiddenErrors(l); }") } },
        { "tanh neurons keep an Error stored for the last layer's, and a delta over every layer from the last down multiplies it by o (1 - o) (a wrong derivative, not this mistake)", new[] { StoredErrorNeurons(
            "Math.Tanh(s)", "var last = layers[layers.Count - 1]; for (int i = 0; i < last.Length; i++) last[i].Error = t[i] - last[i].Output;",
            "for (int l = layers.Count - 1; l >= 0; l--) { foreach (var n in layers[l]) n.Delta = n.Error * n.Output * (1 - n.Output); if (l > 0) HiddenErrors(l); }") } },
        { "layers named by strings as typed, sigmoid hidden and ReLU last: the output layer's delta takes the derivative helper at the ReLU name", new[] { NamedLayerArrays(
            "string", "\"none\", \"Sigmoid\", \"ReLU\"", "switch (name.Trim().ToLowerInvariant()) { case \"sigmoid\": return 1 / (1 + Math.Exp(-z)); case \"relu\": return Math.Max(0, z); default: return z; }",
            "if (string.Equals(name, \"Sigmoid\", StringComparison.OrdinalIgnoreCase)) return y * (1 - y); if (string.Equals(name, \"ReLU\", StringComparison.OrdinalIgnoreCase)) return y > 0 ? 1 : 0; return 1;", false) } },
        { "layers configured by an enum per layer, sigmoid hidden and ReLU last, the static derivative helper switching on the last layer's code", new[] { NamedLayerArrays(
            "Act", "Act.None, Act.Sigmoid, Act.Relu", "switch (name) { case Act.Sigmoid: return 1 / (1 + Math.Exp(-z)); case Act.Relu: return Math.Max(0, z); default: return z; }",
            "switch (name) { case Act.Sigmoid: return y * (1 - y); case Act.Relu: return y > 0 ? 1 : 0; default: return 1; }", false) } },
        { "a layer made new Layer(\"Sigmoid\") whose helpers switch on activation itself with case \"sigmoid\": the name matches no case and both take the ReLU default", new[] { NamedLayer(
            "\"Sigmoid\"", "switch (activation) { case \"sigmoid\": return 1.0 / (1.0 + Math.Exp(-z)); case \"tanh\": return Math.Tanh(z); default: return Math.Max(0, z); }",
            "switch (activation) { case \"sigmoid\": return y * (1 - y); case \"tanh\": return 1 - y * y; default: return y > 0 ? 1 : 0; }", false) } },
        { "a layer made new Layer(\"SIGMOID\") whose helpers test activation.Equals(\"sigmoid\") (ordinal): the tanh branch runs", new[] { NamedLayer(
            "\"SIGMOID\"", "if (activation.Equals(\"sigmoid\")) return 1.0 / (1.0 + Math.Exp(-z)); return Math.Tanh(z);",
            "if (activation.Equals(\"sigmoid\")) return y * (1 - y); return 1 - y * y;", false) } },
        { "a layer made new Layer(\"Tanh\") whose helpers test activation.ToLower() == \"sigmoid\" and switch on activation.ToLowerInvariant()", new[] { NamedLayer(
            "\"Tanh\"", "if (activation.ToLower() == \"sigmoid\") return 1.0 / (1.0 + Math.Exp(-z)); else if (activation.ToLower() == \"tanh\") return Math.Tanh(z); return Math.Max(0, z);",
            "switch (activation.ToLowerInvariant()) { case \"sigmoid\": return y * (1 - y); case \"tanh\": return 1 - y * y; default: return y > 0 ? 1 : 0; }", false) } },
        { "layers made with an enum kind their constructor hands a factory returning shared delegate pairs; sigmoid hidden, tanh last, whose Derivative the output delta calls", new[] { FactoryDelegatePairs(
            "layers.Add(new Layer(8, 2, ActivationType.Sigmoid)); layers.Add(new Layer(1, 8, ActivationType.Tanh));", FactoryBySwitch, false) } },
        { "layers a loop makes with i == sizes.Length - 1 ? ActivationType.Tanh : ActivationType.Sigmoid, each handing its kind to a factory switch expression over shared delegate pairs", new[] { FactoryDelegatePairs(
            "for (int i = 1; i < sizes.Length; i++) layers.Add(new Layer(sizes[i], sizes[i - 1], i == sizes.Length - 1 ? ActivationType.Tanh : ActivationType.Sigmoid));", FactoryByExpression, false) } },
        { "neurons keep an Error stored for layers[count - 1] with int count = layers.Count, whose Delta is that error; σ' multiplies the hidden layers' only, from count - 2 down", new[] { StoredErrorNeurons(
            SigmoidOfSum, "int count = layers.Count; var last = layers[count - 1]; for (int i = 0; i < last.Length; i++) { last[i].Error = t[i] - last[i].Output; last[i].Delta = last[i].Error; }",
            "for (int l = count - 2; l >= 0; l--) { HiddenErrors(l + 1); foreach (var n in layers[l]) n.Delta = n.Error * n.Output * (1 - n.Output); }") } },
        { "neurons keep an Error stored for layers[last] with int last = layers.Count - 1; hidden layers' deltas counted up while l < last multiply theirs by σ'", new[] { StoredErrorNeurons(
            SigmoidOfSum, "int last = layers.Count - 1; for (int i = 0; i < t.Length; i++) { layers[last][i].Error = t[i] - layers[last][i].Output; layers[last][i].Delta = layers[last][i].Error; }",
            "for (int l = last - 1; l >= 0; l--) HiddenErrors(l + 1); for (int l = 0; l < last; l++) foreach (var n in layers[l]) n.Delta = n.Error * n.Output * (1 - n.Output);") } },
        { "a local int hidden = layers.Count - 1 counts the hidden layers: neurons keep an Error stored for the last layer's, whose Delta is that error, and σ' multiplies theirs from hidden - 1 down", new[] { StoredErrorNeurons(
            SigmoidOfSum, "var last = layers[layers.Count - 1]; for (int i = 0; i < last.Length; i++) { last[i].Error = t[i] - last[i].Output; last[i].Delta = last[i].Error; }",
            "int hidden = layers.Count - 1; for (int l = hidden - 1; l >= 0; l--) { HiddenErrors(l + 1); foreach (var n in layers[l]) n.Delta = n.Error * n.Output * (1 - n.Output); }") } },
        { "neurons keep an Error stored for layers[Depth - 1] with a property int Depth => layers.Count, whose Delta is that error; σ' multiplies the hidden layers' only, from Depth - 2 down", new[] { StoredErrorNeurons(
            SigmoidOfSum, "for (int i = 0; i < t.Length; i++) { layers[Depth - 1][i].Error = t[i] - layers[Depth - 1][i].Output; layers[Depth - 1][i].Delta = layers[Depth - 1][i].Error; }",
            "for (int l = Depth - 2; l >= 0; l--) { HiddenErrors(l + 1); foreach (var n in layers[l]) n.Delta = n.Error * n.Output * (1 - n.Output); }",
            "int Depth => layers.Count;") } },
        { "a property Last => layers.Count - 1: neurons keep an Error stored for layers[Last], whose Delta is that error, and σ' multiplies the hidden layers' from Last - 1 down", new[] { StoredErrorNeurons(
            SigmoidOfSum, "for (int i = 0; i < t.Length; i++) { layers[Last][i].Error = t[i] - layers[Last][i].Output; layers[Last][i].Delta = layers[Last][i].Error; }",
            "for (int l = Last - 1; l >= 0; l--) { HiddenErrors(l + 1); foreach (var n in layers[l]) n.Delta = n.Error * n.Output * (1 - n.Output); }",
            "int Last => layers.Count - 1;") } },
        { "a property Hidden => layers.Count - 1 counts the hidden layers: the Error stored for the last layer's is its Delta, and σ' multiplies the hidden layers' from Hidden - 1 down", new[] { StoredErrorNeurons(
            SigmoidOfSum, "var last = layers[layers.Count - 1]; for (int i = 0; i < last.Length; i++) { last[i].Error = t[i] - last[i].Output; last[i].Delta = last[i].Error; }",
            "for (int l = Hidden - 1; l >= 0; l--) { HiddenErrors(l + 1); foreach (var n in layers[l]) n.Delta = n.Error * n.Output * (1 - n.Output); }",
            "int Hidden => layers.Count - 1;") } },
        { "the Error stored for the last layer's is its Delta; a while loop from layers.Count - 2 down, stepping l-- last, multiplies the hidden layers' by σ'", new[] { StoredErrorNeurons(
            SigmoidOfSum, "var last = layers[layers.Count - 1]; for (int i = 0; i < last.Length; i++) { last[i].Error = t[i] - last[i].Output; last[i].Delta = last[i].Error; }",
            "int l = layers.Count - 2; while (l >= 0) { HiddenErrors(l + 1); foreach (var n in layers[l]) n.Delta = n.Error * n.Output * (1 - n.Output); l--; }") } },
        { "the Error stored for the last layer's is its Delta; a while loop counting l up while l < layers.Count - 1 multiplies the hidden layers' by σ'", new[] { StoredErrorNeurons(
            SigmoidOfSum, "var last = layers[layers.Count - 1]; for (int i = 0; i < last.Length; i++) { last[i].Error = t[i] - last[i].Output; last[i].Delta = last[i].Error; }",
            "for (int k = layers.Count - 2; k >= 0; k--) HiddenErrors(k + 1); int l = 0; while (l < layers.Count - 1) { foreach (var n in layers[l]) n.Delta = n.Error * n.Output * (1 - n.Output); l++; }") } },
        { "the Error stored for the last layer's is its Delta; a do loop from layers.Count - 2 down, stepping l-- last, multiplies the hidden layers' by σ'", new[] { StoredErrorNeurons(
            SigmoidOfSum, "var last = layers[layers.Count - 1]; for (int i = 0; i < last.Length; i++) { last[i].Error = t[i] - last[i].Output; last[i].Delta = last[i].Error; }",
            "int l = layers.Count - 2; do { HiddenErrors(l + 1); foreach (var n in layers[l]) n.Delta = n.Error * n.Output * (1 - n.Output); l--; } while (l >= 0);") } },
    };

    /// <summary>
    /// A layer keeping its raw sums and sigmoid outputs; its loss collects errors with <paramref name="collect"/> (from targets t) and
    /// sums their squares with <paramref name="sum"/>.
    /// </summary>
    private static string CollectedErrors(string collect, string sum) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        public class Layer
        {
            static double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));
            public double[] Sums = new double[3];
            public double[] Outputs = new double[3];
            public void Forward(double[] z) { for (int i = 0; i < z.Length; i++) { Sums[i] = z[i]; Outputs[i] = {{ActivationMark}}Sigmoid(z[i]); } }
            public double Loss(double[] t)
            {
                {{collect}}
                {{sum}}
            }
        }
        """;

    /// <summary>
    /// Sigmoid outputs in an array, the errors collected into a list by <paramref name="fill"/>, and the deltas
    /// <paramref name="delta"/> computed per output i.
    /// </summary>
    private static string ListedErrors(string fill, string delta) => $$"""
        using System;
        using System.Collections.Generic;
        public class Net
        {
            static double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));
            public double[] Outputs = new double[3];
            public bool[] Mask = new bool[3];
            public void Forward(double[] z) { for (int i = 0; i < z.Length; i++) Outputs[i] = {{ActivationMark}}Sigmoid(z[i]); }
            public double[] Deltas(double[] t)
            {
                var o = Outputs;
                var errors = new List<double>();
                {{fill}}
                var d = new double[errors.Count];
                for (int i = 0; i < d.Length; i++) d[i] = {{delta}};
                return d;
            }
        }
        """;

    /// <summary>
    /// Neurons whose activation is <paramref name="activation"/> of their weighted sum s, with a delta method that multiplies the Error
    /// property by σ' of the output through a helper (and one that takes the error); the network's backward pass runs
    /// <paramref name="outputStep"/> for each output neuron i, and sends the deltas back to the hidden neurons (whose Error is a sum).
    /// </summary>
    /// <summary>
    /// Neurons that keep their output in a member written as <paramref name="activation"/> of their input z, with σ' read from that member by
    /// a method of no arguments and a getter (both <paramref name="slope"/>); an output neuron's class adds <paramref name="outputMembers"/>,
    /// and the network's backward pass runs <paramref name="networkStep"/> for each neuron i of its last layer.
    /// </summary>
    private static string SlopeMemberNeurons(string activation, string slope, string outputMembers, string networkStep) => $$"""
        using System;
        using System.Collections.Generic;
        public class Neuron
        {
            protected double activation, z;
            public double Delta;
            public Neuron Next;
            public double Output => activation;
            public void Activate(double input) { z = input; activation = {{activation}}; }
            public double DSigmoid() => {{slope}};
            public double Slope => {{slope}};
            public virtual double Backprop(double upstream) { Delta = DSigmoid() * upstream; return Delta; }
        }

        public class OutputNeuron : Neuron
        {
            private double expected;
            public void SetExpected(double d) { expected = d; }
            {{outputMembers}}
        }

        public class Network
        {
            public List<List<Neuron>> Layers = new List<List<Neuron>>();
            public void Backward(double[] targets, double[] upstream)
            {
                var last = Layers[Layers.Count - 1];
                for (int i = 0; i < last.Count; i++) { {{networkStep}} }
            }
        }
        """;

    /// <summary>
    /// Neurons that keep their output and its slope in fields, both stored by <paramref name="fire"/>, with a learning rate and a link to
    /// the next neuron; <paramref name="members"/> adds the neuron's backward step.
    /// </summary>
    private static string StoredSlopeNeurons(string fire, string members) => $$"""
        using System;
        public class Neuron
        {
            public double Output, Sum, Derivative, Delta, Rate = 0.1;
            public Neuron Next;
            public void Fire() { {{fire}} }
            {{members}}
        }
        """;

    /// <summary>
    /// Layers that each hold their activation setting (an <c>Act</c> property set by the constructor) and choose their activation by a
    /// switch expression on it and their slope by <paramref name="slope"/>; a network with <paramref name="layers"/> (fields, a
    /// constructor) whose <c>Deltas(x, t)</c> fills <c>d</c> by <paramref name="deltas"/>.
    /// </summary>
    private static string PerObjectSetting(string slope, string layers, string deltas) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        public enum Act { Sigmoid, Tanh, Relu }
        public class Layer
        {
            public Act Activation { get; }
            readonly double[,] weights;
            public double[] Outputs;
            public Layer(int n, int inputs, Act act) { Activation = act; Outputs = new double[n]; weights = new double[n, inputs]; }
            double Activate(double x) => Activation switch { Act.Sigmoid => 1 / (1 + Math.Exp(-x)), Act.Tanh => Math.Tanh(x), _ => Math.Max(0, x) };
            {{slope}}
            public double[] Forward(double[] x)
            {
                for (int i = 0; i < Outputs.Length; i++)
                {
                    double s = 0;
                    for (int j = 0; j < x.Length; j++) s += weights[i, j] * x[j];
                    Outputs[i] = {{ActivationMark}}Activate(s);
                }
                return Outputs;
            }
        }
        public class Network
        {
            {{layers}}
            public double[] Deltas(double[] x, double[] t)
            {
                var d = new double[t.Length];
                {{deltas}}
                return d;
            }
        }
        """;

    /// <summary>
    /// The game-AI tutorial's network with an activation setting per layer object: each <c>Layer</c> holds its <c>Act</c>, switched on in its
    /// activation and its slope; the output layer's <c>BackPropOutput</c> stores its error, then fills <c>Gamma</c> by <paramref name="delta"/>,
    /// and <c>BackPropHidden</c> back-propagates the next layer's. The network makes its layers by <paramref name="made"/> (declaring
    /// <c>layers</c>, or <c>hidden</c> and <c>output</c>) and back-propagates by <paramref name="backPropagate"/>; <paramref name="layerMember"/>
    /// is added to the layer. With <paramref name="targetsInField"/>, <c>BackPropOutput()</c> takes no parameter and reads the targets the
    /// network stores into the layer's <c>Targets</c> first; with <paramref name="callerFillsErrors"/>, it takes no parameter and reads
    /// the <c>Error</c> array the network fills first.
    /// </summary>
    private static string SettingTutorial(string made, string backPropagate, string delta, string layerMember = "", bool targetsInField = false, bool callerFillsErrors = false) => $$"""
        using System;
        using System.Collections.Generic;
        public enum Act { Sigmoid, Tanh, Relu }
        public class Layer
        {
            readonly Act act;
            public readonly double[,] Weights;
            public double[] Outputs, Gamma, Error;
            public Layer(int inputs, int n, Act act) { this.act = act; Outputs = new double[n]; Gamma = new double[n]; Error = new double[n]; Weights = new double[n, inputs]; }
            double Activate(double x) { switch (act) { case Act.Sigmoid: return 1 / (1 + Math.Exp(-x)); case Act.Tanh: return Math.Tanh(x); default: return Math.Max(0, x); } }
            double Slope(double y) { switch (act) { case Act.Sigmoid: return y * (1 - y); case Act.Tanh: return 1 - y * y; default: return y > 0 ? 1 : 0; } }
            public double[] Forward(double[] x)
            {
                for (int i = 0; i < Outputs.Length; i++)
                {
                    double s = 0;
                    for (int j = 0; j < x.Length; j++) s += Weights[i, j] * x[j];
                    Outputs[i] = {{ActivationMark}}Activate(s);
                }
                return Outputs;
            }
            {{(targetsInField ? "public double[] Targets; public void BackPropOutput()" : callerFillsErrors ? "public void BackPropOutput()" : "public void BackPropOutput(double[] expected)")}}
            {
                {{(callerFillsErrors ? "" : $"for (int i = 0; i < Outputs.Length; i++) Error[i] = Outputs[i] - {(targetsInField ? "Targets" : "expected")}[i];")}}
                for (int i = 0; i < Outputs.Length; i++) Gamma[i] = {{delta}};
            }
            public void BackPropHidden(Layer next)
            {
                for (int i = 0; i < Outputs.Length; i++)
                {
                    Gamma[i] = 0;
                    for (int j = 0; j < next.Gamma.Length; j++) Gamma[i] += next.Gamma[j] * next.Weights[j, i];
                    Gamma[i] *= Slope(Outputs[i]);
                }
            }
            {{layerMember}}
        }
        public class Network
        {
            {{made}}
            public double[] FeedForward(double[] x) { foreach (var layer in Layers()) x = layer.Forward(x); return x; }
            public void BackProp(double[] expected)
            {
                {{backPropagate}}
            }
        }
        """;

    /// <summary>Layers made in a loop, each given its element of a per-layer setting array a factory passes: <paramref name="hidden"/>, then <paramref name="output"/>.</summary>
    private static string SettingsArray(string hidden, string output) => $$"""
        readonly Layer[] layers;
        public Network(int[] sizes, Act[] acts) { layers = new Layer[sizes.Length - 1]; for (int i = 0; i < layers.Length; i++) layers[i] = new Layer(sizes[i], sizes[i + 1], acts[i]); }
        public static Network Make() => new Network(new[] { 2, 4, 1 }, new[] { {{hidden}}, {{output}} });
        IEnumerable<Layer> Layers() => layers;
        """;

    /// <summary>Layers made in a loop, the last given <c>output</c> and the others <c>hidden</c> by a <c>?:</c> on the index; a factory passes <paramref name="hidden"/> and <paramref name="output"/>.</summary>
    private static string LastByConditional(string hidden, string output) => $$"""
        readonly Layer[] layers;
        public Network(int[] sizes, Act hidden, Act output) { layers = new Layer[sizes.Length - 1]; for (int i = 0; i < layers.Length; i++) layers[i] = new Layer(sizes[i], sizes[i + 1], i == layers.Length - 1 ? output : hidden); }
        public static Network Make() => new Network(new[] { 2, 4, 1 }, {{hidden}}, {{output}});
        IEnumerable<Layer> Layers() => layers;
        """;

    /// <summary>A hidden layer made <paramref name="hidden"/> and an output layer made <paramref name="output"/>, each in a field.</summary>
    private static string TwoFields(string hidden, string output) => $$"""
        readonly Layer hidden = new Layer(2, 4, {{hidden}});
        readonly Layer output = new Layer(4, 1, {{output}});
        IEnumerable<Layer> Layers() => new[] { hidden, output };
        """;

    /// <summary>Layers added to a list in a loop from a per-layer setting array (<paramref name="hidden"/>, then <paramref name="output"/>), then copied into an array.</summary>
    private static string SettingsList(string hidden, string output) => $$"""
        readonly Layer[] layers;
        public Network(int[] sizes, Act[] acts) { var list = new List<Layer>(); for (int i = 0; i < sizes.Length - 1; i++) list.Add(new Layer(sizes[i], sizes[i + 1], acts[i])); layers = list.ToArray(); }
        public static Network Make() => new Network(new[] { 2, 4, 1 }, new[] { {{hidden}}, {{output}} });
        IEnumerable<Layer> Layers() => layers;
        """;

    /// <summary>
    /// An array of layers a loop makes for <see cref="PerObjectSetting"/>: each given its element of a per-layer setting array (<paramref name="hidden"/>,
    /// then <paramref name="output"/>), or with <paramref name="byConditional"/> the last given <c>output</c> by a <c>?:</c> on the index.
    /// </summary>
    private static string LoopLayers(string hidden, string output, bool byConditional = false) => byConditional
        ? "readonly Layer[] layers; public Network(Act hidden, Act output) { layers = new Layer[2]; for (int i = 0; i < layers.Length; i++) layers[i] = new Layer(4, 4, i == layers.Length - 1 ? output : hidden); } "
            + $"public static Network Make() => new Network({hidden}, {output});"
        : "readonly Layer[] layers; public Network(Act[] acts) { layers = new Layer[acts.Length]; for (int i = 0; i < layers.Length; i++) layers[i] = new Layer(4, 4, acts[i]); } "
            + $"public static Network Make() => new Network(new[] {{ {hidden}, {output} }});";

    /// <summary>
    /// Neurons that each hold the activation setting their layer's constructor hands them (<c>Neurons.Add(new Neuron(act))</c>), choose their
    /// output by a test of it and their slope by a switch on it, and take an output gradient by <paramref name="gradient"/>; a network with
    /// <paramref name="layers"/> calls that gradient on each neuron of <paramref name="last"/>.
    /// </summary>
    private static string NeuronsOfLayers(string layers, string last, string gradient) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        public enum Act { Sigmoid, Tanh }
        public class Neuron
        {
            readonly Act act;
            public double Output, Gradient;
            public Neuron(Act act) { this.act = act; }
            public void Fire(double s) { Output = act == Act.Sigmoid ? {{ActivationMark}}1 / (1 + Math.Exp(-s)) : Math.Tanh(s); }
            double Slope(double y) { switch (act) { case Act.Sigmoid: return y * (1 - y); default: return 1 - y * y; } }
            public void OutputGradient(double target) { Gradient = {{gradient}}; }
        }
        public class Layer
        {
            public readonly List<Neuron> Neurons = new List<Neuron>();
            public Layer(int n, Act act) { for (int i = 0; i < n; i++) Neurons.Add(new Neuron(act)); }
        }
        public class Net
        {
            {{layers}}
            public void Back(double[] t) { for (int i = 0; i < t.Length; i++) {{last}}.Neurons[i].OutputGradient(t[i]); }
        }
        """;

    private const string SettingSlopeBySwitchExpression = "public double Slope(double y) => Activation switch { Act.Sigmoid => y * (1 - y), Act.Tanh => 1 - y * y, _ => y > 0 ? 1 : 0 };";

    private const string SettingSlopeBySwitchStatement = "public double Slope(double y) { switch (Activation) { case Act.Sigmoid: return y * (1 - y); case Act.Tanh: return 1 - y * y; default: return y > 0 ? 1 : 0; } }";

    /// <summary>A hidden layer made Act.Relu and an output layer made <paramref name="output"/>, each in a field.</summary>
    private static string FieldLayers(string output) =>
        $"readonly Layer hidden = new Layer(4, 2, Act.Relu); readonly Layer outputLayer = new Layer(1, 4, {output});";

    /// <summary>A list of layers in a field: a hidden layer made <paramref name="hidden"/>, then the output layer made <paramref name="output"/>.</summary>
    private static string ListLayers(string output, string hidden = "Act.Relu") =>
        $"readonly List<Layer> layers = new List<Layer> {{ new Layer(4, 2, {hidden}), new Layer(1, 4, {output}) }};";

    /// <summary>An array of layers the constructor makes from the settings a factory passes: <paramref name="hidden"/>, then <paramref name="output"/>.</summary>
    private static string ConstructedLayers(string output, string hidden = "Act.Relu") =>
        "readonly Layer[] layers; public Network(Act hiddenAct, Act outAct) { layers = new[] { new Layer(4, 2, hiddenAct), new Layer(1, 4, outAct) }; } "
        + $"public static Network Make() => new Network({hidden}, {output});";

    /// <summary>
    /// A layer whose activation and slope helpers test its setting <c>act</c> of type <paramref name="type"/> (an enum Kind of Sigmoid,
    /// Relu and Linear is declared): the sigmoid for <paramref name="sigmoid"/>, a ReLU for <paramref name="relu"/>, else the identity,
    /// by <c>if</c> in Apply and by <c>switch</c> in Slope. Layers are made by <paramref name="made"/>; the output delta is
    /// <paramref name="delta"/> for each output i with targets t.
    /// </summary>
    private static string SettingLayer(string type, string sigmoid, string relu, string made, string delta) => $$"""
        using System;
        public enum Kind { Sigmoid, Relu, Linear }
        public class Layer
        {
            readonly {{type}} act;
            public double[] W, Out;
            public Layer(int n, {{type}} act) { this.act = act; W = new double[n]; Out = new double[n]; }
            double Apply(double x)
            {
                if (act == {{sigmoid}}) return 1 / (1 + Math.Exp(-x));
                if (act == {{relu}}) return Math.Max(0, x);
                return x;
            }
            double Slope(double y)
            {
                switch (act)
                {
                    case {{sigmoid}}: return y * (1 - y);
                    case {{relu}}: return y > 0 ? 1 : 0;
                    default: return 1;
                }
            }
            public void Forward(double[] x) { for (int i = 0; i < Out.Length; i++) Out[i] = {{ActivationMark}}Apply(W[i] * x[i]); }
            public double[] OutputDelta(double[] t)
            {
                var d = new double[Out.Length];
                for (int i = 0; i < d.Length; i++) d[i] = {{delta}};
                return d;
            }
        }
        public static class Nets { public static Layer Make() => {{made}}; }
        """;

    /// <summary>
    /// A layer whose activation object (value F, derivative D in the output) a factory makes by a <c>switch</c> on the name its
    /// constructor is given: "sigmoid", "tanh", else the identity. Layers are made by <paramref name="made"/>; the output delta is
    /// <paramref name="delta"/> for each output i with targets t.
    /// </summary>
    private static string NamedActivationLayer(string made, string delta) => $$"""
        using System;
        public interface IActivation { double F(double x); double D(double y); }
        public sealed class Logistic : IActivation { public double F(double x) => {{ActivationMark}}1 / (1 + Math.Exp(-x)); public double D(double y) => y * (1 - y); }
        public sealed class Tanh : IActivation { public double F(double x) => Math.Tanh(x); public double D(double y) => 1 - y * y; }
        public sealed class Identity : IActivation { public double F(double x) => x; public double D(double y) => 1; }
        public static class Activations
        {
            public static IActivation Create(string name)
            {
                switch (name)
                {
                    case "sigmoid": return new Logistic();
                    case "tanh": return new Tanh();
                    default: return new Identity();
                }
            }
        }
        public class Layer
        {
            public IActivation Act;
            public double[] Out = new double[2];
            public Layer(string act) { Act = Activations.Create(act); }
            public void Forward(double[] z) { for (int i = 0; i < z.Length; i++) Out[i] = Act.F(z[i]); }
            public double[] Delta(double[] t)
            {
                var d = new double[Out.Length];
                for (int i = 0; i < d.Length; i++) d[i] = {{delta}};
                return d;
            }
        }
        public static class Nets { public static Layer Top() => {{made}}; }
        """;

    /// <summary>
    /// Layers (a ReLU Dense and a sigmoid Squash, both by Select) added to a list by <paramref name="add"/> in a loop counting i up to
    /// depth, run by foreach; the loss sums <paramref name="squared"/> over the outputs a and targets y.
    /// </summary>
    private static string LoopBuiltLayers(string add, string squared = "{|GW1001:(a[i] - y[i]) * (a[i] - y[i])|}") => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        public abstract class Layer { public abstract double[] Forward(double[] x); }
        public sealed class Dense : Layer { public override double[] Forward(double[] x) => x.Select(v => Math.Max(0, v)).ToArray(); }
        public sealed class Squash : Layer { public override double[] Forward(double[] x) => x.Select(v => {{ActivationMark}}1 / (1 + Math.Exp(-v))).ToArray(); }
        public class Net
        {
            readonly List<Layer> layers = new List<Layer>();
            public Net(int depth)
            {
                for (int i = 0; i < depth; i++)
                {
                    {{add}}
                }
            }
            public double Loss(double[] x, double[] y)
            {
                var a = x;
                foreach (var l in layers) a = l.Forward(a);
                double s = 0;
                for (int i = 0; i < a.Length; i++) s += {{squared}};
                return s;
            }
        }
        """;

    private const string SigmoidFire = "Output = " + ActivationMark + "1 / (1 + Math.Exp(-Sum)); Derivative = Output * (1 - Output);";

    /// <summary>
    /// Neurons that keep their sum, output, slope, error and delta in fields; <paramref name="fire"/> stores the output and slope from the
    /// sum, <paramref name="members"/> adds the backward step, and the network runs <paramref name="backward"/> for each output neuron i
    /// with targets t.
    /// </summary>
    private static string ErrorMemberNeurons(string fire, string members, string backward) => $$"""
        using System;
        using System.Collections.Generic;
        public class Neuron
        {
            public double Sum, Output, Derivative, Error, Delta, Rate = 0.1;
            public double[] W = new double[2];
            public Neuron Next;
            public void Fire(double[] x)
            {
                Sum = 0;
                for (int i = 0; i < x.Length; i++) Sum += W[i] * x[i];
                {{fire}}
            }
            {{members}}
        }
        public class Network
        {
            public List<Neuron> Outputs = new List<Neuron>();
            public void Backward(double[] t)
            {
                for (int i = 0; i < Outputs.Count; i++) { {{backward}} }
            }
        }
        """;

    /// <summary>
    /// A matrix class of one's own keeping its elements in one flat array, with instance methods that return new matrices (Map,
    /// Hadamard; <paramref name="hadamard"/> and <paramref name="minus"/> are the bodies of Hadamard and of the difference operator),
    /// operators for the matrix product and the difference, and a network whose Train runs <paramref name="forward"/> then
    /// <paramref name="backward"/> on the input x, the targets y and an output <c>given</c> by the caller.
    /// </summary>
    private static string FlatMatrixNet(string forward, string backward, string minus = "{ var m = new Matrix(a.Rows, a.Cols); for (int i = 0; i < a.data.Length; i++) m.data[i] = a.data[i] - b.data[i]; return m; }", string hadamard = "{ var m = new Matrix(Rows, Cols); for (int i = 0; i < data.Length; i++) m.data[i] = data[i] * other.data[i]; return m; }") => $$"""
        using System;
        public sealed class Matrix
        {
            public readonly int Rows, Cols;
            private readonly double[] data;
            public Matrix(int rows, int cols) { Rows = rows; Cols = cols; data = new double[rows * cols]; }
            public double this[int r, int c] { get => data[r * Cols + c]; set => data[r * Cols + c] = value; }
            public Matrix Map(Func<double, double> f) { var m = new Matrix(Rows, Cols); for (int i = 0; i < data.Length; i++) m.data[i] = f(data[i]); return m; }
            public Matrix Hadamard(Matrix other) {{hadamard}}
            public static Matrix Product(Matrix a, Matrix b) { var m = new Matrix(a.Rows, a.Cols); for (int i = 0; i < a.data.Length; i++) m.data[i] = a.data[i] * b.data[i]; return m; }
            public static Matrix Difference(Matrix a, Matrix b) { var m = new Matrix(a.Rows, a.Cols); for (int i = 0; i < a.data.Length; i++) m.data[i] = a.data[i] - b.data[i]; return m; }
            public static Matrix operator -(Matrix a, Matrix b) {{minus}}
            public static Matrix operator -(Matrix a) { var m = new Matrix(a.Rows, a.Cols); for (int i = 0; i < a.data.Length; i++) m.data[i] = -a.data[i]; return m; }
            public static Matrix operator *(Matrix a, Matrix b)
            {
                var m = new Matrix(a.Rows, b.Cols);
                for (int i = 0; i < a.Rows; i++)
                    for (int j = 0; j < b.Cols; j++)
                    {
                        double s = 0;
                        for (int k = 0; k < a.Cols; k++) s += a[i, k] * b[k, j];
                        m[i, j] = s;
                    }
                return m;
            }
            public Matrix Transposed() { var m = new Matrix(Cols, Rows); for (int i = 0; i < Rows; i++) for (int j = 0; j < Cols; j++) m[j, i] = this[i, j]; return m; }
            public double Sum() { double s = 0; foreach (var v in data) s += v; return s; }
        }
        public sealed class Network
        {
            private readonly Matrix w1 = new Matrix(4, 2), w2 = new Matrix(1, 4);
            private static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));
            private static double Slope(double o) => o * (1 - o);
            public void Train(Matrix x, Matrix y, Matrix given) { {{forward}} {{backward}} }
        }
        """;

    /// <summary>
    /// The network of a widely copied game-AI tutorial: each layer's activation named by a string the caller passes
    /// (<paramref name="names"/>), turned into a code by a switch in the constructor, the code selecting the function in
    /// <c>activate</c>; jagged neuron arrays; back-propagation with a squared-error cost (unless <paramref name="withCost"/> is false)
    /// and the output delta through <c>activateDer</c>, which the same code switches to σ' written in the output. The output is a
    /// sigmoid's when the last name is "sigmoid". With <paramref name="inField"/>, the trainer passes the names from a static field;
    /// with <paramref name="arrowDerivative"/>, <c>activateDer</c> is a switch expression.
    /// </summary>
    private static string NamedActivations(string names, bool inField = false, bool withCost = true, bool arrowDerivative = false, bool copied = false) => $$"""
        using System;
        using System.Collections.Generic;
        public class NeuralNetwork
        {
            private int[] layers;
            private float[][] neurons;
            private float[][] biases;
            private float[][][] weights;
            private int[] activations;
            public float cost = 0;
            public NeuralNetwork(int[] layers, {{(copied ? "int" : "string")}}[] layerActivations)
            {
                this.layers = new int[layers.Length];
                for (int i = 0; i < layers.Length; i++) this.layers[i] = layers[i];
                activations = new int[layers.Length - 1];
                for (int i = 0; i < layers.Length - 1; i++)
                {
                    {{(copied ? "activations[i] = layerActivations[i];" : "")}}
                    {{(copied ? "" : "string action = layerActivations[i];")}}
                    {{(copied ? "" : "switch (action) { case \"sigmoid\": activations[i] = 0; break; case \"tanh\": activations[i] = 1; break; case \"relu\": activations[i] = 2; break; default: activations[i] = 2; break; }")}}
                }
                var neuronsList = new List<float[]>();
                for (int i = 0; i < layers.Length; i++) neuronsList.Add(new float[layers[i]]);
                neurons = neuronsList.ToArray();
            }
            public float activate(float value, int layer)
            {
                switch (activations[layer])
                {
                    case 0: return {{(SigmoidLast(names, copied) ? "/*σ*/" : "")}}sigmoid(value);
                    case 1: return tanh(value);
                    case 2: return relu(value);
                    default: return relu(value);
                }
            }
            {{(arrowDerivative ? "public float activateDer(float value, int layer) => activations[layer] switch { 0 => sigmoidDer(value), 1 => tanhDer(value), _ => reluDer(value) };" : "")}}
            {{(arrowDerivative ? "" : "public float activateDer(float value, int layer)")}}
            {{(arrowDerivative ? "" : "{ switch (activations[layer]) { case 0: return sigmoidDer(value); case 1: return tanhDer(value); case 2: return reluDer(value); default: return reluDer(value); } }")}}
            public float sigmoid(float x) { float k = (float)Math.Exp(x); return k / (1.0f + k); }
            public float tanh(float x) => (float)Math.Tanh(x);
            public float relu(float x) => (0 >= x) ? 0 : x;
            public float sigmoidDer(float x) => x * (1 - x);
            public float tanhDer(float x) => 1 - (x * x);
            public float reluDer(float x) => (0 >= x) ? 0 : 1;
            public float[] FeedForward(float[] inputs)
            {
                for (int i = 0; i < inputs.Length; i++) neurons[0][i] = inputs[i];
                for (int i = 1; i < layers.Length; i++)
                {
                    int layer = i - 1;
                    for (int j = 0; j < layers[i]; j++)
                    {
                        float value = 0f;
                        for (int k = 0; k < layers[i - 1]; k++) value += weights[i - 1][j][k] * neurons[i - 1][k];
                        neurons[i][j] = activate(value + biases[i][j], layer);
                    }
                }
                return neurons[layers.Length - 1];
            }
            public void BackPropagate(float[] inputs, float[] expected)
            {
                float[] output = FeedForward(inputs);
                {{(withCost ? "cost = 0;" : "")}}
                {{(!withCost ? "" : SigmoidLast(names, copied) ? "for (int i = 0; i < output.Length; i++) cost += (float){|GW1001:Math.Pow(output[i] - expected[i], 2)|};" : "for (int i = 0; i < output.Length; i++) cost += (float)Math.Pow(output[i] - expected[i], 2);")}}
                var gamma = new List<float[]>();
                for (int i = 0; i < layers.Length; i++) gamma.Add(new float[layers[i]]);
                int layer = layers.Length - 2;
                for (int i = 0; i < output.Length; i++) gamma[layers.Length - 1][i] = {{(SigmoidLast(names, copied) ? "{|GW1001:(output[i] - expected[i]) * activateDer(output[i], layer)|}" : "(output[i] - expected[i]) * activateDer(output[i], layer)")}};
                for (int i = layers.Length - 2; i > 0; i--)
                {
                    for (int j = 0; j < layers[i]; j++)
                    {
                        gamma[i][j] = 0;
                        for (int k = 0; k < gamma[i + 1].Length; k++) gamma[i][j] += gamma[i + 1][k] * weights[i][k][j];
                        gamma[i][j] *= activateDer(neurons[i][j], i - 1);
                    }
                }
            }
        }
        public static class Trainer
        {
            {{(inField ? $"private static readonly string[] Names = {{ {names} }};" : "")}}
            public static void Run() => new NeuralNetwork(new[] { 2, 4, 1 }, {{(inField ? "Names" : $"new[] {{ {names} }}")}}).BackPropagate(new[] { 0f, 1f }, new[] { 1f });
        }
        """;

    /// <summary>Whether the last of the names (or, <paramref name="copied"/>, of the codes, 0 the sigmoid's) selects the sigmoid.</summary>
    private static bool SigmoidLast(string names, bool copied) =>
        copied ? names.EndsWith('0') : names.EndsWith("\"sigmoid\"", StringComparison.Ordinal);

    /// <summary>
    /// A layer whose activation is named by a string its constructor is given, kept as a code in a field (<c>case "sigmoid": kind = 0;</c>)
    /// that <c>Activate</c> switches on; the output layer is made with <paramref name="name"/>, and its outputs are trained with squared error.
    /// </summary>
    private static string NamedLayer(string name) => $$"""
        using System;
        public class Layer
        {
            private readonly int kind;
            public double[] Outputs;
            public Layer(int size, string activation)
            {
                Outputs = new double[size];
                switch (activation)
                {
                    case "sigmoid": kind = 0; break;
                    case "tanh": kind = 1; break;
                    default: kind = 2; break;
                }
            }
            private double Activate(double x)
            {
                switch (kind)
                {
                    case 0: return 1.0 / (1.0 + Math.Exp(-x));
                    case 1: return Math.Tanh(x);
                    default: return Math.Max(0, x);
                }
            }
            public void Forward(double[] z) { for (int i = 0; i < Outputs.Length; i++) Outputs[i] = {{(name == "sigmoid" ? "/*σ*/" : "")}}Activate(z[i]); }
        }
        public static class Program
        {
            private static readonly Layer hidden = new Layer(8, "relu");
            public static double Train(double[] z, double[] t)
            {
                var output = new Layer(1, "{{name}}");
                output.Forward(z);
                double loss = 0;
                for (int i = 0; i < t.Length; i++) loss += {{(name == "sigmoid" ? "{|GW1001:(output.Outputs[i] - t[i]) * (output.Outputs[i] - t[i])|}" : "(output.Outputs[i] - t[i]) * (output.Outputs[i] - t[i])")}};
                return loss;
            }
        }
        """;

    /// <summary>
    /// The same network over jagged arrays (<c>double[][]</c>, one row per example), its helpers filling <c>r[i][j]</c> of rows a
    /// <c>Make</c> helper allocates: <paramref name="train"/> is the training step's body, given a batch x and its targets y.
    /// </summary>
    private static string JaggedPort(string train) => $$"""
        using System;
        public static class Jag
        {
            public static double[][] Make(int n, int m)
            {
                var r = new double[n][];
                for (int i = 0; i < n; i++) r[i] = new double[m];
                return r;
            }
            public static double[][] Dot(double[][] a, double[][] b)
            {
                var r = Make(a.Length, b[0].Length);
                for (int i = 0; i < a.Length; i++)
                    for (int j = 0; j < b[0].Length; j++)
                        for (int t = 0; t < b.Length; t++)
                            r[i][j] += a[i][t] * b[t][j];
                return r;
            }
            public static double[][] Sigmoid(double[][] x)
            {
                var r = Make(x.Length, x[0].Length);
                for (int i = 0; i < x.Length; i++)
                    for (int j = 0; j < x[i].Length; j++)
                        r[i][j] = /*σ*/1.0 / (1.0 + Math.Exp(-x[i][j]));
                return r;
            }
            public static double[][] Tanh(double[][] x)
            {
                var r = new double[x.Length][];
                for (int i = 0; i < x.Length; i++)
                {
                    r[i] = new double[x[i].Length];
                    for (int j = 0; j < x[i].Length; j++) r[i][j] = Math.Tanh(x[i][j]);
                }
                return r;
            }
            public static double[][] SigmoidDerivative(double[][] s)
            {
                var r = Make(s.Length, s[0].Length);
                for (int i = 0; i < s.Length; i++)
                    for (int j = 0; j < s[i].Length; j++)
                        r[i][j] = s[i][j] * (1 - s[i][j]);
                return r;
            }
            public static double[][] Subtract(double[][] a, double[][] b)
            {
                var r = Make(a.Length, a[0].Length);
                for (int i = 0; i < a.Length; i++)
                    for (int j = 0; j < a[i].Length; j++)
                        r[i][j] = a[i][j] - b[i][j];
                return r;
            }
            public static double[][] Multiply(double[][] a, double[][] b)
            {
                var r = Make(a.Length, a[0].Length);
                for (int i = 0; i < a.Length; i++)
                    for (int j = 0; j < a[i].Length; j++)
                        r[i][j] = a[i][j] * b[i][j];
                return r;
            }
            public static double[][] Transpose(double[][] a)
            {
                var r = Make(a[0].Length, a.Length);
                for (int i = 0; i < a.Length; i++)
                    for (int j = 0; j < a[i].Length; j++)
                        r[j][i] = a[i][j];
                return r;
            }
            public static double MeanSquare(double[][] e)
            {
                double s = 0;
                foreach (var row in e)
                    foreach (var v in row)
                        s += v * v;
                return s / (e.Length * e[0].Length);
            }
            public static double Mean(double[][] a)
            {
                double s = 0;
                for (int i = 0; i < a.Length; i++)
                    for (int j = 0; j < a[i].Length; j++)
                        s += a[i][j];
                return s / (a.Length * a[0].Length);
            }
            public static double[][] Square(double[][] a)
            {
                var r = Make(a.Length, a[0].Length);
                for (int i = 0; i < a.Length; i++)
                    for (int j = 0; j < a[i].Length; j++)
                        r[i][j] = Math.Pow(a[i][j], 2);
                return r;
            }
        }
        public class JaggedNet
        {
            private double[][] w1 = Jag.Make(2, 4), w2 = Jag.Make(4, 1);
            public double Train(double[][] x, double[][] y)
            {
                {{train}}
            }
        }
        """;

    /// <summary>
    /// A logistic model over rows whose predictions are a LINQ projection through a sigmoid, and <paramref name="loss"/>, the body of a loss
    /// given the predictions o and the targets t (the tuples of <c>o.Zip(t)</c> and their kin).
    /// </summary>
    private static string ZippedLoss(string loss) => $$"""
        using System;
        using System.Linq;
        public class Logistic
        {
            private readonly double[] w = new double[4];
            static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
            public double[] Predict(double[][] x) => x.Select(r => /*σ*/Sigmoid(r.Zip(w, (a, b) => a * b).Sum())).ToArray();
            public double[] Linear(double[][] x) => x.Select(r => r.Zip(w, (a, b) => a * b).Sum()).ToArray();
            public double Loss(double[][] x, double[] t)
            {
                var o = Predict(x);
                {{loss}}
            }
        }
        """;

    /// <summary>
    /// Array operations of one's own, each filling a new array element by element, composed the way NumPy code is ported
    /// (<c>1 / (1 + np.exp(-z))</c> as <c>V.Divide(1, V.Add(1, V.Exp(V.Negate(z))))</c>): <paramref name="output"/> is the output of z, and
    /// <paramref name="loss"/> the loss of output and y.
    /// </summary>
    private static string ArrayOps(string output, string loss) => $$"""
        using System;
        using System.Linq;
        public static class V
        {
            public static double[] Exp(double[] a) { var r = new double[a.Length]; for (int i = 0; i < a.Length; i++) r[i] = Math.Exp(a[i]); return r; }
            public static double[] Negate(double[] a) { var r = new double[a.Length]; for (int i = 0; i < a.Length; i++) r[i] = -a[i]; return r; }
            public static double[] Add(double s, double[] a) { var r = new double[a.Length]; for (int i = 0; i < a.Length; i++) r[i] = s + a[i]; return r; }
            public static double[] Divide(double s, double[] a) { var r = new double[a.Length]; for (int i = 0; i < a.Length; i++) r[i] = s / a[i]; return r; }
            public static double[] Subtract(double[] a, double[] b) { var r = new double[a.Length]; for (int i = 0; i < a.Length; i++) r[i] = a[i] - b[i]; return r; }
            public static double[] Square(double[] a) { var r = new double[a.Length]; for (int i = 0; i < a.Length; i++) r[i] = a[i] * a[i]; return r; }
            public static double Mean(double[] a) { double s = 0; foreach (var v in a) s += v; return s / a.Length; }
            public static double[] Logistic(double[] z) => {{(output.Contains("Logistic") ? "/*σ*/" : "")}}Divide(1, Add(1, Exp(Negate(z))));
            public static double Max(double[] a) { double m = a[0]; foreach (var v in a) if (v > m) m = v; return m; }
            public static double Sum(double[] a) { double s = 0; foreach (var v in a) s += v; return s; }
            public static double Total(double[] a) { double s = 0; for (int i = 0; i < a.Length; i++) s += a[i]; return s; }
            public static double Count(double[] a) { double n = 0; foreach (var v in a) n += 1; return n; }
            public static double[] Subtract(double[] a, double b) { var r = new double[a.Length]; for (int i = 0; i < a.Length; i++) r[i] = a[i] - b; return r; }
            public static double[] Divide(double[] a, double s) { var r = new double[a.Length]; for (int i = 0; i < a.Length; i++) r[i] = a[i] / s; return r; }
            public static double[] Softmax(double[] z) { var e = Exp(Subtract(z, Max(z))); return {{(output.Contains("Softmax") ? "/*σ*/" : "")}}Divide(e, Sum(e)); }
        }
        public class Model
        {
            public double Loss(double[] z, double[] y)
            {
                var output = {{output}};
                {{loss}}
            }
        }
        """;

    /// <summary>
    /// A network with one output that keeps its error in element 0 of an array field and multiplies it by σ' of output 0;
    /// <paramref name="after"/> runs after the weight update.
    /// </summary>
    private static string OneOutputNet(string after) => $$"""
        using System;
        public class OneOutputNet
        {
            private readonly double[] outputs = new double[1];
            private readonly double[] errors = new double[1];
            private readonly double[] hidden = new double[3];
            private readonly double[] w = new double[3];
            private static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
            public double Train(double target)
            {
                double z = 0;
                for (int j = 0; j < hidden.Length; j++) z += w[j] * hidden[j];
                outputs[0] = /*σ*/Sigmoid(z);
                errors[0] = target - outputs[0];
                double delta = {|GW1001:errors[0] * outputs[0] * (1 - outputs[0])|};
                for (int j = 0; j < w.Length; j++) w[j] += 0.5 * delta * hidden[j];
                {{after}}
                return delta;
            }
        }
        """;

    /// <summary>
    /// A network over two-dimensional arrays, as C# ports of NumPy tutorials write it: a static class of helpers over <c>double[,]</c>
    /// (one row per example), each filling and returning a new array element by element (<c>Sigmoid</c>, <c>Subtract</c>, <c>Multiply</c>,
    /// <c>Square</c>, <c>Power</c>, <c>Transpose</c>) or reducing one (<c>Dot</c>, <c>Mean</c>, <c>Sum</c>, <c>MeanSquare</c>):
    /// <paramref name="train"/> is the training step's body, given a batch x and its targets y.
    /// </summary>
    private static string NumpyPort(string train) => $$"""
        using System;
        public static class Np
        {
            public static double[,] Dot(double[,] a, double[,] b)
            {
                int n = a.GetLength(0), m = b.GetLength(1), k = a.GetLength(1);
                var r = new double[n, m];
                for (int i = 0; i < n; i++)
                    for (int j = 0; j < m; j++)
                    {
                        double s = 0;
                        for (int t = 0; t < k; t++) s += a[i, t] * b[t, j];
                        r[i, j] = s;
                    }
                return r;
            }
            public static double[,] Sigmoid(double[,] x)
            {
                var r = new double[x.GetLength(0), x.GetLength(1)];
                for (int i = 0; i < x.GetLength(0); i++)
                    for (int j = 0; j < x.GetLength(1); j++)
                        r[i, j] = /*σ*/1.0 / (1.0 + Math.Exp(-x[i, j]));
                return r;
            }
            public static double[,] Tanh(double[,] x)
            {
                var r = new double[x.GetLength(0), x.GetLength(1)];
                for (int i = 0; i < x.GetLength(0); i++)
                    for (int j = 0; j < x.GetLength(1); j++)
                        r[i, j] = Math.Tanh(x[i, j]);
                return r;
            }
            public static double[,] Softmax(double[,] z)
            {
                var r = new double[z.GetLength(0), z.GetLength(1)];
                for (int i = 0; i < z.GetLength(0); i++)
                {
                    double sum = 0;
                    for (int j = 0; j < z.GetLength(1); j++) sum += Math.Exp(z[i, j]);
                    for (int j = 0; j < z.GetLength(1); j++) r[i, j] = /*σ*/Math.Exp(z[i, j]) / sum;
                }
                return r;
            }
            public static double[,] SigmoidDerivative(double[,] s)
            {
                var r = new double[s.GetLength(0), s.GetLength(1)];
                for (int i = 0; i < s.GetLength(0); i++)
                    for (int j = 0; j < s.GetLength(1); j++)
                        r[i, j] = s[i, j] * (1 - s[i, j]);
                return r;
            }
            public static double[,] Subtract(double[,] a, double[,] b)
            {
                var r = new double[a.GetLength(0), a.GetLength(1)];
                for (int i = 0; i < a.GetLength(0); i++)
                    for (int j = 0; j < a.GetLength(1); j++)
                        r[i, j] = a[i, j] - b[i, j];
                return r;
            }
            public static double[,] Multiply(double[,] a, double[,] b)
            {
                var r = new double[a.GetLength(0), a.GetLength(1)];
                for (int i = 0; i < a.GetLength(0); i++)
                    for (int j = 0; j < a.GetLength(1); j++)
                        r[i, j] = a[i, j] * b[i, j];
                return r;
            }
            public static double[,] Transpose(double[,] a)
            {
                var r = new double[a.GetLength(1), a.GetLength(0)];
                for (int i = 0; i < a.GetLength(0); i++)
                    for (int j = 0; j < a.GetLength(1); j++)
                        r[j, i] = a[i, j];
                return r;
            }
            public static double[,] Square(double[,] a)
            {
                var r = new double[a.GetLength(0), a.GetLength(1)];
                for (int i = 0; i < a.GetLength(0); i++)
                    for (int j = 0; j < a.GetLength(1); j++)
                        r[i, j] = a[i, j] * a[i, j];
                return r;
            }
            public static double[,] Power(double[,] a, double p)
            {
                var r = new double[a.GetLength(0), a.GetLength(1)];
                for (int i = 0; i < a.GetLength(0); i++)
                    for (int j = 0; j < a.GetLength(1); j++)
                        r[i, j] = Math.Pow(a[i, j], p);
                return r;
            }
            public static double Mean(double[,] a)
            {
                double s = 0;
                foreach (var v in a) s += v;
                return s / a.Length;
            }
            public static double Sum(double[,] a)
            {
                double s = 0;
                for (int i = 0; i < a.GetLength(0); i++)
                    for (int j = 0; j < a.GetLength(1); j++)
                        s += a[i, j];
                return s;
            }
            public static double MeanSquare(double[,] e)
            {
                double s = 0;
                for (int i = 0; i < e.GetLength(0); i++)
                    for (int j = 0; j < e.GetLength(1); j++)
                        s += e[i, j] * e[i, j];
                return s / e.Length;
            }
        }
        public class TwoLayer
        {
            private double[,] w1 = new double[2, 4], w2 = new double[4, 1];
            public double Train(double[,] x, double[,] y)
            {
                {{train}}
            }
        }
        """;

    /// <summary>
    /// A network over plain arrays whose static helpers each fill and return a new array (<c>Sigmoid</c>, <c>Subtract</c>,
    /// <c>Multiply</c>, a matrix-vector <c>Dot</c>): <paramref name="train"/> is the training step's body, given x and y.
    /// </summary>
    private static string ArrayHelpers(string train) => $$"""
        using System;
        using System.Linq;
        public static class M
        {
            public static double[] Dot(double[,] w, double[] x)
            {
                var r = new double[w.GetLength(0)];
                for (int i = 0; i < r.Length; i++)
                    for (int k = 0; k < x.Length; k++)
                        r[i] += w[i, k] * x[k];
                return r;
            }
            public static double[] Sigmoid(double[] m)
            {
                var r = new double[m.Length];
                for (int i = 0; i < m.Length; i++) r[i] = /*σ*/1.0 / (1.0 + Math.Exp(-m[i]));
                return r;
            }
            public static double[] SigmoidDerivative(double[] s)
            {
                var r = new double[s.Length];
                for (int i = 0; i < s.Length; i++) r[i] = s[i] * (1 - s[i]);
                return r;
            }
            public static double[] Subtract(double[] a, double[] b)
            {
                var r = new double[a.Length];
                for (int i = 0; i < a.Length; i++) r[i] = a[i] - b[i];
                return r;
            }
            public static double[] Multiply(double[] a, double[] b)
            {
                var r = new double[a.Length];
                for (int i = 0; i < a.Length; i++) r[i] = a[i] * b[i];
                return r;
            }
        }
        public class Net
        {
            private double[,] w1, w2;
            public double Train(double[] x, double[] y)
            {
                {{train}}
            }
        }
        """;

    /// <summary>A MathNet network over a batch (one column per example), its output <paramref name="output"/> of x, its cost <paramref name="cost"/> of e = o - y.</summary>
    private static string MathNetBatch(string output, string cost) => $$"""
        using System;
        using System.Linq;
        using MathNet.Numerics.LinearAlgebra;
        public sealed class BatchNetwork
        {
            private Matrix<double> w1, w2;
            static double Sigmoid(double v) => 1.0 / (1.0 + Math.Exp(-v));
            public Matrix<double> Forward(Matrix<double> x) => {{output}};
            public double Cost(Matrix<double> x, Matrix<double> y)
            {
                var o = Forward(x);
                var e = o - y;
                return {{cost}};
            }
        }
        """;

    /// <summary>
    /// A MathNet model whose predictions are <paramref name="predict"/> of x (weights w, bias b), costed by <paramref name="cost"/> of p and y;
    /// where p is a sigmoid output, the call that makes it is where flow places the sigmoid.
    /// </summary>
    private static string MathNetCost(string predict, string cost) => $$"""
        using System;
        using MathNet.Numerics.LinearAlgebra;
        public class VectorModel
        {
            private Matrix<double> w;
            private Vector<double> b;
            public Vector<double> Predict(Vector<double> x) => {{predict}};
            public double Cost(Vector<double> x, Vector<double> y)
            {
                var p = Predict(x);
                return {{cost}};
            }
        }
        """;

    /// <summary>
    /// A neuron whose Output property keeps its value in a backing field the setter stores (the getter and setter written out, as
    /// encapsulated class code does), set by <paramref name="fire"/> of z; the network adds <paramref name="loss"/> for each output
    /// neuron n and target t[i]. <paramref name="member"/> is one more member of the neuron.
    /// </summary>
    private static string BackedNeuron(string fire, string loss, string member = "") => $$"""
        using System;
        using System.Collections.Generic;
        public class Neuron
        {
            private double output;
            public double Output { get { return output; } private set { output = value; } }
            public double Bias { get; set; }
            private static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
            public void Fire(double z) { {{fire}} }
            {{member}}
        }
        public class Network
        {
            public List<Neuron> OutputLayer { get; } = new List<Neuron>();
            public double Train(double[] z, double[] t)
            {
                double loss = 0;
                for (int i = 0; i < OutputLayer.Count; i++)
                {
                    var n = OutputLayer[i];
                    n.Fire(z[i]);
                    {{loss}}
                }
                return loss;
            }
        }
        """;

    /// <summary>A metric of your own over two sequences, given a classifier's predictions made with LINQ (<paramref name="predict"/> of each row).</summary>
    private static string LinqMetric(string metric, string predict, string use) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        public static class Metrics
        {
            {{metric}}
        }
        public sealed class Classifier
        {
            private readonly double[] w = new double[3];
            public double[] Predict(double[][] xs) => xs.Select(x => {{predict}}).ToArray();
            public double Evaluate(double[][] xs, double[] ys)
            {
                var p = Predict(xs);
                return {{use}};
            }
        }
        """;

    /// <summary>
    /// A network whose softmax outputs a trainer class of its own steps (<c>oGrads</c> from <paramref name="outputGradients"/>, each step
    /// kept in a local first, as momentum code keeps it) and whose squared error, <paramref name="squaredError"/> summed over the outputs,
    /// the trainer tests to stop; <paramref name="softmaxMark"/> marks the softmax for a positive.
    /// </summary>
    private static string SoftmaxTrainer(string outputGradients, string squaredError, string softmaxMark = "") => $$"""
        using System;
        public class NetData
        {
            public double[] inputs = new double[4], hOutputs = new double[5], outputs = new double[3];
            public double[][] ihWeights, hoWeights;
            public double[] hBiases = new double[5], oBiases = new double[3];
        }
        public class Network
        {
            public NetData Data { get; } = new NetData();
            public double[] ComputeOutputs(double[] x)
            {
                var d = Data;
                Array.Copy(x, d.inputs, d.inputs.Length);
                for (int j = 0; j < d.hOutputs.Length; j++)
                {
                    double s = d.hBiases[j];
                    for (int i = 0; i < d.inputs.Length; i++) s += d.inputs[i] * d.ihWeights[i][j];
                    d.hOutputs[j] = Math.Tanh(s);
                }
                var o = new double[d.outputs.Length];
                for (int k = 0; k < o.Length; k++)
                {
                    o[k] = d.oBiases[k];
                    for (int j = 0; j < d.hOutputs.Length; j++) o[k] += d.hOutputs[j] * d.hoWeights[j][k];
                }
                var soft = Softmax(o);
                Array.Copy(soft, d.outputs, soft.Length);
                return soft;
            }
            private static double[] Softmax(double[] z)
            {
                double max = z[0];
                for (int i = 1; i < z.Length; i++) if (z[i] > max) max = z[i];
                double scale = 0;
                for (int i = 0; i < z.Length; i++) scale += Math.Exp(z[i] - max);
                var r = new double[z.Length];
                for (int i = 0; i < z.Length; i++) r[i] = {{softmaxMark}}Math.Exp(z[i] - max) / scale;
                return r;
            }
        }
        public class Trainer
        {
            private readonly double[] oGrads = new double[3], hGrads = new double[5];
            public Network Network { get; } = new Network();
            public void Train(double[][] trainData, int epochs, double lr)
            {
                var t = new double[3];
                for (int e = 0; e < epochs; e++)
                {
                    if (MeanSquaredError(trainData) < 0.01) break;
                    foreach (var row in trainData)
                    {
                        Array.Copy(row, 4, t, 0, 3);
                        Network.ComputeOutputs(row);
                        UpdateWeights(t, lr);
                    }
                }
            }
            private void UpdateWeights(double[] tValues, double learnRate)
            {
                var data = Network.Data;
                {{outputGradients}}
                for (int i = 0; i < hGrads.Length; ++i)
                {
                    double derivative = (1 - data.hOutputs[i]) * (1 + data.hOutputs[i]);
                    double sum = 0.0;
                    for (int j = 0; j < oGrads.Length; ++j) sum += oGrads[j] * data.hoWeights[i][j];
                    hGrads[i] = derivative * sum;
                }
                for (int i = 0; i < data.hoWeights.Length; ++i)
                    for (int j = 0; j < data.hoWeights[0].Length; ++j)
                    {
                        double delta = learnRate * oGrads[j] * data.hOutputs[i];
                        data.hoWeights[i][j] += delta;
                    }
                for (int i = 0; i < data.oBiases.Length; ++i)
                {
                    double delta = learnRate * oGrads[i];
                    data.oBiases[i] += delta;
                }
            }
            private double MeanSquaredError(double[][] trainData)
            {
                var data = Network.Data;
                double sum = 0.0;
                var x = new double[4];
                foreach (var row in trainData)
                {
                    Array.Copy(row, x, 4);
                    Network.ComputeOutputs(x);
                    for (int j = 0; j < 3; ++j)
                    {
                        double err = row[4 + j] - data.outputs[j];
                        sum += {{squaredError}};
                    }
                }
                return sum / trainData.Length;
            }
        }
        """;

    /// <summary>Layers run in a list, the sigmoid layer keeping its outputs in a field it assigns in the expression it returns.</summary>
    private static string CachingLayers(string layers, string loss) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        public interface ILayer { double[] Forward(double[] x); }
        public sealed class Dense : ILayer
        {
            private readonly double[,] w = new double[2, 2];
            public double[] Forward(double[] x) => Enumerable.Range(0, 2).Select(i => w[i, 0] * x[0] + w[i, 1] * x[1]).ToArray();
        }
        public sealed class Squash : ILayer
        {
            private double[] last = Array.Empty<double>();
            public double[] Forward(double[] x) => last = x.Select(v => /*σ*/1 / (1 + Math.Exp(-v))).ToArray();
            public double[] Slope() => last.Select(o => o * (1 - o)).ToArray();
        }
        public sealed class Model
        {
            private readonly List<ILayer> layers = new() { {{layers}} };
            public double Loss(double[] x, double[] y)
            {
                var a = x;
                foreach (var layer in layers) a = layer.Forward(a);
                double l = 0;
                for (int k = 0; k < y.Length; k++) {{loss}}
                return l;
            }
        }
        """;

    /// <summary>
    /// A unit whose activation is <paramref name="predict"/>, returning from the sum s (Squash(s) is the sigmoid), which a bool flag its
    /// constructor sets may choose; units are made by <paramref name="made"/>. Fit computes <paramref name="error"/> from the target and
    /// o = Predict(x) (MseGrad is the derivative of a squared error), and its step by <paramref name="step"/>; Step multiplies the error
    /// by σ' written at o when the flag is on.
    /// </summary>
    private static string FlaggedUnit(string predict, string error, string step, string made) => $$"""
        using System;
        public class Unit
        {
            public double[] W = new double[4];
            public double Rate = 0.1;
            private readonly bool squashed;
            public Unit(bool squashed) { this.squashed = squashed; }
            static double Squash(double v) => 1.0 / (1.0 + Math.Exp(-v));
            double Baseline(double[] x) => W[0] * x[0];
            static double MseGrad(double p, double y) => 2 * (p - y);
            public double Predict(double[] x)
            {
                double s = 0;
                for (int i = 0; i < W.Length; i++) s += W[i] * x[i];
                {{predict}}
            }
            public double Fit(double[] x, double target)
            {
                var o = Predict(x);
                var error = {{error}};
                var step = {{step}};
                for (int i = 0; i < W.Length; i++) W[i] -= step * x[i];
                return error;
            }
            private double Step(double o, double error)
            {
                if (!squashed) return Rate * error;
                double slope = o * (1.0 - o);
                return Rate * error * slope;
            }
        }
        public static class Models { public static Unit Make() => {{made}}; }
        """;

    /// <summary>
    /// Outputs stored per element as <paramref name="activation"/> of z[i]; the errors made by the LINQ expression <paramref name="errors"/>
    /// (over o, the outputs, and t, the targets), then <paramref name="deltas"/> returns the deltas.
    /// </summary>
    private static string LinqErrors(string activation, string errors, string deltas) => $$"""
        using System;
        using System.Linq;
        public class Net
        {
            static double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));
            public double[] Outputs = new double[3];
            public void Forward(double[] z) { for (int i = 0; i < z.Length; i++) Outputs[i] = {{activation}}; }
            public double[] Deltas(double[] t)
            {
                var o = Outputs;
                var errors = {{errors}};
                {{deltas}}
            }
        }
        """;

    /// <summary>
    /// Neurons made from their input x, storing σ(x) into Output and σ'(x) into Derivative at construction (both auto-properties); the
    /// network's deltas are <paramref name="step"/> for each output neuron i.
    /// </summary>
    private static string StoredAtConstruction(string step) => $$"""
        using System;
        using System.Collections.Generic;
        public class Neuron
        {
            public double Output { get; }
            public double Derivative { get; }
            public Neuron Next;
            public Neuron(double x) { Output = {{ActivationMark}}LogicFunc(x); Derivative = LogicFuncDerivative(x); }
            private double LogicFunc(double x) => 1 / (1 + Math.Pow(Math.E, -x));
            private double LogicFuncDerivative(double x) { double val = LogicFunc(x); return val * (1 - val); }
        }

        public class Net
        {
            public List<Neuron> Outputs = new List<Neuron>();
            public double[] Deltas(double[] t)
            {
                var d = new double[t.Length];
                for (int i = 0; i < t.Length; i++) d[i] = {{step}};
                return d;
            }
        }
        """;

    /// <summary>
    /// A network whose activation comes from a factory behind an interface, chosen by a setting the network holds: the feed-forward
    /// and back-propagation classes each get an <c>IMathFactory</c> through their constructor (a composition root passes
    /// <c>new MathFactory()</c>) and ask it for the <c>IMaths</c> of the network (<c>Sigmoid</c> or <c>HyperTan</c> by
    /// <c>net.Functions</c>, <paramref name="configured"/> by the property's initializer). The output error is stored in each output
    /// neuron's <c>Error</c> as <paramref name="outputError"/> (neurons read by <paramref name="at"/>: <c>[i]</c> or <c>.ElementAt(i)</c>).
    /// </summary>
    private static string FactoryMaths(string configured, string at, string outputError) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        public enum MathKind { Sigmoid, HyperTan }
        public class Link { public Unit From, To; public double Weight; }
        public class Unit
        {
            public List<Link> Inputs { get; } = new List<Link>();
            public List<Link> Outputs { get; } = new List<Link>();
            public double Value { get; set; }
            public double Error { get; set; }
        }
        public class Net
        {
            public double Rate = 0.05;
            public List<Unit> InputUnits { get; } = new List<Unit>();
            public List<List<Unit>> Hidden { get; } = new List<List<Unit>>();
            public List<Unit> OutputUnits { get; } = new List<Unit>();
            public MathKind Functions { get; set; } = {{configured}};
        }
        public interface IMaths { double Output(double v); double Derivative(double v); }
        public interface IMathFactory { IMaths Get(Net net); }
        public class Sigmoid : IMaths
        {
            public double Output(double v) { if (v < -45.0) return 0.0; else if (v > 45.0) return 1.0; return /*σ*/1.0 / (1.0 + Math.Exp(-v)); }
            public double Derivative(double v) => v * (1 - v);
        }
        public class HyperTan : IMaths
        {
            public double Output(double v) => Math.Tanh(v);
            public double Derivative(double v) => (1 - v) * (1 + v);
        }
        public class MathFactory : IMathFactory
        {
            public IMaths Get(Net net)
            {
                if (net.Functions == MathKind.Sigmoid) return new Sigmoid();
                else return new HyperTan();
            }
        }
        public class Forward
        {
            private readonly IMathFactory factory;
            public Forward(IMathFactory factory) { this.factory = factory; }
            public void Compute(Net net, double[] x)
            {
                var maths = factory.Get(net);
                var k = 0;
                foreach (var unit in net.InputUnits) unit.Value = x[k++];
                foreach (var layer in net.Hidden)
                    foreach (var unit in layer) unit.Value = maths.Output(unit.Inputs.Sum(l => l.From.Value * l.Weight));
                foreach (var unit in net.OutputUnits) unit.Value = maths.Output(unit.Inputs.Sum(l => l.From.Value * l.Weight));
            }
        }
        public class Backward
        {
            private readonly IMathFactory factory;
            public Backward(IMathFactory factory) { this.factory = factory; }
            public void Compute(Net net, double[] targets)
            {
                var maths = factory.Get(net);
                for (var i = 0; i < net.OutputUnits.Count(); i++)
                    net.OutputUnits{{at}}.Error = {{outputError}};
                foreach (var layer in net.Hidden)
                    foreach (var unit in layer) unit.Error = unit.Outputs.Sum(l => l.To.Error * l.Weight) * maths.Derivative(unit.Value);
                foreach (var unit in net.OutputUnits)
                    foreach (var link in unit.Inputs) link.Weight += net.Rate * unit.Error * link.From.Value;
            }
        }
        public static class Composition
        {
            public static Forward MakeForward() => new Forward(new MathFactory());
            public static Backward MakeBackward() => new Backward(new MathFactory());
        }
        """;

    /// <summary>
    /// Layer classes side by side under one abstract base that holds the shared arrays and the activation setting: a dense (hidden)
    /// layer and an output layer each store the setting their constructor is given, activate through a static helper switched by it,
    /// and override <c>Train</c>; the network calls the base's <c>Train</c> on every layer of an array a builder fills
    /// (<paramref name="hidden"/> and <paramref name="output"/> settings). The output layer's delta is <paramref name="delta"/> (a static
    /// helper given the setting, or <c>Deriv(y)</c> of the base switching on it). With <paramref name="parallel"/>, the output layer's
    /// <c>Train</c> stores its errors and takes its deltas in two <c>Parallel.For</c> bodies, one index parameter each.
    /// </summary>
    private static string SiblingLayers(string hidden, string output, string delta, bool parallel = false) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        public enum ActivationType { Sigmoid, ReLU, TanH }
        internal static class ActivationFunctions
        {
            public static float Activation(float x, ActivationType activation)
            {
                switch (activation)
                {
                    case ActivationType.Sigmoid: return 1.0f / (1.0f + MathF.Exp(-x));
                    case ActivationType.ReLU: return MathF.Max(0.0f, x);
                    case ActivationType.TanH: return MathF.Tanh(x);
                    default: return x;
                }
            }
            public static float ActivationDeriv(float y, ActivationType activation)
            {
                switch (activation)
                {
                    case ActivationType.Sigmoid: return y * (1 - y);
                    case ActivationType.ReLU: return y > 0.0f ? 1.0f : 0.0f;
                    case ActivationType.TanH: return 1 - y * y;
                    default: return 1.0f;
                }
            }
        }
        public abstract class BaseLayer
        {
            public float[] Biases, NeuronValues, Errors, Weights;
            public int Size;
            public BaseLayer PreviousLayer, NextLayer;
            public ActivationType ActivationFunction;
            public abstract void FeedForward();
            public abstract void Train(float[] desired, float rate);
            public float Deriv(float y) { switch (ActivationFunction) { case ActivationType.Sigmoid: return y * (1 - y); case ActivationType.TanH: return 1 - y * y; default: return y > 0 ? 1 : 0; } }
            public void Initialize() { NeuronValues = new float[Size]; Errors = new float[Size]; Biases = new float[Size]; Weights = new float[Size * (PreviousLayer?.Size ?? 1)]; }
        }
        public class InputLayer : BaseLayer
        {
            public InputLayer(int size) { Size = size; }
            public override void FeedForward() { }
            public override void Train(float[] desired, float rate) { }
        }
        public class DenseLayer : BaseLayer
        {
            public DenseLayer(int size, ActivationType activation) { Size = size; ActivationFunction = activation; }
            public override void FeedForward()
            {
                for (int idx = 0; idx < Size; idx++)
                {
                    float sum = 0.0f;
                    for (int j = 0; j < PreviousLayer.Size; j++) sum += PreviousLayer.NeuronValues[j] * Weights[idx * PreviousLayer.Size + j];
                    NeuronValues[idx] = ActivationFunctions.Activation(sum + Biases[idx], ActivationFunction);
                }
            }
            public override void Train(float[] desired, float rate)
            {
                for (int idx = 0; idx < Size; idx++)
                {
                    float err = 0.0f;
                    for (int j = 0; j < NextLayer.Size; j++) err += NextLayer.Errors[j] * NextLayer.Weights[j * Size + idx];
                    Errors[idx] = err * ActivationFunctions.ActivationDeriv(NeuronValues[idx], ActivationFunction);
                    for (int j = 0; j < PreviousLayer.Size; j++) Weights[idx * PreviousLayer.Size + j] += rate * Errors[idx] * PreviousLayer.NeuronValues[j];
                }
            }
        }
        public class OutputLayer : BaseLayer
        {
            public OutputLayer(int size, ActivationType activation = ActivationType.Sigmoid) { Size = size; ActivationFunction = activation; }
            public override void FeedForward()
            {
                for (int idx = 0; idx < Size; idx++)
                {
                    float sum = 0.0f;
                    for (int j = 0; j < PreviousLayer.Size; j++) sum += PreviousLayer.NeuronValues[j] * Weights[idx * PreviousLayer.Size + j];
                    NeuronValues[idx] = /*σ*/ActivationFunctions.Activation(sum + Biases[idx], ActivationFunction);
                }
            }
            public override void Train(float[] desired, float rate)
            {
                {{(parallel ? "Parallel.For(0, Size, idx => { Errors[idx] = desired[idx] - NeuronValues[idx]; });" : "for (int idx = 0; idx < Size; idx++) Errors[idx] = desired[idx] - NeuronValues[idx];")}}
                {{(parallel ? "Parallel.For(0, Size, idx =>" : "for (int idx = 0; idx < Size; idx++)")}}
                {
                    float step = {{delta}};
                    for (int j = 0; j < PreviousLayer.Size; j++) Weights[idx * PreviousLayer.Size + j] += step * PreviousLayer.NeuronValues[j];
                    Biases[idx] += step;
                }{{(parallel ? ");" : "")}}
            }
        }
        public class Model
        {
            private readonly BaseLayer[] layers;
            public Model(BaseLayer[] layers)
            {
                this.layers = layers;
                for (int i = 0; i < layers.Length; i++)
                {
                    layers[i].NextLayer = i + 1 < layers.Length ? layers[i + 1] : null;
                    layers[i].PreviousLayer = i > 0 ? layers[i - 1] : null;
                    layers[i].Initialize();
                }
            }
            public void Train(float[] x, float[] desired, float rate)
            {
                for (int i = 0; i < x.Length; i++) layers[0].NeuronValues[i] = x[i];
                foreach (var layer in layers) layer.FeedForward();
                for (int i = layers.Length - 1; i >= 0; i--) layers[i].Train(desired, rate);
            }
        }
        public class ModelBuilder
        {
            private readonly List<BaseLayer> layers = new();
            public ModelBuilder Stack(BaseLayer layer) { layers.Add(layer); return this; }
            public Model Build() => new Model(layers.ToArray());
            public static Model Xor() => new ModelBuilder().Stack(new InputLayer(2)).Stack(new DenseLayer(4, {{hidden}})).Stack(new OutputLayer(1, {{output}})).Build();
        }
        """;

    /// <summary>
    /// Layers that take their activation from a static factory switching on each layer's enum (<c>Functions.GetActivation(type)</c>
    /// returning <c>Sigmoid</c>, <c>ReLU</c> or the identity as a <c>Func&lt;float, float&gt;</c>), the network making one layer per entry
    /// of a settings list it pads with its own first entry, as a public game-AI network does; the game passes <paramref name="settings"/>
    /// (the list's elements), and the output layer's squared error is <paramref name="loss"/>.
    /// </summary>
    private static string FactoryDelegateLayers(string settings, string loss) => $$"""
        using System;
        using System.Collections.Generic;
        public enum ActivationType { NONE, SIGMOID, RELU }
        public static class Functions
        {
            public static Func<float, float> GetActivation(ActivationType type) => type switch
            {
                ActivationType.SIGMOID => Sigmoid,
                ActivationType.RELU => ReLU,
                _ => x => x,
            };
            public static float Sigmoid(float input) => {{ActivationMark}}1 / (1 + (float)Math.Exp(-input));
            public static float ReLU(float input) => Math.Max(0, input);
        }
        public class Layer
        {
            public float[] Outputs;
            public float[,] Weights;
            private readonly Func<float, float> activation;
            public Layer(int inputs, int outputs, ActivationType type) { Outputs = new float[outputs]; Weights = new float[outputs, inputs]; activation = Functions.GetActivation(type); }
            public float[] FeedForward(float[] x)
            {
                for (int i = 0; i < Outputs.Length; ++i)
                {
                    float s = 0;
                    for (int j = 0; j < x.Length; ++j) s += x[j] * Weights[i, j];
                    Outputs[i] = activation(s);
                }
                return Outputs;
            }
            public float Loss(float[] t) { float sum = 0; for (int i = 0; i < Outputs.Length; ++i) sum += {{loss}}; return sum; }
        }
        public class NeuralNetwork
        {
            private readonly Layer[] layers;
            public NeuralNetwork(List<int> sizes, List<ActivationType> activationTypes)
            {
                for (int i = 1; i < sizes.Count - activationTypes.Count; ++i) activationTypes.Insert(0, activationTypes[0]);
                layers = new Layer[sizes.Count - 1];
                for (int i = 0; i < layers.Length; ++i) layers[i] = new Layer(sizes[i], sizes[i + 1], activationTypes[i]);
            }
            public float Cost(float[] x, float[] t) { foreach (var layer in layers) x = layer.FeedForward(x); return layers[^1].Loss(t); }
        }
        public static class Game
        {
            public static NeuralNetwork Brain() => new NeuralNetwork(new List<int> { 4, 8, 2 }, new List<ActivationType> { {{settings}} });
        }
        """;

    /// <summary>
    /// A layer over float arrays with array overloads of its activations (<c>float[] Sigmoid(float[])</c> mapping the scalar one with
    /// <c>Select</c>), as a public game-AI network has: the output layer stores its error, then takes the derivatives of all its
    /// outputs at once by <paramref name="derivatives"/> (defining the local <c>derivatives</c>) and multiplies element by element.
    /// </summary>
    private static string MappedDerivatives(string derivatives, string gamma = "Error[i] * derivatives[i]") => $$"""
        using System;
        using System.Linq;
        public static class Functions
        {
            public static float Sigmoid(float input) => 1 / (1 + (float)Math.Exp(-input));
            public static float[] Sigmoid(float[] inputs) => inputs.Select(Sigmoid).ToArray();
            public static float SigmoidDerivative(float output) => output * (1 - output);
            public static float[] SigmoidDerivative(float[] outputs) => outputs.Select(SigmoidDerivative).ToArray();
            public static float TanhDerivative(float output) => 1 - output * output;
            public static float[] TanhDerivative(float[] outputs) => outputs.Select(TanhDerivative).ToArray();
        }
        public class Layer
        {
            public float[] Outputs, Gamma, Error;
            public float[,] Weights;
            public Layer(int inputs, int outputs) { Outputs = new float[outputs]; Gamma = new float[outputs]; Error = new float[outputs]; Weights = new float[outputs, inputs]; }
            public float[] FeedForward(float[] inputs)
            {
                for (int i = 0; i < Outputs.Length; ++i)
                {
                    Outputs[i] = 0;
                    for (int j = 0; j < inputs.Length; ++j) Outputs[i] += inputs[j] * Weights[i, j];
                }
                Outputs = Functions.Sigmoid(Outputs);
                return Outputs;
            }
            public void BackPropOutput(float[] expected)
            {
                for (int i = 0; i < Outputs.Length; ++i) Error[i] = Outputs[i] - expected[i];
                {{derivatives}}
                for (int i = 0; i < Outputs.Length; ++i) Gamma[i] = {{gamma}};
            }
        }
        """;

    /// <summary>
    /// Layers each made with their own activation and derivative: delegates (<c>Act.Sigmoid, Act.SigmoidPrime</c>), or with
    /// <paramref name="objects"/> an activation object (<c>new Sigmoid()</c>); the hidden layer is <paramref name="hidden"/> and the
    /// output layer <paramref name="output"/>. The output layer's <c>BackPropOutput</c> fills <c>Gamma</c> with its error times the
    /// derivative it holds (<paramref name="delta"/>), the error stored by the layer itself from the targets it is given, or with
    /// <paramref name="callerFills"/> by the network into the layer's <c>Error</c> array before a call of no parameter; the
    /// network's training step after the forward pass is <paramref name="step"/>.
    /// </summary>
    private static string OwnActivationLayers(string hidden, string output, string delta, string step = "output.BackPropOutput(t);", bool callerFills = false, bool objects = false) => $$"""
        using System;
        public interface IAct { double Apply(double x); double Derivative(double y); }
        public class Sigmoid : IAct { public double Apply(double x) => /*σ*/1 / (1 + Math.Exp(-x)); public double Derivative(double y) => y * (1 - y); }
        public class Tanh : IAct { public double Apply(double x) => Math.Tanh(x); public double Derivative(double y) => 1 - y * y; }
        public static class Act
        {
            public static double Sigmoid(double x) => /*σ*/1 / (1 + Math.Exp(-x));
            public static double SigmoidPrime(double y) => y * (1 - y);
            public static double Tanh(double x) => Math.Tanh(x);
            public static double TanhPrime(double y) => 1 - y * y;
        }
        public class Layer
        {
            {{(objects ? "readonly IAct act;" : "readonly Func<double, double> activate, derivative;")}}
            public readonly double[,] Weights;
            public double[] Outputs, Gamma, Error;
            {{(objects ? "public Layer(int inputs, int n, IAct act) { this.act = act;" : "public Layer(int inputs, int n, Func<double, double> activate, Func<double, double> derivative) { this.activate = activate; this.derivative = derivative;")}}
                Outputs = new double[n]; Gamma = new double[n]; Error = new double[n]; Weights = new double[n, inputs]; }
            public double[] Forward(double[] x)
            {
                for (int i = 0; i < Outputs.Length; i++)
                {
                    double s = 0;
                    for (int j = 0; j < x.Length; j++) s += Weights[i, j] * x[j];
                    Outputs[i] = {{(objects ? "act.Apply(s)" : "activate(s)")}};
                }
                return Outputs;
            }
            public void BackPropOutput({{(callerFills ? "" : "double[] t")}})
            {
                {{(callerFills ? "" : "for (int i = 0; i < Outputs.Length; i++) Error[i] = t[i] - Outputs[i];")}}
                for (int i = 0; i < Outputs.Length; i++) Gamma[i] = {{delta}};
            }
        }
        public class Network
        {
            readonly Layer hidden = new Layer(2, 4, {{(objects ? $"new {hidden}()" : $"Act.{hidden}, Act.{hidden}Prime")}});
            readonly Layer output = new Layer(4, 1, {{(objects ? $"new {output}()" : $"Act.{output}, Act.{output}Prime")}});
            public void Train(double[] x, double[] t)
            {
                output.Forward(hidden.Forward(x));
                {{step}}
            }
        }
        """;

    /// <summary>
    /// A trainer class apart from the network (as a public gradient-descent trainer is written): neurons made with an activation
    /// object (<c>IActivation</c>, sigmoid hidden neurons, <paramref name="output"/> output neurons), the trainer storing each output
    /// neuron's <c>error</c> as target minus output in one method and, in another, handing each output neuron to
    /// <c>CalculateOutputGradient(Neuron neuron, float target)</c>, which multiplies that error (or target minus output) by the
    /// derivative its activation object takes at the weighted sum (<paramref name="gradient"/>).
    /// </summary>
    private static string SeparateTrainer(string output, string gradient) => $$"""
        using System;
        using System.Collections.Generic;
        public interface IActivation { float Filter(float x); float UnfilterDerivative(float x); }
        public class SigmoidActivation : IActivation
        {
            public float Filter(float x) => /*σ*/1f / (1f + (float)Math.Exp(-x));
            public float UnfilterDerivative(float x) { float s = Filter(x); return s * (1 - s); }
        }
        public class TanhActivation : IActivation
        {
            public float Filter(float x) => (float)Math.Tanh(x);
            public float UnfilterDerivative(float x) { float t = Filter(x); return 1 - t * t; }
        }
        public class Synapse { public float weight; public Neuron axon, dendrite; }
        public class Neuron
        {
            public IActivation activation;
            public float weightedSum, outputValue, error, gradient;
            public List<Synapse> dendrites = new List<Synapse>(), axons = new List<Synapse>();
            public Neuron(IActivation activation) { this.activation = activation; }
            public void Compute()
            {
                weightedSum = 0;
                foreach (var d in dendrites) weightedSum += d.weight * d.axon.outputValue;
                outputValue = activation.Filter(weightedSum);
            }
        }
        public class Layer { public List<Neuron> neurons = new List<Neuron>(); }
        public class NeuralNetwork
        {
            public Layer outputLayer = new Layer();
            public List<Layer> hiddenLayers = new List<Layer>();
            public NeuralNetwork(int hidden, int outputs)
            {
                var hiddenLayer = new Layer();
                for (int i = 0; i < hidden; i++) hiddenLayer.neurons.Add(new Neuron(new SigmoidActivation()));
                hiddenLayers.Add(hiddenLayer);
                for (int i = 0; i < outputs; i++) outputLayer.neurons.Add(new Neuron(new {{output}}()));
            }
        }
        public class GradientDescent
        {
            protected NeuralNetwork neuralNetwork;
            public GradientDescent(NeuralNetwork network) { neuralNetwork = network; }
            public void Backpropagation(List<float> expected)
            {
                CalculateErrors(expected);
                for (int k = 0, nb = neuralNetwork.outputLayer.neurons.Count; k < nb; k++) CalculateOutputGradient(neuralNetwork.outputLayer.neurons[k], expected[k]);
                for (int l = neuralNetwork.hiddenLayers.Count - 1; l >= 0; l--)
                    foreach (var n in neuralNetwork.hiddenLayers[l].neurons) CalculateHiddenGradient(n);
            }
            protected void CalculateErrors(List<float> expected)
            {
                Neuron outputNeuron;
                for (int k = 0, nb = neuralNetwork.outputLayer.neurons.Count; k < nb; k++)
                {
                    outputNeuron = neuralNetwork.outputLayer.neurons[k];
                    outputNeuron.error = expected[k] - outputNeuron.outputValue;
                }
            }
            protected void CalculateOutputGradient(Neuron neuron, float target)
            {
                neuron.gradient = {{gradient}};
            }
            protected void CalculateHiddenGradient(Neuron neuron)
            {
                float s = 0;
                foreach (var a in neuron.axons) s += a.weight * a.dendrite.gradient;
                neuron.gradient = s * neuron.activation.UnfilterDerivative(neuron.weightedSum);
            }
        }
        """;

    /// <summary>
    /// A network of a hidden and an output layer held in fields of their own, each layer an array of neurons that keep their
    /// <c>Output</c> (σ of the weighted sum), <c>Error</c> and <c>Delta</c>. The layer has <c>SetErrors(t)</c> (target minus output into
    /// each neuron's <c>Error</c>), <c>ComputeDeltas()</c> (<paramref name="layerDelta"/> for each neuron <c>n</c>) and
    /// <c>ErrorsAsDeltas()</c>; the network's <c>Deltas(layer)</c> is <paramref name="networkDelta"/> for each neuron <c>n</c> of the
    /// layer it is handed. The training step after the forward pass is <paramref name="step"/>, then the hidden neurons' errors are
    /// summed and <paramref name="hiddenStep"/> runs.
    /// </summary>
    private static string FieldLayerNeurons(string step, string hiddenStep, string layerDelta = "n.Delta = n.Error * n.Output * (1 - n.Output);", string networkDelta = "n.Delta = n.Error * n.Output * (1 - n.Output);") => $$"""
        using System;
        using System.Linq;
        {{NeuronWithError(SigmoidOfSum)}}
        public class Layer
        {
            public Neuron[] Neurons;
            public Layer(int n, int inputs) { Neurons = Enumerable.Range(0, n).Select(_ => new Neuron(inputs)).ToArray(); }
            public double[] Forward(double[] x) { foreach (var n in Neurons) n.Fire(x); return Neurons.Select(n => n.Output).ToArray(); }
            public void SetErrors(double[] t) { for (int i = 0; i < t.Length; i++) Neurons[i].Error = t[i] - Neurons[i].Output; }
            public void ComputeDeltas() { foreach (var n in Neurons) {{layerDelta}} }
            public void ErrorsAsDeltas() { foreach (var n in Neurons) n.Delta = n.Error; }
        }
        public class Net
        {
            readonly Layer hidden = new Layer(4, 2), output = new Layer(1, 4);
            public void Train(double[] x, double[] t)
            {
                output.Forward(hidden.Forward(x));
                {{step}}
                for (int j = 0; j < hidden.Neurons.Length; j++) hidden.Neurons[j].Error = output.Neurons.Sum(n => n.Weights[j] * n.Delta);
                {{hiddenStep}}
            }
            void Deltas(Layer layer)
            {
                foreach (var n in layer.Neurons) {{networkDelta}}
            }
        }
        """;

    /// <summary>
    /// A neuron that keeps its <c>Output</c> (<paramref name="activation"/> of its weighted sum <c>s</c>), <c>Error</c> and <c>Delta</c>,
    /// with <paramref name="members"/> beside them.
    /// </summary>
    private static string NeuronWithError(string activation, string members = "") => $$"""
        public class Neuron
        {
            public double[] Weights;
            public double Output, Error, Delta;
            public Neuron(int n) { Weights = new double[n]; }
            public void Fire(double[] x)
            {
                double s = 0;
                for (int i = 0; i < x.Length; i++) s += x[i] * Weights[i];
                Output = {{activation}};
            }
            {{members}}
        }
        """;

    /// <summary>A neuron's sigmoid of its weighted sum <c>s</c>, marked as the activation the diagnostic points at.</summary>
    private const string SigmoidOfSum = "/*σ*/1.0 / (1.0 + Math.Exp(-s))";

    private const string FactoryBySwitch = "switch (type) { case ActivationType.Sigmoid: return Sigmoid; case ActivationType.Tanh: return Tanh; default: throw new ArgumentException(); }";

    private const string FactoryByExpression = "return type switch { ActivationType.Sigmoid => Sigmoid, ActivationType.Tanh => Tanh, _ => throw new ArgumentException() };";

    /// <summary>
    /// Shared activation objects with <c>Function</c> and <c>Derivative</c> delegate properties set in object initializers, a factory
    /// choosing one by an enum kind (<paramref name="factory"/>), and layers whose constructor stores what the factory returns for the
    /// kind they are made with (<paramref name="made"/>, in the network's constructor over <c>sizes</c>); the output delta calls the last
    /// layer's <c>Activation.Derivative</c>.
    /// </summary>
    private static string FactoryDelegatePairs(string made, string factory, bool positive) => $$"""
        using System;
        using System.Collections.Generic;
        public enum ActivationType { Sigmoid = 1, Tanh = 2 }
        public class ActivationFunction
        {
            public Func<double, double> Function { get; set; }
            public Func<double, double> Derivative { get; set; }
        }
        public static class ActivationFunctions
        {
            public static ActivationFunction Sigmoid = new ActivationFunction
            {
                Function = (double x) => { return {{(positive ? ActivationMark : "")}}1.0 / (1.0 + Math.Exp(-x)); },
                Derivative = (double x) => { return x * (1.0 - x); }
            };
            public static ActivationFunction Tanh = new ActivationFunction { Function = x => Math.Tanh(x), Derivative = x => 1 - x * x };
            public static ActivationFunction Get(ActivationType type) { {{factory}} }
        }
        public class Layer
        {
            public double[] Outputs, Deltas; public double[,] Weights; public ActivationFunction Activation;
            public Layer(int n, int m, ActivationType type) { Outputs = new double[n]; Deltas = new double[n]; Weights = new double[n, m]; Activation = ActivationFunctions.Get(type); }
            public void Forward(double[] x)
            {
                for (int i = 0; i < Outputs.Length; i++) { double s = 0; for (int j = 0; j < x.Length; j++) s += Weights[i, j] * x[j]; Outputs[i] = Activation.Function(s); }
            }
        }
        public class Network
        {
            readonly List<Layer> layers = new List<Layer>();
            public Network(int[] sizes) { {{made}} }
            public void Backward(double[] expected)
            {
                var output = layers[layers.Count - 1];
                for (int i = 0; i < output.Outputs.Length; i++)
                    output.Deltas[i] = {{(positive ? "{|GW1001:(expected[i] - output.Outputs[i]) * output.Activation.Derivative(output.Outputs[i])|}" : "(expected[i] - output.Outputs[i]) * output.Activation.Derivative(output.Outputs[i])")}};
            }
        }
        """;

    /// <summary>
    /// Layers configured by a name or code per layer (<c>new Network(sizes, new[] { "none", "ReLU", "Sigmoid" })</c>) handed to static
    /// helpers that test it (<paramref name="activate"/>, <paramref name="derive"/>: bodies over <c>z</c> or <c>y</c> and <c>name</c> of
    /// type <paramref name="code"/>); the output layer's delta takes the derivative at the last layer's name, as a squared error's.
    /// </summary>
    private static string NamedLayerArrays(string code, string names, string activate, string derive, bool positive) => $$"""
        using System;
        public enum Act { None, Relu, Sigmoid }
        public sealed class Network
        {
            readonly int[] sizes; readonly {{code}}[] activations; readonly double[][] outs, deltas; readonly double[][,] w;
            public Network(int[] sizes, {{code}}[] activations)
            {
                this.sizes = sizes; this.activations = activations;
                outs = new double[sizes.Length][]; deltas = new double[sizes.Length][]; w = new double[sizes.Length][,];
                for (int l = 0; l < sizes.Length; l++) { outs[l] = new double[sizes[l]]; deltas[l] = new double[sizes[l]]; if (l > 0) w[l] = new double[sizes[l], sizes[l - 1]]; }
            }
            static double Activate(double z, {{code}} name) { {{activate}} }
            static double Derivative(double y, {{code}} name) { {{derive}} }
            public void Forward(double[] x)
            {
                outs[0] = x;
                for (int l = 1; l < sizes.Length; l++)
                    for (int i = 0; i < sizes[l]; i++)
                    {
                        double z = 0;
                        for (int j = 0; j < sizes[l - 1]; j++) z += w[l][i, j] * outs[l - 1][j];
                        outs[l][i] = {{(positive ? ActivationMark : "")}}Activate(z, activations[l]);
                    }
            }
            public void Backward(double[] target)
            {
                int last = sizes.Length - 1;
                for (int i = 0; i < sizes[last]; i++)
                    deltas[last][i] = {{(positive ? "{|GW1001:(outs[last][i] - target[i]) * Derivative(outs[last][i], activations[last])|}" : "(outs[last][i] - target[i]) * Derivative(outs[last][i], activations[last])")}};
            }
        }
        public static class Program
        {
            public static void Main() { var n = new Network(new[] { 2, 4, 1 }, new[] { {{names}} }); n.Forward(new double[2]); n.Backward(new double[1]); }
        }
        """;

    /// <summary>
    /// A layer made with an activation name (<c>new Layer("Sigmoid")</c>) kept in a field its own helpers test (<paramref name="activate"/>
    /// over <c>z</c>, <paramref name="derive"/> over <c>y</c>), trained with a squared error's output delta.
    /// </summary>
    private static string NamedLayer(string made, string activate, string derive, bool positive) => $$"""
        using System;
        public sealed class Layer
        {
            public double[] Out = new double[4], Delta = new double[4]; public double[,] W = new double[4, 4];
            private readonly string activation;
            public Layer(string activation) { this.activation = activation; }
            double Activate(double z) { {{activate}} }
            double Derive(double y) { {{derive}} }
            public void Forward(double[] x) { for (int i = 0; i < Out.Length; i++) { double z = 0; for (int j = 0; j < x.Length; j++) z += W[i, j] * x[j]; Out[i] = {{(positive ? ActivationMark : "")}}Activate(z); } }
            public void OutputDelta(double[] t) { for (int i = 0; i < Out.Length; i++) Delta[i] = {{(positive ? "{|GW1001:(t[i] - Out[i]) * Derive(Out[i])|}" : "(t[i] - Out[i]) * Derive(Out[i])")}}; }
        }
        public static class Program
        {
            public static void Main() { var layer = new Layer({{made}}); layer.Forward(new double[4]); layer.OutputDelta(new double[4]); }
        }
        """;

    /// <summary>
    /// A textbook network of neurons that each keep their <c>Output</c>, <c>Error</c> and <c>Delta</c>, in a list of arrays of neurons; a
    /// neuron's output is <paramref name="activation"/> of its weighted sum <c>s</c>. The training step runs the forward pass, then
    /// <paramref name="fill"/> (the output layer's errors, also by the neuron's own <c>SetError(target)</c>) and <paramref name="backward"/>; <c>HiddenErrors(l)</c> stores into each
    /// neuron of layer l − 1 the sum of layer l's deltas over its weights. Delegates: <c>lossPrime</c> (target minus output),
    /// <c>crossEntropyPrime</c> (that over σ'), <c>prime</c> (σ' of an output).
    /// </summary>
    private static string StoredErrorNeurons(string activation, string fill, string backward, string members = "") => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        {{NeuronWithError(activation, "public void CalcDelta() { Delta = Error * Output * (1 - Output); } public void SetError(double target) { Error = target - Output; }")}}
        public class Net
        {
            readonly List<Neuron[]> layers = new List<Neuron[]>();
            readonly Func<double, double, double> lossPrime = (o, y) => y - o;
            readonly Func<double, double, double> crossEntropyPrime = (o, y) => (y - o) / (o * (1 - o));
            static readonly Func<double, double> prime = y => y * (1 - y);
            {{members}}
            public Net(params int[] sizes)
            {
                for (int l = 1; l < sizes.Length; l++) layers.Add(Enumerable.Range(0, sizes[l]).Select(_ => new Neuron(sizes[l - 1])).ToArray());
            }
            public double[] Forward(double[] x)
            {
                foreach (var layer in layers) { foreach (var n in layer) n.Fire(x); x = layer.Select(n => n.Output).ToArray(); }
                return x;
            }
            public void Train(double[] x, double[] t)
            {
                Forward(x);
                {{fill}}
                {{backward}}
            }
            void HiddenErrors(int l)
            {
                for (int j = 0; j < layers[l - 1].Length; j++)
                {
                    double e = 0;
                    foreach (var n in layers[l]) e += n.Weights[j] * n.Delta;
                    layers[l - 1][j].Error = e;
                }
            }
        }
        """;

    /// <summary>
    /// Neurons each handed an activation object by their constructor (an <c>IActivator</c>, as a public domain-style network has), whose
    /// <c>UpdateGamma(gamma)</c> multiplies what it is given by <c>Activation.Derivative(Value)</c>; a static filler updates neuron
    /// <c>i</c> of the output layer by <paramref name="fill"/> (with a helper returning <c>value - expected</c>), and the network is
    /// <paramref name="network"/>.
    /// </summary>
    private static string InjectedActivators(string network, string fill) => $$"""
        using System;
        using System.Collections.Generic;
        public interface IActivator { float Activate(float x); float Derivative(float y); }
        public class Sigmoid : IActivator
        {
            public float Activate(float x) => /*σ*/1f / (1f + (float)Math.Exp(-x));
            public float Derivative(float y) => y * (1 - y);
        }
        public class Tanh : IActivator
        {
            public float Activate(float x) => (float)Math.Tanh(x);
            public float Derivative(float y) => 1 - y * y;
        }
        public class Neuron
        {
            private float sum;
            public float Value { get; private set; }
            public float Bias { get; set; }
            public float Gamma { get; set; }
            public IActivator Activation { get; }
            public Neuron(IActivator activation) { Activation = activation ?? throw new ArgumentNullException(nameof(activation)); }
            public void Transmit(float v) { sum += v; }
            public void Commit() { sum = Activation.Activate(sum + Bias); Value = sum; sum = 0; }
            internal void UpdateGamma(float gamma) { Gamma = Activation.Derivative(Value) * gamma; }
        }
        public class Layer
        {
            public List<Neuron> Neurons { get; } = new();
            public Layer Next { get; set; }
            public bool IsLast() => Next == null;
        }
        public static class LastLayerFiller
        {
            public static void UpdateLayerIfItsLastOne(float[] expecteds, Layer layer)
            {
                if (layer.IsLast()) UpdateOutputLayer(expecteds, layer);
            }
            private static void UpdateOutputLayer(float[] expecteds, Layer layer)
            {
                for (var i = 0; i < layer.Neurons.Count; i++) {{fill}};
            }
            private static float CalculateGamma(float neuronValue, float expected) => neuronValue - expected;
        }
        public class Network
        {
            {{network}}
        }
        """;

    /// <summary>Two layers made by one builder method, each neuron given the layer's activation object: <paramref name="hidden"/>, then <paramref name="output"/>.</summary>
    private static string ActivatorLayers(string hidden, string output) => $$"""
        public readonly Layer[] Layers = { Make(2, new {{hidden}}()), Make(1, new {{output}}()) };
        static Layer Make(int n, IActivator act) { var l = new Layer(); for (int i = 0; i < n; i++) l.Neurons.Add(new Neuron(act)); return l; }
        public void Backward(float[] t) { foreach (var l in Layers) LastLayerFiller.UpdateLayerIfItsLastOne(t, l); }
        """;

    /// <summary>
    /// A network whose training step stores the output error into the last layer's own <c>Error</c> array, element by element, then
    /// calls the layer's back-propagation of no parameter, which multiplies each element by <paramref name="delta"/>'s slope.
    /// <paramref name="step"/> is the training step after the forward pass (<c>t</c> the targets).
    /// </summary>
    private static string CallerFilledErrors(string step, string delta = "Error[i] * Outputs[i] * (1 - Outputs[i])") => $$"""
        using System;
        public class Layer
        {
            public readonly double[] Outputs, Error, Gamma;
            public readonly double[,] Weights;
            public Layer(int inputs, int n) { Outputs = new double[n]; Error = new double[n]; Gamma = new double[n]; Weights = new double[n, inputs]; }
            public double[] Forward(double[] x)
            {
                for (int i = 0; i < Outputs.Length; i++)
                {
                    double s = 0;
                    for (int j = 0; j < x.Length; j++) s += Weights[i, j] * x[j];
                    Outputs[i] = /*σ*/1.0 / (1.0 + Math.Exp(-s));
                }
                return Outputs;
            }
            public void BackPropOutput()
            {
                for (int i = 0; i < Outputs.Length; i++) Gamma[i] = {{delta}};
            }
        }
        public class Network
        {
            private readonly Layer[] layers = { new Layer(2, 4), new Layer(4, 1) };
            public void Train(double[] x, double[] t)
            {
                foreach (var layer in layers) x = layer.Forward(x);
                {{step}}
            }
        }
        """;

    private static string NeuronsWithErrorMember(string activation, string outputStep) => $$"""
        using System;
        using System.Collections.Generic;
        public static class Activation
        {
            public static float Sigmoid(float x) => 1f / (1f + (float)Math.Exp(-x));
            public static float SigmoidDerivative(float y) => y * (1 - y);
        }

        public class Neuron
        {
            public float[] Weights = new float[4];
            public float Output { get; set; }
            public float Delta { get; set; }
            public float Error { get; set; }
            public void Fire(float[] inputs)
            {
                float s = 0;
                for (int i = 0; i < inputs.Length; i++) s += inputs[i] * Weights[i];
                Output = {{activation}};
            }

            public void CalculateDelta() { Delta = Error * Activation.SigmoidDerivative(Output); }
            public void DeltaFrom(float error) => Delta = error * Activation.SigmoidDerivative(Output);
        }

        public class Network
        {
            public List<Neuron> HiddenLayer = new List<Neuron>();
            public List<Neuron> OutputLayer = new List<Neuron>();
            public void Backward(float[] expected)
            {
                for (int i = 0; i < OutputLayer.Count; i++) { {{outputStep}} }
                foreach (var h in HiddenLayer)
                {
                    float e = 0;
                    foreach (var o in OutputLayer) e += o.Delta * o.Weights[0];
                    h.Error = e;
                    h.CalculateDelta();
                }
            }
        }
        """;

    /// <summary>
    /// A port of the "toy neural network" on MathNet matrices whose activation is an object holding two delegates (forward and slope in
    /// the output), chosen by <paramref name="activation"/>; <paramref name="gradient"/> is the returned output gradient.
    /// </summary>
    private static string ActivationObjectToy(string activation, string gradient) => $$"""
        using System;
        using MathNet.Numerics.LinearAlgebra;
        public class ToyNetwork
        {
            internal sealed class ActivationPair
            {
                internal Func<double, double> Forward = x => x;
                internal Func<double, double> Slope = y => 1;
            }

            internal static class Activations
            {
                public static readonly ActivationPair Logistic = new ActivationPair { Forward = x => {{ActivationMark}}1 / (1 + Math.Exp(-x)), Slope = y => y * (1 - y) };
                public static readonly ActivationPair Tanh = new ActivationPair { Forward = x => Math.Tanh(x), Slope = y => 1 - y * y };
            }

            private Matrix<double> weightsHo = null!, biasO = null!;
            private ActivationPair act { get; set; } = {{activation}};
            public Matrix<double> Train(Matrix<double> hidden, Matrix<double> targets)
            {
                var outputs = (weightsHo * hidden + biasO).Map(act.Forward);
                var errors = targets - outputs;
                return {{gradient}};
            }
        }
        """;

    /// <summary>Neurons in lists, input neurons writing their raw inputs into the Value the output neurons' activation also writes; the error is a method of the neuron.</summary>
    private static string ErrorMethodNeurons(string errorMembers, string activation, string squaredErrorStep) => $$"""
        using System;
        using System.Collections.Generic;
        public static class Logistic
        {
            public static double Output(double x) => x < -45.0 ? 0.0 : x > 45.0 ? 1.0 : 1.0 / (1.0 + Math.Exp(-x));
        }

        public class Neuron
        {
            public double Value { get; set; }
            public double Bias { get; set; }
            {{errorMembers}}
            public double CalculateValue(double sum) => Value = {{activation}};
        }

        public class Network
        {
            public List<Neuron> InputLayer { get; } = new();
            public List<Neuron> OutputLayer { get; } = new();
            public void Load(double[] inputs) { var i = 0; InputLayer.ForEach(n => n.Value = inputs[i++]); }
            public double SquaredError(double[] targets)
            {
                double sum = 0;
                for (var k = 0; k < targets.Length; k++) { {{squaredErrorStep}} }
                return sum / 2;
            }
        }
        """;

    /// <summary>
    /// A classifier that maps its scores to outputs (<paramref name="mapping"/> defines p from z) and sums <paramref name="step"/> over them,
    /// with squaring and activation helpers; the sigmoid helper carries the activation mark where <paramref name="sigmoidHelperReported"/>.
    /// </summary>
    private static string ConvertedOutputs(string mapping, string step, bool sigmoidHelperReported = false) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        public class Classifier
        {
            static double Sq(double v) => 0.5 * Math.Pow(v, 2);
            static double Square(double v) => v * v;
            static double Twice(double v) => 2 * v;
            static double Sigmoid(double v) => {{(sigmoidHelperReported ? ActivationMark : "")}}1 / (1 + Math.Exp(-v));
            static double Relu(double v) => Math.Max(0, v);
            public double Loss(List<double> z, double[] t)
            {
                {{mapping}}
                double s = 0;
                for (int i = 0; i < t.Length; i++) { {{step}} }
                return s;
            }
        }
        """;

    [Theory]
    [MemberData(nameof(SigmoidPositives))]
    public async Task Sigmoid_fires(string shape, string[] files)
    {
        await Run(shape, files);
        AssertActivationLocations(shape, files);
    }

    [Theory]
    [MemberData(nameof(SigmoidNegatives))]
    public Task Sigmoid_stays_silent(string shape, string[] files) => Run(shape, files);

    /// <summary>
    /// A network over plain arrays with array helpers of its own (an extension <c>Map</c> and <c>Minus</c>, a static <c>Apply</c>), its
    /// outputs mapped through <paramref name="activation"/> (a method named Sigmoid, whatever it computes), and <paramref name="loss"/>.
    /// </summary>
    private static string ArrayMaps(string activation, string loss) => $$"""
        using System;
        using System.Linq;
        public static class ArrayMath
        {
            public static double[] Map(this double[] a, Func<double, double> f)
            {
                var r = new double[a.Length];
                for (var i = 0; i < a.Length; i++) r[i] = f(a[i]);
                return r;
            }
            public static double[] Apply(double[] values, Func<double, double> f)
            {
                var result = new double[values.Length];
                for (int k = 0; k < values.Length; k++)
                {
                    result[k] = f(values[k]);
                }
                return result;
            }
            public static double[] Minus(this double[] a, double[] b)
            {
                var r = new double[a.Length];
                for (var i = 0; i < a.Length; i++) r[i] = a[i] - b[i];
                return r;
            }
        }
        public sealed class ArrayNet
        {
            {{activation}}
            public double[] Predict(double[] z) => z.Map(Sigmoid);
            {{loss}}
        }
        """;

    /// <summary>NeuralNetwork.NET's layer factories, as its API declares them (enums, a factory per layer kind, the output layer's cost).</summary>
    private const string NeuralNetworkNetApi = """
        using NeuralNetworkNET.APIs;
        using NeuralNetworkNET.APIs.Enums;
        namespace NeuralNetworkNET.APIs.Enums
        {
            public enum ActivationType { Sigmoid, Tanh, ReLU, LeakyReLU, Identity, Softmax }
            public enum CostFunctionType { Quadratic, CrossEntropy, LogLikelihood }
        }
        namespace NeuralNetworkNET.APIs
        {
            public delegate object LayerFactory(int inputs);
            public static class NetworkLayers
            {
                public static LayerFactory FullyConnected(int neurons, NeuralNetworkNET.APIs.Enums.ActivationType activation) => null;
                public static LayerFactory FullyConnected(int neurons, NeuralNetworkNET.APIs.Enums.ActivationType activation, NeuralNetworkNET.APIs.Enums.CostFunctionType cost) => null;
            }
            public static class NetworkManager { public static object NewSequential(int inputs, params LayerFactory[] factories) => null; }
        }

        """;

    /// <summary>A classifier that computes its outputs with <c>TensorPrimitives</c> into a buffer, then <paramref name="loss"/> of o and t.</summary>
    private static string TensorBuffers(string activation, string loss) => $$"""
        using System;
        using System.Numerics.Tensors;
        using static System.Numerics.Tensors.TensorPrimitives;
        using TP = System.Numerics.Tensors.TensorPrimitives;
        public sealed class SpanClassifier
        {
            private readonly float[] outputs = new float[3];
            public float Loss(float[] z, float[] t)
            {
                var o = new float[z.Length];
                {{activation}}
                float l = 0;
                for (int i = 0; i < o.Length; i++) l += {{loss}};
                return l;
            }
            public float FieldLoss(float[] z, float[] t)
            {
                {{activation.Replace("z, o", "z, outputs")}}
                return {{loss.Replace("o[i]", "outputs[0]").Replace("t[i]", "t[0]")}};
            }
        }
        """;

    [Theory]
    [InlineData("/*σ*/TensorPrimitives.Sigmoid(z, o);", "{|GW1001:(o[i] - t[i]) * (o[i] - t[i])|}")]
    [InlineData("/*σ*/TensorPrimitives.Sigmoid<float>(z, o.AsSpan());", "{|GW1001:(o[i] - t[i]) * (o[i] - t[i])|}")]
    [InlineData("/*σ*/TensorPrimitives.SoftMax(z, o);", "{|GW1002:(o[i] - t[i]) * (o[i] - t[i])|}")]
    [InlineData("TensorPrimitives.Tanh(z, o);", "(o[i] - t[i]) * (o[i] - t[i])")]
    [InlineData("/*σ*/TensorPrimitives.Sigmoid(z, o);", "-(t[i] * MathF.Log(o[i]) + (1 - t[i]) * MathF.Log(1 - o[i]))")]
    [InlineData("/*σ*/Sigmoid(z, o);", "{|GW1001:(o[i] - t[i]) * (o[i] - t[i])|}")] // under using static: the field's write is found from syntax too
    [InlineData("/*σ*/SoftMax(z, o);", "{|GW1002:(o[i] - t[i]) * (o[i] - t[i])|}")]
    [InlineData("Tanh(z, o);", "(o[i] - t[i]) * (o[i] - t[i])")]
    [InlineData("/*σ*/TP.Sigmoid(z, o);", "{|GW1001:(o[i] - t[i]) * (o[i] - t[i])|}")] // through a using alias: the field's write is found from syntax too
    [InlineData("TP.Tanh(z, o);", "(o[i] - t[i]) * (o[i] - t[i])")]
    public async Task TensorPrimitives_outputs_written_into_a_buffer(string activation, string loss)
    {
        var source = TensorBuffers(activation, loss);
        var test = new CSharpAnalyzerVerifier<Gradwise.Rules.SquaredErrorAnalyzer>.Test();
        test.TestState.Sources.Add(("/0/File0.cs", source));
        test.TestState.AdditionalReferences.Add(Generator.TensorPrimitivesGeneratorTests.Tensors);
        await test.RunAsync(System.Threading.CancellationToken.None);
    }

    /// <summary>
    /// A layer that keeps its outputs and errors in buffers (fields) and fills them with <c>TensorPrimitives</c>: <paramref name="activation"/>
    /// makes <c>p</c> from <c>z</c>, then <paramref name="step"/> takes the error and returns the loss.
    /// </summary>
    private static string TensorErrors(string activation, string step) => $$"""
        using System;
        using System.Numerics.Tensors;
        public sealed class BufferedLayer
        {
            private readonly float[] z = new float[4], p = new float[4], err = new float[4];
            public float Step(float[] t, float[] delta)
            {
                {{activation}}
                {{step}}
            }
        }
        """;

    [Theory]
    [InlineData("/*σ*/TensorPrimitives.Sigmoid(z, p);", "TensorPrimitives.Subtract(p, t, err); for (int i = 0; i < err.Length; i++) delta[i] = {|GW1001:err[i] * p[i] * (1 - p[i])|}; return 0;")]
    [InlineData("/*σ*/TensorPrimitives.Sigmoid(z, p);", "TensorPrimitives.Subtract(p, t, err); return 0.5f * {|GW1001:TensorPrimitives.SumOfSquares(err)|};")]
    [InlineData("/*σ*/TensorPrimitives.Sigmoid(z, p);", "TensorPrimitives.Subtract(t, p, err); return {|GW1001:TensorPrimitives.Dot(err, err)|} / err.Length;")]
    [InlineData("/*σ*/TensorPrimitives.Sigmoid(z, p);", "var e = new float[t.Length]; TensorPrimitives.Subtract(t, p, e); float l = 0; for (int i = 0; i < e.Length; i++) l += {|GW1001:e[i] * e[i]|}; return l;")]
    [InlineData("/*σ*/TensorPrimitives.Sigmoid(z, p);",
        "Span<float> e = stackalloc float[4]; TensorPrimitives.Subtract(p, t, e); float l = 0; for (int i = 0; i < e.Length; i++) { delta[i] = {|GW1001:e[i] * p[i] * (1 - p[i])|}; l += {|GW1001:e[i] * e[i]|}; } return l;")]
    [InlineData("/*σ*/TensorPrimitives.SoftMax(z, p);", "TensorPrimitives.Subtract(p, t, err); return {|GW1002:TensorPrimitives.SumOfSquares(err)|};")]
    [InlineData("/*σ*/TensorPrimitives.Sigmoid(z, p);", "TensorPrimitives.Subtract(p, t, err); return {|GW1001:MathF.Pow(TensorPrimitives.Norm(err), 2)|};")]
    [InlineData("/*σ*/TensorPrimitives.Sigmoid(z, p);", "return {|GW1001:MathF.Pow(TensorPrimitives.Distance(p, t), 2)|} / t.Length;")]
    [InlineData("/*σ*/TensorPrimitives.SoftMax(z, p);", "return (float){|GW1002:Math.Pow(TensorPrimitives.Distance(t, p), 2)|};")]
    [InlineData("/*σ*/TensorPrimitives.Sigmoid(z, p);", "float d = TensorPrimitives.Distance(p, t); return {|GW1001:d * d|} / t.Length;")]
    [InlineData("/*σ*/TensorPrimitives.Sigmoid(z, p);", "TensorPrimitives.Subtract(t, p, err); var n = TensorPrimitives.Norm(err); return {|GW1001:0.5f * n * n|};")]
    [InlineData("/*σ*/TensorPrimitives.SoftMax(z, p);", "var d = TensorPrimitives.Distance(t, p); return {|GW1002:d * d|};")]
    [InlineData("/*σ*/TensorPrimitives.Sigmoid(z, p);", "float d = TensorPrimitives.Distance(p, t); return {|GW1001:MathF.Pow(d, 2)|} / t.Length;")]
    [InlineData("/*σ*/TensorPrimitives.Sigmoid(z, p);", "return {|GW1001:TensorPrimitives.Distance(p, t) * TensorPrimitives.Distance(p, t)|};")]
    [InlineData("/*σ*/TensorPrimitives.SoftMax(z, p);", "TensorPrimitives.Subtract(p, t, err); return {|GW1002:0.5f * TensorPrimitives.Norm(err) * TensorPrimitives.Norm(err)|};")]
    [InlineData("/*σ*/TensorPrimitives.Sigmoid(z, p);", "TensorPrimitives.Subtract(p, t, err); {|GW1001:TensorPrimitives.Multiply(err, err, err)|}; return TensorPrimitives.Sum(err) / err.Length;")]
    [InlineData("/*σ*/TensorPrimitives.Sigmoid(z, p);", "TensorPrimitives.Subtract(p, t, err); {|GW1001:TensorPrimitives.Pow(err, 2f, err)|}; return TensorPrimitives.Sum(err) / err.Length;")]
    [InlineData("/*σ*/TensorPrimitives.SoftMax(z, p);", "var sq = new float[4]; TensorPrimitives.Subtract(t, p, err); {|GW1002:TensorPrimitives.Pow<float>(err, 2, sq)|}; return 0.5f * TensorPrimitives.Sum(sq);")]
    [InlineData("/*σ*/TensorPrimitives.SoftMax(z, p);", "TensorPrimitives.Subtract(p, t, err); double n = TensorPrimitives.Norm(err); return (float){|GW1002:Math.Pow(n, 2)|};")]
    [InlineData("TensorPrimitives.Tanh(z, p);", "return MathF.Pow(TensorPrimitives.Distance(p, t), 2);")] // a tanh output
    [InlineData("TensorPrimitives.Tanh(z, p);", "float d = TensorPrimitives.Distance(p, t); return d * d;")] // a tanh output
    [InlineData("TensorPrimitives.Sigmoid(z, p);", "float d = TensorPrimitives.Distance(p, t); float n = TensorPrimitives.Norm(p); return d * n;")] // not a square
    [InlineData("TensorPrimitives.Sigmoid(z, p);", "float d = TensorPrimitives.Distance(p, t); d = 1f; return d * d;")] // d no longer the distance
    [InlineData("TensorPrimitives.Tanh(z, p);", "float d = TensorPrimitives.Distance(p, t); return MathF.Pow(d, 2);")] // a tanh output
    [InlineData("TensorPrimitives.Sigmoid(z, p);", "return TensorPrimitives.Distance(p, t) * TensorPrimitives.Distance(p, z);")] // two distances: not a square
    [InlineData("TensorPrimitives.Tanh(z, p);", "return TensorPrimitives.Distance(p, t) * TensorPrimitives.Distance(p, t);")] // a tanh output
    [InlineData("TensorPrimitives.Tanh(z, p);", "TensorPrimitives.Subtract(p, t, err); TensorPrimitives.Pow(err, 2f, err); return TensorPrimitives.Sum(err);")] // a tanh output
    [InlineData("TensorPrimitives.Sigmoid(z, p);", "TensorPrimitives.Subtract(p, t, err); TensorPrimitives.Pow(err, 3f, err); return TensorPrimitives.Sum(err);")] // cubed: no squared error
    [InlineData("TensorPrimitives.Sigmoid(z, p);", "TensorPrimitives.Pow(p, 2f, err); return TensorPrimitives.Sum(err);")] // the outputs' own squares: no error
    [InlineData("TensorPrimitives.Sigmoid(z, p);", "float d = TensorPrimitives.Distance(p, t); d = 1f; return MathF.Pow(d, 2);")] // d no longer the distance
    [InlineData("TensorPrimitives.Sigmoid(z, p);", "float n = TensorPrimitives.Norm(p); return MathF.Pow(n, 2);")] // the outputs' own norm: no error
    [InlineData("TensorPrimitives.Sigmoid(z, p);", "return MathF.Pow(TensorPrimitives.Norm(p), 2);")] // the outputs' own norm: no error
    [InlineData("TensorPrimitives.Tanh(z, p);", "TensorPrimitives.Subtract(p, t, err); return TensorPrimitives.SumOfSquares(err);")] // a tanh output
    [InlineData("TensorPrimitives.Multiply(z, 2f, p);", "TensorPrimitives.Subtract(p, t, err); return TensorPrimitives.SumOfSquares(err);")] // a linear output
    [InlineData("TensorPrimitives.Sigmoid(z, p);", "TensorPrimitives.Subtract(p, t, err); for (int i = 0; i < err.Length; i++) delta[i] = err[i]; return TensorPrimitives.Dot(err, t);")] // the cross-entropy delta; err·t is no square
    [InlineData("TensorPrimitives.Sigmoid(z, p);", "TensorPrimitives.Subtract(p, t, err); TensorPrimitives.Multiply(err, t, err); return TensorPrimitives.SumOfSquares(err);")] // filled twice: no longer the error
    [InlineData("TensorPrimitives.Sigmoid(z, p);", "TensorPrimitives.Subtract(p, t, err); TensorPrimitives.Subtract(err, p, err); return TensorPrimitives.SumOfSquares(err);")] // err is −t
    [InlineData("/*σ*/TensorPrimitives.Sigmoid(z, p);", // σ' made of TensorPrimitives steps, in place, then the delta written into a buffer
        "TensorPrimitives.Subtract(p, t, err); var s = new float[4]; TensorPrimitives.Subtract(1f, p, s); TensorPrimitives.Multiply(s, p, s); {|GW1001:TensorPrimitives.Multiply(err, s, delta)|}; return 0;")]
    [InlineData("/*σ*/TensorPrimitives.Sigmoid(z, p);",
        "var s = new float[4]; TensorPrimitives.Multiply(p, p, s); TensorPrimitives.Subtract(p, s, s); TensorPrimitives.Subtract(t, p, err); {|GW1001:TensorPrimitives.Multiply(s, err, delta)|}; return 0;")]
    [InlineData("/*σ*/TensorPrimitives.Sigmoid(z, p);", // refilled after the read in the loop, by a fill that the fill before the read follows in every pass
        "var s = new float[4]; for (int k = 0; k < 3; k++) { TensorPrimitives.Subtract(1f, p, s); TensorPrimitives.Multiply(s, p, s); TensorPrimitives.Subtract(p, t, err); {|GW1001:TensorPrimitives.Multiply(err, s, delta)|}; TensorPrimitives.Multiply(s, 0f, s); } return 0;")]
    [InlineData("TensorPrimitives.Sigmoid(z, p);", // 1 − p², tanh's derivative, of a sigmoid output: not σ'
        "var s = new float[4]; TensorPrimitives.Multiply(p, p, s); TensorPrimitives.Subtract(1f, s, s); TensorPrimitives.Subtract(p, t, err); TensorPrimitives.Multiply(err, s, delta); return 0;")]
    [InlineData("TensorPrimitives.Sigmoid(z, p);", // the second pass reads s = 0: which fill the read sees is not one
        "var s = new float[4]; TensorPrimitives.Subtract(1f, p, s); TensorPrimitives.Multiply(s, p, s); for (int k = 0; k < 3; k++) { TensorPrimitives.Subtract(p, t, err); TensorPrimitives.Multiply(err, s, delta); TensorPrimitives.Multiply(s, 0f, s); } return 0;")]
    [InlineData("TensorPrimitives.Sigmoid(z, p);", // the fill under the if may not have run
        "var s = new float[4]; TensorPrimitives.Subtract(1f, p, s); if (t[0] > 0) TensorPrimitives.Multiply(s, p, s); TensorPrimitives.Subtract(p, t, err); TensorPrimitives.Multiply(err, s, delta); return 0;")]
    public async Task TensorPrimitives_error_written_into_a_buffer(string activation, string step)
    {
        var files = new[] { TensorErrors(activation, step) };
        var test = new CSharpAnalyzerVerifier<Gradwise.Rules.SquaredErrorAnalyzer>.Test();
        test.TestState.Sources.Add(("/0/File0.cs", files[0]));
        test.TestState.AdditionalReferences.Add(Generator.TensorPrimitivesGeneratorTests.Tensors);
        await test.RunAsync(System.Threading.CancellationToken.None);
        if (step.Contains("{|GW", StringComparison.Ordinal))
        {
            AssertActivationLocations(step, files, Generator.TensorPrimitivesGeneratorTests.Tensors);
        }
    }

    [Theory]
    [InlineData("/*σ*/TensorPrimitives.Sigmoid(z, p);", "TensorPrimitives.Subtract(p, t, err); for (int i = 0; i < err.Length; i++) delta[i] = {|GW1001:err[i] * p[i] * (1 - p[i])|}; return {|GW1001:TensorPrimitives.SumOfSquares(err)|};")]
    [InlineData("/*σ*/TensorPrimitives.Sigmoid(z, p);",
        "TensorPrimitives.Subtract(p, t, err); var s = new float[4]; TensorPrimitives.Subtract(1f, p, s); TensorPrimitives.Multiply(s, p, s); {|GW1001:TensorPrimitives.Multiply(err, s, delta)|}; return 0;")]
    [InlineData("/*σ*/TensorPrimitives.Sigmoid(z, p);", "TensorPrimitives.Subtract(p, t, err); return {|GW1001:MathF.Pow(TensorPrimitives.Norm(err), 2)|} + {|GW1001:MathF.Pow(TensorPrimitives.Distance(p, t), 2)|};")]
    [InlineData("/*σ*/TensorPrimitives.Sigmoid(z, p);", "float d = TensorPrimitives.Distance(p, t); return {|GW1001:d * d|};")]
    [InlineData("/*σ*/TensorPrimitives.Sigmoid(z, p);", "float d = TensorPrimitives.Distance(p, t); return {|GW1001:MathF.Pow(d, 2)|};")]
    [InlineData("/*σ*/TensorPrimitives.Sigmoid(z, p);", "TensorPrimitives.Subtract(p, t, err); {|GW1001:TensorPrimitives.Pow(err, 2f, err)|}; return TensorPrimitives.Sum(err);")]
    public void TensorPrimitives_error_buffers_do_not_crash_the_rule_while_typed(string activation, string step) =>
        HalfTypedCode.AssertNoCrashOnEveryPrefixOfMarkedSource(TensorErrors(activation, step), new Gradwise.Rules.SquaredErrorAnalyzer(), Generator.TensorPrimitivesGeneratorTests.Tensors);

    /// <summary>A classifier whose probabilities field <paramref name="forward"/> fills with <c>TensorPrimitives</c> steps, then <paramref name="loss"/> of each.</summary>
    private static string TensorSteps(string forward, string loss) => $$"""
        using System;
        using System.Numerics.Tensors;
        public sealed class StepClassifier
        {
            private readonly float[] probabilities = new float[3];
            public void Forward(float[] logits)
            {
                {{forward}}
            }
            public float Loss(float[] t)
            {
                float l = 0;
                for (int i = 0; i < probabilities.Length; i++) l += {{loss}};
                return l;
            }
        }
        """;

    [Theory]
    [InlineData("var e = new float[logits.Length]; TensorPrimitives.Exp(logits, e); var s = TensorPrimitives.Sum(e); /*σ*/TensorPrimitives.Divide(e, s, probabilities);",
        "{|GW1002:(probabilities[i] - t[i]) * (probabilities[i] - t[i])|}")]
    [InlineData("TensorPrimitives.Exp(logits, probabilities); /*σ*/TensorPrimitives.Divide(probabilities, TensorPrimitives.Sum(probabilities), probabilities);",
        "{|GW1002:(probabilities[i] - t[i]) * (probabilities[i] - t[i])|}")]
    [InlineData("TensorPrimitives.Exp(logits, probabilities); TensorPrimitives.Divide(probabilities, (float)logits.Length, probabilities);",
        "(probabilities[i] - t[i]) * (probabilities[i] - t[i])")] // exponentials over their count: no softmax
    [InlineData("TensorPrimitives.Abs(logits, probabilities); TensorPrimitives.Divide(probabilities, TensorPrimitives.Sum(probabilities), probabilities);",
        "(probabilities[i] - t[i]) * (probabilities[i] - t[i])")] // an L1 normalization
    [InlineData("var e = new float[logits.Length]; TensorPrimitives.Exp(logits, e); TensorPrimitives.Divide(e, TensorPrimitives.Sum(e), probabilities);",
        "-t[i] * MathF.Log(probabilities[i])")] // cross-entropy
    public async Task TensorPrimitives_softmax_from_exponentials_divided_by_their_sum(string forward, string loss)
    {
        var test = new CSharpAnalyzerVerifier<Gradwise.Rules.SquaredErrorAnalyzer>.Test();
        test.TestState.Sources.Add(("/0/File0.cs", TensorSteps(forward, loss)));
        test.TestState.AdditionalReferences.Add(Generator.TensorPrimitivesGeneratorTests.Tensors);
        await test.RunAsync(System.Threading.CancellationToken.None);
    }

    [Theory]
    [InlineData("var e = new float[logits.Length]; TensorPrimitives.Exp(logits, e); var s = TensorPrimitives.Sum(e); /*σ*/TensorPrimitives.Divide(e, s, probabilities);",
        "{|GW1002:(probabilities[i] - t[i]) * (probabilities[i] - t[i])|}")]
    [InlineData("TensorPrimitives.Exp(logits, probabilities); /*σ*/TensorPrimitives.Divide(probabilities, TensorPrimitives.Sum(probabilities), probabilities);",
        "{|GW1002:(probabilities[i] - t[i]) * (probabilities[i] - t[i])|}")]
    public void TensorPrimitives_softmax_steps_do_not_crash_the_rule_while_typed(string forward, string loss) =>
        HalfTypedCode.AssertNoCrashOnEveryPrefixOfMarkedSource(TensorSteps(forward, loss), new Gradwise.Rules.SquaredErrorAnalyzer(), Generator.TensorPrimitivesGeneratorTests.Tensors);

    [Theory]
    [InlineData("/*σ*/Sigmoid(z, o);")]
    [InlineData("/*σ*/TP.Sigmoid(z, o);")]
    public void TensorPrimitives_sigmoid_under_using_static_or_an_alias_does_not_crash_the_rule_while_typed(string activation) =>
        HalfTypedCode.AssertNoCrashOnEveryPrefixOfMarkedSource(
            TensorBuffers(activation, "{|GW1001:(o[i] - t[i]) * (o[i] - t[i])|}"), new Gradwise.Rules.SquaredErrorAnalyzer(), Generator.TensorPrimitivesGeneratorTests.Tensors);

    [Fact]
    public async Task A_softmax_output_layer_made_with_a_squared_error_cost_in_one_call_is_GW1002()
    {
        var files = new[] { NeuralNetworkNetApi + """
            static class Program
            {
                static object Make() => NetworkManager.NewSequential(784,
                    NetworkLayers.FullyConnected(100, ActivationType.ReLU),
                    {|GW1002:NetworkLayers.FullyConnected(10, /*σ*/ActivationType.Softmax, CostFunctionType.Quadratic)|});
                static object Right() => NetworkManager.NewSequential(784,
                    NetworkLayers.FullyConnected(100, ActivationType.ReLU),
                    NetworkLayers.FullyConnected(10, ActivationType.Softmax, CostFunctionType.LogLikelihood));
            }
            """ };
        await Run("NeuralNetwork.NET softmax with a quadratic cost", files);
        AssertActivationLocations("NeuralNetwork.NET softmax with a quadratic cost", files);
    }

    [Fact]
    public async Task Keras_softmax_output_compiled_with_mean_squared_error_is_GW1002()
    {
        var files = new[] { KerasStub, """
            using Keras.Layers;
            using Keras.Models;
            public static class Iris
            {
                public static void Build()
                {
                    var model = new Sequential();
                    model.Add(new Dense(12, activation: "relu", input_dim: 5));
                    model.Add(new Dense(3, activation: /*σ*/"softmax"));
                    {|GW1002:model.Compile(optimizer: "adam", loss: "mean_squared_error", metrics: new[] { "accuracy" })|};
                    var right = new Sequential();
                    right.Add(new Dense(3, activation: "softmax"));
                    right.Compile(optimizer: "adam", loss: "categorical_crossentropy");
                }
            }
            """ };
        await Run("Keras softmax with MSE", files);
        AssertActivationLocations("Keras softmax with MSE", files);
    }

    [Fact]
    public async Task MathNet_softmax_output_with_a_dot_product_squared_error_is_GW1002()
    {
        var files = new[] { MathNetStub, """
            using MathNet.Numerics.LinearAlgebra;
            public class SoftmaxNet
            {
                private Matrix<double> w;
                private Vector<double> b;
                public Vector<double> Predict(Vector<double> x) => /*σ*/Softmax(w * x + b);
                public double Cost(Vector<double> x, Vector<double> y) { var d = Predict(x) - y; return {|GW1002:d.DotProduct(d)|}; }
                public double CrossEntropy(Vector<double> x, Vector<double> y) => -y.DotProduct(Predict(x).PointwiseLog());
                private static Vector<double> Softmax(Vector<double> z) { var e = z.PointwiseExp(); return e / e.Sum(); }
            }
            """ };
        await Run("MathNet softmax with a dot-product squared error", files);
        AssertActivationLocations("MathNet softmax with a dot-product squared error", files);
    }

    [Fact]
    public Task Numpy_softmax_outputs_with_squared_error_are_GW1002() => Run("Numpy softmax with squared error", new[] { NumpyStub, """
        using Numpy;
        public class NpSoftmax
        {
            private NDarray w;
            private static NDarray Softmax(NDarray z) { var e = np.exp(z); return e / e.sum(); }
            private static NDarray Normalized(NDarray z) { var e = np.exp(z); return e / np.sum(e); }
            public NDarray Loss(NDarray x, NDarray y) { var p = Softmax(np.dot(w, x)); return {|GW1002:(p - y) * (p - y)|}; }
            public NDarray Loss2(NDarray x, NDarray y) { var p = Normalized(np.dot(w, x)); return {|GW1002:(p - y) * (p - y)|}; }
            public NDarray Scaled(NDarray x, NDarray y) { var p = np.exp(np.dot(w, x)); return (p - y) * (p - y); }
        }
        """ });

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

    /// <summary>A softmax layer class, added to the layer objects' network.</summary>
    private const string SoftmaxLayer = """
        using System;
        public sealed class SoftmaxLayer : ILayer
        {
            private double[] y;
            public double[] Forward(double[] x)
            {
                y = new double[x.Length];
                double sum = 0;
                for (int i = 0; i < x.Length; i++) { y[i] = Math.Exp(x[i]); sum += y[i]; }
                for (int i = 0; i < x.Length; i++) y[i] /= sum;
                return y;
            }
            public double[] Backward(double[] grad) => grad;
        }
        """;

    [Fact]
    public async Task Softmax_layer_object_last_with_a_squared_error_loss_object_is_GW1002()
    {
        var files = new[] { LayerObjects, SoftmaxLayer, """
            static class Program
            {
                static Network Build() => {|GW1002:new Network(new MeanSquaredError())|}.Add(new Dense(784, 32)).Add(new SigmoidLayer()).Add(new Dense(32, 10)).Add(/*σ*/new SoftmaxLayer());
            }
            """ };
        await Run("softmax layer object with MSE", files);
        AssertActivationLocations("softmax layer object with MSE", files);
    }

    [Fact]
    public Task Softmax_layer_object_last_with_a_cross_entropy_loss_object_is_silent() => Run("softmax layer object with CE", new[] { LayerObjects, SoftmaxLayer, """
        static class Program
        {
            static void Build() { var net = new Network().Add(new Dense(784, 32)).Add(new SigmoidLayer()).Add(new Dense(32, 10)).Add(new SoftmaxLayer()); net.Compile(new BinaryCrossEntropy()); }
        }
        """ });

    [Fact]
    public async Task Softmax_layer_object_last_with_a_squared_error_loss_property_is_GW1002()
    {
        var files = new[] { LayerObjects, SoftmaxLayer, PropertyLossModels, """
            static class Program
            {
                static Sequential Build() => new Sequential(new Dense(784, 32), new SigmoidLayer(), new Dense(32, 10), /*σ*/new SoftmaxLayer()) { {|GW1002:Loss = new MeanSquaredError()|} };
            }
            """ };
        await Run("softmax layer object with an MSE property", files);
        AssertActivationLocations("softmax layer object with an MSE property", files);
    }

    /// <summary>
    /// An output layer whose <c>Outputs</c> array (a readonly field, allocated once) is filled only by the static helper it is handed
    /// to, <c>Act.Logistic(z, Outputs)</c> or <c>Act.Rectify(z, Outputs)</c>, and a squared-error loss on it in another class.
    /// </summary>
    private static string FieldFilledByHelper(string fill, string site) => """
        using System;
        public static class Act
        {
            public static void Logistic(double[] z, double[] into) { for (int i = 0; i < z.Length; i++) into[i] = /*σ*/1 / (1 + Math.Exp(-z[i])); }
            public static void Rectify(double[] z, double[] into) { for (int i = 0; i < z.Length; i++) into[i] = Math.Max(0, z[i]); }
        }
        public sealed class OutputLayer
        {
            public readonly double[] Outputs;
            private readonly double[] z;
            public OutputLayer(int width) { Outputs = new double[width]; z = new double[width]; }
            public void Forward(double[] net) { Array.Copy(net, z, net.Length); Act.__FILL__(z, Outputs); }
        }
        public static class Trainer
        {
            public static double Loss(OutputLayer layer, double[] target)
            {
                double loss = 0;
                for (int k = 0; k < target.Length; k++) loss += __SITE__;
                return loss;
            }
        }
        """.Replace("__FILL__", fill, StringComparison.Ordinal).Replace("__SITE__", site, StringComparison.Ordinal);

    /// <summary>
    /// A hand-rolled network made from an array of dense layers, each given a squashing function by an enum called <c>Squash</c>,
    /// and an objective chosen by an enum called <c>Objective</c>: neither name says activation or loss, their members do.
    /// </summary>
    private static string SquashAndObjective(string site) => """
        public enum Squash { Linear, Tanh, Logistic }
        public enum Objective { SquaredError, CrossEntropy }
        public class Dense { public Dense(int inputs, int outputs, Squash squash) { } }
        public class Network { public Network(Dense[] layers, Objective objective) { } }
        static class Program
        {
            static Network Make() => __SITE__;
        }
        """.Replace("__SITE__", site, StringComparison.Ordinal);

    /// <summary>
    /// Layers that keep their activation kind in a field or property set by the constructor, and one activation class whose
    /// function and derivative switch on the kind they are told: the output delta passes the layer's own kind.
    /// </summary>
    private static string KindPerLayer(string member, string parameter, string store, string read, string layers, string site) => """
        using System;
        public enum Kind { Sigmoid, Tanh, ReLu }
        public static class Act
        {
            public static double Apply(double s, Kind kind) => kind switch { Kind.Sigmoid => 1 / (1 + Math.Exp(-s)), Kind.Tanh => Math.Tanh(s), _ => Math.Max(0, s) };
            public static double Slope(double v, Kind kind)
            {
                switch (kind)
                {
                    case Kind.Sigmoid: return v * (1 - v);
                    case Kind.Tanh: return 1 - v * v;
                    default: return v > 0 ? 1 : 0;
                }
            }
        }
        public sealed class Layer
        {
            __MEMBER__
            public double[] Out;
            public double[] Delta;
            public Layer(int n, __PARAMETER__)
            {
                __STORE__
                Out = new double[n];
                Delta = new double[n];
            }
            public void Forward(double[] z)
            {
                for (var i = 0; i < z.Length; i++) Out[i] = /*σ*/Act.Apply(z[i], __READ__);
            }
            public void OutputDelta(double[] t)
            {
                for (var i = 0; i < Out.Length; i++) Delta[i] = __SITE__;
            }
        }
        public static class Build
        {
            public static Layer[] Net() => new[] { __LAYERS__ };
        }
        """.Replace("__MEMBER__", member, StringComparison.Ordinal).Replace("__PARAMETER__", parameter, StringComparison.Ordinal).Replace("__STORE__", store, StringComparison.Ordinal)
        .Replace("__READ__", read, StringComparison.Ordinal).Replace("__LAYERS__", layers, StringComparison.Ordinal).Replace("__SITE__", site, StringComparison.Ordinal);

    /// <summary>
    /// Cells whose output property hands back a value the network stores into it (the inputs, set on the input cells) when one
    /// was stored, and otherwise computes the activation of its weighted sum; the error of the output cell squared per example.
    /// </summary>
    private static string OverriddenOutput(string field, string guard, string stored, string activation, string site) => """
        using System;
        using System.Collections.Generic;
        public sealed class Cell
        {
            __FIELD__
            private double sum;
            private double bias = 0.1;
            public List<(Cell From, double Weight)> Inputs { get; } = new();
            public double Output
            {
                get
                {
                    if (__GUARD__)
                    {
                        return __STORED__;
                    }

                    return /*σ*/__ACTIVATION__; // a getter that computes from this cell's state: the sigmoid is here, not at the reads
                }
                set => given = value;
            }
            public void Pull()
            {
                sum = 0;
                foreach (var (from, weight) in Inputs) sum += weight * from.Output;
            }
        }
        public sealed class Net
        {
            private readonly List<Cell> inputs = new();
            private readonly Cell output = new();
            public double Run(double[] x)
            {
                for (var i = 0; i < x.Length; i++) inputs[i].Output = x[i];
                output.Pull();
                return output.Output;
            }
            public double Epoch(double[][] xs, double[] ys)
            {
                var loss = 0.0;
                for (var n = 0; n < xs.Length; n++)
                {
                    var miss = ys[n] - Run(xs[n]);
                    loss += __SITE__;
                }

                return loss;
            }
        }
        """.Replace("__FIELD__", field, StringComparison.Ordinal).Replace("__GUARD__", guard, StringComparison.Ordinal).Replace("__STORED__", stored, StringComparison.Ordinal)
        .Replace("__ACTIVATION__", activation, StringComparison.Ordinal).Replace("__SITE__", site, StringComparison.Ordinal);

    /// <summary>
    /// Output nodes squashed by a helper that raises e as its author wrote it: held in a field that is not <c>const</c> (initialized,
    /// or set in a static constructor), or written out as a number; the squared error summed over the nodes in another class.
    /// </summary>
    private static string EulerByHand(string euler, string squash, string site) => """
        using System;
        public static class Squash
        {
            __EULER__
            public static double Apply(double x) => __SQUASH__;
        }
        public sealed class Node
        {
            public double[] W = new double[3];
            public double Value;
            public void Fire(double[] inputs)
            {
                var z = 0.0;
                for (var i = 0; i < W.Length; i++) z += W[i] * inputs[i];
                Value = /*σ*/Squash.Apply(z);
            }
        }
        public sealed class Fit
        {
            public double Cost(Node[] outputs, double[] wanted)
            {
                var cost = 0.0;
                for (var k = 0; k < outputs.Length; k++) cost += __SITE__;
                return cost / outputs.Length;
            }
        }
        """.Replace("__EULER__", euler, StringComparison.Ordinal).Replace("__SQUASH__", squash, StringComparison.Ordinal).Replace("__SITE__", site, StringComparison.Ordinal);

    /// <summary>
    /// One derivative helper for every activation, told which one by an enum or a bool the call gives as a constant
    /// (<c>Slope(o, Kind.Sigmoid)</c>): the helper's body is the branch that constant takes.
    /// </summary>
    private static string ChoiceHelper(string activation, string helper, string site) => """
        using System;
        using System.Collections.Generic;
        public enum Kind { Sigmoid, Tanh, ReLu }
        public sealed class Unit
        {
            public double[] Weights = new double[4];
            public double Out { get; set; }
            public double Err { get; set; }
            public double Forward(double[] x)
            {
                var s = 0.0;
                for (var i = 0; i < x.Length; i++) s += x[i] * Weights[i];
                return Out = __ACTIVATION__;
            }
        }
        public sealed class Trainer
        {
            public List<Unit> OutputUnits { get; } = new();
            public void Step(double[] x, double[] t)
            {
                foreach (var unit in OutputUnits) unit.Forward(x);
                for (var i = 0; i < OutputUnits.Count; i++)
                {
                    var o = OutputUnits[i].Out;
                    OutputUnits[i].Err = __SITE__;
                }
            }
            __HELPER__
        }
        """.Replace("__ACTIVATION__", activation, StringComparison.Ordinal).Replace("__HELPER__", helper, StringComparison.Ordinal).Replace("__SITE__", site, StringComparison.Ordinal);

    private const string SlopeBySwitch = "private static double Slope(double v, Kind kind) { switch (kind) { case Kind.Sigmoid: return v * (1 - v); case Kind.Tanh: return 1 - Math.Pow(v, 2); default: return v > 0 ? 1 : 0; } }";
    private const string SlopeBySwitchExpression = "private static double Slope(double v, Kind kind) => kind switch { Kind.Tanh => 1 - v * v, Kind.ReLu => v > 0 ? 1 : 0, Kind.Sigmoid => v * (1 - v), _ => 1 };";
    private const string SlopeByFlag = "private static double Slope(double v, bool logistic) { if (!logistic) return 1 - v * v; return v * (1 - v); }";

    /// <summary>
    /// A hand-rolled builder API whose layers go into an array made with a constant length and filled by constant indices, in any
    /// order: the layer stored at the last index is the output layer. The loss is an enum whose members are spelled the way the
    /// code's author spells constants (<c>Mse</c>, <c>MEAN_SQUARE_ERROR</c>).
    /// </summary>
    private static string LayersByIndex(string costs, string fill, string site) => """
        public enum ActivationKind { Sigmoid, TanH, ReLU }
        public enum CostFunction { __COSTS__ }
        public class Layer { public Layer(int size, ActivationKind kind) { } }
        public class Net
        {
            public Net(Layer[] layers, CostFunction cost) { }
            public void Fit(double[][] inputs, double[][] targets, int epochs) { }
        }
        public static class XorDemo
        {
            public static void Run(double[][] inputs, double[][] targets)
            {
                Layer[] layers = new Layer[3];
                __FILL__
                var net = __SITE__;
                net.Fit(inputs, targets, 1000);
            }
        }
        """.Replace("__COSTS__", costs, StringComparison.Ordinal).Replace("__FILL__", fill, StringComparison.Ordinal).Replace("__SITE__", site, StringComparison.Ordinal);

    /// <summary>
    /// A network of layers that inherit <c>Forward</c> from one base layer, each subclass handing the base constructor its activation
    /// and derivative as delegates (<paramref name="kinds"/> declares the subclasses: <see cref="SigmoidKind"/>, <see cref="LinearKind"/>,
    /// <see cref="TanhKind"/>); <paramref name="members"/> fills the network's list; <paramref name="step"/> runs for each output k with
    /// the prediction p, the targets t, the last layer top and the sum loss.
    /// </summary>
    private static string InheritedLayers(string kinds, string members, string step) => """
        using System;
        using System.Collections.Generic;
        public class Layer
        {
            private readonly Func<double, double> activation;
            private readonly Func<double, double, double> derivative;
            public readonly double[,] Weights;
            public readonly double[] Sums, Outputs;
            public double[] Inputs = Array.Empty<double>();
            public Layer(int inputs, int size, Func<double, double> activationFunction, Func<double, double, double> derivativeFunction)
            {
                activation = activationFunction;
                derivative = derivativeFunction;
                Weights = new double[size, inputs];
                Sums = new double[size];
                Outputs = new double[size];
            }
            public double[] Forward(double[] x)
            {
                Inputs = x;
                for (int j = 0; j < Outputs.Length; j++)
                {
                    double s = 0;
                    for (int i = 0; i < x.Length; i++) s += Weights[j, i] * x[i];
                    Sums[j] = s;
                    Outputs[j] = activation(s);
                }
                return Outputs;
            }
            public double Derivative(int j) => derivative(Sums[j], Outputs[j]);
        }
        __KINDS__
        public sealed class Network
        {
            private readonly List<Layer> layers = new List<Layer>();
            __MEMBERS__
            public double[] Run(double[] x) { foreach (var layer in layers) x = layer.Forward(x); return x; }
            public double Train(double[] x, double[] t, double rate)
            {
                var p = Run(x);
                var top = layers[layers.Count - 1];
                double loss = 0;
                for (int k = 0; k < p.Length; k++) { __STEP__ }
                return loss;
            }
        }
        """.Replace("__KINDS__", kinds).Replace("__MEMBERS__", members).Replace("__STEP__", step);

    /// <summary><see cref="InheritedLayers"/> with its two layers in fields, run by a call on each (<c>output.Forward(hidden.Forward(x))</c>).</summary>
    private static string FieldLayers(string kinds, string hidden, string output, string step) =>
        InheritedLayers(kinds, $"private readonly Layer hidden = {hidden}; private readonly Layer output = {output};", step)
            .Replace("foreach (var layer in layers) x = layer.Forward(x); return x;", "return output.Forward(hidden.Forward(x));")
            .Replace("var top = layers[layers.Count - 1];", "var top = output;");

    private const string SigmoidKind = """
        public class SigmoidLayer : Layer
        {
            private static double Sigmoid(double x) => /*σ*/1.0 / (1 + Math.Exp(-x));
            private static double SigmoidPrime(double x, double y) => y * (1 - y);
            public SigmoidLayer(int inputs, int size) : base(inputs, size, Sigmoid, SigmoidPrime) { }
        }
        """;

    private const string LinearKind = """
        public class LinearLayer : Layer
        {
            private static double Identity(double x) => x;
            private static double One(double x, double y) => 1.0;
            public LinearLayer(int inputs, int size) : base(inputs, size, Identity, One) { }
        }
        """;

    /// <summary><see cref="SigmoidKind"/> and <see cref="LinearKind"/> written with primary constructors (<c>: Layer(inputs, size, Sigmoid, SigmoidPrime)</c>).</summary>
    private const string PrimaryKinds = """
        public class SigmoidLayer(int inputs, int size) : Layer(inputs, size, Sigmoid, SigmoidPrime)
        {
            private static double Sigmoid(double x) => /*σ*/1.0 / (1 + Math.Exp(-x));
            private static double SigmoidPrime(double x, double y) => y * (1 - y);
        }
        public class LinearLayer(int inputs, int size) : Layer(inputs, size, Identity, One)
        {
            private static double Identity(double x) => x;
            private static double One(double x, double y) => 1.0;
        }
        """;

    private const string TanhKind = """
        public class TanhLayer : Layer
        {
            private static double Tanh(double x) => Math.Tanh(x);
            private static double TanhPrime(double x, double y) => 1 - y * y;
            public TanhLayer(int inputs, int size) : base(inputs, size, Tanh, TanhPrime) { }
        }
        """;

    /// <summary>
    /// Layers that inherit <c>Forward</c> from an abstract dense layer, each subclass handing the base constructor an activation object
    /// (<c>new Logistic()</c>, <c>new Identity()</c>); <paramref name="made"/> builds the network with a fluent <c>AddLayer</c>.
    /// </summary>
    private static string InheritedActivationObjects(string made, string step) => """
        using System;
        using System.Collections.Generic;
        public interface IActivation { double Apply(double x); double Derivative(double y); }
        public sealed class Logistic : IActivation
        {
            public double Apply(double x) => /*σ*/1.0 / (1.0 + Math.Exp(-x));
            public double Derivative(double y) => y * (1 - y);
        }
        public sealed class Identity : IActivation
        {
            public double Apply(double x) => x;
            public double Derivative(double y) => 1;
        }
        public abstract class DenseLayer
        {
            private readonly IActivation act;
            public readonly double[] Outputs;
            public readonly double[,] W;
            protected DenseLayer(int inputs, int size, IActivation activation) { act = activation; Outputs = new double[size]; W = new double[size, inputs]; }
            public double[] Forward(double[] x)
            {
                for (int j = 0; j < Outputs.Length; j++)
                {
                    double z = 0;
                    for (int i = 0; i < x.Length; i++) z += W[j, i] * x[i];
                    Outputs[j] = act.Apply(z);
                }
                return Outputs;
            }
            public double Slope(int j) => act.Derivative(Outputs[j]);
        }
        public sealed class SigmoidDense : DenseLayer { public SigmoidDense(int inputs, int size) : base(inputs, size, new Logistic()) { } }
        public sealed class LinearDense : DenseLayer { public LinearDense(int inputs, int size) : base(inputs, size, new Identity()) { } }
        public sealed class Mlp
        {
            private readonly List<DenseLayer> stack = new List<DenseLayer>();
            public Mlp AddLayer(DenseLayer layer) { stack.Add(layer); return this; }
            public double[] Predict(double[] x) { foreach (var layer in stack) x = layer.Forward(x); return x; }
            public double Step(double[] x, double[] y)
            {
                var p = Predict(x);
                var top = stack[stack.Count - 1];
                double loss = 0;
                for (int k = 0; k < p.Length; k++) { __STEP__ }
                return loss;
            }
            public static double Demo() => __MADE__.Step(new[] { 0.0, 1.0 }, new[] { 1.0 });
        }
        """.Replace("__MADE__", made).Replace("__STEP__", step);

    /// <summary>
    /// Dense layers behind an interface, each given its activation as a delegate: <paramref name="made"/> is the constructor body that
    /// fills <c>layers</c> (an <c>ILayer[]</c> or a <c>List&lt;ILayer&gt;</c>, <paramref name="collection"/>); <c>Outputs(x)</c> returns
    /// every layer's output as rows (<c>outs[i + 1] = layers[i].Forward(outs[i])</c>); <paramref name="read"/> defines <c>p</c>, the
    /// prediction, and <paramref name="site"/> is the loss over p and the targets y.
    /// </summary>
    private static string LayerRows(string collection, string made, string read, string site, string members = "") => """
        using System;
        using System.Collections.Generic;
        public static class Act
        {
            public static double Logistic(double x) => /*σ*/1.0 / (1.0 + Math.Exp(-x));
            public static double Identity(double x) => x;
        }
        public interface ILayer { double[] Forward(double[] x); }
        public sealed class Dense : ILayer
        {
            private readonly double[,] w;
            private readonly Func<double, double> f;
            public Dense(double[,] w, Func<double, double> f) { this.w = w; this.f = f; }
            public double[] Forward(double[] x)
            {
                var a = new double[w.GetLength(0)];
                for (int j = 0; j < a.Length; j++)
                {
                    double z = 0;
                    for (int i = 0; i < x.Length; i++) z += w[j, i] * x[i];
                    a[j] = f(z);
                }
                return a;
            }
        }
        public sealed class Net
        {
            private readonly __COLLECTION__ layers;
            public Net(double[,] w1, double[,] w2) { __MADE__ }
            public double[][] Outputs(double[] x)
            {
                var outs = new double[layers.__SIZE__ + 1][];
                outs[0] = x;
                for (int i = 0; i < layers.__SIZE__; i++) outs[i + 1] = layers[i].Forward(outs[i]);
                return outs;
            }
            __MEMBERS__
            public double Loss(double[] x, double[] y)
            {
                __READ__
                double s = 0;
                for (int k = 0; k < y.Length; k++) s += __SITE__;
                return s;
            }
        }
        """.Replace("__COLLECTION__", collection).Replace("__SIZE__", collection.StartsWith("List", System.StringComparison.Ordinal) ? "Count" : "Length")
        .Replace("__MADE__", made).Replace("__READ__", read).Replace("__SITE__", site).Replace("__MEMBERS__", members);

    /// <summary>
    /// A network (<paramref name="access"/> <c>class Network</c>) whose layers a collection initializer lists (<paramref name="layers"/>),
    /// with a public <c>Add</c> beside it; <paramref name="use"/> is a statement of a program's <c>Run</c> (which may call <c>Add</c>),
    /// and <paramref name="site"/> the loss over the prediction p and the targets y.
    /// </summary>
    private static string ListedLayers(string access, string layers, string use, string site) => """
        using System;
        using System.Collections.Generic;
        public interface ILayer { double[] Forward(double[] x); }
        public sealed class SigmoidLayer : ILayer
        {
            public double[] Forward(double[] x)
            {
                var a = new double[x.Length];
                for (int j = 0; j < a.Length; j++) a[j] = /*σ*/1.0 / (1.0 + Math.Exp(-x[j]));
                return a;
            }
        }
        public sealed class LinearLayer : ILayer
        {
            public double[] Forward(double[] x) => (double[])x.Clone();
        }
        __ACCESS__ class Network
        {
            private readonly List<ILayer> layers;
            public Network() { layers = new List<ILayer> { __LAYERS__ }; }
            public void Add(ILayer layer) => layers.Add(layer);
            public double[] Predict(double[] x)
            {
                foreach (var layer in layers) x = layer.Forward(x);
                return x;
            }
            public double Loss(double[] x, double[] y)
            {
                var p = Predict(x);
                double s = 0;
                for (int k = 0; k < y.Length; k++) s += __SITE__;
                return s;
            }
        }
        internal static class Program
        {
            public static void Run(Network net, double[] x, double[] y) { __USE__ }
        }
        """.Replace("__ACCESS__", access).Replace("__LAYERS__", layers).Replace("__USE__", use).Replace("__SITE__", site);

    /// <summary>
    /// A one-layer sigmoid network whose training step multiplies in place: <paramref name="step"/> runs for each output j with the
    /// outputs o, the targets t, the hidden values h (a second sigmoid layer) and the deltas array d.
    /// </summary>
    private static string InPlaceSteps(string step) => """
        using System;
        public static class InPlaceNet
        {
            private static double Squash(double z) => /*σ*/1.0 / (1.0 + Math.Exp(-z));
            public static double[] Layer(double[,] w, double[] x)
            {
                var a = new double[w.GetLength(0)];
                for (int j = 0; j < a.Length; j++)
                {
                    double z = 0;
                    for (int i = 0; i < x.Length; i++) z += w[j, i] * x[i];
                    a[j] = /*σ*/Squash(z);
                }
                return a;
            }
            public static void Step(double[,] w1, double[,] w2, double[] x, double[] t, double rate)
            {
                var h = Layer(w1, x);
                var o = Layer(w2, h);
                var d = new double[o.Length];
                for (int j = 0; j < o.Length; j++) { __STEP__ }
                for (int j = 0; j < d.Length; j++) for (int i = 0; i < h.Length; i++) w2[j, i] -= rate * d[j] * h[i];
            }
        }
        """.Replace("__STEP__", step);

    /// <summary>
    /// One layer class whose activation is a settable delegate (identity by default), each layer's set by an object initializer:
    /// the hidden layer logistic, the last one <paramref name="last"/>; <paramref name="site"/> is the loss over the outputs x and targets y.
    /// </summary>
    private static string InitializedLayers(string last, string site) => """
        using System;
        using System.Collections.Generic;
        public static class Act
        {
            public static double Logistic(double x) => /*σ*/1.0 / (1.0 + Math.Exp(-x));
            public static double Identity(double x) => x;
            public static double Tanh(double x) => Math.Tanh(x);
        }
        public sealed class Layer
        {
            public Func<double, double> Activation { get; set; } = Act.Identity;
            public readonly double[,] W;
            public readonly double[] Out;
            public Layer(int inputs, int size) { W = new double[size, inputs]; Out = new double[size]; }
            public double[] Forward(double[] x)
            {
                for (int j = 0; j < Out.Length; j++)
                {
                    double z = 0;
                    for (int i = 0; i < x.Length; i++) z += W[j, i] * x[i];
                    Out[j] = Activation(z);
                }
                return Out;
            }
        }
        public sealed class Net
        {
            private readonly List<Layer> layers = new List<Layer>
            {
                new Layer(2, 4) { Activation = Act.Logistic },
                new Layer(4, 1) { Activation = __LAST__ },
            };
            public double Loss(double[] x, double[] y)
            {
                foreach (var layer in layers) x = layer.Forward(x);
                double loss = 0;
                for (int k = 0; k < y.Length; k++) loss += __SITE__;
                return loss;
            }
        }
        """.Replace("__LAST__", last).Replace("__SITE__", site);

    /// <summary><see cref="InitializedLayers"/> with each layer's activation set after it is made (<c>output.Activation = ...;</c>) in the network's constructor.</summary>
    private static string LayersSetAfter(string last, string site) =>
        InitializedLayers(last, site).Replace(
            """
                private readonly List<Layer> layers = new List<Layer>
                {
                    new Layer(2, 4) { Activation = Act.Logistic },
                    new Layer(4, 1) { Activation = __LAST__ },
                };
            """.Replace("__LAST__", last),
            """
                private readonly List<Layer> layers = new List<Layer>();
                public Net()
                {
                    var hidden = new Layer(2, 4);
                    hidden.Activation = Act.Logistic;
                    var output = new Layer(4, 1);
                    output.Activation = __LAST__;
                    layers.Add(hidden);
                    layers.Add(output);
                }
            """.Replace("__LAST__", last));

    /// <summary>The modules of <see cref="ModularLayers"/> a network of two layers holds: linear, tanh, linear, sigmoid, added in its constructor.</summary>
    private const string ModularFill = "public Model() { modules.Add(new Linear(2, 4)); modules.Add(new TanhModule()); modules.Add(new Linear(4, 1)); modules.Add(new SigmoidModule()); }";

    /// <summary>
    /// Deltas written in helpers that take the error as a parameter: a neuron's <c>CalculateDelta(error)</c> that multiplies it by
    /// <c>Output * (1 - Output)</c>, a static <c>Delta(o, e)</c>, an update that folds the error into the weight step, and an
    /// array helper. The network hands each the error it computes: a difference at the output neuron, a weighted sum of the next
    /// layer's deltas at a hidden one. <c>__TRAIN__</c> is the body of the network's training step for one sample.
    /// </summary>
    private static string DeltaHelpers(string train) => """
        using System;
        public sealed class Neuron
        {
            public double Output, Delta;
            public double[] Weights = new double[2];
            public void Activate(double[] x)
            {
                double z = 0;
                for (int i = 0; i < x.Length; i++) z += Weights[i] * x[i];
                Output = /*σ*/1.0 / (1.0 + Math.Exp(-z));
            }
            public void CalculateDelta(double error) { Delta = error * Output * (1 - Output); }
        }
        public static class Backprop
        {
            public static double Delta(double output, double error) => error * output * (1 - output);
            public static void Update(double[] w, double[] x, double output, double error, double rate)
            {
                for (int i = 0; i < w.Length; i++) w[i] += rate * error * output * (1 - output) * x[i];
            }
            public static double[] Subtract(double[] a, double[] b)
            {
                var r = new double[a.Length];
                for (int i = 0; i < a.Length; i++) r[i] = a[i] - b[i];
                return r;
            }
            public static double[] OutputDeltas(double[] outputs, double[] errors)
            {
                var d = new double[outputs.Length];
                for (int i = 0; i < d.Length; i++) d[i] = errors[i] * outputs[i] * (1 - outputs[i]);
                return d;
            }
            public static double[] Squash(double[] z)
            {
                var a = new double[z.Length];
                for (int i = 0; i < z.Length; i++) a[i] = /*σ*/1.0 / (1.0 + Math.Exp(-z[i]));
                return a;
            }
        }
        public sealed class Network
        {
            private readonly Neuron hidden = new Neuron();
            private readonly Neuron output = new Neuron();
            public void Train(double[] x, double target, double[] targets, double[] zs, int hits, int n)
            {
                hidden.Activate(x);
                output.Activate(new[] { hidden.Output, 1.0 });
                __TRAIN__
            }
        }
        """.Replace("__TRAIN__", train, StringComparison.Ordinal);

    /// <summary>
    /// Layers as modules behind one interface (a linear map, a sigmoid, a tanh; each with its own <c>Forward</c> and
    /// <c>Backward</c>), run one after another by a loop that carries the activations through them, as the "layers as objects"
    /// networks (and the PyTorch-style ones) write it; the loss is taken on what the loop carries out, its gradient then handed back
    /// through the modules in reverse. The last module the network holds is what the loop's last pass runs.
    /// </summary>
    /// <summary>The loss of <see cref="ModularLayers"/> taken output by output: <paramref name="body"/> runs for each i, with the gradient g and the sum loss.</summary>
    /// <summary>
    /// A network whose forward pass walks its layers with <c>foreach</c>, computing each layer's activations into <c>next</c> by
    /// <paramref name="activation"/> (of <c>z</c>), then <paramref name="carry"/> (which stores into <c>a</c>, the input before the loop);
    /// the loss sums <paramref name="term"/> over <c>p = Forward(x)</c> (or, inside the forward pass, <c>s</c> given <c>y</c>).
    /// </summary>
    private static string CarriedForward(string activation, string carry, string term) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        public sealed class Unit { public int Index; public double Output; }
        public sealed class Dense
        {
            public Dense(int inputs, int outputs) { W = new double[outputs, inputs]; Neurons = Enumerable.Range(0, outputs).Select(j => new Unit { Index = j }).ToList(); }
            public double[,] W { get; }
            public List<Unit> Neurons { get; }
            public bool Skip { get; set; }
        }
        public sealed class Mlp
        {
            private readonly List<Dense> layers = new() { new Dense(2, 3), new Dense(3, 1) };
            private double s;
            public double[] Forward(double[] x, double[] y)
            {
                double[] a = x;
                foreach (var layer in layers)
                {
                    var next = new double[layer.W.GetLength(0)];
                    for (int j = 0; j < next.Length; j++)
                    {
                        double z = 0;
                        for (int i = 0; i < a.Length; i++) z += layer.W[j, i] * a[i];
                        next[j] = {{activation}};
                    }
                    {{carry}}
                }
                return a;
            }
            public double Loss(double[] x, double[] y)
            {
                var p = Forward(x, y);
                for (int k = 0; k < y.Length; k++) s += {{term}};
                return s;
            }
        }
        """;

    /// <summary>
    /// A network of layers made by <paramref name="build"/> from <c>params (int Size, IDerivable Activation)[] shape</c>, each neuron
    /// firing its layer's activation object, the output delta taken by a squared-error function object through the layer's
    /// activation's derivative; a program passes <paramref name="shape"/>. The delta is reported where the last layer is a
    /// <c>Logistic</c> (the marks are written for that case); flow reads every tuple's activation as the last layer's (which
    /// one a foreach's last pass makes is not followed), so a linear output under sigmoid layers is silent, and so is a sigmoid
    /// output under linear layers.
    /// </summary>
    private static string ShapedNetwork(string build, string shape)
    {
        var outputSigmoid = shape.EndsWith("new Logistic()) }", StringComparison.Ordinal) || shape.EndsWith("new Logistic())", StringComparison.Ordinal);
        return $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        public interface IDerivable { double Evaluate(double x); double Derivative(double x); }
        public sealed class Logistic : IDerivable
        {
            public double Evaluate(double x) => {{(outputSigmoid ? ActivationMark : "")}}1.0 / (1.0 + Math.Exp(-x));
            public double Derivative(double x) { var s = Evaluate(x); return s * (1 - s); }
        }
        public sealed class Identity : IDerivable
        {
            public double Evaluate(double x) => x;
            public double Derivative(double x) => 1;
        }
        public sealed class SquaredError
        {
            public double Delta(Neuron output, double target)
            {
                var slope = output.Layer.Activation.Derivative(output.Input);
                return {{(outputSigmoid ? "{|GW1001:slope * (output.Output - target)|}" : "slope * (output.Output - target)")}};
            }
        }
        public sealed class Layer
        {
            public Layer(int size, IDerivable activation) { Activation = activation; Neurons = Enumerable.Range(0, size).Select(_ => new Neuron(this)).ToList(); }
            public IDerivable Activation { get; }
            public List<Neuron> Neurons { get; }
        }
        public sealed class Neuron
        {
            public Neuron(Layer layer) { Layer = layer; }
            public Layer Layer { get; }
            public double Input { get; set; }
            public double Output { get; set; }
            public double Gradient { get; set; }
            public void Fire(double[] x, double[] w) { Input = 0; for (int i = 0; i < x.Length; i++) Input += w[i] * x[i]; Output = Layer.Activation.Evaluate(Input); }
        }
        public sealed class Network
        {
            private readonly List<Layer> layers = new();
            private readonly SquaredError error = new();
            public Network(params (int Size, IDerivable Activation)[] shape)
            {
                {{build}}
            }
            public void Backward(double[] y)
            {
                var last = layers[layers.Count - 1];
                for (int k = 0; k < last.Neurons.Count; k++) last.Neurons[k].Gradient = error.Delta(last.Neurons[k], y[k]);
            }
        }
        public static class Program
        {
            public static void Main() => new Network({{shape}}).Backward(new[] { 1.0 });
        }
        """;
    }

    /// <summary>
    /// A forward pass that fills a local list with (sum, activation) tuples and returns it, and a cost whose loop over
    /// <c>Run(xs)</c> is <paramref name="loop"/> (with <c>cost</c> and the index <c>k</c> declared before it).
    /// </summary>
    private static string TupleTrace(string loop) => $$"""
        using System;
        using System.Collections.Generic;
        public static class Trace
        {
            static List<(double Sum, double Activation)> Run(double[] xs)
            {
                var trace = new List<(double Sum, double Activation)>();
                foreach (var x in xs)
                {
                    var z = 0.5 * x;
                    trace.Add((z, /*σ*/1 / (1 + Math.Exp(-z))));
                }

                return trace;
            }

            public static double Cost(double[] xs, double[] targets)
            {
                double cost = 0;
                var k = 0;
                {{loop}}
                return cost;
            }
        }
        """;

    /// <summary>
    /// Layers whose subclasses override an abstract activation (a sigmoid and a ReLU layer), a network with the members
    /// <paramref name="members"/> and the losses <paramref name="losses"/>, and a program that builds it with <paramref name="build"/>
    /// (on <c>net</c>).
    /// </summary>
    private static string OverridingLayers(string members, string losses, string build) => $$"""
        using System;
        public abstract class Layer
        {
            public double[] Outputs = new double[2];
            public double[] W = new double[2];
            protected abstract double Activate(double z);
            public void Forward(double[] x) { for (int i = 0; i < 2; i++) Outputs[i] = Activate(W[i] * x[i]); }
        }

        public sealed class SigmoidLayer : Layer { protected override double Activate(double z) => /*σ*/1 / (1 + Math.Exp(-z)); }

        public sealed class ReluLayer : Layer { protected override double Activate(double z) => Math.Max(0, z); }

        public sealed class Network
        {
            {{members}}
            {{losses}}
        }

        public static class Program
        {
            public static Network Build() { var net = new Network(); {{build}} return net; }
        }
        """;

    /// <summary>
    /// A neuron whose forward pass stores two values into the two fields <paramref name="fields"/> by one deconstruction of
    /// <paramref name="stored"/>, and whose error is half of <paramref name="loss"/>.
    /// </summary>
    private static string DeconstructingNeuron(string fields, string stored, string loss) => $$"""
        using System;
        public class Neuron
        {
            public double[] Weights = new double[3];
            public double {{fields}};
            public void Forward(double[] x)
            {
                double z = 0;
                for (int i = 0; i < Weights.Length; i++) z += Weights[i] * x[i];
                ({{fields}}) = {{stored}};
            }

            public double Error(double target) => 0.5 * {{loss}};
        }
        """;

    private static string PerOutput(string body) => "var g = new double[p.Length]; double loss = 0; for (int i = 0; i < p.Length; i++) { " + body + " }";

    private static string ModularLayers(string members, string loss) => """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        public interface IModule { double[] Forward(double[] x); double[] Backward(double[] g); double[] Last { get; } }
        public sealed class Linear : IModule
        {
            private readonly double[,] w;
            private double[] x = Array.Empty<double>();
            public Linear(int inputs, int outputs) { w = new double[outputs, inputs]; Last = new double[outputs]; }
            public double[] Last { get; private set; }
            public double[] Forward(double[] input)
            {
                x = input;
                var z = new double[w.GetLength(0)];
                for (int o = 0; o < z.Length; o++) for (int i = 0; i < input.Length; i++) z[o] += w[o, i] * input[i];
                Last = z;
                return z;
            }
            public double[] Backward(double[] g)
            {
                var back = new double[x.Length];
                for (int o = 0; o < g.Length; o++) for (int i = 0; i < x.Length; i++) { back[i] += w[o, i] * g[o]; w[o, i] -= 0.1 * g[o] * x[i]; }
                return back;
            }
        }
        public sealed class SigmoidModule : IModule
        {
            private double[] y = Array.Empty<double>();
            public double[] Last => y;
            public double[] Forward(double[] x)
            {
                y = new double[x.Length];
                for (int i = 0; i < x.Length; i++) y[i] = /*σ*/1.0 / (1.0 + Math.Exp(-x[i]));
                return y;
            }
            public double[] Backward(double[] g)
            {
                var back = new double[g.Length];
                for (int i = 0; i < g.Length; i++) back[i] = g[i] * y[i] * (1 - y[i]);
                return back;
            }
        }
        public sealed class TanhModule : IModule
        {
            private double[] y = Array.Empty<double>();
            public double[] Last => y;
            public double[] Forward(double[] x)
            {
                y = new double[x.Length];
                for (int i = 0; i < x.Length; i++) y[i] = Math.Tanh(x[i]);
                return y;
            }
            public double[] Backward(double[] g)
            {
                var back = new double[g.Length];
                for (int i = 0; i < g.Length; i++) back[i] = g[i] * (1 - y[i] * y[i]);
                return back;
            }
        }
        public sealed class Model
        {
            private readonly List<IModule> modules = new List<IModule>();
            __MEMBERS__
            public double Step(double[] x, double[] t)
            {
                var p = Predict(x);
                __LOSS__
                for (int m = modules.Count - 1; m >= 0; m--) g = modules[m].Backward(g);
                return loss;
            }
        }
        public interface ILoss { double Value(double[] p, double[] t); double[] Gradient(double[] p, double[] t); }
        public sealed class MseLoss : ILoss
        {
            public double Value(double[] p, double[] t) { double s = 0; for (int i = 0; i < p.Length; i++) s += (p[i] - t[i]) * (p[i] - t[i]); return s / p.Length; }
            public double[] Gradient(double[] p, double[] t) { var g = new double[p.Length]; for (int i = 0; i < p.Length; i++) g[i] = 2 * (p[i] - t[i]) / p.Length; return g; }
        }
        public sealed class CrossEntropyLoss : ILoss
        {
            public double Value(double[] p, double[] t) { double s = 0; for (int i = 0; i < p.Length; i++) s -= t[i] * Math.Log(p[i] + 1e-12) + (1 - t[i]) * Math.Log(1 - p[i] + 1e-12); return s / p.Length; }
            public double[] Gradient(double[] p, double[] t) { var g = new double[p.Length]; for (int i = 0; i < p.Length; i++) g[i] = (p[i] - t[i]) / (p[i] * (1 - p[i]) + 1e-12) / p.Length; return g; }
        }
        public enum LossChoice { MeanSquared, CrossEntropy }
        public static class LossChoices
        {
            public static ILoss Create(this LossChoice choice) => choice switch
            {
                LossChoice.MeanSquared => new MseLoss(),
                LossChoice.CrossEntropy => new CrossEntropyLoss(),
                _ => throw new ArgumentOutOfRangeException(nameof(choice)),
            };
        }
        """.Replace("__MEMBERS__", members, StringComparison.Ordinal).Replace("__LOSS__", loss, StringComparison.Ordinal);

    /// <summary>
    /// A builder that adds one layer per size in a counting loop, the activation chosen by a test of the loop's index, and hands
    /// the list to the network with a loss enum: the last iteration's choice is the output layer's.
    /// </summary>
    private static string LayersAddedInLoop(string activation, string site) => """
        using System.Collections.Generic;
        public enum Act { Sigmoid, Relu, Linear }
        public enum Loss { MSE, BCE }
        public sealed class Layer { public Layer(int n, Act a) { } }
        public sealed class Net { public Net(List<Layer> layers, Loss loss) { } }
        public static class Build
        {
            public static Net Make(int[] sizes)
            {
                var layers = new List<Layer>();
                for (int i = 0; i < sizes.Length; i++)
                {
                    layers.Add(new Layer(sizes[i], __ACTIVATION__));
                }

                return __SITE__;
            }
        }
        """.Replace("__ACTIVATION__", activation, StringComparison.Ordinal).Replace("__SITE__", site, StringComparison.Ordinal);

    /// <summary>
    /// A hand-rolled builder API (layers configured by an activation enum, a model made from a list of layers and a loss enum),
    /// the list of layers built away from the call that hands it over: by a method that fills a list one layer at a time and
    /// returns it, and in a field the constructor fills. The last layer added decides.
    /// </summary>
    private static string LayersBuiltElsewhere(string hidden, string last, string site) => """
        using System.Collections.Generic;
        public enum Activation { Relu, Tanh, Linear, Sigmoid }
        public enum LossType { MSE, BinaryCrossEntropy }
        public class Layer { public Layer(int size, Activation activation) { } }
        public class Model { public Model(IReadOnlyList<Layer> layers, LossType loss) { } }
        public sealed class Experiment
        {
            private readonly List<Layer> layers = new();
            public Experiment(int width)
            {
                layers.Add(new Layer(width, __HIDDEN__));
                layers.Add(new Layer(1, __LAST__));
            }
            private static List<Layer> Layers(int width)
            {
                var built = new List<Layer>();
                built.Add(new Layer(width, __HIDDEN__));
                built.Add(new Layer(1, __LAST__));
                return built;
            }
            public Model Build() => __SITE__;
        }
        """.Replace("__HIDDEN__", hidden, StringComparison.Ordinal).Replace("__LAST__", last, StringComparison.Ordinal).Replace("__SITE__", site, StringComparison.Ordinal);

    /// <summary>
    /// Layers behind an <c>ILayer</c> interface whose <c>Outputs</c> each layer class implements its own way (a computed property
    /// over a field in the sigmoid layer, a get-only auto-property in the dense one), kept in a list the network fills, and a loss
    /// on the last layer's outputs read through the interface. Which layer is last decides: the last one added, or the last one
    /// of an initializer.
    /// </summary>
    private static string InterfaceLayers(string fill, string read, string site) => """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        public interface ILayer { double[] Outputs { get; } void Forward(double[] input); }
        public sealed class DenseLayer : ILayer
        {
            private readonly double[,] w;
            public DenseLayer(int inputs, int outputs) { w = new double[outputs, inputs]; Outputs = new double[outputs]; }
            public double[] Outputs { get; }
            public void Forward(double[] input)
            {
                for (int j = 0; j < Outputs.Length; j++)
                {
                    double z = 0;
                    for (int k = 0; k < input.Length; k++) z += w[j, k] * input[k];
                    Outputs[j] = z;
                }
            }
        }
        public sealed class SigmoidLayer : ILayer
        {
            private readonly double[] a;
            public SigmoidLayer(int width) { a = new double[width]; }
            public double[] Outputs => a;
            public void Forward(double[] input) { for (int j = 0; j < a.Length; j++) a[j] = /*σ*/1.0 / (1.0 + Math.Exp(-input[j])); }
        }
        public sealed class Network
        {
            private List<ILayer> layers = new();
            // __MEMBERS__
            public Network(int inputs, int hidden, int outputs) { __FILL__ }
            public double[] Predict(double[] x)
            {
                var a = x;
                foreach (var layer in layers) { layer.Forward(a); a = layer.Outputs; }
                return a;
            }
            public double Loss(double[] x, double[] y)
            {
                Predict(x);
                __READ__
                double loss = 0;
                for (int k = 0; k < y.Length; k++) loss += __SITE__;
                return loss / y.Length;
            }
        }
        """.Replace("__FILL__", fill, StringComparison.Ordinal).Replace("__READ__", read, StringComparison.Ordinal).Replace("__SITE__", site, StringComparison.Ordinal);

    /// <summary>
    /// Nodes behind an <c>INode</c> interface with a logistic and a tanh implementation, an output layer that fills its list with
    /// one kind in a loop, and the output deltas written per node in a <c>foreach</c>: the slope the node's own class gives at its
    /// output, times the error.
    /// </summary>
    private static string NodeList(string node, string site) => """
        using System;
        using System.Collections.Generic;
        public interface INode { double Output { get; } void Fire(double z); double Slope(double y); }
        public sealed class LogisticNode : INode
        {
            public double Output { get; private set; }
            public void Fire(double z) => Output = /*σ*/1 / (1 + Math.Exp(-z));
            public double Slope(double y) => y * (1 - y);
        }
        public sealed class TanhNode : INode
        {
            public double Output { get; private set; }
            public void Fire(double z) => Output = Math.Tanh(z);
            public double Slope(double y) => 1 - y * y;
        }
        public sealed class OutputLayer
        {
            private readonly List<INode> nodes = new();
            public OutputLayer(int width) { for (int i = 0; i < width; i++) nodes.Add(new __NODE__()); }
            public void Fire(double[] z) { for (int i = 0; i < z.Length; i++) nodes[i].Fire(z[i]); }
            public double[] Deltas(double[] targets)
            {
                var deltas = new double[nodes.Count];
                int k = 0;
                foreach (var node in nodes)
                {
                    deltas[k] = __SITE__;
                    k++;
                }
                return deltas;
            }
        }
        """.Replace("__NODE__", node, StringComparison.Ordinal).Replace("__SITE__", site, StringComparison.Ordinal);

    /// <summary>
    /// A unit as an abstract class whose <c>Output</c> is an abstract property, overridden by a sigmoid unit (over a field its
    /// <c>Fire</c> writes) and a linear one (an auto-property), and a trainer holding one unit in a field.
    /// </summary>
    private static string AbstractUnits(string made, string site) => """
        using System;
        public abstract class Unit
        {
            public abstract double Output { get; }
            public abstract void Fire(double z);
        }
        public sealed class SigmoidUnit : Unit
        {
            private double y;
            public override double Output => y;
            public override void Fire(double z) => y = /*σ*/1 / (1 + Math.Exp(-z));
        }
        public sealed class LinearUnit : Unit
        {
            public override double Output { get; } = 0;
            private double last;
            public override void Fire(double z) => last = z;
        }
        public sealed class Trainer
        {
            private readonly Unit unit = new __MADE__();
            public double Loss(double z, double target)
            {
                unit.Fire(z);
                return __SITE__;
            }
        }
        """.Replace("__MADE__", made, StringComparison.Ordinal).Replace("__SITE__", site, StringComparison.Ordinal);

    /// <summary>
    /// Interfaces all the way down: units behind <c>IUnit</c> in stages behind <c>IStage</c>, an <c>IActivation</c> object held in a
    /// get-only property and handed to every unit, the output read back through <c>LastOutput</c>, and the delta written in a
    /// <c>Parallel.For</c> lambda as the activation object's slope at the output times the error. The slope is y·(1 − y) for the one
    /// activation the property holds, so the delta is σ' by its shape; the read of <c>IUnit.LastOutput</c> is followed to the
    /// implementing property's write, the activation object's <c>Apply</c>, so the diagnostic points at the logistic function.
    /// </summary>
    private static string InterfaceStages(string activation, string site) => """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        public interface IActivation { float Apply(float x); float Slope(float y); }
        public sealed class Logistic : IActivation
        {
            public float Apply(float x) => /*σ*/1f / (1f + MathF.Exp(-x));
            public float Slope(float y) => y * (1f - y);
        }
        public sealed class Tanh : IActivation
        {
            public float Apply(float x) => MathF.Tanh(x);
            public float Slope(float y) => 1f - y * y;
        }
        public interface IUnit { float[] Weights { get; } float LastOutput { get; } float Fire(IList<float> inputs); }
        public sealed class Unit : IUnit
        {
            private readonly IActivation activation;
            public Unit(int inputs, IActivation activation) { Weights = new float[inputs]; this.activation = activation; }
            public float[] Weights { get; }
            public float LastOutput { get; private set; }
            public float Fire(IList<float> inputs)
            {
                float sum = 0;
                for (int k = 0; k < inputs.Count; k++) sum += Weights[k] * inputs[k];
                LastOutput = activation.Apply(sum);
                return LastOutput;
            }
        }
        public interface IStage { int Width { get; } IUnit[] Units { get; } }
        public sealed class Stage : IStage
        {
            public Stage(int width, IUnit[] units) { Width = width; Units = units; }
            public int Width { get; }
            public IUnit[] Units { get; }
        }
        public sealed class Mlp
        {
            public IList<IStage> Stages { get; }
            public IActivation Activation { get; }
            public Mlp(int inputs, IList<int> widths)
            {
                Stages = new Stage[widths.Count];
                Activation = new __ACTIVATION__();
                for (int s = 0; s < widths.Count; s++)
                {
                    var units = new IUnit[widths[s]];
                    for (int u = 0; u < widths[s]; u++) units[u] = new Unit(s == 0 ? inputs : widths[s - 1], Activation);
                    Stages[s] = new Stage(widths[s], units);
                }
            }
            public IList<float> Run(IList<float> x)
            {
                IList<float> current = x;
                for (int s = 0; s < Stages.Count; s++)
                {
                    var next = new float[Stages[s].Width];
                    Parallel.For(0, Stages[s].Width, u => next[u] = Stages[s].Units[u].Fire(current));
                    current = next;
                }
                return current;
            }
            public float[][] Deltas(IList<float> x, IList<float> wanted)
            {
                Run(x);
                int last = Stages.Count - 1;
                var deltas = new float[Stages.Count][];
                for (int s = 0; s < Stages.Count; s++) deltas[s] = new float[Stages[s].Width];
                Parallel.For(0, Stages[last].Width, u =>
                {
                    float y = Stages[last].Units[u].LastOutput;
                    deltas[last][u] = __SITE__;
                });
                return deltas;
            }
        }
        """.Replace("__ACTIVATION__", activation, StringComparison.Ordinal).Replace("__SITE__", site, StringComparison.Ordinal);

    /// <summary>
    /// A cell that knows its tier: the squash (an abstract class with a logistic and a linear subclass) is the tier's field, chosen
    /// per tier where the tiers are made, and the output cell's blame is the squash's slope at the output times the error.
    /// </summary>
    private static string BackReferenceCells(string topSquash, string site) => """
        using System;
        using System.Collections.Generic;
        public abstract class Squash { public abstract double Forward(double x); public abstract double Back(double y); }
        public sealed class LogisticSquash : Squash
        {
            public override double Forward(double x) => /*σ*/1.0 / (1.0 + Math.Exp(-x));
            public override double Back(double y) => y * (1.0 - y);
        }
        public sealed class LinearSquash : Squash
        {
            public override double Forward(double x) => x;
            public override double Back(double y) => 1.0;
        }
        public class Cell
        {
            private readonly Tier tier;
            public double output, error;
            public List<double> weights = new List<double>();
            public Cell(Tier tier) { this.tier = tier; }
            public void Fire(List<double> inputs)
            {
                double sum = 0;
                for (int i = 0; i < inputs.Count; i++) sum += weights[i] * inputs[i];
                output = tier.squash.Forward(sum);
            }
            public double Blame(double target)
            {
                error = __SITE__;
                return error;
            }
        }
        public class Tier
        {
            public Squash squash;
            public List<Cell> cells = new List<Cell>();
            public Tier(int n, Squash squash) { this.squash = squash; for (int i = 0; i < n; i++) cells.Add(new Cell(this)); }
        }
        public static class Program
        {
            public static void Main()
            {
                var hidden = new Tier(4, new LinearSquash());
                var top = new Tier(1, new __TOP__());
                top.cells[0].Fire(new List<double> { 1, 2 });
                top.cells[0].Blame(1.0);
            }
        }
        """.Replace("__TOP__", topSquash, StringComparison.Ordinal).Replace("__SITE__", site, StringComparison.Ordinal);

    /// <summary>
    /// An activation object and a loss object, both behind interfaces: the node holds its activation in a field set by its
    /// constructor, the loss is handed to the method that computes the output gradient, and the gradient is the activation's
    /// derivative at the output times the loss's derivative, which for squared error is 2·(o − t).
    /// </summary>
    private static string LossObjects(string activation, string loss, string site, string extraCall = "") => """
        using System;
        public interface IActivation { double Activate(double x); double Derivative(double y); }
        public sealed class SigmoidActivation : IActivation
        {
            public double Activate(double x) => /*σ*/1.0 / (1.0 + Math.Exp(-x));
            public double Derivative(double y) => y * (1.0 - y);
        }
        public sealed class TanhActivation : IActivation
        {
            public double Activate(double x) => Math.Tanh(x);
            public double Derivative(double y) => 1.0 - y * y;
        }
        public interface ILoss { double Value(double output, double target); double Derivative(double output, double target); }
        public sealed class MeanSquared : ILoss
        {
            public double Value(double output, double target) => (output - target) * (output - target);
            public double Derivative(double output, double target) => 2 * (output - target);
        }
        public sealed class BinaryCrossEntropy : ILoss
        {
            public double Value(double output, double target) => -(target * Math.Log(output) + (1 - target) * Math.Log(1 - output));
            public double Derivative(double output, double target) => (output - target) / (output * (1 - output));
        }
        public sealed class Node
        {
            private readonly IActivation activation;
            public double Output, Gradient;
            public double[] Weights;
            public Node(int inputs, IActivation activation) { Weights = new double[inputs]; this.activation = activation; }
            public double Forward(double[] x)
            {
                double z = 0;
                for (int i = 0; i < x.Length; i++) z += Weights[i] * x[i];
                Output = activation.Activate(z);
                return Output;
            }
            public double OutputGradient(double target, ILoss loss)
            {
                Gradient = __SITE__;
                return Gradient;
            }
        }
        public static class Program
        {
            public static void Main()
            {
                var node = new Node(2, new __ACTIVATION__());
                node.Forward(new[] { 1.0, 2.0 });
                node.OutputGradient(1.0, new __LOSS__());__EXTRA__
            }
        }
        """.Replace("__ACTIVATION__", activation, StringComparison.Ordinal).Replace("__LOSS__", loss, StringComparison.Ordinal)
            .Replace("__SITE__", site, StringComparison.Ordinal).Replace("__EXTRA__", extraCall, StringComparison.Ordinal);

    /// <summary>The marker written just before the sigmoid (softmax) each positive's diagnostic must point at as its additional location.</summary>
    private const string ActivationMark = "/*σ*/";

    internal static string Plain(string marked) =>
        System.Text.RegularExpressions.Regex.Replace(marked, @"\{\|[A-Z]+[0-9]+:|\|\}", string.Empty);

    /// <summary>Each diagnostic's additional location starts where a <see cref="ActivationMark"/> ends (none when the project has no mark: the shape alone).</summary>
    private static void AssertActivationLocations(string shape, string[] files, params Microsoft.CodeAnalysis.MetadataReference[] references)
    {
        var plain = files.Select(Plain).ToArray();
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "Shapes",
            plain.Select((text, i) => Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(text, TestCompilation.ParseOptions, path: "File" + i + ".cs")),
            TestCompilation.References.Concat(references),
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
        var marks = plain.SelectMany((text, i) => System.Text.RegularExpressions.Regex.Matches(text, System.Text.RegularExpressions.Regex.Escape(ActivationMark)).Select(m => ("File" + i + ".cs", m.Index + m.Length))).ToList();
        var diagnostics = AnalyzerRunner.Run(compilation, new Gradwise.Rules.SquaredErrorAnalyzer()).Diagnostics.Where(d => d.Id.StartsWith("GW", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(diagnostics);
        foreach (var diagnostic in diagnostics)
        {
            if (marks.Count == 0)
            {
                Assert.Empty(diagnostic.AdditionalLocations);
                continue;
            }

            var location = Assert.Single(diagnostic.AdditionalLocations.Take(1));
            var at = (location.SourceTree!.FilePath, location.SourceSpan.Start);
            Assert.True(marks.Contains(at), $"{shape}: the additional location is '{location.SourceTree.GetText().ToString(location.SourceSpan)}' at {location.GetLineSpan()}, not at a {ActivationMark} mark");
        }
    }

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
