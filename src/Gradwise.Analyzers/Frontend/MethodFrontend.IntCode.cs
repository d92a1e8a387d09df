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

/// <summary>The procedure reader, continued. Int values: indices, bounds and int locals as <see cref="IntExpr"/> over values that never change during the call.</summary>
internal sealed partial class MethodFrontend
{
    /// <summary>
    /// An int value over values fixed for the call: constants, int parameters, int
    /// locals and loop counters, lengths, elements of int spans, and (int) of a double that does
    /// not depend on a differentiated value.
    /// </summary>
    private IntExpr? ReadInt(IOperation operation)
    {
        switch (operation.ConstantValue)
        {
            case { HasValue: true, Value: int constant }:
                return new IntConstant(constant);
            case { HasValue: true, Value: bool truth }:
                return new IntConstant(truth ? 1 : 0);
            case { HasValue: true, Value: byte or sbyte or short or ushort } small:
                return new IntConstant(System.Convert.ToInt32(small.Value, System.Globalization.CultureInfo.InvariantCulture)); // an enum's member over a smaller type
        }

        switch (operation)
        {
            case IConversionOperation { OperatorMethod: null, Operand.Type.TypeKind: TypeKind.Enum } conversion:
                return ReadInt(conversion.Operand); // (int)Activation
            case IFieldReferenceOperation or IPropertyReferenceOperation { Arguments.IsEmpty: true } when SettingOf((IMemberReferenceOperation)operation) is { } setting:
                return setting;
            case IParenthesizedOperation parenthesized:
                return ReadInt(parenthesized.Operand);
            case IConversionOperation { OperatorMethod: null } conversion when conversion.Operand.Type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int16 or SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_UInt16:
                return ReadInt(conversion.Operand);
            case IConversionOperation { OperatorMethod: null, Type.SpecialType: SpecialType.System_Int32 } conversion when conversion.Operand.Type?.SpecialType is SpecialType.System_Double or SpecialType.System_Single:
                return ReadTruncation(conversion);
            case IParameterReferenceOperation parameter when boundInts.TryGetValue(parameter.Parameter, out var boundInt):
                return boundInt;
            case IParameterReferenceOperation parameter when parameter.Parameter.Type.SpecialType == SpecialType.System_Int32:
                return IntExpr.Var(Escaped(parameter.Parameter.Name));
            case ILocalReferenceOperation local when intNames.TryGetValue(local.Local, out var name):
                return IntExpr.Var(name);
            case IIncrementOrDecrementOperation step when step == conditionStep:
                return ReadInt(step.Target); // the step itself is an IntAssignStmt placed around the loop test (ExecuteLoop)
            case IIncrementOrDecrementOperation or IAssignmentOperation:
                Unsupported(operation, "the change '" + operation.Syntax + "' inside an expression", "an int changes in a statement of its own: write the change on a line of its own, before or after the statement that reads the int");
                return null;
            case ILocalReferenceOperation local when local.Local.IsConst && local.Local.HasConstantValue && local.Local.ConstantValue is int c:
                return new IntConstant(c);
            case IBinaryOperation binary when binary.OperatorMethod is null && binary.Type?.SpecialType == SpecialType.System_Int32
                && binary.OperatorKind is BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply or BinaryOperatorKind.Divide or BinaryOperatorKind.Remainder:
                {
                    var left = ReadInt(binary.LeftOperand);
                    var right = ReadInt(binary.RightOperand);
                    if (left is null || right is null)
                    {
                        return null;
                    }

                    return IntExpr.Binary(IntOperatorOf(binary.OperatorKind)!.Value, left, right);
                }

            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus, OperatorMethod: null } negation when negation.Type?.SpecialType == SpecialType.System_Int32:
                {
                    var inner = ReadInt(negation.Operand);
                    return inner is null ? null : new IntNegation(inner);
                }

            case IPropertyReferenceOperation { Property.Name: "Length" } length when Strip(length.Instance) is { } instance:
                switch (instance)
                {
                    case IParameterReferenceOperation parameter when boundSpans.TryGetValue(parameter.Parameter, out var boundSpan):
                        return boundSpan.Length;
                    case IParameterReferenceOperation parameter when boundMatrices.TryGetValue(parameter.Parameter, out var boundMatrix):
                        return new IntLength(boundMatrix);
                    case IParameterReferenceOperation parameter when ElementTypeOf(parameter.Parameter.Type) != SpecialType.None || IsJagged(parameter.Parameter.Type) || IsRectangular(parameter.Parameter.Type):
                        return new IntLength(Escaped(parameter.Parameter.Name));
                    case IArrayElementReferenceOperation or ILocalReferenceOperation when SpanSource(instance) is { Offset: IntRow, Length: var rowLength }:
                        return rowLength;
                    case IFieldReferenceOperation or IPropertyReferenceOperation when ModelField(instance, t => t is IArrayTypeSymbol) is { } field:
                        return new IntLength(field);
                    case IFieldReferenceOperation or IPropertyReferenceOperation when DataArray(instance) is var (data, _):
                        return new IntLength(data);
                    case ILocalReferenceOperation local when views.TryGetValue(local.Local, out var view):
                        return view.Length;
                    case ILocalReferenceOperation local when buffers.TryGetValue(local.Local, out var buffer):
                        return buffer.Length;
                }

                break;
            case IArrayElementReferenceOperation or IPropertyReferenceOperation { Property.IsIndexer: true }:
                {
                    return ElementAt(operation, SpecialType.System_Int32) is var (array, index) ? new IntElement(array, index) : null;
                }

            case IInvocationOperation { TargetMethod.Name: "GetLength", Arguments.Length: 1, Instance: { } dimensioned } getLength
                when MatrixName(dimensioned, IsRectangular) is { } matrix
                    && getLength.Arguments[0].Value.ConstantValue is { HasValue: true, Value: int dimension and (0 or 1) }:
                return new IntDimension(matrix, dimension);

            case IInvocationOperation { TargetMethod.Name: "Min" or "Max", Arguments.Length: 2 } call
                when call.TargetMethod.ContainingType?.ToDisplayString() == KnownNames.SystemMath && call.Type?.SpecialType == SpecialType.System_Int32:
                {
                    var a = ReadInt(call.Arguments[0].Value);
                    var b = ReadInt(call.Arguments[1].Value);
                    return a is null || b is null ? null : new IntExtremum(call.TargetMethod.Name == "Max", a, b);
                }
        }

