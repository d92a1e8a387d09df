namespace Gradwise.Benchmarks.Synthetic;

/// <summary>
/// File templates for the synthetic projects: machine-learning code in the shapes course and hobby
/// projects have (and their look-alikes), and ordinary application code.
/// </summary>
internal static class Templates
{
    /// <summary>Without Gradwise the project declares the attributes itself, so both builds compile the same methods.</summary>
    public const string AttributesWithoutGradwise = """
        #if !GRADWISE
        namespace Gradwise
        {
            [System.AttributeUsage(System.AttributeTargets.Method)]
            internal sealed class DifferentiableAttribute : System.Attribute { }

            [System.AttributeUsage(System.AttributeTargets.Parameter)]
            internal sealed class NoGradientAttribute : System.Attribute { }
        }
        #endif

        """;

    public static string SharedOutputNeurons(Shape s) => $$"""
        using System;
        using System.Collections.Generic;

        namespace Synthetic.Networks{{s.Id}};

        public class Neuron
        {
            public double Output;
            public double Net;
            public double Delta;
            public double[] Weights;
            public double Bias;
        }

        public class Layer
        {
            public List<Neuron> Neurons = new List<Neuron>();
            public bool IsInput;

            public Layer(int size, int inputs, Random random)
            {
                for (int n = 0; n < size; n++)
                {
                    var neuron = new Neuron { Weights = new double[inputs] };
                    for (int j = 0; j < inputs; j++) neuron.Weights[j] = random.NextDouble() - 0.5;
                    Neurons.Add(neuron);
                }
            }

            static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));

            public void Forward(double[] input)
            {
                for (int n = 0; n < Neurons.Count; n++)
                {
                    if (IsInput) { Neurons[n].Output = input[n]; continue; }
                    double sum = Neurons[n].Bias;
                    for (int j = 0; j < input.Length; j++) sum += Neurons[n].Weights[j] * input[j];
                    Neurons[n].Net = sum;
                    Neurons[n].Output = Sigmoid(sum);
                }
            }
        }

        public class Network
        {
            private readonly List<Layer> layers = new List<Layer>();
            private readonly double rate = {{s.Constant(0.01, 0.5)}};

            public Network(Random random)
            {
                layers.Add(new Layer({{s.Size(2, 8)}}, 0, random) { IsInput = true });
                layers.Add(new Layer({{s.Size(3, 12)}}, {{s.Size(2, 8)}}, random));
                layers.Add(new Layer({{s.Size(1, 4)}}, {{s.Size(3, 12)}}, random));
            }

            public double Error(double[] targets)
            {
                var output = layers[layers.Count - 1];
                double error = 0;
                for (int i = 0; i < output.Neurons.Count; i++)
                {
                    double diff = targets[i] - output.Neurons[i].Output;
                    error += diff * diff;
                }
                return error / 2;
            }

            public void Backward(double[] targets)
            {
                var output = layers[^1];
                for (int i = 0; i < output.Neurons.Count; i++)
                {
                    var o = output.Neurons[i].Output;
                    output.Neurons[i].Delta = (targets[i] - o) * o * (1 - o);
                }
                for (int l = layers.Count - 2; l > 0; l--)
                {
                    foreach (var neuron in layers[l].Neurons)
                    {
                        double sum = 0;
                        foreach (var next in layers[l + 1].Neurons) sum += next.Delta * next.Weights[0];
                        neuron.Delta = sum * neuron.Output * (1 - neuron.Output);
                    }
                }
                foreach (var neuron in output.Neurons)
                {
                    for (int j = 0; j < neuron.Weights.Length; j++) neuron.Weights[j] += rate * neuron.Delta;
                    neuron.Bias += rate * neuron.Delta;
                }
            }
        {{s.Repeat(1, 4, i => $$"""

            public double Momentum{{i}}(double velocity, double gradient) => {{s.Constant(0.5, 0.95)}} * velocity - rate * gradient;
        """)}}
        }

        """;

