using Gradwise.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace Gradwise.Analyzers.Tests.Rules;

/// <summary>GW1001 against the real TorchSharp API (the managed assembly only; no native code is loaded).</summary>
public sealed class GW1001TorchSharpTests
{
    private static readonly MetadataReference TorchSharp = TorchSharpSources.Reference;

    private static Task Verify(string code, params DiagnosticResult[] expected) => TorchSharpSources.VerifyAsync<Gradwise.Rules.SquaredErrorAnalyzer>(code, expected);

    private static Task VerifyFix(string code, string fixedCode)
    {
        var test = new CSharpCodeFixVerifier<Gradwise.Rules.SquaredErrorAnalyzer, Gradwise.CodeFixes.Rules.SigmoidSquaredErrorFixer>.Test
        {
            TestCode = Usings + code,
            FixedCode = Usings + fixedCode,
        };
        test.TestState.AdditionalReferences.Add(TorchSharp);
        test.FixedState.AdditionalReferences.Add(TorchSharp);
        return test.RunAsync(CancellationToken.None);
    }

    private const string Usings = TorchSharpSources.Usings;

    [Fact]
    public Task Sigmoid_then_functional_mse_loss() => Verify("""
        class Model
        {
            Tensor Loss(Tensor logits, Tensor y) { var p = torch.sigmoid(logits); return {|GW1001:functional.mse_loss(p, y)|}; }
        }
        """);

    [Fact]
    public Task Tensor_sigmoid_method_then_mse_loss() => Verify("""
        class Model
        {
            Tensor Loss(Tensor logits, Tensor y) => {|GW1001:functional.mse_loss(logits.sigmoid(), y)|};
        }
        """);

    [Fact]
    public Task Sequential_ending_in_Sigmoid_with_an_MSELoss_criterion() => Verify("""
        class Trainer
        {
            readonly TorchSharp.Modules.Sequential model = Sequential(("lin", Linear(10, 1)), ("act", Sigmoid()));
            readonly TorchSharp.Modules.MSELoss criterion = MSELoss();

            Tensor Step(Tensor x, Tensor y) { var output = model.call(x); return {|GW1001:criterion.call(output, y)|}; }
        }
        """);

    [Fact]
    public Task Sigmoid_module_local_and_forward() => Verify("""
        class Trainer
        {
            Tensor Step(Tensor h, Tensor y)
            {
                var act = Sigmoid();
                var loss = MSELoss();
                return {|GW1001:loss.forward(act.forward(h), y)|};
            }
        }
        """);

    [Fact]
    public Task Sigmoid_output_with_BCELoss_is_right() => Verify("""
        class Trainer
        {
            readonly TorchSharp.Modules.Sequential model = Sequential(("lin", Linear(10, 1)), ("act", Sigmoid()));
            readonly TorchSharp.Modules.BCELoss criterion = BCELoss();
            Tensor Step(Tensor x, Tensor y) => criterion.call(model.call(x), y);
        }
        """);

    [Fact]
    public Task Linear_output_with_MSELoss_is_right() => Verify("""
        class Trainer
        {
            readonly TorchSharp.Modules.Sequential model = Sequential(("lin", Linear(10, 1)));
            readonly TorchSharp.Modules.MSELoss criterion = MSELoss();
            Tensor Step(Tensor x, Tensor y) => criterion.call(model.call(x), y);
        }
        """);

    [Fact]
    public Task Sigmoid_in_a_hidden_layer_only_is_right() => Verify("""
        class Trainer
        {
            readonly TorchSharp.Modules.Sequential model = Sequential(("l1", Linear(10, 5)), ("a1", Sigmoid()), ("l2", Linear(5, 1)));
            readonly TorchSharp.Modules.MSELoss criterion = MSELoss();
            Tensor Step(Tensor x, Tensor y) => criterion.call(model.call(x), y);
        }
        """);

    [Fact]
    public Task Fix_replaces_mse_loss_with_binary_cross_entropy() => VerifyFix(
        """
        class Model
        {
            Tensor Loss(Tensor logits, Tensor y) { var p = torch.sigmoid(logits); return {|GW1001:functional.mse_loss(p, y)|}; }
        }
        """,
        """
        class Model
        {
            Tensor Loss(Tensor logits, Tensor y) { var p = torch.sigmoid(logits); return functional.binary_cross_entropy(p, y); }
        }
        """);

    [Fact]
    public Task Fix_replaces_the_MSELoss_criterion_with_BCELoss() => VerifyFix(
        """
        class Trainer
        {
            Tensor Step(Tensor h, Tensor y)
            {
                var act = Sigmoid();
                var loss = MSELoss();
                return {|GW1001:loss.forward(act.forward(h), y)|};
            }
        }
        """,
        """
        class Trainer
        {
            Tensor Step(Tensor h, Tensor y)
            {
                var act = Sigmoid();
                var loss = BCELoss();
                return loss.forward(act.forward(h), y);
            }
        }
        """);
}
