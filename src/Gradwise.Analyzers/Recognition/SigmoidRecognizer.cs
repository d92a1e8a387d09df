using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Gradwise.Symbolic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Gradwise.Recognition;

/// <summary>
/// Answers "is this value the output of a logistic sigmoid, and where was the sigmoid?" for one
/// compilation. The value may reach the question through the same expression, a local, a method
/// return (any name), a property, a field or array element written anywhere in the compilation,
/// or an interface/abstract method whose implementations are all sigmoids. Summaries of methods
/// and members are computed once and cached; nothing is static.
/// </summary>
internal sealed class SigmoidRecognizer
{
    private const int MaxDepth = 8;

    private readonly Compilation compilation;
    private readonly ConcurrentDictionary<ISymbol, Evidence?> methodSummaries = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, Evidence?> memberSummaries = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, Evidence?> elementSummaries = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<(ISymbol Method, string Kind), (int A, int B)?> methodPairs = new(new PairKeyComparer());
    private readonly ConcurrentDictionary<ISymbol, bool> derivativeMethods = new(SymbolEqualityComparer.Default);

    public SigmoidRecognizer(Compilation compilation)
    {
        this.compilation = compilation;
    }

    /// <summary>True when the compilation could contain a sigmoid or softmax at all (an Exp/Tanh call, a SiaNet-style ActType, or a known library).</summary>
    public static bool HasCandidates(Compilation compilation, CancellationToken cancellationToken)
    {
        if (compilation.GetTypeByMetadataName("TorchSharp.torch") != null
            || compilation.GetTypeByMetadataName("Accord.Neuro.SigmoidFunction") != null
            || compilation.GetTypeByMetadataName("AForge.Neuro.SigmoidFunction") != null
            || compilation.ReferencedAssemblyNames.Any(a => a.Name.StartsWith("SiaNet", System.StringComparison.Ordinal)))
        {
            return true;
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            if (Mentions(tree.GetText(cancellationToken)))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] CandidateText = { "Exp(", "Tanh(", "ActType." };

    /// <summary>Searches the text in chunks, without copying whole files into strings.</summary>
    private static bool Mentions(Microsoft.CodeAnalysis.Text.SourceText text)
    {
        const int Chunk = 4096;
        const int Overlap = 8;
        var buffer = new char[Chunk + Overlap];
        for (var start = 0; start < text.Length; start += Chunk)
        {
            var count = System.Math.Min(Chunk + Overlap, text.Length - start);
            text.CopyTo(start, buffer, 0, count);
            var window = new string(buffer, 0, count);
            foreach (var needle in CandidateText)
            {
                if (window.IndexOf(needle, System.StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A per-method summary computed once per compilation (squared-error parameter pairs and the like).</summary>
    public (int A, int B)? MethodPair(IMethodSymbol method, string kind, System.Func<IMethodSymbol, (int A, int B)?> compute) =>
        methodPairs.GetOrAdd((method.OriginalDefinition, kind), key => compute((IMethodSymbol)key.Method));

    /// <summary>The sigmoid that <paramref name="value"/> is the output of, or null.</summary>
    public Evidence? SigmoidOf(IOperation value, CancellationToken cancellationToken) => SigmoidOf(value, 0, cancellationToken);

    private Evidence? SigmoidOf(IOperation value, int depth, CancellationToken cancellationToken)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        value = Strip(value);
        switch (value)
        {
            case ILocalReferenceOperation local:
                var assigned = LastAssignedBefore(local, cancellationToken);
                return assigned is null ? null : SigmoidOf(assigned, depth + 1, cancellationToken);
            case IFieldReferenceOperation field:
                return MemberSummary(field.Field, depth, cancellationToken);
            case IPropertyReferenceOperation property:
                return property.Property.GetMethod is { } getter && HasBody(getter)
                    ? MethodSummary(getter, depth, cancellationToken)
                    : MemberSummary(property.Property, depth, cancellationToken);
            case IArrayElementReferenceOperation element when ReferencedSymbol(element.ArrayReference) is { } array:
                return ElementSummary(array, element, depth, cancellationToken);
            case IInvocationOperation call:
                return CallSummary(call, depth, cancellationToken);
        }

        var math = Simplifier.ApplyIdentities(OpenMathReader.Read(value, null, compilation, 0, cancellationToken));
        return math is Call { Function: MathFunction.Sigmoid } ? new Evidence(value.Syntax.GetLocation(), "sigmoid") : null;
    }

    /// <summary>True when <paramref name="method"/> returns p·(1 − p) of its parameter p, or σ(z)(1 − σ(z)) of its parameter z: the sigmoid's derivative.</summary>
    public bool IsSigmoidDerivative(IMethodSymbol method, CancellationToken cancellationToken) =>
        derivativeMethods.GetOrAdd(method.OriginalDefinition, m =>
        {
            var target = (IMethodSymbol)m;
            if (target.Parameters.Length != 1)
            {
                return false;
            }

            var returned = OpenMathReader.ReturnedValues(target, compilation, cancellationToken);
            if (returned.Count != 1)
            {
                return false;
            }

            var p = Ex.Var("⟨param⟩");
            var body = Simplifier.Simplify(OpenMathReader.Read(returned[0], new Dictionary<IParameterSymbol, Expr>(SymbolEqualityComparer.Default) { [target.Parameters[0]] = p }, compilation, 0, cancellationToken));
            var sigma = Ex.Call(MathFunction.Sigmoid, p);
            return Same(body, Ex.Mul(p, Ex.Sub(Ex.One, p))) || Same(body, Ex.Mul(sigma, Ex.Sub(Ex.One, sigma)));
        });

    private static bool Same(Expr a, Expr b) => a.Equals(b) || a.Equals(Simplifier.Simplify(b)) || (Simplifier.Expand(a) is { } ea && Simplifier.Expand(b) is { } eb && ea.Equals(eb));

    private Evidence? CallSummary(IInvocationOperation call, int depth, CancellationToken cancellationToken)
    {
        var target = call.TargetMethod;
        var type = target.ContainingType?.ToDisplayString();
        if (type != null && LibraryApis.SigmoidCalls.Contains((type, target.Name)))
        {
            return new Evidence(call.Syntax.GetLocation(), type + "." + target.Name);
        }

        // model.forward(x) / model.call(x) where model is a sigmoid module, or a sequence whose last module is one.
        if (LibraryApis.ModuleInvocations.Contains(target.Name) && call.Instance != null && SigmoidModule(call.Instance, depth, cancellationToken) is { } module)
        {
            return new Evidence(call.Syntax.GetLocation(), module.What);
        }

        Evidence? summary;
        if ((target.IsAbstract || target.IsVirtual || target.ContainingType?.TypeKind == TypeKind.Interface) && !HasBody(target))
        {
            // The implementation the receiver actually holds (passed in by a constructor or a factory), else all of them.
            summary = call.Instance != null && ConcreteTypes(call.Instance, depth, cancellationToken) is { Count: > 0 } types
                ? ConcreteSummary(target, types, depth, cancellationToken)
                : ImplementationsSummary(target, depth, cancellationToken);
        }
        else
        {
            summary = MethodSummary(target, depth, cancellationToken);
        }

        if (summary != null)
        {
            // Point at the call: that is where this value became a sigmoid output.
            return new Evidence(call.Syntax.GetLocation(), summary.What);
        }

        // A helper that is the logistic function of its argument, by its body.
        var math = Simplifier.ApplyIdentities(OpenMathReader.Read(call, null, compilation, 0, cancellationToken));
        return math is Call { Function: MathFunction.Sigmoid } ? new Evidence(call.Syntax.GetLocation(), "sigmoid") : null;
    }

    /// <summary>The sigmoid whose outputs fill the array <paramref name="array"/> holds (a field, local or method result), or null.</summary>
    public Evidence? SigmoidElementsOf(IOperation array, CancellationToken cancellationToken)
    {
        var stripped = Strip(array);
        if (stripped is ILocalReferenceOperation local && LastAssignedBefore(local, cancellationToken) is { } source && Strip(source) is IInvocationOperation call
            && call.TargetMethod.DeclaringSyntaxReferences.Length > 0)
        {
            var returned = OpenMathReader.ReturnedValues(call.TargetMethod, compilation, cancellationToken);
            return returned.Count == 1 ? SigmoidElementsOf(returned[0], cancellationToken) : null;
        }

        return ReferencedSymbol(stripped) is { } symbol ? ElementSummary(symbol, stripped, 0, cancellationToken) : null;
    }

    /// <summary>The softmax whose outputs fill the array <paramref name="array"/> holds, or null.</summary>
    public Evidence? SoftmaxElementsOf(IOperation array, CancellationToken cancellationToken) => SoftmaxArray(array, array, 0, cancellationToken);

    /// <summary>
    /// The softmax that <paramref name="value"/> is an output of: exp(s_k) / Σ_j exp(s_j) (with or
    /// without the max shift), written inline, through locals and array elements, returned as an
    /// array by a method of any name, or from a library softmax.
    /// </summary>
    public Evidence? SoftmaxOf(IOperation value, CancellationToken cancellationToken) => SoftmaxOf(value, 0, cancellationToken);

    private Evidence? SoftmaxOf(IOperation value, int depth, CancellationToken cancellationToken)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        value = Strip(value);
        switch (value)
        {
            case ILocalReferenceOperation local:
                return LastAssignedBefore(local, cancellationToken) is { } assigned ? SoftmaxOf(assigned, depth + 1, cancellationToken) : null;
            case IArrayElementReferenceOperation element:
                return SoftmaxArray(element.ArrayReference, element, depth + 1, cancellationToken);
            case IInvocationOperation call when LibraryApis.SoftmaxCalls.Contains(LibraryApis.Key(call.TargetMethod)):
                return new Evidence(call.Syntax.GetLocation(), "softmax");
            case IInvocationOperation call when LibraryApis.ModuleInvocations.Contains(call.TargetMethod.Name) && call.Instance != null && SoftmaxModule(call.Instance, depth, cancellationToken) is { } module:
                return new Evidence(call.Syntax.GetLocation(), module.What);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide } division when IsExponential(division.LeftOperand, depth, cancellationToken) && IsSumOfExponentials(division.RightOperand, depth, cancellationToken):
                return new Evidence(division.Syntax.GetLocation(), "softmax");
            default:
                return null;
        }
    }

    /// <summary>An array all of whose written elements are softmax outputs (or the array a softmax method returns).</summary>
    private Evidence? SoftmaxArray(IOperation arrayReference, IOperation use, int depth, CancellationToken cancellationToken)
    {
        var array = Strip(arrayReference);
        if (array is IInvocationOperation call && call.TargetMethod.DeclaringSyntaxReferences.Length > 0)
        {
            var returned = OpenMathReader.ReturnedValues(call.TargetMethod, compilation, cancellationToken);
            return returned.Count == 1 && SoftmaxArray(returned[0], returned[0], depth + 1, cancellationToken) != null
                ? new Evidence(call.Syntax.GetLocation(), "softmax")
                : null;
        }

        if (array is ILocalReferenceOperation local && LastAssignedBefore(local, cancellationToken) is { } source && Strip(source) is IInvocationOperation)
        {
            return SoftmaxArray(source, source, depth + 1, cancellationToken);
        }

        var symbol = ReferencedSymbol(array);
        if (symbol is null)
        {
            return null;
        }

        var writes = WritesTo(symbol, elements: true, symbol is ILocalSymbol or IParameterSymbol ? Root(use) : null, cancellationToken);
        Evidence? first = null;
        foreach (var write in writes)
        {
            var evidence = SoftmaxOf(write, depth + 1, cancellationToken);
            if (evidence is null)
            {
                return null;
            }

            first ??= evidence;
        }

        return first;
    }

    /// <summary>exp(...) directly, or a local or array element that holds one.</summary>
    private bool IsExponential(IOperation operation, int depth, CancellationToken cancellationToken)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        var stripped = Strip(operation);
        switch (stripped)
        {
            case ILocalReferenceOperation local:
                return LastAssignedBefore(local, cancellationToken) is { } assigned && IsExponential(assigned, depth + 1, cancellationToken);
            case IArrayElementReferenceOperation element when ReferencedSymbol(element.ArrayReference) is { } array:
                var writes = WritesTo(array, elements: true, array is ILocalSymbol or IParameterSymbol ? Root(element) : null, cancellationToken);
                return writes.Count > 0 && writes.All(w => IsExponential(w, depth + 1, cancellationToken));
            default:
                return OpenMathReader.Read(stripped, null, compilation, 0, cancellationToken) is Call { Function: MathFunction.Exp };
        }
    }

    /// <summary>A local accumulated only with += exp(...) (after starting at a constant).</summary>
    private bool IsSumOfExponentials(IOperation operation, int depth, CancellationToken cancellationToken)
    {
        if (Strip(operation) is not ILocalReferenceOperation sum)
        {
            return false;
        }

        var accumulations = 0;
        foreach (var write in WritesTo(sum.Local, elements: false, Root(sum), cancellationToken))
        {
            if (write is ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add } add && IsExponential(add.Value, depth + 1, cancellationToken))
            {
                accumulations++;
            }
            else if (!Strip(write).ConstantValue.HasValue)
            {
                return false;
            }
        }

        return accumulations > 0;
    }

    /// <summary>The softmax module a value is (nn.Softmax(dim), or a Sequential ending in one).</summary>
    private Evidence? SoftmaxModule(IOperation module, int depth, CancellationToken cancellationToken)
    {
        foreach (var value in ValuesOf(module, cancellationToken))
        {
            if (Strip(value) is not IInvocationOperation factory)
            {
                return null;
            }

            var key = LibraryApis.Key(factory.TargetMethod);
            if (LibraryApis.SoftmaxModules.Contains(key))
            {
                return new Evidence(factory.Syntax.GetLocation(), "nn.Softmax module");
            }

            return LibraryApis.SequentialModules.Contains(key) && LastModule(factory) is { } last && depth < MaxDepth ? SoftmaxModule(last, depth + 1, cancellationToken) : null;
        }

        return null;
    }

    /// <summary>The sigmoid module a value is (nn.Sigmoid(), or nn.Sequential(..., nn.Sigmoid())), through locals and fields.</summary>
    public Evidence? SigmoidModule(IOperation module, int depth, CancellationToken cancellationToken)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        foreach (var value in ValuesOf(module, cancellationToken))
        {
            if (Strip(value) is not IInvocationOperation factory)
            {
                return null;
            }

            var key = LibraryApis.Key(factory.TargetMethod);
            if (LibraryApis.SigmoidModules.Contains(key))
            {
                return new Evidence(factory.Syntax.GetLocation(), "nn.Sigmoid module");
            }

            if (!LibraryApis.SequentialModules.Contains(key) || LastModule(factory) is not { } last)
            {
                return null;
            }

            return SigmoidModule(last, depth + 1, cancellationToken);
        }

        return null;
    }

