using System.Collections.Immutable;
using System.Linq;
using Gradwise.Flow;
using Gradwise.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Gradwise.Rules;

/// <summary>
/// GW1003: a library loss given the wrong side of the activation (<see cref="LossInputs"/>). The warning is on the loss
/// call; the second location is the sigmoid, softmax or linear layer that made the input, and for a criterion module a
/// third is where the criterion was created. Nothing is registered in a compilation that references no such library.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LossInputAnalyzer : FlowRuleAnalyzer
{
    /// <summary>The rule.</summary>
    public LossInputAnalyzer()
        : base(Descriptors.LossGivenTheWrongInput)
    {
    }

    /// <inheritdoc />
    protected override void Start(CompilationStartAnalysisContext start)
    {
        var library = LibraryApis.IsReferenced(start.Compilation);
        if (!library && !FlowIndex.AnyFile(start.Compilation, start.TryGetValue, TreeCandidates.ActivationProvider))
        {
            return; // no library loss, and nothing can be a sigmoid output
        }

        var flow = new ActivationFlow(FlowIndex.For(start.Compilation, start.TryGetValue));
        var cache = new LossInputs.Cache();
        start.RegisterOperationAction(c => Analyze(c, flow, cache, library), OperationKind.Invocation);
    }

    private static void Analyze(OperationAnalysisContext context, ActivationFlow flow, LossInputs.Cache cache, bool library)
    {
        var call = (IInvocationOperation)context.Operation;
        if (call.Arguments.Length < 2)
        {
            return;
        }

        flow.Index.Saw(call);
        var site = (library ? LossInputs.Site(call, flow, context.CancellationToken) : null) ?? LossInputs.HandWritten(call, flow, cache, context.CancellationToken);
        if (site is null)
        {
            return;
        }

        var expected = site.Expected switch
        {
            LossInput.Logits => "logits (it applies the sigmoid or softmax itself)",
            LossInput.Probabilities => "probabilities in [0, 1]",
            _ => "log-probabilities",
        };
        var given = site.Given switch
        {
            GivenInput.Sigmoid => "a sigmoid output",
            GivenInput.Softmax => "a softmax output",
            _ => "raw logits from a linear layer",
        };
        var instead = (site.Expected, site.Given) switch
        {
            (LossInput.Logits, _) => "pass the scores before the final " + (site.Given == GivenInput.Sigmoid ? "sigmoid" : "softmax") + ", or it is applied twice",
            (LossInput.LogProbabilities, GivenInput.Softmax) => "use log_softmax instead of softmax, or CrossEntropyLoss on the scores",
            (LossInput.LogProbabilities, _) => "use CrossEntropyLoss on the scores, or log_softmax before NLLLoss",
            _ => "use BCEWithLogitsLoss on the scores (stable), or add a sigmoid",
        };
        var additional = site.Criterion is null ? new[] { site.Source } : new[] { site.Source, site.Criterion.Syntax.GetLocation() };
        var where = new Evidence(site.Source, given).Where;
        var properties = LossInputs.Change(site, flow, context.CancellationToken) is { } change ? Properties(call.Syntax.Span, site, change) : null;
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.LossGivenTheWrongInput, call.Syntax.GetLocation(), additional, properties, call.Syntax.ToString(), expected, given, where, instead));
    }

    private static ImmutableDictionary<string, string?>? Properties(TextSpan span, LossInputMismatch site, LossInputChange change) => change switch
    {
        { Function: { } function } => LossInputFix.OnScores(function),
        { Input: { } input } => LossInputFix.Properties(
            span, change.Repair, Operations.Strip(site.Input).Syntax.Span, input.Logit.Syntax.Span, input.Dimension?.Syntax.Span, input.Readable ? null : input.Activation.Syntax.Span),
        _ => null,
    };
}
