using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Gradwise.Flow;

/// <summary>
/// How code tests a setting against constants, read once for every rule that decides which branch a configured value takes.
/// Names are strings as people type them: <c>switch (activation.ToLower())</c>, <c>act.Equals("Sigmoid", StringComparison.OrdinalIgnoreCase)</c>,
/// <c>string.Equals(name, "sigmoid")</c>, <c>kind is Kind.Sigmoid or Kind.Logistic</c>, beside <c>v == C</c>. A test is kept as the setting
/// it reads (the operation under the case folding), the constants that pass it and the folding that applies to a configured value
/// before it is compared, so that <c>"Sigmoid"</c> passed to a layer selects <c>case "sigmoid":</c> of <c>switch (name.ToLowerInvariant())</c>.
/// </summary>
internal static class SettingTests
{
    /// <summary>What a test does to a configured string before comparing it with a label.</summary>
    [Flags]
    public enum Folding : byte
    {
        None = 0,
        Lower = 1,
        Upper = 2,
        Trim = 4,
        IgnoreCase = 8,
    }

    /// <summary>
    /// The setting a test reads under <c>ToLower()</c>, <c>ToLowerInvariant()</c>, <c>ToUpper()</c>, <c>ToUpperInvariant()</c> and
    /// <c>Trim()</c> of a string (any order, any number), with what they do to its value; the operation itself, stripped, otherwise.
    /// </summary>
    public static IOperation Unfolded(IOperation tested, out Folding folding)
    {
        folding = Folding.None;
        var read = Operations.Strip(tested);
        while (read is IInvocationOperation { Instance: { } receiver, Arguments.IsEmpty: true, TargetMethod: { ContainingType.SpecialType: SpecialType.System_String } method })
        {
            var step = method.Name switch
            {
                "ToLower" or "ToLowerInvariant" => Folding.Lower,
                "ToUpper" or "ToUpperInvariant" => Folding.Upper,
                "Trim" => Folding.Trim,
                _ => Folding.None,
            };
            if (step == Folding.None)
            {
                break;
            }

            // The outermost case folding decides the case the label is compared in.
            folding |= (folding & (Folding.Lower | Folding.Upper)) != 0 ? step & Folding.Trim : step;
            read = Operations.Strip(receiver);
        }

        return read;
    }

    /// <summary>
    /// A condition read as a test of a setting for equality with constants: <c>v == C</c>, <c>C == v</c>, <c>v.Equals(C)</c>,
    /// <c>C.Equals(v)</c>, <c>string.Equals(v, C)</c>, each with a <c>StringComparison</c> or not, and <c>v is C</c> (constant patterns
    /// joined by <c>or</c>); a test against <c>null</c> is none; the setting is read through <see cref="Unfolded"/>. <paramref name="holds"/> is false for <c>v != C</c>
    /// and <c>!(...)</c>, whose branches swap. Null for any other condition.
    /// </summary>
    public static (IOperation Tested, object?[] Constants, Folding Folding)? Equality(IOperation condition, out bool holds)
    {
        holds = true;
        var test = Operations.Strip(condition);
        while (test is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, OperatorMethod: null } not)
        {
            holds = !holds;
            test = Operations.Strip(not.Operand);
        }

        switch (test)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } compared:
                holds ^= compared.OperatorKind == BinaryOperatorKind.NotEquals;
                return Pair(compared.LeftOperand, compared.RightOperand, Folding.None);
            case IInvocationOperation { TargetMethod: { Name: "Equals", ContainingType.SpecialType: SpecialType.System_String } method } call:
                var values = call.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).Select(a => a.Value).ToList();
                var comparison = values.Count > 0 && values[values.Count - 1].Type?.TypeKind == TypeKind.Enum ? values[values.Count - 1] : null;
                if (comparison != null)
                {
                    values.RemoveAt(values.Count - 1);
                }

                if (!method.IsStatic && call.Instance != null)
                {
                    values.Insert(0, call.Instance);
                }

                return values.Count == 2 && Comparing(comparison) is { } folding ? Pair(values[0], values[1], folding) : null;
            case IIsPatternOperation { Value: var value, Pattern: var pattern } when PatternConstants(pattern) is { Length: > 0 } constants:
                return (Unfolded(value, out var folded), constants, folded);
            default:
                return null;
        }

        static (IOperation, object?[], Folding)? Pair(IOperation one, IOperation other, Folding folding)
        {
            var a = Operations.Strip(one);
            var b = Operations.Strip(other);
            return b.ConstantValue is { HasValue: true, Value: { } right } && !a.ConstantValue.HasValue ? (Unfolded(a, out var fa), new[] { right }, fa | folding)
                : a.ConstantValue is { HasValue: true, Value: { } left } && !b.ConstantValue.HasValue ? (Unfolded(b, out var fb), new[] { left }, fb | folding)
                : null;
        }
    }

    /// <summary>The folding a <c>StringComparison</c> argument asks for: none when there is none or it is ordinal, null when it is not a constant.</summary>
    private static Folding? Comparing(IOperation? comparison) =>
        comparison is null ? Folding.None
        : Operations.Strip(comparison) is IFieldReferenceOperation { Field: { HasConstantValue: true, ContainingType.Name: "StringComparison" } field }
            ? field.Name.EndsWith("IgnoreCase", StringComparison.Ordinal) ? Folding.IgnoreCase : Folding.None
            : null;

    /// <summary>The constants a pattern is: one constant pattern or several joined by <c>or</c>; empty for any other pattern and for <c>null</c>, which no setting is.</summary>
    public static object?[] PatternConstants(IPatternOperation pattern) => pattern switch
    {
        IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: { } constant } } => new[] { constant },
        IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } either
            when PatternConstants(either.LeftPattern) is { Length: > 0 } left && PatternConstants(either.RightPattern) is { Length: > 0 } right => left.Concat(right).ToArray(),
        _ => Array.Empty<object?>(),
    };

    /// <summary>Whether a configured constant passes a test against <paramref name="label"/> that folds it as <paramref name="folding"/> says.</summary>
    public static bool Same(object? label, object? configured, Folding folding)
    {
        if (folding == Folding.None || configured is not string value || label is not string text)
        {
            return Equals(label, configured);
        }

        if ((folding & Folding.Trim) != 0)
        {
            value = value.Trim();
        }

        value = (folding & Folding.Lower) != 0 ? value.ToLowerInvariant() : (folding & Folding.Upper) != 0 ? value.ToUpperInvariant() : value;
        return string.Equals(value, text, (folding & Folding.IgnoreCase) != 0 ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }
}
