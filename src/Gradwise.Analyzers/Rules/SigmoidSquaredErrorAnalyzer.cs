using System.Collections.Immutable;
using Gradwise.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Gradwise.Rules;

/// <summary>
/// GW1001: a sigmoid output trained with squared error. Sites: (p − y)², Math.Pow(p − y, 2), a
/// squared-error method of any name, a mean-squared-error method over arrays, library losses and
/// teachers; and the delta (t − o)·o·(1 − o), which is σ' in terms of the output by its shape alone.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SigmoidSquaredErrorAnalyzer : SquaredErrorRule
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SigmoidWithSquaredError);

    private protected override Activation Output => Activation.Sigmoid;

    private protected override DiagnosticDescriptor Rule => Descriptors.SigmoidWithSquaredError;

    private protected override bool OwnsDeltaWithoutEvidence => true;
}
