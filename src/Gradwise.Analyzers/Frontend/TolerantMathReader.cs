using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Gradwise.Flow;
using Gradwise.Symbolic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Gradwise.Frontend;

/// <summary>Where the tolerant reader looks through a local or a helper call.</summary>
internal interface IValueSource
{
    /// <summary>The one value that reaches this read of a local, or null when none or several do.</summary>
    IOperation? SingleDefinition(ILocalReferenceOperation local, CancellationToken cancellationToken);

    /// <summary>
    /// The two sides of a local that one subtraction in place made what this read sees (<c>double e = o; e -= t;</c>: o and t), where
    /// one value reached the subtraction; or null.
    /// </summary>
    (IOperation Left, IOperation Right)? SubtractedInPlace(ILocalReferenceOperation local, CancellationToken cancellationToken);

    /// <summary>
    /// The one value stored into this field or property of this receiver earlier in the same body, on every path to the read
    /// (<c>n.Error = t - n.Output; ... n.Error * n.Output * (1 - n.Output)</c>), or null.
    /// </summary>
    IOperation? SingleMemberDefinition(IMemberReferenceOperation read, CancellationToken cancellationToken);

    /// <summary>
    /// The constant every store into this field or property stores, where the compilation stores only that one constant into it
    /// (<c>static double e = 2.71828;</c>, <c>e = Math.E;</c> in a constructor, <c>this.kind = kind;</c> with every caller passing
    /// <c>Kind.Sigmoid</c>): a named constant not declared <c>const</c>, or a setting every object gets alike. No value otherwise.
    /// </summary>
    Optional<object?> OnlyConstantStored(ISymbol member, CancellationToken cancellationToken);

    /// <summary>The constant every call in the compilation passes to this parameter, where all pass the same one; no value otherwise.</summary>
    Optional<object?> OnlyConstantPassed(IParameterSymbol parameter, CancellationToken cancellationToken);

    /// <summary>
    /// The one value stored into elements of this array by <c>a[k] = v</c> with a local index <c>k</c> (or <c>a[k, l] = v</c>, <c>a[k][l] = v</c>
    /// with distinct local indices; earlier in the same body, or, for an array field of this object the body does not fill, anywhere in
    /// the compilation, but for a jagged field's element), and those indices, outermost first; or null.
    /// </summary>
    (IOperation Value, ImmutableArray<ISymbol> Indices)? SingleElementDefinition(IArrayElementReferenceOperation read, CancellationToken cancellationToken);

    /// <summary>
    /// The <c>TensorPrimitives</c> call whose fill of this array or span element by element (<c>TensorPrimitives.Subtract(p, y, err)</c>)
    /// <paramref name="use"/> sees: its one filler, or the last fill before it in its body that runs on every path to it; null where it
    /// is stored or filled any other way, or which fill it sees cannot be told.
    /// </summary>
    IInvocationOperation? FilledBy(IOperation buffer, IOperation use, CancellationToken cancellationToken);

    /// <summary>
    /// The one value stored into the element a read at a constant index reads, earlier in the same body, where the body stores into that
    /// array only at constant indices (<c>errors[0] = t - outputs[0];</c>); or null.
    /// </summary>
    IOperation? StoredAtConstantIndex(IArrayElementReferenceOperation read, CancellationToken cancellationToken);

    /// <summary>
    /// For an element of a list local made empty and filled by one <c>Add</c> in every pass of a loop counting k up from 0, earlier in
    /// the same body (<c>errors.Add(t[k] - o[k])</c>): the value added and k, so element i is that value at k = i; or null.
    /// </summary>
    (IOperation Value, ILocalSymbol Index)? SingleAddedElement(IPropertyReferenceOperation read, CancellationToken cancellationToken);

    /// <summary>The one value a method with source returns, or null.</summary>
    IOperation? SingleReturn(IMethodSymbol method, CancellationToken cancellationToken);

    /// <summary>Every value a method with source returns (empty for one without).</summary>
    IReadOnlyList<IOperation> ReturnsOf(IMethodSymbol method, CancellationToken cancellationToken);

    /// <summary>
    /// For a method that fills a new array and returns it (<c>var r = new double[n]; for (...) r[i] = a[i] - b[i]; return r;</c>, or
    /// <c>r[i, j] = a[i, j] - b[i, j]</c> of a two-dimensional one, <c>r[i][j]</c> of a jagged one): the one value stored into its elements
    /// and the distinct index locals it is stored at, one per dimension, outermost first; null otherwise.
    /// </summary>
    (IOperation Value, ImmutableArray<ISymbol> Indices)? ReturnedElement(IMethodSymbol method, CancellationToken cancellationToken);

    /// <summary>
    /// True for a method with source that returns an array it made and only allocated (<c>Make(n, m)</c> returning <c>new double[n][]</c> with
    /// a new row stored at each index): no element holds a value yet.
    /// </summary>
    bool ReturnsNewArray(IMethodSymbol method, CancellationToken cancellationToken);

    /// <summary>The stores a method with source makes to <paramref name="target"/> (a field, a parameter) in its own body.</summary>
    IReadOnlyList<Write> WritesIn(IMethodSymbol method, ISymbol target, CancellationToken cancellationToken);

    /// <summary>The name a member or parameter's container has in <see cref="OperandKey"/>s: one per symbol, cheap enough to ask for at every read.</summary>
    string KeyName(ISymbol symbol);

    /// <summary><see cref="OwnMatrix.StorageOf"/>, looked up once per type: a type's members are scanned at its first read, not at every one.</summary>
    ISymbol? StorageOf(ITypeSymbol? type);
}

/// <summary>
/// The frontend's tolerant mode, for the recognizers: reads any C# value as math and never fails.
/// Arithmetic and the functions of <see cref="MathApi"/> become the symbolic IR; a local with one
/// reaching definition, a member of a receiver written once earlier in the same body, an array element stored by one
/// <c>a[k] = v</c> (read at its own index) and a one-return helper of numbers are read through; anything else is an
/// opaque variable keyed by the storage it reads (<see cref="OperandKey"/>), or by the operation
/// itself when it is not plain storage. So <c>(t - o) * o * (1 - o)</c> with <c>o</c> a field and
/// the same product through <c>this.o</c> are one expression, whatever the spelling.
/// </summary>
internal sealed class TolerantMathReader
{
    private const int MaxInlining = 4;
    private readonly IValueSource source;
    private readonly CancellationToken cancellationToken;

    // What names in the body being read stand for, where it is read somewhere other than where it was written; saved and restored
    // as a whole around each such read (Within).
    private Scope scope;

    // Opaque leaves made so far other than a plain array standing for its element: an element read that makes one (a helper's own
    // local, Layer(w, x) filling a[j] = Squash(z)) is not a function of the elements it was given, so two calls would read alike.
    private int foreign;

    // Opaque leaves made so far: a store read that makes one reads something other than its arguments' elements.
    private int leaves;

    // Where a leaf's name is built (a reader reads on one thread, one leaf at a time), and the one delegate that names symbols in
    // keys: both made at the first leaf, then kept.
    private System.Text.StringBuilder? keys;
    private System.Func<ISymbol, string>? names;

    // The one implementation an interface or virtual call runs, where the caller knows the objects its receiver can hold.
    private readonly System.Func<IInvocationOperation, IMethodSymbol?>? dispatch;

    private struct Scope
    {
        // While an element's stored value is read back (e[i] from e[k] = t[k] - o[k]), its index local stands for the index read at.
        public Dictionary<ISymbol, string>? Renamed;

