using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Gradwise.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Gradwise.Recognition;

/// <summary>A featurizer whose many sparse slots reach a trainer's feature column.</summary>
internal sealed record SparseSource(IInvocationOperation Featurizer, MlFeaturizer Info, string Description);

/// <summary>The value of a penalty as a trainer call sets it: the number (null: tuned from the data), and where it is written (null: a default).</summary>
internal sealed record PenaltyValue(Penalty Penalty, double? Value, IOperation? Written);

/// <summary>A trainer creation with what it was given: its penalties (null when one is not known here) and the sparse sources of its features.</summary>
internal sealed record TrainerSite(IInvocationOperation Call, MlTrainer Trainer, IReadOnlyList<PenaltyValue>? Penalties, IObjectCreationOperation? Options, IReadOnlyList<SparseSource> Sources);

/// <summary>
/// Reads ML.NET pipelines through the flow index: from a trainer creation to the estimators that run before it (fluent
/// <c>Append</c> chains, locals, helper methods that return an estimator, parameters, fields, and <c>Fit</c>/<c>Transform</c>
/// on data), then from the trainer's feature column back through those estimators' output and input columns to the
/// featurizers that made it. Column names are read only where they are constants (literals, <c>nameof</c>, const fields):
/// a name that is not known here answers nothing, so the rules stay silent rather than guess.
/// </summary>
internal static class MlNetPipelines
{
    private const int MaxDepth = 12;

    /// <summary>The trainer this call creates, with what reaches its features; null for a call that creates none.</summary>
    public static TrainerSite? Read(IInvocationOperation call, FlowIndex index, int minBits, CancellationToken cancellationToken)
    {
        if (!MlNetApis.TrainerNames.Contains(call.TargetMethod.Name) || !MlNetApis.Trainers.TryGetValue(MlNetApis.Key(call.TargetMethod), out var trainer))
        {
            return null;
        }

        var options = OptionsOf(call, index, cancellationToken, out var optionsKnown);
        var featureColumn = optionsKnown ? Text(Setting(call, options, "featureColumnName", "FeatureColumnName"), "Features") : null;
        var walk = new Walk(index, cancellationToken);
        var sources = new List<SparseSource>();
        if (featureColumn is not null)
        {
            foreach (var steps in walk.Pipelines(call))
            {
                foreach (var source in Sources(steps, steps.Count, featureColumn, minBits, 0))
                {
                    if (!sources.Any(s => ReferenceEquals(s.Featurizer, source.Featurizer)))
                    {
                        sources.Add(source);
                    }
                }
            }
        }

        return new TrainerSite(call, trainer, optionsKnown ? Penalties(call, options, trainer) : null, options, sources);
    }

    /// <summary>True when a tree trainer's options turn categorical splits on (it then treats one-hot slot ranges as one categorical feature).</summary>
    public static bool SplitsCategories(TrainerSite site) =>
        MlNetApis.CategoricalSplitFields.TryGetValue(MlNetApis.Key(site.Call.TargetMethod), out var field)
        && site.Options is { } options && Initialized(options, field) is { } value && Operations.Strip(value).ConstantValue is { HasValue: true, Value: true };

    private static IReadOnlyList<PenaltyValue>? Penalties(IInvocationOperation call, IObjectCreationOperation? options, MlTrainer trainer)
    {
        var values = new List<PenaltyValue>();
        foreach (var penalty in trainer.Penalties)
        {
            var written = Setting(call, options, penalty.Parameter, penalty.OptionsField);
            if (written is null)
            {
                values.Add(new PenaltyValue(penalty, penalty.Default, null));
                continue;
            }

            var constant = Operations.Strip(written).ConstantValue;
            if (!constant.HasValue)
            {
                return null; // computed: not known here
            }

            values.Add(new PenaltyValue(penalty, constant.Value is null ? null : Frontend.MathApi.ToDouble(constant.Value), written));
        }

        return values;
    }

    /// <summary>The value written for a setting: the named argument (unless defaulted) or the Options field; null when left at its default.</summary>
    private static IOperation? Setting(IInvocationOperation call, IObjectCreationOperation? options, string? parameter, string field)
    {
        if (options is not null)
        {
            return Initialized(options, field);
        }

        var argument = call.Arguments.FirstOrDefault(a => a.Parameter?.Name == parameter);
        return argument is null || argument.ArgumentKind == ArgumentKind.DefaultValue ? null : argument.Value;
    }

