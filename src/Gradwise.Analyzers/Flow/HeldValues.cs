using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Gradwise.Flow;

/// <summary>
/// What flow says a receiver or a delegate can hold (<see cref="ActivationFlow.ValuesOf"/>), asked under one cancellation token.
/// A value handed to recognizers at every product and call of the compilation, where a delegate would be an allocation per site.
/// </summary>
internal readonly struct HeldValues
{
    private readonly ActivationFlow flow;
    private readonly CancellationToken cancellationToken;

    public HeldValues(ActivationFlow flow, CancellationToken cancellationToken)
    {
        this.flow = flow;
        this.cancellationToken = cancellationToken;
    }

    /// <summary>The values <paramref name="reference"/> can hold as far as flow can place them, or null when it can place none.</summary>
    public List<IOperation>? Invoke(IOperation reference) => flow.ValuesOf(reference, cancellationToken);

    /// <summary>The receivers of every call of the method <paramref name="inside"/> is in, where flow places them all (<see cref="ActivationFlow.CallerReceivers"/>).</summary>
    public List<IOperation>? CallerReceivers(IOperation inside) => flow.CallerReceivers(inside, cancellationToken);

    /// <summary>The codes the output layer's element of a per-layer code array holds (<see cref="ActivationFlow.OutputLayerCodesOf"/>).</summary>
    public List<IOperation>? OutputLayerCodes(IOperation code) => flow.OutputLayerCodesOf(code, cancellationToken);

    /// <summary>The values a setting of this holds for the objects a call runs on (<see cref="ActivationFlow.SettingOn"/>).</summary>
    public List<IOperation>? SettingOn(IOperation setting, IOperation? receiver, IReadOnlyList<IOperation>? calledOn, ITypeSymbol? runsOn = null) =>
        flow.SettingOn(setting, receiver, calledOn, runsOn, cancellationToken);
}
