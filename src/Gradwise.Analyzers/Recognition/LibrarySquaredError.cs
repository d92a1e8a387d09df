using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Gradwise.Flow;
using Gradwise.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Gradwise.Recognition;

/// <summary>A library squared-error loss: where, of what, and how the fix renames it.</summary>
internal sealed record LibraryLoss(IOperation Site, IOperation Prediction, ImmutableDictionary<string, string?> Fix, IOperation? Criterion);

/// <summary>
/// A squared-error teacher given a network of sigmoid units. <paramref name="ErrorFunctionSettable"/>: a trainer created at the site
/// whose error function no statement sets, so that setting it in the trainer's initializer decides it.
/// </summary>
internal sealed record SigmoidNetwork(IOperation Network, ActivationFact Fact, bool ErrorFunctionSettable = false);

/// <summary>Squared error as library and builder APIs spell it, read from the tables in <see cref="LibraryApis"/>.</summary>
internal static class LibrarySquaredError
{
    /// <summary>functional.mse_loss(input, target), or criterion.forward(input, target) with criterion = nn.MSELoss().</summary>
    public static LibraryLoss? Site(IInvocationOperation call, ActivationFlow flow, CancellationToken ct)
    {
        var target = call.TargetMethod;
        if (call.Arguments.Length < 2 || Operations.ArgumentAt(call.Arguments, 0) is not { } input)
        {
            return null;
        }

        if (LibraryApis.SquaredErrorFunctions.TryGetValue(LibraryApis.Key(target), out var replacement))
        {
            var fix = SquaredErrorFix.Properties(SquaredErrorFixKind.LibraryRename, call.Syntax.Span, Enumerable.Empty<(SquaredErrorPart, TextSpan)>(), replacement);
            return new LibraryLoss(call, input, fix, null);
        }

        if (!LibraryApis.ModuleInvocations.Contains(target.Name) || call.Instance is null || flow.ValuesOf(call.Instance, ct) is not { Count: 1 } values
            || Operations.Strip(values[0]) is not IInvocationOperation factory || !LibraryApis.SquaredErrorCriteria.TryGetValue(LibraryApis.Key(factory.TargetMethod), out var criterionReplacement))
        {
            return null;
        }

        var criterionFix = SquaredErrorFix.Properties(SquaredErrorFixKind.LibraryRename, call.Syntax.Span, Enumerable.Empty<(SquaredErrorPart, TextSpan)>(), criterionReplacement);
        return new LibraryLoss(call, input, criterionFix, factory);
    }

    /// <summary>
    /// model.Compile(..., LossType.MeanSquaredError) after a last layer added with a sigmoid (or softmax) activation
    /// (SiaNet's ActType.Sigmoid, or any builder whose enums name a sigmoid and a squared-error loss, or whose loss and layer
    /// objects compute them: <see cref="ModelParts"/>): layers added by statements on the same model before the call, or in the
    /// same fluent chain (<c>new Network().AddLayer(8, ActivationType.Relu).AddLayer(1, ActivationType.Sigmoid).WithLoss(LossType.MSE)</c>,
    /// the loss given before or after the layers).
    /// </summary>
    public static ActivationFact? CompiledAfterActivation(IInvocationOperation compile, ModelParts parts, FlowIndex index, CancellationToken ct)
    {
        if (compile.Instance is null || !parts.AnySquaredErrorLoss(compile.Arguments, ct))
        {
            return null;
        }

        var lastAdd = LastAdderInChain(compile);
        if (lastAdd is null && Operations.ReferencedSymbol(ChainStart(compile)) is { } model)
        {
            // Statements on the model before this call, or, for a model of this object, in its other members (BuildModel()).
            lastAdd = LastAdderOn(model, compile, 0, compile.Syntax.SpanStart) ?? LastAdderInType(model, compile, index, ct);

            // var net = new Network().AddLayer(...).AddLayer(...); net.Compile(...): the chain that made the model.
            if (lastAdd is null && model is ILocalSymbol)
            {
                var made = Operations.Root(compile).Descendants().OfType<IVariableDeclaratorOperation>()
                    .FirstOrDefault(d => SymbolEqualityComparer.Default.Equals(d.Symbol, model))?.Initializer?.Value;
                lastAdd = made is not null && Operations.Strip(made) is IInvocationOperation chain ? LastAdderInChain(chain) : null;
            }
        }

        return OutputAddedBy(lastAdd, parts, ct) ?? (lastAdd is null ? FunctionalOutput(compile, parts, index, ct) : null);
    }

