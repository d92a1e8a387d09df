using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Gradwise.Rules;

/// <summary>
/// The data a GW3001 diagnostic carries for its fix, written by the analyzer and read by the fixer through this
/// one class: whether the log is of 1 − p, and where the logit z of p = σ(z) is (relative to the site), when the
/// stable form is in reach.
/// </summary>
public static class UnstableLogFix
{
    private const string ComplementKey = "GradwiseComplement";
    private const string LogitKey = "GradwiseLogit";
    private const string TensorKey = "GradwiseTensor";

    /// <summary>True for a log the scalar fixes do not apply to (a tensor's, or one inside a library loss).</summary>
    public static bool IsLibrary(Diagnostic diagnostic) => diagnostic.Properties.ContainsKey(TensorKey);

    /// <summary>Properties for a diagnostic at <paramref name="site"/>.</summary>
    public static ImmutableDictionary<string, string?> Properties(TextSpan site, bool complement, TextSpan? logit, bool scalar = true)
    {
        var properties = ImmutableDictionary<string, string?>.Empty.Add(ComplementKey, complement ? "true" : "false");
        if (!scalar)
        {
            return properties.Add(TensorKey, "true");
        }

        return logit is { } z ? properties.With(LogitKey, site, z) : properties;
    }

    private const string LibraryFixKey = "GradwiseLibraryFix";
    private const string DimensionKey = "GradwiseDimension";

    /// <summary>Properties for a TorchSharp site whose sigmoid or softmax is written inline: the library's stable function on <paramref name="logit"/>.</summary>
    public static ImmutableDictionary<string, string?> LibraryProperties(TextSpan site, string function, TextSpan logit, TextSpan? dimension)
    {
        var properties = ImmutableDictionary<string, string?>.Empty.Add(TensorKey, "true").Add(LibraryFixKey, function).With(LogitKey, site, logit);
        return dimension is { } dim ? properties.With(DimensionKey, site, dim) : properties;
    }

    /// <summary>The TorchSharp function the fix calls instead (<c>logsigmoid</c>, <c>log_softmax</c>, <c>binary_cross_entropy_with_logits</c>), or null.</summary>
    public static string? LibraryFunction(Diagnostic diagnostic) => diagnostic.Properties.TryGetValue(LibraryFixKey, out var text) ? text : null;

    /// <summary>The span of the softmax's dimension argument, for <c>log_softmax</c>.</summary>
    public static TextSpan? Dimension(Diagnostic diagnostic) => RelativeSpan.Decode(diagnostic, DimensionKey);

    private const string IndexKey = "GradwiseIndex";

    /// <summary>Properties for log(softmax(s)[k]) with the scores s and the index k in reach: the fix writes s[k] − LogSumExp(s).</summary>
    public static ImmutableDictionary<string, string?> SoftmaxProperties(TextSpan site, TextSpan scores, TextSpan index) =>
        ImmutableDictionary<string, string?>.Empty.Add(ComplementKey, "false").With(LogitKey, site, scores).With(IndexKey, site, index);

    /// <summary>The span of k in log(softmax(s)[k]), or null for a sigmoid.</summary>
    public static TextSpan? Index(Diagnostic diagnostic) => RelativeSpan.Decode(diagnostic, IndexKey);

    /// <summary>True when the log is of 1 − p.</summary>
    public static bool IsComplement(Diagnostic diagnostic) => diagnostic.Properties.TryGetValue(ComplementKey, out var text) && text == "true";

    /// <summary>The span of the logit z in the diagnostic's document, or null when the stable form is out of reach.</summary>
    public static TextSpan? Logit(Diagnostic diagnostic) => RelativeSpan.Decode(diagnostic, LogitKey);
}
