using System.Collections.Immutable;
using System.Linq;
using Gradwise.Flow;
using Gradwise.Frontend;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Gradwise.Rules;

/// <summary>
/// Reports why the generator made no code for a [Differentiable] method (GW9001–GW9003).
/// It runs the same frontend as the generator, so the two never disagree, and being an
/// analyzer its diagnostics obey #pragma and .editorconfig.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DifferentiableMethodAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.TypeNotPartial, Descriptors.UnsupportedSignature, Descriptors.UnsupportedConstruct);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            // The generator adds the attribute to the project's own source: no lookup across the references is needed.
            var attribute = start.Compilation.Assembly.GetTypeByMetadataName(KnownNames.DifferentiableAttribute);
            if (attribute is null)
            {
                return;
            }

            if (!FlowIndex.AnyFile(start.Compilation, start.TryGetValue, TreeCandidates.DifferentiableProvider))
            {
                return; // no [Differentiable] method anywhere: no method, type or body action (a body action alone makes the driver build every body's operations)
            }

            // A [Parameter] field the generator cannot train: at the field, naming why (GW9002).
            start.RegisterSymbolAction(
                fieldContext =>
                {
                    var member = fieldContext.Symbol;
                    if (ModelParameters.MayBeMarked(member, fieldContext.CancellationToken) && ModelParameters.IsMarked(member)
                        && ModelParameters.Problem(member) is { } problem && member.Locations.FirstOrDefault() is { } location)
                    {
                        fieldContext.ReportDiagnostic(Diagnostic.Create(Descriptors.UnsupportedSignature, location, member.ContainingType.Name + "." + member.Name, problem));
                    }
                },
                SymbolKind.Field,
                SymbolKind.Property);

            // A method, or a type holding one, is looked at only in a file whose text says "Differentiable" (the attribute, or an
            // alias of it): in the rest of a project no attribute of any method is bound. A global using may alias the attribute
            // for every file; then every file is looked at.
            // Whether some file has such a global using is asked only for a symbol in a file that does not mention the attribute
            // (after an edit, usually never), and from the per-file caches, which keep their answers across edits.
            bool Mentions(SyntaxTree tree) => !start.TryGetValue(tree, TreeCandidates.DifferentiableProvider, out var mentions) || mentions;
            bool HasGlobalUsing(SyntaxTree tree) => !start.TryGetValue(tree, TreeCandidates.GlobalUsingProvider, out var has) || has;
            var everyFile = new System.Lazy<bool>(() => start.Compilation.SyntaxTrees.Any(t => Mentions(t) && HasGlobalUsing(t)), System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
            bool MayDeclare(ISymbol symbol) =>
                symbol.Locations.FirstOrDefault(l => l.IsInSource)?.SourceTree is not { } tree || Mentions(tree) || (MayCarryAttribute(symbol) && everyFile.Value);

            // GW9001 is reported from the type itself, so the diagnostic is local to the symbol it is on.
            start.RegisterSymbolAction(
                typeContext =>
                {
                    var type = (INamedTypeSymbol)typeContext.Symbol;
                    if (!MayDeclare(type) || DifferentiableSignature.IsPartial(type, typeContext.CancellationToken))
                    {
                        return;
                    }

                    var method = DifferentiableSignature.FirstDifferentiableMethodWithin(type);
                    if (method != null && type.Locations.FirstOrDefault() is { } location)
                    {
                        typeContext.ReportDiagnostic(Diagnostic.Create(Descriptors.TypeNotPartial, location, type.Name, method.Name));
                    }
                },
                SymbolKind.NamedType);

            start.RegisterSymbolAction(
                symbolContext =>
                {
                    var method = (IMethodSymbol)symbolContext.Symbol;
                    if (!MayDeclare(method) || !HasAttribute(method, attribute))
                    {
                        return;
                    }

                    foreach (var problem in DifferentiableSignature.Check(method, symbolContext.CancellationToken))
                    {
                        symbolContext.ReportDiagnostic(problem.ToDiagnostic());
                    }
                },
                SymbolKind.Method);

            start.RegisterOperationBlockAction(blockContext =>
            {
                if (blockContext.OwningSymbol is not IMethodSymbol method
                    || !MayDeclare(method)
                    || !HasAttribute(method, attribute)
                    || blockContext.OperationBlocks.IsEmpty
                    || DifferentiableSignature.Check(method, blockContext.CancellationToken).Count > 0)
                {
                    return;
                }

                if (HasGeneratedGradient(method))
                {
                    return; // the generator read it without a problem (a success carries none): nothing to report, no second reading
                }

                var body = blockContext.OperationBlocks.FirstOrDefault(b => b is IMethodBodyOperation)
                    ?? blockContext.OperationBlocks.FirstOrDefault(b => b is IBlockOperation);
                if (body is null)
                {
                    return;
                }

                var result = MethodFrontend.Read(method, body, blockContext.Compilation, blockContext.CancellationToken);
                foreach (var problem in result.Problems)
                {
                    blockContext.ReportDiagnostic(problem.ToDiagnostic());
                }
            });
        });
    }

    /// <summary>
    /// False when no declaration of the method (or of any method of the type) has an attribute list: then it cannot be
    /// [Differentiable] under any alias, and whether some file aliases the attribute need not be asked. Syntax only.
    /// </summary>
    private static bool MayCarryAttribute(ISymbol symbol) => symbol switch
    {
        IMethodSymbol method => method.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.MemberDeclarationSyntax { AttributeLists.Count: > 0 }),
        INamedTypeSymbol type => type.GetMembers().OfType<IMethodSymbol>().Any(MayCarryAttribute) || type.GetTypeMembers().Any(MayCarryAttribute),
        _ => true,
    };

    /// <summary>
    /// True when the compilation holds the <c>MWithGradient</c> the generator wrote for <paramref name="method"/> (its parameters first,
    /// marked generated by Gradwise): the frontend read the method without a problem. A method of yours with that name does not count.
    /// </summary>
    private static bool HasGeneratedGradient(IMethodSymbol method)
    {
        foreach (var candidate in method.ContainingType.GetMembers(method.Name + KnownNames.GradientSuffix).OfType<IMethodSymbol>())
        {
            if (candidate.Parameters.Length >= method.Parameters.Length
                && method.Parameters.All(p => candidate.Parameters[p.Ordinal].RefKind == p.RefKind && candidate.Parameters[p.Ordinal].Type.ToDisplayString() == p.Type.ToDisplayString())
                && candidate.GetAttributes().Any(a => a.AttributeClass is { Name: "GeneratedCodeAttribute" } && a.ConstructorArguments.Length > 0 && a.ConstructorArguments[0].Value is "Gradwise"))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasAttribute(IMethodSymbol method, INamedTypeSymbol attribute) =>
        method.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute));
}
