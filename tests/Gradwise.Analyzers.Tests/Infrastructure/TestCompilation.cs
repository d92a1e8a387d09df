using System.Collections.Immutable;
using Gradwise.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Gradwise.Analyzers.Tests.Infrastructure;

/// <summary>Compilations for tests: .NET 10 reference assemblies from a package, never downloaded.</summary>
public static class TestCompilation
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static ImmutableArray<MetadataReference> References { get; } =
        Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>().ToImmutableArray();

    /// <summary>What the generator's post-initialization adds, for analyzer tests that don't run the generator.</summary>
    public static readonly (string Name, string Text)[] GeneratedSupportSources =
    {
        ("EmbeddedAttribute.g.cs", "namespace Microsoft.CodeAnalysis { [global::System.AttributeUsage(global::System.AttributeTargets.All)] internal sealed partial class EmbeddedAttribute : global::System.Attribute { } }\n"),
        (GeneratedSources.AttributesHintName, GeneratedSources.Attributes),
        (GeneratedSources.RuntimeHintName, GeneratedSources.Runtime),
    };

    public static CSharpCompilation Create(params string[] sources) => Create(sources.Select(Parse));

    /// <summary>A compilation of trees already parsed (a tree is immutable, so one parse can serve many compilations).</summary>
    public static CSharpCompilation Create(IEnumerable<SyntaxTree> trees) =>
        CSharpCompilation.Create(
            "TestProject",
            trees,
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, deterministic: true));

    /// <summary>The tree of the <paramref name="index"/>th source of a test compilation, named <c>Test{index}.cs</c>.</summary>
    public static SyntaxTree Parse(string source, int index) =>
        CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Test{index}.cs");
}
