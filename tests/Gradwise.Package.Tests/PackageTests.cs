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
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));

        var nuspec = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open()).ReadToEnd();
        Assert.Contains("<developmentDependency>true</developmentDependency>", nuspec);
        Assert.Contains("<license type=\"expression\">MIT</license>", nuspec);
        Assert.Contains("<readme>README.md</readme>", nuspec);
        Assert.DoesNotContain("<dependency ", nuspec);
    }

    [Fact]
    public void Installed_package_generates_a_callable_gradient_and_reports_its_warnings()
    {
        var project = Path.Combine(package.WorkDirectory, "consumer");
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="gradwise-local" value="{package.FeedDirectory}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(project, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <RestorePackagesPath>{Path.Combine(package.WorkDirectory, "packages")}</RestorePackagesPath>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Gradwise" Version="{package.Version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        // The user turned GW9001 down to a warning, so the build succeeds and shows it.
        File.WriteAllText(Path.Combine(project, ".editorconfig"), """
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

/// <summary>Packs src/Gradwise once per test class, with a unique version so no cache serves a stale copy.</summary>
public sealed class PackedGradwise : IDisposable
{
    public PackedGradwise()
    {
        WorkDirectory = Path.Combine(Path.GetTempPath(), "gradwise-package-test-" + Guid.NewGuid().ToString("N"));
        FeedDirectory = Path.Combine(WorkDirectory, "feed");
        Directory.CreateDirectory(FeedDirectory);
        Version = "0.0.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + "." + Guid.NewGuid().ToString("N")[..8];

        var pack = DotNet.Run(
            Repo.Root,
            TimeSpan.FromMinutes(5),
            "pack", Path.Combine("src", "Gradwise", "Gradwise.csproj"), "-c", "Release", "-o", FeedDirectory, "-p:PackageVersion=" + Version, "--disable-build-servers", "-v:minimal");
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet pack failed: " + pack);
        }

        NupkgPath = Directory.GetFiles(FeedDirectory, "Gradwise." + Version + ".nupkg").Single();
    }

    public string WorkDirectory { get; }

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
