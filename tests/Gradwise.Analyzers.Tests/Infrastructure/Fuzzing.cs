using System.Collections.Immutable;
using System.Diagnostics;
using Gradwise.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Gradwise.Analyzers.Tests.Infrastructure;

/// <summary>A C# source to fuzz and where it was found (a test file, a snapshot, a sample).</summary>
public sealed record FuzzSnippet(string Origin, string Source);

/// <summary>
/// The fuzz corpus, read from the repository when the tests run, so it grows with the tests: every C# snippet
/// written in this test project (string and raw-string literals that declare a type; markup removed), every generator
/// snapshot, and the samples' source files. Each is compiled beside the global usings of an SDK project
/// (<see cref="GradwisePipeline.GlobalUsings"/>), as the samples are.
/// </summary>
public static class FuzzCorpus
{
    public static IReadOnlyList<FuzzSnippet> All { get; } = Collect();

    private static IReadOnlyList<FuzzSnippet> Collect()
    {
        var root = Catalog.CatalogTests.Root;
        var tests = Path.Combine(root, "tests", "Gradwise.Analyzers.Tests");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var snippets = new List<FuzzSnippet>();
        void Add(string origin, string source)
        {
            if (seen.Add(source))
            {
                snippets.Add(new FuzzSnippet(origin, source));
            }
        }

        foreach (var file in Directory.GetFiles(tests, "*.cs", SearchOption.AllDirectories).Where(f => !IsBuildOutput(f)).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (file.EndsWith(".verified.cs", StringComparison.Ordinal))
            {
                Add(relative, File.ReadAllText(file));
                continue;
            }

            var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(file), TestCompilation.ParseOptions);
            foreach (var token in tree.GetRoot().DescendantTokens())
            {
                if (token.Kind() is SyntaxKind.StringLiteralToken or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken
                    && AsCode(token.ValueText) is { } code)
                {
                    Add(relative + ":" + (token.GetLocation().GetLineSpan().StartLinePosition.Line + 1), code);
                }
            }
        }

        foreach (var file in Directory.GetFiles(Path.Combine(root, "samples"), "*.cs", SearchOption.AllDirectories).Where(f => !IsBuildOutput(f)).Order(StringComparer.Ordinal))
        {
            Add(Path.GetRelativePath(root, file).Replace('\\', '/'), File.ReadAllText(file));
        }

        return snippets;
    }

    private static bool IsBuildOutput(string path) =>
        path.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
        || path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The literal as a compilable-looking file, or null when it is not C# that declares a type.</summary>
    private static string? AsCode(string text)
    {
        if (text.Length < 20 || !(text.Contains("class ", StringComparison.Ordinal) || text.Contains("struct ", StringComparison.Ordinal) || text.Contains("record ", StringComparison.Ordinal)))
        {
            return null;
        }

        string plain;
        try
        {
            plain = HalfTypedCode.WithoutMarkup(text);
        }
        catch (ArgumentException)
        {
            return null; // markup of another kind: not a snippet this harness understands
        }

        var unit = CSharpSyntaxTree.ParseText(plain, TestCompilation.ParseOptions).GetCompilationUnitRoot();
        if (!unit.DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax>().Any())
        {
            return null;
        }

        return plain;
    }
}

/// <summary>Seeded edits of a source, as a person makes them while typing: a cut at a token boundary, one token deleted, one token inserted.</summary>
public static class Mutations
{
    private static readonly string[] Inserted =
    {
        "(", ")", "{", "}", "[", "]", ";", ",", ".", "=", "=>", "*", "-", "/", "?", ":", "!", "<", ">", "\"", "'", "@", "$\"", "/*", "//", "#if X\n",
        "new", "out", "ref", "var", "double", "float", "int", "return", "static", "partial", "class", "this", "base", "default", "null", "0", "1e-12",
        "Math.Exp(", "Math.Log(", "Sigmoid(", "[Differentiable]", "for (int i = 0;", "x[", ".Append(", "switch", "case", "await", "yield",
    };

    /// <summary>The edits of <paramref name="source"/>: <paramref name="perKind"/> of each kind, or every cut when <paramref name="everyCut"/>.</summary>
    public static IEnumerable<(string Kind, string Text)> Of(string source, Random random, int perKind, bool everyCut)
    {
        var tokens = CSharpSyntaxTree.ParseText(source, TestCompilation.ParseOptions).GetRoot().DescendantTokens().Where(t => t.Span.Length > 0).ToList();
        if (tokens.Count == 0)
        {
            yield break;
        }

        var cuts = everyCut ? Enumerable.Range(0, tokens.Count) : Enumerable.Range(0, perKind).Select(_ => random.Next(tokens.Count));
        foreach (var i in cuts)
        {
            yield return ("cut after token " + i, source.Substring(0, tokens[i].Span.End));
        }

        for (var k = 0; k < perKind; k++)
        {
            var token = tokens[random.Next(tokens.Count)];
            yield return ($"delete '{token.Text}' at {token.SpanStart}", source.Remove(token.SpanStart, token.Span.Length));
        }

        for (var k = 0; k < perKind; k++)
        {
            var at = tokens[random.Next(tokens.Count)].Span.End;
            var inserted = Inserted[random.Next(Inserted.Length)];
            yield return ($"insert '{inserted.Replace("\n", "⏎", StringComparison.Ordinal)}' at {at}", source.Insert(at, " " + inserted + " "));
        }
    }
}

