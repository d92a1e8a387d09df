using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Gradwise.Frontend;

/// <summary>
/// The trainable members of a model class: instance fields and auto-properties marked <c>[Parameter]</c> whose type is
/// <c>double</c>, <c>double[]</c>, <c>double[][]</c> or <c>double[,]</c>. An instance [Differentiable] method of such a class is
/// differentiated with respect to them (its own parameters are data), as PyTorch's <c>parameters()</c> or JAX's
/// parameter tree would be.
/// </summary>
internal static class ModelParameters
{
    /// <summary>True for a field or property marked <c>[Parameter]</c>, whatever its type.</summary>
    public static bool IsMarked(ISymbol member) =>
        member is IFieldSymbol or IPropertySymbol
        && member.GetAttributes().Any(a => DifferentiableSignature.IsGradwiseAttribute(a.AttributeClass, "ParameterAttribute"));

    /// <summary>
    /// True when the member's declaration has an attribute named <c>Parameter</c> (or <c>ParameterAttribute</c>, qualified or not):
    /// a syntax check that spares binding the attributes of every field and property of a project (an alias is not followed).
    /// </summary>
    public static bool MayBeMarked(ISymbol member, System.Threading.CancellationToken cancellationToken) =>
        member.DeclaringSyntaxReferences.Any(reference => reference.GetSyntax(cancellationToken) switch
        {
            Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax { Parent.Parent: Microsoft.CodeAnalysis.CSharp.Syntax.BaseFieldDeclarationSyntax field } => NamesParameter(field.AttributeLists),
            Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax property => NamesParameter(property.AttributeLists),
            _ => false,
        });

    private static bool NamesParameter(Microsoft.CodeAnalysis.SyntaxList<Microsoft.CodeAnalysis.CSharp.Syntax.AttributeListSyntax> lists) =>
        lists.Any(list => list.Attributes.Any(attribute => attribute.Name switch
        {
            Microsoft.CodeAnalysis.CSharp.Syntax.QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText is "Parameter" or "ParameterAttribute",
            Microsoft.CodeAnalysis.CSharp.Syntax.SimpleNameSyntax simple => simple.Identifier.ValueText is "Parameter" or "ParameterAttribute",
            Microsoft.CodeAnalysis.CSharp.Syntax.AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText is "Parameter" or "ParameterAttribute",
            _ => false,
        }));

    /// <summary>The type of a field or property.</summary>
    public static ITypeSymbol? TypeOf(ISymbol member) => member switch
    {
        IFieldSymbol field => field.Type,
        IPropertySymbol property => property.Type,
        _ => null,
    };

