using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Gradwise.Flow;
using Gradwise.Frontend;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Gradwise.Recognition;

/// <summary>A hand-written weight update over sparse input with no penalty: the update, the weights, and the sparse source.</summary>
internal sealed record SparseUpdate(IOperation Update, ISymbol Weights, IOperation Source, string Description);

/// <summary>
/// Hand-written SGD on sparse features (GW2001): an additive update of one weight, <c>w[k] += e</c>, <c>w[k] -= e</c> or
/// <c>w[k] = w[k] ± e</c> (also <c>w.GetValueOrDefault(k) + e</c> for dictionary weights), where
/// <list type="bullet">
/// <item>the index k comes from sparse input: the keys of a dictionary or of (index, value) pairs enumerated with
/// <c>foreach</c> (Math.NET's <c>EnumerateIndexed</c> included), a hash (<c>GetHashCode</c>, a method named for hashing), or
/// the tokens of text when the weights are keyed by string;</item>
/// <item>the update learns: e depends on the same weights (a prediction from them, through locals, helpers and
/// accumulated gradients), or the update is guarded by a test that does (a perceptron's mistake test); a count
/// (<c>counts[word] += 1</c>) is not a weight update;</item>
/// <item>nothing penalizes the weights: e does not read the weight being updated (<c>λ·w[k]</c>), and no other write to the
/// weights anywhere shrinks them (<c>w[j] *= 1 − ηλ</c>, a soft threshold, <c>w[j] -= ηλ·w[j]</c>), here or in a helper
/// the weights are passed to.</item>
/// </list>
/// </summary>
internal static class SparseUpdates
{
    private const int MaxDepth = 5;

    /// <summary>The update this assignment is, or null.</summary>
    public static SparseUpdate? Site(IOperation assignment, FlowIndex index, CancellationToken cancellationToken)
    {
        if (!Parts(assignment, out var target, out var increment) || Element(target) is not ({ } weights, { } key))
        {
            return null;
        }

        var walk = new Walk(index, weights, key, cancellationToken);
        var gradientCalls = walk.GradientCalls(increment);
        if ((Source(key, weights, index, cancellationToken) ?? InputSource(gradientCalls, weights, index, cancellationToken)) is not { } source)
        {
            return null;
        }

        if (walk.ReadsSameWeight(increment))
        {
            return null; // λ·w[k] in the update: a penalty
        }

        if (!walk.DependsOnWeights(increment) && !Guards(assignment).Any(walk.DependsOnWeights))
        {
            return null; // a count, not a weight learned from its own predictions
        }

        return Penalized(assignment, weights, index, cancellationToken) || gradientCalls.Any(c => CalleePenalizes(c, weights, index, cancellationToken))
            ? null
            : new SparseUpdate(assignment, weights, source.Operation, source.Description);
    }

