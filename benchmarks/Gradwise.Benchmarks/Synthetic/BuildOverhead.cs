using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Gradwise.Benchmarks.Synthetic;

/// <summary>
/// What Gradwise adds to a command-line build: synthetic projects built with and without it, in turns (the
/// machines are shared and noisy, so the builds of one round run back to back, each round in another order, and
/// the medians are compared), then one build with <c>-p:ReportAnalyzer=true</c> for the time of each Gradwise
/// analyzer and the generator.
/// <para>
/// On a machine-learning project the overhead is also split into its parts, with two more builds per round: the
/// generator's output compiled as ordinary source without Gradwise (the cost of compiling the code the user asked
/// for, as if written by hand), and Gradwise with every rule switched off (the generator's run on top of that).
/// What the full build adds beyond the generator-only one is the analyzers'.
/// </para>
/// </summary>
public static class BuildOverhead
{
    private const string Without = "without";
    private const string With = "with";
    private const string AsSource = "generated code as source";
    private const string GeneratorOnly = "generator only (rules off)";

    public static int Run(string gradwise, string work, int[] sizes, int runs, int seed)
    {
        Console.WriteLine($"Gradwise assemblies: {gradwise}");
        Console.WriteLine($"{"project",-28} {"lines",8} {"without (s)",12} {"with (s)",10} {"overhead",9}   per round");
        var rulesOff = RulesOffConfig(gradwise, work);
        foreach (var kind in new[] { SyntheticKind.MachineLearning, SyntheticKind.Plain })
        {
            foreach (var size in sizes)
            {
                var directory = Path.Combine(work, $"{kind}-{size}");
                var lines = SyntheticSolution.Write(directory, kind, size, seed);
                Dotnet(directory, "restore", "-v:q");
                var setups = new List<(string Name, string[] Properties)> { (Without, Array.Empty<string>()), (With, new[] { $"-p:Gradwise={gradwise}" }) };
                if (kind == SyntheticKind.MachineLearning)
                {
                    // The generator's output, kept where -p:GradwiseGenerated=true compiles it (the project leaves Generated/ out otherwise).
                    Dotnet(directory, "build", "--no-restore", "--no-incremental", "-v:q", "-nodeReuse:false", $"-p:Gradwise={gradwise}", $"-p:GradwiseRulesOff={rulesOff}", "-p:EmitCompilerGeneratedFiles=true", "-p:CompilerGeneratedFilesOutputPath=Generated");
                    setups.Insert(1, (AsSource, new[] { "-p:GradwiseGenerated=true" }));
                    setups.Insert(2, (GeneratorOnly, new[] { $"-p:Gradwise={gradwise}", $"-p:GradwiseRulesOff={rulesOff}" }));
                }

                foreach (var setup in setups)
                {
                    Build(directory, setup.Properties); // warm every configuration once
                }

                var times = setups.ToDictionary(s => s.Name, _ => new List<double>());
                var cpu = setups.ToDictionary(s => s.Name, _ => new List<double>());
                for (var run = 0; run < runs; run++)
                {
                    // Each round starts with another configuration, so order effects cancel out (with a fixed order, on plain
                    // code where Gradwise does almost nothing, the second build of all 7 pairs was 1-19% faster).
                    for (var turn = 0; turn < setups.Count; turn++)
                    {
                        var setup = setups[(run + turn) % setups.Count];
                        var before = CompilerCpu();
                        times[setup.Name].Add(Build(directory, setup.Properties));
                        cpu[setup.Name].Add(CompilerCpu().Sum(p => (p.Value - before.GetValueOrDefault(p.Key)).TotalSeconds));
                    }
                }

                var without = times[Without];
                var pairs = string.Join(" ", times[With].Zip(without, (w, o) => Ratio(w / o, "0%")));
                Console.WriteLine($"{kind + "-" + size,-28} {lines,8} {Median(without),12:F2} {Median(times[With]),10:F2} {Ratio(Median(times[With]) / Median(without), "0.0%"),9}   {pairs}");
                // Each configuration against the build without Gradwise of the same round, the median of those ratios: wall time, and
                // the processor time of the compiler server, which another user's load on the machine moves far less.
                string Split(Dictionary<string, List<double>> measure) =>
                    string.Join(", ", setups.Skip(1).Select(s => $"{s.Name} {Ratio(Median(measure[s.Name].Zip(measure[Without], (t, o) => t / o).ToList()), "0.0%")}"));
                if (setups.Count > 2)
                {
                    Console.WriteLine($"    wall time, median ratio to 'without' per round: {Split(times)}");
                }

                if (cpu[Without].All(c => c > 0))
                {
                    Console.WriteLine($"    compiler CPU ({Median(cpu[Without]):F2} s without), median ratio per round: {Split(cpu)}");
                }

                foreach (var line in AnalyzerTimes(directory, gradwise))
                {
                    Console.WriteLine("    " + line);
                }
            }
        }

        return 0;
    }

    /// <summary>
    /// A global analyzer config that sets every rule of the Gradwise build under test to none: the compiler then runs none of
    /// its analyzers (an analyzer whose every diagnostic is off is skipped), while the generator runs as usual.
    /// </summary>
    private static string RulesOffConfig(string gradwise, string work)
    {
        Directory.CreateDirectory(work);
        var ids = GradwiseAnalyzers.From(Path.Combine(gradwise, "Gradwise.Analyzers.dll"))
            .SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal);
        var path = Path.Combine(work, "gradwise-rules-off.globalconfig");
        File.WriteAllLines(path, new[] { "is_global = true" }.Concat(ids.Select(id => $"dotnet_diagnostic.{id}.severity = none")));
        return path;
    }

    /// <summary>
    /// Processor time so far of each compiler server process (VBCSCompiler: its own process on Windows, <c>dotnet VBCSCompiler.dll</c>
    /// elsewhere), by process id; empty where the command line of a process cannot be read.
    /// </summary>
    private static Dictionary<int, TimeSpan> CompilerCpu()
    {
        var result = new Dictionary<int, TimeSpan>();
        foreach (var process in Process.GetProcesses())
        {
            using (process)
            {
                try
                {
                    var commandLine = $"/proc/{process.Id}/cmdline";
                    if (process.ProcessName == "VBCSCompiler" || (File.Exists(commandLine) && File.ReadAllText(commandLine).Contains("VBCSCompiler", StringComparison.Ordinal)))
                    {
                        result[process.Id] = process.TotalProcessorTime;
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or System.ComponentModel.Win32Exception)
                {
                    // The process ended, or is not ours to read: not the compiler this build uses.
                }
            }
        }

        return result;
    }

    /// <summary>Wall-clock seconds of a full rebuild with the given MSBuild properties.</summary>
    private static double Build(string directory, string[] properties)
    {
        var clock = Stopwatch.StartNew();
        Dotnet(directory, new[] { "build", "--no-restore", "--no-incremental", "-v:q", "-nodeReuse:false", "-p:UseSharedCompilation=true" }.Concat(properties).ToArray());
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

    /// <summary>A time ratio as a signed percentage (a custom format's negative section prints a ratio that rounds to zero as "-+0%").</summary>
    private static string Ratio(double ratio, string format) =>
        (ratio < 1 ? "-" : "+") + Math.Abs(ratio - 1).ToString(format, CultureInfo.InvariantCulture);

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
