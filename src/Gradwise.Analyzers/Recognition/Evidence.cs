using Microsoft.CodeAnalysis;

namespace Gradwise.Recognition;

/// <summary>Why a fact holds: where it was seen, and how to say it.</summary>
/// <param name="Location">The code that made it true (the sigmoid).</param>
/// <param name="What">A short description for messages, e.g. "sigmoid output".</param>
internal sealed record Evidence(Location Location, string What)
{
    /// <summary>"Neuron.cs line 12", for messages.</summary>
    public string Where
    {
        get
        {
            var span = Location.GetLineSpan();
            var file = System.IO.Path.GetFileName(span.Path);
            return (string.IsNullOrEmpty(file) ? "line " : file + " line ") + (span.StartLinePosition.Line + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}

/// <summary>Code quoted in a message: the operation's source text, cut short with "..." past a length.</summary>
internal static class Quote
{
    public static string Of(IOperation operation, int max = 48)
    {
        var text = operation.Syntax.ToString();
        return text.Length <= max ? text : text.Substring(0, max - 3) + "...";
    }
}
