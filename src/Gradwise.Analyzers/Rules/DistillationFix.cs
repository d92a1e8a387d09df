using System.Collections.Immutable;
using System.Globalization;
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
        ImmutableDictionary<string, string?>.Empty.Add(TermKey, Encode(site, softTerm)).Add(TemperatureKey, Encode(site, temperature));

    /// <summary>The soft term's span in the document.</summary>
    public static TextSpan? SoftTerm(Diagnostic diagnostic) => Decode(diagnostic, TermKey);

    /// <summary>The span of an expression for T in the document.</summary>
    public static TextSpan? Temperature(Diagnostic diagnostic) => Decode(diagnostic, TemperatureKey);

    private static string Encode(TextSpan site, TextSpan span) =>
        (span.Start - site.Start).ToString(CultureInfo.InvariantCulture) + ":" + span.Length.ToString(CultureInfo.InvariantCulture);

    private static TextSpan? Decode(Diagnostic diagnostic, string key)
    {
        if (!diagnostic.Properties.TryGetValue(key, out var text) || text is null)
        {
            return null;
        }

        var fields = text.Split(':');
        return fields.Length == 2
            && int.TryParse(fields[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var offset)
            && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var length)
            ? new TextSpan(diagnostic.Location.SourceSpan.Start + offset, length)
            : null;
    }
}
