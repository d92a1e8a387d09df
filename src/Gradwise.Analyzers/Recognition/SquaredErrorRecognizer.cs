using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Gradwise.Flow;
using Gradwise.Frontend;
using Gradwise.Symbolic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Gradwise.Recognition;

/// <summary>A squared error of two values at <see cref="Site"/>: (a − b)², Math.Pow(a − b, 2), or a call to a method whose body is one.</summary>
/// <param name="Site">Where the loss is written.</param>
/// <param name="Left">a.</param>
/// <param name="Right">b.</param>
/// <param name="OverElements">True when a and b are arrays whose elements are compared (a mean-squared-error method).</param>
internal sealed record SquaredErrorLoss(IOperation Site, IOperation Left, IOperation Right, bool OverElements);

/// <summary>How the parameters a body steps are stepped, of one error (<see cref="SquaredErrorRecognizer.StepsIn"/>).</summary>
internal enum ParameterSteps
{
    /// <summary>No step scales the error.</summary>
    None,

    /// <summary>A step scales the error and none carries σ': the cross-entropy gradient of a sigmoid (softmax) output.</summary>
    CrossEntropy,

    /// <summary>A step is a σ' delta: the squared-error gradient through the activation.</summary>
    Derivative,
}

/// <summary>
/// The squared-error gradient through a sigmoid written in terms of the output: (t − o)·o·(1 − o),
/// or (t − o)·g(o) with g's body o·(1 − o). The shape alone says o went through σ (or a softmax's diagonal).
/// </summary>
/// <param name="Site">The product.</param>
/// <param name="Output">Where o is read, for flow to find the activation (null when only inside a helper's argument list).</param>
/// <param name="DerivativeFactors">The factors that are σ'(z) = o(1 − o): what the cross-entropy gradient drops.</param>
internal sealed record SquaredErrorDelta(IOperation Site, IOperation? Output, ImmutableArray<IOperation> DerivativeFactors)
{
    /// <summary>
    /// For σ'(z) written at the input, σ(z)·(1 − σ(z)) (an activation's derivative taken at the neuron's input), times an error
    /// a − b that does not name σ(z): the two sides, one of which flow must find a sigmoid (or softmax) output in. Empty otherwise.
    /// Where the error does name σ(z) once storage is read through, <see cref="Output"/> is the side read so: the delta is one by
    /// its shape even where flow places no sigmoid.
    /// </summary>
    public ImmutableArray<IOperation> ErrorSides { get; init; } = ImmutableArray<IOperation>.Empty;

    /// <summary>
    /// The receivers of every call of the site's method, for flow to read this as the objects they hold when asked about
    /// <see cref="ErrorSides"/>, where σ' is chosen by a setting of the object the method runs on; null elsewhere.
    /// </summary>
    public IReadOnlyList<IOperation>? CalledOn { get; init; }

    /// <summary>
    /// The side of <see cref="ErrorSides"/> that is the very value σ' is taken at in the method the site calls (<c>t - neuron.Output</c>
    /// with <c>σ'(Output)</c> in <c>neuron.CalculateDelta()</c>): flow is asked about it first, so the message names the output,
    /// not the target. Null elsewhere. Unlike <see cref="Output"/>, it does not make the delta one by its shape.
    /// </summary>
    public IOperation? OutputSide { get; init; }

    /// <summary>False where dropping <see cref="DerivativeFactors"/> cannot be written by rewriting the site (a <c>Zip</c> whose lambda multiplies).</summary>
    public bool Fixable { get; init; } = true;
}

