using Xunit;
using Verify = Gradwise.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Gradwise.Rules.SquaredErrorAnalyzer>;

namespace Gradwise.Analyzers.Tests.Rules;

/// <summary>
/// GW1001 with Accord.NET and SiaNet-style APIs. Neither package is served by this project's
/// registry, so these tests compile against minimal stand-ins with the same fully qualified names.
/// </summary>
public sealed class GW1001LibraryStandInTests
{
    private const string Accord = """
        namespace Accord.Neuro
        {
            public interface IActivationFunction { double Function(double x); }
            public class SigmoidFunction : IActivationFunction { public SigmoidFunction(double alpha = 2) { } public double Function(double x) => 0; }
            public class BipolarSigmoidFunction : IActivationFunction { public BipolarSigmoidFunction(double alpha = 2) { } public double Function(double x) => 0; }
            public class ActivationNetwork { public ActivationNetwork(IActivationFunction function, int inputs, params int[] neurons) { } }
            public interface IStochasticFunction : IActivationFunction { }
        }
        namespace Accord.Neuro.ActivationFunctions
        {
            public class BernoulliFunction : Accord.Neuro.IStochasticFunction { public BernoulliFunction(double alpha = 1) { } public double Function(double x) => 0; }
            public class GaussianFunction : Accord.Neuro.IStochasticFunction { public GaussianFunction(double alpha = 1) { } public double Function(double x) => 0; }
        }
        namespace Accord.Neuro.Networks
        {
            public class DeepBeliefNetwork : Accord.Neuro.ActivationNetwork
            {
                public DeepBeliefNetwork(Accord.Neuro.IStochasticFunction function, int inputsCount, params int[] hiddenNeurons) : base(function, inputsCount, hiddenNeurons) { }
            }
        }
        namespace Accord.Neuro.Learning
        {
            public class BackPropagationLearning { public BackPropagationLearning(Accord.Neuro.ActivationNetwork network) { } }
            public class ResilientBackpropagationLearning { public ResilientBackpropagationLearning(Accord.Neuro.ActivationNetwork network) { } }
        }
        """;

    private const string SiaNet = """
        namespace SiaNet
        {
            public enum ActType { Linear, ReLU, Sigmoid, Tanh, Softmax }
            public enum LossType { MeanSquaredError, BinaryCrossEntropy, CategorialCrossEntropy }
            public enum OptimizerType { SGD, Adam }
            public class Sequential { public void Add(object layer) { } public void Compile(OptimizerType optimizer, LossType loss) { } }
        }
        namespace SiaNet.Layers
        {
            public class Dense { public Dense(int units, SiaNet.ActType act = SiaNet.ActType.Linear) { } }
        }
        """;

    [Fact]
    public Task Accord_backpropagation_on_a_sigmoid_network() => Verify.VerifyAnalyzerAsync(Accord + """
        class Training
        {
            void Train()
            {
                var network = new Accord.Neuro.ActivationNetwork(new Accord.Neuro.SigmoidFunction(2), 2, 3, 1);
                var teacher = {|GW1001:new Accord.Neuro.Learning.BackPropagationLearning(network)|};
            }
        }
        """);

    [Fact]
    public Task Accord_rprop_on_a_sigmoid_network() => Verify.VerifyAnalyzerAsync(Accord + """
        class Training
        {
            object Teacher() => {|GW1001:new Accord.Neuro.Learning.ResilientBackpropagationLearning(new Accord.Neuro.ActivationNetwork(new Accord.Neuro.SigmoidFunction(), 4, 1))|};
        }
        """);

    /// <summary>Accord's deep-learning sample: a deep belief network of Bernoulli (sigmoid) units fine-tuned by backpropagation.</summary>
    [Fact]
    public Task Accord_backpropagation_on_a_deep_belief_network_of_bernoulli_units() => Verify.VerifyAnalyzerAsync(Accord + """
        class DNet
        {
            Accord.Neuro.Networks.DeepBeliefNetwork network;
            Accord.Neuro.Learning.BackPropagationLearning teacher;
            DNet(int features, int actions)
            {
                network = new Accord.Neuro.Networks.DeepBeliefNetwork(new Accord.Neuro.ActivationFunctions.BernoulliFunction(), features + actions, 10, 1);
                teacher = {|GW1001:new Accord.Neuro.Learning.BackPropagationLearning(network)|};
            }
            object Gaussian() => new Accord.Neuro.Learning.BackPropagationLearning(
                new Accord.Neuro.Networks.DeepBeliefNetwork(new Accord.Neuro.ActivationFunctions.GaussianFunction(), 4, 2));
        }
        """);

    [Fact]
    public Task Accord_backpropagation_on_a_bipolar_network_is_not_this_rule() => Verify.VerifyAnalyzerAsync(Accord + """
        class Training
        {
            void Train()
            {
                var network = new Accord.Neuro.ActivationNetwork(new Accord.Neuro.BipolarSigmoidFunction(2), 2, 3, 1);
                var teacher = new Accord.Neuro.Learning.BackPropagationLearning(network);
            }
        }
        """);

    [Fact]
    public Task SiaNet_sigmoid_output_compiled_with_mean_squared_error() => Verify.VerifyAnalyzerAsync(SiaNet + """
        class Training
        {
            void Build()
            {
                var model = new SiaNet.Sequential();
                model.Add(new SiaNet.Layers.Dense(16, SiaNet.ActType.ReLU));
                model.Add(new SiaNet.Layers.Dense(1, act: SiaNet.ActType.Sigmoid));
                {|GW1001:model.Compile(SiaNet.OptimizerType.Adam, SiaNet.LossType.MeanSquaredError)|};
            }
        }
        """);

    [Fact]
    public Task SiaNet_sigmoid_output_with_binary_cross_entropy_is_right() => Verify.VerifyAnalyzerAsync(SiaNet + """
        class Training
        {
            void Build()
            {
                var model = new SiaNet.Sequential();
                model.Add(new SiaNet.Layers.Dense(1, SiaNet.ActType.Sigmoid));
                model.Compile(SiaNet.OptimizerType.Adam, SiaNet.LossType.BinaryCrossEntropy);
            }
        }
        """);

    [Fact]
    public Task SiaNet_sigmoid_only_in_a_hidden_layer_is_right() => Verify.VerifyAnalyzerAsync(SiaNet + """
        class Training
        {
            void Build()
            {
                var model = new SiaNet.Sequential();
                model.Add(new SiaNet.Layers.Dense(16, SiaNet.ActType.Sigmoid));
                model.Add(new SiaNet.Layers.Dense(1, SiaNet.ActType.Linear));
                model.Compile(SiaNet.OptimizerType.Adam, SiaNet.LossType.MeanSquaredError);
            }
        }
        """);
}
