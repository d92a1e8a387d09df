using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Gradwise.Flow;

/// <summary>
/// What a file's using directives and namespace declarations say about the namespaces its code can name: read from the
/// compilation unit and its namespace declarations only, never from member bodies, so knowing it for every file of a
/// large compilation costs next to nothing.
/// </summary>
internal sealed class TreeHeader
{
    private readonly HashSet<string> namespaces = new(System.StringComparer.Ordinal);
    private readonly HashSet<string> imports = new(System.StringComparer.Ordinal);

    private TreeHeader()
    {
    }

    /// <summary>Namespaces named by <c>global using</c> directives in this file (they apply to every file).</summary>
    public HashSet<string> GlobalImports { get; } = new(System.StringComparer.Ordinal);

    /// <summary>True when the file has an alias or static using, whose reach the header does not tell.</summary>
    public bool HasOpaqueUsing { get; private set; }

    /// <summary>Reads the header of <paramref name="tree"/>.</summary>
    public static TreeHeader Of(SyntaxTree tree, System.Threading.CancellationToken cancellationToken)
    {
        var header = new TreeHeader();
        if (tree.GetRoot(cancellationToken) is CompilationUnitSyntax unit)
        {
            header.Read(unit.Usings);
            header.Read(unit.Members, outer: null);
        }

        return header;
    }

    /// <summary>
    /// The namespaces whose types code in this file can name without going through inference: those it declares code in and
    /// their outer namespaces, and those it imports.
    /// </summary>
    public IEnumerable<string> SeenNamespaces()
    {
        foreach (var declared in namespaces)
        {
            for (var name = declared; name.Length > 0; name = name.LastIndexOf('.') is var dot and >= 0 ? name.Substring(0, dot) : string.Empty)
            {
                yield return name;
            }
        }

        foreach (var imported in imports)
        {
            yield return imported;
        }
    }

    private void Read(SyntaxList<MemberDeclarationSyntax> members, string? outer)
    {
        foreach (var member in members)
        {
            if (member is BaseNamespaceDeclarationSyntax declaration)
            {
                var name = outer is null ? declaration.Name.ToString() : outer + "." + declaration.Name;
                namespaces.Add(name);
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
                imports.Add(importedName);
                if (directive.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword))
                {
                    GlobalImports.Add(importedName);
                }
            }
        }
    }
}
