using System.Collections.Generic;
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
    internal static Generator.ModelFieldSpec SpecOf(ISymbol field, string member)
    {
        var type = TypeOf(field)!;
        var kind = type.SpecialType switch
        {
            SpecialType.System_Double => Generator.ValueKind.Double,
            SpecialType.System_Single => Generator.ValueKind.Float,
            _ when MethodFrontend.IsJagged(type) => Generator.ValueKind.Jagged,
            _ when MethodFrontend.IsRectangular(type) => Generator.ValueKind.Rectangular,
            _ when MethodFrontend.ElementTypeOf(type) == SpecialType.System_Single => Generator.ValueKind.FloatArray,
            _ => Generator.ValueKind.Other,
        };
        return new Generator.ModelFieldSpec(field.Name, member, kind) { IsFloat = IsFloat(type) };
    }

    /// <summary>True for a float member (float, float[], float[][], float[,]): its gradient is kept in double, and rounded to float when applied.</summary>
    public static bool IsFloat(ITypeSymbol? type) =>
        type?.SpecialType == SpecialType.System_Single || MethodFrontend.ElementTypeOf(type) == SpecialType.System_Single || MethodFrontend.IsFloatMatrix(type);

    /// <summary>The trainable members of <paramref name="type"/>, in declaration order: marked, and trainable (<see cref="Problem"/>).</summary>
    public static IReadOnlyList<ISymbol> Of(INamedTypeSymbol? type) =>
        type is null
            ? System.Array.Empty<ISymbol>()
            : type.GetMembers().Where(m => IsMarked(m) && Problem(m) is null).ToList();

    /// <summary>Why a member marked <c>[Parameter]</c> cannot be trained (reported as GW9002 at it), or null when it can.</summary>
    public static string? Problem(ISymbol member) => member switch
    {
        IFieldSymbol { IsConst: true } or { IsStatic: true } => "a [Parameter] belongs to one model: make it an instance member",
        _ when !IsSupportedType(TypeOf(member)) => "a [Parameter] is a double or float, or a [], [][] or [,] array of them, not '" + TypeOf(member)?.ToDisplayString() + "'",
        IFieldSymbol { IsReadOnly: true, Type.SpecialType: SpecialType.System_Double or SpecialType.System_Single } => "a double [Parameter] field is updated by Gradient.ApplyTo, so it cannot be readonly (an array field can: its elements are updated)",
        IPropertySymbol property when !Flow.Operations.IsAutoProperty(property) => "a [Parameter] property is an auto-property ({ get; set; }), whose value is its own",
        IPropertySymbol { Type.SpecialType: SpecialType.System_Double or SpecialType.System_Single } property when property.SetMethod is null or { IsInitOnly: true }
            => "a double [Parameter] property is updated by Gradient.ApplyTo, so it needs a setter (not init)",
        { ContainingType: { IsGenericType: true } or { TypeKind: not TypeKind.Class } } => "[Parameter] members belong to a non-generic class",
        _ => null,
    };

    /// <summary>True for an instance method of a class with trainable members: it is differentiated with respect to them.</summary>
    public static bool IsModelMethod(IMethodSymbol method) => !method.IsStatic && Of(method.ContainingType).Count > 0;

    /// <summary>
    /// The property of the generated <c>Gradient</c> class for each member: its name without leading underscores, capitalized
    /// (<c>w1</c> → <c>W1</c>, <c>_bias</c> → <c>Bias</c>), with <c>_</c> added until it is unique among them and the class's own members.
    /// </summary>
    public static IReadOnlyList<(ISymbol Field, string Member)> Members(IReadOnlyList<ISymbol> fields)
    {
        var used = new HashSet<string>(System.StringComparer.Ordinal) { "Gradient", "ApplyTo" };
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
