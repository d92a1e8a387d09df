using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Gradwise.Flow;

/// <summary>
/// Reaching definitions of locals in one body, from Roslyn's <see cref="ControlFlowGraph"/>: the
/// values that can be in a local where it is read, on any path the program can take. The graph is
/// built once per body; a read inside a lambda or local function falls back to every write.
/// </summary>
internal sealed class LocalDefinitions
{
    private readonly IOperation root;
    private readonly ControlFlowGraph? graph;
    private readonly Dictionary<SyntaxNode, IOperation> originals = new();

    private LocalDefinitions(IOperation root, ControlFlowGraph? graph)
    {
        this.root = root;
        this.graph = graph;
        foreach (var operation in root.DescendantsAndSelf())
        {
            if (!originals.ContainsKey(operation.Syntax))
            {
                originals[operation.Syntax] = operation; // the outermost operation of a syntax node comes first
            }
        }
    }

    public static LocalDefinitions Build(IOperation root, CancellationToken cancellationToken)
    {
        ControlFlowGraph? graph = null;
        try
        {
            graph = root switch
            {
                IMethodBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
                IConstructorBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
                IBlockOperation { Parent: null } block => ControlFlowGraph.Create(block, cancellationToken),
                IFieldInitializerOperation initializer => ControlFlowGraph.Create(initializer, cancellationToken),
                IPropertyInitializerOperation initializer => ControlFlowGraph.Create(initializer, cancellationToken),
                _ => null,
            };
        }
        catch (System.ArgumentException)
        {
            graph = null; // a root the graph builder does not take: every write is a definition
        }

        return new LocalDefinitions(root, graph);
    }

    /// <summary>
    /// The reaching definitions of the locals that need no graph, from one walk of the body:
    /// <list type="bullet">
    /// <item>a local written exactly once (its initializer or one plain assignment): that value reaches
    /// every read, since C# reads a local only where it is definitely assigned;</item>
    /// <item>a foreach variable: the loop (its element);</item>
    /// <item>an accumulator (<c>s += ...</c>, <c>n++</c>) never assigned again after its initializer: every
    /// write, as after the loop they all can reach (a single-definition question then gets no answer,
    /// which is what it should get). One that is (<c>o += ...; o = Sigmoid(o);</c>) is the graph's.</item>
    /// </list>
    /// A local a deconstruction writes is defined by its place in the target (<see cref="Operations.Deconstructed"/>).
    /// Locals with several plain writes, and those a ref or out argument, an
    /// address-of or a ref local can change (or of struct types other than the built-in ones, whose
    /// members can be written through them), are left to the control-flow graph.
    /// </summary>
    public static Dictionary<ILocalSymbol, IReadOnlyList<IOperation>> WithoutGraph(IOperation root)
    {
        var writes = new Dictionary<ILocalSymbol, List<IOperation>>(SymbolEqualityComparer.Default);
        var accumulated = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        var assigned = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        var graphOnly = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        void Write(ILocalSymbol local, IOperation value)
        {
            if (local.RefKind != RefKind.None || (local.Type.IsValueType && local.Type.SpecialType == SpecialType.None && local.Type.TypeKind != TypeKind.Enum))
            {
                graphOnly.Add(local);
            }

            if (!writes.TryGetValue(local, out var list))
            {
                writes[local] = list = new List<IOperation>();
            }

            list.Add(value);
        }

        foreach (var operation in root.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                    Write(declarator.Symbol, initializer.Value);
                    break;
                case ISimpleAssignmentOperation { IsRef: false, Target: ILocalReferenceOperation target } assignment:
                    Write(target.Local, assignment.Value);
                    assigned.Add(target.Local);
                    break;
                case ICompoundAssignmentOperation { Target: ILocalReferenceOperation target } compound:
                    Write(target.Local, compound);
                    accumulated.Add(target.Local);
                    break;
                case IIncrementOrDecrementOperation { Target: ILocalReferenceOperation target } step:
                    Write(target.Local, step);
                    accumulated.Add(target.Local);
                    break;
                case IForEachLoopOperation loop:
                    foreach (var local in loop.Locals)
                    {
                        Write(local, loop);
                    }

                    break;
                case IDeconstructionAssignmentOperation deconstruction:
                    // var (a, b) = F(): a's definition is its place in the target, which says which element of F() it holds.
                    foreach (var target in Operations.DeconstructedLocals(deconstruction))
                    {
                        Write(target.Local, target);
                        assigned.Add(target.Local);
                    }

                    break;
                case ILocalReferenceOperation reference when MayChange(reference):
                    graphOnly.Add(reference.Local);
                    break;
            }
        }

        var result = new Dictionary<ILocalSymbol, IReadOnlyList<IOperation>>(SymbolEqualityComparer.Default);
        foreach (var pair in writes)
        {
            if (!graphOnly.Contains(pair.Key) && (pair.Value.Count == 1 || (accumulated.Contains(pair.Key) && !assigned.Contains(pair.Key))))
            {
                result[pair.Key] = pair.Value;
            }
        }

