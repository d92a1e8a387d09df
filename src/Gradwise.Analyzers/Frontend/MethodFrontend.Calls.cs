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

/// <summary>The procedure reader, continued. Calls of other [Differentiable] methods that take spans: a CallStmt and its arguments' windows.</summary>
internal sealed partial class MethodFrontend
{
    /// <summary>
    /// True (and reported) when a span-taking call named <paramref name="name"/> stands inside <c>?:</c>, <c>&amp;&amp;</c> or
    /// <c>||</c>, where it would not always run: such a call runs as a statement of its own.
    /// </summary>
    private bool IsConditionalCall(IInvocationOperation invocation, string name)
    {
        if (!InsideConditionalExpression(invocation))
        {
            return false;
        }

        Unsupported(invocation, "the call to '" + name + "' inside a condition or ?: expression", "a call that takes spans runs as a statement of its own; assign it to a local first");
        return true;
    }

    /// <summary>True inside <c>?:</c>, <c>&amp;&amp;</c> or <c>||</c>: where a call would not always run.</summary>
    private static bool InsideConditionalExpression(IOperation operation)
    {
        for (var parent = operation.Parent; parent != null && parent is not IBlockOperation; parent = parent.Parent)
        {
            if (parent is IConditionalOperation { Type: not null } or IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when a call of another [Differentiable] method can go through its generated code (its WithGradient, or its split
    /// halves): it works in double, takes no matrix, and each span argument is a parameter of this method or a slice of one.
    /// Otherwise (float, a matrix, a local buffer, a row) the callee is read where it is called. Reports nothing.
    /// </summary>
    private bool CanChain(IInvocationOperation invocation, IMethodSymbol callee)
    {
        if (callee.ReturnType.SpecialType == SpecialType.System_Single
            || callee.Parameters.Any(p => p.Type.SpecialType == SpecialType.System_Single || ElementTypeOf(p.Type) == SpecialType.System_Single || IsJagged(p.Type) || IsRectangular(p.Type)))
        {
            return false;
        }

        if (!procedureMode)
        {
            return true; // a span argument here is reported as such
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { } parameter || parameter.Type.SpecialType is SpecialType.System_Double or SpecialType.System_Int32)
            {
                continue;
            }

            var chained = Strip(argument.Value) switch
            {
                IParameterReferenceOperation own => SymbolEqualityComparer.Default.Equals(own.Parameter.ContainingSymbol, method),
                ILocalReferenceOperation local => views.TryGetValue(local.Local, out var view) && view.Offset is not IntRow && method.Parameters.Any(p => Escaped(p.Name) == view.Array),
                IInvocationOperation slice => SliceParts(slice) is var (sliced, _) && Strip(sliced) is IParameterReferenceOperation p && SymbolEqualityComparer.Default.Equals(p.Parameter.ContainingSymbol, method),
                _ => false,
            };
            if (!chained)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSpanCall(IInvocationOperation call) =>
        DifferentiableSignature.IsDifferentiable(call.TargetMethod) && call.TargetMethod.Parameters.Any(p => p.Type.SpecialType is not (SpecialType.System_Double or SpecialType.System_Single));

    private void FlushCalls(List<Stmt> output)
    {
        output.AddRange(pendingCalls);
        pendingCalls.Clear();
    }

    /// <summary>
    /// A call of a [Differentiable] method that takes spans: a <see cref="CallStmt"/> into a fresh
    /// local, emitted before the statement that reads it. Double arguments go through locals of
    /// their own, so the reverse sweep has one adjoint per argument.
    /// </summary>
    private Expr? ReadSpanCall(IInvocationOperation invocation, IMethodSymbol callee, Dictionary<ISymbol, Expr> env)
    {
        if (IsConditionalCall(invocation, callee.Name))
        {
            return null;
        }

        if (!CalleeIsGenerated(invocation, callee))
        {
            return null;
        }

        if (callee.ReturnType.SpecialType == SpecialType.System_Single || callee.Parameters.Any(p => p.Type.SpecialType == SpecialType.System_Single || ElementTypeOf(p.Type) == SpecialType.System_Single))
        {
            Unsupported(invocation, "the call to '" + callee.Name + "'", "'" + callee.Name + "' works in float; a [Differentiable] method over float spans or with loops is not called from another one yet");
            return null;
        }

        var arguments = new CallArg?[callee.Parameters.Length];
        foreach (var argument in invocation.Arguments)
        {
            var parameter = argument.Parameter;
            if (parameter is null || parameter.RefKind != RefKind.None || argument.ArgumentKind == ArgumentKind.ParamArray)
            {
                return UnknownCall(invocation);
            }

            var hasGradient = DifferentiableSignature.HasGradient(parameter);
            if (parameter.Type.SpecialType == SpecialType.System_Double)
            {
                var value = Read(argument.Value, env);
                if (value is null)
                {
                    return null;
                }

                if (!hasGradient && DependsOnDifferentiated(value))
                {
                    Unsupported(argument, "the argument '" + argument.Syntax + "'", "it depends on a differentiated parameter, but '" + callee.Name + "' takes it as [NoGradient] parameter '" + parameter.Name + "'");
                    return null;
                }

                if (value is not (Variable or Constant))
                {
                    var local = Fresh(callee.Name + "Arg");
                    declaredLocals.Add(local);
                    pendingCalls.Add(new AssignStmt(local, value, true));
                    value = Ex.Var(local);
                }

                arguments[parameter.Ordinal] = new CallArg(value, null, null, hasGradient);
            }
            else if (parameter.Type.SpecialType == SpecialType.System_Int32)
            {
                var code = ReadInt(argument.Value);
                if (code is null)
                {
                    return null;
                }

                arguments[parameter.Ordinal] = new CallArg(null, code, null, false);
            }
            else if (IsJagged(parameter.Type) || IsRectangular(parameter.Type))
            {
                Unsupported(argument, "the argument '" + argument.Syntax + "'", "'" + callee.Name + "' takes the " + parameter.Type.ToDisplayString() + " parameter '" + parameter.Name + "'; a [Differentiable] method with a matrix parameter is not called from another one yet (pass flat spans, or call it outside)");
                return null;
            }
            else
            {
                var window = SpanArgument(argument);
                if (window is null)
                {
                    return null;
                }

                arguments[parameter.Ordinal] = new CallArg(null, null, window, hasGradient);
            }
        }

        if (arguments.Any(a => a is null))
        {
            return UnknownCall(invocation);
        }

        var target = Fresh(callee.Name + "Value");
        declaredLocals.Add(target);
        pendingCalls.Add(new CallStmt(target, CalleeText(callee), new EquatableArray<CallArg>(arguments.Select(a => a!).ToArray())));
        return Ex.Var(target);
    }

    private bool DependsOnDifferentiated(Expr value) =>
        method.Parameters.Any(p => DifferentiableSignature.HasGradient(p) && DependsOnArray(value, Escaped(p.Name)))
        || Leaf.In(value).Any(leaf => declaredLocals.Contains(leaf.Name));

    /// <summary>A span argument: a parameter, a slice of one, or a slice view, as the window of the parameter it reads (else reported).</summary>
    private SpanWindow? SpanArgument(IArgumentOperation argument, string receiver = "a [Differentiable] method")
    {
        if (ParameterWindow(argument.Value, anyElement: true) is { } window)
        {
            return window;
        }

        if (Strip(argument.Value) is IInvocationOperation slice && SliceOf(slice) is not null)
        {
            return null; // a slice whose bounds are not readable ints: reported where they were read
        }

        Unsupported(argument, "the argument '" + argument.Syntax + "'", "a span passed to " + receiver + " is a parameter or a slice of one (a local buffer changes between the forward and the reverse sweep)");
        return null;
    }
}
