using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Gradwise.Symbolic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
namespace Gradwise.Frontend;

/// <summary>The procedure reader, continued. Element reads and stores: parameters, slices and local buffers at typed int indices.</summary>
internal sealed partial class MethodFrontend
{
    private IOperation? ElementTarget(IOperation effect) => effect switch
    {
        IAssignmentOperation a when a.Target is IArrayElementReferenceOperation or IPropertyReferenceOperation { Property.IsIndexer: true } => a.Target,
        IIncrementOrDecrementOperation s when s.Target is IArrayElementReferenceOperation or IPropertyReferenceOperation { Property.IsIndexer: true } => s.Target,
        _ => null,
    };

    private static ILocalSymbol? IntTarget(IOperation effect) => effect switch
    {
        IAssignmentOperation { Target: ILocalReferenceOperation { Local.Type.SpecialType: SpecialType.System_Int32 } l } => l.Local,
        IIncrementOrDecrementOperation { Target: ILocalReferenceOperation { Local.Type.SpecialType: SpecialType.System_Int32 } s } => s.Local,
        _ => null,
    };

    private bool ExecuteStore(IOperation effect, IOperation target, Scope scope, List<Stmt> output)
    {
        var (instance, index) = ElementParts(target);
        BufferInfo? buffer = null;
        IntExpr? offset = null;
        switch (Strip(instance))
        {
            case ILocalReferenceOperation local when buffers.TryGetValue(local.Local, out var own):
                buffer = own;
                break;
            case ILocalReferenceOperation local when ViewedBuffer(local.Local) is var (viewed, viewOffset):
                (buffer, offset) = (viewed, viewOffset); // forget[k] = ... with forget = gates.Slice(0, h)
                break;
            case IParameterReferenceOperation parameter when boundSpans.TryGetValue(parameter.Parameter, out var bound) && buffers.Values.FirstOrDefault(b => b.Name == bound.Array) is { } given:
                // A span parameter of a method read where it is called, given a local buffer of the caller (or a slice of one).
                (buffer, offset) = (given, bound.Offset);
                break;
        }

        if (buffer is null)
        {
            var name = Strip(instance) is IParameterReferenceOperation p ? "the parameter '" + p.Parameter.Name + "'" : "'" + instance?.Syntax + "'";
            Unsupported(effect, "the write '" + FirstLine(effect.Syntax) + "'", "it writes into " + name + "; a [Differentiable] method writes only local buffers (stackalloc double[n] or new double[n]), its own or, in a method it calls, ones it is given");
            return false;
        }

        var indexCode = index is null ? null : ReadInt(index);
        if (indexCode is null)
        {
            return false;
        }

        indexCode = Shifted(offset, indexCode);

        var element = Ex.Element(buffer.Name, indexCode);
        Expr? value;
        switch (effect)
        {
            case ISimpleAssignmentOperation assignment:
                value = Read(assignment.Value, scope.Env);
                break;
            case ICompoundAssignmentOperation compound when compound.OperatorMethod is null:
                var operand = Read(compound.Value, scope.Env);
                value = operand is null ? null : Combine(compound.OperatorKind, element, operand, compound);
                break;
            case IIncrementOrDecrementOperation step:
                value = step.Kind == OperationKind.Increment ? Ex.Add(element, Ex.One) : Ex.Sub(element, Ex.One);
                break;
            default:
                Unsupported(effect, "'" + FirstLine(effect.Syntax) + "'", "this write is not supported");
                return false;
        }

        if (value is null)
        {
            return false;
        }

        FlushCalls(output);
        Sync(scope, output);
        Protect(scope, output, new[] { buffer.Name });
        output.Add(new StoreStmt(buffer.Name, indexCode, value));
        return true;
    }

    /// <summary>
    /// An array field or auto-property that is not trained (a feature scale, class weights, labels kept by the model): data the
    /// generated code reads where your method does, of this object, a layer, or a class. Its name in the IR and its element type (a
    /// float is read as a double); null for anything else.
    /// </summary>
    private (string Name, SpecialType Element)? DataArray(IOperation? operation)
    {
        if (Strip(operation) is not IMemberReferenceOperation { Member: var member } reference
            || reference is not (IFieldReferenceOperation or IPropertyReferenceOperation { Arguments.IsEmpty: true })
            || (member is IPropertySymbol property && !Flow.Operations.IsAutoProperty(property))
            || ModelParameters.TypeOf(member) is not IArrayTypeSymbol { Rank: 1 } array
            || array.ElementType.SpecialType is not (SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Int32))
        {
            return null;
        }

        var element = array.ElementType.SpecialType == SpecialType.System_Int32 ? SpecialType.System_Int32 : SpecialType.System_Double;
        if (MemberPath(member, reference.Instance) is not { } name || modelLeaves.Contains(name))
        {
            return null; // a trained field is read by ModelField
        }

        return IsReadableFromHere(reference, member) ? (name, element) : null;
    }

