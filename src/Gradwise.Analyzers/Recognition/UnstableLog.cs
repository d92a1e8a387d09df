using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Gradwise.Flow;
using Gradwise.Frontend;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Gradwise.Recognition;

/// <summary>What says the argument of a log is a probability that can round to 0.</summary>
internal enum ProbabilityEvidence
{
    /// <summary>A sigmoid reaches it (flow).</summary>
    Sigmoid,

    /// <summary>A softmax reaches it (flow).</summary>
    Softmax,

    /// <summary>The binary cross-entropy shape: log p and log(1 − p) of the same p in one expression.</summary>
    BinaryCrossEntropy,

    /// <summary>The categorical cross-entropy shape: t[k] · log p[k], two collections at one index.</summary>
    CategoricalCrossEntropy,
}

/// <summary>
/// A log of a probability with nothing between it and 0: <c>Math.Log(p)</c> or <c>Math.Log(1 - p)</c>
/// (or a call of a user helper whose body is exactly that log), where p is a sigmoid or softmax output or the
/// cross-entropy shape says p is a probability.
/// </summary>
/// <param name="Site">The log call, or the call of the helper.</param>
/// <param name="Probability">p.</param>
/// <param name="Complement">True for log(1 − p).</param>
/// <param name="Evidence">Why p is a probability.</param>
/// <param name="Fact">The flow fact, for sigmoid and softmax evidence.</param>
/// <param name="Logit">z, where p = σ(z) and z can be read at the site unchanged: the stable form is in reach; for p = softmax(s)[k], the scores s.</param>
/// <param name="Index">k, for p = softmax(s)[k] with s in reach.</param>
internal sealed record UnstableLogSite(IInvocationOperation Site, IOperation Probability, bool Complement, ProbabilityEvidence Evidence, ActivationFact? Fact, IOperation? Logit, IOperation? Index = null);

/// <summary>Recognizes <see cref="UnstableLogSite"/>s. Guards are structural: a log whose argument is anything but p or 1 − p
/// (<c>p + eps</c>, <c>Math.Max(p, eps)</c>, a clamp, a helper that floors its argument) is not one.</summary>
internal static class UnstableLog
{
    public static UnstableLogSite? Site(IInvocationOperation call, ActivationFlow flow, CancellationToken ct)
    {
        if (TensorLogArgument(call) is { } tensor)
        {
            // torch.log(p), p.log(): only where flow finds the sigmoid or softmax (the library has the stable forms).
            var (q, tensorComplement) = Split(tensor);
            return flow.Of(q, Activation.Softmax, ct) is { } softmaxTensor
                ? new UnstableLogSite(call, q, tensorComplement, ProbabilityEvidence.Softmax, softmaxTensor, null)
                : flow.Of(q, Activation.Sigmoid, ct) is { } sigmoidTensor
                    ? new UnstableLogSite(call, q, tensorComplement, ProbabilityEvidence.Sigmoid, sigmoidTensor, null)
                    : null;
        }

        if (TensorPrimitivesLogInput(call) is { } input)
        {
            return BufferSite(call, input, flow, ct);
        }

        if (LogArgument(call, flow.Index, ct) is not { } argument)
        {
            return null;
        }

        var (p, complement) = Split(argument);
        if (p.Type?.SpecialType is not (SpecialType.System_Double or SpecialType.System_Single))
        {
            return null;
        }

        if (Element(p) is { } read && FlooredFill(read.Collection, p, flow.Index, ct))
        {
            return null; // MathF.Log(p[i]) after TensorPrimitives.Max(p, 1e-7f, p): the fill the read sees keeps p away from 0
        }

        if (flow.Of(p, Activation.Softmax, ct) is { } softmax)
        {
            var scores = complement ? null : ScoresInReach(p, flow, ct);
            return new UnstableLogSite(call, p, complement, ProbabilityEvidence.Softmax, softmax, scores?.Scores, scores?.Index);
        }

        if (flow.Of(p, Activation.Sigmoid, ct) is { } sigmoid)
        {
            return new UnstableLogSite(call, p, complement, ProbabilityEvidence.Sigmoid, sigmoid, LogitInReach(p, flow, ct));
        }

        if (IsFloored(p, flow, ct))
        {
            return null; // the shape says probability, but every value p can hold is clamped or floored
        }

        if (HasComplementaryLog(call, p, complement, flow.Index, ct))
        {
            return new UnstableLogSite(call, p, complement, ProbabilityEvidence.BinaryCrossEntropy, null, null);
        }

        return !complement && IsWeightedByTarget(call, p)
            ? new UnstableLogSite(call, p, complement, ProbabilityEvidence.CategoricalCrossEntropy, null, null)
            : null;
    }

