using System.Collections.Generic;
using System.Linq;

namespace Gradwise.Symbolic;

/// <summary>
/// The adjoint of a value a loop method computes, in closed form: ∂result/∂<see cref="Quantity"/> for one pass
/// through the loops around it (one row, one class), as the doc comments and the <c>M_d…</c> constants show it.
/// </summary>
/// <param name="Quantity">The value as the user reads it: a local (<c>z</c>) or a buffer element at its loop counter (<c>s[c]</c>).</param>
/// <param name="Name">The local or buffer's name, for the constant's name.</param>
/// <param name="Adjoint">The simplified adjoint, over the values of the same pass and Iverson brackets <c>(c == labels[i] ? 1 : 0)</c>.</param>
public sealed record ClosedForm(string Quantity, string Name, Expr Adjoint);

// Closed forms of adjoints: the softmax cross-entropy's ∂loss/∂s[c] = (Exp(s[c] - m) / sum - [c = labels[i]]) / n.
public static partial class ReverseEmitter
{
    private sealed partial class Emission
    {
        /// <summary>
        /// The adjoints that have a closed form, for the values whose adjoint is worth reading: those used in a
        /// nonlinear way (a logit, a probability, a hidden activation), not the sums and copies that pass an adjoint on.
        /// </summary>
        /// <remarks>
        /// An adjoint is the sum, over the statements that read the value, of the reader's adjoint times the local
        /// partial. It is one expression when every reader runs once per pass of the value's loops:
        /// <list type="bullet">
        /// <item>a local is declared once per pass and then only accumulated (<c>z = b; z += w[j] * x[i * d + j]</c>), and read
        /// after its last update, outside any loop that updates it and in no deeper loop (a read repeated k times would sum k terms);</item>
        /// <item>a buffer is stored once, at its loop's counter (<c>s[c] = t</c>), and read after that loop in the same pass:
        /// in a loop over the same range at that loop's counter (renamed to the store's: the sum over c₂ of [c₂ = c]·f(c₂) is f(c)),
        /// or once at any other index e, which contributes [c = e]·f;</item>
        /// <item>a local read by a value that is a plain local of the same pass is inlined into that local's readers before the
        /// partial is taken, so the simplifier sees the whole composition (∂/∂z of the log-loss of Sigmoid(z) is Sigmoid(z) − y).</item>
        /// </list>
        /// Any while loop, call, changing int, jump or branch over statements (other than one that only moves a detached shift)
        /// leaves the method without closed forms: the adjoint would then depend on which path ran.
        /// </remarks>
        public List<ClosedForm> FindClosedForms()
        {
            var forms = new List<ClosedForm>();
            try
            {
                var analysis = new ClosedFormAnalysis(this);
                if (!analysis.Supported)
                {
                    return forms;
                }

                foreach (var local in procedure.Locals.Where(activeLocals.Contains))
                {
                    if (analysis.IsWorthShowing(local, isBuffer: false) && analysis.AdjointOf(local, isBuffer: false) is { } adjoint)
                    {
                        forms.Add(new ClosedForm(local, local, adjoint));
                    }
                }

                foreach (var buffer in procedure.Buffers.Select(b => b.Name).Where(activeBuffers.Contains))
                {
                    if (analysis.IsWorthShowing(buffer, isBuffer: true) && analysis.AdjointOf(buffer, isBuffer: true) is { } adjoint)
                    {
                        forms.Add(new ClosedForm(buffer + "[" + analysis.CounterOf(buffer) + "]", buffer, adjoint));
                    }
                }
            }
            catch (System.Exception e) when (e is System.InvalidOperationException or System.NotSupportedException)
            {
                // A shape the analysis does not follow after all: no closed forms, never a wrong one.
                forms.Clear();
            }

            return forms;
        }

        /// <summary>The statements of a procedure in program order, each with the loops around it, and the adjoints derived from them.</summary>
        private sealed class ClosedFormAnalysis
        {
            private const int MaxTerms = 64;
            private readonly Emission emission;
            private readonly List<Site> sites = new();
            private readonly Dictionary<string, Expr?> memo = new(System.StringComparer.Ordinal);
            private readonly HashSet<string> inProgress = new(System.StringComparer.Ordinal);

            public ClosedFormAnalysis(Emission emission)
            {
                this.emission = emission;
                Supported = Flatten(emission.procedure.Body, new List<LoopStmt>());
            }

            /// <summary>False when the method has a statement after which adjoints depend on the path taken.</summary>
            public bool Supported { get; }

