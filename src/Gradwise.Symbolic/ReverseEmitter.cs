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
/// <param name="ClosedForms">The adjoints of values the method computes that have a closed form (see <see cref="ClosedForm"/>), in declaration order.</param>
public sealed record ReverseCode(IReadOnlyList<string> Lines, string ValueName, IReadOnlyList<string> Steps, bool UsesTape, int TapedPerStatement, int FusedLoops, IReadOnlyList<ClosedForm> ClosedForms);

/// <summary>The bodies of a procedure's split forward and reverse sweeps (see <see cref="ReverseEmitter.EmitSplit"/>).</summary>
/// <param name="Forward">The forward sweep up to its return, which the caller writes (it returns <paramref name="ValueName"/>).</param>
/// <param name="Reverse">The reverse sweep: it adds <paramref name="SeedName"/> times the gradient into the gradient parameters.</param>
/// <param name="ValueName">The local that holds the value at the end of the forward sweep.</param>
/// <param name="TapeName">The name of the tape parameter (passed by ref to both).</param>
/// <param name="SeedName">The name of the seed parameter of the reverse sweep.</param>
public sealed record SplitCode(IReadOnlyList<string> Forward, IReadOnlyList<string> Reverse, string ValueName, string TapeName, string SeedName);

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
public static partial class ReverseEmitter
{
    /// <summary>The method body: forward sweep, reverse sweep, <c>return</c>.</summary>
    /// <param name="procedure">The program.</param>
    /// <param name="gradients">Parameter name → gradient parameter name, for the parameters that get a gradient.</param>
    /// <param name="prefix">A prefix no name in the method starts with; every generated name starts with it.</param>
    /// <param name="arrayGradients">The arrays whose gradient is a <c>double[]</c> rather than a span (a model's gradient fields): cleared with <c>Array.Clear</c>.</param>
    /// <param name="sizedByCaller">The arrays whose gradient the caller made with the array's length (a float span's double temporary): no length check.</param>
    public static ReverseCode Emit(Procedure procedure, IReadOnlyDictionary<string, string> gradients, string prefix, IReadOnlyCollection<string>? arrayGradients = null, IReadOnlyCollection<string>? sizedByCaller = null) =>
        new Emission(procedure, gradients, prefix) { ArrayGradients = arrayGradients ?? System.Array.Empty<string>(), SizedByCaller = sizedByCaller ?? System.Array.Empty<string>() }.Run();

    /// <summary>The suffix of a method's forward sweep for generated callers: the value, keeping on the caller's tape what its reverse sweep reads.</summary>
    public const string ForwardSuffix = "GradwiseForward";

    /// <summary>The suffix of a method's reverse sweep for generated callers: adds the gradient times a seed into the caller's gradients.</summary>
    public const string ReverseSuffix = "GradwiseReverse";

    /// <summary>
    /// The two halves of reverse mode as methods of their own, for generated callers (split mode): the forward sweep,
    /// which returns the value and leaves on the caller's tape what the reverse sweep reads (its own tape entries,
    /// then the final values of the method's top-level locals), and the reverse sweep, which reads them back and adds
    /// the gradient, times a seed, into the caller's gradients. A caller then runs the callee once each way, as if
    /// its body were written inline.
    /// </summary>
    /// <param name="procedure">The program.</param>
    /// <param name="gradients">Parameter name → gradient parameter name.</param>
    /// <param name="prefix">A prefix no name in the method starts with; the tape is <c>prefix + "tape"</c>, the seed <c>prefix + "seed"</c>.</param>
    public static SplitCode EmitSplit(Procedure procedure, IReadOnlyDictionary<string, string> gradients, string prefix) =>
        new Emission(procedure, gradients, prefix).RunSplit();

    /// <summary>The lines that throw, naming both, when span or array <paramref name="gradient"/> does not have the length of <paramref name="array"/>; then a blank line.</summary>
    public static IEnumerable<string> LengthCheck(string array, string gradient) => new[]
    {
        "if (" + gradient + ".Length != " + array + ".Length)",
        "{",
        "    throw new global::System.ArgumentException(\"" + gradient + " must have the length of " + array + " (\" + " + array + ".Length + \"), not \" + " + gradient + ".Length + \".\", nameof(" + gradient + "));",
        "}",
        string.Empty,
    };

    /// <summary>What kind of matrix a parameter is, for <see cref="ShapeCheck"/>.</summary>
    public enum MatrixKind
    {
        /// <summary>A span or a one-dimensional array.</summary>
        None,

