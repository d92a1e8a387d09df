using Gradwise.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Gradwise.Analyzers.Tests.Rules;

/// <summary>
/// The positives of <see cref="SquaredErrorRealShapeTests"/> while they are typed. A class of their own,
/// so that xunit runs them beside the whole-project cases rather than after them.
/// </summary>
public sealed class SquaredErrorRealShapeTypingTests
{
    [Theory]
    [MemberData(nameof(SquaredErrorRealShapeTests.SigmoidPositives), MemberType = typeof(SquaredErrorRealShapeTests))]
    public void Sigmoid_fires_without_crashing_while_typed(string shape, string[] files)
    {
        // Every prefix of the file with the site, the other files whole: what the IDE sees while the site is typed.
        // The cases use nothing of Gradwise's runtime, so its support sources are left out.
        _ = shape;
        var others = files.Take(files.Length - 1).Select(SquaredErrorRealShapeTests.Plain).ToList();
        HalfTypedCode.AssertNoCrashOnEveryPrefix(
            SquaredErrorRealShapeTests.Plain(files[^1]),
            Array.Empty<Microsoft.CodeAnalysis.IIncrementalGenerator>(),
            new[] { new Gradwise.Rules.SquaredErrorAnalyzer() },
            includeSupportSources: false,
            others);
    }
}
