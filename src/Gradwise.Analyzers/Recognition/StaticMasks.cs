using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Gradwise.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Gradwise.Recognition;

/// <summary>A random draw made once and reused by every epoch of a training loop.</summary>
/// <param name="Draw">The operation that draws (the declaration's value, the assignment, the fill or the shuffle).</param>
/// <param name="Collection">The local that holds the draw.</param>
/// <param name="Epochs">The training loop.</param>
/// <param name="Step">The training step inside it that reads the draw.</param>
/// <param name="Declaration">The declaration statement of the local, when it is the draw and a fix can move it into the loop.</param>
internal sealed record StaticMask(IOperation Draw, ILocalSymbol Collection, ILoopOperation Epochs, IOperation Step, IVariableDeclarationGroupOperation? Declaration);

/// <summary>What a random draw makes.</summary>
internal enum DrawKind
{
    /// <summary>Bernoulli choices: which features to drop, which tokens to mask.</summary>
    Choices,

    /// <summary>Positions or an order: masked positions, a shuffled order.</summary>
    Positions,

    /// <summary>Real-valued noise added to the data.</summary>
    Noise,
}

/// <summary>
/// GW5001's recognizer: in one method body, a local collection (an array, list or span of masks, positions or shuffled
/// indices) filled from a <c>System.Random</c> — directly, by a LINQ query over random draws, by
/// <c>Random.Shuffle</c>, or by a helper given a <c>Random</c> or drawing from one — before a loop that trains (it calls a
/// generated <c>…WithGradient</c>, an optimizer's <c>step</c>, <c>backward</c>, or a method of this project that does, or
/// subtracts from array elements), where the training step reads the collection (through locals computed from it in the
/// loop) and nothing in the loop draws it again.
/// </summary>
internal static class StaticMasks
{
    private const int CallDepth = 2;

