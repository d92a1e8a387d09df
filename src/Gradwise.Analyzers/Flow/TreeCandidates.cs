using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Gradwise.Flow;

/// <summary>
/// What one syntax tree could tell the flow index, found from syntax alone: the members (method
/// bodies, accessors, initializers) that write to a name, create a type or call a method of a
/// name. Computed once per tree and kept by the analyzer driver across compilations
/// (<see cref="SyntaxTreeValueProvider{TValue}"/>), so an edit re-reads only the edited file.
/// Nothing here is bound: the index binds only the members a question leads to.
/// </summary>
internal sealed class TreeCandidates
{
    private static readonly string[] MathText = { "Exp(", "Tanh(", "ActType.", "Sigmoid", "Softmax", "sigmoid", "softmax", "Logistic" };

    private static readonly string[] GeneratedSuffixes = { ".g.cs", ".g.i.cs", ".generated.cs", ".designer.cs" };

    private readonly Dictionary<string, List<SyntaxNode>> members = new(System.StringComparer.Ordinal);

    private TreeCandidates()
    {
    }

    /// <summary>The driver's per-tree cache of candidates.</summary>
    public static readonly SyntaxTreeValueProvider<TreeCandidates> Provider = new(Compute);

    /// <summary>The driver's per-tree cache of <see cref="MentionsActivation"/>.</summary>
    public static readonly SyntaxTreeValueProvider<bool> ActivationProvider = new(MentionsActivation);

