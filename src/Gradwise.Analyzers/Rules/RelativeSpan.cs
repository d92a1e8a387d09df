using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Gradwise.Rules;

/// <summary>
/// A span a fix needs, carried in a diagnostic's properties relative to the diagnostic's own location (so it survives edits
/// elsewhere in the file): "offset:length". Written by the analyzers' fix classes, read back by the fixers.
/// </summary>
internal static class RelativeSpan
{
    public static string Encode(TextSpan site, TextSpan span) =>
        (span.Start - site.Start).ToString(CultureInfo.InvariantCulture) + ":" + span.Length.ToString(CultureInfo.InvariantCulture);

    public static TextSpan? Decode(Diagnostic diagnostic, string key)
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

    public static ImmutableDictionary<string, string?> With(this ImmutableDictionary<string, string?> properties, string key, TextSpan site, TextSpan span) =>
        properties.Add(key, Encode(site, span));
}