            private Procedure Procedure => emission.procedure;

            /// <summary>The counter a buffer is stored at (<c>c</c> in <c>s[c] = t</c>).</summary>
            public string CounterOf(string buffer) => ((IntVariable)StoreOf(buffer)!.Statement.Index).Name;

            private StoreSite? StoreOf(string buffer)
            {
                var stores = sites.Where(s => s.Statement is StoreStmt store && store.Buffer == buffer).ToList();
                if (stores.Count != 1 || stores[0].Loops.Count == 0)
                {
                    return null;
                }

                var site = stores[0];
                var store = (StoreStmt)site.Statement;
                var loop = site.Loops[site.Loops.Count - 1];
                return store.Index is IntVariable counter && counter.Name == loop.Variable ? new StoreSite(site, store, loop) : null;
            }

            /// <summary>True when some statement reads the value with a partial that is not a constant.</summary>
            public bool IsWorthShowing(string name, bool isBuffer) =>
                sites.Any(s => ValueOf(s.Statement) is { } value && !IsDetachedTarget(s.Statement)
                    && Leaf.In(value).Any(leaf => (isBuffer ? leaf.Array == name : !leaf.IsElement && leaf.Name == name)
                        && Simplifier.Simplify(Differentiator.Differentiate(value, leaf.Name)) is not Constant));

            /// <summary>∂result/∂(the value) for one pass of its loops, simplified; null when it has no closed form.</summary>
            public Expr? AdjointOf(string name, bool isBuffer)
            {
                var key = (isBuffer ? "[]" : string.Empty) + name;
                if (memo.TryGetValue(key, out var known))
                {
                    return known;
                }

                if (!inProgress.Add(key))
                {
                    throw new System.InvalidOperationException("a value whose adjoint depends on itself");
                }

                var terms = isBuffer ? BufferTerms(name) : LocalTerms(name);
                var adjoint = terms == null ? null : Simplifier.Simplify(Ex.Add(terms));
                inProgress.Remove(key);
                memo[key] = adjoint;
                return adjoint;
            }

            /// <summary>The contributions to a local's adjoint, or null when they are not one expression per pass.</summary>
            private List<Expr>? LocalTerms(string local)
            {
                var assignments = sites.Where(s => s.Statement is AssignStmt a && a.Target == local).ToList();
                if (assignments.Count == 0 || !((AssignStmt)assignments[0].Statement).Declare)
                {
                    return null;
                }

                var scope = assignments[0].Loops;
                var updates = assignments.Skip(1).ToList();
                if (updates.Any(u => !IsUpdate((AssignStmt)u.Statement) || !StartsWith(u.Loops, scope)))
                {
                    return null;
                }

                var last = assignments.Max(a => a.Order);
                var terms = new List<Expr>();
                foreach (var reader in sites.Where(s => !updates.Contains(s) && !IsDetachedTarget(s.Statement) && ValueOf(s.Statement) is { } v && Differentiator.DependsOn(v, local)))
                {
                    // Read after its last update, in the same pass, and once per pass.
                    if (reader.Order < last || !StartsWith(reader.Loops, scope) || reader.Loops.Count != scope.Count)
                    {
                        return null;
                    }

                    if (!AddReader(terms, reader, ValueOf(reader.Statement)!, local, Ex.One))
                    {
                        return null;
                    }
                }

                if (Differentiator.DependsOn(Procedure.Result, local))
                {
                    if (scope.Count > 0)
                    {
                        return null;
                    }

                    terms.Add(Differentiator.Differentiate(Simplifier.Simplify(Procedure.Result), local));
                }

                return terms;
            }

