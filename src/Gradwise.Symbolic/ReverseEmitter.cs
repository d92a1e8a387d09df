using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;

namespace Gradwise.Symbolic;

/// <summary>The generated body of a procedure's gradient method.</summary>
/// <param name="Lines">The method body up to its return, which the caller writes (it returns <paramref name="ValueName"/>).</param>
/// <param name="ValueName">The local that holds the value at the end.</param>
/// <param name="Steps">The local derivatives used, one line per statement, for the doc comment.</param>
/// <param name="UsesTape">True when some value is kept on the tape.</param>
/// <param name="TapedPerStatement">The most values one statement keeps per execution.</param>
/// <param name="FusedLoops">How many top-level loops run their reverse sweep iteration by iteration.</param>
public sealed record ReverseCode(IReadOnlyList<string> Lines, string ValueName, IReadOnlyList<string> Steps, bool UsesTape, int TapedPerStatement, int FusedLoops);

/// <summary>
/// Reverse-mode source transformation of a <see cref="Procedure"/>: the forward sweep (the
/// original computation), then the reverse sweep (statements in reverse order, loops run
/// backwards, adjoints accumulated).
/// <list type="bullet">
/// <item>Per statement, the local partials of its expression are derived symbolically (with the
/// simplifier's identities). A partial that reads only values still valid in the reverse sweep
/// (parameters, input elements, int indices, top-level values assigned once) is computed there;
/// one that reads a value a later statement overwrites is computed in the forward sweep, next
/// to the value it shares work with, and kept on a tape. So a reduction <c>s += f(w[j])</c>
/// needs no tape, and a loss over samples keeps one number per sample.</item>
/// <item>Branches over statements keep their decision on the tape only when the condition reads
/// an overwritten value; loops with <c>break</c> keep their trip count.</item>
/// <item>An accumulator (<c>s = s + e</c>) keeps its adjoint; any other assignment passes its
/// adjoint on and resets it, which makes loop-carried values correct without special cases.</item>
/// </list>
/// </summary>
public static class ReverseEmitter
{
    /// <summary>The method body: forward sweep, reverse sweep, <c>return</c>.</summary>
    /// <param name="procedure">The program.</param>
    /// <param name="gradients">Parameter name → gradient parameter name, for the parameters that get a gradient.</param>
    /// <param name="prefix">A prefix no name in the method starts with; every generated name starts with it.</param>
    public static ReverseCode Emit(Procedure procedure, IReadOnlyDictionary<string, string> gradients, string prefix) =>
        new Emission(procedure, gradients, prefix).Run();

    /// <summary>The int indices and loop counters a procedure declares (generated names must differ from them).</summary>
    public static IEnumerable<string> DeclaredNames(Procedure procedure) =>
        Emission.All(procedure.Body).Select(s => s switch
        {
            IntStmt i => i.Name,
            LoopStmt l => l.Variable,
            _ => null,
        }).Where(n => n != null).Select(n => n!);

    /// <summary>The local partials of one assignment, decided once and used by both sweeps.</summary>
    private sealed class Plan
    {
        public Plan(int id, string target, Expr value)
        {
            Id = id;
            Target = target;
            Value = value;
        }

        public int Id { get; }

        public string Target { get; }

        public Expr Value { get; }

        /// <summary>(leaf, partial) for every active leaf with a non-zero partial.</summary>
        public List<KeyValuePair<string, Expr>> Partials { get; } = new();

        /// <summary>The values computed in the forward sweep and taped, in push order.</summary>
        public List<Expr> Taped { get; } = new();

        /// <summary>For a partial that reads a taped value: which one, and how the partial is rebuilt from it.</summary>
        public Dictionary<Expr, (int Index, System.Func<Expr, Expr> Rebuild)> FromTape { get; } = new();
    }

    /// <summary>A window <c>var Name = GradwiseSpan.From(Span, Offset)</c> and the element texts it stands for.</summary>
    private sealed record Window(string Name, string Span, string Offset, List<string> Keys);

    /// <summary>Identity, not value equality: two equal statements at different places are different statements.</summary>
    private sealed class ByReference<T> : IEqualityComparer<T>
        where T : class
    {
        public static readonly ByReference<T> Instance = new();

        public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

        public int GetHashCode(T obj) => RuntimeHelpers.GetHashCode(obj);
    }

    private sealed class Emission
    {
        private readonly Procedure procedure;
        private readonly IReadOnlyDictionary<string, string> gradients;
        private readonly string prefix;
        private readonly HashSet<string> activeLocals = new();
        private readonly HashSet<string> activeBuffers = new();
        private readonly HashSet<string> stableLocals = new();
        private readonly HashSet<string> bufferNames;
        private readonly HashSet<string> localNames;
        private readonly Dictionary<Stmt, Plan> plans = new(ByReference<Stmt>.Instance);

        /// <summary>
        /// Statements at the top of a fused loop's body: their reverse step runs in the same iteration and the same
        /// block as their forward step, so it reads the forward step's local values directly instead of through the tape.
        /// </summary>
        private readonly HashSet<Stmt> readInPlace = new(ByReference<Stmt>.Instance);
        private readonly Dictionary<Stmt, int> ids = new(ByReference<Stmt>.Instance);
        private readonly Dictionary<Stmt, bool> tapedBranches = new(ByReference<Stmt>.Instance);
        private readonly Dictionary<string, string> windowTexts = new();
        private readonly Dictionary<Expr, string> windowLeaves = new();
        private int nextId;
        private bool usesTape;

        public Emission(Procedure procedure, IReadOnlyDictionary<string, string> gradients, string prefix)
        {
            this.procedure = procedure;
            this.gradients = gradients;
            this.prefix = prefix;
            bufferNames = new HashSet<string>(procedure.Buffers.Select(b => b.Name));
            localNames = new HashSet<string>(procedure.Locals);
        }

        private const string WindowHelper = "global::Gradwise.Runtime.GradwiseSpan";

        private string Tape => prefix + "tape";

        private string ValueName => prefix + "Value";