    public static string ClippedSigmoidNetwork(Shape s) => $$"""
        using System;

        namespace Synthetic.Clipped{{s.Id}};

        public sealed class Perceptron
        {
            private readonly double[] weights;
            private double bias;

            public Perceptron(int inputs) { weights = new double[inputs]; }

            private static double Activate(double x) => x switch
            {
                < -{{s.Size(20, 45)}} => 0,
                > {{s.Size(20, 45)}} => 1,
                _ => 1 / (1 + Math.Exp(-x)),
            };

            public double Predict(double[] x)
            {
                double z = bias;
                for (int j = 0; j < weights.Length; j++) z += weights[j] * x[j];
                return Activate(z);
            }

            public static double MeanSquaredError(double[] predicted, double[] actual)
            {
                double total = 0;
                for (int i = 0; i < predicted.Length; i++) total += (predicted[i] - actual[i]) * (predicted[i] - actual[i]);
                return total / predicted.Length;
            }

            public double Train(double[][] xs, double[] ys, int epochs)
            {
                var predictions = new double[ys.Length];
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    for (int i = 0; i < xs.Length; i++)
                    {
                        predictions[i] = Predict(xs[i]);
                        double gradient = (predictions[i] - ys[i]) * predictions[i] * (1 - predictions[i]);
                        for (int j = 0; j < weights.Length; j++) weights[j] -= {{s.Constant(0.01, 0.3)}} * gradient * xs[i][j];
                        bias -= {{s.Constant(0.01, 0.3)}} * gradient;
                    }
                }
                return MeanSquaredError(predictions, ys);
            }
        {{s.Repeat(1, 3, i => $$"""

            public double Scaled{{i}}(double[] x) => Predict(x) * {{s.Constant(1, 10)}} + {{s.Constant(-1, 1)}};
        """)}}
        }

        """;

    public static string InterfaceActivation(Shape s) => $$"""
        using System;

        namespace Synthetic.Activations{{s.Id}};

        public interface IActivation
        {
            double Apply(double x);
            double Derivative(double y);
        }

        public sealed class Logistic : IActivation
        {
            public double Apply(double x) => 1.0 / (1.0 + Math.Exp(-x));
            public double Derivative(double y) => y * (1 - y);
        }

        public sealed class HyperbolicTangent : IActivation
        {
            public double Apply(double x) => Math.Tanh(x);
            public double Derivative(double y) => 1 - y * y;
        }

        public sealed class DenseLayer
        {
            private readonly IActivation activation;
            public double[] Outputs;
            public double[,] Weights;

            public DenseLayer(int inputs, int outputs, IActivation activation)
            {
                this.activation = activation;
                Outputs = new double[outputs];
                Weights = new double[outputs, inputs];
            }

            public double[] Forward(double[] input)
            {
                for (int o = 0; o < Outputs.Length; o++)
                {
                    double z = 0;
                    for (int i = 0; i < input.Length; i++) z += Weights[o, i] * input[i];
                    Outputs[o] = activation.Apply(z);
                }
                return Outputs;
            }

            public double[] Gradient(double[] targets)
            {
                var deltas = new double[Outputs.Length];
                for (int o = 0; o < Outputs.Length; o++)
                {
                    deltas[o] = (Outputs[o] - targets[o]) * activation.Derivative(Outputs[o]);
                }
                return deltas;
            }
        }

        public static class Factory{{s.Id}}
        {
            public static DenseLayer Output(int inputs, int outputs) => new DenseLayer(inputs, outputs, new Logistic());
            public static DenseLayer Hidden(int inputs, int outputs) => new DenseLayer(inputs, outputs, new HyperbolicTangent());

            public static double Loss(DenseLayer layer, double[] targets)
            {
                double loss = 0;
                for (int o = 0; o < targets.Length; o++) loss += Math.Pow(layer.Outputs[o] - targets[o], 2);
                return loss;
            }
        {{s.Repeat(1, 3, i => $$"""

            public static double Blend{{i}}(double a, double b) => a * {{s.Constant(0, 1)}} + b * (1 - {{s.Constant(0, 1)}});
        """)}}
        }

        """;

