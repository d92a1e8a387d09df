using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Gradwise.Symbolic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Gradwise.Frontend;

/// <summary>What the frontend made of a method body.</summary>
internal sealed class FrontendResult
{
    private FrontendResult(Expr? value, IReadOnlyList<FrontendProblem> problems, bool incomplete)
    {
        Value = value;
        Problems = problems;
        IsIncomplete = incomplete;
    }

    /// <summary>The returned value as math, when the whole body was understood.</summary>
    public Expr? Value { get; }

    /// <summary>Constructs that cannot be differentiated, each located.</summary>
    public IReadOnlyList<FrontendProblem> Problems { get; }

    /// <summary>The code does not compile yet (someone is typing): report nothing, generate nothing.</summary>
    public bool IsIncomplete { get; }

    public static FrontendResult Success(Expr value) => new(value, System.Array.Empty<FrontendProblem>(), false);

    public static FrontendResult Failure(IReadOnlyList<FrontendProblem> problems) => new(null, problems, false);

    public static readonly FrontendResult Incomplete = new(null, System.Array.Empty<FrontendProblem>(), true);
}

/// <summary>
/// Turns the body of a scalar [Differentiable] method (IOperation) into the symbolic IR.
/// It never throws: what it cannot read becomes a located <see cref="FrontendProblem"/>,
/// and code that does not compile yet yields <see cref="FrontendResult.Incomplete"/>.
/// </summary>
internal sealed class ScalarFrontend
{
    private static readonly Dictionary<string, MathFunction> MathFunctions = new()
    {
        ["Exp"] = MathFunction.Exp,
        ["Log"] = MathFunction.Log,
        ["Log10"] = MathFunction.Log10,
        ["Sqrt"] = MathFunction.Sqrt,
        ["Sin"] = MathFunction.Sin,
        ["Cos"] = MathFunction.Cos,
        ["Tan"] = MathFunction.Tan,
        ["Tanh"] = MathFunction.Tanh,
        ["Abs"] = MathFunction.Abs,
        ["ExpM1"] = MathFunction.ExpM1,
        ["LogP1"] = MathFunction.LogP1,
    };

    private readonly IMethodSymbol method;
    private readonly List<FrontendProblem> problems = new();
    private readonly CancellationToken cancellationToken;
    private bool incomplete;

    private ScalarFrontend(IMethodSymbol method, CancellationToken cancellationToken)
    {
        this.method = method;
        this.cancellationToken = cancellationToken;
    }

    /// <summary>Reads <paramref name="body"/>: an IMethodBodyOperation, a block, or a returned expression.</summary>
    public static FrontendResult Read(IMethodSymbol method, IOperation? body, CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return FrontendResult.Incomplete;
        }

        if (IsIncomplete(body))
        {
            return FrontendResult.Incomplete;
        }

        var reader = new ScalarFrontend(method, cancellationToken);
        var value = reader.ReadBody(body);
        if (reader.incomplete || body.Syntax.ContainsDiagnostics)
        {
            return FrontendResult.Incomplete;
        }

        if (reader.problems.Count > 0 || value is null)
        {
            return FrontendResult.Failure(reader.problems);
        }

