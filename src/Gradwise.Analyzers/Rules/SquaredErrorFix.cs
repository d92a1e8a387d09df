using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Gradwise.Rules;

/// <summary>Which rewrite a GW1001/GW1002 diagnostic's fix makes.</summary>
public enum SquaredErrorFixKind
{
    /// <summary>No mechanical fix.</summary>
    None,

    /// <summary>Replace the squared-error loss of (prediction, target) by the cross-entropy loss.</summary>
    CrossEntropyLoss,

    /// <summary>Drop the σ'(z) factors from the delta, leaving the cross-entropy gradient.</summary>
    CrossEntropyDelta,

    /// <summary>Call the library's cross-entropy member instead (at the site, or where the criterion is created).</summary>
    LibraryRename,

    /// <summary>Set a property of the trainer created at the site to a new object of a library's cross-entropy type, in its initializer.</summary>
    TrainerSetting,
}

/// <summary>What a part of the site is to the fix.</summary>
public enum SquaredErrorPart
{
    /// <summary>The prediction p of a loss.</summary>
    Prediction,

    /// <summary>The target y of a loss.</summary>
    Target,

    /// <summary>A factor of the delta that is σ'(z).</summary>
    DerivativeFactor,
}

/// <summary>
/// The data a GW1001/GW1002 diagnostic carries for its fix, written by the analyzer and read by the
/// fixer through this one class: the kind of fix, the parts of the site by their spans (relative to
/// the site, so they survive edits elsewhere in the file), and a library replacement name.
/// </summary>
public static class SquaredErrorFix
{
    private const string KindKey = "GradwiseFix";
    private const string PartsKey = "GradwiseParts";
    private const string ReplacementKey = "GradwiseReplacement";

    /// <summary>Properties for a diagnostic at <paramref name="site"/>.</summary>
    public static ImmutableDictionary<string, string?> Properties(SquaredErrorFixKind kind, TextSpan site, IEnumerable<(SquaredErrorPart Part, TextSpan Span)> parts, string? replacement = null)
    {
        var encoded = string.Join(";", parts.Select(p => ((int)p.Part).ToString(CultureInfo.InvariantCulture) + ":"
            + (p.Span.Start - site.Start).ToString(CultureInfo.InvariantCulture) + ":" + p.Span.Length.ToString(CultureInfo.InvariantCulture)));
        var properties = ImmutableDictionary<string, string?>.Empty.Add(KindKey, kind.ToString()).Add(PartsKey, encoded);
        return replacement is null ? properties : properties.Add(ReplacementKey, replacement);
    }

    /// <summary>The fix a diagnostic asks for.</summary>
    public static SquaredErrorFixKind Kind(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(KindKey, out var text) && System.Enum.TryParse<SquaredErrorFixKind>(text, out var kind) ? kind : SquaredErrorFixKind.None;

    /// <summary>The library member to call instead, for <see cref="SquaredErrorFixKind.LibraryRename"/>.</summary>
    public static string? Replacement(Diagnostic diagnostic) => diagnostic.Properties.TryGetValue(ReplacementKey, out var text) ? text : null;

    /// <summary>Properties for <see cref="SquaredErrorFixKind.TrainerSetting"/>: set <paramref name="property"/> to a new <paramref name="type"/> (a metadata name).</summary>
    public static ImmutableDictionary<string, string?> Setting(TextSpan site, string property, string type) =>
        Properties(SquaredErrorFixKind.TrainerSetting, site, Enumerable.Empty<(SquaredErrorPart, TextSpan)>(), property + "=" + type);

    /// <summary>The property and the type of a <see cref="SquaredErrorFixKind.TrainerSetting"/> fix, or null.</summary>
    public static (string Property, string Type)? Setting(Diagnostic diagnostic)
    {
        var text = Kind(diagnostic) == SquaredErrorFixKind.TrainerSetting ? Replacement(diagnostic) : null;
        var split = text?.IndexOf('=') ?? -1;
        return split > 0 ? (text!.Substring(0, split), text.Substring(split + 1)) : null;
    }

    /// <summary>The spans of the site's parts of one kind, in the diagnostic's document.</summary>
    public static IReadOnlyList<TextSpan> Parts(Diagnostic diagnostic, SquaredErrorPart part)
    {
        var result = new List<TextSpan>();
        if (!diagnostic.Properties.TryGetValue(PartsKey, out var text) || string.IsNullOrEmpty(text))
        {
            return result;
        }

        foreach (var entry in text!.Split(';'))
        {
            var fields = entry.Split(':');
            if (fields.Length == 3 && int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var kind) && kind == (int)part
                && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
                && int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            {
                result.Add(new TextSpan(diagnostic.Location.SourceSpan.Start + offset, length));
            }
        }

        return result;
    }
}
