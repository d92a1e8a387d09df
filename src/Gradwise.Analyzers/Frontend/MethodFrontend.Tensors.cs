using System.Collections.Generic;
using System.Linq;
using Gradwise.Symbolic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Gradwise.Frontend;

/// <summary>
/// The procedure reader, continued. <c>TensorPrimitives</c>: reductions over double parameter windows become a <see cref="CallStmt"/>
/// with a <see cref="TensorKernel"/> (vectorized both ways); reductions over a local buffer, a matrix row or float spans, and the
/// elementwise operations into a local buffer, become the loops over elements they stand for (float elements read as doubles).
/// </summary>
internal sealed partial class MethodFrontend
{
    private const string TensorSupport =
        "of TensorPrimitives, the reductions Dot, Sum, SumOfSquares, Norm, Distance, CosineSimilarity, Max, Min, SumOfMagnitudes, Product, ProductOfSums, ProductOfDifferences, Average and StdDev, and the elementwise Add, Subtract, Multiply, Divide, MultiplyAdd, FusedMultiplyAdd, AddMultiply, Lerp, Negate, Max, Min, Clamp, Pow, Reciprocal, ReciprocalSqrt, Sigmoid, SoftMax and the Math functions (Exp, Log, Tanh, ...) into a local buffer or a slice of one are differentiated; write this step as a loop over the elements";

    /// <summary>
    /// <c>TensorPrimitives.Dot(x.Slice(i * d, d), w)</c> and the other reductions, into a fresh local emitted before the
    /// statement that reads it. Anything else of <c>TensorPrimitives</c> read as a value is GW9003, named.
    /// </summary>
    private Expr? ReadTensorCall(IInvocationOperation invocation)
    {
        var callee = invocation.TargetMethod;
        var name = "TensorPrimitives." + callee.Name;
        var fold = TensorApi.Folds.TryGetValue(callee.Name, out var foldSpans) && callee.Parameters.Length == foldSpans;
        var whole = TensorApi.Reductions.TryGetValue(callee.Name, out var reduction) && callee.Parameters.Length == reduction.Spans;
        if (!fold && !whole)
        {
            Unsupported(invocation, "the call to '" + name + "'", TensorSupport);
            return null;
        }

        if (!procedureMode)
        {
            Unsupported(invocation, "the call to '" + name + "'", "TensorPrimitives calls are supported in methods that take spans");
            return null;
        }

        if (!IsTensorCallOverReal(invocation, name) || IsConditionalCall(invocation, name))
        {
            return null;
        }

        var arguments = OrderedArguments(invocation);
        if (arguments is null)
        {
            return UnknownCall(invocation);
        }

        if (fold)
        {
            return ReadFold(callee.Name, arguments);
        }

        // Over double windows the call runs as written, both ways. Over float, the method is computed in double (as its
        // loops are), so the reduction is the loop over its elements read as doubles.
        var windows = arguments.Select(a => ParameterWindow(a.Value)).ToList();
        if (TensorApi.ElementType(callee)?.SpecialType == SpecialType.System_Double && windows.All(w => w != null))
        {
            var target = Fresh(callee.Name + "Value");
            declaredLocals.Add(target);
            var callArguments = windows.Select(w => new CallArg(null, null, w, HasGradient: true)).ToArray();
            pendingCalls.Add(new CallStmt(target, "global::" + TensorApi.TensorPrimitives + "." + callee.Name + "<double>", new EquatableArray<CallArg>(callArguments), reduction.Kernel));
            return Ex.Var(target);
        }

        return ReadReductionLoop(callee.Name, arguments, reduction.Kernel, TensorApi.ElementType(callee)?.SpecialType == SpecialType.System_Double);
    }

