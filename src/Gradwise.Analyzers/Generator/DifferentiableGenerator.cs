using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Gradwise.Frontend;
using Gradwise.Symbolic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Gradwise.Generator;

/// <summary>
/// Generates <c>MWithGradient</c> for every method <c>M</c> marked [Differentiable].
/// Parser (symbols → <see cref="DifferentiableMethodSpec"/>) → math → emitter. The generator
/// only emits code; <see cref="Rules.DifferentiableMethodAnalyzer"/> reports why a method got none.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class DifferentiableGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        context.RegisterPostInitializationOutput(static post =>
        {
            post.AddEmbeddedAttributeDefinition();
            post.AddSource(GeneratedSources.AttributesHintName, GeneratedSources.Attributes);
            post.AddSource(GeneratedSources.RuntimeHintName, GeneratedSources.Runtime);
        });

        var methods = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.DifferentiableAttribute,
                static (node, _) => node is MethodDeclarationSyntax,
                static (ctx, ct) => Parse(ctx, ct))
            .WithTrackingName(TrackingNames.Methods);

        var valid = methods
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!)
            .WithTrackingName(TrackingNames.ValidMethods);

        // Split halves only for the methods some generated caller calls: the set of callees of every method, collected.
        var callees = valid
            .Select(static (spec, _) => CalleesOf(spec))
            .Collect()
            .Select(static (all, _) => new EquatableArray<string>(all.SelectMany(c => c).Distinct().OrderBy(c => c, System.StringComparer.Ordinal).ToArray()))
            .WithTrackingName(TrackingNames.Callees);

        var emitted = valid
            .Combine(callees)
            .Select(static (pair, _) => pair.Left with { HasCallers = pair.Right.Contains(pair.Left.CallKey) })
            .WithTrackingName(TrackingNames.EmittedMethods);

        context.RegisterSourceOutput(emitted, static (spc, spec) =>
        {
            string text;
            try
            {
                text = Emit(spec);
            }
            catch (System.Exception ex) when (ex is not System.OperationCanceledException)
            {
                // One method's failure must not take the others down (CS8785), nor pass silently.
                spc.ReportDiagnostic(Diagnostic.Create(Descriptors.GeneratorInternalError, spec.Location?.ToLocation() ?? Location.None, spec.Name, ex.GetType().Name + ": " + ex.Message));
                return;
            }

            spc.AddSource(spec.HintName, text);
        });

        InitializeModels(context);
    }

    private static DifferentiableMethodSpec? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not IMethodSymbol method || context.TargetNode is not MethodDeclarationSyntax declaration)
        {
            return null;
        }

        if (DifferentiableSignature.FirstNonPartialContainer(method, cancellationToken) != null
            || DifferentiableSignature.Check(method, cancellationToken).Count > 0)
        {
            return null;
        }

        var body = context.SemanticModel.GetOperation(declaration, cancellationToken);
        var result = MethodFrontend.Read(method, body, context.SemanticModel.Compilation, cancellationToken);
        if (!result.IsSuccess)
        {
            return null;
        }

        // An instance method of a model class is differentiated with respect to the class's [Parameter] fields; its arguments are data.
        var model = ModelParameters.IsModelMethod(method) ? ModelParameters.Leaves(method.ContainingType) : null;
        var parameters = new List<ParameterSpec>();
        var used = new HashSet<string>(method.Parameters.Select(p => p.Name));
        foreach (var parameter in method.Parameters)
        {
            var name = Escape(parameter.Name);
            string? gradient = null;
            if (model is null && DifferentiableSignature.HasGradient(parameter))
            {
                gradient = GradientName(parameter.Name, used);
                used.Add(gradient);
            }

            parameters.Add(new ParameterSpec(name, parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), gradient, KindOf(parameter.Type)) { IsFloatMatrix = MethodFrontend.IsFloatMatrix(parameter.Type) });
        }

        var ns = method.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : null;
        var real = GenericMath.RealParameter(method);
        var cref = method.Name + (real is not null ? "{" + real.Name + "}" : string.Empty) + "(" + string.Join(", ", method.Parameters.Select(p => p.Type.ToDisplayString())) + ")";
        var overloaded = method.ContainingType.GetMembers(method.Name).OfType<IMethodSymbol>().Count(DifferentiableSignature.IsDifferentiable) > 1;
        var formulaPrefix = method.Name + (overloaded ? method.Parameters.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty);

        return new DifferentiableMethodSpec(
            HintName(method),
            ns,
            ContainingTypes(method.ContainingType),
            method.Name,
            Modifiers(method),
            cref,
            formulaPrefix,
            new EquatableArray<ParameterSpec>(parameters.ToArray()),
            KindOf(method.ReturnType),
            result.Value,
            result.Procedure,
            LocationInfo.From(declaration.Identifier.GetLocation()))
        {
            ModelFields = new EquatableArray<ModelFieldSpec>((model ?? System.Array.Empty<(ISymbol, string, string)>()).Select(m => ModelParameters.SpecOf(m.Member, m.GradientPath, m.Path)).ToArray()),
            GradientParameter = model is null ? null : UniqueName("gradient", used),
            CallKey = MethodFrontend.CalleeText(method),
            TypeParameter = real?.Name,
            Constraints = real is not null ? GenericMath.ConstraintClause(real) : null,
            Guards = new EquatableArray<Expr>(result.Guards.ToArray()),
        };
    }

    /// <summary>
    /// The method's argument checks, first: where one holds, the method itself is called, and throws what it throws (its checks
    /// come first and read only its parameters, so it throws before doing anything else).
    /// </summary>
    private static void EmitGuards(IndentedWriter w, DifferentiableMethodSpec spec)
    {
        foreach (var guard in spec.Guards)
        {
            w.Line("if (" + ExprFormatter.Code.Format(guard) + ")");
            w.Line("{");
            w.Line("    _ = " + spec.Name + "(" + string.Join(", ", spec.Parameters.Select(p => p.Name)) + ");");
            w.Line("}");
            w.Line();
        }
    }

    /// <summary>The methods a method's program calls through their split halves (not TensorPrimitives kernels).</summary>
    private static EquatableArray<string> CalleesOf(DifferentiableMethodSpec spec) =>
        spec.Procedure is { } procedure
            ? new EquatableArray<string>(Statements.In(procedure.Body).OfType<CallStmt>().Where(c => c.Kernel == TensorKernel.None).Select(c => c.Callee).Distinct().ToArray())
            : EquatableArray<string>.Empty;

    private static string UniqueName(string wanted, ICollection<string> used)
    {
        var name = wanted;
        while (used.Contains(name))
        {
            name += "_";
        }

        return name;
    }

    private static ValueKind KindOf(ITypeSymbol type) => type.SpecialType switch
    {
        _ when type is ITypeParameterSymbol => ValueKind.Generic,
        _ when type is IArrayTypeSymbol { Rank: 1, ElementType: ITypeParameterSymbol } or INamedTypeSymbol { TypeArguments: [ITypeParameterSymbol] } => ValueKind.GenericArray,
        SpecialType.System_Double => ValueKind.Double,
        SpecialType.System_Single => ValueKind.Float,
        _ when MethodFrontend.IsJagged(type) => ValueKind.Jagged,
        _ when MethodFrontend.IsRectangular(type) => ValueKind.Rectangular,
        _ when type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Double } => ValueKind.Other,
        _ when MethodFrontend.ElementTypeOf(type) == SpecialType.System_Single => ValueKind.FloatArray,
        _ => ValueKind.Other,
    };

    /// <summary>The generated file for one method.</summary>
    internal static string Emit(DifferentiableMethodSpec spec) =>
        spec.Procedure is { } procedure ? EmitProcedure(spec, procedure) : EmitScalar(spec, spec.Value!);

    private static string EmitScalar(DifferentiableMethodSpec spec, Expr value)
    {
        // Generic over T: the math runs in double, in a helper over double that the public method converts for.
        var generic = spec.TypeParameter != null;
        var math = generic ? InDouble(spec) : spec;
        var preparationNotes = new List<string>();
        var function = Derivation.Prepare(value, preparationNotes);
        var differentiable = spec.Parameters.Where(p => p.GradientName != null).ToList();
        var derivations = differentiable.Select(p => (Parameter: p, Derivation: Derivation.Of(spec.Name, value, function, preparationNotes, Unescape(p.Name)))).ToList();

        var prefix = LocalPrefix(spec);
        var valueName = prefix + "Value";
        var outputs = new List<EmitOutput> { new(valueName, function, true) };

        // float parameters and results: the math runs in double and is rounded to float once, at the end.
        string Target(ParameterSpec p) => p.IsFloat ? prefix + "d_" + p.GradientName : p.GradientName!;
        outputs.AddRange(derivations.Select(d => new EmitOutput(Target(d.Parameter), d.Derivation.Result, d.Parameter.IsFloat)));
        var body = CodeEmitter.Emit(outputs, prefix).ToList();
        body.AddRange(differentiable.Where(p => p.IsFloat).Select(p => p.GradientName + " = (float)" + Target(p) + ";"));

        var w = OpenFile(spec);
        w.Line("/// <summary>");
        w.Line("/// Computes <see cref=\"" + Xml(spec.Cref) + "\"/> and its gradient in one pass (generated by Gradwise).");
        if (generic)
        {
            w.Line("/// The math runs in double; the value and each partial are rounded to " + spec.TypeParameter + " once, at the end.");
        }

        w.Line("/// </summary>");
        w.Line("/// <remarks>");
        foreach (var (parameter, derivation) in derivations)
        {
            var x = Unescape(parameter.Name);
            w.Line("/// <para>∂" + spec.Name + "/∂" + x + " = " + Xml(derivation.Result.ToString()) + "</para>");
            w.Line("/// <para>How it was derived:</para>");
            DocList(w, "number", derivation.Steps);
        }

        w.Line("/// </remarks>");
        ParameterDocs(w, spec);

        w.Line("/// <returns>The value of " + spec.Name + ".</returns>");
        w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Gradwise\", \"" + GeneratorVersion + "\")]");

        var helper = spec.Name + "GradwiseInDouble";
        if (generic)
        {
            EmitGenericWrapper(w, spec, helper, prefix);
            w.Line();
            w.Line("/// <summary>" + Xml(spec.Name) + "WithGradient over double, which the generic method converts its arguments and results for.</summary>");
            w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Gradwise\", \"" + GeneratorVersion + "\")]");
            w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        }

        w.Open(generic ? Signature(math, helper, "private static ") : Signature(spec));
        EmitGuards(w, spec);
        foreach (var line in body)
        {
            w.Line(line);
        }

        if (!generic)
        {
            ExactValueAtNonFinite(w, spec, valueName); // the generic wrapper does this on its T arguments
        }

        w.Line("return " + (spec.ReturnKind == ValueKind.Float ? "(float)" : string.Empty) + valueName + ";");
        w.Close();

        var access = spec.Modifiers.Replace("static ", string.Empty);
        foreach (var (parameter, derivation) in derivations)
        {
            w.Line();
            w.Line("/// <summary>The closed form of ∂" + spec.Name + "/∂" + Unescape(parameter.Name) + " that Gradwise derived, in C# syntax.</summary>");
            w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Gradwise\", \"" + GeneratorVersion + "\")]");
            w.Line(access + "const string " + spec.FormulaPrefix + "_" + parameter.GradientName + " = " + StringLiteral(derivation.Result.ToString()) + ";");
        }

        return CloseFile(spec, w);
    }

    private static string EmitProcedure(DifferentiableMethodSpec generic, Procedure procedure)
    {
        // Generic over T: the procedure runs over doubles in a helper; the public method copies T spans in and gradients out.
        var spec = generic.TypeParameter is null ? generic : InDouble(generic);
        var differentiable = spec.Parameters.Where(p => p.GradientName != null).ToList();
        var gradients = differentiable.ToDictionary(p => p.Name, p => p.GradientName!);
        foreach (var field in spec.ModelFields)
        {
            gradients.Add(ModelParameters.NameOf(field.Field), spec.GradientParameter + "." + field.Member);
        }

        // A float gradient is accumulated in double, in a temporary the emitter writes, and rounded to float once at the end.
        var prefix = ProcedurePrefix(spec, procedure);
        var floats = differentiable.Where(p => p.IsFloat || p.Kind == ValueKind.FloatArray || p.IsFloatMatrix).Select(p => (Parameter: p, Temporary: prefix + "float_" + p.GradientName)).ToList();
        foreach (var (parameter, temporary) in floats)
        {
            gradients[parameter.Name] = temporary;
        }

        var code = ReverseEmitter.Emit(
            procedure,
            gradients,
            prefix,
            arrayGradients: spec.ModelFields.Where(f => f.IsVector).Select(f => ModelParameters.NameOf(f.Field)).ToList(),
            sizedByCaller: floats.Where(f => !f.Parameter.IsFloat).Select(f => f.Parameter.Name).ToList());

        var w = OpenFile(
            spec,
            "#pragma warning disable CS0162 // a loop that always breaks, as written, has an unreachable increment here too",
            "#pragma warning disable CS0219 // a local the method reads only in code that can never run (after an unconditional continue) is still declared here");
        w.Line("/// <summary>");
        w.Line("/// Computes <see cref=\"" + Xml(spec.Cref) + "\"/> and its gradient (generated by Gradwise, reverse mode).");
        w.Line("/// </summary>");
        w.Line("/// <remarks>");
        w.Line("/// <para>A forward sweep runs the method and keeps what the reverse sweep needs (" + (code.UsesTape ? "on a tape, at most " + code.TapedPerStatement + " value(s) per statement run" : "no tape: every derivative reads values that are still valid") + "); the reverse sweep");
        w.Line("/// runs the statements backwards and accumulates each parameter's gradient by the chain rule." + (code.FusedLoops > 0
            ? " " + (code.FusedLoops == 1 ? "One loop carries" : code.FusedLoops + " loops carry") + " only sums from one iteration to the next, so each of its iterations runs backwards right after it runs forward.</para>"
            : "</para>"));
        if (code.Steps.Count > 0)
        {
            w.Line("/// <para>The local derivatives it uses, statement by statement:</para>");
            DocList(w, "bullet", code.Steps);
        }

        if (code.ClosedForms.Count > 0)
        {
            w.Line("/// <para>Closed forms of the adjoints, ∂" + spec.Name + " with respect to values the method computes, for one pass of the loops around each");
            w.Line("/// (the gradient of a parameter sums them over the passes, times the local derivatives above):</para>");
            DocList(w, "bullet", code.ClosedForms.Select(f => "∂" + spec.Name + "/∂" + f.Quantity + " = " + f.Adjoint));
        }

        w.Line("/// </remarks>");
        ParameterDocs(w, spec);

        w.Line("/// <returns>The value of " + spec.Name + ".</returns>");
        if (differentiable.Any(p => p.IsArray) || spec.ModelFields.Any(f => !f.IsScalar))
        {
            w.Line(differentiable.Any(p => p.IsMatrix) || spec.ModelFields.Any(f => !f.IsScalar)
                ? "/// <exception cref=\"global::System.ArgumentException\">A gradient does not have the shape of its parameter (its length, or a row's).</exception>"
                : "/// <exception cref=\"global::System.ArgumentException\">A gradient span does not have the length of its parameter.</exception>");
        }

        w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Gradwise\", \"" + GeneratorVersion + "\")]");
        var helper = generic.Name + "GradwiseInDouble";
        if (generic.TypeParameter != null)
        {
            EmitGenericWrapper(w, generic, helper, prefix);
            w.Line();
            w.Line("/// <summary>" + Xml(generic.Name) + "WithGradient over double, which the generic method copies its spans and converts its numbers for.</summary>");
            w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Gradwise\", \"" + GeneratorVersion + "\")]");
            w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
            w.Open(Signature(spec, helper, "private static "));
        }
        else
        {
            w.Open(Signature(spec));
        }

        EmitGuards(w, spec);
        foreach (var (parameter, temporary) in floats)
        {
            if (parameter.IsFloat)
            {
                w.Line("double " + temporary + ";");
                continue;
            }

            if (parameter.IsFloatMatrix)
            {
                // The float gradient is checked against the matrix here; the double one is made in its shape.
                var row = prefix + "r";
                foreach (var line in ReverseEmitter.ShapeCheck(parameter.Name, parameter.GradientName!, parameter.IsJagged ? ReverseEmitter.MatrixKind.Jagged : ReverseEmitter.MatrixKind.Rectangular, row))
                {
                    w.Line(line);
                }

                if (parameter.IsJagged)
                {
                    w.Line("double[][] " + temporary + " = new double[" + parameter.Name + ".Length][];");
                    w.Line("for (int " + row + " = 0; " + row + " < " + parameter.Name + ".Length; " + row + "++) " + temporary + "[" + row + "] = new double[" + parameter.Name + "[" + row + "].Length];");
                }
                else
                {
                    w.Line("double[,] " + temporary + " = new double[" + parameter.Name + ".GetLength(0), " + parameter.Name + ".GetLength(1)];");
                }

                continue;
            }

            foreach (var line in ReverseEmitter.LengthCheck(parameter.Name, parameter.GradientName!))
            {
                w.Line(line);
            }
            w.Line("global::System.Span<double> " + temporary + " = " + parameter.Name + ".Length <= 256 ? stackalloc double[" + parameter.Name + ".Length] : new double[" + parameter.Name + ".Length];");
        }

        foreach (var line in code.Lines)
        {
            w.Line(line);
        }

        foreach (var (parameter, temporary) in floats)
        {
            var (i, j) = (prefix + "i", prefix + "j");
            w.Line(parameter.IsFloat
                ? parameter.GradientName + " = (float)" + temporary + ";"
                : parameter.IsFloatMatrix && parameter.IsJagged
                    ? "for (int " + i + " = 0; " + i + " < " + temporary + ".Length; " + i + "++) for (int " + j + " = 0; " + j + " < " + temporary + "[" + i + "].Length; " + j + "++) " + parameter.GradientName + "[" + i + "][" + j + "] = (float)" + temporary + "[" + i + "][" + j + "];"
                    : parameter.IsFloatMatrix
                        ? "for (int " + i + " = 0; " + i + " < " + temporary + ".GetLength(0); " + i + "++) for (int " + j + " = 0; " + j + " < " + temporary + ".GetLength(1); " + j + "++) " + parameter.GradientName + "[" + i + ", " + j + "] = (float)" + temporary + "[" + i + ", " + j + "];"
                        : "for (int " + i + " = 0; " + i + " < " + temporary + ".Length; " + i + "++) " + parameter.GradientName + "[" + i + "] = (float)" + temporary + "[" + i + "];");
        }

        if (generic.TypeParameter is null)
        {
            ExactValueAtNonFinite(w, spec, code.ValueName); // the generic wrapper does this on its T arguments
        }

        w.Line("return " + (spec.ReturnKind == ValueKind.Float ? "(float)" : string.Empty) + code.ValueName + ";");
        w.Close();

        var access = spec.Modifiers.Replace("static ", string.Empty);
        var constants = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var form in code.ClosedForms)
        {
            var constant = spec.FormulaPrefix + "_d" + form.Name;
            if (constants.Add(constant))
            {
                w.Line();
                w.Line("/// <summary>The closed form of ∂" + spec.Name + "/∂" + Xml(form.Quantity) + " (for one pass of the loops around it) that Gradwise derived, in C# syntax.</summary>");
                w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Gradwise\", \"" + GeneratorVersion + "\")]");
                w.Line(access + "const string " + constant + " = " + StringLiteral(form.Adjoint.ToString()) + ";");
            }
        }
        if (spec.HasCallers && generic.TypeParameter is null && spec.Parameters.Any(p => p.Kind != ValueKind.Double) && !spec.Parameters.Any(p => p.IsMatrix || p.IsFloat || p.Kind == ValueKind.FloatArray) && spec.ReturnKind != ValueKind.Float && spec.GradientParameter is null)
        {
            // Callable from another [Differentiable] method, which then runs it once forward and once backward.
            EmitSplit(w, spec, procedure, gradients, differentiable);
        }

        return CloseFile(spec, w);
    }

    /// <summary>
    /// The split halves of reverse mode (<see cref="ReverseEmitter.EmitSplit"/>), for generated callers only: a call of
    /// this method inside another [Differentiable] method runs the forward half where the call is and the reverse half in
    /// the caller's reverse sweep, sharing the caller's tape, so the method's body runs once each way.
    /// </summary>
    private static void EmitSplit(IndentedWriter w, DifferentiableMethodSpec spec, Procedure procedure, Dictionary<string, string> gradients, List<ParameterSpec> differentiable)
    {
        var split = ReverseEmitter.EmitSplit(procedure, gradients, ProcedurePrefix(spec, procedure));
        var modifiers = "internal " + (spec.Modifiers.Contains("static ") ? "static " : string.Empty);
        var parameters = string.Join(", ", spec.Parameters.Select(p => p.Type + " " + p.Name));
        var tape = "ref global::Gradwise.Runtime.GradwiseTape " + split.TapeName;

        w.Line();
        w.Line("/// <summary>For generated callers: <see cref=\"" + Xml(spec.Cref) + "\"/>, keeping on the caller's tape what <c>" + spec.Name + ReverseEmitter.ReverseSuffix + "</c> reads back.</summary>");
        w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Gradwise\", \"" + GeneratorVersion + "\")]");
        w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        w.Open(modifiers + "double " + spec.Name + ReverseEmitter.ForwardSuffix + "(" + parameters + ", " + tape + ")");
        EmitGuards(w, spec);
        foreach (var line in split.Forward)
        {
            w.Line(line);
        }

        ExactValueAtNonFinite(w, spec, split.ValueName);
        w.Line("return " + split.ValueName + ";");
        w.Close();

        w.Line();
        w.Line("/// <summary>For generated callers: after <c>" + spec.Name + ReverseEmitter.ForwardSuffix + "</c> on the same arguments and tape, adds <c>" + split.SeedName + "</c> times the gradient of <see cref=\"" + Xml(spec.Cref) + "\"/> into the gradient arguments.</summary>");
        w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Gradwise\", \"" + GeneratorVersion + "\")]");
        w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        var gradientParameters = differentiable.Select(p => (p.IsArray ? "global::System.Span<double> " : "ref double ") + p.GradientName);
        w.Open(modifiers + "void " + spec.Name + ReverseEmitter.ReverseSuffix + "(" + string.Join(", ", new[] { parameters, tape, "double " + split.SeedName }.Concat(gradientParameters)) + ")");
        foreach (var parameter in differentiable.Where(p => p.IsArray))
        {
            foreach (var line in ReverseEmitter.LengthCheck(parameter.Name, parameter.GradientName!))
            {
                w.Line(line);
            }
        }

        foreach (var line in split.Reverse)
        {
            w.Line(line);
        }

        w.Close();
    }

    private static void DocList(IndentedWriter w, string type, IEnumerable<string> items)
    {
        w.Line("/// <list type=\"" + type + "\">");
        foreach (var item in items)
        {
            w.Line("/// <item><description>" + Xml(item) + "</description></item>");
        }

        w.Line("/// </list>");
    }

    private static void ParameterDocs(IndentedWriter w, DifferentiableMethodSpec spec)
    {
        foreach (var parameter in spec.Parameters)
        {
            w.Line("/// <param name=\"" + Unescape(parameter.Name) + "\">As in " + spec.Name + (parameter.GradientName is null ? " (no gradient).</param>" : ".</param>"));
        }

        if (spec.GradientParameter is { } gradientParameter)
        {
            w.Line("/// <param name=\"" + gradientParameter + "\">On return, ∂" + spec.Name + "/∂ each [Parameter] field (" + string.Join(", ", spec.ModelFields.Select(f => f.Field + " in " + f.Member)) + "), overwritten; make it with <c>new Gradient(model)</c>.</param>");
        }

        foreach (var parameter in spec.Parameters.Where(p => p.GradientName != null))
        {
            w.Line("/// <param name=\"" + parameter.GradientName + "\">On return, ∂" + spec.Name + "/∂" + Unescape(parameter.Name) + (parameter.IsJagged ? " (element by element; the same row lengths as " + Unescape(parameter.Name) + ", overwritten)" : parameter.Kind == ValueKind.Rectangular ? " (element by element; the same shape as " + Unescape(parameter.Name) + ", overwritten)" : parameter.IsArray ? " (element by element; same length as " + Unescape(parameter.Name) + ", overwritten)" : string.Empty) + ".</param>");
        }
    }

    /// <summary>
    /// The value is computed above in the simplifier's rearranged form, which equals the method's for finite
    /// numbers (up to rounding). Where a NaN or an infinity is involved the rearrangement can differ (x − x is
    /// 0, ∞ − ∞ is NaN), so then the value is the method's own: a diverging model never looks healthy.
    /// Span elements are not scanned; a non-finite element that changes the value still shows in it.
    /// </summary>
    private static void ExactValueAtNonFinite(IndentedWriter w, DifferentiableMethodSpec spec, string valueName)
    {
        var finite = new[] { valueName }.Concat(spec.Parameters.Where(p => p.Kind is ValueKind.Double or ValueKind.Float).Select(p => p.Name))
            .Select(name => "double.IsFinite(" + name + ")");
        w.Line("if (!(" + string.Join(" && ", finite) + "))");
        w.Line("{");
        w.Line("    " + valueName + " = " + spec.Name + "(" + string.Join(", ", spec.Parameters.Select(p => p.Name)) + ");");
        w.Line("}");
        w.Line();
    }

    /// <summary>The spec of a generic method's helper over double: T as double, spans and arrays of T as read-only spans of double.</summary>
    private static DifferentiableMethodSpec InDouble(DifferentiableMethodSpec spec) => spec with
    {
        Parameters = new EquatableArray<ParameterSpec>(spec.Parameters.Select(p => p.Kind switch
        {
            ValueKind.Generic => p with { Kind = ValueKind.Double, Type = "double" },
            ValueKind.GenericArray => p with { Kind = ValueKind.Other, Type = "global::System.ReadOnlySpan<double>" },
            _ => p,
        }).ToArray()),
        ReturnKind = ValueKind.Double,
        TypeParameter = null,
        Constraints = null,
    };

    /// <summary>
    /// The public <c>MWithGradient&lt;T&gt;</c> of a generic method: T arguments converted to double, spans of T copied into double
    /// arrays, the helper over double called, each gradient converted back to T (rounded once), and the value, which is your
    /// method's own at T where it or an argument is not finite.
    /// </summary>
    private static void EmitGenericWrapper(IndentedWriter w, DifferentiableMethodSpec spec, string helper, string prefix)
    {
        var t = spec.TypeParameter!;
        var i = prefix + "i";
        w.Open(Signature(spec));
        foreach (var parameter in spec.Parameters.Where(p => p.GradientName != null && p.Kind == ValueKind.GenericArray))
        {
            foreach (var line in ReverseEmitter.LengthCheck(parameter.Name, parameter.GradientName!))
            {
                w.Line(line);
            }
        }

        var arguments = new List<string>();
        var after = new List<string>();
        foreach (var parameter in spec.Parameters)
        {
            switch (parameter.Kind)
            {
                case ValueKind.Generic:
                    arguments.Add("double.CreateTruncating(" + parameter.Name + ")");
                    break;
                case ValueKind.GenericArray:
                    var copy = prefix + "in_" + Unescape(parameter.Name);
                    w.Line("double[] " + copy + " = new double[" + parameter.Name + ".Length];");
                    w.Line("for (int " + i + " = 0; " + i + " < " + copy + ".Length; " + i + "++) " + copy + "[" + i + "] = double.CreateTruncating(" + parameter.Name + "[" + i + "]);");
                    arguments.Add(copy);
                    break;
                default:
                    arguments.Add(parameter.Name);
                    break;
            }
        }

        foreach (var parameter in spec.Parameters.Where(p => p.GradientName != null))
        {
            var temporary = prefix + "d_" + parameter.GradientName;
            switch (parameter.Kind)
            {
                case ValueKind.Generic:
                    arguments.Add("out double " + temporary);
                    after.Add(parameter.GradientName + " = " + t + ".CreateTruncating(" + temporary + ");");
                    break;
                case ValueKind.GenericArray:
                    w.Line("double[] " + temporary + " = new double[" + parameter.Name + ".Length];");
                    arguments.Add(temporary);
                    after.Add("for (int " + i + " = 0; " + i + " < " + temporary + ".Length; " + i + "++) " + parameter.GradientName + "[" + i + "] = " + t + ".CreateTruncating(" + temporary + "[" + i + "]);");
                    break;
                default:
                    arguments.Add(parameter.IsArray ? parameter.GradientName! : "out " + parameter.GradientName);
                    break;
            }
        }

        var value = prefix + "Value";
        w.Line("double " + value + " = " + helper + "(" + string.Join(", ", arguments) + ");");
        foreach (var line in after)
        {
            w.Line(line);
        }

        // Where the value is not finite, the rearranged form may differ from yours (∞ − ∞): then it is your method's, at T.
        var finite = new[] { "double.IsFinite(" + value + ")" }
            .Concat(spec.Parameters.Where(p => p.Kind is ValueKind.Generic or ValueKind.Double or ValueKind.Float).Select(p => (p.Kind == ValueKind.Generic ? t : "double") + ".IsFinite(" + p.Name + ")"));
        w.Line("if (!(" + string.Join(" && ", finite) + "))");
        w.Line("{");
        w.Line("    " + value + " = double.CreateTruncating(" + spec.Name + "<" + t + ">(" + string.Join(", ", spec.Parameters.Select(p => p.Name)) + "));");
        w.Line("}");
        w.Line();
        w.Line("return " + (spec.ReturnKind == ValueKind.Generic ? t + ".CreateTruncating(" + value + ")" : value) + ";");
        w.Close();
    }

    private static string Signature(DifferentiableMethodSpec spec, string? name = null, string? modifiers = null)
    {
        var signature = new StringBuilder();
        var returnType = spec.ReturnKind switch
        {
            ValueKind.Float => "float",
            ValueKind.Generic => spec.TypeParameter!,
            _ => "double",
        };
        signature.Append(modifiers ?? spec.Modifiers).Append(returnType).Append(' ').Append(name ?? spec.Name + KnownNames.GradientSuffix);
        if (spec.TypeParameter != null)
        {
            signature.Append('<').Append(spec.TypeParameter).Append('>');
        }

        signature.Append('(');
        signature.Append(string.Join(", ", spec.Parameters.Select(p => p.Type + " " + p.Name)));
        foreach (var parameter in spec.Parameters.Where(p => p.GradientName != null))
        {
            signature.Append(parameter.IsMatrix ? ", " + parameter.MatrixType + " " : parameter.Kind == ValueKind.GenericArray ? ", global::System.Span<" + spec.TypeParameter + "> " : parameter.Kind == ValueKind.FloatArray ? ", global::System.Span<float> " : parameter.IsArray ? ", global::System.Span<double> " : parameter.IsFloat ? ", out float " : parameter.Kind == ValueKind.Generic ? ", out " + spec.TypeParameter + " " : ", out double ").Append(parameter.GradientName);
        }

        if (spec.GradientParameter is { } gradientParameter)
        {
            signature.Append(spec.Parameters.Count > 0 ? ", " : string.Empty).Append(ModelGradientType).Append(' ').Append(gradientParameter);
        }

        signature.Append(')');
        return spec.Constraints is { } constraints ? signature.Append(' ').Append(constraints).ToString() : signature.ToString();
    }

    private static IndentedWriter OpenFile(DifferentiableMethodSpec spec, params string[] pragmas) => OpenFile(spec.Namespace, spec.ContainingTypes, pragmas);

    /// <summary>A generated file's header, its namespace and the partial declarations of the types around what it adds.</summary>
    private static IndentedWriter OpenFile(string? ns, EquatableArray<ContainingTypeSpec> containingTypes, params string[] pragmas)
    {
        var w = new IndentedWriter();
        w.Line("// <auto-generated/>");
        w.Line("#nullable enable");
        foreach (var pragma in pragmas)
        {
            w.Line(pragma);
        }

        w.Line();
        if (ns != null)
        {
            w.Open("namespace " + ns);
        }

        foreach (var type in containingTypes)
        {
            w.Open("partial " + type.Keyword + " " + type.Name);
        }

        return w;
    }

    private static string CloseFile(DifferentiableMethodSpec spec, IndentedWriter w) => CloseFile(spec.Namespace, spec.ContainingTypes, w);

    private static string CloseFile(string? ns, EquatableArray<ContainingTypeSpec> containingTypes, IndentedWriter w)
    {
        foreach (var _ in containingTypes)
        {
            w.Close();
        }

        if (ns != null)
        {
            w.Close();
        }

        return w.ToString();
    }

    /// <summary><paramref name="type"/> and the types around it, outermost first, as their partial declarations are written.</summary>
    private static EquatableArray<ContainingTypeSpec> ContainingTypes(INamedTypeSymbol type)
    {
        var containing = new List<ContainingTypeSpec>();
        for (var t = type; t != null; t = t.ContainingType)
        {
            containing.Insert(0, new ContainingTypeSpec(Keyword(t), t.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
        }

        return new EquatableArray<ContainingTypeSpec>(containing.ToArray());
    }

    /// <summary>A prefix for generated names that no parameter, local, index or buffer of the method starts with.</summary>
    private static string ProcedurePrefix(DifferentiableMethodSpec spec, Procedure procedure)
    {
        var names = spec.Parameters.Select(p => Unescape(p.Name))
            .Concat(spec.Parameters.Where(p => p.GradientName != null).Select(p => p.GradientName!))
            .Concat(procedure.Locals)
            .Concat(procedure.Buffers.Select(b => b.Name))
            .Concat(ReverseEmitter.DeclaredNames(procedure))
            .ToList();
        var prefix = "gw_";
        while (names.Any(n => n.StartsWith(prefix, System.StringComparison.Ordinal)))
        {
            prefix = "_" + prefix;
        }

        return prefix;
    }

    private static string StringLiteral(string text)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                default:
                    if (c < ' ' || (c > '~' && c < 0xA0))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    /// <summary>The version written into [GeneratedCode]; fixed text so output is deterministic.</summary>
    internal const string GeneratorVersion = "0.1.0";

    private static string LocalPrefix(DifferentiableMethodSpec spec)
    {
        // Locals are t0, t1, ..., t0_d1 and tValue, unless a parameter already has such a name.
        var names = spec.Parameters.Select(p => Unescape(p.Name)).Concat(spec.Parameters.Where(p => p.GradientName != null).Select(p => p.GradientName!)).ToList();
        var prefix = "t";
        while (names.Any(n => IsLocalName(n, prefix)))
        {
            prefix = "_" + prefix;
        }

        return prefix;
    }

    private static bool IsLocalName(string name, string prefix)
    {
        if (!name.StartsWith(prefix, System.StringComparison.Ordinal))
        {
            return false;
        }

        var rest = name.Substring(prefix.Length);
        return rest == "Value" || (rest.Length > 0 && char.IsDigit(rest[0]));
    }

    /// <summary>dz for z, dWeights for weights; made unique against the method's other names.</summary>
    internal static string GradientName(string parameter, ICollection<string> used)
    {
        var name = "d" + (parameter.Length > 1 ? char.ToUpperInvariant(parameter[0]) + parameter.Substring(1) : parameter);
        while (used.Contains(name))
        {
            name += "_";
        }

        return name;
    }

    private static string Modifiers(IMethodSymbol method)
    {
        var access = method.DeclaredAccessibility switch
        {
            Accessibility.Public => "public ",
            Accessibility.Internal => "internal ",
            Accessibility.Protected => "protected ",
            Accessibility.ProtectedOrInternal => "protected internal ",
            Accessibility.ProtectedAndInternal => "private protected ",
            _ => "private ",
        };
        return access + (method.IsStatic ? "static " : string.Empty);
    }

    private static string Keyword(INamedTypeSymbol type) => type switch
    {
        { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
        { IsRecord: true } => "record",
        { TypeKind: TypeKind.Struct } => "struct",
        { TypeKind: TypeKind.Interface } => "interface",
        _ => "class",
    };

    private static string HintName(IMethodSymbol method)
    {
        var text = method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", string.Empty)
            + "." + method.Name + "(" + string.Join(",", method.Parameters.Select(p => p.Type.ToDisplayString())) + ")";
        var sb = new StringBuilder(text.Length + 5);
        foreach (var c in text)
        {
            sb.Append(char.IsLetterOrDigit(c) || c == '.' || c == '_' ? c : c == '(' || c == ')' || c == ',' ? c : '_');
        }

        return sb.Append(".g.cs").ToString();
    }

    private static string Escape(string name) => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    private static string Unescape(string name) => name.StartsWith("@", System.StringComparison.Ordinal) ? name.Substring(1) : name;

    private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
