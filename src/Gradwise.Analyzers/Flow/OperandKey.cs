using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Gradwise.Flow;

/// <summary>
/// Which storage a value is read from, built from symbols: <c>this.output</c>, <c>output</c> and
/// <c>Output</c> of the same field on the same receiver get one key, a local shadowing it gets
/// another. Two reads with one key are the same value at the same point of a method.
/// </summary>
internal static class OperandKey
{
    private const int MaxDepth = 12;

    /// <summary>
    /// The key of the storage <paramref name="operation"/> reads, or null when it is not plain storage (a call, arithmetic on doubles).
    /// <paramref name="names"/> names a member or a parameter's container, one name per symbol (<see cref="FlowIndex.KeyName"/>).
    /// </summary>
    public static string? Of(IOperation operation, System.Func<ISymbol, string> names) => Of(operation, names, null);

    /// <summary>
    /// The same, with some locals standing for other storage: <paramref name="renamed"/> maps a local to the key read in its
    /// place (an element written as <c>e[k] = t[k] - o[k]</c>, read back as <c>e[i]</c>, is <c>t[i] - o[i]</c>).
    /// </summary>
    public static string? Of(IOperation operation, System.Func<ISymbol, string> names, IReadOnlyDictionary<ILocalSymbol, string>? renamed)
    {
        var text = new StringBuilder();
        return Append(text, operation, 0, new Names(names, renamed)) ? text.ToString() : null;
    }

    /// <summary>A symbol's name in keys when it is not declared in source: its full display string, unique per member (overloads differ by their parameters).</summary>
    public static string FullName(ISymbol symbol) => symbol.ToDisplayString();

    /// <summary>A key that is unique to this one operation: for a value nothing else can be proved equal to.</summary>
    public static string Unique(IOperation operation) =>
        "#" + operation.Kind + "@" + operation.Syntax.SpanStart.ToString(CultureInfo.InvariantCulture) + ":" + operation.Syntax.Span.Length.ToString(CultureInfo.InvariantCulture);

    private static bool Append(StringBuilder text, IOperation operation, int depth, Names names)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        operation = Operations.Strip(operation);
        if (operation.ConstantValue.HasValue)
        {
            text.Append("c:").Append(System.Convert.ToString(operation.ConstantValue.Value, CultureInfo.InvariantCulture));
            return true;
        }

        switch (operation)
        {
            case ILocalReferenceOperation local when names.Renamed != null && names.Renamed.TryGetValue(local.Local, out var standsFor):
                text.Append(standsFor);
                return true;
            case ILocalReferenceOperation local:
                text.Append("l:").Append(local.Local.Name).Append('@').Append(DeclarationStart(local.Local));
                return true;
            case IParameterReferenceOperation parameter:
                text.Append("p:").Append(parameter.Parameter.Name).Append('@').Append(parameter.Parameter.ContainingSymbol is { } container ? names.Of(container) : string.Empty);
                return true;
            case IInstanceReferenceOperation:
                text.Append("this");
                return true;
            case IFieldReferenceOperation field:
                return Member(text, "f:", field.Field, field.Instance, depth, names);
            case IPropertyReferenceOperation { Arguments.IsEmpty: true } property:
                return Member(text, "m:", property.Property, property.Instance, depth, names);
            case IPropertyReferenceOperation indexer:
                if (!Member(text, "ix:", indexer.Property, indexer.Instance, depth, names))
                {
                    return false;
                }

                foreach (var argument in indexer.Arguments)
                {
                    text.Append('[');
                    if (!Append(text, argument.Value, depth + 1, names))
                    {
                        return false;
                    }

                    text.Append(']');
                }

                return true;
            case IArrayElementReferenceOperation element:
                if (!Append(text, element.ArrayReference, depth + 1, names))
                {
                    return false;
                }

                foreach (var index in element.Indices)
                {
                    text.Append('[');
                    if (!Append(text, index, depth + 1, names))
                    {
                        return false;
                    }

                    text.Append(']');
                }

                return true;
            case IBinaryOperation { OperatorMethod: null } binary when binary.Type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64:
                text.Append('(');
                if (!Append(text, binary.LeftOperand, depth + 1, names))
                {
                    return false;
                }

                text.Append(' ').Append(binary.OperatorKind).Append(' ');
                if (!Append(text, binary.RightOperand, depth + 1, names))
                {
                    return false;
                }

                text.Append(')');
                return true;
            case IImplicitIndexerReferenceOperation implicitIndexer:
                text.Append("ii:");
                if (!Append(text, implicitIndexer.Instance, depth + 1, names))
                {
                    return false;
                }

                text.Append('[');
                return Append(text, implicitIndexer.Argument, depth + 1, names) && text.Append(']') != null;
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Hat } hat:
                text.Append('^');
                return Append(text, hat.Operand, depth + 1, names);
            default:
                return false;
        }
    }

    private static bool Member(StringBuilder text, string prefix, ISymbol member, IOperation? instance, int depth, Names names)
    {
        text.Append(prefix).Append(names.Of(member.OriginalDefinition)).Append('(');
        if (instance != null && !Append(text, instance, depth + 1, names))
        {
            return false;
        }

        text.Append(')');
        return true;
    }

    private static string DeclarationStart(ILocalSymbol local) =>
        local.DeclaringSyntaxReferences.Length > 0 ? local.DeclaringSyntaxReferences[0].Span.Start.ToString(CultureInfo.InvariantCulture) : "?";

    /// <summary>How symbols are named in keys, and the locals that stand for other storage.</summary>
    private sealed class Names
    {
        private readonly System.Func<ISymbol, string> names;

        public Names(System.Func<ISymbol, string> names, IReadOnlyDictionary<ILocalSymbol, string>? renamed)
        {
            this.names = names;
            Renamed = renamed;
        }

        public IReadOnlyDictionary<ILocalSymbol, string>? Renamed { get; }

        public string Of(ISymbol symbol) => names(symbol);
    }
}