    /// <summary>
    /// A reduction over a local buffer or a matrix row: a sum over its elements in a loop of its own; over double buffers and
    /// windows (<paramref name="overDouble"/>), that loop is the meaning of a whole operation (<see cref="TensorStmt"/>).
    /// </summary>
    private Expr? ReadReductionLoop(string member, IArgumentOperation[] arguments, TensorKernel kernel, bool overDouble)
    {
        var index = Fresh("k");
        var at = IntExpr.Var(index);
        var elements = new Expr[arguments.Length];
        IntExpr? length = null;
        for (var i = 0; i < arguments.Length; i++)
        {
            if (TensorSource(arguments[i], member, at) is not var (element, sourceLength))
            {
                return null;
            }

            elements[i] = element;
            length ??= sourceLength;
        }

        if (kernel == TensorKernel.CosineSimilarity)
        {
            return CosineLoop(index, length!, elements[0], elements[1]);
        }

        var sum = Fresh(member + "Value");
        declaredLocals.Add(sum);
        var term = kernel switch
        {
            TensorKernel.Dot => Ex.Mul(elements[0], elements[1]),
            TensorKernel.Sum => elements[0],
            TensorKernel.Distance => Ex.Pow(Ex.Sub(elements[0], elements[1]), Ex.Const(2)),
            _ => Ex.Mul(elements[0], elements[0]),
        };
        var expanded = new Stmt[] { new AssignStmt(sum, Ex.Zero, true), ElementLoop(index, length!, new AssignStmt(sum, Ex.Add(Ex.Var(sum), term), false)) };
        // Distance has no whole operation of its own (TensorMap): its loop is differentiated element by element.
        var operands = overDouble && kernel != TensorKernel.Distance ? arguments.Select(a => WindowOperand(a.Value)).ToArray() : null;
        if (operands != null && operands.All(o => o != null))
        {
            var map = kernel switch
            {
                TensorKernel.Dot => TensorMap.Dot,
                TensorKernel.Sum => TensorMap.Sum,
                _ => TensorMap.SumOfSquares, // Norm: the root of the sum of squares, taken where it is read
            };
            pendingCalls.Add(new TensorStmt(map, sum, new EquatableArray<TensorOperand>(operands!), length!, Block.Of(expanded)));
        }
        else
        {
            pendingCalls.AddRange(expanded);
        }

        // Norm and Distance: the root, 0 where the sum is 0 so that its derivative there is the subgradient of least norm, 0,
        // as the whole operation's is (√'s own, ∞ · 0, would be NaN); a NaN sum still gives NaN.
        return kernel is TensorKernel.Norm or TensorKernel.Distance
            ? Ex.Cond(Ex.Equal(Ex.Var(sum), Ex.Zero), Ex.Zero, Ex.Call(MathFunction.Sqrt, Ex.Var(sum)))
            : Ex.Var(sum);
    }

    /// <summary>
    /// <c>Max(x)</c>, <c>Product(x)</c>, <c>SumOfMagnitudes(x)</c> and the other folds (<see cref="TensorApi.Folds"/>) over any span the
    /// method reads: the loop they stand for, differentiated like any loop. The extremes and products start from the first term and
    /// fold in the rest, so an empty span fails as <c>TensorPrimitives</c> does (reading element 0), and <c>Max</c>'s derivative goes
    /// to its first greatest element; <c>SumOfMagnitudes</c> starts from 0. <c>Average</c> is the sum over the length, <c>StdDev</c> the
    /// population deviation from it, a second loop.
    /// </summary>
    private Expr? ReadFold(string member, IArgumentOperation[] arguments)
    {
        var index = Fresh("k");
        var at = IntExpr.Var(index);
        var fromFirst = TensorApi.FoldsFromFirst(member);
        var elements = new Expr[arguments.Length];
        var firsts = new Expr[arguments.Length];
        IntExpr? length = null;
        for (var i = 0; i < arguments.Length; i++)
        {
            if (TensorSource(arguments[i], member, at) is not var (element, sourceLength) || TensorSource(arguments[i], member, IntExpr.Zero) is not var (first, _))
            {
                return null;
            }

            elements[i] = element;
            firsts[i] = first;
            length ??= sourceLength;
        }

        var folded = Fresh(member + "Value");
        declaredLocals.Add(folded);
        pendingCalls.Add(new AssignStmt(folded, fromFirst ? TensorApi.FoldTerm(member, firsts) : Ex.Zero, true));
        var step = new AssignStmt(folded, TensorApi.FoldStep(member, Ex.Var(folded), TensorApi.FoldTerm(member, elements)), false);
        pendingCalls.Add(new LoopStmt(index, fromFirst ? IntExpr.One : IntExpr.Zero, length!, 1, Inclusive: false, Block.Of(new Stmt[] { step }), HasBreak: false));
        if (member is not ("Average" or "StdDev"))
        {
            return Ex.Var(folded);
        }

        var mean = Fresh("AverageValue");
        declaredLocals.Add(mean);
        pendingCalls.Add(new AssignStmt(mean, Ex.Div(Ex.Var(folded), Ex.Int(length!)), true));
        if (member == "Average")
        {
            return Ex.Var(mean);
        }

        // StdDev: the population deviation, √(Σ (x[k] − mean)² / n), 0 where every element is the mean, with derivative 0 there
        // (the root's own, ∞ · 0, would be NaN), as for Norm.
        var spread = Fresh("StdDevSpread");
        declaredLocals.Add(spread);
        pendingCalls.Add(new AssignStmt(spread, Ex.Zero, true));
        pendingCalls.Add(ElementLoop(index, length!, new AssignStmt(spread, Ex.Add(Ex.Var(spread), Ex.Pow(Ex.Sub(elements[0], Ex.Var(mean)), Ex.Const(2))), false)));
        return Ex.Cond(Ex.Equal(Ex.Var(spread), Ex.Zero), Ex.Zero, Ex.Call(MathFunction.Sqrt, Ex.Div(Ex.Var(spread), Ex.Int(length!))));
    }

