using Gradwise.Analyzers.Tests.Infrastructure;
using Gradwise.CodeFixes.Rules;
using Gradwise.Rules;
using Xunit;
using Fix = Gradwise.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<Gradwise.Rules.DifferentiableMethodAnalyzer, Gradwise.CodeFixes.Rules.MakeTypePartialFixer>;
using Verify = Gradwise.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Gradwise.Rules.DifferentiableMethodAnalyzer>;

namespace Gradwise.Analyzers.Tests.Rules;

/// <summary>GW9001–GW9003: why the generator made no code, located at the cause.</summary>
public sealed class DifferentiableMethodAnalyzerTests
{
    [Fact]
    public Task Valid_method_in_partial_type_has_no_diagnostic() => Verify.VerifyAnalyzerAsync("""
        using Gradwise;
        public static partial class Losses
        {
            [Differentiable]
            public static double Square([NoGradient] double y, double x) => (x - y) * (x - y);
        }
        """);

    [Fact]
    public Task GW9001_type_not_partial() => Verify.VerifyAnalyzerAsync("""
        using Gradwise;
        public static class {|GW9001:Losses|}
        {
            [Differentiable]
            public static double Square(double x) => x * x;
        }
        """);

    [Fact]
    public Task GW9001_containing_type_not_partial() => Verify.VerifyAnalyzerAsync("""
        using Gradwise;
        public class {|GW9001:Outer|}
        {
            public static partial class Losses
            {
                [Differentiable]
                public static double Square(double x) => x * x;
            }
        }
        """);

    [Fact]
    public Task GW9002_long_parameter() => Verify.VerifyAnalyzerAsync("""
        using Gradwise;
        public static partial class Losses
        {
            [Differentiable]
            public static double Scale(double x, long {|GW9002:k|}) => x * k;
        }
        """);

    [Fact]
    public Task Int_and_span_parameters_are_accepted() => Verify.VerifyAnalyzerAsync("""
        using System;
        using Gradwise;
        public static partial class Losses
        {
            [Differentiable]
            public static double Scale(double x, int k) => x * k;

            [Differentiable]
            public static double Dot(ReadOnlySpan<double> a, Span<double> b, double[] c, ReadOnlySpan<int> index, int[] more) => a[index[0]] * b[more[0]] * c[0];
        }
        """);

    [Fact]
    public Task GW9002_decimal_return_type() => Verify.VerifyAnalyzerAsync("""
        using Gradwise;
        public static partial class Losses
        {
            [Differentiable]
            public static {|GW9002:decimal|} Square(decimal {|GW9002:x|}) => x * x;
        }
        """);

    [Fact]
    public Task Float_return_type_and_parameters_are_supported_without_loops() => Verify.VerifyAnalyzerAsync("""
        using System;
        using Gradwise;
        public static partial class Losses
        {
            [Differentiable]
            public static float Square(float x, double w) => x * x * (float)w + MathF.Exp(-x);
        }
        """);

    [Fact]
    public Task Float_beside_an_int_is_differentiated() => Verify.VerifyAnalyzerAsync("""
        using Gradwise;
        public static partial class Losses
        {
            [Differentiable]
            public static double Smoothed(float p, int classes) => (1 - p) / classes;
        }
        """);

    [Fact]
    public Task GW9002_ref_parameter() => Verify.VerifyAnalyzerAsync("""
        using Gradwise;
        public static partial class Losses
        {
            [Differentiable]
            public static double Square(ref double {|GW9002:x|}) => x * x;
        }
        """);

    [Fact]
    public Task GW9003_remainder_operator_is_located_at_the_operator() => Verify.VerifyAnalyzerAsync("""
        using Gradwise;
        public static partial class Losses
        {
            [Differentiable]
            public static double Wrap(double x) => 2 * ({|GW9003:x % 3|});
        }
        """);

    [Fact]
    public Task GW9003_call_to_unknown_method_names_it() => Verify.VerifyAnalyzerAsync("""
        using Gradwise;
        public partial class Losses
        {
            public virtual double Helper(double v) => v;

            [Differentiable]
            public double F(double x) => {|#0:Helper(x)|} + 1 + {|#1:System.Math.BitIncrement(x)|};
        }
        """,
        Verify.Diagnostic(Descriptors.UnsupportedConstruct).WithLocation(0).WithArguments("the call to 'Losses.Helper(double)'", "F", "it is virtual, so which body runs is decided at run time; make it non-virtual, or [Differentiable]"),
        Verify.Diagnostic(Descriptors.UnsupportedConstruct).WithLocation(1).WithArguments("the call to 'Math.BitIncrement(double)'", "F", "it is not a function Gradwise knows the derivative of"));

    [Fact]
    public Task Code_that_does_not_compile_yet_gets_no_GW_diagnostic() => Verify.VerifyAnalyzerAsync("""
        using Gradwise;
        public static partial class Losses
        {
            [Differentiable]
            public static double F(double x) => x * {|CS0103:undefinedThing|};
        }
        """);

    [Fact]
    public Task GW9001_fix_adds_partial() => Fix.VerifyCodeFixAsync(
        """
        using Gradwise;
        public static class {|GW9001:Losses|}
        {
            [Differentiable]
            public static double Square(double x) => x * x;
        }
        """,
        """
        using Gradwise;
        public static partial class Losses
        {
            [Differentiable]
            public static double Square(double x) => x * x;
        }
        """);

    [Fact]
    public Task GW9001_fix_all_makes_every_type_partial_including_containers() => Fix.VerifyCodeFixAsync(
        """
        using Gradwise;
        // Outer keeps its comment.
        class {|GW9001:Outer|}
        {
            public static partial class Losses
            {
                [Differentiable]
                public static double Square(double x) => x * x;
            }
        }

        sealed class {|GW9001:Other|}
        {
            [Differentiable]
            public double Cube(double x) => x * x * x;
        }
        """,
        """
        using Gradwise;
        // Outer keeps its comment.
        partial class Outer
        {
            public static partial class Losses
            {
                [Differentiable]
                public static double Square(double x) => x * x;
            }
        }

        sealed partial class Other
        {
            [Differentiable]
            public double Cube(double x) => x * x * x;
        }
        """);

    [Fact]
    public void Half_typed_invalid_methods_never_crash() =>
        HalfTypedCode.AssertNoCrashOnEveryPrefix(
            """
            using Gradwise;
            public class Losses
            {
                [Differentiable]
                public static double Wrap(ref double x, int k) => System.Math.Pow(x % k, 2) + Helper(x);
                static double Helper(double v) { return v; }
            }
            """,
            Array.Empty<Microsoft.CodeAnalysis.IIncrementalGenerator>(),
            new[] { new DifferentiableMethodAnalyzer() });
}
