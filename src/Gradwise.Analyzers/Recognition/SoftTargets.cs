using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Gradwise.Flow;
using Gradwise.Frontend;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Gradwise.Recognition;

/// <summary>
/// A hard loss and a soft-target loss at temperature T combined without T² on the soft term.
/// </summary>
/// <param name="Combination">The sum that adds the soft term to the hard one.</param>
/// <param name="SoftTerm">The addend holding the soft loss (with its weights).</param>
/// <param name="Temperature">T as it can be written at the combination (a reference or the argument passed).</param>
/// <param name="Tempering">Where the logits are divided by T (or the softmax at T is called).</param>
internal sealed record SoftTargetSite(IOperation Combination, IOperation SoftTerm, IOperation Temperature, IOperation Tempering);

/// <summary>
/// Recognizes knowledge-distillation losses that drop the T² factor. The soft loss is a log-probability at
/// temperature (logits divided by T inside the log-softmax, or a softmax helper called with T) weighted by another
/// distribution and accumulated; it is added to at least one term that is not at temperature (the hard-label
/// loss). The soft term is scaled when its factors hold T twice (<c>T * T</c>, <c>Math.Pow(T, 2)</c>, a local
/// holding either) or a bare parameter or field whose value flow cannot see (it may be T², computed by the caller).
/// </summary>
internal static class SoftTargets
{
    public static SoftTargetSite? Site(IBinaryOperation sum, FlowIndex index, Cache cache, CancellationToken ct)
    {
        var outer = sum.Parent;
        while (outer is IParenthesizedOperation or IConversionOperation)
        {
            outer = outer.Parent;
        }

        if (sum.OperatorKind is not (BinaryOperatorKind.Add or BinaryOperatorKind.Subtract) || (sum.OperatorMethod != null && !IsTensor(sum.Type))
            || outer is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract })
        {
            return null; // only the top of a sum, parenthesized or not ((hard + soft) / n is one)
        }

        var terms = new List<IOperation>();
        Terms(sum, terms);
        var tempered = terms.Select(t => (Term: t, Factors: Factors(t), Soft: (Temperature: (IOperation?)null, Tempering: (IOperation?)null))).ToList();
        for (var i = 0; i < tempered.Count; i++)
        {
            foreach (var factor in tempered[i].Factors)
            {
                if (Tempered(factor, index, cache, ct, 0) is { Temperature: not null } soft)
                {
                    tempered[i] = (tempered[i].Term, tempered[i].Factors, soft);
                    break;
                }
            }
        }

        if (tempered.All(t => t.Soft.Temperature == null) || !tempered.Any(t => t.Soft.Temperature == null && !t.Term.ConstantValue.HasValue))
        {
            return null; // no soft term at all, or no hard term beside it
        }

        foreach (var (term, factors, (temperature, tempering)) in tempered)
        {
            if (temperature is null || tempering is null)
            {
                continue;
            }

            var t = Operations.ReferencedSymbol(temperature);
            var powers = factors.Sum(f => PowerOf(f, t, index, ct));
            if (powers >= 2 || factors.Any(f => MayBeTheSquare(f, t)))
            {
                continue;
            }

            return new SoftTargetSite(sum, term, temperature, tempering);
        }