        public ReverseCode Run()
        {
            FindActivity();
            FindStableLocals();
            foreach (var statement in All(procedure.Body))
            {
                IdOf(statement); // numbered in program order, for stable names and the doc comment's order
            }

            var fused = FindFusedLoops();

            var forward = new List<string>();
            foreach (var local in procedure.Locals)
            {
                if (activeLocals.Contains(local))
                {
                    forward.Add("double " + Adjoint(local) + " = 0.0;");
                }
            }

            var body = procedure.Body.Statements;
            for (var i = 0; i < body.Count; i++)
            {
                // An adjoint buffer is made once, at the top level, before the statement that declares its buffer.
                var declared = All(Block.Of(new[] { body[i] })).OfType<BufferStmt>().Where(b => activeBuffers.Contains(b.Name)).ToList();
                if (body[i] is not BufferStmt)
                {
                    AllocateAdjointBuffers(declared, forward);
                }

                if (body[i] is LoopStmt loop && fused.TryGetValue(loop, out var seeds))
                {
                    EmitFusedLoop(loop, seeds, forward);
                }
                else
                {
                    EmitForward(Block.Of(new[] { body[i] }), forward, 0, new List<string>());
                }

                if (body[i] is BufferStmt)
                {
                    AllocateAdjointBuffers(declared, forward);
                }
            }

            var reverse = new List<string>();
            EmitSeeds(reverse, fused.Values.SelectMany(v => v.Select(p => p.Key)));
            EmitReverse(Block.Of(body.Where(b => !(b is LoopStmt l && fused.ContainsKey(l)))), reverse, 0, topLevel: true);

            var lines = new List<string>();
            foreach (var array in procedure.Arrays)
            {
                if (gradients.TryGetValue(array, out var gradient))
                {
                    lines.Add("if (" + gradient + ".Length != " + array + ".Length)");
                    lines.Add("{");
                    lines.Add("    throw new global::System.ArgumentException(\"" + gradient + " must have the length of " + array + " (\" + " + array + ".Length + \"), not \" + " + gradient + ".Length + \".\", nameof(" + gradient + "));");
                    lines.Add("}");
                    lines.Add(string.Empty);
                }
            }

            if (usesTape)
            {
                lines.Add("var " + Tape + " = new global::Gradwise.Runtime.GradwiseTape(256);");
            }

            foreach (var scalar in procedure.Scalars)
            {
                if (gradients.TryGetValue(scalar, out var gradient))
                {
                    lines.Add(gradient + " = 0.0;");
                }
            }

            foreach (var array in procedure.Arrays)
            {
                if (gradients.TryGetValue(array, out var gradient))
                {
                    lines.Add(gradient + ".Clear();");
                }
            }

            lines.Add(fused.Count > 0
                ? "// Forward sweep: the value, keeping what the reverse sweep needs; loops marked 'fused' run their reverse sweep row by row."
                : "// Forward sweep: the value, keeping what the reverse sweep needs.");
            lines.AddRange(forward);
            lines.Add(string.Empty);
            lines.Add("// Reverse sweep: adjoints, from the result back to the parameters.");
            lines.AddRange(reverse);
            if (usesTape)
            {
                lines.Add(Tape + ".Release();");
            }

            var steps = plans.Values.Where(p => p.Partials.Count > 0).Select(p => (p.Id, Text: Describe(p)))
                .Concat(All(procedure.Body).OfType<CallStmt>().Where(c => activeLocals.Contains(c.Target)).Select(c => (Id: IdOf(c), Text: c.Target + " = " + c.Callee.Replace("global::", string.Empty) + "(...):  chained through its WithGradient, called again in the reverse sweep")))
                .OrderBy(p => p.Id).Select(p => p.Text).ToList();
            return new ReverseCode(lines, ValueName, steps, usesTape, plans.Values.Select(p => p.Taped.Count).DefaultIfEmpty(0).Max(), fused.Count);
        }

        private void AllocateAdjointBuffers(IEnumerable<BufferStmt> buffers, List<string> lines)
        {
            foreach (var buffer in buffers)
            {
                var length = procedure.Buffers.First(b => b.Name == buffer.Name).Length;
                lines.Add("global::System.Span<double> " + BufferAdjoint(buffer.Name) + " = " + length + " <= 256 ? stackalloc double[" + length + "] : new double[" + length + "];");
                lines.Add(BufferAdjoint(buffer.Name) + ".Clear();"); // adjoints accumulate: zero what [module: SkipLocalsInit] leaves in stackalloc memory
            }
        }

        // ---- fusion -------------------------------------------------------------------------------

        /// <summary>
        /// The top-level loops whose iterations can be reversed right after they run, with the
        /// adjoints of the sums they accumulate (known before the loop). A loop qualifies when
        /// nothing flows from one iteration to the next except sums (<c>loss += ...</c>) that
        /// nothing after the loop reads except the result, and whose adjoint in the result reads
        /// only values known before the loop; no break or continue; and every buffer it writes
        /// is declared inside it or fully overwritten at the start of each iteration. Then the
        /// data a row reads is used twice while it is in cache, and the tape stays one row long.
        /// </summary>
        private Dictionary<LoopStmt, List<KeyValuePair<string, Expr>>> FindFusedLoops()
        {
            var fused = new Dictionary<LoopStmt, List<KeyValuePair<string, Expr>>>();
            var body = procedure.Body.Statements;
            for (var p = 0; p < body.Count; p++)
            {
                if (body[p] is LoopStmt loop && SeedsIfFusable(loop, p) is { } seeds)
                {
                    fused[loop] = seeds;
                }
            }

            return fused;
        }

        private List<KeyValuePair<string, Expr>>? SeedsIfFusable(LoopStmt loop, int position)
        {
            var inside = All(loop.Body).ToList();
            if (loop.HasBreak || inside.Any(s => s is JumpStmt) && JumpsToThisLoop(loop.Body))
            {
                return null;
            }

            var declaredInside = new HashSet<string>(NamesBoundIn(loop.Body, assigned: false));

            // Locals from outside that the loop changes: sums only, read by nothing else in the loop.
            var accumulators = new HashSet<string>();
            foreach (var assign in inside.OfType<AssignStmt>())
            {
                if (declaredInside.Contains(assign.Target) || !activeLocals.Contains(assign.Target))
                {
                    continue;
                }

                var plan = PlanOf(assign, assign.Target, assign.Value);
                var self = plan.Partials.FirstOrDefault(pair => pair.Key == assign.Target).Value;
                if (self is not Constant { Value: 1.0 })
                {
                    return null;
                }

                accumulators.Add(assign.Target);
            }

            foreach (var statement in inside)
            {
                var read = ReadsOf(statement);
                var target = (statement as AssignStmt)?.Target;
                if (read.Any(r => accumulators.Contains(r) && r != target))
                {
                    return null;
                }
            }

            // Buffers from outside that the loop writes: overwritten whole at the start of each iteration.
            foreach (var store in inside.OfType<StoreStmt>())
            {
                if (!declaredInside.Contains(store.Buffer) && activeBuffers.Contains(store.Buffer) && !IsOverwrittenFirst(loop, store.Buffer, position))
                {
                    return null;
                }
            }

            // Nothing after the loop reads the sums, and their adjoints in the result are known before it.
            var later = procedure.Body.Statements.Skip(position + 1).SelectMany(s => All(Block.Of(new[] { s }))).ToList();
            if (later.Any(s => ReadsOf(s).Any(accumulators.Contains)))
            {
                return null;
            }

            // Nor does anything after it change what the loop reads: the loop's adjoints would land on a value already replaced.
            var readInside = new HashSet<string>(inside.SelectMany(ReadsOf));
            if (later.Any(s => s is AssignStmt a && readInside.Contains(a.Target) || s is StoreStmt st && readInside.Contains(st.Buffer)))
            {
                return null;
            }

            var known = KnownBefore(position);
            var result = Simplifier.Simplify(procedure.Result);
            var seeds = new List<KeyValuePair<string, Expr>>();
            foreach (var accumulator in accumulators.OrderBy(a => a, System.StringComparer.Ordinal))
            {
                var seed = Simplifier.Simplify(Differentiator.Differentiate(result, accumulator));
                if (!Leaves(seed).All(known))
                {
                    return null;
                }

                seeds.Add(new KeyValuePair<string, Expr>(accumulator, seed));
            }

            return seeds;
        }

