using System.Collections.Generic;
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

    private readonly Dictionary<string, List<SyntaxNode>> members = new(System.StringComparer.Ordinal);

    private TreeCandidates()
    {
    }

    /// <summary>The driver's per-tree cache of candidates.</summary>
    public static readonly SyntaxTreeValueProvider<TreeCandidates> Provider = new(Compute);

    /// <summary>True when the tree could hold an activation (an exponential, a tanh, a library activation by name).</summary>
    public bool MentionsActivation { get; private set; }

    /// <summary>Members that write to something named <paramref name="name"/>.</summary>
    public IReadOnlyList<SyntaxNode> Writing(string name) => Get("w:" + name);

    /// <summary>Members that create a type named <paramref name="typeName"/> (and those with target-typed <c>new(...)</c>).</summary>
    public IEnumerable<SyntaxNode> Creating(string typeName)
    {
        foreach (var member in Get("new:" + typeName))
        {
            yield return member;
        }

        foreach (var member in Get("new:"))
        {
            yield return member;
        }
    }

    /// <summary>Members that call a method named <paramref name="name"/>.</summary>
    public IReadOnlyList<SyntaxNode> Calling(string name) => Get("call:" + name);

    private IReadOnlyList<SyntaxNode> Get(string key) => members.TryGetValue(key, out var list) ? list : System.Array.Empty<SyntaxNode>();

    /// <summary>Reads one tree (the provider calls this; so does a caller without a driver cache).</summary>
    public static TreeCandidates Compute(SyntaxTree tree)
    {
        var result = new TreeCandidates();
        var text = tree.GetText().ToString();
        foreach (var needle in MathText)
        {
            if (text.IndexOf(needle, System.StringComparison.Ordinal) >= 0)
            {
                result.MentionsActivation = true;
                break;
            }
        }

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
                    result.Add("call:", RightmostName(invocation.Expression), node);
                    break;
            }
        }

        return result;
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