    /// <summary>
    /// <c>TensorPrimitives.Log(p, destination)</c> of a buffer the sigmoid or the softmax filled (flow, element by element), or of
    /// <c>q</c> after <c>TensorPrimitives.Subtract(1f, p, q)</c> (the log of 1 − p); null where the fill the log sees, or the one the
    /// subtraction sees, floors the buffer (<c>TensorPrimitives.Clamp(p, 1e-7f, 1 - 1e-7f, p)</c>).
    /// </summary>
    private static UnstableLogSite? BufferSite(IInvocationOperation call, IOperation input, ActivationFlow flow, CancellationToken ct)
    {
        if (FlooredFill(input, call, flow.Index, ct))
        {
            return null;
        }

        var fill = flow.Index.FilledBy(input, call, ct);
        var (p, complement) = fill is { TargetMethod.Name: "Subtract", Arguments: [var one, var subtracted, _] }
            && Operations.Number(one.Value) == 1.0 && !MathApi.IsNumeric(subtracted.Value.Type)
            ? (Operations.SpanOf(subtracted.Value), true)
            : (input, false);
        if (complement && FlooredFill(p, fill!, flow.Index, ct))
        {
            return null; // Min(p, 0.999f, p) before Subtract(1f, p, q)
        }

        return flow.ElementsOf(p, Activation.Softmax, ct) is { } softmax
            ? new UnstableLogSite(call, p, complement, ProbabilityEvidence.Softmax, softmax, null)
            : flow.ElementsOf(p, Activation.Sigmoid, ct) is { } sigmoid
                ? new UnstableLogSite(call, p, complement, ProbabilityEvidence.Sigmoid, sigmoid, null)
                : null;
    }

    /// <summary>The span whose elementwise natural log <c>TensorPrimitives.Log(x, destination)</c> takes, or null for any other call.</summary>
    public static IOperation? TensorPrimitivesLogInput(IInvocationOperation call) =>
        call is { TargetMethod.Name: "Log", Arguments: [var x, _] } && TensorApi.IsTensorPrimitives(call.TargetMethod.ContainingType) && !MathApi.IsNumeric(x.Value.Type)
            ? Operations.SpanOf(x.Value)
            : null;

    /// <summary>
    /// True when the fill of <paramref name="buffer"/> that <paramref name="use"/> sees (<see cref="FlowIndex.FilledBy"/>) is
    /// <c>TensorPrimitives.Max</c>, <c>Min</c> or <c>Clamp</c> with a constant bound: the structural guard <see cref="IsFloor"/> is, for a buffer.
    /// </summary>
    private static bool FlooredFill(IOperation buffer, IOperation use, FlowIndex index, CancellationToken ct) =>
        (index.FilledBy(buffer, use, ct) ?? LastFillElsewhere(buffer, use, index, ct)) is { TargetMethod.Name: "Max" or "Min" or "Clamp" } fill
        && fill.Arguments.Take(fill.Arguments.Length - 1).Any(a => Operations.Number(a.Value) is not null || Operations.Strip(a.Value) is IFieldReferenceOperation { Field.IsConst: true });

    /// <summary>
    /// A field buffer filled by several <c>TensorPrimitives</c> calls, all in one other method (<c>Forward</c>: <c>Sigmoid(z, p);
    /// Clamp(p, 1e-7f, 1 - 1e-7f, p);</c>), read in this one (<c>Loss</c>): the last of them when it is a statement of that method's
    /// own block, the fill the read sees once that method has run. Asked only for a guard, so it can only keep a warning back;
    /// null for anything else.
    /// </summary>
    private static IInvocationOperation? LastFillElsewhere(IOperation buffer, IOperation use, FlowIndex index, CancellationToken ct)
    {
        if (Operations.Strip(buffer) is not IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field
            || index.TensorFills(field.Field.OriginalDefinition, use, ct) is not { Count: > 1 } fills)
        {
            return null;
        }

        var body = TreeCandidates.Owner(fills[0].Syntax);
        if (body is null || body == TreeCandidates.Owner(use.Syntax) || fills.Any(f => TreeCandidates.Owner(f.Syntax) != body))
        {
            return null;
        }

        var last = fills.OrderBy(f => f.Syntax.SpanStart).Last();
        return last is { Parent: IExpressionStatementOperation { Parent: IBlockOperation { Parent: IMethodBodyOperation } } } ? last : null;
    }

