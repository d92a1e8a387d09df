using Gradwise.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Gradwise.Analyzers.Tests.Rules;

/// <summary>
/// Which return of a helper a call's constant arguments choose (<see cref="Gradwise.Frontend.ConstantSelection"/>): taken only
/// when every test on the way is a test of a chosen parameter against a constant, and no earlier return may run first.
/// </summary>
public sealed class ConstantSelectionTests
{
    private const string Helpers = """
        using System;
        public enum Kind { Sigmoid, Tanh, ReLu }
        public static class H
        {
            public static double BySwitch(double v, Kind kind) { switch (kind) { case Kind.Sigmoid: return v * (1 - v); case Kind.Tanh: return 1 - v * v; default: return 0.5; } }
            public static double BySwitchExpression(double v, Kind kind) => kind switch { Kind.Sigmoid => v * (1 - v), Kind.Tanh when v > 0 => 1 - v * v, _ => 0.5 };
            public static double ByIfChain(double v, Kind kind) { if (kind == Kind.Tanh) return 1 - v * v; else if (Kind.Sigmoid == kind) return v * (1 - v); return 0.5; }
            public static double ByFlag(double v, bool logistic) { if (!logistic) return 1 - v * v; return v * (1 - v); }
            public static double ByConditional(double v, Kind kind) { return kind != Kind.Sigmoid ? 1 - v * v : v * (1 - v); }
            public static double ByIsPattern(double v, Kind kind) { if (kind is Kind.Sigmoid or Kind.Tanh) return 2.5; if (kind is not Kind.ReLu) return 3.5; return v * (1 - v); }
            public static double EarlyValueTest(double v, Kind kind) { if (v > 10) return 1; switch (kind) { case Kind.Sigmoid: return v * (1 - v); default: return 0.5; } }
            public static double PatternSection(double v, Kind kind) { switch (kind) { case Kind.Tanh or Kind.ReLu: return 1 - v * v; default: return v * (1 - v); } }
            public static double GuardedSection(double v, Kind kind) { switch (kind) { case Kind.Tanh when v > 0: return 1 - v * v; default: return v * (1 - v); } }
            public static double GuardedBeforeMatch(double v, Kind kind) { switch (kind) { case Kind.Tanh or Kind.Sigmoid when v > 0: return 1 - v * v; case Kind.Sigmoid: return v * (1 - v); default: return 0.5; } }
            public static double ByName(double v, string act) { if (act == "sigmoid") return v * (1 - v); return 1 - v * v; }
            public static double ByFoldedSwitch(double v, string act) { switch (act.Trim().ToLowerInvariant()) { case "sigmoid": return v * (1 - v); case "tanh": return 1 - v * v; default: return 0.5; } }
            public static double ByFoldedSwitchExpression(double v, string act) => act.ToUpperInvariant() switch { "SIGMOID" or "LOGISTIC" => v * (1 - v), _ => 0.5 };
            public static double ByEqualsIgnoringCase(double v, string act) { if (act.Equals("Sigmoid", StringComparison.OrdinalIgnoreCase)) return v * (1 - v); return 1 - v * v; }
            public static double ByOrdinalEquals(double v, string act) { if ("Sigmoid".Equals(act)) return v * (1 - v); return 1 - v * v; }
            public static double ByStaticEquals(double v, string act) { if (!string.Equals(act, "tanh", StringComparison.InvariantCultureIgnoreCase)) return v * (1 - v); return 1 - v * v; }
            public static double ByRuntimeComparison(double v, string act, StringComparison how) { if (act.Equals("sigmoid", how)) return v * (1 - v); return 1 - v * v; }
            public static double InLoop(double v, Kind kind) { for (var i = 0; i < 2; i++) { if (kind == Kind.Sigmoid) return v * (1 - v); } return 0.5; }
        }
        """;

    public static TheoryData<string, string, string?> Choices() => new()
    {
        { "BySwitch", "Kind.Sigmoid", "v * (1 - v)" },
        { "BySwitch", "Kind.Tanh", "1 - v * v" },
        { "BySwitch", "Kind.ReLu", "0.5" },
        { "BySwitchExpression", "Kind.Sigmoid", "v * (1 - v)" },
        { "BySwitchExpression", "Kind.Tanh", null }, // a guard on the value: undecided
        { "BySwitchExpression", "Kind.ReLu", "0.5" }, // the guarded arm's pattern does not match: its guard does not matter
        { "ByIfChain", "Kind.Sigmoid", "v * (1 - v)" },
        { "ByIfChain", "Kind.Tanh", "1 - v * v" },
        { "ByIfChain", "Kind.ReLu", "0.5" },
        { "ByFlag", "true", "v * (1 - v)" },
        { "ByFlag", "false", "1 - v * v" },
        { "ByConditional", "Kind.Sigmoid", "v * (1 - v)" },
        { "ByConditional", "Kind.ReLu", "1 - v * v" },
        { "ByIsPattern", "Kind.ReLu", "v * (1 - v)" },
        { "ByIsPattern", "Kind.Tanh", "2.5" },
        { "ByIsPattern", "Kind.Sigmoid", "2.5" },
        { "EarlyValueTest", "Kind.Sigmoid", null },
        { "PatternSection", "Kind.Sigmoid", "v * (1 - v)" },
        { "PatternSection", "Kind.ReLu", "1 - v * v" },
        { "GuardedSection", "Kind.Tanh", null }, // a guard on the value: undecided
        { "GuardedSection", "Kind.Sigmoid", "v * (1 - v)" }, // the guarded section's pattern does not match
        { "GuardedBeforeMatch", "Kind.Sigmoid", null }, // a guarded section that may match comes first
        { "InLoop", "Kind.Sigmoid", null },
        { "ByName", "\"sigmoid\"", "v * (1 - v)" },
        { "ByName", "\"tanh\"", "1 - v * v" },
        { "ByName", "\"Sigmoid\"", "1 - v * v" }, // == is ordinal
        { "ByFoldedSwitch", "\" Sigmoid \"", "v * (1 - v)" },
        { "ByFoldedSwitch", "\"TANH\"", "1 - v * v" },
        { "ByFoldedSwitch", "\"relu\"", "0.5" },
        { "ByFoldedSwitchExpression", "\"logistic\"", "v * (1 - v)" },
        { "ByFoldedSwitchExpression", "\"tanh\"", "0.5" },
        { "ByEqualsIgnoringCase", "\"SIGMOID\"", "v * (1 - v)" },
        { "ByEqualsIgnoringCase", "\"sigmoid \"", "1 - v * v" }, // no Trim
        { "ByOrdinalEquals", "\"Sigmoid\"", "v * (1 - v)" },
        { "ByOrdinalEquals", "\"sigmoid\"", "1 - v * v" },
        { "ByStaticEquals", "\"Tanh\"", "1 - v * v" },
        { "ByStaticEquals", "\"sigmoid\"", "v * (1 - v)" },
        { "ByRuntimeComparison", "\"sigmoid\"", null }, // a comparison not known at compile time
    };

