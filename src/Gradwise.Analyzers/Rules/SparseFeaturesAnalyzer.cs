using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Gradwise.Flow;
using Gradwise.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Gradwise.Rules;

/// <summary>
/// GW2001 and GW2002: an ML.NET trainer whose feature column is made by a featurizer with many sparse slots
/// (<see cref="MlNetPipelines"/>): GW2001 when the trainer is linear and every weight penalty is zero, GW2002 when it
/// is a tree ensemble. The warning is on the trainer's creation; the additional locations are the featurizers. GW2001
/// also covers Accord.NET learners (<see cref="AccordLearners"/>) and hand-written SGD on sparse input
/// (<see cref="SparseUpdates"/>, reported on the update). Nothing is registered in a compilation that references
/// neither library and has no file with a sparse source beside an additive update.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SparseFeaturesAnalyzer : FlowRuleAnalyzer
{
    /// <summary>The <c>.editorconfig</c> key: a featurizer is high-dimensional when it can make 2^bits slots or more.</summary>
    public const string MinBitsOption = "gradwise.sparse_features.min_bits";

    /// <summary>The default of <see cref="MinBitsOption"/>: 2^10 = 1,024 slots.</summary>
    public const int DefaultMinBits = 10;

    /// <summary>The rules.</summary>
    public SparseFeaturesAnalyzer()
        : base(Descriptors.UnpenalizedLinearModelOnSparseFeatures, Descriptors.TreeEnsembleOnSparseFeatures)
    {
    }

    /// <inheritdoc />
    protected override void Start(CompilationStartAnalysisContext start)
    {
        var mlNet = MlNetApis.IsReferenced(start.Compilation);
        var accord = AccordLearners.IsReferenced(start.Compilation);
        var handWritten = FlowIndex.AnyFile(start.Compilation, start.TryGetValue, TreeCandidates.SparseUpdateProvider);
        if (!mlNet && !accord && !handWritten)
        {
            return; // no ML.NET, no Accord.NET, and no file with a sparse source beside an additive update
        }

        var index = FlowIndex.For(start.Compilation, start.TryGetValue);
        if (mlNet)
        {
            start.RegisterOperationAction(c => Analyze(c, index), OperationKind.Invocation);
        }

        if (accord)
        {
            start.RegisterOperationAction(c => AnalyzeAccord(c, index), OperationKind.Invocation);
        }

        if (handWritten)
        {
            start.RegisterOperationAction(c => AnalyzeUpdate(c, index), OperationKind.CompoundAssignment, OperationKind.SimpleAssignment);
        }
    }

    private static void AnalyzeAccord(OperationAnalysisContext context, FlowIndex index)
    {
        var call = (IInvocationOperation)context.Operation;
        if (!AccordLearners.LearnMethods.Contains(call.TargetMethod.Name))
        {
            return;
        }

        index.Saw(call);
        if (AccordLearners.Site(call, index, context.CancellationToken) is { } site)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.UnpenalizedLinearModelOnSparseFeatures, site.Learner.Syntax.GetLocation(), new[] { site.Featurizer.Syntax.GetLocation() }, site.Name, site.Penalty, site.Description));
        }
    }

    private static void AnalyzeUpdate(OperationAnalysisContext context, FlowIndex index)
    {
        var update = context.Operation;
        if (update.Parent is not IExpressionStatementOperation || !(update.Type is { } type && Frontend.MathApi.IsReal(type)))
        {
            return; // an update is a statement of its own, of a real number
        }

        index.Saw(update);
        if (SparseUpdates.Site(update, index, context.CancellationToken) is not { } site)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.UnpenalizedLinearModelOnSparseFeatures,
            update.Syntax.GetLocation(),
            new[] { site.Source.Syntax.GetLocation() },
            Quote.Of(update, 60),
            "no weight decay, λ·w term or L1 shrink in any update of '" + site.Weights.Name + "'",
            site.Description));
    }

    private static void Analyze(OperationAnalysisContext context, FlowIndex index)
    {
        var call = (IInvocationOperation)context.Operation;
        if (!MlNetApis.TrainerNames.Contains(call.TargetMethod.Name))
        {
            return;
        }

        index.Saw(call);
        var minBits = MinBits(context.Options.AnalyzerConfigOptionsProvider.GetOptions(call.Syntax.SyntaxTree));
        if (MlNetPipelines.Read(call, index, minBits, context.CancellationToken) is not { } site || site.Sources.Count == 0)
        {
            return;
        }

        if (site.Trainer.Family == ModelFamily.Trees)
        {
            var sources = MlNetPipelines.SplitsCategories(site) ? site.Sources.Where(s => s.Info.Kind == FeaturizerKind.Text || s.Info.Kind == FeaturizerKind.Dictionary || s.Info.Kind == FeaturizerKind.Hashed).ToList() : site.Sources.ToList();
            if (sources.Count > 0)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.TreeEnsembleOnSparseFeatures, call.Syntax.GetLocation(), sources.Select(s => s.Featurizer.Syntax.GetLocation()), call.TargetMethod.Name, Describe(sources.Select(s => s.Description))));
            }

            return;
        }

        if (site.Penalties is not { } penalties || penalties.Count == 0 || penalties.Any(p => p.Value != 0))
        {
            return; // a penalty, one tuned from the data, or one not known here
        }

        var zero = string.Join(", ", penalties.Select(p => p.Written is null
            ? (p.Penalty.Parameter ?? p.Penalty.OptionsField) + " = 0 by default"
            : (site.Options is null ? p.Penalty.Parameter : p.Penalty.OptionsField) + " = 0"));
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.UnpenalizedLinearModelOnSparseFeatures,
            call.Syntax.GetLocation(),
            site.Sources.Select(s => s.Featurizer.Syntax.GetLocation()),
            Fix(site, penalties),
            call.TargetMethod.Name,
            zero,
            Describe(site.Sources.Select(s => s.Description))));
    }

    /// <summary>The fix: the L2 penalty (the last one; the only one for most trainers) set to the table's value, or its zero removed.</summary>
    private static ImmutableDictionary<string, string?>? Fix(TrainerSite site, System.Collections.Generic.IReadOnlyList<PenaltyValue> penalties)
    {
        var l2 = penalties[penalties.Count - 1];
        var span = site.Call.Syntax.Span;
        var name = site.Options is null ? l2.Penalty.Parameter : l2.Penalty.OptionsField;
        if (name is null)
        {
            return null; // the parameter overload has no such argument: nothing mechanical to change
        }

        if (l2.Written is { } written)
        {
            if (site.Trainer.SuggestedL2 is { } value)
            {
                return SparseFeaturesFix.Properties(span, PenaltyEdit.Replace, written.Syntax.Span, name, value);
            }

            var removed = written.Parent is IArgumentOperation or ISimpleAssignmentOperation ? written.Parent.Syntax.Span : written.Syntax.Span;
            return SparseFeaturesFix.Properties(span, PenaltyEdit.Remove, removed, name, null);
        }

        if (site.Trainer.SuggestedL2 is not { } suggested)
        {
            return null;
        }

        return site.Options is { } options
            ? SparseFeaturesFix.Properties(span, PenaltyEdit.AddInitializer, options.Syntax.Span, name, suggested)
            : SparseFeaturesFix.Properties(span, PenaltyEdit.AddArgument, span, name, suggested);
    }

    private static string Describe(System.Collections.Generic.IEnumerable<string> sources) => string.Join(" and ", sources.Distinct());

    private static int MinBits(AnalyzerConfigOptions options) =>
        options.TryGetValue(MinBitsOption, out var text) && int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var bits) && bits is >= 1 and <= 31
            ? bits
            : DefaultMinBits;
}
