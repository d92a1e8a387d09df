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

/// <summary>
/// The procedure half of the frontend: methods with span, array or int parameters, loops or
/// buffers become a <see cref="Procedure"/>. Straight-line code stays symbolic (the scalar
/// reader runs it); a double local becomes a statement only where memory is needed: a loop
/// reads or updates it, or a branch over statements assigns it.
/// </summary>
internal sealed partial class MethodFrontend
{
    private bool procedureMode;
    private readonly Dictionary<ISymbol, string> localNames = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, string> intNames = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, BufferInfo> buffers = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, SpanView> views = new(SymbolEqualityComparer.Default);
    private readonly HashSet<string> usedNames = new(StringComparer.Ordinal);
    private readonly List<string> declaredLocals = new();
    private readonly HashSet<ISymbol> reassigned = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ISymbol> topLevelInts = new(SymbolEqualityComparer.Default);
    private readonly List<Stmt> pendingCalls = new();
    private int nesting;

    /// <summary>The <c>k--</c> of the while condition being read (<c>while (k-- > 0)</c>), which that reading may meet.</summary>
    private IIncrementOrDecrementOperation? conditionStep;

    /// <summary>A read-only window on a parameter: <c>x.Slice(offset, length)</c>; <paramref name="IsArray"/> when the parameter is an array (sliced with <c>AsSpan</c>).</summary>
    private sealed record SpanView(string Array, IntExpr Offset, IntExpr Length, bool IsDouble, bool IsArray);

    /// <summary>Locals in scope: their symbolic values and which of them are declared in the emitted code.</summary>
    private sealed class Scope
    {
        public Scope(Dictionary<ISymbol, Expr> env, HashSet<ISymbol> materialized)
        {
            Env = env;
            Materialized = materialized;
        }

        public Dictionary<ISymbol, Expr> Env { get; }

        public HashSet<ISymbol> Materialized { get; }

        public Scope Copy() => new(new Dictionary<ISymbol, Expr>(Env, SymbolEqualityComparer.Default), new HashSet<ISymbol>(Materialized, SymbolEqualityComparer.Default));
    }

    private static bool NeedsProcedure(IMethodSymbol method, IOperation body) =>
        method.Parameters.Any(p => !IsFloatingPoint(p.Type.SpecialType) && !GenericMath.Is(p.Type, GenericMath.RealParameter(method)))
        || ModelParameters.IsModelMethod(method)
        || body.DescendantsAndSelf().Any(o => o is ILoopOperation or IArrayElementReferenceOperation or IArrayCreationOperation or IPropertyReferenceOperation { Property.IsIndexer: true })
        || body.Syntax.DescendantNodes().Any(n => n is StackAllocArrayCreationExpressionSyntax);

    /// <summary>True for the parameter types a procedure takes: double and int, spans and arrays of them, and jagged and rectangular arrays of double.</summary>
    internal static bool IsProcedureParameterType(ITypeSymbol type) =>
        type.SpecialType is SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Int32
        || ElementTypeOf(type) is SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Int32
        || IsJagged(type) || IsRectangular(type);


    /// <summary>True for <c>double[,]</c> or <c>float[,]</c>: a matrix read as <c>w[i, j]</c> (float elements are read as doubles).</summary>
    internal static bool IsRectangular(ITypeSymbol? type) =>
        type is IArrayTypeSymbol { Rank: 2, ElementType.SpecialType: SpecialType.System_Double or SpecialType.System_Single };

