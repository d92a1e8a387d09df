using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Gradwise.Flow;

/// <summary>One value stored into a symbol: <c>f = v</c>, <c>a[i] = v</c>, <c>list.Add(v)</c>, <c>Array.Copy(src, a, n)</c>.</summary>
/// <param name="Target">The field, property, local or parameter written (original definitions).</param>
/// <param name="IntoElements">True for a write into an element (<c>a[i] = v</c>), false for the whole value.</param>
/// <param name="Value">What is written: the element, the whole value, or for <paramref name="ValueIsElements"/> an array whose elements are copied.</param>
/// <param name="ValueIsElements">True when the elements of <paramref name="Value"/> are what is written (a copy).</param>
/// <param name="Site">The write itself, for evidence.</param>
internal sealed record Write(ISymbol Target, bool IntoElements, IOperation Value, bool ValueIsElements, IOperation Site);

/// <summary>A value passed to a method or constructor at one parameter.</summary>
internal sealed record Argument(IMethodSymbol Method, int Ordinal, IOperation Value);

/// <summary>The object a call of an instance method of yours that passes nothing runs on (<c>last</c> of <c>last.BackPropOutput()</c>).</summary>
internal sealed record CallReceiver(IMethodSymbol Method, IOperation Receiver);

/// <summary>
/// A collection held in a field or property handed to a method of yours to fill (<c>Activate(z, Outputs)</c>): the method's stores
/// into <paramref name="Parameter"/>'s elements are stores into the member's.
/// </summary>
internal sealed record Handed(ISymbol Target, IParameterSymbol Parameter, IOperation Site);

/// <summary>What one member body or initializer does, read once from its operation tree.</summary>
internal sealed class MemberFacts
{
    public static readonly MemberFacts Empty = new(null);

    private MemberFacts(IOperation? root)
    {
        Root = root;
    }

    /// <summary>The operation tree (null when the member has none yet, as while typing).</summary>
    public IOperation? Root { get; }

    public List<Write> Writes { get; } = new();

    public List<Argument> Arguments { get; } = new();

    /// <summary>The receivers of the calls of instance methods with source that pass no argument (those that pass one are in <see cref="Arguments"/>).</summary>
    public List<CallReceiver> Receivers { get; } = new();

    /// <summary>Collections of fields and properties handed to methods with source (each may fill them).</summary>
    public List<Handed> Handed { get; } = new();

    /// <summary>Values returned from the body itself (not from lambdas or local functions inside it).</summary>
    public List<IOperation> Returns { get; } = new();

    public static MemberFacts Read(IOperation root)
    {
        var facts = new MemberFacts(root);
        foreach (var operation in root.DescendantsAndSelf())
        {
            switch (operation)
            {
                case ISimpleAssignmentOperation assignment:
                    facts.AddWrite(assignment.Target, assignment.Value, false, assignment);
                    break;
                case ICompoundAssignmentOperation compound:
                    facts.AddWrite(compound.Target, compound, false, compound);
                    break;
                case ICoalesceAssignmentOperation coalesce:
                    facts.AddWrite(coalesce.Target, coalesce.Value, false, coalesce);
                    break;
                case IIncrementOrDecrementOperation step:
                    facts.AddWrite(step.Target, step, false, step);
                    break;
                case IDeconstructionAssignmentOperation deconstruction:
                    facts.AddDeconstructed(deconstruction.Target, deconstruction.Value, deconstruction);
                    break;
                case IFieldInitializerOperation fieldInitializer:
                    foreach (var field in fieldInitializer.InitializedFields)
                    {
                        facts.Writes.Add(new Write(field.OriginalDefinition, false, fieldInitializer.Value, false, fieldInitializer));
                    }

                    break;
                case IPropertyInitializerOperation propertyInitializer:
                    foreach (var property in propertyInitializer.InitializedProperties)
                    {
                        facts.Writes.Add(new Write(property.OriginalDefinition, false, propertyInitializer.Value, false, propertyInitializer));
                    }

                    break;
                case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                    facts.Writes.Add(new Write(declarator.Symbol, false, initializer.Value, false, declarator));
                    break;
                case IReturnOperation { ReturnedValue: { } returned } when !Operations.IsInsideFunction(operation, root):
                    facts.Returns.Add(returned);
                    break;
                case IObjectCreationOperation { Constructor: { } constructor } creation:
                    facts.AddArguments(constructor, creation.Arguments);
                    break;
                case IInvocationOperation invocation:
                    facts.AddArguments(invocation.TargetMethod, invocation.Arguments);
                    if (invocation is { Arguments.IsEmpty: true, Instance: { } receiver, TargetMethod: { IsStatic: false, DeclaringSyntaxReferences.IsEmpty: false } called })
                    {
                        facts.Receivers.Add(new CallReceiver(called.OriginalDefinition, receiver));
                    }

                    facts.AddCollectionWrite(invocation);
                    facts.AddHanded(invocation);
                    break;
            }
        }

        return facts;
    }

    private void AddWrite(IOperation target, IOperation value, bool valueIsElements, IOperation site)
    {
        var stripped = Operations.Strip(target);
        switch (stripped)
        {
            case IArrayElementReferenceOperation element when Operations.ReferencedSymbol(RootCollection(element.ArrayReference)) is { } array:
                Writes.Add(new Write(array, true, value, valueIsElements, site)); // a[i][j] = v writes the elements of a's rows: one may-fact for all
                break;
            case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } list } when Operations.ReferencedSymbol(list) is { } collection:
                Writes.Add(new Write(collection, true, value, valueIsElements, site));
                break;
            default:
                if (Operations.ReferencedSymbol(stripped) is { } symbol)
                {
                    Writes.Add(new Write(symbol, false, value, valueIsElements, site));
                }

