using System.Globalization;
using BenchmarkDotNet.Running;
using Gradwise.Benchmarks.Synthetic;

// dotnet run -c Release --project benchmarks/Gradwise.Benchmarks -- --filter '*'            BenchmarkDotNet suites
// ... -- synthetic <ml|plain> <lines> <seed> <directory>                                   write one synthetic project
// ... -- build-overhead <gradwise-dlls> <work-directory> [sizes=35000,200000] [runs=5]      build time with and without Gradwise
// ... -- analyze <directory> [repeats=3]                                                  analyzer time per analyzer, in process
// ... -- cost <directory> [repeats=5]                                                     each analyzer's time, analysis on one thread, in process
// ... -- footprint <directory> [other Gradwise.Analyzers.dll|-] [repeats=3]              bytes each analyzer allocates, this build and another
// ... -- compare <directory> <other Gradwise.Analyzers.dll> [repeats=8]                  cost of this build and another, alternating in one process
// ... -- generate <directory> [repeats=3]                                                 the generator alone, in process
// ... -- edit-loop <work-directory> [lines=200000] [edits=20]                               one file's analyzer diagnostics after an edit
switch (args.FirstOrDefault())
{
    case "synthetic":
        var kind = args[1] == "plain" ? SyntheticKind.Plain : SyntheticKind.MachineLearning;
        Console.WriteLine(SyntheticSolution.Write(args[4], kind, Number(args[2]), Number(args[3])) + " lines");
        return 0;
    case "build-overhead":
        var sizes = args.Length > 3 ? args[3].Split(',').Select(Number).ToArray() : new[] { 35_000, 200_000 };
        return BuildOverhead.Run(Path.GetFullPath(args[1]), Path.GetFullPath(args[2]), sizes, args.Length > 4 ? Number(args[4]) : 5, seed: 1);
    case "generate":
        return AnalyzeOnce.Generate(Path.GetFullPath(args[1]), args.Length > 2 ? Number(args[2]) : 3);
    case "edit-loop":
        return EditLoop.Run(Path.GetFullPath(args[1]), args.Length > 2 ? Number(args[2]) : 200_000, args.Length > 3 ? Number(args[3]) : 20, seed: 1);
    case "cost":
        return AnalyzeOnce.Cost(Path.GetFullPath(args[1]), args.Length > 2 ? Number(args[2]) : 5, args.Length > 3 ? args[3] : null);
    case "footprint":
        return AnalyzeOnce.Footprint(Path.GetFullPath(args[1]), args.Length > 2 && args[2] != "-" ? Path.GetFullPath(args[2]) : null, args.Length > 3 ? Number(args[3]) : 3);
    case "compare":
        return AnalyzeOnce.Compare(Path.GetFullPath(args[1]), Path.GetFullPath(args[2]), args.Length > 3 ? Number(args[3]) : 8);
    case "diagnostics":
        return AnalyzeOnce.List(Path.GetFullPath(args[1]));
    case "analyze":
        return AnalyzeOnce.Run(Path.GetFullPath(args[1]), args.Length > 2 ? Number(args[2]) : 3);
    default:
        BenchmarkSwitcher.FromAssembly(typeof(Gradwise.Benchmarks.ScalarLossBenchmarks).Assembly).Run(args);
        return 0;
}

static int Number(string text) => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