    /// <summary>
    /// A functional model (TensorFlow.NET's <c>keras.Model(inputs, outputs)</c>): the softmax or sigmoid of the layer whose output
    /// is the model's <c>outputs</c> (<c>outputs = keras.layers.Dense(1, activation: keras.activations.Sigmoid).Apply(x)</c>), for a
    /// model in a local made in this body or in a member written anywhere in the compilation.
    /// </summary>
    private static ActivationFact? FunctionalOutput(IInvocationOperation compile, ModelParts parts, FlowIndex index, CancellationToken ct)
    {
        var start = ChainStart(compile);
        var made = start switch
        {
            ILocalReferenceOperation local => index.Reaching(local, ct),
            _ when Operations.ReferencedSymbol(start) is { } member and (IFieldSymbol or IPropertySymbol) => index.WritesTo(member, compile, ct).Where(w => !w.IntoElements).Select(w => w.Value).ToList(),
            _ => (System.Collections.Generic.IReadOnlyList<IOperation>)System.Array.Empty<IOperation>(),
        };
        foreach (var value in made)
        {
            var arguments = Operations.Strip(value) switch
            {
                IInvocationOperation call => call.Arguments,
                IObjectCreationOperation creation => creation.Arguments,
                _ => ImmutableArray<IArgumentOperation>.Empty,
            };
            if (arguments.FirstOrDefault(a => a.Parameter?.Name == "outputs")?.Value is not { } outputs)
            {
                continue;
            }

            var layers = Operations.Strip(outputs) is ILocalReferenceOperation outputLocal ? index.Reaching(outputLocal, ct) : new[] { outputs };
            foreach (var layer in layers)
            {
                if (parts.OutputIn(layer, ct) is { } fact)
                {
                    return fact;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// <c>new Network(new MeanSquaredError())</c> whose last layer is a softmax or sigmoid one: the loss object (or enum) is given
    /// where the model is made, the layers after it (<see cref="LastLayerOfCreated"/>).
    /// </summary>
    public static ActivationFact? MadeWithLossEndingInActivation(IObjectCreationOperation creation, ModelParts parts, FlowIndex index, CancellationToken ct) =>
        parts.AnySquaredErrorLoss(creation.Arguments, ct) ? LastLayerOfCreated(creation, parts, index, ct) : null;

    /// <summary>
    /// A squared-error loss set on a model by a property or a field, <c>net.Loss = new MeanSquaredError()</c> or
    /// <c>new Network { Loss = LossType.MeanSquaredError }</c>, when the model's last layer is a softmax or sigmoid one: added by
    /// statements on the model in the same body (before or after the loss is set: training comes later), in the chain that made it,
    /// or handed to its constructor or initializer.
    /// </summary>
    public static ActivationFact? SetOnModelEndingInActivation(ISimpleAssignmentOperation assignment, ModelParts parts, FlowIndex index, CancellationToken ct)
    {
        if (Operations.Strip(assignment.Value) is not (IFieldReferenceOperation or IObjectCreationOperation or IDelegateCreationOperation)
            || assignment.Target is not IMemberReferenceOperation { Instance: { } receiver }
            || !parts.IsSquaredErrorLoss(assignment.Value, ct))
        {
            return null;
        }

        if (receiver is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }
            && assignment.Parent is IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation created })
        {
            return LastLayerOfCreated(created, parts, index, ct);
        }

        if (Operations.ReferencedSymbol(receiver) is not { } model)
        {
            return null; // this.loss = ... inside the model's own class: the layers are whoever makes it
        }

        if ((LastAdderOn(model, assignment, 0, int.MaxValue) ?? LastAdderInType(model, assignment, index, ct)) is { } lastAdd)
        {
            return OutputAddedBy(lastAdd, parts, ct);
        }

        // No layer added by statements: the model made earlier in this body, by a chain or a constructor given the layers.
        var made = Operations.Root(assignment).Descendants()
            .Select(o => o switch
            {
                IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, model) => declarator.Initializer?.Value,
                ISimpleAssignmentOperation store when SymbolEqualityComparer.Default.Equals(Operations.ReferencedSymbol(store.Target), model) => store.Value,
                _ => null,
            })
            .LastOrDefault(value => value != null && value.Syntax.Span.End <= assignment.Syntax.SpanStart);
        return made is null ? null : Operations.Strip(made) switch
        {
            IInvocationOperation chain => OutputAddedBy(LastAdderInChain(chain), parts, ct),
            IObjectCreationOperation creation => LastLayerOfCreated(creation, parts, index, ct),
            _ => null,
        };
    }

    /// <summary>
    /// The softmax or sigmoid of the last layer of the model <paramref name="creation"/> makes: added in the fluent chain on it, or by
    /// statements on the local or member it is stored in after it is made (the adder that ends last ran last), or else the last
    /// layer of its initializer or of a collection handed to its constructor.
    /// </summary>
    private static ActivationFact? LastLayerOfCreated(IObjectCreationOperation creation, ModelParts parts, FlowIndex index, CancellationToken ct)
    {
        IOperation current = creation;
        while (current.Parent is IConversionOperation { OperatorMethod: null } conversion)
        {
            current = conversion;
        }

        if (current.Parent is IInvocationOperation chained && ReferenceEquals(chained.Instance, current))
        {
            return OutputAddedBy(LastAdderInChain(chained), parts, ct);
        }

        var model = StoredIn(creation);
        if (model != null && (LastAdderOn(model, creation, creation.Syntax.Span.End, int.MaxValue) ?? LastAdderInType(model, creation, index, ct)) is { } lastAdd)
        {
            return OutputAddedBy(lastAdd, parts, ct);
        }

        // The initializer runs after the constructor: its layers are the later ones, and the last one it adds decides.
        foreach (var initializer in (creation.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty).Reverse())
        {
            var last = initializer switch
            {
                IInvocationOperation { Arguments.Length: > 0 } add => add.Arguments[add.Arguments.Length - 1].Value, // new Network { dense, sigmoid }
                ISimpleAssignmentOperation { Target: IMemberReferenceOperation } store => LastElement(store.Value, creation, index, ct, depth: 0), // Layers = new List<ILayer> { ... }
                IMemberInitializerOperation { Initializer.Initializers: { Length: > 0 } adds } when adds[adds.Length - 1] is IInvocationOperation { Arguments.Length: > 0 } add
                    => add.Arguments[add.Arguments.Length - 1].Value, // Layers = { dense, sigmoid }
                _ => null,
            };
            if (last != null)
            {
                return parts.OutputIn(last, ct);
            }
        }

        return LastLayerIn(creation.Arguments, creation, parts, index, ct);
    }

    /// <summary>The local, field or property the object made at <paramref name="made"/> is stored in (through implicit conversions), or null.</summary>
    private static ISymbol? StoredIn(IOperation made)
    {
        var current = made;
        while (current.Parent is IConversionOperation { OperatorMethod: null } conversion)
        {
            current = conversion;
        }

        return current.Parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            ISimpleAssignmentOperation assignment when ReferenceEquals(assignment.Value, current) => Operations.ReferencedSymbol(assignment.Target),
            IFieldInitializerOperation { InitializedFields: [var field] } => field.OriginalDefinition,
            IPropertyInitializerOperation { InitializedProperties: [var property] } => property.OriginalDefinition,
            _ => null,
        };
    }

