using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using Gradwise.Analyzers.Tests.Infrastructure;
using Gradwise.Symbolic.Tests;
using Xunit;

namespace Gradwise.Analyzers.Tests.Generator;

/// <summary>
/// Random programs with loops through reverse mode: nested loops counting up and down, sums,
/// products and running maxima carried across iterations, a buffer written in one loop and read
/// in another, branches over statements, break and continue. Each generated gradient is checked
/// against central finite differences of the original method, compiled from the same source.
/// </summary>
public sealed class RandomProgramGeneratorTests
{
    private const int ProgramsPerCompilation = 40;

    /// <summary>Float programs against their double twins: 2^-24 amplified by the programs' sums and recurrences, far below a wrong derivative's error.</summary>
    private const double FloatTolerance = 1e-5;

    private static readonly double[] NonFinite = { double.NaN, double.PositiveInfinity, double.NegativeInfinity };

    /// <summary>
    /// Programs known to take the emitter's fused, windowed and counter-restoring paths (seeds 32 and 41 fuse a loop, 4 and 29 read a
    /// row through a window, 29 and 41 restore a counter), put first in the first compilation so that the path assertions below do
    /// not rest on chance: of 240 random programs, 12 fused a loop and 8 read a window, so 120 random ones miss the window about
    /// once in 50 runs.
    /// </summary>
    private static readonly int[] PathSeeds = { 32, 41, 4, 29 };

    [Fact]
    public void Generated_gradients_of_random_programs_agree_with_finite_differences() => CheckRandomPrograms(MatrixShape.None, iterations: 3);

    /// <summary>The same programs over a 5 × 2 matrix: a double[][] read as v[i][k], and a double[,] read as v[i, k].</summary>
    [Theory]
    [InlineData(MatrixShape.Jagged)]
    [InlineData(MatrixShape.Rectangular)]
    public void Generated_gradients_of_random_programs_over_matrices_agree_with_finite_differences(MatrixShape shape) => CheckRandomPrograms(shape, iterations: 1);

    /// <summary>
    /// The same programs in float (float spans, locals, buffer and literals, MathF), checked against finite differences of
    /// a double twin of each (the same text over double, with the same float literals) at float-representable points: the
    /// generated method computes in double, so it agrees with the twin up to its one rounding to float.
    /// </summary>
    [Fact]
    public void Generated_gradients_of_random_float_programs_agree_with_double_twins() => CheckRandomPrograms(MatrixShape.Float, iterations: 1);

    /// <summary>
    /// The same programs as helpers without an attribute, each read where it is called, twice, by a [Differentiable] method
    /// whose parameters have other names: <c>F(p, q, s) =&gt; 0.5 * H(p, q, s) + H(p, q, 0.25 * s)</c>. Each reading declares the
    /// helper's locals, counter and buffer again, under fresh names.
    /// </summary>
    [Fact]
    public void Generated_gradients_through_random_helpers_agree_with_finite_differences() => CheckRandomPrograms(MatrixShape.None, iterations: 1, throughHelper: true);

