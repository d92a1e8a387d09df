using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Gradwise.Analyzers.Tests.Infrastructure;

/// <summary>
/// Proves a generator is incremental: run it, make an edit that should not matter, run it again,
/// and require every tracked step to be Cached or Unchanged. Also walks every step output and
/// fails if a model holds an ISymbol, SyntaxNode, SemanticModel or Compilation (which would pin
/// the compilation in memory and defeat caching).
/// </summary>
public static class IncrementalCaching
{
    public static CSharpCompilation AddUnrelatedFile(CSharpCompilation compilation) =>
        compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("internal static class UnrelatedEdit { public static int Answer => 42; }", TestCompilation.ParseOptions, path: "Unrelated.cs"));

    public static void AssertCachedAfterEdit(IIncrementalGenerator generator, string source, Func<CSharpCompilation, CSharpCompilation> edit, params string[] trackingNames)
    {
        if (trackingNames.Length == 0)
        {
            throw new ArgumentException("Name the tracked steps to check.", nameof(trackingNames));
        }

        var compilation = TestCompilation.Create(source);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { generator.AsSourceGenerator() },
            parseOptions: TestCompilation.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

        driver = driver.RunGenerators(compilation);
        var first = driver.GetRunResult().Results.Single();
        AssertNoForbiddenObjects(first, trackingNames);

        driver = driver.RunGenerators(edit(compilation));
        var second = driver.GetRunResult().Results.Single();

        var failures = new List<string>();
        foreach (var name in trackingNames)
        {
            if (!second.TrackedSteps.TryGetValue(name, out var steps) || steps.IsEmpty)
            {
                failures.Add($"step '{name}' was not tracked in the second run (is the name right, and did it produce anything?)");
                continue;
            }

            foreach (var step in steps)
            {
                foreach (var (_, reason) in step.Outputs)
                {
                    if (reason != IncrementalStepRunReason.Cached && reason != IncrementalStepRunReason.Unchanged)
                    {
                        failures.Add($"step '{name}' output was {reason} after an unrelated edit");
                    }
                }
            }
        }

        if (failures.Count > 0)
        {
            throw new Xunit.Sdk.XunitException("The generator is not incremental:\n" + string.Join("\n", failures.Distinct()));
        }
    }

    /// <summary>Walks the outputs of the named steps (Roslyn's own steps legitimately hold syntax and compilations).</summary>
    public static void AssertNoForbiddenObjects(GeneratorRunResult result, IEnumerable<string> trackingNames)
    {
        var names = new HashSet<string>(trackingNames);
        var steps = result.TrackedSteps.Where(s => names.Contains(s.Key)).Concat(result.TrackedOutputSteps);
        foreach (var pair in steps)
        {
            foreach (var step in pair.Value)
            {
                foreach (var (value, _) in step.Outputs)
                {
                    var path = FindForbidden(value, pair.Key, new HashSet<object>(ReferenceEqualityComparer.Instance), 0);
                    if (path != null)
                    {
                        throw new Xunit.Sdk.XunitException($"Step '{pair.Key}' holds a {path}; models must be made of values (strings, records, equatable arrays).");
                    }
                }
            }
        }
    }

    private static string? FindForbidden(object? value, string path, HashSet<object> seen, int depth)
    {
        if (value is null || depth > 12)
        {
            return null;
        }

        switch (value)
        {
            case ISymbol:
                return "ISymbol at " + path;
            case SyntaxNode:
                return "SyntaxNode at " + path;
            case Compilation:
                return "Compilation at " + path;
            case SemanticModel:
                return "SemanticModel at " + path;
            case string:
                return null;
        }

        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || !seen.Add(value))
        {
            return null;
        }

        if (type.GetProperty("IsDefault")?.GetValue(value) is true)
        {
            return null; // a default ImmutableArray holds nothing and cannot be enumerated
        }

        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                var found = FindForbidden(item, path + "[" + i++ + "]", seen, depth + 1);
                if (found != null)
                {
                    return found;
                }
            }
        }

        for (var t = type; t != null && t != typeof(object); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                var found = FindForbidden(field.GetValue(value), path + "." + field.Name, seen, depth + 1);
                if (found != null)
                {
                    return found;
                }
            }
        }

        return null;
    }
}