/// <summary>
/// Runs everything Gradwise ships on one source, as the build and the IDE do: the generator, then every analyzer of
/// Gradwise.Analyzers on the generated compilation, then every code fix offered for a Gradwise diagnostic. Collects
/// every exception, AD0001, CS8785 and GW9000 instead of throwing.
/// </summary>
public static class GradwisePipeline
{
    public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(Descriptors).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) != null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static readonly ImmutableArray<CodeFixProvider> Fixers = typeof(Gradwise.CodeFixes.Rules.SingleRuleFixer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) != null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>TorchSharp and ML.NET, so the library rules run on the snippets written against them.</summary>
    public static readonly ImmutableArray<MetadataReference> References = TestCompilation.References
        .Add(TorchSharpSources.Reference)
        .AddRange(MlNetSources.References);

    /// <summary>What <c>ImplicitUsings</c> gives an SDK project, plus Gradwise's namespace: a second file of every fuzzed compilation.</summary>
    public const string GlobalUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        global using global::Gradwise;
        """;

    public sealed record Outcome(TimeSpan Elapsed, IReadOnlyList<string> Failures, IReadOnlyCollection<string> GradwiseIds, int FixesApplied);

    public static Outcome Run(string source, bool withFixes)
    {
        var clock = Stopwatch.StartNew();
        var failures = new List<string>();
        var tree = CSharpSyntaxTree.ParseText(source, TestCompilation.ParseOptions, path: "Test0.cs");
        var usings = CSharpSyntaxTree.ParseText(GlobalUsings, TestCompilation.ParseOptions, path: "GlobalUsings.cs");
        Compilation compilation = CSharpCompilation.Create("Fuzz", new[] { tree, usings }, References, Options);

        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new DifferentiableGenerator().AsSourceGenerator() }, parseOptions: TestCompilation.ParseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);
        failures.AddRange(driver.GetRunResult().Results.Where(r => r.Exception != null).Select(r => "generator threw " + r.Exception));
        failures.AddRange(generatorDiagnostics.Where(d => d.Id is "CS8785" or "AD0001" or "GW9000").Select(d => d.ToString()));

        var outcome = AnalyzerRunner.Run(generated, Analyzers.ToArray());
        failures.AddRange(outcome.Exceptions.Select(e => "analyzer threw " + e));
        failures.AddRange(outcome.Diagnostics.Where(d => d.Id == "AD0001").Select(d => d.ToString()));
        var ours = outcome.Diagnostics.Concat(generatorDiagnostics).Where(d => d.Id.StartsWith("GW", StringComparison.Ordinal) && d.Location.SourceTree == tree).ToList();

        var applied = 0;
        if (withFixes && ours.Any(d => Fixers.Any(f => f.FixableDiagnosticIds.Contains(d.Id))))
        {
            applied = ApplyFixes(source, failures);
        }

        return new Outcome(clock.Elapsed, failures, ours.Select(d => d.Id).ToHashSet(), applied);
    }

    private static readonly CSharpCompilationOptions Options = new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, deterministic: true);

    /// <summary>Every code action every fixer offers for a Gradwise diagnostic of the document, computed and applied to a solution.</summary>
    private static int ApplyFixes(string source, List<string> failures)
    {
        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var documentId = DocumentId.CreateNewId(projectId);
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "Fuzz", "Fuzz", LanguageNames.CSharp, compilationOptions: Options, parseOptions: TestCompilation.ParseOptions, metadataReferences: References))
            .AddDocument(documentId, "Test0.cs", SourceText.From(source));
        foreach (var (name, text) in TestCompilation.GeneratedSupportSources.Append(("GlobalUsings.cs", GlobalUsings)))
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), name, SourceText.From(text));
        }

        var document = solution.GetDocument(documentId)!;
        var applied = 0;
        try
        {
            var compilation = document.Project.GetCompilationAsync().GetAwaiter().GetResult()!;
            var tree = document.GetSyntaxTreeAsync().GetAwaiter().GetResult();
            var outcome = AnalyzerRunner.Run(compilation, Analyzers.ToArray());
            failures.AddRange(outcome.Exceptions.Select(e => "analyzer threw (fixer's compilation) " + e));
            foreach (var diagnostic in outcome.Diagnostics.Where(d => d.Location.SourceTree == tree && d.Id.StartsWith("GW", StringComparison.Ordinal)))
            {
                foreach (var fixer in Fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
                {
                    var actions = new List<CodeAction>();
                    var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
                    fixer.RegisterCodeFixesAsync(context).GetAwaiter().GetResult();
                    foreach (var action in actions.Concat(actions.SelectMany(a => a.NestedActions)))
                    {
                        foreach (var operation in action.GetOperationsAsync(CancellationToken.None).GetAwaiter().GetResult())
                        {
                            if (operation is ApplyChangesOperation change)
                            {
                                _ = change.ChangedSolution.GetDocument(documentId)?.GetTextAsync().GetAwaiter().GetResult();
                                applied++;
                            }
                        }
                    }
                }
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            failures.Add("code fix threw " + e);
        }

        return applied;
    }
}