    /// <summary>True for <c>double[][]</c> or <c>float[][]</c>: an array of rows, read as <c>w[i][j]</c> (float elements are read as doubles).</summary>
    internal static bool IsJagged(ITypeSymbol? type) =>
        type is IArrayTypeSymbol { Rank: 1, ElementType: IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Double or SpecialType.System_Single } };

    /// <summary>True for <c>float[][]</c> and <c>float[,]</c>: a matrix of floats, whose gradient is computed in double and rounded once.</summary>
    internal static bool IsFloatMatrix(ITypeSymbol? type) =>
        (IsJagged(type) || IsRectangular(type))
        && type is IArrayTypeSymbol { ElementType: var element } && (element is IArrayTypeSymbol row ? row.ElementType : element).SpecialType == SpecialType.System_Single;

    /// <summary>The element type of a span, read-only span or one-dimensional array, else None.</summary>
    internal static SpecialType ElementTypeOf(ITypeSymbol? type)
    {
        switch (type)
        {
            case IArrayTypeSymbol { Rank: 1 } array:
                // A T of generic math is read as a double, as T itself is.
                return array.ElementType is ITypeParameterSymbol t && GenericMath.IsReal(t) ? SpecialType.System_Double : array.ElementType.SpecialType;
            case INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named when TensorApi.IsSpan(named):
                return named.TypeArguments[0] is ITypeParameterSymbol argument && GenericMath.IsReal(argument) ? SpecialType.System_Double : named.TypeArguments[0].SpecialType;
            default:
                return SpecialType.None;
        }
    }

    private Procedure? ReadProcedure(IOperation body)
    {
        procedureMode = true;
        var statements = StatementsOf(body);

        foreach (var parameter in method.Parameters)
        {
            // Taken: a local of a method read where it is called never goes by a parameter's name.
            usedNames.Add(parameter.Name);
            emitted.Add(Escaped(parameter.Name));
        }

        Survey(body);

        foreach (var parameter in method.Parameters)
        {
            if (reassigned.Contains(parameter))
            {
                var site = body.Descendants().FirstOrDefault(o => (o as IAssignmentOperation)?.Target is IParameterReferenceOperation p && SymbolEqualityComparer.Default.Equals(p.Parameter, parameter)
                    || (o as IIncrementOrDecrementOperation)?.Target is IParameterReferenceOperation q && SymbolEqualityComparer.Default.Equals(q.Parameter, parameter));
                Unsupported(site ?? body, "the assignment to parameter '" + parameter.Name + "'", "in a method with loops or spans, parameters are read-only; copy it into a local");
                return null;
            }
        }

        var output = new List<Stmt>();
        var scope = new Scope(new Dictionary<ISymbol, Expr>(SymbolEqualityComparer.Default), new HashSet<ISymbol>(SymbolEqualityComparer.Default));
        if (!ExecuteProcedure(statements, 0, scope, output, inLoop: false, out var result))
        {
            return null;
        }

        if (result is null)
        {
            if (problems.Count == 0)
            {
                incomplete = true; // falls off the end: the compiler reports it
            }

            return null;
        }

        // The arrays and doubles a gradient may be taken for: the parameters, then a model's trainable fields (this.w1).
        var sources = method.Parameters.Select(p => (Name: Escaped(p.Name), p.Type))
            .Concat(ModelParameters.Leaves(method.IsStatic ? null : method.ContainingType).Select(f => (Name: ModelParameters.NameOf(f.Path), Type: ModelParameters.TypeOf(f.Member)!)))
            .ToList();
        var arrays = sources.Where(p => IsFloatingPoint(ElementTypeOf(p.Type)) || IsJagged(p.Type) || IsRectangular(p.Type)).Select(p => p.Name).ToArray();
        var jagged = sources.Where(p => IsJagged(p.Type)).Select(p => p.Name).ToArray();
        var rectangular = sources.Where(p => IsRectangular(p.Type)).Select(p => p.Name).ToArray();
        var scalars = sources.Where(p => IsRealType(p.Type)).Select(p => p.Name).ToArray();
        return new Procedure(
            Block.Of(output),
            result,
            new EquatableArray<string>(arrays),
            new EquatableArray<string>(scalars),
            new EquatableArray<string>(declaredLocals.ToArray()),
            new EquatableArray<BufferInfo>(retiredBuffers.Concat(buffers.Values).Distinct().ToArray()),
            new EquatableArray<string>(jagged),
            new EquatableArray<string>(rectangular));
    }

    /// <summary>Notes the names a body declares (taken for fresh names) and the locals and parameters it assigns.</summary>
    private void Survey(IOperation body)
    {
        foreach (var operation in body.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator:
                    usedNames.Add(declarator.Symbol.Name);
                    break;
                case ISimpleAssignmentOperation or ICompoundAssignmentOperation or IIncrementOrDecrementOperation or IDeconstructionAssignmentOperation:
                    foreach (var target in TargetsOf(operation))
                    {
                        if (target is ILocalReferenceOperation l)
                        {
                            reassigned.Add(l.Local);
                        }
                        else if (target is IParameterReferenceOperation p)
                        {
                            reassigned.Add(p.Parameter);
                        }
                    }

                    break;
            }
        }
    }

    /// <summary>Runs statements[index..] into <paramref name="output"/>. False when something was reported.</summary>
    /// <param name="statements">The statement list.</param>
    /// <param name="index">Where to start.</param>
    /// <param name="scope">The locals in scope; updated.</param>
    /// <param name="output">Where the statements go.</param>
    /// <param name="inLoop">True inside a loop body (break and continue allowed, return not).</param>
    /// <param name="returned">The returned value, when the statements end in a return.</param>
    private bool ExecuteProcedure(IReadOnlyList<IOperation> statements, int index, Scope scope, List<Stmt> output, bool inLoop, out Expr? returned)
    {
        returned = null;
        for (var i = index; i < statements.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var statement = statements[i];
            switch (ReadGuard(statement))
            {
                case true:
                    continue;
                case null:
                    return false;
            }

            if (!inLoop && ReturnsBuffer(statement, i == statements.Count - 1, scope))
            {
                if (returnedBuffer is null)
                {
                    return false;
                }

                FlushCalls(output);
                Sync(scope, output);
                returned = Ex.Zero; // the value is the buffer, noted by ReturnsBuffer
                return true;
            }

            // The rest is plain math ending in a return: the scalar reader does it (returns inside if/else included).
            if (!inLoop && IsPlainTail(statements, i) && statements.Skip(i).Any(s => OwnReturns(s).Any()))
            {
                var outcome = Execute(statements.Skip(i).ToList(), 0, scope.Env);
                if (outcome is null)
                {
                    return false;
                }

                FlushCalls(output);
                returned = outcome.Returned;
                return true;
            }

            if (!inLoop && statement is IReturnOperation { ReturnedValue: { } last } && i == statements.Count - 1)
            {
                // return f(...) after the last loop, with a call that takes spans: read it, then the calls it needs.
                returned = Read(last, scope.Env);
                FlushCalls(output);
                return returned != null;
            }

            if (statement is not IBlockOperation && OwnReturns(statement).FirstOrDefault() is { } site)
            {
                Unsupported(site, "the return '" + FirstLine(site.Syntax) + "'", inLoop
                    ? "a method with loops returns once, after its loops; accumulate into a local and break instead"
                    : "a method with loops returns once, after its last loop");
                return false;
            }

            switch (statement)
            {
                case ILocalFunctionOperation:
                    continue; // read where it is called

                case IBlockOperation block:
                    // Locals are symbols with unique emitted names, so a nested block is spliced into the rest.
                    return ExecuteProcedure(block.Operations.Concat(statements.Skip(i + 1)).ToList(), 0, scope, output, inLoop, out returned);

                case IVariableDeclarationGroupOperation group:
                    foreach (var declarator in group.Declarations.SelectMany(d => d.Declarators))
                    {
                        if (!DeclareProcedureLocal(declarator, scope, output))
                        {
                            return false;
                        }

                        FlushCalls(output);
                    }

                    break;

                case ILoopOperation loop:
                    if (!ExecuteLoop(loop, scope, output))
                    {
                        return false;
                    }

                    break;

                case IBranchOperation { BranchKind: BranchKind.Break or BranchKind.Continue } jump when inLoop:
                    Sync(scope, output);
                    output.Add(new JumpStmt(jump.BranchKind == BranchKind.Continue));
                    return true; // what follows is unreachable

                case IConditionalOperation conditional when IsStructural(conditional):
                    {
                        var rest = statements.Skip(i + 1).ToList();
                        var thenJumps = EndsWithJump(conditional.WhenTrue);
                        var elseJumps = conditional.WhenFalse != null && EndsWithJump(conditional.WhenFalse);
                        var thenList = new List<IOperation> { conditional.WhenTrue };
                        var elseList = conditional.WhenFalse is null ? new List<IOperation>() : new List<IOperation> { conditional.WhenFalse };
                        // What follows runs only on the paths that do not break or continue: it moves into
                        // those branches (into both when a jump is nested deeper), so the reverse sweep
                        // undoes exactly what ran.
                        var restInside = thenJumps || elseJumps || JumpsOut(conditional);
                        if (!thenJumps && restInside)
                        {
                            thenList.AddRange(rest);
                        }

                        if (!elseJumps && restInside)
                        {
                            elseList.AddRange(rest);
                        }

                        var predicate = ReadPredicate(conditional.Condition, scope.Env);
                        if (predicate is null)
                        {
                            return false;
                        }

                        FlushCalls(output);
                        if (predicate is Constant known)
                        {
                            // A condition fixed at compile time: only its branch runs.
                            if (!ExecuteProcedure(known.Value != 0 ? thenList : elseList, 0, scope, output, inLoop, out _))
                            {
                                return false;
                            }

                            if (restInside)
                            {
                                return true;
                            }

                            break;
                        }

                        var assigned = thenList.Concat(elseList).SelectMany(AssignedOutside(conditional.Syntax)).ToList();
                        Protect(scope, output, thenList.Concat(elseList).SelectMany(ChangedBy));
                        if (!Materialize(assigned, scope, output, conditional))
                        {
                            return false;
                        }

                        var thenOutput = new List<Stmt>();
                        var elseOutput = new List<Stmt>();
                        nesting++;
                        var branchesRead = ExecuteProcedure(thenList, 0, scope.Copy(), thenOutput, inLoop, out _)
                            && ExecuteProcedure(elseList, 0, scope.Copy(), elseOutput, inLoop, out _);
                        nesting--;
                        if (!branchesRead)
                        {
                            return false;
                        }

                        output.Add(new IfStmt(predicate, Block.Of(thenOutput), Block.Of(elseOutput)));
                        if (restInside)
                        {
                            return true;
                        }

                        break;
                    }

                case IExpressionStatementOperation { Operation: IInvocationOperation call } when TensorApi.IsTensorPrimitives(call.TargetMethod.ContainingType) && !TensorApi.IsReduction(call.TargetMethod):
                    if (!ExecuteTensorWrite(call, scope, output))
                    {
                        return false;
                    }

                    break;

                case IExpressionStatementOperation { Operation: IInvocationOperation { TargetMethod.ReturnsVoid: true } call }
                    when !TensorApi.IsTensorPrimitives(call.TargetMethod.ContainingType) && IsReadableHelper(call, call.TargetMethod):
                    // hidden.Forward(x, h): a method that writes its result into a span it is given (a local buffer here).
                    FlushCalls(output);
                    Sync(scope, output);
                    if (ReadHelperCall(call, call.TargetMethod, scope.Env) is null)
                    {
                        return false;
                    }

                    FlushCalls(output);
                    break;

                case IExpressionStatementOperation { Operation: var effect } when ElementTarget(effect) is { } element:
                    if (!ExecuteStore(effect, element, scope, output))
                    {
                        return false;
                    }

                    break;

                case IExpressionStatementOperation { Operation: IAssignmentOperation or IIncrementOrDecrementOperation } effect when IntTarget(effect.Operation) is { } intLocal:
                    if (!ExecuteIntAssignment(effect.Operation, intLocal, scope, output))
                    {
                        return false;
                    }

                    break;

                default:
                    if (Execute(new[] { statement }, 0, scope.Env) is null)
                    {
                        return false;
                    }

                    FlushCalls(output);
                    Sync(scope, output);
                    break;
            }
        }

        Sync(scope, output);
        return true;
    }

    /// <summary>True when statements[index..] have no loop, jump, buffer or int declaration and no element write.</summary>
    private bool IsPlainTail(IReadOnlyList<IOperation> statements, int index)
    {
        for (var i = index; i < statements.Count; i++)
        {
            if (statements[i].DescendantsAndSelf().Any(IsProcedureOnly))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A local the scalar reader keeps symbolically: a double, float, bool or T.</summary>
    private bool IsScalarLocal(ITypeSymbol type) => IsRealType(type) || type.SpecialType == SpecialType.System_Boolean;

    private bool IsProcedureOnly(IOperation operation) => operation switch
    {
        ILoopOperation or IBranchOperation => true,
        IInvocationOperation call => IsSpanCall(call) || TensorApi.IsTensorPrimitives(call.TargetMethod.ContainingType) || (call.TargetMethod.ReturnsVoid && call.Parent is IExpressionStatementOperation),
        IVariableDeclaratorOperation d => !IsScalarLocal(d.Symbol.Type),
        IAssignmentOperation a => ElementTarget(a) != null || (a.Target is ILocalReferenceOperation l && !IsScalarLocal(l.Local.Type)),
        IIncrementOrDecrementOperation s => ElementTarget(s) != null || (s.Target is ILocalReferenceOperation l && !IsScalarLocal(l.Local.Type)),
        _ => false,
    };

    private bool IsStructural(IConditionalOperation conditional) =>
        conditional.WhenTrue.DescendantsAndSelf().Concat(conditional.WhenFalse?.DescendantsAndSelf() ?? Enumerable.Empty<IOperation>()).Any(IsProcedureOnly);

    /// <summary>True when a break or continue inside <paramref name="operation"/> leaves it (targets a loop around it).</summary>
    private static bool JumpsOut(IOperation operation)
    {
        var inner = new HashSet<ILabelSymbol>(SymbolEqualityComparer.Default);
        foreach (var loop in operation.DescendantsAndSelf().OfType<ILoopOperation>())
        {
            inner.Add(loop.ExitLabel);
            inner.Add(loop.ContinueLabel);
        }

        return operation.DescendantsAndSelf().OfType<IBranchOperation>()
            .Any(b => b.BranchKind is BranchKind.Break or BranchKind.Continue && !inner.Contains(b.Target));
    }

    private static bool EndsWithJump(IOperation operation) => operation switch
    {
        IBranchOperation { BranchKind: BranchKind.Break or BranchKind.Continue } => true,
        IBlockOperation block => block.Operations.Length > 0 && EndsWithJump(block.Operations[block.Operations.Length - 1]),
        IConditionalOperation { WhenFalse: { } whenFalse } c => EndsWithJump(c.WhenTrue) && EndsWithJump(whenFalse),
        _ => false,
    };

    /// <summary>A function giving the locals declared outside <paramref name="outside"/> that an operation assigns.</summary>
    private static Func<IOperation, IEnumerable<ILocalSymbol>> AssignedOutside(SyntaxNode outside) => operation =>
        operation.DescendantsAndSelf()
            .SelectMany(TargetsOf)
            .OfType<ILocalReferenceOperation>()
            .Select(l => l.Local)
            .Where(l => !IsDeclaredWithin(l, outside));

    /// <summary>What an assignment, a compound assignment or a ++/-- writes: its target, or each element of a deconstruction's tuple.</summary>
    private static IEnumerable<IOperation> TargetsOf(IOperation operation)
    {
        var target = operation switch
        {
            IAssignmentOperation a => a.Target,
            IIncrementOrDecrementOperation s => s.Target,
            _ => null,
        };
        return target is null ? Enumerable.Empty<IOperation>() : Expand(target);

        static IEnumerable<IOperation> Expand(IOperation written) => written switch
        {
            IDeclarationExpressionOperation declaration => Expand(declaration.Expression),
            ITupleOperation tuple => tuple.Elements.SelectMany(Expand),
            _ => new[] { written },
        };
    }

    /// <summary>The returns of the method itself in <paramref name="operation"/>: not those of a local function or lambda declared there.</summary>
    private static IEnumerable<IReturnOperation> OwnReturns(IOperation operation)
    {
        switch (operation)
        {
            case ILocalFunctionOperation or IAnonymousFunctionOperation:
                yield break;
            case IReturnOperation own:
                yield return own;
                yield break;
        }

        foreach (var child in operation.ChildOperations)
        {
            foreach (var found in OwnReturns(child))
            {
                yield return found;
            }
        }
    }

    private static bool IsDeclaredWithin(ILocalSymbol local, SyntaxNode node) =>
        local.DeclaringSyntaxReferences.Any(r => node.SyntaxTree == r.SyntaxTree && node.Span.Contains(r.Span));

    /// <summary>Declares the locals in the emitted code, with their current values, so that a loop or branch can update them.</summary>
    private bool Materialize(IEnumerable<ILocalSymbol> locals, Scope scope, List<Stmt> output, IOperation site)
    {
        foreach (var local in locals.Distinct<ILocalSymbol>(SymbolEqualityComparer.Default))
        {
            if (local.Type.SpecialType == SpecialType.System_Boolean)
            {
                Unsupported(site, "the bool '" + local.Name + "' assigned in '" + FirstLine(site.Syntax) + "'", "a bool assigned inside a loop or a branch over statements is not supported; compute the condition where it is used");
                return false;
            }

            if (!IsRealType(local.Type) || scope.Materialized.Contains(local))
            {
                continue;
            }

            var name = LocalName(local);
            var value = scope.Env.TryGetValue(local, out var current) ? current : Ex.Zero;
            output.Add(new AssignStmt(name, value, true));
            scope.Materialized.Add(local);
            scope.Env[local] = Ex.Var(name);
        }

        return true;
    }

    /// <summary>Writes the statements that keep declared locals equal to their symbolic values.</summary>
    private void Sync(Scope scope, List<Stmt> output)
    {
        var changed = new List<KeyValuePair<ISymbol, Expr>>();
        foreach (var local in scope.Materialized.OrderBy(l => LocalName(l), StringComparer.Ordinal))
        {
            var name = LocalName(local);
            if (scope.Env.TryGetValue(local, out var value) && !(value is Variable v && v.Name == name))
            {
                changed.Add(new KeyValuePair<ISymbol, Expr>(local, value));
            }
        }

        Protect(scope, output, changed.Select(c => LocalName(c.Key)));

        // The new values are simultaneous: when one reads another that changes, go through temporaries.
        var names = new HashSet<string>(changed.Select(c => LocalName(c.Key)));
        var simultaneous = changed.Count > 1 && changed.Any(c => names.Any(n => Differentiator.DependsOn(c.Value, n)));
        foreach (var pair in changed)
        {
            var name = LocalName(pair.Key);
            if (simultaneous)
            {
                var next = Fresh(name + "_next");
                declaredLocals.Add(next);
                output.Add(new AssignStmt(next, pair.Value, true));
                scope.Env[pair.Key] = Ex.Var(next);
            }
            else
            {
                output.Add(new AssignStmt(name, pair.Value, false));
                scope.Env[pair.Key] = Ex.Var(name);
            }
        }

        if (simultaneous)
        {
            foreach (var pair in changed)
            {
                var name = LocalName(pair.Key);
                output.Add(new AssignStmt(name, scope.Env[pair.Key], false));
                scope.Env[pair.Key] = Ex.Var(name);
            }
        }
    }

    /// <summary>
    /// Before <paramref name="changing"/> (locals or buffers) change, copies every symbolic local
    /// that reads them into a fresh local: its value was taken before the change.
    /// </summary>
    private void Protect(Scope scope, List<Stmt> output, IEnumerable<string> changing)
    {
        var names = new HashSet<string>(changing, StringComparer.Ordinal);
        if (names.Count == 0)
        {
            return;
        }

        foreach (var pair in scope.Env.Where(p => !scope.Materialized.Contains(p.Key) && p.Key is ILocalSymbol l && IsRealType(l.Type)).OrderBy(p => p.Key.Name, StringComparer.Ordinal).ToList())
        {
            if (Leaf.In(pair.Value).Any(leaf => leaf.Reads().Any(names.Contains)))
            {
                var copy = Fresh(pair.Key.Name);
                declaredLocals.Add(copy);
                output.Add(new AssignStmt(copy, pair.Value, true));
                scope.Env[pair.Key] = Ex.Var(copy);
            }
        }
    }

    /// <summary>The emitted names of the locals and buffers declared outside <paramref name="construct"/> that it changes.</summary>
    private IEnumerable<string> ChangedBy(IOperation construct)
    {
        foreach (var target in construct.DescendantsAndSelf().SelectMany(TargetsOf))
        {
            switch (target)
            {
                case ILocalReferenceOperation local when localNames.TryGetValue(local.Local, out var name):
                    yield return name;
                    break;
                case ILocalReferenceOperation local when intNames.TryGetValue(local.Local, out var intName):
                    yield return intName;
                    break;
                case IArrayElementReferenceOperation or IPropertyReferenceOperation { Property.IsIndexer: true }:
                    if (Strip(ElementParts(target).Instance) is ILocalReferenceOperation buffer && (buffers.TryGetValue(buffer.Local, out var info) ? info : ViewedBuffer(buffer.Local)?.Buffer) is { } written)
                    {
                        yield return written.Name;
                    }

                    break;
            }
        }
    }

    private string LocalName(ISymbol local)
    {
        if (!localNames.TryGetValue(local, out var name))
        {
            name = Fresh(local.Name);
            localNames[local] = name;
            declaredLocals.Add(name);
        }

        return name;
    }

    /// <summary>The symbol's own name the first time, then name_1, name_2, ... so every emitted local is unique in the method.</summary>
    private string Fresh(string name)
    {
        var escaped = Escaped(name);
        if (!emitted.Contains(escaped))
        {
            emitted.Add(escaped);
            return escaped;
        }

        for (var i = 1; ; i++)
        {
            var candidate = name + "_" + i.ToString(CultureInfo.InvariantCulture);
            if (!usedNames.Contains(candidate) && !emitted.Contains(candidate))
            {
                emitted.Add(candidate);
                return candidate;
            }
        }
    }

    private readonly HashSet<string> emitted = new(StringComparer.Ordinal);

    private static string Escaped(string name) => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    private bool DeclareProcedureLocal(IVariableDeclaratorOperation declarator, Scope scope, List<Stmt> output)
    {
        var local = declarator.Symbol;
        var initializer = declarator.GetVariableInitializer()?.Value;
        if (IsScalarLocal(local.Type) || local.IsConst)
        {
            return DeclareLocal(declarator, scope.Env);
        }

        if (local.Type.SpecialType == SpecialType.System_Int32)
        {
            if (initializer is null)
            {
                incomplete = true;
                return false;
            }

            var code = ReadInt(initializer);
            if (code is null)
            {
                return false;
            }

            var name = Fresh(local.Name);
            intNames[local] = name;
            if (nesting == 0)
            {
                topLevelInts.Add(local);
            }

            output.Add(new IntStmt(name, code));
            return true;
        }

        var element = ElementTypeOf(local.Type);
        if (IsFloatingPoint(element) || element == SpecialType.System_Int32)
        {
            if (reassigned.Contains(local))
            {
                Unsupported(declarator, "the span '" + local.Name + "'", "it is reassigned; a buffer or view is assigned once, where it is declared");
                return false;
            }

            return initializer is null ? Incomplete() : DeclareBufferOrView(declarator, local, initializer, element, scope, output);
        }

        Unsupported(declarator, "the local '" + local.Name + "' of type '" + local.Type.ToDisplayString() + "'", "locals are double, int, bool, a double buffer (stackalloc double[n] or new double[n]) or a slice of a parameter" + VectorHint(local.Type));
        return false;
    }

    private bool Incomplete()
    {
        incomplete = true;
        return false;
    }

    private bool DeclareBufferOrView(IVariableDeclaratorOperation declarator, ILocalSymbol local, IOperation initializer, SpecialType element, Scope scope, List<Stmt> output)
    {
        var value = Strip(initializer);

        // double[] p = Softmax(z): the buffer a method of yours fills and returns, under this name too.
        if (IsFloatingPoint(element) && value is IInvocationOperation { TargetMethod.ReturnType: IArrayTypeSymbol } call && !TensorApi.IsTensorPrimitives(call.TargetMethod.ContainingType)
            && SliceParts(call) is null)
        {
            if (ReadBufferCall(call, scope.Env) is not { } returned)
            {
                return false;
            }

            buffers[local] = returned;
            return true;
        }

        // A slice of a parameter: a view, read through the parameter with an offset.
        if (value is IInvocationOperation slice && SliceOf(slice) is { } window && ElementTypeOf(window.Source.Parameter.Type) == element)
        {
            if (window.Start is null || window.Length is null)
            {
                return false;
            }

            views[local] = new SpanView(Escaped(window.Source.Parameter.Name), window.Start, window.Length, IsFloatingPoint(element), window.Source.Parameter.Type is IArrayTypeSymbol);
            return true;
        }

        // A slice of a local buffer (Span<double> forget = gates.Slice(0, h)): a view, its reads and writes those of the buffer's
        // elements from the offset on.
        if (IsFloatingPoint(element) && value is IInvocationOperation bufferSlice && BufferWindow(bufferSlice) is var (viewed, viewOffset, viewLength))
        {
            views[local] = new SpanView(viewed.Name, viewOffset, viewLength, IsDouble: true, IsArray: false);
            return true;
        }

        // A row of a double[][] parameter (double[] row = w[i]): a view whose elements are (i, j).
        if (IsFloatingPoint(element) && value is IArrayElementReferenceOperation && SpanSource(value) is { Offset: IntRow } row)
        {
            views[local] = new SpanView(row.Array, row.Offset, row.Length, IsDouble: true, IsArray: true);
            return true;
        }

        if (!IsFloatingPoint(element))
        {
            Unsupported(declarator, "the local '" + local.Name + "'", "int spans are read from parameters (or their slices); a local buffer holds doubles");
            return false;
        }

        IOperation? size = null;
        var stack = false;
        if (value is IArrayCreationOperation { DimensionSizes.Length: 1, Initializer: null } creation)
        {
            size = creation.DimensionSizes[0];
        }
        else if (initializer.Syntax.DescendantNodesAndSelf().OfType<StackAllocArrayCreationExpressionSyntax>().FirstOrDefault() is { Initializer: null, Type: ArrayTypeSyntax { RankSpecifiers: [{ Sizes: [var sizeSyntax] }] } }
            && initializer.SemanticModel?.GetOperation(sizeSyntax, cancellationToken) is { } sizeOperation)
        {
            size = sizeOperation;
            stack = true;
        }

        if (size is null)
        {
            Unsupported(declarator, "the span '" + local.Name + "' = '" + FirstLine(initializer.Syntax) + "'", "a local span is a new buffer (stackalloc double[n] or new double[n]) or a slice of a parameter (x.Slice(start, length))");
            return false;
        }

        var sizeCode = ReadInt(size);
        if (sizeCode is null)
        {
            return false;
        }

        if (size.DescendantsAndSelf().Any(o => o is ILocalReferenceOperation l && (!topLevelInts.Contains(l.Local) || reassigned.Contains(l.Local)) && !l.Local.IsConst))
        {
            Unsupported(size, "the buffer length '" + size.Syntax + "'", "a buffer's length is computed from parameters, constants and ints declared at the top of the method and not changed after (so its gradient buffer can be made once)");
            return false;
        }

        if (helperDepth > 0 && !IsFixedLength(sizeCode))
        {
            // In a method read where it is called, a length can come from the call's arguments (a row's length, a loop's index).
            Unsupported(size, "the buffer length '" + size.Syntax + "'", "at this call it depends on a value that changes while the method runs (a row's length or a loop's index), and a buffer's length is fixed for the whole call");
            return false;
        }

        var name = Fresh(local.Name);
        buffers[local] = new BufferInfo(name, sizeCode);

        // A method read where it is called may be called in a loop: its buffers go on the heap, never stackalloc'd once per iteration.
        output.Add(new BufferStmt(name, sizeCode, stack && helperDepth == 0));
        return true;
    }

    /// <summary>
    /// <c>x.Slice(start[, length])</c> or <c>x.AsSpan(start[, length])</c> of a span or array
    /// parameter: the parameter and the window (null parts: reported, not readable).
    /// Null when the call is not such a slice.
    /// </summary>
    private (IParameterReferenceOperation Source, IntExpr? Start, IntExpr? Length)? SliceOf(IInvocationOperation slice)
    {
        if (SliceParts(slice) is not var (sliced, rest))
        {
            return null;
        }

        if (Strip(sliced) is not IParameterReferenceOperation parameter || ElementTypeOf(parameter.Parameter.Type) == SpecialType.None || rest.Count is not (1 or 2))
        {
            return null;
        }

        var start = ReadInt(rest[0]);
        var count = rest.Count == 2 ? ReadInt(rest[1]) : null;
        if (start is null || (rest.Count == 2 && count is null))
        {
            return (parameter, null, null);
        }

        return (parameter, start, count ?? IntExpr.Minus(new IntLength(Escaped(parameter.Parameter.Name)), start));
    }

    /// <summary>True when a length is the same for the whole call of the method: made of constants, parameters, settings, array lengths and top-level ints that do not change.</summary>
    private bool IsFixedLength(IntExpr length) => length switch
    {
        IntConstant or IntLength or IntDimension or IntSetting => true,
        IntVariable variable => method.Parameters.Any(p => Escaped(p.Name) == variable.Name)
            || topLevelInts.Any(t => !reassigned.Contains(t) && intNames.TryGetValue(t, out var name) && name == variable.Name),
        IntBinary binary => IsFixedLength(binary.Left) && IsFixedLength(binary.Right),
        IntNegation negation => IsFixedLength(negation.Operand),
        IntExtremum extremum => IsFixedLength(extremum.Left) && IsFixedLength(extremum.Right),
        IntRowLength row => IsFixedLength(row.Row),
        IntElement element => IsFixedLength(element.Index),
        _ => false,
    };

    /// <summary><c>x.Slice(start[, length])</c> or <c>x.AsSpan(start[, length])</c>: what is sliced, and the int arguments; null for any other call.</summary>
    private static (IOperation? Sliced, List<IOperation> Arguments)? SliceParts(IInvocationOperation slice)
    {
        if (slice.TargetMethod.Name is not ("Slice" or "AsSpan"))
        {
            return null;
        }

        var sliced = slice.TargetMethod.Name == "AsSpan" && slice.TargetMethod.IsExtensionMethod ? slice.Arguments.FirstOrDefault()?.Value : slice.Instance;
        return (sliced, slice.Arguments.Where(a => a.Value != sliced).Select(a => a.Value).ToList());
    }

    private static IOperation? Strip(IOperation? operation)
    {
        while (operation is IConversionOperation { OperatorMethod: null } or IParenthesizedOperation || IsSpanConversion(operation))
        {
            operation = operation is IConversionOperation c ? c.Operand : ((IParenthesizedOperation)operation!).Operand;
        }

        return operation;
    }

    /// <summary>An array or a span seen as a (read-only) span of the same elements: <c>Span&lt;T&gt;</c>'s and <c>ReadOnlySpan&lt;T&gt;</c>'s implicit operators.</summary>
    private static bool IsSpanConversion(IOperation? operation) =>
        operation is IConversionOperation { IsImplicit: true, OperatorMethod: { Name: "op_Implicit", ContainingType: { Name: "Span" or "ReadOnlySpan", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } };
}