        return null;
    }

    private static void Terms(IOperation operation, List<IOperation> terms)
    {
        var stripped = Operations.Strip(operation);
        if (stripped is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } sum && (sum.OperatorMethod is null || IsTensor(sum.Type)))
        {
            Terms(sum.LeftOperand, terms);
            Terms(sum.RightOperand, terms);
            return;
        }

        terms.Add(stripped);
    }

    private static List<IOperation> Factors(IOperation term)
    {
        var factors = new List<IOperation>();
        void Walk(IOperation operation)
        {
            var stripped = Operations.Strip(operation);
            switch (stripped)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply } product when product.OperatorMethod is null || IsTensor(product.Type):
                    Walk(product.LeftOperand);
                    Walk(product.RightOperand);
                    return;
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus or UnaryOperatorKind.Plus } sign when sign.OperatorMethod is null || IsTensor(sign.Type):
                    Walk(sign.Operand);
                    return;
                default:
                    factors.Add(stripped);
                    return;
            }
        }

        Walk(term);
        return factors;
    }

    /// <summary>Answers per local and per helper method, computed once per compilation: a sum asks about each of its factors.</summary>
    internal sealed class Cache
    {
        public System.Collections.Concurrent.ConcurrentDictionary<ISymbol, (IOperation? Temperature, IOperation? Tempering)> Locals { get; } = new(SymbolEqualityComparer.Default);

        public System.Collections.Concurrent.ConcurrentDictionary<ISymbol, (IOperation? Temperature, IOperation? Tempering)> Helpers { get; } = new(SymbolEqualityComparer.Default);
    }

    /// <summary>The temperature and where it tempers, when <paramref name="value"/> is a soft-target loss: accumulated in a local, or returned by a helper.</summary>
    private static (IOperation? Temperature, IOperation? Tempering) Tempered(IOperation value, FlowIndex index, Cache cache, CancellationToken ct, int depth)
    {
        switch (value)
        {
            case ILocalReferenceOperation local:
                return cache.Locals.GetOrAdd(local.Local, _ => TemperedLocal(local, index, ct));
            case IInvocationOperation library when LibrarySoftLoss(library, index, ct) is { } tempered:
                return tempered;
            case IInvocationOperation call when depth == 0 && call.TargetMethod.DeclaringSyntaxReferences.Length > 0:
                var (temperature, tempering) = cache.Helpers.GetOrAdd(call.TargetMethod.OriginalDefinition, method =>
                    MaySoftLoss((IMethodSymbol)method, ct) && index.SingleReturn((IMethodSymbol)method, ct) is { } returned && Operations.Strip(returned) is ILocalReferenceOperation result
                        ? Tempered(result, index, cache, ct, depth + 1)
                        : default);
                if (temperature is null || Operations.Strip(temperature) is not IParameterReferenceOperation parameter || parameter.Parameter.ContainingSymbol is not IMethodSymbol owner
                    || !SymbolEqualityComparer.Default.Equals(owner.OriginalDefinition, call.TargetMethod.OriginalDefinition))
                {
                    return default;
                }

                // The helper's T, as the caller passes it.
                return call.Arguments.FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.Parameter?.OriginalDefinition, parameter.Parameter.OriginalDefinition))?.Value is { } passed
                    ? (passed, tempering)
                    : default;
            default:
                return default;
        }
    }

    /// <summary>
    /// A library divergence between tempered distributions: <c>functional.kl_div(log_softmax(s / T), softmax(t / T))</c>, a
    /// <c>KLDivLoss</c> criterion's call, or <c>cross_entropy</c> with soft targets, where an input divides by T.
    /// </summary>
    private static (IOperation? Temperature, IOperation? Tempering)? LibrarySoftLoss(IInvocationOperation call, FlowIndex index, CancellationToken ct)
    {
        var key = LibraryApis.Key(call.TargetMethod);
        var isSoft = LibraryApis.SoftTargetLosses.Contains(key);
        if (!isSoft && LibraryApis.ModuleInvocations.Contains(call.TargetMethod.Name) && call.Instance is { } instance
            && Operations.Strip(instance) is ILocalReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation)
        {
            isSoft = ModuleFactory(instance, index, ct) is { } factory && LibraryApis.SoftTargetCriteria.Contains(LibraryApis.Key(factory.TargetMethod));
        }

        if (!isSoft)
        {
            return null;
        }

        foreach (var argument in call.Arguments.Take(2))
        {
            foreach (var division in argument.Value.DescendantsAndSelf().OfType<IBinaryOperation>().Where(b => b.OperatorKind == BinaryOperatorKind.Divide))
            {
                if (IsTemperature(Scalar(division.RightOperand)))
                {
                    return (Scalar(division.RightOperand), division);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Syntax only, before a helper's body is bound: a soft loss divides and takes a log (or calls a library divergence), and takes
    /// a real-valued parameter for T. Most methods called inside sums are not bound at all.
    /// </summary>
    private static bool MaySoftLoss(IMethodSymbol method, CancellationToken ct)
    {
        if (!method.Parameters.Any(p => MathApi.IsReal(p.Type)))
        {
            return false;
        }

        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var body = reference.GetSyntax(ct);
            var divides = false;
            var logs = false;
            foreach (var node in body.DescendantNodes())
            {
                divides |= node.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.DivideExpression);
                logs |= node is Microsoft.CodeAnalysis.CSharp.Syntax.SimpleNameSyntax { Identifier.ValueText: "Log" or "kl_div" or "log_softmax" or "cross_entropy" };
                if (divides && logs)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The module a criterion reference holds, when it is created once by a factory call.</summary>
    private static IInvocationOperation? ModuleFactory(IOperation instance, FlowIndex index, CancellationToken ct)
    {
        var writes = Operations.ReferencedSymbol(instance) switch
        {
            ILocalSymbol when Operations.Strip(instance) is ILocalReferenceOperation local => index.SingleDefinition(local, ct) is { } d ? new[] { d } : System.Array.Empty<IOperation>(),
            { } member when member is IFieldSymbol or IPropertySymbol => index.WritesTo(member, null, ct).Select(w => w.Value).ToArray(),
            _ => System.Array.Empty<IOperation>(),
        };
        return writes.Length == 1 && Operations.Strip(writes[0]) is IInvocationOperation factory ? factory : null;
    }

    /// <summary>A double or float under a user-defined conversion (TorchSharp's Scalar).</summary>
    private static IOperation Scalar(IOperation operation)
    {
        var stripped = Operations.Strip(operation);
        return stripped is IConversionOperation { Operand: { } operand } && MathApi.IsReal(operand.Type) ? Operations.Strip(operand) : stripped;
    }

    private static bool IsTensor(ITypeSymbol? type) => type is { Name: "Tensor" } && type.ContainingType?.Name == "torch" && type.ContainingNamespace?.Name == "TorchSharp";

    private static (IOperation? Temperature, IOperation? Tempering) TemperedLocal(ILocalReferenceOperation local, FlowIndex index, CancellationToken ct)
    {
        var writes = Writes(Operations.Root(local), local.Local).ToList();
        if (writes.Count == 1 && Operations.Strip(writes[0]) is IInvocationOperation library && LibrarySoftLoss(library, index, ct) is { } fromLibrary)
        {
            return fromLibrary; // var soft = functional.kl_div(log_softmax(s / T), softmax(t / T))
        }

        foreach (var write in writes)
        {
            if (TemperedLog(write, index, ct) is { Temperature: { } found } soft)
            {
                // Scaled where it is accumulated (soft -= T * T * p[c] * ...): then it is not what this rule is about.
                var t = Operations.ReferencedSymbol(found);
                return writes.Any(w => Factors(w).Sum(f => PowerOf(f, t, index, ct)) >= 2) ? default : soft;
            }
        }

        return default;
    }

    /// <summary>w · (… log …) where the log is of a softmax at temperature: the logits divided by T beside the log, or a softmax helper given T.</summary>
    private static (IOperation? Temperature, IOperation? Tempering) TemperedLog(IOperation written, FlowIndex index, CancellationToken ct)
    {
        var logs = written.DescendantsAndSelf().OfType<IInvocationOperation>().Where(c => c.TargetMethod.Name == "Log" && MathApi.IsMathType(c.TargetMethod.ContainingType)).ToList();
        if (logs.Count == 0 || !written.DescendantsAndSelf().Any(o => o is IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply }))
        {
            return default;
        }

        foreach (var division in written.DescendantsAndSelf().OfType<IBinaryOperation>().Where(b => b.OperatorKind == BinaryOperatorKind.Divide))
        {
            if (IsTemperature(division.RightOperand))
            {
                return (division.RightOperand, division);
            }
        }

        // log(q[c]) or p[c] · log(p[c] / q[c]) with q = Softmax(logits, T): a call that passes T to a parameter its body divides by.
        foreach (var operation in written.DescendantsAndSelf())
        {
            var collection = operation switch
            {
                IArrayElementReferenceOperation element => Operations.Strip(element.ArrayReference),
                IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } list } => Operations.Strip(list),
                _ => null,
            };
            if (collection is ILocalReferenceOperation local && index.SingleDefinition(local, ct) is { } definition
                && Operations.Strip(definition) is IInvocationOperation softmax && SoftmaxTemperature(softmax, index, ct) is { } temperature)
            {
                return (temperature, softmax);
            }
        }

        return default;
    }

    private static IOperation? SoftmaxTemperature(IInvocationOperation call, FlowIndex index, CancellationToken ct)
    {
        var returns = index.ReturnsOf(call.TargetMethod.OriginalDefinition, ct);
        if (returns.Count == 0)
        {
            return null;
        }

        var body = Operations.Root(returns[0]);
        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter is { } parameter && IsTemperature(argument.Value)
                && body.Descendants().Any(o => o is IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide } division
                    && Operations.Strip(division.RightOperand) is IParameterReferenceOperation divisor
                    && SymbolEqualityComparer.Default.Equals(divisor.Parameter.OriginalDefinition, parameter.OriginalDefinition)))
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>A temperature: a real-valued parameter, local or field (a constant counts only when it is not 1).</summary>
    private static bool IsTemperature(IOperation operation)
    {
        var stripped = Operations.Strip(operation);
        if (!MathApi.IsReal(stripped.Type) && !MathApi.IsReal(operation.Type))
        {
            return false;
        }

        return stripped.ConstantValue.HasValue
            ? MathApi.ToDouble(stripped.ConstantValue.Value) is { } value && value != 1.0 && value > 0
            : stripped is IParameterReferenceOperation or ILocalReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation { Arguments.IsEmpty: true };
    }

    /// <summary>How many times T multiplies in <paramref name="factor"/>: 1 for T, 2 for T * T, Math.Pow(T, 2) or a local holding either.</summary>
    private static int PowerOf(IOperation factor, ISymbol? t, FlowIndex index, CancellationToken ct)
    {
        if (t is null)
        {
            return 0;
        }

        var stripped = Scalar(factor);
        if (SymbolEqualityComparer.Default.Equals(Operations.ReferencedSymbol(stripped), t))
        {
            return 1;
        }

        switch (stripped)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply } product:
                return PowerOf(product.LeftOperand, t, index, ct) + PowerOf(product.RightOperand, t, index, ct);
            case IInvocationOperation { TargetMethod.Name: "Pow", Arguments.Length: 2 } pow when SymbolEqualityComparer.Default.Equals(Operations.ReferencedSymbol(pow.Arguments[0].Value), t):
                return Operations.Number(pow.Arguments[1].Value) is { } n ? (int)n : 2;
            case ILocalReferenceOperation local when index.SingleDefinition(local, ct) is { } definition && !ReferenceEquals(definition, stripped):
                return PowerOf(definition, t, index, ct);
            default:
                return 0;
        }
    }

    /// <summary>A bare parameter, field or property other than T whose value is not seen here: it may be T², computed by the caller.</summary>
    private static bool MayBeTheSquare(IOperation factor, ISymbol? t) =>
        Scalar(factor) is IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation { Arguments.IsEmpty: true }
        && !SymbolEqualityComparer.Default.Equals(Operations.ReferencedSymbol(Scalar(factor)), t)
        && !Scalar(factor).ConstantValue.HasValue;

    private static IEnumerable<IOperation> Writes(IOperation root, ILocalSymbol local) =>
        root.Descendants().Select(o => o switch
        {
            ICompoundAssignmentOperation c when SymbolEqualityComparer.Default.Equals(Operations.ReferencedSymbol(c.Target), local) => c.Value,
            ISimpleAssignmentOperation a when SymbolEqualityComparer.Default.Equals(Operations.ReferencedSymbol(a.Target), local) => a.Value,
            IVariableDeclaratorOperation d when SymbolEqualityComparer.Default.Equals(d.Symbol, local) => d.GetVariableInitializer()?.Value,
            _ => null,
        }).Where(v => v != null)!;
}
