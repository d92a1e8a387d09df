using Gradwise.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = Gradwise.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Gradwise.Rules.DifferentiableMethodAnalyzer>;

namespace Gradwise.Analyzers.Tests.Rules;

/// <summary>GW9003 for each construct the scalar generator cannot differentiate: located at it, naming it, and no code generated.</summary>
public sealed class UnsupportedConstructTests
{
    public static TheoryData<string, string> Cases() => new()
    {
        { "for loop over a double counter", "double s = 0; {|GW9003:for (double t = 0; t < 3; t++) { s += x; }|} return s;" },
        { "for loop whose counter changes in the body", "double s = 0; {|GW9003:for (int i = 0; i < 3; i++) { s += x; i++; }|} return s;" },
        { "goto", "double s = x; if (s > 0) {|GW9003:goto done;|} s = -s; done: return s;" },
        { "try", "{|GW9003:try { return x; } finally { }|}" },
        { "throw after the argument checks", "double y = x * 2; if (y < 0) {|GW9003:throw new System.ArgumentException();|} return y;" },
        { "switch whose sections mix break and return", "double r = x; {|GW9003:switch (x) { case > 1: r = 1; break; default: return x; }|} return r;" },
        { "switch label with a when clause", "switch (x) { {|GW9003:case > 1 when x < 2:|} return 1; default: return x; }" },
        { "deconstruction of a tuple that is not written out", "var (a, b) = {|GW9003:System.Math.DivRem(7, 2)|}; return x * a;" },
        { "recursive local function", "double G(double v) => v <= 0 ? 0 : v + {|GW9003:G(v - 1)|}; return G(x);" },
        { "local function with an int parameter", "double Times(double v, int k) => v * k; return Times(x, {|GW9003:2|});" },
        { "switch arm with a when clause", "return x switch { < 0 => -x, var v when {|GW9003:v > 10|} => 10, _ => x };" },
        { "switch on a string", "return {|GW9003:x.ToString()|} switch { \"1\" => 1, _ => x };" },
        { "direct recursion", "return x <= 0 ? 0 : x + {|GW9003:F(x - 1)|};" },
        { "call to non-differentiable method", "return {|GW9003:Helper(x)|} * 2;" },
        { "field write", "{|GW9003:counter = x|}; return x;" },
        { "remainder", "return {|GW9003:x % 2|};" },
        { "integer local", "int {|GW9003:n = (int)x|}; return x * n;" },
        { "argument for NoGradient parameter depends on x", "return WithLabel({|GW9003:x|}, x);" },
        { "object local", "var {|GW9003:other = new Other()|}; return other.Twice(x);" },
        { "call on another object", "return {|GW9003:new Other().Twice(x)|};" },
    };

    /// <summary>Shapes in methods with spans and loops.</summary>
    public static TheoryData<string, string> ProcedureCases() => new()
    {
        { "write into a parameter array", "{|GW9003:a[0] = x|}; return x;" },
        { "return inside a loop", "for (int i = 0; i < n; i++) { if (w[i] > x) {|GW9003:return w[i];|} } return x;" },
        { "loop bound that the body changes", "int m = n; double s = 0; {|GW9003:for (int i = 0; i < m; i++) { s += w[i] * x; m--; }|} return s;" },
        { "int changed inside an index", "int k = 0; double s = 0; for (int i = 0; i < n; i++) { s += w[{|GW9003:k++|}] * x; } return s;" },
        { "for loop stepping by a parameter", "double s = 0; {|GW9003:for (int i = 0; i < n; i += n) { s += w[i] * x; }|} return s;" },
        { "counting-down condition in a loop that breaks", "int k = n; double s = 0; while ({|GW9003:k-- > 0|}) { if (w[k] > x) break; s += w[k]; } return s;" },
        { "counting-down condition in a do loop", "int k = n; double s = 0; do { s += w[0] * x; } while ({|GW9003:--k > 0|}); return s;" },
        { "int computed from a differentiated value", "int k = {|GW9003:(int)x|}; return w[k];" },
        { "buffer whose length changes in a loop", "double s = 0; for (int i = 1; i < n; i++) { Span<double> b = stackalloc double[{|GW9003:i|}]; b[0] = x; s += b[0]; } return s;" },
        { "span local that aliases a parameter", "ReadOnlySpan<double> {|GW9003:v = w|}; return v[0] * x;" },
        { "call with a span argument inside ?:", "return x > 0 ? {|GW9003:Sum(w)|} : 0;" },
        { "bool assigned in a loop", "bool any = false; {|GW9003:for (int i = 0; i < n; i++) { if (w[i] > x) any = true; }|} return any ? x : 0;" },
        { "element from the end", "return {|GW9003:w[^1]|} * x;" },
        { "early return before a loop", "if (n == 0) {|GW9003:return 0;|} double s = 0; for (int i = 0; i < n; i++) { s += w[i] * x; } return s;" },
        { "recursion with span arguments", "double s = 0; for (int i = 0; i < n; i++) { s += w[i] * x; } return s + {|GW9003:F(w.Slice(1), a, n - 1, x)|};" },
    };

