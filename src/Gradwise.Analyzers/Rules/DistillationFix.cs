using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Gradwise.Rules;

/// <summary>
/// The data a GW4001 diagnostic carries for its fix, through this one class: where the soft term is in the
/// combining sum, and an expression for T the fix can copy (both relative to the diagnostic).
/// </summary>
public static class DistillationFix
{
    private const string TermKey = "GradwiseSoftTerm";
    private const string TemperatureKey = "GradwiseTemperature";

    /// <summary>Properties for a diagnostic at <paramref name="site"/>.</summary>
    public static ImmutableDictionary<string, string?> Properties(TextSpan site, TextSpan softTerm, TextSpan temperature) =>
        ImmutableDictionary<string, string?>.Empty.With(TermKey, site, softTerm).With(TemperatureKey, site, temperature);

    /// <summary>The soft term's span in the document.</summary>
    public static TextSpan? SoftTerm(Diagnostic diagnostic) => RelativeSpan.Decode(diagnostic, TermKey);

    /// <summary>The span of an expression for T in the document.</summary>
    public static TextSpan? Temperature(Diagnostic diagnostic) => RelativeSpan.Decode(diagnostic, TemperatureKey);
}
