using System.Collections.Immutable;
using Gradwise.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Xunit;
using Xunit.Sdk;

namespace Gradwise.Analyzers.Tests.HarnessTests;

/// <summary>The test helpers fail when they should: a helper that cannot fail proves nothing.</summary>
public sealed class HarnessSelfTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "gradwise-snapshot-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Snapshot_mismatch_fails_with_a_diff_and_writes_received()
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "Sample.verified.cs"), "line one\nline two\nline three\n");

        var error = Assert.Throws<XunitException>(() => SnapshotVerifier.VerifyIn(directory, "Sample", "line one\nline 2\nline three\n", accept: false));

        Assert.Contains("- line two", error.Message);
        Assert.Contains("+ line 2", error.Message);
        Assert.Equal("line one\nline 2\nline three\n", File.ReadAllText(Path.Combine(directory, "Sample.received.cs")));
    }

    [Fact]
    public void Snapshot_missing_fails_and_writes_received()
    {
        var error = Assert.Throws<XunitException>(() => SnapshotVerifier.VerifyIn(directory, "Missing", "text", accept: false));

        Assert.Contains("No verified snapshot", error.Message);
        Assert.True(File.Exists(Path.Combine(directory, "Missing.received.cs")));
    }

    [Fact]
    public void Snapshot_match_passes_and_removes_stale_received()
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "Same.verified.cs"), "same\r\n");
        File.WriteAllText(Path.Combine(directory, "Same.received.cs"), "old");

        SnapshotVerifier.VerifyIn(directory, "Same", "same\n", accept: false);

        Assert.False(File.Exists(Path.Combine(directory, "Same.received.cs")));
    }

    [Fact]
    public void Caching_helper_fails_for_a_model_that_holds_a_symbol()
    {
        var error = Assert.Throws<XunitException>(() =>
            IncrementalCaching.AssertCachedAfterEdit(new SymbolHoldingGenerator(), "class A { void M() { } }", IncrementalCaching.AddUnrelatedFile, "Symbols"));

        Assert.Contains("ISymbol", error.Message);
    }

    [Fact]
    public void Caching_helper_fails_for_a_model_without_value_equality()
    {
        var error = Assert.Throws<XunitException>(() =>
            IncrementalCaching.AssertCachedAfterEdit(new ReferenceModelGenerator(), "class A { void M() { } }", IncrementalCaching.AddUnrelatedFile, "Names"));

        Assert.Contains("Modified", error.Message);
    }

    [Fact]
    public void Caching_helper_fails_for_an_untracked_step_name()
    {
        var error = Assert.Throws<XunitException>(() =>
            IncrementalCaching.AssertCachedAfterEdit(new ReferenceModelGenerator(), "class A { void M() { } }", IncrementalCaching.AddUnrelatedFile, "NoSuchStep"));

        Assert.Contains("NoSuchStep", error.Message);
    }

    [Fact]
    public void Half_typed_helper_fails_for_an_analyzer_that_throws_on_incomplete_code()
    {
        var error = Assert.Throws<XunitException>(() =>
            HalfTypedCode.AssertNoCrashOnEveryPrefix("class A { double M(double x) => x * x; }", Array.Empty<IIncrementalGenerator>(), new DiagnosticAnalyzer[] { new ThrowsOnInvalidCodeAnalyzer() }));

        Assert.Contains("analyzer threw", error.Message);
    }

    [Fact]
    public void Half_typed_helper_fails_for_a_generator_that_throws_on_incomplete_code()
    {
        var error = Assert.Throws<XunitException>(() =>
            HalfTypedCode.AssertNoCrashOnEveryPrefix("class A { double M(double x) => x * x; }", new IIncrementalGenerator[] { new ThrowsOnMissingBodyGenerator() }, Array.Empty<DiagnosticAnalyzer>()));

        Assert.Contains("generator threw", error.Message);
    }

    private sealed class SymbolHoldingGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var symbols = context.SyntaxProvider
                .CreateSyntaxProvider((n, _) => n is MethodDeclarationSyntax, (c, _) => c.SemanticModel.GetDeclaredSymbol(c.Node))
                .WithTrackingName("Symbols");
            context.RegisterSourceOutput(symbols, (_, _) => { });
        }
    }

    private sealed class NameBox
    {
        public NameBox(string name) => Name = name;

        public string Name { get; }
    }

    private sealed class ReferenceModelGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var names = context.CompilationProvider
                .Select((c, _) => new NameBox(c.AssemblyName ?? string.Empty))
                .WithTrackingName("Names");
            context.RegisterSourceOutput(names, (_, _) => { });
        }
    }

    private sealed class ThrowsOnMissingBodyGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var methods = context.SyntaxProvider.CreateSyntaxProvider(
                (n, _) => n is MethodDeclarationSyntax,
                (c, _) => ((MethodDeclarationSyntax)c.Node).ExpressionBody!.Expression.ToString());
            context.RegisterSourceOutput(methods, (_, _) => { });
        }
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class ThrowsOnInvalidCodeAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("TEST0001", "t", "t", "t", DiagnosticSeverity.Warning, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationAction(_ => throw new InvalidOperationException("boom"), OperationKind.Invalid);
            context.RegisterSymbolAction(
                c =>
                {
                    if (c.Symbol is IMethodSymbol { IsAbstract: false } m && m.DeclaringSyntaxReferences.Single().GetSyntax() is MethodDeclarationSyntax { Body: null, ExpressionBody: null })
                    {
                        throw new InvalidOperationException("no body");
                    }
                },
                SymbolKind.Method);
        }
    }
}