    [Theory]
    [MemberData(nameof(Choices))]
    public void A_constant_argument_chooses_the_return_its_tests_lead_to(string helper, string constant, string? expected)
    {
        var compilation = TestCompilation.Create(Helpers);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var method = compilation.GetTypeByMetadataName("H")!.GetMembers(helper).OfType<IMethodSymbol>().Single();
        var choice = method.Parameters[1];
        var value = choice.Type.TypeKind == TypeKind.Enum
            ? choice.Type.GetMembers(constant.Split('.')[1]).OfType<IFieldSymbol>().Single().ConstantValue
            : choice.Type.SpecialType == SpecialType.System_String ? constant.Substring(1, constant.Length - 2) : bool.Parse(constant);
        var index = new Gradwise.Flow.FlowIndex(compilation, Gradwise.Flow.TreeCandidates.Compute);
        var chosen = new Dictionary<ISymbol, object?>(SymbolEqualityComparer.Default) { [choice] = value };

        var returned = Gradwise.Frontend.ConstantSelection.Returned(index.ReturnsOf(method, CancellationToken.None), chosen);

        Assert.Equal(expected, returned?.Syntax.ToString());
    }

    private const string Settings = """
        public enum Kind { Sigmoid, Tanh }
        public class Layer
        {
            readonly string act;
            readonly Kind kind;
            public bool Squash { get; init; }
            public Layer(string act, Kind kind) { this.act = act; this.kind = kind; }
            public double ByString(double v) { switch (act) { case "sigmoid": return v * (1 - v); default: return 1 - v * v; } }
            public double ByEnum(double v) => kind == Kind.Tanh ? 1 - v * v : v * (1 - v);
            public double ByProperty(double v) { if (!Squash) return 1; return v * (1 - v); }
            public double ByValue(double v) { if (v > 0.5) return v * (1 - v); return 1; }
        }
        """;

    public static TheoryData<string, string, string?> SettingChoices() => new()
    {
        { "new Layer(\"sigmoid\", Kind.Tanh) { Squash = true }", "ByString", "v * (1 - v)" },
        { "new Layer(\"sigmoid\", Kind.Tanh) { Squash = true }", "ByEnum", "1 - v * v" },
        { "new Layer(\"sigmoid\", Kind.Tanh) { Squash = true }", "ByProperty", "v * (1 - v)" },
        { "new Layer(\"sigmoid\", Kind.Tanh) { Squash = true }", "ByValue", null }, // a test of the value: undecided
        { "new Layer(\"tanh\", Kind.Sigmoid) { Squash = false }", "ByString", "1 - v * v" },
        { "new Layer(\"tanh\", Kind.Sigmoid) { Squash = false }", "ByEnum", "v * (1 - v)" },
        { "new Layer(\"tanh\", Kind.Sigmoid) { Squash = false }", "ByProperty", "1" },
        { "new Layer(\"sigmoid\", Kind.Tanh), new Layer(\"tanh\", Kind.Sigmoid)", "ByString", null }, // layers with different settings
        { "new Layer(\"sigmoid\", Kind.Tanh), new Layer(\"tanh\", Kind.Sigmoid)", "ByEnum", null },
        { "new Layer(System.Console.ReadLine(), Kind.Tanh)", "ByString", null }, // a setting that is not a constant
    };

    [Theory]
    [MemberData(nameof(SettingChoices))]
    public void A_setting_the_program_stores_one_constant_into_chooses_the_return_its_tests_lead_to(string made, string helper, string? expected)
    {
        var compilation = TestCompilation.Create(Settings + "public static class Made { public static Layer[] All() => new[] { " + made + " }; }");
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var method = compilation.GetTypeByMetadataName("Layer")!.GetMembers(helper).OfType<IMethodSymbol>().Single();
        var index = new Gradwise.Flow.FlowIndex(compilation, Gradwise.Flow.TreeCandidates.Compute);
        var returns = index.ReturnsOf(method, CancellationToken.None);

        var chosen = Gradwise.Frontend.ConstantSelection.WithSettings(null, returns, index, CancellationToken.None);
        var returned = chosen is null ? null : Gradwise.Frontend.ConstantSelection.Returned(returns, chosen);

        Assert.Equal(expected, returned?.Syntax.ToString());
    }
}
