using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Gradwise.Rules;

/// <summary>How a GW1003 fix gives the loss what it expects.</summary>
public enum LossInputRepair
{
    /// <summary>The loss is given the sigmoid's or softmax's input instead of its output.</summary>
    PassScores,

    /// <summary>The loss is given <c>log_softmax</c> of the softmax's input instead of the softmax.</summary>
    LogSoftmax,

    /// <summary>The loss is replaced by the function that computes it from the scores (<c>binary_cross_entropy</c> → <c>binary_cross_entropy_with_logits</c>).</summary>
    CallOnScores,
}

/// <summary>
/// The data a GW1003 diagnostic carries for its fix, written by the analyzer and read by the fixer through this one class
/// (spans relative to the diagnostic): which repair, the input argument, the activation's input and dimension, the
/// activation itself when its input must first be held in a new local, and the function to call instead.
/// </summary>
public static class LossInputFix
{
    private const string RepairKey = "GradwiseRepair";
    private const string InputKey = "GradwiseInput";
    private const string LogitKey = "GradwiseLogit";
    private const string DimensionKey = "GradwiseDimension";
    private const string ActivationKey = "GradwiseActivation";
    private const string FunctionKey = "GradwiseFunction";

    /// <summary>Properties of a repair that rewrites the input argument (<see cref="LossInputRepair.PassScores"/>, <see cref="LossInputRepair.LogSoftmax"/>).</summary>
    /// <param name="site">The diagnostic's span.</param>
    /// <param name="repair">The repair.</param>
    /// <param name="input">The input argument.</param>
    /// <param name="logit">The activation's input.</param>
    /// <param name="dimension">The softmax's dimension, for <see cref="LossInputRepair.LogSoftmax"/>.</param>
    /// <param name="declared">The activation, when the logit cannot be read at the site and must be held in a new local declared before the activation's.</param>
    public static ImmutableDictionary<string, string?> Properties(TextSpan site, LossInputRepair repair, TextSpan input, TextSpan logit, TextSpan? dimension, TextSpan? declared)
    {
        var properties = ImmutableDictionary<string, string?>.Empty.Add(RepairKey, repair.ToString()).With(InputKey, site, input).With(LogitKey, site, logit);
        properties = dimension is { } dim ? properties.With(DimensionKey, site, dim) : properties;
        return declared is { } activation ? properties.With(ActivationKey, site, activation) : properties;
    }

    /// <summary>Properties of <see cref="LossInputRepair.CallOnScores"/>: call <paramref name="function"/> with the same arguments.</summary>
    public static ImmutableDictionary<string, string?> OnScores(string function) =>
        ImmutableDictionary<string, string?>.Empty.Add(RepairKey, nameof(LossInputRepair.CallOnScores)).Add(FunctionKey, function);

    /// <summary>The diagnostic's repair, or null when it has none.</summary>
    public static LossInputRepair? Repair(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(RepairKey, out var text) && System.Enum.TryParse<LossInputRepair>(text, out var repair) ? repair : null;

    /// <summary>The input argument's span.</summary>
    public static TextSpan? Input(Diagnostic diagnostic) => RelativeSpan.Decode(diagnostic, InputKey);

    /// <summary>The activation's input's span.</summary>
    public static TextSpan? Logit(Diagnostic diagnostic) => RelativeSpan.Decode(diagnostic, LogitKey);

    /// <summary>The softmax dimension's span.</summary>
    public static TextSpan? Dimension(Diagnostic diagnostic) => RelativeSpan.Decode(diagnostic, DimensionKey);

    /// <summary>The activation's span, when its input must be held in a new local.</summary>
    public static TextSpan? Declared(Diagnostic diagnostic) => RelativeSpan.Decode(diagnostic, ActivationKey);

    /// <summary>
    /// The statement declaring the one local <paramref name="activation"/> initializes (<c>var p = torch.sigmoid(model.call(x));</c>), in a
    /// block or a switch section, not <c>using</c> or <c>const</c>: a new local declared just before it is in scope wherever that local is.
    /// Null for an activation written anywhere else. The analyzer asks it before it offers the new local, the fixer again before it writes one.
    /// </summary>
    public static LocalDeclarationStatementSyntax? DeclaringStatement(SyntaxNode activation) =>
        activation.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax statement } } }
        && statement is { UsingKeyword.RawKind: 0, IsConst: false, Parent: BlockSyntax or SwitchSectionSyntax }
            ? statement
            : null;

    /// <summary>The function <see cref="LossInputRepair.CallOnScores"/> calls.</summary>
    public static string? Function(Diagnostic diagnostic) => diagnostic.Properties.TryGetValue(FunctionKey, out var text) ? text : null;
}