    /// <summary>
    /// True when the tree's text could hold an activation (an exponential, a tanh, a library activation
    /// by name). A text search, no syntax walk: it gates every rule on every compilation, so on code
    /// with no machine learning it is all that runs.
    /// </summary>
    public static bool MentionsActivation(SyntaxTree tree)
    {
        var text = tree.GetText().ToString();
        if (IsGenerated(tree.FilePath, text))
        {
            return false; // the rules do not analyze generated code (Gradwise's own runtime has a sigmoid)
        }

        foreach (var needle in MathText)
        {
            if (text.IndexOf(needle, System.StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The driver's per-tree cache of <see cref="MentionsLog"/>.</summary>
    public static readonly SyntaxTreeValueProvider<bool> LogProvider = new(MentionsLog);

    /// <summary>
    /// True when the tree's text could hold a log or a library loss that takes one (the gate of GW3001 and GW4001): a text search,
    /// like <see cref="MentionsActivation"/>.
    /// </summary>
    public static bool MentionsLog(SyntaxTree tree)
    {
        var text = tree.GetText().ToString();
        if (IsGenerated(tree.FilePath, text))
        {
            return false;
        }

        foreach (var needle in LogText)
        {
            if (text.IndexOf(needle, System.StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The driver's per-tree cache of <see cref="MentionsSparseUpdate"/>.</summary>
    public static readonly SyntaxTreeValueProvider<bool> SparseUpdateProvider = new(MentionsSparseUpdate);

    /// <summary>
    /// True when the tree's text could hold a weight update over sparse input (the gate of GW2001's hand-written shapes): a
    /// sparse source (a dictionary's keys, a hash, split text, Math.NET's indexed enumeration) and an additive update.
    /// </summary>
    public static bool MentionsSparseUpdate(SyntaxTree tree)
    {
        var text = tree.GetText().ToString();
        if (IsGenerated(tree.FilePath, text))
        {
            return false;
        }

        return SparseText.Any(needle => text.IndexOf(needle, System.StringComparison.Ordinal) >= 0)
            && (text.IndexOf("+=", System.StringComparison.Ordinal) >= 0 || text.IndexOf("-=", System.StringComparison.Ordinal) >= 0 || text.IndexOf("] + ", System.StringComparison.Ordinal) >= 0 || text.IndexOf("] - ", System.StringComparison.Ordinal) >= 0 || text.IndexOf("GetValueOrDefault", System.StringComparison.Ordinal) >= 0);
    }

    /// <summary>The driver's per-tree cache of <see cref="MentionsRandom"/>.</summary>
    public static readonly SyntaxTreeValueProvider<bool> RandomProvider = new(MentionsRandom);

    /// <summary>True when the tree's text could draw from a <c>System.Random</c> (the gate of GW5001).</summary>
    public static bool MentionsRandom(SyntaxTree tree)
    {
        var text = tree.GetText().ToString();
        return !IsGenerated(tree.FilePath, text) && text.IndexOf("Random", System.StringComparison.Ordinal) >= 0;
    }

    /// <summary>The driver's per-tree cache of <see cref="MentionsDifferentiable"/>.</summary>
    public static readonly SyntaxTreeValueProvider<bool> DifferentiableProvider = new(MentionsDifferentiable);

    /// <summary>
    /// True when the tree's text could declare a [Differentiable] method (or an alias of the attribute): the gate of GW9001–GW9003,
    /// so a file without one binds no method's attributes.
    /// </summary>
    public static bool MentionsDifferentiable(SyntaxTree tree)
    {
        var text = tree.GetText().ToString();
        return !IsGenerated(tree.FilePath, text) && text.IndexOf("Differentiable", System.StringComparison.Ordinal) >= 0;
    }

    private static readonly string[] SparseText = { "Key", "Hash", "Split(", "Enumerate", "Dictionary<", "foreach (var (" };

    private static readonly string[] LogText = { "Log(", "log(", "kl_div", "cross_entropy", "KLDivLoss", "CrossEntropyLoss", "BCELoss" };

    /// <summary>
    /// The members under a key: <c>"w:" + name</c> write to something of that name (or its elements),
    /// <c>"new:" + type</c> create a type of that name (<c>"new:"</c> alone: target-typed <c>new(...)</c>),
    /// <c>"call:" + name</c> call a method of that name.
    /// </summary>
    public IReadOnlyList<SyntaxNode> Members(string key) => members.TryGetValue(key, out var list) ? list : System.Array.Empty<SyntaxNode>();

    /// <summary>Generated code by the usual conventions: a <c>.g.cs</c>/<c>.designer.cs</c>-style name or an <c>&lt;auto-generated</c> comment at the top.</summary>
    private static bool IsGenerated(string path, string text)
    {
        // Not Path.GetFileName: on .NET Framework hosts it throws on characters a tree's path may hold.
        var name = path ?? string.Empty;
        name = name.Substring(System.Math.Max(name.LastIndexOf('/'), name.LastIndexOf('\\')) + 1);
        foreach (var suffix in GeneratedSuffixes)
        {
            if (name.EndsWith(suffix, System.StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        var header = text.Length > 500 ? text.Substring(0, 500) : text;
        return header.TrimStart().StartsWith("//", System.StringComparison.Ordinal) && header.IndexOf("<auto-generated", System.StringComparison.OrdinalIgnoreCase) >= 0;
    }

    /// <summary>Reads one tree (the provider calls this; so does a caller without a driver cache).</summary>
    public static TreeCandidates Compute(SyntaxTree tree)
    {
        var result = new TreeCandidates();
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            switch (node)
            {
                case AssignmentExpressionSyntax assignment:
                    result.Add("w:", RightmostName(assignment.Left), node);
                    break;
                case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression } postfix:
                    result.Add("w:", RightmostName(postfix.Operand), node);
                    break;
                case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression } prefix:
                    result.Add("w:", RightmostName(prefix.Operand), node);
                    break;
                case VariableDeclaratorSyntax { Initializer: not null, Parent.Parent: FieldDeclarationSyntax } field:
                    result.Add("w:", field.Identifier.ValueText, field.Initializer);
                    break;
                case PropertyDeclarationSyntax { Initializer: not null } property:
                    result.Add("w:", property.Identifier.ValueText, property.Initializer);
                    break;
                case ObjectCreationExpressionSyntax creation:
                    result.Add("new:", RightmostName(creation.Type), node);
                    break;
                case ImplicitObjectCreationExpressionSyntax:
                    result.Add("new:", string.Empty, node);
                    break;
                case InvocationExpressionSyntax invocation:
                    var called = RightmostName(invocation.Expression);
                    result.Add("call:", called, node);
                    result.AddCollectionWrite(called, invocation);
                    break;
            }
        }

        return result;
    }

    /// <summary>
    /// <c>list.Add(v)</c>, <c>Array.Copy(src, dst, n)</c> and <c>src.CopyTo(dst)</c> write the elements of
    /// a collection: the member is a candidate writer of the collection's name (as <see cref="MemberFacts"/> reads it).
    /// </summary>
    private void AddCollectionWrite(string? method, InvocationExpressionSyntax invocation)
    {
        var arguments = invocation.ArgumentList.Arguments;
        if (MemberFacts.AddsAnElement(method) && invocation.Expression is MemberAccessExpressionSyntax access)
        {
            Add("w:", RightmostName(access.Expression), invocation);
        }
        else if (MemberFacts.CopiesAnArray(method))
        {
            for (var i = 1; i < arguments.Count && i <= 2; i++)
            {
                Add("w:", RightmostName(arguments[i].Expression), invocation); // Copy(src, dst, n) or Copy(src, i, dst, j, n)
            }
        }
        else if (MemberFacts.CopiesInto(method) && arguments.Count > 0)
        {
            Add("w:", RightmostName(arguments[0].Expression), invocation);
        }
    }

    private void Add(string kind, string? name, SyntaxNode node)
    {
        if (name is null || Owner(node) is not { } owner)
        {
            return;
        }

        var key = kind + name;
        if (!members.TryGetValue(key, out var list))
        {
            members[key] = list = new List<SyntaxNode>();
        }

        if (list.Count == 0 || list[list.Count - 1] != owner)
        {
            list.Add(owner);
        }
    }

    /// <summary>The node whose operation tree holds <paramref name="node"/>: a member body or an initializer.</summary>
    public static SyntaxNode? Owner(SyntaxNode node)
    {
        for (var current = node; current != null; current = current.Parent)
        {
            switch (current)
            {
                case BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or GlobalStatementSyntax:
                    return current;
                case ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax or IndexerDeclarationSyntax }:
                    return current;
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax } or PropertyDeclarationSyntax }:
                    return current;
                case TypeDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary><c>a.b.C</c>, <c>C[i]</c>, <c>this.C</c>, <c>C&lt;T&gt;</c> → "C".</summary>
    private static string? RightmostName(SyntaxNode? expression)
    {
        while (true)
        {
            switch (expression)
            {
                case IdentifierNameSyntax identifier:
                    return identifier.Identifier.ValueText;
                case GenericNameSyntax generic:
                    return generic.Identifier.ValueText;
                case QualifiedNameSyntax qualified:
                    expression = qualified.Right;
                    continue;
                case AliasQualifiedNameSyntax alias:
                    expression = alias.Name;
                    continue;
                case MemberAccessExpressionSyntax member:
                    expression = member.Name;
                    continue;
                case MemberBindingExpressionSyntax binding:
                    expression = binding.Name;
                    continue;
                case ElementAccessExpressionSyntax element:
                    expression = element.Expression;
                    continue;
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    continue;
                case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } bang:
                    expression = bang.Operand;
                    continue;
                case ConditionalAccessExpressionSyntax conditional:
                    expression = conditional.WhenNotNull;
                    continue;
                case NullableTypeSyntax nullable:
                    expression = nullable.ElementType;
                    continue;
                default:
                    return null;
            }
        }
    }
}