        return FrontendResult.Success(value);
    }

    /// <summary>True when the body has syntax or binding errors: what the IDE sees mid-typing.</summary>
    private static bool IsIncomplete(IOperation body)
    {
        if (body.Syntax.ContainsDiagnostics)
        {
            return true;
        }

        foreach (var operation in body.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IInvalidOperation:
                    return true;
                case IConversionOperation { Conversion.Exists: false }:
                    return true;
                case IInvocationOperation { TargetMethod: { } target } when target.ReturnType is IErrorTypeSymbol:
                    return true;
            }

            if (operation.Type is IErrorTypeSymbol)
            {
                return true;
            }
        }

        return false;
    }

    private Expr? ReadBody(IOperation body)
    {
        switch (body)
        {
            case IMethodBodyOperation methodBody:
                var block = methodBody.BlockBody ?? methodBody.ExpressionBody;
                if (block is null)
                {
                    incomplete = true;
                    return null;
                }

                return ReadBody(block);
            case IBlockOperation block2:
                var statements = block2.Operations;
                if (statements.Length == 1 && statements[0] is IReturnOperation { ReturnedValue: { } returned })
                {
                    return Read(returned);
                }

                if (statements.Length == 0)
                {
                    incomplete = true;
                    return null;
                }

                foreach (var statement in statements)
                {
                    if (statement is not IReturnOperation)
                    {
                        Unsupported(statement, "a statement", "for now the body must be a single return of an expression (block bodies come with the scalar generator)");
                    }
                }

                return null;
            default:
                return Read(body);
        }
    }

    private Expr? Read(IOperation operation)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (operation is IInvalidOperation || operation.Type is IErrorTypeSymbol)
        {
            incomplete = true;
            return null;
        }

        if (operation.ConstantValue.HasValue && TryNumber(operation.ConstantValue.Value, out var constant))
        {
            return Ex.Const(constant);
        }

        switch (operation)
        {
            case IParenthesizedOperation parenthesized:
                return Read(parenthesized.Operand);
            case IConversionOperation conversion:
                return ReadConversion(conversion);
            case IParameterReferenceOperation parameter:
                return ReadParameter(parameter);
            case IBinaryOperation binary:
                return ReadBinary(binary);
            case IUnaryOperation unary:
                return ReadUnary(unary);
            case IInvocationOperation invocation:
                return ReadInvocation(invocation);
            default:
                Unsupported(operation, Describe(operation), "this construct is not supported yet");
                return null;
        }
    }

    private Expr? ReadConversion(IConversionOperation conversion)
    {
        var from = conversion.Operand.Type;
        if (conversion.Type?.SpecialType == SpecialType.System_Double && from != null && IsNumeric(from.SpecialType))
        {
            return Read(conversion.Operand);
        }

        Unsupported(conversion, "the conversion '" + conversion.Syntax + "'", "only numeric conversions to double can be differentiated");
        return null;
    }

    private Expr? ReadParameter(IParameterReferenceOperation reference)
    {
        if (!SymbolEqualityComparer.Default.Equals(reference.Parameter.ContainingSymbol, method))
        {
            Unsupported(reference, "'" + reference.Parameter.Name + "'", "it is a parameter of another method");
            return null;
        }

        if (reference.Parameter.Type.SpecialType != SpecialType.System_Double)
        {
            // The signature check reports the parameter itself.
            return null;
        }

        return Ex.Var(reference.Parameter.Name);
    }

    private Expr? ReadBinary(IBinaryOperation binary)
    {
        if (binary.OperatorMethod != null)
        {
            Unsupported(binary, "the user-defined operator '" + binary.OperatorMethod.ToDisplayString() + "'", "only arithmetic on double can be differentiated");
            return null;
        }

        var left = Read(binary.LeftOperand);
        var right = Read(binary.RightOperand);
        if (left is null || right is null)
        {
            return null;
        }

        switch (binary.OperatorKind)
        {
            case BinaryOperatorKind.Add:
                return Ex.Add(left, right);
            case BinaryOperatorKind.Subtract:
                return Ex.Sub(left, right);
            case BinaryOperatorKind.Multiply:
                return Ex.Mul(left, right);
            case BinaryOperatorKind.Divide:
                return Ex.Div(left, right);
            default:
                Unsupported(binary, "'" + binary.Syntax + "' (operator '" + OperatorText(binary.OperatorKind) + "')", "it is not differentiable arithmetic");
                return null;
        }
    }

    private Expr? ReadUnary(IUnaryOperation unary)
    {
        var operand = Read(unary.Operand);
        if (operand is null)
        {
            return null;
        }

        switch (unary.OperatorKind)
        {
            case UnaryOperatorKind.Minus:
                return Ex.Neg(operand);
            case UnaryOperatorKind.Plus:
                return operand;
            default:
                Unsupported(unary, "the operator in '" + unary.Syntax + "'", "it is not differentiable arithmetic");
                return null;
        }
    }

    private Expr? ReadInvocation(IInvocationOperation invocation)
    {
        var target = invocation.TargetMethod;
        var type = target.ContainingType?.ToDisplayString();
        var isMath = type == KnownNames.SystemMath;
        var isDouble = target.ContainingType?.SpecialType == SpecialType.System_Double;
        if ((isMath || isDouble) && target.Parameters.All(p => p.Type.SpecialType == SpecialType.System_Double))
        {
            var args = new List<Expr>();
            foreach (var argument in invocation.Arguments)
            {
                var value = Read(argument.Value);
                if (value is null)
                {
                    return null;
                }

                args.Add(value);
            }

            if (args.Count == 1 && MathFunctions.TryGetValue(target.Name, out var function) && (isMath || function is MathFunction.ExpM1 or MathFunction.LogP1))
            {
                return Ex.Call(function, args[0]);
            }

            if (args.Count == 2 && target.Name == "Pow")
            {
                return Ex.Pow(args[0], args[1]);
            }
        }

        Unsupported(invocation, "the call to '" + target.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat) + "'", "it is not a function Gradwise knows the derivative of");
        return null;
    }

    private void Unsupported(IOperation operation, string construct, string reason)
    {
        problems.Add(new FrontendProblem(Descriptors.UnsupportedConstruct, operation.Syntax.GetLocation(), new object[] { construct, method.Name, reason }));
    }

    private static string Describe(IOperation operation) => operation.Kind switch
    {
        OperationKind.LocalReference => "the local '" + operation.Syntax + "'",
        OperationKind.FieldReference => "the field '" + operation.Syntax + "'",
        OperationKind.PropertyReference => "the property '" + operation.Syntax + "'",
        OperationKind.Conditional => "the conditional '" + operation.Syntax + "'",
        _ => "'" + operation.Syntax + "'",
    };

    private static bool IsNumeric(SpecialType type) => type is SpecialType.System_Double or SpecialType.System_Single
        or SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16 or SpecialType.System_Byte
        or SpecialType.System_SByte or SpecialType.System_UInt16 or SpecialType.System_UInt32 or SpecialType.System_UInt64
        or SpecialType.System_Decimal;

    private static bool TryNumber(object? value, out double number)
    {
        switch (value)
        {
            case double d:
                number = d;
                return true;
            case float f:
                number = f;
                return true;
            case int i:
                number = i;
                return true;
            case long l:
                number = l;
                return true;
            default:
                number = 0;
                return false;
        }
    }

    private static string OperatorText(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.Remainder => "%",
        BinaryOperatorKind.And => "&",
        BinaryOperatorKind.Or => "|",
        BinaryOperatorKind.ExclusiveOr => "^",
        BinaryOperatorKind.LeftShift => "<<",
        BinaryOperatorKind.RightShift => ">>",
        BinaryOperatorKind.Equals => "==",
        BinaryOperatorKind.NotEquals => "!=",
        BinaryOperatorKind.LessThan => "<",
        BinaryOperatorKind.LessThanOrEqual => "<=",
        BinaryOperatorKind.GreaterThan => ">",
        BinaryOperatorKind.GreaterThanOrEqual => ">=",
        _ => kind.ToString(),
    };
}
