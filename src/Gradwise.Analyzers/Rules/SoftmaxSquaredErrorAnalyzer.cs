using System.Collections.Immutable;
using Gradwise.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Gradwise.Rules;

/// <summary>
/// GW1002: a softmax output trained with squared error, at the same sites as GW1001, when flow shows
/// the prediction is a softmax output (a method, LINQ or a library softmax, through locals, fields and copies).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SoftmaxSquaredErrorAnalyzer : SquaredErrorRule
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SoftmaxWithSquaredError);

    private protected override Activation Output => Activation.Softmax;

    private protected override DiagnosticDescriptor Rule => Descriptors.SoftmaxWithSquaredError;

    private protected override bool OwnsDeltaWithoutEvidence => false;
}
