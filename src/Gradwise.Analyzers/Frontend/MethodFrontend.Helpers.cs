using System.Collections.Generic;
using System.Linq;
using Gradwise.Symbolic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
namespace Gradwise.Frontend;

/// <summary>
/// The reader, continued. A call of one of your own methods (static, or an instance method called on <c>this</c>) that is
/// not a function Gradwise knows is read where it is called: the callee's body, with its parameters bound to the
/// arguments, becomes part of the caller's math (as JAX traces through a Python function, and Clad differentiates
/// the functions a function calls). So a model's <c>Loss</c> can call its <c>Forward</c>, and a helper needs no attribute.
/// </summary>
internal sealed partial class MethodFrontend
{
    /// <summary>A span or array parameter of a method being read at its call: what the argument reads.</summary>
    private sealed record BoundSpan(string Array, IntExpr? Offset, IntExpr Length, SpecialType Element);

    /// <summary>The int parameters of methods being read at their calls: the arguments, as the caller's ints.</summary>
    private readonly Dictionary<ISymbol, IntExpr> boundInts = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, BoundSpan> boundSpans = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, string> boundMatrices = new(SymbolEqualityComparer.Default);
    private readonly HashSet<IMethodSymbol> helpersBeingRead = new(SymbolEqualityComparer.Default);

    /// <summary>For a problem reported at a helper's call: what could not be read, why, and the helpers it was inside, outermost first.</summary>
    private readonly Dictionary<FrontendProblem, (string Construct, string Reason, List<string> Via)> insideHelpers = new();

    /// <summary>The buffers of earlier readings of a method read at more than one call: each reading declares its own.</summary>
    private readonly List<BufferInfo> retiredBuffers = new();

    /// <summary>How many calls deep the reader is inside methods read where they are called.</summary>
    private int helperDepth;

    /// <summary>True for a method whose body can be read at its call: declared in source with a body, not generic, not dispatched virtually, static or called on this.</summary>
    private bool IsReadableHelper(IInvocationOperation invocation, IMethodSymbol target) =>
        target.MethodKind == MethodKind.Ordinary
        && (!target.IsGenericMethod || (GenericMath.RealParameter(target.OriginalDefinition) != null && target.TypeArguments.All(t => IsFloatingPoint(t.SpecialType) || IsT(t))))
        && !target.IsAbstract
        && !target.IsExtern
        && !(target.IsVirtual || (target.IsOverride && !target.IsSealed && !target.ContainingType.IsSealed))
        && target.DeclaringSyntaxReferences.Length > 0
        && (target.IsStatic || (!method.IsStatic && ModelObject(invocation.Instance) != null));

    /// <summary>Why a call of a method that is neither [Differentiable] nor a known function cannot be read where it is called.</summary>
    private string WhyNotReadable(IInvocationOperation invocation, IMethodSymbol target)
    {
        if (VectorHintOf(target) is { Length: > 0 } vector)
        {
            return "it is not a function Gradwise knows" + vector;
        }

        if (target.MethodKind == MethodKind.DelegateInvoke)
        {
            return "it calls a delegate, whose body is chosen at run time; call the method itself (it is then read where it is called)";
        }

        if (target.DeclaringSyntaxReferences.Length == 0)
        {
            return "it is not a function Gradwise knows, and its body is not in this project";
        }

        if (target.IsGenericMethod)
        {
            return "a generic helper is read where it is called when its one type parameter is T : IFloatingPointIeee754<T>, given double, float or such a T";
        }

        if (target.IsAbstract || target.IsVirtual || target.IsOverride)
        {
            return "it is virtual, so which body runs is decided at run time; make it non-virtual, or [Differentiable]";
        }

        if (!target.IsStatic && invocation.Instance is not IInstanceReferenceOperation)
        {
            return "it is called on another object; a method is read where it is called when it is static, called on this, or called on a layer of this model (a [Parameter] member whose class has [Parameter] members)";
        }

        return "it is not [Differentiable] and not a function Gradwise knows; mark it [Differentiable] to chain through it";
    }

