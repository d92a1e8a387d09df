using System.Globalization;
using System.Text;

namespace Gradwise.Benchmarks.Synthetic;

/// <summary>The two kinds of synthetic project the build-cost measurements use.</summary>
public enum SyntheticKind
{
    /// <summary>Hand-written networks and losses in the shapes the rules look for, ML.NET pipelines and [Differentiable] methods, with some plain code.</summary>
    MachineLearning,

    /// <summary>Ordinary application code with no machine learning: records, services, LINQ, string work and arithmetic.</summary>
    Plain,
}

/// <summary>
/// Writes a seeded synthetic C# project of about a given number of lines. The same seed, kind and size
/// give the same files byte for byte, so a measurement can be repeated on another machine.
/// </summary>
public static class SyntheticSolution
{
    /// <summary>
    /// The project builds with and without Gradwise: <c>-p:Gradwise=path/to/analyzer/dlls</c> adds it. For the split of
    /// what Gradwise adds, <c>-p:GradwiseRulesOff=file.globalconfig</c> switches its rules off (the generator still runs), and
    /// <c>-p:GradwiseGenerated=true</c> compiles a copy of the generator's output kept in <c>Generated/</c> as ordinary source,
    /// without Gradwise.
    /// </summary>
    public const string ProjectFile = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <OutputType>Library</OutputType>
            <Nullable>disable</Nullable>
            <ImplicitUsings>disable</ImplicitUsings>
            <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
            <NoWarn>$(NoWarn);CS0169;CS0414;CS0649;CS8981</NoWarn>
            <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
            <ImportDirectoryBuildProps>false</ImportDirectoryBuildProps>
            <ImportDirectoryPackagesProps>false</ImportDirectoryPackagesProps>
          </PropertyGroup>
          <PropertyGroup Condition="'$(Gradwise)' != '' or '$(GradwiseGenerated)' != ''">
            <DefineConstants>$(DefineConstants);GRADWISE</DefineConstants>
          </PropertyGroup>
          <ItemGroup Condition="'$(Gradwise)' != ''">
            <Analyzer Include="$(Gradwise)/Gradwise.Analyzers.dll" />
            <Analyzer Include="$(Gradwise)/Gradwise.Symbolic.dll" />
          </ItemGroup>
          <ItemGroup Condition="'$(GradwiseRulesOff)' != ''">
            <GlobalAnalyzerConfigFiles Include="$(GradwiseRulesOff)" />
          </ItemGroup>
          <ItemGroup Condition="'$(GradwiseGenerated)' == ''">
            <Compile Remove="Generated/**" />
          </ItemGroup>
        __PACKAGES__
        </Project>
        """;

    /// <summary>Writes the project into <paramref name="directory"/> (emptied first) and returns the number of lines written.</summary>
    public static int Write(string directory, SyntheticKind kind, int lines, int seed)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
        var packages = kind == SyntheticKind.MachineLearning
            ? "  <ItemGroup>\n    <PackageReference Include=\"Microsoft.ML\" Version=\"5.0.1\" />\n    <PackageReference Include=\"Microsoft.ML.FastTree\" Version=\"5.0.1\" />\n  </ItemGroup>"
            : string.Empty;
        File.WriteAllText(Path.Combine(directory, "Synthetic.csproj"), ProjectFile.Replace("__PACKAGES__", packages));
        var random = new Random(seed);
        var templates = kind == SyntheticKind.MachineLearning ? MachineLearningTemplates : PlainTemplates;
        var written = 0;
        if (kind == SyntheticKind.MachineLearning)
        {
            written += WriteFile(directory, "Attributes.cs", Templates.AttributesWithoutGradwise);
        }

        for (var file = 0; written < lines; file++)
        {
            var template = templates[random.Next(templates.Length)];
            written += WriteFile(directory, $"File{file:D5}.cs", template(new Shape(file, random)));
        }

        return written;
    }

    private static int WriteFile(string directory, string name, string text)
    {
        File.WriteAllText(Path.Combine(directory, name), text, new UTF8Encoding(false));
        return text.Count(c => c == '\n');
    }

    private static readonly Func<Shape, string>[] MachineLearningTemplates =
    {
        Templates.SharedOutputNeurons,
        Templates.ClippedSigmoidNetwork,
        Templates.InterfaceActivation,
        Templates.DelegateActivation,
        Templates.EnumSelectedActivation,
        Templates.LinqSoftmax,
        Templates.LinearRegression,
        Templates.LogisticRegressionWithCrossEntropy,
        Templates.DifferentiableLosses,
        Templates.MlNetPipeline,
        Templates.HashedSgd,
        Templates.NumericUtilities,
        Templates.OrderService,
        Templates.ReportFormatter,
    };

    private static readonly Func<Shape, string>[] PlainTemplates =
    {
        Templates.OrderService,
        Templates.ReportFormatter,
        Templates.InventoryModel,
        Templates.GeometryUtilities,
        Templates.TextProcessing,
    };
}

/// <summary>What varies from one file to the next: a unique number for names and a few sizes and constants.</summary>
public sealed class Shape
{
    private readonly Random random;

    public Shape(int id, Random random)
    {
        Id = id;
        this.random = random;
    }

    /// <summary>Unique per file: every type name carries it.</summary>
    public int Id { get; }

    /// <summary>A small integer in [min, max].</summary>
    public int Size(int min, int max) => random.Next(min, max + 1);

    /// <summary>A decimal constant in [min, max) as C# text.</summary>
    public string Constant(double min, double max) => (min + (random.NextDouble() * (max - min))).ToString("0.0###", CultureInfo.InvariantCulture);

    /// <summary>One of the given choices.</summary>
    public string Pick(params string[] choices) => choices[random.Next(choices.Length)];

    /// <summary>A repeated block of methods, each with its own index, so files differ in length.</summary>
    public string Repeat(int min, int max, Func<int, string> block)
    {
        var text = new StringBuilder();
        var count = Size(min, max);
        for (var i = 0; i < count; i++)
        {
            text.Append(block(i));
        }

        return text.ToString();
    }
}
