using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Gradwise.Benchmarks.Synthetic;

/// <summary>Every analyzer the Gradwise.Analyzers assembly ships, as the package loads them: a rule added later is measured without editing the benchmarks.</summary>
public static class GradwiseAnalyzers
{
    public static ImmutableArray<DiagnosticAnalyzer> All() => In(typeof(Gradwise.Descriptors).Assembly);

    /// <summary>
    /// The analyzers of another build of Gradwise.Analyzers (its folder holds Gradwise.Symbolic too), loaded beside this
    /// one in a context of its own, so two builds can be measured in one process.
    /// </summary>
    public static ImmutableArray<DiagnosticAnalyzer> From(string analyzerAssembly)
    {
        var context = new OtherBuild(Path.GetFullPath(analyzerAssembly));
        return In(context.LoadFromAssemblyPath(Path.GetFullPath(analyzerAssembly)));
    }

    private static ImmutableArray<DiagnosticAnalyzer> In(System.Reflection.Assembly assembly) =>
        assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    /// <summary>Loads the Gradwise assemblies from the other build's folder, and everything else (Roslyn) from this process, so the analyzer types are the same.</summary>
    private sealed class OtherBuild(string analyzerAssembly) : System.Runtime.Loader.AssemblyLoadContext(isCollectible: false)
    {
        protected override System.Reflection.Assembly? Load(System.Reflection.AssemblyName name)
        {
            var beside = Path.Combine(Path.GetDirectoryName(analyzerAssembly)!, name.Name + ".dll");
            return name.Name!.StartsWith("Gradwise.", StringComparison.Ordinal) && File.Exists(beside) ? LoadFromAssemblyPath(beside) : null;
        }
    }
}