            /// <summary>The contributions to an element's adjoint at the store's counter, or null.</summary>
            private List<Expr>? BufferTerms(string buffer)
            {
                if (StoreOf(buffer) is not { } store || Differentiator.DependsOn(Procedure.Result, buffer) || Leaf.In(Procedure.Result).Any(l => l.Array == buffer))
                {
                    return null;
                }

                var scope = store.Site.Loops.Take(store.Site.Loops.Count - 1).ToList();
                var counter = store.Loop.Variable;
                var terms = new List<Expr>();
                foreach (var reader in sites)
                {
                    if (IsDetachedTarget(reader.Statement) || ValueOf(reader.Statement) is not { } value || !Leaf.In(value).Any(l => l.Array == buffer))
                    {
                        continue;
                    }

                    // After the storing loop, in the same pass of the loops around it.
                    if (reader.Order < store.Site.Order || !StartsWith(reader.Loops, scope) || reader.Loops.Skip(scope.Count).Contains(store.Loop, ByReference<LoopStmt>.Instance))
                    {
                        return null;
                    }

                    foreach (var leaf in Leaf.In(value).Where(l => l.Array == buffer).ToList())
                    {
                        var inner = reader.Loops.Skip(scope.Count).ToList();
                        var readerValue = value;
                        Expr weight;
                        if (inner.Count == 1 && leaf.Index is IntVariable at && at.Name == inner[0].Variable && SameRange(inner[0], store.Loop)
                            && !DeclaresInts(inner[0]))
                        {
                            // Σ over the reading loop's counter of [counter = c]·f(counter) is f(c).
                            readerValue = RenameInt(value, at.Name, counter);
                            weight = Ex.One;
                        }
                        else if (inner.Count == 0 && leaf.Index is { } index && !index.Names().Contains(counter))
                        {
                            weight = Ex.Cond(Ex.Equal(Ex.Int(IntExpr.Var(counter)), Ex.Int(index)), Ex.One, Ex.Zero);
                        }
                        else
                        {
                            return null;
                        }

                        var read = weight is Constant ? Ex.Element(buffer, IntExpr.Var(counter)) : leaf;
                        if (!AddReader(terms, reader, readerValue, read.Name, weight))
                        {
                            return null;
                        }
                    }
                }

                return terms;
            }

            /// <summary>
            /// Adds the reader's adjoint times ∂value/∂leaf (times <paramref name="weight"/>), first inlining a plain local the
            /// reader declares into the statements that read it, so the partial is taken of the whole composition.
            /// </summary>
            private bool AddReader(List<Expr> terms, Site reader, Expr value, string leaf, Expr weight)
            {
                if (terms.Count > MaxTerms)
                {
                    return false;
                }

                switch (reader.Statement)
                {
                    case AssignStmt a when emission.detached.Contains(a.Target):
                        return true; // the result does not depend on a detached shift: its adjoint is 0
                    case AssignStmt { Declare: true } a when IsPlain(a.Target, reader) is { } readers:
                        foreach (var next in readers)
                        {
                            var inlined = Substitute(ValueOf(next.Statement)!, a.Target, value);
                            if (!AddReader(terms, next, inlined, leaf, weight))
                            {
                                return false;
                            }
                        }

                        if (Differentiator.DependsOn(Procedure.Result, a.Target))
                        {
                            var result = Simplifier.Simplify(Procedure.Result);
                            terms.Add(Ex.Mul(weight, Differentiator.Differentiate(Substitute(result, a.Target, value), leaf)));
                        }

                        return true;
                    case AssignStmt a when AdjointOf(a.Target, isBuffer: false) is { } adjoint:
                        terms.Add(Ex.Mul(new[] { weight, adjoint, Partial(value, leaf) }));
                        return true;
                    case StoreStmt s when AdjointOf(s.Buffer, isBuffer: true) is { } adjoint && s.Index is IntVariable at && at.Name == CounterOf(s.Buffer):
                        terms.Add(Ex.Mul(new[] { weight, adjoint, Partial(value, leaf) }));
                        return true;
                    default:
                        return false;
                }
            }

            /// <summary>The partial after the simplifier's identities (so Log(Sigmoid(z)) is differentiated as −Softplus(−z)).</summary>
            private static Expr Partial(Expr value, string leaf) => Differentiator.Differentiate(Simplifier.Simplify(value), leaf);

            /// <summary>
            /// For a local declared once and never updated, whose readers all run once per pass after it: those readers
            /// (the local can then be inlined into them); else null.
            /// </summary>
            private List<Site>? IsPlain(string local, Site declaration)
            {
                if (sites.Count(s => s.Statement is AssignStmt a && a.Target == local) != 1)
                {
                    return null;
                }

                var readers = sites.Where(s => ValueOf(s.Statement) is { } v && Differentiator.DependsOn(v, local)).ToList();
                return readers.All(r => r.Order > declaration.Order && r.Loops.Count == declaration.Loops.Count && StartsWith(r.Loops, declaration.Loops))
                    ? readers
                    : null;
            }

