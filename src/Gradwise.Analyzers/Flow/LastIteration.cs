using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Gradwise.Flow;

/// <summary>
/// The branches the last element of an array or list does not take, when it is filled in a counting loop
/// (<c>for (var i = 0; i &lt; n; i++) layers[i] = new Layer(..., i == n - 1 ? Kind.Sigmoid : Kind.Relu);</c>, or
/// <c>layers.Add(...)</c> there): a <c>?:</c> in the stored value whose condition compares the loop's index with the last one
/// (<c>i == n - 1</c>, <c>i &lt; n - 1</c>, <c>i + 1 &lt; n</c>, <c>i != n - 1</c>) is decided for that index, and its other branch
/// is not what the last element holds.
/// </summary>
internal static class LastIteration
{
    /// <summary>
    /// The branches of <paramref name="stored"/> (a value stored by <c>a[i] = stored</c>, or added by <c>list.Add(stored)</c>) that
    /// the iteration making the last element does not take; empty when the store is not in a loop <c>for (i = ...; i &lt; n; i++)</c>
    /// (storing at index i itself) or nothing in the value tests i.
    /// </summary>
    public static IReadOnlyCollection<IOperation> NotTaken(IOperation stored)
    {
        if (PassIndex(stored) is not var (index, bound))
        {
            return System.Array.Empty<IOperation>();
        }

        var skipped = new List<IOperation>();
        foreach (var operation in stored.DescendantsAndSelf())
        {
            if (operation is IConditionalOperation { WhenFalse: { } otherwise } conditional && AtLast(conditional.Condition, index, bound) is { } holds)
            {
                skipped.Add(holds ? otherwise : conditional.WhenTrue);
            }
        }

        return skipped;
    }

    /// <summary>
    /// The index and bound of the counting loop <c>for (i = ...; i &lt; n; i++)</c> whose every pass stores <paramref name="stored"/> at
    /// index i (<c>a[i] = stored</c>) or adds it (<c>list.Add(stored)</c>); null for a value stored anywhere else.
    /// </summary>
    public static (ILocalSymbol Index, IOperation Bound)? PassIndex(IOperation stored)
    {
        var site = SiteOf(stored);

        ILocalSymbol? storedAt = null;
        switch (site)
        {
            case ISimpleAssignmentOperation { Target: IArrayElementReferenceOperation { Indices: [var at] } } when Operations.Strip(at) is ILocalReferenceOperation { Local: var local }:
                storedAt = local;
                break;
            case IArgumentOperation { Parent: IInvocationOperation { Instance: not null, TargetMethod.Name: "Add" } add }:
                site = add;
                break;
            default:
                return null;
        }

        return Loop(site) is var (index, bound) && (storedAt is null || SymbolEqualityComparer.Default.Equals(storedAt, index)) ? (index, bound) : null;
    }

    /// <summary>
    /// The value the pass making the last element stores or adds: <paramref name="stored"/>, or for a <c>?:</c> on the loop's index
    /// (<c>i == n - 1 ? new Squash() : new Dense()</c>, nested or not) the branch that pass takes (<see cref="NotTaken"/>).
    /// </summary>
    public static IOperation TakenAtLast(IOperation stored) => TakenAtLast(stored, stored);

    /// <summary>
    /// The branch of <paramref name="value"/>, a part of <paramref name="stored"/> (an argument of the creation stored), that the pass
    /// making the last element takes: <c>hidden</c> or <c>output</c> of <c>new Layer(n, i == count - 1 ? output : hidden)</c>.
    /// </summary>
    public static IOperation TakenAtLast(IOperation value, IOperation stored)
    {
        var notTaken = NotTaken(stored);
        while (notTaken.Count > 0 && Operations.Strip(value) is IConditionalOperation { WhenFalse: { } otherwise } conditional
            && (notTaken.Contains(conditional.WhenTrue) || notTaken.Contains(otherwise)))
        {
            value = notTaken.Contains(conditional.WhenTrue) ? otherwise : conditional.WhenTrue;
        }

        return value;
    }