    /// <summary>The value an object initializer assigns to a member.</summary>
    private static IOperation? Initialized(IObjectCreationOperation creation, string member) =>
        creation.Initializer?.Initializers.OfType<ISimpleAssignmentOperation>()
            .LastOrDefault(a => a.Target is IMemberReferenceOperation { Member.Name: var name } && name == member)?.Value;

    /// <summary>The Options object a trainer is created with (null for the parameter overload); unknown when it comes from elsewhere.</summary>
    private static IObjectCreationOperation? OptionsOf(IInvocationOperation call, FlowIndex index, CancellationToken cancellationToken, out bool known)
    {
        known = true;
        var argument = call.Arguments.FirstOrDefault(a => a.Parameter?.Type.Name == "Options");
        if (argument is null)
        {
            return null;
        }

        var value = Operations.Strip(argument.Value);
        if (value is ILocalReferenceOperation local && index.SingleDefinition(local, cancellationToken) is { } definition
            && !Operations.Root(local).Descendants().Any(o => o is IAssignmentOperation { Target: IMemberReferenceOperation { Instance: ILocalReferenceOperation target } }
                && SymbolEqualityComparer.Default.Equals(target.Local, local.Local)))
        {
            value = Operations.Strip(definition); // set up in one initializer, not member by member afterwards
        }

        if (value is IObjectCreationOperation creation)
        {
            return creation;
        }

        known = false;
        return null;
    }

    /// <summary>The sparse featurizers whose slots reach <paramref name="column"/> as it is before step <paramref name="before"/>.</summary>
    private static IEnumerable<SparseSource> Sources(IReadOnlyList<IInvocationOperation> steps, int before, string column, int minBits, int depth)
    {
        if (depth > MaxDepth)
        {
            yield break;
        }

        for (var i = before - 1; i >= 0; i--)
        {
            var step = steps[i];
            foreach (var (output, inputs) in Columns(step))
            {
                if (output != column)
                {
                    continue;
                }

                var key = MlNetApis.Key(step.TargetMethod);
                if (MlNetApis.Featurizers.TryGetValue(key, out var featurizer))
                {
                    if (Describe(step, featurizer, inputs, minBits) is { } description)
                    {
                        yield return new SparseSource(step, featurizer, description);
                    }

                    yield break;
                }

                if (MlNetApis.Reducers.Contains(key))
                {
                    yield break;
                }

                foreach (var input in inputs.Where(n => n is not null).Distinct())
                {
                    foreach (var source in Sources(steps, i, input!, minBits, depth + 1))
                    {
                        yield return source;
                    }
                }

                yield break; // the last step that writes a column is the one the trainer reads
            }
        }
    }

    /// <summary>What makes a featurizer's output high-dimensional here, or null when its size is bounded below the threshold or not known.</summary>
    private static string? Describe(IInvocationOperation call, MlFeaturizer featurizer, IReadOnlyList<string?> inputs, int minBits)
    {
        var of = inputs.Count == 0 || inputs.Any(i => i is null) ? string.Empty : " of " + string.Join(", ", inputs.Select(i => "'" + i + "'"));
        var name = call.TargetMethod.Name;
        if (featurizer.Kind is FeaturizerKind.OneHot or FeaturizerKind.OneHotHashed
            && EnumName(call.Arguments.FirstOrDefault(a => a.Parameter?.Name == "outputKind")) is { } kind && !MlNetApis.SlotPerCategoryKinds.Contains(kind))
        {
            return null; // a key, or the bits of one: a few dense slots
        }

        if (featurizer.SizeParameter is null)
        {
            return name + of;
        }

        var size = call.Arguments.FirstOrDefault(a => a.Parameter?.Name == featurizer.SizeParameter) is { } argument ? Operations.Number(argument.Value) : null;
        if (size is not { } n)
        {
            return null;
        }

        var hashed = featurizer.Kind is FeaturizerKind.Hashed or FeaturizerKind.OneHotHashed;
        if (hashed ? n < minBits : n < System.Math.Pow(2, minBits))
        {
            return null;
        }

        var count = n.ToString("N0", CultureInfo.InvariantCulture);
        return featurizer.Kind switch
        {
            FeaturizerKind.Hashed or FeaturizerKind.OneHotHashed => name + of + " (2^" + count + " hashed slots)",
            FeaturizerKind.OneHot => name + of + " (up to " + count + " categories)",
            _ => name + of + " (up to " + count + " n-grams)",
        };
    }