        /// <summary>An array of rows (<c>double[][]</c>).</summary>
        Jagged,

        /// <summary>A rectangular array (<c>double[,]</c>).</summary>
        Rectangular,
    }

    /// <summary>
    /// The lines that throw, naming both, when <paramref name="gradient"/> does not have the shape of <paramref name="array"/>: its
    /// length, every row's length for a jagged array (rows counted with <paramref name="row"/>), both dimensions for a rectangular one.
    /// </summary>
    public static IEnumerable<string> ShapeCheck(string array, string gradient, MatrixKind kind, string row)
    {
        if (kind == MatrixKind.Rectangular)
        {
            string Shape(string a) => "\" + " + a + ".GetLength(0) + \" × \" + " + a + ".GetLength(1) + \"";
            yield return "if (" + gradient + ".GetLength(0) != " + array + ".GetLength(0) || " + gradient + ".GetLength(1) != " + array + ".GetLength(1))";
            yield return "{";
            yield return "    throw new global::System.ArgumentException(\"" + gradient + " must have the shape of " + array + " (" + Shape(array) + "), not " + Shape(gradient) + ".\", nameof(" + gradient + "));";
            yield return "}";
            yield return string.Empty;
            yield break;
        }

        foreach (var line in LengthCheck(array, gradient))
        {
            yield return line;
        }

        if (kind == MatrixKind.Jagged)
        {
            yield return "for (int " + row + " = 0; " + row + " < " + array + ".Length; " + row + "++)";
            yield return "{";
            yield return "    if (" + gradient + "[" + row + "].Length != " + array + "[" + row + "].Length)";
            yield return "    {";
            yield return "        throw new global::System.ArgumentException(\"" + gradient + "[\" + " + row + " + \"] must have the length of " + array + "[\" + " + row + " + \"] (\" + " + array + "[" + row + "].Length + \"), not \" + " + gradient + "[" + row + "].Length + \".\", nameof(" + gradient + "));";
            yield return "    }";
            yield return "}";
            yield return string.Empty;
        }
    }

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
        public Plan(int id, Variable target, Expr value)
        {
            Id = id;
            Target = target;
            Value = value;
        }

        public int Id { get; }

        public Variable Target { get; }

        public Expr Value { get; }

        /// <summary>(leaf, partial) for every active leaf with a non-zero partial.</summary>
        public List<KeyValuePair<Variable, Expr>> Partials { get; } = new();

        /// <summary>The values computed in the forward sweep and taped, in push order.</summary>
        public List<Expr> Taped { get; } = new();

