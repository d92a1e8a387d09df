using Xunit;

namespace Gradwise.Package.Tests;

/// <summary>
/// What a user sees: pack the NuGet, install it from a local feed into a throw-away project,
/// build and run it. Slow (two builds); run alone with <c>dotnet test tests/Gradwise.Package.Tests</c>
/// or leave out with <c>--filter "Category!=Package"</c>.
/// </summary>
[Trait("Category", "Package")]
[Collection(DotNetCliCollection.Name)]
public sealed class PackageTests : IClassFixture<PackedGradwise>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private readonly PackedGradwise package;

    public PackageTests(PackedGradwise package)
    {
        this.package = package;
    }

    [Fact]
    public void Package_holds_the_three_assemblies_under_analyzers_and_nothing_under_lib()
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(package.NupkgPath);
        var entries = zip.Entries.Select(e => e.FullName).ToList();

        Assert.Contains("analyzers/dotnet/cs/Gradwise.Analyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/Gradwise.Symbolic.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/Gradwise.CodeFixes.dll", entries);
        Assert.Contains("README.md", entries);
        Assert.Contains("build/Gradwise.targets", entries);
        Assert.Contains("presets/teaching.globalconfig", entries);
        Assert.Contains("presets/strict.globalconfig", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));

        var nuspec = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open()).ReadToEnd();
        Assert.Contains("<developmentDependency>true</developmentDependency>", nuspec);
        Assert.Contains("<license type=\"expression\">MIT</license>", nuspec);
        Assert.Contains("<readme>README.md</readme>", nuspec);
        Assert.DoesNotContain("<dependency ", nuspec);
    }

    [Theory]
    [InlineData("", "", false, "warning GW1001", "error GW9001")]
    [InlineData("teaching", "", true, "warning GW1001", "warning GW9001")]
    [InlineData("strict", "", false, "error GW1001", "error GW9001")]
    [InlineData("strict", "dotnet_diagnostic.GW1001.severity = suggestion\ndotnet_diagnostic.GW9001.severity = warning", true, null, "warning GW9001")]
    public void Presets_set_severities_and_the_projects_own_editorconfig_still_wins(string preset, string editorConfig, bool builds, string? lesson, string generator)
    {
        var project = package.Consumer(
            "preset-" + (preset.Length == 0 ? "none" : preset) + (editorConfig.Length == 0 ? string.Empty : "-overridden"),
            "root = true\n[*.cs]\n" + editorConfig,
            preset.Length == 0 ? string.Empty : $"<GradwisePreset>{preset}</GradwisePreset>");
        File.WriteAllText(Path.Combine(project, "Program.cs"), """
            using System;
            using Gradwise;

            Console.WriteLine(new Unit().Delta(0.3, 1));

            public sealed class Unit
            {
                private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
                public double Delta(double z, double t) { var o = Sigmoid(z); return (t - o) * o * (1 - o); }
            }

            public static class NotPartial
            {
                [Differentiable]
                public static double Square(double x) => x * x;
            }
            """);

        var build = DotNet.Run(project, Timeout, "build", "--disable-build-servers", "-v:minimal", "-clp:NoSummary");
        Assert.True((build.ExitCode == 0) == builds, build.ToString());
        if (lesson is null)
        {
            Assert.DoesNotContain("GW1001", build.Output);
        }
        else
        {
            Assert.Contains(lesson + ":", build.Output);
        }

        Assert.Contains(generator + ":", build.Output);
    }

    [Fact]
    public void An_unknown_preset_is_an_error_that_names_the_presets()
    {
        var project = package.Consumer("preset-unknown", "root = true", "<GradwisePreset>lenient</GradwisePreset>");
        File.WriteAllText(Path.Combine(project, "Program.cs"), "System.Console.WriteLine();");
        var build = DotNet.Run(project, Timeout, "build", "--disable-build-servers", "-v:minimal", "-clp:NoSummary");
        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("GradwisePreset 'lenient' is not a Gradwise preset; use 'teaching' or 'strict'", build.Output);
    }

    [Fact]
    public void Installed_package_generates_a_callable_gradient_and_reports_its_warnings()
    {
        // The user turned GW9001 down to a warning, so the build succeeds and shows it.
        var project = package.Consumer("consumer", """
            root = true
            [*.cs]
            dotnet_diagnostic.GW9001.severity = warning
            """);
        File.WriteAllText(Path.Combine(project, "Program.cs"), """
            using System;
            using Gradwise;

            double value = Losses.SquareWithGradient(3.0, out var d);
            Console.WriteLine($"RESULT {value} {d}");

            public static partial class Losses
            {
                [Differentiable]
                public static double Square(double x) => x * x;
            }

            public static class Mistake
            {
                [Differentiable]
                public static double Cube(double x) => x * x * x;
            }
            """);

        var build = DotNet.Run(project, Timeout, "build", "--disable-build-servers", "-v:minimal", "-clp:NoSummary");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("warning GW9001", build.Output);
        Assert.Contains("'Mistake' must be declared partial", build.Output);
        Assert.DoesNotContain("AD0001", build.Output);
        Assert.DoesNotContain("CS8785", build.Output);

        var run = DotNet.Run(project, Timeout, "run", "--no-build");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("RESULT 9 6", run.Output);
    }
}

