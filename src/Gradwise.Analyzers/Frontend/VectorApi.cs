using System.Collections.Generic;
using System.Linq;
using Gradwise.Symbolic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Gradwise.Frontend;

/// <summary>
/// The one table of the vector and matrix libraries whose values the recognizers read element by element (a whole
/// vector <c>v</c> stands for its element <c>v[k]</c>): MathNet.Numerics' <c>Vector&lt;T&gt;</c> and <c>Matrix&lt;T&gt;</c>,
/// Numpy.NET's <c>NDarray</c> and NumSharp's <c>NDArray</c>. Which of their operators and members act element by
/// element is decided here and nowhere else.
/// </summary>
internal static class VectorApi
{
    /// <summary>The types by metadata name, with whether <c>*</c> and <c>/</c> between two of them are element by element (NumPy's rule) or linear algebra (MathNet: a dot or matrix product).</summary>
    private static readonly Dictionary<string, bool> Types = new(System.StringComparer.Ordinal)
    {
        ["MathNet.Numerics.LinearAlgebra.Vector`1"] = false,
        ["MathNet.Numerics.LinearAlgebra.Matrix`1"] = false,
        ["Numpy.NDarray"] = true,
        ["NumSharp.NDArray"] = true,
    };

    private static readonly HashSet<string> SimpleNames = new(Types.Keys.Select(k => k.Substring(k.LastIndexOf('.') + 1).Split('`')[0]), System.StringComparer.Ordinal);

    /// <summary>The static classes of NumPy's functions (<c>np.exp</c>, <c>np.multiply</c>).</summary>
    private static readonly HashSet<string> NumpyModules = new(System.StringComparer.Ordinal) { "Numpy.np", "NumSharp.np" };

    /// <summary>Members of two operands, on a vector (<c>a.PointwiseMultiply(b)</c>) or a NumPy module (<c>np.multiply(a, b)</c>); <c>Multiply</c> and <c>Divide</c> of a vector take a number.</summary>
    private static readonly Dictionary<string, BinaryOperatorKind> Binary = new(System.StringComparer.Ordinal)
    {
        ["PointwiseMultiply"] = BinaryOperatorKind.Multiply,
        ["PointwiseDivide"] = BinaryOperatorKind.Divide,
        ["Add"] = BinaryOperatorKind.Add,
        ["Subtract"] = BinaryOperatorKind.Subtract,
        ["Multiply"] = BinaryOperatorKind.Multiply,
        ["Divide"] = BinaryOperatorKind.Divide,
        ["add"] = BinaryOperatorKind.Add,
        ["subtract"] = BinaryOperatorKind.Subtract,
        ["multiply"] = BinaryOperatorKind.Multiply,
        ["divide"] = BinaryOperatorKind.Divide,
    };

    /// <summary>True for a vector or matrix type of the table (or a type derived from one, such as MathNet's <c>DenseVector</c>).</summary>
    public static bool IsVector(ITypeSymbol? type) => StarIsElementwise(type) != null;

    /// <summary>True for a NumPy module's function (<c>np.exp</c>).</summary>
    public static bool IsNumpyFunction(IMethodSymbol method) =>
        method.IsStatic && method.ContainingType is { } type && NumpyModules.Contains(type.ToDisplayString());

    /// <summary>True when the user-defined operator <paramref name="operation"/> acts element by element on vectors of the table.</summary>
    public static bool IsElementwise(IBinaryOperation operation)
    {
        if (operation.OperatorMethod is null || StarIsElementwise(operation.Type) is not { } star)
        {
            return false; // MathNet's vector * vector is a number (a dot product): not a vector
        }

        return operation.OperatorKind switch
        {
            BinaryOperatorKind.Add or BinaryOperatorKind.Subtract => true,
            BinaryOperatorKind.Multiply or BinaryOperatorKind.Divide => star || !IsVector(operation.LeftOperand.Type) || !IsVector(operation.RightOperand.Type),
            _ => false,
        };
    }

