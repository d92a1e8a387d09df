using System.Text;

namespace Gradwise.Generator;

/// <summary>A small writer for generated code: lines, indentation, braces. Always \n line endings.</summary>
internal sealed class IndentedWriter
{
    private readonly StringBuilder builder = new();
    private int depth;

    public IndentedWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            builder.Append(' ', depth * 4);
        }

        builder.Append(text).Append('\n');
        return this;
    }

    public IndentedWriter Open(string header)
    {
        Line(header);
        Line("{");
        depth++;
        return this;
    }

    public IndentedWriter Close(string suffix = "")
    {
        depth--;
        Line("}" + suffix);
        return this;
    }

    public override string ToString() => builder.ToString();
}