        /// <summary>
        /// The names the statements of <paramref name="body"/> declare: locals, call results, buffers,
        /// ints, loop counters; with <paramref name="assigned"/>, also every local assigned and every buffer stored into.
        /// </summary>
        private static IEnumerable<string> NamesBoundIn(Block body, bool assigned) =>
            All(body).Select(s => s switch
            {
                AssignStmt a when a.Declare || assigned => a.Target,
                StoreStmt st when assigned => st.Buffer,
                CallStmt c => c.Target,
                BufferStmt b => b.Name,
                IntStmt i => i.Name,
                LoopStmt l => l.Variable,
                _ => null,
            }).Where(n => n != null).Select(n => n!);

        private static bool JumpsToThisLoop(Block body) =>
            body.Statements.Any(s => s switch
            {
                JumpStmt => true,
                IfStmt i => JumpsToThisLoop(i.Then) || JumpsToThisLoop(i.Else),
                _ => false,
            });

        /// <summary>The leaves a statement reads: its value's, its predicate's, or none.</summary>
        private static IEnumerable<string> ReadsOf(Stmt statement)
        {
            var leaves = statement switch
            {
                AssignStmt a => Leaves(a.Value),
                StoreStmt s => Leaves(s.Value),
                IfStmt i => Leaves(i.Predicate),
                WhileStmt w => Leaves(w.Condition),
                CallStmt c => c.Arguments.SelectMany(a => a.Scalar is { } e ? Leaves(e) : a.Array is { } array ? new[] { array + "[0]" } : Enumerable.Empty<string>()),
                _ => Enumerable.Empty<string>(),
            };
            return leaves.Select(Leaf.Root);
        }

        /// <summary>
        /// True when the loop's body starts (before any read of the buffer) with a loop over its
        /// whole length that stores every element: <c>for (c = 0; c &lt; length; c++) { ... buffer[c] = ...; }</c>;
        /// and nothing outside the loop reads it.
        /// </summary>
        private bool IsOverwrittenFirst(LoopStmt loop, string buffer, int position)
        {
            var length = procedure.Buffers.First(b => b.Name == buffer).Length;
            foreach (var statement in loop.Body.Statements)
            {
                if (statement is LoopStmt { Start: "0", Step: 1, Inclusive: false } writer && writer.End == length)
                {
                    // The statements before the writer first reads the buffer (a store's own value included).
                    var stores = writer.Body.Statements.TakeWhile(s => !ReadsOf(s).Contains(buffer));
                    if (stores.Any(s => s is StoreStmt st && st.Buffer == buffer && st.Index == writer.Variable))
                    {
                        var outside = procedure.Body.Statements.Where((s, i) => i != position).SelectMany(s => All(Block.Of(new[] { s })));
                        return !outside.Any(s => ReadsOf(s).Contains(buffer));
                    }
                }

                if (All(Block.Of(new[] { statement })).Any(s => ReadsOf(s).Contains(buffer) || s is StoreStmt st && st.Buffer == buffer))
                {
                    return false;
                }
            }

            return false;
        }

        /// <summary>Whether a leaf holds its final value before top-level statement <paramref name="position"/> runs.</summary>
        private System.Func<string, bool> KnownBefore(int position)
        {
            var before = new HashSet<string>();
            var after = new HashSet<string>();
            var body = procedure.Body.Statements;
            for (var i = 0; i < body.Count; i++)
            {
                var names = (i < position ? before : after);
                switch (body[i])
                {
                    case AssignStmt a:
                        names.Add(a.Target);
                        break;
                    case IntStmt n:
                        names.Add(n.Name);
                        break;
                }
            }

            return leaf =>
            {
                var parsed = Leaf.Parse(leaf);
                if (parsed.IsElement)
                {
                    return !bufferNames.Contains(parsed.Array!);
                }

                if (localNames.Contains(leaf))
                {
                    return stableLocals.Contains(leaf) && before.Contains(leaf);
                }

                return !after.Contains(leaf);
            };
        }

        private void EmitFusedLoop(LoopStmt loop, List<KeyValuePair<string, Expr>> seeds, List<string> lines)
        {
            var outputs = seeds.Select(pair => new EmitOutput(Adjoint(pair.Key), pair.Value, false)).ToList();
            lines.AddRange(CodeEmitter.Emit(outputs, Name("f", IdOf(loop)) + "_"));
            lines.Add("// fused: each iteration runs forward, then backward");
            var body = new List<string>();
            foreach (var statement in loop.Body.Statements.Where(st => st is AssignStmt or StoreStmt))
            {
                readInPlace.Add(statement);
            }

            var windows = OpenWindows(loop, "w", forward: true, reverse: true);
            EmitForward(loop.Body, body, 1, new List<string>());
            EmitReverse(loop.Body, body, 1, topLevel: false, redeclareInts: false);
            CloseWindows(windows, body, lines, string.Empty);
            lines.Add(ForwardHeader(loop));
            lines.Add("{");
            lines.AddRange(body);
            lines.Add("}");
        }

        // ---- windows ----------------------------------------------------------------------------

        /// <summary>
        /// Opens the windows a counted loop reads and writes rows through: for each element
        /// <c>a[b + j]</c> of the loop over <c>j</c> from 0 whose offset <c>b</c> the loop does not
        /// change, <c>var w = GradwiseSpan.From(a, b)</c> before the loop and <c>w[j]</c> inside it.
        /// The JIT then checks bounds once per row instead of once per element, and the index is the
        /// counter itself, as in a loop written by hand over <c>x.Slice(i * d, d)</c>.
        /// </summary>
        /// <remarks>
        /// Only elements that every iteration reads or writes outside any branch qualify: the
        /// first iteration then touches <c>a[b]</c>, so <c>0 &lt;= b &lt;= a.Length</c> whenever
        /// the method does not throw, and the window reads what the index read. (Out of that
        /// range <c>From</c> gives an empty window, so both forms throw in the first iteration.)
        /// </remarks>
        /// <param name="loop">The loop.</param>
        /// <param name="kind">The letter of the window names, distinct for the forward and the reverse sweep of one loop.</param>
        /// <param name="forward">Also windows on local buffers (which are in scope only in the forward sweep).</param>
        /// <param name="reverse">Also windows on the adjoints of the elements (gradient spans, adjoint buffers).</param>
        private List<Window> OpenWindows(LoopStmt loop, string kind, bool forward, bool reverse)
        {
            var windows = new List<Window>();
            if (loop.Start != "0" || loop.Step != 1 || loop.HasBreak)
            {
                return windows;
            }

            var changed = new HashSet<string>(NamesBoundIn(loop.Body, assigned: true)) { loop.Variable };

            var suffix = " + " + loop.Variable;
            var touched = loop.Body.Statements.SelectMany(s => s switch
            {
                AssignStmt a => UnconditionalLeaves(PlanOf(a, a.Target, a.Value).Value),
                StoreStmt st => UnconditionalLeaves(PlanOf(st, st.Element, st.Value).Value).Concat(new[] { st.Element }),
                _ => Enumerable.Empty<string>(),
            });
            var seen = new HashSet<string>();
            foreach (var leaf in touched)
            {
                var element = Leaf.Parse(leaf);
                if (!element.IsElement || !element.Index!.EndsWith(suffix, System.StringComparison.Ordinal) || windowTexts.ContainsKey(leaf) || !seen.Add(leaf))
                {
                    continue;
                }

                var array = element.Array!;
                var offset = element.Index.Substring(0, element.Index.Length - suffix.Length);
                var isBuffer = bufferNames.Contains(array);
                var inScope = isBuffer ? !All(loop.Body).OfType<BufferStmt>().Any(b => b.Name == array) : procedure.Arrays.Contains(array);
                if (!inScope || Identifiers(offset).Any(changed.Contains))
                {
                    continue;
                }

                if (forward || !isBuffer)
                {
                    Open(windows, kind, loop, array, offset, leaf, isLeaf: true);
                }

                if (reverse && IsActive(leaf))
                {
                    var adjoint = isBuffer ? BufferAdjoint(array) : gradients[array];
                    Open(windows, kind, loop, adjoint, offset, adjoint + "[" + element.Index + "]", isLeaf: false);
                }
            }

            return windows;
        }