    /// <summary>
    /// <c>CosineSimilarity(x, y)</c> over a local buffer or float spans: Σ x·y, Σ x² and Σ y² in one loop of their own, then
    /// Σ x·y / (√Σ x² · √Σ y²) (NaN where either is the zero vector, as <c>TensorPrimitives</c> gives it).
    /// </summary>
    private Expr CosineLoop(string index, IntExpr length, Expr x, Expr y)
    {
        var sums = new[] { Fresh("CosineSimilarityDot"), Fresh("CosineSimilarityXx"), Fresh("CosineSimilarityYy") };
        var terms = new[] { Ex.Mul(x, y), Ex.Mul(x, x), Ex.Mul(y, y) };
        var body = new List<Stmt>();
        for (var i = 0; i < sums.Length; i++)
        {
            declaredLocals.Add(sums[i]);
            pendingCalls.Add(new AssignStmt(sums[i], Ex.Zero, true));
            body.Add(new AssignStmt(sums[i], Ex.Add(Ex.Var(sums[i]), terms[i]), false));
        }

        pendingCalls.Add(new LoopStmt(index, IntExpr.Zero, length, 1, Inclusive: false, Block.Of(body), HasBreak: false));
        return Ex.Div(Ex.Var(sums[0]), Ex.Mul(Ex.Call(MathFunction.Sqrt, Ex.Var(sums[1])), Ex.Call(MathFunction.Sqrt, Ex.Var(sums[2]))));
    }