    public static string DelegateActivation(Shape s) => $$"""
        using System;

        namespace Synthetic.Delegates{{s.Id}};

        public sealed class Unit
        {
            private readonly Func<double, double> activation;
            private readonly double[] weights;
            public double Output { get; private set; }

            public Unit(int inputs, Func<double, double> activation = null)
            {
                weights = new double[inputs];
                this.activation = activation ?? (x => 1 / (1 + Math.Exp(-x)));
            }

            public double Fire(double[] x)
            {
                double z = 0;
                for (int i = 0; i < x.Length; i++) z += weights[i] * x[i];
                Output = activation(z);
                return Output;
            }

            public double Cost(double target) => 0.5 * (Output - target) * (Output - target);

            public double Error(double target) => Math.Abs(Output - target);
        {{s.Repeat(1, 3, i => $$"""

            public double Decay{{i}}(double rate, int step) => rate * Math.Pow({{s.Constant(0.9, 0.99)}}, step);
        """)}}
        }

        public static class Units{{s.Id}}
        {
            public static Unit Linear(int inputs) => new Unit(inputs, x => x);
            public static Unit Rectified(int inputs) => new Unit(inputs, x => Math.Max(0, x));
        }

        """;

    public static string EnumSelectedActivation(Shape s) => $$"""
        using System;

        namespace Synthetic.Configured{{s.Id}};

        public enum ActivationKind { Sigmoid, Tanh, Relu, Identity }

        public sealed class Options
        {
            public ActivationKind Output { get; set; } = ActivationKind.{{s.Pick("Sigmoid", "Identity", "Tanh")}};
            public double LearningRate { get; set; } = {{s.Constant(0.001, 0.1)}};
        }

        public sealed class Model
        {
            private readonly Options options;
            private readonly double[] weights;
            private double prediction;

            public Model(Options options, int inputs) { this.options = options; weights = new double[inputs]; }

            private double Activate(double z) => options.Output switch
            {
                ActivationKind.Sigmoid => 1 / (1 + Math.Exp(-z)),
                ActivationKind.Tanh => Math.Tanh(z),
                ActivationKind.Relu => Math.Max(0, z),
                _ => z,
            };

            public double Step(double[] x, double y)
            {
                double z = 0;
                for (int i = 0; i < x.Length; i++) z += weights[i] * x[i];
                prediction = Activate(z);
                double error = prediction - y;
                double loss = error * error;
                for (int i = 0; i < x.Length; i++) weights[i] -= options.LearningRate * 2 * error * x[i];
                return loss;
            }
        {{s.Repeat(1, 3, i => $$"""

            public double Norm{{i}}() { double n = 0; foreach (var w in weights) n += w * w; return Math.Sqrt(n) * {{s.Constant(0.5, 2)}}; }
        """)}}
        }

        """;

    public static string LinqSoftmax(Shape s) => $$"""
        using System;
        using System.Linq;

        namespace Synthetic.Softmax{{s.Id}};

        public sealed class Classifier
        {
            private readonly double[][] weights;
            public double[] Probabilities;

            public Classifier(int classes, int features)
            {
                weights = Enumerable.Range(0, classes).Select(_ => new double[features]).ToArray();
                Probabilities = new double[classes];
            }

            public double[] Predict(double[] x)
            {
                var scores = weights.Select(w => w.Zip(x, (a, b) => a * b).Sum()).ToArray();
                var max = scores.Max();
                var exps = scores.Select(v => Math.Exp(v - max)).ToArray();
                var sum = exps.Sum();
                var probs = exps.Select(e => e / sum).ToArray();
                Array.Copy(probs, Probabilities, probs.Length);
                return probs;
            }

            public double SquaredLoss(double[] oneHot)
            {
                double loss = 0;
                for (int k = 0; k < oneHot.Length; k++) loss += (Probabilities[k] - oneHot[k]) * (Probabilities[k] - oneHot[k]);
                return loss;
            }

            public double CrossEntropy(int label) => -Math.Log(Probabilities[label] + 1e-12);
        {{s.Repeat(1, 3, i => $$"""

