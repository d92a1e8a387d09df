using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Gradwise.Benchmarks.Synthetic;

/// <summary>Every analyzer the Gradwise.Analyzers assembly ships, as the package loads them: a rule added later is measured without editing the benchmarks.</summary>
public static class GradwiseAnalyzers
{
    public static ImmutableArray<DiagnosticAnalyzer> All() =>
        typeof(Gradwise.Descriptors).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
}