        private void Open(List<Window> windows, string kind, LoopStmt loop, string span, string offset, string key, bool isLeaf)
        {
            var window = windows.FirstOrDefault(w => w.Span == span && w.Offset == offset);
            if (window is null)
            {
                window = new Window(Name(kind, IdOf(loop)) + "_" + windows.Count.ToString(CultureInfo.InvariantCulture), span, offset, new List<string>());
                windows.Add(window);
            }

            var text = window.Name + "[" + loop.Variable + "]";
            window.Keys.Add(key);
            windowTexts[key] = text;
            if (isLeaf)
            {
                windowLeaves[Ex.Var(key)] = text;
            }
        }

        /// <summary>Closes the windows and declares, before the loop, those its body uses.</summary>
        private void CloseWindows(List<Window> windows, List<string> body, List<string> lines, string pad)
        {
            foreach (var window in windows)
            {
                foreach (var key in window.Keys)
                {
                    windowTexts.Remove(key);
                    windowLeaves.Remove(Ex.Var(key));
                }

                var use = window.Name + "[";
                if (body.Any(line => line.Contains(use)))
                {
                    lines.Add(pad + "var " + window.Name + " = " + WindowHelper + ".From(" + window.Span + ", " + window.Offset + ");");
                }
            }
        }

        /// <summary>The element as the open windows write it: <c>gw_w3_0[j]</c> for <c>x[i * d + j]</c>, else as it is.</summary>
        private string Windowed(string element) => windowTexts.TryGetValue(element, out var text) ? text : element;

        /// <summary>The leaves an expression reads whichever way its conditions go: not those only one branch of a ?: or the right side of &amp;&amp; / || reads.</summary>
        private static IEnumerable<string> UnconditionalLeaves(Expr e) => e switch
        {
            Variable v => new[] { v.Name },
            Conditional c => UnconditionalLeaves(c.Predicate),
            Logical { Operator: LogicalOperator.Not } not => UnconditionalLeaves(not.Children[0]),
            Logical logical => UnconditionalLeaves(logical.Children[0]),
            _ => e.Children.SelectMany(UnconditionalLeaves),
        };

        /// <summary>The names in int code (<c>i</c>, <c>d</c> and <c>offsets</c> in <c>offsets[i] * d</c>).</summary>
        private static IEnumerable<string> Identifiers(string code)
        {
            for (var i = 0; i < code.Length;)
            {
                if (Leaf.IsNameCharacter(code[i]) && !char.IsDigit(code[i]))
                {
                    var start = i;
                    while (i < code.Length && Leaf.IsNameCharacter(code[i]))
                    {
                        i++;
                    }

                    yield return code.Substring(start, i - start);
                }
                else if (char.IsDigit(code[i]))
                {
                    while (i < code.Length && (char.IsLetterOrDigit(code[i]) || code[i] == '.'))
                    {
                        i++;
                    }
                }
                else
                {
                    i++;
                }
            }
        }

        // ---- analysis -------------------------------------------------------------------------

        private void FindActivity()
        {
            bool changed;
            do
            {
                changed = false;
                foreach (var statement in All(procedure.Body))
                {
                    switch (statement)
                    {
                        case AssignStmt assign when !activeLocals.Contains(assign.Target) && HasActiveLeaf(assign.Value):
                            activeLocals.Add(assign.Target);
                            changed = true;
                            break;
                        case StoreStmt store when !activeBuffers.Contains(store.Buffer) && HasActiveLeaf(store.Value):
                            activeBuffers.Add(store.Buffer);
                            changed = true;
                            break;
                        case CallStmt call when !activeLocals.Contains(call.Target) && call.Arguments.Any(IsActive):
                            activeLocals.Add(call.Target);
                            changed = true;
                            break;
                    }
                }
            }
            while (changed);

            // Only what the result depends on needs an adjoint: a value that varies with the parameters
            // but feeds nothing the method returns gets no partials, no tape and no adjoint.
            var useful = new HashSet<string>(Names(procedure.Result));
            do
            {
                changed = false;
                foreach (var statement in All(procedure.Body))
                {
                    var read = statement switch
                    {
                        AssignStmt assign when useful.Contains(assign.Target) => Names(assign.Value),
                        StoreStmt store when useful.Contains(store.Buffer) => Names(store.Value),
                        CallStmt call when useful.Contains(call.Target) => call.Arguments.Where(a => a.Scalar != null).SelectMany(a => Names(a.Scalar!)),
                        _ => Enumerable.Empty<string>(),
                    };
                    foreach (var name in read)
                    {
                        changed |= useful.Add(name);
                    }
                }
            }
            while (changed);

            activeLocals.RemoveWhere(local => !useful.Contains(local));
            activeBuffers.RemoveWhere(buffer => !useful.Contains(buffer));
        }

        /// <summary>The locals and buffers an expression depends on differentiably (an element counts as its buffer).</summary>
        private static IEnumerable<string> Names(Expr e) => DifferentiableLeaves(e).Select(Leaf.Root);

        private void FindStableLocals()
        {
            var counts = new Dictionary<string, int>();
            foreach (var statement in All(procedure.Body))
            {
                var target = statement switch
                {
                    AssignStmt assign => assign.Target,
                    CallStmt call => call.Target,
                    _ => null,
                };
                if (target != null)
                {
                    counts[target] = counts.TryGetValue(target, out var c) ? c + 1 : 1;
                }
            }

            foreach (var statement in procedure.Body.Statements)
            {
                if (statement is AssignStmt { Declare: true } assign && counts[assign.Target] == 1)
                {
                    stableLocals.Add(assign.Target);
                }

                if (statement is CallStmt call && counts[call.Target] == 1)
                {
                    stableLocals.Add(call.Target);
                }
            }
        }

        public static IEnumerable<Stmt> All(Block block)
        {
            foreach (var statement in block.Statements)
            {
                yield return statement;
                switch (statement)
                {
                    case LoopStmt loop:
                        foreach (var inner in All(loop.Body))
                        {
                            yield return inner;
                        }

                        break;
                    case WhileStmt loop:
                        foreach (var inner in All(loop.Body))
                        {
                            yield return inner;
                        }

                        break;
                    case IfStmt branch:
                        foreach (var inner in All(branch.Then).Concat(All(branch.Else)))
                        {
                            yield return inner;
                        }

                        break;
                }
            }
        }

