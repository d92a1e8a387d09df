using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Gradwise.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Gradwise.Recognition;

/// <summary>
/// (p − p̄)² where p̄ is computed from the same values (<c>probs.Average()</c>, or a sum of them over a
/// count) is a spread — a variance — not an error against a target: the "target" is made from the
/// prediction's own storage. Read through locals' definitions, foreach variables and LINQ calls.
/// </summary>
internal static class OwnMean
{
    private const int MaxDepth = 6;

    /// <summary>True when <paramref name="target"/> is computed from the storage <paramref name="prediction"/> is read from.</summary>
    public static bool IsDerivedFrom(IOperation target, IOperation prediction, FlowIndex index, CancellationToken ct)
    {
        var storage = Storage(prediction, index, ct);
        return storage != null && Reads(target, storage, index, ct, 0, new HashSet<IOperation>());
    }

    /// <summary>The symbol a value is stored in: a collection for its elements and foreach variables, else the field, property, local or parameter.</summary>
    private static ISymbol? Storage(IOperation value, FlowIndex index, CancellationToken ct)
    {
        switch (Operations.Strip(value))
        {
            case IArrayElementReferenceOperation element:
                return Operations.ReferencedSymbol(element.ArrayReference);
            case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } list }:
                return Operations.ReferencedSymbol(list);
            case ILocalReferenceOperation local when index.Reaching(local, ct) is [IForEachLoopOperation loop]:
                return Operations.ReferencedSymbol(loop.Collection);
            case var other:
                return Operations.ReferencedSymbol(other);
        }
    }

    private static bool Reads(IOperation operation, ISymbol storage, FlowIndex index, CancellationToken ct, int depth, HashSet<IOperation> seen)
    {
        if (depth > MaxDepth || !seen.Add(operation))
        {
            return false;
        }

        foreach (var part in operation.DescendantsAndSelf())
        {
            if (part is not (ILocalReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation or IParameterReferenceOperation))
            {
                continue;
            }

            if (SymbolEqualityComparer.Default.Equals(Operations.ReferencedSymbol(part), storage))
            {
                return true;
            }

            if (part is ILocalReferenceOperation local && index.Reaching(local, ct).Any(d => Reads(d is IForEachLoopOperation loop ? loop.Collection : d, storage, index, ct, depth + 1, seen)))
            {
                return true;
            }
        }

        return false;
    }
}
