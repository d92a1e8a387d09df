using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Gradwise.Frontend;
using Gradwise.Recognition;
using Gradwise.Symbolic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Gradwise.Flow;

/// <summary>
/// Answers "can this value be the output of a sigmoid (softmax), and where is it?" over the
/// <see cref="FlowIndex"/>: through locals (reaching definitions), fields, properties, array and
/// list elements, copies, method returns, interface and virtual calls (the implementations the
/// receiver can hold), delegates, switch selections on configured enum values, LINQ and library
/// activations.
/// <para>
/// Merging: storage (fields, properties, elements, delegates) holds a fact when <i>some</i> write
/// does: one field shared by raw-input and sigmoid neurons is a sigmoid output where the sigmoid
/// writes it. A computed choice (a method's returns, a local's definitions, <c>?:</c>, a switch)
/// holds it when every non-constant choice does (clipped tails are constants), or when the choice
/// is selected by a value the program configures (an enum field set to Sigmoid somewhere).
/// </para>
/// Results are cached per symbol only when no cycle or depth limit cut them short, so the answer
/// never depends on which method was analyzed first.
/// </summary>
internal sealed class ActivationFlow
{
    private const int MaxDepth = 10;
    private const int StepBudget = 4000;

    private readonly FlowIndex index;
    private readonly ConcurrentDictionary<(ISymbol Symbol, Activation Kind, bool Elements), Cached> cache = SharedTable.Create<(ISymbol Symbol, Activation Kind, bool Elements), Cached>(new KeyComparer());

    // What each value a search reaches reads as, by its math alone: the searches that reach one value (the pre-check for both
    // kinds, then each kind; other sites' searches through the same member) read it once.
    private readonly ConcurrentDictionary<IOperation, MathForm> forms = SharedTable.Create<IOperation, MathForm>();

    public ActivationFlow(FlowIndex index)
    {
        this.index = index;
    }

    public FlowIndex Index => index;

    /// <summary>
    /// The fact that <paramref name="value"/> is an output of <paramref name="kind"/>, or null; where <paramref name="calledOn"/> is
    /// given (the receivers of every call of the method <paramref name="value"/> is read in), read with <c>this</c> being the objects
    /// flow places on them.
    /// </summary>
    public ActivationFact? Of(IOperation value, Activation kind, CancellationToken cancellationToken, IReadOnlyList<IOperation>? calledOn = null)
    {
        var query = new Query(this, cancellationToken);
        return query.CalledOn(calledOn, () => query.Value(value, kind, 0));
    }

    /// <summary>The fact that the elements of <paramref name="collection"/> are outputs of <paramref name="kind"/>, or null (<paramref name="calledOn"/> as for <see cref="Of"/>).</summary>
    public ActivationFact? ElementsOf(IOperation collection, Activation kind, CancellationToken cancellationToken, IReadOnlyList<IOperation>? calledOn = null)
    {
        var query = new Query(this, cancellationToken);
        return query.CalledOn(calledOn, () => query.Elements(collection, kind, 0));
    }

    /// <summary>
    /// False only when <paramref name="value"/> (or its elements) is neither a sigmoid nor a softmax output: one search for both,
    /// asked before <see cref="Of"/> or <see cref="ElementsOf"/> for each. A search cut short by the depth or step limit, or by a
    /// cycle, says true, so the searches for each kind still run where this one could not finish.
    /// </summary>
    public bool MayBeOutput(IOperation value, bool elements, CancellationToken cancellationToken, IReadOnlyList<IOperation>? calledOn = null)
    {
        var query = new Query(this, cancellationToken);
        var fact = query.CalledOn(calledOn, () => elements ? query.Elements(value, Activation.SigmoidOrSoftmax, 0) : query.Value(value, Activation.SigmoidOrSoftmax, 0));
        return fact != null || query.Cut;
    }

    /// <summary>
    /// <see cref="Of"/> (or with <paramref name="elements"/>, <see cref="ElementsOf"/>) for a value read in a method of an object:
    /// where the fact holds for some object the method can run on but not for every one (a layer's <c>Outputs</c> are a sigmoid's
    /// when its setting says so), it is asked again for the objects the method's calls run on (<see cref="CallerReceivers"/>), where
    /// flow places them all. So the loss a layer computes on itself counts for the layers it is called on, not for every layer made.
    /// </summary>
    public ActivationFact? OnCallers(IOperation value, Activation kind, bool elements, CancellationToken cancellationToken)
    {
        var query = new Query(this, cancellationToken);
        var fact = elements ? query.Elements(value, kind, 0) : query.Value(value, kind, 0);
        if (fact is null || !query.PerObject || CallerReceivers(value, cancellationToken) is not { } receivers)
        {
            return fact;
        }

        return elements ? ElementsOf(value, kind, cancellationToken, receivers) : Of(value, kind, cancellationToken, receivers);
    }

    /// <summary>
    /// The receivers of every call in the compilation of the method <paramref name="inside"/> is in (found by what they pass its first
    /// parameter, or for a method of no parameter, by the receivers the index keeps of its calls), each another object
    /// than this whose every object flow finds made here (<see cref="PlacesAll"/>). Null when the method is static, when no call is
    /// found, or when a call runs on this or on a receiver flow cannot place.
    /// </summary>
    public List<IOperation>? CallerReceivers(IOperation inside, CancellationToken cancellationToken)
    {
        if (Operations.InstanceMethodOf(inside, cancellationToken) is not { } method)
        {
            return null;
        }

        var receivers = new List<IOperation>();
        foreach (var receiver in Overridden(method).SelectMany(m => index.CallReceivers(m, cancellationToken)))
        {
            if (receiver is null || Operations.Strip(receiver) is IInstanceReferenceOperation || !PlacesAll(receiver, cancellationToken))
            {
                return null;
            }

            receivers.Add(receiver);
        }

        return receivers.Count > 0 ? receivers : null;
    }

    /// <summary>
    /// <paramref name="method"/> and the members it overrides, with source: a call of the base's <c>Train</c> on a layer may run an
    /// override (flow then reads this as the objects of the override's type among those the calls reach).
    /// </summary>
    private static IEnumerable<IMethodSymbol> Overridden(IMethodSymbol method)
    {
        for (var current = method; current != null && current.DeclaringSyntaxReferences.Length > 0; current = current.OverriddenMethod)
        {
            yield return current;
        }
    }

    /// <summary>
    /// The values a setting of this (<paramref name="setting"/>, a field or property read in a member of the object) holds for the
    /// objects a call runs on: those flow places on <paramref name="receiver"/>, or where it is null, on each of <paramref name="calledOn"/>
    /// (the receivers of every call of the method the call is in). Null where flow places none. With <paramref name="runsOn"/>, only
    /// the objects of that type or one derived from it count: a helper of the base called on this in an <c>OutputLayer</c>'s override
    /// runs on the output layers among them.
    /// </summary>
    public List<IOperation>? SettingOn(IOperation setting, IOperation? receiver, IReadOnlyList<IOperation>? calledOn, ITypeSymbol? runsOn, CancellationToken cancellationToken) =>
        new Query(this, cancellationToken).SettingOn(setting, receiver is null ? calledOn : new[] { receiver }, runsOn as INamedTypeSymbol);

    /// <summary>True when <paramref name="receiver"/> can hold objects and flow finds every one made here.</summary>
    public bool PlacesAll(IOperation receiver, CancellationToken cancellationToken) =>
        ValuesOf(receiver, cancellationToken) is { Count: > 0 } held && held.All(v => Operations.Strip(v) is IObjectCreationOperation);

    /// <summary>The values a receiver, delegate or selector can hold (object creations, delegates, constants) as far as flow can place them, or null when it can place none.</summary>
    public List<IOperation>? ValuesOf(IOperation reference, CancellationToken cancellationToken) =>
        new Query(this, cancellationToken).Values(reference, 0);

    /// <summary><see cref="ValuesOf"/> under one cancellation token, for recognizers that ask it of receivers and delegates (a value, not a delegate made at every site).</summary>
    public HeldValues Values(CancellationToken cancellationToken) => new(this, cancellationToken);

    /// <summary>
    /// The values the last element of a collection can hold (object creations, constants), as far as flow can place them: of a list
    /// filled by <c>Add</c>, what the add last in source order adds, wherever the list is filled (a method that builds and returns it,
    /// a field filled in the constructor); of an initializer, its last element. Null when flow can place none.
    /// </summary>
    public List<IOperation>? LastElementValuesOf(IOperation collection, CancellationToken cancellationToken)
    {
        var query = new Query(this, cancellationToken);
        var elements = query.LastElements(collection);
        if (elements is null)
        {
            return null;
        }

        var result = new List<IOperation>();
        foreach (var element in elements)
        {
            result.AddRange(query.Values(element, 1) ?? new List<IOperation>());
        }

        return result.Count > 0 ? result : null;
    }

    /// <summary>
    /// The codes the output layer's element of a per-layer code array holds, where <paramref name="code"/> reads one at a local or
    /// parameter index (<c>activations[layer]</c>): the last element's, when every one is a constant; else null.
    /// </summary>
    public List<IOperation>? OutputLayerCodesOf(IOperation code, CancellationToken cancellationToken) =>
        new Query(this, cancellationToken).OutputLayerCodes(code, 0);

    /// <summary>What selects a choice: the value tested and the constants that select it (no tested value: none known does).</summary>
    private sealed class Selection
    {
        public Selection(IOperation? tested, object?[] constants, SettingTests.Folding folding = SettingTests.Folding.None)
        {
            Tested = tested;
            Constants = constants;
            Folding = folding;
        }

        public IOperation? Tested { get; }

        public object?[] Constants { get; }

        /// <summary>What the test does to a configured name before comparing it (<c>switch (name.ToLower())</c>).</summary>
        public SettingTests.Folding Folding { get; }

        /// <summary>Whether a configured constant passes this guard.</summary>
        public bool Takes(object? configured) => Constants.Any(k => SettingTests.Same(k, configured, Folding));
    }

    /// <summary>What a value's math is, as the search asks it: a logistic of something, an exponential (or neither).</summary>
    [System.Flags]
    private enum MathForm : byte
    {
        Logistic = 1,
        Exponential = 2,
    }

    private sealed class Cached
    {
        public Cached(ActivationFact? fact, bool perObject)
        {
            Fact = fact;
            PerObject = perObject;
        }

        public ActivationFact? Fact { get; }

        /// <summary>True when the answer read a member the object's constructor sets from its arguments: on known objects it can be narrower.</summary>
        public bool PerObject { get; }
    }

    private sealed class Query
    {
        private readonly ActivationFlow flow;
        private readonly CancellationToken ct;
        private readonly TolerantMathReader reader;
        private readonly HashSet<(ISymbol, Activation, bool)> inProgress = new(new KeyComparer());
        private bool cut;

        // The depth a configuration lookup of SelectableStore has (a name read from a caller's array through a local), and whether one runs.
        private const int SelectionDepth = 6;
        private bool selecting;

        /// <summary>Levels a softmax division's exponentials and their sum are searched to, where the division is met deep in a search.</summary>
        private const int SoftmaxPartsDepth = 6;
        private bool askingSoftmaxParts;
        private int steps;

        // The objects `this` is in the body being read, when flow placed them (the last layer is new LinearLayer(...)), and whether
        // the answer being computed read a member their constructors set from arguments (then it holds for these objects only).
        private List<IObjectCreationOperation>? thisObjects;
        private bool perObject;

        // Objects made by a creation that every pass of a counting loop stores (layers[i] = new Layer(n, acts[i])), where a read of the
        // collection's last element reached it: their arguments are read as the last pass gives them (acts' last, the ?: branch
        // i == count - 1 takes).
        private HashSet<IOperation>? madeAtLastPass;

        // Objects a constructor of another object makes from its own parameters (neurons.Add(new Neuron(act)) in Layer(int n, Act act)),
        // reached through a collection or member of objects flow placed (last.Neurons[i]): those objects, or the receiver that holds them,
        // so the parameter reads as what each of them was made with, not as what every creation of the maker passes.
        private Dictionary<IOperation, (IOperation? Receiver, List<IObjectCreationOperation>? Objects)>? makers;

        // Whether the answer being computed read an argument through either of the two notes above. Those are the query's own (a
        // collection's last element read once makes its other reads in the query take the last pass too, which can miss a may-fact,
        // never make one up), so such an answer is not kept for other queries.
        private bool contextual;

        public Query(ActivationFlow flow, CancellationToken ct)
        {
            this.flow = flow;
            this.ct = ct;
            reader = new TolerantMathReader(flow.index, ct);
        }

        private FlowIndex Index => flow.index;

        /// <summary>True when some part of the answer was cut short (a limit or a cycle), so a null answer is not final.</summary>
        public bool Cut => cut;

        /// <summary>True when some part of the answer read a member of this whose values depend on the object (<see cref="OwnValues"/>).</summary>
        public bool PerObject => perObject;