    /// <summary>
    /// For a model held in a field or property of the object <paramref name="use"/> is in, the layer adder on it that ends last among
    /// the members of that type, in source order (constructors, field initializers, methods): the layers added in a constructor or a
    /// method of their own (<c>BuildModel()</c>), the loss given in another. Bounded by the type's own declarations; a model of
    /// another type is filled by that type and is not followed.
    /// </summary>
    private static IInvocationOperation? LastAdderInType(ISymbol model, IOperation use, FlowIndex index, CancellationToken ct)
    {
        if (model is not (IFieldSymbol or IPropertySymbol) || model.ContainingType is not { } type
            || use.SemanticModel?.GetEnclosingSymbol(use.Syntax.SpanStart, ct)?.ContainingType is not { } enclosing
            || !SymbolEqualityComparer.Default.Equals(enclosing.OriginalDefinition, type.OriginalDefinition))
        {
            return null;
        }

        IInvocationOperation? last = null;
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(ct) is not TypeDeclarationSyntax declaration)
            {
                continue;
            }

            foreach (var member in declaration.Members)
            {
                var owners = member switch
                {
                    BaseMethodDeclarationSyntax method => new SyntaxNode?[] { method },
                    FieldDeclarationSyntax field => field.Declaration.Variables.Select(v => (SyntaxNode?)v.Initializer).ToArray(),
                    _ => System.Array.Empty<SyntaxNode?>(),
                };
                foreach (var owner in owners)
                {
                    if (owner != null && index.FactsOf(owner, ct).Root is { } root && LastAdderOn(model, root, 0, int.MaxValue) is { } add)
                    {
                        last = add;
                    }
                }
            }
        }

        return last;
    }

    /// <summary>
    /// The layer adder called on <paramref name="model"/> (or on a fluent chain starting from it) in the body around
    /// <paramref name="use"/>, within [<paramref name="from"/>, <paramref name="to"/>), that ends last: it ran last (a chain's outer call
    /// ends after its inner ones).
    /// </summary>
    private static IInvocationOperation? LastAdderOn(ISymbol model, IOperation use, int from, int to) =>
        Operations.Root(use).Descendants().OfType<IInvocationOperation>()
            .Where(call => call.Syntax.SpanStart >= from && call.Syntax.Span.End <= to && call.Instance != null && LibraryApis.LayerAdders.Contains(call.TargetMethod.Name)
                && SymbolEqualityComparer.Default.Equals(Operations.ReferencedSymbol(ChainStart(call)), model))
            .OrderBy(call => call.Syntax.Span.End)
            .LastOrDefault();

    /// <summary>The softmax or sigmoid of the layer an adder adds, from any of its arguments.</summary>
    private static ActivationFact? OutputAddedBy(IInvocationOperation? add, ModelParts parts, CancellationToken ct) =>
        add?.Arguments.Select(a => parts.OutputIn(a.Value, ct)).FirstOrDefault(f => f != null);

    /// <summary>
    /// A network made or trained with a squared-error loss enum and a collection of layers whose last layer is made with a
    /// sigmoid activation enum: <c>new Network(new[] { new Dense(8, ActivationType.ReLU), new Dense(1, ActivationType.Sigmoid) },
    /// LossType.MeanSquaredError)</c>, the layers an array, a list or a collection expression written there, or a local made
    /// with one (and filled by <c>Add</c> calls before the use). The fact is at the last layer's sigmoid.
    /// </summary>
    public static ActivationFact? GivenLayersEndingInActivation(IOperation call, ImmutableArray<IArgumentOperation> arguments, ModelParts parts, FlowIndex index, CancellationToken ct)
    {
        return parts.AnySquaredErrorLoss(arguments, ct) ? LastLayerIn(arguments, call, parts, index, ct) : null;
    }

    /// <summary>
    /// A layer or network configured in one call with an activation enum and a squared-error loss (NeuralNetwork.NET's
    /// <c>NetworkLayers.FullyConnected(10, ActivationType.Sigmoid, CostFunctionType.Quadratic)</c>, an output layer with its cost;
    /// <c>new NeuralNetwork(sizes, rate, ActivationFunctionType.Sigmoid, CostFunctionType.Quadratic)</c>, one activation for every
    /// layer): the output is the sigmoid (softmax) the call names. Where the call is given several activations of one enum, the one
    /// its parameter names the output's (<c>outputActivation:</c>) counts, and none where no parameter says; an activation given for
    /// the hidden layers only (<c>hiddenActivation:</c>) does not count. The fact is at the activation named.
    /// </summary>
    public static ActivationFact? ConfiguredWithActivationAndLoss(ImmutableArray<IArgumentOperation> arguments, ModelParts parts, CancellationToken ct)
    {
        if (!parts.AnySquaredErrorLoss(arguments, ct))
        {
            return null;
        }

        foreach (var argument in arguments)
        {
            if (Operations.Strip(argument.Value) is not IFieldReferenceOperation { Field.ContainingType: { TypeKind: TypeKind.Enum } kind } || ModelParts.ParameterSays(argument.Value, "hidden")
                || parts.OutputIn(argument.Value, ct) is not { } output)
            {
                continue;
            }

            // The same enum given for several layers (hidden and output activations): the one the output's parameter names.
            var alike = arguments.Where(a => Operations.Strip(a.Value) is IFieldReferenceOperation { Field.ContainingType: var other } && SymbolEqualityComparer.Default.Equals(other, kind)
                && !ModelParts.ParameterSays(a.Value, "hidden")).ToList();
            if (alike.Count == 1 || (ModelParts.ParameterSays(argument.Value, "output") && alike.Count(a => ModelParts.ParameterSays(a.Value, "output")) == 1))
            {
                return output;
            }
        }

        return null;
    }

    /// <summary>The softmax or sigmoid of the last layer of a collection of layers among <paramref name="arguments"/>.</summary>
    private static ActivationFact? LastLayerIn(ImmutableArray<IArgumentOperation> arguments, IOperation call, ModelParts parts, FlowIndex index, CancellationToken ct)
    {
        foreach (var argument in arguments)
        {
            if (LastElement(argument.Value, call, index, ct, depth: 0) is { } last)
            {
                if (last is IObjectCreationOperation layer && parts.OutputIn(layer, ct, LastIteration.NotTaken(layer)) is { } output)
                {
                    return output;
                }
            }
            else if (Operations.IsCollectionType(argument.Value.Type) && parts.OutputOfLastElement(argument.Value, ct) is { } followed)
            {
                return followed; // a list a method builds and returns, or one kept in a field and filled in the constructor
            }
        }

        return null;
    }

    /// <summary>The last element a collection of layers is written with, or null when it is not written in a way read here.</summary>
    private static IOperation? LastElement(IOperation collection, IOperation use, FlowIndex index, CancellationToken ct, int depth)
    {
        switch (Operations.Strip(collection))
        {
            case IArrayCreationOperation { Initializer.ElementValues: { Length: > 0 } elements }:
                return Operations.Strip(elements[elements.Length - 1]);
            case ICollectionExpressionOperation { Elements: { Length: > 0 } elements } when elements[elements.Length - 1] is not ISpreadOperation:
                return Operations.Strip(elements[elements.Length - 1]);
            case IObjectCreationOperation { Initializer.Initializers: { Length: > 0 } initializers }
                when initializers[initializers.Length - 1] is IInvocationOperation { Arguments.Length: > 0 } add:
                return Operations.Strip(add.Arguments[add.Arguments.Length - 1].Value);
            case ILocalReferenceOperation local when depth < 3:
                // Layers added one by one before the use: the Add that ends last.
                var added = Operations.Root(use).Descendants().OfType<IInvocationOperation>()
                    .Where(c => MemberFacts.AddsAnElement(c.TargetMethod.Name) && c.Instance is ILocalReferenceOperation r
                        && SymbolEqualityComparer.Default.Equals(r.Local, local.Local) && c.Syntax.Span.End <= use.Syntax.SpanStart && c.Arguments.Length > 0)
                    .OrderBy(c => c.Syntax.Span.End)
                    .LastOrDefault();
                if (added != null)
                {
                    return Operations.Strip(added.Arguments[added.Arguments.Length - 1].Value);
                }

                return index.SingleDefinition(local, ct) is { } made ? LastElement(made, use, index, ct, depth + 1) : null;
            default:
                return null;
        }
    }

    /// <summary>What a builder call's output is called in a message: the model's name, or the type a fluent chain starts by creating.</summary>
    public static string ModelName(IInvocationOperation compile) =>
        ChainStart(compile) is IObjectCreationOperation { Type: { } type } ? "the " + type.Name : ChainStart(compile).Syntax.ToString();

    /// <summary>The layer adder run last in the fluent chain <paramref name="call"/> is part of: the outermost one.</summary>
    private static IInvocationOperation? LastAdderInChain(IInvocationOperation call)
    {
        var outer = call;
        while (ChainParent(outer) is { } parent)
        {
            outer = parent;
        }

        for (IInvocationOperation? link = outer; link != null; link = link.Instance is { } instance ? Operations.Strip(instance) as IInvocationOperation : null)
        {
            if (LibraryApis.LayerAdders.Contains(link.TargetMethod.Name) && link.Instance != null)
            {
                return link;
            }
        }

        return null;
    }

    /// <summary>The call made on the result of <paramref name="call"/> (<c>call.Next(...)</c>), or null.</summary>
    private static IInvocationOperation? ChainParent(IInvocationOperation call)
    {
        IOperation current = call;
        while (current.Parent is IConversionOperation { OperatorMethod: null } conversion)
        {
            current = conversion;
        }

        return current.Parent is IInvocationOperation next && ReferenceEquals(next.Instance, current) ? next : null;
    }

    /// <summary>The receiver a fluent chain starts from: <c>net</c> in <c>net.Add(a).Add(b)</c>, or the creation that starts it.</summary>
    private static IOperation ChainStart(IInvocationOperation call)
    {
        var receiver = Operations.Strip(call.Instance!);
        while (receiver is IInvocationOperation { Instance: { } inner })
        {
            receiver = Operations.Strip(inner);
        }

        return receiver;
    }

    /// <summary>Accord/AForge: a squared-error teacher (backpropagation, RPROP, Levenberg-Marquardt) for a network of sigmoid units.</summary>
    public static SigmoidNetwork? TeacherOfSigmoidNetwork(IObjectCreationOperation creation, ActivationFlow flow, CancellationToken ct)
    {
        if (creation.Type is null || !LibraryApis.IsType(creation.Type, LibraryApis.SquaredErrorTeachers) || creation.Arguments.Length == 0)
        {
            return null;
        }

        var network = creation.Arguments[0].Value;
        foreach (var value in flow.ValuesOf(network, ct) ?? new System.Collections.Generic.List<IOperation>())
        {
            if (Operations.Strip(value) is IObjectCreationOperation { Type: { } networkType } networkCreation && LibraryApis.IsType(networkType, LibraryApis.ActivationNetworks)
                && networkCreation.Arguments.Length > 0 && flow.ValuesOf(networkCreation.Arguments[0].Value, ct) is { } activations)
            {
                foreach (var activation in activations)
                {
                    if (Operations.Strip(activation) is IObjectCreationOperation { Type: { } activationType } && LibraryApis.IsType(activationType, LibraryApis.SigmoidActivationTypes))
                    {
                        return new SigmoidNetwork(network, ActivationFact.At(Activation.Sigmoid, activation, activationType.Name));
                    }
                }
            }
        }

        return null;
    }

    /// <summary>
    /// NeuronDotNet: a self-training network made from its input and output layers (<see cref="LibraryApis.OutputLayerNetworks"/>)
    /// whose output layer is a library sigmoid layer, wherever flow places the layer's creation.
    /// </summary>
    public static SigmoidNetwork? MadeFromSigmoidOutputLayer(IObjectCreationOperation creation, ActivationFlow flow, CancellationToken ct)
    {
        if (LibraryApis.OutputLayerOrdinal(creation.Type) is not { } ordinal
            || Operations.ArgumentAt(creation.Arguments, ordinal) is not { } outputLayer)
        {
            return null;
        }

        foreach (var made in flow.ValuesOf(outputLayer, ct) ?? new System.Collections.Generic.List<IOperation>())
        {
            if (Operations.Strip(made) is IObjectCreationOperation { Type: { } type } layer && LibraryApis.IsType(type, LibraryApis.SigmoidActivationTypes))
            {
                return new SigmoidNetwork(outputLayer, ActivationFact.At(Activation.Sigmoid, layer, type.Name));
            }
        }

        return null;
    }

    /// <summary>
    /// Encog: a propagation trainer (<see cref="LibraryApis.EncogSquaredErrorTrainers"/>) left with the linear error function, or
    /// <c>EncogUtility.TrainToError(network, ...)</c> (resilient propagation), given a network whose last layer is a sigmoid one: a
    /// <c>BasicNetwork</c> whose last <c>AddLayer</c> gets a <c>BasicLayer</c> of <c>ActivationSigmoid</c> (wherever flow places the
    /// network's creation: this body, a method that returns it, a field filled in a constructor), or
    /// <c>EncogUtility.SimpleFeedForward(..., tanh: false)</c>. The fact is at the last layer's sigmoid.
    /// </summary>
    public static SigmoidNetwork? EncogTrainerOfSigmoidNetwork(IOperation trainer, ModelParts parts, ActivationFlow flow, CancellationToken ct)
    {
        IOperation network;
        var settable = false;
        switch (trainer)
        {
            case IObjectCreationOperation { Arguments.Length: > 0 } creation when LibraryApis.IsType(creation.Type, LibraryApis.EncogSquaredErrorTrainers)
                && TrainsWithSquaredError(creation, out var setByStatement):
                network = creation.Arguments[0].Value;
                settable = !setByStatement && HasSettableProperty(creation.Type, LibraryApis.EncogErrorFunction);
                break;
            case IInvocationOperation { Arguments.Length: > 0 } call when LibraryApis.EncogTrainingCalls.Contains(LibraryApis.Key(call.TargetMethod))
                && call.TargetMethod.Parameters[0].Type.Name != "IMLTrain":
                network = call.Arguments.First(a => a.Parameter?.Ordinal == 0).Value;
                break;
            default:
                return null;
        }

        foreach (var made in flow.ValuesOf(network, ct) ?? new System.Collections.Generic.List<IOperation>())
        {
            var fact = Operations.Strip(made) switch
            {
                IObjectCreationOperation creation => LastLayerOfCreated(creation, parts, flow.Index, ct),
                IInvocationOperation call when LibraryApis.Key(call.TargetMethod) == LibraryApis.EncogSimpleFeedForward
                    && Operations.ArgumentAt(call.Arguments, 4)?.ConstantValue is { HasValue: true, Value: false }
                    => ActivationFact.At(Activation.Sigmoid, call, "every layer of SimpleFeedForward(..., tanh: false) is a sigmoid one"),
                IInvocationOperation { TargetMethod.Name: "Generate", Instance: { } pattern } generate when LibraryApis.IsType(pattern.Type, LibraryApis.EncogPatterns)
                    => PatternActivation(pattern, generate, parts, flow, ct),
                _ => null,
            };
            if (fact is { Kind: Activation.Sigmoid })
            {
                return new SigmoidNetwork(network, fact, settable);
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="type"/> or a base type has a public settable property <paramref name="name"/> (Encog 3.4's trainers; 3.2's have none).</summary>
    private static bool HasSettableProperty(ITypeSymbol? type, string name)
    {
        for (; type != null; type = type.BaseType)
        {
            if (type.GetMembers(name).OfType<IPropertySymbol>().Any(p => p.SetMethod is { DeclaredAccessibility: Accessibility.Public }))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The activation an Encog pattern gives every layer of the network it generates: the last one set before <paramref name="generate"/>
    /// on the local the pattern is in, or else the one in the initializer of the creation flow places there.
    /// </summary>
    private static ActivationFact? PatternActivation(IOperation pattern, IInvocationOperation generate, ModelParts parts, ActivationFlow flow, CancellationToken ct)
    {
        const string property = "ActivationFunction";
        var symbol = Operations.ReferencedSymbol(pattern);
        var set = symbol is null ? null : Operations.Root(generate).Descendants().OfType<ISimpleAssignmentOperation>()
            .Where(a => a.Syntax.Span.End <= generate.Syntax.SpanStart && a.Target is IPropertyReferenceOperation { Property.Name: property, Instance: { } instance }
                && SymbolEqualityComparer.Default.Equals(Operations.ReferencedSymbol(instance), symbol))
            .LastOrDefault()?.Value;
        set ??= (flow.ValuesOf(pattern, ct) ?? new System.Collections.Generic.List<IOperation>()).OfType<IObjectCreationOperation>()
            .SelectMany(c => (c.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty).OfType<ISimpleAssignmentOperation>())
            .LastOrDefault(a => a.Target is IPropertyReferenceOperation { Property.Name: property })?.Value;
        return set is null ? null : parts.OutputIn(set, ct);
    }

    /// <summary>
    /// False when the trainer's error function is set, in its initializer or on the local or member it is stored in (anywhere in
    /// the body), to anything but a function whose value still goes through σ' (Encog's linear and arctangent error functions).
    /// </summary>
    private static bool TrainsWithSquaredError(IObjectCreationOperation trainer, out bool setByStatement)
    {
        setByStatement = false;
        var stored = StoredIn(trainer);
        var set = (trainer.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty).OfType<ISimpleAssignmentOperation>()
            .Where(a => a.Target is IPropertyReferenceOperation { Property.Name: LibraryApis.EncogErrorFunction });
        if (stored != null)
        {
            var statements = Operations.Root(trainer).Descendants().OfType<ISimpleAssignmentOperation>()
                .Where(a => a.Target is IPropertyReferenceOperation { Property.Name: LibraryApis.EncogErrorFunction, Instance: { } instance }
                    && SymbolEqualityComparer.Default.Equals(Operations.ReferencedSymbol(instance), stored))
                .ToList();
            setByStatement = statements.Count > 0;
            set = set.Concat(statements);
        }

        return set.All(a => Operations.Strip(a.Value) is IObjectCreationOperation { Type: { } type } && LibraryApis.IsType(type, LibraryApis.EncogSquaredErrorFunctions));
    }

    private static bool IsEnum(IOperation operation, System.Collections.Generic.HashSet<(string NamespacePrefix, string Enum, string Member)> table) =>
        Operations.Strip(operation) is IFieldReferenceOperation field && LibraryApis.IsEnumMember(field.Field, table);
}
