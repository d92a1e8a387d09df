using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Gradwise.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Gradwise.Recognition;

/// <summary>
/// What the objects handed to a hand-rolled model or trainer compute, read from their types' bodies rather than their names:
/// a loss object whose type has a squared-error method (a <c>MeanSquaredError</c> or <c>QuadraticCost</c> class by any name),
/// a layer or activation object whose type returns a sigmoid (or a softmax) of what it is given, delegates to such methods, and
/// the builder enums of <see cref="LibraryApis"/>. One per compilation; each type is read once.
/// </summary>
internal sealed class ModelParts
{
    private const int MaxArgumentDepth = 3;
    private readonly ActivationFlow flow;
    private readonly SquaredErrorRecognizer sites;
    private readonly ConcurrentDictionary<ITypeSymbol, bool> lossTypes = SharedTable.Create<ITypeSymbol, bool>(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<(ISymbol Symbol, Activation Kind), bool> outputs = SharedTable.Create<(ISymbol Symbol, Activation Kind), bool>(new SymbolAndKind());

    public ModelParts(ActivationFlow flow, SquaredErrorRecognizer sites)
    {
        this.flow = flow;
        this.sites = sites;
    }

    /// <summary>
    /// The softmax or sigmoid of the last layer of a collection of layers that flow follows (a list a method builds and returns, a
    /// field or parameter filled elsewhere): every layer object flow places as the last element must be one.
    /// </summary>
    public ActivationFact? OutputOfLastElement(IOperation collection, CancellationToken ct)
    {
        var layers = flow.LastElementValuesOf(collection, ct);
        ActivationFact? first = null;
        foreach (var layer in layers ?? (IEnumerable<IOperation>)System.Array.Empty<IOperation>())
        {
            // A layer made in a loop whose kind is chosen by the index (i == n - 1 ? Kind.Sigmoid : Kind.Relu): the last one takes the branch for n - 1.
            if (Operations.Strip(layer) is not IObjectCreationOperation || OutputIn(layer, ct, LastIteration.NotTaken(layer)) is not { } output)
            {
                return null;
            }

            first ??= output;
        }

        return first;
    }

    /// <summary>True when one of <paramref name="arguments"/> is a squared-error loss (<see cref="IsSquaredErrorLoss"/>); asked of every call and creation, so no delegate is made for it.</summary>
    public bool AnySquaredErrorLoss(ImmutableArray<IArgumentOperation> arguments, CancellationToken ct)
    {
        foreach (var argument in arguments)
        {
            if (IsSquaredErrorLoss(argument.Value, ct))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True for a squared-error loss handed to a model: a loss enum member or name (<c>loss: "mean_squared_error"</c>), an object of a type with a squared-error method
    /// (Σ(p[k] − t[k])², (p − t)² of two parameters), or a delegate to such a method (<c>net.Use(Mse, MsePrime)</c>).
    /// </summary>
    public bool IsSquaredErrorLoss(IOperation value, CancellationToken ct) => Operations.Strip(value) switch
    {
        { ConstantValue: { HasValue: true, Value: string name } } constant => LibraryApis.SquaredErrorLossNames.Contains(name) && ParameterSays(constant, "loss", "cost", "error"),
        IFieldReferenceOperation field => LibraryApis.IsEnumMember(field.Field, LibraryApis.SquaredErrorLossEnums),
        IInvocationOperation factory => LibraryApis.SquaredErrorLossFactories.Contains(LibraryApis.Key(factory.TargetMethod)), // keras.losses.MeanSquaredError()
        IObjectCreationOperation { Type: INamedTypeSymbol type } when LibraryApis.IsType(type, LibraryApis.SquaredErrorLossTypes) => true,
        IObjectCreationOperation { Type: INamedTypeSymbol type } => lossTypes.GetOrAdd(type.OriginalDefinition, t => HasSquaredErrorMethod((INamedTypeSymbol)t, ct)),
        IDelegateCreationOperation { Target: IMethodReferenceOperation reference } => sites.IsSquaredErrorMethod(reference.Method, ct),
        _ => false,
    };

    /// <summary>
    /// Where a layer handed to a model is made a softmax or a sigmoid one: an activation enum member or name (<c>activation: "sigmoid"</c>)
    /// anywhere in what is handed,
    /// an object of a type that computes one of its input (<c>new SigmoidLayer()</c>, or <c>new Dense(4, 1, new Sigmoid())</c> at
    /// any depth of the arguments, through a local defined once) or of a library's sigmoid type, or a delegate to one (<c>new ActivationLayer(Sigmoid, SigmoidPrime)</c>). Null otherwise.
    /// </summary>
    /// <param name="value">What is handed.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="notTaken">Branches of <paramref name="value"/> known not to be taken (<see cref="LastIteration.NotTaken"/>), whose names do not count.</param>
    public ActivationFact? OutputIn(IOperation value, CancellationToken ct, IReadOnlyCollection<IOperation>? notTaken = null) =>
        OutputIn(value, Activation.Softmax, notTaken, ct) ?? OutputIn(value, Activation.Sigmoid, notTaken, ct);

    private static bool Within(IOperation operation, IOperation branch)
    {
        for (IOperation? at = operation; at != null; at = at.Parent)
        {
            if (ReferenceEquals(at, branch))
            {
                return true;
            }
        }

        return false;
    }

    private ActivationFact? OutputIn(IOperation value, Activation kind, IReadOnlyCollection<IOperation>? notTaken, CancellationToken ct)
    {
        var table = kind == Activation.Softmax ? LibraryApis.SoftmaxActivationEnums : LibraryApis.SigmoidActivationEnums;
        var names = kind == Activation.Softmax ? LibraryApis.SoftmaxActivationNames : LibraryApis.SigmoidActivationNames;
        var named = value.DescendantsAndSelf().Where(o => notTaken is not { Count: > 0 } || !notTaken.Any(branch => Within(o, branch))).FirstOrDefault(o => o switch
        {
            IFieldReferenceOperation field when field.Field.ContainingType?.TypeKind == TypeKind.Enum => LibraryApis.IsEnumMember(field.Field, table),
            { ConstantValue: { HasValue: true, Value: string name } } constant => names.Contains(name) && ParameterSays(constant, "act"), // activation: "sigmoid"
            IMemberReferenceOperation member => LibraryApis.IsActivationMember(member.Member, kind == Activation.Softmax ? "Softmax" : "Sigmoid"), // keras.activations.Sigmoid
            _ => false,
        });
        return named is not null ? ActivationFact.At(kind, named, kind == Activation.Softmax ? "softmax layer" : "sigmoid layer") : Made(value, 0);

        ActivationFact? Made(IOperation operation, int depth)
        {
            switch (Operations.Strip(operation))
            {
                case IObjectCreationOperation { Type: INamedTypeSymbol type } creation:
                    if (kind == Activation.Sigmoid && LibraryApis.IsType(type, LibraryApis.SigmoidActivationTypes))
                    {
                        return ActivationFact.At(kind, creation, type.Name); // a library's sigmoid object (Encog's ActivationSigmoid)
                    }

                    if (outputs.GetOrAdd((type.OriginalDefinition, kind), key => Computes((INamedTypeSymbol)key.Symbol, key.Kind, ct)))
                    {
                        return ActivationFact.At(kind, creation, type.Name);
                    }

                    return depth < MaxArgumentDepth ? creation.Arguments.Select(a => Made(a.Value, depth + 1)).FirstOrDefault(f => f != null) : null;
                case ILocalReferenceOperation local when depth < MaxArgumentDepth && flow.Index.SingleDefinition(local, ct) is { } definition:
                    return Made(definition, depth + 1); // var sigmoid = new ActivationSigmoid(); net.AddLayer(new BasicLayer(sigmoid, true, 1))
                case IDelegateCreationOperation { Target: IMethodReferenceOperation reference } when Returns(reference.Method, kind, ct):
                    return ActivationFact.At(kind, reference, reference.Method.Name);
                case IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }
                    when lambda.Body.Operations is [IReturnOperation { ReturnedValue: { } returned }] && flow.Of(returned, kind, ct) != null:
                    return ActivationFact.At(kind, lambda, "lambda");
                default:
                    return null;
            }
        }
    }

    /// <summary>
    /// True when the argument <paramref name="value"/> is passed as has a parameter whose name contains one of <paramref name="words"/>
    /// (<c>loss: "mse"</c>, <c>activation: "sigmoid"</c>, Keras.NET's <c>Activation(string act)</c>): a name in a string counts only
    /// where the API asks for that kind of name, not in <c>names.Add("sigmoid")</c>.
    /// </summary>
    internal static bool ParameterSays(IOperation value, params string[] words)
    {
        var current = value;
        while (current.Parent is IConversionOperation or IParenthesizedOperation)
        {
            current = current.Parent;
        }

        return current.Parent is IArgumentOperation { Parameter.Name: { } parameter }
            && words.Any(w => parameter.IndexOf(w, System.StringComparison.OrdinalIgnoreCase) >= 0);
    }

    private bool HasSquaredErrorMethod(INamedTypeSymbol type, CancellationToken ct) =>
        type.DeclaringSyntaxReferences.Length > 0
        && type.GetMembers().OfType<IMethodSymbol>().Any(m => m.MethodKind == MethodKind.Ordinary && m.Parameters.Length >= 2 && sites.IsSquaredErrorMethod(m, ct));

    /// <summary>
    /// True for a type in source whose public method returns a sigmoid (softmax) of what it is given (its value, or the elements
    /// of the array it returns), and whose behaviour is not chosen by what it is handed: a type that takes an enum, a delegate or an
    /// interface in its constructor or a settable member is configured per object, and is read through its arguments instead.
    /// </summary>
    private bool Computes(INamedTypeSymbol type, Activation kind, CancellationToken ct)
    {
        if (type.DeclaringSyntaxReferences.Length == 0 || type.IsAbstract || type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return false;
        }

        var configured = type.InstanceConstructors.SelectMany(c => c.Parameters).Select(p => p.Type)
            .Concat(type.GetMembers().OfType<IPropertySymbol>().Where(p => p.SetMethod is { DeclaredAccessibility: Accessibility.Public }).Select(p => p.Type))
            .Concat(type.GetMembers().OfType<IFieldSymbol>().Where(f => f.DeclaredAccessibility == Accessibility.Public && !f.IsReadOnly && !f.IsConst).Select(f => f.Type));
        if (configured.Any(IsChoice))
        {
            return false;
        }

        return type.GetMembers().OfType<IMethodSymbol>().Any(m => m is { MethodKind: MethodKind.Ordinary, IsStatic: false, DeclaredAccessibility: Accessibility.Public, Parameters.Length: > 0 }
            && Returns(m, kind, ct));

        static bool IsChoice(ITypeSymbol t) => t.TypeKind is TypeKind.Enum or TypeKind.Delegate or TypeKind.Interface || t.IsAbstract && t.TypeKind == TypeKind.Class;
    }

    /// <summary>True for a method whose one returned value is a sigmoid (softmax) output, or an array of them.</summary>
    private bool Returns(IMethodSymbol method, Activation kind, CancellationToken ct) => outputs.GetOrAdd((method.OriginalDefinition, kind), key =>
        key.Symbol.DeclaringSyntaxReferences.Length > 0 && flow.Index.SingleReturn((IMethodSymbol)key.Symbol, ct) is { } returned
        && (flow.Of(returned, key.Kind, ct) != null || (returned.Type is IArrayTypeSymbol && flow.ElementsOf(returned, key.Kind, ct) != null)));

    private sealed class SymbolAndKind : System.Collections.Generic.IEqualityComparer<(ISymbol Symbol, Activation Kind)>
    {
        public bool Equals((ISymbol Symbol, Activation Kind) x, (ISymbol Symbol, Activation Kind) y) =>
            x.Kind == y.Kind && SymbolEqualityComparer.Default.Equals(x.Symbol, y.Symbol);

        public int GetHashCode((ISymbol Symbol, Activation Kind) obj) => (SymbolEqualityComparer.Default.GetHashCode(obj.Symbol) * 31) + (int)obj.Kind;
    }
}