    /// <summary>Shapes over a double[][] parameter that remain unsupported.</summary>
    public static TheoryData<string, string> JaggedCases() => new()
    {
        { "write into a row of a jagged parameter", "{|GW9003:m[0][0] = x|}; return x;" },
        { "foreach over the rows of a jagged parameter", "double s = 0; {|GW9003:foreach (double[] row in m) { s += row[0] * x; }|} return s;" },
    };

    private static string WrapJagged(string body) => $$"""
        using System;
        using Gradwise;
        public partial class Losses
        {
            [Differentiable]
            public static double Sum(ReadOnlySpan<double> v) { double s = 0; foreach (var e in v) { s += e; } return s; }

            [Differentiable]
            public static double Rows(double[][] v) { double s = 0; for (int i = 0; i < v.Length; i++) { s += v[i][0]; } return s; }

            [Differentiable]
            public static double F(double[][] m, double x)
            {
                {{body}}
            }
        }
        """;

    [Theory]
    [MemberData(nameof(JaggedCases))]
    public Task Reported_at_the_construct_over_a_jagged_parameter(string shape, string body)
    {
        _ = shape;
        return Verify.VerifyAnalyzerAsync(WrapJagged(body));
    }

    [Theory]
    [MemberData(nameof(JaggedCases))]
    public void No_code_is_generated_for_the_method_over_a_jagged_parameter(string shape, string body)
    {
        _ = shape;
        AssertNoCodeForF(WrapJagged(body), alsoGenerated: "Losses.Rows(");
    }

    /// <summary>With the markup removed: F gets GW9003 and no code, nothing crashes, and <paramref name="alsoGenerated"/> beside it still gets its code.</summary>
    private static void AssertNoCodeForF(string markedSource, string alsoGenerated)
    {
        var source = System.Text.RegularExpressions.Regex.Replace(markedSource, @"\{\|GW9003:(.*?)\|\}", "$1");
        var run = GeneratorHarness.Run(source);

        Assert.DoesNotContain(run.MethodSources, s => s.Key.Contains("Losses.F(", StringComparison.Ordinal));
        Assert.Contains(run.AnalyzerDiagnostics, d => d.Id == "GW9003");
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains(run.MethodSources, s => s.Key.Contains(alsoGenerated, StringComparison.Ordinal));
    }

    private static string WrapProcedure(string body) => $$"""
        using System;
        using Gradwise;
        public partial class Losses
        {
            [Differentiable]
            public static double Sum(ReadOnlySpan<double> v) { double s = 0; foreach (var e in v) { s += e; } return s; }

            [Differentiable]
            public static double F(ReadOnlySpan<double> w, double[] a, int n, double x)
            {
                {{body}}
            }
        }
        """;