    /// <summary>The creation of the squared-error criterion module a value is (nn.MSELoss()), through locals and fields.</summary>
    public IInvocationOperation? SquaredErrorCriterion(IOperation module, CancellationToken cancellationToken)
    {
        var values = ValuesOf(module, cancellationToken);
        return values.Count == 1 && Strip(values[0]) is IInvocationOperation factory && LibraryApis.SquaredErrorCriteria.ContainsKey(LibraryApis.Key(factory.TargetMethod))
            ? factory
            : null;
    }

    /// <summary>What a receiver holds: the value itself, the last value assigned to a local, or every value written to a field or property.</summary>
    private List<IOperation> ValuesOf(IOperation receiver, CancellationToken cancellationToken)
    {
        var stripped = Strip(receiver);
        switch (stripped)
        {
            case ILocalReferenceOperation local:
                return LastAssignedBefore(local, cancellationToken) is { } assigned ? new List<IOperation> { assigned } : new List<IOperation>();
            case IFieldReferenceOperation field:
                return WritesTo(field.Field, elements: false, null, cancellationToken);
            case IPropertyReferenceOperation property:
                return WritesTo(property.Property, elements: false, null, cancellationToken);
            default:
                return new List<IOperation> { stripped };
        }
    }

    /// <summary>The last module passed to a Sequential factory (directly, in a params array, or as a (name, module) tuple).</summary>
    private static IOperation? LastModule(IInvocationOperation sequential)
    {
        var last = sequential.Arguments.LastOrDefault()?.Value;
        if (last is IArrayCreationOperation { Initializer: { } init })
        {
            last = init.ElementValues.LastOrDefault();
        }

        last = last is null ? null : Strip(last);
        if (last is ITupleOperation tuple && tuple.Elements.Length == 2)
        {
            return tuple.Elements[1];
        }

        if (last is IObjectCreationOperation { Arguments.Length: 2 } pair)
        {
            return pair.Arguments[1].Value;
        }

        return last;
    }