        // While an array helper's element is read (r[k] = a[k] - b[k], r[i, j] = a[i, j] - b[i, j]), each array parameter stands for its
        // argument's element, read at the store's indices (default: where the helper returns a sequence it does not store by index).
        public Dictionary<IParameterSymbol, (Expr Element, ImmutableArray<ISymbol> Indices)>? ElementParameters;

        // While an own matrix type's method store is read (OwnMatrix): what its storage's elements and its delegate parameters stand for.
        public StorageBinding? Storage;

        // While a method or getter of another object is read (n.Slope() with Slope() => Output * (1 - Output)): the key of that object,
        // which `this` in its body stands for, so its members are the receiver's (n.Output), not the caller's own. Null: this object.
        public string? Self;

        // While an element of a collection a LINQ call or helper makes is read at an index (errors[i] after
        // var errors = o.Zip(t, (a, b) => b - a).ToArray()): that index's key, so a plain array read there is its element at it (o[i]).
        public string? ElementIndex;
    }

    /// <summary>Reads with <paramref name="inner"/> as the scope, then restores the one before.</summary>
    private T Within<T>(Scope inner, System.Func<T> read)
    {
        var outer = scope;
        scope = inner;
        try
        {
            return read();
        }
        finally
        {
            scope = outer;
        }
    }

    /// <param name="source">Where stored values and method bodies come from.</param>
    /// <param name="cancellationToken">Cancels a long reading.</param>
    /// <param name="dispatch">
    /// The implementation an interface or virtual call runs (from what its receiver can hold), or null: then such a call is read
    /// through the body of the method it names, if that has one.
    /// </param>
    public TolerantMathReader(IValueSource source, CancellationToken cancellationToken, System.Func<IInvocationOperation, IMethodSymbol?>? dispatch = null)
    {
        this.source = source;
        this.cancellationToken = cancellationToken;
        this.dispatch = dispatch;
    }

    /// <summary>The value as math.</summary>
    public Expr Read(IOperation operation) => Read(operation, null, 0);

    /// <summary>The value as math, with the given parameters standing for variables (a method body as a function of them).</summary>
    public Expr ReadWith(IOperation operation, IReadOnlyDictionary<IParameterSymbol, Expr> parameters) => Read(operation, parameters, 0);

    /// <summary>
    /// One element of an array or vector as math: the element of an array a helper fills and returns (<c>r[k] = a[k] - b[k]</c>, its
    /// array parameters standing for their arguments' elements), of <c>xs.Select(f)</c> and <c>xs.Zip(ys, f)</c>, of a vector
    /// (<see cref="VectorApi"/>); any other array is an opaque variable keyed by its storage, standing for its element.
    /// </summary>
    public Expr ReadElements(IOperation operation) => ReadElements(operation, null, 0);

    /// <summary>
    /// The element of what <paramref name="method"/> returns with its parameters as the variables ⟨p0⟩, ⟨p1⟩, ... (an array
    /// parameter's variable stands for its element), or null when its returned elements cannot be read.
    /// </summary>
    public Expr? ElementForm(IMethodSymbol method)
    {
        var names = method.Parameters.ToDictionary(p => p, ParameterVariable, (IEqualityComparer<IParameterSymbol>)SymbolEqualityComparer.Default);
        return ReadHelperElements(method, names, null, 0);
    }