    private static void CheckRandomPrograms(MatrixShape shape, int iterations, bool throughHelper = false)
    {
        // theta: the elements of v (5, or a 5 × 2 matrix's 10), then a.
        var size = shape is MatrixShape.None or MatrixShape.Float ? 6 : 11;
        var single = shape == MatrixShape.Float;
        var last = size - 1;
        var (argument, gradientLocal, gradientArgument, unpack) = shape switch
        {
            MatrixShape.Jagged => ("Rows(t)", "var dv = Rows(new double[10]); ", "dv", "Flatten(dv, g); "),
            MatrixShape.Rectangular => ("Grid(t)", "var dv = new double[5, 2]; ", "dv", "Flatten(dv, g); "),
            MatrixShape.Float => ("Single(t)", "var dv = new float[5]; ", "dv", "for (int k = 0; k < 5; k++) g[k] = dv[k]; "),
            _ => ("t.AsSpan(0, 5)", string.Empty, "g.AsSpan(0, 5)", string.Empty),
        };
        var checkedPartials = 0;
        var fusedPrograms = 0;
        var windowedPrograms = 0;
        var restoredCounters = 0;
        var nonFinitePoints = 0;
        var first = true;
        Gen.Int[0, int.MaxValue].Array[ProgramsPerCompilation].Sample(
            sampled =>
            {
                var seeds = first ? PathSeeds.Concat(sampled.Skip(PathSeeds.Length)).ToArray() : sampled;
                first = false;
                var source = new StringBuilder("""
                    using System;
                    using Gradwise;

                    public static partial class P
                    {
                        private static readonly double[] Data = { 0.3, -0.7, 0.9, -0.2, 0.5 };

                    private static double[][] Rows(double[] t) { var m = new double[5][]; for (int i = 0; i < 5; i++) m[i] = new[] { t[2 * i], t[2 * i + 1] }; return m; }

                    private static double[,] Grid(double[] t) { var m = new double[5, 2]; for (int i = 0; i < 5; i++) { m[i, 0] = t[2 * i]; m[i, 1] = t[2 * i + 1]; } return m; }

                    private static void Flatten(double[][] m, double[] g) { for (int i = 0; i < 5; i++) { g[2 * i] = m[i][0]; g[2 * i + 1] = m[i][1]; } }

                    private static void Flatten(double[,] m, double[] g) { for (int i = 0; i < 5; i++) { g[2 * i] = m[i, 0]; g[2 * i + 1] = m[i, 1]; } }

                    private static readonly float[] FloatData = { 0.3f, -0.7f, 0.9f, -0.2f, 0.5f };

                    private static readonly double[] TwinData = Array.ConvertAll(FloatData, x => (double)x);

                    private static float[] Single(double[] t) { var f = new float[5]; for (int i = 0; i < 5; i++) f[i] = (float)t[i]; return f; }

                    """);
                for (var i = 0; i < seeds.Length; i++)
                {
                    if (throughHelper)
                    {
                        source.Append(RandomProgram.Create(seeds[i], "H" + i, shape).Replace("    [Differentiable]\n", string.Empty).Replace("public static double H", "private static double H"));
                        source.Append("    [Differentiable]\n    public static double F").Append(i).Append("(ReadOnlySpan<double> p, [NoGradient] ReadOnlySpan<double> q, double s) => 0.5 * H")
                            .Append(i).Append("(p, q, s) + H").Append(i).Append("(p, q, 0.25 * s);\n");
                    }
                    else
                    {
                        source.Append(RandomProgram.Create(seeds[i], "F" + i, shape));
                    }

                    if (single)
                    {
                        source.Append("    public static double V").Append(i).Append("(double[] t) => F").Append(i).Append("Twin(t.AsSpan(0, 5), TwinData, t[5]);\n");
                        source.Append("    public static double G").Append(i).Append("(double[] t, double[] g) { ").Append(gradientLocal).Append("double r = F").Append(i)
                            .Append("WithGradient(Single(t), FloatData, (float)t[5], dv, out float da); ").Append(unpack).Append("g[5] = da; return r; }\n\n");
                        continue;
                    }

                    source.Append("    public static double V").Append(i).Append("(double[] t) => F").Append(i).Append('(').Append(argument).Append(", Data, t[").Append(last).Append("]);\n");
                    source.Append("    public static double G").Append(i).Append("(double[] t, double[] g) { ").Append(gradientLocal).Append("double r = F").Append(i)
                        .Append("WithGradient(").Append(argument).Append(", Data, t[").Append(last).Append("], ").Append(gradientArgument).Append(", out double da); ").Append(unpack)
                        .Append("g[").Append(last).Append("] = da; return r; }\n\n");
                }

                source.Append("}\n");
                var run = GeneratorHarness.Run(source.ToString()).AssertCompiles();
                Assert.Empty(run.AnalyzerDiagnostics);
                fusedPrograms += run.MethodSources.Count(s => s.Value.Contains("// fused", StringComparison.Ordinal));
                windowedPrograms += run.MethodSources.Count(s => s.Value.Contains("GradwiseSpan.From(", StringComparison.Ordinal));
                restoredCounters += run.MethodSources.Count(s => s.Value.Contains("c = (int)gw_tape.Pop();", StringComparison.Ordinal) || s.Value.Contains("c = c - ", StringComparison.Ordinal));

                var random = new Random(seeds[0]);
                for (var i = 0; i < seeds.Length; i++)
                {
                    double Original(double[] t) => (double)run.Invoke("P", "V" + i, new object?[] { t })!;
                    for (var k = 0; k < 2; k++)
                    {
                        var point = Enumerable.Range(0, size).Select(_ => Math.Round((random.NextDouble() * 2) - 1, 4)).Select(x => single ? (float)x : x).ToArray();
                        var expected = Original(point);
                        if (!double.IsFinite(expected) || Math.Abs(expected) > 1e8 || IllConditioned(Original, point, expected))
                        {
                            continue;
                        }

                        var gradient = new double[size];
                        var value = (double)run.Invoke("P", "G" + i, new object?[] { point, gradient })!;
                        // Simplification reassociates (0.5 * s + (b + s) is 1.5 * s + b), and a recurrence run 25 times
                        // can grow that last-bit difference a thousandfold; more than 1e-9 would be a real difference.
                        // In float, the value is the double computation rounded to float once, from the constants the C# compiler
                        // folded in float (0.91f * 0.3f is one float), which the twin computes in double: a few float units apart.
                        Assert.True(Math.Abs(value - expected) <= (single ? FloatTolerance : 1e-9) * Math.Max(1, Math.Abs(expected)), $"F{i} at ({string.Join(", ", point)}): value {value}, original {expected}\n{ProgramText(source.ToString(), i)}\n{run.Source("P.F" + i + "(")}");
                        for (var j = 0; j < size; j++)
                        {
                            if (!FiniteDifference.TryCentral(Original, point, j, out var fd))
                            {
                                continue;
                            }

                            Assert.True(
                                Math.Abs(fd - gradient[j]) <= (single ? FloatTolerance : 1e-6) * Math.Max(1, Math.Abs(fd)),
                                $"∂F{i}/∂θ[{j}] at ({string.Join(", ", point)}): generated {gradient[j]}, finite differences {fd}\n{ProgramText(source.ToString(), i)}\n{run.Source("P.F" + i + "(")}");
                            checkedPartials++;
                        }
                    }

                    // A non-finite input. The scalar parameter: the value is the method's, NaN and infinities exactly (in float,
                    // the float method's own, which rounds at every step: within 64 float units of the double twin's).
                    // A span element: no exception where the method has none (a guarded add must not index out of
                    // range when the adjoint is NaN); its value is not promised (docs/generator.md, "Values").
                    var special = Enumerable.Range(0, size).Select(_ => Math.Round((random.NextDouble() * 2) - 1, 4)).Select(x => single ? (float)x : x).ToArray();
                    var scalar = nonFinitePoints % 2 == 0;
                    special[scalar ? last : random.Next(last)] = NonFinite[random.Next(NonFinite.Length)];
                    var original = Original(special);
                    double generated;
                    try
                    {
                        generated = (double)run.Invoke("P", "G" + i, new object?[] { special, new double[size] })!;
                    }
                    catch (System.Reflection.TargetInvocationException e)
                    {
                        throw new Xunit.Sdk.XunitException($"F{i} at ({string.Join(", ", special)}) threw {e.InnerException?.GetType().Name}; the method returns {original}\n{ProgramText(source.ToString(), i)}\n{run.Source("P.F" + i + "(")}");
                    }

                    Assert.True(
                        !scalar || (double.IsFinite(original) ? Math.Abs(generated - original) <= (1e-9 * Math.Max(1, Math.Abs(original))) + (single ? 64 * Math.Max(1, Math.Abs(original)) / (1 << 24) : 0) : generated.Equals(original)),
                        $"F{i} at ({string.Join(", ", special)}): value {generated}, original {original}\n{ProgramText(source.ToString(), i)}\n{run.Source("P.F" + i + "(")}");
                    nonFinitePoints++;
                }
            },
            iter: iterations,
            threads: 1);

        Assert.True(checkedPartials > 200 * iterations, $"only {checkedPartials} partials were checked");
        Assert.Equal(iterations * ProgramsPerCompilation, nonFinitePoints);
        if (shape == MatrixShape.None && !throughHelper)
        {
            // PathSeeds take each path; the matrix runs (40 programs) are about indexing, not these paths.
            Assert.True(fusedPrograms > 0, "no random program had a loop the emitter could fuse, so that path went untested");
            Assert.True(windowedPrograms > 0, "no random program read a row through a window (offset + counter), so that path went untested");
            Assert.True(restoredCounters > 0, "no random program changed its int counter where the reverse sweep had to restore it, so that path went untested");
        }
    }

    /// <summary>
    /// True when moving every input by about one part in 10^12 moves the value by more than 10^-6 of
    /// it: an amplification above 10^6 (s = 2 s + ... run 25 times, then sin of the result). There,
    /// the last-bit differences of a reassociated sum grow past the 1e-9 the value is compared at,
    /// for any evaluation order, so the point says nothing about the generated code.
    /// </summary>
    private static bool IllConditioned(Func<double[], double> f, double[] point, double value)
    {
        var nudged = point.Select(p => (p * (1 + 1e-12)) + 1e-12).ToArray();
        return !(Math.Abs(f(nudged) - value) <= 1e-6 * Math.Max(1, Math.Abs(value)));
    }

    private static string ProgramText(string source, int index)
    {
        var helper = source.IndexOf(" H" + index + "(", StringComparison.Ordinal);
        var start = helper >= 0 ? helper : source.IndexOf(" F" + index + "(", StringComparison.Ordinal);
        var end = source.IndexOf("public static double V" + index + "(", StringComparison.Ordinal);
        return source.Substring(start, end - start);
    }
}

/// <summary>
/// A random [Differentiable] method over <c>ReadOnlySpan&lt;double&gt; v</c> (5 elements; or a 5 × 2 <c>double[][]</c> or
/// <c>double[,]</c>, read at a row the span's index would be and a column 0, 1 or a counter's parity),
/// <c>[NoGradient] ReadOnlySpan&lt;double&gt; data</c> and <c>double a</c>. Values stay bounded
/// (products are damped through tanh), so finite differences stay meaningful.
/// </summary>
public static class RandomProgram
{
    public static string Create(int seed, string name, MatrixShape shape = MatrixShape.None)
    {
        var g = new Builder(new Random(seed), shape);
        var text = g.Method(name);
        if (shape != MatrixShape.Float)
        {
            return text;
        }

        // The float program, and its double twin with the same (float) literals, as doubles (0.1f * c would be float arithmetic): F0 and F0Twin.
        const string Literal = @"(?<![\w.])(\d+\.\d+)(?![\w.])";
        var twin = Regex.Replace(text, Literal, "((double)$1f)").Replace("    [Differentiable]\n", string.Empty).Replace(" " + name + "(", " " + name + "Twin(");
        var single = Regex.Replace(text, Literal, "$1f").Replace("ReadOnlySpan<double>", "ReadOnlySpan<float>").Replace("Span<double>", "Span<float>")
            .Replace("stackalloc double[", "stackalloc float[").Replace("double ", "float ").Replace("Math.", "MathF.");
        return single + twin;
    }

    private sealed class Builder
    {
        private readonly Random random;
        private readonly StringBuilder text = new();
        private readonly List<string> loopVariables = new();
        private readonly HashSet<string> shortLoops = new();
        private int nextLoop;
        private int loopDepth;
        private bool declaring;

        private readonly MatrixShape shape;

        public Builder(Random random, MatrixShape shape)
        {
            this.random = random;
            this.shape = shape;
        }

        /// <summary>How many elements (or rows) v has, as the loops over it write it.</summary>
        private string Rows => shape == MatrixShape.Rectangular ? "v.GetLength(0)" : "v.Length";

        /// <summary>The element of v at row <paramref name="index"/>: one of the two columns of a matrix.</summary>
        private string V(string index) => shape switch
        {
            MatrixShape.Jagged => "v[" + index + "][" + Column() + "]",
            MatrixShape.Rectangular => "v[" + index + ", " + Column() + "]",
            _ => "v[" + index + "]",
        };

        private string Column() => loopVariables.Count > 0 && random.Next(3) == 0 ? "(" + loopVariables[random.Next(loopVariables.Count)] + " % 2)" : random.Next(2).ToString(System.Globalization.CultureInfo.InvariantCulture);

        private string[] Accumulators { get; } = { "s0", "s1", "s2" };

        public string Method(string name)
        {
            text.Append("    [Differentiable]\n    public static double ").Append(name)
                .Append(shape switch { MatrixShape.Jagged => "(double[][] v", MatrixShape.Rectangular => "(double[,] v", _ => "(ReadOnlySpan<double> v" })
                .Append(", [NoGradient] ReadOnlySpan<double> data, double a)\n    {\n");
            declaring = true;
            text.Append("        double s0 = ").Append(Expression(1)).Append(";\n");
            declaring = false;
            text.Append("        double s1 = 0;\n");
            text.Append("        double s2 = 1;\n");
            text.Append("        Span<double> buf = stackalloc double[5];\n");
            text.Append("        int c = 0;\n");
            var count = 2 + random.Next(3);
            for (var i = 0; i < count; i++)
            {
                Statement(2, 2);
            }

            text.Append("        return ").Append(Pick("Math.Tanh(s0) + 0.5 * s1 + 0.25 * s2", "s0 * 0.1 + Math.Sin(s1) + s2 + buf[2]", "Math.Log(1 + s1 * s1) + s0 + 0.3 * buf[0] * s2")).Append(";\n    }\n");
            return text.ToString();
        }

        private string Pick(params string[] options) => options[random.Next(options.Length)];

        private void Line(int indent, string line) => text.Append(new string(' ', indent * 4)).Append(line).Append('\n');

        private void Statement(int indent, int budget)
        {
            var accumulator = Accumulators[random.Next(Accumulators.Length)];
            var choice = random.Next(budget > 0 ? 11 : 7);
            switch (choice)
            {
                case 0:
                case 1:
                    Line(indent, accumulator + " += " + Expression(2) + ";");
                    break;
                case 2:
                    Line(indent, accumulator + " *= 1 + 0.2 * Math.Tanh(" + Expression(2) + ");");
                    break;
                case 3:
                    Line(indent, accumulator + " = Math.Max(" + accumulator + ", " + Expression(2) + ");");
                    break;
                case 4:
                    Line(indent, accumulator + " = 0.5 * " + accumulator + " + " + Expression(2) + ";");
                    break;
                case 5:
                    Line(indent, "buf[" + Index() + "] = " + Expression(2) + ";");
                    break;
                case 6:
                    // An int counter that changes: the reverse sweep restores it (by the inverse step, or from the tape).
                    Line(indent, Pick("c++;", "c += 2;", "c = (c + 3) % 5;", "c = c * 2 % 7;"));
                    break;
                case 7:
                case 8:
                    {
                        var variable = "j" + nextLoop++;
                        var shape = random.Next(7);
                        if (shape == 3)
                        {
                            // Three elements from an offset: the offset + counter indices the generator reads through windows.
                            shortLoops.Add(variable);
                        }

                        if (shape == 6)
                        {
                            Line(indent, "int " + variable + " = 3;");
                        }

                        Line(indent, shape switch
                        {
                            0 => "for (int " + variable + " = " + Rows + " - 1; " + variable + " >= 0; " + variable + "--)",
                            3 => "for (int " + variable + " = 0; " + variable + " < 3; " + variable + "++)",
                            4 => "for (int " + variable + " = 0; " + variable + " < " + Rows + "; " + variable + " += 2)",
                            5 => "for (int " + variable + " = " + Rows + " - 1; " + variable + " >= 0; " + variable + " -= 3)",
                            6 => "while (" + variable + "-- > 0)",
                            _ => "for (int " + variable + " = 0; " + variable + " < " + Rows + "; " + variable + "++)",
                        });
                        Line(indent, "{");
                        loopVariables.Add(variable);
                        loopDepth++;
                        var body = 1 + random.Next(3);
                        for (var i = 0; i < body; i++)
                        {
                            Statement(indent + 1, budget - 1);
                        }

                        if (random.Next(4) == 0)
                        {
                            // A counting-down condition runs once more when the test fails, so its loop does not break.
                            Line(indent + 1, "if (" + Expression(1) + " > " + Threshold() + ") " + (shape == 6 ? "continue;" : Pick("break;", "continue;")));
                            Statement(indent + 1, 0);
                        }

                        loopDepth--;
                        loopVariables.RemoveAt(loopVariables.Count - 1);
                        Line(indent, "}");
                        break;
                    }

                default:
                    {
                        Line(indent, "if (" + Expression(1) + " > " + Threshold() + ")");
                        Line(indent, "{");
                        Statement(indent + 1, budget - 1);
                        Line(indent, "}");
                        if (random.Next(2) == 0)
                        {
                            Line(indent, "else");
                            Line(indent, "{");
                            Statement(indent + 1, budget - 1);
                            Line(indent, "}");
                        }

                        break;
                    }
            }
        }

        /// <summary>
        /// An index into the 5-element spans: a constant, a loop counter, or inside a 3-step loop an
        /// offset plus its counter (a constant up to 2 or an outer counter modulo 3, so at most 4).
        /// </summary>
        private string Index()
        {
            if (loopVariables.Count > 0 && shortLoops.Contains(loopVariables[loopVariables.Count - 1]) && random.Next(2) == 0)
            {
                var offset = loopVariables.Count > 1 && random.Next(2) == 0
                    ? "(" + loopVariables[random.Next(loopVariables.Count - 1)] + " % 3)"
                    : random.Next(3).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return offset + " + " + loopVariables[loopVariables.Count - 1];
            }

            if (!declaring && random.Next(6) == 0)
            {
                return "c % 5";
            }

            return loopVariables.Count > 0 && random.Next(3) > 0 ? loopVariables[random.Next(loopVariables.Count)] : random.Next(5).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        private string Constant() => (Math.Round((random.NextDouble() * 2) - 1, 2)).ToString("0.0#", System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>
        /// A comparison threshold off the grid of round numbers: Gradwise folds constants
        /// ((0.1 * j) * 0.3 becomes 0.03 * j), which rounds differently exactly at a round boundary
        /// (0.09 at j = 3), where the two programs may take different branches. docs/generator.md says so.
        /// </summary>
        private string Threshold() => (Math.Round((random.NextDouble() * 2) - 1, 2) + 0.000123).ToString("0.0#####", System.Globalization.CultureInfo.InvariantCulture);

        private string Atom() => random.Next(declaring ? 4 : 9) switch
        {
            0 or 1 => V(Index()),
            8 when loopVariables.Count > 0 => Previous(loopVariables[random.Next(loopVariables.Count)]),
            2 => "data[" + Index() + "]",
            3 => "a",
            4 => Accumulators[random.Next(Accumulators.Length)],
            5 => "buf[" + Index() + "]",
            6 => loopVariables.Count > 0 ? "(0.1 * " + loopVariables[random.Next(loopVariables.Count)] + ")" : "(0.1 * c)",
            _ => Constant(),
        };

        /// <summary>The element before the counter's, read only when there is one: its index is -1 on the other path.</summary>
        private string Previous(string counter) => "(" + counter + " > 0 ? " + (random.Next(2) == 0 ? V(counter + " - 1") : "buf[" + counter + " - 1]") + " : " + Atom() + ")";

        private string Expression(int depth)
        {
            if (depth <= 0 || random.Next(3) == 0)
            {
                return Atom();
            }

            return random.Next(7) switch
            {
                0 => "(" + Expression(depth - 1) + " + " + Expression(depth - 1) + ")",
                1 => "(" + Expression(depth - 1) + " - " + Expression(depth - 1) + ")",
                2 => "Math.Tanh(" + Expression(depth - 1) + ") * " + Atom(),
                3 => "Math.Sin(" + Expression(depth - 1) + ")",
                4 => "Math.Exp(0.5 * Math.Tanh(" + Expression(depth - 1) + "))",
                5 => "0.5 * " + Atom() + " * " + Atom(),
                _ => Expression(depth - 1) + " * 0.3",
            };
        }
    }
}

/// <summary>What the random programs' <c>v</c> is: a span of 5, or a 5 × 2 matrix.</summary>
public enum MatrixShape
{

    /// <summary><c>ReadOnlySpan&lt;double&gt;</c> of 5.</summary>
    None,

    /// <summary><c>double[][]</c> of 5 rows of 2.</summary>
    Jagged,

    /// <summary><c>double[,]</c> of 5 × 2.</summary>
    Rectangular,

    /// <summary><c>ReadOnlySpan&lt;float&gt;</c> of 5, with float data, a, locals, buffer and literals (and a double twin).</summary>
    Float,
}