/// <summary>Finds squared-error losses and deltas, reading values through the frontend's tolerant mode; never by their text.</summary>
internal sealed class SquaredErrorRecognizer
{
    private readonly FlowIndex index;
    private readonly ConcurrentDictionary<IMethodSymbol, (int A, int B)?> scalarMethods = SharedTable.Create<IMethodSymbol, (int A, int B)?>(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, (int A, int B)?> elementwiseMethods = SharedTable.Create<IMethodSymbol, (int A, int B)?>(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, bool> squaringMethods = SharedTable.Create<IMethodSymbol, bool>(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, (int Array, int Exponent)?> elementSquaringMethods = SharedTable.Create<IMethodSymbol, (int Array, int Exponent)?>(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, DerivativeAt> dispatchedDerivatives = SharedTable.Create<ISymbol, DerivativeAt>(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, (DerivativeAt Form, int Ordinal)> derivativeForms = SharedTable.Create<IMethodSymbol, (DerivativeAt Form, int Ordinal)>(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, (DerivativeAt Form, int Ordinal, IOperation? Setting)> chosenDerivativeForms = SharedTable.Create<IMethodSymbol, (DerivativeAt Form, int Ordinal, IOperation? Setting)>(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, WrittenOperations> writtenOperators = SharedTable.Create<IMethodSymbol, WrittenOperations>(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, Expr?> elementForms = SharedTable.Create<IMethodSymbol, Expr?>(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, bool> subtractingMethods = SharedTable.Create<IMethodSymbol, bool>(SymbolEqualityComparer.Default);

    // Per field or auto-property: the one value the compilation stores into it, where that can be σ' (a difference or a call), else null.
    private readonly ConcurrentDictionary<ISymbol, IOperation?> storedDerivatives = SharedTable.Create<ISymbol, IOperation?>(SymbolEqualityComparer.Default);
    private readonly bool storedDerivativesLookedFor;
    private readonly ConcurrentDictionary<IMethodSymbol, Expr?> ownForms = SharedTable.Create<IMethodSymbol, Expr?>(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, ErrorInputs> errorInputs = SharedTable.Create<IMethodSymbol, ErrorInputs>(SymbolEqualityComparer.Default);

    /// <param name="index">The compilation's flow index.</param>
    /// <param name="storedDerivatives">
    /// Whether σ' stored in a member (<c>Derivative = Output * (1 - Output)</c> when a neuron fires, then <c>Error * Derivative</c>) is
    /// looked for: only where the compilation has an activation of its own or an activation library, since that search binds the
    /// bodies that write the member, beside every error of plain code (a price times a quantity) otherwise.
    /// </param>
    public SquaredErrorRecognizer(FlowIndex index, bool storedDerivatives = true)
    {
        this.index = index;
        this.storedDerivativesLookedFor = storedDerivatives;
    }

    /// <summary>The flow index the recognizer reads locals and helpers through.</summary>
    public FlowIndex Index => index;

    /// <summary>The loss or the delta a multiplication chain is (called on the top of the chain only).</summary>
    /// <param name="product">The top of the chain.</param>
    /// <param name="delegateValues">What a receiver or delegate can hold, from flow (the methods handed to it), or null where flow is not run.</param>
    /// <param name="ct">Cancellation.</param>
    public object? Product(IBinaryOperation product, HeldValues? delegateValues, CancellationToken ct) =>
        Factors(product, delegateValues, ct);

    /// <summary>
    /// What the steps of parameters in <paramref name="root"/> (compound <c>+=</c> and <c>-=</c> of an array element, a field or a
    /// property) that scale an error, a difference <paramref name="isError"/> accepts, by a rate or an input say of it:
    /// <see cref="ParameterSteps.Derivative"/> where such a step is a σ' delta, <see cref="ParameterSteps.CrossEntropy"/> where
    /// none is, <see cref="ParameterSteps.None"/> where no step scales the error. The sum of <paramref name="loss"/>
    /// itself (<c>mse += err * err</c>) is no step.
    /// </summary>
    public ParameterSteps StepsIn(IOperation root, IOperation? loss, System.Func<IOperation, IOperation, bool> isError, HeldValues? delegateValues, CancellationToken ct)
    {
        var found = ParameterSteps.None;
        foreach (var step in root.Descendants())
        {
            ct.ThrowIfCancellationRequested();
            if (step is not ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract, OperatorMethod: null, Target: var target, Value: var amount }
                || Operations.Strip(target) is not (IArrayElementReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation)
                || (loss != null && amount.Syntax.Span.Contains(loss.Syntax.Span)))
            {
                continue; // not a parameter's step, or the loss's own sum (mse += err * err)
            }

            // A step scales the error once by a rate or an input: a lone += err keeps a running total, and += err * err (or a local
            // holding it) sums the square, neither a parameter's step; a number minus the output (the 1 - p of σ') is no error. The
            // step may be kept in a local first (double delta = lr * oGrads[j] * h[i]; w[i][j] += delta;, for momentum).
            var scaled = Operations.Strip(amount) is ILocalReferenceOperation local && index.SingleDefinition(local, ct) is { } definition ? definition : amount;
            var factors = VariableFactors(ct, scaled);
            if (factors.Count < 2 || factors.Count(f => Difference(f, ct) is var (left, right) && Operations.Number(left) is null && Operations.Number(right) is null && isError(left, right)) != 1)
            {
                continue;
            }

            if (Operations.Strip(scaled) is IBinaryOperation product && Product(product, delegateValues, ct) is SquaredErrorDelta)
            {
                return ParameterSteps.Derivative;
            }

            found = ParameterSteps.CrossEntropy;
        }

        return found;
    }

    /// <summary>
    /// True where a step's error is the loss's: <c>w[i] += eta * (y - p) * x[i]</c> beside <c>(y - p) * (y - p)</c>, or beside
    /// <c>err * err</c> with <c>err = p - y</c> (the sides either way round).
    /// </summary>
    public static bool SameError(IOperation left, IOperation right, SquaredErrorLoss loss) =>
        (SameValue(left, loss.Left) && SameValue(right, loss.Right)) || (SameValue(left, loss.Right) && SameValue(right, loss.Left));

    // t[k] in the loss's loop and t[m] in the step's: the same arrays' elements, each loop with its own index.
    private static bool SameValue(IOperation a, IOperation b) =>
        Operations.Equivalent(a, b)
        || (Operations.Strip(a) is IArrayElementReferenceOperation or IPropertyReferenceOperation { Property.IsIndexer: true }
            && Operations.Strip(b) is IArrayElementReferenceOperation or IPropertyReferenceOperation { Property.IsIndexer: true }
            && Operations.ReferencedSymbol(MemberFacts.RootCollection(a)) is { } array
            && SymbolEqualityComparer.Default.Equals(array, Operations.ReferencedSymbol(MemberFacts.RootCollection(b))));

    /// <summary>
    /// The delta a product in place is (<c>err *= o * (1 - o)</c> after <c>err = t - o</c>, <c>delta[j] *= Derivative(o[j])</c>): the
    /// target's value before it times the right side; null for any other compound assignment. Not fixable by dropping factors: the
    /// statement would have to go.
    /// </summary>
    public SquaredErrorDelta? InPlace(ICompoundAssignmentOperation assignment, HeldValues? delegateValues, CancellationToken ct) =>
        assignment is { OperatorKind: BinaryOperatorKind.Multiply, OperatorMethod: null } && Factors(assignment, delegateValues, ct) is SquaredErrorDelta delta
            ? delta with { Fixable = false }
            : null;

    /// <summary>
    /// A squared error summed by a dot product of a difference with itself: <c>e * e</c> or <c>e.DotProduct(e)</c> of MathNet vectors
    /// with <c>e = a - y</c> (numbers scaling either side are dropped), or squared element by element (<c>e.PointwisePower(2)</c>) or
    /// by its norm (<c>Math.Pow(e.L2Norm(), 2)</c>, a matrix's <c>FrobeniusNorm()</c>); null for any other operation.
    /// </summary>
    public SquaredErrorLoss? DotLoss(IOperation operation, CancellationToken ct)
    {
        if (operation is IInvocationOperation { Instance: { } squared, Arguments: [var exponent] } power && power.TargetMethod.Name == "PointwisePower"
            && VectorApi.IsVector(squared.Type) && Operations.Number(exponent.Value) == 2.0)
        {
            return SquareOf(operation, squared, ct); // (p - y).PointwisePower(2): each element of the difference squared
        }

        if (operation is IInvocationOperation { Arguments: [var normed, var two] } pow && pow.TargetMethod.Name == "Pow" && MathApi.IsRecognizedMathType(pow.TargetMethod.ContainingType)
            && Operations.Number(two.Value) == 2.0 && Operations.Strip(normed.Value) is IInvocationOperation { Instance: { } vector, Arguments.IsEmpty: true } norm
            && norm.TargetMethod.Name is "L2Norm" or "FrobeniusNorm" && VectorApi.IsVector(vector.Type))
        {
            return SquareOf(operation, vector, ct); // Math.Pow((p - y).L2Norm(), 2), and of a matrix's FrobeniusNorm(): the sum of the squares
        }

        if (operation is IInvocationOperation { Instance: { } mappedOver } map && Operations.ArgumentAt(map.Arguments, 0) is { } function
            && map.Arguments.All(a => a.Parameter?.Ordinal == 0 || a.ArgumentKind == ArgumentKind.DefaultValue) && SquaresElements(function, ct)
            && (VectorApi.MappedFunction(map) != null || MapsOwnElements(map, mappedOver, ct)))
        {
            return SquareOf(operation, mappedOver, ct); // (o - t).Map(v => v * v): each element of the difference squared
        }

        if (operation is IInvocationOperation { Type: IArrayTypeSymbol } arrayMap && MapsArrayElements(arrayMap, ct) is var (over, squaring) && SquaresElements(squaring, ct))
        {
            return SquareOf(operation, over, ct); // errors.Map(e => e * e) of a helper of yours over arrays (an extension method, or static)
        }

        if (VectorApi.DotProduct(operation) is not var (left, right))
        {
            return null;
        }

        var variable = VariableFactors(ct, left, right);
        return variable.Count == 2 && Operations.Equivalent(variable[0], variable[1]) ? SquareOf(operation, variable[0], ct) : null;
    }

    /// <summary>
    /// A function that squares its one number, up to a constant factor: <c>v =&gt; v * v</c>, <c>x =&gt; Math.Pow(x, 2)</c>, a method group
    /// <c>Square</c> of yours; false for anything else.
    /// </summary>
    private bool SquaresElements(IOperation function, CancellationToken ct)
    {
        switch (Operations.Strip(function))
        {
            case IDelegateCreationOperation { Target: IMethodReferenceOperation { Method: var method } } when HasBody(method):
                return SquaresItsParameter(method.OriginalDefinition, ct);
            case IDelegateCreationOperation { Target: IAnonymousFunctionOperation { Symbol.Parameters: [var parameter] } lambda } when MathApi.IsReal(parameter.Type)
                && lambda.Syntax.DescendantNodes().Any(n => n.IsKind(SyntaxKind.MultiplyExpression) || n is InvocationExpressionSyntax):
                return Operations.SingleReturned(lambda) is { } squared && IsSquareOf(parameter, squared, ct);
            default:
                return false;
        }
    }

    /// <summary>
    /// Whether <paramref name="call"/>, a method of your own matrix class given one function, makes each element of a new matrix that
    /// function of the same element of <paramref name="receiver"/> (<c>Map</c>, <c>Apply</c>, <c>Select</c> storing
    /// <c>m.data[i] = f(data[i])</c>), read from its store rather than its name.
    /// </summary>
    private bool MapsOwnElements(IInvocationOperation call, IOperation receiver, CancellationToken ct)
    {
        if (index.StorageOf(receiver.Type) is null || !SymbolEqualityComparer.Default.Equals(receiver.Type, call.Type) || call.TargetMethod.Parameters is not [{ Type.TypeKind: TypeKind.Delegate }]
            || OwnMatrix.StoreOf(call.TargetMethod, index, ct) is not { InPlace: false, Compound: null } store
            || Operations.Strip(store.Target) is not IArrayElementReferenceOperation written)
        {
            return false;
        }

        // m.data[i] = f(data[i]): the function invoked on this object's element at the index written
        return Operations.Strip(store.Value) is IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke, Instance: { } function, Arguments: [var element] }
            && Operations.Strip(function) is IParameterReferenceOperation { Parameter.Ordinal: 0 }
            && Operations.Strip(element.Value) is IArrayElementReferenceOperation read
            && OwnMatrix.StorageReference(read, store.Storage) is { Instance: null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } }
            && SameIndices(read, written);
    }

    /// <summary>
    /// The array and the function of a call of your own method that returns a new array of the function of each element of an array
    /// it is given (<c>static double[] Map(this double[] a, Func&lt;double, double&gt; f)</c> storing <c>r[i] = f(a[i])</c>, or <c>r[i, j] = f(a[i, j])</c>, whatever its
    /// name): read from its one store, as the arguments passed for those two parameters; null for any other call.
    /// </summary>
    private (IOperation Over, IOperation Function)? MapsArrayElements(IInvocationOperation call, CancellationToken ct)
    {
        var method = call.TargetMethod.OriginalDefinition;
        if (!HasBody(method) || method.Parameters.Length < 2 || !method.Parameters.Any(p => p.Type.TypeKind == TypeKind.Delegate)
            || index.ReturnedElement(method, ct) is not var (stored, at)
            || Operations.Strip(stored) is not IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke, Instance: { } function, Arguments: [var element] }
            || Operations.Strip(function) is not IParameterReferenceOperation { Parameter: var functionParameter }
            || Operations.Strip(element.Value) is not IArrayElementReferenceOperation mapped || !Operations.IsAt(mapped, at)
            || Operations.ElementRoot(mapped) is not IParameterReferenceOperation { Parameter: var arrayParameter })
        {
            return null;
        }

        return Operations.ArgumentAt(call.Arguments, arrayParameter.Ordinal) is { } over && Operations.ArgumentAt(call.Arguments, functionParameter.Ordinal) is { } passed
            ? (over, passed)
            : null;
    }

    /// <summary>
    /// Whether two element accesses use the same indices at every level (<c>data[i, j]</c>, <c>data[i][j]</c>), whatever array they are
    /// of: <c>m.data[i]</c> and <c>data[i]</c> are of two objects, so <see cref="Operations.Equivalent(IOperation, IOperation)"/> of the
    /// accesses would not do.
    /// </summary>
    private static bool SameIndices(IArrayElementReferenceOperation a, IArrayElementReferenceOperation b)
    {
        while (true)
        {
            if (a.Indices.Length != b.Indices.Length || a.Indices.Zip(b.Indices, (x, y) => !Operations.Equivalent(x, y)).Any(differ => differ))
            {
                return false;
            }

            switch (Operations.Strip(a.ArrayReference), Operations.Strip(b.ArrayReference))
            {
                case (IArrayElementReferenceOperation outerA, IArrayElementReferenceOperation outerB):
                    (a, b) = (outerA, outerB);
                    break;
                case (IArrayElementReferenceOperation, _) or (_, IArrayElementReferenceOperation):
                    return false;
                default:
                    return true;
            }
        }
    }

    /// <summary>The factors of the products <paramref name="roots"/> (element by element too) that are not numbers.</summary>
    private List<IOperation> VariableFactors(CancellationToken ct, params IOperation[] roots)
    {
        var factors = new List<IOperation>();
        foreach (var root in roots)
        {
            Flatten(root, factors, ct);
        }

        return factors.Where(f => Operations.Number(f) is null).ToList();
    }

    /// <summary>The squared-error loss at <paramref name="site"/> when the factor it squares is a difference, or null.</summary>
    /// <remarks>Sides that are whole arrays (<c>error[i] * error[i]</c> with <c>error = Subtract(y, output)</c>) are asked about element by element.</remarks>
    private SquaredErrorLoss? SquareOf(IOperation site, IOperation factor, CancellationToken ct) =>
        Difference(factor, ct) is { } squared ? OverElements(site, squared.Left, squared.Right) : null;

    /// <summary>The squared error of <paramref name="left"/> − <paramref name="right"/> at <paramref name="site"/>, summed over elements when either is an array.</summary>
    private static SquaredErrorLoss OverElements(IOperation site, IOperation left, IOperation right) =>
        new(site, left, right, Operations.Strip(left).Type is IArrayTypeSymbol || Operations.Strip(right).Type is IArrayTypeSymbol);

    /// <summary>
    /// The loss or the delta a pointwise product of vectors is (<c>CostDerivative(a, y).PointwiseMultiply(SigmoidPrime(z))</c>,
    /// <c>np.multiply(e, sp)</c>), called on the top of the chain only; null for any other call.
    /// </summary>
    public object? Pointwise(IInvocationOperation call, HeldValues? delegateValues, CancellationToken ct)
    {
        if (TensorApi.MapOf(call.TargetMethod) == TensorMap.Multiply && call.Arguments.Length == 3)
        {
            // TensorPrimitives.Multiply(err, s, delta): two buffers multiplied element by element into a third (rare enough to read
            // as math without the syntax filter products get). No factor can be dropped by rewriting the call, so no fix.
            var buffers = VariableFactors(ct, call);
            if (buffers.Count == 2 && Operations.Equivalent(buffers[0], buffers[1]))
            {
                return SquareOf(call, buffers[0], ct); // Multiply(err, err, squares)
            }

            return buffers.Count >= 2 && ReadDelta(call, buffers, delegateValues, ct) is { } tensorDelta ? tensorDelta with { Fixable = false } : null;
        }

        if (call.TargetMethod.Name == "Zip" && ZipPair(call, BinaryOperatorKind.Multiply) != null)
        {
            // e.Zip(sp, (a, b) => a * b): no factor can be dropped from it by rewriting the call, so no fix.
            var zipped = Factors(call, delegateValues, ct);
            return zipped is SquaredErrorDelta delta ? delta with { Fixable = false } : zipped;
        }

        if (OwnPair(call, BinaryOperatorKind.Multiply, ct) != null)
        {
            // gradients.Multiply(errors) of a matrix class of your own (in place: the receiver's value is the product), or
            // Matrix.Hadamard(a, b): no factor can be dropped by rewriting the call, so no fix.
            var product = Factors(call, delegateValues, ct);
            return product is SquaredErrorDelta own ? own with { Fixable = false } : product;
        }

        return VectorApi.BinaryCall(call) is { Kind: BinaryOperatorKind.Multiply } || ElementPair(call, BinaryOperatorKind.Multiply, ct) != null ? Factors(call, delegateValues, ct) : null;
    }

    /// <summary>True for <c>a * b</c> of an operator of your own matrix class that multiplies element by element (read as a product, not a dot product).</summary>
    public bool IsOwnElementwiseProduct(IBinaryOperation product, CancellationToken ct) =>
        product.OperatorKind == BinaryOperatorKind.Multiply && OwnPair(product, BinaryOperatorKind.Multiply, ct) != null;

    /// <summary>
    /// The two operands a method or operator of your own matrix class combines element by element with <paramref name="kind"/>, read from its
    /// one store into the storage (<see cref="OwnMatrix"/>): <c>Matrix.Subtract(a, b)</c> storing <c>result.data[i, j] = a.data[i, j] - b.data[i, j]</c>,
    /// <c>gradients.Multiply(errors)</c> storing <c>data[i, j] *= other.data[i, j]</c> (this object is an operand), <c>a * b</c> of an operator
    /// storing the element product; null for anything else (a matrix product reads a sum of its own, and is none).
    /// </summary>
    private (IOperation Left, IOperation Right)? OwnPair(IOperation operation, BinaryOperatorKind kind, CancellationToken ct)
    {
        IMethodSymbol method;
        IOperation? Operand(int ordinal) => ordinal < 0 ? (operation as IInvocationOperation)?.Instance
            : operation is IBinaryOperation binary ? (ordinal == 0 ? binary.LeftOperand : ordinal == 1 ? binary.RightOperand : null)
            : Operations.ArgumentAt(((IInvocationOperation)operation).Arguments, ordinal);
        switch (operation)
        {
            case IInvocationOperation call when Operations.ArgumentsMatchParameters(call):
                method = call.TargetMethod.OriginalDefinition;
                break;
            case IBinaryOperation { OperatorMethod: { Parameters.Length: 2 } user } when user.MethodKind == MethodKind.UserDefinedOperator:
                method = user.OriginalDefinition;
                break;
            default:
                return null;
        }

        if (index.StorageOf(method.ContainingType) is null || ownForms.GetOrAdd(method, m => new TolerantMathReader(index, ct).OwnForm(m)) is not { } form)
        {
            return null; // a type of the compilation with no storage (most calls) is answered before any body is read
        }

        var operands = method.Parameters.Select(p => (p.Ordinal, TolerantMathReader.ParameterVariable(p)));
        return PairIn(form, kind, method.IsStatic ? operands : operands.Prepend((-1, TolerantMathReader.Self)), Operand);
    }

    /// <summary>
    /// The two sequences of <c>xs.Zip(ys, (a, b) =&gt; a * b)</c> (or <c>a - b</c> for a subtraction, in the
    /// lambda's order), also under <c>.ToArray()</c> or <c>.ToList()</c>; null for any other call.
    /// </summary>
    private static (IOperation A, IOperation B)? ZipPair(IInvocationOperation call, BinaryOperatorKind kind)
    {
        if (call.TargetMethod.Name is "ToArray" or "ToList" && Operations.IsEnumerable(call.TargetMethod) && call.Arguments.Length == 1
            && Operations.Strip(call.Arguments[0].Value) is IInvocationOperation inner)
        {
            call = inner;
        }

        if (call.TargetMethod.Name != "Zip" || !Operations.IsEnumerable(call.TargetMethod) || call.Arguments.Length != 3
            || Operations.Strip(call.Arguments[2].Value) is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation { Symbol.Parameters.Length: 2 } lambda })
        {
            return null;
        }

        if (Operations.SingleReturned(lambda) is not { } returned || Operations.Strip(returned) is not IBinaryOperation { OperatorMethod: null } body || body.OperatorKind != kind
            || Operations.Strip(body.LeftOperand) is not IParameterReferenceOperation left || Operations.Strip(body.RightOperand) is not IParameterReferenceOperation right
            || left.Parameter.Ordinal == right.Parameter.Ordinal)
        {
            return null;
        }

        var sequences = new[] { call.Arguments[0].Value, call.Arguments[1].Value };
        return (sequences[left.Parameter.Ordinal], sequences[right.Parameter.Ordinal]);
    }

    /// <summary>
    /// The two arguments of a call to a helper of yours that combines two arrays element by element (<c>Hadamard(a, b)</c> filling
    /// <c>r[i] = a[i] * b[i]</c>, <c>CostDerivative(a, y)</c> filling <c>r[i] = a[i] - y[i]</c>, or the same with <c>Zip</c>) by <paramref name="kind"/>; null otherwise.
    /// </summary>
    private (IOperation A, IOperation B)? ElementPair(IInvocationOperation call, BinaryOperatorKind kind, CancellationToken ct)
    {
        var target = call.TargetMethod.OriginalDefinition;
        if (call.Type is not IArrayTypeSymbol || !HasBody(target) || target.Parameters.Count(p => p.Type is IArrayTypeSymbol) < 2
            || !(kind == BinaryOperatorKind.Multiply ? writtenOperators.GetOrAdd(target, WrittenOperators).Multiplies : writtenOperators.GetOrAdd(target, WrittenOperators).Subtracts))
        {
            return null; // from syntax first: most calls returning an array fill it with neither
        }

        var form = elementForms.GetOrAdd(target, m => new TolerantMathReader(index, ct).ElementForm(m));
        return PairIn(form, kind, target.Parameters.Select(p => (p.Ordinal, TolerantMathReader.ParameterVariable(p))), ordinal => Operations.ArgumentAt(call.Arguments, ordinal));
    }

    /// <summary>
    /// The two operands whose elements a method's element form combines by <paramref name="kind"/> (<c>⟨p0⟩ − ⟨p1⟩</c>), as the operations
    /// <paramref name="operand"/> gives for their ordinals; null when the form is no such combination of two of them.
    /// </summary>
    private static (IOperation Left, IOperation Right)? PairIn(Expr? form, BinaryOperatorKind kind, IEnumerable<(int Ordinal, Expr Element)> operands, System.Func<int, IOperation?> operand)
    {
        if (form is null)
        {
            return null;
        }

        var all = operands.ToList();
        foreach (var a in all)
        {
            foreach (var b in all)
            {
                if (a.Ordinal != b.Ordinal && form.Equals(Arithmetic.Apply(kind, a.Element, b.Element)) && operand(a.Ordinal) is { } left && operand(b.Ordinal) is { } right)
                {
                    return (left, right);
                }
            }
        }

        return null;
    }

    /// <summary>Whether a method's body, as written, has a product and a difference (read once per method).</summary>
    private static WrittenOperations WrittenOperators(IMethodSymbol method)
    {
        bool multiplies = false, subtracts = false, multipliesNames = false;
        foreach (var node in method.DeclaringSyntaxReferences.SelectMany(r => r.GetSyntax().DescendantNodes()))
        {
            if (node is BinaryExpressionSyntax product && product.IsKind(SyntaxKind.MultiplyExpression))
            {
                multiplies = true;
                multipliesNames |= IsName(product.Left) && IsName(product.Right);
            }

            subtracts |= node.IsKind(SyntaxKind.SubtractExpression);
        }

        return new WrittenOperations(multiplies, subtracts, multipliesNames);

        static bool IsName(ExpressionSyntax operand)
        {
            while (operand is ParenthesizedExpressionSyntax parenthesized)
            {
                operand = parenthesized.Expression;
            }

            return operand is IdentifierNameSyntax or MemberAccessExpressionSyntax;
        }
    }

    /// <summary>
    /// What a method's source writes: a product, a difference, and a product of two names (<c>Error * Derivative</c>, which can be an
    /// error times σ' the object stored elsewhere).
    /// </summary>
    private readonly record struct WrittenOperations(bool Multiplies, bool Subtracts, bool MultipliesNames);

    /// <summary>
    /// The one value a local changed in place held before (<c>double err = t - o;</c> for <c>err *= ...</c>, <c>double e = o;</c> for
    /// <c>e -= t</c>), or null. An element
    /// multiplied in place (<c>delta[j] *= ...</c>) is read through its one other store by the reader itself.
    /// </summary>
    private IOperation? ValueBefore(ICompoundAssignmentOperation assignment, CancellationToken ct)
    {
        if (assignment.Target is not ILocalReferenceOperation local)
        {
            return null;
        }

        var before = index.Reaching(local, ct).Where(d => !ReferenceEquals(d, assignment)).ToList();
        return before is [var value] && FlowIndex.IsValue(value)
            ? value
            : null;
    }

    /// <summary>True when <paramref name="operation"/> is a factor of a larger product (read at the top of the chain).</summary>
    public static bool IsInsideProduct(IOperation operation)
    {
        var parent = operation.Parent;
        while (parent is IParenthesizedOperation or IConversionOperation { OperatorMethod: null } or IArgumentOperation)
        {
            parent = parent.Parent;
        }

        return parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply } product && (product.OperatorMethod is null || VectorApi.IsElementwise(product))
            || (parent is IInvocationOperation call && VectorApi.BinaryCall(call) is { Kind: BinaryOperatorKind.Multiply });
    }

    private object? Factors(IOperation product, HeldValues? delegateValues, CancellationToken ct)
    {
        var variable = product is ICompoundAssignmentOperation inPlace && ValueBefore(inPlace, ct) is { } before
            ? VariableFactors(ct, before, inPlace.Value) // err *= o * (1 - o) after double err = t - o: (t - o) · o · (1 - o)
            : VariableFactors(ct, product);
        if (variable.Count < 2)
        {
            return null; // a loss squares one value, a delta multiplies an error by σ': both need two varying factors
        }

        if (variable.Count == 2 && Operations.Equivalent(variable[0], variable[1]))
        {
            // (p - y) * (p - y), e * e with e = p - y, and d * d with d = TensorPrimitives.Distance(p, y) (or Norm(err)).
            return SquareOf(product, variable[0], ct) ?? SquaredNorm(product, ThroughLocal(variable[0], ct), ct);
        }

        // Most products in numeric code are neither: only a chain with a factor that can hold σ' = o(1 − o)
        // is read as math (reading follows locals' definitions and inlines helpers, which costs). A bare 1 − x
        // is half of it: it counts beside at least two other factors (the error and o), or beside one that can
        // hold a product of its own; a lerp's a·(1 − t) or a price's p·(1 − discount) is not read.
        // A member beside an error counts when the one value stored into it can be σ' (Derivative = Output * (1 - Output) when the neuron
        // fires, then (target - Output) * Derivative, or Error * Derivative): asked only of products of two factors, one of them an error
        // or a member, since it looks at stores.
        if (!variable.Any(f => MayHoldDerivative(f) && (!IsOneMinus(f) || variable.Count >= 3 || variable.Any(o => !ReferenceEquals(o, f) && MayHoldProduct(o))))
            && !IsStoredDerivativeProduct(variable, ct))
        {
            return null;
        }

        return ReadDelta(product, variable, delegateValues, ct);
    }

    /// <summary>The delta a product whose factors may hold σ' is, read as math (its own method: the closure it needs is made only here, not for every product).</summary>
    private SquaredErrorDelta? ReadDelta(IOperation product, List<IOperation> variable, HeldValues? delegateValues, CancellationToken ct)
    {
        var reader = new TolerantMathReader(index, ct, delegateValues is null ? null : call => Dispatched(call, delegateValues));
        var inOtherBody = new HashSet<IOperation>();
        var chosen = new HashSet<IOperation>();
        var dispatched = new HashSet<IOperation>();
        IReadOnlyList<IOperation>? calledOn = null;
        var delta = Delta(product, variable, variable.Select(ReadFactor).ToList(), reader, ct, inOtherBody, chosen, Sure);
        if (delta is { ErrorSides.IsEmpty: false } && calledOn is null && !delta.DerivativeFactors.All(Sure))
        {
            // neuron.activation.Derivative(neuron.Sum) beside an error: flow keeps the activations per member, not per neuron, so
            // the sigmoid it finds on the error may be the hidden neurons' only; σ' must be every object's derivative.
            return null;
        }

        return delta is not null && calledOn is not null ? delta with { CalledOn = calledOn } : delta;

        // A call of a method of yours that dispatches inside (top.Derivative(k)) is read for its own object by flow; a dispatched call
        // written in the product is not.
        bool Sure(IOperation factor) =>
            !dispatched.Contains(factor)
            || ThroughLocal(factor, ct) is not IInvocationOperation { Instance: not null } call || !(IsDispatched(call.TargetMethod) || call.TargetMethod.MethodKind == MethodKind.DelegateInvoke)
            || EveryHeldIsDerivative(factor, null, delegateValues, ct);

        // A derivative no body can show (an interface call, a delegate) is o·(1 − o) of what it is given, or σ(z)·(1 − σ(z)).
        Expr ReadFactor(IOperation factor)
        {
            if (StoredDerivativeOf(factor, variable, reader, ct) is { } derivative)
            {
                return derivative;
            }

            if (DispatchedDerivative(factor, delegateValues, ct) is var (argument, atInput, heldOn))
            {
                dispatched.Add(factor);
                calledOn ??= heldOn; // a delegate each layer object is made with, read for the objects the method runs on
            }
            else
            {
                var element = reader.ReadElements(factor); // a number, or an array factor of Hadamard(a, b) or a Zip: its element
                if (OutputOfDerivative(element) is not null || ChosenDerivative(factor, delegateValues, ct) is not var (given, givenAtInput, runsOn))
                {
                    return element; // a helper the reader reads through (one return, or the branch a constant takes) stays as read
                }

                chosen.Add(factor); // σ' only where a code chooses it: flow must find the sigmoid on the error
                (argument, atInput) = (given, givenAtInput);
                calledOn ??= runsOn;
            }

            if (TreeCandidates.Owner(argument.Syntax) != TreeCandidates.Owner(factor.Syntax))
            {
                inOtherBody.Add(factor); // given inside a method of yours the factor calls: its o is that body's value
            }

            var read = reader.Read(argument);
            var o = atInput ? Ex.Call(MathFunction.Sigmoid, read) : read;
            return Ex.Mul(o, Ex.Sub(Ex.One, o));
        }
    }

    /// <summary>
    /// The implementation an interface or virtual call runs when every object flow finds its receiver can hold is made here, and
    /// all of one implementation (<c>loss.Derivative(output, target)</c> with <c>new MeanSquared()</c> handed in); null otherwise.
    /// </summary>
    private static IMethodSymbol? Dispatched(IInvocationOperation call, HeldValues? values) =>
        HeldImplementations(call, values) is { } held && held.Distinct<IMethodSymbol>(SymbolEqualityComparer.Default).Take(2).ToList() is { Count: 1 } one ? one[0] : null;

    /// <summary>
    /// The implementations an interface or virtual call can run, one per object its receiver can hold, when flow finds every such
    /// object made here (<c>new Tanh()</c> handed to the constructor that stores it); null when it cannot place them all.
    /// </summary>
    private static List<IMethodSymbol>? HeldImplementations(IInvocationOperation call, HeldValues? values) =>
        call.Instance is { } receiver ? ImplementationsOf(call, values?.Invoke(receiver)) : null;

    /// <summary>The implementations of <paramref name="call"/>'s method that the objects <paramref name="held"/> run, or null where one is not made here.</summary>
    private static List<IMethodSymbol>? ImplementationsOf(IInvocationOperation call, List<IOperation>? held)
    {
        if (held is not { Count: > 0 })
        {
            return null;
        }

        var implementations = new List<IMethodSymbol>();
        foreach (var value in held)
        {
            if (Operations.Strip(value) is not IObjectCreationOperation { Type: INamedTypeSymbol type } || FlowIndex.ImplementationIn(type, call.TargetMethod) is not { } implementation)
            {
                return null;
            }

            implementations.Add(implementation);
        }

        return implementations;
    }

    /// <summary>
    /// o for <c>activation.Derivative(o)</c>, an interface or virtual call with no body to read, when an
    /// implementation in the compilation returns y·(1 − y) of its parameter (σ' in the output): the call
    /// may dispatch there. Flow then says whether o is a sigmoid's output.
    /// </summary>
    private (IOperation Argument, bool AtInput, IReadOnlyList<IOperation>? CalledOn)? DispatchedDerivative(IOperation factor, HeldValues? delegateValues, CancellationToken ct)
    {
        var value = ThroughLocal(factor, ct); // var derivative = activation.Derivative(input); ... derivative * error
        var wrapped = false;
        if (value is IInvocationOperation { TargetMethod: { MethodKind: MethodKind.Ordinary } wrapper } && HasBody(wrapper) && !IsDispatched(wrapper)
            && index.SingleReturn(wrapper, ct) is { } returned && Operations.Strip(returned) is IInvocationOperation inner
            && (inner.TargetMethod.MethodKind == MethodKind.DelegateInvoke || IsDispatched(inner.TargetMethod)))
        {
            value = inner; // layer.Derivative(j) => derivative(Sums[j], Outputs[j]): a method of yours that hands on what the delegate gives
            wrapped = true;
        }

        if (value is IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke, Instance: { } instance } invoke)
        {
            // derivative(input[i], output[i]): a delegate some method was handed to (base(size, Sigmoid, SigmoidDerivative)). One this
            // object holds (a layer made with its own activation and derivative) is read for the objects every call of the method runs
            // on, where flow places them: a sigmoid hidden layer's derivative says nothing of a tanh output layer's.
            var calledOn = !wrapped && IsOwnMember(instance) ? delegateValues?.CallerReceivers(invoke) : null;
            var held = calledOn is null ? delegateValues?.Invoke(instance) : delegateValues?.SettingOn(instance, null, calledOn);
            foreach (var one in held ?? new List<IOperation>())
            {
                var (form, ordinal) = HeldDerivativeForm(one, ct);
                if (form != DerivativeAt.None && invoke.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == ordinal) is { } argument)
                {
                    return (argument.Value, form == DerivativeAt.Input, calledOn);
                }
            }

            return null;
        }

        if (value is IInvocationOperation mapping && VectorApi.MappedFunction(mapping) is { } function && Operations.Strip(function) is not IDelegateCreationOperation)
        {
            // o.Map(act.Derivative) with act = new Activation { Derivative = y => y * (1 - y) }: the delegate flow finds there, taken at each element of o.
            foreach (var held in delegateValues?.Invoke(function) ?? new List<IOperation>())
            {
                var (form, ordinal) = HeldDerivativeForm(held, ct);
                if (form != DerivativeAt.None && ordinal == 0)
                {
                    return (mapping.Instance!, form == DerivativeAt.Input, null);
                }
            }

            return null;
        }

        if (value is not IInvocationOperation { Arguments.Length: 1 } call || !IsDispatched(call.TargetMethod))
        {
            return null;
        }

        // Where flow places every object the receiver can hold (new Tanh() stored by the constructor), only their implementations
        // count: a tanh node is not σ' because a logistic class exists too. Elsewhere the call may dispatch to any implementation.
        // An activation object this object holds is read, as a delegate is, for the objects the method's calls run on.
        var ownOn = !wrapped && call.Instance is { } receiver && IsOwnMember(receiver) ? delegateValues?.CallerReceivers(call) : null;
        var dispatched = (ownOn is null ? HeldImplementations(call, delegateValues) : ImplementationsOf(call, delegateValues?.SettingOn(call.Instance!, null, ownOn))) is { } runs
            ? FirstForm(runs.Select(m => derivativeForms.GetOrAdd(m.OriginalDefinition, d => DerivativeForm(d, ct))))
            : dispatchedDerivatives.GetOrAdd(call.TargetMethod.OriginalDefinition, method => FirstForm(index.Implementations((IMethodSymbol)method, ct).Select(m => DerivativeForm(m, ct))));
        return dispatched == DerivativeAt.None ? null : (call.Arguments[0].Value, dispatched == DerivativeAt.Input, ownOn);

        // The first implementation that is σ' of its one argument decides where it is taken (the output or the input).
        static DerivativeAt FirstForm(IEnumerable<(DerivativeAt Form, int Ordinal)> forms) =>
            forms.Where(f => f.Form != DerivativeAt.None && f.Ordinal == 0).Select(f => f.Form).DefaultIfEmpty(DerivativeAt.None).First();
    }

    /// <summary>Where the method or lambda a delegate holds takes σ' (and at which of its parameters), or none.</summary>
    private (DerivativeAt Form, int Ordinal) HeldDerivativeForm(IOperation held, CancellationToken ct) =>
        HeldMethod(held) is { } method ? derivativeForms.GetOrAdd(method.OriginalDefinition, m => DerivativeForm(m, ct))
            : HeldLambda(held) is { } lambda ? DerivativeForm(lambda, ct)
            : (DerivativeAt.None, 0);

    /// <summary>The method a delegate value refers to (a method group, or a delegate made from one) when its body is in the compilation.</summary>
    private static IMethodSymbol? HeldMethod(IOperation held) => Operations.Strip(held) switch
    {
        IDelegateCreationOperation { Target: IMethodReferenceOperation reference } when HasBody(reference.Method) => reference.Method,
        IMethodReferenceOperation reference when HasBody(reference.Method) => reference.Method,
        _ => null,
    };

    /// <summary>A lambda a delegate holds (<c>(x, y) => y * (1 - y)</c>), directly or made into the delegate.</summary>
    private static IAnonymousFunctionOperation? HeldLambda(IOperation held) => Operations.Strip(held) switch
    {
        IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda } => lambda,
        IAnonymousFunctionOperation lambda => lambda,
        _ => null,
    };

    /// <summary>The same for a lambda with one returned value.</summary>
    private (DerivativeAt Form, int Ordinal) DerivativeForm(IAnonymousFunctionOperation lambda, CancellationToken ct)
    {
        return Operations.SingleReturned(lambda) is { } returned ? DerivativeForm(lambda.Symbol.Parameters, returned, ct) : (DerivativeAt.None, 0);
    }

    /// <summary>
    /// Where a method's σ' is written, and in which parameter: y·(1 − y) of a parameter (the output), σ(x)·(1 − σ(x)) of one (the
    /// input), or neither (<c>SigmoidDerivative(double x, double y) => y * (1 - y)</c> is the output form in parameter 1).
    /// </summary>
    private (DerivativeAt Form, int Ordinal) DerivativeForm(IMethodSymbol method, CancellationToken ct)
    {
        return index.SingleReturn(method, ct) is { } returned ? DerivativeForm(method.Parameters, returned, ct) : (DerivativeAt.None, 0);
    }

    /// <summary>
    /// The value σ' may be taken at by a call of a method of yours that returns one of several derivatives, chosen by a code per
    /// layer (<c>activateDer(output[i], layer)</c> switching on <c>activations[layer]</c>, one case returning <c>sigmoidDer(value)</c>)
    /// or by a setting each layer object holds (<c>output.Derivative(o)</c> switching on the layer's <c>act</c>; see
    /// <see cref="ChosenDerivativeForm"/>), and whether at the input; null for any other factor. A setting held per object is read
    /// only where flow places the objects the call runs on, so that flow, asked where the error's sigmoid is, answers for those
    /// objects: on another receiver (<c>layers[layers.Count - 1]</c>, an <c>output</c> field), every object flow finds it holding;
    /// on this, the objects every call of the method the factor is in runs on (<c>layers[^1].BackPropOutput(t)</c>), whose receivers
    /// are returned as <c>CalledOn</c> for flow to read this as. Those objects must hold one setting (a creation in a loop read as any
    /// element, or in a builder each call of which passes another, stands for several layers). Elsewhere the call may run on any
    /// layer, and the factor is not read so.
    /// </summary>
    private (IOperation Argument, bool AtInput, IReadOnlyList<IOperation>? CalledOn)? ChosenDerivative(IOperation factor, HeldValues? values, CancellationToken ct)
    {
        if (ChoosingCall(factor, ct) is not var (call, taken, given))
        {
            return null;
        }

        var chooser = call.TargetMethod;

        IReadOnlyList<IOperation>? calledOn = null;
        var setting = taken.Setting;
        var receiver = call.Instance is { } instance && Operations.Strip(instance) is not IInstanceReferenceOperation ? instance : null;
        if (setting is IParameterReferenceOperation { Parameter.Ordinal: var coded })
        {
            // ActivationDeriv(y, ActivationFunction) switching on its parameter: the setting is the caller's object's, the field or
            // property the call passes (a constant there is read as its branch already; anything else leaves the helper unread).
            if (Operations.ArgumentAt(call.Arguments, coded) is not { } code)
            {
                return null;
            }

            if (Operations.Strip(code) is not IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol { IsIndexer: false } } member)
            {
                // Derivative(o, activations[L]) with a code per layer: the output layer's code, the last element's, as the
                // activation the layer is made with is read (a product with the error target minus output is the output layer's).
                return values?.OutputLayerCodes(code) is { } last && Chooses(last) ? (given, taken.Form == DerivativeAt.Input, null) : null;
            }

            setting = member;
            receiver = member.Instance is { } owner && Operations.Strip(owner) is not IInstanceReferenceOperation ? owner : null;
        }

        if (setting is not null)
        {
            // Read only where the objects the call runs on hold one setting: one creation in a loop, or a builder's, stands for
            // layers made with several (layers[l] through a local, AddLayer(n, act) called for each layer).
            // (SettingOn is null where flow does not place every object the receiver holds.)
            if (receiver is null && (calledOn = values?.CallerReceivers(call)) is null)
            {
                return null;
            }

            // On this (Deriv(y) of the base, called in an OutputLayer's override), this is one of the caller's type's objects.
            var runsOn = receiver is null && call.Instance is { } self && Operations.Strip(self) is IInstanceReferenceOperation ? self.Type : null;
            if (values?.SettingOn(setting, receiver, calledOn, runsOn) is not { } held || !Chooses(held))
            {
                return null;
            }
        }

        return (given, taken.Form == DerivativeAt.Input, calledOn);

        // The objects hold one setting, and the branch it takes, where decided, is σ': an output layer made TanH under sigmoid hidden
        // layers that share its Outputs field makes the helper not σ' for them, whatever flow finds.
        bool Chooses(List<IOperation> held) =>
            held.Count > 0 && held.All(v => Operations.Strip(v).ConstantValue.HasValue)
            && !held.Select(v => Operations.Strip(v).ConstantValue.Value).Distinct().Skip(1).Any()
            && (ConstantSelection.ReturnedWhen(index.ReturnsOf(chooser, ct), taken.Setting!, Operations.Strip(held[0]).ConstantValue.Value) is not { } branch
                || DerivativeForm(chooser.Parameters, branch, ct).Form != DerivativeAt.None);
    }