        return result;
    }

    private static bool MayChange(ILocalReferenceOperation reference)
    {
        var parent = reference.Parent;
        switch (parent)
        {
            case ICoalesceAssignmentOperation or ISimpleAssignmentOperation { IsRef: true } when ((IAssignmentOperation)parent).Target == reference:
            case IAddressOfOperation:
            case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out }:
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol.RefKind: not RefKind.None } }:
            case IReturnOperation when reference.Local.ContainingSymbol is IMethodSymbol { ReturnsByRef: true }:
                return true;
        }

        return false; // (a, b) = ... writes the locals in its target: recorded as writes (their place in the target)
    }

    /// <summary>The values that can reach <paramref name="use"/>, as operations of the original tree, in source order.</summary>
    public IReadOnlyList<IOperation> Reaching(ILocalReferenceOperation use, CancellationToken cancellationToken)
    {
        var local = use.Local;
        if (graph is null || Operations.IsInsideFunction(use, root) || !TryFind(use, out var startBlock, out var startIndex))
        {
            return AllWrites(local);
        }

        var found = new List<IOperation>();
        var visited = new HashSet<int>();
        var pending = new Stack<(BasicBlock Block, int Before)>();
        pending.Push((startBlock, startIndex));
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (block, before) = pending.Pop();
            var killed = false;
            for (var i = before - 1; i >= 0 && !killed; i--)
            {
                if (LastWrite(block.Operations[i], local) is { } write)
                {
                    found.Add(write);
                    killed = true;
                }
            }

            if (killed)
            {
                continue;
            }

            foreach (var predecessor in block.Predecessors)
            {
                var source = predecessor.Source;
                if (visited.Add(source.Ordinal))
                {
                    pending.Push((source, source.Operations.Length));
                }
            }
        }

        return found.Distinct().OrderBy(o => o.Syntax.SpanStart).ToList();
    }

    private bool TryFind(ILocalReferenceOperation use, out BasicBlock block, out int index)
    {
        foreach (var candidate in graph!.Blocks)
        {
            for (var i = 0; i < candidate.Operations.Length; i++)
            {
                if (Contains(candidate.Operations[i], use))
                {
                    block = candidate;
                    index = i;
                    return true;
                }
            }

            if (candidate.BranchValue != null && Contains(candidate.BranchValue, use))
            {
                block = candidate;
                index = candidate.Operations.Length;
                return true;
            }
        }

        block = null!;
        index = 0;
        return false;
    }

    private static bool Contains(IOperation operation, ILocalReferenceOperation use) =>
        operation.DescendantsAndSelf().Any(o => o is ILocalReferenceOperation r && r.Syntax == use.Syntax && SymbolEqualityComparer.Default.Equals(r.Local, use.Local));

    /// <summary>The value the last write to <paramref name="local"/> inside <paramref name="operation"/> stores, as an original operation.</summary>
    private IOperation? LastWrite(IOperation operation, ILocalSymbol local)
    {
        IOperation? last = null;
        foreach (var candidate in operation.DescendantsAndSelf())
        {
            var value = candidate switch
            {
                ISimpleAssignmentOperation a when IsLocal(a.Target, local) => Original(a.Value) ?? Original(a),
                ICompoundAssignmentOperation c when IsLocal(c.Target, local) => Original(c) ?? c,
                IIncrementOrDecrementOperation s when IsLocal(s.Target, local) => Original(s) ?? s,
                IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref } arg when IsLocal(arg.Value, local) => Original(arg) ?? arg,
                IDeconstructionAssignmentOperation d when Operations.DeconstructedLocals(d).FirstOrDefault(r => IsLocal(r, local)) is { } target => Original(target) ?? target,
                _ => null,
            };
            if (value != null)
            {
                last = value;
            }
        }

        return last;
    }

    private IOperation? Original(IOperation lowered) => originals.TryGetValue(lowered.Syntax, out var original) ? original : null;

    /// <summary>True when <paramref name="target"/> is <paramref name="local"/> (an <c>out var</c> declaration of it too).</summary>
    private static bool IsLocal(IOperation target, ILocalSymbol local) =>
        Operations.Strip(target is IDeclarationExpressionOperation declaration ? declaration.Expression : target) is ILocalReferenceOperation r
        && SymbolEqualityComparer.Default.Equals(r.Local, local);

    private IReadOnlyList<IOperation> AllWrites(ILocalSymbol local)
    {
        var result = new List<IOperation>();
        foreach (var operation in root.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation { Initializer: { } init } d when SymbolEqualityComparer.Default.Equals(d.Symbol, local):
                    result.Add(init.Value);
                    break;
                case ISimpleAssignmentOperation a when IsLocal(a.Target, local):
                    result.Add(a.Value);
                    break;
                case ICompoundAssignmentOperation or IIncrementOrDecrementOperation when operation is IAssignmentOperation { Target: var t } && IsLocal(t, local):
                    result.Add(operation);
                    break;
                case IIncrementOrDecrementOperation s when IsLocal(s.Target, local):
                    result.Add(s);
                    break;
                case IDeconstructionAssignmentOperation d:
                    result.AddRange(Operations.DeconstructedLocals(d).Where(r => IsLocal(r, local)));
                    break;
                case IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref } argument when IsLocal(argument.Value, local):
                    result.Add(argument);
                    break;
            }
        }

        return result;
    }
}