                break;
        }
    }

    /// <summary>
    /// The members and elements a deconstruction writes (<c>(Sum, Output) = (z, σ(z))</c>, <c>(Z, A) = Activate(z)</c>): each gets the
    /// element of the value at its place, where the value is a tuple literal that far; elsewhere the written target itself stands
    /// for it, which flow reads as that element of the value (<see cref="Operations.TupleElementOf"/>). Locals are followed by their
    /// definitions (<see cref="LocalDefinitions"/>).
    /// </summary>
    private void AddDeconstructed(IOperation target, IOperation? value, IOperation site)
    {
        switch (target)
        {
            case ITupleOperation tuple:
                var literal = value is null ? null : Operations.Strip(value) as ITupleOperation;
                for (var i = 0; i < tuple.Elements.Length; i++)
                {
                    AddDeconstructed(tuple.Elements[i], literal != null && i < literal.Elements.Length ? literal.Elements[i] : null, site);
                }

                break;
            case IFieldReferenceOperation or IPropertyReferenceOperation or IArrayElementReferenceOperation:
                AddWrite(target, value ?? target, false, site);
                break;
        }
    }

    private void AddArguments(IMethodSymbol method, System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter != null)
            {
                // A params array in expanded form is the implicit array the call makes of its arguments: what the parameter holds.
                Arguments.Add(new Argument(method.OriginalDefinition, argument.Parameter.Ordinal, argument.Value));
            }
        }
    }

    /// <summary><c>Activate(z, Outputs)</c>: an array or list of a field or property handed by value to a method of yours.</summary>
    private void AddHanded(IInvocationOperation invocation)
    {
        if (invocation.TargetMethod.DeclaringSyntaxReferences.Length == 0)
        {
            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { RefKind: RefKind.None } parameter && argument.ArgumentKind == ArgumentKind.Explicit
                && Operations.Strip(argument.Value) is IFieldReferenceOperation or IPropertyReferenceOperation { Arguments.IsEmpty: true }
                && Operations.IsCollectionType(argument.Value.Type) && Operations.ReferencedSymbol(argument.Value) is { } member)
            {
                Handed.Add(new Handed(member, parameter.OriginalDefinition, invocation));
            }
        }
    }

    /// <summary>Shared with <see cref="TreeCandidates"/>: an argument its syntax index must name as a possible filler's.</summary>
    public static bool MayFill(Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax argument) =>
        argument.RefKindKeyword.RawKind == 0 && argument.Parent?.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax;

    /// <summary><c>list.Add(v)</c> and its kin: the receiver gets an element. Shared with <see cref="TreeCandidates"/>, whose syntax index must name the same writes.</summary>
    public static bool AddsAnElement(string? method) => method is "Add" or "Insert" or "Push" or "Enqueue";

    /// <summary><c>Array.Copy(src, dst, n)</c>, <c>Array.ConstrainedCopy(src, i, dst, j, n)</c>: the destination gets the source's elements.</summary>
    public static bool CopiesAnArray(string? method) => method is "Copy" or "ConstrainedCopy";

    /// <summary><c>src.CopyTo(dst)</c>: the first argument gets the receiver's elements.</summary>
    public static bool CopiesInto(string? method) => method is "CopyTo";

    /// <summary>list.Add(v) writes an element; Array.Copy(src, dst, n) and src.CopyTo(dst, i) write dst's elements from src's.</summary>
    private void AddCollectionWrite(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var args = invocation.Arguments;
        if (AddsAnElement(method.Name) && invocation.Instance != null && args.Length >= 1)
        {
            AddElementWrite(invocation.Instance, args[args.Length - 1].Value, false, invocation);
        }
        else if (CopiesAnArray(method.Name) && method.IsStatic && method.ContainingType?.SpecialType == SpecialType.System_Array && args.Length >= 2)
        {
            var destination = args.Length >= 4 ? args[2].Value : args[1].Value;
            AddElementWrite(destination, args[0].Value, true, invocation);
        }
        else if (CopiesInto(method.Name) && invocation.Instance != null && args.Length >= 1)
        {
            AddElementWrite(args[0].Value, invocation.Instance, true, invocation);
        }
        else if (FillsDestination(method.Name) is int destination && args.Length == destination + 1 && Frontend.TensorApi.IsTensorPrimitives(method.ContainingType))
        {
            // TensorPrimitives.Sigmoid(z, o): each element of o is what the call makes of z's (flow reads the call as the library's activation).
            AddElementWrite(Operations.SpanOf(args[destination].Value), invocation, false, invocation);
        }
    }

    /// <summary>
    /// <c>TensorPrimitives.Sigmoid(x, destination)</c> and its kin: the ordinal of the destination span an element-by-element operation of
    /// that name fills, or null. Shared with <see cref="TreeCandidates"/>, whose syntax index must name the same writes.
    /// </summary>
    public static int? FillsDestination(string? method) => method is null ? null : Frontend.TensorApi.InputsOf(method);

    /// <summary>The collection under nested element accesses: <c>a</c> of <c>a[i][j]</c> or <c>rows[i][j]</c> (itself for any other operation).</summary>
    public static IOperation RootCollection(IOperation collection)
    {
        var current = Operations.Strip(collection);
        while (true)
        {
            switch (current)
            {
                case IArrayElementReferenceOperation inner:
                    current = Operations.Strip(inner.ArrayReference);
                    continue;
                case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } list }:
                    current = Operations.Strip(list);
                    continue;
                default:
                    return current;
            }
        }
    }

    private void AddElementWrite(IOperation collection, IOperation value, bool valueIsElements, IOperation site)
    {
        if (Operations.ReferencedSymbol(collection) is { } symbol)
        {
            Writes.Add(new Write(symbol, true, value, valueIsElements, site));
        }
    }
}