    /// <summary>
    /// Reads a call of <paramref name="target"/> where it is called. A problem inside the callee is reported at the call,
    /// naming what in the callee could not be read (the caller's diagnostics stay in the caller's file).
    /// </summary>
    private Expr? ReadHelperCall(IInvocationOperation invocation, IMethodSymbol target, Dictionary<ISymbol, Expr> env, Expr[]? arguments = null)
    {
        var name = target.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
        if (callers.Contains(target.OriginalDefinition) || helpersBeingRead.Contains(target.OriginalDefinition))
        {
            Unsupported(invocation, "the recursive call to '" + target.Name + "'", "recursion cannot be differentiated symbolically");
            return null;
        }

        var body = BodyOf(target, compilation, cancellationToken);
        if (body is null || IsIncomplete(body))
        {
            incomplete = true; // no body yet, or one that does not compile: the compiler reports it
            return null;
        }

        // What the call itself asks (its result, its arguments) is checked here, in the caller's terms.
        var returnsBuffer = bufferReturnDepth == helperDepth + 1;
        var returnsNothing = target.ReturnsVoid && invocation.Parent is IExpressionStatementOperation && procedureMode;
        if (!IsRealType(target.ReturnType) && !(returnElement != null && IsRealTuple(target.ReturnType)) && !returnsNothing
            && !(returnsBuffer && target.ReturnType is IArrayTypeSymbol { Rank: 1 } array && IsFloatingPoint(array.ElementType.SpecialType)))
        {
            Unsupported(invocation, "the call to '" + name + "'", "a method read where it is called returns a double or float, a tuple of them (deconstructed), or a new double[] it fills, or, called as a statement, writes into a local buffer it is given");
            return null;
        }

        var needsProcedure = NeedsProcedure(target.OriginalDefinition, body); // a generic helper's own T, as its body sees it
        if (needsProcedure && returnElement != null)
        {
            Unsupported(invocation, "the call to '" + name + "'", "a method that returns a tuple is read where it is called when it is straight-line math (no loops or arrays)");
            return null;
        }

        if (needsProcedure && !procedureMode)
        {
            Unsupported(invocation, "the call to '" + name + "'", "'" + target.Name + "' has loops or arrays, and is read where it is called only from a method that has them too (or mark it [Differentiable] over spans)");
            return null;
        }

        var bound = new Dictionary<ISymbol, Expr>(SymbolEqualityComparer.Default);
        foreach (var argument in invocation.Arguments)
        {
            if (!BindArgument(argument, target, env, bound, arguments))
            {
                return null;
            }
        }

        var before = problems.Count;
        var outerReceiver = receiver;
        if (!target.IsStatic && ModelObject(invocation.Instance) is { } layer)
        {
            receiver = (layer, target.ContainingType); // inside hidden.Forward(x), this is this.hidden
        }

        helpersBeingRead.Add(target.OriginalDefinition);
        helperDepth++;
        try
        {
            var result = ReadHelperBody(invocation, target, body, bound, returnsBuffer);
            if (problems.Count > before)
            {
                // One diagnostic at the call, naming the first thing inside the callee that could not be read (and, when
                // that was itself inside a helper it calls, the helpers on the way).
                var inner = problems[before];
                problems.RemoveRange(before, problems.Count - before);
                var (construct, reason, via) = insideHelpers.TryGetValue(inner, out var deeper)
                    ? deeper
                    : (inner.Arguments[0]?.ToString() ?? string.Empty, inner.Arguments[2]?.ToString() ?? string.Empty, new List<string>());
                var path = via.Count == 0 ? string.Empty : " (in " + string.Join(", then ", via.Select(v => "'" + v + "'")) + ")";
                Unsupported(invocation, "the call to '" + name + "'", "'" + target.Name + "' is read where it is called, and inside it" + path + ", " + construct + ": " + reason);
                insideHelpers[problems[problems.Count - 1]] = (construct, reason, new List<string> { target.Name }.Concat(via).ToList());
                return null;
            }

            return result;
        }
        finally
        {
            helperDepth--;
            helpersBeingRead.Remove(target.OriginalDefinition);
            receiver = outerReceiver;
        }
    }