    /// <summary>The variable ⟨pN⟩ a method's parameter N is read as when its body is read as a function of its parameters.</summary>
    public static Expr ParameterVariable(IParameterSymbol parameter) =>
        Ex.Var("⟨p" + parameter.Ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture) + "⟩");

    /// <summary>The opaque variable a value that is not math is read as.</summary>
    public Expr Leaf(IOperation operation)
    {
        leaves++;
        foreign++;
        var key = (keys ??= new System.Text.StringBuilder()).Clear().Append('⟨');
        OperandKey.AppendOf(key, operation, KeyName, scope.Renamed, scope.Self);
        return Ex.Var(key.Append('⟩').ToString());
    }

    private System.Func<ISymbol, string> KeyName => names ??= source.KeyName;

    /// <summary>The variable the element of the object an own matrix method runs on is read as in <see cref="OwnForm"/>.</summary>
    public static readonly Expr Self = Ex.Var("⟨self⟩");

    /// <summary>
    /// What an own matrix type's method stores into an element (<see cref="OwnMatrix"/>), as a function of this object's element
    /// (<see cref="Self"/>) and its parameters (<see cref="ParameterVariable"/>: a matrix parameter's element, a number itself); null for
    /// a method with no one store, or one that reads anything else.
    /// </summary>
    public Expr? OwnForm(IMethodSymbol method) => OwnFormAt(method, 0);

    private Expr? OwnFormAt(IMethodSymbol method, int depth)
    {
        if (OwnMatrix.StoreOf(method, source, cancellationToken) is not { } store)
        {
            return depth < 2 ? HandedOnForm(method, depth) : null;
        }

        // This object's elements are an operand of an instance method, whether it writes them (gradients.Multiply(errors)) or a new
        // object's (err.Hadamard(slope) storing m.data[i] = data[i] * b.data[i]).
        var binding = new StorageBinding(store.Storage, store.InPlace || !method.IsStatic ? Self : null);
        var names = new Dictionary<IParameterSymbol, Expr>(SymbolEqualityComparer.Default);
        foreach (var parameter in method.OriginalDefinition.Parameters)
        {
            if (SymbolEqualityComparer.Default.Equals(source.StorageOf(parameter.Type), store.Storage))
            {
                binding.Elements[parameter] = ParameterVariable(parameter);
            }
            else
            {
                names[parameter] = ParameterVariable(parameter);
            }
        }

        return ReadStore(store, binding, names, 0);
    }

    /// <summary>
    /// The form of an own matrix method or operator whose body only hands its operands on to another of its type
    /// (<c>operator -(a, b) =&gt; Subtract(a, b)</c>, <c>Hadamard(other) =&gt; Multiply(this, other)</c>): the other's form, its operands
    /// named as this one's; null where an operand handed on is anything but this method's own parameter or this object.
    /// </summary>
    private Expr? HandedOnForm(IMethodSymbol method, int depth)
    {
        if (HandedOnCall(method) is not var (callee, receiver, operands) || OwnFormAt(callee, depth + 1) is not { } form)
        {
            return null;
        }

        Expr? Mine(IOperation operand) => Operations.Strip(operand) switch
        {
            IParameterReferenceOperation p when SymbolEqualityComparer.Default.Equals(p.Parameter.ContainingSymbol, method.OriginalDefinition) => ParameterVariable(p.Parameter),
            IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } when !method.IsStatic => Self,
            _ => null,
        };

        var renames = new Dictionary<Expr, Expr>();
        foreach (var (ordinal, value) in receiver is null ? operands : operands.Append((-1, receiver)))
        {
            if (Mine(value) is not { } mine)
            {
                return null;
            }

            renames[ordinal < 0 ? Self : ParameterVariable(callee.Parameters[ordinal])] = mine;
        }

        if (!callee.IsStatic && receiver is null)
        {
            renames[Self] = Self; // an instance method of the type called on this object implicitly
        }

        Expr Renamed(Expr e) => e is Variable && renames.TryGetValue(e, out var mine) ? mine
            : e is Variable or Constant ? e
            : Simplifier.Rebuild(e, e.Children.Select(Renamed).ToArray());
        return Renamed(form);
    }

    /// <summary>
    /// The call a method or operator of an own matrix type makes of another of its type with its own operands, where its body is only
    /// that (<c>return Subtract(a, b);</c>): the other method, the receiver it is called on (null: static, or this object implicitly)
    /// and the operands by the other's ordinals; null for any other body.
    /// </summary>
    private (IMethodSymbol Callee, IOperation? Receiver, (int Ordinal, IOperation Value)[] Operands)? HandedOnCall(IMethodSymbol method)
    {
        if (source.SingleReturn(method, cancellationToken) is not { } returned)
        {
            return null;
        }

        var (callee, receiver, operands) = Operations.Strip(returned) switch
        {
            IInvocationOperation call when Operations.ArgumentsMatchParameters(call) =>
                (call.TargetMethod.OriginalDefinition, call.Instance, call.Arguments.Select(a => (a.Parameter!.Ordinal, a.Value)).ToArray()),
            IBinaryOperation { OperatorMethod: { } user } binary => (user.OriginalDefinition, (IOperation?)null, new[] { (0, binary.LeftOperand), (1, binary.RightOperand) }),
            _ => ((IMethodSymbol?)null, (IOperation?)null, System.Array.Empty<(int, IOperation)>()),
        };
        return callee != null && SymbolEqualityComparer.Default.Equals(callee.ContainingType, method.OriginalDefinition.ContainingType)
            ? (callee, receiver, operands)
            : null;
    }

    /// <summary>
    /// What an in-place call of an own matrix method (<c>outputs.Map(Sigmoid)</c>) makes of each element <paramref name="element"/> of its
    /// receiver, with the call's arguments bound; null for a call that is not one or reads anything else.
    /// </summary>
    public Expr? InPlace(IInvocationOperation call, Expr element)
    {
        if (OwnMatrix.StoreOf(call.TargetMethod, source, cancellationToken) is not { InPlace: true } store || !Operations.ArgumentsMatchParameters(call))
        {
            return null;
        }

        // An element-by-element combination with another matrix is not a function of the element alone.
        return ReadCallStore(store, call.TargetMethod, element, call.Arguments.Select(a => (a.Parameter!.Ordinal, a.Value)), matricesGiven: false, null, 0);
    }

    /// <summary>The element a store writes, read with <paramref name="binding"/>: null when reading it made a leaf of its own.</summary>
    private Expr? ReadStore(ElementStore store, StorageBinding binding, IReadOnlyDictionary<IParameterSymbol, Expr>? parameters, int depth)
    {
        var before = leaves;
        var element = Within(scope with { Storage = binding }, () =>
        {
            var value = Read(store.Value, parameters, depth);
            return store.Compound is { } kind ? Arithmetic.Apply(kind, Read(store.Target, parameters, depth), value) : value;
        });
        return leaves == before ? element : null;
    }

    /// <summary>
    /// The element of a value of an own matrix type: through a local's one definition, and a method that stores into a new object it
    /// returns (<c>Matrix.Subtract(a, b)</c>, <c>Matrix.Map(m, f)</c>, <c>m.Map(f)</c> returning a new matrix), its store read with the
    /// receiver's and the arguments' elements; null where neither applies.
    /// </summary>
    private Expr? ReadOwnElements(IOperation operation, IReadOnlyDictionary<IParameterSymbol, Expr>? parameters, int depth)
    {
        var value = Operations.Strip(operation);
        if (depth >= MaxInlining)
        {
            return null;
        }

        switch (value)
        {
            case ILocalReferenceOperation local when source.SingleDefinition(local, cancellationToken) is { } definition:
                return ReadOwnElements(definition, parameters, depth + 1);
            case IInvocationOperation call when Operations.ArgumentsMatchParameters(call):
                return ReadOwnCall(call.TargetMethod, call.Instance, call.Arguments.Select(a => (a.Parameter!.Ordinal, a.Value)), parameters, depth);
            case IBinaryOperation { OperatorMethod: { Parameters.Length: 2, MethodKind: MethodKind.UserDefinedOperator } user } binary:
                return ReadOwnCall(user, null, new[] { (0, binary.LeftOperand), (1, binary.RightOperand) }, parameters, depth); // target - output, error * derivative
            default:
                return null;
        }
    }

    /// <summary>The element a method (or operator) of an own matrix type makes into a new object it returns, from its receiver's and arguments' elements; null for any other.</summary>
    private Expr? ReadOwnCall(IMethodSymbol method, IOperation? instance, IEnumerable<(int Ordinal, IOperation Value)> arguments, IReadOnlyDictionary<IParameterSymbol, Expr>? parameters, int depth)
    {
        if (OwnMatrix.StoreOf(method, source, cancellationToken) is not { InPlace: false } store)
        {
            return depth < MaxInlining && HandedOnCall(method) is var (callee, receiver, operands) && HandedOnOperands(method, instance, arguments, callee.IsStatic, receiver, operands) is var (onInstance, onArguments)
                ? ReadOwnCall(callee, onInstance, onArguments, parameters, depth + 1) // operator -(a, b) => Subtract(a, b): Subtract's, of a and b
                : null;
        }

        var self = instance is null ? null : ReadOwnElements(instance, parameters, depth + 1) ?? Leaf(instance);
        return ReadCallStore(store, method, self, arguments, matricesGiven: true, parameters, depth + 1);
    }

    /// <summary>
    /// The operations a handed-on call (<see cref="HandedOnCall"/>) gets from this call of <paramref name="method"/>: for each operand that is a
    /// parameter of the method, the argument given for it here; for this object, the receiver here. Null when an operand is anything else.
    /// </summary>
    private static (IOperation? Instance, List<(int Ordinal, IOperation Value)> Arguments)? HandedOnOperands(
        IMethodSymbol method, IOperation? instance, IEnumerable<(int Ordinal, IOperation Value)> arguments, bool calleeStatic, IOperation? receiver, (int Ordinal, IOperation Value)[] operands)
    {
        var given = arguments.ToDictionary(a => a.Ordinal, a => a.Value);
        IOperation? Here(IOperation operand) => Operations.Strip(operand) switch
        {
            IParameterReferenceOperation p when SymbolEqualityComparer.Default.Equals(p.Parameter.ContainingSymbol, method.OriginalDefinition)
                && given.TryGetValue(p.Parameter.Ordinal, out var argument) => argument,
            IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } => instance,
            _ => null,
        };

        var mapped = new List<(int Ordinal, IOperation Value)>();
        foreach (var (ordinal, value) in operands)
        {
            if (Here(value) is not { } here)
            {
                return null;
            }

            mapped.Add((ordinal, here));
        }

        var onInstance = receiver is null ? (calleeStatic ? null : instance) : Here(receiver);
        return receiver != null && onInstance is null ? null : (onInstance, mapped);
    }

    /// <summary>
    /// A call's store, read with its receiver's element <paramref name="self"/> and its arguments: a matrix argument's element (null when
    /// <paramref name="matricesGiven"/> is false and there is one), the function a delegate argument holds, a number's value.
    /// </summary>
    private Expr? ReadCallStore(ElementStore store, IMethodSymbol method, Expr? self, IEnumerable<(int Ordinal, IOperation Value)> arguments, bool matricesGiven, IReadOnlyDictionary<IParameterSymbol, Expr>? parameters, int depth)
    {
        var binding = new StorageBinding(store.Storage, self);
        var names = new Dictionary<IParameterSymbol, Expr>(SymbolEqualityComparer.Default);
        foreach (var (ordinal, value) in arguments)
        {
            var parameter = method.OriginalDefinition.Parameters[ordinal];
            if (SymbolEqualityComparer.Default.Equals(source.StorageOf(parameter.Type), store.Storage))
            {
                if (!matricesGiven)
                {
                    return null;
                }

                binding.Elements[parameter] = ReadOwnElements(value, parameters, depth) ?? Leaf(value);
            }
            else if (parameter.Type.TypeKind == TypeKind.Delegate)
            {
                binding.Delegates[parameter] = value;
            }
            else
            {
                names[parameter] = Read(value, parameters, depth);
            }
        }

        return ReadStore(store, binding, names, depth);
    }

    /// <summary>A one-argument function a delegate holds (a lambda, a method of yours, a Math function), applied to <paramref name="argument"/>; null for any other.</summary>
    private Expr? Applied(IOperation function, Expr argument, IReadOnlyDictionary<IParameterSymbol, Expr>? parameters, int depth)
    {
        var held = Operations.Strip(function) is IDelegateCreationOperation { Target: var target } ? target : Operations.Strip(function);
        switch (held)
        {
            case IAnonymousFunctionOperation { Symbol.Parameters.Length: 1 } lambda:
                return ReadLambda(lambda, new[] { argument }, parameters, depth);
            case IMethodReferenceOperation { Method: { Parameters.Length: 1 } method } when method.IsStatic && MathApi.IsRecognizedMathType(method.ContainingType) && MathApi.Functions.TryGetValue(method.Name, out var math):
                return Ex.Call(math, argument); // v.Map(Math.Exp)
            case IMethodReferenceOperation { Method: { Parameters.Length: 1 } method } when MathApi.IsNumeric(method.Parameters[0].Type) && MathApi.IsNumeric(method.ReturnType)
                && source.SingleReturn(method.OriginalDefinition, cancellationToken) is { } body:
                return Read(body, new Dictionary<IParameterSymbol, Expr>(SymbolEqualityComparer.Default) { [method.OriginalDefinition.Parameters[0]] = argument }, depth + 1); // v.Map(Sigmoid)
            default:
                return null;
        }
    }

    /// <summary>What an own matrix method's storage elements and delegate parameters stand for while its store is read.</summary>
    private sealed class StorageBinding
    {
        public StorageBinding(ISymbol storage, Expr? self)
        {
            Storage = storage;
            Self = self;
        }

        public ISymbol Storage { get; }

        /// <summary>This object's element (null in a static method, or where this object's elements are not the input).</summary>
        public Expr? Self { get; }

        public Dictionary<IParameterSymbol, Expr> Elements { get; } = new(SymbolEqualityComparer.Default);

        public Dictionary<IParameterSymbol, IOperation> Delegates { get; } = new(SymbolEqualityComparer.Default);

        /// <summary>The element an access of the storage reads: this object's, or a matrix parameter's; null for any other (a new result's).</summary>
        public Expr? ElementOf(IArrayElementReferenceOperation access)
        {
            if (OwnMatrix.StorageReference(access, Storage) is not { } reference)
            {
                return null;
            }

            var instance = reference.Instance is null ? null : Operations.Strip(reference.Instance);
            return instance switch
            {
                null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } => Self,
                IParameterReferenceOperation p when Elements.TryGetValue(p.Parameter, out var element) => element,
                _ => null,
            };
        }
    }

    private Expr Read(IOperation operation, IReadOnlyDictionary<IParameterSymbol, Expr>? parameters, int depth)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (operation.ConstantValue.HasValue && MathApi.ToDouble(operation.ConstantValue.Value) is { } constant)
        {
            return Ex.Const(constant);
        }

        switch (operation)
        {
            case IArrayElementReferenceOperation access when scope.Storage?.ElementOf(access) is { } stored:
                return stored; // data[i, j] or m.data[i, j] in an own matrix method: the element it stands for
            case IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke, Instance: { } function, Arguments.Length: 1 } invoke when scope.Storage != null
                && Operations.Strip(function) is IParameterReferenceOperation held && scope.Storage.Delegates.TryGetValue(held.Parameter, out var given)
                && Applied(given, Read(invoke.Arguments[0].Value, parameters, depth), parameters, depth) is { } applied:
                return applied; // f(data[i, j]) in Map(f): the function the caller gave
            case IParenthesizedOperation p:
                return Read(p.Operand, parameters, depth);
            case IConversionOperation { OperatorMethod: null } c when MathApi.IsNumeric(c.Type) && MathApi.IsNumeric(c.Operand.Type):
                return Read(c.Operand, parameters, depth);
            case IParameterReferenceOperation pr when parameters != null && parameters.TryGetValue(pr.Parameter, out var bound):
                return bound;
            case IParameterReferenceOperation linq when depth < MaxInlining && MathApi.IsNumeric(linq.Type) && ActivationFlow.LinqElementSource(linq) is { } sequence
                && OfElementsOnly(() => ReadElements(sequence, parameters, depth + 1)) is { } linqElement:
                return linqElement; // e in errors.Zip(o, (e, y) => e * y * (1 - y)): an element of errors
            case IArrayElementReferenceOperation element when scope.ElementParameters != null
                && Operations.ElementRoot(element) is IParameterReferenceOperation arrayParameter
                && scope.ElementParameters.TryGetValue(arrayParameter.Parameter, out var boundElement) && Operations.IsAt(element, boundElement.Indices):
                return boundElement.Element; // a[k] in the helper filling r[k], a[i, j] (a[i][j]) in one filling r[i, j] (r[i][j]): the argument's element
            case ILocalReferenceOperation local when scope.Renamed != null && scope.Renamed.ContainsKey(local.Local):
                return Leaf(local);
            case ILocalReferenceOperation local when depth < MaxInlining && source.SingleDefinition(local, cancellationToken) is { } definition:
                return Read(definition, parameters, depth + 1);
            case ILocalReferenceOperation local when depth < MaxInlining && MathApi.IsNumeric(local.Type) && source.SubtractedInPlace(local, cancellationToken) is var (left, right):
                return Ex.Sub(Read(left, parameters, depth + 1), Read(right, parameters, depth + 1)); // double e = o; e -= t;
            case IMemberReferenceOperation member when depth < MaxInlining && MathApi.IsNumeric(member.Type) && source.SingleMemberDefinition(member, cancellationToken) is { } stored:
                return Read(stored, parameters, depth + 1);
            case IPropertyReferenceOperation { Arguments.IsEmpty: true, Property.GetMethod: { } getter } computed when depth < MaxInlining && MathApi.IsNumeric(computed.Type)
                && !(getter.IsAbstract || getter.IsVirtual || getter.IsOverride) && getter.DeclaringSyntaxReferences.Length > 0 && !Operations.IsAutoProperty(computed.Property)
                && ReceiverKey(computed.Instance, plainOnly: true) is var (known, receiver) && known
                && source.SingleReturn(getter.OriginalDefinition, cancellationToken) is { } returned:
                return Within(scope with { Self = receiver }, () => Read(returned, null, depth + 1)); // Slope => Output * (1 - Output): the getter's body, on its receiver
            case IArrayElementReferenceOperation made when depth < MaxInlining && MathApi.IsNumeric(made.Type)
                && MadeElement(Operations.ElementRoot(made), Operations.AllIndices(made), parameters, depth) is { } madeElement:
                return madeElement; // errors[i] after var errors = o.Zip(t, (a, b) => b - a).ToArray(): t[i] - o[i]; errors[i, j] of a 2-D helper's result
            case IPropertyReferenceOperation { Property.IsIndexer: true, Arguments: [var listAt], Instance: { } madeList } madeRead when depth < MaxInlining
                && MathApi.IsNumeric(madeRead.Type) && IsSequence(madeList.Type) && MadeElement(madeList, ImmutableArray.Create(listAt.Value), parameters, depth) is { } madeListElement:
                return madeListElement; // the same of a list, var errors = o.Zip(t, (a, b) => b - a).ToList()
            case IArrayElementReferenceOperation element when depth < MaxInlining && MathApi.IsNumeric(element.Type)
                && source.SingleElementDefinition(element, cancellationToken) is var (storedElement, indices)
                && IndexKeys(Operations.AllIndices(element)) is { } at && at.Length == indices.Length:
                return Renamed(indices, at, () => Read(storedElement, parameters, depth + 1)); // e[i] (e[i, j]) after e[k] = t[k] - o[k] (e[k, l] = ...)
            case IArrayElementReferenceOperation { Indices: [var filledAt], ArrayReference: var filledArray } filled when depth < MaxInlining && MathApi.IsNumeric(filled.Type)
                && FilledElement(filledArray, filled, filledAt, parameters, depth) is { } filledElement:
                return filledElement; // err[i] after TensorPrimitives.Subtract(p, y, err): p[i] - y[i]
            case IPropertyReferenceOperation { Property.IsIndexer: true, Arguments: [var spanAt], Instance: { } span } spanElement
                when depth < MaxInlining && TensorApi.IsSpan(span.Type) && MathApi.IsNumeric(spanElement.Type) && FilledElement(span, spanElement, spanAt.Value, parameters, depth) is { } filledSpanElement:
                return filledSpanElement; // the same of a span, stackalloc'd or sliced from an array
            case IArrayElementReferenceOperation { Indices.Length: 1 } constantElement when depth < MaxInlining && MathApi.IsNumeric(constantElement.Type)
                && source.StoredAtConstantIndex(constantElement, cancellationToken) is { } storedAt:
                return Read(storedAt, parameters, depth + 1); // errors[0] after errors[0] = t - outputs[0]: a network with one output
            case IPropertyReferenceOperation { Property.IsIndexer: true, Arguments: [var at] } listElement when depth < MaxInlining && MathApi.IsNumeric(listElement.Type)
                && source.SingleAddedElement(listElement, cancellationToken) is var (added, addedAt)
                && OperandKey.Of(at.Value, KeyName, scope.Renamed, scope.Self) is { } atKey:
                return ReadRenamed(added, addedAt, atKey, parameters, depth + 1); // errors[i] after errors.Add(t[k] - o[k]) for k = 0, 1, ...
            case IConversionOperation c when VectorApi.IsVector(c.Type) && (VectorApi.IsVector(c.Operand.Type) || MathApi.IsNumeric(c.Operand.Type)):
                return Read(c.Operand, parameters, depth); // a DenseVector as a Vector<double>, or a number spread over a vector
            case IConversionOperation { OperatorMethod: null, Type.SpecialType: SpecialType.System_ValueType or SpecialType.System_Object } boxed when MathApi.IsNumeric(boxed.Operand.Type):
                return Read(boxed.Operand, parameters, depth); // 1 - x with NDarray's operator -(ValueType, NDarray): the number, boxed
            case IBinaryOperation b when VectorApi.IsElementwise(b):
                // A vector operator that acts element by element: a vector stands for its element, a number for itself.
                return Arithmetic.Apply(b.OperatorKind, Read(b.LeftOperand, parameters, depth), Read(b.RightOperand, parameters, depth)) ?? Leaf(operation);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus, OperatorMethod: not null } u when VectorApi.IsVector(u.Type):
                return Ex.Neg(Read(u.Operand, parameters, depth));
            // Integer division truncates, so it is not the math Ex.Div means.
            case IBinaryOperation { OperatorMethod: null } b when MathApi.IsNumeric(b.Type) && (b.OperatorKind != BinaryOperatorKind.Divide || MathApi.IsReal(b.Type)):
                var arithmetic = Arithmetic.Apply(b.OperatorKind, Read(b.LeftOperand, parameters, depth), Read(b.RightOperand, parameters, depth));
                if (arithmetic != null)
                {
                    return arithmetic;
                }

                break;
            case IUnaryOperation { OperatorMethod: null, OperatorKind: UnaryOperatorKind.Minus } u when MathApi.IsNumeric(u.Type):
                return Ex.Neg(Read(u.Operand, parameters, depth));
            // A generic helper's body (T Sigmoid<T>(T x) where T : IExponentialFunctions<T>): T's constants and operators are a number's.
            case IPropertyReferenceOperation { Instance: null } constantMember when GenericMath.Constant(constantMember.Property) is { } known:
                return Ex.Const(known);
            case IBinaryOperation { OperatorMethod: { } genericOperator } b when GenericMath.IsInterfaceMember(genericOperator) && GenericMath.IsFloatingParameter(b.Type):
                return Arithmetic.Apply(b.OperatorKind, Read(b.LeftOperand, parameters, depth), Read(b.RightOperand, parameters, depth)) ?? Leaf(operation);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus, OperatorMethod: { } genericNegation } u when GenericMath.IsInterfaceMember(genericNegation) && GenericMath.IsFloatingParameter(u.Type):
                return Ex.Neg(Read(u.Operand, parameters, depth));
            case IUnaryOperation { OperatorMethod: null, OperatorKind: UnaryOperatorKind.Plus } u:
                return Read(u.Operand, parameters, depth);
            case IInvocationOperation call when ReadCall(call, parameters, depth) is { } known:
                return known;
            case IArrayElementReferenceOperation { Indices: [var position] } atIndex when scope.Renamed != null
                && Operations.Strip(position) is IParameterReferenceOperation { Parameter: var indexParameter } && scope.Renamed.ContainsKey(indexParameter):
                var indexedLeaf = Leaf(atIndex);
                foreign--; // o[i] in t.Select((ti, i) => ti - o[i]) read at an index: an array's element there, like the ti beside it
                return indexedLeaf;
        }

        return Leaf(operation);
    }

    /// <summary>
    /// A field that holds one constant though not declared <c>const</c> (<c>static double e = 2.71828;</c>), as that constant: asked
    /// of a power's base only, where the number decides whether the power is an exponential, so a field read elsewhere costs no
    /// look at the compilation's stores.
    /// </summary>
    private Expr? NamedConstant(IOperation value) =>
        Operations.Strip(value) is IFieldReferenceOperation field && MathApi.IsReal(field.Type)
        && source.OnlyConstantStored(field.Field, cancellationToken) is { HasValue: true, Value: var only } && MathApi.ToDouble(only) is { } named
            ? Ex.Const(named)
            : null;

    /// <summary>
    /// A power read as the recognizers need it: a positive constant base raised to a variable is an exponential, cᵘ = exp(u·ln c),
    /// so 1 / (1 + Math.Pow(2, -z)) is a sigmoid of z·ln 2; e written out by hand (<c>2.71828</c>, <c>2.718</c>) is e, so
    /// <c>Math.Pow(2.71828, -z)</c> reads as the <c>Math.Exp(-z)</c> its author means. The generator differentiates the number as written.
    /// </summary>
    private static Expr Power(Expr @base, Expr exponent) => @base switch
    {
        Constant { Value: var c } when exponent is not Constant && System.Math.Abs(c - System.Math.E) < 1e-3 => Ex.Call(MathFunction.Exp, exponent),
        Constant { Value: > 0 and not 1 and < double.PositiveInfinity and var c } when exponent is not Constant => Ex.Call(MathFunction.Exp, Ex.Mul(Ex.Const(System.Math.Log(c)), exponent)),
        _ => Ex.Pow(@base, exponent),
    };

    private Expr ReadElements(IOperation operation, IReadOnlyDictionary<IParameterSymbol, Expr>? parameters, int depth)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var value = Operations.Strip(operation);
        if (source.StorageOf(value.Type) != null)
        {
            return ReadOwnElements(value, parameters, depth) ?? Leaf(value);
        }

        if (value is ILocalReferenceOperation or IFieldReferenceOperation && (value.Type is IArrayTypeSymbol { Rank: 1 } || TensorApi.IsSpan(value.Type))
            && Filled(value, operation, scope.ElementIndex, parameters, depth + 1) is { } filled)
        {
            return filled; // err of TensorPrimitives.Multiply(err, s, delta) after Subtract(p, y, err): p - y, element by element
        }

        if (VectorApi.IsVector(value.Type) || value.Type is not IArrayTypeSymbol && !IsSequence(value.Type))
        {
            return Read(value, parameters, depth);
        }

        switch (value)
        {
            case IParameterReferenceOperation p when scope.ElementParameters != null && scope.ElementParameters.TryGetValue(p.Parameter, out var bound):
                return bound.Element;
            case IParameterReferenceOperation p when parameters != null && parameters.TryGetValue(p.Parameter, out var named):
                return named; // a lambda's or a helper's parameter bound to an element already
            case ILocalReferenceOperation local when depth < MaxInlining && source.SingleDefinition(local, cancellationToken) is { } definition
                && Operations.Strip(definition) is IInvocationOperation made:
                // var sp = SigmoidPrime(z); var r = Make(n, m) of a helper that only allocates is a new array, as var r = new double[n][] is
                return source.ReturnsNewArray(made.TargetMethod, cancellationToken) ? ElementLeaf(value) : ReadElements(definition, parameters, depth + 1);
            case IInvocationOperation call when depth < MaxInlining && ReadElementsOfCall(call, parameters, depth) is { } element:
                return element;
        }

        return ElementLeaf(value);
    }

    private Expr? ReadElementsOfCall(IInvocationOperation call, IReadOnlyDictionary<IParameterSymbol, Expr>? parameters, int depth)
    {
        var target = call.TargetMethod;
        var arguments = call.Arguments.Where(a => a.ArgumentKind == ArgumentKind.Explicit).OrderBy(a => a.Parameter?.Ordinal ?? 0).Select(a => a.Value).ToList();
        if (Operations.IsEnumerable(target))
        {
            switch (target.Name, arguments.Count)
            {
                case ("ToArray" or "ToList" or "AsEnumerable", 1):
                    return ReadElements(arguments[0], parameters, depth);
                case ("Select", 2) when Lambda(arguments[1]) is { Symbol.Parameters.Length: 1 } selector:
                    return ReadLambda(selector, new[] { ReadElements(arguments[0], parameters, depth) }, parameters, depth);
                case ("Select", 2) when Lambda(arguments[1]) is null && Applied(arguments[1], ReadElements(arguments[0], parameters, depth), parameters, depth) is { } mapped:
                    return mapped; // outputs.Select(SigmoidDerivative): the method group's one return at each element
                case ("Select", 2) when scope.ElementIndex != null && Lambda(arguments[1]) is { Symbol.Parameters: [_, { Type.SpecialType: SpecialType.System_Int32 } position] } indexed:
                    // t.Select((ti, i) => ti - o[i]) read at index k: ti is t[k], and i is k.
                    var at = scope.ElementIndex;
                    var selected = ReadElements(arguments[0], parameters, depth);
                    return Renamed(position, at, () => ReadLambda(indexed, new[] { selected }, parameters, depth));
                case ("Zip", 3) when Lambda(arguments[2]) is { Symbol.Parameters.Length: 2 } zipper:
                    return ReadLambda(zipper, new[] { ReadElements(arguments[0], parameters, depth), ReadElements(arguments[1], parameters, depth) }, parameters, depth);
                default:
                    return null;
            }
        }

        if (target.IsAbstract || target.DeclaringSyntaxReferences.Length == 0 || !Operations.ArgumentsMatchParameters(call))
        {
            return null;
        }

        var names = new Dictionary<IParameterSymbol, Expr>(SymbolEqualityComparer.Default);
        var elements = new Dictionary<IParameterSymbol, Expr>(SymbolEqualityComparer.Default);
        foreach (var argument in call.Arguments)
        {
            var parameter = target.OriginalDefinition.Parameters[argument.Parameter!.Ordinal];
            if (parameter.Type is IArrayTypeSymbol || IsSequence(parameter.Type))
            {
                elements[parameter] = ReadElements(argument.Value, parameters, depth);
            }
            else
            {
                names[parameter] = Read(argument.Value, parameters, depth);
            }
        }

        return ReadHelperElements(target.OriginalDefinition, names, elements, depth + 1);
    }

    /// <summary>The element a helper returns, its numeric parameters bound in <paramref name="names"/> and its array parameters' elements in <paramref name="elements"/> (null: as the variables in names).</summary>
    private Expr? ReadHelperElements(IMethodSymbol method, Dictionary<IParameterSymbol, Expr> names, Dictionary<IParameterSymbol, Expr>? elements, int depth)
    {
        if (depth >= MaxInlining || method.ReturnType is not IArrayTypeSymbol && !IsSequence(method.ReturnType))
        {
            return null;
        }

        elements ??= method.Parameters.Where(p => p.Type is IArrayTypeSymbol || IsSequence(p.Type)).ToDictionary(p => p, p => names[p], (IEqualityComparer<IParameterSymbol>)SymbolEqualityComparer.Default);
        if (source.ReturnedElement(method, cancellationToken) is var (stored, indices))
        {
            return WithElementParameters(elements, indices, () => Read(stored, names, depth));
        }

        return source.SingleReturn(method, cancellationToken) is { } returned
            ? WithElementParameters(elements, default, () => ReadElements(returned, names, depth)) // => a.Zip(b, (x, y) => x - y).ToArray()
            : null;
    }

    private Expr WithElementParameters(Dictionary<IParameterSymbol, Expr> elements, ImmutableArray<ISymbol> indices, System.Func<Expr> read)
    {
        var bound = new Dictionary<IParameterSymbol, (Expr, ImmutableArray<ISymbol>)>(SymbolEqualityComparer.Default);
        foreach (var pair in elements)
        {
            bound[pair.Key] = (pair.Value, indices);
        }

        return Within(scope with { ElementParameters = bound }, read);
    }

    /// <summary>A lambda's one returned value, its parameters bound to <paramref name="arguments"/> (and the enclosing <paramref name="parameters"/> still bound).</summary>
    private Expr? ReadLambda(IAnonymousFunctionOperation lambda, Expr[] arguments, IReadOnlyDictionary<IParameterSymbol, Expr>? parameters, int depth)
    {
        if (Operations.SingleReturned(lambda) is not { } returned)
        {
            return null;
        }

        var bound = new Dictionary<IParameterSymbol, Expr>(SymbolEqualityComparer.Default);
        foreach (var outer in parameters ?? new Dictionary<IParameterSymbol, Expr>(SymbolEqualityComparer.Default))
        {
            bound[outer.Key] = outer.Value; // the lambda can read the helper's parameters too
        }

        for (var i = 0; i < arguments.Length; i++)
        {
            bound[lambda.Symbol.Parameters[i]] = arguments[i];
        }

        return Within(scope with { ElementIndex = null }, () => Read(returned, bound, depth + 1)); // the body's own collections are not read at the caller's index
    }

    private static IAnonymousFunctionOperation? Lambda(IOperation value) => Operations.Strip(value) switch
    {
        IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda } => lambda,
        IAnonymousFunctionOperation lambda => lambda,
        _ => null,
    };

    /// <summary>IEnumerable&lt;double&gt;, List&lt;double&gt; and their kin: sequences of numbers, read element by element like arrays.</summary>
    private static bool IsSequence(ITypeSymbol? type) =>
        type is INamedTypeSymbol { TypeArguments.Length: 1 } named && MathApi.IsNumeric(named.TypeArguments[0])
        && named.Name is "IEnumerable" or "List" or "IList" or "IReadOnlyList";

    private Expr ReadRenamed(IOperation value, ILocalSymbol index, string at, IReadOnlyDictionary<IParameterSymbol, Expr>? parameters, int depth) =>
        Renamed(index, at, () => Read(value, parameters, depth));

    /// <summary>Reads with the local or index parameter <paramref name="index"/> keyed as <paramref name="at"/>.</summary>
    private T Renamed<T>(ISymbol index, string at, System.Func<T> read) => Renamed(ImmutableArray.Create(index), new[] { at }, read);

    /// <summary>Reads with each index (a local, or a <c>Parallel.For</c> body's index parameter) of <paramref name="indices"/> keyed as the key at its place in <paramref name="at"/>.</summary>
    private T Renamed<T>(ImmutableArray<ISymbol> indices, string[] at, System.Func<T> read)
    {
        var outer = scope.Renamed;
        var inner = outer is null ? new Dictionary<ISymbol, string>(SymbolEqualityComparer.Default) : new Dictionary<ISymbol, string>(outer, SymbolEqualityComparer.Default);
        for (var i = 0; i < indices.Length; i++)
        {
            inner[indices[i]] = at[i];
        }

        return Within(scope with { Renamed = inner }, read);
    }

    private Expr? ReadCall(IInvocationOperation call, IReadOnlyDictionary<IParameterSymbol, Expr>? parameters, int depth)
    {
        var target = call.TargetMethod;
        if (VectorApi.IsVector(call.Type) && ReadVectorCall(call, parameters, depth) is { } elementwise)
        {
            return elementwise;
        }

        if (!Operations.ArgumentsMatchParameters(call))
        {
            return null;
        }

        var args = call.Arguments.OrderBy(a => a.Parameter!.Ordinal).Select(a => Read(a.Value, parameters, depth)).ToArray();
        if (GenericMath.IsConversion(target) && GenericMath.IsFloatingParameter(target.ReturnType))
        {
            return args[0]; // T.CreateChecked(x): x as a T
        }

        if (target.IsStatic && (MathApi.IsRecognizedMathType(target.ContainingType) || (GenericMath.IsInterfaceMember(target) && GenericMath.IsFloatingParameter(target.ReturnType))))
        {
            if (args.Length == 1 && MathApi.Functions.TryGetValue(target.Name, out var f))
            {
                return Ex.Call(f, args[0]);
            }

            return (args.Length, target.Name) switch
            {
                (2, "Pow") => Power(NamedConstant(call.Arguments.First(a => a.Parameter!.Ordinal == 0).Value) ?? args[0], args[1]),
                (2, "Max") => Ex.Max(args[0], args[1]),
                (2, "Min") => Ex.Min(args[0], args[1]),
                (3, "Clamp") => Ex.Clamp(args[0], args[1], args[2]),
                _ => null,
            };
        }

        // A helper of numbers with one return (Sigmoid, Derivative, SquaredError by any name) is its body.
        // A helper of vectors that returns a vector (SigmoidPrime(z) => Sigmoid(z).PointwiseMultiply(1 - Sigmoid(z))) is its body too, element by element.
        // An interface or virtual call (loss.Derivative(output, target)) is the body of the implementation its receiver runs, where that is known.
        // A helper that also takes a choice (an enum, a bool or a string) given a constant at the call is the branch that constant takes
        // (Slope(o, Kind.Sigmoid) of a helper that switches on its kind), and so is one that tests a setting of its object the program
        // stores one constant into (Slope(y) switching on the layer's act, every layer made new Layer(n, "sigmoid")).
        var ofVectors = VectorApi.IsVector(target.ReturnType);
        var chosen = ConstantSelection.Choices(call, source, cancellationToken);
        // A method of no arguments is read only on an object whose members have a key (this, n, layer.Neurons[i]): n.Slope() with
        // Slope() => Output * (1 - Output) is n.Output * (1 - n.Output); one of numbers alone would be a constant or a leaf anyway.
        var (receiverKnown, receiver) = target.IsStatic ? (true, scope.Self) : ReceiverKey(call.Instance, plainOnly: args.Length == 0);
        if (depth >= MaxInlining || (args.Length == 0 && (target.IsStatic || !receiverKnown)) || args.Length > 4
            || target.Parameters.Any(p => !(MathApi.IsNumeric(p.Type) || (ofVectors && VectorApi.IsVector(p.Type)) || chosen?.ContainsKey(p.OriginalDefinition) == true) || p.RefKind != RefKind.None)
            || !(ofVectors || MathApi.IsNumeric(target.ReturnType)))
        {
            return null;
        }

        var method = (target.IsAbstract || target.IsVirtual || target.IsOverride ? dispatch?.Invoke(call) : null) ?? target;
        var returns = SymbolEqualityComparer.Default.Equals(method, target) ? source.ReturnsOf(method.OriginalDefinition, cancellationToken) : null;
        chosen = returns is null ? chosen : ConstantSelection.WithSettings(chosen, returns, source, cancellationToken); // Slope(y) switching on the layer's act
        var body = returns is null ? source.SingleReturn(method, cancellationToken)
            : chosen is null ? (returns.Count == 1 ? returns[0] : null)
            : ConstantSelection.Returned(returns, chosen);
        if (body is null)
        {
            return null;
        }

        var bound = new Dictionary<IParameterSymbol, Expr>(SymbolEqualityComparer.Default);
        for (var i = 0; i < args.Length; i++)
        {
            bound[method.OriginalDefinition.Parameters[i]] = args[i];
        }

        return Within(scope with { Self = receiver }, () => Read(body, bound, depth + 1));
    }

    /// <summary>
    /// A member read as the one value the compilation stores into it (<paramref name="stored"/>, found by the caller), read where it is
    /// stored with <c>this</c> standing for the read's receiver: <c>n.Derivative</c> after <c>Derivative = Output * (1 - Output)</c> in the
    /// neuron's own method is <c>n.Output * (1 - n.Output)</c>. A leaf where the receiver is not storage.
    /// </summary>
    public Expr ReadStored(IMemberReferenceOperation read, IOperation stored) =>
        ReceiverKey(read.Instance, plainOnly: true) is (true, var receiver) ? Within(scope with { Self = receiver }, () => Read(stored, null, 1)) : Leaf(read);

    /// <summary>
    /// The key of the object a method or getter runs on, for <see cref="Scope.Self"/> while its body is read: this object's own (the
    /// caller's <c>this</c>), that of a receiver held in storage (<c>n</c>, <c>layer.Neurons[i]</c>), or, unless
    /// <paramref name="plainOnly"/>, a key unique to the receiver's operation (a call's result), so that no member read in the body is
    /// taken for the caller's own. Not known for a receiver that is not storage when <paramref name="plainOnly"/>.
    /// </summary>
    private (bool Known, string? Key) ReceiverKey(IOperation? instance, bool plainOnly)
    {
        var receiver = instance is null ? null : Operations.Strip(instance);
        if (receiver is null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance })
        {
            return (true, scope.Self);
        }

        if (OperandKey.Of(receiver, KeyName, scope.Renamed, scope.Self) is { } key)
        {
            return (true, key);
        }

        if (plainOnly)
        {
            return (false, null);
        }

        var unique = new System.Text.StringBuilder();
        OperandKey.AppendOf(unique, receiver, KeyName, scope.Renamed, scope.Self);
        return (true, unique.ToString());
    }

    /// <summary>
    /// The element at <paramref name="at"/> of a local array or list a call made (<c>errors</c> of <c>var errors = o.Zip(t, (a, b) =&gt; b - a).ToArray()</c>
    /// or <c>.ToList()</c>, or of an array helper's result) or a list copied from a sequence (<c>new List&lt;double&gt;(...)</c>), read as
    /// that call's or sequence's element there, where it is a function of plain arrays' elements; null otherwise.
    /// </summary>
    private Expr? MadeElement(IOperation collection, ImmutableArray<IOperation> at, IReadOnlyDictionary<IParameterSymbol, Expr>? parameters, int depth)
    {
        if (Operations.Strip(collection) is not ILocalReferenceOperation local || source.SingleDefinition(local, cancellationToken) is not { } making
            || IndexKey(at) is not { } key)
        {
            return null;
        }

        return Operations.Strip(making) switch
        {
            IInvocationOperation call => Within(scope with { ElementIndex = key }, () => OfElementsOnly(() => ReadElementsOfCall(call, parameters, depth + 1))),
            IObjectCreationOperation { Arguments: [{ Value: var copied }] } list when IsSequence(list.Type) && IsSequence(copied.Type) =>
                Within(scope with { ElementIndex = key }, () => OfElementsOnly(() => ReadElements(copied, parameters, depth + 1))), // new List<double>(o.Zip(...))
            _ => null,
        };
    }

    /// <summary>
    /// The element at <paramref name="at"/> of a buffer a <c>TensorPrimitives</c> call fills element by element (the fill the read sees,
    /// <see cref="IValueSource.FilledBy"/>): what the call computes from its inputs' elements there, <c>p[i] - y[i]</c> for <c>err[i]</c>
    /// after <c>Subtract(p, y, err)</c>. Null for any other buffer.
    /// </summary>
    private Expr? FilledElement(IOperation buffer, IOperation read, IOperation at, IReadOnlyDictionary<IParameterSymbol, Expr>? parameters, int depth) =>
        OperandKey.Of(at, KeyName, scope.Renamed, scope.Self) is { } index ? Filled(buffer, read, index, parameters, depth) : null;

    /// <summary>
    /// What the fill of <paramref name="buffer"/> that <paramref name="use"/> sees computes at the element <paramref name="index"/> names
    /// (null: the buffer read element by element, as <see cref="ReadElements(IOperation)"/> reads an array): a span or array input stands
    /// for its element there, read through the fill it had in turn (<c>s</c> in <c>Multiply(s, p, s)</c> after <c>Subtract(1f, p, s)</c> is
    /// <c>1 - p</c>), a number for itself. Null for a buffer no such call fills, and for <c>SoftMax</c>, whose element depends on every input element.
    /// </summary>
    private Expr? Filled(IOperation buffer, IOperation use, string? index, IReadOnlyDictionary<IParameterSymbol, Expr>? parameters, int depth)
    {
        if (depth >= MaxInlining || source.FilledBy(buffer, use, cancellationToken) is not { TargetMethod.Name: var name and not "SoftMax" } call
            || TensorApi.InputsOf(name) is not int count || call.Arguments.Length != count + 1)
        {
            return null;
        }

        var inputs = new Expr[count];
        for (var k = 0; k < count; k++)
        {
            var input = Operations.SpanOf(call.Arguments[k].Value);
            if (MathApi.IsNumeric(input.Type))
            {
                inputs[k] = Read(input, parameters, depth + 1);
            }
            else if ((Filled(input, call, index, parameters, depth + 1) ?? BufferLeaf(input, index)) is { } element)
            {
                inputs[k] = element;
            }
            else
            {
                return null;
            }
        }

        return TensorApi.Element(name, inputs);
    }

    /// <summary>The variable a buffer's element at <paramref name="index"/> is (the whole buffer's, read element by element, for null), or null for a buffer with no key.</summary>
    private Expr? BufferLeaf(IOperation buffer, string? index)
    {
        if (OperandKey.Of(buffer, KeyName, scope.Renamed, scope.Self) is not { } key)
        {
            return null;
        }

        leaves++;
        return Ex.Var(index is null ? "⟨" + key + "⟩" : "⟨" + key + "[" + index + "]⟩");
    }

    /// <summary>The key of the indices an element is read at (<c>i</c>; <c>i,j</c> for two dimensions), or null when one has none.</summary>
    private string? IndexKey(ImmutableArray<IOperation> at) =>
        !at.IsDefault && at.Length == 1 ? OperandKey.Of(at[0], KeyName, scope.Renamed, scope.Self) : IndexKeys(at) is { } keys ? string.Join(",", keys) : null;

    /// <summary>The key of each index an element is read at, or null when one has none.</summary>
    private string[]? IndexKeys(ImmutableArray<IOperation> at)
    {
        if (at.IsDefaultOrEmpty)
        {
            return null; // e[ half-typed
        }

        var keys = new string[at.Length];
        for (var i = 0; i < at.Length; i++)
        {
            if (OperandKey.Of(at[i], KeyName, scope.Renamed, scope.Self) is not { } key)
            {
                return null;
            }

            keys[i] = key;
        }

        return keys;
    }

    /// <summary>
    /// What <paramref name="read"/> reads, where that is a function of plain arrays' elements alone (no other opaque leaf was made
    /// reading it); null otherwise, with the reading's leaves uncounted.
    /// </summary>
    private Expr? OfElementsOnly(System.Func<Expr?> read)
    {
        var (leavesBefore, foreignBefore) = (leaves, foreign);
        var element = read();
        if (element != null && foreign == foreignBefore)
        {
            return element;
        }

        (leaves, foreign) = (leavesBefore, foreignBefore);
        return null;
    }

    /// <summary>The leaf an array read element by element is: its element at <see cref="Scope.ElementIndex"/> while one is read at an index.</summary>
    private Expr ElementLeaf(IOperation array)
    {
        if (scope.ElementIndex is null || array.Type is not IArrayTypeSymbol || OperandKey.Of(array, KeyName, scope.Renamed, scope.Self) is not { } key)
        {
            var leaf = Leaf(array);
            foreign -= array.Type is IArrayTypeSymbol || IsSequence(array.Type) ? 1 : 0; // an array or list standing for its element
            return leaf;
        }

        leaves++;
        return Ex.Var("⟨" + key + "[" + scope.ElementIndex + "]⟩");
    }

    /// <summary>
    /// A library call that acts on every element of a vector (<see cref="VectorApi"/>): <c>a.PointwiseMultiply(b)</c>,
    /// <c>v.PointwiseExp()</c>, <c>np.exp(v)</c>, <c>v.Negate()</c>, <c>v.Map(x =&gt; ...)</c>, read as what it does to one element.
    /// </summary>
    private Expr? ReadVectorCall(IInvocationOperation call, IReadOnlyDictionary<IParameterSymbol, Expr>? parameters, int depth)
    {
        if (VectorApi.BinaryCall(call) is var (kind, left, right))
        {
            return Arithmetic.Apply(kind, Read(left, parameters, depth), Read(right, parameters, depth));
        }

        if (VectorApi.FunctionCall(call) is var (function, operand))
        {
            return Ex.Call(function, Read(operand, parameters, depth));
        }

        if (VectorApi.IsNegation(call, out var negated))
        {
            return Ex.Neg(Read(negated!, parameters, depth));
        }

        if (call is { TargetMethod.Name: "Clone", Arguments.IsEmpty: true, Instance: { } copied } && VectorApi.IsVector(copied.Type))
        {
            return Read(copied, parameters, depth); // outputs.Clone().Map(...): a copy holds the same elements
        }

        if (depth >= MaxInlining || VectorApi.MapCall(call) is not var (mapped, vector) || mapped is not IDelegateCreationOperation { Target: var held })
        {
            return null;
        }

        // v.Map(f): f's body with its parameter standing for v's element.
        return Applied(held, Read(vector, parameters, depth), parameters, depth);
    }
}