        public ActivationFact? Value(IOperation operation, Activation kind, int depth)
        {
            if (!Step(depth))
            {
                return null;
            }

            var value = Operations.Strip(operation);
            switch (value)
            {
                case var _ when Operations.TupleElementOf(value) is { } zipped && ZippedTupleSide(zipped.Tuple, zipped.Path) is { } side:
                    return Elements(side, kind, depth + 1)?.Through(side); // o.Zip(t).Sum(pair => ...): pair.First is an element of o
                case var _ when Operations.TupleElementOf(value) is { } element:
                    return Choice(TupleElements(element.Tuple, element.Path, depth + 1) ?? new List<IOperation>(), e => Value(e, kind, depth + 1));
                case ILocalReferenceOperation local when ZippedSequence(local) is { } sequence:
                    return Elements(sequence, kind, depth + 1)?.Through(sequence); // foreach (var (o, t) in outputs.Zip(targets)): o is an element of outputs
                case ILocalReferenceOperation local:
                    var definitions = Index.Reaching(local, ct);
                    if (LoopTupleElements(local, definitions, depth) is { } looped)
                    {
                        return Choice(looped, e => Value(e, kind, depth + 1)); // foreach (var (z, a) in trace): a is the second element of trace's tuples
                    }

                    return Choice(definitions, d => Value(d, kind, depth + 1))
                        ?? (definitions.Count > 1 ? LastPass(local, definitions, depth, m => MemberValue(m, kind, false, depth), out var placed) ?? (placed ? null : Selected(definitions, kind, depth) ?? OverwrittenEachPass(local, definitions, d => Value(d, kind, depth + 1))) : null)
                        ?? MappedInPlace(local, kind);
                case IForEachLoopOperation loop:
                    return Elements(loop.Collection, kind, depth + 1); // the definition of a foreach variable: an element of the collection
                case IArgumentOperation { Parameter: { RefKind: RefKind.Out } parameter }:
                    // Forward(x, out var o): what the method stores into its out parameter
                    return Choice(Index.WritesToParameter(parameter, ct).Where(w => !w.IntoElements).Select(w => w.Value), v => Value(v, kind, depth + 1));
                case IParameterReferenceOperation parameter when LinqElementSource(parameter) is { } sequence:
                    return Elements(sequence, kind, depth + 1)?.Through(sequence); // outputs.Zip(targets, (o, t) => ...): o is an element of outputs
                case IParameterReferenceOperation parameter when SetterOf(parameter) is { } property:
                    // set => output = value: the setter stores what is assigned to the property (Output = Sigmoid(z))
                    return Member(property, kind, false, depth)?.Through(parameter);
                case IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol constructor } captured } when Operations.IsPrimaryConstructor(constructor):
                    // class Neuron(double output) { public double Output => output; }: each new Neuron(v) holds v
                    return Memo(captured, kind, false, depth, () => Any(Index.ArgumentsTo(constructor, captured.Ordinal, ct), v => Value(v, kind, depth + 1)?.Through(v)));
                case IParameterReferenceOperation parameter when OnlyStoreBefore(parameter) is { } stored:
                    // for (...) a = Sigmoid(w * a + b); return a;  foreach (var layer in layers) x = layer.Forward(x); return x;
                    return LastPass(parameter, new[] { stored }, depth, m => MemberValue(m, kind, false, depth), out var carriedOut) ?? (carriedOut ? null : Value(stored, kind, depth + 1));
                case IFieldReferenceOperation field:
                    return StoredOn(field, kind, false, depth);
                case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } list }:
                    return Elements(list, kind, depth + 1);
                case IPropertyReferenceOperation { Property.GetMethod: { } getter, Instance: { } instance } property when IsDispatched(getter):
                    // unit.LastOutput through IUnit: the implementing property of each unit the receiver can hold
                    return Dispatched(getter, instance, depth, g => MemberValue(g, kind, false, depth))?.Through(property);
                case IPropertyReferenceOperation property when property.Property.GetMethod is { } getter && HasBody(getter):
                    return Method(getter, kind, depth)?.Through(property);
                case IPropertyReferenceOperation property:
                    return StoredOn(property, kind, false, depth);
                case IArrayElementReferenceOperation element:
                    return Elements(element.ArrayReference, kind, depth + 1);
                case IImplicitIndexerReferenceOperation implicitIndexer:
                    return Elements(implicitIndexer.Instance, kind, depth + 1);
                case ISimpleAssignmentOperation assignment:
                    return Value(assignment.Value, kind, depth + 1); // => last = Squash(x): an assignment's value is what it stores
                case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                    // squashed ? Sigmoid(z) : z, with the flag configured: the branch a configured value takes
                    return Choice(new[] { conditional.WhenTrue, whenFalse }, c => Value(c, kind, depth + 1)) ?? Selected(new[] { conditional.WhenTrue, whenFalse }, kind, depth);
                case ISwitchExpressionOperation switchExpression:
                    return Switch(switchExpression, kind, depth);
                case IInvocationOperation call:
                    return Call(call, kind, depth);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide } division when Asks(kind, Activation.Softmax)
                    && SoftmaxParts(depth, d => Value(division.LeftOperand, Activation.Exponential, d) != null && IsSumOfExponentials(division.RightOperand, d)):
                    return ActivationFact.At(Activation.Softmax, division, "softmax", FunctionOf(division));
                case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Divide } inPlace when Asks(kind, Activation.Softmax)
                    && SoftmaxParts(depth, d => Value(inPlace.Target, Activation.Exponential, d) != null && IsSumOfExponentials(inPlace.Value, d)):
                    return ActivationFact.At(Activation.Softmax, inPlace, "softmax", FunctionOf(inPlace)); // e[k] /= sum after e[k] = Math.Exp(...): normalized in place
            }

            return ByMath(value, kind);
        }

        /// <summary>The property whose setter's <c>value</c> <paramref name="parameter"/> is (an indexer's too), or null.</summary>
        private static IPropertySymbol? SetterOf(IParameterReferenceOperation parameter) =>
            parameter.Parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.PropertySet, AssociatedSymbol: IPropertySymbol property } setter
            && SymbolEqualityComparer.Default.Equals(setter.Parameters[setter.Parameters.Length - 1], parameter.Parameter) && !property.IsIndexer
                ? property
                : null;

        /// <summary>The elements of an array, list or span, and arrays returned or copied.</summary>
        public ActivationFact? Elements(IOperation operation, Activation kind, int depth)
        {
            if (!Step(depth))
            {
                return null;
            }

            var collection = Operations.Strip(operation);
            if (VectorApi.IsVector(collection.Type))
            {
                return Value(collection, kind, depth + 1); // a MathNet or NumPy vector is read element by element: its value is its elements'
            }

            switch (collection)
            {
                case IForEachLoopOperation loop:
                    return Elements(loop.Collection, kind, depth + 1); // foreach (var row in rows): a row's elements are among rows' elements
                case var _ when Operations.TupleElementOf(collection) is { } element:
                    return Choice(TupleElements(element.Tuple, element.Path, depth + 1) ?? new List<IOperation>(), e => Elements(e, kind, depth + 1));
                case ILocalReferenceOperation local:
                    var reaching = Index.Reaching(local, ct);
                    if (LoopTupleElements(local, reaching, depth) is { } looped)
                    {
                        return Choice(looped, e => Elements(e, kind, depth + 1));
                    }

                    var whole = Choice(reaching, d => Elements(d, kind, depth + 1))
                        ?? (reaching.Count > 1 ? LastPass(local, reaching, depth, m => MemberValue(m, kind, true, depth), out var lastPlaced) ?? (lastPlaced ? null : OverwrittenEachPass(local, reaching, d => Elements(d, kind, depth + 1))) : null);
                    return whole ?? Any(Index.WritesTo(local.Local, local, ct).Where(w => w.IntoElements), w => Written(w, kind, depth)) ?? FilledByCallees(local, kind, depth);
                case IParameterReferenceOperation parameter when OnlyStoreBefore(parameter) is { } stored:
                    return LastPass(parameter, new[] { stored }, depth, m => MemberValue(m, kind, true, depth), out var placed) ?? (placed ? null : Elements(stored, kind, depth + 1));
                case IParameterReferenceOperation parameter when SetterOf(parameter) is { } property:
                    return Member(property, kind, true, depth)?.Through(parameter); // set => outputs = value
                case IArgumentOperation { Parameter: { RefKind: RefKind.Out or RefKind.Ref } parameter }:
                    // Forward(x, out var o): the array the method stores into o, or the elements it writes into it
                    var stores = Index.WritesToParameter(parameter, ct);
                    return Choice(stores.Where(w => !w.IntoElements).Select(w => w.Value), v => Elements(v, kind, depth + 1))
                        ?? Any(stores.Where(w => w.IntoElements), w => Written(w, kind, depth));
                case IFieldReferenceOperation field:
                    return StoredOn(field, kind, true, depth);
                case IPropertyReferenceOperation { Arguments.IsEmpty: true, Property.GetMethod: { } getter, Instance: { } instance } property when IsDispatched(getter):
                    return Dispatched(getter, instance, depth, g => MemberValue(g, kind, true, depth))?.Through(property);
                case IPropertyReferenceOperation { Arguments.IsEmpty: true } property when property.Property.GetMethod is { } getter && HasBody(getter):
                    return Any(Index.ReturnsOf(getter, ct), r => Elements(r, kind, depth + 1));
                case IPropertyReferenceOperation { Arguments.IsEmpty: true } property:
                    return StoredOn(property, kind, true, depth);
                case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } list, Arguments: [var at] } indexer when LastRow(indexer, list, at.Value, kind, depth, out var row):
                    return row;
                case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } outer }:
                    return Elements(outer, kind, depth + 1); // a jagged array or list of lists
                case IArrayElementReferenceOperation { Indices: [var at] } element when LastRow(element, element.ArrayReference, at, kind, depth, out var row):
                    return row;
                case IArrayElementReferenceOperation element:
                    return Elements(element.ArrayReference, kind, depth + 1);
                case IImplicitIndexerReferenceOperation implicitIndexer when LastRow(implicitIndexer, implicitIndexer.Instance, implicitIndexer.Argument, kind, depth, out var row):
                    return row;
                case IImplicitIndexerReferenceOperation implicitIndexer:
                    return Elements(implicitIndexer.Instance, kind, depth + 1);
                case IArrayCreationOperation { Initializer: { } initializer }:
                    return Any(initializer.ElementValues, v => Value(v, kind, depth + 1));
                case IInvocationOperation call:
                    return ElementsOfCall(call, kind, depth);
                case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                    return Choice(new[] { conditional.WhenTrue, whenFalse }, c => Elements(c, kind, depth + 1));
                case ISimpleAssignmentOperation assignment:
                    return Elements(assignment.Value, kind, depth + 1); // => last = x.Select(Squash).ToArray()
                default:
                    return null;
            }
        }

        /// <summary>
        /// The fact of what a method returns, or a getter gives (a property without a body: what is stored into it), or of its
        /// elements.
        /// </summary>
        private ActivationFact? MemberValue(IMethodSymbol method, Activation kind, bool elements, int depth) =>
            HasBody(method) ? (elements ? Any(Index.ReturnsOf(method, ct), r => Elements(r, kind, depth + 1)) : Method(method, kind, depth))
            : method.AssociatedSymbol is IPropertySymbol property ? Member(property, kind, elements, depth)
            : null;

        /// <summary>
        /// A variable read after a loop that stores into it a call on each element in turn (<c>foreach (var layer in layers) a =
        /// layer.Forward(a);</c>, <see cref="LastIteration.CarriedOut"/>): the fact of the call the last pass makes, on the collection's
        /// last element, of each type flow places there (of every implementation where it places none). The loop is taken to run, as a
        /// network's layers do; the value the variable has before the loop then does not reach the read. Null where the read is not such
        /// a read, or other definitions reach it from after the loop's start.
        /// </summary>
        private ActivationFact? LastPass(IOperation use, IReadOnlyList<IOperation> definitions, int depth, System.Func<IMethodSymbol, ActivationFact?> implementation, out bool placed)
        {
            placed = false;
            IOperation? carried = null;
            ILoopOperation? loop = null;
            IOperation? collection = null;
            foreach (var definition in definitions)
            {
                if (LastIteration.CarriedOut(definition, use) is var (carrier, elements))
                {
                    if (carried != null)
                    {
                        return null;
                    }

                    (carried, loop, collection) = (Operations.Strip(definition), carrier, elements);
                }
            }

            return carried is null || loop is null || collection is null || definitions.Any(d => Operations.Strip(d) != carried && d.Syntax.Span.End > loop.Syntax.SpanStart)
                ? null
                : OnLastElement(carried, collection, depth, implementation, out placed);
        }

        /// <summary>
        /// The fact of the value a loop stores into <paramref name="use"/>'s variable on every pass, read after the loop, the variable's
        /// value before the loop left out (<see cref="LastIteration.OverwrittenEachPass"/>): <c>var current = x; foreach (var layer in
        /// layers) { ...; current = layer.Neurons.Select(n => n.Output).ToArray(); } return current;</c> reads as what every layer's
        /// neurons output (any pass's value, so the fact must hold of each pass the query cannot tell apart). Null for any other variable.
        /// </summary>
        private static ActivationFact? OverwrittenEachPass(IOperation use, IReadOnlyList<IOperation> definitions, System.Func<IOperation, ActivationFact?> fact) =>
            LastIteration.OverwrittenEachPass(definitions, use) is { } stored ? fact(stored)?.Through(stored) : null;

        /// <summary>
        /// <c>layers.Aggregate(x, (a, layer) => layer.Forward(a))</c>: the fact of the call the fold makes last, on the sequence's last
        /// element (<see cref="OnLastElement"/>). Null for any other call.
        /// </summary>
        private ActivationFact? Folded(IInvocationOperation call, int depth, System.Func<IMethodSymbol, ActivationFact?> implementation)
        {
            if (call.TargetMethod.Name != "Aggregate" || call.Arguments.Length is not (2 or 3) || !IsLinq(call.TargetMethod)
                || LambdaArgument(call) is not { Symbol.Parameters: [_, var element] } step || FunctionReturns(step).ToList() is not [var result]
                || LastIteration.Member(result) is not var (_, receiver)
                || Operations.Strip(receiver) is not IParameterReferenceOperation { Parameter: var parameter } || !SymbolEqualityComparer.Default.Equals(parameter, element))
            {
                return null;
            }

            return OnLastElement(Operations.Strip(result), Receiver(call), depth, implementation, out _);
        }

        /// <summary>
        /// The fact of <paramref name="carried"/>, a call on an element of <paramref name="collection"/> (or a read of its property), made
        /// on the last element: of the member each type flow places there runs, of every implementation where it places none.
        /// </summary>
        private ActivationFact? OnLastElement(IOperation carried, IOperation collection, int depth, System.Func<IMethodSymbol, ActivationFact?> implementation, out bool placed)
        {
            placed = false;
            if (LastIteration.Member(carried) is not var (target, _))
            {
                return null;
            }

            var last = ElementValues(collection, true, depth + 1);
            var objects = ObjectsMade(last is null ? null : Gather(last, e => Values(e, depth + 1)));
            placed = objects is { Count: > 0 }; // the answer on the objects the last element can be is the answer: the loop's other values are not
            var fact = objects is { Count: > 0 } || IsDispatched(target) ? OnTypes(target, objects, everyType: false, implementation) : implementation(target);
            return fact?.Through(carried);
        }

        private ActivationFact? ElementsOfCall(IInvocationOperation call, Activation kind, int depth)
        {
            var target = call.TargetMethod;
            if (LibraryActivation(call, kind) is { } library)
            {
                return library;
            }

            if (Folded(call, depth, m => MemberValue(m, kind, true, depth)) is { } folded)
            {
                return folded.Through(call);
            }

            // LINQ: xs.Select(f).ToArray(), xs.ToList(), list.ToArray()
            if (IsLinq(target) && target.Name is "ToArray" or "ToList" or "AsEnumerable" or "AsSpan")
            {
                return Elements(Receiver(call), kind, depth + 1);
            }

            if (Mapping(call) is var (source, function))
            {
                switch (Operations.Strip(function))
                {
                    case IDelegateCreationOperation { Target: IMethodReferenceOperation { Method: { Name: "Exp" } exp } } when kind == Activation.Exponential && MathApi.IsRecognizedMathType(exp.ContainingType):
                        return ActivationFact.At(kind, call, "exp"); // xs.Select(Math.Exp)
                    case IDelegateCreationOperation { Target: IAnonymousFunctionOperation selector }:
                        return SelectedElements(source, selector, kind, depth);
                    case IAnonymousFunctionOperation selector:
                        return SelectedElements(source, selector, kind, depth);
                    case IDelegateCreationOperation { Target: IMethodReferenceOperation { Method: var selected } } when HasBody(selected):
                        return Method(selected, kind, depth)?.Through(call); // xs.Select(Sigmoid), Array.ConvertAll(z, Sigmoid)
                }
            }

            if (target.Name is "ToArray" or "AsSpan" or "Clone" && call.Instance != null)
            {
                return Elements(call.Instance, kind, depth + 1);
            }

            if (IsDispatched(target) && call.Instance != null)
            {
                return Dispatched(target, call.Instance, depth, m => MemberValue(m, kind, true, depth))?.Through(call); // layer.Forward(x) through ILayer
            }

            // Else the helper's elements as math, its arguments' elements in place of its parameters' (Divide(1, Add(1, Exp(Negate(z))))).
            return HasBody(target) ? OnReceiver(call.Instance, depth, () => Any(ChosenReturns(call), r => Elements(r, kind, depth + 1)))?.Through(call) ?? ByMath(call, kind) ?? HelperSoftmax(call, kind, depth) : null;
        }

        /// <summary>
        /// NumPy's <c>e / np.sum(e)</c> ported with array helpers of yours: <c>Divide(e, Sum(e))</c> with <c>e = Exp(z)</c> (or
        /// <c>Exp(Subtract(z, Max(z)))</c>), where <c>Divide</c> returns <c>r[i] = a[i] / s</c> of its array and number parameters, the
        /// array given holds exponentials and the number is their sum (a helper that adds up its array parameter's elements, LINQ's
        /// <c>Sum</c>, or a local either fills).
        /// </summary>
        private ActivationFact? HelperSoftmax(IInvocationOperation call, Activation kind, int depth)
        {
            var parameters = call.TargetMethod.Parameters;
            if (!Asks(kind, Activation.Softmax) || !parameters.Any(p => MathApi.IsNumeric(p.Type)) || !parameters.Any(p => p.Type is IArrayTypeSymbol)
                || Index.ReturnedElement(call.TargetMethod, ct) is not var (value, indices) || indices.Length != 1
                || Operations.Strip(value) is not IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide } division
                || Operations.Strip(division.LeftOperand) is not IArrayElementReferenceOperation { ArrayReference: var numerators } element || !Operations.IsAt(element, indices)
                || Operations.Strip(numerators) is not IParameterReferenceOperation { Parameter: var exponentials }
                || Operations.Strip(division.RightOperand) is not IParameterReferenceOperation { Parameter: var total } || !MathApi.IsNumeric(total.Type)
                || Operations.ArgumentAt(call.Arguments, exponentials.Ordinal) is not { } given || Operations.ArgumentAt(call.Arguments, total.Ordinal) is not { } sum)
            {
                return null;
            }

            return SoftmaxParts(depth, d => Elements(given, Activation.Exponential, d) != null && IsSumOfExponentials(sum, d)) ? ActivationFact.At(Activation.Softmax, call, "softmax") : null;
        }

        /// <summary>
        /// The array parameter a method of yours returns the sum of the elements of (<c>double s = 0; foreach (var v in a) s += v; return s;</c>,
        /// the same with <c>s += a[i]</c>, or <c>a.Sum()</c>), or null.
        /// </summary>
        private IParameterSymbol? SummedParameter(IMethodSymbol method)
        {
            var returned = Index.SingleReturn(method, ct) is { } single ? Operations.Strip(single) : null;
            if (returned is IInvocationOperation { TargetMethod.Name: "Sum" } linq && IsLinq(linq.TargetMethod) && LambdaArgument(linq) is null)
            {
                return Operations.Strip(Receiver(linq)) is IParameterReferenceOperation { Parameter: var summed } ? summed : null;
            }

            if (returned is not ILocalReferenceOperation total)
            {
                return null;
            }

            IParameterSymbol? added = null;
            foreach (var definition in Index.Reaching(total, ct))
            {
                if (Operations.Strip(definition).ConstantValue.HasValue)
                {
                    continue;
                }

                if (definition is not ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add } add || ElementOfParameter(add.Value) is not { } of
                    || (added != null && !SymbolEqualityComparer.Default.Equals(added, of)))
                {
                    return null;
                }

                added = of;
            }

            return added;

            // a[i] of a parameter a, or v of foreach (var v in a)
            IParameterSymbol? ElementOfParameter(IOperation addend) => Operations.Strip(addend) switch
            {
                IArrayElementReferenceOperation { Indices.Length: 1, ArrayReference: var array } => Operations.Strip(array) is IParameterReferenceOperation { Parameter: var p } ? p : null,
                ILocalReferenceOperation variable => Index.Reaching(variable, ct) is [IForEachLoopOperation { Collection: var each }]
                    && Operations.Strip(each) is IParameterReferenceOperation { Parameter: var p } ? p : null,
                _ => null,
            };
        }

        /// <summary>
        /// The last row of rows a loop fills by layer (<c>outs[^1]</c>, <c>outs[outs.Length - 1]</c> after
        /// <c>for (var i = 0; i &lt; layers.Length; i++) outs[i + 1] = layers[i].Forward(outs[i]);</c> into <c>new double[layers.Length + 1][]</c>,
        /// or <c>acts[^1]</c> after <c>foreach (var layer in layers) acts.Add(layer.Forward(acts[^1]));</c>, <see cref="LastIteration.FilledLast"/>),
        /// kept in a local here, in a field of this object or a static one, or in a method of yours that returns them: its elements are those
        /// of what the last pass stores, a call on the collection's last element (<see cref="OnLastElement"/>). False where the read is not
        /// such a read.
        /// </summary>
        private bool LastRow(IOperation read, IOperation rowsRead, IOperation at, Activation kind, int depth, out ActivationFact? fact)
        {
            fact = null;
            if (!PicksLast(at, rowsRead))
            {
                return false;
            }

            var array = Operations.Strip(rowsRead);
            var made = array is ILocalReferenceOperation local && Index.SingleDefinition(local, ct) is { } definition ? Operations.Strip(definition) : array;
            var rows = made is IInvocationOperation call && HasBody(call.TargetMethod) ? Index.ReturnsOf(call.TargetMethod, ct) : new[] { array };
            var writes = rows is not [var returned] ? null : Operations.Strip(returned) switch
            {
                ILocalReferenceOperation filled => Index.WritesTo(filled.Local, filled, ct),
                IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => Index.WritesTo(field.Field, null, ct), // activations[i + 1] = ... in Forward, read in Train
                _ => null,
            };
            if (writes is null || LastIteration.FilledLast(writes) is not var (value, loop, collection)
                || (loop.Syntax.SyntaxTree == read.Syntax.SyntaxTree && loop.Syntax.Span.Contains(read.Syntax.Span)))
            {
                return false;
            }

            fact = collection != null
                ? OnLastElement(value, collection, depth, m => MemberValue(m, kind, true, depth), out _)
                : Elements(value, kind, depth + 1)?.Through(value);
            return true;
        }

        /// <summary>xs.Select(v => Math.Exp(v - max)) holds exponentials; exps.Select(e => e / sum) with sum = exps.Sum() a softmax.</summary>
        private ActivationFact? SelectedElements(IOperation source, IAnonymousFunctionOperation selector, Activation kind, int depth)
        {
            var returned = FunctionReturns(selector).ToList();
            if (returned.Count != 1 || selector.Symbol.Parameters.Length == 0)
            {
                return null;
            }

            var body = Operations.Strip(returned[0]);
            var parameter = selector.Symbol.Parameters[0];
            if (Asks(kind, Activation.Softmax) && body is IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide } division && SoftmaxParts(depth, d => IsSumOfExponentials(division.RightOperand, d)))
            {
                var numerator = Operations.Strip(division.LeftOperand);
                var exponential = numerator is IParameterReferenceOperation p && SymbolEqualityComparer.Default.Equals(p.Parameter, parameter)
                    ? SoftmaxParts(depth, d => Elements(source, Activation.Exponential, d) != null)
                    : SoftmaxParts(depth, d => Value(numerator, Activation.Exponential, d) != null);
                return exponential ? ActivationFact.At(Activation.Softmax, division, "softmax") : null;
            }

            return Value(body, kind, depth + 1);
        }

        /// <summary>
        /// The value stored into a parameter by the one write to it in its method's body (a plain assignment that ends before
        /// <paramref name="use"/>), or null: a parameter the body never writes is its callers' argument.
        /// </summary>
        private IOperation? OnlyStoreBefore(IParameterReferenceOperation use)
        {
            IOperation? stored = null;
            foreach (var write in Index.FactsOfRoot(Operations.Root(use)).Writes)
            {
                if (!SymbolEqualityComparer.Default.Equals(write.Target, use.Parameter))
                {
                    continue;
                }

                if (stored != null || write.IntoElements || write.Site is not ISimpleAssignmentOperation || write.Site.Syntax.Span.End > use.Syntax.SpanStart)
                {
                    return null;
                }

                stored = write.Value;
            }

            return stored;
        }

        private bool IsSumOfExponentials(IOperation operation, int depth)
        {
            var sum = Operations.Strip(operation);
            switch (sum)
            {
                case IInvocationOperation { Arguments: [var summed] } tensorSum when TensorApi.ReductionOf(tensorSum.TargetMethod) == TensorKernel.Sum:
                    return Elements(Operations.SpanOf(summed.Value), Activation.Exponential, depth + 1) != null; // TensorPrimitives.Sum(e) after Exp(z, e)
                case IInvocationOperation { TargetMethod.Name: "Sum" } call when IsLinq(call.TargetMethod):
                    return LambdaArgument(call) is { } selector
                        ? FunctionReturns(selector).Any(r => Value(r, Activation.Exponential, depth + 1) != null)
                        : Elements(Receiver(call), Activation.Exponential, depth + 1) != null;
                case IInvocationOperation { TargetMethod.Name: "Sum" or "sum", Instance: { } vector } vectorSum when VectorApi.IsVector(vector.Type)
                    && vectorSum.Arguments.All(a => a.ArgumentKind == ArgumentKind.DefaultValue):
                    return Value(vector, Activation.Exponential, depth + 1) != null; // e.Sum() of a MathNet vector, e.sum() of a NumPy array: over its elements
                case IInvocationOperation { TargetMethod.Name: "sum", Arguments.Length: > 0 } npSum when VectorApi.IsNumpyFunction(npSum.TargetMethod)
                    && VectorApi.IsVector(npSum.Arguments[0].Value.Type) && npSum.Arguments.Skip(1).All(a => a.ArgumentKind == ArgumentKind.DefaultValue):
                    return Value(npSum.Arguments[0].Value, Activation.Exponential, depth + 1) != null; // np.sum(e)
                case IInvocationOperation own when HasBody(own.TargetMethod) && SummedParameter(own.TargetMethod) is { } summed
                    && Operations.ArgumentAt(own.Arguments, summed.Ordinal) is { } exponentials:
                    return Elements(exponentials, Activation.Exponential, depth + 1) != null; // Sum(e) of a helper of yours adding up e's elements
                case ILocalReferenceOperation local:
                    var accumulated = 0;
                    foreach (var definition in Index.Reaching(local, ct))
                    {
                        if (definition is ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add } add && Value(add.Value, Activation.Exponential, depth + 1) != null)
                        {
                            accumulated++;
                        }
                        else if (Operations.Strip(definition) is IInvocationOperation && IsSumOfExponentials(definition, depth + 1))
                        {
                            accumulated++;
                        }
                        else if (!Operations.Strip(definition).ConstantValue.HasValue)
                        {
                            return false;
                        }
                    }

                    return accumulated > 0;
                default:
                    return false;
            }
        }

        /// <summary>
        /// A softmax written with <c>TensorPrimitives</c>: <c>Exp(z, e); var s = Sum(e); Divide(e, s, p);</c>. The exponentials fill a
        /// buffer (what <c>Exp</c> writes into its destination is one), and <c>Divide</c> of them by their sum is the softmax.
        /// </summary>
        private ActivationFact? TensorSoftmax(IInvocationOperation call, Activation kind, int depth)
        {
            if (TensorApi.MapOf(call.TargetMethod) is not { } map)
            {
                return null;
            }

            if (kind == Activation.Exponential)
            {
                return map == TensorMap.Exp && call.Arguments.Length == 2 ? ActivationFact.At(Activation.Exponential, call, "exp") : null;
            }

            // Divide(x, y, destination) with y one number, the sum of x's exponentials (Divide of two spans divides element by element)
            return Asks(kind, Activation.Softmax) && map == TensorMap.Divide && call is { Arguments: [var numerators, var sum, _] } && MathApi.IsNumeric(sum.Value.Type)
                && SoftmaxParts(depth, d => Elements(Operations.SpanOf(numerators.Value), Activation.Exponential, d) != null && IsSumOfExponentials(sum.Value, d))
                ? ActivationFact.At(Activation.Softmax, call, "softmax", FunctionOf(call))
                : null;
        }

        /// <summary>A library call whose result is a sigmoid (softmax) output: torch.sigmoid, SigmoidFunction.Function, functional.softmax.</summary>
        private static ActivationFact? LibraryActivation(IInvocationOperation call, Activation kind)
        {
            var key = LibraryApis.Key(call.TargetMethod);
            return Asks(kind, Activation.Sigmoid) && LibraryApis.SigmoidCalls.Contains(key) ? ActivationFact.At(Activation.Sigmoid, call, key.Type + "." + key.Member)
                : Asks(kind, Activation.Softmax) && LibraryApis.SoftmaxCalls.Contains(key) ? ActivationFact.At(Activation.Softmax, call, "softmax")
                : null;
        }

        private ActivationFact? Call(IInvocationOperation call, Activation kind, int depth)
        {
            var target = call.TargetMethod;
            if ((LibraryActivation(call, kind) ?? TensorSoftmax(call, kind, depth)) is { } library)
            {
                return library;
            }

            if (target.Name == "Clone" && call.Arguments.IsEmpty && call.Instance is { } copied && (VectorApi.IsVector(copied.Type) || Index.StorageOf(copied.Type) != null))
            {
                return Value(copied, kind, depth + 1)?.Through(call); // outputs.Clone() of a vector or matrix: the same elements
            }

            if (LibraryApis.ModuleInvocations.Contains(target.Name) && call.Instance != null && kind != Activation.Exponential)
            {
                return Module(call.Instance, kind, depth) is { } module ? ActivationFact.At(module.Kind, call, module.Source.What) : null;
            }

            // activation(s) of a delegate, or z.Map(act.Activate) with act = new Activation { Activate = x => 1 / (1 + Math.Exp(-x)) }
            // (each element is what the delegate returns): what the delegates flow places there return.
            var delegateHeld = target.MethodKind == MethodKind.DelegateInvoke ? call.Instance
                : VectorApi.MappedFunction(call) is { } mapped && Operations.Strip(mapped) is not IDelegateCreationOperation ? mapped
                : null;
            if (delegateHeld != null)
            {
                return Any(Values(delegateHeld, depth + 1) ?? new List<IOperation>(), d => DelegateResult(d, kind, depth))?.Through(call);
            }

            if (IsDispatched(target) && call.Instance != null)
            {
                return Dispatched(target, call.Instance, depth, m => HasBody(m) ? Method(m, kind, depth) : null)?.Through(call);
            }

            if ((target.IsVirtual || target.IsOverride) && call.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }
                && ObjectsMade(ThisObjects(call.Instance)?.ToList<IOperation>()) is { Count: > 0 } placed)
            {
                // Activate(z) on this, virtual with a body, where flow placed the objects: their types' overrides run.
                return OnTypes(target, placed, false, m => HasBody(m) ? Method(m, kind, depth) : null)?.Through(call);
            }

            if (Folded(call, depth, m => MemberValue(m, kind, false, depth)) is { } folded)
            {
                return folded.Through(call);
            }

            if (HasBody(target) && OnReceiver(call.Instance, depth, () => Method(target, kind, depth)) is { } summary)
            {
                // An activation function (Sigmoid(z) => 1 / (1 + Math.Exp(-z)), a clipped one with if-returns) is the sigmoid where
                // it is called; a method that calls one or computes it along the way (Forward(x) => Sigmoid(w * x), a layer that
                // fills o[i] = 1 / (1 + Math.Exp(-z[i]))) hands on where the sigmoid is in its body.
                return SymbolEqualityComparer.Default.Equals(summary.Function, target.OriginalDefinition) ? ActivationFact.At(summary.Kind, call, summary.Source.What) : summary.Through(call);
            }

            return ByMath(call, kind);
        }

        /// <summary>
        /// A call of an interface, abstract or virtual member without a body of its own (a method, or a property's getter): the
        /// fact of the implementations the receiver can run. Where flow places every object the receiver can hold, a fact of any
        /// of their implementations; else every implementation in the compilation must have it.
        /// </summary>
        private ActivationFact? Dispatched(IMethodSymbol member, IOperation receiver, int depth, System.Func<IMethodSymbol, ActivationFact?> implementation)
        {
            // layers[i] can be any layer the list holds, and which one is not followed: a fact of all of them, not of one.
            var objects = ObjectsMade(Values(receiver, depth + 1));
            return OnTypes(member, objects, objects is { Count: > 0 } && AnyElement(receiver), implementation);
        }

        /// <summary>
        /// The fact of the implementation of <paramref name="member"/> the type of each of <paramref name="objects"/> runs, read on the
        /// objects of that type (<see cref="OnObjects"/>): of any of them, or of every one when <paramref name="everyType"/>; of every
        /// implementation in the compilation where flow placed no object.
        /// </summary>
        private ActivationFact? OnTypes(IMethodSymbol member, List<IObjectCreationOperation>? objects, bool everyType, System.Func<IMethodSymbol, ActivationFact?> implementation)
        {
            if (objects is not { Count: > 0 })
            {
                return Every(Index.Implementations(member, ct), implementation);
            }

            var types = objects.Select(o => (INamedTypeSymbol)o.Type!).Distinct<INamedTypeSymbol>(SymbolEqualityComparer.Default).ToList();
            System.Func<INamedTypeSymbol, ActivationFact?> held = t => FlowIndex.ImplementationIn(t, member) is { } m
                ? OnObjects(objects.Where(o => SymbolEqualityComparer.Default.Equals(o.Type, t)).ToList(), () => implementation(m))
                : null;
            return everyType ? Every(types, held) : Any(types, held);
        }

        /// <summary>
        /// The objects <c>this</c> is in the body being read, where flow placed them (a call of an abstract or virtual member on
        /// <c>this</c> then runs their types' implementations); null elsewhere. Either way the answer depends on the objects. Only
        /// those of the type <paramref name="self"/> is read in, or one derived from it, can be this there: a layer's override of
        /// <c>Train</c> runs on the output layers the calls of the base's <c>Train</c> reach, not on the hidden ones beside them.
        /// </summary>
        private List<IObjectCreationOperation>? ThisObjects(IOperation self)
        {
            perObject = true;
            return thisObjects is null || self.Type is not INamedTypeSymbol type ? thisObjects : OfType(thisObjects, type);
        }

        /// <summary>
        /// An answer read with <c>this</c> being the objects flow places on <paramref name="receivers"/> (every object each can hold); read
        /// as on any object where they are null or one holds none flow places.
        /// </summary>
        public ActivationFact? CalledOn(IReadOnlyList<IOperation>? receivers, System.Func<ActivationFact?> read) =>
            ObjectsOn(receivers) is { } objects ? OnObjects(objects, read) : read();

        /// <summary>The objects flow places on each of <paramref name="receivers"/>, together; null where they are null or one holds none flow places.</summary>
        private List<IObjectCreationOperation>? ObjectsOn(IReadOnlyList<IOperation>? receivers)
        {
            if (receivers is null)
            {
                return null;
            }

            var objects = new List<IObjectCreationOperation>();
            foreach (var receiver in receivers)
            {
                if (ObjectsMade(Values(receiver, 1)) is not { Count: > 0 } made)
                {
                    return null;
                }

                objects.AddRange(made);
            }

            return objects;
        }

        /// <summary>
        /// The values <paramref name="setting"/>, read on this, holds for the objects flow places on <paramref name="receivers"/> (of
        /// <paramref name="runsOn"/> or a type derived from it, where it is given); null where it places none.
        /// </summary>
        public List<IOperation>? SettingOn(IOperation setting, IReadOnlyList<IOperation>? receivers, INamedTypeSymbol? runsOn = null)
        {
            if (ObjectsOn(receivers) is not { } placed || (runsOn is null ? placed : OfType(placed, runsOn)) is not { Count: > 0 } objects)
            {
                return null;
            }

            var outer = thisObjects;
            thisObjects = objects;
            try
            {
                return Values(setting, 1);
            }
            finally
            {
                thisObjects = outer;
            }
        }

        /// <summary>An answer read with <c>this</c> being <paramref name="objects"/> in the bodies it reads (<see cref="OwnValues"/>).</summary>
        private ActivationFact? OnObjects(List<IObjectCreationOperation>? objects, System.Func<ActivationFact?> read)
        {
            var outer = thisObjects;
            thisObjects = objects;
            try
            {
                return read();
            }
            finally
            {
                thisObjects = outer;
            }
        }

        /// <summary>
        /// True for a read of an element other than the last (<c>layers[i]</c>, <c>layers.First()</c>), directly or through a local
        /// defined once as one, and for a <c>foreach</c> variable.
        /// </summary>
        private bool AnyElement(IOperation receiver) => Operations.Strip(receiver) switch
        {
            IArrayElementReferenceOperation element => element.Indices.Length != 1 || !PicksLast(element.Indices[0], element.ArrayReference),
            IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } list } indexer => indexer.Arguments.Length != 1 || !PicksLast(indexer.Arguments[0].Value, list),
            IImplicitIndexerReferenceOperation implicitIndexer => !PicksLast(implicitIndexer.Argument, implicitIndexer.Instance),
            IInvocationOperation { TargetMethod.Name: "First" or "FirstOrDefault" or "ElementAt" or "Single" } call => IsLinq(call.TargetMethod),
            ILocalReferenceOperation local => Index.Reaching(local, ct) is { Count: 1 } definitions && AnyElement(definitions[0]),
            IForEachLoopOperation => true, // foreach (var layer in layers): each of them in turn
            _ => false,
        };

        /// <summary>
        /// A member whose body the receiver chooses: an interface or abstract method or property getter (not an indexer's), or a
        /// virtual method with no source here.
        /// </summary>
        private static bool IsDispatched(IMethodSymbol member) => member.MethodKind == MethodKind.PropertyGet
            ? member.IsAbstract && member.AssociatedSymbol is IPropertySymbol { IsIndexer: false }
            : (member.IsAbstract || member.IsVirtual || member.ContainingType?.TypeKind == TypeKind.Interface) && !HasBody(member);

        private ActivationFact? DelegateResult(IOperation value, Activation kind, int depth)
        {
            switch (Operations.Strip(value))
            {
                case IDelegateCreationOperation creation:
                    return DelegateResult(creation.Target, kind, depth);
                case IMethodReferenceOperation reference when HasBody(reference.Method):
                    return Method(reference.Method, kind, depth);
                case IAnonymousFunctionOperation lambda:
                    return Every(FunctionReturns(lambda), r => Value(r, kind, depth + 1));
                default:
                    return null;
            }
        }

        /// <summary>
        /// For <c>pair.First</c> (<c>pair.Item1</c>) of the tuples <c>xs.Zip(ys)</c> gives, to a LINQ lambda (<c>o.Zip(t).Sum(pair =&gt; ...)</c>)
        /// or a <c>foreach</c> variable (<c>foreach (var pair in o.Zip(t))</c>): the sequence that element comes from (<c>xs</c> for the
        /// first, <c>ys</c> for the second). Null for any other tuple.
        /// </summary>
        private IOperation? ZippedTupleSide(IOperation tuple, int[] path)
        {
            if (path is not [var side] || side > 1)
            {
                return null;
            }

            var collection = Operations.Strip(tuple) switch
            {
                IParameterReferenceOperation parameter => LinqElementSource(parameter),
                ILocalReferenceOperation local => Index.ForEachCollection(local, ct),
                _ => null,
            };
            return collection != null ? ZippedSide(collection, side) : null;
        }

        /// <summary>
        /// For a variable of <c>foreach (var (a, b) in xs.Zip(ys))</c>: the sequence it takes its elements from (<c>xs</c> for
        /// <c>a</c>, <c>ys</c> for <c>b</c>). Null for any other local.
        /// </summary>
        private IOperation? ZippedSequence(ILocalReferenceOperation local)
        {
            var definitions = Index.Reaching(local, ct);
            return definitions.Count == 1 && definitions[0] is IForEachLoopOperation loop && Operations.LoopVariablePath(loop, local.Local) is [var side]
                ? ZippedSide(loop.Collection, side)
                : null;
        }

        /// <summary>
        /// The method <paramref name="formula"/> is written in, where it reads nothing but that method's parameters, the parameters of
        /// lambdas inside it, static fields, constants and locals defined once from those (<c>1 / (1 + Math.Exp(-z))</c>,
        /// <c>z.Map(v => 1 / (1 + Math.Exp(-v)))</c>, <c>var e = z.Map(Math.Exp); return e / e.Sum();</c>): an activation function. Null
        /// for a formula over anything else (a layer's weighted sum in a local or a field, this object's state, an element).
        /// </summary>
        private IMethodSymbol? FunctionOf(IOperation formula) =>
            formula.SemanticModel?.GetEnclosingSymbol(formula.Syntax.SpanStart) is IMethodSymbol { MethodKind: not MethodKind.AnonymousFunction } method
            && OverParameters(formula, method, depth: 0)
                ? method.OriginalDefinition
                : null;

        private bool OverParameters(IOperation formula, IMethodSymbol method, int depth)
        {
            foreach (var operand in formula.DescendantsAndSelf())
            {
                var own = operand switch
                {
                    IParameterReferenceOperation parameter => SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, method)
                        || parameter.Parameter.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == formula.Syntax.SyntaxTree && formula.Syntax.Span.Contains(r.Span)),
                    ILocalReferenceOperation local => depth < 3 && Index.Reaching(local, ct) is { Count: 1 } definitions
                        && definitions[0].Syntax.SyntaxTree == formula.Syntax.SyntaxTree && !definitions[0].Syntax.Span.Contains(formula.Syntax.Span)
                        && OverParameters(definitions[0], method, depth + 1),
                    IInstanceReferenceOperation or IArrayElementReferenceOperation => false,
                    IFieldReferenceOperation field => field.Field.IsStatic || field.ConstantValue.HasValue,
                    IMethodReferenceOperation reference => reference.Method.IsStatic,
                    IMemberReferenceOperation member => member.ConstantValue.HasValue,
                    _ => true,
                };
                if (!own)
                {
                    return false;
                }
            }

            return true;
        }

        private ActivationFact? Method(IMethodSymbol method, Activation kind, int depth) =>
            Memo(method, kind, false, depth, () =>
            {
                var returns = Index.ReturnsOf(method, ct);
                var computed = returns.Count > 1 ? returns.Where(r => !IsStoredOverride(r)).ToList() : returns;
                return Choice(computed, r => Value(r, kind, depth + 1)) ?? Selected(returns, kind, depth);
            });

        /// <summary>
        /// <c>if (_output != double.MinValue) return _output;</c> ahead of the computed value: a value stored into the object from
        /// outside (an input neuron's output set by the network) that the member hands back instead of computing one. Like the
        /// constants at clipped tails it does not count against the computed returns, which are what the member's activation is:
        /// the returned field or property is the one its nearest <c>if</c> tests against a constant (<c>!=</c>, <c>is not</c>),
        /// for a value (<c>HasValue</c>) or against NaN (<c>!double.IsNaN</c>).
        /// </summary>
        private static bool IsStoredOverride(IOperation returned)
        {
            var stored = Operations.Strip(returned) switch
            {
                IPropertyReferenceOperation { Property.Name: "Value", Instance: { } nullable } when nullable.Type?.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T => Operations.Strip(nullable),
                var value => value,
            };
            if (stored is not (IFieldReferenceOperation or IPropertyReferenceOperation) || Operations.ReferencedSymbol(stored) is not { } member)
            {
                return false;
            }

            for (IOperation? child = returned, parent = returned.Parent; parent != null; child = parent, parent = parent.Parent)
            {
                switch (parent)
                {
                    case IConditionalOperation conditional when ReferenceEquals(conditional.WhenTrue, child):
                        return TestsForStoredValue(conditional.Condition, member);
                    case IConditionalOperation or ILoopOperation or ISwitchCaseOperation or IAnonymousFunctionOperation or ILocalFunctionOperation or IMethodBodyOperation:
                        return false;
                }
            }

            return false;
        }

        /// <summary>Whether <paramref name="condition"/> holds when <paramref name="member"/> holds a stored value: <c>m != C</c>, <c>m is not C</c>, <c>m.HasValue</c>, <c>!double.IsNaN(m)</c>.</summary>
        private static bool TestsForStoredValue(IOperation condition, ISymbol member)
        {
            bool Reads(IOperation operation) => SymbolEqualityComparer.Default.Equals(Operations.ReferencedSymbol(operation), member);
            return Operations.Strip(condition) switch
            {
                IBinaryOperation { OperatorKind: BinaryOperatorKind.NotEquals } test =>
                    (Reads(test.LeftOperand) && Operations.Strip(test.RightOperand).ConstantValue.HasValue) || (Reads(test.RightOperand) && Operations.Strip(test.LeftOperand).ConstantValue.HasValue),
                IIsPatternOperation { Pattern: INegatedPatternOperation { Pattern: IConstantPatternOperation }, Value: var tested } => Reads(tested),
                IPropertyReferenceOperation { Property.Name: "HasValue", Instance: { } nullable } => Reads(nullable),
                IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, Operand: IInvocationOperation { TargetMethod.Name: "IsNaN", Arguments: [var argument] } } => Reads(argument.Value),
                _ => false,
            };
        }

        /// <summary>
        /// <c>if (kind == Kind.Sigmoid) return σ(x); if (kind == Kind.Tanh) return tanh(x); return x;</c>, or the same as a
        /// <c>switch</c> statement (<c>case Kind.Sigmoid: return σ(x);</c>, or <c>y = σ(x); break;</c> with <c>y</c> returned): the
        /// choices a configured value selects, as a switch expression's arms (<see cref="Switch"/>). A choice guarded by
        /// <c>v == C</c> or <c>case C:</c> is selected when C is among v's configured constants; an unguarded one (a <c>default:</c>,
        /// an <c>else</c>, the code after the tests) when some configured constant matches no guard. A bool flag guards the same way:
        /// <c>if (squashed) return σ(z);</c> and <c>squashed ? σ(z) : z</c> take σ(z) when <c>true</c> is among its configured values.
        /// </summary>
        private ActivationFact? Selected(IReadOnlyList<IOperation> choices, Activation kind, int depth)
        {
            var guarded = choices.Select(c => (Choice: c, Guard: Guard(c))).ToList();
            var tested = guarded.Select(g => g.Guard?.Tested).FirstOrDefault(t => t != null);
            if (tested is null || (OutputLayerCodes(tested, depth) ?? Values(tested, depth + 1)) is not { Count: > 0 } configured
                || configured.Any(c => !Operations.Strip(c).ConstantValue.HasValue))
            {
                return null;
            }

            object? ConstantOf(IOperation c) => Operations.Strip(c).ConstantValue.Value;
            bool Takes(Selection guard, IOperation c) => guard.Tested != null && SameStorage(guard.Tested, tested) && guard.Takes(ConstantOf(c));
            bool Guarded(IOperation c) => guarded.Any(o => o.Guard is { } other && Takes(other, c));
            foreach (var (choice, guard) in guarded)
            {
                // The configured value that selects this choice: one its guard takes, or for an unguarded choice one no guard takes.
                var selecting = guard is { } g ? configured.FirstOrDefault(c => Takes(g, c)) : configured.FirstOrDefault(c => !Guarded(c));
                if (selecting != null && Value(choice, kind, depth + 1) is { } fact)
                {
                    return fact.Through(selecting);
                }
            }

            return null;
        }

        /// <summary>
        /// A code per layer tested by an activation (<c>switch (activations[layer])</c>, the element read at an index that is not a
        /// constant): the codes the last element can hold, the output layer's, when every one is a constant (<c>activations[i] = layerActivations[i]</c>
        /// copies the last of the codes a caller passes); else null, and every code the array holds counts.
        /// </summary>
        public List<IOperation>? OutputLayerCodes(IOperation tested, int depth) =>
            Operations.Strip(tested) is IArrayElementReferenceOperation { Indices: [var at], ArrayReference: var codes } && !Operations.Strip(at).ConstantValue.HasValue
            && Operations.Strip(at) is IParameterReferenceOperation or ILocalReferenceOperation
            && ElementValues(codes, true, depth + 1) is { Count: > 0 } last && last.All(c => Operations.Strip(c).ConstantValue.HasValue)
                ? last
                : null;

        /// <summary>
        /// The test that guards <paramref name="chosen"/>: <c>v == C</c> of the <c>if</c> whose then-branch holds it, or the
        /// constant labels of the <c>switch (v)</c> section that holds it. Null when nothing guards it (or a <c>default:</c>
        /// label does); a guard with no tested value when a label is not a constant (<c>case &gt; 3:</c>, <c>when</c>), which
        /// no configured value is known to select.
        /// </summary>
        private static Selection? Guard(IOperation chosen)
        {
            for (IOperation? child = chosen, parent = chosen.Parent; parent != null; child = parent, parent = parent.Parent)
            {
                if (parent is IConditionalOperation { WhenFalse: var otherwise } flagged && Flag(flagged.Condition) is var (flag, set)
                    && (flagged.WhenTrue == child || otherwise == child))
                {
                    return new Selection(flag, new object?[] { flagged.WhenTrue == child ? set : !set }); // if (squashed) return σ(z); or squashed ? σ(z) : z
                }

                // v == C, v.Equals(C, StringComparison.OrdinalIgnoreCase), v.ToLower() is "c" or "d", and v != C for its else branch
                if (parent is IConditionalOperation conditional && child != conditional.Condition
                    && SettingTests.Equality(conditional.Condition, out var holds) is var (tested, constants, folding)
                    && child == (holds ? conditional.WhenTrue : conditional.WhenFalse))
                {
                    return new Selection(tested, constants, folding);
                }

                if (parent is ISwitchCaseOperation { Parent: ISwitchOperation statement } section)
                {
                    return Labels(statement, section);
                }

                if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation or IMethodBodyOperation)
                {
                    return null;
                }
            }

            return null;
        }

        /// <summary>
        /// A condition that is a flag read as it is stored: a bool field, property or parameter (<c>squashed</c>, <c>this.UseSigmoid</c>),
        /// with the value it has when the condition holds (false under <c>!</c>); null for any other condition.
        /// </summary>
        private static (IOperation Flag, bool Set)? Flag(IOperation condition)
        {
            var set = true;
            var tested = Operations.Strip(condition);
            while (tested is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, OperatorMethod: null } not)
            {
                set = !set;
                tested = Operations.Strip(not.Operand);
            }

            return tested is IFieldReferenceOperation or IPropertyReferenceOperation { Arguments.IsEmpty: true } or IParameterReferenceOperation
                && tested.Type?.SpecialType == SpecialType.System_Boolean
                ? (tested, set)
                : null;
        }

        private static Selection? Labels(ISwitchOperation statement, ISwitchCaseOperation section)
        {
            var constants = new List<object?>();
            foreach (var clause in section.Clauses)
            {
                switch (clause)
                {
                    case IDefaultCaseClauseOperation:
                        return null; // selected by the values no label takes
                    case ISingleValueCaseClauseOperation { Value.ConstantValue: { HasValue: true } single }:
                        constants.Add(single.Value);
                        break;
                    case IPatternCaseClauseOperation { Guard: null, Pattern: IConstantPatternOperation { Value.ConstantValue: { HasValue: true } constant } }:
                        constants.Add(constant.Value);
                        break;
                    default:
                        return new Selection(null, System.Array.Empty<object?>());
                }
            }

            return new Selection(SettingTests.Unfolded(statement.Value, out var folding), constants.ToArray(), folding);
        }

        /// <summary>
        /// False for a constant stored under a guard no configured value selects: <c>case "sigmoid": activations[i] = 0;</c> (or
        /// <c>kind = 0;</c> into a field) in a switch on the names a caller passes (<c>new[] { "tanh", "tanh" }</c>, <c>new Layer(1, "tanh")</c>),
        /// so the codes an activation switch is configured with are those of the names given, not every code the switch can store. True
        /// where the guard's tested value is not all constants flow places.
        /// </summary>
        /// <remarks>
        /// The names are asked for with a depth of their own (the codes are often read at the end of a long search: a network's
        /// output, its layer's activation, the code that selects it), once: a store met while they are looked for is not asked about.
        /// </remarks>
        private bool SelectableStore(Write write)
        {
            if (selecting || !Operations.Strip(write.Value).ConstantValue.HasValue || Guard(write.Site) is not { Tested: { } tested } guard)
            {
                return true;
            }

            List<IOperation>? configured;
            selecting = true;
            try
            {
                configured = (write.IntoElements ? OutputLayerNames(write, tested, MaxDepth - SelectionDepth) : null) ?? Values(tested, MaxDepth - SelectionDepth);
            }
            finally
            {
                selecting = false;
            }

            return configured is not { Count: > 0 } || configured.Any(c => !Operations.Strip(c).ConstantValue.HasValue)
                || configured.Any(c => guard.Takes(Operations.Strip(c).ConstantValue.Value));
        }

        /// <summary>
        /// Per-layer codes (<c>activations[i] = 0;</c> under <c>switch (layerActivations[i])</c>, directly or through a local): the names
        /// that configure the output layer's code, the last of each array of names a caller passes (<c>new[] { "sigmoid", "relu" }</c>
        /// names a relu output), since the output layer is a network's last. Null when the store and the name are not read at the same
        /// index local (a code per layer), or the names cannot be placed.
        /// </summary>
        private List<IOperation>? OutputLayerNames(Write store, IOperation tested, int depth)
        {
            var name = Operations.Strip(tested);
            if (name is ILocalReferenceOperation local && Index.SingleDefinition(local, ct) is { } defined)
            {
                name = Operations.Strip(defined);
            }

            var (names, at) = name switch
            {
                IArrayElementReferenceOperation { Indices: [var position] } element => (element.ArrayReference, position),
                IPropertyReferenceOperation { Property.IsIndexer: true, Arguments: [var argument], Instance: { } list } => (list, argument.Value),
                _ => (null, null),
            };
            if (names is null || at is null || store.Site is not ISimpleAssignmentOperation { Target: IArrayElementReferenceOperation { Indices: [var stored] } }
                || !LocalsIn(at).Overlaps(LocalsIn(stored)))
            {
                return null;
            }

            return ElementValues(names, true, depth) is { Count: > 0 } last ? last : null;
        }

        private static HashSet<ILocalSymbol> LocalsIn(IOperation index) =>
            new(index.DescendantsAndSelf().OfType<ILocalReferenceOperation>().Select(l => l.Local), SymbolEqualityComparer.Default);

        /// <summary>
        /// The same tested storage: one field, property, local or parameter, or the same element of one (<c>activations[layer]</c> tested by
        /// each section of a switch).
        /// </summary>
        private static bool SameStorage(IOperation a, IOperation b) =>
            Operations.ReferencedSymbol(a) is { } symbol ? SymbolEqualityComparer.Default.Equals(symbol, Operations.ReferencedSymbol(b))
            : Operations.Strip(a) is IArrayElementReferenceOperation && Operations.Equivalent(a, b);

        /// <summary>
        /// <c>outputs.Map(Sigmoid)</c> on a local of your own matrix class (<see cref="OwnMatrix"/>): a call in the local's body that makes each
        /// of its elements a sigmoid of itself makes its elements sigmoid outputs (a may-fact: the call is a write).
        /// </summary>
        private ActivationFact? MappedInPlace(ILocalReferenceOperation local, Activation kind)
        {
            if (!Asks(kind, Activation.Sigmoid) || Index.StorageOf(local.Type) is null)
            {
                return null;
            }

            var element = Ex.Var("⟨element⟩");
            foreach (var call in Operations.Root(local).Descendants().OfType<IInvocationOperation>())
            {
                if (call.Instance is { } receiver && Operations.Strip(receiver) is ILocalReferenceOperation mapped && SymbolEqualityComparer.Default.Equals(mapped.Local, local.Local)
                    && reader.InPlace(call, element) is { } made && LogisticForm.ArgumentOf(made) != null)
                {
                    return ActivationFact.At(Activation.Sigmoid, call, "sigmoid");
                }
            }

            return null;
        }

        /// <summary>
        /// <c>var o = new double[n]; Forward(x, o);</c>: the elements a method with source writes into the array, span or list it is
        /// handed (its parameter's elements, in its own body), for each call of the local's body that passes the local.
        /// </summary>
        private ActivationFact? FilledByCallees(ILocalReferenceOperation local, Activation kind, int depth) =>
            Any(
                Index.FactsOfRoot(Operations.Root(local)).Arguments.Where(a => a.Ordinal < a.Method.Parameters.Length && a.Method.Parameters[a.Ordinal].RefKind == RefKind.None
                    && Operations.Strip(a.Value) is ILocalReferenceOperation passed && SymbolEqualityComparer.Default.Equals(passed.Local, local.Local)),
                a => Any(Index.WritesToParameter(a.Method.Parameters[a.Ordinal], ct).Where(w => w.IntoElements), w => Written(w, kind, depth))?.Through(a.Value));

        private ActivationFact? Member(ISymbol member, Activation kind, bool elements, int depth) =>
            Memo(member, kind, elements, depth, () =>
            {
                var writes = Index.WritesTo(member, null, ct);
                return Any(writes.Where(w => (elements || !w.IntoElements) && RunsOnThis(w, member)), w => Written(w, kind, depth))
                    ?? (elements && !writes.Any(w => w.IntoElements) ? FilledByMethods(member, kind, depth) : null);
            });

        /// <summary>
        /// False for a store into a member of this made by code of a type derived from the member's (<c>DenseLayer.FeedForward</c>
        /// storing <c>NeuronValues</c>, declared in <c>BaseLayer</c>) where flow placed the objects this is and none is of that type:
        /// an output layer's values are not what the hidden layer's class stores. True for any other store.
        /// </summary>
        private bool RunsOnThis(Write write, ISymbol member)
        {
            var target = write.Site switch
            {
                ISimpleAssignmentOperation simple => simple.Target,
                ICompoundAssignmentOperation compound => compound.Target,
                _ => null,
            };
            var stored = target is IArrayElementReferenceOperation element ? Operations.ElementRoot(element) : target is null ? null : Operations.Strip(target);
            if (stored is not IMemberReferenceOperation { Instance: IInstanceReferenceOperation { Type: INamedTypeSymbol type } }
                || SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, member.ContainingType?.OriginalDefinition))
            {
                return true;
            }

            perObject = true;
            return thisObjects is null || thisObjects.Any(o => DerivesFrom(o.Type, type));
        }

        /// <summary>The fact of a field or property read on a receiver (<c>last.Outputs</c>), through <see cref="OnReceiver"/>.</summary>
        private ActivationFact? StoredOn(IMemberReferenceOperation read, Activation kind, bool elements, int depth) =>
            OnReceiver(read.Member.IsStatic ? null : read.Instance, depth, () => Member(read.Member, kind, elements, depth));

        /// <summary>
        /// A fact read in a member of the object <paramref name="receiver"/> is (a call of a method of yours on it, a read of its storage):
        /// on <c>this</c> (or on no object), in the objects already placed; on another receiver, for any object, and where that answer
        /// read a member a constructor or an object initializer sets per object (the delegate that computes <c>Outputs</c>), again on the
        /// objects flow places on the receiver, so the outputs of the linear layer last in the list are not a sigmoid's because a hidden
        /// layer's are.
        /// </summary>
        private ActivationFact? OnReceiver(IOperation? receiver, int depth, System.Func<ActivationFact?> read)
        {
            if (receiver is IInstanceReferenceOperation self && thisObjects != null)
            {
                return OnObjects(ThisObjects(self), read); // this in an OutputLayer's method: the output layers among the objects placed
            }

            if (receiver is null or IInstanceReferenceOperation)
            {
                return read();
            }

            var outer = perObject;
            perObject = false;
            var fact = OnObjects(null, read);
            var ofObjects = perObject;
            perObject |= outer;
            if (!ofObjects || ObjectsMade(Values(receiver, depth + 1)) is not { Count: > 0 } objects)
            {
                return fact;
            }

            if (fact != null)
            {
                return OnObjects(objects, read);
            }

            // No answer for any object, where one depends on the object: a member of the type the object is runs there
            // (Outputs[i] = Activate(z) with Activate abstract, and net.OutputLayer = new SigmoidLayer()). Read on the objects of
            // each type flow places on the receiver: some type's answer for storage, every type's for any element of a collection.
            var byType = objects.GroupBy(o => o.Type, SymbolEqualityComparer.Default).Select(g => g.ToList()).ToList();
            return AnyElement(receiver) ? Every(byType, made => OnObjects(made, read)) : Any(byType, made => OnObjects(made, read));
        }

        /// <summary>
        /// The elements of a field or property no code stores into directly, filled by the methods it is handed to
        /// (<c>Activate(z, Outputs)</c> with <c>into[i] = σ(z[i])</c> in <c>Activate</c>).
        /// </summary>
        private ActivationFact? FilledByMethods(ISymbol member, Activation kind, int depth) =>
            Any(Index.HandedFrom(member, ct), h => Any(Index.WritesToParameter(h.Parameter, ct).Where(w => w.IntoElements), w => Written(w, kind, depth))?.Through(h.Site));

        /// <summary>The fact a write stores: its value, or for a whole-collection write or copy, its elements.</summary>
        private ActivationFact? Written(Write write, Activation kind, int depth)
        {
            if (Operations.Strip(write.Value).ConstantValue.HasValue)
            {
                return null;
            }

            // Levels merge (a[i][j] = v writes a's elements): a row added to a list of rows (activations.Add(a)) brings its elements.
            var fact = write.ValueIsElements || (!write.IntoElements && IsCollection(write.Target)) || (write.IntoElements && Operations.IsCollectionType(write.Value.Type))
                ? Elements(write.Value, kind, depth + 1)
                : Value(write.Value, kind, depth + 1);
            return fact?.Through(write.Site);
        }

        /// <summary>A switch on a configured value: the arms the program can select, else every non-constant arm.</summary>
        private ActivationFact? Switch(ISwitchExpressionOperation switchExpression, Activation kind, int depth)
        {
            var all = Choice(switchExpression.Arms.Select(a => a.Value), v => Value(v, kind, depth + 1));
            if (all != null)
            {
                return all;
            }

            var configured = Values(SettingTests.Unfolded(switchExpression.Value, out var folding), depth + 1);
            if (configured is null || configured.Count == 0 || configured.Any(c => !Operations.Strip(c).ConstantValue.HasValue))
            {
                return null;
            }

            bool Labelled(IPatternOperation pattern, IOperation c) => SettingTests.PatternConstants(pattern).Any(k => SettingTests.Same(k, Operations.Strip(c).ConstantValue.Value, folding));
            foreach (var arm in switchExpression.Arms)
            {
                if (arm.Guard != null)
                {
                    continue;
                }

                var selected = arm.Pattern switch
                {
                    IDiscardPatternOperation => configured.FirstOrDefault(c => !switchExpression.Arms.Any(a => Labelled(a.Pattern, c))),
                    var labels => configured.FirstOrDefault(c => Labelled(labels, c)),
                };
                if (selected != null && Value(arm.Value, kind, depth + 1) is { } fact)
                {
                    return fact.Through(selected);
                }
            }

            return null;
        }

        /// <summary>
        /// The values a collection's elements can hold (<c>activationDerivative[layer]</c>, <c>layers[^1]</c>): element stores and adds into the field, property or local that holds it,
        /// array and collection initializers, and the elements of whole collections stored into it, handed to a parameter,
        /// returned, copied or read through an interface property's implementations. Null when the collection is not one of these.
        /// With <paramref name="last"/>, the values its last element can hold: of elements added one by one, the one added last in
        /// source order (<c>layers.Add(hidden); layers.Add(output);</c>), of an initializer, its last element; elements stored by
        /// index all count.
        /// </summary>
        private List<IOperation>? ElementValues(IOperation collection, bool last, int depth)
        {
            if (!Step(depth))
            {
                return null;
            }

            var storage = Operations.Strip(collection);
            switch (storage)
            {
                case IArrayCreationOperation creation:
                    return LastIf(last, creation.Initializer is { } initializer ? initializer.ElementValues.ToList() : new List<IOperation>());
                case IObjectCreationOperation creation when Operations.IsCollectionType(creation.Type):
                    // new List<ILayer> { a, b }: the arguments of the initializer's adds; new List<ILayer>(): none
                    return LastIf(last, creation.Initializer?.Initializers.OfType<IInvocationOperation>().Where(a => a.Arguments.Length == 1).Select(a => a.Arguments[0].Value).ToList() ?? new List<IOperation>());
                case IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol method } parameter }:
                    return ElementsOfEach(Index.ArgumentsTo(method, parameter.Ordinal, ct), last, depth);
                case IPropertyReferenceOperation { Arguments.IsEmpty: true, Property.GetMethod: { } getter, Instance: { } instance } when IsDispatched(getter):
                    return ElementsOfEach(DispatchedValues(getter, instance, depth), last, depth);
                case IPropertyReferenceOperation { Arguments.IsEmpty: true, Property.GetMethod: { } getter } when HasBody(getter):
                    return ElementsOfEach(Index.ReturnsOf(getter, ct), last, depth);
                case IInvocationOperation call when call.TargetMethod.Name is "ToArray" or "ToList" or "Clone" && (call.Instance != null || (IsLinq(call.TargetMethod) && call.Arguments.Length > 0)):
                    return ElementValues(Receiver(call), last, depth + 1);
                case IInvocationOperation call when HasBody(call.TargetMethod):
                    return ElementsOfEach(Index.ReturnsOf(call.TargetMethod, ct), last, depth);
            }

            ISymbol? symbol = storage switch
            {
                IFieldReferenceOperation field => field.Field,
                IPropertyReferenceOperation { Arguments.IsEmpty: true } property when !HasBody(property.Property.GetMethod) => property.Property,
                ILocalReferenceOperation local => local.Local,
                _ => null,
            };
            if (symbol is null)
            {
                return null;
            }

            var writes = Index.WritesTo(symbol, storage is ILocalReferenceOperation ? storage : null, ct).Where(w => !NeverRuns(w)).ToList();
            var stores = writes.Where(w => w.IntoElements && !w.ValueIsElements).ToList();
            if (last && stores.Count > 0 && stores.All(w => w.Site is IInvocationOperation { TargetMethod.Name: "Add" }))
            {
                // Added one by one: the last add in source order is the last element (the order calls run is not followed), leaving out
                // an add in a counting loop under an if on the index that the last pass does not take, and of a ?: on the index, the
                // branch it takes. An add of a parameter (AddLayer(ILayer layer) => layers.Add(layer)) adds what the last call in source
                // order passes.
                var ordered = stores.OrderBy(w => Index.Position(w.Site)).ToList();
                var added = ordered.LastOrDefault(w => LastIteration.RunsAtLast(w.Site)) ?? ordered[ordered.Count - 1];
                if (Operations.Strip(added.Value) is IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol adder } parameter }
                    && Index.ArgumentsTo(adder, parameter.Ordinal, ct) is { Count: > 0 } passed)
                {
                    return new List<IOperation> { passed.OrderBy(Index.Position).Last() };
                }

                return new List<IOperation> { AtLastPass(LastIteration.TakenAtLast(added.Value), added.Value) };
            }

            if (last && stores.Count > 0 && StoredAtEnd(writes, stores) is { } atEnd)
            {
                return new List<IOperation> { atEnd.Value };
            }

            var result = new List<IOperation>();
            foreach (var write in writes)
            {
                if (write.IntoElements && !write.ValueIsElements)
                {
                    if (!SelectableStore(write))
                    {
                        continue; // case "sigmoid": activations[i] = 0; where no configured name is "sigmoid"
                    }

                    if (last && CopiedFrom(write) is { } source)
                    {
                        result.AddRange(ElementValues(source, true, depth + 1) ?? new List<IOperation> { write.Value }); // a[i] = b[i]: a's last is b's
                        continue;
                    }

                    result.Add(last ? AtLastPass(write.Value, write.Value) : write.Value); // a[i] = v, list.Add(v)
                }
                else if (ElementValues(write.Value, last && stores.Count == 0, depth + 1) is { } elements)
                {
                    result.AddRange(elements); // a = new[] { ... }, Units = units, Array.Copy(source, a, n)
                }
            }

            NoteMakers(storage, result);
            return result;
        }

        /// <summary>The array a store copies element by element at the same index (<c>b</c> of <c>a[i] = b[i]</c>), or null.</summary>
        private static IOperation? CopiedFrom(Write store) =>
            store.Site is ISimpleAssignmentOperation { Target: IArrayElementReferenceOperation { Indices: [var stored] } }
            && Operations.Strip(store.Value) is IArrayElementReferenceOperation { Indices: [var read], ArrayReference: var source }
            && Operations.Strip(stored) is ILocalReferenceOperation to && Operations.Strip(read) is ILocalReferenceOperation from
            && SymbolEqualityComparer.Default.Equals(to.Local, from.Local)
                ? source
                : null;

        /// <summary>
        /// True for a store of a parameter (<c>public void Add(Layer layer) => layers.Add(layer);</c>) whose method nothing in the
        /// compilation calls and nothing outside it can (<see cref="CallableFromOutside"/>): it stores nothing, so the layers are the
        /// initializer's alone. A method only handed on as a delegate (<c>items.ForEach(net.Add)</c>) is taken as not called.
        /// </summary>
        private bool NeverRuns(Write write) =>
            write.IntoElements && Operations.Strip(write.Value) is IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Ordinary } method } parameter }
            && Index.ArgumentsTo(method, parameter.Ordinal, ct).Count == 0 && !CallableFromOutside(method); // an adder is usually called: the cached answer first

        /// <summary>
        /// True when code outside the compilation can call <paramref name="method"/>: it is virtual, an override or an interface's
        /// implementation (callable through the base or the interface), or the compilation is a library and the method and every type
        /// around it are public or protected.
        /// </summary>
        private bool CallableFromOutside(IMethodSymbol method)
        {
            if (method.IsVirtual || method.IsOverride || method.IsAbstract || !method.ExplicitInterfaceImplementations.IsEmpty
                || method.ContainingType.AllInterfaces.Any(i => i.GetMembers(method.Name).Any(m => SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(m), method))))
            {
                return true;
            }

            if (Index.Compilation.Options.OutputKind is not (OutputKind.DynamicallyLinkedLibrary or OutputKind.NetModule or OutputKind.WindowsRuntimeMetadata))
            {
                return false; // an application: nothing outside calls into it
            }

            for (ISymbol? symbol = method; symbol is IMethodSymbol or INamedTypeSymbol; symbol = symbol.ContainingSymbol)
            {
                if (symbol.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// For an array made with a constant length and filled by constant indices (<c>l = new Layer[3]; l[0] = ...; l[2] = ...;</c>),
        /// the store into its last index (the one last in source order when there are several); null otherwise.
        /// </summary>
        private Write? StoredAtEnd(IReadOnlyList<Write> writes, List<Write> stores)
        {
            int? length = null;
            foreach (var write in writes)
            {
                if (write.IntoElements)
                {
                    continue;
                }

                if (Operations.Strip(write.Value) is not IArrayCreationOperation { Initializer: null, DimensionSizes: [{ ConstantValue: { HasValue: true, Value: int size } }] }
                    || (length != null && length != size))
                {
                    return null; // made twice with other lengths, or made or copied from elsewhere
                }

                length = size;
            }

            if (length is not { } made || stores.Any(w => ConstantIndex(w) is null))
            {
                return null;
            }

            return stores.Where(w => ConstantIndex(w) == made - 1).OrderBy(w => Index.Position(w.Site)).LastOrDefault();
        }

        /// <summary>The constant index of a store <c>a[2] = v</c> into the array itself (not into one of its rows, <c>a[0][2] = v</c>), or null.</summary>
        private static int? ConstantIndex(Write store) =>
            store.Site is ISimpleAssignmentOperation { Target: IArrayElementReferenceOperation { ArrayReference: var array, Indices: [{ ConstantValue: { HasValue: true, Value: int at } }] } }
                && Operations.Strip(array) is not IArrayElementReferenceOperation ? at : null;

        private static List<IOperation> LastIf(bool last, List<IOperation> elements) =>
            last && elements.Count > 1 ? new List<IOperation> { elements[elements.Count - 1] } : elements;

        /// <summary>
        /// True when <paramref name="index"/> picks the last element of <paramref name="collection"/>: what <see cref="LayerPicks.IsLastIndex"/>
        /// takes for its last index (<c>^1</c>, <c>xs.Count - 1</c> or <c>xs.Length - 1</c> of the same collection, a variable that holds
        /// either or the count), or a local the read is guarded to hold that (<c>if (i == xs.Length - 1) xs[i].BackPropOutput(t);</c>,
        /// <see cref="GuardedLast"/>).
        /// </summary>
        private bool PicksLast(IOperation index, IOperation collection) =>
            (Operations.Strip(index) is ILocalReferenceOperation { Local: var local } && GuardedLast(index, local, collection))
            || LayerPicks.IsLastIndex(index, collection, Index, ct);

        /// <summary>
        /// True when <paramref name="read"/> runs only where <paramref name="local"/> is the last index of <paramref name="collection"/>: in
        /// the then-branch of an <c>if</c> (or a <c>?:</c>) testing <c>local == xs.Length - 1</c>, or in the else-branch of one testing
        /// <c>local != xs.Length - 1</c>, with no loop, lambda or local function between the test and the read (the local is taken not
        /// to change between them, as a loop's index does not).
        /// </summary>
        private bool GuardedLast(IOperation read, ILocalSymbol local, IOperation collection)
        {
            for (IOperation? child = read, parent = read.Parent; parent != null; child = parent, parent = parent.Parent)
            {
                if (parent is IConditionalOperation { Condition: IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } test } branch
                    && (test.OperatorKind == BinaryOperatorKind.Equals ? ReferenceEquals(branch.WhenTrue, child) : ReferenceEquals(branch.WhenFalse, child))
                    && (TestsLast(test.LeftOperand, test.RightOperand) || TestsLast(test.RightOperand, test.LeftOperand)))
                {
                    return true;
                }

                if (parent is ILoopOperation or IAnonymousFunctionOperation or ILocalFunctionOperation or IMethodBodyOperation)
                {
                    return false;
                }
            }

            return false;

            bool TestsLast(IOperation tested, IOperation last) =>
                Operations.Strip(tested) is ILocalReferenceOperation { Local: var l } && SymbolEqualityComparer.Default.Equals(l, local)
                && Operations.Strip(last) is IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract } && PicksLast(last, collection);
        }

        /// <summary>What the last element of a collection can hold (<see cref="ElementValues"/>).</summary>
        public List<IOperation>? LastElements(IOperation collection) => ElementValues(collection, true, 1);

        /// <summary>The element values of each collection, those flow cannot place left out (may-values, as in <see cref="Values"/>).</summary>
        private List<IOperation> ElementsOfEach(IEnumerable<IOperation> collections, bool last, int depth)
        {
            var result = new List<IOperation>();
            foreach (var collection in collections)
            {
                result.AddRange(ElementValues(collection, last, depth + 1) ?? Enumerable.Empty<IOperation>());
            }

            return result;
        }

        /// <summary>
        /// What a read of an interface or abstract property, or a call of an interface or abstract method, can give (a factory behind
        /// an interface: <c>IMaths m = factory.Get(net)</c>): the returns (or for a property, the stored values) of the implementing
        /// members of the objects flow places on the receiver, else of every implementation in the compilation.
        /// </summary>
        private List<IOperation> DispatchedValues(IMethodSymbol getter, IOperation receiver, int depth)
        {
            var types = TypesMade(Values(receiver, depth + 1));
            var getters = types is { Count: > 0 }
                ? types.Select(t => FlowIndex.ImplementationIn(t, getter)).OfType<IMethodSymbol>().Distinct<IMethodSymbol>(SymbolEqualityComparer.Default)
                : Index.Implementations(getter, ct);
            var result = new List<IOperation>();
            foreach (var implementation in getters)
            {
                if (HasBody(implementation))
                {
                    // A factory's Get(net) returning new Sigmoid() or new HyperTan() by net.MathFunctions: the one the stored setting takes.
                    result.AddRange(Chosen(Index.ReturnsOf(implementation, ct), null));
                }
                else if (implementation.AssociatedSymbol is IPropertySymbol property)
                {
                    result.AddRange(Index.WritesTo(property, null, ct).Where(w => !w.IntoElements).Select(w => w.Value));
                }
            }

            return result;
        }

        /// <summary>The values that reach a reference: creations, delegates, constants; the sources flow cannot place are left out (null when none is left).</summary>
        public List<IOperation>? Values(IOperation reference, int depth)
        {
            if (!Step(depth))
            {
                return null;
            }

            var value = Operations.Strip(reference);
            if (value.ConstantValue.HasValue)
            {
                return new List<IOperation> { value };
            }

            IEnumerable<IOperation>? sources = value switch
            {
                _ when Operations.TupleElementOf(value) is { } element => TupleElements(element.Tuple, element.Path, depth + 1),
                ILocalReferenceOperation local => Index.Reaching(local, ct) is var reaching && LoopTupleElements(local, reaching, depth) is { } looped ? looped : reaching,
                IFieldReferenceOperation field => OwnValues(field, Index.WritesTo(field.Field, null, ct), depth),
                IPropertyReferenceOperation { Arguments.IsEmpty: true, Property.GetMethod: { } getter, Instance: { } instance } when IsDispatched(getter) =>
                    DispatchedValues(getter, instance, depth),
                IPropertyReferenceOperation { Arguments.IsEmpty: true } property when !HasBody(property.Property.GetMethod) =>
                    OwnValues(property, Index.WritesTo(property.Property, null, ct), depth),
                IPropertyReferenceOperation { Arguments.IsEmpty: true, Property.GetMethod: { } getter } => Index.ReturnsOf(getter, ct),
                IParameterReferenceOperation parameter when parameter.Parameter.ContainingSymbol is IMethodSymbol method =>
                    Index.ArgumentsTo(method, parameter.Parameter.Ordinal, ct),
                IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } self => ThisObjects(self),
                IArrayElementReferenceOperation { Indices.Length: 1 } element => ElementValues(element.ArrayReference, PicksLast(element.Indices[0], element.ArrayReference), depth + 1),
                IArrayElementReferenceOperation element => ElementValues(element.ArrayReference, false, depth + 1),
                IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1, Instance: { } list } indexer => ElementValues(list, PicksLast(indexer.Arguments[0].Value, list), depth + 1),
                IImplicitIndexerReferenceOperation implicitIndexer => ElementValues(implicitIndexer.Instance, PicksLast(implicitIndexer.Argument, implicitIndexer.Instance), depth + 1),
                IInvocationOperation { TargetMethod.Name: "Last" or "LastOrDefault" or "First" or "FirstOrDefault" or "Single" or "ElementAt" } call when IsLinq(call.TargetMethod) && call.Arguments.Length is 1 or 2 =>
                    ElementValues(Receiver(call), call.TargetMethod.Name is "Last" or "LastOrDefault" && call.Arguments.Length == 1, depth + 1),
                IInvocationOperation call when HasBody(call.TargetMethod) => ChosenReturns(call),
                IInvocationOperation { Instance: { } receiver } call when IsDispatched(call.TargetMethod) => DispatchedValues(call.TargetMethod, receiver, depth),
                IForEachLoopOperation { LoopControlVariable: IVariableDeclaratorOperation } loop => ElementValues(loop.Collection, false, depth + 1),
                IConditionalOperation { WhenFalse: { } whenFalse } conditional => new[] { conditional.WhenTrue, whenFalse },
                ICoalesceOperation coalesce => new[] { coalesce.Value, coalesce.WhenNull },
                ISwitchExpressionOperation switchExpression => switchExpression.Arms.Select(a => a.Value),
                _ => null,
            };
            if (sources is null)
            {
                // Leaves: what was made here (an object, a delegate, a library factory's result), else unknown.
                return value is IObjectCreationOperation or IDelegateCreationOperation or IAnonymousFunctionOperation or IMethodReferenceOperation or IInvocationOperation
                    ? new List<IOperation> { value }
                    : null;
            }

            var result = new List<IOperation>();
            foreach (var source in sources)
            {
                if (Operations.Strip(source) is ILiteralOperation { ConstantValue.Value: null })
                {
                    continue; // null: nothing to call
                }

                // May-values: a source flow cannot place (a parameter no caller in the compilation passes) hides none of the others,
                // so a delegate defaulted to a sigmoid (f ?? Sigmoid) is a sigmoid's whatever outside callers may pass.
                if (Values(source, depth + 1) is { } inner)
                {
                    result.AddRange(inner);
                }
            }

            return result.Count > 0 ? result : null;
        }

        /// <summary>
        /// The values stored into a member of the object a body runs on (<c>activation</c> in <c>Outputs[j] = activation(s)</c>). Where
        /// flow placed the objects (<see cref="thisObjects"/>), each object's own: what is stored into that object by its initializer
        /// (<c>new Layer(4, 1) { Activation = Act.Identity }</c>) or through a receiver flow places it on (<c>output.Activation = ...</c>),
        /// else the member's other stores, a constructor's store of its parameter read as what the object's creation passes there,
        /// through <c>base(...)</c> and <c>this(...)</c> (a <c>LinearLayer</c> passes its identity, not the sigmoid a <c>SigmoidLayer</c>
        /// passes). The same holds for a member read on another receiver, for the objects flow places on it (<c>act.Forward</c> with
        /// <c>act = Activations.Tanh</c> and <c>Tanh = new ActivationPair { Forward = ... }</c>). Elsewhere, every store.
        /// </summary>
        private IEnumerable<IOperation> OwnValues(IMemberReferenceOperation reference, IEnumerable<Write> writes, int depth)
        {
            // case "sigmoid": kind = 0; counts only where a configured name is "sigmoid" (SelectableStore)
            var stores = writes.Where(w => !w.IntoElements && SelectableStore(w)).ToList();
            if (reference.Instance is null || reference.Member.IsStatic
                || !stores.Any(w => InitializedOn(w) != null || StoredThrough(w) != null || ConstructorParameter(w.Value) != null || ChoosingCall(w.Value) != null))
            {
                var values = stores.Select(w => w.Value).ToList();
                NoteMakers(reference, values);
                return values;
            }

            // On this: the objects flow placed for the body being read (the answer then depends on them). On another receiver
            // (act.Forward with act = Activations.Tanh): the objects flow places on that receiver, read here.
            List<IObjectCreationOperation>? objects;
            if (reference.Instance is IInstanceReferenceOperation self)
            {
                objects = ThisObjects(self);
            }
            else
            {
                objects = ObjectsMade(Values(reference.Instance, depth + 1));
            }

            if (objects is not { Count: > 0 } || !objects.All(o => DerivesFrom(o.Type, reference.Member.ContainingType)))
            {
                return stores.Select(w => w.Value);
            }

            // Which objects each store is into: its initializer's, those flow places on its receiver, or (null) any.
            var into = stores.Select(w => InitializedOn(w) is { } made ? new List<IObjectCreationOperation> { made }
                : StoredThrough(w) is { } receiver ? ObjectsMade(Values(receiver, depth + 1))
                : null).ToList();
            var result = new List<IOperation>();
            foreach (var made in objects)
            {
                var own = stores.Where((w, i) => into[i]?.Any(o => o.Syntax == made.Syntax) == true).ToList();
                foreach (var store in own.Count > 0 ? own : stores.Where((w, i) => into[i] is null))
                {
                    var choosing = ChoosingCall(store.Value);
                    var read = ConstructorParameter(store.Value) ?? choosing?.Given;
                    if (read is { ContainingSymbol.ContainingType: var constructed } && !DerivesFrom(made.Type, constructed))
                    {
                        continue; // DenseLayer's constructor stores its activation; an OutputLayer (beside it under one base) never runs it
                    }

                    if (read is { } parameter && PassedTo(made, (IMethodSymbol)parameter.ContainingSymbol, parameter.Ordinal) is { } passed)
                    {
                        foreach (var given in PassedAtLastPass(made, passed, depth).SelectMany(p => ThroughMaker(made, p, depth)))
                        {
                            // Activation = Activations.Get(type): the return the kind this object is made with chooses, else every return.
                            result.AddRange(choosing is var (call, chooser, _) ? ChosenBy(call, chooser, given) : new[] { given });
                        }
                    }
                    else
                    {
                        result.Add(store.Value);
                    }
                }
            }

            return result;
        }

        /// <summary>
        /// A call of a method of yours handed a constructor's parameter where it takes a choice (an enum, a bool or a string:
        /// <c>Activation = ActivationFunctions.Get(type)</c> in <c>Layer(int n, ActivationType type)</c>): the call, the chooser's
        /// parameter and the constructor's; null for any other value.
        /// </summary>
        private static (IInvocationOperation Call, IParameterSymbol Chooser, IParameterSymbol Given)? ChoosingCall(IOperation value)
        {
            if (Operations.Strip(value) is not IInvocationOperation { TargetMethod.DeclaringSyntaxReferences.Length: > 0 } call)
            {
                return null;
            }

            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter is { } chooser && ConstantSelection.IsChoice(chooser.Type) && ConstructorParameter(argument.Value) is { } given)
                {
                    return (call, chooser, given);
                }
            }

            return null;
        }

        /// <summary>The returns of <paramref name="call"/> that <paramref name="given"/>, where it is a constant, chooses for <paramref name="chooser"/>; else the call.</summary>
        private IEnumerable<IOperation> ChosenBy(IInvocationOperation call, IParameterSymbol chooser, IOperation given)
        {
            if (!Operations.Strip(given).ConstantValue.HasValue)
            {
                return new[] { (IOperation)call };
            }

            var choices = ConstantSelection.Choices(call, Index, ct) ?? new Dictionary<ISymbol, object?>(SymbolEqualityComparer.Default);
            choices[chooser.OriginalDefinition] = Operations.Strip(given).ConstantValue.Value;
            return Chosen(Index.ReturnsOf(call.TargetMethod, ct), choices);
        }

        /// <summary>The creation whose object initializer makes <paramref name="write"/> (<c>new Layer(4, 1) { Activation = f }</c>), or null.</summary>
        private static IObjectCreationOperation? InitializedOn(Write write) =>
            write.Site is ISimpleAssignmentOperation { Parent: IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation creation } } ? creation : null;

        /// <summary>The receiver of a store into another object's member (<c>output</c> in <c>output.Activation = f;</c>), or null.</summary>
        private static IOperation? StoredThrough(Write write) =>
            write.Site is ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Instance: { } receiver } } && receiver is not IInstanceReferenceOperation ? receiver : null;

        /// <summary>The constructor parameter a value reads (<c>activation = activationFunction;</c>), or null.</summary>
        private static IParameterSymbol? ConstructorParameter(IOperation value) =>
            Operations.Strip(value) is IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } } parameter } ? parameter : null;

        /// <summary>Those of <paramref name="objects"/> whose type is <paramref name="type"/> or derives from it.</summary>
        private static List<IObjectCreationOperation> OfType(IEnumerable<IObjectCreationOperation> objects, INamedTypeSymbol type) =>
            objects.Where(o => DerivesFrom(o.Type, type)).ToList();

        private static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol declaring)
        {
            for (var current = type as INamedTypeSymbol; current != null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, declaring.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// <paramref name="value"/>, the last element's value of a collection <paramref name="stored"/> is stored or added into: where every
        /// pass of a counting loop stores it and it makes an object, that object is marked made at the last pass (<see cref="PassedAtLastPass"/>).
        /// </summary>
        private IOperation AtLastPass(IOperation value, IOperation stored)
        {
            if (Operations.Strip(value) is IObjectCreationOperation made && LastIteration.PassIndex(stored) != null)
            {
                (madeAtLastPass ??= new HashSet<IOperation>()).Add(made);
            }

            return value;
        }

        /// <summary>
        /// What the creation <paramref name="made"/> passes (<paramref name="passed"/>), for an object made at a counting loop's last pass:
        /// the branch of a <c>?:</c> on the loop's index that pass takes, and for an element read at the loop's index (<c>acts[i]</c>) the
        /// last element's values (the settings are taken to be as many as the objects the loop makes, as a per-layer code array is).
        /// Anywhere else, <paramref name="passed"/>.
        /// </summary>
        private IEnumerable<IOperation> PassedAtLastPass(IObjectCreationOperation made, IOperation passed, int depth)
        {
            if (madeAtLastPass is null || !madeAtLastPass.Contains(made) || LastIteration.PassIndex(made) is not var (index, _))
            {
                return new[] { passed };
            }

            contextual = true;
            var taken = LastIteration.TakenAtLast(passed, made);
            return Operations.Strip(taken) is IArrayElementReferenceOperation { Indices: [var at], ArrayReference: var settings }
                && Operations.Strip(at) is ILocalReferenceOperation { Local: var local } && SymbolEqualityComparer.Default.Equals(local, index)
                && ElementValues(settings, true, depth + 1) is { Count: > 0 } atLast
                ? atLast
                : new[] { taken };
        }

        /// <summary>
        /// Notes the objects among <paramref name="values"/>, stored into a member of another object (<paramref name="storage"/>, read on a
        /// receiver), that a constructor of that member's class makes from its own parameters (<c>Neurons.Add(new Neuron(act))</c> in
        /// <c>Layer(int n, Act act)</c>): the receiver the member is read on, or on this the objects flow placed (<see cref="ThroughMaker"/>).
        /// </summary>
        private void NoteMakers(IOperation storage, List<IOperation> values)
        {
            if (storage is not IMemberReferenceOperation { Instance: { } instance, Member: { IsStatic: false } member })
            {
                return;
            }

            foreach (var value in values)
            {
                if (Operations.Strip(value) is IObjectCreationOperation made && made.Arguments.Any(a => MakerParameter(a.Value, member.ContainingType) != null))
                {
                    if (instance is IInstanceReferenceOperation && thisObjects is null)
                    {
                        return;
                    }

                    (makers ??= new())[made] = instance is IInstanceReferenceOperation ? (null, thisObjects) : (instance, null);
                }
            }
        }

        /// <summary>The parameter of a constructor of <paramref name="maker"/> that <paramref name="value"/> reads, or null.</summary>
        private static IParameterSymbol? MakerParameter(IOperation value, INamedTypeSymbol maker) =>
            Operations.Strip(value) is IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } constructor } parameter }
            && SymbolEqualityComparer.Default.Equals(constructor.ContainingType.OriginalDefinition, maker.OriginalDefinition) ? parameter : null;

        /// <summary>
        /// What <paramref name="made"/>'s argument <paramref name="given"/>, a parameter of its maker's constructor, reads for the objects
        /// that made it (<see cref="NoteMakers"/>): what each of their creations passes there, as <see cref="PassedAtLastPass"/> reads it.
        /// Anywhere else, or where a maker's creation does not show it, <paramref name="given"/>.
        /// </summary>
        private IEnumerable<IOperation> ThroughMaker(IObjectCreationOperation made, IOperation given, int depth)
        {
            if (makers is null || !makers.TryGetValue(made, out var maker)
                || Operations.Strip(given) is not IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } constructor } parameter })
            {
                return new[] { given };
            }

            contextual = true;
            var outer = maker.Objects ?? ObjectsMade(Values(maker.Receiver!, depth + 1));
            if (outer is not { Count: > 0 })
            {
                return new[] { given };
            }

            var result = new List<IOperation>();
            foreach (var o in outer)
            {
                if (PassedTo(o, constructor, parameter.Ordinal) is not { } passed)
                {
                    return new[] { given };
                }

                result.AddRange(PassedAtLastPass(o, passed, depth));
            }

            return result;
        }

        /// <summary>
        /// What <paramref name="creation"/> passes to parameter <paramref name="ordinal"/> of <paramref name="constructor"/>: its own
        /// argument when it calls that constructor, else the argument its constructor's <c>base(...)</c> or <c>this(...)</c> passes on
        /// (a parameter of the constructor passing it read as the creation's argument). Null when the chain is not in source.
        /// </summary>
        private IOperation? PassedTo(IObjectCreationOperation creation, IMethodSymbol constructor, int ordinal)
        {
            var running = creation.Constructor;
            System.Func<int, IOperation?> argument = i => Operations.ArgumentAt(creation.Arguments, i);
            for (var hops = 0; running != null && hops < 5; hops++)
            {
                if (SymbolEqualityComparer.Default.Equals(running.OriginalDefinition, constructor.OriginalDefinition))
                {
                    return argument(ordinal);
                }

                if (Initializer(running) is not { } initializer)
                {
                    return null;
                }

                var (outer, passing) = (argument, running.OriginalDefinition);
                argument = i => Operations.ArgumentAt(initializer.Arguments, i) is not { } value ? null
                    : Operations.Strip(value) is IParameterReferenceOperation p && SymbolEqualityComparer.Default.Equals(p.Parameter.ContainingSymbol.OriginalDefinition, passing) ? outer(p.Parameter.Ordinal)
                    : value;
                running = initializer.TargetMethod;
            }

            return null;
        }

        /// <summary>The <c>base(...)</c> or <c>this(...)</c> call a constructor with source makes (a primary constructor's <c>: Layer(n, f)</c> too), or null.</summary>
        private IInvocationOperation? Initializer(IMethodSymbol constructor)
        {
            foreach (var reference in constructor.OriginalDefinition.DeclaringSyntaxReferences)
            {
                IOperation? initializer = reference.GetSyntax(ct) switch
                {
                    Microsoft.CodeAnalysis.CSharp.Syntax.ConstructorDeclarationSyntax { Initializer: not null } declaration =>
                        (Index.FactsOf(declaration, ct).Root as IConstructorBodyOperation)?.Initializer,
                    Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax { BaseList.Types: [Microsoft.CodeAnalysis.CSharp.Syntax.PrimaryConstructorBaseTypeSyntax baseType, ..] } =>
                        Index.FactsOf(baseType, ct).Root,
                    _ => null,
                };
                if (initializer != null)
                {
                    return initializer.DescendantsAndSelf().OfType<IInvocationOperation>().FirstOrDefault(c => c.TargetMethod.MethodKind == MethodKind.Constructor);
                }
            }

            return null;
        }

        /// <summary>
        /// What a call of a method of yours returns: of a factory given a constant choice (<c>LossKind.Mse.Create()</c>, a setting the
        /// program stores one constant into), the branch that choice takes (<see cref="ConstantSelection"/>); else every return.
        /// </summary>
        private IReadOnlyList<IOperation> ChosenReturns(IInvocationOperation call) =>
            Chosen(Index.ReturnsOf(call.TargetMethod, ct), ConstantSelection.Choices(call, Index, ct));

        /// <summary>Of <paramref name="returns"/>, the one <paramref name="choices"/> and the settings the body tests choose, where they decide one; else all.</summary>
        private IReadOnlyList<IOperation> Chosen(IReadOnlyList<IOperation> returns, Dictionary<ISymbol, object?>? choices) =>
            returns.Count > 0 && ConstantSelection.WithSettings(choices, returns, Index, ct) is { } chosen
                && ConstantSelection.Returned(returns, chosen) is { } taken
                ? new[] { taken }
                : returns;

        /// <summary>
        /// The values element <paramref name="path"/> of a tuple can hold: the element of a tuple literal, of each tuple a method
        /// of yours returns, of a tuple local's definitions, of both arms of <c>?:</c>. Null when some source is not one of these.
        /// </summary>
        private List<IOperation>? TupleElements(IOperation tuple, int[] path, int depth)
        {
            if (!Step(depth))
            {
                return null;
            }

            switch (Operations.Strip(tuple))
            {
                case ITupleOperation literal when path[0] >= 0 && path[0] < literal.Elements.Length:
                    return path.Length == 1 ? new List<IOperation> { literal.Elements[path[0]] } : TupleElements(literal.Elements[path[0]], path.Skip(1).ToArray(), depth + 1);
                case IInvocationOperation call when HasBody(call.TargetMethod):
                    return Gather(Index.ReturnsOf(call.TargetMethod, ct), r => TupleElements(r, path, depth + 1));
                case ILocalReferenceOperation local when Index.ForEachCollection(local, ct) is { } each:
                    return CollectionTuples(each, path, depth + 1); // foreach (var layer in shape): layer.Act is each tuple's
                case ILocalReferenceOperation local when Operations.Deconstructed(local) is null:
                    return Gather(Index.Reaching(local, ct), d => TupleElements(d, path, depth + 1));
                case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                    return Gather(new[] { conditional.WhenTrue, whenFalse }, c => TupleElements(c, path, depth + 1));
                case IMemberReferenceOperation storage when storage is IFieldReferenceOperation or IPropertyReferenceOperation { Arguments.Length: 0 }
                    && Operations.ReferencedSymbol(storage) is { } member:
                    // Last = (z, σ(z)) in one method, Last.Item2 read in another: the element of each tuple the member is given.
                    return Gather(Index.WritesTo(member, storage, ct).Where(w => !w.IntoElements).Select(w => w.Value), v => TupleElements(v, path, depth + 1));
                case IArrayElementReferenceOperation { ArrayReference: var collection } element when Operations.ReferencedSymbol(Operations.Strip(collection)) is { } array:
                    return ElementTuples(array, element, path, depth);
                case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } list } element when Operations.ReferencedSymbol(Operations.Strip(list)) is { } collection:
                    return ElementTuples(collection, element, path, depth);
                default:
                    return null;
            }
        }

        /// <summary>
        /// For a variable a <c>foreach</c> deconstructs from the tuples a field, property or local collection holds
        /// (<c>foreach (var (z, a) in trace)</c> with <c>trace.Add((z, σ(z)))</c>): the elements at its place of those tuples; null for
        /// any other local, or where some stored element is not a tuple flow can read.
        /// </summary>
        private List<IOperation>? LoopTupleElements(ILocalReferenceOperation local, IReadOnlyList<IOperation> definitions, int depth) =>
            definitions.Count == 1 && definitions[0] is IForEachLoopOperation loop && Operations.LoopVariablePath(loop, local.Local) is { } path
                ? CollectionTuples(loop.Collection, path, depth)
                : null;

        /// <summary>
        /// The elements at <paramref name="path"/> of the tuples a collection holds: one in a field, property or local
        /// (<see cref="ElementTuples"/>), or one a method of yours fills and returns (<c>var trace = new List&lt;(double, double)&gt;();
        /// ... trace.Add((z, a)); return trace;</c>); null for any other.
        /// </summary>
        private List<IOperation>? CollectionTuples(IOperation collection, int[] path, int depth)
        {
            var value = Operations.Strip(collection);
            switch (value)
            {
                case IArrayCreationOperation { Initializer: { } initializer }:
                    return Gather(initializer.ElementValues, v => TupleElements(v, path, depth + 1));
                case IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol method } parameter } when Step(depth):
                    // params (int Size, IActivation Act)[] shape: the tuples of the array each call passes (or makes of its arguments)
                    return Gather(Index.ArgumentsTo(method, parameter.Ordinal, ct), a => CollectionTuples(a, path, depth + 1));
            }

            if (Operations.ReferencedSymbol(value) is { } stored)
            {
                return ElementTuples(stored, value, path, depth);
            }

            return value is IInvocationOperation call && HasBody(call.TargetMethod) && Step(depth)
                ? Gather(Index.ReturnsOf(call.TargetMethod, ct), r => CollectionTuples(r, path, depth + 1))
                : null;
        }

        /// <summary>
        /// The elements at <paramref name="path"/> of the tuples stored into a collection's elements (<c>steps[i] = (z, σ(z))</c>,
        /// <c>trace.Add((z, a))</c>), for <c>steps[k].Item2</c> read back.
        /// </summary>
        private List<IOperation>? ElementTuples(ISymbol collection, IOperation read, int[] path, int depth) =>
            Gather(Index.WritesTo(collection, read, ct).Where(w => w.IntoElements && !w.ValueIsElements).Select(w => w.Value), v => TupleElements(v, path, depth + 1));

        private static List<IOperation>? Gather(IEnumerable<IOperation> sources, System.Func<IOperation, List<IOperation>?> of)
        {
            var all = new List<IOperation>();
            foreach (var source in sources)
            {
                if (of(source) is not { } found)
                {
                    return null;
                }

                all.AddRange(found);
            }

            return all.Count > 0 ? all : null;
        }

        private static List<INamedTypeSymbol>? TypesMade(List<IOperation>? values) =>
            ObjectsMade(values)?.Select(o => (INamedTypeSymbol)o.Type!).ToList();

        /// <summary>The creations of the objects <paramref name="values"/> are; null when some value is not a creation.</summary>
        private static List<IObjectCreationOperation>? ObjectsMade(List<IOperation>? values)
        {
            if (values is null)
            {
                return null;
            }

            var objects = new List<IObjectCreationOperation>();
            foreach (var value in values)
            {
                if (Operations.Strip(value) is IObjectCreationOperation { Type: INamedTypeSymbol } created)
                {
                    objects.Add(created);
                }
                else
                {
                    return null;
                }
            }

            return objects;
        }

        /// <summary>nn.Sigmoid() / nn.Softmax(dim) modules, or a Sequential whose last module is one, through locals and fields.</summary>
        private ActivationFact? Module(IOperation module, Activation kind, int depth)
        {
            if (!Step(depth))
            {
                return null;
            }

            foreach (var value in Values(module, depth + 1) ?? new List<IOperation> { module })
            {
                if (Operations.Strip(value) is not IInvocationOperation factory)
                {
                    return null;
                }

                var key = LibraryApis.Key(factory.TargetMethod);
                if (Asks(kind, Activation.Sigmoid) && LibraryApis.SigmoidModules.Contains(key))
                {
                    return ActivationFact.At(Activation.Sigmoid, factory, "nn.Sigmoid module");
                }

                if (Asks(kind, Activation.Softmax) && LibraryApis.SoftmaxModules.Contains(key))
                {
                    return ActivationFact.At(Activation.Softmax, factory, "nn.Softmax module");
                }

                return LibraryApis.SequentialModules.Contains(key) && LibraryApis.LastModule(factory) is { } last ? Module(last, kind, depth + 1) : null;
            }

            return null;
        }

        private ActivationFact? ByMath(IOperation value, Activation kind)
        {
            // A call of array helpers of yours is read element by element too: Divide(1, Add(1, Exp(Negate(z)))), NumPy's 1 / (1 + np.exp(-z)) ported.
            var helperArray = value is IInvocationOperation { Type: IArrayTypeSymbol { ElementType: var element } } helper && MathApi.IsNumeric(element) && HasBody(helper.TargetMethod);
            if (kind == Activation.Softmax || !(helperArray || MathApi.IsNumeric(value.Type) || VectorApi.IsVector(value.Type) || Index.StorageOf(value.Type) != null))
            {
                return null;
            }

            var logistic = kind != Activation.Exponential;
            // An own matrix is read element by element (new Matrix(...).Map(Sigmoid): each element a logistic).
            var form = flow.forms.TryGetValue(value, out var known) ? known
                : flow.forms.GetOrAdd(value, FormOf(VectorApi.IsVector(value.Type) || MathApi.IsNumeric(value.Type) ? reader.Read(value) : reader.ReadElements(value)));
            if ((form & (logistic ? MathForm.Logistic : MathForm.Exponential)) == 0)
            {
                return null;
            }

            // A call read through its helper's body (Forward(x) => Sigmoid(w * x)) is not the formula itself.
            var function = value is IInvocationOperation helperCall && HasBody(helperCall.TargetMethod) && VectorApi.MappedFunction(helperCall) is null ? null : FunctionOf(value);
            return ActivationFact.At(logistic ? Activation.Sigmoid : Activation.Exponential, value, logistic ? "sigmoid" : "exp", function);
        }

        private static MathForm FormOf(Expr math) =>
            (LogisticForm.ArgumentOf(math) != null ? MathForm.Logistic : 0) | (math is Call { Function: MathFunction.Exp } ? MathForm.Exponential : 0);

        private ActivationFact? Memo(ISymbol symbol, Activation kind, bool elements, int depth, System.Func<ActivationFact?> compute)
        {
            var key = (symbol.OriginalDefinition, kind, elements);
            if (flow.cache.TryGetValue(key, out var cached) && !(cached.PerObject && thisObjects != null))
            {
                perObject |= cached.PerObject;
                return cached.Fact;
            }

            if (!inProgress.Add(key))
            {
                cut = true; // a cycle: this answer is partial, and so is everything above it
                return null;
            }

            var (outerCut, outerPerObject, outerContextual) = (cut, perObject, contextual);
            (cut, perObject, contextual) = (false, false, false);
            var fact = compute();
            inProgress.Remove(key);
            if (!cut && !contextual && !(perObject && thisObjects != null))
            {
                flow.cache.TryAdd(key, new Cached(fact, perObject)); // an answer for known objects only is not kept for all
            }

            cut |= outerCut;
            perObject |= outerPerObject;
            contextual |= outerContextual;
            return fact;
        }

        /// <summary>
        /// Asks <paramref name="parts"/> (whether a division's numerators are exponentials and its divisor their sum) one level below
        /// <paramref name="depth"/>, or with a depth of their own where that leaves them fewer than <see cref="SoftmaxPartsDepth"/>
        /// levels: the division is often met at the end of a long search (a layer's output, its activation helper, a one-line
        /// <c>Activate(z) =&gt; Softmax(z)</c>, the helper's <c>Select(v =&gt; v / s)</c>), and its parts are a search of their own.
        /// Once per question: a division met while its parts are asked is searched at the depth it is met at.
        /// </summary>
        private bool SoftmaxParts(int depth, System.Func<int, bool> parts)
        {
            if (askingSoftmaxParts || depth + 1 <= MaxDepth - SoftmaxPartsDepth)
            {
                return parts(depth + 1);
            }

            askingSoftmaxParts = true;
            try
            {
                return parts(MaxDepth - SoftmaxPartsDepth);
            }
            finally
            {
                askingSoftmaxParts = false;
            }
        }

        private bool Step(int depth)
        {
            ct.ThrowIfCancellationRequested();
            if (depth > MaxDepth || ++steps > StepBudget)
            {
                cut = true;
                return false;
            }

            return true;
        }

        /// <summary>Some candidate holds the fact (storage written in several places).</summary>
        private static ActivationFact? Any<T>(IEnumerable<T> candidates, System.Func<T, ActivationFact?> fact)
        {
            foreach (var candidate in candidates)
            {
                if (fact(candidate) is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        /// <summary>Every candidate holds the fact (a choice the program computes), and there is one.</summary>
        private static ActivationFact? Every<T>(IEnumerable<T> candidates, System.Func<T, ActivationFact?> fact)
        {
            ActivationFact? first = null;
            foreach (var candidate in candidates)
            {
                var found = fact(candidate);
                if (found is null)
                {
                    return null;
                }

                first ??= found;
            }

            return first;
        }

        /// <summary>Every non-constant choice holds the fact (0 and 1 at clipped tails do not count against it).</summary>
        private static ActivationFact? Choice(IEnumerable<IOperation> choices, System.Func<IOperation, ActivationFact?> fact) =>
            Every(choices.Where(c => !Operations.Strip(c).ConstantValue.HasValue), c => fact(c)?.Through(c));
    }

    /// <summary>True when a query for <paramref name="kind"/> looks for outputs of <paramref name="output"/> (the combined kind looks for both).</summary>
    private static bool Asks(Activation kind, Activation output) =>
        kind == output || (kind == Activation.SigmoidOrSoftmax && output is Activation.Sigmoid or Activation.Softmax);

    private static IEnumerable<IOperation> FunctionReturns(IAnonymousFunctionOperation function) =>
        function.Body.DescendantsAndSelf().OfType<IReturnOperation>().Where(r => r.ReturnedValue != null && !Operations.IsInsideFunction(r, function.Body)).Select(r => r.ReturnedValue!);

    private static IAnonymousFunctionOperation? LambdaArgument(IInvocationOperation call) =>
        call.Arguments.Select(a => Operations.Strip(a.Value)).Select(v => v is IDelegateCreationOperation d ? d.Target : v).OfType<IAnonymousFunctionOperation>().LastOrDefault();

    /// <summary>
    /// The sequence of <c>xs.Zip(ys)</c> (a <paramref name="collection"/> of tuples) that the tuples' element <paramref name="side"/> comes
    /// from, or of <c>xs.Zip(ys, (x, y) =&gt; (x, y))</c>, whose selector makes a tuple of its two parameters (in either order); else null.
    /// </summary>
    internal static IOperation? ZippedSide(IOperation collection, int side)
    {
        if (Operations.Strip(collection) is not IInvocationOperation { TargetMethod.Name: "Zip" } zip || !IsLinq(zip.TargetMethod) || side is not (0 or 1))
        {
            return null;
        }

        if (zip.Arguments.Length == 2)
        {
            return zip.Arguments[side].Value;
        }

        return zip.Arguments.Length == 3 && LambdaArgument(zip) is { } selector && Operations.SingleReturned(selector) is { } made
            && Operations.Strip(made) is ITupleOperation { Elements.Length: 2 } tuple
            && Operations.Strip(tuple.Elements[side]) is IParameterReferenceOperation { Parameter: { Ordinal: < 2 } taken }
            && SymbolEqualityComparer.Default.Equals(taken.ContainingSymbol, selector.Symbol)
            ? zip.Arguments[taken.Ordinal].Value
            : null;
    }

    /// <summary>
    /// The sequence whose elements a LINQ lambda's parameter stands for: <c>xs</c> for <c>x</c> in <c>xs.Select(x => ...)</c>,
    /// <c>xs.Sum(x => ...)</c>, <c>xs.Average(...)</c> and the other one-sequence operators; <c>a</c> or <c>b</c> for the
    /// parameters of <c>a.Zip(b, (p, q) => ...)</c>. Null for any other parameter (the index of <c>Select((x, i) => ...)</c>,
    /// an accumulator, a method's own parameter).
    /// </summary>
    internal static IOperation? LinqElementSource(IParameterReferenceOperation reference)
    {
        var parameter = reference.Parameter;
        if (Operations.LambdaArgument(reference) is not { Parent: IInvocationOperation call })
        {
            return null;
        }

        if (call.TargetMethod.Name == "ConvertAll" && Mapping(call) is var (converted, _))
        {
            return parameter.Ordinal == 0 ? converted : null; // Array.ConvertAll(z, v => ...), list.ConvertAll(v => ...)
        }

        if (!IsLinq(call.TargetMethod) || call.Arguments.Length < 2)
        {
            return null;
        }

        if (call.TargetMethod.Name == "Zip")
        {
            return call.Arguments.Length == 3 && parameter.Ordinal < 2 ? call.Arguments[parameter.Ordinal].Value : null;
        }

        return parameter.Ordinal == 0 && call.TargetMethod.Name is "Select" or "Sum" or "Average" or "Max" or "Min" or "Where" or "Any" or "All" or "First" or "FirstOrDefault" or "Last" or "LastOrDefault" or "OrderBy" or "OrderByDescending" or "SkipWhile" or "TakeWhile" or "Count" or "SelectMany"
            ? call.Arguments[0].Value
            : null;
    }

    /// <summary>
    /// The source and the function of a call that maps each element of a collection to a new one: <c>xs.Select(f)</c>,
    /// <c>Array.ConvertAll(xs, f)</c>, <c>list.ConvertAll(f)</c>. Null for any other call.
    /// </summary>
    private static (IOperation Source, IOperation Function)? Mapping(IInvocationOperation call) => call.TargetMethod switch
    {
        { Name: "Select" } select when IsLinq(select) && call.Arguments.Length == 2 => (Receiver(call), call.Arguments[1].Value),
        { Name: "ConvertAll", IsStatic: true, ContainingType.SpecialType: SpecialType.System_Array } when call.Arguments.Length == 2 => (call.Arguments[0].Value, call.Arguments[1].Value),
        { Name: "ConvertAll", IsStatic: false, ContainingType.OriginalDefinition: { Name: "List", ContainingNamespace: { Name: "Generic", ContainingNamespace: { Name: "Collections", ContainingNamespace.Name: "System" } } } }
            when call.Instance != null && call.Arguments.Length == 1 => (call.Instance, call.Arguments[0].Value),
        _ => null,
    };

    /// <summary>The collection an extension or instance call works on.</summary>
    private static IOperation Receiver(IInvocationOperation call) => call.Instance ?? call.Arguments.First().Value;

    private static bool IsLinq(IMethodSymbol method) =>
        Operations.IsEnumerable(method) || (method.ContainingType?.Name == "Queryable" && method.ContainingType.ToDisplayString() == "System.Linq.Queryable");

    private static bool IsCollection(ISymbol symbol) => Operations.IsCollectionType(symbol switch
    {
        IFieldSymbol f => f.Type,
        IPropertySymbol p => p.Type,
        ILocalSymbol l => l.Type,
        _ => null,
    });

    private static bool HasBody(IMethodSymbol? method) => method != null && !method.IsAbstract && !method.IsExtern && method.DeclaringSyntaxReferences.Length > 0
        && !(method.MethodKind == MethodKind.PropertyGet && method.AssociatedSymbol is IPropertySymbol p && Operations.IsAutoProperty(p));

    private sealed class KeyComparer : IEqualityComparer<(ISymbol Symbol, Activation Kind, bool Elements)>
    {
        public bool Equals((ISymbol Symbol, Activation Kind, bool Elements) x, (ISymbol Symbol, Activation Kind, bool Elements) y) =>
            x.Kind == y.Kind && x.Elements == y.Elements && SymbolEqualityComparer.Default.Equals(x.Symbol, y.Symbol);

        public int GetHashCode((ISymbol Symbol, Activation Kind, bool Elements) obj) =>
            (SymbolEqualityComparer.Default.GetHashCode(obj.Symbol) * 31) ^ ((int)obj.Kind * 2) ^ (obj.Elements ? 1 : 0);
    }
}
