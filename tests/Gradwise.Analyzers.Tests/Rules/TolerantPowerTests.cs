using Gradwise.Analyzers.Tests.Infrastructure;
using Gradwise.Frontend;
using Gradwise.Symbolic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace Gradwise.Analyzers.Tests.Rules;

/// <summary>
/// How the recognizers' reader takes a power with a constant base (<c>Math.Pow(2, -z)</c>, e written out by hand, e held in a
/// field that is not <c>const</c>): as the exponential it is, so the logistic written with it is a sigmoid. Each reading is
/// evaluated against the C# it was read from, at points across the range, so an identity applied wrongly fails here.
/// </summary>
public sealed class TolerantPowerTests
{
    private const string Helpers = """
        using System;
        public static class H
        {
            private static double e = 2.71828;
            private static readonly double E = Math.E;
            private static double euler;
            private static double shifting = 2.71828;
            static H() { euler = Math.E; }
            public static void Rebase(double b) => shifting = b;
            public static double ByField(double x) => 1 / (1 + Math.Pow(e, -x));
            public static double ByReadonlyField(double x) => 1.0 / (1.0 + Math.Pow(E, -1 * x));
            public static double ByStaticConstructor(double x) => 1 / (1 + Math.Pow(euler, -x));
            public static double WrittenOut(double x) => 1 / (1 + Math.Pow(2.718, -x));
            public static double BaseTwo(double x) => 1 / (1 + Math.Pow(2, -x));
            public static double BaseHalf(double x) => 1 / (1 + Math.Pow(0.5, x));
            public static double FloatBaseTen(double x) => 1f / (1f + MathF.Pow(10f, -(float)x));
            public static double ReassignedBase(double x) => 1 / (1 + Math.Pow(shifting, -x));
            public static double Bump(double x) => 1 / (1 + Math.Pow(x, 2));
            public static double Decay(double x) => 4 * Math.Pow(e, -0.5 * x);
        }
        """;

    /// <summary>Each helper, what it computes (the oracle, as C# computes it), and whether its reading is a sigmoid.</summary>
    public static TheoryData<string, bool> Helpers_and_whether_sigmoid() => new()
    {
        { "ByField", true },
        { "ByReadonlyField", true },
        { "ByStaticConstructor", true },
        { "WrittenOut", true },
        { "BaseTwo", true },
        { "BaseHalf", true },
        { "FloatBaseTen", true },
        { "ReassignedBase", false }, // the base is whatever Rebase was given: not read as a number
        { "Bump", false },
        { "Decay", false },
    };

    private static readonly Dictionary<string, Func<double, double>> Oracle = new()
    {
        ["ByField"] = x => 1 / (1 + Math.Pow(2.71828, -x)),
        ["ByReadonlyField"] = x => 1.0 / (1.0 + Math.Pow(Math.E, -1 * x)),
        ["ByStaticConstructor"] = x => 1 / (1 + Math.Pow(Math.E, -x)),
        ["WrittenOut"] = x => 1 / (1 + Math.Pow(2.718, -x)),
        ["BaseTwo"] = x => 1 / (1 + Math.Pow(2, -x)),
        ["BaseHalf"] = x => 1 / (1 + Math.Pow(0.5, x)),
        ["FloatBaseTen"] = x => 1f / (1f + MathF.Pow(10f, -(float)x)),
        ["Bump"] = x => 1 / (1 + Math.Pow(x, 2)),
        ["Decay"] = x => 4 * Math.Pow(2.71828, -0.5 * x),
    };

    [Theory]
    [MemberData(nameof(Helpers_and_whether_sigmoid))]
    public void A_power_of_a_constant_base_reads_as_the_exponential_it_is(string helper, bool sigmoid)
    {
        var compilation = TestCompilation.Create(Helpers);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var method = compilation.GetTypeByMetadataName("H")!.GetMembers(helper).OfType<IMethodSymbol>().Single();
        var index = new Gradwise.Flow.FlowIndex(compilation, Gradwise.Flow.TreeCandidates.Compute);
        var returned = Assert.Single(index.ReturnsOf(method, CancellationToken.None));
        var reader = new TolerantMathReader(index, CancellationToken.None);

        var read = reader.Read(returned);

        Assert.Equal(sigmoid, LogisticForm.ArgumentOf(read) != null);
        if (!Oracle.TryGetValue(helper, out var oracle))
        {
            return; // a base read as an opaque value has no number to check
        }

        var x = Assert.IsType<Variable>(reader.Read(returned.DescendantsAndSelf().OfType<IParameterReferenceOperation>().First()));
        // e written out to 3 or 5 digits is read as e itself, within 1e-3 of what the C# computes; every other identity is exact to rounding.
        var tolerance = helper is "ByField" or "WrittenOut" or "Decay" ? 1e-3 : 1e-6;
        foreach (var at in new[] { -8.0, -2.5, -0.3, 0.0, 0.7, 3.0, 9.0 })
        {
            var value = Evaluator.Evaluate(read, new Dictionary<string, double> { [x.Name] = at });
            Assert.True(Math.Abs(value - oracle(at)) <= tolerance * Math.Max(1, Math.Abs(oracle(at))), $"{helper}({at}): read {value}, C# {oracle(at)}");
        }
    }

    /// <summary>The text gate lets a file with a logistic written as 1 + bˣ through, and keeps a plain sum of squares out.</summary>
    [Theory]
    [InlineData("return 1 / (1 + Math.Pow(euler, -x));", true)]
    [InlineData("return 1.0/(1.0+Math.Pow(Two,-x));", true)]
    [InlineData("return 1f / (1f + Mathf.Pow(b, -s));", true)]
    [InlineData("return 1 / (1 + Pow(2, -z));", true)]
    [InlineData("return Math.Sqrt(Math.Pow(dx, 2) + Math.Pow(dy, 2));", false)]
    [InlineData("return x1 + Math.Pow(a, 2);", false)]
    [InlineData("return 11 + Math.Pow(a, b);", false)]
    [InlineData("return Math.Pow(a, 2);", false)]
    public void A_power_added_to_one_opens_the_activation_gate(string line, bool opens)
    {
        Assert.Equal(opens, Gradwise.Flow.TreeCandidates.AddsPowerToOne(line));
        var tree = CSharpSyntaxTree.ParseText("class C { double F(double x, double a, double b, double dx, double dy, double x1, double euler, double Two) { " + line + " } }", TestCompilation.ParseOptions);
        Assert.Equal(opens, Gradwise.Flow.TreeCandidates.MentionsActivation(tree));
    }
}