    /// <summary>The callee's body, its parameters bound: straight-line math read as an expression, or statements added before the caller's.</summary>
    private Expr? ReadHelperBody(IInvocationOperation invocation, IMethodSymbol target, IOperation body, Dictionary<ISymbol, Expr> bound, bool returnsBuffer)
    {
        // The callee's argument checks come first in its own body.
        var (outerOpen, outerParameters) = (guardsOpen, helperParameters);
        (guardsOpen, helperParameters) = (true, bound);
        try
        {
            return ReadHelperStatements(invocation, target, body, bound, returnsBuffer);
        }
        finally
        {
            (guardsOpen, helperParameters) = (outerOpen, outerParameters);
        }
    }

    private Expr? ReadHelperStatements(IInvocationOperation invocation, IMethodSymbol target, IOperation body, Dictionary<ISymbol, Expr> bound, bool returnsBuffer)
    {
        var statements = StatementsOf(body);

        if (!procedureMode)
        {
            // Straight-line math: read like a local function, in a scope of its own.
            return Execute(statements, 0, bound)?.Returned;
        }

        Survey(body);
        var written = body.Descendants().FirstOrDefault(o => (o is IAssignmentOperation a ? a.Target : (o as IIncrementOrDecrementOperation)?.Target) is IParameterReferenceOperation);
        if (written != null)
        {
            Unsupported(written, "the assignment '" + FirstLine(written.Syntax) + "'", "parameters are read-only in a method read where it is called; copy it into a local");
            return null;
        }

        RetireLocalsOf(body);
        var output = new List<Stmt>();
        var scope = new Scope(bound, new HashSet<ISymbol>(SymbolEqualityComparer.Default));
        if (!ExecuteProcedure(statements, 0, scope, output, inLoop: false, out var returned))
        {
            return null;
        }

        if (returned is null && target.ReturnsVoid)
        {
            returned = Ex.Zero; // called as a statement: what it did is in its statements (writes into the caller's buffers)
        }

        if (returned is null)
        {
            if (problems.Count == 0)
            {
                incomplete = true;
            }

            return null;
        }

        if (returnsBuffer && returnedBuffer is null)
        {
            Unsupported(invocation, "the call to '" + target.Name + "'", "a method read where it is called returns an array it declares and fills (double[] o = new double[n]; ... return o;)");
            return null;
        }

        if (output.Count > 0 && (InsideConditionalExpression(invocation) || InsideLoopCondition(invocation)))
        {
            Unsupported(invocation, "the call to '" + target.Name + "' inside a condition", "'" + target.Name + "' has statements of its own that must run once, where the call stands; assign its result to a local first");
            return null;
        }

        pendingCalls.AddRange(output);
        return returned;
    }

