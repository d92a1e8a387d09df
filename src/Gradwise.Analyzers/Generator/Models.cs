using Gradwise.Symbolic;

namespace Gradwise.Generator;

/// <summary>A type that contains the method, outermost first, as its partial declaration is written.</summary>
/// <param name="Keyword">class, struct, record, record struct or interface.</param>
/// <param name="Name">The name with its type parameters, e.g. <c>Model&lt;T&gt;</c>.</param>
internal sealed record ContainingTypeSpec(string Keyword, string Name);

/// <summary>What a parameter or a return value holds, as far as the generated signatures care.</summary>
internal enum ValueKind
{
    /// <summary>A double: its gradient is an out double.</summary>
    Double,

    /// <summary>A float: its gradient is an out float, computed in double and rounded once.</summary>
    Float,

    /// <summary>Anything else the method takes: an int, a span or an array (whose gradient, for doubles, is a Span&lt;double&gt;).</summary>
    Other,

    /// <summary>A jagged array of doubles (double[][]): its gradient is a double[][] with the same row lengths.</summary>
    Jagged,

    /// <summary>A rectangular array of doubles (double[,]): its gradient is a double[,] of the same shape.</summary>
    Rectangular,

    /// <summary>A span or array of float: its gradient is a Span&lt;float&gt;, computed in double and rounded once.</summary>
    FloatArray,

    /// <summary>The method's type parameter T : IFloatingPointIeee754&lt;T&gt;: computed in double, converted at the boundary.</summary>
    Generic,

    /// <summary>A span or array of T: copied into doubles at the boundary; its gradient is a Span&lt;T&gt;, rounded to T once.</summary>
    GenericArray,

    /// <summary>A layer of a model class (a [Parameter] member whose class has [Parameter] members): its gradient is that class's Gradient.</summary>
    Layer,
}

/// <summary>One parameter of the user's method.</summary>
/// <param name="Name">The parameter name as written (escaped when it is a keyword).</param>
/// <param name="Type">The parameter type, fully qualified, as the signatures write it.</param>
/// <param name="GradientName">The name of its out parameter, or null for a [NoGradient] parameter.</param>
/// <param name="Kind">Double, float, or another type (int, span, array).</param>
internal sealed record ParameterSpec(string Name, string Type, string? GradientName, ValueKind Kind)
{
    /// <summary>True for a span or array of double (whose gradient is a Span&lt;double&gt;) or a matrix (whose gradient has its type).</summary>
    public bool IsArray => Kind is ValueKind.Other or ValueKind.Jagged or ValueKind.Rectangular or ValueKind.FloatArray or ValueKind.GenericArray;

    /// <summary>True for a double[][] parameter.</summary>
    public bool IsJagged => Kind == ValueKind.Jagged;

    /// <summary>True for a double[][] or double[,] parameter: a matrix, whose gradient has its type and shape.</summary>
    public bool IsMatrix => Kind is ValueKind.Jagged or ValueKind.Rectangular;

    /// <summary>True for a float parameter: its gradient is an out float, computed in double and rounded once.</summary>
    public bool IsFloat => Kind == ValueKind.Float;

    /// <summary>True for a float[][] or float[,] parameter: its gradient has its type, and is computed in double and rounded once.</summary>
    public bool IsFloatMatrix { get; init; }

    /// <summary>The type of a matrix's gradient: the matrix's own.</summary>
    public string MatrixType => (IsFloatMatrix ? "float" : "double") + (Kind == ValueKind.Jagged ? "[][]" : "[,]");
}

/// <summary>Where a method is, as values (a Location would hold the syntax tree).</summary>
internal sealed record LocationInfo(string FilePath, Microsoft.CodeAnalysis.Text.TextSpan Span, Microsoft.CodeAnalysis.Text.LinePositionSpan Lines)
{
    public Microsoft.CodeAnalysis.Location ToLocation() => Microsoft.CodeAnalysis.Location.Create(FilePath, Span, Lines);

    public static LocationInfo? From(Microsoft.CodeAnalysis.Location location) =>
        location.SourceTree is null ? null : new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
}

