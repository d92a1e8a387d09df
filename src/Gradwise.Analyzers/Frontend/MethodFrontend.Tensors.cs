using System.Linq;
using Gradwise.Symbolic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Gradwise.Frontend;

/// <summary>The procedure reader, continued. <c>TensorPrimitives</c> reductions over span windows: a <see cref="CallStmt"/> with a <see cref="TensorKernel"/>.</summary>
internal sealed partial class MethodFrontend
{
    /// <summary>
    /// <c>TensorPrimitives.Dot(x.Slice(i * d, d), w)</c> and the other reductions: a kernel call into a fresh local,
    /// emitted before the statement that reads it. Anything else of <c>TensorPrimitives</c> is GW9003, named.
    /// </summary>
    private Expr? ReadTensorCall(IInvocationOperation invocation)
    {
        var callee = invocation.TargetMethod;
        var name = "TensorPrimitives." + callee.Name;
        if (!TensorApi.Reductions.TryGetValue(callee.Name, out var reduction) || callee.Parameters.Length != reduction.Spans)
        {
            Unsupported(invocation, "the call to '" + name + "'", "of TensorPrimitives, the reductions Dot, Sum, SumOfSquares and Norm are differentiated; write an elementwise step (Exp, SoftMax, Sigmoid into a span) as a loop over its elements");
            return null;
        }

        var element = callee.TypeArguments.Length == 1 ? callee.TypeArguments[0] : (callee.Parameters[0].Type as INamedTypeSymbol)?.TypeArguments.FirstOrDefault();
        if (element?.SpecialType != SpecialType.System_Double)
        {
            Unsupported(invocation, "the call to '" + name + "' over " + (element?.ToDisplayString() ?? callee.Parameters[0].Type.ToDisplayString()), "TensorPrimitives calls are differentiated over double spans; float ones are not yet");
            return null;
        }

        if (!procedureMode)
        {
            Unsupported(invocation, "the call to '" + name + "'", "TensorPrimitives calls are supported in methods that take spans");
            return null;
        }

        if (InsideConditionalExpression(invocation))
        {
            Unsupported(invocation, "the call to '" + name + "' inside a condition or ?: expression", "a call that takes spans runs as a statement of its own; assign it to a local first");
            return null;
        }

        var arguments = new CallArg?[callee.Parameters.Length];
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { RefKind: RefKind.None } parameter)
            {
                return UnknownCall(invocation);
            }

            var window = SpanArgument(argument, "'" + name + "'");
            if (window is null)
            {
                return null;
            }

            arguments[parameter.Ordinal] = new CallArg(null, null, window, HasGradient: true);
        }

        if (arguments.Any(a => a is null))
        {
            return UnknownCall(invocation);
        }

        var target = Fresh(callee.Name + "Value");
        declaredLocals.Add(target);
        pendingCalls.Add(new CallStmt(target, "global::" + TensorApi.TensorPrimitives + "." + callee.Name + "<double>", new EquatableArray<CallArg>(arguments.Select(a => a!).ToArray()), reduction.Kernel));
        return Ex.Var(target);
    }
}