            public double Entropy{{i}}() => -Probabilities.Sum(p => p * Math.Log(p + {{s.Constant(1e-9, 1e-6)}}));
        """)}}
        }

        """;

    public static string LinearRegression(Shape s) => $$"""
        using System;

        namespace Synthetic.Regression{{s.Id}};

        public sealed class LinearRegression
        {
            public double Slope;
            public double Intercept;

            public double Predict(double x) => Slope * x + Intercept;

            public double Fit(double[] xs, double[] ys, int epochs)
            {
                double loss = 0;
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    double gradSlope = 0, gradIntercept = 0;
                    loss = 0;
                    for (int i = 0; i < xs.Length; i++)
                    {
                        double residual = Predict(xs[i]) - ys[i];
                        loss += residual * residual;
                        gradSlope += 2 * residual * xs[i];
                        gradIntercept += 2 * residual;
                    }
                    Slope -= {{s.Constant(0.001, 0.05)}} * gradSlope / xs.Length;
                    Intercept -= {{s.Constant(0.001, 0.05)}} * gradIntercept / xs.Length;
                }
                return loss / xs.Length;
            }

            public static double Variance(double[] values)
            {
                double mean = 0;
                foreach (var v in values) mean += v;
                mean /= values.Length;
                double total = 0;
                foreach (var v in values) total += (v - mean) * (v - mean);
                return total / values.Length;
            }
        {{s.Repeat(1, 3, i => $$"""

            public double Residual{{i}}(double x, double y) => Math.Pow(Predict(x) - y, 2) * {{s.Constant(0.5, 1)}};
        """)}}
        }

        """;

    public static string LogisticRegressionWithCrossEntropy(Shape s) => $$"""
        using System;

        namespace Synthetic.Logistic{{s.Id}};

        public sealed class LogisticRegression
        {
            private readonly double[] w;
            private readonly double lambda = {{s.Constant(0.0001, 0.01)}};

            public LogisticRegression(int features) { w = new double[features]; }

            private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

            public double Probability(double[] x)
            {
                double z = 0;
                for (int j = 0; j < w.Length; j++) z += w[j] * x[j];
                return Sigmoid(z);
            }

            public double Step(double[] x, int y, double rate)
            {
                double p = Probability(x);
                double loss = -(y * Math.Log(p + 1e-12) + (1 - y) * Math.Log(1 - p + 1e-12));
                double error = p - y;
                for (int j = 0; j < w.Length; j++) w[j] -= rate * (error * x[j] + lambda * w[j]);
                return loss;
            }

            public double Variance(double[] x)
            {
                double p = Probability(x);
                return p * (1 - p);
            }

            public double IrlsWeight(double[] x) { var p = Probability(x); return p * (1 - p) * {{s.Constant(0.5, 2)}}; }
        {{s.Repeat(1, 3, i => $$"""

            public double Odds{{i}}(double[] x) { var p = Probability(x); return p / (1 - p + {{s.Constant(1e-9, 1e-6)}}); }
        """)}}
        }

        """;

    public static string DifferentiableLosses(Shape s) => $$"""
        using System;
        using Gradwise;

        namespace Synthetic.Losses{{s.Id}};

        public static partial class Losses
        {
            [Differentiable]
            public static double LogLoss([NoGradient] double y, double z) => Math.Log(1 + Math.Exp(-z)) + (1 - y) * z;

            [Differentiable]
            public static double Huber([NoGradient] double y, double z) => Math.Abs(z - y) <= {{s.Constant(0.5, 2)}} ? 0.5 * (z - y) * (z - y) : Math.Abs(z - y) - 0.5;

            [Differentiable]
            public static double Ridge(ReadOnlySpan<double> w, [NoGradient] ReadOnlySpan<double> x, [NoGradient] double y)
            {
                double z = 0;
                for (int i = 0; i < w.Length; i++) z += w[i] * x[i];
                double penalty = 0;
                for (int i = 0; i < w.Length; i++) penalty += w[i] * w[i];
                return (z - y) * (z - y) + {{s.Constant(0.001, 0.1)}} * penalty;
            }
        }

        """;

