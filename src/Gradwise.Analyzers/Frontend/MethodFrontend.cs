using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Gradwise.Symbolic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Gradwise.Frontend;

/// <summary>What the frontend made of a method body.</summary>
internal sealed class FrontendResult
{
    private FrontendResult(Expr? value, IReadOnlyList<FrontendProblem> problems, bool incomplete, Procedure? procedure = null, IReadOnlyList<Expr>? guards = null)
    {
        Guards = guards ?? Array.Empty<Expr>();
        Value = value;
        Procedure = procedure;
        Problems = problems;
        IsIncomplete = incomplete;
    }

    /// <summary>The returned value as math, when the whole body was understood.</summary>
    public Expr? Value { get; }

    /// <summary>The body as a program (loops, spans, indices), when the method has any; then <see cref="Value"/> is null.</summary>
    public Procedure? Procedure { get; }

    /// <summary>True when the body was understood, as a scalar expression or as a program.</summary>
    public bool IsSuccess => Value != null || Procedure != null;

    /// <summary>Constructs that cannot be differentiated, each located.</summary>
    public IReadOnlyList<FrontendProblem> Problems { get; }

    /// <summary>The code does not compile yet (someone is typing): report nothing, generate nothing.</summary>
    public bool IsIncomplete { get; }

    /// <summary>
    /// The conditions of the argument checks the method starts with (<c>if (x.Length != y.Length) throw ...;</c>), over its
    /// parameters: the generated method checks them first and, where one holds, calls the method itself, which throws.
    /// </summary>
    public IReadOnlyList<Expr> Guards { get; }

    public static FrontendResult Success(Expr value, IReadOnlyList<Expr>? guards = null) => new(value, Array.Empty<FrontendProblem>(), false, guards: guards);

    public static FrontendResult Success(Procedure procedure, IReadOnlyList<Expr>? guards = null) => new(null, Array.Empty<FrontendProblem>(), false, procedure, guards);

    public static FrontendResult Failure(IReadOnlyList<FrontendProblem> problems) => new(null, problems, false);

    public static readonly FrontendResult Incomplete = new(null, Array.Empty<FrontendProblem>(), true);
}

/// <summary>
/// Turns the body of a scalar [Differentiable] method (IOperation) into the symbolic IR by
/// symbolic execution: locals and reassignments are tracked as expressions, if/else and ?:
/// become conditionals, several returns become nested conditionals. It never throws: what it
/// cannot read becomes a located <see cref="FrontendProblem"/>, and code that does not compile
/// yet yields <see cref="FrontendResult.Incomplete"/>.
/// </summary>
internal sealed partial class MethodFrontend
{
    private readonly IMethodSymbol method;
    private readonly Compilation compilation;
    private readonly ImmutableHashSet<IMethodSymbol> callers;
    private readonly List<FrontendProblem> problems = new();
    private readonly CancellationToken cancellationToken;
    private bool incomplete;

    /// <summary>The method's type parameter T when it is generic over <c>T : IFloatingPointIeee754&lt;T&gt;</c>: T is read as double.</summary>
    private readonly ITypeParameterSymbol? real;

    /// <summary>
    /// The IR names of what the method trains, when it is an instance method of a model class (<see cref="ModelParameters"/>): its
    /// [Parameter] fields and those of its layers (<c>this.w1</c>, <c>this.hidden.w</c>).
    /// </summary>
    private readonly HashSet<string> modelLeaves;

    /// <summary>
    /// What <c>this</c> stands for where the reader is: the method's own object (<c>this</c>), or, inside a method of a layer read
    /// where it is called (<c>hidden.Forward(x)</c>), that layer (<c>this.hidden</c>, of its class).
    /// </summary>
    private (string Path, INamedTypeSymbol? Type) receiver;

    /// <summary>The reads of members private to a layer's class already reported (<see cref="IsReadableFromHere"/>).</summary>
    private readonly HashSet<SyntaxNode> reportedPrivate = new();

    private MethodFrontend(IMethodSymbol method, Compilation compilation, ImmutableHashSet<IMethodSymbol> callers, CancellationToken cancellationToken)
    {
        this.method = method;
        this.compilation = compilation;
        this.callers = callers;
        this.cancellationToken = cancellationToken;
        real = GenericMath.RealParameter(method);
        modelLeaves = new HashSet<string>(method.IsStatic ? Array.Empty<string>() : ModelParameters.Leaves(method.ContainingType).Select(l => ModelParameters.NameOf(l.Path)), StringComparer.Ordinal);
        receiver = ("this", method.IsStatic ? null : method.ContainingType);
    }

    /// <summary>
    /// <c>this.f</c> (or <c>f</c>, or <c>hidden.f</c> of a layer) for a trainable field <c>f</c> whose type <paramref name="kind"/> accepts: the
    /// name it goes by in the IR (<c>this.f</c>, <c>this.hidden.f</c>); else null.
    /// </summary>
    private string? ModelField(IOperation? operation, Func<ITypeSymbol, bool> kind) =>
        Strip(operation) is IMemberReferenceOperation reference
        && reference is IFieldReferenceOperation or IPropertyReferenceOperation { Arguments.IsEmpty: true }
        && ModelObject(reference.Instance) is { } owner && ModelParameters.TypeOf(reference.Member) is { } type && kind(type)
        && owner + "." + reference.Member.Name is var name && modelLeaves.Contains(name) && IsReadableFromHere(reference, reference.Member)
            ? name
            : null;

