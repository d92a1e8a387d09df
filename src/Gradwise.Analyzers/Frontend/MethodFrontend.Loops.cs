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

/// <summary>The procedure reader, continued. Loop headers: for, foreach and while loops as LoopStmt/WhileStmt with their bounds.</summary>
internal sealed partial class MethodFrontend
{
    private bool ExecuteLoop(ILoopOperation loop, Scope scope, List<Stmt> output)
    {
        var whileLoop = loop as IWhileLoopOperation;
        if (whileLoop is { Condition: null } or { ConditionIsUntil: true } || whileLoop?.IgnoredCondition != null)
        {
            Unsupported(loop, "the loop '" + FirstLine(loop.Syntax) + "'", "a while or do loop needs a condition");
            return false;
        }

        var header = loop switch
        {
            IForLoopOperation f => ReadForHeader(f),
            IForEachLoopOperation e => ReadForEachHeader(e),
            IWhileLoopOperation => new LoopHeader((string.Empty, IntExpr.Zero, IntExpr.Zero, 0, false), _ => Enumerable.Empty<Stmt>()),
            _ => null,
        };

        if (header is null)
        {
            return false;
        }

        var counted = whileLoop is null ? null : ConditionStep(whileLoop);
        if (counted is { Step: null })
        {
            return false;
        }

        // What the body (and a while condition) reads or writes from outside is declared before the loop.
        Protect(scope, output, ChangedBy(loop.Body).Concat(counted is { Name: { } countedName } ? new[] { countedName } : Array.Empty<string>()));
        var outer = loop.Body.DescendantsAndSelf().Concat(whileLoop?.Condition?.DescendantsAndSelf() ?? Enumerable.Empty<IOperation>()).OfType<ILocalReferenceOperation>()
            .Select(l => l.Local)
            .Where(l => !IsDeclaredWithin(l, loop.Syntax) && IsRealType(l.Type))
            .ToList();
        var assignedInLoop = new HashSet<ILocalSymbol>(AssignedOutside(loop.Syntax)(loop.Body), SymbolEqualityComparer.Default);
        var assignedBools = assignedInLoop.Where(l => l.Type.SpecialType == SpecialType.System_Boolean).ToList();

        // Inside a branch or another loop, a value the loop only reads is copied under a fresh name: declaring
        // the local itself there would clash with its declaration in the enclosing scope (CS0136).
        var copies = new HashSet<ILocalSymbol>(
            outer.Where(l => nesting > 0 && !assignedInLoop.Contains(l) && !scope.Materialized.Contains(l)),
            SymbolEqualityComparer.Default);
        foreach (var local in outer.Where(copies.Contains).Distinct<ILocalSymbol>(SymbolEqualityComparer.Default)) // in the order the body reads them: deterministic
        {
            var copy = Fresh(local.Name);
            declaredLocals.Add(copy);
            output.Add(new AssignStmt(copy, scope.Env.TryGetValue(local, out var current) ? current : Ex.Zero, true));
            scope.Env[local] = Ex.Var(copy);
        }

        if (!Materialize(outer.Where(l => !copies.Contains(l)).Concat(assignedBools), scope, output, loop))
        {
            return false;
        }

        // while (k-- > 0) is while (k > 0) { k--; ... } and one more k-- when the test fails;
        // while (--k > 0) is k--; while (k > 0) { ...; k--; }.
        var stepStmt = counted is { Name: { } steppedName, Step: { } conditionChange }
            ? new IntAssignStmt(steppedName, IntExpr.Binary(conditionChange.Kind == OperationKind.Increment ? IntOperator.Add : IntOperator.Subtract, IntExpr.Var(steppedName), IntExpr.One))
            : null;
        var postfix = counted?.Step?.IsPostfix == true;
        if (stepStmt != null && !postfix)
        {
            output.Add(stepStmt);
        }

        var bodyScope = scope.Copy();
        var body = new List<Stmt>();
        body.AddRange(header.Value.Prologue(bodyScope));
        if (stepStmt != null && postfix)
        {
            body.Add(stepStmt);
        }

        nesting++;
        var bodyRead = ExecuteProcedure(new[] { loop.Body }, 0, bodyScope, body, inLoop: true, out _);
        nesting--;
        if (!bodyRead)
        {
            return false;
        }

        if (stepStmt != null && !postfix)
        {
            body.Add(stepStmt);
        }

        if (whileLoop != null)
        {
            // Read against the scope the body starts from: every local the body changes is a declared variable there.
            conditionStep = counted?.Step;
            var condition = ReadPredicate(whileLoop.Condition!, scope.Env);
            conditionStep = null;
            if (condition is null)
            {
                return false;
            }

            if (pendingCalls.Count > 0)
            {
                pendingCalls.Clear();
                Unsupported(whileLoop.Condition!, "the condition '" + whileLoop.Condition!.Syntax + "'", "a call that takes spans runs once per statement; compute it in the loop body into a local and test that");
                return false;
            }

            output.Add(new WhileStmt(condition, whileLoop.ConditionIsTop, Block.Of(body)));
            if (stepStmt != null && postfix)
            {
                output.Add(stepStmt);
            }

            return true;
        }

        var hasBreak = loop.Body.DescendantsAndSelf().OfType<IBranchOperation>().Any(b => b.BranchKind == BranchKind.Break && SymbolEqualityComparer.Default.Equals(b.Target, loop.ExitLabel));
        var (variable, start, end, step, inclusive) = header.Value.Bounds;
        output.Add(new LoopStmt(variable, start, end, step, inclusive, Block.Of(body), hasBreak));
        return true;
    }