    public static string MlNetPipeline(Shape s) => $$"""
        using Microsoft.ML;
        using Microsoft.ML.Data;
        using Microsoft.ML.Trainers.FastTree;

        namespace Synthetic.Pipelines{{s.Id}};

        public sealed class Review
        {
            public string Text { get; set; }
            public string Category { get; set; }
            public float Rating { get; set; }
            public bool Label { get; set; }
        }

        public static class Pipelines
        {
            public static IEstimator<ITransformer> Features(MLContext ml) =>
                ml.Transforms.Text.FeaturizeText("TextFeatures", nameof(Review.Text))
                    .Append(ml.Transforms.Categorical.OneHotEncoding("CategoryFeatures", nameof(Review.Category)))
                    .Append(ml.Transforms.Concatenate("Features", "TextFeatures", "CategoryFeatures", nameof(Review.Rating)));

            public static ITransformer Train(MLContext ml, IDataView data)
            {
                var pipeline = Features(ml).Append({{s.Pick(
                    "ml.BinaryClassification.Trainers.SdcaLogisticRegression(l2Regularization: 0)",
                    "ml.BinaryClassification.Trainers.SdcaLogisticRegression(l2Regularization: 0.01f)",
                    "ml.BinaryClassification.Trainers.AveragedPerceptron()",
                    "ml.BinaryClassification.Trainers.FastTree(numberOfLeaves: 31)",
                    "ml.BinaryClassification.Trainers.LbfgsLogisticRegression()")}});
                return pipeline.Fit(data);
            }

            public static double Accuracy(MLContext ml, ITransformer model, IDataView test)
            {
                var metrics = ml.BinaryClassification.Evaluate(model.Transform(test));
                return metrics.Accuracy * {{s.Size(1, 100)}};
            }
        }

        """;

    public static string HashedSgd(Shape s) => $$"""
        using System;
        using System.Collections.Generic;

        namespace Synthetic.Sparse{{s.Id}};

        public sealed class HashedLogistic
        {
            private readonly double[] weights = new double[1 << {{s.Size(12, 20)}}];
            private double bias;

            private int Bucket(string token) => (token.GetHashCode() & 0x7fffffff) % weights.Length;

            public double Predict(IEnumerable<string> tokens)
            {
                double z = bias;
                foreach (var token in tokens) z += weights[Bucket(token)];
                return 1.0 / (1.0 + Math.Exp(-z));
            }

            public void Learn(string text, bool label, double rate)
            {
                var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var error = (label ? 1 : 0) - Predict(tokens);
                foreach (var token in tokens)
                {
                    int h = Bucket(token);
                    weights[h] += rate * {{s.Pick("error", "(error - 1e-4 * weights[h])")}};
                }

                bias += rate * error;
            }
        }

        public sealed class Vocabulary
        {
            private readonly Dictionary<string, double> counts = new Dictionary<string, double>();

            public void Add(string text)
            {
                foreach (var word in text.Split(' ')) counts[word] = counts.GetValueOrDefault(word) + {{s.Size(1, 3)}};
            }

            public double Frequency(string word) => counts.GetValueOrDefault(word);
        }

        """;

    public static string NumericUtilities(Shape s) => $$"""
        using System;

        namespace Synthetic.Numerics{{s.Id}};

        public static class Matrix
        {
            public static double[,] Multiply(double[,] a, double[,] b)
            {
                int n = a.GetLength(0), m = b.GetLength(1), k = a.GetLength(1);
                var c = new double[n, m];
                for (int i = 0; i < n; i++)
                    for (int j = 0; j < m; j++)
                    {
                        double sum = 0;
                        for (int t = 0; t < k; t++) sum += a[i, t] * b[t, j];
                        c[i, j] = sum;
                    }
                return c;
            }

            public static double Dot(double[] a, double[] b)
            {
                double sum = 0;
                for (int i = 0; i < a.Length; i++) sum += a[i] * b[i];
                return sum;
            }

            public static double Distance(double[] a, double[] b)
            {
                double sum = 0;
                for (int i = 0; i < a.Length; i++) { var d = a[i] - b[i]; sum += d * d; }
                return Math.Sqrt(sum);
            }

            public static double Gaussian(double x, double mean, double sigma) =>
                Math.Exp(-(x - mean) * (x - mean) / (2 * sigma * sigma)) / (sigma * Math.Sqrt(2 * Math.PI));
        {{s.Repeat(2, 6, i => $$"""