    /// <summary>
    /// The two vectors of a dot product, Σ a[k]·b[k]: MathNet's <c>a * b</c> of two vectors (not element by element there) or
    /// <c>a.DotProduct(b)</c>; null for anything else.
    /// </summary>
    public static (IOperation Left, IOperation Right)? DotProduct(IOperation operation) => operation switch
    {
        IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply, OperatorMethod: not null } product
            when StarIsElementwise(product.LeftOperand.Type) == false && StarIsElementwise(product.RightOperand.Type) == false
                && IsVectorOnly(product.LeftOperand.Type) && IsVectorOnly(product.RightOperand.Type) => (product.LeftOperand, product.RightOperand),
        IInvocationOperation { TargetMethod.Name: "DotProduct", Instance: { } left, Arguments.Length: 1 } call
            when StarIsElementwise(left.Type) == false => (left, call.Arguments[0].Value),
        _ => null,
    };

    /// <summary>True for a vector of a linear-algebra library of the table, not a matrix (a matrix times a vector is a vector, not a sum).</summary>
    private static bool IsVectorOnly(ITypeSymbol? type)
    {
        for (var t = type as INamedTypeSymbol; t != null; t = t.BaseType)
        {
            if (t.Name == "Vector" && t.ContainingNamespace?.ToDisplayString() == "MathNet.Numerics.LinearAlgebra")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The operator and the two operands of a member call that combines two values element by element: <c>a.PointwiseMultiply(b)</c>,
    /// <c>a.Subtract(b)</c>, <c>a.Multiply(2.0)</c>, <c>np.multiply(a, b)</c>; null for any other call.
    /// </summary>
    public static (BinaryOperatorKind Kind, IOperation Left, IOperation Right)? BinaryCall(IInvocationOperation call)
    {
        if (!Binary.TryGetValue(call.TargetMethod.Name, out var kind) || !IsVector(call.Type))
        {
            return null;
        }

        var arguments = call.Arguments.Where(a => a.ArgumentKind == ArgumentKind.Explicit).ToList();
        if (call.Instance is { } receiver && IsVector(receiver.Type) && arguments.Count == 1 && char.IsUpper(call.TargetMethod.Name[0]))
        {
            // a.Multiply(b) of two MathNet vectors or matrices is a dot or matrix product; of a number, element by element.
            var scalarOnly = call.TargetMethod.Name is "Multiply" or "Divide";
            return scalarOnly && !MathApi.IsNumeric(arguments[0].Value.Type) ? null : (kind, receiver, arguments[0].Value);
        }

        return IsNumpyFunction(call.TargetMethod) && arguments.Count == 2 && char.IsLower(call.TargetMethod.Name[0]) ? (kind, arguments[0].Value, arguments[1].Value) : null;
    }

    /// <summary>
    /// The elementary function and its operand for a call that applies one to every element: <c>v.PointwiseExp()</c>,
    /// <c>np.exp(v)</c>, <c>np.tanh(v)</c>; null for any other call.
    /// </summary>
    public static (MathFunction Function, IOperation Operand)? FunctionCall(IInvocationOperation call)
    {
        var name = call.TargetMethod.Name;
        var arguments = call.Arguments.Where(a => a.ArgumentKind == ArgumentKind.Explicit).ToList();
        if (call.Instance is { } receiver && IsVector(receiver.Type) && arguments.Count == 0 && name.StartsWith("Pointwise", System.StringComparison.Ordinal)
            && MathApi.Functions.TryGetValue(name.Substring("Pointwise".Length), out var pointwise))
        {
            return (pointwise, receiver);
        }

        if (IsNumpyFunction(call.TargetMethod) && arguments.Count == 1 && name.Length > 1 && char.IsLower(name[0])
            && MathApi.Functions.TryGetValue(char.ToUpperInvariant(name[0]) + name.Substring(1), out var function))
        {
            return (function, arguments[0].Value);
        }

        return null;
    }

    /// <summary>True for <c>v.Negate()</c> and <c>np.negative(v)</c>; <paramref name="operand"/> is v.</summary>
    public static bool IsNegation(IInvocationOperation call, out IOperation? operand)
    {
        var arguments = call.Arguments.Where(a => a.ArgumentKind == ArgumentKind.Explicit).ToList();
        operand = call.TargetMethod.Name == "Negate" && call.Instance is { } receiver && IsVector(receiver.Type) && arguments.Count == 0 ? receiver
            : call.TargetMethod.Name == "negative" && IsNumpyFunction(call.TargetMethod) && arguments.Count == 1 ? arguments[0].Value
            : null;
        return operand != null;
    }

    /// <summary>The function <c>v.Map(f)</c> applies to every element of v (a lambda or a method group), with v; null for any other call.</summary>
    public static (IOperation Function, IOperation Vector)? MapCall(IInvocationOperation call) =>
        MappedFunction(call) is IDelegateCreationOperation function ? (function, call.Instance!) : null;

    /// <summary>
    /// The function <c>v.Map(f)</c> applies to every element of v, as written: a lambda, a method group, or a delegate held in a variable
    /// or member (<c>o.Map(act.Derivative)</c>); null for any other call.
    /// </summary>
    public static IOperation? MappedFunction(IInvocationOperation call) =>
        call.TargetMethod.Name == "Map" && call.Instance is { } receiver && IsVector(receiver.Type) && IsVector(call.Type)
            ? Flow.Operations.ArgumentAt(call.Arguments, 0)
            : null;

    /// <summary>Whether <c>*</c> between two values of the type is element by element; null for a type not in the table.</summary>
    private static bool? StarIsElementwise(ITypeSymbol? type)
    {
        for (var t = type as INamedTypeSymbol; t != null; t = t.BaseType)
        {
            if (t.SpecialType == SpecialType.System_Object)
            {
                return null;
            }

            if (!SimpleNames.Contains(t.Name))
            {
                continue; // a cheap test first: this is asked of many values that are no vector
            }

            var definition = t.OriginalDefinition;
            var name = definition.ContainingNamespace is { IsGlobalNamespace: false } ns
                ? ns.ToDisplayString() + "." + definition.MetadataName
                : definition.MetadataName;
            if (Types.TryGetValue(name, out var star))
            {
                return star;
            }
        }

        return null;
    }
}
