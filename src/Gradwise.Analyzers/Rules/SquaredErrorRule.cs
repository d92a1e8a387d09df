using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Gradwise.Flow;
using Gradwise.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Gradwise.Rules;

/// <summary>
/// What GW1001 and GW1002 share: squared-error sites (from <see cref="SquaredErrorRecognizer"/> and the
/// library tables) whose prediction is an output of the rule's activation (from <see cref="ActivationFlow"/>).
/// Each rule is a small subclass that names its activation and descriptor.
/// </summary>
public abstract class SquaredErrorRule : DiagnosticAnalyzer
{
    private protected abstract Activation Output { get; }

    private protected abstract DiagnosticDescriptor Rule { get; }

    /// <summary>True when a delta whose output flow cannot place is this rule's (the sigmoid's: o(1 − o) is σ' by itself).</summary>
    private protected abstract bool OwnsDeltaWithoutEvidence { get; }

    /// <inheritdoc />
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            TreeCandidates Candidates(SyntaxTree tree) => start.TryGetValue(tree, TreeCandidates.Provider, out var found) ? found : TreeCandidates.Compute(tree);
            if (!LibraryApis.IsReferenced(start.Compilation) && !start.Compilation.SyntaxTrees.Any(t => Candidates(t).MentionsActivation))
            {
                return; // no exponential, tanh or activation library anywhere: nothing can be a sigmoid or softmax
            }

            var flow = new ActivationFlow(new FlowIndex(start.Compilation, Candidates));
            var sites = new SquaredErrorRecognizer(flow.Index);
            start.RegisterOperationAction(c => AnalyzeProduct(c, flow, sites), OperationKind.Binary);
            start.RegisterOperationAction(c => AnalyzeCall(c, flow, sites), OperationKind.Invocation);
            start.RegisterOperationAction(c => AnalyzeCreation(c, flow), OperationKind.ObjectCreation);
        });
    }

    private void AnalyzeProduct(OperationAnalysisContext context, ActivationFlow flow, SquaredErrorRecognizer sites)
    {
        var product = (IBinaryOperation)context.Operation;
        if (product.OperatorKind != BinaryOperatorKind.Multiply || product.OperatorMethod != null || IsInsideProduct(product))
        {
            return;
        }

        switch (sites.Product(product, context.CancellationToken))
        {
            case SquaredErrorLoss loss:
                ReportLoss(context, flow, loss);
                break;
            case SquaredErrorDelta delta:
                ReportDelta(context, flow, delta);
                break;
        }
    }

    private void AnalyzeCall(OperationAnalysisContext context, ActivationFlow flow, SquaredErrorRecognizer sites)
    {
        var call = (IInvocationOperation)context.Operation;
        var ct = context.CancellationToken;
        if (LibrarySquaredError.Site(call, flow, ct) is { } library)
        {
            Report(context, flow, library.Site, library.Prediction, overElements: false, library.Fix, library.Criterion);
            return;
        }

        if (Output == Activation.Sigmoid && LibrarySquaredError.CompiledWithSigmoid(call) is { } compiled)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, call.Syntax.GetLocation(), new[] { compiled.Source.Location }, call.Instance!.Syntax + "'s output", compiled.Source.Where));
            return;
        }

        if (sites.Call(call, ct) is { } loss)
        {
            ReportLoss(context, flow, loss);
        }
    }

    private void AnalyzeCreation(OperationAnalysisContext context, ActivationFlow flow)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (Output == Activation.Sigmoid && LibrarySquaredError.TeacherOfSigmoidNetwork(creation, flow, context.CancellationToken) is { } network)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, creation.Syntax.GetLocation(), new[] { network.Fact.Source.Location }, network.Network.Syntax.ToString(), network.Fact.Source.Where));
        }
    }

    private void ReportLoss(OperationAnalysisContext context, ActivationFlow flow, SquaredErrorLoss loss)
    {
        var ct = context.CancellationToken;
        foreach (var (prediction, target) in new[] { (loss.Left, loss.Right), (loss.Right, loss.Left) })
        {
            var fact = loss.OverElements ? flow.ElementsOf(prediction, Output, ct) : flow.Of(prediction, Output, ct);
            if (fact is null)
            {
                continue;
            }

            var site = loss.Site.Syntax.Span;
            var inside = !loss.OverElements && site.Contains(prediction.Syntax.Span) && site.Contains(target.Syntax.Span);
            var fix = inside
                ? SquaredErrorFix.Properties(SquaredErrorFixKind.CrossEntropyLoss, site, new[] { (SquaredErrorPart.Prediction, prediction.Syntax.Span), (SquaredErrorPart.Target, target.Syntax.Span) })
                : SquaredErrorFix.Properties(SquaredErrorFixKind.None, site, Enumerable.Empty<(SquaredErrorPart, TextSpan)>());
            context.ReportDiagnostic(Diagnostic.Create(Rule, loss.Site.Syntax.GetLocation(), new[] { fact.Source.Location }, fix, prediction.Syntax.ToString(), fact.Source.Where));
            return;
        }
    }

    private void ReportDelta(OperationAnalysisContext context, ActivationFlow flow, SquaredErrorDelta delta)
    {
        var ct = context.CancellationToken;
        var softmax = delta.Output is null ? null : flow.Of(delta.Output, Activation.Softmax, ct);
        var fact = Output == Activation.Softmax ? softmax : softmax is null && delta.Output != null ? flow.Of(delta.Output, Output, ct) : null;
        if (fact is null && (!OwnsDeltaWithoutEvidence || softmax != null))
        {
            return;
        }

        var site = delta.Site.Syntax.Span;
        var fix = SquaredErrorFix.Properties(SquaredErrorFixKind.CrossEntropyDelta, site, delta.DerivativeFactors.Select(f => (SquaredErrorPart.DerivativeFactor, f.Syntax.Span)));
        var name = delta.Output?.Syntax.ToString() ?? "the output";
        var where = fact?.Source.Where ?? "σ'(z) is written as o·(1 − o) here";
        var additional = fact is null ? Enumerable.Empty<Location>() : new[] { fact.Source.Location };
        context.ReportDiagnostic(Diagnostic.Create(Rule, delta.Site.Syntax.GetLocation(), additional, fix, name, where));
    }

    private void Report(OperationAnalysisContext context, ActivationFlow flow, IOperation site, IOperation prediction, bool overElements, ImmutableDictionary<string, string?> fix, IOperation? criterion)
    {
        var fact = overElements ? flow.ElementsOf(prediction, Output, context.CancellationToken) : flow.Of(prediction, Output, context.CancellationToken);
        if (fact is null)
        {
            return;
        }

        // A binary cross-entropy replacement fits a sigmoid only; a softmax needs the model's logits, so no fix is offered.
        var properties = Output == Activation.Sigmoid ? fix : SquaredErrorFix.Properties(SquaredErrorFixKind.None, site.Syntax.Span, Enumerable.Empty<(SquaredErrorPart, TextSpan)>());
        var locations = new List<Location> { fact.Source.Location };
        if (criterion != null)
        {
            locations.Add(criterion.Syntax.GetLocation());
        }

        context.ReportDiagnostic(Diagnostic.Create(Rule, site.Syntax.GetLocation(), locations, properties, prediction.Syntax.ToString(), fact.Source.Where));
    }

    private static bool IsInsideProduct(IOperation product)
    {
        var parent = product.Parent;
        while (parent is IParenthesizedOperation or IConversionOperation { OperatorMethod: null })
        {
            parent = parent.Parent;
        }

        return parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply, OperatorMethod: null };
    }
}
