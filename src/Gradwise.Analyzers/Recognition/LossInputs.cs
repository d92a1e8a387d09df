using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Gradwise.Flow;
using Gradwise.Frontend;
using Gradwise.Symbolic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Gradwise.Recognition;

/// <summary>What was given to a loss that expects something else.</summary>
internal enum GivenInput
{
    /// <summary>A sigmoid output.</summary>
    Sigmoid,

    /// <summary>A softmax output.</summary>
    Softmax,

    /// <summary>Raw scores from a linear layer.</summary>
    Logits,
}

/// <summary>
/// A loss given the wrong kind of input.
/// </summary>
/// <param name="Site">The loss call (a function, or a criterion module's call/forward).</param>
/// <param name="Input">The input argument.</param>
/// <param name="Expected">What the loss expects.</param>
/// <param name="Given">What it is given.</param>
/// <param name="Source">Where the given input was made (the activation or the linear layer).</param>
/// <param name="Criterion">Where the criterion module was created, for a module call.</param>
internal sealed record LossInputMismatch(IInvocationOperation Site, IOperation Input, LossInput Expected, GivenInput Given, Location Source, IOperation? Criterion);

/// <summary>A change that gives a loss what it expects (<see cref="LossInputs.Change"/>).</summary>
/// <param name="Repair">What the change does.</param>
/// <param name="Input">The activation and its input, for a repair of the input argument.</param>
/// <param name="Function">The function to call instead, for <see cref="Rules.LossInputRepair.CallOnScores"/>.</param>
internal sealed record LossInputChange(Rules.LossInputRepair Repair, ActivationInput? Input, string? Function);

/// <summary>
/// Losses fed the wrong side of the activation, read from the tables in <see cref="LibraryApis"/>: a loss that applies
/// the sigmoid or softmax itself given a sigmoid or softmax output (applied twice), a loss that expects log-probabilities
/// given probabilities or logits, and a loss that expects probabilities given raw logits.
/// </summary>
internal static class LossInputs
{
    /// <summary>Per method, the ordinal of the parameter a hand-written loss takes logits in (-1 for a method that is not such a loss).</summary>
    internal sealed class Cache
    {
        public ConcurrentDictionary<IMethodSymbol, int> LogitParameter { get; } = new(SymbolEqualityComparer.Default);
    }

    /// <summary>
    /// A call of a hand-written binary cross-entropy on the logit, <c>L(z, y)</c> with ∂L/∂z = σ(z) − y (softplus(z) − y·z, y·softplus(−z) +
    /// (1 − y)·softplus(z), log(1 + e^z) − y·z, ...), decided by differentiating its body, given a sigmoid output for z.
    /// </summary>
    public static LossInputMismatch? HandWritten(IInvocationOperation call, ActivationFlow flow, Cache cache, CancellationToken ct)
    {
        var method = call.TargetMethod.OriginalDefinition;
        if (method.DeclaringSyntaxReferences.Length == 0 || method.Parameters.Count(p => MathApi.IsReal(p.Type)) < 2 || !MathApi.IsReal(method.ReturnType))
        {
            return null;
        }

        var ordinal = cache.LogitParameter.GetOrAdd(method, m => LogitParameter(m, flow.Index, ct));
        if (ordinal < 0 || Operations.ArgumentAt(call.Arguments, ordinal) is not { } input)
        {
            return null;
        }

        return flow.Of(input, Activation.Sigmoid, ct) is { } fact
            ? new LossInputMismatch(call, input, LossInput.Logits, GivenInput.Sigmoid, fact.Source.Location, null)
            : null;
    }

    private static int LogitParameter(IMethodSymbol method, FlowIndex index, CancellationToken ct)
    {
        // Syntax first: a loss on the logit has an exponential, a log or a softplus in its body.
        if (!method.DeclaringSyntaxReferences.Any(r => r.GetSyntax(ct).DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.SimpleNameSyntax>()
                .Any(n => n.Identifier.ValueText is "Exp" or "Log" or "Softplus" or "LogP1" or "Log1p"))
            || index.SingleReturn(method, ct) is not { } returned)
        {
            return -1;
        }

        var reader = new TolerantMathReader(index, ct);
        var reals = method.Parameters.Where(p => MathApi.IsReal(p.Type)).ToList();
        var z = Ex.Var("z");
        var y = Ex.Var("y");
        var expected = Simplifier.Simplify(Ex.Sub(Ex.Call(MathFunction.Sigmoid, z), y));
        foreach (var logit in reals)
        {
            foreach (var label in reals.Where(p => !SymbolEqualityComparer.Default.Equals(p, logit)))
            {
                var body = reader.ReadWith(returned, new Dictionary<IParameterSymbol, Expr>(SymbolEqualityComparer.Default) { [logit] = z, [label] = y });
                if (!Differentiator.DependsOn(body, "z") || !Differentiator.DependsOn(body, "y"))
                {
                    continue;
                }

                if (Simplifier.Simplify(Differentiator.Differentiate(Simplifier.ApplyIdentities(body), "z")).Equals(expected))
                {
                    return logit.Ordinal;
                }
            }
        }

        return -1;
    }