            public static double Poly{{i}}(double x) => {{s.Constant(-2, 2)}} * x * x * x + {{s.Constant(-2, 2)}} * x * x + x * {{s.Constant(-2, 2)}};
        """)}}
        }

        """;

    public static string OrderService(Shape s) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;

        namespace Synthetic.Orders{{s.Id}};

        public sealed record OrderLine(string Sku, int Quantity, decimal UnitPrice);

        public sealed record Order(Guid Id, string Customer, DateTime Placed, IReadOnlyList<OrderLine> Lines);

        public interface IOrderRepository
        {
            IEnumerable<Order> Find(string customer);
            void Save(Order order);
        }

        public sealed class InMemoryOrders : IOrderRepository
        {
            private readonly Dictionary<Guid, Order> orders = new Dictionary<Guid, Order>();
            public IEnumerable<Order> Find(string customer) => orders.Values.Where(o => o.Customer == customer);
            public void Save(Order order) => orders[order.Id] = order;
        }

        public sealed class OrderService
        {
            private readonly IOrderRepository repository;
            private readonly decimal taxRate = {{s.Constant(0.05, 0.25)}}m;

            public OrderService(IOrderRepository repository) { this.repository = repository; }

            public decimal Total(Order order) => order.Lines.Sum(l => l.Quantity * l.UnitPrice) * (1 + taxRate);

            public decimal Discounted(Order order, decimal percent)
            {
                if (percent < 0 || percent > 100) throw new ArgumentOutOfRangeException(nameof(percent));
                return Total(order) * (100 - percent) / 100;
            }

            public IReadOnlyList<string> TopCustomers(IEnumerable<Order> orders, int count) =>
                orders.GroupBy(o => o.Customer)
                      .OrderByDescending(g => g.Sum(Total))
                      .Take(count)
                      .Select(g => g.Key)
                      .ToList();
        {{s.Repeat(2, 6, i => $$"""

            public string Describe{{i}}(Order order)
            {
                var lines = string.Join(", ", order.Lines.Select(l => $"{l.Quantity} x {l.Sku}"));
                var area = {{s.Size(1, 9)}} * order.Lines.Count * {{s.Size(1, 9)}};
                return $"{order.Customer} ({order.Placed:yyyy-MM-dd}): {lines} [{area}]";
            }
        """)}}
        }

        """;

    public static string ReportFormatter(Shape s) => $$"""
        using System;
        using System.Globalization;
        using System.Text;

        namespace Synthetic.Reports{{s.Id}};

        public sealed class ReportFormatter
        {
            private readonly StringBuilder text = new StringBuilder();
            private int indent;

            public ReportFormatter Heading(string title)
            {
                text.AppendLine(title.ToUpperInvariant());
                text.AppendLine(new string('=', title.Length));
                return this;
            }

            public ReportFormatter Row(string label, double value)
            {
                text.Append(' ', indent * {{s.Size(2, 4)}});
                text.Append(label.PadRight({{s.Size(10, 30)}}));
                text.AppendLine(value.ToString("N2", CultureInfo.InvariantCulture));
                return this;
            }

            public ReportFormatter Indent() { indent++; return this; }
            public ReportFormatter Outdent() { indent = Math.Max(0, indent - 1); return this; }

            public double Percent(double part, double whole) => whole == 0 ? 0 : part * 100 / whole;

            public override string ToString() => text.ToString();
        {{s.Repeat(2, 5, i => $$"""

            public ReportFormatter Section{{i}}(double[] values)
            {
                Heading("Section {{i}}");
                Indent();
                for (int k = 0; k < values.Length; k++) Row("item " + k, values[k] * {{s.Constant(0.5, 3)}});
                return Outdent();
            }
        """)}}
        }