    /// <summary>Binds one parameter of the callee to its argument: a double into the callee's scope, an int, span, array or matrix to what it reads.</summary>
    private bool BindArgument(IArgumentOperation argument, IMethodSymbol target, Dictionary<ISymbol, Expr> env, Dictionary<ISymbol, Expr> bound, Expr[]? arguments)
    {
        var parameter = argument.Parameter?.OriginalDefinition; // a generic helper's body refers to its own parameters
        if (parameter is null || parameter.RefKind != RefKind.None || argument.ArgumentKind == ArgumentKind.ParamArray)
        {
            Unsupported(argument, "the argument '" + argument.Syntax + "' of '" + target.Name + "'", "a method read where it is called takes its parameters by value (no ref, out, in or params)");
            return false;
        }

        var type = argument.Parameter!.Type; // as called: T is the caller's type argument
        if (IsRealType(type))
        {
            // Already read by the caller (a one-double call first tried as a known function): not read twice.
            var value = arguments?[parameter.Ordinal] ?? Read(argument.Value, env);
            if (value is null)
            {
                return false;
            }

            bound[parameter] = value;
            return true;
        }

        if ((procedureMode && type.SpecialType == SpecialType.System_Int32) || IsSettingType(type))
        {
            var value = ReadInt(argument.Value);
            if (value is null)
            {
                return false;
            }

            boundInts[parameter] = value; // a buffer length made from it is checked by IsFixedLength
            return true;
        }

        if (procedureMode && (IsJagged(type) || IsRectangular(type)))
        {
            if (MatrixName(argument.Value, IsJagged(type) ? IsJagged : IsRectangular) is { } matrix)
            {
                boundMatrices[parameter] = matrix;
                return true;
            }
        }
        else if (procedureMode && IsFloatingPoint(ElementTypeOf(type)) && Strip(argument.Value) is IInvocationOperation call && !TensorApi.IsTensorPrimitives(call.TargetMethod.ContainingType)
            && call.TargetMethod.ReturnType is IArrayTypeSymbol)
        {
            // Loss(Forward(x), y): the buffer Forward returns.
            if (ReadBufferCall(call, env) is not { } buffer)
            {
                return false;
            }

            boundSpans[parameter] = new BoundSpan(buffer.Name, null, buffer.Length, SpecialType.System_Double);
            return true;
        }
        else if (procedureMode && ElementTypeOf(type) is var element && (IsFloatingPoint(element) || element == SpecialType.System_Int32)
            && SpanSource(argument.Value) is var (array, offset, length, read) && read == (IsFloatingPoint(element) ? SpecialType.System_Double : SpecialType.System_Int32))
        {
            boundSpans[parameter] = new BoundSpan(array, offset, length, read);
            return true;
        }

        Unsupported(argument, "the argument '" + argument.Syntax + "' of '" + target.Name + "'", procedureMode
            ? "a method read where it is called takes doubles and ints, and spans, arrays or matrices that are parameters of this method, their slices or rows, trainable fields or local buffers"
            : "a method read where it is called from a method without loops or arrays takes doubles");
        return false;
    }

    /// <summary>
    /// A method read at a second call declares its locals and buffers again, under fresh names: its locals are symbols
    /// of the callee, the same at every call.
    /// </summary>
    private void RetireLocalsOf(IOperation body)
    {
        foreach (var declarator in body.Descendants().OfType<IVariableDeclaratorOperation>())
        {
            var local = declarator.Symbol;
            localNames.Remove(local);
            intNames.Remove(local);
            views.Remove(local);
            topLevelInts.Remove(local);
            if (buffers.TryGetValue(local, out var buffer))
            {
                retiredBuffers.Add(buffer);
                buffers.Remove(local);
            }
        }
    }

    /// <summary>
    /// Which element of a returned tuple the method being read at its call is asked for, when its call is deconstructed
    /// (<c>var (p, s) = Pair(a, b);</c>): the callee is read once per element, each reading returning that element.
    /// </summary>
    private int? returnElement;

    /// <summary>The returned value, or the asked-for element of a returned tuple written out.</summary>
    private IOperation ReturnedElement(IOperation returned)
    {
        var stripped = returned;
        while (stripped is IConversionOperation { OperatorMethod: null } conversion)
        {
            stripped = conversion.Operand;
        }

        return returnElement is { } element && stripped is ITupleOperation tuple && element < tuple.Elements.Length ? tuple.Elements[element] : returned;
    }

    private static bool IsRealTuple(ITypeSymbol type) =>
        type is INamedTypeSymbol { IsTupleType: true } tuple && tuple.TupleElements.All(e => IsFloatingPoint(e.Type.SpecialType));

