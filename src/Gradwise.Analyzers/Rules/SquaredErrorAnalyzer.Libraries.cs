using Gradwise.Flow;
using Gradwise.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Gradwise.Rules;

/// <summary>The library sites of GW1001 and GW1002: losses, teachers and trainers of networks, models compiled or built with a squared-error loss.</summary>
public sealed partial class SquaredErrorAnalyzer
{
    /// <summary>A library loss, trainer or compiled model on a sigmoid or softmax output; true when <paramref name="call"/> is one (reported or not).</summary>
    private static bool ReportedLibraryCall(OperationAnalysisContext context, IInvocationOperation call, ActivationFlow flow, ModelParts parts)
    {
        var ct = context.CancellationToken;
        if (LibrarySquaredError.Site(call, flow, ct) is { } library)
        {
            foreach (var (output, rule) in Rules)
            {
                if (flow.Of(library.Prediction, output, ct) is { } fact)
                {
                    // A binary cross-entropy replacement fits a sigmoid only; a softmax needs the model's logits, so no fix is offered.
                    var fix = output == Activation.Sigmoid ? library.Fix : NoFix(library.Site);
                    var locations = library.Criterion is null ? new[] { fact.Source.Location } : new[] { fact.Source.Location, library.Criterion.Syntax.GetLocation() };
                    context.ReportDiagnostic(Diagnostic.Create(rule, library.Site.Syntax.GetLocation(), locations, fix, library.Prediction.Syntax.ToString(), fact.Source.Where));
                    return true;
                }
            }

            return true;
        }

        if (LibrarySquaredError.EncogTrainerOfSigmoidNetwork(call, parts, flow, ct) is { } trained)
        {
            ReportTeacher(context, call, trained);
            return true;
        }

        if (LibrarySquaredError.CompiledAfterActivation(call, parts, flow.Index, ct) is { } compiled)
        {
            context.ReportDiagnostic(Diagnostic.Create(RuleFor(compiled), call.Syntax.GetLocation(), new[] { compiled.Source.Location }, LibrarySquaredError.ModelName(call) + "'s output", compiled.Source.Where));
            return true;
        }

        if ((LibrarySquaredError.GivenLayersEndingInActivation(call, call.Arguments, parts, flow.Index, ct)
            ?? LibrarySquaredError.ConfiguredWithActivationAndLoss(call.Arguments, parts, ct)) is { } given)
        {
            context.ReportDiagnostic(Diagnostic.Create(RuleFor(given), call.Syntax.GetLocation(), new[] { given.Source.Location }, "the output of '" + call.TargetMethod.Name + "'", given.Source.Where));
            return true;
        }

        return false;
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, ActivationFlow flow, ModelParts parts)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        flow.Index.Saw(creation);
        if ((LibrarySquaredError.TeacherOfSigmoidNetwork(creation, flow, context.CancellationToken)
            ?? LibrarySquaredError.EncogTrainerOfSigmoidNetwork(creation, parts, flow, context.CancellationToken)
            ?? LibrarySquaredError.MadeFromSigmoidOutputLayer(creation, flow, context.CancellationToken)) is { } network)
        {
            ReportTeacher(context, creation, network);
        }
        else if ((LibrarySquaredError.MadeWithLossEndingInActivation(creation, parts, flow.Index, context.CancellationToken)
            ?? LibrarySquaredError.ConfiguredWithActivationAndLoss(creation.Arguments, parts, context.CancellationToken)) is { } given && creation.Type is { } type)
        {
            context.ReportDiagnostic(Diagnostic.Create(RuleFor(given), creation.Syntax.GetLocation(), new[] { given.Source.Location }, "the " + type.Name + "'s output", given.Source.Where));
        }
    }

    /// <summary>A squared-error teacher or trainer of a network of sigmoid units, at the teacher.</summary>
    private static void ReportTeacher(OperationAnalysisContext context, IOperation teacher, SigmoidNetwork network)
    {
        // Encog 3.4: ErrorFunction = new CrossEntropyErrorFunction() in the trainer's initializer, where the library has that type.
        var fix = network.ErrorFunctionSettable && context.Compilation.GetTypeByMetadataName(LibraryApis.EncogCrossEntropyErrorFunction) != null
            ? SquaredErrorFix.Setting(teacher.Syntax.Span, LibraryApis.EncogErrorFunction, LibraryApis.EncogCrossEntropyErrorFunction)
            : NoFix(teacher);
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.SigmoidWithSquaredError, teacher.Syntax.GetLocation(), new[] { network.Fact.Source.Location }, fix, network.Network.Syntax.ToString(), network.Fact.Source.Where));
    }

    /// <summary><c>net.Loss = new MeanSquaredError()</c>, or <c>new Network { Loss = ... }</c>, on a model ending in a sigmoid or softmax layer.</summary>
    private static void AnalyzeLossSetting(OperationAnalysisContext context, ActivationFlow flow, ModelParts parts)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        flow.Index.Saw(assignment);
        if (LibrarySquaredError.SetOnModelEndingInActivation(assignment, parts, flow.Index, context.CancellationToken) is { } output
            && assignment.Target is IMemberReferenceOperation { Instance: { } receiver })
        {
            var model = receiver is IInstanceReferenceOperation && assignment.Parent?.Parent is IObjectCreationOperation { Type: { } type } ? "the " + type.Name : receiver.Syntax.ToString();
            context.ReportDiagnostic(Diagnostic.Create(RuleFor(output), assignment.Syntax.GetLocation(), new[] { output.Source.Location }, model + "'s output", output.Source.Where));
        }
    }
}