    /// <summary>
    /// False for a store or add (<paramref name="site"/>) in a counting loop under an <c>if</c> on the loop's index whose branch the
    /// last pass does not take (<c>if (i == n - 1) layers.Add(output); else layers.Add(hidden);</c>: the second add); true otherwise.
    /// </summary>
    public static bool RunsAtLast(IOperation site)
    {
        if (Loop(site) is not var (index, bound))
        {
            return true;
        }

        for (IOperation? child = site, parent = site.Parent; parent is not (null or IForLoopOperation); child = parent, parent = parent.Parent)
        {
            if (parent is IConditionalOperation { WhenFalse: var otherwise } branch && (ReferenceEquals(branch.WhenTrue, child) || ReferenceEquals(otherwise, child))
                && AtLast(branch.Condition, index, bound) is { } holds && holds != ReferenceEquals(branch.WhenTrue, child))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The loop and collection of a value a loop carries out: <paramref name="definition"/> is a call on the loop's current element
    /// (or a read of its property) stored into a variable by a statement the loop's body always runs
    /// (<c>foreach (var layer in layers) a = layer.Forward(a);</c>, <c>for (var i = 0; i &lt; layers.Count; i++) a = layers[i].Forward(a);</c>,
    /// <c>layer.Forward(a); a = layer.Outputs;</c>), and <paramref name="use"/> reads the variable after the loop. What reaches the
    /// use from there is what the last pass stored: the call on the collection's last element. Null for any other definition, for
    /// a use inside the loop, and where a <c>break</c>, <c>continue</c> or <c>return</c> before the statement can skip it.
    /// </summary>
    public static (ILoopOperation Loop, IOperation Collection)? CarriedOut(IOperation definition, IOperation use)
    {
        if (Member(definition) is not var (_, receiver))
        {
            return null;
        }

        var site = SiteOf(definition);

        if (site is not ISimpleAssignmentOperation || EveryPass(site) is not { } loop || loop.Syntax.Span.Contains(use.Syntax.Span))
        {
            return null;
        }

        return CurrentElementOf(loop, receiver) is { } collection ? (loop, collection) : null;
    }

    /// <summary>
    /// Of the <paramref name="definitions"/> reaching <paramref name="use"/>, after a loop: the one a statement of the loop's body stores on
    /// every pass (<c>current = layer.Neurons.Select(n => n.Output).ToArray();</c> in <c>foreach (var layer in layers)</c>), where every
    /// other definition comes before the loop (the value it starts from) and the use is after it. The loop is taken to run, so the
    /// value the use reads is one that statement stored. Null where no such single definition is.
    /// </summary>
    public static IOperation? OverwrittenEachPass(IReadOnlyList<IOperation> definitions, IOperation use)
    {
        IOperation? stored = null;
        ILoopOperation? loop = null;
        foreach (var definition in definitions)
        {
            var site = SiteOf(definition);
            if (site is ISimpleAssignmentOperation && EveryPass(site) is { } each && !each.Syntax.Span.Contains(use.Syntax.Span) && each.Syntax.Span.End <= use.Syntax.SpanStart)
            {
                if (stored != null)
                {
                    return null;
                }

                (stored, loop) = (definition, each);
            }
        }

        return stored != null && definitions.All(d => d == stored || d.Syntax.Span.End <= loop!.Syntax.SpanStart) ? stored : null;
    }

    /// <summary>Where a value is stored, added or given: its first parent that is not an implicit conversion or parentheses.</summary>
    private static IOperation? SiteOf(IOperation value)
    {
        var site = value.Parent;
        while (site is IConversionOperation { OperatorMethod: null } or IParenthesizedOperation)
        {
            site = site.Parent;
        }

        return site;
    }

    /// <summary>
    /// The collection whose current element <paramref name="receiver"/> is on each pass of <paramref name="loop"/>: the
    /// <c>foreach</c> variable's collection, or <c>layers</c> for <c>layers[i]</c> in a loop counting i up to <c>layers.Count</c>
    /// (or <c>Length</c>). Null for anything else.
    /// </summary>
    private static IOperation? CurrentElementOf(ILoopOperation loop, IOperation receiver) => loop switch
    {
        IForEachLoopOperation { LoopControlVariable: IVariableDeclaratorOperation { Symbol: var element } } each when Is(receiver, element) => each.Collection,
        IForLoopOperation counting when Counting(counting) is var (index, bound) && Operations.IndexedBy(receiver, index) is { } collection
            && Operations.Strip(bound) is IPropertyReferenceOperation { Property.Name: "Count" or "Length", Instance: { } counted } && Operations.Equivalent(counted, collection) => collection,
        _ => null,
    };

    /// <summary>
    /// The loop whose every pass runs <paramref name="assignment"/> (or a call such as <c>rows.Add(v)</c>): a statement of the loop's body (not inside an <c>if</c> or an
    /// inner loop) with no <c>break</c>, <c>continue</c> or <c>return</c> before it. Null for any other assignment.
    /// </summary>
    private static ILoopOperation? EveryPass(IOperation? assignment)
    {
        if (assignment is not (ISimpleAssignmentOperation or IInvocationOperation) || assignment.Parent is not IExpressionStatementOperation statement)
        {
            return null;
        }

        var parent = statement.Parent;
        while (parent is IBlockOperation)
        {
            parent = parent.Parent;
        }

        return parent is ILoopOperation { Body: var body } loop
            && !body.DescendantsAndSelf().Any(o => o is IBranchOperation { BranchKind: BranchKind.Break or BranchKind.Continue } or IReturnOperation && o.Syntax.SpanStart < statement.Syntax.SpanStart)
            ? loop
            : null;
    }

    /// <summary>
    /// What the last element of an array or list holds when a loop fills it one element a pass, read after the loop, and the
    /// collection whose current element the loop's call runs on (null when the stored value is not such a call):
    /// <list type="bullet">
    /// <item>an array made once, <c>new T[n + c]</c> (or <c>new T[n]</c>), filled by one store <c>a[i + c] = v</c> that every pass of a loop
    /// counting i up to n runs, beside stores at constant indices below c
    /// (<c>outs[0] = x; for (var i = 0; i &lt; layers.Length; i++) outs[i + 1] = layers[i].Forward(outs[i]);</c>);</item>
    /// <item>a list made once, added to by one <c>Add</c> that every pass of a loop runs, beside adds (or an initializer) before the loop
    /// and outside any loop (<c>var acts = new List&lt;double[]&gt; { x }; foreach (var layer in layers) acts.Add(layer.Forward(acts[^1]));</c>).</item>
    /// </list>
    /// v as the last pass stores it. The loop is taken to run. Null for any other collection.
    /// </summary>
    public static (IOperation Value, ILoopOperation Loop, IOperation? Collection)? FilledLast(IEnumerable<Write> writes)
    {
        IOperation? made = null;
        Write? looped = null;
        var others = new List<Write>();
        foreach (var write in writes)
        {
            if (!write.IntoElements)
            {
                if (made != null)
                {
                    return null; // made twice, or from elsewhere as well
                }

                made = Operations.Strip(write.Value);
            }
            else if (write.ValueIsElements)
            {
                return null;
            }
            else if (EveryPass(write.Site) is not null)
            {
                if (looped != null)
                {
                    return null;
                }

                looped = write;
            }
            else
            {
                others.Add(write);
            }
        }

        if (looped is null || EveryPass(looped.Site) is not { } loop || !IsLastStore(made, looped, loop, others))
        {
            return null;
        }

        return (looped.Value, loop, Member(looped.Value) is var (_, receiver) ? CurrentElementOf(loop, receiver) : null);
    }

    /// <summary>True when the loop's store (or add) is the one that fills the last element (<see cref="FilledLast"/>).</summary>
    private static bool IsLastStore(IOperation? made, Write looped, ILoopOperation loop, List<Write> others)
    {
        switch (made, looped.Site)
        {
            case (IArrayCreationOperation { Initializer: null, DimensionSizes: [var size] }, ISimpleAssignmentOperation { Target: IArrayElementReferenceOperation { Indices: [var at], ArrayReference: var array } })
                when Operations.Strip(array) is not IArrayElementReferenceOperation && loop is IForLoopOperation counting && Counting(counting) is var (index, bound)
                && Offset(at, index) is { } offset && IsBoundPlus(size, bound, offset):
                // the other stores: at constant indices below the loop's first (outs[0] = x)
                return others.All(w => w.Site is ISimpleAssignmentOperation { Target: IArrayElementReferenceOperation { Indices: [{ ConstantValue: { HasValue: true, Value: int k } }], ArrayReference: var other } }
                    && Operations.Strip(other) is not IArrayElementReferenceOperation && k < offset);
            case (IObjectCreationOperation { Type: var type }, IInvocationOperation { TargetMethod.Name: "Add" }) when Operations.IsCollectionType(type):
                // the other adds: before the loop, in the same body, in no loop of their own
                return others.All(w => w.Site is IInvocationOperation { TargetMethod.Name: "Add" } add && add.Syntax.SyntaxTree == loop.Syntax.SyntaxTree
                    && add.Syntax.SpanStart < loop.Syntax.SpanStart && !InsideLoop(add.Parent));
            default:
                return false;
        }
    }

    /// <summary>True when <paramref name="operation"/> is inside a loop of its body.</summary>
    private static bool InsideLoop(IOperation? operation)
    {
        for (var parent = operation; parent != null; parent = parent.Parent)
        {
            if (parent is ILoopOperation)
            {
                return true;
            }

            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>c for an index written <c>i</c> (0), <c>i + c</c> or <c>c + i</c> with a constant c ≥ 0; null otherwise.</summary>
    private static int? Offset(IOperation at, ILocalSymbol index)
    {
        if (Is(at, index))
        {
            return 0;
        }

        return Operations.Strip(at) is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } sum
            && (Is(sum.LeftOperand, index) ? sum.RightOperand : Is(sum.RightOperand, index) ? sum.LeftOperand : null) is { ConstantValue: { HasValue: true, Value: int c } } && c >= 0
            ? c
            : null;
    }

    /// <summary>True when <paramref name="size"/> is n (c = 0), or n + c or c + n, of the loop's bound n.</summary>
    private static bool IsBoundPlus(IOperation size, IOperation bound, int c)
    {
        if (c == 0)
        {
            return Operations.Equivalent(size, bound);
        }

        return Operations.Strip(size) is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } sum
            && ((Operations.Equivalent(sum.LeftOperand, bound) && sum.RightOperand.ConstantValue is { HasValue: true, Value: int right } && right == c)
                || (Operations.Equivalent(sum.RightOperand, bound) && sum.LeftOperand.ConstantValue is { HasValue: true, Value: int left } && left == c));
    }

    /// <summary>
    /// The method a call runs, or the getter a property read runs, and the object it is asked of (<c>layer.Forward(a)</c>,
    /// <c>layer.Outputs</c>); null for anything else.
    /// </summary>
    public static (IMethodSymbol Member, IOperation Receiver)? Member(IOperation value) => Operations.Strip(value) switch
    {
        IInvocationOperation { Instance: { } receiver } call => (call.TargetMethod, receiver),
        IPropertyReferenceOperation { Arguments.IsEmpty: true, Property.GetMethod: { } getter, Instance: { } receiver } => (getter, receiver),
        _ => null,
    };

    /// <summary>The index and bound n of the nearest loop around <paramref name="store"/>, when it counts its index up by one while <c>index &lt; n</c>.</summary>
    private static (ILocalSymbol Index, IOperation Bound)? Loop(IOperation store)
    {
        for (var parent = store.Parent; parent != null; parent = parent.Parent)
        {
            if (parent is IForLoopOperation loop && Counting(loop) is { } counting)
            {
                return counting;
            }

            if (parent is ILoopOperation or IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>
    /// The index of the loop that runs <paramref name="operation"/> once in every pass, counting up by one from 0 while <c>index &lt; n</c>:
    /// an expression statement of the loop's body, under no condition (<c>for (var k = 0; k &lt; n; k++) errors.Add(t[k] - o[k]);</c>). Null
    /// anywhere else.
    /// </summary>
    public static ILocalSymbol? OncePerPass(IOperation operation) =>
        LoopOf(operation) is { } loop && Counting(loop) is var (index, _) && StartsAtZero(loop, index) ? index : null;

    /// <summary>The <c>for</c> loop whose body has <paramref name="operation"/> as one of its expression statements, under no condition; or null.</summary>
    public static IForLoopOperation? LoopOf(IOperation operation)
    {
        if (operation.Parent is not IExpressionStatementOperation statement)
        {
            return null;
        }

        var body = statement.Parent is IBlockOperation block ? block : (IOperation)statement;
        return body.Parent is IForLoopOperation loop && ReferenceEquals(loop.Body, body) ? loop : null;
    }

    /// <summary>True when the loop sets its index to 0 before the first pass (<c>var k = 0</c>, <c>k = 0</c>).</summary>
    private static bool StartsAtZero(IForLoopOperation loop, ILocalSymbol index) => Start(loop, index) is { } start && Operations.Number(start) == 0;

    /// <summary>The value a <c>for</c> loop starts its index at (<c>var l = layers.Count - 1</c>, <c>l = 0</c>), or null when it does not set that index.</summary>
    public static IOperation? Start(IForLoopOperation loop, ILocalSymbol counter) => loop.Before switch
    {
        [IVariableDeclarationGroupOperation { Declarations: [{ Declarators: [{ Symbol: var declared, Initializer.Value: var start }] }] }] when SymbolEqualityComparer.Default.Equals(declared, counter) => start,
        [IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { Target: ILocalReferenceOperation { Local: var assigned }, Value: var start } }] when SymbolEqualityComparer.Default.Equals(assigned, counter) => start,
        _ => null,
    };

    /// <summary>The index and bound n of a loop that counts its index up by one while <c>index &lt; n</c>; null for any other loop.</summary>
    private static (ILocalSymbol Index, IOperation Bound)? Counting(IForLoopOperation loop) =>
        loop.Condition is IBinaryOperation { OperatorKind: BinaryOperatorKind.LessThan } test
        && Operations.Strip(test.LeftOperand) is ILocalReferenceOperation { Local: var index } && Counts(loop, index)
            ? (index, test.RightOperand)
            : null;

    /// <summary>True when the loop's only step is <c>i++</c>, <c>++i</c> or <c>i += 1</c>.</summary>
    private static bool Counts(IForLoopOperation loop, ILocalSymbol index) => Step(loop, index) == 1;

    /// <summary>+1 for a loop stepping its index up by one, −1 for one stepping it down by one, 0 otherwise.</summary>
    public static int Step(IForLoopOperation loop, ILocalSymbol counter) => loop.AtLoopBottom is [IExpressionStatementOperation { Operation: var step }] ? StepOf(step, counter) : 0;

    /// <summary>+1 for <c>i++</c>, <c>++i</c> or <c>i += 1</c> of <paramref name="counter"/>, −1 for <c>i--</c>, <c>--i</c> or <c>i -= 1</c>, 0 for anything else.</summary>
    public static int StepOf(IOperation step, ILocalSymbol counter) => step switch
    {
        IIncrementOrDecrementOperation { Target: ILocalReferenceOperation { Local: var local } } change when SymbolEqualityComparer.Default.Equals(local, counter) =>
            change.Kind == OperationKind.Increment ? 1 : -1,
        ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract, Target: ILocalReferenceOperation { Local: var local }, Value.ConstantValue: { HasValue: true, Value: 1 } } change
            when SymbolEqualityComparer.Default.Equals(local, counter) => change.OperatorKind == BinaryOperatorKind.Add ? 1 : -1,
        _ => 0,
    };

    /// <summary>Whether <paramref name="condition"/> holds when the index is n − 1; null when it does not compare the index with n − 1.</summary>
    private static bool? AtLast(IOperation condition, ILocalSymbol index, IOperation bound)
    {
        if (Operations.Strip(condition) is not IBinaryOperation test)
        {
            return null;
        }

        // i ⋚ n − 1, or i + 1 ⋚ n: the index's side and the last index's side, the comparison read with the index on the left.
        var (kind, left, right) = Is(test.RightOperand, index) || IsNext(test.RightOperand, index) ? (Operations.Mirrored(test.OperatorKind), test.RightOperand, test.LeftOperand) : (test.OperatorKind, test.LeftOperand, test.RightOperand);
        var comparesLast = (Is(left, index) && IsBoundLessOne(right, bound)) || (IsNext(left, index) && Operations.Equivalent(right, bound));
        if (!comparesLast || kind is not (BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals or BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual
            or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual))
        {
            return null;
        }

        // At the last iteration the two sides are equal.
        return kind is BinaryOperatorKind.Equals or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThanOrEqual;
    }

    private static bool Is(IOperation operation, ILocalSymbol index) =>
        Operations.Strip(operation) is ILocalReferenceOperation { Local: var local } && SymbolEqualityComparer.Default.Equals(local, index);

    /// <summary><c>i + 1</c> or <c>1 + i</c>.</summary>
    private static bool IsNext(IOperation operation, ILocalSymbol index) =>
        Operations.Strip(operation) is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } sum
        && ((Is(sum.LeftOperand, index) && sum.RightOperand.ConstantValue is { HasValue: true, Value: 1 }) || (Is(sum.RightOperand, index) && sum.LeftOperand.ConstantValue is { HasValue: true, Value: 1 }));

    /// <summary><c>n - 1</c> of the loop's bound n.</summary>
    private static bool IsBoundLessOne(IOperation operation, IOperation bound) =>
        Operations.Strip(operation) is IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract, RightOperand.ConstantValue: { HasValue: true, Value: 1 } } difference
        && Operations.Equivalent(difference.LeftOperand, bound);
}
