using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Gradwise.Frontend;

/// <summary>
/// Generic math: a [Differentiable] method generic over <c>T : IFloatingPointIeee754&lt;T&gt;</c> is read as the same method over
/// double (T's operators, <c>T.Exp</c>-style statics and <c>T.One</c>-style constants are double's), and the generated method
/// converts at its boundary. The one table of which members those are.
/// </summary>
internal static class GenericMath
{
    /// <summary>The constants of the generic-math interfaces, by member name.</summary>
    private static readonly Dictionary<string, double> Constants = new()
    {
        ["Zero"] = 0,
        ["One"] = 1,
        ["NegativeOne"] = -1,
        ["Pi"] = Math.PI,
        ["E"] = Math.E,
        ["Tau"] = 2 * Math.PI,
    };

    /// <summary>The conversions into T, which read their argument as a number.</summary>
    private static readonly HashSet<string> Conversions = new() { "CreateChecked", "CreateTruncating", "CreateSaturating" };

    /// <summary>The method's type parameter T when it is its only one and <c>T : IFloatingPointIeee754&lt;T&gt;</c> (directly or through a derived interface); else null.</summary>
    public static ITypeParameterSymbol? RealParameter(IMethodSymbol method)
    {
        if (method.TypeParameters.Length != 1)
        {
            return null;
        }

        var t = method.TypeParameters[0];
        return IsReal(t) ? t : null;
    }

    /// <summary>True when <c>T : IFloatingPointIeee754&lt;T&gt;</c> (directly or through a derived interface).</summary>
    public static bool IsReal(ITypeParameterSymbol t)
    {
        foreach (var constraint in t.ConstraintTypes)
        {
            if (constraint is INamedTypeSymbol named && (IsIeee(named, t) || named.AllInterfaces.Any(i => IsIeee(i, t))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="type"/> is <paramref name="real"/> (the method's real type parameter).</summary>
    public static bool Is(ITypeSymbol? type, ITypeParameterSymbol? real) =>
        real != null && type is ITypeParameterSymbol parameter && SymbolEqualityComparer.Default.Equals(parameter, real);

    /// <summary>The <c>System.Numerics</c> interfaces that make a type parameter a floating-point number (any one of them, directly or inherited).</summary>
    private static readonly HashSet<string> FloatingPointInterfaces = new(System.StringComparer.Ordinal)
    {
        "IFloatingPointIeee754", "IBinaryFloatingPointIeee754", "IFloatingPoint", "IFloatingPointConstants", "IExponentialFunctions",
        "IHyperbolicFunctions", "ILogarithmicFunctions", "IPowerFunctions", "IRootFunctions", "ITrigonometricFunctions",
    };

    /// <summary>
    /// True for a type parameter constrained to a floating-point interface of <c>System.Numerics</c> (<c>T : IExponentialFunctions&lt;T&gt;</c>):
    /// what the recognizers read a generic helper's body in, where the generator asks for <see cref="IsReal"/>.
    /// </summary>
    public static bool IsFloatingParameter(ITypeSymbol? type) =>
        type is ITypeParameterSymbol t && t.ConstraintTypes.OfType<INamedTypeSymbol>().Any(c => c.AllInterfaces.Add(c).Any(i => IsFloatingInterfaceOf(i, t)));

    private static bool IsFloatingInterfaceOf(INamedTypeSymbol type, ITypeParameterSymbol t) =>
        type.Arity == 1 && FloatingPointInterfaces.Contains(type.Name) && InSystemNumerics(type) && SymbolEqualityComparer.Default.Equals(type.TypeArguments[0], t);

    /// <summary>A static member of a <c>System.Numerics</c> interface, reached through T: <c>T.Exp</c>, <c>T.One</c>, T's operators.</summary>
    public static bool IsInterfaceMember(ISymbol? member) =>
        member is { IsStatic: true, ContainingType: { TypeKind: TypeKind.Interface } type } && InSystemNumerics(type);

    /// <summary>The value of <c>T.One</c>, <c>T.Pi</c> and the like, or null.</summary>
    public static double? Constant(ISymbol member) =>
        IsInterfaceMember(member) && Constants.TryGetValue(member.Name, out var value) ? value : null;

    /// <summary>True for <c>T.CreateChecked(x)</c>, <c>T.CreateTruncating(x)</c> and <c>T.CreateSaturating(x)</c>.</summary>
    public static bool IsConversion(IMethodSymbol member) => IsInterfaceMember(member) && Conversions.Contains(member.Name) && member.Parameters.Length == 1;

    /// <summary>The <c>where</c> clause of <paramref name="t"/>, fully qualified, for the generated methods.</summary>
    public static string ConstraintClause(ITypeParameterSymbol t)
    {
        var parts = new List<string>();
        if (t.HasUnmanagedTypeConstraint)
        {
            parts.Add("unmanaged");
        }
        else if (t.HasValueTypeConstraint)
        {
            parts.Add("struct");
        }
        else if (t.HasNotNullConstraint)
        {
            parts.Add("notnull");
        }

        parts.AddRange(t.ConstraintTypes.Select(c => c.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)));
        if (t.HasConstructorConstraint)
        {
            parts.Add("new()");
        }

        return "where " + t.Name + " : " + string.Join(", ", parts);
    }

    private static bool IsIeee(INamedTypeSymbol type, ITypeParameterSymbol t) =>
        type is { Name: "IFloatingPointIeee754", Arity: 1 } && InSystemNumerics(type) && SymbolEqualityComparer.Default.Equals(type.TypeArguments[0], t);

    private static bool InSystemNumerics(ISymbol symbol) =>
        symbol.ContainingNamespace is { Name: "Numerics", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };
}
