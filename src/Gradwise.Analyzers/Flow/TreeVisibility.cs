using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Gradwise.Flow;

/// <summary>
/// Which namespaces' types a file's code can name: what its using directives and namespace declarations say (read from the
/// compilation unit and its namespace declarations only, never from member bodies), and the identifiers its text writes right
/// before a dot (a namespace spelled out in a qualified name). Read once per tree and kept with the tree's candidates, so after
/// an edit only the edited file is read again.
/// </summary>
internal sealed class TreeVisibility
{
    private readonly HashSet<string> seen = new(System.StringComparer.Ordinal);
    private readonly HashSet<string> dotted = new(System.StringComparer.Ordinal);

    private TreeVisibility()
    {
    }

    /// <summary>Namespaces named by <c>global using</c> directives in this file (they apply to every file).</summary>
    public HashSet<string> GlobalImports { get; } = new(System.StringComparer.Ordinal);

    /// <summary>True when the file has an alias or static using, whose reach the header does not tell.</summary>
    public bool HasOpaqueUsing { get; private set; }

    /// <summary>Reads what <paramref name="tree"/>, whose text is <paramref name="text"/>, can name.</summary>
    public static TreeVisibility Read(SyntaxTree tree, string text)
    {
        var visibility = new TreeVisibility();
        if (tree.GetRoot() is CompilationUnitSyntax unit)
        {
            visibility.Read(unit.Usings);
            visibility.Read(unit.Members, outer: null);
        }

        DottedIdentifiers(text, visibility.dotted);
        return visibility;
    }

    /// <summary>
    /// True when code in this file can name a type of namespace <paramref name="ns"/> (not the global one) without going
    /// through inference: the file declares code in it or inside it, imports it, or writes its last identifier before a dot.
    /// </summary>
    /// <param name="ns">The namespace.</param>
    /// <param name="last">Its last identifier.</param>
    public bool Sees(string ns, string last) =>
        HasOpaqueUsing || seen.Contains(ns) || dotted.Contains(last);

    /// <summary>The namespaces the file declares code in (and their outer namespaces) or imports.</summary>
    public IEnumerable<string> Seen => seen;

    /// <summary>The identifiers the file's text writes right before a dot.</summary>
    public IEnumerable<string> Dotted => dotted;

    /// <summary>
    /// Every identifier the text writes right before a <c>.</c> (a superset of those in qualified names and member accesses). The
    /// same few identifiers stand before most dots (<c>Math</c>, <c>this</c>, a field): each is cut out of the text once, and later
    /// occurrences are matched in place against the last identifier cut with the same hash.
    /// </summary>
    private static void DottedIdentifiers(string text, HashSet<string> into)
    {
        var cut = new Dictionary<int, string>();
        for (var dot = text.IndexOf('.'); dot >= 0; dot = text.IndexOf('.', dot + 1))
        {
            var start = dot;
            var hash = 17;
            while (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] == '_'))
            {
                start--;
                hash = unchecked((hash * 31) + text[start]);
            }

            var length = dot - start;
            if (length == 0 || char.IsDigit(text[start])
                || (cut.TryGetValue(hash, out var known) && known.Length == length && string.CompareOrdinal(known, 0, text, start, length) == 0))
            {
                continue;
            }

            var identifier = text.Substring(start, length);
            into.Add(identifier);
            cut[hash] = identifier;
        }
    }

    private void Read(SyntaxList<MemberDeclarationSyntax> members, string? outer)
    {
        foreach (var member in members)
        {
            if (member is BaseNamespaceDeclarationSyntax declaration)
            {
                var name = outer is null ? declaration.Name.ToString() : outer + "." + declaration.Name;

                // Code declared in a namespace can name the types of it and of every namespace around it.
                for (var around = name; around.Length > 0; around = around.LastIndexOf('.') is var dot and >= 0 ? around.Substring(0, dot) : string.Empty)
                {
                    seen.Add(around);
                }

                Read(declaration.Usings);
                Read(declaration.Members, name);
            }
        }
    }

    private void Read(SyntaxList<UsingDirectiveSyntax> usings)
    {
        foreach (var directive in usings)
        {
            if (directive.Alias != null || directive.StaticKeyword.IsKind(SyntaxKind.StaticKeyword))
            {
                HasOpaqueUsing = true;
            }
            else if (directive.Name is { } imported)
            {
                var importedName = imported.ToString().Replace("global::", string.Empty);
                seen.Add(importedName);
                if (directive.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword))
                {
                    GlobalImports.Add(importedName);
                }
            }
        }
    }
}
