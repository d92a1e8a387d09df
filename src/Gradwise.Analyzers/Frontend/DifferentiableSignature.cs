using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Gradwise.Frontend;

/// <summary>The shape of a [Differentiable] method's signature, and what is wrong with it.</summary>
internal static class DifferentiableSignature
{
    public static bool IsDifferentiable(IMethodSymbol method) =>
        method.GetAttributes().Any(a => IsGradwiseAttribute(a.AttributeClass, "DifferentiableAttribute"));

    public static bool IsNoGradient(IParameterSymbol parameter)
    {
        // A parameter written without attributes has none: binding them for every parameter asked about was a seventh of the
        // generator's time on a large project.
        var references = parameter.DeclaringSyntaxReferences;
        if (references.Length > 0 && references.All(r => r.GetSyntax() is ParameterSyntax { AttributeLists.Count: 0 }))
        {
            return false;
        }

        return parameter.GetAttributes().Any(a => IsGradwiseAttribute(a.AttributeClass, "NoGradientAttribute"));
    }

    /// <summary>
    /// <c>Gradwise.<paramref name="name"/></c>, compared part by part: formatting the attribute's full name for every parameter asked
    /// about was a tenth of the generator's time on a large project.
    /// </summary>
    internal static bool IsGradwiseAttribute(INamedTypeSymbol? attribute, string name) =>
        attribute is { Name: var actual, ContainingType: null, ContainingNamespace: { Name: "Gradwise", ContainingNamespace.IsGlobalNamespace: true } }
        && actual == name;

    /// <summary>True when the parameter gets a gradient: a double or float, or a span or array of double, not marked [NoGradient].</summary>
    public static bool HasGradient(IParameterSymbol parameter) =>
        (parameter.Type.SpecialType is SpecialType.System_Double or SpecialType.System_Single || IsGenericReal(parameter.Type, parameter.ContainingSymbol) || MethodFrontend.IsFloatingPoint(MethodFrontend.ElementTypeOf(parameter.Type)) || MethodFrontend.IsJagged(parameter.Type) || MethodFrontend.IsRectangular(parameter.Type))
        && !IsNoGradient(parameter);

    /// <summary>Problems with the method's declaration (not its body). Empty when the generator can emit for it.</summary>
    public static List<FrontendProblem> Check(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var problems = new List<FrontendProblem>();
        var location = method.Locations.FirstOrDefault() ?? Location.None;

        var real = GenericMath.RealParameter(method);
        var unsupportedGeneric = method.IsGenericMethod && (real is null || !method.IsStatic);
        if (unsupportedGeneric)
        {
            problems.Add(Signature(method, location, "a generic [Differentiable] method is static and has one type parameter T : IFloatingPointIeee754<T> (double, float, Half)"));
        }

        // Under an unsupported generic signature, a T return or parameter is explained by the problem above.
        bool Explained(ITypeSymbol type) => unsupportedGeneric && type is ITypeParameterSymbol;

        if (method.MethodKind != MethodKind.Ordinary)
        {
            problems.Add(Signature(method, location, "only ordinary methods can be differentiated, not " + Describe(method.MethodKind)));
        }

        if (method.IsAbstract || method.IsExtern || (method.IsPartialDefinition && method.PartialImplementationPart is null))
        {
            problems.Add(Signature(method, location, "it has no body to differentiate"));
        }

        if ((method.ReturnType.SpecialType is not (SpecialType.System_Double or SpecialType.System_Single) && !GenericMath.Is(method.ReturnType, real) && !Explained(method.ReturnType)) || method.ReturnsByRef || method.ReturnsByRefReadonly)
        {
            var returnLocation = ReturnTypeLocation(method, cancellationToken) ?? location;
            problems.Add(Signature(method, returnLocation, "it returns '" + method.ReturnType.ToDisplayString() + "'; a differentiable method returns double (or float)"));
        }

        foreach (var parameter in method.Parameters)
        {
            var parameterLocation = parameter.Locations.FirstOrDefault() ?? location;
            if (parameter.RefKind != RefKind.None)
            {
                problems.Add(Signature(method, parameterLocation, "parameter '" + parameter.Name + "' is passed by " + parameter.RefKind.ToString().ToLowerInvariant() + "; pass it by value"));
            }
            else if (parameter.IsParams)
            {
                problems.Add(Signature(method, parameterLocation, "params parameter '" + parameter.Name + "' is not supported"));
            }
            else if (!MethodFrontend.IsProcedureParameterType(parameter.Type) && parameter.Type.SpecialType != SpecialType.System_Single && !GenericMath.Is(parameter.Type, real) && !Explained(parameter.Type))
            {
                problems.Add(Signature(method, parameterLocation, "parameter '" + parameter.Name + "' has type '" + parameter.Type.ToDisplayString() + "'; parameters are double, float, int, a ReadOnlySpan<T>, Span<T> or T[] of double, float or int, or a double[][], double[,], float[][] or float[,]" + MethodFrontend.VectorHint(parameter.Type)));
            }
        }

        return problems;
    }

    /// <summary>The outermost type around <paramref name="method"/> that is not partial, or null when all are.</summary>
    public static INamedTypeSymbol? FirstNonPartialContainer(IMethodSymbol method, CancellationToken cancellationToken)
    {
        INamedTypeSymbol? found = null;
        for (var type = method.ContainingType; type != null; type = type.ContainingType)
        {
            if (!IsPartial(type, cancellationToken))
            {
                found = type;
            }
        }

        return found;
    }

    /// <summary>The first [Differentiable] method declared in <paramref name="type"/> or any type nested in it.</summary>
    public static IMethodSymbol? FirstDifferentiableMethodWithin(INamedTypeSymbol type)
    {
        foreach (var member in type.GetMembers())
        {
            if (member is IMethodSymbol method && IsDifferentiable(method))
            {
                return method;
            }
        }

        foreach (var nested in type.GetTypeMembers())
        {
            var found = FirstDifferentiableMethodWithin(nested);
            if (found != null)
            {
                return found;
            }
        }

        return null;
    }

    public static bool IsPartial(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (type.DeclaringSyntaxReferences.Length == 0)
        {
            return false;
        }

        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration
                || !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="type"/> is the real type parameter T of the method <paramref name="owner"/>.</summary>
    private static bool IsGenericReal(ITypeSymbol type, ISymbol owner) =>
        type is ITypeParameterSymbol && owner is IMethodSymbol method && GenericMath.Is(type, GenericMath.RealParameter(method));

    private static FrontendProblem Signature(IMethodSymbol method, Location location, string reason) =>
        new(Descriptors.UnsupportedSignature, location, new object[] { method.Name, reason });

    private static string Describe(MethodKind kind) => kind switch
    {
        MethodKind.LocalFunction => "local functions",
        MethodKind.LambdaMethod => "lambdas",
        MethodKind.Constructor or MethodKind.StaticConstructor => "constructors",
        MethodKind.PropertyGet or MethodKind.PropertySet => "accessors",
        MethodKind.UserDefinedOperator or MethodKind.Conversion => "operators",
        _ => kind.ToString(),
    };

    private static Location? ReturnTypeLocation(IMethodSymbol method, CancellationToken cancellationToken)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is MethodDeclarationSyntax declaration)
            {
                return declaration.ReturnType.GetLocation();
            }
        }

        return null;
    }
}
