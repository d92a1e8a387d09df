using System.Collections.Immutable;
using System.Diagnostics;
using Gradwise.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Gradwise.Benchmarks.Synthetic;

/// <summary>
/// The IDE loop: in the synthetic machine-learning project, change one number in a file that has a
/// network, and time how long the Gradwise analyzers take to give that file's semantic diagnostics on the
/// new compilation (what an editor asks for after each keystroke pause, without whole-solution analysis).
/// The compiler's own diagnostics for the file are timed too, as the yardstick.
/// </summary>
public static class EditLoop
{
    public static int Run(string work, int lines, int edits, int seed)
    {
        var directory = Path.Combine(work, $"edit-loop-{lines}");
        SyntheticSolution.Write(directory, SyntheticKind.MachineLearning, lines, seed);
        var compilation = AnalyzeOnce.Compile(directory, defineGradwise: false);
        var trees = compilation.SyntaxTrees.ToList();
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
        if (errors.Count > 0)
        {
            Console.WriteLine("the synthetic project does not compile:\n" + string.Join("\n", errors));
            return 1;
        }

        var analyzers = GradwiseAnalyzers.All();
        var edited = trees.First(t => t.GetText().ToString().Contains("public class Neuron", StringComparison.Ordinal));
        Console.WriteLine($"{trees.Count} files, {trees.Sum(t => t.GetText().Lines.Count)} lines; editing {Path.GetFileName(edited.FilePath)}");

        var (first, firstCompiler, firstCount) = Measure(compilation, edited, analyzers);
        Console.WriteLine($"first request (index cold): analyzers {first:F1} ms, compiler {firstCompiler:F1} ms, {firstCount} GW diagnostics in the file");
        var analyzerTimes = new List<double>();
        var compilerTimes = new List<double>();
        for (var edit = 0; edit < edits; edit++)
        {
            // One token: the learning rate's last digit, as someone tuning it would type.
            var text = edited.GetText();
            var rate = text.ToString().IndexOf("rate = ", StringComparison.Ordinal) + "rate = ".Length;
            var digit = text.ToString().IndexOf(';', rate) - 1;
            var changed = text.WithChanges(new TextChange(new TextSpan(digit, 1), ((edit % 9) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var tree = edited.WithChangedText(changed);
            compilation = compilation.ReplaceSyntaxTree(edited, tree);
            edited = tree;
            var (analyzerTime, compilerTime, count) = Measure(compilation, edited, analyzers);
            analyzerTimes.Add(analyzerTime);
            compilerTimes.Add(compilerTime);
            if (count != firstCount)
            {
                Console.WriteLine($"edit {edit}: {count} diagnostics instead of {firstCount}");
                return 1;
            }
        }

        analyzerTimes.Sort();
        compilerTimes.Sort();
        Console.WriteLine($"after a one-token edit ({edits} edits): analyzers median {analyzerTimes[edits / 2]:F1} ms (max {analyzerTimes[^1]:F1}), compiler median {compilerTimes[edits / 2]:F1} ms");
        return 0;
    }

    private static (double Analyzers, double Compiler, int Count) Measure(Compilation compilation, SyntaxTree tree, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var clock = Stopwatch.StartNew();
        _ = compilation.GetSemanticModel(tree).GetDiagnostics();
        var compiler = clock.Elapsed.TotalMilliseconds;
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        clock.Restart();
        var diagnostics = withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(withAnalyzers.Compilation.GetSemanticModel(tree), null, CancellationToken.None).Result;
        return (clock.Elapsed.TotalMilliseconds, compiler, diagnostics.Count(d => d.Id.StartsWith("GW", StringComparison.Ordinal)));
    }
}
