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
        if (operation.ConstantValue.HasValue && operation.ConstantValue.Value is int constant)
        {
            return new IntConstant(constant);
        }

        switch (operation)
        {
            case IParenthesizedOperation parenthesized:
                return ReadInt(parenthesized.Operand);
            case IConversionOperation { OperatorMethod: null } conversion when conversion.Operand.Type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int16 or SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_UInt16:
                return ReadInt(conversion.Operand);
            case IConversionOperation { OperatorMethod: null, Type.SpecialType: SpecialType.System_Int32 } conversion when conversion.Operand.Type?.SpecialType is SpecialType.System_Double or SpecialType.System_Single:
                return ReadTruncation(conversion);
            case IParameterReferenceOperation parameter when parameter.Parameter.Type.SpecialType == SpecialType.System_Int32:
                return IntExpr.Var(Escaped(parameter.Parameter.Name));
            case ILocalReferenceOperation local when intNames.TryGetValue(local.Local, out var name):
                return IntExpr.Var(name);
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

                    var op = binary.OperatorKind switch
                    {
                        BinaryOperatorKind.Add => IntOperator.Add,
                        BinaryOperatorKind.Subtract => IntOperator.Subtract,
                        BinaryOperatorKind.Multiply => IntOperator.Multiply,
                        BinaryOperatorKind.Divide => IntOperator.Divide,
                        _ => IntOperator.Remainder,
                    };
                    return IntExpr.Binary(op, left, right);
                }

            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus, OperatorMethod: null } negation when negation.Type?.SpecialType == SpecialType.System_Int32:
                {
                    var inner = ReadInt(negation.Operand);
                    return inner is null ? null : new IntNegation(inner);
                }

            case IPropertyReferenceOperation { Property.Name: "Length" } length when Strip(length.Instance) is { } instance:
                switch (instance)
                {
                    case IParameterReferenceOperation parameter when ElementTypeOf(parameter.Parameter.Type) != SpecialType.None:
                        return new IntLength(Escaped(parameter.Parameter.Name));
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

            case IInvocationOperation { TargetMethod.Name: "Min" or "Max", Arguments.Length: 2 } call
                when call.TargetMethod.ContainingType?.ToDisplayString() == KnownNames.SystemMath && call.Type?.SpecialType == SpecialType.System_Int32:
                {
                    var a = ReadInt(call.Arguments[0].Value);
                    var b = ReadInt(call.Arguments[1].Value);
                    return a is null || b is null ? null : new IntExtremum(call.TargetMethod.Name == "Max", a, b);
                }
        }

        Unsupported(operation, "the int value '" + operation.Syntax + "'", "an int is computed from constants, int parameters and locals, loop counters, lengths and int elements, so it is the same in the reverse sweep");
        return null;
    }

    private IntExpr? ReadTruncation(IConversionOperation conversion)
    {
        if (conversion.Operand.DescendantsAndSelf().Any(o => o is ILocalReferenceOperation { Local.Type.SpecialType: SpecialType.System_Double }))
        {
            Unsupported(conversion, "the int '" + conversion.Syntax + "'", "it is computed from a double local; an int index is computed from parameters, so it is the same in the reverse sweep");
            return null;
        }

        var value = Read(conversion.Operand, new Dictionary<ISymbol, Expr>(SymbolEqualityComparer.Default));
        if (value is null)
        {
            return null;
        }

        foreach (var parameter in method.Parameters)
        {
            if (!DifferentiableSignature.IsNoGradient(parameter) && (ElementTypeOf(parameter.Type) == SpecialType.System_Double || parameter.Type.SpecialType == SpecialType.System_Double)
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