        """;

    public static string InventoryModel(Shape s) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;

        namespace Synthetic.Inventory{{s.Id}};

        public enum StockState { InStock, Low, Out }

        public sealed class Item
        {
            public string Name { get; init; }
            public int OnHand { get; set; }
            public int Reorder { get; init; } = {{s.Size(2, 20)}};
            public double Weight { get; init; }

            public StockState State => OnHand switch
            {
                0 => StockState.Out,
                var n when n < Reorder => StockState.Low,
                _ => StockState.InStock,
            };
        }

        public sealed class Warehouse
        {
            private readonly List<Item> items = new List<Item>();

            public void Receive(string name, int count)
            {
                var item = items.FirstOrDefault(i => i.Name == name);
                if (item is null) items.Add(new Item { Name = name, OnHand = count });
                else item.OnHand += count;
            }

            public bool Ship(string name, int count)
            {
                var item = items.FirstOrDefault(i => i.Name == name);
                if (item is null || item.OnHand < count) return false;
                item.OnHand -= count;
                return true;
            }

            public double ShippingCost(double distance) => items.Sum(i => i.Weight * i.OnHand) * distance * {{s.Constant(0.01, 0.2)}};

            public IEnumerable<Item> ToReorder() => items.Where(i => i.State != StockState.InStock).OrderBy(i => i.OnHand);
        {{s.Repeat(2, 5, i => $$"""

            public int Count{{i}}(StockState state) => items.Count(x => x.State == state) * {{s.Size(1, 5)}};
        """)}}
        }

        """;

    public static string GeometryUtilities(Shape s) => $$"""
        using System;

        namespace Synthetic.Geometry{{s.Id}};

        public readonly struct Point
        {
            public Point(double x, double y) { X = x; Y = y; }
            public double X { get; }
            public double Y { get; }
            public double DistanceTo(Point other) { var dx = X - other.X; var dy = Y - other.Y; return Math.Sqrt(dx * dx + dy * dy); }
            public Point Scale(double k) => new Point(X * k, Y * k);
        }

        public static class Shapes
        {
            public static double CircleArea(double r) => Math.PI * r * r;
            public static double TriangleArea(Point a, Point b, Point c) => Math.Abs((b.X - a.X) * (c.Y - a.Y) - (c.X - a.X) * (b.Y - a.Y)) / 2;
            public static double Interpolate(double a, double b, double t) => a + (b - a) * t;
            public static double Smoothstep(double t) => t * t * (3 - 2 * t);
        {{s.Repeat(2, 5, i => $$"""

            public static double Ellipse{{i}}(double a, double b) => Math.PI * a * b * {{s.Constant(0.9, 1.1)}};
        """)}}
        }

        """;

    public static string TextProcessing(Shape s) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Text.RegularExpressions;

        namespace Synthetic.Text{{s.Id}};

        public static class Words
        {
            private static readonly Regex Splitter = new Regex("[^a-z0-9]+", RegexOptions.Compiled);

            public static IReadOnlyDictionary<string, int> Frequencies(string text) =>
                Splitter.Split(text.ToLowerInvariant())
                        .Where(w => w.Length > {{s.Size(1, 3)}})
                        .GroupBy(w => w)
                        .ToDictionary(g => g.Key, g => g.Count());

            public static string Slug(string title) => string.Join("-", Splitter.Split(title.ToLowerInvariant()).Where(w => w.Length > 0));

            public static int Levenshtein(string a, string b)
            {
                var d = new int[a.Length + 1, b.Length + 1];
                for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
                for (int j = 0; j <= b.Length; j++) d[0, j] = j;
                for (int i = 1; i <= a.Length; i++)
                    for (int j = 1; j <= b.Length; j++)
                        d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                return d[a.Length, b.Length];
            }
        {{s.Repeat(2, 5, i => $$"""

            public static string Truncate{{i}}(string text) => text.Length <= {{s.Size(10, 80)}} ? text : text.Substring(0, {{s.Size(5, 9)}}) + "...";
        """)}}
        }

        """;
}