    /// <summary>The (output, inputs) columns an estimator writes; a name that is not a constant is null.</summary>
    private static IEnumerable<(string? Output, IReadOnlyList<string?> Inputs)> Columns(IInvocationOperation step)
    {
        string? output = null;
        var hasOutput = false;
        IReadOnlyList<string?>? inputs = null;
        foreach (var argument in step.Arguments)
        {
            switch (argument.Parameter?.Name)
            {
                case "outputColumnName":
                    hasOutput = true;
                    output = Text(argument.Value, null);
                    break;
                case "inputColumnName":
                    inputs = argument.ArgumentKind == ArgumentKind.DefaultValue || IsNull(argument.Value) ? null : new[] { Text(argument.Value, null) };
                    break;
                case "inputColumnNames":
                    inputs = argument.ArgumentKind == ArgumentKind.DefaultValue || IsNull(argument.Value) ? null : Elements(argument.Value)?.Select(e => Text(e, null)).ToList() ?? new List<string?> { null };
                    break;
                case "columns" when argument.Parameter.Type is IArrayTypeSymbol { ElementType.Name: "InputOutputColumnPair" }:
                    foreach (var pair in Elements(argument.Value) ?? new[] { argument.Value })
                    {
                        yield return Pair(pair);
                    }

                    yield break;
            }
        }

        if (hasOutput)
        {
            yield return (output, inputs ?? new[] { output });
        }
    }

    private static (string? Output, IReadOnlyList<string?> Inputs) Pair(IOperation pair)
    {
        if (Operations.Strip(pair) is IObjectCreationOperation { Arguments: var arguments } && arguments.Length > 0)
        {
            var output = Text(arguments[0].Value, null);
            var input = arguments.Length > 1 && arguments[1].ArgumentKind != ArgumentKind.DefaultValue && !IsNull(arguments[1].Value) ? Text(arguments[1].Value, null) : output;
            return (output, new[] { input });
        }

        return (null, new string?[] { null });
    }

    private static IEnumerable<IOperation>? Elements(IOperation value) =>
        Operations.Strip(value) is IArrayCreationOperation { Initializer: { } initializer } ? initializer.ElementValues : null;

    private static bool IsNull(IOperation value) => Operations.Strip(value).ConstantValue is { HasValue: true, Value: null };

    /// <summary>A constant string, or <paramref name="fallback"/> for a setting left at its default (null otherwise).</summary>
    private static string? Text(IOperation? value, string? fallback) =>
        value is null ? fallback : Operations.Strip(value).ConstantValue is { HasValue: true, Value: string text } ? text : null;

