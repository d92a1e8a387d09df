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

    /// <summary>The root of the operation tree (a method body, an initializer).</summary>
    public static IOperation Root(IOperation operation)
    {
        while (operation.Parent != null)
        {
            operation = operation.Parent;
        }

        return operation;
    }

    /// <summary>The symbol a reference names: a local, parameter, field or property.</summary>
    public static ISymbol? ReferencedSymbol(IOperation operation) => Strip(operation) switch
    {
        ILocalReferenceOperation l => l.Local,
        IFieldReferenceOperation f => f.Field.OriginalDefinition,
        IPropertyReferenceOperation p => p.Property.OriginalDefinition,
        IParameterReferenceOperation p => p.Parameter,
        _ => null,
    };

    /// <summary>An auto-property: its getter has no body, so the property is storage (what is written to it is what is read).</summary>
    public static bool IsAutoProperty(IPropertySymbol property) =>
        property.GetMethod is { } getter && getter.DeclaringSyntaxReferences.Length > 0
        && getter.DeclaringSyntaxReferences.All(r => r.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.AccessorDeclarationSyntax { Body: null, ExpressionBody: null });

    /// <summary>The constant value as a double, if it is a number.</summary>
    public static double? Number(IOperation operation) =>
        Strip(operation).ConstantValue is { HasValue: true, Value: var value } ? Frontend.MathApi.ToDouble(value) : null;

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
}
