using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Gradwise.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Gradwise.Recognition;

/// <summary>A learner of a linear model in the tables: its penalty property (null: it has none) and that property's default.</summary>
internal sealed record AccordLearner(string? PenaltyProperty, double Default);

/// <summary>An Accord.NET learner run with no penalty on the output of a sparse featurizer.</summary>
internal sealed record AccordSite(IOperation Learner, string Name, string Penalty, IOperation Featurizer, string Description);

/// <summary>
/// Accord.NET as data (the package is not served here; the names are those of Accord.NET 3.8): learners of logistic and
/// linear models, their penalty and its default, and the featurizers whose vectors are bags of words. A learner's
/// <c>Learn</c>/<c>Run</c> given vectors that a featurizer's <c>Transform</c> made (through locals, fields, LINQ), with the
/// penalty zero (written, or a learner that has none), is GW2001.
/// </summary>
internal static class AccordLearners
{
    /// <summary>Learners by namespace-qualified name (generic arity ignored).</summary>
    public static readonly Dictionary<string, AccordLearner> Learners = new()
    {
        // IRLS adds Regularization·w to the gradient; its default, 1e-10, keeps the Hessian invertible, and only an explicit zero turns it off.
        ["Accord.Statistics.Models.Regression.Fitting.IterativeReweightedLeastSquares"] = new("Regularization", 1e-10),
        ["Accord.Statistics.Models.Regression.Fitting.LogisticGradientDescent"] = new(null, 0),
        ["Accord.Statistics.Models.Regression.Fitting.LowerBoundNewtonRaphson"] = new(null, 0),
    };

    /// <summary>Featurizers whose <c>Transform</c> makes one slot per word of a learned vocabulary.</summary>
    public static readonly HashSet<string> Featurizers = new()
    {
        "Accord.MachineLearning.BagOfWords",
        "Accord.MachineLearning.TFIDF",
    };

    /// <summary>The methods that train a learner.</summary>
    public static readonly HashSet<string> LearnMethods = new() { "Learn", "Run" };

    /// <summary>True when the compilation references Accord.NET's learners.</summary>
    public static bool IsReferenced(Compilation compilation) =>
        LibraryApis.HasType(compilation, "Accord.MachineLearning.BagOfWords", "Accord") || LibraryApis.HasType(compilation, "Accord.MachineLearning.TFIDF", "Accord");

    private static string Name(ITypeSymbol? type) => type is null ? string.Empty : (type.ContainingNamespace?.ToDisplayString() ?? string.Empty) + "." + type.Name;

    /// <summary>The site this call is, or null.</summary>
    public static AccordSite? Site(IInvocationOperation call, FlowIndex index, CancellationToken cancellationToken)
    {
        if (!LearnMethods.Contains(call.TargetMethod.Name) || call.Instance is not { } instance || call.Arguments.Length == 0
            || !Learners.TryGetValue(Name(instance.Type), out var learner))
        {
            return null;
        }

        var creation = Operations.Strip(instance) is ILocalReferenceOperation local && index.SingleDefinition(local, cancellationToken) is { } definition
            && Operations.Strip(definition) is IObjectCreationOperation created ? created : null;
        string penalty;
        if (learner.PenaltyProperty is { } property)
        {
            var written = Written(instance, creation, property);
            if (written is null)
            {
                return null; // the default, or a value not known here
            }

            if (Operations.Number(written) is not 0.0)
            {
                return null;
            }

            penalty = property + " = 0";
        }
        else
        {
            penalty = "it has no penalty";
        }

        if (Featurizer(call.Arguments[0].Value, index, cancellationToken) is not { } featurizer)
        {
            return null;
        }

        var type = Operations.Strip(instance).Type!;
        return new AccordSite((IOperation?)creation ?? call, type.Name, penalty, featurizer, Describe(featurizer));
    }

    /// <summary>The value last written to the learner's penalty: in its initializer, or assigned to the local in the same body.</summary>
    private static IOperation? Written(IOperation instance, IObjectCreationOperation? creation, string property)
    {
        IOperation? value = creation?.Initializer?.Initializers.OfType<ISimpleAssignmentOperation>()
            .LastOrDefault(a => a.Target is IPropertyReferenceOperation p && p.Property.Name == property)?.Value;
        if (Operations.Strip(instance) is ILocalReferenceOperation local)
        {
            foreach (var assignment in Operations.Root(instance).Descendants().OfType<ISimpleAssignmentOperation>())
            {
                if (assignment.Target is IPropertyReferenceOperation { Instance: ILocalReferenceOperation target } p && p.Property.Name == property
                    && SymbolEqualityComparer.Default.Equals(target.Local, local.Local) && assignment.Syntax.SpanStart < instance.Syntax.SpanStart)
                {
                    value = assignment.Value;
                }
            }
        }

        return value;
    }

    /// <summary>The featurizer's <c>Transform</c> call that made the inputs, through locals, fields and LINQ around it.</summary>
    private static IInvocationOperation? Featurizer(IOperation inputs, FlowIndex index, CancellationToken cancellationToken)
    {
        var pending = new Stack<(IOperation, int)>();
        pending.Push((inputs, 0));
        var seen = new HashSet<IOperation>();
        while (pending.Count > 0)
        {
            var (value, depth) = pending.Pop();
            if (depth > 4 || !seen.Add(value))
            {
                continue;
            }

            foreach (var operation in value.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IInvocationOperation { TargetMethod.Name: "Transform", Instance: { } featurizer } transform when Featurizers.Contains(Name(featurizer.Type)):
                        return transform;
                    case ILocalReferenceOperation local:
                        foreach (var definition in index.Reaching(local, cancellationToken))
                        {
                            pending.Push((definition, depth + 1));
                        }

                        break;
                    case IFieldReferenceOperation or IPropertyReferenceOperation when Operations.ReferencedSymbol(operation) is { } member && member.DeclaringSyntaxReferences.Length > 0:
                        foreach (var write in index.WritesTo(member, operation, cancellationToken).Take(8))
                        {
                            pending.Push((write.Value, depth + 1));
                        }

                        break;
                }
            }
        }

        return null;
    }

    private static string Describe(IInvocationOperation transform) => Operations.Strip(transform.Instance!).Type!.Name + " ('" + Quote.Of(transform) + "')";
}
