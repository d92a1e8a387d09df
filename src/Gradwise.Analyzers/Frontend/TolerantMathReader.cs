using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Gradwise.Flow;
using Gradwise.Symbolic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Gradwise.Frontend;

/// <summary>Where the tolerant reader looks through a local or a helper call.</summary>
internal interface IValueSource
{
    /// <summary>The one value that reaches this read of a local, or null when none or several do.</summary>
    IOperation? SingleDefinition(ILocalReferenceOperation local, CancellationToken cancellationToken);

    /// <summary>
    /// The one value stored into this field or property of this receiver earlier in the same body, on every path to the read
    /// (<c>n.Error = t - n.Output; ... n.Error * n.Output * (1 - n.Output)</c>), or null.
    /// </summary>
    IOperation? SingleMemberDefinition(IMemberReferenceOperation read, CancellationToken cancellationToken);

    /// <summary>
    /// The one value stored into elements of this array by <c>a[k] = v</c> with a local index <c>k</c> (earlier in the same body,
    /// or, for an array field of this object the body does not fill, anywhere in the compilation), and that index; or null.
    /// </summary>
    (IOperation Value, ILocalSymbol Index)? SingleElementDefinition(IArrayElementReferenceOperation read, CancellationToken cancellationToken);

    /// <summary>The one value a method with source returns, or null.</summary>
    IOperation? SingleReturn(IMethodSymbol method, CancellationToken cancellationToken);

    /// <summary>The name a member or parameter's container has in <see cref="OperandKey"/>s: one per symbol, cheap enough to ask for at every read.</summary>
    string KeyName(ISymbol symbol);
}

/// <summary>
/// The frontend's tolerant mode, for the recognizers: reads any C# value as math and never fails.
/// Arithmetic and the functions of <see cref="MathApi"/> become the symbolic IR; a local with one
/// reaching definition, a member of a receiver written once earlier in the same body, an array element stored by one
/// <c>a[k] = v</c> (read at its own index) and a one-return helper of numbers are read through; anything else is an
/// opaque variable keyed by the storage it reads (<see cref="OperandKey"/>), or by the operation
/// itself when it is not plain storage. So <c>(t - o) * o * (1 - o)</c> with <c>o</c> a field and
/// the same product through <c>this.o</c> are one expression, whatever the spelling.
/// </summary>
internal sealed class TolerantMathReader
{
    private const int MaxInlining = 4;
    private readonly IValueSource source;
    private readonly CancellationToken cancellationToken;

    // While an element's stored value is read back (e[i] from e[k] = t[k] - o[k]), its index local stands for the index read at.
    private Dictionary<ILocalSymbol, string>? renamed;

    public TolerantMathReader(IValueSource source, CancellationToken cancellationToken)
    {
        this.source = source;
        this.cancellationToken = cancellationToken;
    }

    /// <summary>The value as math.</summary>
    public Expr Read(IOperation operation) => Read(operation, null, 0);

    /// <summary>The value as math, with the given parameters standing for variables (a method body as a function of them).</summary>
    public Expr ReadWith(IOperation operation, IReadOnlyDictionary<IParameterSymbol, Expr> parameters) => Read(operation, parameters, 0);

    /// <summary>The opaque variable a value that is not math is read as.</summary>
    public Expr Leaf(IOperation operation) => Ex.Var("⟨" + (OperandKey.Of(operation, source.KeyName, renamed) ?? OperandKey.Unique(Operations.Strip(operation))) + "⟩");

    private Expr Read(IOperation operation, IReadOnlyDictionary<IParameterSymbol, Expr>? parameters, int depth)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (operation.ConstantValue.HasValue && MathApi.ToDouble(operation.ConstantValue.Value) is { } constant)
        {
            return Ex.Const(constant);
        }