/// <summary>Everything the emitter needs for one [Differentiable] method: strings, records and the math (a scalar <c>Value</c> or a <c>Procedure</c>). No symbols, no syntax.</summary>
internal sealed record DifferentiableMethodSpec(
    string HintName,
    string? Namespace,
    EquatableArray<ContainingTypeSpec> ContainingTypes,
    string Name,
    string Modifiers,
    string Cref,
    string FormulaPrefix,
    EquatableArray<ParameterSpec> Parameters,
    ValueKind ReturnKind,
    Expr? Value,
    Procedure? Procedure,
    LocationInfo? Location)
{
    /// <summary>For an instance method of a model class: its trainable fields, in declaration order; else empty.</summary>
    public EquatableArray<ModelFieldSpec> ModelFields { get; init; } = new(System.Array.Empty<ModelFieldSpec>());

    /// <summary>For a model method: the name of the generated method's <c>Gradient</c> parameter; else null.</summary>
    public string? GradientParameter { get; init; }

    /// <summary>How a generated caller names this method (<c>global::N.T.M</c>, or <c>this.M</c> for an instance method).</summary>
    public string CallKey { get; init; } = string.Empty;

    /// <summary>
    /// True when some [Differentiable] method of the compilation calls this one through its split halves: only then are the
    /// halves generated (they were a quarter of the generated code of a project whose span methods nobody calls).
    /// </summary>
    public bool HasCallers { get; init; }

    /// <summary>The type parameter T of a method generic over <c>T : IFloatingPointIeee754&lt;T&gt;</c>, else null.</summary>
    public string? TypeParameter { get; init; }

    /// <summary>T's <c>where</c> clause, fully qualified, when <see cref="TypeParameter"/> is set.</summary>
    public string? Constraints { get; init; }

    /// <summary>The conditions of the argument checks the method starts with: the generated method checks them first.</summary>
    public EquatableArray<Expr> Guards { get; init; } = new(System.Array.Empty<Expr>());
}

/// <summary>A trainable field of a model class and its member in the generated <c>Gradient</c> class.</summary>
/// <param name="Field">The field's name, or its path from the model under a layer (as C# writes it after <c>this.</c>: <c>hidden.w</c>).</param>
/// <param name="Member">The property of <c>Gradient</c> that holds ∂/∂ the field (<c>w1</c> → <c>W1</c>), or its path (<c>Hidden.W</c>).</param>
/// <param name="Kind">Double, an array (<see cref="ValueKind.Other"/>), jagged or rectangular.</param>
internal sealed record ModelFieldSpec(string Field, string Member, ValueKind Kind)
{
    /// <summary>True for a float field (float, float[], float[][], float[,]): its gradient is kept in double and rounded when applied.</summary>
    public bool IsFloat { get; init; }

    /// <summary>For a layer: its class, fully qualified (its gradient is that class's <c>Gradient</c>); else null.</summary>
    public string? LayerType { get; init; }

    /// <summary>For a layer: true when its class is public (its gradient's property may then be public too).</summary>
    public bool LayerIsPublic { get; init; }

    /// <summary>True for a layer: an object whose [Parameter] members are trained too.</summary>
    public bool IsLayer => Kind == ValueKind.Layer;

    /// <summary>True for a single number (double or float), whose gradient is a settable property.</summary>
    public bool IsScalar => Kind is ValueKind.Double or ValueKind.Float;

    /// <summary>True for a one-dimensional array (double[] or float[]).</summary>
    public bool IsVector => Kind is ValueKind.Other or ValueKind.FloatArray;

    /// <summary>The type of the gradient: the field's shape, in double.</summary>
    public string Type => Kind switch
    {
        ValueKind.Double or ValueKind.Float => "double",
        ValueKind.Jagged => "double[][]",
        ValueKind.Rectangular => "double[,]",
        ValueKind.Layer => LayerType + ".Gradient",
        _ => "double[]",
    };
}

/// <summary>A model class with trainable fields: where its generated <c>Gradient</c> class goes, and the fields.</summary>
/// <param name="HintName">The generated file's name.</param>
/// <param name="Namespace">The namespace, or null for the global one.</param>
/// <param name="ContainingTypes">The class and the types around it, outermost first.</param>
/// <param name="Fields">The trainable fields, in declaration order.</param>
internal sealed record ModelSpec(string HintName, string? Namespace, EquatableArray<ContainingTypeSpec> ContainingTypes, EquatableArray<ModelFieldSpec> Fields);
