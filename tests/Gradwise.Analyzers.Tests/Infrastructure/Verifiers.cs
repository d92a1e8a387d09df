using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Gradwise.Analyzers.Tests.Infrastructure;

/// <summary>Reference assemblies and support sources shared by the Roslyn test harnesses.</summary>
internal static class TestSetup
{
    // No package: the references come from Basic.Reference.Assemblies, so nothing is downloaded.
    public static readonly ReferenceAssemblies NoDownload = new("net10.0");

    /// <summary>Offline references and the parse options every test uses.</summary>
    public static void Initialize<TVerifier>(AnalyzerTest<TVerifier> test)
        where TVerifier : IVerifier, new()
    {
        test.ReferenceAssemblies = NoDownload;
        test.TestState.OutputKind = OutputKind.DynamicallyLinkedLibrary;
        test.SolutionTransforms.Add((solution, projectId) => solution.WithProjectParseOptions(projectId, TestCompilation.ParseOptions));
    }

    public static void Configure(SolutionState state, bool withSupportSources)
    {
        state.AdditionalReferences.AddRange(TestCompilation.References);
        if (withSupportSources)
        {
            foreach (var (name, text) in TestCompilation.GeneratedSupportSources)
            {
                state.Sources.Add(("/0/" + name, text));
            }
        }
    }
}

/// <summary><c>using Verify = CSharpAnalyzerVerifier&lt;MyAnalyzer&gt;;</c> then <c>await Verify.VerifyAnalyzerAsync(source)</c>.</summary>
public static class CSharpAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test() => TestSetup.Initialize(this);

        protected override Task RunImplAsync(CancellationToken cancellationToken)
        {
            TestSetup.Configure(TestState, withSupportSources: true);
            return base.RunImplAsync(cancellationToken);
        }
    }
}

/// <summary>Code-fix tests; every fix test also runs Fix All (in document, project and solution).</summary>
public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);

    public static Task VerifyCodeFixAsync(string source, string fixedSource, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source, FixedCode = fixedSource };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test() => TestSetup.Initialize(this);

        protected override Task RunImplAsync(CancellationToken cancellationToken)
        {
            TestSetup.Configure(TestState, withSupportSources: true);
            TestSetup.Configure(FixedState, withSupportSources: true);
            if (BatchFixedState.Sources.Count > 0 || BatchFixedState.InheritanceMode != null)
            {
                TestSetup.Configure(BatchFixedState, withSupportSources: true);
            }

            return base.RunImplAsync(cancellationToken);
        }
    }
}
