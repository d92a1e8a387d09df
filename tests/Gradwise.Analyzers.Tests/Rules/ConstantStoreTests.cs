using Gradwise.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Gradwise.Analyzers.Tests.Rules;

/// <summary>
/// Which fields and properties hold one constant though not declared <c>const</c>
/// (<see cref="Gradwise.Flow.FlowIndex.OnlyConstantStored"/>): every store in the compilation stores that constant, directly or
/// through a constructor parameter that every call (a default included) gives it.
/// </summary>
public sealed class ConstantStoreTests
{
    private const string Code = """
        using System;
        public enum Kind { Sigmoid, Tanh }
        public sealed class Holder
        {
            public static double Initialized = 2.71828;
            public static double SetInConstructor;
            public static double SetTwice = 1;
            public static double Stepped = 1;
            public static double Compounded = 1;
            public static double FromInput = 1;
            public readonly Kind Same;
            public readonly Kind Mixed;
            public Kind Defaulted { get; }
            public readonly Kind Uncalled;
            public double[] Elements = new double[3];
            static Holder() { SetInConstructor = Math.E; }
            public Holder(Kind same, Kind mixed, Kind defaulted = Kind.Sigmoid)
            {
                Same = same;
                Mixed = mixed;
                Defaulted = defaulted;
            }
            private Holder(Kind never, int unused) { Uncalled = never; }
            public static void Change(double x)
            {
                SetTwice = 2;
                Stepped++;
                Compounded += 0.5;
                FromInput = x;
            }
        }
        public static class Make
        {
            public static Holder[] All() => new[]
            {
                new Holder(Kind.Sigmoid, Kind.Sigmoid),
                new Holder(Kind.Sigmoid, Kind.Tanh, Kind.Sigmoid),
            };
        }
        """;

    public static TheoryData<string, object?> Members() => new()
    {
        { "Initialized", 2.71828 },
        { "SetInConstructor", Math.E },
        { "SetTwice", null },
        { "Stepped", null },
        { "Compounded", null },
        { "FromInput", null },
        { "Same", (int)0 }, // Kind.Sigmoid
        { "Mixed", null },
        { "Defaulted", (int)0 }, // given Kind.Sigmoid once and left to its default of Kind.Sigmoid once
        { "Uncalled", null }, // no call gives the constructor's parameter a value
        { "Elements", null },
    };

    [Theory]
    [MemberData(nameof(Members))]
    public void A_member_holds_a_constant_when_every_store_stores_that_one(string name, object? expected)
    {
        var compilation = TestCompilation.Create(Code);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var member = compilation.GetTypeByMetadataName("Holder")!.GetMembers(name).Single();
        var index = new Gradwise.Flow.FlowIndex(compilation, Gradwise.Flow.TreeCandidates.Compute);

        var stored = index.OnlyConstantStored(member, CancellationToken.None);

        Assert.Equal(expected is not null, stored.HasValue);
        if (expected is not null)
        {
            Assert.Equal(expected, stored.Value);
        }
    }
}
