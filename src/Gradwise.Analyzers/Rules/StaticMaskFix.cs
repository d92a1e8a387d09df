using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Gradwise.Rules;

/// <summary>
/// The data a GW5001 diagnostic carries for its fix, through this one class: the declaration statement that draws the
/// mask and the loop to move it into (both relative to the diagnostic). Absent when the move is not mechanical.
/// </summary>
public static class StaticMaskFix
{
    private const string DeclarationKey = "GradwiseMaskDeclaration";
    private const string LoopKey = "GradwiseEpochLoop";

    /// <summary>Properties for a diagnostic at <paramref name="site"/>.</summary>
    public static ImmutableDictionary<string, string?> Properties(TextSpan site, TextSpan declaration, TextSpan loop) =>
        ImmutableDictionary<string, string?>.Empty.With(DeclarationKey, site, declaration).With(LoopKey, site, loop);

    /// <summary>The declaration statement's span in the document.</summary>
    public static TextSpan? Declaration(Diagnostic diagnostic) => RelativeSpan.Decode(diagnostic, DeclarationKey);

    /// <summary>The epoch loop's span in the document.</summary>
    public static TextSpan? Loop(Diagnostic diagnostic) => RelativeSpan.Decode(diagnostic, LoopKey);
}