    /// <summary>
    /// The call a factor is (or defines it, through a local) of a method of yours that returns one of several derivatives
    /// (<see cref="ChosenDerivativeForm"/>), with the form of the one that is σ' and the argument it is taken at; null otherwise.
    /// </summary>
    private (IInvocationOperation Call, (DerivativeAt Form, int Ordinal, IOperation? Setting) Taken, IOperation Given)? ChoosingCall(IOperation factor, CancellationToken ct) =>
        ThroughLocal(factor, ct) is IInvocationOperation { TargetMethod: { MethodKind: MethodKind.Ordinary } chooser } call && HasBody(chooser) && !IsDispatched(chooser)
            && chosenDerivativeForms.GetOrAdd(chooser.OriginalDefinition, m => ChosenDerivativeForm(m, ct)) is { Form: not DerivativeAt.None } taken
            && Operations.ArgumentAt(call.Arguments, taken.Ordinal) is { } given
            ? (call, taken, given)
            : null;

    /// <summary>A factor, or the one value that defines it where it is a local (<c>var d = Slope(o); ... d * e</c>).</summary>
    private IOperation ThroughLocal(IOperation factor, CancellationToken ct) =>
        Operations.Strip(factor) is ILocalReferenceOperation local && index.SingleDefinition(local, ct) is { } definition ? Operations.Strip(definition) : Operations.Strip(factor);

