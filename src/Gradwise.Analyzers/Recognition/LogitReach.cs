using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Gradwise.Flow;
using Gradwise.Frontend;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Gradwise.Recognition;

/// <summary>
/// The input of the sigmoid or softmax that made a value, for fixes that rewrite code to use the input instead.
/// </summary>
/// <param name="Activation">The sigmoid or softmax: the value itself, or the one definition of the local that holds it.</param>
/// <param name="Logit">z of σ(z), or the scores s of softmax(s, dim).</param>
/// <param name="Dimension">The softmax's dimension: a constant, or an argument of the activation at the value itself; null for a sigmoid.</param>
/// <param name="Readable">
/// True when <see cref="Logit"/> can be read where the value is used and have the value it had at the activation: the activation
/// is written at the value itself, or z is a constant, a parameter or a local not written between the definition and the use.
/// </param>
internal sealed record ActivationInput(IOperation Activation, IOperation Logit, IOperation? Dimension, bool Readable)
{
    /// <summary>
    /// True when the activation initializes the one local of a declaration statement in a block (<c>var p = torch.sigmoid(model.call(x));</c>),
    /// so its input can be held by a new local declared just before it, in scope wherever the activation's local is.
    /// </summary>
    public bool Declared => Rules.LossInputFix.DeclaringStatement(Activation.Syntax) != null;

    /// <summary>
    /// True when a fix at <paramref name="site"/> can copy the dimension (or there is none): one written in the activation, or a number
    /// written in the site's file (where the module was made).
    /// </summary>
    public bool DimensionCopyableTo(IOperation site) =>
        Dimension is null
        || (Dimension.Syntax.SyntaxTree == site.Syntax.SyntaxTree
            && (Activation.Syntax.Span.Contains(Dimension.Syntax.Span) || Dimension.Syntax is LiteralExpressionSyntax or PrefixUnaryExpressionSyntax { Operand: LiteralExpressionSyntax }));
}

/// <summary>
/// Finds the logit of a sigmoid output, or the scores of a softmax output, where code can reach them: the activation written
/// at the value or in the one definition of its local (<see cref="ActivationInput"/>).
/// </summary>
internal static class LogitReach
{
    /// <summary>The activation that made <paramref name="p"/> and its input, where it is written at p or in the one definition of the local p.</summary>
    public static ActivationInput? Of(IOperation p, ActivationFlow flow, CancellationToken ct)
    {
        var stripped = Operations.Strip(p);
        var definition = stripped is ILocalReferenceOperation local ? flow.Index.SingleDefinition(local, ct) : stripped;
        if (definition is null)
        {
            return null;
        }

        var activation = Operations.Strip(definition);
        var (logit, dimension) = Scalar(activation, flow, ct) is { } z ? (z, null) : Library(activation, flow, ct) is { } library ? library : default;
        if (logit is null)
        {
            return null;
        }

        var inline = ReferenceEquals(activation, stripped);
        if (dimension is not null && !inline && !dimension.ConstantValue.HasValue)
        {
            return null; // a dimension held elsewhere is copied only as a constant
        }

        return new ActivationInput(activation, logit, dimension, inline || ReadableAt(logit, definition, p));
    }

    /// <summary>True when <paramref name="value"/>, read at <paramref name="definition"/>, has the same value at <paramref name="use"/>: a constant, or a parameter or local not written between.</summary>
    private static bool ReadableAt(IOperation value, IOperation definition, IOperation use)
    {
        var root = Operations.Root(use);
        return Operations.Strip(value) switch
        {
            { ConstantValue.HasValue: true } => true,
            IParameterReferenceOperation parameter => !WrittenBetween(root, parameter.Parameter, definition, use),
            ILocalReferenceOperation local => !WrittenBetween(root, local.Local, definition, use),
            _ => false,
        };
    }

    /// <summary>z in Sigmoid(z) (a one-argument method that is a sigmoid), 1 / (1 + Math.Exp(-z)) or Math.Exp(z) / (1 + Math.Exp(z)).</summary>
    public static IOperation? Scalar(IOperation value, ActivationFlow flow, CancellationToken ct)
    {
        switch (value)
        {
            case IInvocationOperation { Arguments.Length: 1 } call when !UnstableLog.IsNaturalLog(call.TargetMethod) && call.TargetMethod.Parameters.Length == 1
                && MathApi.IsReal(call.TargetMethod.Parameters[0].Type) && flow.Of(call, Activation.Sigmoid, ct) != null:
                return call.Arguments[0].Value;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide, OperatorMethod: null } division
                when Operations.Strip(division.RightOperand) is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, OperatorMethod: null } sum:
                var exp = Operations.Number(sum.LeftOperand) == 1.0 ? sum.RightOperand : Operations.Number(sum.RightOperand) == 1.0 ? sum.LeftOperand : null;
                if (exp is null || ExpArgument(exp) is not { } power)
                {
                    return null;
                }

