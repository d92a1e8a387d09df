using Xunit;

namespace Gradwise.Analyzers.Tests.Infrastructure;

/// <summary>Rule tests keep their cases as (shape, code) rows; these turn them into theory data by shape and back.</summary>
public static class ShapeCases
{
    /// <summary>Every shape of the sets, for a theory that runs once per shape (half-typed code, say).</summary>
    public static TheoryData<string> Names(params TheoryData<string, string>[] sets)
    {
        var data = new TheoryData<string>();
        foreach (var row in sets.SelectMany(set => set))
        {
            data.Add((string)row[0]);
        }

        return data;
    }

    /// <summary>The code of one shape.</summary>
    public static string Code(string shape, params TheoryData<string, string>[] sets) =>
        (string)sets.SelectMany(set => set).Single(row => (string)row[0] == shape)[1];
}

/// <summary>The real TorchSharp API for rule tests (the managed assembly only; no native code is loaded).</summary>
public static class TorchSharpSources
{
    public static readonly Microsoft.CodeAnalysis.MetadataReference Reference = Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(global::TorchSharp.torch).Assembly.Location);

    public const string Usings = "using TorchSharp;\nusing static TorchSharp.torch;\nusing static TorchSharp.torch.nn;\n";

    /// <summary>Runs <typeparamref name="TAnalyzer"/> on <paramref name="code"/> (markup for the expected diagnostics) with TorchSharp referenced.</summary>
    public static Task VerifyAsync<TAnalyzer>(string code, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
        where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerVerifier<TAnalyzer>.Test { TestCode = Usings + code };
        test.TestState.AdditionalReferences.Add(Reference);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Every prefix of every case, with TorchSharp referenced: no exception, no AD0001.</summary>
    public static void AssertNoCrashWhileTyping(Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer analyzer, TheoryData<string, string> cases)
    {
        foreach (var row in cases)
        {
            HalfTypedCode.AssertNoCrashOnEveryPrefixOfMarkedSource(Usings + (string)row[1], analyzer, Reference);
        }
    }
}

/// <summary>The real ML.NET catalogs for rule tests (every Microsoft.ML assembly the test project restores; nothing is trained).</summary>
public static class MlNetSources
{
    public static readonly Microsoft.CodeAnalysis.MetadataReference[] References = Directory.GetFiles(AppContext.BaseDirectory, "Microsoft.ML*.dll")
        .Where(path => !Path.GetFileName(path).Contains("Tests", StringComparison.Ordinal))
        .OrderBy(path => path, StringComparer.Ordinal)
        .Select(path => (Microsoft.CodeAnalysis.MetadataReference)Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(path))
        .ToArray();

    public const string Usings = "using System.Collections.Generic;\nusing Microsoft.ML;\nusing Microsoft.ML.Data;\nusing Microsoft.ML.Trainers;\nusing Microsoft.ML.Trainers.FastTree;\nusing Microsoft.ML.Trainers.LightGbm;\nusing Microsoft.ML.Transforms;\n";

    /// <summary>Runs <typeparamref name="TAnalyzer"/> on the files (markup for the expected diagnostics) with ML.NET referenced; the first file gets the usings.</summary>
    public static Task VerifyAsync<TAnalyzer>(string[] files, string? editorconfig, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
        where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerVerifier<TAnalyzer>.Test();
        for (var i = 0; i < files.Length; i++)
        {
            test.TestState.Sources.Add(("/0/File" + i + ".cs", Usings + files[i]));
        }

        if (editorconfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorconfig));
        }

        test.TestState.AdditionalReferences.AddRange(References);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }
}
