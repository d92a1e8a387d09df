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
    }
}
