using System.Collections.Immutable;
using Gradwise.Analyzers.Tests.Infrastructure;
using Gradwise.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace Gradwise.Analyzers.Tests.Rules;

/// <summary>
/// What the flow layer promises, checked against the real analyzer driver: results do not depend on
/// the order or concurrency of analysis, and a cross-file fact reaches the analysis of one open document.
/// </summary>
public sealed class FlowEngineTests
{
    /// <summary>A project whose facts cross files: neurons share an Output field, layers are in a list, activations come through an interface and a delegate.</summary>
    private static readonly (string Name, string Text)[] Project =
    {
        ("Neuron.cs", """
            namespace Net;
            public class Neuron { public double Output; public double Net; public double[] Weights = new double[4]; }
            """),
        ("Activations.cs", """
            using System;
            namespace Net;
            public interface IActivation { double Apply(double x); }
            public sealed class Logistic : IActivation { public double Apply(double x) => 1 / (1 + Math.Exp(-x)); }
            public sealed class Identity : IActivation { public double Apply(double x) => x; }
            public static class Activations { public static double Clipped(double x) => x switch { < -30 => 0, > 30 => 1, _ => 1 / (1 + Math.Exp(-x)) }; }
            """),
        ("Layer.cs", """
            using System.Collections.Generic;
            namespace Net;
            public class Layer
            {
                public List<Neuron> Neurons = new List<Neuron>();
                public IActivation Activation;
                public bool IsInput;
                public Layer(IActivation activation) { Activation = activation; }
                public void Forward(double[] x)
                {
                    for (int n = 0; n < Neurons.Count; n++)
                    {
                        if (IsInput) { Neurons[n].Output = x[n]; continue; }
                        double s = 0;
                        for (int j = 0; j < x.Length; j++) s += Neurons[n].Weights[j] * x[j];
                        Neurons[n].Net = s;
                        Neurons[n].Output = Activation.Apply(s);
                    }
                }
            }
            """),
        ("Network.cs", """
            using System.Collections.Generic;
            namespace Net;
            public class Network
            {
                private readonly List<Layer> layers = new List<Layer> { new Layer(new Identity()) { IsInput = true }, new Layer(new Logistic()) };
                public double Loss(double[] t)
                {
                    var output = layers[layers.Count - 1];
                    double e = 0;
                    for (int i = 0; i < t.Length; i++) { double d = output.Neurons[i].Output - t[i]; e += d * d; }
                    return e;
                }
                public double Delta(int i, double t) { var o = layers[^1].Neurons[i].Output; return (t - o) * o * (1 - o); }
            }
            """),
        ("Unit.cs", """
            using System;
            namespace Net;
            public sealed class Unit
            {
                private readonly Func<double, double> f;
                public double Out;
                public Unit(Func<double, double> f = null) { this.f = f ?? Activations.Clipped; }
                public void Fire(double z) => Out = f(z);
                public double Cost(double y) => 0.5 * (Out - y) * (Out - y);
            }
            """),
        ("Costs.cs", """
            using System;
            namespace Net;
            public static class Costs
            {
                public static double LogLoss(Unit u, double y) => -(y * Math.Log(u.Out) + (1 - y) * Math.Log(1 - u.Out));
            }
            """),
        ("Distill.cs", """
            using System;
            using System.Linq;
            namespace Net;
            public static class Kd
            {
                public static double Loss(double[] s, double[] teacher, int label, double t)
                {
                    var q = Tempered.Softmax(s, t);
                    var p = Tempered.Softmax(teacher, t);
                    double soft = 0;
                    for (int c = 0; c < q.Length; c++) soft -= p[c] * Math.Log(Math.Max(q[c], 1e-9));
                    return -Math.Log(Math.Max(Tempered.Softmax(s, 1)[label], 1e-9)) + soft;
                }
            }
            """),
        ("Tempered.cs", """
            using System;
            using System.Linq;
            namespace Net;
            public static class Tempered
            {
                public static double[] Softmax(double[] z, double t) { var m = z.Max(); var e = z.Select(v => Math.Exp((v - m) / t)).ToArray(); var s = e.Sum(); return e.Select(v => v / s).ToArray(); }
            }
            """),
        ("Regression.cs", """
            namespace Net;
            public sealed class Regression
            {
                public double W;
                public double Cost(double x, double y) { double r = W * x - y; return r * r; }
                public static double Variance(double p) => p * (1 - p);
            }
            """),
    };