    private Evidence? MethodSummary(IMethodSymbol method, int depth, CancellationToken cancellationToken)
    {
        method = method.OriginalDefinition;
        if (!HasBody(method))
        {
            return null;
        }

        return methodSummaries.GetOrAdd(method, m =>
        {
            var returned = OpenMathReader.ReturnedValues((IMethodSymbol)m, compilation, cancellationToken);
            if (returned.Count == 0)
            {
                return null;
            }

            // Every return must be a sigmoid: a method that picks an activation is not one.
            Evidence? first = null;
            foreach (var value in returned)
            {
                var evidence = SigmoidOf(value, depth + 1, cancellationToken);
                if (evidence is null)
                {
                    return null;
                }

                first ??= evidence;
            }

            return first;
        });
    }

    /// <summary>Every implementation the receiver can hold is a sigmoid.</summary>
    private Evidence? ConcreteSummary(IMethodSymbol method, List<INamedTypeSymbol> types, int depth, CancellationToken cancellationToken)
    {
        Evidence? first = null;
        foreach (var type in types)
        {
            var implementation = method.ContainingType?.TypeKind == TypeKind.Interface
                ? type.FindImplementationForInterfaceMember(method) as IMethodSymbol
                : FindOverride(type, method);
            var evidence = implementation is null ? null : MethodSummary(implementation, depth + 1, cancellationToken);
            if (evidence is null)
            {
                return null;
            }

            first ??= evidence;
        }

        return first;
    }