    /// <summary><c>var (a, b) = F(...)</c> for a local function or a method of yours returning a tuple: F read once per element assigned.</summary>
    private bool DeconstructCall(System.Collections.Immutable.ImmutableArray<IOperation> targets, IInvocationOperation call, Dictionary<ISymbol, Expr> env, List<(ISymbol Symbol, Expr Value)> assignments)
    {
        var target = call.TargetMethod;
        var local = target.MethodKind == MethodKind.LocalFunction;
        if (!local && !IsReadableHelper(call, target))
        {
            Unsupported(call, "the deconstruction of '" + call.Syntax + "'", WhyNotReadable(call, target));
            return false;
        }

        for (var i = 0; i < targets.Length; i++)
        {
            var element = targets[i] is IDeclarationExpressionOperation { Expression: var inner } ? inner : targets[i];
            if (element is IDiscardOperation)
            {
                continue;
            }

            if (AssignableSymbol(element) is not { } symbol || !IsRealType(symbol.Type()))
            {
                Unsupported(element, "the assignment to '" + element.Syntax + "'", "a tuple returned by a call is deconstructed into double or float locals");
                return false;
            }

            var saved = returnElement;
            returnElement = i;
            try
            {
                var value = local ? ReadLocalFunctionCall(call, target, env) : ReadHelperCall(call, target, env);
                if (value is null)
                {
                    return false;
                }

                assignments.Add((symbol.Symbol, value));
            }
            finally
            {
                returnElement = saved;
            }
        }

        return true;
    }

    /// <summary>The helper depth at which a method being read is asked for the buffer it returns (<see cref="ReadBufferCall"/>); -1 for none.</summary>
    private int bufferReturnDepth = -1;

    /// <summary>The buffer that method returned.</summary>
    private BufferInfo? returnedBuffer;

    /// <summary>
    /// <c>double[] p = Softmax(z)</c> or <c>Forward(x)</c> returning the activations: a method of yours that declares a buffer, fills
    /// it and returns it, read where it is called; the result is that buffer (the caller's local is another name for it).
    /// Null when it cannot be read (reported).
    /// </summary>
    private BufferInfo? ReadBufferCall(IInvocationOperation call, Dictionary<ISymbol, Expr> env)
    {
        var target = call.TargetMethod;
        if (!IsReadableHelper(call, target))
        {
            Unsupported(call, "the call to '" + target.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat) + "'", WhyNotReadable(call, target));
            return null;
        }