    /// <summary>
    /// Where σ' is taken by a method of yours that returns one of several values chosen by a code per layer, an element of an
    /// array or list (<c>switch (activations[layer]) { case 0: return sigmoidDer(value); case 1: return tanhDer(value); ... }</c>, or
    /// the same as a switch expression), or by a setting of the object it runs on (<c>switch (act)</c> on a field or property): the
    /// form of the first choice that is σ' of a parameter, since the program may take it, and the setting read where one per object chooses.
    /// Flow then says whether what the call is given is a sigmoid's output, reading the code each layer is configured with. None
    /// for any other method.
    /// </summary>
    private (DerivativeAt Form, int Ordinal, IOperation? Setting) ChosenDerivativeForm(IMethodSymbol method, CancellationToken ct)
    {
        var returns = index.ReturnsOf(method, ct);
        var key = returns.Count == 1
            ? Operations.Strip(returns[0]) is ISwitchExpressionOperation { Value: var code } && SettingTests.Unfolded(code, out _) is var tested && IsSetting(tested) ? tested : null
            : returns.Select(ChoosingSetting).FirstOrDefault(k => k != null);
        if (key is null)
        {
            return (DerivativeAt.None, 0, null);
        }

        var choices = returns.Count == 1 ? ((ISwitchExpressionOperation)Operations.Strip(returns[0])).Arms.Select(a => a.Value) : returns.Where(r => ChoosingSetting(r) != null);
        var (form, ordinal) = choices.Select(r => DerivativeForm(method.Parameters, r, ct)).FirstOrDefault(f => f.Form != DerivativeAt.None);
        return (form, ordinal, key is IMemberReferenceOperation { Instance: IInstanceReferenceOperation } and not IPropertyReferenceOperation { Property.IsIndexer: true } or IParameterReferenceOperation ? key : null);

        // return v; inside a switch statement, or under an if testing equality, on a setting: the tested setting, else null
        static IOperation? ChoosingSetting(IOperation returned)
        {
            for (var parent = returned.Parent; parent != null; parent = parent.Parent)
            {
                switch (parent)
                {
                    case ISwitchOperation statement:
                        return SettingTests.Unfolded(statement.Value, out _) is var switched && IsSetting(switched) ? switched : null;
                    case IConditionalOperation { Condition: var test } when SettingTests.Equality(test, out _) is var (tested, _, _):
                        return IsSetting(tested) ? tested : null;
                    case IMethodBodyOperation or IAnonymousFunctionOperation or ILocalFunctionOperation:
                        return null;
                }
            }

            return null;
        }

        // a code per layer (an element of an array or list), a setting of this object (a field or property), or a code parameter
        // of an enum (ActivationDeriv(x, activation) with switch (activation), given each layer's setting by its caller)
        static bool IsSetting(IOperation code) => Operations.Strip(code) is IArrayElementReferenceOperation or IPropertyReferenceOperation { Property.IsIndexer: true }
            or IMemberReferenceOperation { Instance: IInstanceReferenceOperation } or IParameterReferenceOperation { Parameter.Type: { TypeKind: TypeKind.Enum } or { SpecialType: SpecialType.System_String } };
    }

    private (DerivativeAt Form, int Ordinal) DerivativeForm(ImmutableArray<IParameterSymbol> parameters, IOperation returned, CancellationToken ct)
    {
        if (parameters.Length is 0 or > 3)
        {
            return (DerivativeAt.None, 0);
        }

        var names = new Dictionary<IParameterSymbol, Expr>(SymbolEqualityComparer.Default);
        foreach (var parameter in parameters)
        {
            names[parameter] = TolerantMathReader.ParameterVariable(parameter);
        }

        if (OutputOfDerivative(new TolerantMathReader(index, ct).ReadWith(returned, names)) is not { } output)
        {
            return (DerivativeAt.None, 0);
        }

        foreach (var parameter in parameters)
        {
            if (output.Equals(names[parameter]))
            {
                return (DerivativeAt.Output, parameter.Ordinal);
            }

            if (LogisticArgument(output) is { } argument && argument.Equals(names[parameter]))
            {
                return (DerivativeAt.Input, parameter.Ordinal);
            }
        }

        return (DerivativeAt.None, 0);
    }

    /// <summary>u for σ(u) in any of its algebraic forms (1 / (1 + e^−u), e^u / (1 + e^u), ...); else null.</summary>
    private static Expr? LogisticArgument(Expr value) =>
        Simplifier.Simplify(value) is Call { Function: MathFunction.Sigmoid } sigmoid ? sigmoid.Arguments[0] : LogisticForm.ArgumentOf(value);

    private enum DerivativeAt
    {
        None,
        Output,
        Input,
    }

    private static bool IsDispatched(IMethodSymbol method) =>
        method.IsAbstract || method.IsVirtual || method.ContainingType?.TypeKind == TypeKind.Interface;