    /// <summary>
    /// <c>TensorPrimitives.Exp(x, e)</c>, <c>Add(a, b, e)</c>, <c>SoftMax(s, p)</c>, ... as a statement, with a local buffer as the
    /// destination: the loop that writes each element of the buffer (SoftMax: the sum of exponentials first, unshifted, as
    /// TensorPrimitives computes it).
    /// </summary>
    private bool ExecuteTensorWrite(IInvocationOperation call, Scope scope, List<Stmt> output)
    {
        var callee = call.TargetMethod;
        var name = "TensorPrimitives." + callee.Name;
        if (TensorApi.InputsOf(callee.Name) is not { } inputs || callee.Parameters.Length != inputs + 1)
        {
            Unsupported(call, "the call to '" + name + "'", TensorSupport);
            return false;
        }

        if (!IsTensorCallOverReal(call, name))
        {
            return false;
        }

        var arguments = OrderedArguments(call);
        if (arguments is null)
        {
            UnknownCall(call);
            return false;
        }

        var destination = arguments[inputs];
        if (Destination(destination.Value) is not var (target, targetOffset))
        {
            Unsupported(destination, "the destination '" + destination.Syntax + "'", "TensorPrimitives writes are differentiated into a local buffer (stackalloc double[n] or new double[n]) or a slice of one; parameters are read-only");
            return false;
        }

        var index = Fresh("k");
        var at = IntExpr.Var(index);
        var operands = new Expr[inputs];
        var whole = new TensorOperand[inputs];
        // Whole operations write a whole buffer; into a slice of one (gates.Slice(0, h)) the call is the loop it stands for.
        var vectorized = TensorApi.Whole.TryGetValue(callee.Name, out var map) && targetOffset is null && TensorApi.ElementType(callee)?.SpecialType == SpecialType.System_Double;
        IntExpr? length = null;
        for (var i = 0; i < inputs; i++)
        {
            if (IsFloatingPoint(callee.Parameters[i].Type.SpecialType))
            {
                var value = Read(arguments[i].Value, scope.Env);
                if (value is null)
                {
                    return false;
                }

                operands[i] = value;
                whole[i] = new TensorOperand(value, null, IntExpr.Zero, Whole: false, IsArray: false);
            }
            else if (TensorSource(arguments[i], callee.Name, at) is var (element, sourceLength))
            {
                operands[i] = element;
                length ??= sourceLength;
                if (vectorized && WindowOperand(arguments[i].Value) is { } operand)
                {
                    whole[i] = operand;
                }
                else
                {
                    vectorized = false;
                }
            }
            else
            {
                return false;
            }
        }

        FlushCalls(output);
        Sync(scope, output);
        Protect(scope, output, new[] { target });
        var into = targetOffset is null ? at : Shifted(targetOffset, at);
        var expanded = new List<Stmt>();
        if (callee.Name == "SoftMax")
        {
            var sum = Fresh("softMaxSum");
            declaredLocals.Add(sum);
            expanded.Add(new AssignStmt(sum, Ex.Zero, true));
            expanded.Add(ElementLoop(index, length!, new AssignStmt(sum, Ex.Add(Ex.Var(sum), Ex.Call(MathFunction.Exp, operands[0])), false)));
            expanded.Add(ElementLoop(index, length!, new StoreStmt(target, into, Ex.Div(Ex.Call(MathFunction.Exp, operands[0]), Ex.Var(sum)))));
        }
        else
        {
            expanded.Add(ElementLoop(index, length!, new StoreStmt(target, into, TensorApi.Element(callee.Name, operands))));
        }

        if (vectorized)
        {
            output.Add(new TensorStmt(map, target, new EquatableArray<TensorOperand>(whole), length!, Block.Of(expanded)));
        }
        else
        {
            output.AddRange(expanded);
        }

        return true;
    }

    /// <summary>
    /// Where a <c>TensorPrimitives</c> call writes: a local buffer, whole (no offset), or a slice of one (<c>gates.Slice(h, h)</c>: its
    /// elements from the offset on); null for anything else.
    /// </summary>
    private (string Buffer, IntExpr? Offset)? Destination(IOperation value)
    {
        switch (Strip(value))
        {
            case ILocalReferenceOperation local when buffers.TryGetValue(local.Local, out var whole):
                return (whole.Name, null);
            case ILocalReferenceOperation local when ViewedBuffer(local.Local) is var (viewed, viewOffset):
                return (viewed.Name, viewOffset);
            case IInvocationOperation slice when BufferWindow(slice) is var (buffer, offset, _):
                return (buffer.Name, offset);
            default:
                return null;
        }
    }

    /// <summary>A slice of a local buffer (<c>gates.Slice(h, h)</c>): the buffer and the window's offset and length; null for anything else.</summary>
    private (BufferInfo Buffer, IntExpr Offset, IntExpr Length)? BufferWindow(IInvocationOperation slice) =>
        SliceParts(slice) is var (sliced, _) && Strip(sliced) is ILocalReferenceOperation owner && buffers.TryGetValue(owner.Local, out var buffer)
        && SpanSource(slice) is ({ } array, { } offset, { } length, _) && array == buffer.Name
            ? (buffer, offset, length)
            : null;

    /// <summary>The local buffer a view local is a slice of, and the view's offset in it; null for any other local.</summary>
    private (BufferInfo Buffer, IntExpr Offset)? ViewedBuffer(ILocalSymbol local) =>
        views.TryGetValue(local, out var view) && buffers.Values.FirstOrDefault(b => b.Name == view.Array) is { } buffer ? (buffer, view.Offset) : null;