    /// <summary>The static draws of a method body.</summary>
    public static IEnumerable<StaticMask> In(IOperation body, FlowIndex index, CancellationToken cancellationToken)
    {
        var draws = Draws(body, index, cancellationToken).ToList();
        if (draws.Count == 0)
        {
            yield break; // most bodies: nothing drawn at random, and no loop is looked into
        }

        var loops = body.Descendants().OfType<ILoopOperation>().ToList();
        var steps = new Dictionary<ILoopOperation, List<IOperation>>();
        List<IOperation> StepsOf(ILoopOperation loop) => steps.TryGetValue(loop, out var known) ? known : steps[loop] = Steps(loop, index, cancellationToken);

        foreach (var (local, draw, kind) in draws)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // Cheap questions first: loops after the draw, not around it, that read it and leave it as it is (random initial
            // weights are written by the loop that trains them); only then is a loop searched for training steps.
            var after = loops.Where(l => l.Syntax.SpanStart > draw.Syntax.SpanStart && !Contains(l, draw)).ToList();
            var redrawing = after.Where(l => WrittenIn(l, local)).ToList();
            var candidates = after.Where(l => l.Body.DescendantsAndSelf().Any(o => o is ILocalReferenceOperation r && SymbolEqualityComparer.Default.Equals(r.Local, local))
                && !redrawing.Any(outer => Contains(outer, l)) // redrawn by this loop or one around it: once per epoch
                && (kind != DrawKind.Noise || Augments(l, local))).ToList();

            // The epoch loop of a draw: the outermost training loop after it that does not contain it (a draw made once per
            // run, inside an outer loop over runs, is still made once for all the epochs of that run).
            var training = candidates.Where(l => StepsOf(l).Count > 0 && Repeats(l, StepsOf(l))).ToList();
            var epochs = training.Where(l => !training.Any(outer => outer != l && Contains(outer, l))).ToList();
            foreach (var loop in epochs)
            {
                var step = StepsOf(loop).FirstOrDefault(s => Reads(s, local, loop));
                if (step is null)
                {
                    continue; // read only to evaluate, or not at all
                }

                var declaration = draw.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Parent: IVariableDeclarationOperation { Parent: IVariableDeclarationGroupOperation group } } }
                    ? group
                    : null;
                yield return new StaticMask(draw, local, loop, step, declaration);
                break;
            }
        }
    }

    /// <summary>
    /// True for a loop that repeats training over the same data (epochs, or until it converges), and false for one that
    /// walks or selects the data (rows, batches, folds): its loop variable indexes something, is handed to a training step,
    /// is the data of an inner loop, or is compared with something to select rows. A mask drawn once and reused over the batches of one epoch, or over a single pass, is not reused
    /// across epochs.
    /// </summary>
    private static bool Repeats(ILoopOperation loop, List<IOperation> steps)
    {
        var variables = loop switch
        {
            IForEachLoopOperation each => each.Locals,
            IForLoopOperation counter => counter.Locals,
            _ => System.Collections.Immutable.ImmutableArray<ILocalSymbol>.Empty, // while and do: epochs or "until it converges"
        };
        if (variables.IsEmpty)
        {
            return true;
        }

        bool IsVariable(IOperation o) => Operations.Strip(o) is ILocalReferenceOperation r && variables.Contains(r.Local, SymbolEqualityComparer.Default);
        return !loop.Body.DescendantsAndSelf().Any(o => o switch
        {
            IArrayElementReferenceOperation element => element.Indices.Any(i => i.DescendantsAndSelf().Any(IsVariable)),
            IPropertyReferenceOperation { Property.IsIndexer: true } indexer => indexer.Arguments.Any(a => a.Value.DescendantsAndSelf().Any(IsVariable)),
            IForEachLoopOperation inner => IsVariable(inner.Collection),

            // A fold of cross-validation selects its rows by comparing against the loop variable (i % k != fold); an
            // epoch counter is at most compared after arithmetic (epoch % 10 == 0, for logging).
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison =>
                (IsVariable(comparison.LeftOperand) && !comparison.RightOperand.ConstantValue.HasValue) || (IsVariable(comparison.RightOperand) && !comparison.LeftOperand.ConstantValue.HasValue),
            _ => false,
        }) && !steps.Any(step => step.DescendantsAndSelf().Any(IsVariable));
    }

    /// <summary>The training steps in a loop: gradient calls, optimizer steps, weight updates, and calls of this project's methods that make them.</summary>
    private static List<IOperation> Steps(ILoopOperation loop, FlowIndex index, CancellationToken cancellationToken) =>
        loop.Body.DescendantsAndSelf().Where(o => IsStep(o, index, 0, cancellationToken)).ToList();

    private static bool IsStep(IOperation operation, FlowIndex index, int depth, CancellationToken cancellationToken)
    {
        switch (operation)
        {
            case IInvocationOperation call:
                var name = call.TargetMethod.Name;
                if (name.EndsWith("WithGradient", System.StringComparison.Ordinal) || name is "step" or "backward" or "Backward" or "zero_grad")
                {
                    return true;
                }

                if (depth < CallDepth && call.TargetMethod.DeclaringSyntaxReferences.Length > 0
                    && index.FactsOf(call.TargetMethod.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken), cancellationToken).Root is { } callee)
                {
                    return callee.Descendants().Any(o => o is IInvocationOperation or ICompoundAssignmentOperation && IsStep(o, index, depth + 1, cancellationToken));
                }

                return false;
            case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Subtract, Target: IArrayElementReferenceOperation or IPropertyReferenceOperation { Property.IsIndexer: true } } update:
                return Frontend.MathApi.IsReal(update.Type); // w[j] -= rate * g[j]
            default:
                return false;
        }
    }

    /// <summary>The local collections drawn from a Random in the body, with the (first) operation that draws each.</summary>
    private static IEnumerable<(ILocalSymbol Local, IOperation Draw, DrawKind Kind)> Draws(IOperation body, FlowIndex index, CancellationToken cancellationToken)
    {
        var seen = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        foreach (var operation in body.Descendants())
        {
            if (Operations.IsInsideFunction(operation, body))
            {
                continue; // a lambda's draws run when it is called
            }

            // The candidate first (a local collection and the value that may fill it), then the questions that may read other bodies.
            (ILocalSymbol? local, IOperation? draw, IOperation? value) = operation switch
            {
                IVariableDeclaratorOperation { Initializer.Value: { } initial } declarator => (declarator.Symbol, initial, initial),
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment => (target.Local, assignment.Value, assignment.Value),
                ISimpleAssignmentOperation { Target: IArrayElementReferenceOperation { ArrayReference: ILocalReferenceOperation array } } fill => (array.Local, fill, fill.Value),
                IInvocationOperation call when IsRandom(call.TargetMethod.ContainingType) && call.Arguments.FirstOrDefault(a => Operations.Strip(a.Value) is ILocalReferenceOperation)?.Value is { } shuffled
                    => (((ILocalReferenceOperation)Operations.Strip(shuffled)).Local, call, call), // rng.Shuffle(order)
                IInvocationOperation { TargetMethod.Name: "Add" or "Insert", Instance: ILocalReferenceOperation list } add => (list.Local, add, add), // positions.Add(rng.Next(length))
                _ => (null, null, null),
            };
            if (local is not null && draw is not null && value is not null && !seen.Contains(local) && IsCollection(local.Type)
                && Random(value) && !IsSplit(draw)
                && KindOf(draw, local, index, cancellationToken) is { } kind && seen.Add(local))
            {
                yield return (local, draw, kind);
            }
        }
    }

    /// <summary>
    /// What a random draw makes, when it is a mask and not data: Bernoulli choices (booleans), positions or an order
    /// (a random permutation or subset of an index range, <c>rng.Next(x.Length)</c>, a shuffle), or real-valued noise
    /// (an augmentation only if the loop adds or multiplies it into something). A dataset generated at random before
    /// training (tokens, features, labels) is none of these and is not reported.
    /// </summary>
    private static DrawKind? KindOf(IOperation draw, ILocalSymbol local, FlowIndex index, CancellationToken cancellationToken)
    {
        var element = ElementType(local.Type);
        if (element?.SpecialType == SpecialType.System_Boolean)
        {
            return DrawKind.Choices;
        }

        if (draw is IInvocationOperation { TargetMethod.Name: "Shuffle" } || Positions(draw, index, 0, cancellationToken))
        {
            return DrawKind.Positions;
        }

        return Frontend.MathApi.IsReal(element) ? DrawKind.Noise : null;
    }

    /// <summary>Random positions in a collection: an index range ordered at random, or <c>rng.Next(n)</c> with n a length or count; also in a helper's returns.</summary>
    private static bool Positions(IOperation value, FlowIndex index, int depth, CancellationToken cancellationToken) =>
        value.DescendantsAndSelf().Any(o => o switch
        {
            IInvocationOperation { TargetMethod.Name: "OrderBy" or "OrderByDescending" } order => order.Arguments.Length > 0
                && Operations.Strip(order.Arguments[0].Value) is IInvocationOperation { TargetMethod.Name: "Range" } && order.Arguments.Skip(1).Any(a => a.Value.DescendantsAndSelf().Any(r => r is IInvocationOperation c && IsRandom(c.TargetMethod.ContainingType))),
            IInvocationOperation { TargetMethod.Name: "Next" or "NextInt64" } next when IsRandom(next.TargetMethod.ContainingType) =>
                next.Arguments.Any(a => Operations.Strip(a.Value) is IPropertyReferenceOperation { Property.Name: "Length" or "Count" } or IInvocationOperation { TargetMethod.Name: "Count" }),
            IInvocationOperation call when depth < CallDepth && call.TargetMethod.DeclaringSyntaxReferences.Length > 0 && call.Arguments.Any(a => IsRandom(a.Value.Type)) =>
                index.ReturnsOf(call.TargetMethod, cancellationToken).Any(r => Positions(r, index, depth + 1, cancellationToken)),
            _ => false,
        });

    /// <summary>The element type of an array, list or other sequence, through nesting (<c>bool[][]</c> is of <c>bool</c>).</summary>
    private static ITypeSymbol? ElementType(ITypeSymbol? type)
    {
        for (var depth = 0; depth < 4 && type is not null; depth++)
        {
            var element = type switch
            {
                IArrayTypeSymbol array => array.ElementType,
                INamedTypeSymbol { SpecialType: SpecialType.System_String } => null,
                INamedTypeSymbol named when named.Name is "Span" or "ReadOnlySpan" or "List" or "IEnumerable" or "IReadOnlyList" or "IList" && named.TypeArguments.Length == 1 => named.TypeArguments[0],
                _ => null,
            };
            if (element is null)
            {
                return type;
            }

            type = element;
        }

        return type;
    }

    /// <summary>True when the loop adds the noise to something that is not a constant (<c>x[i] + noise[i]</c>): an augmentation, not data.</summary>
    private static bool Augments(ILoopOperation loop, ILocalSymbol noise) =>
        loop.Body.DescendantsAndSelf().OfType<IBinaryOperation>().Any(b => b.OperatorKind == BinaryOperatorKind.Add
            && ((ReadsElement(b.LeftOperand, noise) && !b.RightOperand.ConstantValue.HasValue) || (ReadsElement(b.RightOperand, noise) && !b.LeftOperand.ConstantValue.HasValue)));

    private static bool ReadsElement(IOperation operand, ILocalSymbol local) =>
        Operations.Strip(operand) is IArrayElementReferenceOperation { ArrayReference: var array } && Names(array, local);

    /// <summary>
    /// A random subset taken once (<c>rows.OrderBy(_ =&gt; rng.Next()).Take(800)</c>): a train/test split, which is meant to
    /// stay fixed, not a mask. Only a subset at the top of the query counts; per-example masks built inside a <c>Select</c>
    /// are masks.
    /// </summary>
    private static bool IsSplit(IOperation draw)
    {
        var subset = false;
        for (var current = Operations.Strip(draw); current is IInvocationOperation call; current = Operations.Strip(call.Instance ?? (call.Arguments.Length > 0 ? call.Arguments[0].Value : call)))
        {
            switch (call.TargetMethod.Name)
            {
                case "ToArray" or "ToList" or "AsEnumerable":
                    break;
                case "Take" or "Skip" or "TakeLast" or "SkipLast" or "Where":
                    subset = true;
                    break;
                case "OrderBy" or "OrderByDescending":
                    return subset;
                default:
                    return false;
            }

            if (call.Instance is null && call.Arguments.Length == 0)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// True when a value draws from a Random: a call on one, or a helper given one. (A helper that draws from a Random it
    /// keeps elsewhere is not looked into: that would bind the body of every helper that fills a collection, on every build.)
    /// </summary>
    private static bool Random(IOperation value) =>
        value.DescendantsAndSelf().Any(o => o is IInvocationOperation call && (IsRandom(call.TargetMethod.ContainingType) || call.Arguments.Any(a => IsRandom(a.Value.Type))));

    private static bool IsRandom(ITypeSymbol? type) => type is { Name: "Random", ContainingNamespace.Name: "System", ContainingNamespace.ContainingNamespace.IsGlobalNamespace: true };

    /// <summary>An array, list, span or other sequence: something that holds many draws (a scalar seed does not).</summary>
    private static bool IsCollection(ITypeSymbol type) =>
        type is IArrayTypeSymbol || (type.SpecialType != SpecialType.System_String && type.AllInterfaces.Any(i => i.Name == "IEnumerable"))
        || type.Name is "Span" or "ReadOnlySpan";

    /// <summary>True when the loop assigns the local, writes its elements, or hands it to a Random (a shuffle).</summary>
    private static bool WrittenIn(ILoopOperation loop, ILocalSymbol local) =>
        loop.Body.DescendantsAndSelf().Any(o => o switch
        {
            IAssignmentOperation { Target: var target } => Names(target, local) || (target is IArrayElementReferenceOperation element && Names(element.ArrayReference, local)),
            IInvocationOperation call => (IsRandom(call.TargetMethod.ContainingType) || call.TargetMethod.Name is "Add" or "Clear" or "Insert" or "AddRange")
                && (call.Arguments.Any(a => Names(a.Value, local)) || (call.Instance is { } instance && Names(instance, local))),
            IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument => Names(argument.Value, local),
            _ => false,
        });

    /// <summary>True when the step reads the local, directly or through locals the loop computes from it.</summary>
    private static bool Reads(IOperation step, ILocalSymbol local, ILoopOperation loop)
    {
        var derived = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default) { local };
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var operation in loop.Body.DescendantsAndSelf())
            {
                foreach (var defined in Defined(operation))
                {
                    if (!derived.Contains(defined.Local) && defined.Value.DescendantsAndSelf().Any(o => o is ILocalReferenceOperation r && derived.Contains(r.Local)))
                    {
                        derived.Add(defined.Local);
                        changed = true;
                    }
                }
            }
        }

        // For a weight update, what it subtracts; for a call, its arguments and receiver.
        var reads = step is ICompoundAssignmentOperation update ? update.Value : step;
        return reads.DescendantsAndSelf().Any(o => o is ILocalReferenceOperation r && derived.Contains(r.Local));
    }

    /// <summary>The locals an operation defines, with the value each is given (a deconstruction gives all its locals the whole value).</summary>
    private static IEnumerable<(ILocalSymbol Local, IOperation Value)> Defined(IOperation operation)
    {
        switch (operation)
        {
            case IVariableDeclaratorOperation { Initializer.Value: { } value } declarator:
                yield return (declarator.Symbol, value);
                break;
            case IAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                yield return (target.Local, assignment.Value);
                break;
            case IDeconstructionAssignmentOperation deconstruction:
                foreach (var target in deconstruction.Target.DescendantsAndSelf().OfType<ILocalReferenceOperation>())
                {
                    yield return (target.Local, deconstruction.Value);
                }

                break;
            case IForEachLoopOperation loop:
                foreach (var local in loop.Locals)
                {
                    yield return (local, loop.Collection);
                }

                break;
        }
    }

    private static bool Names(IOperation operation, ILocalSymbol local) =>
        Operations.Strip(operation) is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local);

    private static bool Contains(IOperation outer, IOperation inner) => outer.Syntax.Span.Contains(inner.Syntax.Span) && outer.Syntax.SyntaxTree == inner.Syntax.SyntaxTree;
}