    private static IMethodSymbol? FindOverride(INamedTypeSymbol type, IMethodSymbol method)
    {
        for (var t = type; t != null; t = t.BaseType)
        {
            foreach (var member in t.GetMembers(method.Name).OfType<IMethodSymbol>())
            {
                if (SymbolEqualityComparer.Default.Equals(member.OriginalDefinition, method.OriginalDefinition) || Implements(member, method))
                {
                    return member;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The concrete types a receiver can hold, when every value that reaches it is known: an object
    /// creation, or a constructor parameter whose every caller in the compilation passes one. Null when unknown.
    /// </summary>
    private List<INamedTypeSymbol>? ConcreteTypes(IOperation receiver, int depth, CancellationToken cancellationToken)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        var values = ValuesOf(receiver, cancellationToken);
        if (values.Count == 0)
        {
            return null;
        }

        var types = new List<INamedTypeSymbol>();
        foreach (var value in values)
        {
            switch (Strip(value))
            {
                case IObjectCreationOperation { Type: INamedTypeSymbol created }:
                    types.Add(created);
                    break;
                case IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } constructor } parameter:
                    var passed = ArgumentsPassedTo(constructor, parameter.Parameter.Ordinal, cancellationToken);
                    if (passed is null)
                    {
                        return null;
                    }

                    foreach (var argument in passed)
                    {
                        var inner = ConcreteTypes(argument, depth + 1, cancellationToken);
                        if (inner is null)
                        {
                            return null;
                        }

                        types.AddRange(inner);
                    }

                    break;
                default:
                    return null;
            }
        }

        return types;
    }

    /// <summary>The arguments every creation of the constructor's type in the compilation passes at <paramref name="ordinal"/>.</summary>
    private List<IOperation>? ArgumentsPassedTo(IMethodSymbol constructor, int ordinal, CancellationToken cancellationToken)
    {
        var result = new List<IOperation>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var creations = tree.GetRoot(cancellationToken).DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>().ToList();
            if (creations.Count == 0)
            {
                continue;
            }

#pragma warning disable RS1030 // callers of one constructor, collected when an interface call needs them
            var model = compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
            foreach (var node in creations)
            {
                if (model.GetOperation(node, cancellationToken) is IObjectCreationOperation creation
                    && SymbolEqualityComparer.Default.Equals(creation.Constructor?.OriginalDefinition, constructor.OriginalDefinition))
                {
                    var argument = creation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == ordinal);
                    if (argument is null)
                    {
                        return null;
                    }

                    result.Add(argument.Value);
                }
            }
        }

