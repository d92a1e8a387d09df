using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Gradwise.Benchmarks.Synthetic;

/// <summary>
/// What Gradwise adds to a command-line build: synthetic projects built with and without it, alternating
/// (the machines are shared and noisy, so each pair runs back to back, in alternating order, and the
/// medians are compared), then
/// one build with <c>-p:ReportAnalyzer=true</c> for the time of each Gradwise analyzer and the generator.
/// </summary>
public static class BuildOverhead
{
    public static int Run(string gradwise, string work, int[] sizes, int runs, int seed)
    {
        Console.WriteLine($"Gradwise assemblies: {gradwise}");
        Console.WriteLine($"{"project",-28} {"lines",8} {"without (s)",12} {"with (s)",10} {"overhead",9}   per pair");
        foreach (var kind in new[] { SyntheticKind.MachineLearning, SyntheticKind.Plain })
        {
            foreach (var size in sizes)
            {
                var directory = Path.Combine(work, $"{kind}-{size}");
                var lines = SyntheticSolution.Write(directory, kind, size, seed);
                Dotnet(directory, "restore", "-v:q");
                Build(directory, null);
                Build(directory, gradwise); // warm both configurations once
                var without = new List<double>();
                var with = new List<double>();
                for (var run = 0; run < runs; run++)
                {
                    // ABBA: which build of a pair goes first alternates, so order effects cancel out (with a fixed
                    // order, on plain code where Gradwise does almost nothing, the second build of all 7 pairs was 1-19% faster).
                    if (run % 2 == 0)
                    {
                        without.Add(Build(directory, null));
                        with.Add(Build(directory, gradwise));
                    }
                    else
                    {
                        with.Add(Build(directory, gradwise));
                        without.Add(Build(directory, null));
                    }
                }

                var pairs = string.Join(" ", with.Zip(without, (w, o) => ((w / o) - 1).ToString("+0%;-0%", CultureInfo.InvariantCulture)));
                Console.WriteLine($"{kind + "-" + size,-28} {lines,8} {Median(without),12:F2} {Median(with),10:F2} {(Median(with) / Median(without)) - 1,9:+0.0%;-0.0%}   {pairs}");
                foreach (var line in AnalyzerTimes(directory, gradwise))
                {
                    Console.WriteLine("    " + line);
                }
            }
        }

        return 0;
    }

    /// <summary>Wall-clock seconds of a full rebuild, with the Gradwise assemblies when <paramref name="gradwise"/> is set.</summary>
    private static double Build(string directory, string? gradwise)
    {
        var clock = Stopwatch.StartNew();
        Dotnet(directory, "build", "--no-restore", "--no-incremental", "-v:q", "-nodeReuse:false", "-p:UseSharedCompilation=true", $"-p:Gradwise={gradwise}");
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>The Gradwise lines of the compiler's analyzer and generator report.</summary>
    private static IEnumerable<string> AnalyzerTimes(string directory, string gradwise)
    {
        // The compiler server, as in the timed builds (a machine may set UseSharedCompilation=false for every build): in a fresh
        // compiler process each build JITs Gradwise's code again, which doubled the generator's reported time.
        var log = Dotnet(directory, "build", "--no-restore", "--no-incremental", "-v:d", "-nodeReuse:false", "-p:UseSharedCompilation=true", "-p:ReportAnalyzer=true", $"-p:Gradwise={gradwise}");
        var report = Regex.Matches(log, @"^\s*(?<time>\d+\.\d+)\s+(?<share>\S+)\s+(?<name>(Gradwise|Microsoft\.CodeAnalysis\.NetAnalyzers,|Total).*)$|Total (analyzer|generator) execution time: (?<total>\d+\.\d+)", RegexOptions.Multiline);
        foreach (Match line in report)
        {
            yield return line.Value.Trim();
        }
    }

    private static string Dotnet(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed in {directory}:\n{output}\n{error.Result}");
        }

        return output;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
