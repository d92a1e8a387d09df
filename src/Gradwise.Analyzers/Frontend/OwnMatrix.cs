using System.Linq;
using System.Threading;
using Gradwise.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Gradwise.Frontend;

/// <summary>
/// Matrix and vector classes of your own, as the ports of the "toy neural network" write them (<c>class Matrix { double[,] data; ... }</c>
/// with <c>Map(f)</c>, <c>Multiply(m)</c>, <c>Subtract(a, b)</c>): a source type whose one instance array of numbers is its storage is read
/// element by element, as <see cref="VectorApi"/> reads the libraries' vectors. What one of its methods does to an element is not
/// looked up by name: it is the method's one store into the storage, read by <see cref="TolerantMathReader"/>.
/// </summary>
internal static class OwnMatrix
{
    /// <summary>
    /// The field or auto-property that holds a type's elements: its only instance array of numbers (<c>double[,]</c>, <c>double[][]</c>,
    /// <c>float[]</c>), for a class or struct declared in source; null for any other type (one with two such arrays too: which one would
    /// an element be?).
    /// </summary>
    public static ISymbol? StorageOf(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } named || named.DeclaringSyntaxReferences.Length == 0
            || named.SpecialType != SpecialType.None || VectorApi.IsVector(named))
        {
            return null; // metadata types (double, List<T>, a library's vector) are answered before any member is looked at
        }

        ISymbol? storage = null;
        foreach (var member in named.GetMembers())
        {
            var holds = member switch
            {
                IFieldSymbol { IsStatic: false, IsImplicitlyDeclared: false } field => IsNumberArray(field.Type),
                IPropertySymbol { IsStatic: false, IsIndexer: false } property => Operations.IsAutoProperty(property) && IsNumberArray(property.Type),
                _ => false,
            };
            if (holds)
            {
                if (storage != null)
                {
                    return null;
                }

                storage = member;
            }
        }

        return storage;
    }

    /// <summary>
    /// A method's one store into an element of its type's storage, with whether it writes this object's elements (<c>data[i, j] = f(data[i, j])</c>
    /// in an instance method) or a new object's that the method returns (<c>result.data[i, j] = a.data[i, j] - b.data[i, j]; ... return result;</c>);
    /// null when the method has no such store or more than one.
    /// </summary>
    public static ElementStore? StoreOf(IMethodSymbol method, IValueSource source, CancellationToken cancellationToken)
    {
        method = method.OriginalDefinition;
        if (method.DeclaringSyntaxReferences.Length == 0 || source.StorageOf(method.ContainingType) is not { } storage)
        {
            return null;
        }

        var stores = source.WritesIn(method, storage, cancellationToken).Where(w => w.IntoElements).ToList();
        if (stores.Count != 1)
        {
            return null;
        }

        (IOperation? Target, IOperation? Value, BinaryOperatorKind? Compound) parts = stores[0].Site switch
        {
            ISimpleAssignmentOperation assignment => (assignment.Target, assignment.Value, null),
            ICompoundAssignmentOperation update => (update.Target, update.Value, update.OperatorKind),
            _ => (null, null, null),
        };
        var (target, value, compound) = parts;
        if (target is null || value is null || StorageReference(target, storage) is not { } reference)
        {
            return null;
        }

        var instance = reference.Instance is null ? null : Operations.Strip(reference.Instance);
        if (!method.IsStatic && instance is null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance })
        {
            return new ElementStore(storage, target, value, compound, InPlace: true);
        }

        return instance is ILocalReferenceOperation result && source.SingleReturn(method, cancellationToken) is { } returned
            && Operations.Strip(returned) is ILocalReferenceOperation { Local: var returnedLocal } && SymbolEqualityComparer.Default.Equals(returnedLocal, result.Local)
            ? new ElementStore(storage, target, value, compound, InPlace: false)
            : null;
    }

    /// <summary>The reference to <paramref name="storage"/> an element access reads or writes (<c>x.data</c> of <c>x.data[i, j]</c> or <c>x.data[i][j]</c>), or null.</summary>
    public static IMemberReferenceOperation? StorageReference(IOperation element, ISymbol storage) =>
        Operations.Strip(element) is IArrayElementReferenceOperation access && MemberFacts.RootCollection(access.ArrayReference) is IMemberReferenceOperation member
        && SymbolEqualityComparer.Default.Equals(member.Member.OriginalDefinition, storage.OriginalDefinition)
            ? member
            : null;

    private static bool IsNumberArray(ITypeSymbol type)
    {
        var current = type;
        while (current is IArrayTypeSymbol array)
        {
            current = array.ElementType;
        }

        return !ReferenceEquals(current, type) && current.SpecialType is SpecialType.System_Double or SpecialType.System_Single;
    }
}

/// <summary>One store of a method into its type's storage: the element written, the value, the operator of <c>op=</c>, and whether it is this object's element.</summary>
internal sealed record ElementStore(ISymbol Storage, IOperation Target, IOperation Value, BinaryOperatorKind? Compound, bool InPlace);
