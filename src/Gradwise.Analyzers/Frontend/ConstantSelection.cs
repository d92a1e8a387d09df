using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Gradwise.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Gradwise.Frontend;

/// <summary>
/// The value a helper returns when a call gives some of its parameters constants that choose among its branches:
/// <c>Slope(o, Kind.Sigmoid)</c> of a helper that switches on its kind (<c>case Kind.Sigmoid: return v * (1 - v);</c>),
/// tests it (<c>if (kind == Kind.Tanh) return ...;</c>) or returns a <c>kind switch { ... }</c> or a <c>?:</c> on it; and
/// the value a method returns when a setting of its object that it tests holds one constant program-wide (<see cref="WithSettings"/>).
/// Only tests of a chosen parameter or setting against a constant are decided; a return behind any other test, or behind a loop
/// or a <c>try</c>, leaves the choice open, and then there is no answer.
/// </summary>
internal static class ConstantSelection
{
    /// <summary>
    /// The enum, bool and string parameters of a call given constants, with those constants; null when there are none. A field or
    /// property passed there counts as the one constant the compilation stores into it (<c>Slope(o, kind)</c> with every layer made
    /// <c>new Layer(n, Kind.Sigmoid)</c>), and a parameter as the one constant every call passes it (<c>Activations.Create(act)</c> in a
    /// constructor every call of which passes <c>"tanh"</c>); one that holds different settings leaves the parameter unchosen.
    /// </summary>
    public static Dictionary<ISymbol, object?>? Choices(IInvocationOperation call, IValueSource source, CancellationToken cancellationToken)
    {
        Dictionary<ISymbol, object?>? chosen = null;
        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter is { } parameter && IsChoice(parameter.Type) && ChoiceOf(argument.Value, source, cancellationToken) is { HasValue: true } constant)
            {
                (chosen ??= new Dictionary<ISymbol, object?>(SymbolEqualityComparer.Default))[parameter.OriginalDefinition] = constant.Value;
            }
        }

        return chosen;
    }

    /// <summary>
    /// <paramref name="chosen"/> with the settings of its object a method's body tests on the way to its <paramref name="returns"/> (a
    /// field or property of its own in an <c>if</c>, a <c>?:</c> or a <c>switch</c>: <c>switch (act)</c> in <c>Slope(y)</c>) that the
    /// compilation stores one constant into, each with that constant (every layer made <c>new Layer(n, "sigmoid")</c>).
    /// </summary>
    public static Dictionary<ISymbol, object?>? WithSettings(Dictionary<ISymbol, object?>? chosen, IReadOnlyList<IOperation> returns, IValueSource source, CancellationToken cancellationToken)
    {
        foreach (var setting in TestedSettings(returns))
        {
            if (source.OnlyConstantStored(setting, cancellationToken) is { HasValue: true } stored)
            {
                (chosen ??= new Dictionary<ISymbol, object?>(SymbolEqualityComparer.Default))[setting] = stored.Value;
            }
        }

        return chosen;
    }

    /// <summary>Whether a parameter or setting of <paramref name="type"/> chooses among branches: an enum, a <c>bool</c> or a <c>string</c>.</summary>
    public static bool IsChoice(ITypeSymbol? type) => type is { TypeKind: TypeKind.Enum } or { SpecialType: SpecialType.System_Boolean or SpecialType.System_String };

    /// <summary>The fields and properties of its own object a body tests on the way to <paramref name="returns"/>: <c>if (act == "sigmoid")</c>, <c>switch (kind)</c>, <c>squashed ? ... : ...</c>.</summary>
    private static IEnumerable<ISymbol> TestedSettings(IReadOnlyList<IOperation> returns)
    {
        if (returns.Count < 2 && !returns.Any(r => Operations.Strip(r) is IConditionalOperation or ISwitchExpressionOperation))
        {
            yield break; // one return that chooses nothing
        }

        var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var returned in returns)
        {
            for (IOperation? at = returned; at != null && at is not (IMethodBodyOperation or IBlockOperation { Parent: null }); at = at.Parent)
            {
                var tests = at switch
                {
                    IConditionalOperation conditional => Tested(conditional.Condition),
                    ISwitchOperation statement => new[] { SettingTests.Unfolded(statement.Value, out _) },
                    ISwitchExpressionOperation expression => new[] { SettingTests.Unfolded(expression.Value, out _) },
                    _ => System.Array.Empty<IOperation>(),
                };
                foreach (var tested in tests)
                {
                    if (Setting(tested) is { } setting && seen.Add(setting))
                    {
                        yield return setting;
                    }
                }
            }
        }

        static IOperation[] Tested(IOperation condition) => SettingTests.Equality(condition, out _) is var (tested, _, _) ? new[] { tested } : Operations.Strip(condition) switch
        {
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } test => new[] { test.LeftOperand, test.RightOperand },
            IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, Operand: var operand } => Tested(operand),
            IIsPatternOperation { Value: var value } => new[] { value },
            var flag => new[] { flag },
        };
    }

    /// <summary>
    /// The field or property <paramref name="operation"/> reads of its own object or of an object the method is handed
    /// (<c>net.MathFunctions</c> in <c>Get(NeuralNetwork net)</c>), where its type can be a choice; null otherwise. Either way it is
    /// decided only where the compilation stores one constant into it, whatever the object.
    /// </summary>
    private static ISymbol? Setting(IOperation operation) =>
        Operations.Strip(operation) is IMemberReferenceOperation { Instance: null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } or IParameterReferenceOperation } read
        && read is IFieldReferenceOperation or IPropertyReferenceOperation { Arguments.IsEmpty: true } && IsChoice(read.Type)
            ? read.Member.OriginalDefinition
            : null;

    private static Optional<object?> ChoiceOf(IOperation value, IValueSource source, CancellationToken cancellationToken) => value.ConstantValue.HasValue
        ? value.ConstantValue
        : Operations.Strip(value) switch
        {
            IFieldReferenceOperation or IPropertyReferenceOperation when Operations.ReferencedSymbol(value) is { } member => source.OnlyConstantStored(member, cancellationToken),
            IParameterReferenceOperation { Parameter: var parameter } => source.OnlyConstantPassed(parameter, cancellationToken), // Create(act) in new Layer("tanh")
            _ => default,
        };

    /// <summary>
    /// Of <paramref name="returns"/> (a method's returned values, in any order), the one the body reaches first with
    /// <paramref name="chosen"/> parameters given those constants, resolved through <c>switch</c> expressions and <c>?:</c> on them;
    /// null when that is not decided.
    /// </summary>
    public static IOperation? Returned(IReadOnlyList<IOperation> returns, IReadOnlyDictionary<ISymbol, object?> chosen)
    {
        foreach (var returned in returns.OrderBy(r => r.Syntax.SpanStart))
        {
            switch (Reached(returned, chosen))
            {
                case true:
                    return Resolved(returned, chosen, depth: 0);
                case null:
                    return null; // an earlier return may or may not run
            }
        }

        return null;
    }

    /// <summary>A value with <c>switch</c> expressions and <c>?:</c> on chosen parameters replaced by the branch they take.</summary>
    private static IOperation? Resolved(IOperation value, IReadOnlyDictionary<ISymbol, object?> chosen, int depth)
    {
        if (depth > 8)
        {
            return null;
        }

        switch (Gradwise.Flow.Operations.Strip(value))
        {
            case ISwitchExpressionOperation choice when Chosen(choice.Value, chosen, out var constant, out var folding):
                foreach (var arm in choice.Arms)
                {
                    switch (Matches(arm.Pattern, constant, folding))
                    {
                        case true when arm.Guard is null:
                            return Resolved(arm.Value, chosen, depth + 1);
                        case false:
                            continue;
                        default:
                            return null;
                    }
                }

                return null;
            case IConditionalOperation { WhenFalse: { } otherwise } conditional when Decided(conditional.Condition, chosen) is { } holds:
                return Resolved(holds ? conditional.WhenTrue : otherwise, chosen, depth + 1);
            default:
                return value;
        }
    }

    /// <summary>True when every branch between <paramref name="returned"/> and its body's root is taken, false when one is not, null when one is undecided.</summary>
    private static bool? Reached(IOperation returned, IReadOnlyDictionary<ISymbol, object?> chosen)
    {
        var child = returned;
        for (var parent = returned.Parent; parent != null; child = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IConditionalOperation conditional when !ReferenceEquals(child, conditional.Condition):
                    if (Decided(conditional.Condition, chosen) is not { } holds)
                    {
                        return null;
                    }

                    if (holds != ReferenceEquals(child, conditional.WhenTrue))
                    {
                        return false;
                    }

                    break;
                case ISwitchCaseOperation section when section.Parent is ISwitchOperation statement:
                    if (!Chosen(statement.Value, chosen, out var constant, out var folding) || SectionTaken(statement, section, constant, folding) is not { } taken)
                    {
                        return null;
                    }

                    if (!taken)
                    {
                        return false;
                    }

                    break;
                case ILoopOperation or ITryOperation or IUsingOperation or ILockOperation or ISwitchExpressionArmOperation or IAnonymousFunctionOperation or ILocalFunctionOperation:
                    return null;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether a <c>switch</c> statement on a constant runs <paramref name="section"/>: the first section with a label that matches
    /// it, or the default one when none does. Null when a label that cannot be decided (a relational pattern, a guard) stands in the way.
    /// </summary>
    private static bool? SectionTaken(ISwitchOperation statement, ISwitchCaseOperation section, object? constant, SettingTests.Folding folding)
    {
        var open = false;
        foreach (var other in statement.Cases)
        {
            var matches = Either(other.Clauses.Select(clause => clause switch
            {
                ISingleValueCaseClauseOperation { Value.ConstantValue: { HasValue: true } label } => SettingTests.Same(label.Value, constant, folding),
                IPatternCaseClauseOperation { Pattern: var pattern } patterned => Matches(pattern, constant, folding) is var matched && (matched == false || patterned.Guard is null) ? matched : null,
                IDefaultCaseClauseOperation => false,
                _ => (bool?)null, // a relational label
            }));
            if (matches == true)
            {
                // The first section that surely matches runs, unless an undecided one before it does.
                return open ? null : ReferenceEquals(other, section);
            }

            if (matches is null)
            {
                if (ReferenceEquals(other, section))
                {
                    return null;
                }

                open = true;
            }
        }

        // No section surely matches: the default one runs when none can.
        return section.Clauses.Any(c => c is IDefaultCaseClauseOperation) ? (open ? null : true) : false;
    }

    /// <summary>
    /// The truth of <c>p == C</c>, <c>C == p</c>, <c>p != C</c>, <c>p.Equals(C, comparison)</c> (<see cref="SettingTests.Equality"/>),
    /// a pattern test or a chosen <c>bool</c> parameter or setting (negated or not); null for any other test.
    /// </summary>
    private static bool? Decided(IOperation condition, IReadOnlyDictionary<ISymbol, object?> chosen)
    {
        if (SettingTests.Equality(condition, out var holds) is var (tested, constants, folding) && Gradwise.Flow.Operations.Strip(condition) is not IIsPatternOperation)
        {
            return Chosen(tested, chosen, out var given, out _) ? constants.Any(k => SettingTests.Same(k, given, folding)) == holds : null;
        }

        switch (Gradwise.Flow.Operations.Strip(condition))
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, Operand: var operand }:
                return Decided(operand, chosen) is { } inner ? !inner : null;
            case var flag when Chosen(flag, chosen, out var value, out _) && value is bool set:
                return set; // a chosen bool parameter or setting
            case IIsPatternOperation { Value: var read, Pattern: var pattern } when Chosen(read, chosen, out var value, out var folded):
                return Matches(pattern, value, folded);
            default:
                return null;
        }
    }

    /// <summary>Whether <paramref name="pattern"/> matches the constant as the test folds it: a constant pattern, <c>_</c>, or <c>not</c> of one; null for others.</summary>
    private static bool? Matches(IPatternOperation pattern, object? constant, SettingTests.Folding folding) => pattern switch
    {
        IDiscardPatternOperation => true,
        IConstantPatternOperation { Value.ConstantValue: { HasValue: true } label } => SettingTests.Same(label.Value, constant, folding),
        INegatedPatternOperation { Pattern: var inner } => Matches(inner, constant, folding) is { } matched ? !matched : null,
        IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } either => Either(Matches(either.LeftPattern, constant, folding), Matches(either.RightPattern, constant, folding)),
        IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.And } both => Both(Matches(both.LeftPattern, constant, folding), Matches(both.RightPattern, constant, folding)),
        _ => null,
    };

    /// <summary>Three-valued or: true when either is, false when both are false, null otherwise.</summary>
    private static bool? Either(bool? left, bool? right) => left == true || right == true ? true : left == false && right == false ? false : null;

    /// <summary>Three-valued and: false when either is, true when both are true, null otherwise.</summary>
    private static bool? Both(bool? left, bool? right) => left == false || right == false ? false : left == true && right == true ? true : null;

    /// <summary>Three-valued or of any number: true when one is, false when all are false, null otherwise.</summary>
    private static bool? Either(IEnumerable<bool?> values)
    {
        var open = false;
        foreach (var value in values)
        {
            if (value == true)
            {
                return true;
            }

            open |= value is null;
        }

        return open ? null : false;
    }

    /// <summary>
    /// Of <paramref name="returns"/>, the one the body reaches with the parameter or setting <paramref name="tested"/> reads (as the
    /// body's tests read it: <c>activation</c> of <c>switch (activation)</c>) given <paramref name="constant"/>; null when that is not decided.
    /// </summary>
    public static IOperation? ReturnedWhen(IReadOnlyList<IOperation> returns, IOperation tested, object? constant) =>
        Choice(tested) is { } symbol ? Returned(returns, new Dictionary<ISymbol, object?>(SymbolEqualityComparer.Default) { [symbol] = constant }) : null;

    /// <summary>
    /// True when <paramref name="operation"/> reads a parameter or setting given a constant, with that constant (enum conversions looked
    /// through) and what the test does to it first (<c>name.ToLower()</c>).
    /// </summary>
    private static bool Chosen(IOperation operation, IReadOnlyDictionary<ISymbol, object?> chosen, out object? constant, out SettingTests.Folding folding)
    {
        constant = null;
        return Choice(SettingTests.Unfolded(operation, out folding)) is { } read && chosen.TryGetValue(read, out constant);
    }

    /// <summary>The parameter or setting (<see cref="Setting"/>) a test reads, the key <paramref name="operation"/> is chosen by; null for anything else.</summary>
    private static ISymbol? Choice(IOperation operation) =>
        SettingTests.Unfolded(operation, out _) is var read && read is IParameterReferenceOperation { Parameter: var parameter } ? parameter.OriginalDefinition : Setting(read);
}