    /// <summary>
    /// The one <c>k++</c>/<c>k--</c> (either form) a while condition may hold: null when the condition changes nothing;
    /// a null Step when it changes something else (reported).
    /// </summary>
    private (string? Name, IIncrementOrDecrementOperation? Step)? ConditionStep(IWhileLoopOperation loop)
    {
        var effects = loop.Condition!.DescendantsAndSelf().Where(o => o is IAssignmentOperation or IIncrementOrDecrementOperation).ToList();
        if (effects.Count == 0)
        {
            return null;
        }

        var breaks = loop.Body.DescendantsAndSelf().OfType<IBranchOperation>().Any(b => SymbolEqualityComparer.Default.Equals(b.Target, loop.ExitLabel));
        var continues = loop.Body.DescendantsAndSelf().OfType<IBranchOperation>().Any(b => SymbolEqualityComparer.Default.Equals(b.Target, loop.ContinueLabel));
        if (effects is [IIncrementOrDecrementOperation { Target: ILocalReferenceOperation counter } step]
            && intNames.TryGetValue(counter.Local, out var name)
            && loop.ConditionIsTop
            && !AssignedOutside(loop.Syntax)(loop.Body).Contains(counter.Local, SymbolEqualityComparer.Default)
            && (step.IsPostfix ? !breaks : !breaks && !continues))
        {
            return (name, step);
        }

        Unsupported(loop.Condition!, "the condition '" + loop.Condition!.Syntax + "'", "a loop condition may change one int local with ++ or -- (while (k-- > 0)), in a while loop whose body does not change it and does not break (nor continue, for --k)");
        return (null, null);
    }

    private readonly struct LoopHeader
    {
        public LoopHeader((string, IntExpr, IntExpr, int, bool) bounds, Func<Scope, IEnumerable<Stmt>> prologue)
        {
            Bounds = bounds;
            Prologue = prologue;
        }

        public (string Variable, IntExpr Start, IntExpr End, int Step, bool Inclusive) Bounds { get; }

        public Func<Scope, IEnumerable<Stmt>> Prologue { get; }
    }

