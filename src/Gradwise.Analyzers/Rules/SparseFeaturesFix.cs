using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Gradwise.Rules;

/// <summary>What GW2001's fix does to the trainer call.</summary>
public enum PenaltyEdit
{
    /// <summary>Write the suggested value over the zero.</summary>
    Replace,

    /// <summary>Delete the argument or initializer that sets the zero (the trainer then tunes the penalty from the data).</summary>
    Remove,

    /// <summary>Add a named argument to the call.</summary>
    AddArgument,

    /// <summary>Add an assignment to the Options object's initializer.</summary>
    AddInitializer,
}

/// <summary>
/// The data a GW2001 diagnostic carries for its fix, through this one class: the edit, where (relative to the
/// diagnostic), the parameter or field it names, and the value to write.
/// </summary>
public static class SparseFeaturesFix
{
    private const string EditKey = "GradwisePenaltyEdit";
    private const string TargetKey = "GradwisePenaltyTarget";
    private const string NameKey = "GradwisePenaltyName";
    private const string ValueKey = "GradwisePenaltyValue";

    /// <summary>Properties for a diagnostic at <paramref name="site"/>.</summary>
    public static ImmutableDictionary<string, string?> Properties(TextSpan site, PenaltyEdit edit, TextSpan target, string name, double? value)
    {
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(EditKey, edit.ToString())
            .With(TargetKey, site, target)
            .Add(NameKey, name);
        return value is { } v ? properties.Add(ValueKey, v.ToString("R", CultureInfo.InvariantCulture)) : properties;
    }

    /// <summary>The edit, or null for a diagnostic without a fix.</summary>
    public static PenaltyEdit? Edit(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(EditKey, out var text) && System.Enum.TryParse<PenaltyEdit>(text, out var edit) ? edit : null;

    /// <summary>The span the edit applies to: the zero value, the argument or assignment to remove, the argument list's call, or the Options creation.</summary>
    public static TextSpan? Target(Diagnostic diagnostic) => RelativeSpan.Decode(diagnostic, TargetKey);

    /// <summary>The parameter or field the edit names.</summary>
    public static string? Name(Diagnostic diagnostic) => diagnostic.Properties.TryGetValue(NameKey, out var name) ? name : null;

    /// <summary>The value to write.</summary>
    public static double? Value(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(ValueKey, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