        private bool HasActiveLeaf(Expr e) => DifferentiableLeaves(e).Any(IsActive);

        /// <summary>The leaves a value depends on differentiably: those outside conditions (a condition picks a branch; it has no derivative).</summary>
        private static IEnumerable<string> DifferentiableLeaves(Expr e) => e switch
        {
            Variable v => new[] { v.Name },
            Compare or Logical => Enumerable.Empty<string>(),
            _ => e.Children.SelectMany(DifferentiableLeaves).Distinct(),
        };

        /// <summary>True when gradient flows into the argument: the callee differentiates it and it depends on what the caller differentiates.</summary>
        private bool IsActive(CallArg argument) =>
            argument.HasGradient && (argument.Scalar is { } scalar ? HasActiveLeaf(scalar) : argument.Array != null && gradients.ContainsKey(argument.Array) && procedure.Arrays.Contains(argument.Array));

        private bool IsActive(string leaf)
        {
            var parsed = Leaf.Parse(leaf);
            if (parsed.IsElement)
            {
                return activeBuffers.Contains(parsed.Array!) || (!bufferNames.Contains(parsed.Array!) && gradients.ContainsKey(parsed.Array!) && procedure.Arrays.Contains(parsed.Array!));
            }

            return activeLocals.Contains(leaf) || (!localNames.Contains(leaf) && gradients.ContainsKey(leaf) && procedure.Scalars.Contains(leaf));
        }

        /// <summary>True when the leaf holds the same value in the reverse sweep as where the forward sweep read it.</summary>
        private bool IsStable(string leaf)
        {
            var parsed = Leaf.Parse(leaf);
            if (parsed.IsElement)
            {
                return !bufferNames.Contains(parsed.Array!);
            }

            return !localNames.Contains(leaf) || stableLocals.Contains(leaf);
        }

        private bool IsStable(Expr e) => Leaves(e).All(IsStable);

        private static IEnumerable<string> Leaves(Expr e) => Leaf.In(e);

        private string Adjoint(string leaf)
        {
            var parsed = Leaf.Parse(leaf);
            if (parsed.IsElement)
            {
                var array = bufferNames.Contains(parsed.Array!) ? BufferAdjoint(parsed.Array!) : gradients[parsed.Array!];
                return Windowed(array + "[" + parsed.Index + "]");
            }

            return localNames.Contains(leaf) ? prefix + "d_" + leaf : gradients[leaf];
        }

        private static string Describe(Plan plan) =>
            plan.Target + " = " + plan.Value + ":  " + string.Join(",  ", plan.Partials.Select(p => "∂/∂" + p.Key + " = " + p.Value));

        private string BufferAdjoint(string buffer) => prefix + "d_" + buffer;

        private string Name(string kind, int id) => prefix + kind + id.ToString(CultureInfo.InvariantCulture);

        private int IdOf(Stmt statement)
        {
            if (!ids.TryGetValue(statement, out var id))
            {
                id = nextId++;
                ids[statement] = id;
            }

            return id;
        }

        private Plan PlanOf(Stmt statement, string target, Expr written)
        {
            if (plans.TryGetValue(statement, out var plan))
            {
                return plan;
            }

            var value = Simplifier.Simplify(written);
            plan = new Plan(IdOf(statement), target, value);
            if (IsActive(target))
            {
                foreach (var leaf in Leaves(value).Where(IsActive).OrderBy(l => l, System.StringComparer.Ordinal))
                {
                    var partial = Simplifier.Simplify(Differentiator.Differentiate(value, leaf));
                    if (partial is Constant { Value: 0.0 })
                    {
                        continue;
                    }

                    plan.Partials.Add(new KeyValuePair<string, Expr>(leaf, partial));
                    if (!IsStable(partial) && !plan.FromTape.ContainsKey(partial))
                    {
                        var (kept, rebuild) = WhatToTape(partial);
                        var index = plan.Taped.IndexOf(kept);
                        if (index < 0)
                        {
                            index = plan.Taped.Count;
                            plan.Taped.Add(kept);
                        }

                        plan.FromTape[partial] = (index, rebuild);
                    }
                }
            }

            plans[statement] = plan;
            return plan;
        }

        /// <summary>
        /// The least to keep for a partial that reads overwritten values: for a branch between two
        /// values known in the reverse sweep (the derivative of a max), only which branch was taken;
        /// for a constant times a value (-e and e in a log-sum-exp), only the value. So two partials
        /// that differ by a sign or share a condition keep one number.
        /// </summary>
        private (Expr Kept, System.Func<Expr, Expr> Rebuild) WhatToTape(Expr partial)
        {
            if (partial is Conditional branch && IsStable(branch.Then) && IsStable(branch.Else))
            {
                return (Ex.Cond(branch.Predicate, Ex.One, Ex.Zero), kept => Ex.Cond(Ex.NotEqual(kept, Ex.Zero), branch.Then, branch.Else));
            }

            if (partial is Conditional chain && StableChoices(chain) is { } choices)
            {
                // A chain of branches (a max with its NaN branch: a ≥ b, a < b, neither): which one was taken, 0, 1, 2, ...
                var kept = Ex.Const(choices.Values.Count - 1);
                for (var i = choices.Predicates.Count - 1; i >= 0; i--)
                {
                    kept = Ex.Cond(choices.Predicates[i], Ex.Const(i), kept);
                }

                return (kept, taken =>
                {
                    var value = choices.Values[choices.Values.Count - 1];
                    for (var i = choices.Predicates.Count - 1; i >= 0; i--)
                    {
                        value = Ex.Cond(Ex.Equal(taken, Ex.Const(i)), choices.Values[i], value);
                    }

                    return value;
                });
            }

            if (partial is Product product && product.Factors[0] is Constant coefficient)
            {
                // The factors after the coefficient, as they are: dividing by it instead could leave
                // a coefficient of 1 - 2^-53 (3.8 * (1 / 3.8)), and this would never end.
                var (inner, rebuild) = WhatToTape(Ex.Mul(product.Factors.Skip(1).ToList()));
                return (inner, kept => Ex.Mul(coefficient, rebuild(kept)));
            }

            return (partial, kept => kept);
        }

        /// <summary>The predicates and values of a chain <c>p0 ? v0 : p1 ? v1 : ... : vn</c> whose values are all known in the reverse sweep, or null.</summary>
        private (List<Expr> Predicates, List<Expr> Values)? StableChoices(Conditional chain)
        {
            var predicates = new List<Expr>();
            var values = new List<Expr>();
            Expr rest = chain;
            while (rest is Conditional link)
            {
                if (!IsStable(link.Then))
                {
                    return null;
                }

                predicates.Add(link.Predicate);
                values.Add(link.Then);
                rest = link.Else;
            }

            if (!IsStable(rest))
            {
                return null;
            }

            values.Add(rest);
            return (predicates, values);
        }

        // ---- forward sweep ----------------------------------------------------------------------