        switch (operation)
        {
            case IParenthesizedOperation p:
                return Read(p.Operand, parameters, depth);
            case IConversionOperation { OperatorMethod: null } c when MathApi.IsNumeric(c.Type) && MathApi.IsNumeric(c.Operand.Type):
                return Read(c.Operand, parameters, depth);
            case IParameterReferenceOperation pr when parameters != null && parameters.TryGetValue(pr.Parameter, out var bound):
                return bound;
            case ILocalReferenceOperation local when renamed != null && renamed.ContainsKey(local.Local):
                return Leaf(local);
            case ILocalReferenceOperation local when depth < MaxInlining && source.SingleDefinition(local, cancellationToken) is { } definition:
                return Read(definition, parameters, depth + 1);
            case IMemberReferenceOperation member when depth < MaxInlining && MathApi.IsNumeric(member.Type) && source.SingleMemberDefinition(member, cancellationToken) is { } stored:
                return Read(stored, parameters, depth + 1);
            case IArrayElementReferenceOperation { Indices.Length: 1 } element when depth < MaxInlining && MathApi.IsNumeric(element.Type)
                && source.SingleElementDefinition(element, cancellationToken) is var (storedElement, index)
                && OperandKey.Of(element.Indices[0], source.KeyName, renamed) is { } at:
                return ReadRenamed(storedElement, index, at, parameters, depth + 1);
            // Integer division truncates, so it is not the math Ex.Div means.
            case IBinaryOperation { OperatorMethod: null } b when MathApi.IsNumeric(b.Type) && (b.OperatorKind != BinaryOperatorKind.Divide || MathApi.IsReal(b.Type)):
                var arithmetic = Arithmetic.Apply(b.OperatorKind, Read(b.LeftOperand, parameters, depth), Read(b.RightOperand, parameters, depth));
                if (arithmetic != null)
                {
                    return arithmetic;
                }

                break;
            case IUnaryOperation { OperatorMethod: null, OperatorKind: UnaryOperatorKind.Minus } u when MathApi.IsNumeric(u.Type):
                return Ex.Neg(Read(u.Operand, parameters, depth));
            case IUnaryOperation { OperatorMethod: null, OperatorKind: UnaryOperatorKind.Plus } u:
                return Read(u.Operand, parameters, depth);
            case IInvocationOperation call when ReadCall(call, parameters, depth) is { } known:
                return known;
        }

        return Leaf(operation);
    }

    private Expr ReadRenamed(IOperation value, ILocalSymbol index, string at, IReadOnlyDictionary<IParameterSymbol, Expr>? parameters, int depth)
    {
        var outer = renamed;
        renamed = outer is null ? new Dictionary<ILocalSymbol, string>(SymbolEqualityComparer.Default) : new Dictionary<ILocalSymbol, string>(outer, SymbolEqualityComparer.Default);
        renamed[index] = at;
        try
        {
            return Read(value, parameters, depth);
        }
        finally
        {
            renamed = outer;
        }
    }

    private Expr? ReadCall(IInvocationOperation call, IReadOnlyDictionary<IParameterSymbol, Expr>? parameters, int depth)
    {
        var target = call.TargetMethod;
        if (call.Arguments.Any(a => a.ArgumentKind == ArgumentKind.ParamArray || a.Parameter is null))
        {
            return null;
        }

        var args = call.Arguments.OrderBy(a => a.Parameter!.Ordinal).Select(a => Read(a.Value, parameters, depth)).ToArray();
        if (target.IsStatic && MathApi.IsMathType(target.ContainingType))
        {
            if (args.Length == 1 && MathApi.Functions.TryGetValue(target.Name, out var f))
            {
                return Ex.Call(f, args[0]);
            }

            return (args.Length, target.Name) switch
            {
                (2, "Pow") => Ex.Pow(args[0], args[1]),
                (2, "Max") => Ex.Max(args[0], args[1]),
                (2, "Min") => Ex.Min(args[0], args[1]),
                (3, "Clamp") => Ex.Clamp(args[0], args[1], args[2]),
                _ => null,
            };
        }

        // A helper of numbers with one return (Sigmoid, Derivative, SquaredError by any name) is its body.
        if (depth >= MaxInlining || args.Length == 0 || args.Length > 4 || target.Parameters.Any(p => !MathApi.IsNumeric(p.Type) || p.RefKind != RefKind.None)
            || !MathApi.IsNumeric(target.ReturnType) || source.SingleReturn(target, cancellationToken) is not { } body)
        {
            return null;
        }

        var bound = new Dictionary<IParameterSymbol, Expr>(SymbolEqualityComparer.Default);
        for (var i = 0; i < args.Length; i++)
        {
            bound[target.OriginalDefinition.Parameters[i]] = args[i];
        }

        return Read(body, bound, depth + 1);
    }
}
