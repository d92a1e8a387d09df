using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Gradwise.Common;
using Gradwise.Recognition;
using Gradwise.Symbolic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Gradwise.Rules;

/// <summary>
/// GW1001: a sigmoid output trained with squared error, at the squared-error site: the loss
/// <c>(p - y) * (p - y)</c> / <c>Math.Pow(p - y, 2)</c>, a call to a method whose body is that loss,
/// or the hand-written delta <c>(t - o) * o * (1 - o)</c> / <c>error * Derivative(o)</c>.
/// Where the sigmoid is comes from <see cref="SigmoidRecognizer"/>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SigmoidSquaredErrorAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: which pattern was found ("squared", "delta" or "call").</summary>
    public const string KindProperty = "Kind";

    /// <summary>Diagnostic property: for "squared", which side of the difference is the sigmoid ("left" or "right").</summary>
    public const string SigmoidSideProperty = "SigmoidSide";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SigmoidWithSquaredError, Descriptors.SoftmaxWithSquaredError);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (!SigmoidRecognizer.HasCandidates(start.Compilation, start.CancellationToken))
            {
                return;
            }

            var recognizer = new SigmoidRecognizer(start.Compilation);
            start.RegisterOperationAction(c => AnalyzeProduct(c, recognizer), OperationKind.Binary);
            start.RegisterOperationAction(c => AnalyzeCall(c, recognizer), OperationKind.Invocation);
            start.RegisterOperationAction(AnalyzeTeacher, OperationKind.ObjectCreation);
        });
    }

    private static void AnalyzeProduct(OperationAnalysisContext context, SigmoidRecognizer recognizer)
    {
        var product = (IBinaryOperation)context.Operation;
        if (product.OperatorKind != BinaryOperatorKind.Multiply || product.OperatorMethod != null || product.Parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply })
        {
            return;
        }

        var ct = context.CancellationToken;
        var factors = new List<IOperation>();
        Flatten(product, factors);
        var variable = factors.Where(f => !SigmoidRecognizer.Strip(f).ConstantValue.HasValue).ToList();

        // (p - y) * (p - y), or error * error
        if (variable.Count == 2 && Key(variable[0]) == Key(variable[1]) && AsDifference(variable[0], ct) is { } squared)
        {
            ReportSquared(context, recognizer, squared, product.Syntax.GetLocation(), "squared");
            return;
        }

        // (t - o) * o * (1 - o), or (o - t) * Derivative(o)
        foreach (var factor in variable)
        {
            IOperation? output = null;
            IOperation? derivativeFactor = null;
            if (IsOneMinus(factor, out var inner))
            {
                output = variable.FirstOrDefault(g => !ReferenceEquals(g, factor) && Key(g) == Key(inner));
                derivativeFactor = factor;
            }
            else if (SigmoidRecognizer.Strip(factor) is IInvocationOperation { Arguments.Length: 1 } call && recognizer.IsSigmoidDerivative(call.TargetMethod, ct))
            {
                output = call.Arguments[0].Value;
                derivativeFactor = factor;
            }

            if (output is null || derivativeFactor is null)
            {
                continue;
            }

            foreach (var candidate in variable)
            {
                if (ReferenceEquals(candidate, derivativeFactor) || Key(candidate) == Key(output) || AsDifference(candidate, ct) is not { } difference)
                {
                    continue;
                }

                // The error must involve the output itself: (t - o), not another layer's term.
                var leftIsOutput = Key(difference.Left) == Key(output);
                var rightIsOutput = Key(difference.Right) == Key(output);
                var outputSide = leftIsOutput ? difference.Left : rightIsOutput ? difference.Right : null;
                var found = outputSide != null
                    ? Output(recognizer, outputSide, ct)
                    : Output(recognizer, difference.Left, ct) ?? Output(recognizer, difference.Right, ct);
                if (found is null || (outputSide is null && Output(recognizer, output, ct) is null && !IsDerivativeCall(derivativeFactor, recognizer, ct)))
                {
                    continue;
                }

                var (rule, evidence) = found.Value;
                var name = outputSide?.Syntax.ToString() ?? output.Syntax.ToString();
                var properties = ImmutableDictionary<string, string?>.Empty.Add(KindProperty, "delta");
                context.ReportDiagnostic(Diagnostic.Create(rule, product.Syntax.GetLocation(), new[] { evidence.Location }, properties, name, evidence.Where));
                return;
            }
        }
    }

    /// <summary>Accord/AForge: a squared-error teacher (backpropagation, RPROP, Levenberg-Marquardt) for a network of sigmoid units.</summary>
    private static void AnalyzeTeacher(OperationAnalysisContext context)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Type is null || !LibraryApis.SquaredErrorTeachers.Contains(creation.Type.ToDisplayString()) || creation.Arguments.Length == 0)
        {
            return;
        }

        var network = creation.Arguments[0].Value;
        var source = SigmoidRecognizer.Strip(network) is ILocalReferenceOperation local ? SigmoidRecognizer.LastAssignedBefore(local, context.CancellationToken) : network;
        if (source is null || SigmoidRecognizer.Strip(source) is not IObjectCreationOperation { Type: { } networkType } networkCreation
            || !LibraryApis.ActivationNetworks.Contains(networkType.ToDisplayString()) || networkCreation.Arguments.Length == 0
            || SigmoidRecognizer.Strip(networkCreation.Arguments[0].Value) is not IObjectCreationOperation { Type: { } activation } activationCreation
            || !LibraryApis.SigmoidActivationTypes.Contains(activation.ToDisplayString()))
        {
            return;
        }

        var evidence = new Evidence(activationCreation.Syntax.GetLocation(), activation.Name);
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.SigmoidWithSquaredError, creation.Syntax.GetLocation(), new[] { evidence.Location }, network.Syntax.ToString(), evidence.Where));
    }

    /// <summary>SiaNet style: model.Compile(..., LossType.MeanSquaredError) after a last layer added with ActType.Sigmoid.</summary>
    private static void AnalyzeCompile(OperationAnalysisContext context, IInvocationOperation compile)
    {
        if (compile.Instance is null || !compile.Arguments.Any(a => SigmoidRecognizer.Strip(a.Value) is IFieldReferenceOperation f && LibraryApis.IsEnumMember(f.Field, LibraryApis.SquaredErrorLossEnums)))
        {
            return;
        }

        var model = SigmoidRecognizer.Strip(compile.Instance);
        var modelKey = Key(model);
        IInvocationOperation? lastAdd = null;
        foreach (var call in SigmoidRecognizer.Root(compile).DescendantsAndSelf().OfType<IInvocationOperation>())
        {
            if (call.TargetMethod.Name == "Add" && call.Instance != null && Key(call.Instance) == modelKey && call.Syntax.SpanStart < compile.Syntax.SpanStart
                && (lastAdd is null || call.Syntax.SpanStart > lastAdd.Syntax.SpanStart))
            {
                lastAdd = call;
            }
        }

        var sigmoid = lastAdd?.Descendants().OfType<IFieldReferenceOperation>().FirstOrDefault(f => LibraryApis.IsEnumMember(f.Field, LibraryApis.SigmoidActivationEnums));
        if (sigmoid is null)
        {
            return;
        }

        var evidence = new Evidence(sigmoid.Syntax.GetLocation(), "sigmoid layer");
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.SigmoidWithSquaredError, compile.Syntax.GetLocation(), new[] { evidence.Location }, compile.Instance.Syntax.ToString() + "'s output", evidence.Where));
    }

    /// <summary>The activation a value is the output of: a sigmoid (GW1001) or a softmax (GW1002).</summary>
    private static (DiagnosticDescriptor Rule, Evidence Evidence)? Output(SigmoidRecognizer recognizer, IOperation value, CancellationToken ct)
    {
        if (recognizer.SigmoidOf(value, ct) is { } sigmoid)
        {
            return (Descriptors.SigmoidWithSquaredError, sigmoid);
        }

        return recognizer.SoftmaxOf(value, ct) is { } softmax ? (Descriptors.SoftmaxWithSquaredError, softmax) : null;
    }

    private static bool IsDerivativeCall(IOperation factor, SigmoidRecognizer recognizer, CancellationToken ct) =>
        SigmoidRecognizer.Strip(factor) is IInvocationOperation call && recognizer.IsSigmoidDerivative(call.TargetMethod, ct);

    private static void AnalyzeCall(OperationAnalysisContext context, SigmoidRecognizer recognizer)
    {
        var call = (IInvocationOperation)context.Operation;
        var target = call.TargetMethod;
        var ct = context.CancellationToken;
        if (target.Name == "Compile")
        {
            AnalyzeCompile(context, call);
            return;
        }

        // Math.Pow(p - y, 2)
        if (target.Name == "Pow" && target.ContainingType?.ToDisplayString() is "System.Math" or "System.MathF" && call.Arguments.Length == 2
            && call.Arguments[1].Value.ConstantValue is { HasValue: true, Value: var exponent } && System.Convert.ToDouble(exponent, System.Globalization.CultureInfo.InvariantCulture) == 2.0
            && AsDifference(call.Arguments[0].Value, ct) is { } difference)
        {
            ReportSquared(context, recognizer, difference, call.Syntax.GetLocation(), "squared");
            return;
        }

        // Library losses: functional.mse_loss(input, target), or criterion.forward(input, target) with criterion = nn.MSELoss().
        if (LibraryApis.SquaredErrorFunctions.TryGetValue(LibraryApis.Key(target), out var replacement) && call.Arguments.Length >= 2)
        {
            ReportLibrary(context, recognizer, call, call.Arguments.First(a => a.Parameter?.Ordinal == 0).Value, replacement, null);
            return;
        }

        if (LibraryApis.ModuleInvocations.Contains(target.Name) && call.Instance != null && call.Arguments.Length >= 2
            && recognizer.SquaredErrorCriterion(call.Instance, ct) is { } criterion
            && LibraryApis.SquaredErrorCriteria.TryGetValue(LibraryApis.Key(criterion.TargetMethod), out var criterionReplacement))
        {
            ReportLibrary(context, recognizer, call, call.Arguments.First(a => a.Parameter?.Ordinal == 0).Value, criterionReplacement, criterion);
            return;
        }

        // MeanSquaredError(outputs, targets): a method summing (a[k] - b[k])² over two array parameters, any name.
        if (call.Arguments.Length >= 2 && target.DeclaringSyntaxReferences.Length > 0 && recognizer.MethodPair(target, "elementwise", m => ElementwiseSquaredErrorParameters(m, context.Compilation, ct)) is { } arrays)
        {
            var outputs = call.Arguments.FirstOrDefault(x => x.Parameter?.Ordinal == arrays.A)?.Value;
            var other = call.Arguments.FirstOrDefault(x => x.Parameter?.Ordinal == arrays.B)?.Value;
            foreach (var candidate in new[] { outputs, other })
            {
                if (candidate is null)
                {
                    continue;
                }

                var sigmoid = recognizer.SigmoidElementsOf(candidate, ct);
                var softmax = sigmoid is null ? recognizer.SoftmaxElementsOf(candidate, ct) : null;
                if ((sigmoid ?? softmax) is { } evidence)
                {
                    var rule = sigmoid != null ? Descriptors.SigmoidWithSquaredError : Descriptors.SoftmaxWithSquaredError;
                    var properties = ImmutableDictionary<string, string?>.Empty.Add(KindProperty, "array-call");
                    context.ReportDiagnostic(Diagnostic.Create(rule, call.Syntax.GetLocation(), new[] { evidence.Location }, properties, candidate.Syntax.ToString(), evidence.Where));
                    return;
                }
            }
        }

        // SquaredError(output, target): a method whose body is (a - b)² of two of its parameters, any name.
        if (call.Arguments.Length >= 2 && target.DeclaringSyntaxReferences.Length > 0 && recognizer.MethodPair(target, "scalar", m => SquaredErrorParameters(m, context.Compilation, ct)) is { } pair)
        {
            var a = call.Arguments.FirstOrDefault(x => x.Parameter?.Ordinal == pair.A)?.Value;
            var b = call.Arguments.FirstOrDefault(x => x.Parameter?.Ordinal == pair.B)?.Value;
            if (a != null && b != null)
            {
                ReportSquared(context, recognizer, (a, b), call.Syntax.GetLocation(), "call");
            }
        }
    }

    private static void ReportSquared(OperationAnalysisContext context, SigmoidRecognizer recognizer, (IOperation Left, IOperation Right) difference, Location site, string kind)
    {
        var ct = context.CancellationToken;
        var side = "left";
        var found = Output(recognizer, difference.Left, ct);
        var output = difference.Left;
        if (found is null)
        {
            side = "right";
            found = Output(recognizer, difference.Right, ct);
            output = difference.Right;
        }

        if (found is null)
        {
            return;
        }

        var (rule, evidence) = found.Value;
        var properties = ImmutableDictionary<string, string?>.Empty.Add(KindProperty, kind).Add(SigmoidSideProperty, side);
        context.ReportDiagnostic(Diagnostic.Create(rule, site, new[] { evidence.Location }, properties, output.Syntax.ToString(), evidence.Where));
    }

    /// <summary>Diagnostic property: the library member to use instead (binary_cross_entropy, BCELoss).</summary>
    public const string ReplacementProperty = "Replacement";

    private static void ReportLibrary(OperationAnalysisContext context, SigmoidRecognizer recognizer, IInvocationOperation call, IOperation input, string replacement, IInvocationOperation? criterion)
    {
        var found = Output(recognizer, input, context.CancellationToken);
        if (found is null)
        {
            return;
        }

        var (rule, evidence) = found.Value;

        // Locations: the activation, then (for a criterion module) where the criterion is created, which is what the fix changes.
        // The binary cross-entropy replacement fits a sigmoid only; a softmax needs the model's logits, so no fix is offered.
        var locations = criterion is null ? new[] { evidence.Location } : new[] { evidence.Location, criterion.Syntax.GetLocation() };
        var properties = ImmutableDictionary<string, string?>.Empty.Add(KindProperty, criterion is null ? "library-function" : "library-criterion");
        if (rule == Descriptors.SigmoidWithSquaredError)
        {
            properties = properties.Add(ReplacementProperty, replacement);
        }

        context.ReportDiagnostic(Diagnostic.Create(rule, call.Syntax.GetLocation(), locations, properties, input.Syntax.ToString(), evidence.Where));
    }

    /// <summary>For a method that squares a[k] − b[k] of two array parameters a and b (in a loop, any name), their ordinals.</summary>
    private static (int A, int B)? ElementwiseSquaredErrorParameters(IMethodSymbol method, Compilation compilation, CancellationToken ct)
    {
        if (method.Parameters.Count(p => p.Type is IArrayTypeSymbol) < 2)
        {
            return null;
        }

        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(ct);
#pragma warning disable RS1030 // a summary of the callee's body, computed at the call site
            var body = compilation.GetSemanticModel(syntax.SyntaxTree).GetOperation(syntax, ct);
#pragma warning restore RS1030
            if (body is null)
            {
                continue;
            }

            foreach (var operation in body.Descendants())
            {
                (IOperation Left, IOperation Right)? difference = null;
                if (operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply } product && Key(product.LeftOperand) == Key(product.RightOperand))
                {
                    difference = AsDifference(product.LeftOperand, ct);
                }
                else if (operation is IInvocationOperation { TargetMethod.Name: "Pow", Arguments.Length: 2 } pow && pow.Arguments[1].Value.ConstantValue is { HasValue: true, Value: var two }
                    && System.Convert.ToDouble(two, System.Globalization.CultureInfo.InvariantCulture) == 2.0)
                {
                    difference = AsDifference(pow.Arguments[0].Value, ct);
                }

                if (difference is { } d && ArrayParameter(d.Left) is { } a && ArrayParameter(d.Right) is { } b && a != b)
                {
                    return (a, b);
                }
            }
        }

        return null;
    }

    private static int? ArrayParameter(IOperation operation) =>
        SigmoidRecognizer.Strip(operation) is IArrayElementReferenceOperation element && SigmoidRecognizer.Strip(element.ArrayReference) is IParameterReferenceOperation parameter
            ? parameter.Parameter.Ordinal
            : null;

    /// <summary>For a method returning c·(a − b)² of its parameters a and b, their ordinals.</summary>
    private static (int A, int B)? SquaredErrorParameters(IMethodSymbol method, Compilation compilation, CancellationToken ct)
    {
        if (method.Parameters.Length < 2 || method.Parameters.Length > 4)
        {
            return null;
        }

        var returned = OpenMathReader.ReturnedValues(method, compilation, ct);
        if (returned.Count != 1)
        {
            return null;
        }

        var names = new Dictionary<IParameterSymbol, Expr>(SymbolEqualityComparer.Default);
        foreach (var parameter in method.Parameters)
        {
            names[parameter] = Ex.Var("⟨p" + parameter.Ordinal + "⟩");
        }

        var body = Simplifier.Simplify(OpenMathReader.Read(returned[0], names, compilation, 0, ct));
        var core = body is Product { Factors.Count: 2 } scaled && scaled.Factors[0] is Constant ? scaled.Factors[1] : body;
        for (var i = 0; i < method.Parameters.Length; i++)
        {
            for (var j = 0; j < method.Parameters.Length; j++)
            {
                if (i != j && core.Equals(Ex.Pow(Ex.Sub(names[method.Parameters[i]], names[method.Parameters[j]]), Ex.Const(2.0))))
                {
                    return (i, j);
                }
            }
        }

        return null;
    }

    private static void Flatten(IOperation operation, List<IOperation> factors)
    {
        var stripped = SigmoidRecognizer.Strip(operation);
        if (stripped is IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply, OperatorMethod: null } product)
        {
            Flatten(product.LeftOperand, factors);
            Flatten(product.RightOperand, factors);
        }
        else
        {
            factors.Add(operation);
        }
    }

    private static bool IsOneMinus(IOperation operation, out IOperation inner)
    {
        inner = operation;
        if (SigmoidRecognizer.Strip(operation) is IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract } s
            && SigmoidRecognizer.Strip(s.LeftOperand).ConstantValue is { HasValue: true, Value: var one }
            && System.Convert.ToDouble(one, System.Globalization.CultureInfo.InvariantCulture) == 1.0)
        {
            inner = s.RightOperand;
            return true;
        }

        return false;
    }

    /// <summary>a − b, directly or through the local it was last assigned to.</summary>
    private static (IOperation Left, IOperation Right)? AsDifference(IOperation operation, CancellationToken ct, int depth = 0)
    {
        var stripped = SigmoidRecognizer.Strip(operation);
        switch (stripped)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract, OperatorMethod: null } s:
                return (s.LeftOperand, s.RightOperand);
            case ILocalReferenceOperation local when depth < 3 && SigmoidRecognizer.LastAssignedBefore(local, ct) is { } value:
                return AsDifference(value, ct, depth + 1);
            default:
                return null;
        }
    }

    /// <summary>The code of a value with spacing and <c>this.</c> removed, to tell that two uses are the same value.</summary>
    private static string Key(IOperation operation) => CodeText.Normalize(SigmoidRecognizer.Strip(operation).Syntax.ToString());
}
