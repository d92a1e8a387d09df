using System.Collections.Immutable;
using System.Linq;
using Gradwise.Flow;
using Gradwise.Frontend;
using Gradwise.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Gradwise.Rules;

/// <summary>
/// GW1001 (a sigmoid output trained with squared error) and GW1002 (a softmax output trained with squared
/// error). Sites: (p − y)², Math.Pow(p − y, 2), a squared-error method of any name, a mean-squared-error
/// method over arrays, library losses and teachers, and the delta (t − o)·o·(1 − o), which is σ' written in
/// the output by its shape alone. Flow (<see cref="ActivationFlow"/>) says which activation the prediction
/// went through: a softmax makes it GW1002, a sigmoid GW1001.
/// <para>
/// One analyzer for both rules, so each site is recognized and followed once per build, not once per rule;
/// either rule can still be switched off on its own (.editorconfig severity, #pragma, NoWarn).
/// </para>
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed partial class SquaredErrorAnalyzer : FlowRuleAnalyzer
{
    /// <summary>GW1001 and GW1002.</summary>
    public SquaredErrorAnalyzer()
        : base(Descriptors.SigmoidWithSquaredError, Descriptors.SoftmaxWithSquaredError)
    {
    }

    /// <summary>The rules in the order they claim a site: a softmax output is GW1002's even where a sigmoid also reaches.</summary>
    private static readonly (Activation Output, DiagnosticDescriptor Rule)[] Rules =
    {
        (Activation.Softmax, Descriptors.SoftmaxWithSquaredError),
        (Activation.Sigmoid, Descriptors.SigmoidWithSquaredError),
    };

    /// <inheritdoc />
    protected override void Start(CompilationStartAnalysisContext start)
    {
        var flow = new ActivationFlow(FlowIndex.For(start.Compilation, start.TryGetValue));
        var activations = LibraryApis.IsReferenced(start.Compilation) || FlowIndex.AnyFile(start.Compilation, start.TryGetValue, TreeCandidates.ActivationProvider);
        var sites = new SquaredErrorRecognizer(flow.Index, storedDerivatives: activations);
        var parts = new ModelParts(flow, sites);
        if (!activations)
        {
            // No exponential, tanh or activation library anywhere: nothing can be a sigmoid or softmax output,
            // so only the delta (t − o)·o·(1 − o), which is σ' by its shape alone (o may come from a file outside), is looked for,
            // written out: not σ' stored in a member elsewhere (Error * Derivative), whose search binds the bodies that write it.
            start.RegisterOperationAction(c => AnalyzeProduct(c, null, sites), OperationKind.Binary);
            start.RegisterOperationAction(c => AnalyzeInPlace(c, null, sites), OperationKind.CompoundAssignment);
            return;
        }

        start.RegisterOperationAction(c => AnalyzeProduct(c, flow, sites), OperationKind.Binary);
        start.RegisterOperationAction(c => AnalyzeInPlace(c, flow, sites), OperationKind.CompoundAssignment);
        start.RegisterOperationAction(c => AnalyzeCall(c, flow, sites, parts), OperationKind.Invocation);
        start.RegisterOperationAction(c => AnalyzeCreation(c, flow, parts), OperationKind.ObjectCreation);
        start.RegisterOperationAction(c => AnalyzeLossSetting(c, flow, parts), OperationKind.SimpleAssignment);
    }

    /// <summary>A squared error or a delta; <paramref name="flow"/> is null when the compilation has no activation for it to find.</summary>
    private static void AnalyzeProduct(OperationAnalysisContext context, ActivationFlow? flow, SquaredErrorRecognizer sites)
    {
        var product = (IBinaryOperation)context.Operation;
        if (product.OperatorKind != BinaryOperatorKind.Multiply || SquaredErrorRecognizer.IsInsideProduct(product))
        {
            return;
        }

        if (product.OperatorMethod != null && !VectorApi.IsElementwise(product) && !sites.IsOwnElementwiseProduct(product, context.CancellationToken))
        {
            // MathNet's e * e of two vectors: a dot product, Σ e[k]², the squared error summed.
            if (flow != null && sites.DotLoss(product, context.CancellationToken) is { } summed)
            {
                ReportLoss(context, flow, summed, sites);
            }

            return;
        }

        sites.Index.Saw(product);
        var ct = context.CancellationToken;
        ReportSite(context, flow, sites.Product(product, flow?.Values(ct), ct), sites);
    }

    /// <summary>A delta multiplied in place: <c>err *= o * (1 - o)</c>.</summary>
    private static void AnalyzeInPlace(OperationAnalysisContext context, ActivationFlow? flow, SquaredErrorRecognizer sites)
    {
        var assignment = (ICompoundAssignmentOperation)context.Operation;
        if (assignment.OperatorKind != BinaryOperatorKind.Multiply || assignment.OperatorMethod != null)
        {
            return;
        }

        sites.Index.Saw(assignment);
        var ct = context.CancellationToken;
        ReportSite(context, flow, sites.InPlace(assignment, flow?.Values(ct), ct), sites);
    }

    /// <summary>Reports what a product or a pointwise product is: a loss (where flow runs) or a delta.</summary>
    private static void ReportSite(OperationAnalysisContext context, ActivationFlow? flow, object? site, SquaredErrorRecognizer sites)
    {
        switch (site)
        {
            case SquaredErrorLoss loss when flow != null:
                ReportLoss(context, flow, loss, sites);
                break;
            case SquaredErrorDelta delta:
                ReportDelta(context, flow, delta);
                break;
        }
    }

    private static void AnalyzeCall(OperationAnalysisContext context, ActivationFlow flow, SquaredErrorRecognizer sites, ModelParts parts)
    {
        var call = (IInvocationOperation)context.Operation;
        var ct = context.CancellationToken;
        flow.Index.Saw(call);
        if (ReportedLibraryCall(context, call, flow, parts))
        {
            return;
        }

        if ((sites.Call(call, flow.Values(ct), ct) ?? sites.DotLoss(call, ct)) is { } loss)
        {
            ReportLoss(context, flow, loss, sites);
            return;
        }

        if (sites.DeltaCall(call, flow.Values(ct), ct) is { } helped)
        {
            ReportDelta(context, flow, helped);
            return;
        }

        if (!SquaredErrorRecognizer.IsInsideProduct(call))
        {
            ReportSite(context, flow, sites.Pointwise(call, flow.Values(ct), ct), sites);
        }
    }

    private static DiagnosticDescriptor RuleFor(ActivationFact output) =>
        output.Kind == Activation.Softmax ? Descriptors.SoftmaxWithSquaredError : Descriptors.SigmoidWithSquaredError;

    private static void ReportLoss(OperationAnalysisContext context, ActivationFlow flow, SquaredErrorLoss loss, SquaredErrorRecognizer sites)
    {
        var ct = context.CancellationToken;
        foreach (var (prediction, target) in new[] { (loss.Left, loss.Right), (loss.Right, loss.Left) })
        {
            // Most sides are neither kind, found in one search; only the rest are asked whether the target is the prediction's own mean.
            if (!flow.MayBeOutput(prediction, loss.OverElements, ct))
            {
                continue;
            }

            if (OwnMean.IsDerivedFrom(target, prediction, flow.Index, ct))
            {
                continue; // (p − mean of p)²: a variance of the outputs, not a loss
            }

            foreach (var (output, rule) in Rules)
            {
                var fact = flow.OnCallers(prediction, output, loss.OverElements, ct);
                if (fact is null)
                {
                    continue;
                }

                // Asked last, of a site flow found an output for: the model's steps say what it trains with.
                if (MetricLoss.IsMetric(loss, prediction, fact, flow, sites, flow.Values(ct), ct))
                {
                    return;
                }

                var site = loss.Site.Syntax.Span;
                // The cross-entropy the fix writes is of numbers: a loss over whole vectors ((a - y) * (a - y) of NumPy arrays) gets none.
                var inside = !loss.OverElements && MathApi.IsNumeric(prediction.Type) && site.Contains(prediction.Syntax.Span) && site.Contains(target.Syntax.Span);
                var fix = inside
                    ? SquaredErrorFix.Properties(SquaredErrorFixKind.CrossEntropyLoss, site, new[] { (SquaredErrorPart.Prediction, prediction.Syntax.Span), (SquaredErrorPart.Target, target.Syntax.Span) })
                    : NoFix(loss.Site);
                context.ReportDiagnostic(Diagnostic.Create(rule, loss.Site.Syntax.GetLocation(), new[] { fact.Source.Location }, fix, prediction.Syntax.ToString(), fact.Source.Where));
                return;
            }
        }
    }

    /// <summary>Where a delta's sigmoid is, when flow places none: σ' is in the product by its shape.</summary>
    private const string ByShape = "σ'(z) is written as o·(1 − o) here";

    /// <summary>A softmax output makes the delta GW1002's; otherwise it is GW1001's, with or without a sigmoid in reach (o(1 − o) is σ' by itself).</summary>
    private static void ReportDelta(OperationAnalysisContext context, ActivationFlow? flow, SquaredErrorDelta delta)
    {
        var ct = context.CancellationToken;
        var site = delta.Site.Syntax.Span;
        var fix = delta.Fixable ? SquaredErrorFix.Properties(SquaredErrorFixKind.CrossEntropyDelta, site, delta.DerivativeFactors.Select(f => (SquaredErrorPart.DerivativeFactor, f.Syntax.Span))) : NoFix(delta.Site);
        if (!delta.ErrorSides.IsEmpty)
        {
            // σ'(z) taken at the input times an error a − b: squared error through a sigmoid only where flow finds the
            // sigmoid (or softmax) output on one side of the error. The side σ' is known to be taken at, if any, is asked first.
            foreach (var side in delta.ErrorSides.OrderBy(s => ReferenceEquals(s, delta.OutputSide ?? delta.Output) ? 0 : 1))
            {
                if (flow is null || !flow.MayBeOutput(side, side.Type is IArrayTypeSymbol, ct, delta.CalledOn))
                {
                    continue;
                }

                foreach (var (output, sideRule) in Rules)
                {
                    var elements = side.Type is IArrayTypeSymbol;
                    if ((delta.CalledOn is null ? flow.OnCallers(side, output, elements, ct) : elements ? flow.ElementsOf(side, output, ct, delta.CalledOn) : flow.Of(side, output, ct, delta.CalledOn)) is { } found)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(sideRule, delta.Site.Syntax.GetLocation(), new[] { found.Source.Location }, fix, side.Syntax.ToString(), found.Source.Where));
                        return;
                    }
                }
            }

            if (delta.Output is { } named)
            {
                // The error names the σ(z) that σ' is taken at, and flow placed no sigmoid: the delta is σ' by its shape alone.
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.SigmoidWithSquaredError, delta.Site.Syntax.GetLocation(), Enumerable.Empty<Location>(), fix, named.Syntax.ToString(), ByShape));
            }

            return;
        }

        var softmax = delta.Output is null ? null : flow?.Of(delta.Output, Activation.Softmax, ct);
        var fact = softmax ?? (delta.Output is null ? null : flow?.Of(delta.Output, Activation.Sigmoid, ct));
        var rule = softmax is null ? Descriptors.SigmoidWithSquaredError : Descriptors.SoftmaxWithSquaredError;
        var name = delta.Output?.Syntax.ToString() ?? "the output";
        var where = fact?.Source.Where ?? ByShape;
        var additional = fact is null ? Enumerable.Empty<Location>() : new[] { fact.Source.Location };
        context.ReportDiagnostic(Diagnostic.Create(rule, delta.Site.Syntax.GetLocation(), additional, fix, name, where));
    }

    private static ImmutableDictionary<string, string?> NoFix(IOperation site) =>
        SquaredErrorFix.Properties(SquaredErrorFixKind.None, site.Syntax.Span, Enumerable.Empty<(SquaredErrorPart, TextSpan)>());
}