                if (Operations.Number(division.LeftOperand) == 1.0 && Operations.Strip(power) is IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus, OperatorMethod: null } negated)
                {
                    return negated.Operand;
                }

                return ExpArgument(division.LeftOperand) is { } numerator && Operations.Equivalent(numerator, power) ? power : null;
        }

        return null;
    }

    /// <summary>
    /// A TorchSharp sigmoid or softmax: a call (<c>torch.sigmoid(z)</c>, <c>z.softmax(1)</c>, <c>functional.softmax(z, 1)</c>) with its input and
    /// the softmax's dimension, or, given <paramref name="flow"/>, the call or forward of a module flow places at one <c>Sigmoid()</c> or
    /// <c>Softmax(dim)</c> (the dimension the factory's argument).
    /// </summary>
    public static (IOperation Logit, IOperation? Dimension)? Library(IOperation value, ActivationFlow? flow, CancellationToken ct)
    {
        if (value is not IInvocationOperation call || !call.TargetMethod.ContainingNamespace.ToDisplayString().StartsWith("TorchSharp", System.StringComparison.Ordinal))
        {
            return null;
        }

        var key = LibraryApis.Key(call.TargetMethod);
        var arguments = Explicit(call);
        var (logit, rest) = call.Instance is { } instance && !call.TargetMethod.IsStatic ? (instance, arguments) : (arguments.FirstOrDefault(), arguments.Skip(1).ToList());
        if (logit is null)
        {
            return null;
        }

        if (LibraryApis.SigmoidCalls.Contains(key))
        {
            return rest.Count == 0 ? (logit, null) : null;
        }

        if (LibraryApis.SoftmaxCalls.Contains(key))
        {
            return rest.Count == 1 ? (logit, rest[0]) : null;
        }

        if (flow is null || !LibraryApis.ModuleInvocations.Contains(call.TargetMethod.Name) || call.Instance is null || arguments.Count != 1
            || flow.ValuesOf(call.Instance, ct) is not { Count: 1 } modules || Operations.Strip(modules[0]) is not IInvocationOperation factory)
        {
            return null;
        }

        var module = LibraryApis.Key(factory.TargetMethod);
        if (LibraryApis.SigmoidModules.Contains(module))
        {
            return (arguments[0], null);
        }

        return LibraryApis.SoftmaxModules.Contains(module) && Explicit(factory) is [{ ConstantValue.HasValue: true } dimension] ? (arguments[0], dimension) : null;
    }

    private static List<IOperation> Explicit(IInvocationOperation call) =>
        call.Arguments.Where(a => a.ArgumentKind == ArgumentKind.Explicit).OrderBy(a => a.Parameter?.Ordinal ?? 0).Select(a => a.Value).ToList();

    /// <summary>
    /// True when <paramref name="symbol"/> may be written after <paramref name="definition"/> and before <paramref name="use"/>: a write
    /// placed between them, or inside a loop around the use that does not also run the definition again.
    /// </summary>
    public static bool WrittenBetween(IOperation root, ISymbol symbol, IOperation definition, IOperation use)
    {
        var from = definition.Syntax.SpanStart;
        var to = use.Syntax.SpanStart;
        var loops = use.Syntax.Ancestors().Where(IsLoop).Where(loop => !loop.Span.Contains(definition.Syntax.Span)).ToList();
        return Operations.WritesOf(root, symbol).Any(write =>
            (write.Syntax.SpanStart > from && write.Syntax.SpanStart < to) || loops.Any(loop => loop.Span.Contains(write.Syntax.Span)));
    }

    private static bool IsLoop(SyntaxNode node) =>
        node is ForStatementSyntax or CommonForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax
            or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax;

    private static IOperation? ExpArgument(IOperation operation) =>
        Operations.Strip(operation) is IInvocationOperation { Arguments.Length: 1, TargetMethod.Name: "Exp" } exp && MathApi.IsMathType(exp.TargetMethod.ContainingType)
            ? exp.Arguments[0].Value
            : null;
}