    /// <summary>
    /// The path of the model object <paramref name="operation"/> is: <c>this</c> (what <c>this</c> stands for where the reader is), or a
    /// layer under it (<c>this.hidden</c> for <c>hidden</c>, <c>this.encoder.hidden</c>); else null.
    /// </summary>
    private string? ModelObject(IOperation? operation)
    {
        switch (Strip(operation))
        {
            case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } when receiver.Type != null:
                return receiver.Path;
            case IMemberReferenceOperation { Instance: var instance, Member: var member } reference
                when reference is IFieldReferenceOperation or IPropertyReferenceOperation { Arguments.IsEmpty: true }
                && ModelParameters.IsMarked(member) && ModelParameters.IsLayer(member) && ModelObject(instance) is { } owner
                && modelLeaves.Any(l => l.StartsWith(owner + "." + member.Name + ".", StringComparison.Ordinal)):
                return IsReadableFromHere(reference, member) ? owner + "." + member.Name : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// The name the generated code reads a member by, as your method reads it at the call: <c>global::T.x</c> for a static one,
    /// <c>this.x</c> or <c>this.hidden.x</c> for one of this object or a layer; null for a member of any other object.
    /// </summary>
    private string? MemberPath(ISymbol member, IOperation? instance) =>
        member.IsStatic ? member.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + member.Name
        : ModelObject(instance) is { } owner ? owner + "." + member.Name
        : null;

    /// <summary>
    /// True when the generated code of this method can read <paramref name="member"/> (it is compiled in the method's own class): a
    /// member of a layer, or a static member of the class of a helper read where it is called; else reports, at
    /// <paramref name="reference"/>, that it is private to its class.
    /// </summary>
    private bool IsReadableFromHere(IOperation reference, ISymbol member)
    {
        if (SymbolEqualityComparer.Default.Equals(member.ContainingType?.OriginalDefinition, method.ContainingType.OriginalDefinition)
            || compilation.IsSymbolAccessibleWithin(member, method.ContainingType))
        {
            return true;
        }

        if (!reportedPrivate.Add(reference.Syntax))
        {
            return false; // read more than once (a length, then an element): reported once
        }

        Unsupported(reference, "'" + FirstLine(reference.Syntax) + "'", "'" + member.Name + "' is private to '" + member.ContainingType?.Name + "', and the generated code of '" + method.ContainingType.Name + "' reads it: make it internal (or public)");
        return false;
    }

    /// <summary>Reads <paramref name="body"/>: an IMethodBodyOperation, a block, or a returned expression.</summary>
    public static FrontendResult Read(IMethodSymbol method, IOperation? body, Compilation compilation, CancellationToken cancellationToken) =>
        Read(method, body, compilation, ImmutableHashSet.Create<IMethodSymbol>(SymbolEqualityComparer.Default, method), cancellationToken);

    private static FrontendResult Read(IMethodSymbol method, IOperation? body, Compilation compilation, ImmutableHashSet<IMethodSymbol> callers, CancellationToken cancellationToken)
    {
        if (body is null || IsIncomplete(body))
        {
            return FrontendResult.Incomplete;
        }

        var reader = new MethodFrontend(method, compilation, callers, cancellationToken);
        if (NeedsProcedure(method, body))
        {
            var procedure = reader.ReadProcedure(body);
            if (reader.incomplete)
            {
                return FrontendResult.Incomplete;
            }

            return reader.problems.Count > 0 || procedure is null ? FrontendResult.Failure(reader.problems) : FrontendResult.Success(procedure, reader.guards.ToArray());
        }

        var value = reader.ReadBody(body);
        if (reader.incomplete)
        {
            return FrontendResult.Incomplete;
        }

        if (reader.problems.Count > 0 || value is null)
        {
            return FrontendResult.Failure(reader.problems);
        }

        return FrontendResult.Success(value, reader.guards.ToArray());
    }

    /// <summary>Where a float parameter or result of <paramref name="method"/> is declared, or null when it has none.</summary>
    private static Location? FloatIn(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters.Where(p => p.Type.SpecialType == SpecialType.System_Single))
        {
            return parameter.Locations.FirstOrDefault() ?? method.Locations.FirstOrDefault();
        }

        return method.ReturnType.SpecialType == SpecialType.System_Single
            ? method.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<MethodDeclarationSyntax>().Select(d => d.ReturnType.GetLocation()).FirstOrDefault() ?? method.Locations.FirstOrDefault()
            : null;
    }