    /// <summary>The argument of a natural log: Math.Log, MathF.Log, double.Log, float.Log with one argument, or a user helper whose body is such a log of its parameter.</summary>
    public static IOperation? LogArgument(IInvocationOperation call, FlowIndex index, CancellationToken ct)
    {
        if (call.Arguments.Length != 1)
        {
            return null;
        }

        if (IsNaturalLog(call.TargetMethod))
        {
            return call.Arguments[0].Value;
        }

        var method = call.TargetMethod.OriginalDefinition;
        if (method.Parameters.Length != 1 || method.DeclaringSyntaxReferences.Length == 0 || method.Name.Length == 0
            || !MathApi.IsReal(method.ReturnType) || !MathApi.IsReal(method.Parameters[0].Type))
        {
            return null;
        }

        return index.SingleReturn(method, ct) is { } returned && Operations.Strip(returned) is IInvocationOperation inner
            && inner.Arguments.Length == 1 && IsNaturalLog(inner.TargetMethod)
            && Operations.Strip(inner.Arguments[0].Value) is IParameterReferenceOperation parameter
            && SymbolEqualityComparer.Default.Equals(parameter.Parameter.OriginalDefinition, method.Parameters[0])
            ? call.Arguments[0].Value
            : null;
    }

    /// <summary>The tensor whose elementwise log a TorchSharp call takes (<c>torch.log(p)</c>, <c>p.log()</c>), or null.</summary>
    public static IOperation? TensorLogArgument(IInvocationOperation call) =>
        LibraryApis.TensorLogs.Contains(LibraryApis.Key(call.TargetMethod)) switch
        {
            false => null,
            true when call.Instance is { } instance && call.Arguments.Length == 0 => instance,
            true when call.Arguments.Length == 1 => call.Arguments[0].Value,
            _ => null,
        };

    /// <summary>Math.Log and its kin with one argument (the natural log).</summary>
    public static bool IsNaturalLog(IMethodSymbol method) =>
        method.Name == "Log" && method.Parameters.Length == 1 && method.IsStatic
        && IsMathMember(method);

    /// <summary>True when every value flow can place in p is Math.Max/Min/Clamp with a constant bound (a clamp away from 0 or 1).</summary>
    private static bool IsFloored(IOperation p, ActivationFlow flow, CancellationToken ct)
    {
        if (p is IParameterReferenceOperation parameter)
        {
            // p = Math.Clamp(p, eps, 1 - eps) on the parameter itself, before the log: its callers' values do not reach the log.
            return Operations.Root(p).Descendants().OfType<ISimpleAssignmentOperation>()
                .Any(a => Operations.Strip(a.Target) is IParameterReferenceOperation written && SymbolEqualityComparer.Default.Equals(written.Parameter, parameter.Parameter)
                    && a.Syntax.SpanStart < p.Syntax.SpanStart && IsFloor(a.Value));
        }

        return flow.ValuesOf(p, ct) is { Count: > 0 } values && values.All(IsFloor);
    }

    private static bool IsFloor(IOperation value) =>
        Operations.Strip(value) is IInvocationOperation { TargetMethod.Name: "Max" or "Min" or "Clamp" } bound
        && IsMathMember(bound.TargetMethod)
        && bound.Arguments.Any(a => a.Value.ConstantValue.HasValue || Operations.Strip(a.Value).ConstantValue.HasValue || Operations.Strip(a.Value) is IFieldReferenceOperation { Field.IsConst: true });