    /// <summary>True for the types a parameter member may have.</summary>
    public static bool IsSupportedType(ITypeSymbol? type) =>
        type is not null
        && (MethodFrontend.IsFloatingPoint(type.SpecialType)
            || type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Double or SpecialType.System_Single }
            || MethodFrontend.IsJagged(type)
            || MethodFrontend.IsRectangular(type));

    /// <summary>The generator's record of a trainable member: its name, its gradient's property, its kind and whether it is float.</summary>
    /// <param name="field">The member.</param>
    /// <param name="member">Its path in the generated <c>Gradient</c> (<c>W1</c>, or <c>Hidden.W</c> under a layer).</param>
    /// <param name="path">Its path from the model (<c>hidden.w</c>), when it is under a layer; else its name.</param>
    internal static Generator.ModelFieldSpec SpecOf(ISymbol field, string member, string? path = null)
    {
        var type = TypeOf(field)!;
        if (IsLayer(field))
        {
            return new Generator.ModelFieldSpec(path ?? field.Name, member, Generator.ValueKind.Layer)
            {
                LayerType = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                LayerIsPublic = IsPublic(type),
            };
        }

        var kind = type.SpecialType switch
        {
            SpecialType.System_Double => Generator.ValueKind.Double,
            SpecialType.System_Single => Generator.ValueKind.Float,
            _ when MethodFrontend.IsJagged(type) => Generator.ValueKind.Jagged,
            _ when MethodFrontend.IsRectangular(type) => Generator.ValueKind.Rectangular,
            _ when MethodFrontend.ElementTypeOf(type) == SpecialType.System_Single => Generator.ValueKind.FloatArray,
            _ => Generator.ValueKind.Other,
        };
        return new Generator.ModelFieldSpec(path ?? field.Name, member, kind) { IsFloat = IsFloat(type) };
    }

    /// <summary>True when <paramref name="type"/> and every type around it are public: a public class may show it.</summary>
    private static bool IsPublic(ITypeSymbol type)
    {
        for (ISymbol? symbol = type; symbol is INamedTypeSymbol; symbol = symbol.ContainingType)
        {
            if (symbol.DeclaredAccessibility != Accessibility.Public)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True for a float member (float, float[], float[][], float[,]): its gradient is kept in double, and rounded to float when applied.</summary>
    public static bool IsFloat(ITypeSymbol? type) =>
        type?.SpecialType == SpecialType.System_Single || MethodFrontend.ElementTypeOf(type) == SpecialType.System_Single || MethodFrontend.IsFloatMatrix(type);

    /// <summary>
    /// The trainable members of <paramref name="type"/>, in declaration order: marked, and trainable (<see cref="Problem(ISymbol)"/>). A
    /// member may be a model itself (a layer): <see cref="Leaves"/> lists the numbers and arrays under it.
    /// </summary>
    public static IReadOnlyList<ISymbol> Of(INamedTypeSymbol? type) => Of(type, NoEnclosing);

    private static IReadOnlyList<ISymbol> Of(INamedTypeSymbol? type, ImmutableHashSet<INamedTypeSymbol> enclosing) =>
        type is null
            ? System.Array.Empty<ISymbol>()
            : type.GetMembers().Where(m => IsMarked(m) && Problem(m, enclosing) is null).ToList();

    /// <summary>Why a member marked <c>[Parameter]</c> cannot be trained (reported as GW9002 at it), or null when it can.</summary>
    public static string? Problem(ISymbol member) => Problem(member, NoEnclosing);

    /// <param name="member">The marked member.</param>
    /// <param name="enclosing">The model classes the member's class is a layer of, while their members are listed (a model that contains itself has no end).</param>
    private static string? Problem(ISymbol member, ImmutableHashSet<INamedTypeSymbol> enclosing)
    {
        var type = TypeOf(member);
        if (member is IFieldSymbol { IsConst: true } or { IsStatic: true })
        {
            return "a [Parameter] belongs to one model: make it an instance member";
        }

        if (member.ContainingType is { IsGenericType: true } or { TypeKind: not TypeKind.Class })
        {
            return "[Parameter] members belong to a non-generic class";
        }

        if (member is IPropertySymbol property && !Flow.Operations.IsAutoProperty(property))
        {
            return "a [Parameter] property is an auto-property ({ get; set; }), whose value is its own";
        }

        if (type is INamedTypeSymbol { TypeKind: TypeKind.Class } layer && !IsSupportedType(type))
        {
            return LayerProblem(layer, enclosing.Add(member.ContainingType.OriginalDefinition));
        }

        if (ElementOfCollection(type) is INamedTypeSymbol { TypeKind: TypeKind.Class } element && element.GetMembers().Any(IsMarked))
        {
            return "an array or list of layers is not trained yet: give each layer a [Parameter] member of its own (or write its weights as a [][] or [,] array)";
        }

        return member switch
        {
            _ when !IsSupportedType(type) => SupportedTypes + ", not '" + type?.ToDisplayString() + "'",
            IFieldSymbol { IsReadOnly: true, Type.SpecialType: SpecialType.System_Double or SpecialType.System_Single } => "a double [Parameter] field is updated by Gradient.ApplyTo, so it cannot be readonly (an array field can: its elements are updated)",
            IPropertySymbol { Type.SpecialType: SpecialType.System_Double or SpecialType.System_Single, SetMethod: null or { IsInitOnly: true } }
                => "a double [Parameter] property is updated by Gradient.ApplyTo, so it needs a setter (not init)",
            _ => null,
        };
    }

    /// <summary>Why a class cannot be a layer of a model (a [Parameter] member of a model's class), or null when it can.</summary>
    private static string? LayerProblem(INamedTypeSymbol layer, ImmutableHashSet<INamedTypeSymbol> enclosing)
    {
        var name = layer.ToDisplayString();
        if (layer.DeclaringSyntaxReferences.Length == 0 || !layer.GetMembers().Any(IsMarked))
        {
            return SupportedTypes + ", not '" + name + "'";
        }

        if (ReachesBack(layer, enclosing))
        {
            return "a layer's class '" + name + "' is, or has a layer that is, a class it is a layer of, so its parameters would have no end";
        }

        if (layer.IsGenericType)
        {
            return "a layer's class is not generic (its Gradient class names its fields' shapes), not '" + name + "'";
        }

        if (Of(layer, enclosing).Count == 0)
        {
            return SupportedTypes + "; '" + name + "' has no trainable [Parameter] member";
        }

        for (var outer = layer; outer != null; outer = outer.ContainingType)
        {
            if (!DifferentiableSignature.IsPartial(outer, System.Threading.CancellationToken.None))
            {
                return "a layer's class is partial (and the classes around it), so that its Gradient class can be generated: make '" + outer.Name + "' partial";
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="layer"/>, or a class-typed [Parameter] member under it, is one of <paramref name="enclosing"/>.</summary>
    private static bool ReachesBack(INamedTypeSymbol layer, ImmutableHashSet<INamedTypeSymbol> enclosing)
    {
        if (enclosing.Contains(layer.OriginalDefinition))
        {
            return true;
        }

        var inside = enclosing.Add(layer.OriginalDefinition);
        return layer.GetMembers().Any(m => IsMarked(m) && TypeOf(m) is INamedTypeSymbol { TypeKind: TypeKind.Class } type && !IsSupportedType(type) && ReachesBack(type, inside));
    }

    /// <summary>The element type of an array, or of a generic collection of one type argument (<c>List&lt;Dense&gt;</c>); else null.</summary>
    private static ITypeSymbol? ElementOfCollection(ITypeSymbol? type) => type switch
    {
        IArrayTypeSymbol array => array.ElementType,
        INamedTypeSymbol { IsGenericType: true, TypeArguments: [var element] } named when named.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable) => element,
        _ => null,
    };

    /// <summary>What a [Parameter] may be, as GW9002 says it.</summary>
    private const string SupportedTypes = "a [Parameter] is a double or float, a [], [][] or [,] array of them, or a layer (a partial class with [Parameter] members)";

    /// <summary>No enclosing model: the start of a listing.</summary>
    private static readonly ImmutableHashSet<INamedTypeSymbol> NoEnclosing = ImmutableHashSet.Create<INamedTypeSymbol>(SymbolEqualityComparer.Default);

    /// <summary>True for a trainable member that is a layer: an object with [Parameter] members of its own (<see cref="Of(INamedTypeSymbol)"/> lists only trainable ones).</summary>
    public static bool IsLayer(ISymbol member) => TypeOf(member) is INamedTypeSymbol { TypeKind: TypeKind.Class } && !IsSupportedType(TypeOf(member));

    /// <summary>
    /// The numbers and arrays a model trains, its layers' included, in declaration order, depth first: each with its path from the
    /// model (<c>hidden.w</c>, which the IR names <c>this.hidden.w</c>) and its path in the generated <c>Gradient</c> (<c>Hidden.W</c>).
    /// </summary>
    public static IReadOnlyList<(ISymbol Member, string Path, string GradientPath)> Leaves(INamedTypeSymbol? type)
    {
        var result = new List<(ISymbol, string, string)>();
        Add(type, NoEnclosing, string.Empty, string.Empty);
        return result;

        void Add(INamedTypeSymbol? model, ImmutableHashSet<INamedTypeSymbol> enclosing, string path, string gradientPath)
        {
            foreach (var (member, name) in Members(Of(model, enclosing)))
            {
                if (IsLayer(member))
                {
                    Add(TypeOf(member) as INamedTypeSymbol, enclosing.Add(model!.OriginalDefinition), path + member.Name + ".", gradientPath + name + ".");
                }
                else
                {
                    result.Add((member, path + member.Name, gradientPath + name));
                }
            }
        }
    }

    /// <summary>True for an instance method of a class with trainable members: it is differentiated with respect to them.</summary>
    public static bool IsModelMethod(IMethodSymbol method) => !method.IsStatic && Of(method.ContainingType).Count > 0;

    /// <summary>
    /// The property of the generated <c>Gradient</c> class for each member: its name without leading underscores, capitalized
    /// (<c>w1</c> → <c>W1</c>, <c>_bias</c> → <c>Bias</c>), with <c>_</c> added until it is unique among them and the class's own members.
    /// </summary>
    public static IReadOnlyList<(ISymbol Field, string Member)> Members(IReadOnlyList<ISymbol> fields)
    {
        var used = new HashSet<string>(System.StringComparer.Ordinal) { "Gradient", "ApplyTo", Generator.DifferentiableGenerator.ShapeCheck, Generator.DifferentiableGenerator.UncheckedStep };
        var result = new List<(ISymbol, string)>();
        foreach (var field in fields)
        {
            var bare = field.Name.TrimStart('_');
            var member = bare.Length == 0 ? "Field" : char.ToUpperInvariant(bare[0]) + bare.Substring(1);
            while (!used.Add(member))
            {
                member += "_";
            }

            result.Add((field, member));
        }

        return result;
    }

    /// <summary>The name the model's members go by in the IR and the generated code: <c>this.w1</c>.</summary>
    public static string NameOf(ISymbol member) => NameOf(member.Name);

    /// <summary>The name a member called <paramref name="field"/> goes by in the IR and the generated code.</summary>
    public static string NameOf(string field) => "this." + field;
}
