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
    /// <paramref name="names"/> names a member or a parameter's container, one name per symbol (<see cref="FlowIndex.KeyName"/>);
    /// <paramref name="renamed"/> maps a local (or a lambda's index parameter) to the key read in its place (an element written as <c>e[k] = t[k] - o[k]</c>, read
    /// back as <c>e[i]</c>, is <c>t[i] - o[i]</c>); <paramref name="self"/> is the key <c>this</c> stands for, where a method of another
    /// object is read (<c>n.Slope()</c> with <c>Slope() => Output * (1 - Output)</c> reads <c>n.Output</c>), null for this object.
    /// </summary>
    public static string? Of(IOperation operation, System.Func<ISymbol, string> names, IReadOnlyDictionary<ISymbol, string>? renamed, string? self = null)
    {
        var text = new StringBuilder();
        return Append(text, operation, 0, new Names(names, renamed, self)) ? text.ToString() : null;
    }

    /// <summary>
    /// Appends the key of <paramref name="operation"/> (<see cref="Of"/>) to <paramref name="text"/>, or where it is not plain storage,
    /// a key unique to this one operation, for a value nothing else can be proved equal to: for a caller that builds many keys into
    /// one builder it keeps.
    /// </summary>
    public static void AppendOf(StringBuilder text, IOperation operation, System.Func<ISymbol, string> names, IReadOnlyDictionary<ISymbol, string>? renamed, string? self = null)
    {
        var start = text.Length;
        if (!Append(text, operation, 0, new Names(names, renamed, self)))
        {
            text.Length = start;
            AppendUnique(text, Operations.Strip(operation));
        }
    }

    /// <summary>A symbol's name in keys when it is not declared in source: its full display string, unique per member (overloads differ by their parameters).</summary>
    public static string FullName(ISymbol symbol) => symbol.ToDisplayString();

    private static StringBuilder AppendUnique(StringBuilder text, IOperation operation) =>
        text.Append('#').Append(operation.Kind).Append('@').Append(operation.Syntax.SpanStart).Append(':').Append(operation.Syntax.Span.Length);

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
                text.Append("l:").Append(local.Local.Name).Append('@');
                if (local.Local.DeclaringSyntaxReferences.Length > 0)
                {
                    text.Append(local.Local.DeclaringSyntaxReferences[0].Span.Start); // a number, written alike in every culture
                }
                else
                {
                    text.Append('?');
                }

                return true;
            case IParameterReferenceOperation parameter when names.Renamed != null && names.Renamed.TryGetValue(parameter.Parameter, out var indexFor):
                text.Append(indexFor); // i in t.Select((ti, i) => ti - o[i]) read at an index: that index
                return true;
            case IParameterReferenceOperation parameter:
                text.Append("p:").Append(parameter.Parameter.Name).Append('@').Append(parameter.Parameter.ContainingSymbol is { } container ? names.Of(container) : string.Empty);
                if (names.Self != null)
                {
                    // Read for another object (a value its method stored, Output = σ(input)): that call's argument, not this object's.
                    text.Append('@').Append(names.Self);
                }

                return true;
            case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } when names.Self != null:
                text.Append(names.Self);
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
            case IInvocationOperation { TargetMethod.Name: "ElementAt", Arguments: [var source, var at] } elementAt when Operations.IsEnumerable(elementAt.TargetMethod):
                // neurons.ElementAt(i): the element at i, the same storage each time it is read (as neurons[i] is).
                text.Append("at:");
                if (!Append(text, source.Value, depth + 1, names))
                {
                    return false;
                }

                text.Append('[');
                return Append(text, at.Value, depth + 1, names) && text.Append(']') != null;
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

    /// <summary>How symbols are named in keys, and the locals that stand for other storage.</summary>
    private readonly struct Names
    {
        private readonly System.Func<ISymbol, string> names;

        public Names(System.Func<ISymbol, string> names, IReadOnlyDictionary<ISymbol, string>? renamed, string? self)
        {
            this.names = names;
            Renamed = renamed;
            Self = self;
        }

        public IReadOnlyDictionary<ISymbol, string>? Renamed { get; }

        /// <summary>The key <c>this</c> stands for (null: this object itself).</summary>
        public string? Self { get; }

        public string Of(ISymbol symbol) => names(symbol);
    }
}
