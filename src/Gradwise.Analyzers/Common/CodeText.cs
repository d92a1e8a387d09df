namespace Gradwise.Common;

/// <summary>Code text in a form where two writings of the same value compare equal.</summary>
internal static class CodeText
{
    /// <summary>The text with whitespace and <c>this.</c> removed: <c>this.output [i]</c> and <c>output[i]</c> are one value.</summary>
    public static string Normalize(string code)
    {
        var text = new System.Text.StringBuilder(code.Length);
        foreach (var c in code)
        {
            if (!char.IsWhiteSpace(c))
            {
                text.Append(c);
            }
        }

        return text.Replace("this.", string.Empty).ToString();
    }
}