        /// <summary>For a partial that reads a taped value: which one, and how the partial is rebuilt from it.</summary>
        public Dictionary<Expr, (int Index, System.Func<Expr, Expr> Rebuild)> FromTape { get; } = new();
    }

    /// <summary>
    /// A window <c>var Name = GradwiseSpan.From(Span, Offset)</c> and the leaves it stands for: as values read
    /// (<paramref name="Keys"/> with IsRead) or as the places their adjoints go.
    /// </summary>
    private sealed record Window(string Name, string Span, IntExpr Offset, List<(Variable Leaf, bool IsRead)> Keys);

    /// <summary>Identity, not value equality: two equal statements at different places are different statements.</summary>
    private sealed class ByReference<T> : IEqualityComparer<T>
        where T : class
    {
        public static readonly ByReference<T> Instance = new();

        public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

        public int GetHashCode(T obj) => RuntimeHelpers.GetHashCode(obj);
    }

    private sealed partial class Emission
    {
        private readonly Procedure procedure;
        private readonly IReadOnlyDictionary<string, string> gradients;
        private readonly string prefix;
        private readonly HashSet<string> activeLocals = new();
        private readonly HashSet<string> activeBuffers = new();
        private readonly HashSet<string> stableLocals = new();

        /// <summary>Shifts the result does not depend on (<see cref="DetachShifts"/>): computed forward, no adjoint.</summary>
        private readonly HashSet<string> detached = new();
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
        private readonly Dictionary<Expr, string> windowLeaves = new();

        /// <summary>
        /// The int locals whose value the reverse sweep must restore as it goes back: those assigned after their
        /// declaration, and those declared in a loop from one of them (recomputing them would read a later value).
        /// They are declared once, at the top, so the reverse sweep sees them.
        /// </summary>
        private readonly HashSet<string> tapedInts = new();

        /// <summary>The statements inside a loop: they run more than once, so a taped int's declaration there is undone too.</summary>
        private readonly HashSet<Stmt> repeated = new(ByReference<Stmt>.Instance);
        private readonly Dictionary<Variable, string> adjointWindows = new();
        private int nextId;
        private bool usesTape;

        /// <summary>The arrays whose gradient is a <c>double[]</c>, not a span.</summary>
        public IReadOnlyCollection<string> ArrayGradients { get; init; } = System.Array.Empty<string>();

        /// <summary>The arrays whose gradient the caller sized from the array itself: their length needs no check.</summary>
        public IReadOnlyCollection<string> SizedByCaller { get; init; } = System.Array.Empty<string>();

        public Emission(Procedure procedure, IReadOnlyDictionary<string, string> gradients, string prefix)
        {
            this.procedure = procedure;
            this.gradients = gradients;
            this.prefix = prefix;
            bufferNames = new HashSet<string>(procedure.Buffers.Select(b => b.Name));
            localNames = new HashSet<string>(procedure.Locals);
            FindRepeated(procedure.Body, inLoop: false);
            FindTapedInts();
        }

        private const string WindowHelper = "global::Gradwise.Runtime.GradwiseSpan";

        private string Tape => prefix + "tape";

        private string ValueName => prefix + "Value";

        public ReverseCode Run()
        {
            ReserveFixedNames();
            FindActivity();
            DetachShifts();
            FindStableLocals();
            foreach (var statement in All(procedure.Body))
            {
                IdOf(statement); // numbered in program order, for stable names and the doc comment's order
            }

            var fused = FindFusedLoops();
            PlanTensors(fused.Keys.ToList());

            var forward = new List<string>();
            foreach (var integer in All(procedure.Body).OfType<IntStmt>().Where(IsHoisted))
            {
                forward.Add("int " + integer.Name + " = 0;");
            }

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
                var all = All(Block.Of(new[] { body[i] })).OfType<BufferStmt>().ToList();
                var declared = all.Where(b => activeBuffers.Contains(b.Name)).ToList();
                if (body[i] is not BufferStmt)
                {
                    AllocateAdjointBuffers(declared, forward);
                    AllocateScratch(all, forward);
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
                    AllocateScratch(all, forward);
                }
            }

            var reverse = new List<string>();
            var seeded = EmitSeeds(reverse, fused.Values.SelectMany(v => v.Select(p => p.Key)));
            var afterSeeds = reverse.Count;
            EmitReverse(Block.Of(body.Where(b => !(b is LoopStmt l && fused.ContainsKey(l)))), reverse, 0, topLevel: true);
            var hasReverse = seeded || reverse.Skip(afterSeeds).Any(line => line.Trim().Length > 0);

            var lines = new List<string>();
            foreach (var array in procedure.Arrays)
            {
                if (gradients.TryGetValue(array, out var gradient) && !SizedByCaller.Contains(array))
                {
                    CheckShape(lines, array, gradient);
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
                    lines.Add(procedure.Jagged.Contains(array)
                        ? "foreach (var " + Named("shape/row", "row") + " in " + gradient + ") global::System.Array.Clear(" + Named("shape/row", "row") + ", 0, " + Named("shape/row", "row") + ".Length);"
                        : procedure.Rectangular.Contains(array) || ArrayGradients.Contains(array)
                            ? "global::System.Array.Clear(" + gradient + ", 0, " + gradient + ".Length);"
                            : gradient + ".Clear();");
                }
            }

            lines.Add(fused.Count > 0
                ? "// Forward sweep: the value, keeping what the reverse sweep needs; loops marked 'fused' run their reverse sweep row by row."
                : "// Forward sweep: the value, keeping what the reverse sweep needs.");
            lines.AddRange(forward);
            lines.Add(string.Empty);
            lines.Add(hasReverse
                ? "// Reverse sweep: adjoints, from the result back to the parameters."
                : "// The value (the fused loops have already accumulated every adjoint, row by row).");
            lines.AddRange(reverse);

            if (usesTape)
            {
                lines.Add(Tape + ".Release();");
            }

            var whole = new HashSet<Stmt>(tensorPlans.Keys.SelectMany(t => All(t.Expanded)), ByReference<Stmt>.Instance);
            var steps = plans.Where(p => p.Value.Partials.Count > 0 && !whole.Contains(p.Key)).Select(p => (p.Value.Id, Text: Describe(p.Value)))
                .Concat(tensorPlans.Keys.Where(IsActiveDestination).Select(t => (Id: IdOf(t), Text: DescribeTensor(t))))
                .Concat(detached.Select(m => (Id: All(procedure.Body).Where(s => s is AssignStmt a && a.Target == m).Select(IdOf).Min(), Text: m + ": a shift the result does not depend on (it cancels between Exp(x - " + m + ") and the " + m + " added back), so ∂/∂" + m + " = 0 and it keeps no adjoint")))
                .Concat(All(procedure.Body).OfType<CallStmt>().Where(c => activeLocals.Contains(c.Target)).Select(c => (Id: IdOf(c), Text: DescribeCall(c))))
                .OrderBy(p => p.Id).Select(p => p.Text).ToList();
            return new ReverseCode(lines, ValueName, steps, usesTape, plans.Values.Select(p => p.Taped.Count).DefaultIfEmpty(0).Max(), fused.Count, FindClosedForms());
        }

        /// <summary>Throws when a gradient does not have its parameter's shape: its length, and for a jagged array every row's length, named in the message.</summary>
        private void CheckShape(List<string> lines, string array, string gradient) =>
            lines.AddRange(ShapeCheck(
                array,
                gradient,
                procedure.Rectangular.Contains(array) ? MatrixKind.Rectangular : procedure.Jagged.Contains(array) ? MatrixKind.Jagged : MatrixKind.None,
                procedure.Jagged.Contains(array) ? Named("shape/r", "r") : string.Empty));

        public SplitCode RunSplit()
        {
            splitMode = true;
            ReserveFixedNames();
            FindActivity();
            DetachShifts();
            FindStableLocals();
            foreach (var statement in All(procedure.Body))
            {
                IdOf(statement);
            }

            // No loop is fused: its reverse steps belong to the other method.
            PlanTensors(System.Array.Empty<LoopStmt>());
            var forward = new List<string>();
            foreach (var integer in All(procedure.Body).OfType<IntStmt>().Where(IsHoisted))
            {
                forward.Add("int " + integer.Name + " = 0;");
            }

            foreach (var statement in procedure.Body.Statements)
            {
                EmitForward(Block.Of(new[] { statement }), forward, 0, new List<string>());
            }

            // The value and the result's partials, computed together (they share work: tanh(z) and 1 − tanh²(z)); the partials
            // that are not constants go on the tape, for the reverse half to scale by its seed.
            var value = Simplifier.Simplify(procedure.Result);
            var outputs = new List<EmitOutput> { new(ValueName, value, true) };
            var seeds = new List<(Variable Leaf, Expr Partial, string? Name)>();
            foreach (var (leaf, partial) in ResultPartials(value))
            {
                var name = partial is Constant ? null : Named("r/" + seeds.Count.ToString(CultureInfo.InvariantCulture), "dresult_d" + Word(leaf));
                if (name != null)
                {
                    outputs.Add(new EmitOutput(name, partial, true));
                }

                seeds.Add((leaf, partial, name));
            }

            forward.AddRange(CodeEmitter.Emit(outputs, Family("r", "result", "_t")));

            // What the reverse sweep reads by name: the final values of the top-level locals and ints, and of the ints declared once at the top.
            var state = new List<(string Name, bool IsInt)>();
            foreach (var statement in procedure.Body.Statements)
            {
                switch (statement)
                {
                    case AssignStmt { Declare: true } a:
                        state.Add((a.Target, false));
                        break;
                    case CallStmt c:
                        state.Add((c.Target, false));
                        break;
                    case IntStmt i:
                        state.Add((i.Name, true));
                        break;
                }
            }

            state.AddRange(All(procedure.Body).OfType<IntStmt>().Where(IsHoisted).Select(i => (i.Name, true)));
            foreach (var (name, _) in state)
            {
                Push(forward, string.Empty, name);
            }

            foreach (var seed in seeds.Where(x => x.Name != null))
            {
                Push(forward, string.Empty, seed.Name!);
            }

            var reverse = new List<string>();
            foreach (var seed in seeds.Where(x => x.Name != null).Reverse())
            {
                reverse.Add("double " + seed.Name + " = " + Tape + ".Pop();");
            }

            for (var i = state.Count - 1; i >= 0; i--)
            {
                reverse.Add(state[i].IsInt ? "int " + state[i].Name + " = (int)" + Tape + ".Pop();" : "double " + state[i].Name + " = " + Tape + ".Pop();");
            }

            foreach (var local in procedure.Locals.Where(activeLocals.Contains))
            {
                reverse.Add("double " + Adjoint(local) + " = 0.0;");
            }

            AllocateAdjointBuffers(All(procedure.Body).OfType<BufferStmt>().Where(b => activeBuffers.Contains(b.Name)), reverse);
            AllocateScratch(All(procedure.Body).OfType<BufferStmt>(), reverse);
            var readAlways = new HashSet<Variable>(UnconditionalLeaves(value));
            foreach (var (leaf, partial, name) in seeds)
            {
                AddTo(reverse, string.Empty, leaf, SeedName + " * " + (name ?? ExprFormatter.Code.Format(partial)), readAlways);
            }

            EmitReverse(procedure.Body, reverse, 0, topLevel: true);
            return new SplitCode(forward, reverse, ValueName, Tape, SeedName);
        }

        private string SeedName => prefix + "seed";

        private void FindRepeated(Block block, bool inLoop)
        {
            foreach (var statement in block.Statements)
            {
                if (inLoop)
                {
                    repeated.Add(statement);
                }

                switch (statement)
                {
                    case LoopStmt loop:
                        FindRepeated(loop.Body, inLoop: true);
                        break;
                    case WhileStmt loop:
                        FindRepeated(loop.Body, inLoop: true);
                        break;
                    case IfStmt branch:
                        FindRepeated(branch.Then, inLoop);
                        FindRepeated(branch.Else, inLoop);
                        break;
                    case TensorStmt tensor:
                        FindRepeated(tensor.Expanded, inLoop);
                        break;
                }
            }
        }

        private void FindTapedInts()
        {
            tapedInts.UnionWith(All(procedure.Body).OfType<IntAssignStmt>().Select(a => a.Name));
            bool grew;
            do
            {
                grew = false;
                foreach (var integer in All(procedure.Body).OfType<IntStmt>())
                {
                    if (repeated.Contains(integer) && !tapedInts.Contains(integer.Name) && integer.Value.Names().Any(tapedInts.Contains))
                    {
                        tapedInts.Add(integer.Name);
                        grew = true;
                    }
                }
            }
            while (grew && tapedInts.Count > 0);
        }

        /// <summary>A taped int declared inside a loop or a branch: declared once at the top, so the reverse sweep sees it (one declared at the top level is in scope there already).</summary>
        private bool IsHoisted(IntStmt integer) => tapedInts.Contains(integer.Name) && !procedure.Body.Statements.Contains(integer, ByReference<Stmt>.Instance);

        /// <summary>For <c>k = k ± e</c> with e not reading k: the value before, <c>k ∓ e</c>, so the reverse sweep needs no tape; else null.</summary>
        private static IntExpr? InverseOf(IntAssignStmt assign) => assign.Value switch
        {
            IntBinary { Operator: IntOperator.Add, Left: IntVariable self, Right: var step } when self.Name == assign.Name && !step.Names().Contains(assign.Name)
                => IntExpr.Minus(self, step),
            IntBinary { Operator: IntOperator.Subtract, Left: IntVariable self, Right: var step } when self.Name == assign.Name && !step.Names().Contains(assign.Name)
                => IntExpr.Plus(self, step),
            _ => null,
        };

        /// <summary>The int locals the statements of <paramref name="block"/> change (assign, or declare again when taped).</summary>
        private HashSet<string> IntsChangedIn(Block block) => new(All(block).Select(s => s switch
        {
            IntAssignStmt a => a.Name,
            IntStmt i when tapedInts.Contains(i.Name) => i.Name,
            _ => null,
        }).Where(n => n != null).Select(n => n!));

        private void AllocateAdjointBuffers(IEnumerable<BufferStmt> buffers, List<string> lines)
        {
            foreach (var buffer in buffers)
            {
                var length = IntFormatter.Format(procedure.Buffers.First(b => b.Name == buffer.Name).Length);
                lines.Add("global::System.Span<double> " + BufferAdjoint(buffer.Name) + " = " + length + " <= 256 ? stackalloc double[" + length + "] : new double[" + length + "];");
                lines.Add(BufferAdjoint(buffer.Name) + ".Clear();"); // adjoints accumulate: zero what [module: SkipLocalsInit] leaves in stackalloc memory
            }
        }
    }
}