    [Theory]
    [MemberData(nameof(ProcedureCases))]
    public Task Reported_at_the_construct_in_a_method_with_loops(string shape, string body)
    {
        _ = shape;
        return Verify.VerifyAnalyzerAsync(WrapProcedure(body));
    }

    [Theory]
    [MemberData(nameof(ProcedureCases))]
    public void No_code_is_generated_for_the_method_with_loops(string shape, string body)
    {
        _ = shape;
        AssertNoCodeForF(WrapProcedure(body), alsoGenerated: "Losses.Sum(");
    }

    private static string Wrap(string body) => $$"""
        using Gradwise;
        public partial class Losses
        {
            static double counter;

            static double Helper(double v) { counter += v; return v * v; }

            [Differentiable]
            public static double WithLabel([NoGradient] double y, double z) => (z - y) * (z - y);

            [Differentiable]
            public static double F(double x)
            {
                {{body}}
            }
        }

        public partial class Other
        {
            [Differentiable]
            public double Twice(double x) => 2 * x;
        }
        """;

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Reported_at_the_construct(string shape, string body)
    {
        _ = shape;
        return Verify.VerifyAnalyzerAsync(Wrap(body));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void No_code_is_generated_for_the_method(string shape, string body)
    {
        _ = shape;
        var source = System.Text.RegularExpressions.Regex.Replace(Wrap(body), @"\{\|GW9003:(.*?)\|\}", "$1");
        var run = GeneratorHarness.Run(source);

        Assert.DoesNotContain(run.MethodSources, s => s.Key.Contains("Losses.F(", StringComparison.Ordinal));
        Assert.Contains(run.AnalyzerDiagnostics, d => d.Id == "GW9003");
        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public Task Recursion_is_reported_when_the_method_calls_itself() => Verify.VerifyAnalyzerAsync("""
        using Gradwise;
        public static partial class Losses
        {
            [Differentiable]
            public static double Decay(double x) => x <= 1 ? x : 0.5 * {|#0:Decay(x / 2)|};
        }
        """,
        Verify.Diagnostic(Descriptors.UnsupportedConstruct).WithLocation(0).WithArguments("the recursive call to 'Decay'", "Decay", "recursion cannot be differentiated symbolically"));

    [Fact]
    public Task Mutual_recursion_is_reported_at_the_call() => Verify.VerifyAnalyzerAsync("""
        using Gradwise;
        public static partial class Losses
        {
            [Differentiable]
            public static double Ping(double x) => x <= 1 ? x : {|GW9003:Pong(x / 2)|};

            [Differentiable]
            public static double Pong(double x) => x <= 1 ? x : {|GW9003:Ping(x / 3)|};
        }
        """);

    [Fact]
    public Task Mutual_recursion_through_span_calls_is_reported_at_the_calls() => Verify.VerifyAnalyzerAsync("""
        using System;
        using Gradwise;
        public static partial class Losses
        {
            [Differentiable]
            public static double Even(ReadOnlySpan<double> w, double x)
            {
                double s = 0;
                for (int i = 0; i < w.Length; i++)
                {
                    s += w[i] * x;
                }

                return s + {|GW9003:Odd(w.Slice(1), x)|};
            }

            [Differentiable]
            public static double Odd(ReadOnlySpan<double> w, double x)
            {
                double s = 0;
                foreach (var v in w)
                {
                    s += v;
                }

                return s * x + {|GW9003:Even(w.Slice(1), x)|};
            }
        }
        """);

    [Fact]
    public Task Sigmoid_helper_with_any_name_is_not_reported() => Verify.VerifyAnalyzerAsync("""
        using System;
        using Gradwise;
        public static partial class Losses
        {
            static double Squash(double t) => Math.Exp(t) / (1 + Math.Exp(t));

            [Differentiable]
            public static double Loss([NoGradient] double y, double z) => -(y * Math.Log(Squash(z)) + (1 - y) * Math.Log(1 - Squash(z)));
        }
        """);
}