        return result.Count > 0 ? result : null;
    }

    private Evidence? ImplementationsSummary(IMethodSymbol method, int depth, CancellationToken cancellationToken)
    {
        Evidence? first = null;
        var found = 0;
        foreach (var candidate in compilation.GetSymbolsWithName(method.Name, SymbolFilter.Member, cancellationToken).OfType<IMethodSymbol>())
        {
            if (!Implements(candidate, method))
            {
                continue;
            }

            found++;
            var evidence = MethodSummary(candidate, depth + 1, cancellationToken);
            if (evidence is null)
            {
                return null;
            }

            first ??= evidence;
        }

        return found > 0 ? first : null;
    }

    private static bool Implements(IMethodSymbol candidate, IMethodSymbol method)
    {
        if (SymbolEqualityComparer.Default.Equals(candidate, method) || !HasBody(candidate))
        {
            return false;
        }

        for (var overridden = candidate.OverriddenMethod; overridden != null; overridden = overridden.OverriddenMethod)
        {
            if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, method.OriginalDefinition))
            {
                return true;
            }
        }

        if (method.ContainingType?.TypeKind == TypeKind.Interface && candidate.ContainingType != null)
        {
            var implementation = candidate.ContainingType.FindImplementationForInterfaceMember(method);
            return SymbolEqualityComparer.Default.Equals(implementation, candidate);
        }

        return false;
    }

    /// <summary>A field or settable property: every non-constant value written to it anywhere in the compilation is a sigmoid.</summary>
    private Evidence? MemberSummary(ISymbol member, int depth, CancellationToken cancellationToken) =>
        memberSummaries.GetOrAdd(member.OriginalDefinition, m => AllWritesAreSigmoid(WritesTo(m, elements: false, null, cancellationToken), depth, cancellationToken));

    private Evidence? ElementSummary(ISymbol array, IOperation use, int depth, CancellationToken cancellationToken)
    {
        if (array is ILocalSymbol or IParameterSymbol)
        {
            return AllWritesAreSigmoid(WritesTo(array, elements: true, Root(use), cancellationToken), depth, cancellationToken);
        }

        return elementSummaries.GetOrAdd(array.OriginalDefinition, _ => AllWritesAreSigmoid(WritesTo(array, elements: true, null, cancellationToken), depth, cancellationToken));
    }

    private Evidence? AllWritesAreSigmoid(List<IOperation> values, int depth, CancellationToken cancellationToken)
    {
        Evidence? first = null;
        foreach (var value in values)
        {
            if (Strip(value).ConstantValue.HasValue)
            {
                continue; // resetting to 0 does not make it something else
            }

            var evidence = SigmoidOf(value, depth + 1, cancellationToken);
            if (evidence is null)
            {
                return null;
            }

            first ??= evidence;
        }

        return first;
    }

    /// <summary>Values assigned to <paramref name="symbol"/> (or to its elements), in <paramref name="scope"/> or in the whole compilation.</summary>
    private List<IOperation> WritesTo(ISymbol symbol, bool elements, IOperation? scope, CancellationToken cancellationToken)
    {
        var values = new List<IOperation>();
        IEnumerable<IOperation> operations;
        if (scope != null)
        {
            operations = scope.DescendantsAndSelf();
        }
        else
        {
            var found = new List<IOperation>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                var root = tree.GetRoot(cancellationToken);
                var candidates = root.DescendantNodes().Where(n =>
                    (n is AssignmentExpressionSyntax a && a.Left.ToString().Contains(symbol.Name))
                    || (n is VariableDeclaratorSyntax v && v.Identifier.ValueText == symbol.Name && v.Initializer != null)
                    || (n is PropertyDeclarationSyntax p && p.Identifier.ValueText == symbol.Name && p.Initializer != null)).ToList();
                if (candidates.Count == 0)
                {
                    continue;
                }

#pragma warning disable RS1030 // writes to a field are collected once per field for the whole compilation, then cached
                var model = compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                foreach (var node in candidates)
                {
                    var operation = node switch
                    {
                        PropertyDeclarationSyntax property => model.GetOperation(property.Initializer!, cancellationToken),
                        VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax } field => model.GetOperation(field.Initializer!, cancellationToken),
                        _ => model.GetOperation(node, cancellationToken),
                    };
                    if (operation is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, symbol) && !elements && declarator.Initializer != null)
                    {
                        values.Add(declarator.Initializer.Value);
                    }
                    else if (operation is IFieldInitializerOperation fieldInit && fieldInit.InitializedFields.Contains(symbol, SymbolEqualityComparer.Default) && !elements)
                    {
                        values.Add(fieldInit.Value);
                    }
                    else if (operation is IPropertyInitializerOperation propInit && propInit.InitializedProperties.Contains(symbol, SymbolEqualityComparer.Default) && !elements)
                    {
                        values.Add(propInit.Value);
                    }
                    else if (operation != null)
                    {
                        found.Add(operation);
                    }
                }
            }

            operations = found;
        }

        foreach (var operation in operations)
        {
            switch (operation)
            {
                case ISimpleAssignmentOperation assignment when IsTarget(assignment.Target, symbol, elements):
                    values.Add(assignment.Value);
                    break;
                case ICompoundAssignmentOperation compound when IsTarget(compound.Target, symbol, elements):
                    values.Add(compound); // x += ... makes it something else: never a sigmoid
                    break;
                case IVariableDeclaratorOperation { Initializer: { } init } declarator when scope != null && !elements && SymbolEqualityComparer.Default.Equals(declarator.Symbol, symbol):
                    values.Add(init.Value);
                    break;
            }
        }

        return values;
    }

    private static bool IsTarget(IOperation target, ISymbol symbol, bool elements)
    {
        target = Strip(target);
        if (elements)
        {
            return target is IArrayElementReferenceOperation element && SymbolEqualityComparer.Default.Equals(ReferencedSymbol(element.ArrayReference), symbol);
        }

        return SymbolEqualityComparer.Default.Equals(ReferencedSymbol(target)?.OriginalDefinition, symbol.OriginalDefinition);
    }

    /// <summary>The value last assigned to a local before this use, in the same method.</summary>
    public static IOperation? LastAssignedBefore(ILocalReferenceOperation use, CancellationToken cancellationToken)
    {
        IOperation? best = null;
        var bestPosition = -1;
        var position = use.Syntax.SpanStart;
        foreach (var operation in Root(use).DescendantsAndSelf())
        {
            cancellationToken.ThrowIfCancellationRequested();
            IOperation? value = operation switch
            {
                ISimpleAssignmentOperation a when Strip(a.Target) is ILocalReferenceOperation l && SymbolEqualityComparer.Default.Equals(l.Local, use.Local) => a.Value,
                ICompoundAssignmentOperation c when Strip(c.Target) is ILocalReferenceOperation l && SymbolEqualityComparer.Default.Equals(l.Local, use.Local) => c,
                IVariableDeclaratorOperation d when SymbolEqualityComparer.Default.Equals(d.Symbol, use.Local) => d.Initializer?.Value,
                _ => null,
            };
            var at = operation.Syntax.SpanStart;
            if (value != null && at < position && at > bestPosition && !operation.Syntax.Span.Contains(use.Syntax.Span))
            {
                best = value;
                bestPosition = at;
            }
        }

        return best;
    }

    public static IOperation Root(IOperation operation)
    {
        while (operation.Parent != null)
        {
            operation = operation.Parent;
        }

        return operation;
    }

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

    private static ISymbol? ReferencedSymbol(IOperation operation) => Strip(operation) switch
    {
        ILocalReferenceOperation l => l.Local,
        IFieldReferenceOperation f => f.Field,
        IPropertyReferenceOperation p => p.Property,
        IParameterReferenceOperation p => p.Parameter,
        _ => null,
    };

    private static bool HasBody(IMethodSymbol method) => method.DeclaringSyntaxReferences.Any(r => r.GetSyntax() switch
    {
        MethodDeclarationSyntax m => m.Body != null || m.ExpressionBody != null,
        AccessorDeclarationSyntax a => a.Body != null || a.ExpressionBody != null,
        ArrowExpressionClauseSyntax => true,
        _ => false,
    });

    private sealed class PairKeyComparer : IEqualityComparer<(ISymbol Method, string Kind)>
    {
        public bool Equals((ISymbol Method, string Kind) x, (ISymbol Method, string Kind) y) =>
            SymbolEqualityComparer.Default.Equals(x.Method, y.Method) && x.Kind == y.Kind;

        public int GetHashCode((ISymbol Method, string Kind) obj) =>
            SymbolEqualityComparer.Default.GetHashCode(obj.Method) ^ obj.Kind.GetHashCode();
    }
}