        /// <summary>The forward sweep of <paramref name="block"/> into <paramref name="lines"/>, at <paramref name="indent"/> levels.</summary>
        /// <param name="block">The statements.</param>
        /// <param name="lines">Where the code goes.</param>
        /// <param name="indent">The nesting level.</param>
        /// <param name="pending">Branch decisions to push before a break or continue leaves the enclosing branches (innermost last).</param>
        private void EmitForward(Block block, List<string> lines, int indent, List<string> pending)
        {
            var pad = new string(' ', indent * 4);
            foreach (var statement in block.Statements)
            {
                switch (statement)
                {
                    case AssignStmt assign:
                        EmitForwardAssignment(statement, assign.Target, assign.Value, assign.Declare, lines, pad);
                        break;
                    case StoreStmt store:
                        EmitForwardAssignment(statement, store.Element, store.Value, false, lines, pad);
                        break;
                    case IntStmt integer:
                        lines.Add(pad + "int " + integer.Name + " = " + integer.Code + ";");
                        break;
                    case BufferStmt buffer:
                        lines.Add(pad + buffer.Declaration);
                        break;
                    case CallStmt call:
                        lines.Add(pad + "double " + call.Target + " = " + call.Callee + "(" + string.Join(", ", call.Arguments.Select(a => a.Code ?? Code(a.Scalar!))) + ");");
                        if (activeLocals.Contains(call.Target))
                        {
                            foreach (var argument in TapedArguments(call))
                            {
                                Push(lines, pad, Code(argument.Scalar!));
                            }
                        }

                        break;
                    case LoopStmt loop:
                        {
                            var count = Name("n", IdOf(loop));
                            if (loop.HasBreak)
                            {
                                lines.Add(pad + "int " + count + " = 0;");
                            }

                            var body = new List<string>();
                            if (loop.HasBreak)
                            {
                                body.Add(pad + "    " + count + "++;");
                            }

                            var windows = OpenWindows(loop, "w", forward: true, reverse: false);
                            EmitForward(loop.Body, body, indent + 1, new List<string>());
                            CloseWindows(windows, body, lines, pad);
                            lines.Add(pad + ForwardHeader(loop));
                            lines.Add(pad + "{");
                            lines.AddRange(body);
                            lines.Add(pad + "}");
                            if (loop.HasBreak)
                            {
                                Push(lines, pad, count);
                            }

                            break;
                        }

                    case WhileStmt loop:
                        {
                            var count = Name("n", IdOf(loop));
                            lines.Add(pad + "int " + count + " = 0;");
                            lines.Add(pad + (loop.ConditionFirst ? "while (" + Condition(loop.Condition) + ")" : "do"));
                            lines.Add(pad + "{");
                            lines.Add(pad + "    " + count + "++;");
                            EmitForward(loop.Body, lines, indent + 1, new List<string>());
                            lines.Add(pad + "}");
                            if (!loop.ConditionFirst)
                            {
                                lines[lines.Count - 1] += " while (" + Condition(loop.Condition) + ");";
                            }

                            Push(lines, pad, count);
                            break;
                        }

                    case IfStmt branch:
                        {
                            var taped = !IsStable(branch.Predicate);
                            tapedBranches[branch] = taped;
                            lines.Add(pad + "if (" + Condition(branch.Predicate) + ")");
                            EmitBranch(branch.Then, taped ? "1.0" : null, lines, indent, pending);
                            if (taped || branch.Else.Statements.Count > 0)
                            {
                                lines.Add(pad + "else");
                                EmitBranch(branch.Else, taped ? "0.0" : null, lines, indent, pending);
                            }

                            break;
                        }

                    case JumpStmt jump:
                        for (var i = pending.Count - 1; i >= 0; i--)
                        {
                            Push(lines, pad, pending[i]);
                        }

                        lines.Add(pad + (jump.IsContinue ? "continue;" : "break;"));
                        break;
                }
            }
        }

        private void EmitBranch(Block block, string? decision, List<string> lines, int indent, List<string> pending)
        {
            var pad = new string(' ', indent * 4);
            lines.Add(pad + "{");
            var inner = decision is null ? pending : new List<string>(pending) { decision };
            EmitForward(block, lines, indent + 1, inner);
            var endsInJump = block.Statements.Count > 0 && block.Statements[block.Statements.Count - 1] is JumpStmt;
            if (decision != null && !endsInJump)
            {
                Push(lines, pad + "    ", decision);
            }

            lines.Add(pad + "}");
        }

        private void Push(List<string> lines, string pad, string value)
        {
            usesTape = true;
            lines.Add(pad + Tape + ".Push(" + value + ");");
        }

        private void EmitForwardAssignment(Stmt statement, string target, Expr written, bool declare, List<string> lines, string pad)
        {
            var plan = PlanOf(statement, target, written);
            var outputs = new List<EmitOutput>();
            var taped = new List<string>();
            for (var i = 0; i < plan.Taped.Count; i++)
            {
                var name = Name("p", plan.Id) + "_" + i.ToString(CultureInfo.InvariantCulture);
                taped.Add(name);
                outputs.Add(new EmitOutput(name, plan.Taped[i], true));
            }

            outputs.Add(new EmitOutput(Windowed(target), plan.Value, declare));
            foreach (var line in CodeEmitter.Emit(outputs, Name("s", plan.Id) + "_", windowLeaves))
            {
                lines.Add(pad + line);
            }

            if (!readInPlace.Contains(statement))
            {
                foreach (var name in taped)
                {
                    Push(lines, pad, name);
                }
            }
        }

        private string Condition(Expr predicate) =>
            predicate is Constant constant ? (constant.Value != 0 ? "true" : "false") : Code(predicate);

        /// <summary>An expression as C#, reading elements through the windows open where it is written.</summary>
        private string Code(Expr e) => windowLeaves.TryGetValue(e, out var window) ? window : ExprFormatter.Code.Format(e, windowLeaves);

        private static string ForwardHeader(LoopStmt loop)
        {
            var v = loop.Variable;
            var comparison = loop.Step > 0 ? (loop.Inclusive ? " <= " : " < ") : (loop.Inclusive ? " >= " : " > ");
            return "for (int " + v + " = " + loop.Start + "; " + v + comparison + loop.End + "; " + v + (loop.Step > 0 ? "++" : "--") + ")";
        }

        // ---- reverse sweep ----------------------------------------------------------------------

        private void EmitSeeds(List<string> lines, IEnumerable<string> preSeeded)
        {
            var skip = new HashSet<string>(preSeeded);
            var outputs = new List<EmitOutput> { new(ValueName, Simplifier.Simplify(procedure.Result), true) };
            var targets = new List<string>();
            var value = outputs[0].Value;
            var readAlways = new HashSet<string>(UnconditionalLeaves(value));
            var seeded = 0;
            foreach (var leaf in Leaves(value).Where(IsActive).Where(l => !skip.Contains(l)).OrderBy(l => l, System.StringComparer.Ordinal))
            {
                var partial = Simplifier.Simplify(Differentiator.Differentiate(value, leaf));
                if (partial is Constant { Value: 0.0 })
                {
                    continue;
                }

                var index = seeded++;
                if (partial is Constant constant)
                {
                    AddTo(targets, string.Empty, leaf, ExprFormatter.Code.Format(constant), readAlways);
                    continue;
                }

                var name = prefix + "r" + index.ToString(CultureInfo.InvariantCulture);
                outputs.Add(new EmitOutput(name, partial, true));
                AddTo(targets, string.Empty, leaf, name, readAlways);
            }

            lines.AddRange(CodeEmitter.Emit(outputs, prefix + "r_"));
            lines.AddRange(targets);
        }

