using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Gradwise.Symbolic;

// Windows: rows of spans read and written through a span made once per row.
public static partial class ReverseEmitter
{
    private sealed partial class Emission
    {
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
            if (loop.Start is not IntConstant { Value: 0 } || loop.Step != 1 || loop.HasBreak)
            {
                return windows;
            }

            var changed = new HashSet<string>(NamesBoundIn(loop.Body, assigned: true)) { loop.Variable };
            var touched = loop.Body.Statements.SelectMany(s => s switch
            {
                AssignStmt a => UnconditionalLeaves(PlanOf(a, Ex.Var(a.Target), a.Value).Value),
                StoreStmt st => UnconditionalLeaves(PlanOf(st, st.Element, st.Value).Value).Concat(new[] { st.Element }),
                _ => Enumerable.Empty<Variable>(),
            });
            var seen = new HashSet<Variable>();
            foreach (var leaf in touched)
            {
                // An element at (offset + counter), with an offset the loop does not change; in a jagged array, in a row the loop does not change.
                var (row, position) = leaf.Index is IntRow jagged ? (jagged.Row, jagged.Column) : (null, leaf.Index);
                var offset = position switch
                {
                    IntVariable counter when counter.Name == loop.Variable && row != null => IntExpr.Zero,
                    IntBinary { Operator: IntOperator.Add, Right: IntVariable counter, Left: var left } when counter.Name == loop.Variable => left,
                    _ => null,
                };
                if (offset is null || windowLeaves.ContainsKey(leaf) || !seen.Add(leaf))
                {
                    continue;
                }

                var array = leaf.Array!;
                var isBuffer = bufferNames.Contains(array);
                var inScope = isBuffer ? !All(loop.Body).OfType<BufferStmt>().Any(b => b.Name == array) : procedure.Arrays.Contains(array);
                if (!inScope || offset.Names().Any(changed.Contains) || (row != null && row.Names().Any(changed.Contains)))
                {
                    continue;
                }

                // A row is taken with GradwiseSpan.Row, which gives an empty span for a row out of range (or null) instead of
                // throwing before the loop: the loop may run no iteration, and then the method reads no element of it.
                string Span(string a) => row is null ? a : WindowHelper + ".Row(" + a + ", " + IntFormatter.Format(row) + ")";
                if (forward || !isBuffer)
                {
                    Open(windows, kind, loop, Span(array), offset, leaf, isRead: true, stem: array);
                }

                if (reverse && IsActive(leaf))
                {
                    Open(windows, kind, loop, Span(AdjointArray(array)), offset, leaf, isRead: false, stem: AdjointArray(array));
                }
            }

            return windows;
        }

        private void Open(List<Window> windows, string kind, LoopStmt loop, string span, IntExpr offset, Variable leaf, bool isRead, string stem)
        {
            var window = windows.FirstOrDefault(w => w.Span == span && w.Offset == offset);
            if (window is null)
            {
                // Named after the span it views: gw_x_row for x (or a row x[i] of it), gw_dw_row for the gradient dw.
                var spanWord = stem.StartsWith(prefix, System.StringComparison.Ordinal) ? stem.Substring(prefix.Length).Replace("d_", "d") : stem;
                window = new Window(Named(kind + "/" + IdOf(loop) + "/" + windows.Count.ToString(CultureInfo.InvariantCulture), Word(spanWord) + (kind == "w" ? "_row" : "_row_back")), span, offset, new List<(Variable, bool)>());
                windows.Add(window);
            }

            var text = window.Name + "[" + loop.Variable + "]";
            window.Keys.Add((leaf, isRead));
            if (isRead)
            {
                windowLeaves[leaf] = text;
            }
            else
            {
                adjointWindows[leaf] = text;
            }
        }

        /// <summary>Closes the windows and declares, before the loop, those its body uses.</summary>
        /// <remarks>Whether the body uses a window is read from the lines written for it: a leaf the simplifier removed leaves its window unused.</remarks>
        private void CloseWindows(List<Window> windows, List<string> body, List<string> lines, string pad)
        {
            foreach (var window in windows)
            {
                foreach (var (leaf, isRead) in window.Keys)
                {
                    if (isRead)
                    {
                        windowLeaves.Remove(leaf);
                    }
                    else
                    {
                        adjointWindows.Remove(leaf);
                    }
                }

                var use = window.Name + "[";
                if (body.Any(line => line.Contains(use)))
                {
                    lines.Add(pad + "var " + window.Name + " = " + WindowHelper + ".From(" + window.Span + ", " + IntFormatter.Format(window.Offset) + ");");
                }
            }
        }

        /// <summary>The element as the open windows write it (<c>gw_x_row[j]</c> for <c>x[i * d + j]</c>), else the leaf's own text.</summary>
        private string Windowed(Variable leaf) => windowLeaves.TryGetValue(leaf, out var text) ? text : leaf.Name;

        /// <summary>The leaves an expression reads whichever way its conditions go: not those only one branch of a ?: or the right side of &amp;&amp; / || reads.</summary>
        private static IEnumerable<Variable> UnconditionalLeaves(Expr e) => e switch
        {
            Variable v => new[] { v },
            Conditional c => UnconditionalLeaves(c.Predicate),
            Logical { Operator: LogicalOperator.Not } not => UnconditionalLeaves(not.Children[0]),
            Logical logical => UnconditionalLeaves(logical.Children[0]),
            _ => e.Children.SelectMany(UnconditionalLeaves),
        };
    }
}