    /// <summary>The name of the enum member an argument is (written or defaulted).</summary>
    private static string? EnumName(IArgumentOperation? argument)
    {
        if (argument?.Parameter?.Type is not INamedTypeSymbol { TypeKind: TypeKind.Enum } type || Operations.Strip(argument.Value).ConstantValue is not { HasValue: true, Value: { } value })
        {
            return null;
        }

        return type.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, value))?.Name;
    }

    /// <summary>One walk from a trainer to its pipelines: cycles (a chain built in a loop) are cut by the set of values being read.</summary>
    private sealed class Walk
    {
        private readonly FlowIndex index;
        private readonly CancellationToken cancellationToken;
        private readonly HashSet<IOperation> reading = new();

        public Walk(FlowIndex index, CancellationToken cancellationToken)
        {
            this.index = index;
            this.cancellationToken = cancellationToken;
        }

        /// <summary>For each place the trainer is used in a pipeline, the estimators that run before it, in order.</summary>
        public List<List<IInvocationOperation>> Pipelines(IOperation trainer)
        {
            var pipelines = new List<List<IInvocationOperation>>();
            Positions(trainer, pipelines, 0);
            return pipelines;
        }

        private void Positions(IOperation value, List<List<IInvocationOperation>> pipelines, int depth)
        {
            if (depth > MaxDepth)
            {
                return;
            }

            var current = value;
            while (current.Parent is IConversionOperation or IParenthesizedOperation or ISwitchExpressionArmOperation or ISwitchExpressionOperation or IConditionalOperation { IsRef: false } or ICoalesceOperation
                && !(current.Parent is IConditionalOperation conditional && conditional.Condition == current)
                && !(current.Parent is ISwitchExpressionArmOperation arm && arm.Value != current)
                && !(current.Parent is ISwitchExpressionOperation switched && switched.Value == current))
            {
                current = current.Parent;
            }

            switch (current.Parent)
            {
                case IArgumentOperation { Parent: IInvocationOperation user } argument:
                    if (MlNetApis.ChainMethods.Contains(user.TargetMethod.Name) && argument.Parameter?.Name == "estimator" && Receiver(user) is { } receiver)
                    {
                        var steps = new List<IInvocationOperation>();
                        Estimator(receiver, steps, 0);
                        pipelines.Add(steps);
                    }
                    else if (MlNetApis.ChainMethods.Contains(user.TargetMethod.Name) && user.TargetMethod.IsExtensionMethod && argument.Parameter?.Ordinal == 0)
                    {
                        Positions(user, pipelines, depth + 1); // the trainer starts a chain (trainer.Append(mapKeyToValue)): the chain's place is its place
                    }
                    else if (MlNetApis.TrainerNames.Contains(user.TargetMethod.Name) && MlNetApis.Wrappers.Contains(MlNetApis.Key(user.TargetMethod)))
                    {
                        Positions(user, pipelines, depth + 1);
                    }

                    break;
                case IInvocationOperation { TargetMethod.Name: "Fit" } fit when fit.Instance == current && fit.Arguments.Length > 0:
                    var trained = new List<IInvocationOperation>();
                    Data(fit.Arguments[0].Value, trained, 0);
                    pipelines.Add(trained);
                    break;
                case IInvocationOperation chain when chain.Instance == current && MlNetApis.ChainMethods.Contains(chain.TargetMethod.Name):
                    Positions(chain, pipelines, depth + 1);
                    break;
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    Uses(declarator.Symbol, current, pipelines, depth);
                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when assignment.Value == current:
                    Uses(target.Local, current, pipelines, depth);
                    break;
                case IReturnOperation when current.SemanticModel?.GetEnclosingSymbol(current.Syntax.SpanStart, cancellationToken) is IMethodSymbol { MethodKind: MethodKind.Ordinary, Parameters.Length: > 0 } method:
                    // A helper that returns the trainer: its call sites (found through the arguments passed to it) are its places.
                    foreach (var passed in index.ArgumentsTo(method, 0, cancellationToken))
                    {
                        if (passed.Parent is IArgumentOperation { Parent: IInvocationOperation site })
                        {
                            Positions(site, pipelines, depth + 1);
                        }
                    }

                    break;
            }
        }

        private void Uses(ILocalSymbol local, IOperation definition, List<List<IInvocationOperation>> pipelines, int depth)
        {
            foreach (var use in Operations.Root(definition).Descendants().OfType<ILocalReferenceOperation>())
            {
                if (SymbolEqualityComparer.Default.Equals(use.Local, local) && !(use.Parent is ISimpleAssignmentOperation a && a.Target == use))
                {
                    Positions(use, pipelines, depth + 1);
                }
            }
        }

        /// <summary>Reads one value once per path: cycles (a chain grown in a loop) and depth are cut here.</summary>
        private void Once(IOperation value, int depth, System.Action<IOperation> read)
        {
            value = Operations.Strip(value);
            if (depth > MaxDepth || !reading.Add(value))
            {
                return;
            }

            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                read(value);
            }
            finally
            {
                reading.Remove(value);
            }
        }

        /// <summary>The estimators an estimator-valued expression runs, in order.</summary>
        private void Estimator(IOperation value, List<IInvocationOperation> steps, int depth) => Once(value, depth, v =>
        {
            switch (v)
            {
                case IInvocationOperation call when MlNetApis.ChainMethods.Contains(call.TargetMethod.Name) && IsMlNet(call.TargetMethod):
                    if (Receiver(call) is { } receiver)
                    {
                        Estimator(receiver, steps, depth + 1);
                    }

                    if (call.Arguments.FirstOrDefault(a => a.Parameter?.Name == "estimator") is { } appended)
                    {
                        Estimator(appended.Value, steps, depth + 1);
                    }

                    break;
                case IInvocationOperation call when IsMlNet(call.TargetMethod):
                    steps.Add(call);
                    break;
                default:
                    Values(v, next => Estimator(next, steps, depth + 1));
                    break;
            }
        });

        /// <summary>The estimators that made the columns of a data view (<c>transformer.Transform(data)</c>), in order.</summary>
        private void Data(IOperation value, List<IInvocationOperation> steps, int depth) => Once(value, depth, v =>
        {
            switch (v)
            {
                case IInvocationOperation { TargetMethod.Name: "Transform", Instance: { } transformer } transform when transform.Arguments.Length > 0:
                    Data(transform.Arguments[0].Value, steps, depth + 1);
                    Transformer(transformer, steps, depth + 1);
                    break;
                case IInvocationOperation call when IsMlNet(call.TargetMethod):
                    // Cache, ShuffleRows, FilterRows..., TrainTestSplit: the rows of the data views passed in; a loader: raw columns.
                    foreach (var argument in call.Arguments.Where(a => a.Parameter?.Type.Name == "IDataView" && a.ArgumentKind != ArgumentKind.DefaultValue))
                    {
                        Data(argument.Value, steps, depth + 1);
                    }

                    break;
                case IMemberReferenceOperation { Instance: { } split, Member: IFieldSymbol { Type.Name: "IDataView" } or IPropertySymbol { Type.Name: "IDataView" } } part when part.Member.DeclaringSyntaxReferences.Length == 0:
                    Data(split, steps, depth + 1); // split.TrainSet: the rows of the data that was split
                    break;
                default:
                    Values(v, next => Data(next, steps, depth + 1));
                    break;
            }
        });

        /// <summary>The estimators a fitted transformer (<c>estimator.Fit(data)</c>) runs, in order.</summary>
        private void Transformer(IOperation value, List<IInvocationOperation> steps, int depth) => Once(value, depth, v =>
        {
            switch (v)
            {
                case IInvocationOperation { TargetMethod.Name: "Fit", Instance: { } estimator } fit:
                    if (fit.Arguments.Length > 0)
                    {
                        Data(fit.Arguments[0].Value, steps, depth + 1);
                    }

                    Estimator(estimator, steps, depth + 1);
                    break;
                case IInvocationOperation call when IsMlNet(call.TargetMethod):
                    break; // loaded from a file
                default:
                    Values(v, next => Transformer(next, steps, depth + 1));
                    break;
            }
        });

        /// <summary>The values a reference or call can have: definitions of a local, arguments of a parameter, writes of a member, returns of a method with source.</summary>
        private void Values(IOperation value, System.Action<IOperation> each)
        {
            switch (value)
            {
                case ILocalReferenceOperation local:
                    foreach (var definition in index.Reaching(local, cancellationToken))
                    {
                        if (definition is not (ICompoundAssignmentOperation or IIncrementOrDecrementOperation or IForEachLoopOperation or IArgumentOperation))
                        {
                            each(definition);
                        }
                    }

                    break;
                case IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol method } parameter }:
                    foreach (var argument in index.ArgumentsTo(method, parameter.Ordinal, cancellationToken))
                    {
                        each(argument);
                    }

                    break;
                case IFieldReferenceOperation or IPropertyReferenceOperation when Operations.ReferencedSymbol(value) is { } member:
                    foreach (var write in index.WritesTo(member, value, cancellationToken))
                    {
                        if (!write.IntoElements)
                        {
                            each(write.Value);
                        }
                    }

                    break;
                case IInvocationOperation call when call.TargetMethod.DeclaringSyntaxReferences.Length > 0:
                    foreach (var returned in index.ReturnsOf(call.TargetMethod, cancellationToken))
                    {
                        each(returned);
                    }

                    break;
                case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                    each(conditional.WhenTrue);
                    each(whenFalse);
                    break;
                case ICoalesceOperation coalesce:
                    each(coalesce.Value);
                    each(coalesce.WhenNull);
                    break;
            }
        }

        private static IOperation? Receiver(IInvocationOperation call) =>
            call.Instance ?? (call.TargetMethod.IsExtensionMethod && call.Arguments.Length > 0 ? call.Arguments[0].Value : null);

        private static bool IsMlNet(IMethodSymbol method)
        {
            var ns = method.ContainingNamespace;
            while (ns is { ContainingNamespace.IsGlobalNamespace: false })
            {
                ns = ns.ContainingNamespace;
            }

            return method.DeclaringSyntaxReferences.Length == 0 && ns?.Name == "Microsoft" && method.ContainingNamespace!.ToDisplayString().StartsWith("Microsoft.ML", System.StringComparison.Ordinal);
        }
    }
}