        private void EmitReverse(Block block, List<string> lines, int indent, bool topLevel, bool redeclareInts = true)
        {
            var pad = new string(' ', indent * 4);
            if (!topLevel && redeclareInts)
            {
                // The reverse body runs in its own scope: recompute the int indices it uses.
                foreach (var statement in block.Statements)
                {
                    if (statement is IntStmt integer)
                    {
                        lines.Add(pad + "int " + integer.Name + " = " + integer.Code + ";");
                    }
                }
            }

            for (var i = block.Statements.Count - 1; i >= 0; i--)
            {
                var statement = block.Statements[i];
                switch (statement)
                {
                    case AssignStmt assign:
                        EmitReverseAssignment(statement, assign.Target, assign.Value, lines, pad, firstAndLast: topLevel && assign.Declare);
                        break;
                    case StoreStmt store:
                        EmitReverseAssignment(statement, store.Element, store.Value, lines, pad, firstAndLast: false);
                        break;
                    case CallStmt call when activeLocals.Contains(call.Target):
                        EmitReverseCall(call, lines, pad);
                        break;
                    case BufferStmt buffer when !topLevel && activeBuffers.Contains(buffer.Name):
                        lines.Add(pad + BufferAdjoint(buffer.Name) + ".Clear();");
                        break;
                    case LoopStmt loop:
                        {
                            var count = Name("m", IdOf(loop));
                            if (loop.HasBreak)
                            {
                                lines.Add(pad + "int " + count + " = (int)" + Tape + ".Pop();");
                            }

                            var body = new List<string>();
                            var windows = OpenWindows(loop, "u", forward: false, reverse: true);
                            EmitReverse(loop.Body, body, indent + 1, topLevel: false);
                            if (body.Count == 0)
                            {
                                CloseWindows(windows, body, new List<string>(), pad);
                                break;
                            }

                            CloseWindows(windows, body, lines, pad);
                            lines.Add(pad + (Commutes(loop) ? ForwardHeader(loop) : ReverseHeader(loop, loop.HasBreak ? count : null)));
                            lines.Add(pad + "{");
                            lines.AddRange(body);
                            lines.Add(pad + "}");
                            break;
                        }

                    case WhileStmt loop:
                        {
                            var count = Name("m", IdOf(loop));
                            lines.Add(pad + "int " + count + " = (int)" + Tape + ".Pop();");
                            var body = new List<string>();
                            EmitReverse(loop.Body, body, indent + 1, topLevel: false);
                            if (body.Count > 0)
                            {
                                lines.Add(pad + "for (; " + count + " > 0; " + count + "--)");
                                lines.Add(pad + "{");
                                lines.AddRange(body);
                                lines.Add(pad + "}");
                            }

                            break;
                        }

                    case IfStmt branch:
                        {
                            var whenTrue = new List<string>();
                            var whenFalse = new List<string>();
                            EmitReverse(branch.Then, whenTrue, indent + 1, topLevel: false);
                            EmitReverse(branch.Else, whenFalse, indent + 1, topLevel: false);
                            var taped = tapedBranches[branch];
                            if (!taped && whenTrue.Count == 0 && whenFalse.Count == 0)
                            {
                                break;
                            }

                            var negate = whenTrue.Count == 0;
                            var condition = taped
                                ? Tape + ".Pop() " + (negate ? "==" : "!=") + " 0.0"
                                : Condition(negate ? Ex.Not(branch.Predicate) : branch.Predicate);
                            if (negate)
                            {
                                (whenTrue, whenFalse) = (whenFalse, whenTrue);
                            }

                            lines.Add(pad + "if (" + condition + ")");
                            lines.Add(pad + "{");
                            lines.AddRange(whenTrue);
                            lines.Add(pad + "}");
                            if (whenFalse.Count > 0)
                            {
                                lines.Add(pad + "else");
                                lines.Add(pad + "{");
                                lines.AddRange(whenFalse);
                                lines.Add(pad + "}");
                            }

                            break;
                        }
                }
            }
        }

        // firstAndLast: a declaration outside loops; nothing before it reads the adjoint it leaves.
        private void EmitReverseAssignment(Stmt statement, string target, Expr written, List<string> lines, string pad, bool firstAndLast)
        {
            var plan = PlanOf(statement, target, written);
            if (!IsActive(target))
            {
                return;
            }

            var popped = new string[plan.Taped.Count];
            for (var i = plan.Taped.Count - 1; i >= 0; i--)
            {
                if (readInPlace.Contains(statement))
                {
                    popped[i] = Name("p", plan.Id) + "_" + i.ToString(CultureInfo.InvariantCulture); // still in scope, unchanged
                    continue;
                }

                popped[i] = Name("q", plan.Id) + "_" + i.ToString(CultureInfo.InvariantCulture);
                lines.Add(pad + "double " + popped[i] + " = " + Tape + ".Pop();");
            }

            var adjoint = Adjoint(target);
            var self = plan.Partials.FirstOrDefault(p => p.Key == target).Value;
            var isAccumulator = self is Constant { Value: 1.0 };
            if (plan.Partials.All(p => p.Key == target && isAccumulator))
            {
                // Nothing flows back. A value assigned again in a loop still starts its next (earlier) instance at zero.
                if (!isAccumulator && !firstAndLast)
                {
                    lines.Add(pad + adjoint + " = 0.0;");
                }

                return;
            }

            string seed;
            if (isAccumulator || firstAndLast)
            {
                seed = adjoint;
            }
            else
            {
                seed = Name("g", plan.Id);
                lines.Add(pad + "double " + seed + " = " + adjoint + ";");
                lines.Add(pad + adjoint + " = 0.0;");
            }

            var outputs = new List<EmitOutput>();
            var targets = new List<string>();
            var readAlways = new HashSet<string>(UnconditionalLeaves(plan.Value));
            foreach (var pair in plan.Partials)
            {
                if (isAccumulator && pair.Key == target)
                {
                    continue;
                }

                var partial = plan.FromTape.TryGetValue(pair.Value, out var fromTape) ? fromTape.Rebuild(Ex.Var(popped[fromTape.Index])) : pair.Value;
                var contribution = Ex.Mul(Ex.Var(seed), partial);
                if (contribution is Variable v)
                {
                    AddTo(targets, pad, pair.Key, v.Name, readAlways);
                    continue;
                }

                var temp = Name("c", plan.Id) + "_" + outputs.Count.ToString(CultureInfo.InvariantCulture);
                outputs.Add(new EmitOutput(temp, contribution, true));
                AddTo(targets, pad, pair.Key, temp, readAlways);
            }

            foreach (var line in CodeEmitter.Emit(outputs, Name("e", plan.Id) + "_", windowLeaves))
            {
                lines.Add(pad + line);
            }

            lines.AddRange(targets);
        }

