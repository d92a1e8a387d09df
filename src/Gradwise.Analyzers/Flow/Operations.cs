using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Gradwise.Flow;

/// <summary>Small questions about one operation that every part of the flow layer asks.</summary>
internal static class Operations
{
    /// <summary>The operation without parentheses and built-in conversions around it.</summary>
    public static IOperation Strip(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IParenthesizedOperation p:
                    operation = p.Operand;
                    continue;
                case IConversionOperation { OperatorMethod: null } c:
                    operation = c.Operand;
                    continue;
                default:
                    return operation;
            }
        }
    }

    /// <summary>True when each argument of <paramref name="call"/> is bound to a parameter of its own (none missing, none packed into a <c>params</c> array).</summary>
    public static bool ArgumentsMatchParameters(IInvocationOperation call) =>
        !call.Arguments.Any(a => a.Parameter is null || a.ArgumentKind == ArgumentKind.ParamArray);

    /// <summary>The value passed for the parameter at <paramref name="ordinal"/> (by position or by name), or null when none is (a default left out).</summary>
    public static IOperation? ArgumentAt(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, int ordinal)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Ordinal == ordinal)
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>True for the constructor a type's parameter list declares (<c>record Result(double Output)</c>, <c>class Neuron(double bias)</c>).</summary>
    public static bool IsPrimaryConstructor(IMethodSymbol method) =>
        method.MethodKind == MethodKind.Constructor && method.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax);

    /// <summary>True for a member of <c>System.Linq.Enumerable</c> (the name is tested first: this is asked of many calls).</summary>
    public static bool IsEnumerable(IMethodSymbol method) =>
        method.ContainingType?.Name == "Enumerable" && method.ContainingType.ToDisplayString() == "System.Linq.Enumerable";

    /// <summary>An array, or a type that is a sequence (a list, an <c>IReadOnlyList&lt;T&gt;</c>), strings left out.</summary>
    public static bool IsCollectionType(ITypeSymbol? type) =>
        type is IArrayTypeSymbol || (type is INamedTypeSymbol named && named.AllInterfaces.Any(i => i.Name == "IEnumerable") && type.SpecialType != SpecialType.System_String);

    /// <summary>The root of the operation tree (a method body, an initializer).</summary>
    public static IOperation Root(IOperation operation)
    {
        while (operation.Parent != null)
        {
            operation = operation.Parent;
        }

        return operation;
    }

    /// <summary>The argument a lambda is handed as (through its delegate creation and conversions), or null.</summary>
    public static IArgumentOperation? HandedAs(IAnonymousFunctionOperation function)
    {
        IOperation current = function;
        while (current.Parent is IDelegateCreationOperation or IConversionOperation)
        {
            current = current.Parent;
        }

        return current.Parent as IArgumentOperation;
    }

    /// <summary>
    /// The argument the lambda whose parameter <paramref name="reference"/> reads is handed as (<c>x =&gt; ...</c> of
    /// <c>xs.Select(x =&gt; ...)</c>), or null for a method's own parameter or a lambda stored or called.
    /// </summary>
    public static IArgumentOperation? LambdaArgument(IParameterReferenceOperation reference)
    {
        if (reference.Parameter.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } lambda)
        {
            return null;
        }

        for (IOperation? current = reference; current != null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation function && SymbolEqualityComparer.Default.Equals(function.Symbol, lambda))
            {
                return HandedAs(function);
            }
        }

        return null;
    }

    /// <summary>
    /// The instance method (an ordinary one, not a constructor or accessor) whose body holds <paramref name="inside"/>, or null: the
    /// method whose calls' receivers are the objects the operation runs on.
    /// </summary>
    public static IMethodSymbol? InstanceMethodOf(IOperation inside, System.Threading.CancellationToken cancellationToken) =>
        Root(inside) is var root && root.SemanticModel?.GetDeclaredSymbol(root.Syntax, cancellationToken) is IMethodSymbol { IsStatic: false, MethodKind: MethodKind.Ordinary } method
            ? method
            : null;

    /// <summary>The symbol a reference names: a local, parameter, field or property.</summary>
    /// <summary>
    /// The operations under <paramref name="root"/> that write <paramref name="symbol"/>: an assignment (plain or compound), an increment
    /// or decrement, a declarator with an initializer, and an argument handed by <c>ref</c> or <c>out</c>.
    /// </summary>
    public static IEnumerable<IOperation> WritesOf(IOperation root, ISymbol symbol) =>
        root.Descendants().Where(o => o switch
        {
            ISimpleAssignmentOperation a => Refers(a.Target, symbol),
            ICompoundAssignmentOperation c => Refers(c.Target, symbol),
            IIncrementOrDecrementOperation i => Refers(i.Target, symbol),
            IVariableDeclaratorOperation d => d.GetVariableInitializer() != null && SymbolEqualityComparer.Default.Equals(d.Symbol, symbol),
            IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } r => Refers(r.Value, symbol),
            _ => false,
        });

    private static bool Refers(IOperation target, ISymbol symbol) => SymbolEqualityComparer.Default.Equals(ReferencedSymbol(target), symbol);

    /// <summary>The array or collection under a span made of it: <c>o</c> of the implicit conversion to <c>Span&lt;float&gt;</c>, of <c>o.AsSpan()</c>.</summary>
    public static IOperation SpanOf(IOperation operation) => Strip(operation) switch
    {
        IConversionOperation { Type.Name: "Span" or "ReadOnlySpan" } conversion => SpanOf(conversion.Operand),
        IInvocationOperation { TargetMethod.Name: "AsSpan", Arguments: [var whole, ..] } call when call.Instance is null => SpanOf(whole.Value),
        IInvocationOperation { TargetMethod.Name: "AsSpan", Instance: { } whole } => SpanOf(whole),
        var other => other,
    };

    public static ISymbol? ReferencedSymbol(IOperation operation) => Strip(operation) switch
    {
        ILocalReferenceOperation l => l.Local,
        IFieldReferenceOperation f => f.Field.OriginalDefinition,
        IPropertyReferenceOperation p => p.Property.OriginalDefinition,
        IParameterReferenceOperation p => p.Parameter,
        _ => null,
    };

    /// <summary>
    /// For a local, member or element a deconstruction writes (<c>a</c> in <c>var (a, b) = F();</c>, <c>(a, (b, c)) = t;</c> or
    /// <c>(Sum, Output) = t;</c>): the value deconstructed and the tuple element indices that lead from it to the target. Null for
    /// any other operation.
    /// </summary>
    public static (IOperation Value, int[] Path)? Deconstructed(IOperation target)
    {
        List<int>? path = null; // made at the first tuple: most operations asked (every local a search reads) are in none
        for (var current = target; current.Parent is { } parent; current = parent)
        {
            switch (parent)
            {
                case ITupleOperation tuple:
                    (path ??= new List<int>()).Insert(0, tuple.Elements.IndexOf(current));
                    break;
                case IDeclarationExpressionOperation or IConversionOperation or IParenthesizedOperation:
                    break;
                case IDeconstructionAssignmentOperation deconstruction when deconstruction.Target == current:
                    return path is { Count: > 0 } ? (deconstruction.Value, path.ToArray()) : null;
                default:
                    return null;
            }
        }

        return null;
    }

    /// <summary>
    /// Where <paramref name="local"/> sits in a <c>foreach</c> that deconstructs its elements (<c>foreach (var (o, t) in pairs)</c>):
    /// the tuple element indices that lead to it. Null for a loop variable that is not deconstructed, or another local.
    /// </summary>
    public static int[]? LoopVariablePath(IForEachLoopOperation loop, ILocalSymbol local)
    {
        if (loop.LoopControlVariable is not { } variable || variable is not (IDeclarationExpressionOperation or ITupleOperation))
        {
            return null; // foreach (var layer in layers): no deconstruction, and no path to build
        }

        var path = new List<int>();
        return Find(variable) && path.Count > 0 ? path.ToArray() : null;

        bool Find(IOperation operation)
        {
            switch (operation)
            {
                case IDeclarationExpressionOperation declaration:
                    return Find(declaration.Expression);
                case ITupleOperation tuple:
                    for (var i = 0; i < tuple.Elements.Length; i++)
                    {
                        path.Add(i);
                        if (Find(tuple.Elements[i]))
                        {
                            return true;
                        }

                        path.RemoveAt(path.Count - 1);
                    }

                    return false;
                case ILocalReferenceOperation reference:
                    return SymbolEqualityComparer.Default.Equals(reference.Local, local);
                default:
                    return false;
            }
        }
    }

    /// <summary>The references in a deconstruction's target that name the locals it writes.</summary>
    public static IEnumerable<ILocalReferenceOperation> DeconstructedLocals(IDeconstructionAssignmentOperation deconstruction) =>
        deconstruction.Target.DescendantsAndSelf().OfType<ILocalReferenceOperation>().Where(r => Deconstructed(r) != null);

    /// <summary>
    /// For an operation that reads one element of a tuple: the tuple and the element indices that lead to it. A local, member or
    /// element a deconstruction writes (<see cref="Deconstructed"/>), or a tuple element field read from a tuple (<c>r.Item2</c>,
    /// <c>r.Probability</c>). Null for anything else.
    /// </summary>
    public static (IOperation Tuple, int[] Path)? TupleElementOf(IOperation value) => value switch
    {
        ILocalReferenceOperation local => Deconstructed(local),
        IFieldReferenceOperation or IPropertyReferenceOperation or IArrayElementReferenceOperation when value.Parent is ITupleOperation && Deconstructed(value) is { } written => written,
        IFieldReferenceOperation { Instance: { } tuple } element when TupleIndex(element.Field) is { } position => (tuple, new[] { position }),
        _ => null,
    };

    /// <summary>The position of a tuple element field (<c>t.Item2</c>, <c>t.Output</c>) in its tuple, or null.</summary>
    public static int? TupleIndex(IFieldSymbol field)
    {
        if (field.ContainingType is not { IsTupleType: true } tuple)
        {
            return null;
        }

        var elements = tuple.TupleElements;
        for (var i = 0; i < elements.Length; i++)
        {
            if (SymbolEqualityComparer.Default.Equals(elements[i], field) || SymbolEqualityComparer.Default.Equals(elements[i].CorrespondingTupleField, field.CorrespondingTupleField ?? field))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>An auto-property: its getter has no body, so the property is storage (what is written to it is what is read).</summary>
    public static bool IsAutoProperty(IPropertySymbol property) =>
        property.GetMethod is { } getter && getter.DeclaringSyntaxReferences.Length > 0
        && getter.DeclaringSyntaxReferences.All(r => r.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.AccessorDeclarationSyntax { Body: null, ExpressionBody: null }
            or Microsoft.CodeAnalysis.CSharp.Syntax.ParameterSyntax); // a record's positional property: its accessors are the compiler's

    /// <summary>The constant value as a double, if it is a number.</summary>
    public static double? Number(IOperation operation) =>
        Strip(operation).ConstantValue is { HasValue: true, Value: var value } ? Frontend.MathApi.ToDouble(value) : null;

    /// <summary>
    /// A lambda's one returned value (<c>v =&gt; v * v</c>, or a block with one <c>return</c>); null when it returns in more places, a
    /// lambda inside it included, or returns nothing.
    /// </summary>
    public static IOperation? SingleReturned(IAnonymousFunctionOperation lambda)
    {
        IOperation? single = null;
        foreach (var returned in lambda.Body.Descendants().OfType<IReturnOperation>())
        {
            if (returned.ReturnedValue is null)
            {
                continue;
            }

            if (single != null)
            {
                return null;
            }

            single = returned.ReturnedValue;
        }

        return single;
    }

    /// <summary>True when the operation is inside a lambda or local function below <paramref name="root"/>.</summary>
    public static bool IsInsideFunction(IOperation operation, IOperation root)
    {
        for (var p = operation.Parent; p != null && p != root; p = p.Parent)
        {
            if (p is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The locals an array element is read or stored at, one per dimension (<c>i</c> of <c>r[i]</c>, <c>i, j</c> of <c>r[i, j]</c>), when each
    /// index is a plain local and no two are the same; default otherwise (<c>r[i, i]</c>, <c>r[i + 1]</c>, <c>r[0, j]</c>).
    /// </summary>
    public static ImmutableArray<ISymbol> IndexLocals(IArrayElementReferenceOperation element)
    {
        var all = AllIndices(element);
        if (all.IsDefault)
        {
            return default; // r[ half-typed
        }

        var locals = ImmutableArray.CreateBuilder<ISymbol>(all.Length);
        foreach (var index in all)
        {
            if (IndexVariable(index) is not { } local || locals.Contains(local, SymbolEqualityComparer.Default))
            {
                return default;
            }

            locals.Add(local);
        }

        return locals.MoveToImmutable();
    }

    /// <summary>
    /// The variable an index reads: a local, or the index parameter of a lambda <c>Parallel.For(from, to, i =&gt; ...)</c> runs for
    /// each index in turn (a counting loop whose passes may run at once); null for anything else.
    /// </summary>
    public static ISymbol? IndexVariable(IOperation index) => Strip(index) switch
    {
        ILocalReferenceOperation { Local: var local } => local,
        IParameterReferenceOperation { Parameter: { Ordinal: 0, ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } } parameter } read
            when IsParallelForBody(read, parameter) => parameter,
        _ => null,
    };

    private static bool IsParallelForBody(IOperation read, IParameterSymbol parameter)
    {
        for (var at = read.Parent; at != null; at = at.Parent)
        {
            if (at is IAnonymousFunctionOperation lambda && SymbolEqualityComparer.Default.Equals(lambda.Symbol, parameter.ContainingSymbol))
            {
                return Strip(lambda.Parent is IDelegateCreationOperation made ? made : lambda).Parent is IArgumentOperation { Parameter.Ordinal: 2, Parent: IInvocationOperation
                {
                    TargetMethod: { Name: "For", ContainingType: { Name: "Parallel", ContainingNamespace: { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace.Name: "System" } } } },
                    Arguments.Length: 3,
                } };
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="element"/> is read at exactly the locals <paramref name="indices"/>, in their order (<c>a[i, j]</c> or
    /// <c>a[i][j]</c>, not <c>a[j, i]</c>).
    /// </summary>
    public static bool IsAt(IArrayElementReferenceOperation element, ImmutableArray<ISymbol> indices) =>
        !indices.IsDefaultOrEmpty && AllIndices(element) is { IsDefault: false } all && all.Length == indices.Length
        && all.Zip(indices, (at, local) => SymbolEqualityComparer.Default.Equals(IndexVariable(at), local)).All(same => same);

    /// <summary>
    /// Every index of an element access, the outermost array's first: <c>i, j</c> of <c>r[i, j]</c> and of the jagged <c>r[i][j]</c>;
    /// default where a level has none (<c>r[</c> half-typed).
    /// </summary>
    public static ImmutableArray<IOperation> AllIndices(IArrayElementReferenceOperation element)
    {
        var levels = new List<ImmutableArray<IOperation>>();
        for (IOperation? level = element; level is IArrayElementReferenceOperation access; level = Strip(access.ArrayReference))
        {
            if (access.Indices.IsEmpty)
            {
                return default;
            }

            levels.Add(access.Indices);
        }

        if (levels.Count == 1)
        {
            return levels[0];
        }

        levels.Reverse();
        return levels.SelectMany(l => l).ToImmutableArray();
    }

    /// <summary>The array an element access reads through every level: <c>r</c> of <c>r[i]</c>, <c>r[i, j]</c> and <c>r[i][j]</c>.</summary>
    public static IOperation ElementRoot(IArrayElementReferenceOperation element)
    {
        var array = Strip(element.ArrayReference);
        while (array is IArrayElementReferenceOperation outer)
        {
            array = Strip(outer.ArrayReference);
        }

        return array;
    }

    /// <summary>The collection <paramref name="element"/> reads at <paramref name="index"/> (<c>xs[i]</c> of an array or list), or null.</summary>
    public static IOperation? IndexedBy(IOperation element, ILocalSymbol index)
    {
        bool Is(IOperation at) => Strip(at) is ILocalReferenceOperation { Local: var local } && SymbolEqualityComparer.Default.Equals(local, index);
        return Strip(element) switch
        {
            IArrayElementReferenceOperation { Indices: [var at], ArrayReference: var array } when Is(at) => array,
            IPropertyReferenceOperation { Property.IsIndexer: true, Arguments: [var at], Instance: { } list } when Is(at.Value) => list,
            _ => null,
        };
    }

    /// <summary>
    /// True when <paramref name="later"/> runs only after <paramref name="earlier"/> in one run of their body: it starts after it, and no
    /// loop around <paramref name="earlier"/> holds it as well (a loop would run it before the next pass reaches <paramref name="earlier"/>).
    /// </summary>
    public static bool ComesAfter(IOperation later, IOperation earlier)
    {
        // A lambda or local function runs when it is called: one written after a read can run before it.
        if (later.Syntax.SpanStart < earlier.Syntax.Span.End || IsInsideFunction(later, Root(later)) || IsInsideFunction(earlier, Root(earlier)))
        {
            return false;
        }

        for (var parent = earlier.Parent; parent != null; parent = parent.Parent)
        {
            if (parent is ILoopOperation && parent.Syntax.Span.Contains(later.Syntax.Span))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The comparison read with its operands swapped: <c>b &gt; a</c> for <c>a &lt; b</c>; equality and the rest as they are.</summary>
    public static BinaryOperatorKind Mirrored(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.LessThan => BinaryOperatorKind.GreaterThan,
        BinaryOperatorKind.LessThanOrEqual => BinaryOperatorKind.GreaterThanOrEqual,
        BinaryOperatorKind.GreaterThan => BinaryOperatorKind.LessThan,
        BinaryOperatorKind.GreaterThanOrEqual => BinaryOperatorKind.LessThanOrEqual,
        _ => kind,
    };

    /// <summary>The nearest block around <paramref name="operation"/>, or null.</summary>
    public static IBlockOperation? EnclosingBlock(IOperation operation)
    {
        for (var parent = operation.Parent; parent != null; parent = parent.Parent)
        {
            if (parent is IBlockOperation block)
            {
                return block;
            }
        }

        return null;
    }

    /// <summary>
    /// True when two operations compute one value the same way: the same operators over the same
    /// symbols and constants (<c>(o[i] − t[i]) * (o[i] − t[i])</c>, <c>d * d</c>). A cheap test by
    /// symbols; reading both as math (through locals) is the thorough one.
    /// </summary>
    public static bool Equivalent(IOperation a, IOperation b) => Equivalent(a, b, 0);

    private static bool Equivalent(IOperation a, IOperation b, int depth)
    {
        a = Strip(a);
        b = Strip(b);
        if (depth > 16 || a.Kind != b.Kind)
        {
            return false;
        }

        if (a.ConstantValue.HasValue || b.ConstantValue.HasValue)
        {
            return a.ConstantValue.HasValue && b.ConstantValue.HasValue && Equals(a.ConstantValue.Value, b.ConstantValue.Value);
        }

        var sameOperator = (a, b) switch
        {
            (IBinaryOperation x, IBinaryOperation y) => x.OperatorKind == y.OperatorKind && SymbolEqualityComparer.Default.Equals(x.OperatorMethod, y.OperatorMethod),
            (IUnaryOperation x, IUnaryOperation y) => x.OperatorKind == y.OperatorKind && SymbolEqualityComparer.Default.Equals(x.OperatorMethod, y.OperatorMethod),
            (IInvocationOperation x, IInvocationOperation y) => SymbolEqualityComparer.Default.Equals(x.TargetMethod, y.TargetMethod),
            (IMemberReferenceOperation x, IMemberReferenceOperation y) => SymbolEqualityComparer.Default.Equals(x.Member, y.Member),
            (ILocalReferenceOperation x, ILocalReferenceOperation y) => SymbolEqualityComparer.Default.Equals(x.Local, y.Local),
            (IParameterReferenceOperation x, IParameterReferenceOperation y) => SymbolEqualityComparer.Default.Equals(x.Parameter, y.Parameter),
            (IConversionOperation x, IConversionOperation y) => SymbolEqualityComparer.Default.Equals(x.OperatorMethod, y.OperatorMethod) && SymbolEqualityComparer.Default.Equals(x.Type, y.Type), // p as a span, twice
            (IArrayElementReferenceOperation or IInstanceReferenceOperation or IImplicitIndexerReferenceOperation or IArgumentOperation, _) => true,
            _ => false,
        };
        if (!sameOperator)
        {
            return false;
        }

        var left = a.ChildOperations.GetEnumerator();
        var right = b.ChildOperations.GetEnumerator();
        while (true)
        {
            var more = left.MoveNext();
            if (more != right.MoveNext())
            {
                return false;
            }

            if (!more)
            {
                return true;
            }

            if (!Equivalent(left.Current, right.Current, depth + 1))
            {
                return false;
            }
        }
    }
}
