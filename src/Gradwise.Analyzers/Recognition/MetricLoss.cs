using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Gradwise.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Gradwise.Recognition;

/// <summary>
/// A squared error of a sigmoid (softmax) output that is a metric, not the loss the model is trained with: the model's parameters
/// are stepped by the cross-entropy gradient of that output (<c>w[j] -= lr * (p - y) * x[j]</c>, no σ' in the step) and by no σ'
/// delta. A logistic regression that logs its mean squared error each epoch, or a program that scores a model it trains that way,
/// is told nothing false: GW1001's claim (the gradient carries σ') holds of no gradient there.
/// </summary>
internal static class MetricLoss
{
    /// <summary>More types than this read for one loss is more than a model and the code beside it.</summary>
    private const int MaxTypes = 3;

    /// <summary>
    /// True where <paramref name="loss"/>, whose prediction flow finds to be <paramref name="output"/>, is a metric: the method it is
    /// written in steps parameters by the cross-entropy gradient of the same error, or the methods of the types around it (the type
    /// the loss is written in, the type of the method or property the prediction is read from, the type the sigmoid or softmax is
    /// applied in) step them by the cross-entropy gradient of the same output; and no step in any of them is a σ' delta.
    /// </summary>
    public static bool IsMetric(SquaredErrorLoss loss, IOperation prediction, ActivationFact output, ActivationFlow flow, SquaredErrorRecognizer sites, HeldValues? values, CancellationToken ct)
    {
        var root = Operations.Root(loss.Site);
        var found = sites.StepsIn(root, loss.Site, (left, right) => SquaredErrorRecognizer.SameError(left, right, loss), values, ct);
        if (found == ParameterSteps.Derivative)
        {
            return false;
        }

        // A σ' delta in another method outweighs a cross-entropy-like step beside the loss (a hidden error err[k] * w[j][k] summed
        // into an array there, the σ' step in an UpdateWeights of its own).
        var lossMethod = root.SemanticModel?.GetDeclaredSymbol(root.Syntax, ct) as IMethodSymbol;
        foreach (var type in ModelTypes(lossMethod, prediction, output, flow.Index, ct))
        {
            foreach (var body in Bodies(type, lossMethod, flow.Index, ct))
            {
                switch (sites.StepsIn(body, null, (left, right) => Same(left) || Same(right), values, ct))
                {
                    case ParameterSteps.Derivative:
                        return false; // trained by the squared-error gradient through the activation here
                    case ParameterSteps.CrossEntropy:
                        found = ParameterSteps.CrossEntropy;
                        break;
                }
            }
        }

        return found == ParameterSteps.CrossEntropy;

        // A side of a step's error is the loss's output where flow finds the same activation there.
        bool Same(IOperation side) =>
            flow.Of(side, output.Kind, ct) is { } fact && fact.Source.Location.Equals(output.Source.Location);
    }

    /// <summary>The source types a loss's model is in: the loss's own, the prediction's method's or property's, the one the activation is applied in.</summary>
    private static List<INamedTypeSymbol> ModelTypes(IMethodSymbol? lossMethod, IOperation prediction, ActivationFact output, FlowIndex index, CancellationToken ct)
    {
        var types = new List<INamedTypeSymbol>();
        Add(lossMethod?.ContainingType);
        Add(ReadFrom(prediction, index, ct));
        Add(TypeAround(output.Source.Location, index, ct));
        return types;

        void Add(INamedTypeSymbol? type)
        {
            if (type is { DeclaringSyntaxReferences.Length: > 0 } && types.Count < MaxTypes && !types.Contains(type, SymbolEqualityComparer.Default))
            {
                types.Add(type);
            }
        }
    }

    /// <summary>The type whose member holds <paramref name="location"/> (where flow found the activation), read with its file's model.</summary>
    private static INamedTypeSymbol? TypeAround(Location location, FlowIndex index, CancellationToken ct)
    {
        if (location.SourceTree is not { } tree)
        {
            return null;
        }

        var node = tree.GetRoot(ct).FindNode(location.SourceSpan, getInnermostNodeForTie: true);
        return TreeCandidates.Owner(node) is { } owner && index.FactsOf(owner, ct).Root?.SemanticModel is { } model
            && node.FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } type
            ? model.GetDeclaredSymbol(type, ct)
            : null;
    }

    /// <summary>
    /// The type of the method or property a prediction is the value of: <c>model.Predict(x)</c>, <c>net.Output</c>, through a local's one
    /// definition (<c>var p = model.Predict(x)</c>) and an element of one (<c>preds[i]</c> of <c>var preds = model.PredictAll(xs)</c>).
    /// </summary>
    private static INamedTypeSymbol? ReadFrom(IOperation prediction, FlowIndex index, CancellationToken ct)
    {
        var value = Operations.Strip(prediction);
        for (var step = 0; step < 3; step++)
        {
            switch (value)
            {
                case IInvocationOperation call:
                    return call.TargetMethod.ContainingType;
                case IPropertyReferenceOperation { Property.IsIndexer: false } property:
                    return property.Property.ContainingType;
                case IArrayElementReferenceOperation element:
                    value = Operations.Strip(Operations.ElementRoot(element));
                    break;
                case ILocalReferenceOperation local when index.SingleDefinition(local, ct) is { } definition:
                    value = Operations.Strip(definition);
                    break;
                default:
                    return null;
            }
        }

        return null;
    }

    /// <summary>The operation trees of the ordinary methods of <paramref name="type"/> with a body, but <paramref name="except"/>.</summary>
    private static IEnumerable<IOperation> Bodies(INamedTypeSymbol type, IMethodSymbol? except, FlowIndex index, CancellationToken ct)
    {
        foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
        {
            if (method.MethodKind != MethodKind.Ordinary || SymbolEqualityComparer.Default.Equals(method, except))
            {
                continue;
            }

            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(ct) is BaseMethodDeclarationSyntax declaration && index.FactsOf(declaration, ct).Root is { } body)
                {
                    yield return body;
                }
            }
        }
    }
}
