using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Gradwise.Flow;

/// <summary>
/// Which layers of a network the neuron an operation reads belongs to: the collection of layers it is taken from (<c>layers</c> of
/// <c>layers[l][j]</c>, <c>layers[l].Neurons[j]</c>, <c>foreach (var n in layers[l])</c>, <c>last[i]</c> of
/// <c>var last = layers[layers.Count - 1]</c>) and whether those layers include the last one, the output layer. A product taken over
/// every layer from the last down (<c>for (l = layers.Count - 1; l &gt;= 0; l--)</c>) runs on the neurons an error stored for the
/// output layer was written for; one over the hidden layers only (<c>for (l = layers.Count - 2; ...)</c>) does not.
/// </summary>
internal static class LayerPicks
{
    /// <summary>Which of a collection's layers a neuron can be in.</summary>
    internal enum Reach
    {
        /// <summary>The last layer only.</summary>
        Last,

        /// <summary>Several layers, the last among them.</summary>
        WithLast,

        /// <summary>Layers that are never the last one.</summary>
        WithoutLast,
    }

    /// <summary>
    /// The collection of layers and which of them a neuron can be in: the collection as the symbols that read it from this object or
    /// from a local (<c>layers</c>; <c>neuralNetwork</c>, <c>outputLayer</c> of <c>this.neuralNetwork.outputLayer</c>).
    /// </summary>
    internal readonly record struct Pick(ImmutableArray<ISymbol> Layers, Reach Reach);

    /// <summary>
    /// True when the neurons <paramref name="runsOn"/> reads can be among those <paramref name="storedOn"/> was written for: both are
    /// taken from one collection of layers and both can be in its last layer (or both are in one layer object held apart), and the
    /// two are not in the two branches of one <c>if</c>. False where either cannot be placed.
    /// </summary>
    /// <remarks>
    /// Each is read as a neuron (an element of a layer: <c>layers[l][j]</c>) and as a layer object (<c>layers[l]</c>, whose
    /// <c>Error[k]</c> the store wrote), and the two must be placed alike.
    /// </remarks>
    public static bool MayShare(IOperation runsOn, IOperation storedOn, FlowIndex index, CancellationToken ct) =>
        !InOtherBranches(runsOn, storedOn)
        && (Share(NeuronOf(runsOn, index, ct), NeuronOf(storedOn, index, ct)) || Share(LayerOf(runsOn, runsOn, index, ct, 0), LayerOf(storedOn, storedOn, index, ct, 0)));

    private static bool Share(IReadOnlyList<Pick> runs, IReadOnlyList<Pick> stored) =>
        runs.Any(r => r.Reach != Reach.WithoutLast && stored.Any(s => s.Reach != Reach.WithoutLast && r.Layers.SequenceEqual(s.Layers, SymbolEqualityComparer.Default)));

    private static readonly Pick[] None = System.Array.Empty<Pick>();

    /// <summary>
    /// The layers the neuron <paramref name="neuron"/> reads can be in (empty where flow cannot say). A neuron of this object's own
    /// collection (<c>foreach (var n in Neurons)</c> in a layer's method) is in the layers the method's calls run on
    /// (<c>output.ComputeDeltas()</c>) where flow places every one; where a call runs on an object flow cannot place (the network's
    /// own <c>Train</c> called on <c>net</c>), that collection is one layer of its own (an <c>outputNeurons</c> array of the
    /// network); a method nothing calls runs on none. A neuron parameter is each neuron the method's callers hand it.
    /// </summary>
    public static IReadOnlyList<Pick> NeuronOf(IOperation neuron, FlowIndex index, CancellationToken ct) => NeuronOf(neuron, index, ct, 0);

