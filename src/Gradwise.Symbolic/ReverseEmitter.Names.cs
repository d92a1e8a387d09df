using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Gradwise.Symbolic;

// The names of the generated temporaries: what they hold, after the user's names (gw_dloss_dz, gw_dz_from_loss).
public static partial class ReverseEmitter
{
    private sealed partial class Emission
    {
        private readonly Dictionary<string, string> given = new(System.StringComparer.Ordinal);
        private readonly HashSet<string> exactNames = new(System.StringComparer.Ordinal);
        private readonly List<string> familyPrefixes = new();

        /// <summary>The names every method has (adjoints, the value, the tape, the seed), reserved before any temporary is named.</summary>
        private void ReserveFixedNames()
        {
            foreach (var name in procedure.Locals.Select(Adjoint).Concat(procedure.Buffers.Select(b => BufferAdjoint(b.Name))).Concat(new[] { ValueName, Tape, SeedName }))
            {
                exactNames.Add(name);
            }
        }

        /// <summary>
        /// A temporary's name, the same each time <paramref name="key"/> asks: the prefix and <paramref name="wanted"/>, or
        /// with _2 ... _9 when another temporary has it, or with x in front when even those are taken or one of CodeEmitter's
        /// names could be it (so the search always ends: each x makes every candidate longer than before).
        /// </summary>
        private string Named(string key, string wanted)
        {
            if (given.TryGetValue(key, out var known))
            {
                return known;
            }

            for (var body = wanted; ; body = "x" + body)
            {
                for (var n = 1; n <= 9; n++)
                {
                    var candidate = prefix + body + (n == 1 ? string.Empty : "_" + n.ToString(CultureInfo.InvariantCulture));
                    if (!exactNames.Contains(candidate) && !familyPrefixes.Any(f => IsInFamily(candidate, f)))
                    {
                        exactNames.Add(candidate);
                        given[key] = candidate;
                        return candidate;
                    }
                }
            }
        }

        /// <summary>
        /// A prefix for the names CodeEmitter makes (the prefix, a counter, maybe a suffix), that no other name falls in:
        /// <paramref name="stem"/> and <paramref name="suffix"/>, with _2 ... _9 between them when taken, then x after.
        /// </summary>
        private string Family(string key, string stem, string suffix)
        {
            if (given.TryGetValue(key, out var known))
            {
                return known;
            }

            bool Taken(string f) => exactNames.Any(x => IsInFamily(x, f)) || familyPrefixes.Any(g => g == f || IsInFamily(f, g) || IsInFamily(g, f));
            var candidate = Enumerable.Range(1, 9).Select(n => prefix + stem + (n == 1 ? string.Empty : "_" + n.ToString(CultureInfo.InvariantCulture)) + suffix).FirstOrDefault(f => !Taken(f))
                ?? prefix + stem + suffix;
            while (Taken(candidate))
            {
                candidate += "x";
            }

            familyPrefixes.Add(candidate);
            given[key] = candidate;
            return candidate;
        }

        /// <summary>Gives back a family none of <paramref name="lines"/> used, for the next statement of the same name.</summary>
        private void ReleaseIfUnused(string key, IEnumerable<string> lines)
        {
            if (given.TryGetValue(key, out var family) && familyPrefixes.Contains(family) && !lines.Any(line => line.Contains(family)))
            {
                familyPrefixes.Remove(family);
                given.Remove(key);
            }
        }

        /// <summary>True when <paramref name="name"/> could be one of the family's names: the family's prefix, then a digit.</summary>
        private static bool IsInFamily(string name, string family) =>
            name.Length > family.Length && name.StartsWith(family, System.StringComparison.Ordinal) && char.IsDigit(name[family.Length]);

        /// <summary>The user's name a statement's temporaries are named after: what it assigns, or its loop's counter.</summary>
        private static string StemOf(Stmt statement) => Word(statement switch
        {
            AssignStmt a => a.Target,
            StoreStmt s => s.Buffer,
            CallStmt c => c.Target,
            LoopStmt l => l.Variable,
            _ => "loop",
        });

        /// <summary>A leaf as a word in a name: a scalar's name, an element's array (<c>w</c> for <c>w[i * d + j]</c>).</summary>
        private static string Word(Variable leaf) => Word(leaf.Root);

        private static string Word(string name) => name.Replace("@", string.Empty).Replace("this.", string.Empty).Replace('.', '_');

        /// <summary>The leaf whose partial a taped value is, when it is exactly one partial; else null.</summary>
        private static Variable? OnlyPartialAt(Plan plan, int index)
        {
            var leaves = plan.Partials.Where(p => plan.FromTape.TryGetValue(p.Value, out var kept) && kept.Index == index).Select(p => p.Key).ToList();
            return leaves.Count == 1 ? leaves[0] : null;
        }

        /// <summary>The name of a taped partial in the forward sweep (∂loss/∂z: <c>gw_dloss_dz</c>), or of its copy read back (<c>gw_dloss_dz_kept</c>).</summary>
        private string PartialName(Plan plan, Stmt statement, int index, bool readBack)
        {
            var stem = StemOf(statement);
            var leaf = OnlyPartialAt(plan, index);
            var wanted = "d" + stem + "_" + (leaf is null ? "part" + index.ToString(CultureInfo.InvariantCulture) : "d" + Word(leaf));
            return readBack ? Named("q/" + plan.Id + "/" + index, wanted + "_kept") : Named("p/" + plan.Id + "/" + index, wanted);
        }
    }
}
