using Gradwise.Symbolic;

namespace Gradwise.Generator;

/// <summary>A type that contains the method, outermost first, as its partial declaration is written.</summary>
/// <param name="Keyword">class, struct, record, record struct or interface.</param>
/// <param name="Name">The name with its type parameters, e.g. <c>Model&lt;T&gt;</c>.</param>
internal sealed record ContainingTypeSpec(string Keyword, string Name);

/// <summary>One parameter of the user's method.</summary>
/// <param name="Name">The parameter name as written (escaped when it is a keyword).</param>
/// <param name="Type">The parameter type, fully qualified.</param>
/// <param name="GradientName">The name of its out parameter, or null for a [NoGradient] parameter.</param>
/// <param name="IsArray">True for a span or array of double, whose gradient is a Span&lt;double&gt;; false for a double or float (an out of its type).</param>
internal sealed record ParameterSpec(string Name, string Type, string? GradientName, bool IsArray = false)
{
    /// <summary>True for a float parameter: its gradient is an out float, computed in double and rounded once.</summary>
    public bool IsFloat => Type == "float";
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
    string ReturnType,
    Expr? Value,
    Procedure? Procedure,
    LocationInfo? Location);