    private static IReadOnlyList<Pick> NeuronOf(IOperation neuron, FlowIndex index, CancellationToken ct, int depth)
    {
        if (NeuronsOf(neuron, index, ct, 0) is not { } neurons)
        {
            // CalculateOutputGradient(Neuron neuron): each neuron its callers hand it (outputLayer.neurons[k])
            return depth < 2 && Operations.Strip(neuron) is IParameterReferenceOperation { Parameter: { RefKind: RefKind.None, ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Ordinary } method } parameter }
                ? index.ArgumentsTo(method, parameter.Ordinal, ct).SelectMany(handed => NeuronOf(handed, index, ct, depth + 1)).ToList()
                : None;
        }

        var owner = Owner(neurons);
        if (ReferenceEquals(owner, Operations.Strip(neurons)) && owner is IMemberReferenceOperation { Instance: IInstanceReferenceOperation, Member.IsStatic: false })
        {
            var (called, placed) = CallersLayers(neuron, index, ct);
            if (!called || placed.Count > 0)
            {
                return placed;
            }
        }

        return LayerOf(owner, neuron, index, ct, 0);
    }

    /// <summary>
    /// Whether the method <paramref name="inside"/> is in is called, and the layers its calls run on where flow places every call's
    /// receiver (empty otherwise).
    /// </summary>
    private static (bool Called, IReadOnlyList<Pick> Placed) CallersLayers(IOperation inside, FlowIndex index, CancellationToken ct)
    {
        if (Operations.InstanceMethodOf(inside, ct) is not { } method)
        {
            return (false, None);
        }

        var picks = new List<Pick>();
        var called = false;
        foreach (var receiver in index.CallReceivers(method, ct))
        {
            called = true;
            if (receiver is null || Operations.Strip(receiver) is IInstanceReferenceOperation || LayerOf(receiver, receiver, index, ct, 1) is not { Count: > 0 } placed)
            {
                return (true, None);
            }

            picks.AddRange(placed);
        }

        return (called, picks);
    }

    /// <summary>The collection a neuron is an element of: <c>layer</c> of <c>layer[j]</c> and of <c>foreach (var n in layer)</c>.</summary>
    private static IOperation? NeuronsOf(IOperation neuron, FlowIndex index, CancellationToken ct, int depth) => Operations.Strip(neuron) switch
    {
        IArrayElementReferenceOperation { Indices.Length: 1, ArrayReference: var array } => array,
        IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1, Instance: { } list } => list,
        IImplicitIndexerReferenceOperation { Instance: var list } => list,
        ILocalReferenceOperation local => EachOf(local, index, ct) ?? (depth < 3 && index.SingleDefinition(local, ct) is { } value ? NeuronsOf(value, index, ct, depth + 1) : null),
        IParameterReferenceOperation parameter => EachOf(parameter),
        _ => null,
    };

    /// <summary>
    /// The layer a collection of neurons belongs to: the object whose member it is (<c>layers[l]</c> of <c>layers[l].Neurons</c>), or
    /// the collection itself (<c>layers[l]</c> of a list of arrays).
    /// </summary>
    private static IOperation Owner(IOperation neurons) =>
        Operations.Strip(neurons) is IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol { IsIndexer: false }, Instance: { } owner } && Operations.Strip(owner) is not IInstanceReferenceOperation
            ? Operations.Strip(owner)
            : Operations.Strip(neurons);

    /// <summary>
    /// Which layers of which collection a layer read is: <c>layers[l]</c> in a loop over l, <c>layers[^1]</c>, <c>layers.Last()</c>, a
    /// <c>foreach</c> variable; a layer held in a field of its own (<c>output</c>) is that one layer; a parameter is each layer the
    /// method is handed (<c>Deltas(output)</c> and <c>Deltas(hidden)</c>). Empty where flow cannot say.
    /// </summary>
    /// <param name="layer">The layer read.</param>
    /// <param name="use">Where the neuron or layer is used: the <c>if</c>s around it and the loop counting the layer's index decide.</param>
    /// <param name="index">The flow index.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="depth">Locals followed so far.</param>
    private static IReadOnlyList<Pick> LayerOf(IOperation layer, IOperation use, FlowIndex index, CancellationToken ct, int depth)
    {
        switch (Operations.Strip(layer))
        {
            case IArrayElementReferenceOperation { Indices: [var at], ArrayReference: var layers }:
                return One(At(layers, at, use, index, ct));
            case IPropertyReferenceOperation { Property.IsIndexer: true, Arguments: [var at], Instance: { } layers }:
                return One(At(layers, at.Value, use, index, ct));
            case IImplicitIndexerReferenceOperation { Instance: var layers, Argument: var at }:
                return One(At(layers, at, use, index, ct));
            case IInvocationOperation { TargetMethod.Name: "Last", Arguments: [var only] } last when Operations.IsEnumerable(last.TargetMethod) && CollectionPath(only.Value) is { } layers:
                return One(new Pick(layers, Reach.Last));
            case ILocalReferenceOperation local when EachOf(local, index, ct) is { } all:
                return One(Whole(all));
            case ILocalReferenceOperation local when depth < 3 && index.SingleDefinition(local, ct) is { } value:
                return LayerOf(value, use, index, ct, depth + 1); // var last = layers[layers.Count - 1]
            case IParameterReferenceOperation parameter when EachOf(parameter) is { } all:
                return One(Whole(all));
            case IParameterReferenceOperation { Parameter: { RefKind: RefKind.None, ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Ordinary } method } parameter } when depth < 2:
                return index.ArgumentsTo(method, parameter.Ordinal, ct).SelectMany(handed => LayerOf(handed, handed, index, ct, depth + 1)).ToList();
            case IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol { IsIndexer: false } } held when CollectionPath(held) is { } one:
                return One(new Pick(one, Reach.Last)); // Layer output: that one layer
            default:
                return None;
        }

        // foreach (var layer in layers), also in reverse: every layer, the last among them
        static Pick? Whole(IOperation collection)
        {
            while (Operations.Strip(collection) is IInvocationOperation { TargetMethod.Name: "Reverse" or "AsEnumerable", Arguments: [var source] } reordered && Operations.IsEnumerable(reordered.TargetMethod))
            {
                collection = source.Value;
            }

            return CollectionPath(collection) is { } layers ? new Pick(layers, Reach.WithLast) : null;
        }

        static IReadOnlyList<Pick> One(Pick? pick) => pick is { } known ? new[] { known } : None;
    }

    /// <summary>
    /// The symbols that read a collection from storage and name one collection wherever it is read: a local or a parameter, or the
    /// members read from this object or a static one (<c>layers</c>, <c>this.neuralNetwork.outputLayer</c>); null for a member read from
    /// another object a local or an element holds (<c>layer.Neurons</c> names every layer's) and for anything else.
    /// </summary>
    private static ImmutableArray<ISymbol>? CollectionPath(IOperation collection) => Operations.Strip(collection) switch
    {
        ILocalReferenceOperation or IParameterReferenceOperation when Operations.ReferencedSymbol(collection) is { } variable => ImmutableArray.Create(variable),
        var other => MemberPath(other),
    };

    /// <summary>The members read in turn from this object or a static one (<c>neuralNetwork</c>, <c>outputLayer</c>), or null.</summary>
    private static ImmutableArray<ISymbol>? MemberPath(IOperation read) => Operations.Strip(read) switch
    {
        IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol { IsIndexer: false } } member =>
            member.Instance is null || Operations.Strip(member.Instance) is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }
                ? ImmutableArray.Create<ISymbol>(member.Member.OriginalDefinition)
                : MemberPath(member.Instance) is { } owner ? owner.Add(member.Member.OriginalDefinition) : null,
        _ => null,
    };

    /// <summary>Which layers <c>layers[at]</c> can be: the last for <c>^1</c> or <c>layers.Count - 1</c>; for a loop's index, those the loop and the <c>if</c>s around the read reach.</summary>
    private static Pick? At(IOperation layers, IOperation at, IOperation use, FlowIndex index, CancellationToken ct)
    {
        if (CollectionPath(layers) is not { } collection)
        {
            return null;
        }

        if (IsLastIndex(at, layers, index, ct))
        {
            return new Pick(collection, Reach.Last);
        }

        return Operations.Strip(at) is ILocalReferenceOperation { Local: var counter } && Counted(use, counter, layers, index, ct) is { } reach ? new Pick(collection, reach) : null;
    }

    /// <summary>
    /// Which layers the index <paramref name="counter"/> picks where <paramref name="read"/> runs: an <c>if</c> between it and the loop
    /// that compares the index with the last one decides; else the loop's own range does. Null outside a loop counting the index.
    /// </summary>
    private static Reach? Counted(IOperation read, ILocalSymbol counter, IOperation layers, FlowIndex index, CancellationToken ct)
    {
        for (IOperation? child = read, parent = read.Parent; parent != null; child = parent, parent = parent.Parent)
        {
            if (parent is IConditionalOperation { WhenFalse: var otherwise } branch && (ReferenceEquals(branch.WhenTrue, child) || ReferenceEquals(otherwise, child))
                && AtLast(branch.Condition, counter, layers, index, ct) is { } holds)
            {
                return holds == ReferenceEquals(branch.WhenTrue, child) ? Reach.Last : Reach.WithoutLast;
            }

            if (parent is IForLoopOperation loop && LastIteration.Start(loop, counter) is { } start)
            {
                return Range(LastIteration.Step(loop, counter), loop.Condition, counter, start, layers, index, ct);
            }

            if (parent is IWhileLoopOperation whileLoop && Counting(whileLoop, counter) is var (from, step))
            {
                return Range(step, whileLoop.Condition, counter, from, layers, index, ct);
            }

            if ((parent is IAnonymousFunctionOperation function && !RunsInPlace(function)) || parent is ILocalFunctionOperation or IMethodBodyOperation)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>True for a lambda run before the call it is handed to returns: the body of <c>Parallel.For</c>, <c>Parallel.ForEach</c> or a list's <c>ForEach</c>.</summary>
    private static bool RunsInPlace(IAnonymousFunctionOperation function) =>
        Operations.HandedAs(function) is { Parent: IInvocationOperation { TargetMethod: { Name: "For" or "ForEach" } target } }
        && (target.ContainingType.Name == "Parallel" || (target.Name == "ForEach" && !target.IsStatic));

    /// <summary>
    /// The layers a loop's index reaches: counting down, the last one when it starts there and none when it starts below it
    /// (<c>layers.Count - 2</c>); counting up, the last one when the loop's test holds there. Null for another loop.
    /// </summary>
    private static Reach? Range(int step, IOperation? condition, ILocalSymbol counter, IOperation start, IOperation layers, FlowIndex index, CancellationToken ct)
    {
        switch (step)
        {
            case -1 when IsLastIndex(start, layers, index, ct):
                return Reach.WithLast;
            case -1 when Operations.Strip(start) is IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract, LeftOperand: var size, RightOperand.ConstantValue: { HasValue: true, Value: int below } }
                && below >= 2 && IsSize(size, layers, index, ct):
                return Reach.WithoutLast;
            case 1 when condition is { } test && AtLast(test, counter, layers, index, ct) is { } holds:
                return holds ? Reach.WithLast : Reach.WithoutLast;
            default:
                return null;
        }
    }

    /// <summary>
    /// The start and step of a <c>while</c> or <c>do</c> loop that counts <paramref name="counter"/> by one as its body's last statement, the
    /// counter declared before the loop with its start and written nowhere else (<c>int l = layers.Count - 1; while (l &gt;= 0) { ...; l--; }</c>).
    /// A <c>do</c> loop tests the index its next pass runs with, as a <c>while</c> loop does, and runs its first pass at the start. Null for
    /// any other loop.
    /// </summary>
    private static (IOperation Start, int Step)? Counting(IWhileLoopOperation loop, ILocalSymbol counter)
    {
        if (loop.ConditionIsUntil || loop.Body is not IBlockOperation { Operations: [.., IExpressionStatementOperation { Operation: var last }] }
            || LastIteration.StepOf(last, counter) is var step && step == 0)
        {
            return null;
        }

        // The counter's writes: its declaration before the loop, with the start, and the step.
        var writes = Operations.WritesOf(Operations.Root(loop), counter).ToList();
        return writes is [var first, var second] && ReferenceEquals(second, last)
            && first is IVariableDeclaratorOperation declarator && declarator.Syntax.SpanStart < loop.Syntax.SpanStart && declarator.GetVariableInitializer() is { } initializer
            ? (initializer.Value, step)
            : null;
    }

    /// <summary>
    /// Whether <paramref name="condition"/> holds when the index is the last of <paramref name="layers"/>: it compares the index
    /// (or the index plus one) with the last index or the count (<c>l == layers.Count - 1</c>, <c>l &lt; layers.Length</c>,
    /// <c>l + 1 &lt; layers.Count</c>). Null for any other condition.
    /// </summary>
    public static bool? AtLast(IOperation condition, ILocalSymbol counter, IOperation layers, FlowIndex index, CancellationToken ct)
    {
        if (Operations.Strip(condition) is not IBinaryOperation test)
        {
            return null;
        }

        foreach (var (kind, indexSide, other) in new[] { (test.OperatorKind, test.LeftOperand, test.RightOperand), (Operations.Mirrored(test.OperatorKind), test.RightOperand, test.LeftOperand) })
        {
            // At the last index, the index's side against the other: −1 below, 0 equal, +1 above.
            int? order = Offset(indexSide, counter) is not { } plus ? null
                : IsLastIndex(other, layers, index, ct) ? plus
                : IsSize(other, layers, index, ct) ? plus - 1
                : null;
            if (order is { } at)
            {
                return kind switch
                {
                    BinaryOperatorKind.Equals => at == 0,
                    BinaryOperatorKind.NotEquals => at != 0,
                    BinaryOperatorKind.LessThan => at < 0,
                    BinaryOperatorKind.LessThanOrEqual => at <= 0,
                    BinaryOperatorKind.GreaterThan => at > 0,
                    BinaryOperatorKind.GreaterThanOrEqual => at >= 0,
                    _ => null,
                };
            }
        }

        return null;

        // l is l + 0, l + 1 is l + 1
        static int? Offset(IOperation operand, ILocalSymbol counter) => Operations.Strip(operand) switch
        {
            ILocalReferenceOperation { Local: var local } when SymbolEqualityComparer.Default.Equals(local, counter) => 0,
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, LeftOperand: ILocalReferenceOperation { Local: var local }, RightOperand.ConstantValue: { HasValue: true, Value: 1 } }
                when SymbolEqualityComparer.Default.Equals(local, counter) => 1,
            _ => null,
        };
    }

    /// <summary>
    /// True when <paramref name="at"/> is the last index of <paramref name="layers"/>: <c>^1</c>, or its <c>Count - 1</c> (<c>Length - 1</c>),
    /// also through a local that holds either (<c>int last = layers.Count - 1;</c>) or holds the count (<c>int n = layers.Count;</c>, then <c>n - 1</c>).
    /// </summary>
    public static bool IsLastIndex(IOperation at, IOperation layers, FlowIndex index, CancellationToken ct) => Operations.Strip(at) switch
    {
        IUnaryOperation { OperatorKind: UnaryOperatorKind.Hat, Operand.ConstantValue: { HasValue: true, Value: 1 } } => true,
        IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract, RightOperand.ConstantValue: { HasValue: true, Value: 1 }, LeftOperand: var size } => IsSize(size, layers, index, ct),
        ILocalReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation => Held(at, index, ct) is { } value && IsLastIndex(value, layers, index, ct),
        _ => false,
    };

    /// <summary>
    /// True for the count of <paramref name="layers"/>: <c>layers.Count</c>, <c>layers.Length</c>, <c>layers.Count()</c>, or a local, field or
    /// property that holds it (<c>int n = layers.Count;</c>, <c>int Depth =&gt; layers.Count;</c>).
    /// </summary>
    private static bool IsSize(IOperation size, IOperation layers, FlowIndex index, CancellationToken ct)
    {
        if (Held(size, index, ct) is { } held)
        {
            return IsSize(held, layers, index, ct);
        }

        var counted = Operations.Strip(size) switch
        {
            IPropertyReferenceOperation { Property.Name: "Count" or "Length", Instance: { } of } => of,
            IInvocationOperation { TargetMethod.Name: "Count", Arguments: [var only] } count when Operations.IsEnumerable(count.TargetMethod) => only.Value,
            _ => null,
        };
        return counted != null && Operations.ReferencedSymbol(counted) is { } symbol && SymbolEqualityComparer.Default.Equals(symbol, Operations.ReferencedSymbol(layers));
    }

    /// <summary>
    /// The one value an integer local, field or property holds wherever it is read: a local's initializer never reassigned, a getter's one
    /// return (<c>int Depth =&gt; layers.Count;</c>), a member's one store (<c>layerCount = layers.Count;</c> in the constructor). Null for
    /// anything else, and where that value is itself such a variable (so no chain of them is followed round), or a collection's own count.
    /// </summary>
    private static IOperation? Held(IOperation operand, FlowIndex index, CancellationToken ct)
    {
        var value = Operations.Strip(operand) switch
        {
            ILocalReferenceOperation { Local.Type.SpecialType: SpecialType.System_Int32 } local => index.SingleDefinition(local, ct),
            IFieldReferenceOperation { Field.Type.SpecialType: SpecialType.System_Int32 } field => index.SingleMemberDefinition(field, ct),
            IPropertyReferenceOperation { Arguments.Length: 0, Property: { Type.SpecialType: SpecialType.System_Int32, Name: not ("Count" or "Length"), GetMethod: { } getter } } property =>
                index.SingleReturn(getter, ct) ?? index.SingleMemberDefinition(property, ct),
            _ => null,
        };
        return value is not null && !IsVariable(value) ? value : null;

        static bool IsVariable(IOperation value) => Operations.Strip(value) is ILocalReferenceOperation or IFieldReferenceOperation
            or IPropertyReferenceOperation { Arguments.Length: 0, Property: { Type.SpecialType: SpecialType.System_Int32, Name: not ("Count" or "Length") } };
    }

    /// <summary>
    /// The collection a variable takes its elements from: that of <c>foreach (var n in neurons)</c>, of a lambda handed to
    /// <c>Parallel.ForEach(neurons, n =&gt; ...)</c> or to <c>neurons.ForEach(n =&gt; ...)</c>. Null for any other variable.
    /// </summary>
    private static IOperation? EachOf(ILocalReferenceOperation local, FlowIndex index, CancellationToken ct) => index.ForEachCollection(local, ct);

    private static IOperation? EachOf(IParameterReferenceOperation parameter) =>
        parameter.Parameter.Ordinal == 0 && Operations.LambdaArgument(parameter) is { Parent: IInvocationOperation call } handed ? call.TargetMethod switch
        {
            { Name: "ForEach", IsStatic: true, ContainingType.Name: "Parallel" } when call.Arguments.Length >= 2 && ReferenceEquals(call.Arguments[call.Arguments.Length - 1], handed) => call.Arguments[0].Value,
            { Name: "ForEach", IsStatic: false } when call.Instance is { } list => list,
            _ => null,
        } : null;

    /// <summary>True when the two operations are in the two branches of one <c>if</c> (or <c>?:</c>): no run reaches both.</summary>
    public static bool InOtherBranches(IOperation a, IOperation b)
    {
        for (IOperation? child = a, parent = a.Parent; parent != null; child = parent, parent = parent.Parent)
        {
            if (parent is IConditionalOperation { WhenFalse: { } otherwise } branch && parent.Syntax.Span.Contains(b.Syntax.Span))
            {
                var other = ReferenceEquals(branch.WhenTrue, child) ? otherwise : ReferenceEquals(otherwise, child) ? branch.WhenTrue : null;
                return other != null && other.Syntax.Span.Contains(b.Syntax.Span);
            }
        }

        return false;
    }
}