    public static LossInputMismatch? Site(IInvocationOperation call, ActivationFlow flow, CancellationToken ct)
    {
        if (Resolve(call, flow, ct) is not var (input, expected, criterion))
        {
            return null;
        }

        if (expected != LossInput.Probabilities)
        {
            foreach (var (activation, given) in new[] { (Activation.Softmax, GivenInput.Softmax), (Activation.Sigmoid, GivenInput.Sigmoid) })
            {
                if (flow.Of(input, activation, ct) is { } fact)
                {
                    return new LossInputMismatch(call, input, expected, given, fact.Source.Location, criterion);
                }
            }
        }

        return expected != LossInput.Logits && LinearOutput(input, flow, ct) is { } linear
            ? new LossInputMismatch(call, input, expected, GivenInput.Logits, linear.Syntax.GetLocation(), criterion)
            : null;
    }

    /// <summary>
    /// How <paramref name="site"/> can be given what its loss expects, or null: the activation's input instead of its output (a loss on the
    /// scores given a sigmoid or softmax written at the input or in its local's one definition), <c>log_softmax</c> of the scores instead of
    /// the softmax (a loss on log-probabilities), or the function that computes the loss from the scores (a loss function on probabilities
    /// or log-probabilities given scores, where its arguments mean the same to that function).
    /// </summary>
    public static LossInputChange? Change(LossInputMismatch site, ActivationFlow flow, CancellationToken ct)
    {
        if (site.Given == GivenInput.Logits)
        {
            return site.Criterion is null && LibraryApis.OnScores.TryGetValue(LibraryApis.Key(site.Site.TargetMethod), out var onScores)
                && site.Site.Syntax is InvocationExpressionSyntax invocation
                && invocation.ArgumentList.Arguments.Select((a, i) => (a, i)).All(p => p.a.NameColon is not null || p.i < onScores.SharedPositions)
                ? new LossInputChange(Rules.LossInputRepair.CallOnScores, null, onScores.Function)
                : null;
        }

        if (LogitReach.Of(site.Input, flow, ct) is not { } input || !(input.Readable || input.Declared))
        {
            return null;
        }

        return site.Expected switch
        {
            LossInput.Logits => new LossInputChange(Rules.LossInputRepair.PassScores, input, null),
            LossInput.LogProbabilities when site.Given == GivenInput.Softmax && input.Dimension is not null && input.DimensionCopyableTo(site.Site)
                => new LossInputChange(Rules.LossInputRepair.LogSoftmax, input, null),
            _ => null,
        };
    }

    /// <summary>The input of a loss that takes the log of probabilities itself (BCELoss, binary_cross_entropy), with its criterion's creation, or null.</summary>
    public static (IOperation Input, IOperation? Criterion)? ProbabilityLoss(IInvocationOperation call, ActivationFlow flow, CancellationToken ct) =>
        Resolve(call, flow, ct) is var (input, expected, criterion) && expected == LossInput.Probabilities ? (input, criterion) : null;

    /// <summary>
    /// A library loss call: a loss function (input, target), or a criterion module's call/forward whose module flow places at one
    /// factory; its input, what it expects, and the factory call for a criterion.
    /// </summary>
    private static (IOperation Input, LossInput Expected, IOperation? Criterion)? Resolve(IInvocationOperation call, ActivationFlow flow, CancellationToken ct)
    {
        if (call.Arguments.Length < 2 || Operations.ArgumentAt(call.Arguments, 0) is not { } input)
        {
            return null;
        }

        if (LibraryApis.LossFunctions.TryGetValue(LibraryApis.Key(call.TargetMethod), out var expected))
        {
            return (input, expected, null);
        }

        return LibraryApis.ModuleInvocations.Contains(call.TargetMethod.Name) && call.Instance is not null && flow.ValuesOf(call.Instance, ct) is { Count: 1 } values
            && Operations.Strip(values[0]) is IInvocationOperation factory && LibraryApis.LossCriteria.TryGetValue(LibraryApis.Key(factory.TargetMethod), out expected)
            ? (input, expected, factory)
            : null;
    }

    /// <summary>Where the value was made by a linear layer: a Linear module's call, a Sequential whose last module is Linear, functional.linear or a matmul.</summary>
    private static IOperation? LinearOutput(IOperation value, ActivationFlow flow, CancellationToken ct)
    {
        var stripped = Operations.Strip(value);
        if (stripped is ILocalReferenceOperation local && flow.Index.SingleDefinition(local, ct) is { } definition)
        {
            stripped = Operations.Strip(definition);
        }

        if (stripped is not IInvocationOperation call)
        {
            return null;
        }

        if (LibraryApis.LinearCalls.Contains(LibraryApis.Key(call.TargetMethod)))
        {
            return call;
        }

        if (!LibraryApis.ModuleInvocations.Contains(call.TargetMethod.Name) || call.Instance is null || flow.ValuesOf(call.Instance, ct) is not { Count: 1 } modules
            || Operations.Strip(modules[0]) is not IInvocationOperation factory)
        {
            return null;
        }

        var key = LibraryApis.Key(factory.TargetMethod);
        if (LibraryApis.LinearModules.Contains(key))
        {
            return factory;
        }

        return LibraryApis.SequentialModules.Contains(key) && LibraryApis.LastModule(factory) is { } last
            && Operations.Strip(last) is IInvocationOperation lastFactory && LibraryApis.LinearModules.Contains(LibraryApis.Key(lastFactory.TargetMethod))
            ? lastFactory
            : null;
    }
}