    /// <summary>The operation tree of a method's body, read from its declaration.</summary>
    public static IOperation? BodyOf(IMethodSymbol method, Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is MethodDeclarationSyntax declaration && (declaration.Body != null || declaration.ExpressionBody != null))
            {
                // Reading another method's body needs that tree's semantic model; done once per call site.
#pragma warning disable RS1030
                var model = compilation.GetSemanticModel(declaration.SyntaxTree);
#pragma warning restore RS1030
                return model.GetOperation(declaration, cancellationToken);
            }
        }

        return null;
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
                case IConversionOperation { Conversion.Exists: false }:
                case IInvocationOperation { TargetMethod.ReturnType: IErrorTypeSymbol }:
                    return true;
            }

            if (operation.Type is IErrorTypeSymbol)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What running a list of statements leads to: a returned value, or the values of locals at its end.</summary>
    private sealed class Outcome
    {
        public Outcome(Expr? returned, Dictionary<ISymbol, Expr>? environment)
        {
            Returned = returned;
            Environment = environment;
        }

        public Expr? Returned { get; }

        public Dictionary<ISymbol, Expr>? Environment { get; }
    }

    /// <summary>The statements of a body: an IMethodBodyOperation (block or expression body), a block, or a returned expression.</summary>
    private static ImmutableArray<IOperation> StatementsOf(IOperation body) => body switch
    {
        IMethodBodyOperation { BlockBody: { } block } => block.Operations,
        IMethodBodyOperation { ExpressionBody: { } expression } => expression.Operations,
        IBlockOperation block => block.Operations,
        _ => ImmutableArray.Create(body),
    };

    private Expr? ReadBody(IOperation body)
    {
        var statements = StatementsOf(body);

        if (body is IMethodBodyOperation { BlockBody: null, ExpressionBody: null })
        {
            incomplete = true;
            return null;
        }

        var outcome = Execute(statements, 0, new Dictionary<ISymbol, Expr>(SymbolEqualityComparer.Default));
        if (outcome?.Returned is null)
        {
            if (problems.Count == 0)
            {
                incomplete = true; // falls off the end: the compiler reports it
            }

            return null;
        }

        return outcome.Returned;
    }

    /// <summary>Runs statements[index..] symbolically. Null when something was reported.</summary>
    private Outcome? Execute(IReadOnlyList<IOperation> statements, int index, Dictionary<ISymbol, Expr> env)
    {
        for (var i = index; i < statements.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var statement = statements[i];
            switch (ReadGuard(statement))
            {
                case true:
                    continue;
                case null:
                    return null;
            }

            switch (statement)
            {
                case IReturnOperation { ReturnedValue: { } returned }:
                    var value = Read(ReturnedElement(returned), env);
                    return value is null ? null : new Outcome(value, null);

                case ILocalFunctionOperation:
                    continue; // read where it is called

                case IBlockOperation block:
                    // Locals are symbols, so a nested block can be spliced into the rest.
                    return Execute(block.Operations.Concat(statements.Skip(i + 1)).ToList(), 0, env);

                case IVariableDeclarationGroupOperation group:
                    foreach (var declarator in group.Declarations.SelectMany(d => d.Declarators))
                    {
                        if (!DeclareLocal(declarator, env))
                        {
                            return null;
                        }
                    }

                    break;

                case IExpressionStatementOperation { Operation: var expression }:
                    if (!ExecuteEffect(expression, env))
                    {
                        return null;
                    }

                    break;

                case IEmptyOperation:
                    break;

                case IConditionalOperation conditional when ContainsReturn(conditional):
                    {
                        // if (c) { ...; return a; } rest  ==>  c ? (then; rest) : (else; rest)
                        var predicate = ReadPredicate(conditional.Condition, env);
                        var rest = statements.Skip(i + 1).ToList();
                        var whenTrue = Execute(new[] { conditional.WhenTrue }.Concat(rest).ToList(), 0, Copy(env));
                        var elseList = conditional.WhenFalse is null ? rest : new[] { conditional.WhenFalse }.Concat(rest).ToList();
                        var whenFalse = Execute(elseList, 0, Copy(env));
                        if (predicate is null || whenTrue is null || whenFalse is null)
                        {
                            return null;
                        }

                        if (whenTrue.Returned is null || whenFalse.Returned is null)
                        {
                            // Only part of the paths return: the rest continue in an enclosing list we don't have.
                            Unsupported(conditional, "this if statement", "a branch that returns must be matched by a return on every path after it");
                            return null;
                        }

                        return new Outcome(Ex.Cond(predicate, whenTrue.Returned, whenFalse.Returned), null);
                    }

                case IConditionalOperation conditional:
                    {
                        // No return inside: run both branches and merge what they assign.
                        var predicate = ReadPredicate(conditional.Condition, env);
                        var whenTrue = Execute(new[] { conditional.WhenTrue }, 0, Copy(env));
                        var whenFalse = conditional.WhenFalse is null ? new Outcome(null, Copy(env)) : Execute(new[] { conditional.WhenFalse }, 0, Copy(env));
                        if (predicate is null || whenTrue?.Environment is null || whenFalse?.Environment is null)
                        {
                            return null;
                        }

                        foreach (var symbol in whenTrue.Environment.Keys.Union(whenFalse.Environment.Keys, SymbolEqualityComparer.Default).ToList())
                        {
                            var t = whenTrue.Environment.TryGetValue(symbol, out var tv) ? tv : null;
                            var f = whenFalse.Environment.TryGetValue(symbol, out var fv) ? fv : null;
                            if (t != null && f != null)
                            {
                                env[symbol] = Ex.Cond(predicate, t, f);
                            }
                        }

                        break;
                    }

                case ISwitchOperation @switch:
                    {
                        // switch (Activation) { case Act.Tanh: return ...; ... }, or sections that assign and break: nested conditions.
                        var outcome = ExecuteSwitch(@switch, statements.Skip(i + 1).ToList(), env);
                        if (outcome is null || outcome.Returned != null)
                        {
                            return outcome;
                        }

                        break;
                    }

                case ILoopOperation loop:
                    Unsupported(loop, "the loop '" + FirstLine(loop.Syntax) + "'", "loops are differentiated by reverse mode, which is not available yet; write the loop's body as a [Differentiable] method and loop outside");
                    return null;

                default:
                    Unsupported(statement, Describe(statement), "this statement is not supported in a [Differentiable] method");
                    return null;
            }
        }

        return new Outcome(null, env);
    }

    /// <summary>
    /// A switch statement, read as nested conditions, section by section: either every section returns (what follows the switch is
    /// the value when no label matches and there is no <c>default</c>), or every section assigns and ends in <c>break</c> (each local
    /// then holds, after the switch, the value of the section that ran). Null when reported; an outcome with no value for the
    /// second form (<paramref name="env"/> updated), with one for the first.
    /// </summary>
    private Outcome? ExecuteSwitch(ISwitchOperation @switch, List<IOperation> rest, Dictionary<ISymbol, Expr> env)
    {
        if (@switch.Value.Type is not { } type || !(IsFloatingPoint(type.SpecialType) || type.SpecialType == SpecialType.System_Int32 || IsSettingType(type) || IsT(type)))
        {
            Unsupported(@switch.Value, "the switch on '" + @switch.Value.Syntax + "'", "a switch statement in a [Differentiable] method switches on a number, an enum or a bool");
            return null;
        }

        var value = Read(@switch.Value, env);
        if (value is null)
        {
            return null;
        }

        var returns = @switch.Cases.All(c => c.Body.Length > 0 && c.Body[c.Body.Length - 1] is IReturnOperation or IThrowOperation or IExpressionStatementOperation { Operation: IThrowOperation });
        var breaks = @switch.Cases.All(c => c.Body.Length > 0 && c.Body[c.Body.Length - 1] is IBranchOperation { BranchKind: BranchKind.Break } && !c.Body.Any(ContainsReturn));
        if (!returns && !breaks)
        {
            Unsupported(@switch, "the switch '" + FirstLine(@switch.Syntax) + "'", "a switch statement is read when every section returns, or every section assigns and ends in break");
            return null;
        }

        // The condition of each section (any of its labels), in order; the default section is the last resort wherever it is written.
        var sections = new List<(Expr? Predicate, ISwitchCaseOperation Case)>();
        foreach (var section in @switch.Cases)
        {
            Expr? predicate = null;
            var isDefault = false;
            foreach (var clause in section.Clauses)
            {
                Expr? condition;
                switch (clause)
                {
                    case IDefaultCaseClauseOperation:
                        isDefault = true;
                        continue;
                    case ISingleValueCaseClauseOperation single when single.Value.ConstantValue.HasValue:
                        condition = Read(single.Value, env) is { } label ? Ex.Equal(value, label) : null;
                        break;
                    case IPatternCaseClauseOperation { Guard: null } pattern:
                        condition = ReadPattern(pattern.Pattern, value, env);
                        break;
                    case IRelationalCaseClauseOperation relational:
                        condition = Read(relational.Value, env) is { } bound ? ReadRelational(relational.Relation, value, bound) : null;
                        break;
                    default:
                        Unsupported(clause, "the case label '" + FirstLine(clause.Syntax) + "'", "switch sections are read from constant labels and patterns (< <= > >= constants, and, or, not), with no 'when'");
                        return null;
                }

                if (condition is null)
                {
                    return null;
                }

                predicate = predicate is null ? condition : Ex.Or(predicate, condition);
            }

            sections.Add((isDefault ? null : predicate, section));
        }

        var fallback = sections.FirstOrDefault(s => s.Predicate is null).Case;
        var labelled = sections.Where(s => s.Predicate != null).ToList();
        if (returns)
        {
            // A section that throws (default: throw new ArgumentOutOfRangeException(...)) has the value NaN here, which sends
            // the generated method to yours, which throws the same exception.
            Outcome? Run(IReadOnlyList<IOperation> body) =>
                body.Count > 0 && body[body.Count - 1] is IThrowOperation or IExpressionStatementOperation { Operation: IThrowOperation }
                    ? new Outcome(Ex.Const(double.NaN), null)
                    : Execute(body, 0, Copy(env));
            var otherwise = Run((fallback?.Body ?? ImmutableArray<IOperation>.Empty).Concat(rest).ToList());
            if (otherwise?.Returned is null)
            {
                if (otherwise != null)
                {
                    Unsupported(@switch, "the switch '" + FirstLine(@switch.Syntax) + "'", "with sections that return, every path after the switch returns too");
                }

                return null;
            }

            var result = otherwise.Returned;
            for (var k = labelled.Count - 1; k >= 0; k--)
            {
                var section = Run(labelled[k].Case.Body.ToList());
                if (section?.Returned is null)
                {
                    return null;
                }

                result = Ex.Cond(labelled[k].Predicate!, section.Returned, result);
            }

            return new Outcome(result, null);
        }

        // Sections that assign and break: each runs on a copy (its break dropped), then every local is the value of the section that ran.
        List<IOperation> WithoutBreak(ISwitchCaseOperation section) => section.Body.Take(section.Body.Length - 1).ToList();
        var otherwiseEnv = fallback is null ? Copy(env) : Execute(WithoutBreak(fallback), 0, Copy(env))?.Environment;
        if (otherwiseEnv is null)
        {
            return null;
        }

        var merged = otherwiseEnv;
        for (var k = labelled.Count - 1; k >= 0; k--)
        {
            var sectionEnv = Execute(WithoutBreak(labelled[k].Case), 0, Copy(env))?.Environment;
            if (sectionEnv is null)
            {
                return null;
            }

            var next = new Dictionary<ISymbol, Expr>(SymbolEqualityComparer.Default);
            foreach (var symbol in sectionEnv.Keys.Intersect(merged.Keys, SymbolEqualityComparer.Default))
            {
                next[symbol] = Equals(sectionEnv[symbol], merged[symbol]) ? merged[symbol] : Ex.Cond(labelled[k].Predicate!, sectionEnv[symbol], merged[symbol]);
            }

            merged = next;
        }

        foreach (var pair in merged)
        {
            env[pair.Key] = pair.Value;
        }

        return new Outcome(null, env);
    }

    /// <summary><paramref name="value"/> compared with <paramref name="bound"/> by <paramref name="relation"/> (&lt; &lt;= &gt; &gt;= == !=).</summary>
    private static Expr ReadRelational(BinaryOperatorKind relation, Expr value, Expr bound) => relation switch
    {
        BinaryOperatorKind.LessThan => Ex.Less(value, bound),
        BinaryOperatorKind.LessThanOrEqual => Ex.LessOrEqual(value, bound),
        BinaryOperatorKind.GreaterThan => Ex.Greater(value, bound),
        BinaryOperatorKind.GreaterThanOrEqual => Ex.GreaterOrEqual(value, bound),
        BinaryOperatorKind.Equals => Ex.Equal(value, bound),
        _ => Ex.NotEqual(value, bound),
    };

    private static bool ContainsReturn(IOperation operation) => operation.DescendantsAndSelf().Any(o => o is IReturnOperation);

    private static Dictionary<ISymbol, Expr> Copy(Dictionary<ISymbol, Expr> env) => new(env, SymbolEqualityComparer.Default);

    private bool DeclareLocal(IVariableDeclaratorOperation declarator, Dictionary<ISymbol, Expr> env)
    {
        var local = declarator.Symbol;
        var initializer = declarator.GetVariableInitializer()?.Value;
        if (local.Type.SpecialType is not (SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Boolean) && !local.IsConst && !IsT(local.Type))
        {
            Unsupported(declarator, "the local '" + local.Name + "' of type '" + local.Type.ToDisplayString() + "'", "locals in a [Differentiable] method are double (or bool conditions)");
            return false;
        }

        if (initializer is null)
        {
            return true; // definitely assigned later, or the compiler complains
        }

        var value = local.Type.SpecialType == SpecialType.System_Boolean ? ReadPredicate(initializer, env) : Read(initializer, env);
        if (value is null)
        {
            return false;
        }

        env[local] = value;
        return true;
    }

    private bool ExecuteEffect(IOperation expression, Dictionary<ISymbol, Expr> env)
    {
        switch (expression)
        {
            case IDeconstructionAssignmentOperation deconstruction:
                {
                    // var (a, b) = (e1, e2); (a, b) = (b, a): every value is read before any is assigned.
                    var assignments = new List<(ISymbol Symbol, Expr Value)>();
                    if (!Deconstruct(deconstruction.Target, deconstruction.Value, env, assignments))
                    {
                        return false;
                    }

                    foreach (var (symbol, value) in assignments)
                    {
                        env[symbol] = value;
                    }

                    return true;
                }

            case ISimpleAssignmentOperation assignment when AssignableSymbol(assignment.Target) is { } target:
                {
                    var value = target.Type().SpecialType == SpecialType.System_Boolean ? ReadPredicate(assignment.Value, env) : Read(assignment.Value, env);
                    if (value is null)
                    {
                        return false;
                    }

                    env[target.Symbol] = value;
                    return true;
                }

            case ICompoundAssignmentOperation compound when AssignableSymbol(compound.Target) is { } target && (compound.OperatorMethod is null || IsGenericOperator(compound.OperatorMethod, compound.Type)):
                {
                    var current = Read(compound.Target, env);
                    var operand = Read(compound.Value, env);
                    if (current is null || operand is null)
                    {
                        return false;
                    }

                    var combined = Combine(compound.OperatorKind, current, operand, compound);
                    if (combined is null)
                    {
                        return false;
                    }

                    env[target.Symbol] = combined;
                    return true;
                }

            case IIncrementOrDecrementOperation step when AssignableSymbol(step.Target) is { } target:
                {
                    var current = Read(step.Target, env);
                    if (current is null)
                    {
                        return false;
                    }

                    env[target.Symbol] = step.Kind == OperationKind.Increment ? Ex.Add(current, Ex.One) : Ex.Sub(current, Ex.One);
                    return true;
                }

            case IAssignmentOperation assignment:
                Unsupported(assignment, "the assignment to '" + assignment.Target.Syntax + "'", "a [Differentiable] method may assign its own double locals and parameters only (no fields, properties or array elements)");
                return false;

            case IInvocationOperation call when TensorApi.IsTensorPrimitives(call.TargetMethod.ContainingType) && !TensorApi.IsReduction(call.TargetMethod):
                // TensorPrimitives.Exp(x, destination) and the like: named as the TensorPrimitives call it is.
                return ReadTensorCall(call) != null;

            default:
                Unsupported(expression, Describe(expression), "a statement for its side effect cannot be differentiated");
                return false;
        }
    }

    private readonly struct Assignable
    {
        public Assignable(ISymbol symbol, ITypeSymbol type)
        {
            Symbol = symbol;
            TypeSymbol = type;
        }

        public ISymbol Symbol { get; }

        public ITypeSymbol TypeSymbol { get; }

        public ITypeSymbol Type() => TypeSymbol;
    }

    private Assignable? AssignableSymbol(IOperation target) => target switch
    {
        ILocalReferenceOperation local when local.Local.Type.SpecialType is SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Boolean || IsT(local.Local.Type) => new Assignable(local.Local, local.Local.Type),
        IParameterReferenceOperation parameter when IsRealType(parameter.Parameter.Type) && parameter.Parameter.RefKind == RefKind.None
            && SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, method) => new Assignable(parameter.Parameter, parameter.Parameter.Type),
        _ => null,
    };

    private Expr? Read(IOperation operation, Dictionary<ISymbol, Expr> env)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (operation.ConstantValue.HasValue && TryNumber(operation.ConstantValue.Value, out var constant))
        {
            return Ex.Const(constant);
        }

        if (operation.Type?.SpecialType == SpecialType.System_Boolean)
        {
            // A bool read as a number (switch (Math.Abs(r) <= delta) { case true: ... }): 1 where it holds, else 0.
            var holds = ReadPredicate(operation, env);
            return holds is null ? null : Ex.Cond(holds, Ex.Const(1), Ex.Zero);
        }

        if ((procedureMode && operation.Type?.SpecialType == SpecialType.System_Int32) || IsSettingType(operation.Type))
        {
            // An int, or an enum or bool setting compared or switched on (Activation == Act.Tanh): a value without a derivative.
            var code = ReadInt(operation);
            return code is null ? null : Ex.Int(code);
        }

        switch (operation)
        {
            case IParenthesizedOperation parenthesized:
                return Read(parenthesized.Operand, env);
            case IConversionOperation conversion:
                return ReadConversion(conversion, env);
            case IParameterReferenceOperation parameter:
                return ReadParameter(parameter, env);
            case IArrayElementReferenceOperation { ArrayReference: var called, Indices.Length: 1 } element when procedureMode
                && Strip(called) is IInvocationOperation { TargetMethod.ReturnType: IArrayTypeSymbol { Rank: 1 } } call && !TensorApi.IsTensorPrimitives(call.TargetMethod.ContainingType):
                {
                    // Output.Forward(h)[0]: an element of the buffer a method read where it is called fills.
                    var buffer = ReadBufferCall(call, env);
                    var at = buffer is null ? null : ReadInt(element.Indices[0]);
                    return buffer is null || at is null ? null : Ex.Element(buffer.Name, at);
                }

            case IArrayElementReferenceOperation or IPropertyReferenceOperation { Property.IsIndexer: true } when procedureMode:
                return ReadElement(operation);
            case ILocalReferenceOperation local:
                if (env.TryGetValue(local.Local, out var localValue))
                {
                    return localValue;
                }

                incomplete = true; // read before assignment: the compiler reports it
                return null;
            case IFieldReferenceOperation field when field.Type != null && IsFloatingPoint(field.Type.SpecialType):
                return ReadMember(field, field.Field, field.Instance);
            case IPropertyReferenceOperation { Instance: null } constantMember when GenericMath.Constant(constantMember.Property) is { } known:
                return Ex.Const(known);
            case IPropertyReferenceOperation property when property.Type != null && IsFloatingPoint(property.Type.SpecialType) && property.Arguments.IsEmpty && Flow.Operations.IsAutoProperty(property.Property):
                return ReadMember(property, property.Property, property.Instance);
            case IBinaryOperation binary:
                return ReadBinary(binary, env);
            case IUnaryOperation unary:
                return ReadUnary(unary, env);
            case IConditionalOperation conditional when conditional.WhenFalse != null:
                var predicate = ReadPredicate(conditional.Condition, env);
                var whenTrue = Read(conditional.WhenTrue, env);
                var whenFalse = Read(conditional.WhenFalse, env);
                return predicate is null || whenTrue is null || whenFalse is null ? null : Ex.Cond(predicate, whenTrue, whenFalse);
            case IInvocationOperation invocation:
                return ReadInvocation(invocation, env);
            case ISwitchExpressionOperation @switch:
                return ReadSwitch(@switch, env);
            default:
                Unsupported(operation, Describe(operation), "this construct is not supported in a [Differentiable] method");
                return null;
        }
    }

    /// <summary>
    /// <c>x switch { &lt; -20 =&gt; 0, &gt; 20 =&gt; 1, _ =&gt; ... }</c> as nested conditions, arm by arm. With no arm for
    /// some value (a NaN, or a gap the arms leave) the switch throws; the generated value there is NaN, so the
    /// generated method calls yours, which throws the same exception.
    /// </summary>
    private Expr? ReadSwitch(ISwitchExpressionOperation @switch, Dictionary<ISymbol, Expr> env)
    {
        if (@switch.Value.Type is not { } type || !(IsFloatingPoint(type.SpecialType) || type.SpecialType == SpecialType.System_Int32 || IsSettingType(type)))
        {
            Unsupported(@switch.Value, "the switch on '" + @switch.Value.Syntax + "'", "a switch expression in a [Differentiable] method switches on a number, an enum or a bool");
            return null;
        }

        if (Read(@switch.Value, env) is not { } value)
        {
            return null;
        }

        var arms = new List<(Expr Predicate, Expr Result)>();
        foreach (var arm in @switch.Arms)
        {
            if (arm.Guard != null)
            {
                Unsupported(arm.Guard, "the 'when' clause '" + arm.Guard.Syntax + "'", "switch arms are read from their patterns (< <= > >= constants, and, or, not, _)");
                return null;
            }

            var armEnv = new Dictionary<ISymbol, Expr>(env, SymbolEqualityComparer.Default);
            var predicate = ReadPattern(arm.Pattern, value, armEnv);
            var result = predicate is null ? null : Read(arm.Value, armEnv);
            if (predicate is null || result is null)
            {
                return null;
            }

            arms.Add((predicate, result));
        }

        Expr otherwise = Ex.Const(double.NaN); // no arm matched: the switch throws, and the NaN sends the call to the method itself
        for (var i = arms.Count - 1; i >= 0; i--)
        {
            otherwise = arms[i].Predicate is Constant { Value: 1.0 } ? arms[i].Result : Ex.Cond(arms[i].Predicate, arms[i].Result, otherwise);
        }

        return otherwise;
    }

    /// <summary>The condition under which <paramref name="pattern"/> matches <paramref name="value"/> (a variable it declares is bound in <paramref name="env"/>).</summary>
    private Expr? ReadPattern(IPatternOperation pattern, Expr value, Dictionary<ISymbol, Expr> env)
    {
        switch (pattern)
        {
            case IDiscardPatternOperation:
                return Ex.Truth(true);
            case IDeclarationPatternOperation declaration when declaration.MatchedType is null || IsDoubleFloatOrInt(declaration.MatchedType):
                if (declaration.DeclaredSymbol is { } symbol)
                {
                    env[symbol] = value;
                }

                return Ex.Truth(true);
            case ITypePatternOperation typePattern when IsDoubleFloatOrInt(typePattern.MatchedType):
                return Ex.Truth(true);
            case IRelationalPatternOperation relational when Read(relational.Value, env) is { } bound:
                return ReadRelational(relational.OperatorKind, value, bound);
            case IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: bool truth } }:
                return Ex.Equal(value, Ex.Const(truth ? 1 : 0)); // a bool setting is 1 or 0
            case IConstantPatternOperation constant when constant.Value.ConstantValue.HasValue && TryNumber(constant.Value.ConstantValue.Value, out var number):
                // A NaN pattern matches NaN (unlike ==): "not (x == x)".
                return double.IsNaN(number) ? Ex.Not(Ex.Equal(value, value)) : Ex.Equal(value, Ex.Const(number));
            case INegatedPatternOperation negated:
                return ReadPattern(negated.Pattern, value, env) is { } inner ? Ex.Not(inner) : null;
            case IBinaryPatternOperation binary:
                var left = ReadPattern(binary.LeftPattern, value, env);
                var right = left is null ? null : ReadPattern(binary.RightPattern, value, env);
                return left is null || right is null ? null : binary.OperatorKind == BinaryOperatorKind.And ? Ex.And(left, right) : Ex.Or(left, right);
            case IRelationalPatternOperation:
                return null; // its bound was reported
            default:
                Unsupported(pattern, "the pattern '" + pattern.Syntax + "'", "switch arms are read from their patterns (< <= > >= constants, and, or, not, _)");
                return null;
        }
    }

    private Expr? ReadPredicate(IOperation operation, Dictionary<ISymbol, Expr> env)
    {
        if (operation.ConstantValue.HasValue && operation.ConstantValue.Value is bool b)
        {
            return Ex.Truth(b);
        }

        switch (operation)
        {
            case IParenthesizedOperation parenthesized:
                return ReadPredicate(parenthesized.Operand, env);
            case ILocalReferenceOperation local when env.TryGetValue(local.Local, out var value):
                return value;
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                var inner = ReadPredicate(not.Operand, env);
                return inner is null ? null : Ex.Not(inner);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } logical:
                var left = ReadPredicate(logical.LeftOperand, env);
                var right = ReadPredicate(logical.RightOperand, env);
                if (left is null || right is null)
                {
                    return null;
                }

                return logical.OperatorKind == BinaryOperatorKind.ConditionalAnd ? Ex.And(left, right) : Ex.Or(left, right);
            case IBinaryOperation comparison when (comparison.OperatorMethod is null || IsGenericOperator(comparison.OperatorMethod, comparison.LeftOperand.Type)) && IsComparison(comparison.OperatorKind)
                && (IsReal(comparison.LeftOperand) || IsSettingType(comparison.LeftOperand.Type)) && (IsReal(comparison.RightOperand) || IsSettingType(comparison.RightOperand.Type)):
                var a = Read(comparison.LeftOperand, env);
                var c = Read(comparison.RightOperand, env);
                if (a is null || c is null)
                {
                    return null;
                }

                return ReadRelational(comparison.OperatorKind, a, c);
            case IFieldReferenceOperation or IPropertyReferenceOperation or IParameterReferenceOperation when operation.Type?.SpecialType == SpecialType.System_Boolean:
                // if (useBias): a bool setting, or a bool parameter of a method read where it is called.
                var setting = ReadInt(operation);
                return setting is null ? null : Ex.NotEqual(Ex.Int(setting), Ex.Zero);
            default:
                Unsupported(operation, "the condition '" + operation.Syntax + "'", "conditions compare numbers with < <= > >= == != and combine them with && || !");
                return null;
        }
    }

    private static bool IsComparison(BinaryOperatorKind kind) => kind is BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual
        or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual or BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals;

    private bool IsReal(IOperation operand) => operand.Type != null && (IsNumeric(operand.Type.SpecialType) || IsT(operand.Type));

    /// <summary>
    /// A type parameter of generic math (<c>T : IFloatingPointIeee754&lt;T&gt;</c>): this method's T, or a generic helper's being read
    /// where it is called. Every such T is read as double.
    /// </summary>
    private static bool IsT(ITypeSymbol? type) => type is ITypeParameterSymbol parameter && GenericMath.IsReal(parameter);

    /// <summary>True for double, float, and a generic real type T (<see cref="IsT"/>).</summary>
    private bool IsRealType(ITypeSymbol? type) => type != null && (IsFloatingPoint(type.SpecialType) || IsT(type));

    /// <summary>An operator of T's generic-math interfaces (<c>a * b</c>, <c>-a</c>, <c>a &lt; b</c> over T), applied to T.</summary>
    private bool IsGenericOperator(IMethodSymbol method, ITypeSymbol? operandType) => GenericMath.IsInterfaceMember(method) && IsT(operandType);

    private Expr? ReadConversion(IConversionOperation conversion, Dictionary<ISymbol, Expr> env)
    {
        // Math.Sign(x) returns an int: the sign of a double, read as the function Sign (derivative 0).
        if (conversion.Type?.SpecialType == SpecialType.System_Double && conversion.OperatorMethod is null
            && Strip(conversion.Operand) is IInvocationOperation { TargetMethod.Name: "Sign", Arguments.Length: 1 } sign
            && sign.Arguments[0].Value.Type is { } signed && IsFloatingPoint(signed.SpecialType)
            && MathApi.IsMathType(sign.TargetMethod.ContainingType))
        {
            var argument = Read(sign.Arguments[0].Value, env);
            return argument is null ? null : Ex.Call(MathFunction.Sign, argument);
        }

        var from = conversion.Operand.Type;
        if (conversion.Type != null && IsFloatingPoint(conversion.Type.SpecialType) && from != null && IsFloatingPoint(from.SpecialType) && conversion.OperatorMethod is null)
        {
            // float ↔ double: the same number to the math (the generated code computes in double and rounds once, at the end).
            return Read(conversion.Operand, env);
        }

        if (conversion.Type?.SpecialType is SpecialType.System_Double or SpecialType.System_Single && from != null && IsNumeric(from.SpecialType) && conversion.OperatorMethod is null)
        {
            if (from.SpecialType != SpecialType.System_Double && !conversion.Operand.ConstantValue.HasValue && procedureMode)
            {
                var code = ReadInt(conversion.Operand);
                return code is null ? null : Ex.Int(code);
            }

            if (from.SpecialType != SpecialType.System_Double && !conversion.Operand.ConstantValue.HasValue)
            {
                Unsupported(conversion.Operand, "the " + from.ToDisplayString() + " value '" + conversion.Operand.Syntax + "'", "only double values can be differentiated (integer parameters and locals arrive with reverse mode)");
                return null;
            }

            return Read(conversion.Operand, env);
        }

        Unsupported(conversion, "the conversion '" + conversion.Syntax + "'", "only numeric conversions to double can be differentiated");
        return null;
    }

    private Expr? ReadParameter(IParameterReferenceOperation reference, Dictionary<ISymbol, Expr> env)
    {
        if (env.TryGetValue(reference.Parameter, out var reassigned))
        {
            return reassigned; // reassigned, or a local function's parameter bound to its argument
        }

        if (!SymbolEqualityComparer.Default.Equals(reference.Parameter.ContainingSymbol, method))
        {
            Unsupported(reference, "'" + reference.Parameter.Name + "'", "it is a parameter of another method");
            return null;
        }

        if (!IsRealType(reference.Parameter.Type))
        {
            Unsupported(reference, "'" + reference.Parameter.Name + "'", "it is not a double");
            return null;
        }

        return Ex.Var(reference.Parameter.Name);
    }

    /// <summary>A field or auto-property read: a value the gradient treats as a constant, read by the generated code at call time.</summary>
    private Expr? ReadMember(IOperation reference, ISymbol member, IOperation? instance)
    {
        if (MemberPath(member, instance) is { } name)
        {
            // T.x, this.x, or x of a layer (this.hidden.x): trained when it is a [Parameter], else read as a constant.
            return IsReadableFromHere(reference, member) ? Ex.Var(name) : null;
        }

        Unsupported(reference, "'" + reference.Syntax + "'", "only this instance's fields and static fields can be read (pass other values as [NoGradient] parameters)");
        return null;
    }

    private Expr? ReadBinary(IBinaryOperation binary, Dictionary<ISymbol, Expr> env)
    {
        if (binary.OperatorMethod != null && !IsGenericOperator(binary.OperatorMethod, binary.Type))
        {
            Unsupported(binary, "the user-defined operator '" + binary.OperatorMethod.ToDisplayString() + "'", "only arithmetic on double can be differentiated");
            return null;
        }

        if (binary.Type is null || !IsRealType(binary.Type))
        {
            Unsupported(binary, "'" + binary.Syntax + "'", "only arithmetic on double or float can be differentiated");
            return null;
        }

        var left = Read(binary.LeftOperand, env);
        var right = Read(binary.RightOperand, env);
        if (left is null || right is null)
        {
            return null;
        }

        return Combine(binary.OperatorKind, left, right, binary);
    }

    private Expr? Combine(BinaryOperatorKind kind, Expr left, Expr right, IOperation site)
    {
        var result = Arithmetic.Apply(kind, left, right);
        if (result is null)
        {
            Unsupported(site, "'" + site.Syntax + "' (operator '" + OperatorText(kind) + "')", "it is not differentiable arithmetic");
        }

        return result;
    }

    private Expr? ReadUnary(IUnaryOperation unary, Dictionary<ISymbol, Expr> env)
    {
        if ((unary.OperatorMethod != null && !IsGenericOperator(unary.OperatorMethod, unary.Type)) || unary.Type is null || !IsRealType(unary.Type)
            || unary.OperatorKind is not (UnaryOperatorKind.Minus or UnaryOperatorKind.Plus))
        {
            Unsupported(unary, "'" + unary.Syntax + "'", "it is not differentiable arithmetic");
            return null;
        }

        var operand = Read(unary.Operand, env);
        if (operand is null)
        {
            return null;
        }

        return unary.OperatorKind == UnaryOperatorKind.Minus ? Ex.Neg(operand) : operand;
    }

    private Expr? ReadInvocation(IInvocationOperation invocation, Dictionary<ISymbol, Expr> env)
    {
        var target = invocation.TargetMethod;
        if (target.MethodKind == MethodKind.LocalFunction)
        {
            return ReadLocalFunctionCall(invocation, target, env);
        }

        if (TensorApi.IsTensorPrimitives(target.ContainingType))
        {
            return ReadTensorCall(invocation);
        }

        if (GenericMath.IsConversion(target))
        {
            // T.CreateChecked(0.5), T.CreateTruncating(x): the number itself.
            var converted = invocation.Arguments[0].Value;
            if (converted.ConstantValue.HasValue && TryNumber(converted.ConstantValue.Value, out var number))
            {
                return Ex.Const(number);
            }

            return Read(converted, env);
        }

        if (real != null && target.IsGenericMethod && DifferentiableSignature.IsDifferentiable(target) && !IsReadableHelper(invocation, target))
        {
            Unsupported(invocation, "the call to '" + target.Name + "'", "calls between generic [Differentiable] methods are not chained yet; call it from a method over double, or write its math inline");
            return null;
        }

        if (IsReadableHelper(invocation, target) && !MathApi.IsMathType(target.ContainingType)
            && (DifferentiableSignature.IsDifferentiable(target)
                ? ModelParameters.IsModelMethod(target) || target.IsGenericMethod || !CanChain(invocation, target) // its WithGradient fills a whole Gradient, is generic, or cannot take these arguments: read it here instead
                : !(target.Parameters.Length == 1 && IsRealType(target.Parameters[0].Type)))) // one double: maybe a known function (below)
        {
            return ReadHelperCall(invocation, target, env);
        }

        var arguments = new Expr[target.Parameters.Length];
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not null && DifferentiableSignature.IsDifferentiable(target) && argument.Parameter.Type.SpecialType == SpecialType.System_Single)
            {
                Unsupported(invocation, "the call to '" + target.Name + "' with a float parameter", "calls are chained between [Differentiable] methods over double; make '" + target.Name + "' take double");
                return null;
            }

            if (argument.Parameter is not null && DifferentiableSignature.IsDifferentiable(target) && argument.Parameter.Type.SpecialType != SpecialType.System_Double)
            {
                if (procedureMode)
                {
                    return ReadSpanCall(invocation, target, env);
                }

                Unsupported(invocation, "the call to '" + target.Name + "' with a " + argument.Parameter.Type.ToDisplayString() + " argument", "calls with span or int arguments are supported in methods that have loops or spans themselves");
                return null;
            }

            if (argument.Parameter is null || !IsRealType(argument.Parameter.Type) || argument.Parameter.RefKind != RefKind.None || argument.ArgumentKind == ArgumentKind.ParamArray)
            {
                return UnknownCall(invocation);
            }

            var value = Read(argument.Value, env);
            if (value is null)
            {
                return null;
            }

            arguments[argument.Parameter.Ordinal] = value;
        }

        if (arguments.Any(a => a is null) || !IsRealType(target.ReturnType))
        {
            return UnknownCall(invocation);
        }

        if (MathApi.IsMathType(target.ContainingType) || GenericMath.IsInterfaceMember(target))
        {
            return ReadMathCall(invocation, target.Name, arguments);
        }

        if (DifferentiableSignature.IsDifferentiable(target))
        {
            return ReadDifferentiableCall(invocation, target, arguments);
        }

        // A helper whose body is a known function of its parameter (a sigmoid by any name) is that function.
        var recognized = RecognizeHelper(target);
        if (recognized != null && arguments.Length == 1)
        {
            return Ex.Call(recognized.Value, arguments[0]);
        }

        if (IsReadableHelper(invocation, target))
        {
            return ReadHelperCall(invocation, target, env, arguments);
        }

        Unsupported(invocation, "the call to '" + target.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat) + "'", WhyNotReadable(invocation, target));
        return null;
    }

    /// <summary>The (symbol, value) pairs of a tuple deconstruction, element by element (nested tuples too; discards skipped).</summary>
    private bool Deconstruct(IOperation target, IOperation value, Dictionary<ISymbol, Expr> env, List<(ISymbol Symbol, Expr Value)> assignments)
    {
        while (value is IConversionOperation { OperatorMethod: null } conversion && conversion.Operand is ITupleOperation)
        {
            value = conversion.Operand;
        }

        var targets = target switch
        {
            IDeclarationExpressionOperation { Expression: ITupleOperation declared } => declared.Elements,
            ITupleOperation tuple => tuple.Elements,
            _ => default,
        };
        if (!targets.IsDefault && Strip(value) is IInvocationOperation call && call.Type is INamedTypeSymbol { IsTupleType: true } returned && returned.TupleElements.Length == targets.Length)
        {
            return DeconstructCall(targets, call, env, assignments);
        }

        if (targets.IsDefault || value is not ITupleOperation values || values.Elements.Length != targets.Length)
        {
            Unsupported(value, "the deconstruction of '" + value.Syntax + "'", "a tuple is deconstructed from a tuple written out, (e1, e2), or from a call of a local function or a method of yours that returns one");
            return false;
        }

        for (var i = 0; i < targets.Length; i++)
        {
            var element = targets[i] is IDeclarationExpressionOperation { Expression: var inner } ? inner : targets[i];
            var source = values.Elements[i];
            switch (element)
            {
                case IDiscardOperation:
                    continue;
                case ITupleOperation or IDeclarationExpressionOperation:
                    if (!Deconstruct(element, source is IConversionOperation { OperatorMethod: null, Operand: ITupleOperation nested } ? nested : source, env, assignments))
                    {
                        return false;
                    }

                    continue;
            }

            if (AssignableSymbol(element) is not { } symbol)
            {
                Unsupported(element, "the assignment to '" + element.Syntax + "'", "a deconstruction assigns double or bool locals");
                return false;
            }

            var read = symbol.Type().SpecialType == SpecialType.System_Boolean ? ReadPredicate(source, env) : Read(source, env);
            if (read is null)
            {
                return false;
            }

            assignments.Add((symbol.Symbol, read));
        }

        return true;
    }

    /// <summary>
    /// A call of a local function of the method: its body read with its parameters bound to the arguments and its captured
    /// locals at their values at the call (the math is inlined at each call; the derivation shows the inlined form).
    /// </summary>
    private Expr? ReadLocalFunctionCall(IInvocationOperation invocation, IMethodSymbol target, Dictionary<ISymbol, Expr> env)
    {
        var root = (IOperation)invocation;
        while (root.Parent != null)
        {
            root = root.Parent;
        }

        var declaration = root.DescendantsAndSelf().OfType<ILocalFunctionOperation>().FirstOrDefault(f => SymbolEqualityComparer.Default.Equals(f.Symbol, target));
        if (declaration?.Body is null || !(IsFloatingPoint(target.ReturnType.SpecialType) || (returnElement != null && IsRealTuple(target.ReturnType))))
        {
            Unsupported(invocation, "the call to the local function '" + target.Name + "'", "a local function is read where it is called when it returns a double or float (or a tuple of them, deconstructed) and has a body");
            return null;
        }

        if (!localFunctionsBeingRead.Add(target))
        {
            Unsupported(invocation, "the recursive call to '" + target.Name + "'", "recursion cannot be differentiated symbolically");
            return null;
        }

        try
        {
            var bound = new Dictionary<ISymbol, Expr>(env, SymbolEqualityComparer.Default);
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is null || !IsFloatingPoint(argument.Parameter.Type.SpecialType) || argument.Parameter.RefKind != RefKind.None || argument.ArgumentKind == ArgumentKind.ParamArray)
                {
                    Unsupported(argument, "the argument '" + argument.Syntax + "' of '" + target.Name + "'", "a local function takes double or float parameters by value");
                    return null;
                }

                if (Read(argument.Value, env) is not { } value)
                {
                    return null;
                }

                bound[argument.Parameter] = value;
            }

            var outcome = Execute(declaration.Body.Operations, 0, bound);
            return outcome?.Returned;
        }
        finally
        {
            localFunctionsBeingRead.Remove(target);
        }
    }

    private readonly HashSet<IMethodSymbol> localFunctionsBeingRead = new(SymbolEqualityComparer.Default);

    private Expr? ReadMathCall(IInvocationOperation invocation, string name, Expr[] args)
    {
        // Math.F and double.F (the INumber / IFloatingPointIeee754 statics) are the same functions; ExpM1 and LogP1 are double's only.
        if (args.Length == 1 && MathApi.Functions.TryGetValue(name, out var function))
        {
            return Ex.Call(function, args[0]);
        }

        switch (name)
        {
            case "Log" when args.Length == 2:
                // log_b(x) = ln x / ln b (the value may differ from Math.Log(x, b) in the last bit; docs/generator.md, Values)
                return Ex.Div(Ex.Call(MathFunction.Log, args[0]), Ex.Call(MathFunction.Log, args[1]));
            case "FusedMultiplyAdd" when args.Length == 3:
                return Ex.Add(Ex.Mul(args[0], args[1]), args[2]);
            case "Pow" when args.Length == 2:
                return Ex.Pow(args[0], args[1]);
            case "Max" when args.Length == 2:
                return Ex.Max(args[0], args[1]);
            case "Min" when args.Length == 2:
                return Ex.Min(args[0], args[1]);
            case "Clamp" when args.Length == 3:
                return Ex.Clamp(args[0], args[1], args[2]);
        }

        return UnknownCall(invocation);
    }

    private Expr? ReadDifferentiableCall(IInvocationOperation invocation, IMethodSymbol callee, Expr[] arguments)
    {
        if (!CalleeIsGenerated(invocation, callee))
        {
            return null;
        }

        var hasGradient = callee.Parameters.Select(p => !DifferentiableSignature.IsNoGradient(p)).ToArray();
        for (var i = 0; i < arguments.Length; i++)
        {
            if (hasGradient[i])
            {
                continue;
            }

            foreach (var parameter in method.Parameters)
            {
                if (!DifferentiableSignature.IsNoGradient(parameter) && Differentiator.DependsOn(arguments[i], parameter.Name))
                {
                    var site = invocation.Arguments.First(a => a.Parameter?.Ordinal == i);
                    Unsupported(site, "the argument '" + site.Syntax + "'", "it depends on '" + parameter.Name + "', but '" + callee.Name + "' takes it as [NoGradient] parameter '" + callee.Parameters[i].Name + "'");
                    return null;
                }
            }
        }

        var function = new UserFunction(CalleeText(callee), callee.Name, callee.Parameters.Select(p => p.Name).ToArray(), hasGradient);
        return Ex.UserCall(function, -1, arguments);
    }

    /// <summary>How a generated caller names <paramref name="callee"/>: <c>global::N.T.M</c>, or <c>this.M</c> for an instance method.</summary>
    internal static string CalleeText(IMethodSymbol callee) => callee.IsStatic
        ? callee.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + callee.Name
        : "this." + callee.Name;

    /// <summary>True when a call to another [Differentiable] method can be chained: not recursive, on this or static, and generated itself.</summary>
    private bool CalleeIsGenerated(IInvocationOperation invocation, IMethodSymbol callee)
    {
        if (callers.Contains(callee))
        {
            Unsupported(invocation, "the recursive call to '" + callee.Name + "'", "recursion cannot be differentiated symbolically");
            return false;
        }

        if (!callee.IsStatic && invocation.Instance is not IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance })
        {
            Unsupported(invocation, "the call to '" + callee.Name + "' on another object", "a [Differentiable] method can call static ones, or instance ones on this");
            return false;
        }

        if (!callee.IsStatic && method.IsStatic)
        {
            incomplete = true;
            return false;
        }

        // The callee must itself be generated, or its WithGradient won't exist.
        var calleeProblems = DifferentiableSignature.Check(callee, cancellationToken);
        var calleeBody = BodyOf(callee, compilation, cancellationToken);
        var calleeResult = calleeProblems.Count == 0 && DifferentiableSignature.FirstNonPartialContainer(callee, cancellationToken) is null
            ? Read(callee, calleeBody, compilation, callers.Add(callee), cancellationToken)
            : null;
        if (calleeResult is null || !calleeResult.IsSuccess)
        {
            if (calleeResult?.IsIncomplete == true)
            {
                incomplete = true;
                return false;
            }

            var recursive = calleeResult?.Problems.Any(p => p.Arguments.Length > 0 && p.Arguments[0] is string s && s.StartsWith("the recursive call", StringComparison.Ordinal)) == true;
            Unsupported(invocation, "the call to '" + callee.Name + "'", recursive ? "it calls back into '" + method.Name + "' (recursion)" : "'" + callee.Name + "' cannot be differentiated itself (see its diagnostics)");
            return false;
        }

        return true;
    }

    /// <summary>A one-parameter helper whose body, as math, is a known function of the parameter.</summary>
    private MathFunction? RecognizeHelper(IMethodSymbol helper)
    {
        if (helper.Parameters.Length != 1 || !IsFloatingPoint(helper.Parameters[0].Type.SpecialType) || callers.Contains(helper) || helper.DeclaringSyntaxReferences.Length == 0)
        {
            return null;
        }

        var body = BodyOf(helper, compilation, cancellationToken);
        var result = Read(helper, body, compilation, callers.Add(helper), cancellationToken);
        if (result.Value is null)
        {
            return null;
        }

        var simplified = Simplifier.ApplyIdentities(result.Value);
        return simplified is Call { Arguments.Count: 1 } call && call.Arguments[0] is Variable v && v.Name == helper.Parameters[0].Name
            ? call.Function
            : null;
    }

    private Expr? UnknownCall(IInvocationOperation invocation)
    {
        Unsupported(invocation, "the call to '" + invocation.TargetMethod.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat) + "'", "it is not a function Gradwise knows the derivative of" + VectorHintOf(invocation.TargetMethod));
        return null;
    }

    private void Unsupported(IOperation operation, string construct, string reason)
    {
        problems.Add(new FrontendProblem(Descriptors.UnsupportedConstruct, operation.Syntax.GetLocation(), new object[] { construct, method.Name, reason }));
    }

    private static string FirstLine(SyntaxNode syntax)
    {
        var text = syntax.ToString();
        var end = text.IndexOfAny(new[] { '\r', '\n' });
        return end < 0 ? text : text.Substring(0, end).TrimEnd() + " ...";
    }

    private static string Describe(IOperation operation) => operation.Kind switch
    {
        OperationKind.FieldReference => "the field '" + operation.Syntax + "'",
        OperationKind.PropertyReference => "the property '" + operation.Syntax + "'",
        OperationKind.Throw => "the throw '" + FirstLine(operation.Syntax) + "'",
        OperationKind.Try => "the try statement",
        OperationKind.Branch => "'" + FirstLine(operation.Syntax) + "'",
        OperationKind.Switch or OperationKind.SwitchExpression => "the switch '" + FirstLine(operation.Syntax) + "'",
        OperationKind.Labeled => "the label '" + FirstLine(operation.Syntax) + "'",
        OperationKind.LocalFunction => "the local function '" + FirstLine(operation.Syntax) + "'",
        OperationKind.AnonymousFunction => "the lambda '" + FirstLine(operation.Syntax) + "'",
        _ => "'" + FirstLine(operation.Syntax) + "'",
    };

    /// <summary>The types a switch arm's type or var pattern matches every number with: double, float, int.</summary>
    private static bool IsDoubleFloatOrInt(ITypeSymbol? type) => type != null && (IsFloatingPoint(type.SpecialType) || type.SpecialType == SpecialType.System_Int32);

    /// <summary>double or float: the types whose values the generator differentiates (float is read as the same number, computed in double).</summary>
    /// <summary>True for double and float: the types read as doubles (float is computed in double and rounded once where a result is float).</summary>
    internal static bool IsFloatingPoint(SpecialType type) => type is SpecialType.System_Double or SpecialType.System_Single;

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
            case byte or sbyte or short or ushort or uint:
                number = System.Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture); // an enum member over a smaller type
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
        _ => kind.ToString(),
    };
}