    private static CSharpCompilation Compile(IEnumerable<(string Name, string Text)> files) =>
        CSharpCompilation.Create(
            "FlowProject",
            files.Select(f => CSharpSyntaxTree.ParseText(f.Text, TestCompilation.ParseOptions, path: f.Name)),
            TestCompilation.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));

    private static string Describe(Diagnostic d) =>
        d.Id + " " + d.Location.GetLineSpan() + " [" + string.Join("; ", d.AdditionalLocations.Select(l => l.GetLineSpan().ToString())) + "] " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<IReadOnlyList<string>> AnalyzeAsync(Compilation compilation, bool concurrent)
    {
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrent, logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SquaredErrorAnalyzer(), new UnstableLogAnalyzer(), new DistillationAnalyzer()), options).GetAnalyzerDiagnosticsAsync();
        return diagnostics.Select(Describe).OrderBy(s => s, StringComparer.Ordinal).ToList();
    }

    [Fact]
    public async Task The_project_has_the_expected_sites()
    {
        var found = await AnalyzeAsync(Compile(Project), concurrent: false);

        // The loss and the delta through the shared Output field of neurons in a list of layers, and the delegate's default clipped sigmoid;
        // nothing on the linear regression or the Bernoulli variance. The log-loss of that delegate's output in another file (GW3001,
        // twice), and a distillation loss through a tempered softmax in a third file (GW4001; its logs are clamped).
        Assert.True(found.Count == 6, string.Join("\n", found));
        Assert.Equal(2, found.Count(d => d.StartsWith("GW3001 Costs.cs: (4,", StringComparison.Ordinal) && d.Contains("Activations.cs", StringComparison.Ordinal)));
        Assert.Contains(found, d => d.StartsWith("GW4001 Distill.cs: (11,", StringComparison.Ordinal) && d.Contains("Tempered.cs", StringComparison.Ordinal) is false);
        Assert.Contains(found, d => d.StartsWith("GW1001 Network.cs: (9,", StringComparison.Ordinal) && d.Contains("Activations.cs", StringComparison.Ordinal));
        Assert.Contains(found, d => d.StartsWith("GW1001 Network.cs: (12,", StringComparison.Ordinal));
        Assert.Contains(found, d => d.StartsWith("GW1001 Unit.cs: (8,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_diagnostics_whatever_the_order_and_concurrency_of_analysis()
    {
        var expected = await AnalyzeAsync(Compile(Project), concurrent: false);
        var random = new Random(20261201);
        var runs = Enumerable.Range(0, 24).Select(i =>
        {
            // A fresh compilation each time, its files in a different order, analyzed concurrently and several at once.
            var order = Project.OrderBy(_ => random.Next()).ToList();
            return Task.Run(() => AnalyzeAsync(Compile(order), concurrent: true));
        }).ToList();

        foreach (var run in runs)
        {
            Assert.Equal(expected, await run);
        }
    }

    [Fact]
    public async Task One_open_document_gets_its_cross_file_diagnostics_without_whole_project_analysis()
    {
        // What an editor asks after an edit: the semantic diagnostics of Network.cs only. The facts it needs are in Layer.cs and Activations.cs.
        var compilation = Compile(Project);
        var network = compilation.SyntaxTrees.Single(t => t.FilePath == "Network.cs");
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: true, logAnalyzerExecutionTime: false);
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SquaredErrorAnalyzer()), options);

        var diagnostics = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(network), null, CancellationToken.None);

        Assert.Equal(2, diagnostics.Length);
        Assert.All(diagnostics, d => Assert.Equal("Network.cs", d.Location.SourceTree!.FilePath));
        Assert.Contains(diagnostics, d => d.AdditionalLocations.Any(l => l.SourceTree?.FilePath == "Activations.cs"));
    }

    [Fact]
    public void Locals_read_without_the_graph_have_the_definitions_the_graph_gives()
    {
        // The control-flow graph is the oracle: for a local written once the one value must be exactly what reaches;
        // for an accumulator every write is given, so what reaches must be among them.
        var compilation = Compile(new[] { ("Locals.cs", """
            using System;
            using System.Collections.Generic;
            class C
            {
                static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
                double Shapes(double[] w, double[] x, double t, bool flag, List<double> items)
                {
                    double z = 0;
                    for (int j = 0; j < w.Length; j++) z += w[j] * x[j];
                    var o = Sigmoid(z);
                    double late;
                    if (flag) { late = o * 2; } else { late = 1 - o; }
                    double once;
                    once = late + o;
                    var d = (t - o) * o * (1 - o) + once;
                    foreach (var item in items) d += item * item;
                    int n = 0;
                    n++;
                    double swapped = 1, other = 2;
                    (swapped, other) = (other, swapped);
                    Func<double> f = () => o + d;
                    double viaOut = 0;
                    Double.TryParse("1", out viaOut);
                    double loop = 0;
                    while (loop < 3) { var inside = loop * 2; loop = inside + 1; }
                    double output = 0;
                    for (int i = 0; i < w.Length; i++) output += w[i] * x[i];
                    output = Sigmoid(output);
                    return d + n + swapped + other + f() + viaOut + loop + late + output;
                }
            }
            """) });
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var method = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>().Single(m => m.Identifier.Text == "Shapes");
        var root = model.GetOperation(method)!;
        var index = new Gradwise.Flow.FlowIndex(compilation, Gradwise.Flow.TreeCandidates.Compute);
        var graph = Gradwise.Flow.LocalDefinitions.Build(root, CancellationToken.None);
        var withoutGraph = Gradwise.Flow.LocalDefinitions.WithoutGraph(root);

        var reads = root.Descendants().OfType<Microsoft.CodeAnalysis.Operations.ILocalReferenceOperation>()
            .Where(r => !Gradwise.Flow.Operations.IsInsideFunction(r, root))
            .ToList();
        Assert.True(reads.Count > 20);
        foreach (var read in reads)
        {
            var fromIndex = index.Reaching(read, CancellationToken.None);
            var fromGraph = graph.Reaching(read, CancellationToken.None);
            if (!withoutGraph.TryGetValue(read.Local, out var known))
            {
                Assert.Equal(fromGraph, fromIndex); // left to the graph
            }
            else if (known.Count == 1 && known[0] is not Microsoft.CodeAnalysis.Operations.IForEachLoopOperation)
            {
                Assert.True(fromGraph.Count == 0 || fromGraph.SequenceEqual(fromIndex), $"{read.Local.Name} at {read.Syntax.GetLocation().GetLineSpan()}: graph gives {string.Join(", ", fromGraph.Select(g => g.Syntax))}, index {string.Join(", ", fromIndex.Select(g => g.Syntax))}");
            }
            else if (known[0] is not Microsoft.CodeAnalysis.Operations.IForEachLoopOperation)
            {
                Assert.All(fromGraph, g => Assert.Contains(fromIndex, i => i.Syntax == g.Syntax)); // the graph names j++ by its statement
            }
        }

        // The shapes this test is about took the path it names.
        string[] once = { "o", "once", "inside" };
        string[] accumulators = { "z", "d", "n", "j" };
        string[] graphOnly = { "late", "swapped", "other", "viaOut", "loop", "output" };
        Assert.All(once, name => Assert.Single(withoutGraph.Single(p => p.Key.Name == name).Value));
        Assert.All(accumulators, name => Assert.True(withoutGraph.Single(p => p.Key.Name == name).Value.Count > 1));
        Assert.All(graphOnly, name => Assert.DoesNotContain(withoutGraph, p => p.Key.Name == name));
        Assert.Contains(withoutGraph, p => p.Key.Name == "item");
    }

    [Fact]
    public async Task Writes_are_looked_for_in_the_files_that_can_name_the_namespace()
    {
        // Three namespaces declare a Neuron with an Output field. Alpha's is written by a sigmoid from a file that imports Alpha,
        // Beta's from a file that spells Beta.Neuron, Delta's only with raw values. The index reads writers only in files that
        // can name a member's namespace: an import and a qualified name must both count, and the sigmoid writes must not leak
        // into Delta's field of the same name. Gamma is imported for every file by a global using in a file of its own.
        var files = new[]
        {
            ("Alpha.cs", "namespace Alpha; public class Neuron { public double Output; } public static class Cost { public static double Of(Neuron n, double y) => (n.Output - y) * (n.Output - y); }"),
            ("Beta.cs", "namespace Beta; public class Neuron { public double Output; } public static class Cost { public static double Of(Neuron n, double y) => (n.Output - y) * (n.Output - y); }"),
            ("Delta.cs", "namespace Delta; public class Neuron { public double Output; } public static class Cost { public static double Of(Neuron n, double y) => (n.Output - y) * (n.Output - y); public static void Raw(Neuron n, double z) => n.Output = z; }"),
            ("ImportsAlpha.cs", "using System; using Alpha; namespace Writers; public static class Fill { public static void F(Neuron n, double z) => n.Output = 1 / (1 + Math.Exp(-z)); }"),
            ("SpellsBeta.cs", "using System; namespace Others; public static class Fill { public static void F(Beta.Neuron n, double z) => n.Output = 1 / (1 + Math.Exp(-z)); }"),
            ("Gamma.cs", "namespace Gamma; public class Cell { public double Output; } public static class Cost { public static double Of(Cell n, double y) => (n.Output - y) * (n.Output - y); }"),
            ("Usings.cs", "global using Gamma;"),
            ("ImportsGammaGlobally.cs", "namespace Third; public static class Fill { public static void F(Cell n, double z) => n.Output = 1 / (1 + System.Math.Exp(-z)); }"),
        };

        var found = await AnalyzeAsync(Compile(files), concurrent: true);

        Assert.Equal(3, found.Count);
        Assert.Contains(found, d => d.StartsWith("GW1001 Gamma.cs", StringComparison.Ordinal) && d.Contains("ImportsGammaGlobally.cs", StringComparison.Ordinal));
        Assert.Contains(found, d => d.StartsWith("GW1001 Alpha.cs", StringComparison.Ordinal) && d.Contains("ImportsAlpha.cs", StringComparison.Ordinal));
        Assert.Contains(found, d => d.StartsWith("GW1001 Beta.cs", StringComparison.Ordinal) && d.Contains("SpellsBeta.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void Files_that_can_name_a_namespace_are_the_same_found_file_by_file_or_from_the_index_over_all_files()
    {
        // An edit asks about a few namespaces and each file is asked; a whole build asks about many and an index over all files
        // answers. Both must find the same writers: here each question is answered both ways, over a file of each kind.
        var files = new[]
        {
            ("Alpha.cs", "namespace Alpha.Inner { public class Neuron { public double Output; } }"),
            ("Beta.cs", "namespace Beta { public class Neuron { public double Output; } }"),
            ("Gamma.cs", "namespace Gamma { public class Cell { public double Output; } }"),
            ("Usings.cs", "global using Gamma;"),
            ("ImportsAlpha.cs", "using Alpha.Inner; namespace W1 { static class F { static void A(Neuron n) => n.Output = 1; } }"),
            ("InsideAlpha.cs", "namespace Alpha.Inner.Deeper { static class F { static void A(Neuron n) => n.Output = 2; } }"),
            ("SpellsBeta.cs", "namespace W2 { static class F { static void B(Beta.Neuron n) => n.Output = 3; } }"),
            ("Aliased.cs", "using B = Beta.Neuron; namespace W3 { static class F { static void B(B n) => n.Output = 4; } }"),
            ("GammaGlobally.cs", "namespace W4 { static class F { static void C(Cell n) => n.Output = 5; } }"),
            ("Unrelated.cs", "namespace W5 { class Neuron { public double Output; static void D(Neuron n) => n.Output = 6; } }"),
        };
        var compilation = Compile(files);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var outputs = new[] { "Alpha.Inner.Neuron", "Beta.Neuron", "Gamma.Cell", "W5.Neuron" }
            .Select(type => compilation.GetTypeByMetadataName(type)!.GetMembers("Output").Single())
            .ToList();

        static List<string> Writes(Gradwise.Flow.FlowIndex index, ISymbol output) =>
            index.WritesTo(output, null, CancellationToken.None).Select(w => w.Value.Syntax.ToString()).ToList();
        var scanned = new Gradwise.Flow.FlowIndex(compilation, Gradwise.Flow.TreeCandidates.Compute, scannedNamespaces: int.MaxValue);
        var indexed = new Gradwise.Flow.FlowIndex(compilation, Gradwise.Flow.TreeCandidates.Compute, scannedNamespaces: 0);

        Assert.Equal(new[] { "1", "2" }, Writes(scanned, outputs[0]));
        Assert.Equal(new[] { "3", "4" }, Writes(scanned, outputs[1]));
        Assert.Equal(new[] { "5" }, Writes(scanned, outputs[2]));
        Assert.Equal(new[] { "6" }, Writes(scanned, outputs[3]));
        Assert.All(outputs, output => Assert.Equal(Writes(scanned, output), Writes(indexed, output)));
    }

    [Fact]
    public void A_cancelled_question_is_asked_again_not_answered_from_the_cancelled_reading()
    {
        var compilation = Compile(Project);
        var output = compilation.GetTypeByMetadataName("Net.Neuron")!.GetMembers("Output").Single();
        var index = new Gradwise.Flow.FlowIndex(compilation, Gradwise.Flow.TreeCandidates.Compute);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => index.WritesTo(output, null, cancelled.Token));
        var writes = index.WritesTo(output, null, CancellationToken.None);
        var fresh = new Gradwise.Flow.FlowIndex(compilation, Gradwise.Flow.TreeCandidates.Compute).WritesTo(output, null, CancellationToken.None);

        Assert.NotEmpty(writes);
        Assert.Equal(fresh.Select(w => w.Value.Syntax.ToString()), writes.Select(w => w.Value.Syntax.ToString()));
    }

    [Fact]
    public async Task Generated_code_is_not_analyzed_and_a_fact_from_it_still_counts()
    {
        // One network four times: in a file of the project's own, in a .g.cs file, in a file with an <auto-generated> header, and as a
        // class marked [GeneratedCode]. Only the first is reported; the sigmoid of the last file is generated code too, and a loss
        // of the project's own over it is still found.
        static string Network(string ns, string attribute = "") => $$"""
            using System;
            namespace {{ns}};
            {{attribute}}
            public class Unit
            {
                public double Output;
                public void Forward(double z) => Output = 1 / (1 + Math.Exp(-z));
                public double Loss(double y) => (Output - y) * (Output - y);
            }
            """;
        var files = new[]
        {
            ("Own.cs", Network("Own")),
            ("Named.g.cs", Network("Named")),
            ("Marked.cs", "// <auto-generated/>\n" + Network("Marked")),
            ("Attributed.cs", Network("Attributed", "[System.CodeDom.Compiler.GeneratedCode(\"tool\", \"1.0\")]")),
            ("Sigmoid.g.cs", "using System; namespace Gen; public class Cell { public double Output; public void Forward(double z) => Output = 1 / (1 + Math.Exp(-z)); }"),
            ("UsesGenerated.cs", "namespace Gen; public static class Cost { public static double Of(Cell c, double y) => (c.Output - y) * (c.Output - y); }"),
        };

        var found = await AnalyzeAsync(Compile(files), concurrent: true);

        Assert.True(found.Count == 2, string.Join("\n", found));
        Assert.Contains(found, d => d.StartsWith("GW1001 Own.cs", StringComparison.Ordinal));
        Assert.Contains(found, d => d.StartsWith("GW1001 UsesGenerated.cs", StringComparison.Ordinal) && d.Contains("Sigmoid.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void Candidates_found_from_a_names_occurrences_are_those_a_walk_of_every_node_finds()
    {
        // The index finds the members that write, create or call a name from the tokens spelled like it. The oracle here walks
        // every node and takes the rightmost name of each assignment target, ++/-- operand, collection write, creation and call.
        const string source = """
            using System;
            using System.Collections.Generic;
            using L = System.Collections.Generic.List<double>;
            namespace Shapes;
            public class Neuron { public double Output; public double[] Weights = new double[3]; public List<double> History { get; } = new List<double>(); public Neuron Next; }
            public class Net
            {
                private double output = Math.Exp(1); // Output = 3; a comment spelling the names
                public double Output { get; set; } = 0.5;
                private readonly Neuron[] layer = new Neuron[2];
                private Neuron? maybe;
                private double[] buffer = new double[4], copy = new double[4];
                public event Action? Changed;
                public Net() { layer[0] = new Neuron(); layer[1] = new() { Output = 1 }; maybe = new Neuron { Output = 2 }; }
                public double Forward(double z)
                {
                    var text = "Output = 1; layer[0].Output = 2";
                    this.Output = 1 / (1 + Math.Exp(-z));
                    layer[0].Output = Output;
                    (layer[1]).Output += z;
                    (output) = z;
                    (layer[0].Output)++;
                    maybe!.Output = z;
                    maybe?.Next.Output.ToString();
                    layer[1].Weights[0]++;
                    --layer[1].Weights[1];
                    layer[0].History.Add(z);
                    layer[0].History.Insert(0, z);
                    Array.Copy(buffer, copy, 4);
                    Array.Copy(buffer, 0, copy, 0, 4);
                    buffer.CopyTo(copy, 0);
                    Span<double> span = copy; span[0] = 1;
                    (output, Output) = (z, z);
                    output = Helper(z) + Net.Helper(z) + Helper<double>(z);
                    var list = new L { z }; list.Add(z);
                    var ns = new System.Collections.Generic.List<double>(); ns.Add(z);
                    double Local(double v) { output = v; return v; }
                    Func<double, double> lambda = v => Output = v;
                    @Output2 = Local(z) + lambda(z);
                    Changed?.Invoke();
                    return output + text.Length;
                }
                public double Output2 { get; set; }
                public static double Helper(double v) => v;
                public static T Helper<T>(T v) => v;
                public double this[int i] { get => buffer[i]; set => buffer[i] = value; }
                // One shape per name, each in a member of its own, so a shape the search misses changes some key's owners.
                private double parenOnly, chainOnly;
                public static double Counter, Counter2;
                private double[] elementsOnly = null!;
                public void ParenOnly(double z) { (parenOnly) = z; }
                private List<double>? bangList;
                public void BangOnly() { bangList!.Add(1); }
                public void ChainOnly(Net n) { ((n).chainOnly)++; }
                public void ElementsOnly() { (elementsOnly)[0] -= 1; }
                public void Qualified() { Shapes.Net.Counter = 1; }
                public void AliasQualified() { global::Shapes.Net.Counter2 = 1; }
                private double tupleOnly, nestedOnly; private double[] tupleElementsOnly = new double[1];
                public void TupleOnly(double z) { (tupleOnly, (nestedOnly, _)) = (z, (z, 1)); var (a, b) = (z, z); (tupleElementsOnly[0], a) = (b, z); }
                public (double, double) TupleRead() => (tupleOnly, nestedOnly);
            }
            """;
        var tree = CSharpSyntaxTree.ParseText(source);
        var text = tree.GetText().ToString();
        var candidates = Gradwise.Flow.TreeCandidates.Compute(tree);
        var expected = new Dictionary<string, HashSet<SyntaxNode>>(StringComparer.Ordinal);
        void Expect(string kind, string? name, SyntaxNode node)
        {
            if (name != null && Gradwise.Flow.TreeCandidates.Owner(node) is { } owner)
            {
                if (!expected.TryGetValue(kind + name, out var owners))
                {
                    expected[kind + name] = owners = new HashSet<SyntaxNode>();
                }

                owners.Add(owner);
            }
        }

        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            switch (node)
            {
                case Microsoft.CodeAnalysis.CSharp.Syntax.AssignmentExpressionSyntax { Left: Microsoft.CodeAnalysis.CSharp.Syntax.TupleExpressionSyntax left } deconstruction:
                    foreach (var target in left.DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax>().Where(a => a.Expression is not Microsoft.CodeAnalysis.CSharp.Syntax.TupleExpressionSyntax))
                    {
                        Expect("w:", Rightmost(target.Expression), node);
                    }

                    break;
                case Microsoft.CodeAnalysis.CSharp.Syntax.AssignmentExpressionSyntax assignment:
                    Expect("w:", Rightmost(assignment.Left), node);
                    break;
                case Microsoft.CodeAnalysis.CSharp.Syntax.PostfixUnaryExpressionSyntax postfix when postfix.IsKind(SyntaxKind.PostIncrementExpression) || postfix.IsKind(SyntaxKind.PostDecrementExpression):
                    Expect("w:", Rightmost(postfix.Operand), node);
                    break;
                case Microsoft.CodeAnalysis.CSharp.Syntax.PrefixUnaryExpressionSyntax prefix when prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression):
                    Expect("w:", Rightmost(prefix.Operand), node);
                    break;
                case Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax { Initializer: { } initializer, Parent.Parent: Microsoft.CodeAnalysis.CSharp.Syntax.FieldDeclarationSyntax } field:
                    Expect("w:", field.Identifier.ValueText, initializer);
                    break;
                case Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax { Initializer: { } initializer } property:
                    Expect("w:", property.Identifier.ValueText, initializer);
                    break;
                case Microsoft.CodeAnalysis.CSharp.Syntax.ObjectCreationExpressionSyntax creation:
                    Expect("new:", Rightmost(creation.Type), node);
                    break;
                case Microsoft.CodeAnalysis.CSharp.Syntax.ImplicitObjectCreationExpressionSyntax:
                    Expect("new:", string.Empty, node);
                    break;
                case Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax invocation:
                    var called = Rightmost(invocation.Expression);
                    Expect("call:", called, node);
                    var arguments = invocation.ArgumentList.Arguments;
                    if (called is "Add" or "Insert" && invocation.Expression is Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax access)
                    {
                        Expect("w:", Rightmost(access.Expression), node);
                    }
                    else if (called == "Copy")
                    {
                        Expect("w:", Rightmost(arguments[1].Expression), node);
                        Expect("w:", Rightmost(arguments[2].Expression), node);
                    }
                    else if (called == "CopyTo")
                    {
                        Expect("w:", Rightmost(arguments[0].Expression), node);
                    }

                    break;
            }
        }

        Assert.True(expected.Count > 15, string.Join(", ", expected.Keys));
        foreach (var (key, owners) in expected)
        {
            var found = candidates.Members(key);
            Assert.True(owners.SetEquals(found), $"{key}: expected {string.Join(" | ", owners.Select(o => o.ToString().Split('\n')[0]))}, found {string.Join(" | ", found.Select(o => o.ToString().Split('\n')[0]))}");
        }

        // Names that occur only where nothing writes, creates or calls them find nothing.
        foreach (var key in new[] { "w:Helper", "w:Math", "call:Output", "new:Output", "w:text", "call:Weights", "w:Changed", "w:tupleOnly", "w:nestedOnly", "w:tupleElementsOnly" })
        {
            Assert.Equal(expected.ContainsKey(key), candidates.Members(key).Count > 0);
        }

        static string? Rightmost(SyntaxNode? e) => e switch
        {
            Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax i => i.Identifier.ValueText,
            Microsoft.CodeAnalysis.CSharp.Syntax.GenericNameSyntax g => g.Identifier.ValueText,
            Microsoft.CodeAnalysis.CSharp.Syntax.QualifiedNameSyntax q => Rightmost(q.Right),
            Microsoft.CodeAnalysis.CSharp.Syntax.AliasQualifiedNameSyntax a => Rightmost(a.Name),
            Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax m => Rightmost(m.Name),
            Microsoft.CodeAnalysis.CSharp.Syntax.MemberBindingExpressionSyntax b => Rightmost(b.Name),
            Microsoft.CodeAnalysis.CSharp.Syntax.ElementAccessExpressionSyntax x => Rightmost(x.Expression),
            Microsoft.CodeAnalysis.CSharp.Syntax.ParenthesizedExpressionSyntax p => Rightmost(p.Expression),
            Microsoft.CodeAnalysis.CSharp.Syntax.PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } n => Rightmost(n.Operand),
            Microsoft.CodeAnalysis.CSharp.Syntax.ConditionalAccessExpressionSyntax c => Rightmost(c.WhenNotNull),
            Microsoft.CodeAnalysis.CSharp.Syntax.NullableTypeSyntax t => Rightmost(t.ElementType),
            _ => null,
        };
    }
}
