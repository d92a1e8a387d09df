using System.Collections.Immutable;
using Gradwise.Recognition;
using Microsoft.CodeAnalysis;

namespace Gradwise.Flow;

/// <summary>What a value can be the output of.</summary>
internal enum Activation
{
    /// <summary>The logistic sigmoid σ(z) = 1 / (1 + e^−z).</summary>
    Sigmoid,

    /// <summary>One output of a softmax, e^{s_k} / Σ_j e^{s_j}.</summary>
    Softmax,

    /// <summary>An exponential e^u: what a softmax is built from.</summary>
    Exponential,

    /// <summary>
    /// A sigmoid or a softmax output, asked in one search (<see cref="ActivationFlow.MayBeOutput"/>): a value that is neither, as
    /// most are, is then searched once instead of once per kind. Its facts carry the kind found.
    /// </summary>
    SigmoidOrSoftmax,
}

/// <summary>
/// A may-fact: on some path the program can take, the value is an output of <see cref="Kind"/>.
/// <see cref="Source"/> is where the activation is; <see cref="Path"/> the writes, returns and
/// definitions that carried it to the value asked about, nearest first.
/// </summary>
internal sealed class ActivationFact
{
    public ActivationFact(Activation kind, Evidence source, ImmutableArray<Location> path, IMethodSymbol? function = null)
    {
        Kind = kind;
        Source = source;
        Path = path;
        Function = function;
    }

    public Activation Kind { get; }

    public Evidence Source { get; }

    public ImmutableArray<Location> Path { get; }

    /// <summary>
    /// The method whose parameters alone <see cref="Source"/> computes the activation of (<c>Sigmoid(z) => 1 / (1 + Math.Exp(-z))</c>,
    /// <c>Sigmoid(v) => v.Map(x => ...)</c>): an activation function, which is the sigmoid where it is called. Null for a formula over
    /// anything else (a layer's weighted sum, a field) and for a call that leads to one.
    /// </summary>
    public IMethodSymbol? Function { get; }

    /// <summary>The same fact, reached through one more step at <paramref name="step"/>.</summary>
    public ActivationFact Through(IOperation step) => new(Kind, Source, Path.Insert(0, step.Syntax.GetLocation()), Function);

    public static ActivationFact At(Activation kind, IOperation where, string what, IMethodSymbol? function = null) =>
        new(kind, new Evidence(where.Syntax.GetLocation(), what), ImmutableArray<Location>.Empty, function);
}
