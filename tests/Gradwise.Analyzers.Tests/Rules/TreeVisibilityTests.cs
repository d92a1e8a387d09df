using System.Linq;
using System.Text.RegularExpressions;
using Gradwise.Flow;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Gradwise.Analyzers.Tests.Rules;

/// <summary>What a file can name from the identifiers its text writes before a dot, against a regular expression as the oracle.</summary>
public sealed class TreeVisibilityTests
{
    [Theory]
    [InlineData("class C { double F(double x) => Math.Exp(-x) + Math.Tanh(x) + this.y + this.y + Math.E; double y; }")]
    [InlineData("namespace A.B.C; class D { System.Collections.Generic.List<int> l = new(); int M() => l.Count + 1.5.GetHashCode() + _x.Length + é1.Length; string _x = \"\"; string é1 = \"\"; }")]
    [InlineData("class E { int M(int[] a, int[] b) => a.Length + b.Length + ab.Length + ba.Length + a.Length + Ab.Length + bA.Length; int[] ab, ba, Ab, bA; }")]
    [InlineData("class F { void M() { x. } }")]
    [InlineData(".Start x.. y.z 9.x _9.a")]
    [InlineData("aB.x + BC.y + aB.z")] // two identifiers of one length whose hashes collide
    public void Dotted_identifiers_are_every_identifier_written_before_a_dot(string text)
    {
        var visibility = TreeVisibility.Read(CSharpSyntaxTree.ParseText(text), text);

        var expected = Regex.Matches(text, @"(?<![\p{L}\p{Nd}_])[\p{L}\p{Nd}_]+(?=\.)")
            .Select(m => m.Value)
            .Where(identifier => !char.IsDigit(identifier[0]))
            .Distinct()
            .OrderBy(identifier => identifier, System.StringComparer.Ordinal);
        Assert.Equal(expected, visibility.Dotted.OrderBy(identifier => identifier, System.StringComparer.Ordinal));
    }
}