    /// <summary>p and whether the argument is 1 − p.</summary>
    private static (IOperation P, bool Complement) Split(IOperation argument)
    {
        var stripped = Operations.Strip(argument);
        return stripped is IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract } difference && Operations.Number(difference.LeftOperand) == 1.0
            ? (Operations.Strip(difference.RightOperand), true)
            : (stripped, false);
    }

    /// <summary>y · log p + (1 − y) · log(1 − p): the other log of the same p in the same arithmetic expression.</summary>
    private static bool HasComplementaryLog(IInvocationOperation call, IOperation p, bool complement, FlowIndex index, CancellationToken ct)
    {
        var root = (IOperation)call;
        while (root.Parent is IBinaryOperation or IUnaryOperation or IParenthesizedOperation or IConversionOperation or IConditionalOperation)
        {
            root = root.Parent;
        }

        foreach (var other in root.DescendantsAndSelf().OfType<IInvocationOperation>())
        {
            if (other != call && LogArgument(other, index, ct) is { } argument && Split(Unfloored(argument)) is var (q, otherComplement)
                && otherComplement != complement && Operations.Equivalent(q, p))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The value inside a clamp: a guarded partner log (log(max(p, ε))) still says p is a probability.</summary>
    private static IOperation Unfloored(IOperation argument) =>
        Operations.Strip(argument) is IInvocationOperation { TargetMethod.Name: "Max" or "Min" or "Clamp", Arguments.Length: >= 2 } bound && IsMathMember(bound.TargetMethod)
            ? bound.Arguments[0].Value.ConstantValue.HasValue ? bound.Arguments[1].Value : bound.Arguments[0].Value
            : argument;

    private static bool IsMathMember(IMethodSymbol method) =>
        MathApi.IsMathType(method.ContainingType);

    /// <summary>t[k] · log p[k]: the log of one collection's element times another collection's element at the same index.</summary>
    private static bool IsWeightedByTarget(IInvocationOperation call, IOperation p)
    {
        var node = (IOperation)call;
        while (node.Parent is IParenthesizedOperation or IConversionOperation { OperatorMethod: null })
        {
            node = node.Parent;
        }

        if (node.Parent is not IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply, OperatorMethod: null } product || Element(p) is not { } probability)
        {
            return false;
        }

        var other = Operations.Strip(ReferenceEquals(product.LeftOperand, node) ? product.RightOperand : product.LeftOperand);
        if (other is IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus, OperatorMethod: null } negated)
        {
            other = Operations.Strip(negated.Operand); // -t[k] * log p[k]
        }

        return Element(other) is { } target
            && !Operations.Equivalent(target.Collection, probability.Collection)
            && target.Indices.Length == probability.Indices.Length
            && target.Indices.Zip(probability.Indices, Operations.Equivalent).All(same => same);
    }

    private static (IOperation Collection, ImmutableArray<IOperation> Indices)? Element(IOperation operation)
    {
        switch (operation)
        {
            case IArrayElementReferenceOperation array:
                return (array.ArrayReference, array.Indices);
            case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } list } indexer:
                return (list, indexer.Arguments.Select(a => a.Value).ToImmutableArray());
            default:
                return null;
        }
    }

    /// <summary>
    /// s and k for p = probs[k] where probs is <c>Softmax(s)</c> (a one-argument method over an array or list that flow says is a softmax),
    /// called inline or in the one definition of the local probs, with s not written between (elements included).
    /// </summary>
    private static (IOperation Scores, IOperation Index)? ScoresInReach(IOperation p, ActivationFlow flow, CancellationToken ct)
    {
        var (collection, indices) = p switch
        {
            IArrayElementReferenceOperation element => (Operations.Strip(element.ArrayReference), element.Indices),
            IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } list } indexer => (Operations.Strip(list), indexer.Arguments.Select(a => a.Value).ToImmutableArray()),
            _ => (null, ImmutableArray<IOperation>.Empty),
        };
        if (collection is null || indices.Length != 1)
        {
            return null;
        }

        var definition = collection is ILocalReferenceOperation local ? flow.Index.SingleDefinition(local, ct) : collection;
        if (definition is null || Operations.Strip(definition) is not IInvocationOperation { Arguments.Length: 1 } softmax || softmax.TargetMethod.DeclaringSyntaxReferences.Length == 0
            || softmax.Arguments[0].Value.Type is not (IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Double } or INamedTypeSymbol { Name: "List" or "IReadOnlyList" or "IList", TypeArguments: [{ SpecialType: SpecialType.System_Double }] })
            || flow.ElementsOf(softmax, Activation.Softmax, ct) is null)
        {
            return null;
        }

        var scores = softmax.Arguments[0].Value;
        var root = Operations.Root(p);
        var symbol = Operations.ReferencedSymbol(scores);
        if (symbol is null && !scores.ConstantValue.HasValue)
        {
            return null;
        }

        var writtenBetween = symbol != null && (LogitReach.WrittenBetween(root, symbol, definition, p) || root.Descendants().Any(o =>
            o is ISimpleAssignmentOperation or ICompoundAssignmentOperation or IIncrementOrDecrementOperation
            && ((IOperation)o).ChildOperations.FirstOrDefault() is IArrayElementReferenceOperation or IPropertyReferenceOperation { Property.IsIndexer: true }
            && SymbolEqualityComparer.Default.Equals(Operations.ReferencedSymbol(ElementOwner(((IOperation)o).ChildOperations.First())), symbol)
            && o.Syntax.SpanStart > definition.Syntax.SpanStart && o.Syntax.SpanStart < p.Syntax.SpanStart));
        return writtenBetween ? null : (scores, indices[0]);
    }

    private static IOperation ElementOwner(IOperation element) => element switch
    {
        IArrayElementReferenceOperation array => array.ArrayReference,
        IPropertyReferenceOperation { Instance: { } instance } => instance,
        _ => element,
    };

    /// <summary>z for p = σ(z) written at p itself or in the one definition of the local p, where z can be read at the log unchanged.</summary>
    private static IOperation? LogitInReach(IOperation p, ActivationFlow flow, CancellationToken ct) =>
        LogitReach.Of(p, flow, ct) is { Readable: true, Dimension: null } input ? input.Logit : null;
}
