using Gradwise.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Gradwise.Analyzers.Tests.Rules;

/// <summary>
/// The positives of <see cref="SquaredErrorRealShapeTests"/> while they are typed. A class of their own,
/// so that xunit runs them beside the whole-project cases rather than after them.
/// </summary>
public sealed class SquaredErrorRealShapeTypingTests
{
    /// <summary>Outside the members that hold a site or a marked sigmoid, every this-many-th token is a cut.</summary>
    private const int Stride = 4;

    [Theory]
    [MemberData(nameof(SquaredErrorRealShapeTests.SigmoidPositives), MemberType = typeof(SquaredErrorRealShapeTests))]
    public void Sigmoid_fires_without_crashing_while_typed(string shape, string[] files)
    {
        // Prefixes of the file with the site, the other files whole: what the IDE sees while the site is typed.
        // Every token of the members that hold the site or the sigmoid is a cut; elsewhere, every Stride-th one
        // (the scaffolding of one case is the scaffolding of many, and every prefix of all 237 took six minutes).
        // The cases use nothing of Gradwise's runtime, so its support sources are left out.
        _ = shape;
        var others = files.Take(files.Length - 1).Select(SquaredErrorRealShapeTests.Plain).ToList();
        var source = SquaredErrorRealShapeTests.Plain(files[^1]);
        HalfTypedCode.AssertNoCrashOnEveryPrefix(
            source,
            Array.Empty<IIncrementalGenerator>(),
            new[] { new Gradwise.Rules.SquaredErrorAnalyzer() },
            includeSupportSources: false,
            others,
            cutsToType: HalfTypedCode.Sampled(source, MembersBeingWritten(files[^1], source), Stride));
    }

    [Fact]
    public void The_members_typed_token_by_token_are_those_of_the_site_and_of_the_sigmoid()
    {
        const string Marked = """
            class A
            {
                double Unrelated(double v) => v + 1;
                double Sigmoid(double v) => /*σ*/1 / (1 + System.Math.Exp(-v));
                double Loss(double o, double t) => {|GW1001:(o - t) * (o - t)|};
            }
            """;
        var source = SquaredErrorRealShapeTests.Plain(Marked);
        var spans = MembersBeingWritten(Marked, source).Select(s => source.Substring(s.Start, s.Length)).ToList();

        Assert.Equal(2, spans.Count);
        Assert.Contains(spans, s => s.StartsWith("double Sigmoid", StringComparison.Ordinal));
        Assert.Contains(spans, s => s.StartsWith("double Loss", StringComparison.Ordinal));
        var cuts = HalfTypedCode.Sampled(source, MembersBeingWritten(Marked, source), Stride).ToList();
        var loss = source.IndexOf("double Loss", StringComparison.Ordinal);
        Assert.All(HalfTypedCode.Cuts(source).Where(c => c > loss && c <= source.IndexOf(';', loss) + 1), c => Assert.Contains(c, cuts));
        Assert.Contains(HalfTypedCode.Cuts(source).Last(), cuts);
        Assert.True(cuts.Count < HalfTypedCode.Cuts(source).Count());
    }

    /// <summary>
    /// The spans, in <paramref name="source"/> (the plain text of <paramref name="marked"/>), of the innermost members
    /// holding a diagnostic's start or the sigmoid's mark; the whole source when it has neither.
    /// </summary>
    private static IReadOnlyCollection<TextSpan> MembersBeingWritten(string marked, string source)
    {
        var positions = new List<int>();
        var removed = 0;
        foreach (System.Text.RegularExpressions.Match markup in System.Text.RegularExpressions.Regex.Matches(marked, @"\{\|[A-Z]+[0-9]+:|\|\}"))
        {
            if (markup.Value.StartsWith("{|", StringComparison.Ordinal))
            {
                positions.Add(markup.Index - removed);
            }

            removed += markup.Length;
        }

        for (var at = source.IndexOf("/*σ*/", StringComparison.Ordinal); at >= 0; at = source.IndexOf("/*σ*/", at + 1, StringComparison.Ordinal))
        {
            positions.Add(at);
        }

        if (positions.Count == 0)
        {
            return new[] { new TextSpan(0, source.Length) };
        }

        var root = CSharpSyntaxTree.ParseText(source, TestCompilation.ParseOptions).GetRoot();
        return positions
            .Select(p => root.FindToken(p, findInsideTrivia: false).Parent?.AncestorsAndSelf()
                .FirstOrDefault(n => n is MemberDeclarationSyntax and not BaseTypeDeclarationSyntax and not BaseNamespaceDeclarationSyntax)?.Span
                ?? new TextSpan(0, source.Length))
            .Distinct()
            .ToList();
    }
}