        var saved = (bufferReturnDepth, returnedBuffer);
        bufferReturnDepth = helperDepth + 1;
        returnedBuffer = null;
        try
        {
            return ReadHelperCall(call, target, env) is null ? null : returnedBuffer;
        }
        finally
        {
            (bufferReturnDepth, returnedBuffer) = saved;
        }
    }

    /// <summary>
    /// True for the <c>return</c> ending the method being read for its buffer (<c>return o;</c>, o a buffer it declared, or
    /// <c>return Softmax(z);</c>, another such method): notes the buffer (null when the returned call could not be read, reported).
    /// </summary>
    private bool ReturnsBuffer(IOperation statement, bool last, Scope scope)
    {
        if (bufferReturnDepth != helperDepth || !last || statement is not IReturnOperation { ReturnedValue: var value })
        {
            return false;
        }

        switch (Strip(value))
        {
            case ILocalReferenceOperation local when buffers.TryGetValue(local.Local, out var buffer):
                returnedBuffer = buffer;
                return true;
            case IInvocationOperation { TargetMethod.ReturnType: IArrayTypeSymbol } call when !TensorApi.IsTensorPrimitives(call.TargetMethod.ContainingType):
                var returned = ReadBufferCall(call, scope.Env);
                returnedBuffer = returned;
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// For <c>Vector&lt;T&gt;</c>, <c>Vector128/256/512</c> and the <c>Vector</c> statics: how to write the same math so it is differentiated
    /// (lanes are not); else empty.
    /// </summary>
    internal static string VectorHint(ITypeSymbol? type) =>
        type is INamedTypeSymbol { Name: "Vector" or "Vector64" or "Vector128" or "Vector256" or "Vector512", ContainingNamespace: var ns }
        && ns?.ToDisplayString() is "System.Numerics" or "System.Runtime.Intrinsics"
            ? " (SIMD vectors are not differentiated lane by lane: write the loop over elements, or TensorPrimitives (Dot, Sum, Norm, and Add, Multiply, Exp, Tanh, Sigmoid, SoftMax, ... into a local buffer), which Gradwise differentiates as whole operations and runs vectorized both ways)"
            : string.Empty;

    /// <summary><see cref="VectorHint"/> for a method on SIMD vectors, or returning or taking one; else empty.</summary>
    internal static string VectorHintOf(IMethodSymbol method) =>
        new[] { method.ContainingType, method.ReturnType }.Concat(method.Parameters.Select(p => p.Type)).Select(VectorHint).FirstOrDefault(h => h.Length > 0) ?? string.Empty;

    /// <summary>The conditions of the argument checks read so far (<see cref="FrontendResult.Guards"/>).</summary>
    private readonly List<Expr> guards = new();

    /// <summary>True until the first statement of the method that is not an argument check.</summary>
    private bool guardsOpen = true;

    /// <summary>
    /// An argument check at the top of the method, <c>if (condition) throw ...;</c> with a condition over parameters: read
    /// as a guard (true). False for any other statement (and from then on for every statement: checks come first). Null
    /// when it is a check whose condition could not be read (reported).
    /// </summary>
    private bool? ReadGuard(IOperation statement)
    {
        if (!guardsOpen)
        {
            return false;
        }

        if (statement is not IConditionalOperation { WhenFalse: null, Condition: var condition, WhenTrue: var then } || !IsThrow(then)
            || real != null || condition.DescendantsAndSelf().Any(o => o is ILocalReferenceOperation or IInvocationOperation { TargetMethod.MethodKind: MethodKind.LocalFunction }))
        {
            guardsOpen = statement is ILocalFunctionOperation or IEmptyOperation;
            return false;
        }

        // A helper's check reads its parameters, bound to what the call passes.
        var predicate = ReadPredicate(condition, helperDepth > 0 ? helperParameters : new Dictionary<ISymbol, Expr>(SymbolEqualityComparer.Default));
        if (predicate is null)
        {
            return null;
        }

        if (helperDepth > 0 && ReadNames(predicate).FirstOrDefault(n => !IsOwnName(n)) is { } computed)
        {
            // Checked first, the condition must mean what it means at the call: over your parameters and weights only.
            Unsupported(condition, "the argument check 'if (" + condition.Syntax + ") throw'", "a check inside a method read where it is called is kept when, at the call, it reads only your method's parameters and weights; here it reads '" + computed + "', computed in your method");
            return null;
        }

        if (!guards.Contains(predicate))
        {
            guards.Add(predicate); // a helper called twice with the same arguments checks once
        }

        return true;

        static bool IsThrow(IOperation branch) => branch switch
        {
            IThrowOperation => true,
            IExpressionStatementOperation { Operation: IThrowOperation } => true,
            IBlockOperation { Operations: [var only] } => IsThrow(only),
            _ => false,
        };
    }

    /// <summary>The parameters of the helper being read, bound to the arguments of its call (its argument checks read them).</summary>
    private Dictionary<ISymbol, Expr> helperParameters = new(SymbolEqualityComparer.Default);

    /// <summary>Every name an expression reads: scalars, arrays of elements, the ints of indices and lengths.</summary>
    private static IEnumerable<string> ReadNames(Expr expr) =>
        expr is Variable variable ? variable.Reads() : expr.Children.SelectMany(ReadNames);

    /// <summary>
    /// True for the name of one of your method's parameters, or of a trainable field it reads: a name whose value at the call is
    /// its value on entry (straight-line math reads an assigned parameter as the math of its value on entry; a method with loops
    /// cannot assign one), so the check means the same when it runs first.
    /// </summary>
    private bool IsOwnName(string name) =>
        method.Parameters.Any(p => p.Name == name) || modelLeaves.Contains(name) || modelLeaves.Contains(ModelParameters.NameOf(name));

    /// <summary>True inside the condition of a while or for loop, which runs at every iteration.</summary>
    private static bool InsideLoopCondition(IOperation operation)
    {
        for (var child = operation; child.Parent != null; child = child.Parent)
        {
            switch (child.Parent)
            {
                case IWhileLoopOperation loop when loop.Condition == child:
                case IForLoopOperation forLoop when forLoop.Condition == child:
                    return true;
                case IBlockOperation:
                    return false;
            }
        }

        return false;
    }
}