            /// <summary><c>v = v + e</c> (or <c>v − e</c>) with e not reading v: the adjoint passes through unchanged.</summary>
            private static bool IsUpdate(AssignStmt update)
            {
                var self = Ex.Var(update.Target);
                return Simplifier.Simplify(Differentiator.Differentiate(update.Value, update.Target)) is Constant { Value: 1.0 }
                    && !Differentiator.DependsOn(Simplifier.Simplify(Ex.Sub(update.Value, self)), update.Target);
            }

            private bool IsDetachedTarget(Stmt statement) => statement is AssignStmt a && emission.detached.Contains(a.Target);

            private static Expr? ValueOf(Stmt statement) => statement switch
            {
                AssignStmt a => a.Value,
                StoreStmt s => s.Value,
                _ => null,
            };

            private static bool StartsWith(List<LoopStmt> loops, List<LoopStmt> prefix) =>
                loops.Count >= prefix.Count && prefix.Select((l, i) => ReferenceEquals(loops[i], l)).All(x => x);

            private static bool SameRange(LoopStmt a, LoopStmt b) =>
                a.Start.Equals(b.Start) && a.End.Equals(b.End) && a.Step == b.Step && a.Inclusive == b.Inclusive && !a.HasBreak && !b.HasBreak;

            private static bool DeclaresInts(LoopStmt loop) => All(loop.Body).Any(s => s is IntStmt);

            /// <summary>Flattens the body; false at the first statement that makes adjoints path-dependent.</summary>
            private bool Flatten(Block block, List<LoopStmt> loops)
            {
                foreach (var statement in block.Statements)
                {
                    switch (statement)
                    {
                        case AssignStmt or StoreStmt or IntStmt or BufferStmt:
                            sites.Add(new Site(statement, sites.Count, loops));
                            break;
                        case LoopStmt loop when !loop.HasBreak:
                            if (!Flatten(loop.Body, new List<LoopStmt>(loops) { loop }))
                            {
                                return false;
                            }

                            break;
                        case TensorStmt tensor:
                            if (!Flatten(tensor.Expanded, loops))
                            {
                                return false;
                            }

                            break;
                        case IfStmt branch when All(branch.Then).Concat(All(branch.Else)).All(s => s is AssignStmt a && emission.detached.Contains(a.Target)):
                            break; // moves a shift the result does not depend on
                        default:
                            return false;
                    }
                }

                return true;
            }

            /// <summary><paramref name="e"/> with every read of the local <paramref name="name"/> replaced by <paramref name="value"/>.</summary>
            private static Expr Substitute(Expr e, string name, Expr value) => e switch
            {
                Variable v when !v.IsElement && v.IntValue == null && v.Name == name => value,
                Variable or Constant => e,
                _ => Simplifier.Rebuild(e, e.Children.Select(c => Substitute(c, name, value)).ToArray()),
            };

            /// <summary><paramref name="e"/> with the int counter <paramref name="from"/> renamed <paramref name="to"/> in every index and int it reads.</summary>
            private static Expr RenameInt(Expr e, string from, string to) => e switch
            {
                Variable { IntValue: { } value } => Ex.Int(RenameInt(value, from, to)),
                Variable { Array: { } array, Index: { } index } => Ex.Element(array, RenameInt(index, from, to)),
                Variable or Constant => e,
                _ => Simplifier.Rebuild(e, e.Children.Select(c => RenameInt(c, from, to)).ToArray()),
            };

            private static IntExpr RenameInt(IntExpr e, string from, string to) => e switch
            {
                IntVariable v when v.Name == from => IntExpr.Var(to),
                IntBinary b => IntExpr.Binary(b.Operator, RenameInt(b.Left, from, to), RenameInt(b.Right, from, to)),
                IntNegation n => new IntNegation(RenameInt(n.Operand, from, to)),
                IntElement x => new IntElement(x.Array, RenameInt(x.Index, from, to)),
                IntRow r => new IntRow(RenameInt(r.Row, from, to), RenameInt(r.Column, from, to)),
                IntGrid g => new IntGrid(RenameInt(g.Row, from, to), RenameInt(g.Column, from, to)),
                IntRowLength l => new IntRowLength(l.Array, RenameInt(l.Row, from, to)),
                IntExtremum m => new IntExtremum(m.IsMax, RenameInt(m.Left, from, to), RenameInt(m.Right, from, to)),
                IntTruncation t => new IntTruncation(RenameInt(t.Value, from, to)),
                _ => e,
            };

            private sealed record Site(Stmt Statement, int Order, List<LoopStmt> Loops);

            private sealed record StoreSite(Site Site, StoreStmt Statement, LoopStmt Loop);
        }
    }
}