public sealed class InstalledRulesTests : IClassFixture<PackedGradwise>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private readonly PackedGradwise package;

    public InstalledRulesTests(PackedGradwise package) => this.package = package;

    /// <summary>
    /// Real-code shapes built against the installed package (not the test verifier): the output in one file and the loss
    /// in another, a shared neuron field, an interface activation with a derivative, LINQ softmax copied into a field, an
    /// enum-configured activation, Encog and Keras.NET stand-ins under their own namespaces; and look-alikes that must stay silent. Each site is named by file and line.
    /// </summary>
    [Fact]
    public void Installed_package_reports_the_real_shape_sites_and_nothing_else()
    {
        var project = package.Consumer("shapes", """
            root = true
            [*.cs]
            dotnet_diagnostic.CS8618.severity = none
            """);
        var files = new Dictionary<string, string>
        {
            ["Program.cs"] = "System.Console.WriteLine(\"shapes\");\n",
            ["Neurons.cs"] = """
                using System;
                using System.Collections.Generic;
                namespace Shapes.Shared;
                public class Neuron { public double Output; public double[] W = new double[4]; }
                public class Layer
                {
                    public List<Neuron> Neurons = new();
                    public bool IsInput;
                    public void Forward(double[] x)
                    {
                        for (int i = 0; i < Neurons.Count; i++)
                        {
                            if (IsInput) { Neurons[i].Output = x[i]; continue; }
                            double s = 0;
                            for (int j = 0; j < x.Length; j++) s += Neurons[i].W[j] * x[j];
                            Neurons[i].Output = s switch { < -40 => 0, > 40 => 1, _ => 1 / (1 + Math.Exp(-s)) };
                        }
                    }
                }
                """,
            ["Trainer.cs"] = """
                using System.Collections.Generic;
                using Shapes.Shared;
                namespace Shapes.Training;
                public class Trainer
                {
                    public double Loss(List<Layer> layers, double[] t)
                    {
                        double e = 0;
                        for (int i = 0; i < t.Length; i++) { double d = layers[^1].Neurons[i].Output - t[i]; e += d * d; }
                        return e;
                    }
                    public double Delta(Layer output, int i, double t) { var o = output.Neurons[i].Output; return (t - o) * o * (1 - o); }
                }
                """,
            ["Interface.cs"] = """
                using System;
                namespace Shapes.Activations;
                public interface IActivation { double Forward(double x); double Backward(double y); }
                public sealed class Sigmoid : IActivation { public double Forward(double x) => 1 / (1 + Math.Exp(-x)); public double Backward(double y) => y * (1 - y); }
                public sealed class OutputUnit
                {
                    private readonly IActivation f;
                    public double Value { get; private set; }
                    public OutputUnit(IActivation f) => this.f = f;
                    public double Fire(double net) { Value = f.Forward(net); return Value; }
                    public double Gradient(double target) => f.Backward(Value) * (Value - target);
                }
                public static class Build { public static OutputUnit Output() => new OutputUnit(new Sigmoid()); }
                """,
            ["Softmax.cs"] = """
                using System;
                using System.Linq;
                namespace Shapes.Classifier;
                public class Classifier
                {
                    private readonly double[] probabilities = new double[3];
                    public void Forward(double[] scores)
                    {
                        var max = scores.Max();
                        var exps = scores.Select(v => Math.Exp(v - max)).ToArray();
                        var sum = exps.Sum();
                        Array.Copy(exps.Select(e => e / sum).ToArray(), probabilities, 3);
                    }
                    public double Loss(double[] y) { double l = 0; for (int k = 0; k < 3; k++) l += Math.Pow(probabilities[k] - y[k], 2); return l; }
                }
                """,
            ["Configured.cs"] = """
                using System;
                namespace Shapes.Configured;
                public enum Kind { Linear, Sigmoid }
                public class Unit
                {
                    private readonly Kind kind;
                    private double output;
                    public Unit(Kind kind) { this.kind = kind; }
                    private double Activate(double z) => kind switch { Kind.Sigmoid => 1 / (1 + Math.Exp(-z)), _ => z };
                    public double Step(double z, double y) { output = Activate(z); return (output - y) * (output - y); }
                    public static Unit Make() => new Unit(Kind.Sigmoid);
                }
                """,
            ["LookAlikes.cs"] = """
                using System;
                namespace Shapes.Silent;
                public static class Stats
                {
                    public static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
                    public static double Bernoulli(double z) { var p = Sigmoid(z); return p * (1 - p); }
                    public static double LogLoss(double z, double y) { var p = Sigmoid(z); return -(y * Math.Log(p) + (1 - y) * Math.Log(1 - p)); }
                    public static double CrossEntropyDelta(double z, double y) => Sigmoid(z) - y;
                    public static double Linear(double w, double x, double y) { var r = w * x - y; return r * r; }
                    public static double TanhLoss(double z, double y) { var h = Math.Tanh(z); return (h - y) * (h - y); }
                }
                """,
            ["Distill.cs"] = """
                using System;
                using System.Linq;
                namespace Shapes.Distill;
                public static class Kd
                {
                    public static double[] Softmax(double[] z, double t) { var m = z.Max(); var e = z.Select(v => Math.Exp((v - m) / t)).ToArray(); var s = e.Sum(); return e.Select(v => v / s).ToArray(); }
                    public static double Loss(double[] s, double[] teacher, int label, double t, double alpha)
                    {
                        var q = Softmax(s, t);
                        var p = Softmax(teacher, t);
                        double soft = 0;
                        for (int c = 0; c < q.Length; c++) soft -= p[c] * Math.Log(Math.Max(q[c], 1e-12));
                        double hard = Math.Log(s.Sum(v => Math.Exp(v - s.Max()))) + s.Max() - s[label];
                        return alpha * hard + (1 - alpha) * soft;
                    }
                    public static double Scaled(double[] s, double[] teacher, int label, double t) =>
                        Math.Log(s.Sum(v => Math.Exp(v - s.Max()))) + s.Max() - s[label] + t * t * SoftOnly(s, teacher, t);
                    private static double SoftOnly(double[] s, double[] teacher, double t)
                    {
                        var q = Softmax(s, t);
                        var p = Softmax(teacher, t);
                        double soft = 0;
                        for (int c = 0; c < q.Length; c++) soft -= p[c] * Math.Log(Math.Max(q[c], 1e-12));
                        return soft;
                    }
                }
                """,
            ["Logits.cs"] = """
                using System;
                namespace Shapes.Logits;
                public static class Bce
                {
                    public static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
                    public static double OnLogit(double z, double y) => Math.Max(z, 0) + Math.Log(1 + Math.Exp(-Math.Abs(z))) - y * z;
                    public static double Wrong(double z, double y) => OnLogit(Sigmoid(z), y);
                    public static double Right(double z, double y) => OnLogit(z, y);
                }
                """,
            ["Sparse.cs"] = """
                using System;
                using System.Collections.Generic;
                namespace Shapes.Sparse;
                public sealed class HashedLogistic
                {
                    private readonly double[] w = new double[1 << 18];
                    public double Predict(Dictionary<int, double> x) { double z = 0; foreach (var f in x) z += w[f.Key] * f.Value; return 1 / (1 + Math.Exp(-z)); }
                    public void Step(Dictionary<int, double> x, double y, double lr)
                    {
                        var error = Predict(x) - y;
                        foreach (var f in x) w[f.Key] -= lr * error * f.Value;
                    }
                    private readonly Dictionary<string, double> counts = new();
                    public void Count(string text) { foreach (var word in text.Split(' ')) counts[word] = counts.GetValueOrDefault(word) + 1; }
                }
                """,
            ["Masks.cs"] = """
                using System;
                using System.Linq;
                namespace Shapes.Masks;
                public static class Pretrain
                {
                    public static void Run(double[] w, double[] x, int epochs, Random rng)
                    {
                        var keep = x.Select(_ => rng.NextDouble() > 0.15).ToArray();
                        for (int epoch = 0; epoch < epochs; epoch++)
                            for (int j = 0; j < w.Length; j++) w[j] -= 0.1 * (keep[j % keep.Length] ? w[j] - x[j % x.Length] : 0);
                    }
                }
                """,
            ["EncogStub.cs"] = """
                namespace Encog.Engine.Network.Activation { public interface IActivationFunction { } public class ActivationSigmoid : IActivationFunction { } }
                namespace Encog.ML.Data { public interface IMLDataSet { } }
                namespace Encog.Neural.Networks.Layers { public class BasicLayer { public BasicLayer(Encog.Engine.Network.Activation.IActivationFunction f, bool bias, int count) { } } }
                namespace Encog.Neural.Networks { public class BasicNetwork { public void AddLayer(Encog.Neural.Networks.Layers.BasicLayer layer) { } } }
                namespace Encog.Neural.Error { public interface IErrorFunction { } public class CrossEntropyErrorFunction : IErrorFunction { } }
                namespace Encog.Neural.Networks.Training.Propagation.Resilient
                {
                    public class ResilientPropagation
                    {
                        public ResilientPropagation(Encog.Neural.Networks.BasicNetwork network, Encog.ML.Data.IMLDataSet training) { }
                        public Encog.Neural.Error.IErrorFunction ErrorFunction { get; set; }
                    }
                }
                """,
            ["Xor.cs"] = """
                using Encog.Engine.Network.Activation;
                using Encog.ML.Data;
                using Encog.Neural.Error;
                using Encog.Neural.Networks;
                using Encog.Neural.Networks.Layers;
                using Encog.Neural.Networks.Training.Propagation.Resilient;
                namespace Shapes.Xor;
                public static class Xor
                {
                    public static object Train(IMLDataSet set)
                    {
                        var network = new BasicNetwork();
                        network.AddLayer(new BasicLayer(null, true, 2));
                        network.AddLayer(new BasicLayer(new ActivationSigmoid(), false, 1));
                        return new ResilientPropagation(network, set);
                    }
                    public static object TrainRight(IMLDataSet set)
                    {
                        var network = new BasicNetwork();
                        network.AddLayer(new BasicLayer(new ActivationSigmoid(), false, 1));
                        return new ResilientPropagation(network, set) { ErrorFunction = new CrossEntropyErrorFunction() };
                    }
                }
                """,
            ["KerasStub.cs"] = """
                namespace Keras.Layers { public abstract class BaseLayer { } public class Dense : BaseLayer { public Dense(int units, string activation = "") { } } }
                namespace Keras.Models { public class Sequential { public void Add(Keras.Layers.BaseLayer layer) { } public void Compile(string optimizer, string loss) { } } }
                """,
            ["Keras.cs"] = """
                using Keras.Layers;
                using Keras.Models;
                namespace Shapes.KerasNet;
                public static class Models
                {
                    public static void Build()
                    {
                        var model = new Sequential();
                        model.Add(new Dense(1, activation: "sigmoid"));
                        model.Compile(optimizer: "sgd", loss: "mean_squared_error");
                        var right = new Sequential();
                        right.Add(new Dense(3, activation: "softmax"));
                        right.Compile(optimizer: "adam", loss: "categorical_crossentropy");
                    }
                }
                """,
            ["Toy.cs"] = """
                namespace Shapes.Toy;
                public sealed class Matrix
                {
                    private readonly double[] data;
                    public Matrix(int n) { data = new double[n]; }
                    public int Length => data.Length;
                    public static Matrix Subtract(Matrix a, Matrix b) { var r = new Matrix(a.Length); for (int i = 0; i < r.Length; i++) r.data[i] = a.data[i] - b.data[i]; return r; }
                    public static Matrix Map(Matrix m, System.Func<double, double> f) { var r = new Matrix(m.Length); for (int i = 0; i < r.Length; i++) r.data[i] = f(m.data[i]); return r; }
                    public void Map(System.Func<double, double> f) { for (int i = 0; i < data.Length; i++) data[i] = f(data[i]); }
                    public void Multiply(Matrix other) { for (int i = 0; i < data.Length; i++) data[i] *= other.data[i]; }
                }
                public static class ToyNetwork
                {
                    static double Sigmoid(double x) => 1 / (1 + System.Math.Exp(-x));
                    static double DSigmoid(double y) => y * (1 - y);
                    public static Matrix OutputGradient(Matrix outputs, Matrix targets)
                    {
                        outputs.Map(Sigmoid);
                        var gradients = Matrix.Map(outputs, DSigmoid);
                        gradients.Multiply(Matrix.Subtract(targets, outputs));
                        return gradients;
                    }
                    public static Matrix CrossEntropyGradient(Matrix outputs, Matrix targets) => Matrix.Subtract(targets, outputs);
                }
                """,
            ["Costs.cs"] = """
                namespace Shapes.Costs;
                public sealed class CrossEntropy
                {
                    public double Evaluate(double[] output, double[] expected)
                    {
                        double sum = 0;
                        for (int i = 0; i < output.Length; i++) sum -= expected[i] * System.Math.Log(output[i]);
                        return sum;
                    }
                }
                """,
        };
        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(project, name), text);
        }

        var build = DotNet.Run(project, Timeout, "build", "--disable-build-servers", "-v:minimal", "-clp:NoSummary");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain("AD0001", build.Output);
        var sites = System.Text.RegularExpressions.Regex.Matches(build.Output, @"([A-Za-z]+\.cs)\((\d+),\d+\): warning (GW\d{4})")
            .Select(m => $"{m.Groups[3].Value} {m.Groups[1].Value}:{m.Groups[2].Value}")
            .Distinct()
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(
            new[]
            {
                "GW1001 Configured.cs:10", "GW1001 Interface.cs:11", "GW1001 Keras.cs:10", "GW1001 Toy.cs:20", "GW1001 Trainer.cs:12", "GW1001 Trainer.cs:9", "GW1001 Xor.cs:15",
                "GW1002 Softmax.cs:14",
                "GW1003 Logits.cs:7", "GW2001 Sparse.cs:11", "GW3001 Costs.cs:7", "GW3001 LookAlikes.cs:7", "GW4001 Distill.cs:14", "GW5001 Masks.cs:8",
            },
            sites);
    }
}