        /// <summary>
        /// <c>adjoint += amount;</c>. For an element the value reads only on some paths (one branch
        /// of a ?:, the right side of &amp;&amp;), the index may be out of range on the others
        /// (<c>j &gt; 0 ? v[j - 1] : 0</c> at j = 0), where the element's contribution is zero: the add is
        /// guarded by the index's range, not by the amount, which is NaN rather than zero when the
        /// adjoint is NaN or infinite (0 · ∞). A windowed element is read at the loop's own counter, in range.
        /// </summary>
        private void AddTo(List<string> lines, string pad, string leaf, string amount, HashSet<string> readAlways)
        {
            var line = Adjoint(leaf) + " += " + amount + ";";
            var parsed = Leaf.Parse(leaf);
            if (!parsed.IsElement || readAlways.Contains(leaf) || windowTexts.ContainsKey(leaf))
            {
                lines.Add(pad + line);
                return;
            }

            var array = bufferNames.Contains(parsed.Array!) ? BufferAdjoint(parsed.Array!) : gradients[parsed.Array!];
            lines.Add(pad + "if ((uint)(" + parsed.Index + ") < (uint)" + array + ".Length)");
            lines.Add(pad + "{");
            lines.Add(pad + "    " + line);
            lines.Add(pad + "}");
        }

        /// <summary>The double arguments whose values a later statement may change: kept on the tape for the second call.</summary>
        private List<CallArg> TapedArguments(CallStmt call) => call.Arguments.Where(a => a.Scalar != null && !IsStable(a.Scalar)).ToList();

        /// <summary>
        /// The reverse of <c>t = f(spans, doubles)</c>: call <c>fWithGradient</c> on the same
        /// arguments (doubles that changed since come back from the tape), then add its gradient,
        /// times the adjoint of t, into the caller's adjoints: element by element over each span's window.
        /// </summary>
        private void EmitReverseCall(CallStmt call, List<string> lines, string pad)
        {
            var id = IdOf(call);
            var inner = pad + "    ";
            lines.Add(pad + "{");
            var seed = Name("g", id);
            lines.Add(inner + "double " + seed + " = " + Adjoint(call.Target) + ";");
            lines.Add(inner + Adjoint(call.Target) + " = 0.0;");
            var taped = TapedArguments(call);
            var values = new Dictionary<CallArg, string>(ByReference<CallArg>.Instance);
            for (var i = taped.Count - 1; i >= 0; i--)
            {
                var name = Name("v", id) + "_" + i.ToString(CultureInfo.InvariantCulture);
                lines.Add(inner + "double " + name + " = " + Tape + ".Pop();");
                values[taped[i]] = name;
            }

            var arguments = new List<string>();
            var gradientArguments = new List<string>();
            var accumulate = new List<string>();
            var rented = new List<string>();
            for (var i = 0; i < call.Arguments.Count; i++)
            {
                var argument = call.Arguments[i];
                arguments.Add(argument.Code ?? (values.TryGetValue(argument, out var v) ? v : Code(argument.Scalar!)));
                if (!argument.HasGradient)
                {
                    continue;
                }

                var gradient = Name("b", id) + "_" + i.ToString(CultureInfo.InvariantCulture);
                if (argument.Scalar is { } scalar)
                {
                    gradientArguments.Add("out double " + gradient);
                    foreach (var leaf in Leaves(scalar).Where(IsActive))
                    {
                        accumulate.Add(inner + Adjoint(leaf) + " += " + seed + " * " + gradient + ";");
                    }

                    continue;
                }

                lines.Add(inner + "double[] " + gradient + " = global::System.Buffers.ArrayPool<double>.Shared.Rent(" + argument.Length + ");");
                rented.Add(gradient);
                gradientArguments.Add("new global::System.Span<double>(" + gradient + ", 0, " + argument.Length + ")");
                if (IsActive(argument))
                {
                    var k = Name("k", id);
                    var offset = argument.Offset == "0" ? string.Empty : Operand(argument.Offset!) + " + ";
                    accumulate.Add(inner + "for (int " + k + " = 0; " + k + " < " + argument.Length + "; " + k + "++)");
                    accumulate.Add(inner + "{");
                    accumulate.Add(inner + "    " + gradients[argument.Array!] + "[" + offset + k + "] += " + seed + " * " + gradient + "[" + k + "];");
                    accumulate.Add(inner + "}");
                }
            }

            lines.Add(inner + call.Callee + "WithGradient(" + string.Join(", ", arguments.Concat(gradientArguments)) + ");");
            lines.AddRange(accumulate);
            foreach (var array in rented)
            {
                lines.Add(inner + "global::System.Buffers.ArrayPool<double>.Shared.Return(" + array + ");");
            }

            lines.Add(pad + "}");
        }

        /// <summary>
        /// True when the reverse sweeps of the loop's iterations can run in any order: they read
        /// nothing from the tape, and the only values from outside that the body assigns are sums
        /// (whose adjoint does not change) it does not otherwise read. Such a loop is reversed
        /// counting up, as it was written, which is kinder to caches and prefetchers.
        /// </summary>
        private bool Commutes(LoopStmt loop)
        {
            var inside = All(loop.Body).ToList();
            if (loop.HasBreak || inside.Any(s => s is JumpStmt or StoreStmt or WhileStmt or CallStmt or LoopStmt { HasBreak: true } || (s is IfStmt && tapedBranches.TryGetValue(s, out var taped) && taped)))
            {
                return false;
            }

            var declaredInside = new HashSet<string>(inside.OfType<AssignStmt>().Where(a => a.Declare).Select(a => a.Target));
            foreach (var assign in inside.OfType<AssignStmt>())
            {
                var plan = PlanOf(assign, assign.Target, assign.Value);
                if (plan.Taped.Count > 0)
                {
                    return false;
                }

                if (declaredInside.Contains(assign.Target) || !IsActive(assign.Target))
                {
                    continue;
                }

                var self = plan.Partials.FirstOrDefault(p => p.Key == assign.Target).Value;
                if (self is not Constant { Value: 1.0 } || inside.Any(s => s != assign && ReadsOf(s).Contains(assign.Target) && !(s is AssignStmt other && other.Target == assign.Target)))
                {
                    return false;
                }
            }

            return true;
        }

        private static string ReverseHeader(LoopStmt loop, string? count)
        {
            var v = loop.Variable;
            var start = Operand(loop.Start);
            var end = Operand(loop.End);
            if (count != null)
            {
                var first = loop.Start == "0" ? count + " - 1" : start + " + " + count + " - 1";
                return loop.Step > 0
                    ? "for (int " + v + " = " + first + "; " + v + " >= " + start + "; " + v + "--)"
                    : "for (int " + v + " = " + start + " - " + count + " + 1; " + v + " <= " + start + "; " + v + "++)";
            }

            if (loop.Step > 0)
            {
                return "for (int " + v + " = " + (loop.Inclusive ? loop.End : end + " - 1") + "; " + v + " >= " + start + "; " + v + "--)";
            }

            return "for (int " + v + " = " + (loop.Inclusive ? loop.End : end + " + 1") + "; " + v + " <= " + start + "; " + v + "++)";
        }

        /// <summary>Int code as an operand of + or -: parenthesized unless it is a name, a number, a call or an element.</summary>
        private static string Operand(string code)
        {
            var depth = 0;
            foreach (var c in code)
            {
                depth += c is '(' or '[' ? 1 : c is ')' or ']' ? -1 : 0;
                if (depth == 0 && c is ' ' or '+' or '-' or '*' or '/' or '%' or '?' or ':')
                {
                    return "(" + code + ")";
                }
            }

            return code;
        }
    }
}