    /// <summary>
    /// True for a factor that can be σ'(z) written in the output, as far as the tolerant reader can see:
    /// 1 − o itself, a call to a helper or a getter whose body can compute it (<c>SigmoidDerivative(o)</c>, <c>n.Slope</c>), or a local
    /// whose definition has one of these.
    /// </summary>
    private bool MayHoldDerivative(IOperation factor)
    {
        switch (Operations.Strip(factor))
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract }:
                return IsOneMinus(factor);
            case IInvocationOperation call:
                return MayReturnDerivative(call);
            case IPropertyReferenceOperation { Arguments.IsEmpty: true, Property.GetMethod: { } getter }:
                return HasBody(getter) && subtractingMethods.GetOrAdd(getter.OriginalDefinition, MaySubtract); // Slope => Output * (1 - Output)
            case IArrayElementReferenceOperation { ArrayReference: var array } when Operations.Strip(array) is ILocalReferenceOperation:
                return MayHoldDerivative(array); // d[i] of var d = SigmoidDerivative(outputs), an array helper mapping σ' over them
            case ILocalReferenceOperation local:
                foreach (var reference in local.Local.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } initializer }
                        || initializer.DescendantNodesAndSelf().Any(n => n.IsKind(SyntaxKind.SubtractExpression) && MayBePartOfDerivative(n, local.SemanticModel)))
                    {
                        return true; // assigned later, or defined with a difference that can be part of o(1 − o)
                    }

                    if (initializer.DescendantNodesAndSelf().Any(n => n is InvocationExpressionSyntax)
                        && (local.SemanticModel?.GetOperation(initializer) is not { } value
                            || (!IsError(value) && value.DescendantsAndSelf().OfType<IInvocationOperation>().Any(MayReturnDerivative))))
                    {
                        return true; // defined with a call that can compute it (not an error label − Predict(x), whatever Predict calls)
                    }
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>
    /// For a field or auto-property read, the one value the compilation stores into it where that can be σ' (a difference that can be part
    /// of o(1 − o), or a call); null otherwise.
    /// </summary>
    private IOperation? StoredDerivative(IOperation factor, CancellationToken ct)
    {
        var read = Operations.Strip(factor);
        if (!storedDerivativesLookedFor || read is not (IFieldReferenceOperation or IPropertyReferenceOperation { Arguments.IsEmpty: true }) || !MathApi.IsReal(read.Type)
            || (read is IPropertyReferenceOperation property && !Operations.IsAutoProperty(property.Property)))
        {
            return null;
        }

        var member = ((IMemberReferenceOperation)read).Member.OriginalDefinition;
        return storedDerivatives.TryGetValue(member, out var known) ? known : storedDerivatives.GetOrAdd(member, StoredDerivative(member, ct));
    }

    /// <summary>The member's one stored value other than resets to 0, where that can be σ'; null otherwise.</summary>
    private IOperation? StoredDerivative(ISymbol member, CancellationToken ct)
    {
        // Most members in a product (a price, a weight) are never assigned a value that subtracts or calls: ruled out from syntax,
        // before the bodies that write them are bound.
        if (!index.AssignmentsNamed(member, ct).Any(a => MaySubtractOrCall(a.Right)))
        {
            return null;
        }

        IOperation? computed = null;
        foreach (var write in index.WritesTo(member, null, ct))
        {
            if (write.IntoElements || write.Site is not ISimpleAssignmentOperation { Value: var value })
            {
                return null;
            }

            if (Operations.Number(value) != 0.0)
            {
                if (computed != null)
                {
                    return null;
                }

                computed = value;
            }
        }

        return computed != null
            && computed.DescendantsAndSelf().Any(v => v is IInvocationOperation || (v is IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract } difference && MayBePartOfDerivative(difference)))
            ? computed
            : null;
    }

    /// <summary>
    /// True for a product of two factors, one a member holding σ' (<see cref="StoredDerivative(IOperation, CancellationToken)"/>) and
    /// the other an error or a member (<c>(target - Output) * Derivative</c>, <c>Error * Derivative</c>).
    /// </summary>
    private bool IsStoredDerivativeProduct(List<IOperation> variable, CancellationToken ct) =>
        variable.Count == 2
        && ((MayBeError(variable[0]) && StoredDerivative(variable[1], ct) != null) || (MayBeError(variable[1]) && StoredDerivative(variable[0], ct) != null));

    private static bool MayBeError(IOperation factor) =>
        IsError(factor) || Operations.Strip(factor) is IFieldReferenceOperation or IPropertyReferenceOperation { Arguments.IsEmpty: true };

    /// <summary>
    /// A factor of a product of two that is a member holding σ' (<c>n.Derivative</c>, stored when n fired), read as its stored value on
    /// its receiver where that is σ' written at an output; null otherwise (an output member beside its own 1 − o is read as itself,
    /// as the other factors read it).
    /// </summary>
    private Expr? StoredDerivativeOf(IOperation factor, List<IOperation> variable, TolerantMathReader reader, CancellationToken ct) =>
        variable.Count == 2 && StoredDerivative(factor, ct) is { } stored
        && reader.ReadStored((IMemberReferenceOperation)Operations.Strip(factor), stored) is var derivative && OutputOfDerivative(derivative) != null
            ? derivative
            : null;

    /// <summary>
    /// True for a difference that can be part of σ' = o(1 − o) written out: 1 − o, o − o·o, o − o², or o − 1 (of a negated form),
    /// and for anything it cannot bind. An error (<c>var error = y - p</c>, <c>label - Predict(x)</c>) is none of these, so a
    /// gradient step's <c>rate * error * x[j]</c> is not read as math: most products in training code are such steps.
    /// </summary>
    private static bool MayBePartOfDerivative(SyntaxNode subtraction, SemanticModel? model) =>
        model?.GetOperation(subtraction) is not IBinaryOperation difference || MayBePartOfDerivative(difference);

    private static bool MayBePartOfDerivative(IBinaryOperation difference) =>
        Operations.Number(difference.LeftOperand) == 1.0
        || Operations.Number(difference.RightOperand) == 1.0
        || Operations.Strip(difference.RightOperand) is IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply } or IInvocationOperation { TargetMethod.Name: "Pow" or "Square" };

    /// <summary>True for a value that is a difference no σ' is written as (<see cref="MayBePartOfDerivative(IBinaryOperation)"/>): an error.</summary>
    private static bool IsError(IOperation value) =>
        Operations.Strip(value) is IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract } difference && !MayBePartOfDerivative(difference);

    private static bool IsOneMinus(IOperation factor) =>
        Operations.Strip(factor) is IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract } difference && Operations.Number(difference.LeftOperand) == 1.0;

    /// <summary>
    /// True for a factor that can hold a product such as (t − o)·o: a local defined with a multiplication or a call, or assigned after
    /// its declaration, or a call to a helper of yours or a dispatched one. From syntax and symbols; a member is not (a price, a weight).
    /// </summary>
    private bool MayHoldProduct(IOperation factor) => Operations.Strip(factor) switch
    {
        ILocalReferenceOperation local => local.Local.DeclaringSyntaxReferences.Any(r =>
            r.GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } initializer }
            || initializer.DescendantNodesAndSelf().Any(n => n.IsKind(SyntaxKind.MultiplyExpression) || n is InvocationExpressionSyntax)),
        IInvocationOperation call => MayReturnDerivative(call),
        _ => false,
    };

    /// <summary>A call whose result can be o(1 − o): a helper whose body subtracts or calls on, or a dispatched one-argument call.</summary>
    private bool MayReturnDerivative(IInvocationOperation call) =>
        (HasBody(call.TargetMethod) && subtractingMethods.GetOrAdd(call.TargetMethod.OriginalDefinition, MaySubtract))
        || (IsDispatched(call.TargetMethod) && call.Arguments.Length == 1)
        || call.TargetMethod.MethodKind == MethodKind.DelegateInvoke
        || VectorApi.MappedFunction(call) is { } function && MayMapDerivative(function)
        || (Operations.IsEnumerable(call.TargetMethod) && call.TargetMethod.Name == "Select" && call.Arguments.Length == 2 && MayMapDerivative(call.Arguments[1].Value)); // o.Select(SigmoidDerivative)

    /// <summary>
    /// Whether a function mapped over a vector can be σ' in the output: a lambda or method whose body subtracts or calls, or a delegate held
    /// in a variable or member (what it holds is asked of flow when the product is read).
    /// </summary>
    private bool MayMapDerivative(IOperation function) => Operations.Strip(function) switch
    {
        IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda } => MaySubtractOrCall(lambda.Syntax),
        IDelegateCreationOperation { Target: IMethodReferenceOperation { Method: var method } } => HasBody(method) && subtractingMethods.GetOrAdd(method.OriginalDefinition, MaySubtract),
        IDelegateCreationOperation => false,
        _ => true,
    };

    /// <summary>
    /// False for a helper whose body, as written, has neither a subtraction nor a call: it cannot return o·(1 − o), so a product with
    /// it is not read as math (most helpers in code without machine learning: a percentage, a format, a unit conversion).
    /// </summary>
    private static bool MaySubtract(IMethodSymbol method) =>
        method.DeclaringSyntaxReferences.Any(r => MaySubtractOrCall(r.GetSyntax()));

    /// <summary>
    /// Whether syntax has a subtraction (<c>-</c>, <c>-=</c>) or a call in it (a LINQ query's clauses are calls): what a body, a lambda or a
    /// value stored in a member needs to be o·(1 − o).
    /// </summary>
    private static bool MaySubtractOrCall(SyntaxNode syntax) =>
        syntax.DescendantNodesAndSelf().Any(n => n.IsKind(SyntaxKind.SubtractExpression) || n.IsKind(SyntaxKind.SubtractAssignmentExpression) || n is InvocationExpressionSyntax or QueryExpressionSyntax);

    private static bool HasBody(IMethodSymbol method) => !method.IsAbstract && method.DeclaringSyntaxReferences.Length > 0;

    /// <summary>
    /// The squared error a <c>TensorPrimitives</c> norm squared at <paramref name="site"/> is: <c>Norm(err)</c> of a buffer
    /// <c>Subtract(p, y, err)</c> filled (Σ err[i]²), or <c>Distance(p, y)</c> (Σ (p[i] − y[i])²); null for anything else.
    /// </summary>
    private SquaredErrorLoss? SquaredNorm(IOperation site, IOperation squared, CancellationToken ct)
    {
        return Operations.Strip(squared) is IInvocationOperation norm
            ? (TensorApi.ReductionOf(norm.TargetMethod), norm.Arguments) switch
            {
                (TensorKernel.Norm, [var normed]) => SquareOf(site, Operations.SpanOf(normed.Value), ct),
                (TensorKernel.Distance, [var a, var b]) => OverElements(site, Operations.SpanOf(a.Value), Operations.SpanOf(b.Value)),
                _ => null,
            }
            : null;
    }

    /// <summary>Math.Pow(a − b, 2), or a call to a method whose body is c·(a − b)² of two parameters, or sums (a[k] − b[k])² of two arrays.</summary>
    public SquaredErrorLoss? Call(IInvocationOperation call, HeldValues? values, CancellationToken ct)
    {
        var target = call.TargetMethod;
        if (TensorApi.ReductionOf(target) is { } reduction)
        {
            // TensorPrimitives.SumOfSquares(err) or Dot(err, err), err filled by Subtract(p, y, err): Σ (p[i] − y[i])².
            return call.Arguments switch
            {
                [var summed] when reduction == TensorKernel.SumOfSquares => SquareOf(call, Operations.SpanOf(summed.Value!), ct),
                [var x, var y] when reduction == TensorKernel.Dot && Operations.ReferencedSymbol(Operations.SpanOf(x.Value!)) is { } buffer
                    && SymbolEqualityComparer.Default.Equals(buffer, Operations.ReferencedSymbol(Operations.SpanOf(y.Value!))) => SquareOf(call, Operations.SpanOf(x.Value!), ct),
                _ => null,
            };
        }

        if (target.Name == "Pow" && TensorApi.IsTensorPrimitives(target.ContainingType) && call.Arguments.Length == 3 && Operations.Number(call.Arguments[1].Value) == 2.0)
        {
            return SquareOf(call, Operations.SpanOf(call.Arguments[0].Value), ct); // TensorPrimitives.Pow(err, 2f, squares), as Multiply(err, err, squares)
        }

        if (target.Name == "Pow" && MathApi.IsRecognizedMathType(target.ContainingType) && call.Arguments.Length == 2 && Operations.Number(call.Arguments[1].Value) == 2.0)
        {
            return Difference(call.Arguments[0].Value, ct) is { } d ? new SquaredErrorLoss(call, d.Left, d.Right, false) : SquaredNorm(call, ThroughLocal(call.Arguments[0].Value, ct), ct); // also float d = Distance(p, t); ... Pow(d, 2)
        }

        if (call.Arguments.Length == 1 && HasBody(target) && squaringMethods.GetOrAdd(target.OriginalDefinition, m => SquaresItsParameter(m, ct))
            && Difference(call.Arguments[0].Value, ct) is { } squared)
        {
            return new SquaredErrorLoss(call, squared.Left, squared.Right, false); // Square(o - t) with Square(v) => v * v
        }

        if (call.Arguments.Length <= 2 && HasBody(target) && target.Parameters.Any(p => p.Type is IArrayTypeSymbol)
            && elementSquaringMethods.GetOrAdd(target.OriginalDefinition, m => SquaredElements(m, ct)) is var (array, exponent)
            && (exponent < 0 || ArgumentAt(call, exponent) is { } power && Operations.Number(power) == 2.0)
            && ArgumentAt(call, array) is { } squaredArray && SquareOf(call, squaredArray, ct) is { } elementLoss)
        {
            return elementLoss; // Square(error) filling r[i, j] = a[i, j] * a[i, j], Power(error, 2), MeanSquare(error) summing e[i] * e[i]
        }

        if (call.Arguments.Length < 2)
        {
            return null;
        }

        // loss.Value(output, target) through an ILoss whose every object flow places is a squared error of yours (new MseLoss()
        // handed to the network): the implementation's parameters are the interface method's, ordinal for ordinal.
        var definition = (target.IsAbstract || (target.IsVirtual && target.DeclaringSyntaxReferences.Length == 0)) && values != null
            && index.Implementations(target, ct).Any(m => IsSquaredErrorMethod(m, ct)) && Dispatched(call, values) is { } implementation
            ? implementation.OriginalDefinition
            : target.OriginalDefinition;
        if (definition.DeclaringSyntaxReferences.Length == 0)
        {
            return null;
        }

        if (scalarMethods.GetOrAdd(definition, m => ScalarPair(m, ct)) is { } pair && Operations.ArgumentAt(call.Arguments, pair.A) is { } a && Operations.ArgumentAt(call.Arguments, pair.B) is { } b)
        {
            return new SquaredErrorLoss(call, a, b, false);
        }

        return elementwiseMethods.GetOrAdd(definition, m => ElementwisePair(m, ct)) is { } arrays && Operations.ArgumentAt(call.Arguments, arrays.A) is { } xs && Operations.ArgumentAt(call.Arguments, arrays.B) is { } ys
            ? new SquaredErrorLoss(call, xs, ys, true)
            : null;
    }

    /// <summary>
    /// A call of a method of yours that multiplies one of its parameters by σ' written at an output (<see cref="ErrorInputsOf"/>),
    /// given a difference a − b there: <c>Delta(o, t - o)</c>, <c>neuron.CalculateDelta(target - neuron.Output)</c>, or one of its
    /// object's members, stored with a difference on the same receiver before the call in the same body
    /// (<c>neuron.Error = target - neuron.Output; neuron.CalculateDelta();</c>). That is the
    /// squared-error delta through a sigmoid once flow finds the sigmoid on a side of the difference, so the delta carries the two
    /// sides, and is reported at the call, as a loss helper is (the method itself also serves hidden layers, whose error is no
    /// difference). Where the method's σ' is one of several derivatives its object's setting chooses, the call is one only where the
    /// objects its calls run on hold the setting that picks σ' (<see cref="ChosenDerivative"/>). Null for any other call.
    /// </summary>
    public SquaredErrorDelta? DeltaCall(IInvocationOperation call, HeldValues? values, CancellationToken ct)
    {
        var target = call.TargetMethod.OriginalDefinition;
        if ((call.Arguments.IsEmpty && call.Instance is null) || !HasBody(target) || errorInputs.GetOrAdd(target, m => ErrorInputsOf(m, ct)) is not { } inputs || inputs.IsEmpty)
        {
            return null;
        }

        foreach (var ordinal in inputs.Parameters)
        {
            if (Operations.ArgumentAt(call.Arguments, ordinal) is { } argument && Difference(argument, ct) is { } sides)
            {
                return Handed(sides);
            }
        }

        // neuron.Error = expected[i] - neuron.Output; neuron.CalculateDelta(); with CalculateDelta setting Delta = Error * σ'(Output).
        foreach (var member in inputs.Members)
        {
            foreach (var stored in call.Instance is { } runsOn ? StoredFor(call, runsOn, member, ct) : Enumerable.Empty<IOperation>())
            {
                if (Difference(stored, ct) is { } sides)
                {
                    return Handed(sides);
                }
            }
        }

        return null;

        // Flow must still find the sigmoid on a side (σ' taken at a linear neuron's output is another mistake, not this one); the
        // side that is the very value the body takes σ' at is asked first.
        SquaredErrorDelta? Handed((IOperation Left, IOperation Right) sides) =>
            inputs.Chooser is { } chooser && ChosenDerivative(chooser, values, ct) is null && !EveryHeldIsDerivative(chooser, call.Instance, values, ct) ? null : new(call, null, ImmutableArray<IOperation>.Empty)
            {
                ErrorSides = ImmutableArray.Create(sides.Left, sides.Right),
                OutputSide = OutputOnReceiver(call, sides.Left, inputs.Outputs) ?? OutputOnReceiver(call, sides.Right, inputs.Outputs),
                Fixable = false,
            };
    }

    /// <summary>
    /// True when <paramref name="factor"/>, an interface or virtual derivative call or a delegate's (in the body of a call on
    /// <paramref name="called"/>: <c>Activation.Derivative(Value)</c> on the neuron's own <c>Activation</c>, <c>derivative(Outputs[i])</c>;
    /// or in the product itself, <c>neuron.activation.Derivative(neuron.Sum)</c>), is σ' in every implementation or method the objects
    /// it can run on hold: those flow places on <paramref name="called"/> (<c>layer.Neurons[i]</c>) where it can, else every object
    /// flow places on the derivative's receiver. A network of sigmoid hidden neurons and a tanh output neuron, where the call cannot
    /// be placed on the output neurons alone, is not this delta.
    /// </summary>
    private bool EveryHeldIsDerivative(IOperation factor, IOperation? called, HeldValues? values, CancellationToken ct)
    {
        if (values is not { } held || ThroughLocal(factor, ct) is not IInvocationOperation { Arguments.Length: 1, Instance: { } activation } derivative
            || !(IsDispatched(derivative.TargetMethod) || derivative.TargetMethod.MethodKind == MethodKind.DelegateInvoke))
        {
            return false;
        }

        var objects = (IsOwnMember(activation) && called is { } on && Operations.Strip(on) is not IInstanceReferenceOperation ? held.SettingOn(activation, on, null) : null)
            ?? held.Invoke(activation);
        return objects is { Count: > 0 } && objects.All(o => (derivative.TargetMethod.MethodKind == MethodKind.DelegateInvoke ? HeldDerivativeForm(o, ct)
            : Operations.Strip(o) is IObjectCreationOperation { Type: INamedTypeSymbol type } && FlowIndex.ImplementationIn(type, derivative.TargetMethod) is { } implementation
                ? derivativeForms.GetOrAdd(implementation.OriginalDefinition, d => DerivativeForm(d, ct))
                : (Form: DerivativeAt.None, Ordinal: 0)) is { Form: not DerivativeAt.None, Ordinal: 0 });
    }

    /// <summary><paramref name="side"/> when it reads one of <paramref name="outputs"/> of the object <paramref name="call"/> runs on, else null.</summary>
    private static IOperation? OutputOnReceiver(IInvocationOperation call, IOperation side, ImmutableArray<ISymbol> outputs) =>
        call.Instance is { } instance && Operations.Strip(side) is IMemberReferenceOperation { Instance: { } on, Member: var member }
            && outputs.Contains(member.OriginalDefinition, SymbolEqualityComparer.Default) && SameReceiver(on, Operations.Strip(instance))
            ? side
            : null;

    /// <summary>True for a field or property of the object the code runs on (<c>derivative</c>, <c>this.Activation</c>), not an indexer's element.</summary>
    private static bool IsOwnMember(IOperation operation) =>
        Operations.Strip(operation) is IMemberReferenceOperation { Instance: IInstanceReferenceOperation, Member: IFieldSymbol or IPropertySymbol { IsIndexer: false } };

    /// <summary>True when <paramref name="on"/> is the object <paramref name="receiver"/> (stripped) is: this for this, else the receiver written the same way.</summary>
    private static bool SameReceiver(IOperation on, IOperation receiver) =>
        receiver is IInstanceReferenceOperation ? Operations.Strip(on) is IInstanceReferenceOperation : Operations.Equivalent(on, receiver);

    /// <summary>
    /// The values stored into <paramref name="member"/> of the objects <paramref name="site"/> runs on (<paramref name="runsOn"/>): in
    /// the site's own body, before it and not in the other branch of an <c>if</c>, on the receiver written the same way
    /// (<c>neuron.Error = t - neuron.Output;</c> then <c>neuron.CalculateDelta();</c>; on <c>this</c>, <c>Error = ...;</c> then
    /// <c>CalculateDelta();</c>); and anywhere, on neurons or layers the site's can be (<see cref="LayerPicks.MayShare"/>: an error
    /// stored for the output layer's neurons, <c>last[i].Error = t[i] - last[i].Output</c> or <c>last[i].SetError(t[i])</c> storing
    /// <c>Error = t - Output</c>, and a delta taken over every layer).
    /// </summary>
    private IEnumerable<IOperation> StoredFor(IOperation site, IOperation runsOn, ISymbol member, CancellationToken ct)
    {
        var receiver = Operations.Strip(runsOn);
        foreach (var write in index.FactsOfRoot(Operations.Root(site)).Writes)
        {
            ct.ThrowIfCancellationRequested();
            if (SymbolEqualityComparer.Default.Equals(write.Target, member) && write.Site.Syntax.Span.End <= site.Syntax.SpanStart
                && StoredOn(write) is { } on && SameReceiver(on, receiver) && !LayerPicks.InOtherBranches(site, write.Site))
            {
                yield return write.Value;
            }
        }

        if (receiver is IInstanceReferenceOperation)
        {
            yield break;
        }

        foreach (var write in index.WritesTo(member, null, ct))
        {
            if (StoredOn(write) is not { } on)
            {
                continue;
            }

            // Error = t - Output in the neuron's own SetError(t): stored for the objects its calls run on (last[i].SetError(t[i]))
            var objects = Operations.Strip(on) is IInstanceReferenceOperation
                ? Operations.InstanceMethodOf(write.Site, ct) is { } storing ? index.CallReceivers(storing, ct).OfType<IOperation>() : Enumerable.Empty<IOperation>()
                : new[] { on };
            if (objects.Any(o => Operations.Strip(o) is not IInstanceReferenceOperation && LayerPicks.MayShare(receiver, Operations.Strip(o), index, ct)))
            {
                yield return write.Value;
            }
        }

        // neuron.Error = t - neuron.Output, or an element of the layer's array, layer.Error[k] = layer.Outputs[k] - t[k]: the object
        static IOperation? StoredOn(Write write) =>
            write.Site is ISimpleAssignmentOperation { Target: var target } && !write.ValueIsElements
            && (write.IntoElements ? (target as IArrayElementReferenceOperation)?.ArrayReference is { } array ? Operations.Strip(array) : null : target) is IMemberReferenceOperation { Instance: { } on }
                ? on
                : null;
    }

    /// <summary>
    /// The sides of the error a neuron's own member holds, where σ' of that neuron multiplies it: <c>n.Error</c> of
    /// <c>n.Delta = n.Error * n.Output * (1 - n.Output)</c> or of <c>n.Error *= Derivative(n.Output)</c>, with a difference stored into
    /// <c>Error</c> for neurons the product runs on (<see cref="StoredFor"/>), <c>last[i].Error = t[i] - last[i].Output</c>, beside the
    /// sums the hidden neurons' errors are. Null for any other factor.
    /// </summary>
    private (IOperation Left, IOperation Right)? StoredError(IOperation factor, ImmutableArray<IOperation> derivative, IOperation product, CancellationToken ct)
    {
        if (Operations.Strip(factor) is not IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol { IsIndexer: false }, Instance: { } on } read
            || Operations.Strip(on) is IInstanceReferenceOperation || !MathApi.IsReal(read.Type)
            || !derivative.Any(d => d.DescendantsAndSelf().Any(o => o is IMemberReferenceOperation { Instance: { } of } && Operations.Equivalent(of, on))))
        {
            return null; // σ' of another object (or of a value apart) says nothing of this neuron's error
        }

        foreach (var stored in StoredFor(product, on, read.Member.OriginalDefinition, ct))
        {
            if (Difference(stored, ct) is { } sides)
            {
                return sides;
            }
        }

        return null;
    }

    /// <summary>
    /// The parameters and the members of its object a method of yours multiplies by σ' written at an output, o·(1 − o) or
    /// σ(z)·(1 − σ(z)), directly or through a helper: the error of <c>Delta(o, e) =&gt; e * o * (1 - o)</c>, of a neuron's
    /// <c>CalculateDelta(error)</c> that sets <c>Delta = error * Output * (1 - Output)</c>, of an update
    /// <c>w[i] += rate * error * output * (1 - output) * x[i]</c> (an element of an array parameter counts as the parameter), and the
    /// <c>Error</c> of a <c>CalculateDelta()</c> that sets <c>Delta = Error * SigmoidDerivative(Output)</c> and does not write
    /// <c>Error</c> itself. None for a method with no such product.
    /// </summary>
    private ErrorInputs ErrorInputsOf(IMethodSymbol method, CancellationToken ct)
    {
        var written = writtenOperators.GetOrAdd(method, WrittenOperators);
        if (!written.Multiplies || !(written.Subtracts || written.MultipliesNames || subtractingMethods.GetOrAdd(method, MaySubtract)) || (method.Parameters.IsEmpty && method.IsStatic))
        {
            return ErrorInputs.None; // from syntax first: o·(1 − o) multiplies, and subtracts here or in a helper it calls, or σ' is stored
        }

        // Products σ' is in whatever the object's setting, and those where a helper switching on the setting picks it.
        var sure = new ErrorInputsFound();
        var chosen = new ErrorInputsFound();
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (index.FactsOf(reference.GetSyntax(ct), ct).Root is not { } root)
            {
                continue;
            }

            foreach (var product in root.DescendantsAndSelf().OfType<IBinaryOperation>())
            {
                if (product.OperatorKind != BinaryOperatorKind.Multiply || IsInsideProduct(product) || Operations.IsInsideFunction(product, root))
                {
                    continue;
                }

                var variable = VariableFactors(ct, product);
                var errors = variable.Select(f => OwnParameter(f, method)).ToList();
                var memberErrors = variable.Select(f => OwnMember(f, method)).ToList();
                if (variable.Count < 2 || (errors.All(e => e < 0) && memberErrors.All(m => m is null))
                    || !(variable.Any(MayHoldDerivative) || IsStoredDerivativeProduct(variable, ct)))
                {
                    continue;
                }

                var reader = new TolerantMathReader(index, ct);
                // σ' of a member object (Error * Next.Derivative) says nothing of this object's error; of a parameter, the caller's error decides.
                var math = variable.Select(f => StoredDerivativeOf(f, variable, reader, ct) ?? reader.ReadElements(f)).ToList();
                var (derivative, into) = (DerivativeFactorsIn(math), sure);
                if (derivative is null && ConditionalFactor(variable, math, reader, ct) is { } at)
                {
                    // Gamma[i] = Error[i] * Derivative(Outputs[i]), Derivative switching on the layer's act, or Activation.Derivative(Value) * gamma
                    // through the neuron's IActivator: σ' for the objects whose setting or activation object picks it.
                    (derivative, into) = (new[] { at }, chosen);
                    chosen.Chooser ??= variable[at];
                }

                if (derivative is not null
                    && !derivative.Any(d => OtherObject(variable[d]) is { } other && Operations.Strip(other) is IMemberReferenceOperation { Instance: null or IInstanceReferenceOperation }))
                {
                    into.Parameters.UnionWith(errors.Where((e, i) => e >= 0 && !derivative.Contains(i)));
                    into.Members.AddRange(memberErrors.Where((m, i) => m != null && !derivative.Contains(i) && !into.Members.Contains(m, SymbolEqualityComparer.Default))!);
                    if (OwnOutputOf(variable, math, derivative, reader) is { } output && !into.Outputs.Contains(output, SymbolEqualityComparer.Default))
                    {
                        into.Outputs.Add(output);
                    }
                }
            }
        }

        var inputs = sure.Parameters.Count + sure.Members.Count > 0 ? sure : chosen;
        return new ErrorInputs(inputs.Parameters.ToImmutableArray(), inputs.Members.ToImmutableArray(), inputs.Outputs.ToImmutableArray(), inputs == chosen ? chosen.Chooser : null);
    }

    /// <summary>
    /// The index of the factor that may be σ' depending on the object the method runs on: a call of a method of yours returning one of
    /// several derivatives chosen by a setting or a code (<see cref="ChosenDerivativeForm"/>), or an interface or virtual call one of
    /// whose implementations is σ' (<c>Activation.Derivative(Value)</c>, <see cref="DispatchedDerivative"/>). Its math is then made σ'
    /// of what the call is given; null when no factor is one.
    /// </summary>
    private int? ConditionalFactor(List<IOperation> variable, List<Expr> math, TolerantMathReader reader, CancellationToken ct)
    {
        for (var i = 0; i < variable.Count; i++)
        {
            if ((ChosenForm(variable[i]) ?? AnyDispatched(variable[i]) ?? OwnDelegate(variable[i])) is var (given, atInput))
            {
                var o = atInput ? Ex.Call(MathFunction.Sigmoid, reader.Read(given)) : reader.Read(given);
                math[i] = Ex.Mul(o, Ex.Sub(Ex.One, o));
                return i;
            }
        }

        return null;

        // an interface call one of whose implementations is σ' (DeltaCall asks which the objects hold)
        (IOperation, bool)? AnyDispatched(IOperation factor) => DispatchedDerivative(factor, null, ct) is var (given, atInput, _) ? (given, atInput) : null;

        // derivative(Outputs[i]) through a delegate the object holds, whatever it holds (DeltaCall asks)
        (IOperation, bool)? OwnDelegate(IOperation factor) =>
            ThroughLocal(factor, ct) is IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke, Instance: { } held, Arguments: [var only] } && IsOwnMember(held)
                ? (only.Value, false)
                : null;

        // a chooser switching on a setting or a code, whatever the objects the call runs on hold (DeltaCall asks ChosenDerivative)
        (IOperation, bool)? ChosenForm(IOperation factor) =>
            ChoosingCall(factor, ct) is var (_, taken, given) ? (given, taken.Form == DerivativeAt.Input) : null;
    }

    /// <summary>What <see cref="ErrorInputsOf"/> collects, in the order found, before it picks the inputs it returns.</summary>
    private sealed class ErrorInputsFound
    {
        public SortedSet<int> Parameters { get; } = new();

        public List<ISymbol> Members { get; } = new();

        public List<ISymbol> Outputs { get; } = new();

        public IOperation? Chooser { get; set; }
    }

    /// <summary>
    /// The field or property of its own object that σ' is taken at (<c>Output</c> of <c>Output * (1 - Output)</c> or of
    /// <c>SigmoidDerivative(Output)</c>), or null: <paramref name="derivative"/> holds the indices <see cref="DerivativeFactorsIn"/> found.
    /// </summary>
    private static ISymbol? OwnOutputOf(List<IOperation> variable, List<Expr> math, int[] derivative, TolerantMathReader reader)
    {
        var factor = variable[derivative[0]];
        var operand = derivative.Length == 2 ? factor
            : OutputOfDerivative(math[derivative[0]]) is { } inner && Operations.Strip(factor) is IInvocationOperation helper ? OutputGiven(helper, inner, reader) : null;
        return operand is not null
            && Operations.Strip(operand) is IMemberReferenceOperation { Instance: IInstanceReferenceOperation, Member: var member }
            && member is IFieldSymbol or IPropertySymbol { IsIndexer: false }
            ? member.OriginalDefinition
            : null;
    }

    /// <summary>
    /// The field or property of its own object an instance method reads as a factor (<c>Error</c> in <c>Delta = Error * σ'(Output)</c>,
    /// or the array it reads an element of, <c>Error</c> in <c>Gamma[i] = Error[i] * Outputs[i] * (1 - Outputs[i])</c>), or null. The
    /// body does not write it (nor its elements): its value comes from the caller.
    /// </summary>
    private ISymbol? OwnMember(IOperation factor, IMethodSymbol method) =>
        !method.IsStatic && (Operations.Strip(factor) is IArrayElementReferenceOperation { ArrayReference: var array } ? Operations.Strip(array) : Operations.Strip(factor))
            is IMemberReferenceOperation { Instance: IInstanceReferenceOperation, Member: var member } read
            && member is IFieldSymbol or IPropertySymbol { IsIndexer: false }
            && !index.FactsOfRoot(Operations.Root(read)).Writes.Any(w => SymbolEqualityComparer.Default.Equals(w.Target, member.OriginalDefinition))
            ? member.OriginalDefinition
            : null;

    /// <summary>What a method of yours multiplies by σ' written at an output: the ordinals of its parameters and the members of its object it reads.</summary>
    private sealed class ErrorInputs
    {
        public static readonly ErrorInputs None = new(ImmutableArray<int>.Empty, ImmutableArray<ISymbol>.Empty, ImmutableArray<ISymbol>.Empty, null);

        public ErrorInputs(ImmutableArray<int> parameters, ImmutableArray<ISymbol> members, ImmutableArray<ISymbol> outputs, IOperation? chooser)
        {
            Parameters = parameters;
            Members = members;
            Outputs = outputs;
            Chooser = chooser;
        }

        /// <summary>
        /// The factor that is σ' only where a setting or an activation object picks it (<c>Derivative(Outputs[i])</c> switching on the
        /// layer's <c>act</c>, <c>Activation.Derivative(Value)</c> through an interface), or null where σ' is in the product whatever
        /// the object: a call is a delta only where its objects' setting, or the implementations flow places, can pick σ'.
        /// </summary>
        public IOperation? Chooser { get; }

        public ImmutableArray<int> Parameters { get; }

        public ImmutableArray<ISymbol> Members { get; }

        /// <summary>The members of its own object the method takes σ' at (<c>Output</c> of <c>Delta = Error * Output * (1 - Output)</c>).</summary>
        public ImmutableArray<ISymbol> Outputs { get; }

        public bool IsEmpty => Parameters.IsEmpty && Members.IsEmpty;
    }

    /// <summary>The ordinal of <paramref name="method"/>'s parameter a factor reads (<c>e</c>, or <c>e[i]</c> of an array), or −1.</summary>
    private static int OwnParameter(IOperation factor, IMethodSymbol method) => Operations.Strip(factor) switch
    {
        IParameterReferenceOperation p when SymbolEqualityComparer.Default.Equals(p.Parameter.ContainingSymbol, method) => p.Parameter.Ordinal,
        IArrayElementReferenceOperation { ArrayReference: var array } when Operations.Strip(array) is IParameterReferenceOperation p
            && SymbolEqualityComparer.Default.Equals(p.Parameter.ContainingSymbol, method) => p.Parameter.Ordinal,
        _ => -1,
    };

    /// <summary>The indices of the factors that make σ' = o·(1 − o): o and 1 − o as two factors, or one o·(1 − o); null when none do.</summary>
    private static int[]? DerivativeFactorsIn(List<Expr> math)
    {
        for (var j = 0; j < math.Count; j++)
        {
            var oneMinus = math.FindIndex(m => m.Equals(Ex.Sub(Ex.One, math[j])));
            if (oneMinus >= 0 && oneMinus != j)
            {
                return new[] { j, oneMinus };
            }

            if (OutputOfDerivative(math[j]) != null)
            {
                return new[] { j };
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="operand"/> is <paramref name="value"/>, read as a value or, for a vector or matrix, as its element (as the factors are read).</summary>
    private static bool ReadsAs(IOperation operand, Expr value, TolerantMathReader reader) =>
        reader.Read(operand).Equals(value) || reader.ReadElements(operand).Equals(value);

    /// <summary>
    /// The operand of a σ' helper call that is the output: the argument of <c>SigmoidPrime(o)</c>, the receiver of <c>o.Map(v =&gt; v * (1 - v))</c>
    /// (whose one argument is the function, not the value); an operand read as <paramref name="output"/> first.
    /// </summary>
    private static IOperation? OutputGiven(IInvocationOperation helper, Expr output, TolerantMathReader reader)
    {
        var operands = helper.Arguments.Select(a => a.Value).Prepend(helper.Instance).OfType<IOperation>().ToList();
        return operands.FirstOrDefault(o => ReadsAs(o, output, reader))
            ?? (helper.Arguments is [{ Value: var only }] && Operations.Strip(only) is not (IDelegateCreationOperation or IAnonymousFunctionOperation) ? only
                : helper.Instance is { } receiver && helper.Arguments.Length == 1 ? receiver : null);
    }

    /// <summary>True for a method with source whose body is a squared error of two of its parameters, or sums one over two of its arrays.</summary>
    public bool IsSquaredErrorMethod(IMethodSymbol method, CancellationToken ct)
    {
        var definition = method.OriginalDefinition;
        return definition.DeclaringSyntaxReferences.Length > 0 && definition.Parameters.Length >= 2
            && (scalarMethods.GetOrAdd(definition, m => ScalarPair(m, ct)) != null || elementwiseMethods.GetOrAdd(definition, m => ElementwisePair(m, ct)) != null);
    }

    private SquaredErrorDelta? Delta(IOperation product, List<IOperation> factors, List<Expr> math, TolerantMathReader reader, CancellationToken ct, ISet<IOperation>? inOtherBody = null, ISet<IOperation>? chosen = null,
        System.Func<IOperation, bool>? sureDerivative = null)
    {
        for (var j = 0; j < factors.Count; j++)
        {
            // o and (1 − o) as two factors, or one factor o·(1 − o) (a derivative helper, a local).
            var output = math[j];
            var complement = Ex.Sub(Ex.One, output);
            var oneMinus = math.FindIndex(m => m.Equals(complement));
            ImmutableArray<IOperation> drop;
            IOperation? outputOperation;
            if (oneMinus >= 0 && oneMinus != j)
            {
                drop = ImmutableArray.Create(factors[j], factors[oneMinus]);
                outputOperation = factors[j];
            }
            else if (OutputOfDerivative(math[j]) is { } inner)
            {
                output = inner;
                drop = ImmutableArray.Create(factors[j]);
                outputOperation = Operations.Strip(factors[j]) is IInvocationOperation helper ? OutputGiven(helper, inner, reader) : null;
            }
            else
            {
                continue;
            }

            // σ'(z) written at the input, σ(z)·(1 − σ(z)), or σ' of an output read inside a method the factor calls
            // (layer.Derivative(j) reading its own Outputs[j]): the error a − b need not name that value (the neuron keeps its output apart).
            var input = LogisticArgument(output);
            var outputApart = input is not null || (inOtherBody?.Contains(factors[j]) ?? false);
            for (var e = 0; e < factors.Count; e++)
            {
                if (drop.Contains(factors[e]))
                {
                    continue;
                }

                if (!IsErrorOf(math[e], output))
                {
                    if (outputApart && !(input is not null && NamesOtherSigmoid(math[e], input)) && Difference(factors[e], ct) is { } sides
                        && OnReceiverOf(factors[j], sides))
                    {
                        return new SquaredErrorDelta(product, null, drop) { ErrorSides = ImmutableArray.Create(sides.Left, sides.Right) };
                    }

                    if ((sureDerivative is null || drop.All(sureDerivative)) && StoredError(factors[e], drop, product, ct) is var (left, right))
                    {
                        // n.Error * σ'(n.Output) taken over layers whose last one's Error holds t − o: the hidden neurons' errors
                        // are sums, so no factor can be dropped for all of them.
                        return new SquaredErrorDelta(product, null, drop)
                        {
                            ErrorSides = ImmutableArray.Create(left, right),
                            OutputSide = Operations.Strip(left) is IMemberReferenceOperation ? left : Operations.Strip(right) is IMemberReferenceOperation ? right : null,
                            Fixable = false,
                        };
                    }

                    continue;
                }

                if ((chosen?.Contains(factors[j]) ?? false) && Difference(factors[e], ct) is { } configured)
                {
                    // σ' is one of the derivatives a code chooses (activateDer(o, layer)): where flow places no sigmoid on the error, the
                    // code chooses another, so the delta is never one by its shape alone.
                    return new SquaredErrorDelta(product, null, drop) { ErrorSides = ImmutableArray.Create(configured.Left, configured.Right) };
                }

                if (outputApart && Difference(factors[e], ct) is { } named)
                {
                    // σ' at the input, and an error that names σ(z) once storage is read through (A[k] - y[k] with A[k] = σ(Z[k])):
                    // where the sigmoid is, flow says from the error's sides, as for an error that does not name it. The side read as
                    // σ(z) is kept: where flow places no sigmoid (an own matrix's Map(Sigmoid)), the delta is one by its shape alone.
                    var sigmoidSide = ReadsAs(named.Left, output, reader) ? named.Left : ReadsAs(named.Right, output, reader) ? named.Right : null;
                    return new SquaredErrorDelta(product, sigmoidSide, drop) { ErrorSides = ImmutableArray.Create(named.Left, named.Right) };
                }

                if (outputOperation is null && Difference(factors[e], ct) is { } d)
                {
                    outputOperation = ReadsAs(d.Left, output, reader) ? d.Left : ReadsAs(d.Right, output, reader) ? d.Right : null;
                }

                return new SquaredErrorDelta(product, outputOperation, drop);
            }
        }

        return null;
    }

    /// <summary>
    /// For σ' read from a member of another object (<c>n.Slope()</c>, <c>n.Derivative</c>): true only when a side of the error is a member of
    /// that same object (<c>t - n.Output</c>), since σ' of one neuron says nothing of another's error. True for any other factor.
    /// </summary>
    private static bool OnReceiverOf(IOperation derivative, (IOperation Left, IOperation Right) error)
    {
        if (OtherObject(derivative) is not { } receiver)
        {
            return true;
        }

        return Side(error.Left) || Side(error.Right);

        bool Side(IOperation side) => Operations.Strip(side) is IMemberReferenceOperation { Instance: { } owner } && Operations.Equivalent(owner, receiver);
    }

    /// <summary>The object other than this one a factor reads σ' from (<c>n</c> of <c>n.Slope()</c>, <c>Next</c> of <c>Next.Derivative</c>), or null.</summary>
    private static IOperation? OtherObject(IOperation factor)
    {
        var receiver = Operations.Strip(factor) switch
        {
            IInvocationOperation { Arguments.IsEmpty: true, TargetMethod.IsStatic: false, Instance: { } instance } => instance,
            IFieldReferenceOperation { Instance: { } instance } => instance,
            IPropertyReferenceOperation { Arguments.IsEmpty: true, Instance: { } instance } => instance,
            _ => null,
        };
        return receiver is null || Operations.Strip(receiver) is IInstanceReferenceOperation ? null : receiver;
    }

    /// <summary>
    /// True when a part of the error is a sigmoid of another input than the one σ' is taken at: the error is that other output's
    /// (<c>Delta = (target - Output) * SigmoidPrime(Next.Sum)</c> with <c>Output = Sigmoid(Sum)</c>), not this gradient.
    /// </summary>
    private static bool NamesOtherSigmoid(Expr error, Expr input)
    {
        var pending = new Stack<Expr>();
        pending.Push(error);
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part is not (Variable or Constant) && LogisticArgument(part) is { } other)
            {
                if (!other.Equals(input))
                {
                    return true;
                }

                continue;
            }

            foreach (var child in part.Children)
            {
                pending.Push(child);
            }
        }

        return false;
    }

    /// <summary>x for x·(1 − x), or for x − x² (the same σ' multiplied out: <c>o - o * o</c>).</summary>
    private static Expr? OutputOfDerivative(Expr factor)
    {
        if (factor is Sum { Terms.Count: 2 } expanded)
        {
            return expanded.Terms.FirstOrDefault(x => factor.Equals(Ex.Sub(x, Ex.Mul(x, x))));
        }

        if (factor is not Product { Factors.Count: 2 } p)
        {
            return null;
        }

        return p.Factors[1].Equals(Ex.Sub(Ex.One, p.Factors[0])) ? p.Factors[0]
            : p.Factors[0].Equals(Ex.Sub(Ex.One, p.Factors[1])) ? p.Factors[1]
            : null;
    }

    /// <summary>
    /// True for t − o or o − t with t free of o's variables, or a number times one (2·(o − t), the derivative of (o − t)², as a loss
    /// object's <c>Derivative</c> returns it): the error of the output o.
    /// </summary>
    private static bool IsErrorOf(Expr difference, Expr output)
    {
        Ex.SplitCoefficient(difference, out var scale, out var unscaled);
        if (IsUnscaledErrorOf(difference, output) || (scale != 0 && scale != 1 && IsUnscaledErrorOf(unscaled, output)))
        {
            return true;
        }

        // (o - t) / n, rate * (t - o): the error times factors that do not depend on the output.
        if (unscaled is not Product product)
        {
            return false;
        }

        var outputVariables = Variables(output);
        var error = product.Factors.Where(f => Variables(f).Overlaps(outputVariables)).Take(2).ToList();
        return error.Count == 1 && IsUnscaledErrorOf(error[0], output);
    }

    private static bool IsUnscaledErrorOf(Expr difference, Expr output)
    {
        var outputVariables = Variables(output);
        if (outputVariables.Count == 0 || !outputVariables.IsSubsetOf(Variables(difference)))
        {
            return false;
        }

        foreach (var other in new[] { Ex.Add(difference, output), Ex.Sub(output, difference) })
        {
            var rest = Variables(other);
            if (rest.Count > 0 && !rest.Overlaps(outputVariables))
            {
                return true;
            }
        }

        return false;
    }

    private static HashSet<string> Variables(Expr expr)
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        var pending = new Stack<Expr>();
        pending.Push(expr);
        while (pending.Count > 0)
        {
            var e = pending.Pop();
            if (e is Variable v)
            {
                names.Add(v.Name);
            }

            foreach (var child in e.Children)
            {
                pending.Push(child);
            }
        }

        return names;
    }

    /// <summary>
    /// a − b, directly, through a local with one reaching definition or a member written once before in the body, or a call of a
    /// helper that returns the difference of two of its parameters.
    /// </summary>
    public (IOperation Left, IOperation Right)? Difference(IOperation operation, CancellationToken ct, int depth = 0)
    {
        switch (Operations.Strip(operation))
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract } s when s.OperatorMethod is null || VectorApi.IsElementwise(s):
                return (s.LeftOperand, s.RightOperand);
            case IInvocationOperation call when VectorApi.BinaryCall(call) is (BinaryOperatorKind.Subtract, var left, var right):
                return (left, right); // a.Subtract(b), np.subtract(a, b)
            case var buffer when TensorDifference(buffer, ct) is var (left, right):
                return (left, right); // err[i] or err after TensorPrimitives.Subtract(p, y, err): the spans' elements
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus, OperatorMethod: null, Operand: var negated } when depth < 3 && Difference(negated, ct, depth + 1) is var (minuend, subtrahend):
                return (subtrahend, minuend); // var error = -(expected - output): output - expected
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply or BinaryOperatorKind.Divide, OperatorMethod: null } scaled when depth < 3
                && Unscaled(scaled) is { } unscaled && Difference(unscaled, ct, depth + 1) is var (left, right):
                return (left, right); // 2 * (output - target) / n: the derivative of a mean of squares
            case IInvocationOperation call when (ElementPair(call, BinaryOperatorKind.Subtract, ct) ?? ZipPair(call, BinaryOperatorKind.Subtract)) is var (left, right):
                return (left, right); // CostDerivative(a, y) filling r[i] = a[i] - y[i], or a.Zip(y, (o, t) => o - t).ToArray()
            case IInvocationOperation or IBinaryOperation { OperatorMethod: not null } when OwnPair(Operations.Strip(operation), BinaryOperatorKind.Subtract, ct) is var (left, right):
                return (left, right); // Matrix.Subtract(targets, outputs), targets - outputs of your own matrix class
            case ILocalReferenceOperation { Type: IArrayTypeSymbol } local when index.ElementwiseDifference(local, ct) is var (left, right):
                return (left, right); // errors[i] = t[i] - o[i] in a loop, the array handed on whole
            case ILocalReferenceOperation local when depth < 3 && index.SingleDefinition(local, ct) is { } value:
                return Difference(value, ct, depth + 1);
            case ILocalReferenceOperation local when index.SubtractedInPlace(local, ct) is var (minuend, subtrahend):
                return (minuend, subtrahend); // double e = o; e -= t;
            case IMemberReferenceOperation member when depth < 3 && index.SingleMemberDefinition(member, ct) is { } stored:
                return Difference(stored, ct, depth + 1);
            case IArrayElementReferenceOperation element when depth < 3 && index.SingleElementDefinition(element, ct) is var (storedElement, _):
                return Difference(storedElement, ct, depth + 1);
            case IArrayElementReferenceOperation { Indices.Length: 1 } element when depth < 3 && index.StoredAtConstantIndex(element, ct) is { } storedAt:
                return Difference(storedAt, ct, depth + 1); // errors[0] = t - outputs[0] earlier in the body: a network with one output
            case IArrayElementReferenceOperation { Indices.Length: > 0 } madeElement when depth < 3 && MathApi.IsNumeric(madeElement.Type) && Operations.ElementRoot(madeElement) is ILocalReferenceOperation array
                && index.SingleDefinition(array, ct) is IInvocationOperation made && (ElementPair(made, BinaryOperatorKind.Subtract, ct) ?? ZipPair(made, BinaryOperatorKind.Subtract)) is var (minuend, subtrahend):
                return (minuend, subtrahend); // error[i] of error = Subtract(y, output), a helper filling r[i] = a[i] - b[i] (or r[i, j], r[i][j]): the arrays' elements
            case IPropertyReferenceOperation { Property.IsIndexer: true } listElement when depth < 3 && index.SingleAddedElement(listElement, ct) is var (added, _):
                return Difference(added, ct, depth + 1); // errors[i] after errors.Add(t[k] - o[k]) in a counting loop
            case ILocalReferenceOperation local when depth < 3 && index.Reaching(local, ct) is [IForEachLoopOperation { Collection: var collection }]
                && Operations.Strip(collection) is ILocalReferenceOperation listed && index.SingleStoredElement(listed, ct) is { } each:
                return Difference(each, ct, depth + 1); // foreach (var e in errors) after errors[i] = t[i] - o[i] or errors.Add(t[i] - o[i])
            case IParameterReferenceOperation parameter when depth < 3 && ActivationFlow.LinqElementSource(parameter) is { } source
                && Operations.Strip(source) is ILocalReferenceOperation listed && index.SingleStoredElement(listed, ct) is { } each:
                return Difference(each, ct, depth + 1); // errors.Sum(e => e * e), errors.Select(e => Math.Pow(e, 2))
            case IInvocationOperation call when depth < 3 && HasBody(call.TargetMethod)
                && index.SingleReturn(call.TargetMethod.OriginalDefinition, ct) is { } returned && HelperDifference(returned, call.Arguments) is var (a, b):
                return (a, b); // CostDerivative(output, y) => output - y; neuron.CalculateError(target) => target - Value
            case IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke, Instance: { } held } call when depth < 3 && HeldLambda(held, ct) is { } lambda
                && Operations.SingleReturned(lambda) is { } returned && HelperDifference(returned, call.Arguments) is var (a, b):
                return (a, b); // lossDerivative(output, target) with lossDerivative = (o, t) => t - o, the one function the delegate holds
            case IPropertyReferenceOperation { Arguments.IsEmpty: true, Property.GetMethod: { } getter } when depth < 3 && HasBody(getter)
                && index.SingleReturn(getter.OriginalDefinition, ct) is { } returned && HelperDifference(returned, ImmutableArray<IArgumentOperation>.Empty) is var (a, b):
                return (a, b); // neuron.Error with Error => Target - Output
            default:
                return null;
        }
    }

    /// <summary>
    /// The two spans (or arrays) whose difference <c>TensorPrimitives.Subtract(a, b, err)</c> wrote into the buffer <paramref name="read"/>
    /// is, or an element of (<c>err</c>, <c>err[i]</c>), where that call is the fill the read sees (<see cref="FlowIndex.FilledBy"/>); a
    /// side may be one number (<c>Subtract(p, 0.5f, err)</c>). Null for any other operation.
    /// </summary>
    private (IOperation Left, IOperation Right)? TensorDifference(IOperation read, CancellationToken ct)
    {
        var buffer = read switch
        {
            IArrayElementReferenceOperation { Indices.Length: 1, ArrayReference: var array } => array,
            IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1, Instance: { } span } when TensorApi.IsSpan(span.Type) => span,
            ILocalReferenceOperation or IFieldReferenceOperation when read.Type is IArrayTypeSymbol { Rank: 1 } || TensorApi.IsSpan(read.Type) => read,
            _ => null,
        };
        if (buffer is null || index.FilledBy(buffer, read, ct) is not { TargetMethod.Name: "Subtract", Arguments: [var minuend, var subtrahend, _] })
        {
            return null;
        }

        // Subtract(err, p, err) takes p from what err held: its sides are not the error's (err is (p − t) − p there), so none.
        var (left, right) = (Operations.SpanOf(minuend.Value!), Operations.SpanOf(subtrahend.Value!));
        var filled = Operations.ReferencedSymbol(buffer);
        return SymbolEqualityComparer.Default.Equals(filled, Operations.ReferencedSymbol(left)) || SymbolEqualityComparer.Default.Equals(filled, Operations.ReferencedSymbol(right))
            ? null
            : (left, right);
    }

    /// <summary>
    /// The operand a product or quotient scales by a constant or a count: <c>o - t</c> of <c>2 * (o - t)</c>, <c>(o - t) * 0.5</c> and
    /// <c>(o - t) / n</c> (a divisor that is a constant or read from storage, <c>n</c>, <c>batch.Length</c>); null for any other.
    /// </summary>
    private static IOperation? Unscaled(IBinaryOperation operation)
    {
        var (left, right) = (Operations.Strip(operation.LeftOperand), Operations.Strip(operation.RightOperand));
        return operation.OperatorKind switch
        {
            BinaryOperatorKind.Divide when IsScale(right, allowStorage: true) => left,
            BinaryOperatorKind.Multiply when IsScale(left, allowStorage: false) => right,
            BinaryOperatorKind.Multiply when IsScale(right, allowStorage: false) => left,
            _ => null,
        };

        static bool IsScale(IOperation factor, bool allowStorage) =>
            factor.ConstantValue.HasValue
            || (allowStorage && factor is ILocalReferenceOperation or IFieldReferenceOperation or IParameterReferenceOperation or IPropertyReferenceOperation { Arguments.IsEmpty: true });
    }

    /// <summary>
    /// The one lambda a delegate local or member holds (<c>lossDerivative = (o, t) =&gt; t - o</c>, also as the field's initializer: the
    /// member's only store in the compilation), or null.
    /// </summary>
    private IAnonymousFunctionOperation? HeldLambda(IOperation held, CancellationToken ct) =>
        (Operations.Strip(held) switch
        {
            ILocalReferenceOperation local => index.SingleDefinition(local, ct),
            IMemberReferenceOperation member => index.SingleMemberDefinition(member, ct)
                ?? (index.WritesTo(member.Member.OriginalDefinition, null, ct) is [{ IntoElements: false, Value: var only }] ? only : null),
            _ => null,
        }) is { } made && Operations.Strip(made) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }
            ? lambda
            : null;

    /// <summary>
    /// The sides of the difference a helper returns, each one of its parameters (the call's argument there) or a field or property
    /// of the object it runs on (read in the helper's body: flow finds what is stored there): <c>output - y</c>, <c>target - Value</c>.
    /// Null for anything else.
    /// </summary>
    private static (IOperation Left, IOperation Right)? HelperDifference(IOperation returned, ImmutableArray<IArgumentOperation> arguments)
    {
        var value = Operations.Strip(returned);
        while (value is IBinaryOperation { OperatorMethod: null } scaled && Unscaled(scaled) is { } unscaled)
        {
            value = Operations.Strip(unscaled); // MseGrad(p, y) => 2 * (p - y)
        }

        if (value is not IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract } body || !(body.OperatorMethod is null || VectorApi.IsElementwise(body)))
        {
            return null;
        }

        return Side(body.LeftOperand) is { } left && Side(body.RightOperand) is { } right ? (left, right) : null;

        IOperation? Side(IOperation operand) => Operations.Strip(operand) switch
        {
            IParameterReferenceOperation parameter => Operations.ArgumentAt(arguments, parameter.Parameter.Ordinal),
            IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field,
            IPropertyReferenceOperation { Arguments.IsEmpty: true, Instance: null or IInstanceReferenceOperation } property => property,
            _ => null,
        };
    }

    /// <summary>A method of one number that returns its square, up to a constant factor: <c>Square(v) => v * v</c>, <c>Sq(x) => 0.5 * Math.Pow(x, 2)</c>.</summary>
    private bool SquaresItsParameter(IMethodSymbol method, CancellationToken ct)
    {
        if (method.Parameters is not [{ RefKind: RefKind.None } parameter] || !MathApi.IsReal(parameter.Type) || !MayMultiply(method, ct)
            || index.SingleReturn(method, ct) is not { } returned)
        {
            return false;
        }

        return IsSquareOf(parameter, returned, ct);
    }

    /// <summary>Whether <paramref name="returned"/> is the square of <paramref name="parameter"/>, up to a constant factor.</summary>
    private bool IsSquareOf(IParameterSymbol parameter, IOperation returned, CancellationToken ct)
    {
        var names = new Dictionary<IParameterSymbol, Expr>(SymbolEqualityComparer.Default) { [parameter] = TolerantMathReader.ParameterVariable(parameter) };
        var body = Simplifier.Simplify(new TolerantMathReader(index, ct).ReadWith(returned, names));
        var core = body is Product { Factors.Count: 2 } scaled && scaled.Factors[0] is Constant ? scaled.Factors[1] : body;
        return core.Equals(Ex.Pow(names[parameter], Ex.Const(2.0)));
    }

    /// <summary>
    /// For a method of yours that squares each element of one of its array parameters, whatever it does with the squares
    /// (<c>Square(a)</c> filling <c>r[i, j] = a[i, j] * a[i, j]</c>, <c>Power(a, p)</c> filling <c>Math.Pow(a[i], p)</c>, <c>MeanSquare(e)</c>
    /// summing <c>e[i] * e[i]</c>, or <c>v * v</c> over <c>foreach (var v in e)</c>): that parameter's ordinal, and the ordinal of the
    /// parameter the exponent is (−1 for a square written out); null otherwise.
    /// </summary>
    private (int Array, int Exponent)? SquaredElements(IMethodSymbol method, CancellationToken ct)
    {
        if (method.Parameters.Length > 2 || !MaySquareElements(method, ct) || index.ReturnsOf(method, ct) is not { Count: > 0 } returns)
        {
            return null;
        }

        var operations = Operations.Root(returns[0]).Descendants().ToList();

        // foreach (var v in e): v is an element of the parameter e; so is v of foreach (var row in e) foreach (var v in row) (outer loops come first)
        var eachOf = new Dictionary<ILocalSymbol, int>(SymbolEqualityComparer.Default);
        foreach (var loop in operations.OfType<IForEachLoopOperation>())
        {
            if (loop.LoopControlVariable is not IVariableDeclaratorOperation { Symbol: var each })
            {
                continue;
            }

            switch (Operations.Strip(loop.Collection))
            {
                case IParameterReferenceOperation { Parameter: var over } when SymbolEqualityComparer.Default.Equals(over.ContainingSymbol, method):
                    eachOf[each] = over.Ordinal;
                    break;
                case ILocalReferenceOperation { Local: var row } when eachOf.TryGetValue(row, out var rowOf):
                    eachOf[each] = rowOf;
                    break;
            }
        }

        int? ElementOf(IOperation operation) =>
            ArrayParameter(operation) ?? (Operations.Strip(operation) is ILocalReferenceOperation { Local: var local } && eachOf.TryGetValue(local, out var ordinal) ? ordinal : null);

        var reader = new TolerantMathReader(index, ct);
        foreach (var operation in operations)
        {
            switch (operation)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply, OperatorMethod: null } square when ElementOf(square.LeftOperand) is { } squared
                    && ElementOf(square.RightOperand) == squared && reader.Read(square.LeftOperand).Equals(reader.Read(square.RightOperand)):
                    return (squared, -1);
                case IInvocationOperation { TargetMethod.Name: "Pow", Arguments: [var raised, var power] } pow when MathApi.IsRecognizedMathType(pow.TargetMethod.ContainingType)
                    && ElementOf(raised.Value) is { } powered:
                    if (Operations.Number(power.Value) == 2.0)
                    {
                        return (powered, -1);
                    }

                    if (Operations.Strip(power.Value) is IParameterReferenceOperation { Parameter: var exponent } && SymbolEqualityComparer.Default.Equals(exponent.ContainingSymbol, method))
                    {
                        return (powered, exponent.Ordinal); // Power(a, p): a square where the caller passes 2
                    }

                    break;
            }
        }

        return null;
    }

    /// <summary>
    /// From syntax, before any binding: a body that squares an element has an element access, a <c>foreach</c> or a lambda, and a
    /// product or a call named <c>Pow</c>. Most methods handed an array (a layer's forward pass that calls other methods) have no such
    /// pair, and their bodies are then never bound for this question.
    /// </summary>
    private static bool MaySquareElements(IMethodSymbol method, CancellationToken ct)
    {
        bool element = false, square = false;
        foreach (var node in method.DeclaringSyntaxReferences.SelectMany(r => r.GetSyntax(ct).DescendantNodes()))
        {
            element |= node is ElementAccessExpressionSyntax or ForEachStatementSyntax or SimpleLambdaExpressionSyntax;
            square |= node.IsKind(SyntaxKind.MultiplyExpression)
                || node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Pow" } or IdentifierNameSyntax { Identifier.ValueText: "Pow" } };
            if (element && square)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>From syntax, before any binding: a body that squares has a product or a call (<c>Math.Pow</c>).</summary>
    private static bool MayMultiply(IMethodSymbol method, CancellationToken ct) =>
        method.DeclaringSyntaxReferences.SelectMany(r => r.GetSyntax(ct).DescendantNodes()).Any(n => n.IsKind(SyntaxKind.MultiplyExpression) || n is InvocationExpressionSyntax);

    private (int A, int B)? ScalarPair(IMethodSymbol method, CancellationToken ct)
    {
        if (method.Parameters.Length is < 2 or > 4 || !MaySquareADifference(method, ct) || index.SingleReturn(method, ct) is not { } returned)
        {
            return null;
        }

        var names = method.Parameters.ToDictionary(p => p, TolerantMathReader.ParameterVariable, (IEqualityComparer<IParameterSymbol>)SymbolEqualityComparer.Default);
        var reader = new TolerantMathReader(index, ct);
        var body = Simplifier.Simplify(reader.ReadWith(returned, names));
        var core = body is Product { Factors.Count: 2 } scaled && scaled.Factors[0] is Constant ? scaled.Factors[1] : body;
        foreach (var a in method.Parameters)
        {
            foreach (var b in method.Parameters)
            {
                if (a.Ordinal != b.Ordinal && core.Equals(Ex.Pow(Ex.Sub(names[a], names[b]), Ex.Const(2.0))))
                {
                    return (a.Ordinal, b.Ordinal);
                }
            }
        }

        return null;
    }

    /// <summary>A method that squares a[k] − b[k] of two of its array parameters somewhere in its body.</summary>
    private (int A, int B)? ElementwisePair(IMethodSymbol method, CancellationToken ct)
    {
        if (method.Parameters.Count(p => p.Type is IArrayTypeSymbol || p.Type.Name is "Span" or "ReadOnlySpan" or "List" or "IReadOnlyList" or "IList" or "IEnumerable" or "IReadOnlyCollection" or "ICollection") < 2)
        {
            return null;
        }

        var returns = MaySquareADifference(method, ct) ? index.ReturnsOf(method, ct) : System.Array.Empty<IOperation>();
        if (returns.Count == 0)
        {
            return null;
        }

        var body = Operations.Root(returns[0]);
        var reader = new TolerantMathReader(index, ct);
        foreach (var operation in body.Descendants())
        {
            (IOperation Left, IOperation Right)? difference = operation switch
            {
                IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply } square when reader.Read(square.LeftOperand).Equals(reader.Read(square.RightOperand)) => Difference(square.LeftOperand, ct),
                IInvocationOperation pow when Call(pow, null, ct) is { OverElements: false } loss && ReferenceEquals(loss.Site, pow) => (loss.Left, loss.Right),
                _ => null,
            };
            if (difference is { } d && ArrayParameter(d.Left) is { } a && ArrayParameter(d.Right) is { } b && a != b)
            {
                return (a, b);
            }
        }

        return null;
    }

    /// <summary>
    /// From syntax, before any binding: a body that squares a difference has a subtraction and a product
    /// or a call (Math.Pow, a helper). Most methods called with two arguments have neither, and their
    /// bodies are then never bound for this question.
    /// </summary>
    private static bool MaySquareADifference(IMethodSymbol method, CancellationToken ct)
    {
        bool subtraction = false, productOrCall = false;
        foreach (var node in method.DeclaringSyntaxReferences.SelectMany(r => r.GetSyntax(ct).DescendantNodes()))
        {
            subtraction |= node.IsKind(SyntaxKind.SubtractExpression);
            productOrCall |= node.IsKind(SyntaxKind.MultiplyExpression) || node is InvocationExpressionSyntax;
            if (subtraction && productOrCall)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The ordinal of the method's sequence parameter whose element <paramref name="operation"/> is: <c>p[i]</c>, or a LINQ lambda's
    /// element of it (<c>a</c> of <c>p.Zip(y, (a, b) => ...)</c>, <c>v</c> of <c>p.Select((v, i) => ...)</c>, <c>pair.First</c> of
    /// <c>p.Zip(y).Sum(pair => ...)</c>).
    /// </summary>
    private static int? ArrayParameter(IOperation operation) => Operations.Strip(operation) switch
    {
        IArrayElementReferenceOperation element when Operations.ElementRoot(element) is IParameterReferenceOperation p => p.Parameter.Ordinal, // p[i], p[i, j], p[i][j]
        IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } list } when Operations.Strip(list) is IParameterReferenceOperation p => p.Parameter.Ordinal,
        IParameterReferenceOperation element when ActivationFlow.LinqElementSource(element) is { } source
            && Operations.Strip(source) is IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol { MethodKind: not MethodKind.AnonymousFunction } } p => p.Parameter.Ordinal,
        IFieldReferenceOperation tupleElement when Operations.TupleElementOf(tupleElement) is { Tuple: IParameterReferenceOperation pair, Path: [var side] }
            && ActivationFlow.LinqElementSource(pair) is { } tuples && ActivationFlow.ZippedSide(tuples, side) is { } zipped
            && Operations.Strip(zipped) is IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol { MethodKind: not MethodKind.AnonymousFunction } } p => p.Parameter.Ordinal, // pair.First of p.Zip(y).Sum(pair => ...)
        _ => null,
    };

    private static IOperation? ArgumentAt(IInvocationOperation call, int ordinal) => Operations.ArgumentAt(call.Arguments, ordinal);

    private void Flatten(IOperation operation, List<IOperation> factors, CancellationToken ct)
    {
        var pending = new Stack<IOperation>();
        pending.Push(operation);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (Operations.Strip(current) is IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply } product && (product.OperatorMethod is null || VectorApi.IsElementwise(product)))
            {
                pending.Push(product.RightOperand);
                pending.Push(product.LeftOperand);
            }
            else if (Operations.Strip(current) is IInvocationOperation { Arguments: [var x, var y, _] } tensorProduct && TensorApi.MapOf(tensorProduct.TargetMethod) == TensorMap.Multiply)
            {
                pending.Push(Operations.SpanOf(y.Value!)); // TensorPrimitives.Multiply(err, s, delta): its two inputs, element by element
                pending.Push(Operations.SpanOf(x.Value!));
            }
            else if (Operations.Strip(current) is IInvocationOperation call && VectorApi.BinaryCall(call) is (BinaryOperatorKind.Multiply, var left, var right))
            {
                pending.Push(right); // a.PointwiseMultiply(b), np.multiply(a, b): vectors multiplied element by element
                pending.Push(left);
            }
            else if (Operations.Strip(current) is (IInvocationOperation or IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply, OperatorMethod: not null }) and var own
                && OwnPair(own, BinaryOperatorKind.Multiply, ct) is var (ownLeft, ownRight))
            {
                pending.Push(ownRight); // gradients.Multiply(errors), error * derivative of your own matrix class
                pending.Push(ownLeft);
            }
            else if (Operations.Strip(current) is IInvocationOperation helper && (ElementPair(helper, BinaryOperatorKind.Multiply, ct) ?? ZipPair(helper, BinaryOperatorKind.Multiply)) is var (a, b))
            {
                pending.Push(b); // Hadamard(a, b) of arrays
                pending.Push(a);
            }
            else if (current is ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Multiply, OperatorMethod: null } inPlace)
            {
                pending.Push(inPlace.Value); // e *= o * (1 - o): e's value before it, times the right side
                pending.Push(inPlace.Target);
            }
            else if (Operations.Strip(current) is IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus, OperatorMethod: null } negation)
            {
                pending.Push(negation.Operand); // -o·(1 − o)·(t − o): the sign is the update's convention, the shape is the same
            }
            else
            {
                factors.Add(current);
            }
        }
    }
}