    /// <summary>
    /// Sparse input behind a dense update (<c>w[j] -= η·g[j]</c> over every j): the gradient g comes from a call given the
    /// weights and an input vector whose elements were written at sparse indices (hashed tokens, a dictionary's keys).
    /// </summary>
    private static (IOperation Operation, string Description)? InputSource(IReadOnlyList<IInvocationOperation> gradientCalls, ISymbol weights, FlowIndex index, CancellationToken cancellationToken)
    {
        foreach (var call in gradientCalls)
        {
            foreach (var argument in call.Arguments)
            {
                if (Referenced(argument.Value) is not ({ } input and not IMethodSymbol) || SymbolEqualityComparer.Default.Equals(input, weights))
                {
                    continue;
                }

                foreach (var write in index.WritesTo(input, argument.Value, cancellationToken).Where(w => w.IntoElements).Take(8))
                {
                    var target = write.Site switch
                    {
                        IAssignmentOperation assignment => assignment.Target,
                        IIncrementOrDecrementOperation step => step.Target,
                        _ => null,
                    };
                    if (target is not null && Element(target) is (_, { } key) && Source(key, input, index, cancellationToken) is { } source)
                    {
                        return source;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>
    /// True when the gradient call already penalizes the weights: a generated <c>…WithGradient</c> whose
    /// <c>[Differentiable]</c> method has a penalty term on the weights' parameter (<c>w[j] * w[j]</c>, <c>Math.Pow(w[j], 2)</c>,
    /// <c>Math.Abs(w[j])</c>), or a hand-written gradient method that writes <c>λ·w[j]</c> into the gradient.
    /// </summary>
    private static bool CalleePenalizes(IInvocationOperation call, ISymbol weights, FlowIndex index, CancellationToken cancellationToken)
    {
        var argument = call.Arguments.FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(Referenced(a.Value), weights));
        if (argument?.Parameter is not { } parameter)
        {
            return false;
        }

        var method = call.TargetMethod;
        if (method.Name.EndsWith("WithGradient", System.StringComparison.Ordinal)
            && method.ContainingType?.GetMembers(method.Name.Substring(0, method.Name.Length - "WithGradient".Length)).OfType<IMethodSymbol>()
                .FirstOrDefault(m => m.GetAttributes().Any(a => a.AttributeClass?.Name == "DifferentiableAttribute")) is { } differentiable
            && parameter.Ordinal < differentiable.Parameters.Length)
        {
            method = differentiable;
            parameter = differentiable.Parameters[parameter.Ordinal];
        }

        if (method.DeclaringSyntaxReferences.Length == 0
            || index.FactsOf(method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken), cancellationToken).Root is not { } body)
        {
            return false;
        }

        bool ReadsParameter(IOperation o) => o.DescendantsAndSelf().Any(r => r is IParameterReferenceOperation p && SymbolEqualityComparer.Default.Equals(p.Parameter, parameter));
        return body.Descendants().Any(o => o switch
        {
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply } product => ReadsParameter(product.LeftOperand) && ReadsParameter(product.RightOperand),
            IInvocationOperation { TargetMethod.Name: "Pow" or "Abs" or "Square" } penalty => penalty.Arguments.Length > 0 && ReadsParameter(penalty.Arguments[0].Value),
            IAssignmentOperation { Target: var target } write => target is IArrayElementReferenceOperation or IPropertyReferenceOperation { Property.IsIndexer: true }
                && !ReadsParameter(target) && Element(target) is ({ } gradient, _) && gradient is IParameterSymbol && !SymbolEqualityComparer.Default.Equals(gradient, parameter)
                && (write is ICompoundAssignmentOperation compound ? compound.Value : ((ISimpleAssignmentOperation)write).Value).Descendants().Concat(new[] { write }).OfType<IArrayElementReferenceOperation>().Any(e => ReadsParameter(e.ArrayReference)),
            _ => false,
        });
    }

    /// <summary>The symbol a reference names, through conversions (an array passed as a span).</summary>
    private static ISymbol? Referenced(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return Operations.ReferencedSymbol(value);
    }

    /// <summary>The element written and the amount added or subtracted, for an additive update.</summary>
    private static bool Parts(IOperation operation, out IOperation target, out IOperation increment)
    {
        target = increment = operation;
        switch (operation)
        {
            case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } compound:
                target = compound.Target;
                increment = compound.Value;
                return true;
            case ISimpleAssignmentOperation simple when Operations.Strip(simple.Value) is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } sum:
                target = simple.Target;
                if (SameElement(sum.LeftOperand, simple.Target))
                {
                    increment = sum.RightOperand;
                    return true;
                }

                if (sum.OperatorKind == BinaryOperatorKind.Add && SameElement(sum.RightOperand, simple.Target))
                {
                    increment = sum.LeftOperand;
                    return true;
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>A read of the element being written: <c>w[k]</c> itself, or <c>w.GetValueOrDefault(k)</c>.</summary>
    private static bool SameElement(IOperation read, IOperation target)
    {
        read = Operations.Strip(read);
        if (Operations.Equivalent(read, Operations.Strip(target)))
        {
            return true;
        }

        return read is IInvocationOperation { TargetMethod.Name: "GetValueOrDefault" } call && Element(target) is ({ } weights, { } key)
            && call.Arguments.Length >= 2
            && SymbolEqualityComparer.Default.Equals(Operations.ReferencedSymbol(call.Arguments[0].Value), weights)
            && Operations.Equivalent(Operations.Strip(call.Arguments[1].Value), Operations.Strip(key));
    }

    /// <summary>The weights (a field, property, local or parameter) and the index of an element write of real numbers.</summary>
    private static (ISymbol? Weights, IOperation? Key) Element(IOperation target) => Operations.Strip(target) switch
    {
        IArrayElementReferenceOperation { Indices.Length: 1 } element when MathApi.IsReal(element.Type) => (Operations.ReferencedSymbol(element.ArrayReference), element.Indices[0]),
        IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1, Instance: { } instance } indexer when MathApi.IsReal(indexer.Type) => (Operations.ReferencedSymbol(instance), indexer.Arguments[0].Value),
        _ => (null, null),
    };

    /// <summary>Where a sparse index comes from, or null.</summary>
    private static (IOperation Operation, string Description)? Source(IOperation key, ISymbol weights, FlowIndex index, CancellationToken cancellationToken)
    {
        var stringKeyed = key.Type?.SpecialType == SpecialType.System_String;
        var pending = new Stack<(IOperation Value, int Depth)>();
        pending.Push((key, 0));
        var seen = new HashSet<IOperation>();
        while (pending.Count > 0)
        {
            var (value, depth) = pending.Pop();
            value = Operations.Strip(value);
            if (depth > MaxDepth || !seen.Add(value))
            {
                continue;
            }

            if (value.DescendantsAndSelf().OfType<IInvocationOperation>().FirstOrDefault(IsHash) is { } hash)
            {
                return (hash, "hashed indices ('" + Quote.Of(hash) + "')");
            }

            switch (value)
            {
                case IPropertyReferenceOperation { Property.Name: "Key", Instance: { } pair } when IsPair(pair.Type):
                    pending.Push((pair, depth + 1));
                    break;
                case IFieldReferenceOperation { Instance: { } tuple } when tuple.Type is INamedTypeSymbol { IsTupleType: true } pairType && IsPair(pairType):
                    pending.Push((tuple, depth + 1));
                    break;
                case IInvocationOperation call when call.TargetMethod.DeclaringSyntaxReferences.Length > 0:
                    foreach (var returned in index.ReturnsOf(call.TargetMethod, cancellationToken))
                    {
                        pending.Push((returned, depth + 1)); // a bucket helper: what it returns
                    }

                    break;
                case ILocalReferenceOperation local:
                    var definitions = LoopOf(local) is { } iteration ? new IOperation[] { iteration } : index.Reaching(local, cancellationToken);
                    foreach (var definition in definitions)
                    {
                        if (definition is IForEachLoopOperation loop)
                        {
                            var collection = Operations.Strip(loop.Collection);
                            if (ElementType(collection.Type) is { } element && (IsPair(element) || (stringKeyed && element.SpecialType == SpecialType.System_String)))
                            {
                                return (collection, (IsPair(element) ? "the (index, value) pairs of '" : "the tokens of '") + Quote.Of(collection) + "'");
                            }
                        }
                        else if (definition is not (ICompoundAssignmentOperation or IIncrementOrDecrementOperation or IArgumentOperation))
                        {
                            pending.Push((definition, depth + 1));
                        }
                    }

                    break;
            }
        }

        return null;
    }

    /// <summary>The <c>foreach</c> whose iteration variable (or deconstructed variable) this is.</summary>
    private static IForEachLoopOperation? LoopOf(ILocalReferenceOperation local)
    {
        for (var current = local.Parent; current != null; current = current.Parent)
        {
            if (current is IForEachLoopOperation loop && loop.Locals.Contains(local.Local, SymbolEqualityComparer.Default))
            {
                return loop;
            }
        }

        return null;
    }

    /// <summary>A hash: <c>GetHashCode</c>, or a method whose name says it hashes (<c>Murmur3</c>, <c>HashToken</c>, <c>Fnv1a</c>).</summary>
    private static bool IsHash(IInvocationOperation call)
    {
        var name = call.TargetMethod.Name;
        return name == "GetHashCode" || name.IndexOf("Hash", System.StringComparison.OrdinalIgnoreCase) >= 0 || name.StartsWith("Murmur", System.StringComparison.Ordinal) || name.StartsWith("Fnv", System.StringComparison.Ordinal);
    }

    /// <summary>A (key, value) pair with a real value: <c>KeyValuePair&lt;K, double&gt;</c> or a two-element tuple.</summary>
    private static bool IsPair(ITypeSymbol? type) => type is INamedTypeSymbol named
        && (named.Name == "KeyValuePair" || named.IsTupleType)
        && (named.IsTupleType ? named.TupleElements.Select(e => e.Type) : named.TypeArguments).ToList() is { Count: 2 } parts
        && parts.Any(t => MathApi.IsReal(t)) && parts.Any(t => t.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_String or SpecialType.System_UInt32);

    /// <summary>The element type of an enumerable (array, <c>IEnumerable&lt;T&gt;</c>), or null.</summary>
    private static ITypeSymbol? ElementType(ITypeSymbol? collection)
    {
        if (collection is IArrayTypeSymbol array)
        {
            return array.ElementType;
        }

        if (collection is INamedTypeSymbol { SpecialType: SpecialType.System_String })
        {
            return null; // the characters of one string
        }

        var enumerable = collection is INamedTypeSymbol { Name: "IEnumerable", TypeArguments.Length: 1 } self ? self
            : collection?.AllInterfaces.FirstOrDefault(i => i.Name == "IEnumerable" && i.TypeArguments.Length == 1 && i.ContainingNamespace?.ToDisplayString() == "System.Collections.Generic");
        return enumerable?.TypeArguments[0];
    }

    /// <summary>The conditions of the <c>if</c>s around an operation, inside its body.</summary>
    private static IEnumerable<IOperation> Guards(IOperation operation)
    {
        for (var current = operation; current.Parent != null; current = current.Parent)
        {
            if (current.Parent is IConditionalOperation conditional && conditional.Condition != current)
            {
                yield return conditional.Condition;
            }

            if (current.Parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                yield break;
            }
        }
    }

    /// <summary>True when some write to the weights (anywhere, or in a helper they are passed to here) shrinks them.</summary>
    private static bool Penalized(IOperation update, ISymbol weights, FlowIndex index, CancellationToken cancellationToken)
    {
        foreach (var write in index.WritesTo(weights, update, cancellationToken))
        {
            if (write.Site != update && Shrinks(write.Site, weights, index, cancellationToken))
            {
                return true;
            }
        }

        // A helper called here with the weights (ApplyL2(w, ...)): its writes to the parameter.
        foreach (var call in Operations.Root(update).Descendants().OfType<IInvocationOperation>())
        {
            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter is { } parameter && call.TargetMethod.DeclaringSyntaxReferences.Length > 0
                    && SymbolEqualityComparer.Default.Equals(Operations.ReferencedSymbol(argument.Value), weights)
                    && index.FactsOf(call.TargetMethod.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken), cancellationToken).Writes
                        .Any(w => SymbolEqualityComparer.Default.Equals(w.Target, parameter.OriginalDefinition) && Shrinks(w.Site, parameter.OriginalDefinition, index, cancellationToken)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A write that scales the weights or moves them by an amount that reads them (decay, soft threshold).</summary>
    private static bool Shrinks(IOperation site, ISymbol weights, FlowIndex index, CancellationToken cancellationToken)
    {
        switch (site)
        {
            case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Multiply or BinaryOperatorKind.Divide }:
                return true;
            case ICompoundAssignmentOperation or ISimpleAssignmentOperation when Parts(site, out var target, out var increment):
                return Element(target) is ({ } w, _) && SymbolEqualityComparer.Default.Equals(w, weights) && ReadsAny(increment, weights);
            case ISimpleAssignmentOperation simple:
                return ReadsAny(simple.Value, weights);
            default:
                return false;
        }
    }

    private static bool ReadsAny(IOperation value, ISymbol weights) =>
        value.DescendantsAndSelf().Any(o => o is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation
            && SymbolEqualityComparer.Default.Equals(Operations.ReferencedSymbol(o), weights));


    /// <summary>Questions about what an increment depends on, with cycles cut and depth bounded.</summary>
    private sealed class Walk
    {
        private readonly FlowIndex index;
        private readonly ISymbol weights;
        private readonly IOperation key;
        private readonly CancellationToken cancellationToken;

        public Walk(FlowIndex index, ISymbol weights, IOperation key, CancellationToken cancellationToken)
        {
            this.index = index;
            this.weights = weights;
            this.key = Operations.Strip(key);
            this.cancellationToken = cancellationToken;
        }

        /// <summary>Calls in the body that are given the weights and a local collection the increment reads (a gradient buffer).</summary>
        public IReadOnlyList<IInvocationOperation> GradientCalls(IOperation increment)
        {
            var buffers = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            Any(increment, o =>
            {
                if (Element(o) is ({ } buffer, _) && buffer is ILocalSymbol && !SymbolEqualityComparer.Default.Equals(buffer, weights))
                {
                    buffers.Add(buffer);
                }

                return false;
            }, followCalls: false);
            if (buffers.Count == 0)
            {
                return System.Array.Empty<IInvocationOperation>();
            }

            return Operations.Root(increment).Descendants().OfType<IInvocationOperation>()
                .Where(c => c.Arguments.Any(a => Referenced(a.Value) is { } s && buffers.Contains(s)) && c.Arguments.Any(a => SymbolEqualityComparer.Default.Equals(Referenced(a.Value), weights)))
                .ToList();
        }

        /// <summary>True when the value reads the element being updated (at the same index), directly or through locals.</summary>
        public bool ReadsSameWeight(IOperation value) => Any(value, o => Element(o) is ({ } w, { } k) && SymbolEqualityComparer.Default.Equals(w, weights) && Operations.Equivalent(Operations.Strip(k), key), followCalls: false);

        /// <summary>True when the value depends on the weights: a prediction from them, an accumulated gradient of one, a call given them.</summary>
        public bool DependsOnWeights(IOperation value) => Any(value, o => SymbolEqualityComparer.Default.Equals(Operations.ReferencedSymbol(o), weights), followCalls: true);

        private bool Any(IOperation start, System.Func<IOperation, bool> test, bool followCalls)
        {
            var pending = new Stack<(IOperation, int)>();
            pending.Push((start, 0));
            var seen = new HashSet<IOperation>();
            while (pending.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (value, depth) = pending.Pop();
                if (depth > MaxDepth || !seen.Add(value))
                {
                    continue;
                }

                foreach (var operation in value.DescendantsAndSelf())
                {
                    if (test(operation))
                    {
                        return true;
                    }

                    switch (operation)
                    {
                        case ILocalReferenceOperation local when LoopOf(local) is { } loop:
                            pending.Push((loop.Collection, depth + 1)); // an element of a collection: what the collection holds
                            break;
                        case ILocalReferenceOperation local:
                            foreach (var definition in index.Reaching(local, cancellationToken))
                            {
                                if (definition is not (IForEachLoopOperation or IArgumentOperation))
                                {
                                    pending.Push((definition is ICompoundAssignmentOperation compound ? compound.Value : definition, depth + 1));
                                }
                            }

                            PushElementWrites(operation, pending, depth, followCalls);
                            break;

                        case IInvocationOperation call when followCalls && call.TargetMethod.DeclaringSyntaxReferences.Length > 0 && depth < 4:
                            foreach (var returned in index.ReturnsOf(call.TargetMethod, cancellationToken))
                            {
                                pending.Push((returned, depth + 1));
                            }

                            break;
                        case IArrayElementReferenceOperation or IPropertyReferenceOperation { Property.IsIndexer: true } when followCalls && Element(operation) is ({ } other, _)
                            && other is ILocalSymbol && !SymbolEqualityComparer.Default.Equals(other, weights):
                            foreach (var write in index.WritesTo(other, operation, cancellationToken).Take(8))
                            {
                                pending.Push((write.Value, depth + 1)); // an accumulated gradient: what was added to it
                            }

                            foreach (var filler in Operations.Root(operation).Descendants().OfType<IInvocationOperation>().Where(c => c.Arguments.Any(a => SymbolEqualityComparer.Default.Equals(Referenced(a.Value), other))).Take(8))
                            {
                                pending.Push((filler, depth + 1)); // a buffer a call fills: what the call is given
                            }

                            break;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// For a local collection other than the weights (a gradient accumulated in this method), the values written into its
        /// elements. Fields are not followed: a model's other weights are updated from predictions too, and going through
        /// them would make every buffer "depend on" every other.
        /// </summary>
        private void PushElementWrites(IOperation reference, Stack<(IOperation, int)> pending, int depth, bool followCalls)
        {
            if (!followCalls || reference.Type is not (IArrayTypeSymbol or INamedTypeSymbol { IsGenericType: true })
                || Operations.ReferencedSymbol(reference) is not ILocalSymbol collection || SymbolEqualityComparer.Default.Equals(collection, weights))
            {
                return;
            }

            foreach (var write in index.WritesTo(collection, reference, cancellationToken).Where(w => w.IntoElements).Take(8))
            {
                pending.Push((write.Value, depth + 1));
            }
        }
    }
}