/// <summary>Packs src/Gradwise once per test class, with a unique version so no cache serves a stale copy.</summary>
public sealed class PackedGradwise : IDisposable
{
    public PackedGradwise()
    {
        WorkDirectory = Path.Combine(Path.GetTempPath(), "gradwise-package-test-" + Guid.NewGuid().ToString("N"));
        FeedDirectory = Path.Combine(WorkDirectory, "feed");
        Directory.CreateDirectory(FeedDirectory);
        // The random part starts with a letter: eight hex digits that are all numbers with a leading zero (06588397) make a numeric
        // pre-release identifier SemVer refuses, and dotnet pack fails.
        Version = "0.0.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + ".r" + Guid.NewGuid().ToString("N")[..8];

        var arguments = new[] { "pack", Path.Combine("src", "Gradwise", "Gradwise.csproj"), "-c", "Release", "-o", FeedDirectory, "-p:PackageVersion=" + Version, "--disable-build-servers", "-v:minimal" }
            .Concat(Repo.NoRestoreWhenRestored());
        var pack = DotNet.Run(Repo.Root, TimeSpan.FromMinutes(5), arguments.ToArray()); // see Repo.NoRestoreWhenRestored
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet pack failed: " + pack);
        }

        NupkgPath = Directory.GetFiles(FeedDirectory, "Gradwise." + Version + ".nupkg").Single();
    }

    public string WorkDirectory { get; }

    /// <summary>A new console project in <paramref name="name"/> that installs the packed package from the local feed, with its .editorconfig.</summary>
    public string Consumer(string name, string editorConfig, string properties = "")
    {
        var project = Path.Combine(WorkDirectory, name);
        Directory.CreateDirectory(project);
        WriteProject(project, name, "<Nullable>enable</Nullable>" + properties, string.Empty, machineSources: false);
        File.WriteAllText(Path.Combine(project, ".editorconfig"), editorConfig);
        return project;
    }

    /// <summary>
    /// A copy of samples/Gradwise.Samples.Mistakes (its code and .editorconfig) in <paramref name="name"/> that installs the
    /// packed package instead of the analyzer project references, with the sample's ML.NET packages at the repository's versions.
    /// </summary>
    public string StudentProject(string name)
    {
        var sample = Path.Combine(Repo.Root, "samples", "Gradwise.Samples.Mistakes");
        var project = Path.Combine(WorkDirectory, name);
        Directory.CreateDirectory(project);
        foreach (var file in Directory.GetFiles(sample, "*.cs").Append(Path.Combine(sample, ".editorconfig")))
        {
            File.Copy(file, Path.Combine(project, Path.GetFileName(file)));
        }

        // The machine's own sources (and its package folder, as a fallback) serve ML.NET.
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var versions = System.Xml.Linq.XDocument.Load(Path.Combine(Repo.Root, "Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!);
        WriteProject(
            project,
            name,
            $"<ImplicitUsings>enable</ImplicitUsings><RestoreAdditionalProjectFallbackFolders>{packages}</RestoreAdditionalProjectFallbackFolders>",
            $"""<PackageReference Include="Microsoft.ML" Version="{versions["Microsoft.ML"]}" /><PackageReference Include="Microsoft.ML.FastTree" Version="{versions["Microsoft.ML.FastTree"]}" />""",
            machineSources: true);
        return project;
    }

    /// <summary>The project file and its nuget.config: the local feed (alone, or first before the machine's own sources).</summary>
    private void WriteProject(string project, string name, string properties, string packageReferences, bool machineSources)
    {
        File.WriteAllText(Path.Combine(project, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                {(machineSources ? string.Empty : "<clear />")}
                <add key="gradwise-local" value="{FeedDirectory}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(project, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <RestorePackagesPath>{Path.Combine(WorkDirectory, "packages")}</RestorePackagesPath>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Gradwise" Version="{Version}" PrivateAssets="all" />
                {packageReferences}
              </ItemGroup>
            </Project>
            """);
    }

    public string FeedDirectory { get; }

    public string Version { get; }

    public string NupkgPath { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
