using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Gradwise.Common;
using Gradwise.Frontend;
using Gradwise.Symbolic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Gradwise.Recognition;

/// <summary>
/// Reads any C# expression as math for recognition: arithmetic and Math/MathF calls become the
/// symbolic IR; everything else (fields, array elements, unknown calls) becomes an opaque variable
/// named by its code, so <c>1f / (1f + MathF.Exp(-Net(inputs)))</c> is recognized as
/// Sigmoid(⟨-Net(inputs)⟩) whatever <c>Net</c> is. Unlike the generator's frontend it never fails.
/// </summary>
internal static class OpenMathReader
{
    private const int MaxHelperDepth = 3;

    public static Expr Read(IOperation operation, IReadOnlyDictionary<IParameterSymbol, Expr>? parameters, Compilation compilation, int depth, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (operation.ConstantValue.HasValue && ToDouble(operation.ConstantValue.Value) is { } constant)
        {
            return Ex.Const(constant);
        }

        switch (operation)
        {
            case IParenthesizedOperation p:
                return Read(p.Operand, parameters, compilation, depth, cancellationToken);
            case IConversionOperation { OperatorMethod: null } c when IsNumeric(c.Type) && IsNumeric(c.Operand.Type):
                return Read(c.Operand, parameters, compilation, depth, cancellationToken);
            case IParameterReferenceOperation pr when parameters != null && parameters.TryGetValue(pr.Parameter, out var bound):
                return bound;
            // Integer division truncates, so it is not the math Ex.Div means.
            case IBinaryOperation { OperatorMethod: null } b when IsNumeric(b.Type) && (b.OperatorKind != BinaryOperatorKind.Divide || IsReal(b.Type)):
                var arithmetic = Arithmetic.Apply(
                    b.OperatorKind,
                    Read(b.LeftOperand, parameters, compilation, depth, cancellationToken),
                    Read(b.RightOperand, parameters, compilation, depth, cancellationToken));
                if (arithmetic != null)
                {
                    return arithmetic;
                }

                break;
            case IUnaryOperation { OperatorMethod: null, OperatorKind: UnaryOperatorKind.Minus } u when IsNumeric(u.Type):
                return Ex.Neg(Read(u.Operand, parameters, compilation, depth, cancellationToken));
            case IUnaryOperation { OperatorMethod: null, OperatorKind: UnaryOperatorKind.Plus } u:
                return Read(u.Operand, parameters, compilation, depth, cancellationToken);
            case IInvocationOperation call:
                var known = ReadCall(call, parameters, compilation, depth, cancellationToken);
                if (known != null)
                {
                    return known;
                }

                break;
        }

        return Opaque(operation);
    }

    /// <summary>What a one-parameter user method computes, as a function of its parameter, if it is a known function.</summary>
    public static MathFunction? KnownFunctionOf(IMethodSymbol method, Compilation compilation, int depth, CancellationToken cancellationToken)
    {
        if (method.Parameters.Length != 1 || depth > MaxHelperDepth)
        {
            return null;
        }

        var returned = ReturnedValues(method, compilation, cancellationToken);
        if (returned.Count != 1)
        {
            return null;
        }

        var parameter = method.Parameters[0];
        var x = Ex.Var("⟨param⟩");
        var body = Simplifier.ApplyIdentities(Read(returned[0], new Dictionary<IParameterSymbol, Expr>(SymbolEqualityComparer.Default) { [parameter] = x }, compilation, depth + 1, cancellationToken));
        return body is Call { Arguments.Count: 1 } c && c.Arguments[0].Equals(x) ? c.Function : null;
    }

    /// <summary>The values a method's body returns (one for an expression body); empty when it has no source.</summary>
    public static List<IOperation> ReturnedValues(IMethodSymbol method, Compilation compilation, CancellationToken cancellationToken)
    {
        var result = new List<IOperation>();
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
#pragma warning disable RS1030 // a summary of another method's body needs that tree's model; computed once per method and cached
            var model = compilation.GetSemanticModel(syntax.SyntaxTree);
#pragma warning restore RS1030
            var body = model.GetOperation(syntax, cancellationToken);
            if (body is null && syntax is Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax { ExpressionBody: { } arrow })
            {
                body = model.GetOperation(arrow, cancellationToken);
            }

            if (body is null)
            {
                continue;
            }

            foreach (var ret in body.DescendantsAndSelf().OfType<IReturnOperation>())
            {
                if (ret.ReturnedValue != null && !IsInsideLambdaOrLocalFunction(ret, body))
                {
                    result.Add(ret.ReturnedValue);
                }
            }
        }

        return result;
    }

    private static bool IsInsideLambdaOrLocalFunction(IOperation operation, IOperation root)
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

    private static Expr? ReadCall(IInvocationOperation call, IReadOnlyDictionary<IParameterSymbol, Expr>? parameters, Compilation compilation, int depth, CancellationToken cancellationToken)
    {
        var target = call.TargetMethod;
        var type = target.ContainingType?.ToDisplayString();
        var args = call.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).Select(a => Read(a.Value, parameters, compilation, depth, cancellationToken)).ToArray();
        if ((type == "System.Math" || type == "System.MathF") && args.Length == 1 && MethodFrontend.MathFunctions.TryGetValue(target.Name, out var f))
        {
            return Ex.Call(f, args[0]);
        }

        if ((type == "System.Math" || type == "System.MathF") && args.Length == 2 && target.Name == "Pow")
        {
            return Ex.Pow(args[0], args[1]);
        }

        if (args.Length == 1 && target.DeclaringSyntaxReferences.Length > 0 && KnownFunctionOf(target, compilation, depth, cancellationToken) is { } known)
        {
            return Ex.Call(known, args[0]);
        }

        return null;
    }

    private static Expr Opaque(IOperation operation) => Ex.Var("⟨" + CodeText.Normalize(operation.Syntax.ToString()) + "⟩");

    private static bool IsNumeric(ITypeSymbol? type) => type?.SpecialType is SpecialType.System_Double or SpecialType.System_Single
        or SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Decimal;

    private static bool IsReal(ITypeSymbol? type) => type?.SpecialType is SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Decimal;

    private static double? ToDouble(object? value) => value switch
    {
        double d => d,
        float f => f,
        int i => i,
        long l => l,
        decimal m => (double)m,
        _ => null,
    };
}