    private LoopHeader? ReadForHeader(IForLoopOperation loop)
    {
        var why = "a for loop runs an int counter from a start to a bound the body does not change, by a constant step: for (int i = a; i < b; i++), for (int i = a; i < b; i += 2) or for (int i = b; i >= a; i--)";
        if (loop.Before.Length != 1 || loop.Before[0] is not IVariableDeclarationGroupOperation group
            || group.Declarations.SelectMany(d => d.Declarators).ToList() is not [var declarator]
            || declarator.Symbol.Type.SpecialType != SpecialType.System_Int32
            || declarator.GetVariableInitializer()?.Value is not { } initial
            || loop.Condition is not IBinaryOperation condition
            || loop.AtLoopBottom.Length != 1)
        {
            Unsupported(loop, "the loop '" + FirstLine(loop.Syntax) + "'", why);
            return null;
        }

        var counter = declarator.Symbol;
        var step = StepOf(loop.AtLoopBottom[0], counter);
        var left = Strip(condition.LeftOperand);
        var right = Strip(condition.RightOperand);
        var kind = condition.OperatorKind;
        IOperation bound;
        if (left is ILocalReferenceOperation l && SymbolEqualityComparer.Default.Equals(l.Local, counter))
        {
            bound = right!;
        }
        else if (right is ILocalReferenceOperation r && SymbolEqualityComparer.Default.Equals(r.Local, counter))
        {
            bound = left!;
            kind = Gradwise.Flow.Operations.Mirrored(kind);
        }
        else
        {
            Unsupported(loop.Condition, "the loop condition '" + loop.Condition.Syntax + "'", why);
            return null;
        }

        var consistent = (step, kind) switch
        {
            ( > 0, BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual) => true,
            ( < 0, BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual) => true,
            _ => false,
        };
        var counterChanged = loop.Body.DescendantsAndSelf().Any(o => (o as IAssignmentOperation)?.Target is ILocalReferenceOperation t && SymbolEqualityComparer.Default.Equals(t.Local, counter)
            || (o as IIncrementOrDecrementOperation)?.Target is ILocalReferenceOperation u && SymbolEqualityComparer.Default.Equals(u.Local, counter));
        if (!consistent || counterChanged)
        {
            Unsupported(loop, "the loop '" + FirstLine(loop.Syntax) + "'", counterChanged ? "its counter '" + counter.Name + "' is changed in the body" : why);
            return null;
        }

        // The reverse sweep runs the counter back from the bound to the start: neither may change while the loop runs.
        var changedInBody = new HashSet<ILocalSymbol>(AssignedOutside(loop.Syntax)(loop.Body), SymbolEqualityComparer.Default);
        if (initial.DescendantsAndSelf().Concat(bound.DescendantsAndSelf()).OfType<ILocalReferenceOperation>().FirstOrDefault(l => changedInBody.Contains(l.Local)) is { } moving)
        {
            Unsupported(loop, "the loop '" + FirstLine(loop.Syntax) + "'", "its bounds read '" + moving.Local.Name + "', which the body changes");
            return null;
        }

        var startCode = ReadInt(initial);
        var endCode = ReadInt(bound);
        if (startCode is null || endCode is null)
        {
            return null;
        }

        var name = Fresh(counter.Name);
        intNames[counter] = name;
        var inclusive = kind is BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThanOrEqual;
        return new LoopHeader((name, startCode, endCode, step, inclusive), _ => Enumerable.Empty<Stmt>());
    }

    private static int StepOf(IOperation bottom, ILocalSymbol counter)
    {
        var operation = bottom is IExpressionStatementOperation statement ? statement.Operation : bottom;
        bool IsCounter(IOperation target) => target is ILocalReferenceOperation l && SymbolEqualityComparer.Default.Equals(l.Local, counter);
        return operation switch
        {
            IIncrementOrDecrementOperation step when IsCounter(step.Target) => step.Kind == OperationKind.Increment ? 1 : -1,
            ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add, Value.ConstantValue: { HasValue: true, Value: int by } } c when IsCounter(c.Target) => by,
            ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Subtract, Value.ConstantValue: { HasValue: true, Value: int by } } c when IsCounter(c.Target) && by != int.MinValue => -by,
            ISimpleAssignmentOperation { Value: IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, RightOperand.ConstantValue: { HasValue: true, Value: int by } } sum } a
                when IsCounter(a.Target) && IsCounter(Strip(sum.LeftOperand)!) => by,
            ISimpleAssignmentOperation { Value: IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract, RightOperand.ConstantValue: { HasValue: true, Value: int by } } difference } a
                when IsCounter(a.Target) && IsCounter(Strip(difference.LeftOperand)!) && by != int.MinValue => -by,
            _ => 0,
        };
    }

    private LoopHeader? ReadForEachHeader(IForEachLoopOperation loop)
    {
        var variable = loop.Locals.FirstOrDefault();
        if (SpanSource(loop.Collection) is not var (array, offset, length, element) || variable is null || loop.LoopControlVariable is not IVariableDeclaratorOperation)
        {
            Unsupported(loop, "the loop '" + FirstLine(loop.Syntax) + "'", "foreach runs over a span or array parameter, a slice of one, or a local buffer");
            return null;
        }

        var index = Fresh(variable.Name + "Index");
        var at = Shifted(offset, IntExpr.Var(index));
        return new LoopHeader((index, IntExpr.Zero, length, 1, false), scope =>
        {
            if (element == SpecialType.System_Double)
            {
                scope.Env[variable] = Ex.Element(array, at);
                return Enumerable.Empty<Stmt>();
            }

            var name = Fresh(variable.Name);
            intNames[variable] = name;
            return new Stmt[] { new IntStmt(name, new IntElement(array, at)) };
        });
    }
}
