using System.Collections.Immutable;
using System.Linq;
using Gradwise.Flow;
using Gradwise.Frontend;
using Gradwise.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Gradwise.Rules;

/// <summary>
/// GW3001: <c>Math.Log(p)</c> or <c>Math.Log(1 - p)</c> where p is a sigmoid or softmax output (followed by
/// <see cref="ActivationFlow"/>, as for GW1001), or where the cross-entropy written around it says p is a
/// probability, with nothing that keeps the argument away from 0. The warning is on the log (or on the call
/// of a user helper that is just a log); the second location is the sigmoid or softmax when flow found it.
/// The fix rewrites to the stable form on the logit when the logit is in reach, else clamps the argument.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnstableLogAnalyzer : FlowRuleAnalyzer
{
    /// <summary>The rule.</summary>
    public UnstableLogAnalyzer()
        : base(Descriptors.UnstableLogOfProbability)
    {
    }

    /// <inheritdoc />
    protected override void Start(CompilationStartAnalysisContext start)
    {
        if (!FlowIndex.AnyFile(start.Compilation, start.TryGetValue, TreeCandidates.LogProvider))
        {
            return; // no log anywhere, and no library loss that takes one
        }

        var flow = new ActivationFlow(FlowIndex.For(start.Compilation, start.TryGetValue));
        start.RegisterOperationAction(c => Analyze(c, flow), OperationKind.Invocation);
    }

    private static void Analyze(OperationAnalysisContext context, ActivationFlow flow)
    {
        var call = (IInvocationOperation)context.Operation;
        if (context.ContainingSymbol is IMethodSymbol method && DifferentiableSignature.IsDifferentiable(method))
        {
            // In a [Differentiable] method the generated WithGradient computes these logs in their stable forms already.
            return;
        }

        var primitives = UnstableLog.TensorPrimitivesLogInput(call);
        var tensor = primitives is null && UnstableLog.TensorLogArgument(call) != null;
        if (!tensor && primitives is null && (call.Arguments.Length != 1 || call.TargetMethod.Parameters.Length != 1 || !MathApi.IsReal(call.Type)))
        {
            if (call.Arguments.Length >= 2)
            {
                AnalyzeProbabilityLoss(context, call, flow);
            }

            return;
        }

        flow.Index.Saw(call);
        if (UnstableLog.Site(call, flow, context.CancellationToken) is not { } site)
        {
            return;
        }

        if (tensor)
        {
            var tensorWhat = (site.Evidence == ProbabilityEvidence.Softmax ? "a softmax output" : "a sigmoid output") + " (" + site.Fact!.Source.Where + ")";
            var tensorInstead = site.Evidence == ProbabilityEvidence.Softmax
                ? "use log_softmax on the scores"
                : site.Complement ? "use functional.logsigmoid(-z) on the logits" : "use functional.logsigmoid(z) on the logits, or BCEWithLogitsLoss";
            var tensorProperties = !site.Complement && StableInReach(site.Probability, call, flow, context.CancellationToken) is { } input
                ? UnstableLogFix.LibraryProperties(call.Syntax.Span, site.Evidence == ProbabilityEvidence.Softmax ? "log_softmax" : "logsigmoid", input.Logit.Syntax.Span, input.Dimension?.Syntax.Span)
                : UnstableLogFix.Properties(call.Syntax.Span, site.Complement, null, scalar: false);
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.UnstableLogOfProbability, call.Syntax.GetLocation(), new[] { site.Fact.Source.Location }, tensorProperties,
                call.Syntax.ToString(), (site.Complement ? "1 minus " : string.Empty) + tensorWhat, "its elements round to 0 once the scores saturate (in float32, σ(z) near z = −100 and 1 − σ(z) above about z = 17)", tensorInstead));
            return;
        }

        var single = (primitives is null ? site.Probability.Type : ElementType(primitives.Type))?.SpecialType == SpecialType.System_Single;
        var what = site.Evidence switch
        {
            ProbabilityEvidence.Sigmoid => (site.Complement ? "1 minus a sigmoid output" : "a sigmoid output") + " (" + site.Fact!.Source.Where + ")",
            ProbabilityEvidence.Softmax => (site.Complement ? "1 minus a softmax probability" : "a softmax probability") + " (" + site.Fact!.Source.Where + ")",
            ProbabilityEvidence.BinaryCrossEntropy => (site.Complement ? "1 − p" : "p") + ", a probability by the cross-entropy y·log p + (1 − y)·log(1 − p) around it",
            _ => "p[k], a probability by the cross-entropy Σ t[k]·log p[k] around it",
        };
        var when = (site.Evidence, site.Complement, single) switch
        {
            (ProbabilityEvidence.Softmax, false, false) => "it is 0 when its score is about 745 below the largest",
            (ProbabilityEvidence.Softmax, false, true) => "in float it is 0 when its score is about 104 below the largest",
            (ProbabilityEvidence.Softmax, true, false) => "it is 0 when one score leads the others by about 37",
            (ProbabilityEvidence.Softmax, true, true) => "in float it is 0 when one score leads the others by about 17",
            (_, true, false) => "1 − σ(z) rounds to 0 for z above about 36.7",
            (_, true, true) => "in float 1 − σ(z) rounds to 0 for z above about 16.6",
            (ProbabilityEvidence.Sigmoid, false, false) => "σ(z) is 0 for z below about −710",
            (ProbabilityEvidence.Sigmoid, false, true) => "in float σ(z) is 0 for z below about −88.7",
            _ => "a sigmoid or softmax output rounds to 0 long before the math says",
        };
        if (primitives != null)
        {
            // TensorPrimitives.Log(p, logs): the message names the element-by-element forms; no fix rewrites a span call.
            var of = (site.Complement ? "1 minus " : string.Empty) + (site.Evidence == ProbabilityEvidence.Softmax ? "softmax probabilities" : "sigmoid outputs") + " (" + site.Fact!.Source.Where + ")";
            var floor = site.Complement ? "or floor 1 − p first (TensorPrimitives.Max(q, 1e-7f, q))" : "or floor p first (TensorPrimitives.Max(p, 1e-7f, p))";
            var stable = site.Evidence == ProbabilityEvidence.Softmax ? "compute log-softmax from the scores (s_k − max − log Σ e^(s_j − max)), " + floor
                : site.Complement ? "compute −Softplus(z) from the logits, " + floor : "compute −Softplus(−z) from the logits, " + floor;
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.UnstableLogOfProbability, call.Syntax.GetLocation(), new[] { site.Fact.Source.Location },
                UnstableLogFix.Properties(call.Syntax.Span, site.Complement, null, scalar: false), call.Syntax.ToString(), of, when, stable));
            return;
        }

        var instead = site.Evidence == ProbabilityEvidence.Softmax || site.Evidence == ProbabilityEvidence.CategoricalCrossEntropy
            ? "compute log-softmax from the scores (s_k − max − log Σ e^(s_j − max)) or clamp p away from 0"
            : site.Complement ? "use −Softplus(z) on the logit, or clamp 1 − p away from 0" : "use −Softplus(−z) on the logit, or clamp p away from 0";
        var additional = site.Fact is null ? Enumerable.Empty<Location>() : new[] { site.Fact.Source.Location };
        var properties = site.Index is { } k && site.Logit is { } scores
            ? UnstableLogFix.SoftmaxProperties(site.Site.Syntax.Span, scores.Syntax.Span, k.Syntax.Span)
            : UnstableLogFix.Properties(site.Site.Syntax.Span, site.Complement, site.Logit?.Syntax.Span);
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnstableLogOfProbability, site.Site.Syntax.GetLocation(), additional, properties, site.Site.Syntax.ToString(), what, when, instead));
    }

    /// <summary>The element type of a span or array.</summary>
    private static ITypeSymbol? ElementType(ITypeSymbol? type) => type switch
    {
        IArrayTypeSymbol array => array.ElementType,
        INamedTypeSymbol { TypeArguments: [var element] } => element,
        _ => null,
    };

    /// <summary>
    /// The TorchSharp sigmoid or softmax that made <paramref name="value"/>, at the value or in its local's one definition, where a fix at
    /// <paramref name="site"/> can read its input and copy its dimension.
    /// </summary>
    private static ActivationInput? StableInReach(IOperation value, IOperation site, ActivationFlow flow, System.Threading.CancellationToken ct) =>
        LogitReach.Of(value, flow, ct) is { Readable: true } input && !MathApi.IsReal(input.Logit.Type) && input.DimensionCopyableTo(site) ? input : null;

    /// <summary>BCELoss / binary_cross_entropy given a sigmoid output: it takes log σ(z) and log(1 − σ(z)) itself.</summary>
    private static void AnalyzeProbabilityLoss(OperationAnalysisContext context, IInvocationOperation call, ActivationFlow flow)
    {
        var ct = context.CancellationToken;
        if (LossInputs.ProbabilityLoss(call, flow, ct) is not { } loss || flow.Of(loss.Input, Activation.Sigmoid, ct) is not { } fact)
        {
            return;
        }

        flow.Index.Saw(call);
        var additional = loss.Criterion is null ? new[] { fact.Source.Location } : new[] { fact.Source.Location, loss.Criterion.Syntax.GetLocation() };
        var properties = loss.Criterion is null && StableInReach(loss.Input, call, flow, ct) is { Dimension: null } input
            ? UnstableLogFix.LibraryProperties(call.Syntax.Span, "binary_cross_entropy_with_logits", input.Logit.Syntax.Span, null)
            : UnstableLogFix.Properties(call.Syntax.Span, complement: false, null, scalar: false);
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.UnstableLogOfProbability, call.Syntax.GetLocation(), additional, properties,
            call.Syntax.ToString(), "a sigmoid output (" + fact.Source.Where + "), taken inside the binary cross-entropy",
            "log σ(z) and log(1 − σ(z)) are −∞ where σ saturates (libtorch clamps them at −100, and the gradient there is lost)",
            "use BCEWithLogitsLoss (binary_cross_entropy_with_logits) on the logits"));
    }
}
