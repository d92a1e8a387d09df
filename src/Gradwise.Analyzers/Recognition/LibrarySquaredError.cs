using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Gradwise.Flow;
using Gradwise.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Gradwise.Recognition;

/// <summary>A library squared-error loss: where, of what, and how the fix renames it.</summary>
internal sealed record LibraryLoss(IOperation Site, IOperation Prediction, ImmutableDictionary<string, string?> Fix, IOperation? Criterion);

/// <summary>A squared-error teacher given a network of sigmoid units.</summary>
internal sealed record SigmoidNetwork(IOperation Network, ActivationFact Fact);

/// <summary>Squared error as library and builder APIs spell it, read from the tables in <see cref="LibraryApis"/>.</summary>
internal static class LibrarySquaredError
{
    /// <summary>functional.mse_loss(input, target), or criterion.forward(input, target) with criterion = nn.MSELoss().</summary>
    public static LibraryLoss? Site(IInvocationOperation call, ActivationFlow flow, CancellationToken ct)
    {
        var target = call.TargetMethod;
        if (call.Arguments.Length < 2 || call.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value is not { } input)
        {
            return null;
        }

        if (LibraryApis.SquaredErrorFunctions.TryGetValue(LibraryApis.Key(target), out var replacement))
        {
            var fix = SquaredErrorFix.Properties(SquaredErrorFixKind.LibraryRename, call.Syntax.Span, Enumerable.Empty<(SquaredErrorPart, TextSpan)>(), replacement);
            return new LibraryLoss(call, input, fix, null);
        }

        if (!LibraryApis.ModuleInvocations.Contains(target.Name) || call.Instance is null || flow.ValuesOf(call.Instance, ct) is not { Count: 1 } values
            || Operations.Strip(values[0]) is not IInvocationOperation factory || !LibraryApis.SquaredErrorCriteria.TryGetValue(LibraryApis.Key(factory.TargetMethod), out var criterionReplacement))
        {
            return null;
        }

        var criterionFix = SquaredErrorFix.Properties(SquaredErrorFixKind.LibraryRename, call.Syntax.Span, Enumerable.Empty<(SquaredErrorPart, TextSpan)>(), criterionReplacement);
        return new LibraryLoss(call, input, criterionFix, factory);
    }

    /// <summary>
    /// model.Compile(..., LossType.MeanSquaredError) after a last layer added with a sigmoid activation
    /// (SiaNet's ActType.Sigmoid, or any builder whose enums name a sigmoid and a squared-error loss).
    /// </summary>
    public static ActivationFact? CompiledWithSigmoid(IInvocationOperation compile)
    {
        if (compile.Instance is null || !compile.Arguments.Any(a => IsEnum(a.Value, LibraryApis.SquaredErrorLossEnums))
            || Operations.ReferencedSymbol(compile.Instance) is not { } model)
        {
            return null;
        }

        IInvocationOperation? lastAdd = null;
        foreach (var call in Operations.Root(compile).Descendants().OfType<IInvocationOperation>())
        {
            if (call.Syntax.SpanStart < compile.Syntax.SpanStart && call.Instance != null && !ReferenceEquals(call, compile)
                && SymbolEqualityComparer.Default.Equals(Operations.ReferencedSymbol(call.Instance), model) && LibraryApis.LayerAdders.Contains(call.TargetMethod.Name)
                && (lastAdd is null || call.Syntax.SpanStart > lastAdd.Syntax.SpanStart))
            {
                lastAdd = call;
            }
        }

        var sigmoid = lastAdd?.Descendants().FirstOrDefault(o => IsEnum(o, LibraryApis.SigmoidActivationEnums));
        return sigmoid is null ? null : ActivationFact.At(Activation.Sigmoid, sigmoid, "sigmoid layer");
    }

    /// <summary>Accord/AForge: a squared-error teacher (backpropagation, RPROP, Levenberg-Marquardt) for a network of sigmoid units.</summary>
    public static SigmoidNetwork? TeacherOfSigmoidNetwork(IObjectCreationOperation creation, ActivationFlow flow, CancellationToken ct)
    {
        if (creation.Type is null || !LibraryApis.IsType(creation.Type, LibraryApis.SquaredErrorTeachers) || creation.Arguments.Length == 0)
        {
            return null;
        }

        var network = creation.Arguments[0].Value;
        foreach (var value in flow.ValuesOf(network, ct) ?? new System.Collections.Generic.List<IOperation>())
        {
            if (Operations.Strip(value) is IObjectCreationOperation { Type: { } networkType } networkCreation && LibraryApis.IsType(networkType, LibraryApis.ActivationNetworks)
                && networkCreation.Arguments.Length > 0 && flow.ValuesOf(networkCreation.Arguments[0].Value, ct) is { } activations)
            {
                foreach (var activation in activations)
                {
                    if (Operations.Strip(activation) is IObjectCreationOperation { Type: { } activationType } && LibraryApis.IsType(activationType, LibraryApis.SigmoidActivationTypes))
                    {
                        return new SigmoidNetwork(network, ActivationFact.At(Activation.Sigmoid, activation, activationType.Name));
                    }
                }
            }
        }

        return null;
    }

    private static bool IsEnum(IOperation operation, System.Collections.Generic.HashSet<(string NamespacePrefix, string Enum, string Member)> table) =>
        Operations.Strip(operation) is IFieldReferenceOperation field && LibraryApis.IsEnumMember(field.Field, table);
}
