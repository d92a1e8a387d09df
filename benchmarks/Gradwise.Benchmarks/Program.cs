using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Gradwise.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Gradwise.Benchmarks.ScalarLossBenchmarks).Assembly).Run(args);