    /// <summary>
    /// A span input of a whole operation as the generated code can pass it on: a local buffer, or a double span or array of this
    /// method (a parameter, a trainable or data field), whole or a window of it; null for anything else (a row of a matrix).
    /// </summary>
    private TensorOperand? WindowOperand(IOperation value)
    {
        if (SpanSource(value) is not var (array, offset, _, _) || offset is IntRow or IntGrid)
        {
            return null;
        }

        var isBuffer = buffers.Values.Any(b => b.Name == array);
        var parameter = method.Parameters.FirstOrDefault(p => Escaped(p.Name) == array);
        if (!isBuffer && parameter != null && ElementTypeOf(parameter.Type) != SpecialType.System_Double)
        {
            return null; // a float span read as doubles: the generated code computes over a double copy of it
        }

        return new TensorOperand(null, array, offset ?? IntExpr.Zero, Whole: offset is null, IsArray: !isBuffer && parameter?.Type is not INamedTypeSymbol);
    }

    /// <summary><c>for (int index = 0; index &lt; length; index++) body</c>.</summary>
    private static LoopStmt ElementLoop(string index, IntExpr length, Stmt body) =>
        new(index, IntExpr.Zero, length, 1, Inclusive: false, Block.Of(new[] { body }), HasBreak: false);

    /// <summary>Element <paramref name="at"/> of a span a TensorPrimitives call reads, and the span's length; null (reported) for a span that is not readable.</summary>
    private (Expr Element, IntExpr Length)? TensorSource(IArgumentOperation argument, string member, IntExpr at)
    {
        if (SpanSource(argument.Value) is ({ } array, var offset, { } length, SpecialType.System_Double))
        {
            return (Ex.Element(array, Shifted(offset, at)), length);
        }

        Unsupported(argument, "the argument '" + argument.Syntax + "'", "a span read by TensorPrimitives." + member + " is a span or array parameter, a slice of one, a row of a double[][], or a local buffer");
        return null;
    }

    /// <summary>
    /// A window of a span or array parameter of this method that a call can read and add into: the parameter, a slice of it, or a
    /// slice view of it; of doubles, or of any element type with <paramref name="anyElement"/>. Null for anything else.
    /// </summary>
    private SpanWindow? ParameterWindow(IOperation value, bool anyElement = false)
    {
        bool Readable(ITypeSymbol type) => anyElement ? ElementTypeOf(type) != SpecialType.None : ElementTypeOf(type) == SpecialType.System_Double;
        switch (Strip(value))
        {
            case IParameterReferenceOperation parameter when SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, method) && Readable(parameter.Parameter.Type):
                var name = Escaped(parameter.Parameter.Name);
                return new SpanWindow(name, IntExpr.Zero, new IntLength(name), Whole: true, parameter.Parameter.Type is IArrayTypeSymbol);
            case ILocalReferenceOperation local when views.TryGetValue(local.Local, out var view) && (anyElement || view.IsDouble) && view.Offset is not IntRow && method.Parameters.Any(p => Escaped(p.Name) == view.Array):
                return new SpanWindow(view.Array, view.Offset, view.Length, Whole: false, view.IsArray);
            case IInvocationOperation slice when SliceOf(slice) is { Start: { } start, Length: { } length } window && Readable(window.Source.Parameter.Type):
                return new SpanWindow(Escaped(window.Source.Parameter.Name), start, length, Whole: false, window.Source.Parameter.Type is IArrayTypeSymbol);
            default:
                return null;
        }
    }

    /// <summary>True when the call works in double or float; else reported.</summary>
    private bool IsTensorCallOverReal(IInvocationOperation call, string name)
    {
        var element = TensorApi.ElementType(call.TargetMethod);
        if (element != null && IsFloatingPoint(element.SpecialType))
        {
            return true;
        }

        Unsupported(call, "the call to '" + name + "' over " + (element?.ToDisplayString() ?? "its spans"), "TensorPrimitives calls are differentiated over double and float spans");
        return false;
    }

    /// <summary>The arguments in parameter order, or null when one is missing, named oddly, or passed by reference.</summary>
    private static IArgumentOperation[]? OrderedArguments(IInvocationOperation call)
    {
        var ordered = new IArgumentOperation[call.TargetMethod.Parameters.Length];
        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter is not { RefKind: RefKind.None } parameter || argument.ArgumentKind == ArgumentKind.ParamArray)
            {
                return null;
            }

            ordered[parameter.Ordinal] = argument;
        }

        return ordered.Any(a => a is null) ? null : ordered;
    }
}
