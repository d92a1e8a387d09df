using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Gradwise.Frontend;

/// <summary>
/// The trainable fields of a model class: instance fields marked <c>[Parameter]</c> whose type is <c>double</c>,
/// <c>double[]</c>, <c>double[][]</c> or <c>double[,]</c>. An instance [Differentiable] method of such a class is
/// differentiated with respect to them (its own parameters are data), as PyTorch's <c>parameters()</c> or JAX's
/// parameter tree would be.
/// </summary>
internal static class ModelParameters
{
    /// <summary>True for a field marked <c>[Parameter]</c>, whatever its type.</summary>
    public static bool IsMarked(IFieldSymbol field) =>
        field.GetAttributes().Any(a => DifferentiableSignature.IsGradwiseAttribute(a.AttributeClass, "ParameterAttribute"));

    /// <summary>True for the types a parameter field may have.</summary>
    public static bool IsSupportedType(ITypeSymbol type) =>
        type.SpecialType == SpecialType.System_Double
        || type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Double }
        || MethodFrontend.IsJagged(type)
        || MethodFrontend.IsRectangular(type);

    /// <summary>The trainable fields of <paramref name="type"/>, in declaration order: marked, not static, of a supported type.</summary>
    public static IReadOnlyList<IFieldSymbol> Of(INamedTypeSymbol? type) =>
        type is null
            ? System.Array.Empty<IFieldSymbol>()
            : type.GetMembers().OfType<IFieldSymbol>().Where(f => IsMarked(f) && Problem(f) is null).ToList();

    /// <summary>Why a field marked <c>[Parameter]</c> cannot be trained (reported as GW9002 at the field), or null when it can.</summary>
    public static string? Problem(IFieldSymbol field) => field switch
    {
        { IsConst: true } or { IsStatic: true } => "a [Parameter] field belongs to one model: make it an instance field",
        _ when !IsSupportedType(field.Type) => "a [Parameter] field is a double, double[], double[][] or double[,], not '" + field.Type.ToDisplayString() + "'",
        { IsReadOnly: true, Type.SpecialType: SpecialType.System_Double } => "a double [Parameter] field is updated by Gradient.ApplyTo, so it cannot be readonly (an array field can: its elements are updated)",
        { ContainingType: { IsGenericType: true } or { TypeKind: not TypeKind.Class } } => "[Parameter] fields belong to a non-generic class",
        _ => null,
    };

    /// <summary>True for an instance method of a class with trainable fields: it is differentiated with respect to them.</summary>
    public static bool IsModelMethod(IMethodSymbol method) => !method.IsStatic && Of(method.ContainingType).Count > 0;

    /// <summary>
    /// The property of the generated <c>Gradient</c> class for each field: the field's name without leading underscores, capitalized
    /// (<c>w1</c> → <c>W1</c>, <c>_bias</c> → <c>Bias</c>), with <c>_</c> added until it is unique among them and the class's own members.
    /// </summary>
    public static IReadOnlyList<(IFieldSymbol Field, string Member)> Members(IReadOnlyList<IFieldSymbol> fields)
    {
        var used = new HashSet<string>(System.StringComparer.Ordinal) { "Gradient", "ApplyTo" };
        var result = new List<(IFieldSymbol, string)>();
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

    /// <summary>The name the model's fields go by in the IR and the generated code: <c>this.w1</c>.</summary>
    public static string NameOf(IFieldSymbol field) => NameOf(field.Name);

    /// <summary>The name a field called <paramref name="field"/> goes by in the IR and the generated code.</summary>
    public static string NameOf(string field) => "this." + field;
}
