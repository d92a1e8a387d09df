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
/// GW4001: a hard-label loss plus a soft-target loss at temperature T (<see cref="SoftTargets"/>) where the soft
/// term is not multiplied by T². The warning is on the sum that combines them; the second location is where the
/// logits are divided by T. Also in <c>[Differentiable]</c> methods: the generated gradient has the 1/T² too.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DistillationAnalyzer : FlowRuleAnalyzer
{
    /// <summary>The rule.</summary>
    public DistillationAnalyzer()
        : base(Descriptors.DistillationWithoutTemperatureSquared)
    {
    }

    /// <inheritdoc />
    protected override void Start(CompilationStartAnalysisContext start)
    {
        if (!FlowIndex.AnyFile(start.Compilation, start.TryGetValue, TreeCandidates.LogProvider))
        {
            return; // no log anywhere, and no library loss that takes one
        }

        var index = FlowIndex.For(start.Compilation, start.TryGetValue);
        var cache = new SoftTargets.Cache();

        // Each body is looked at once, when the driver starts on it: its sums are looked at only when it may hold a soft-target loss
        // (no table shared by every thread is asked at every sum).
        start.RegisterOperationBlockStartAction(block =>
        {
            if (block.OperationBlocks.Any(MayDistill))
            {
                block.RegisterOperationAction(c => Analyze(c, index, cache), OperationKind.Binary);
            }
        });
    }

    private static void Analyze(OperationAnalysisContext context, FlowIndex index, SoftTargets.Cache cache)
    {
        var sum = (IBinaryOperation)context.Operation;
        if (sum.OperatorKind is not (BinaryOperatorKind.Add or BinaryOperatorKind.Subtract) || !(MathApi.IsReal(sum.Type) || sum.Type?.Name == "Tensor"))
        {
            return;
        }

        index.Saw(sum);
        if (SoftTargets.Site(sum, index, cache, context.CancellationToken) is not { } site)
        {
            return;
        }

        var properties = DistillationFix.Properties(site.Combination.Syntax.Span, site.SoftTerm.Syntax.Span, site.Temperature.Syntax.Span);
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.DistillationWithoutTemperatureSquared,
            site.Combination.Syntax.GetLocation(),
            new[] { site.Tempering.Syntax.GetLocation() },
            properties,
            site.SoftTerm.Syntax.ToString(),
            site.Temperature.Syntax.ToString()));
    }

    /// <summary>Once per body (one walk): a soft-target loss is accumulated here with a log, or computed by a method called here.</summary>
    private static bool MayDistill(IOperation root)
    {
        var (log, division) = (false, false);
        foreach (var operation in root.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IInvocationOperation call when call.TargetMethod.DeclaringSyntaxReferences.Length > 0
                    || LibraryApis.SoftTargetLosses.Contains(LibraryApis.Key(call.TargetMethod)) || LibraryApis.ModuleInvocations.Contains(call.TargetMethod.Name):
                    return true;
                case IInvocationOperation { TargetMethod.Name: "Log" }:
                    log = true;
                    break;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide }:
                    division = true;
                    break;
            }

            if (log && division)
            {
                return true;
            }
        }

        return false;
    }
}