    private static (IOperation? Instance, IOperation? Index) ElementParts(IOperation element) => element switch
    {
        IArrayElementReferenceOperation { Indices.Length: 1 } a => (a.ArrayReference, a.Indices[0]),
        IArrayElementReferenceOperation a => (a.ArrayReference, null), // w[i, j]: read by ElementAt, written by nothing
        IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } p => (p.Instance, p.Arguments[0].Value),
        _ => (null, null),
    };

    /// <summary>A double element read: <c>w[j]</c> of a parameter, a view or a buffer, as a leaf.</summary>
    private Expr? ReadElement(IOperation operation) =>
        ElementAt(operation, SpecialType.System_Double) is var (array, index) ? Ex.Element(array, index) : null;

    /// <summary>
    /// What a span expression reads: a span or array parameter of this method, a slice view of
    /// one, or a local buffer; as the array's name, the view's offset (null for none), its length
    /// and the element type. Null for anything else.
    /// </summary>
    private (string Array, IntExpr? Offset, IntExpr Length, SpecialType Element)? SpanSource(IOperation? operation)
    {
        switch (Strip(operation))
        {
            case IArrayElementReferenceOperation { ArrayReference: var rows, Indices.Length: 1 } row when MatrixName(rows, IsJagged) is { } rowName:
                // A row w[i] of a double[][]: its elements are read at (i, j).
                return ReadInt(row.Indices[0]) is { } at ? (rowName, new IntRow(at, IntExpr.Zero), new IntRowLength(rowName, at), SpecialType.System_Double) : null;
            case IFieldReferenceOperation or IPropertyReferenceOperation when ModelField(operation, t => IsFloatingPoint(ElementTypeOf(t))) is { } field:
                return (field, null, new IntLength(field), SpecialType.System_Double);
            case IFieldReferenceOperation or IPropertyReferenceOperation when DataArray(operation) is var (data, element):
                return (data, null, new IntLength(data), element);
            case IParameterReferenceOperation parameter when boundSpans.TryGetValue(parameter.Parameter, out var bound):
                return (bound.Array, bound.Offset, bound.Length, bound.Element);
            case IParameterReferenceOperation parameter when SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, method)
                && ElementTypeOf(parameter.Parameter.Type) is SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Int32:
                // float elements are read as doubles: the method is computed in double.
                var name = Escaped(parameter.Parameter.Name);
                return (name, null, new IntLength(name), IsFloatingPoint(ElementTypeOf(parameter.Parameter.Type)) ? SpecialType.System_Double : SpecialType.System_Int32);
            case ILocalReferenceOperation local when views.TryGetValue(local.Local, out var view):
                return (view.Array, view.Offset, view.Length, view.IsDouble ? SpecialType.System_Double : SpecialType.System_Int32);
            case IInvocationOperation call when SliceParts(call) is var (sliced, rest) && rest.Count is 1 or 2 && SpanSource(sliced) is var (array, offset, length, element):
                {
                    // A slice of any span this method reads (a helper's parameter, a row): its window moved by start.
                    var start = ReadInt(rest[0]);
                    var count = rest.Count == 2 ? ReadInt(rest[1]) : null;
                    if (start is null || (rest.Count == 2 && count is null))
                    {
                        return null;
                    }

                    return (array, Shifted(offset, start), count ?? IntExpr.Minus(length, start), element);
                }

            case ILocalReferenceOperation local when buffers.TryGetValue(local.Local, out var buffer):
                return (buffer.Name, null, buffer.Length, SpecialType.System_Double);
            default:
                return null;
        }
    }

    /// <summary>The array and index an element read reads at (a view's offset added), or null (reported).</summary>
    private (string Array, IntExpr Index)? ElementAt(IOperation operation, SpecialType expected)
    {
        if (expected == SpecialType.System_Double && operation is IArrayElementReferenceOperation { Indices.Length: 2 } cell
            && MatrixName(cell.ArrayReference, IsRectangular) is { } matrix)
        {
            // w[i, j] of a double[,] parameter or trainable field.
            var row = ReadInt(cell.Indices[0]);
            var column = row is null ? null : ReadInt(cell.Indices[1]);
            return column is null ? null : (matrix, new IntGrid(row!, column));
        }

        var (instance, index) = ElementParts(operation);
        var source = Strip(instance);
        if (index is null || source is null || index.Type?.SpecialType != SpecialType.System_Int32)
        {
            Unsupported(operation, "the element '" + operation.Syntax + "'", "elements are read with one int index (not a range or an Index from the end)");
            return null;
        }

        if (SpanSource(source) is not var (array, offset, _, element) || element != expected)
        {
            Unsupported(operation, "the element '" + operation.Syntax + "'", "elements are read from span or array parameters, their slices, or local buffers");
            return null;
        }

        var indexCode = ReadInt(index);
        if (indexCode is null)
        {
            return null;
        }

        return (array, Shifted(offset, indexCode));
    }

    /// <summary>The name of a matrix this method reads from: a parameter of its own, or a trainable field of its model class, whose type <paramref name="kind"/> accepts.</summary>
    private string? MatrixName(IOperation? operation, Func<ITypeSymbol, bool> kind) => Strip(operation) switch
    {
        IParameterReferenceOperation parameter when boundMatrices.TryGetValue(parameter.Parameter, out var bound) && kind(parameter.Parameter.Type) => bound,
        IParameterReferenceOperation parameter when SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, method) && kind(parameter.Parameter.Type)
            => Escaped(parameter.Parameter.Name),
        var other => ModelField(other, kind),
    };

    /// <summary>The position of element <paramref name="index"/> of a span that starts at <paramref name="offset"/> (null: at 0; a jagged row: in that row).</summary>
    private static IntExpr Shifted(IntExpr? offset, IntExpr index) => offset switch
    {
        null => index,
        IntRow row => new IntRow(row.Row, IntExpr.Plus(row.Column, index)),
        _ => IntExpr.Plus(offset, index),
    };
}