        Unsupported(operation, "the int value '" + operation.Syntax + "'", "an int is computed from constants, int parameters and locals, loop counters, lengths and int elements, and int, enum or bool fields the method does not change, so it is the same in the reverse sweep");
        return null;
    }

    /// <summary>True for an enum or a bool: read as an int (<see cref="IntSetting"/>), compared and switched on, never differentiated.</summary>
    private static bool IsSettingType(ITypeSymbol? type) => type is { TypeKind: TypeKind.Enum } or { SpecialType: SpecialType.System_Boolean };

    /// <summary>
    /// An int, enum or bool field or auto-property of this object, of a layer, or a static one: a setting fixed for the call
    /// (<c>this.hidden.Activation</c>), which the generated code reads where your method does. Null for anything else (the caller
    /// reports it), or reported when it is private to a layer's class.
    /// </summary>
    private IntSetting? SettingOf(IMemberReferenceOperation reference)
    {
        var member = reference.Member;
        var type = ModelParameters.TypeOf(member);
        if (type is null || !(type.SpecialType == SpecialType.System_Int32 || IsSettingType(type))
            || (member is IPropertySymbol property && !Flow.Operations.IsAutoProperty(property)))
        {
            return null;
        }

        var kind = type.TypeKind == TypeKind.Enum ? SettingKind.Enum : type.SpecialType == SpecialType.System_Boolean ? SettingKind.Bool : SettingKind.Int;
        if (type is INamedTypeSymbol { EnumUnderlyingType.SpecialType: not (SpecialType.System_Int32 or SpecialType.System_Int16 or SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_UInt16) })
        {
            return null; // a long or uint enum does not fit an int
        }

        return MemberPath(member, reference.Instance) is { } name && IsReadableFromHere(reference, member)
            ? new IntSetting(name, kind)
            : null;
    }

    /// <summary>
    /// <c>k = e</c>, <c>k op= e</c>, <c>k++</c>, <c>k--</c> on an int local: an <see cref="IntAssignStmt"/>. The double
    /// values read so far that read k keep the value they read (they are copied into locals first).
    /// </summary>
    private bool ExecuteIntAssignment(IOperation effect, ILocalSymbol local, Scope scope, List<Stmt> output)
    {
        if (!intNames.TryGetValue(local, out var name))
        {
            Unsupported(effect, "the change to the int '" + local.Name + "'", "it is declared outside the method's statements");
            return false;
        }

        var current = IntExpr.Var(name);
        IntExpr? value;
        switch (effect)
        {
            case ISimpleAssignmentOperation assignment:
                value = ReadInt(assignment.Value);
                break;
            case ICompoundAssignmentOperation { OperatorMethod: null } compound when IntOperatorOf(compound.OperatorKind) is { } op:
                var operand = ReadInt(compound.Value);
                value = operand is null ? null : IntExpr.Binary(op, current, operand);
                break;
            case IIncrementOrDecrementOperation step:
                value = IntExpr.Binary(step.Kind == OperationKind.Increment ? IntOperator.Add : IntOperator.Subtract, current, IntExpr.One);
                break;
            default:
                Unsupported(effect, "'" + FirstLine(effect.Syntax) + "'", "an int changes by =, +=, -=, *=, /=, %=, ++ or --");
                return false;
        }

        if (value is null)
        {
            return false;
        }

        FlushCalls(output);
        Sync(scope, output);
        Protect(scope, output, new[] { name });
        output.Add(new IntAssignStmt(name, value));
        return true;
    }

    private static IntOperator? IntOperatorOf(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.Add => IntOperator.Add,
        BinaryOperatorKind.Subtract => IntOperator.Subtract,
        BinaryOperatorKind.Multiply => IntOperator.Multiply,
        BinaryOperatorKind.Divide => IntOperator.Divide,
        BinaryOperatorKind.Remainder => IntOperator.Remainder,
        _ => null,
    };

    private IntExpr? ReadTruncation(IConversionOperation conversion)
    {
        if (conversion.Operand.DescendantsAndSelf().Any(o => o is ILocalReferenceOperation { Local.Type.SpecialType: SpecialType.System_Double or SpecialType.System_Single }))
        {
            Unsupported(conversion, "the int '" + conversion.Syntax + "'", "it is computed from a double local; an int index is computed from parameters, so it is the same in the reverse sweep");
            return null;
        }

        var value = Read(conversion.Operand, new Dictionary<ISymbol, Expr>(SymbolEqualityComparer.Default));
        if (value is null)
        {
            return null;
        }

        foreach (var field in modelLeaves)
        {
            if (DependsOnArray(value, field))
            {
                Unsupported(conversion, "the int '" + conversion.Syntax + "'", "it is computed from '" + field.Substring("this.".Length) + "', a [Parameter] field, which is differentiated");
                return null;
            }
        }

        foreach (var parameter in method.Parameters)
        {
            if (modelLeaves.Count == 0 && !DifferentiableSignature.IsNoGradient(parameter) && (IsFloatingPoint(ElementTypeOf(parameter.Type)) || IsFloatingPoint(parameter.Type.SpecialType))
                && DependsOnArray(value, Escaped(parameter.Name)))
            {
                Unsupported(conversion, "the int '" + conversion.Syntax + "'", "it is computed from '" + parameter.Name + "', which is differentiated; mark it [NoGradient] if it holds labels or indices");
                return null;
            }
        }

        return new IntTruncation(value);
    }

    private static bool DependsOnArray(Expr e, string name) => Leaf.In(e).Any(leaf => leaf.Root == name);
}
